import { createPortal } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { creditLines, fileStem, legendRows, publishedAltText, publishedTitle, type PublishedMap } from '../export/figure.ts';
import { t } from '../i18n/i18n.ts';
import type { MapHandle } from '../map/create-map.ts';
import { CopyField } from './share-dialog.tsx';
import './publish.css';

type Format = 'png2' | 'png4' | 'svg' | 'csv' | 'xlsx';

/** Each format's file, made on demand: the export code is downloaded only when first used. */
async function makeFile(format: Format, map: PublishedMap, handle: MapHandle | null): Promise<{ blob: Blob; ext: string }> {
  switch (format) {
    case 'png2':
    case 'png4': {
      if (!handle) throw new Error('map not ready');
      const { composePng } = await import('../export/png.ts');
      const snapshot = await handle.snapshot(format === 'png2' ? 2 : 4);
      return { blob: await composePng(snapshot, map), ext: `${format === 'png2' ? '2x' : '4x'}.png` };
    }
    case 'svg': {
      const { svgBlob } = await import('../export/svg.ts');
      return { blob: await svgBlob(map), ext: 'svg' };
    }
    case 'csv': {
      const { csvBlob } = await import('../export/data.ts');
      return { blob: await csvBlob(map), ext: 'csv' };
    }
    case 'xlsx': {
      const { xlsxBlob } = await import('../export/data.ts');
      return { blob: await xlsxBlob(map), ext: 'xlsx' };
    }
  }
}

/**
 * "Unduh": the current map as PNG (2x, 4x) or SVG with title, legend, source and data date, its data
 * as CSV or XLSX, or printed on A4 landscape. Next to an image download, its generated alt text to
 * copy. While printing, also renders the print-only block of credits (publish.css).
 */
export function ExportMenu(props: { published: PublishedMap | null; mapHandle: { current: MapHandle | null } }) {
  const { published } = props;
  const [status, setStatus] = useState<{ kind: 'working' | 'done' | 'error'; text: string; alt: string | null } | null>(null);
  const [printImage, setPrintImage] = useState<string | null>(null);
  // The print sheet is built only while printing: it reads every value shown (sources, alt text),
  // which would otherwise be redone with each repaint of 7,285 regions for a sheet nobody sees.
  const [printing, setPrinting] = useState(false);
  useEffect(() => setStatus(null), [published?.view.region, published?.view.indicator, published?.period]);

  const run = async (format: Format) => {
    if (!published) return;
    setStatus({ kind: 'working', text: t('publish.export.working'), alt: null });
    try {
      const [{ blob, ext }, { download }] = await Promise.all([makeFile(format, published, props.mapHandle.current), import('../export/download.ts')]);
      const name = `${fileStem(published)}.${ext}`;
      download(blob, name);
      const image = format === 'png2' || format === 'png4' || format === 'svg';
      setStatus({ kind: 'done', text: name, alt: image ? publishedAltText(published) : null });
    } catch (error) {
      setStatus({ kind: 'error', text: t('publish.export.failed', { message: error instanceof Error ? error.message : String(error) }), alt: null });
    }
  };

  // A WebGL canvas does not print reliably: the map is printed from a snapshot image instead.
  const print = async () => {
    const handle = props.mapHandle.current;
    if (handle) {
      const snapshot = await handle.snapshot(2);
      setPrintImage(snapshot.canvas.toDataURL('image/png'));
    }
    setPrinting(true);
    requestAnimationFrame(() => window.print());
  };
  useEffect(() => {
    // Ctrl+P comes here too: the sheet is rendered in the microtask after "beforeprint", before the
    // browser lays out the page for printing, with the map as it is drawn at that moment ("Cetak"
    // waits for every tile at twice the pixels instead).
    const start = () => {
      setPrinting(true);
      setPrintImage((taken) => taken ?? props.mapHandle.current?.imageNow() ?? null);
    };
    const clear = () => {
      setPrinting(false);
      setPrintImage(null);
    };
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', clear);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', clear);
    };
  }, []);

  const formats: [Format, string][] = [
    ['png2', t('publish.export.png2')],
    ['png4', t('publish.export.png4')],
    ['svg', t('publish.export.svg')],
    ['csv', t('publish.export.csv')],
    ['xlsx', t('publish.export.xlsx')],
  ];
  return (
    <>
      <details class="export-menu">
        <summary>{t('publish.export')}</summary>
        <div class="export-buttons" role="group" aria-label={t('publish.export')}>
          {formats.map(([format, label]) => (
            <button key={format} type="button" disabled={!published || status?.kind === 'working'} onClick={() => void run(format)}>
              {label}
            </button>
          ))}
          <button type="button" disabled={!published} onClick={() => void print()}>
            {t('publish.export.print')}
          </button>
        </div>
        {status && (
          <p class={status.kind === 'error' ? 'error' : 'export-status'} role={status.kind === 'error' ? 'alert' : 'status'}>
            {status.text}
          </p>
        )}
        {status?.alt && <CopyField name="alt" label={t('publish.altText')} value={status.alt} rows={4} />}
      </details>
      {published &&
        printing &&
        createPortal(
        <div class="print-only print-sheet" aria-hidden="true">
          <p class="print-title">{publishedTitle(published)}</p>
          {printImage && <img class="print-map" src={printImage} alt="" />}
          <ul class="print-legend">
            {legendRows(published).map((row) => (
              <li key={row.label}>
                <span class="print-swatch" style={{ background: row.color }} />
                {row.label}
              </li>
            ))}
          </ul>
          <div class="print-credits">
            {creditLines(published).map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p>{publishedAltText(published)}</p>
          </div>
        </div>,
        document.body,
      )}
    </>
  );
}
