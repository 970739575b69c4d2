/**
 * Region names on the map (drawn by deck-overlay.ts): which names fit without overlapping. The
 * regions shown are usually at most a few hundred (the children of one region; thousands only for a
 * level chosen further down, where names are off by default), so a greedy placement on the CPU, redone as the camera moves, is cheap and needs no extra library: names are taken in
 * order of priority (larger regions first) and kept when their box touches no box already kept.
 */

export interface LabelCandidate {
  readonly kode: string;
  /** Screen position of the label point, CSS pixels. */
  readonly x: number;
  readonly y: number;
  /** Size of the text box, CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Higher first (the region's area). */
  readonly priority: number;
}

/** Room kept around each name, so that two names never touch. */
export const LABEL_GAP = 4;

/**
 * The codes of the candidates whose names are shown: centred on their point, inside the
 * `width` x `height` screen (with a margin), not overlapping one another.
 */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height: number, gap = LABEL_GAP): Set<string> {
  const kept: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const shown = new Set<string>();
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.kode < b.kode ? -1 : 1));
  for (const c of ordered) {
    const box = {
      x0: c.x - c.width / 2 - gap / 2,
      y0: c.y - c.height / 2 - gap / 2,
      x1: c.x + c.width / 2 + gap / 2,
      y1: c.y + c.height / 2 + gap / 2,
    };
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
    if (kept.some((k) => box.x0 < k.x1 && k.x0 < box.x1 && box.y0 < k.y1 && k.y0 < box.y1)) continue;
    kept.push(box);
    shown.add(c.kode);
  }
  return shown;
}

/**
 * A region's name as a map label: "Kabupaten Timor Tengah Selatan" becomes "Timor Tengah Selatan"
 * (as Indonesian atlases write kabupaten), while "Kota Kupang" stays, so that it is not mistaken for
 * Kabupaten Kupang. Other names are kept as they are.
 */
export function labelText(nama: string): string {
  return nama.replace(/^Kabupaten\s+/i, '').replace(/^Kab\.\s*/i, '');
}
