import type { MapSnapshot } from '../map/create-map.ts';
import { t } from '../i18n/i18n.ts';
import { creditLines, legendRows, publishedTitle, type PublishedMap } from './figure.ts';
import { metresPerPixel, scaleBar } from './scale-bar.ts';

/** Layout of the exported image, in CSS pixels (multiplied by the pixel ratio on the canvas). */
export const PNG_LAYOUT = {
  margin: 16,
  titleSize: 20,
  header: 48,
  /** Legend row: swatches of this size, starting `margin` from the left, `legendTop` below the map. */
  swatch: 16,
  legendTop: 14,
  textSize: 12,
  lineHeight: 16,
} as const;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const INK = '#22211f';
const MUTED = '#5f5b55';

/**
 * A map image for reports: title above, the map drawn at the snapshot's pixel ratio, then the legend,
 * a scale bar, the source, period, demonstration label and data date. Text is drawn at the same
 * ratio, so it is sharp when printed. Returns a PNG.
 */
export async function composePng(snapshot: MapSnapshot, map: PublishedMap): Promise<Blob> {
  const L = PNG_LAYOUT;
  const r = snapshot.pixelRatio;
  const width = snapshot.width;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2d canvas');
  measure.font = `${L.textSize}px ${FONT}`;

  // Legend items flow left to right and wrap.
  const rows = legendRows(map);
  const items: { x: number; y: number; color: string; label: string }[] = [];
  let x = L.margin;
  let y = L.legendTop;
  for (const row of rows) {
    const w = L.swatch + 6 + measure.measureText(row.label).width + 16;
    if (x + w > width - L.margin && x > L.margin) {
      x = L.margin;
      y += L.swatch + 8;
    }
    items.push({ x, y, color: row.color, label: row.label });
    x += w;
  }
  const credits = creditLines(map);
  const legendBottom = y + L.swatch + 12;
  const scaleTop = legendBottom;
  const creditsTop = scaleTop + 24;
  const footer = creditsTop + credits.length * L.lineHeight + L.margin;
  const height = L.header + snapshot.height + footer;

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * r);
  canvas.height = Math.round(height * r);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.scale(r, r);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'middle';

  ctx.fillStyle = INK;
  ctx.font = `bold ${L.titleSize}px ${FONT}`;
  ctx.fillText(publishedTitle(map), L.margin, L.header / 2, width - 2 * L.margin);

  ctx.drawImage(snapshot.canvas, 0, L.header, width, snapshot.height);

  const top = L.header + snapshot.height;
  ctx.font = `${L.textSize}px ${FONT}`;
  for (const item of items) {
    ctx.fillStyle = item.color;
    ctx.fillRect(item.x, top + item.y, L.swatch, L.swatch);
    ctx.strokeStyle = 'rgba(0,0,0,0.25)';
    ctx.lineWidth = 1 / r;
    ctx.strokeRect(item.x, top + item.y, L.swatch, L.swatch);
    ctx.fillStyle = INK;
    ctx.fillText(item.label, item.x + L.swatch + 6, top + item.y + L.swatch / 2);
  }

  const bar = scaleBar(metresPerPixel(snapshot.zoom, snapshot.center.lat));
  const sy = top + scaleTop + 10;
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(L.margin, sy - 5);
  ctx.lineTo(L.margin, sy);
  ctx.lineTo(L.margin + bar.pixels, sy);
  ctx.lineTo(L.margin + bar.pixels, sy - 5);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.fillText(`${t('publish.scale')}: ${bar.label}`, L.margin + bar.pixels + 8, sy - 2);

  credits.forEach((line, i) => {
    const ly = top + creditsTop + i * L.lineHeight + L.lineHeight / 2;
    if (line === t('publish.demo')) {
      const w = ctx.measureText(line).width + 8;
      ctx.fillStyle = '#fff3b0';
      ctx.fillRect(L.margin - 4, ly - L.lineHeight / 2 + 1, w, L.lineHeight - 2);
      ctx.fillStyle = '#5a4500';
    } else ctx.fillStyle = MUTED;
    ctx.fillText(line, L.margin, ly, width - 2 * L.margin);
  });

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
