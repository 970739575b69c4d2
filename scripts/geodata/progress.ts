/**
 * Progress lines for the long build: `[  12.3s] stage: message`, on stderr so stdout stays clean.
 * Worker processes inherit the build's start time through GEODATA_BUILD_STARTED, so all lines share
 * one clock.
 */
const started = Number(process.env.GEODATA_BUILD_STARTED) || Date.now();
process.env.GEODATA_BUILD_STARTED = String(started);

export function progress(stage: string, message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds}s] ${stage}: ${message}\n`);
}

export function elapsedSeconds(): number {
  return (Date.now() - started) / 1000;
}
