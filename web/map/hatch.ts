/**
 * The "tidak ada data" pattern: diagonal stripes, made as raw RGBA pixels so that it needs no
 * sprite server and can be unit-tested. It tiles seamlessly because a stripe repeats every `size`
 * pixels both across and down.
 */

export interface PatternImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`expected a colour like #a8a49c, got ${hex}`);
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

export function hatchPattern(opts: { size: number; stripeWidth: number; stripe: string; background: string }): PatternImage {
  const { size, stripeWidth } = opts;
  const stripe = rgb(opts.stripe);
  const background = rgb(opts.background);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b] = (x + y) % size < stripeWidth ? stripe : background;
      const o = (y * size + x) * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}
