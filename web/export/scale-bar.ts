/** Metres per CSS pixel of a Web Mercator map with 512-pixel tiles (MapLibre) at `zoom` and latitude `lat`. */
export function metresPerPixel(zoom: number, lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** A scale bar at most `maxPixels` long with a round length (1, 2 or 5 times a power of ten): its length in pixels and its label. */
export function scaleBar(metresPerPx: number, maxPixels = 120): { pixels: number; label: string } {
  const maxMetres = metresPerPx * maxPixels;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((m) => m * power <= maxMetres) ?? 1;
  const metres = step * power;
  return { pixels: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
