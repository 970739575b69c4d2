/**
 * A small seeded pseudo-random generator (mulberry32) with the distributions the demonstration data
 * needs. Deterministic across platforms, so the same seed gives the same data everywhere.
 */
export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** standard normal */
  normal(): number;
  logNormal(mu: number, sigma: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Box-Muller; 1 - next() keeps the logarithm's argument above zero.
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal, logNormal: (mu, sigma) => Math.exp(mu + sigma * normal()) };
}
