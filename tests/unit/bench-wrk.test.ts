import { describe, expect, it } from 'vitest';
import { parseWrkOutput } from '../../bench/wrk.ts';

// Captured from wrk 4.1.0 (Debian) running bench/wrk.ts's script for 1 s with 2 connections against a
// local server that answers 404 to one URL of the three: wrk's own report, then the script's line.
const OUTPUT = `Running 1s test @ http://127.0.0.1:38413/
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   413.15us    1.03ms  12.24ms   90.73%
    Req/Sec    22.92k    12.96k   37.36k    60.00%
  22765 requests in 1.00s, 18.01MB read
  Non-2xx or 3xx responses: 7588
Requests/sec:  22759.51
Transfer/sec:     18.00MB

WRK-JSON {"requests":22765,"duration_us":1000241,"bytes":18880113,"connect":0,"read":0,"write":0,"status":7588,"timeout":0,"p50_us":58,"p99_us":4892,"max_us":12237}
`;

describe('parseWrkOutput', () => {
  it('gives the figures wrk itself reports', () => {
    const run = parseWrkOutput(OUTPUT);
    expect(run.requests).toBe(22765);
    expect(run.seconds).toBeCloseTo(1.000241, 6);
    expect(run.requestsPerSecond).toBeCloseTo(22759.51, 2); // "Requests/sec:  22759.51"
    expect(run.megabytesPerSecond * 1e6 / 2 ** 20).toBeCloseTo(18.0, 2); // "Transfer/sec: 18.00MB" (wrk's MB are MiB)
    expect(run.latencyMaxMs).toBeCloseTo(12.24, 2); // "Max 12.24ms"
    expect(run.latencyP50Ms).toBe(0.058);
    expect(run.latencyP99Ms).toBe(4.892);
  });

  it('counts the 404s as status errors, and they are all the errors', () => {
    const run = parseWrkOutput(OUTPUT);
    expect(run.errorKinds).toEqual({ connect: 0, read: 0, write: 0, status: 7588, timeout: 0 });
    expect(run.errors).toBe(7588); // "Non-2xx or 3xx responses: 7588"
  });

  it('adds the error kinds up', () => {
    const line = 'WRK-JSON {"requests":10,"duration_us":2000000,"bytes":0,"connect":1,"read":2,"write":3,"status":4,"timeout":5,"p50_us":1,"p99_us":2,"max_us":3}';
    expect(parseWrkOutput(line).errors).toBe(15);
  });

  it('refuses output without the script line, or with a field missing', () => {
    const report = OUTPUT.slice(0, OUTPUT.indexOf('WRK-JSON'));
    expect(() => parseWrkOutput(report)).toThrow(/no WRK-JSON line/);
    expect(() => parseWrkOutput(OUTPUT.replace(',"max_us":12237', ''))).toThrow(/max_us/);
  });
});
