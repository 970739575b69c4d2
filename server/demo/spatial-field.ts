import type { Random } from './random.ts';

/**
 * A smooth random surface over Indonesia: a sum of a few plane waves of random direction, wavelength
 * (200-1,500 km) and phase, plus finer ones at lower amplitude. Sampled at region label points it
 * makes neighbouring regions resemble each other, the spatial structure real coverage data has.
 * Values are roughly standard normal.
 */
const WAVES = 6;
const KM_PER_DEGREE = 111;

export class SpatialField {
  private readonly waves: { kx: number; ky: number; phase: number; amplitude: number }[];

  constructor(random: Random) {
    this.waves = Array.from({ length: WAVES }, (_, i) => {
      const wavelengthKm = 1500 / (1 + i * 0.9);
      const angle = random.next() * 2 * Math.PI;
      const k = (2 * Math.PI * KM_PER_DEGREE) / wavelengthKm;
      return { kx: k * Math.cos(angle), ky: k * Math.sin(angle), phase: random.next() * 2 * Math.PI, amplitude: 1 / (1 + i * 0.5) };
    });
  }

  at(lng: number, lat: number): number {
    let sum = 0;
    let norm = 0;
    for (const wave of this.waves) {
      sum += wave.amplitude * Math.sin(wave.kx * lng + wave.ky * lat + wave.phase);
      norm += wave.amplitude * wave.amplitude;
    }
    return (sum / Math.sqrt(norm / 2)) * 0.8;
  }

  /** A sampler over [lng, lat] pairs; regions without a label point get the field's mean, 0. */
  sampler(labels: Float64Array): (i: number) => number {
    return (i) => {
      const lng = labels[i * 2] ?? Number.NaN;
      const lat = labels[i * 2 + 1] ?? Number.NaN;
      return Number.isNaN(lng) || Number.isNaN(lat) ? 0 : this.at(lng, lat);
    };
  }
}
