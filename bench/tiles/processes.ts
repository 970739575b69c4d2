/**
 * Child processes of the tile benchmark: every server is spawned through here, waits for a bounded
 * time to be ready, and is registered so that `stopAll()` ends it even when the benchmark fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Server {
  name: string;
  /** http://127.0.0.1:port, no trailing slash */
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** A loopback port that was free a moment ago (the peers need one before they start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      running.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopChild));
}

// Last resort when the benchmark itself is interrupted: no server outlives it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** ready when stdout matches; the first group, if any, is the origin */
  readyLine?: RegExp;
  /** or ready when GET origin + readyPath answers 200 */
  readyPath?: string;
  origin?: string;
  timeoutMs: number;
}

export async function spawnServer(options: SpawnOptions): Promise<Server> {
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr?.on('data', collect);
  const fail = async (why: string): Promise<never> => {
    await stopChild(child);
    throw new Error(`${options.name} did not start: ${why}\n--- its last output ---\n${output.slice(-3000)}`);
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready after ${options.timeoutMs / 1000} s`)), options.timeoutMs);
      const done = (origin: string) => {
        clearTimeout(timer);
        resolve(origin);
      };
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code ?? signal}`));
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        collect(chunk);
        const match = options.readyLine?.exec(output);
        if (match) done(match[1] ?? options.origin ?? '');
      });
      if (options.readyPath && options.origin) {
        const url = options.origin + options.readyPath;
        const poll = async () => {
          while (child.exitCode === null) {
            try {
              const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
              await response.arrayBuffer();
              if (response.ok) return done(options.origin ?? '');
            } catch {
              // not listening yet
            }
            await new Promise((wait) => setTimeout(wait, 250));
          }
        };
        void poll();
      }
    });
    if (!child.pid || !origin) return await fail('no process id or address');
    return { name: options.name, origin: origin.replace(/\/$/, ''), pid: child.pid, stop: () => stopChild(child) };
  } catch (error) {
    return await fail(error instanceof Error ? error.message : String(error));
  }
}
