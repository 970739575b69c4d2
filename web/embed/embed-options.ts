import { z } from 'zod';
import { viewToSearch, type View } from '../state/view.ts';

/**
 * The embed view (`/embed`) takes the explorer's URL grammar (state/view.ts) plus its own options:
 *
 * | parameter | meaning |
 * |---|---|
 * | `title`  | a title above the map (the indicator and place when absent), at most 120 characters |
 * | `legend` | `0` hides the legend |
 * | `locked` | `1`: the level and region stay as published (no drilling down, zoom does not change level) |
 * | `static` | `1`: a still map, no panning or zooming |
 *
 * Without `period` the embed always shows the indicator's latest default period ("live").
 */
export interface EmbedOptions {
  readonly title: string | null;
  readonly legend: boolean;
  readonly locked: boolean;
  readonly static: boolean;
}

export const EMBED_DEFAULTS: EmbedOptions = { title: null, legend: true, locked: false, static: false };

export const EMBED_PATH = '/embed';

const schema = z.object({
  title: z.string().trim().min(1).max(120).nullable().catch(null),
  legend: z.enum(['0', '1']).nullable().catch(null),
  locked: z.literal('1').nullable().catch(null),
  static: z.literal('1').nullable().catch(null),
});

export function parseEmbedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  const q = schema.parse({ title: params.get('title'), legend: params.get('legend'), locked: params.get('locked'), static: params.get('static') });
  return { title: q.title, legend: q.legend !== '0', locked: q.locked !== null, static: q.static !== null };
}

/** The embed's URL for a view: the explorer's query with the embed options after it. No camera: an embed fits its region. */
export function embedUrl(origin: string, view: View, options: EmbedOptions): string {
  const params = new URLSearchParams(viewToSearch({ ...view, camera: null, selected: null, mode: 'explore', lockLevel: view.lockLevel || options.locked }));
  if (options.title) params.set('title', options.title);
  if (!options.legend) params.set('legend', '0');
  if (options.locked) params.set('locked', '1');
  if (options.static) params.set('static', '1');
  return `${origin}${EMBED_PATH}?${params.toString()}`;
}

/** The explorer view an embed links to ("Lihat di Peta Konvergensi Stunting"). */
export function explorerUrl(origin: string, view: View): string {
  return `${origin}/${viewToSearch({ ...view, mode: 'explore' })}`;
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The HTML to paste into a page: the iframe at the page's full width, and a small script that sets
 * its height from the embed's `peta-embed-height` messages (the map keeps its aspect ratio, so the
 * height follows the width). Messages from any other origin or frame are ignored.
 */
export function embedSnippet(url: string, title: string): string {
  const origin = new URL(url).origin;
  const script =
    `(function(){var o=${JSON.stringify(origin)};window.addEventListener("message",function(e){` +
    `if(e.origin!==o||!e.data||e.data.type!=="peta-embed-height")return;` +
    `var f=document.querySelectorAll("iframe[data-peta-embed]");for(var i=0;i<f.length;i++){` +
    `if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(+e.data.height)+"px";}});})();`;
  return (
    `<iframe data-peta-embed src="${escapeAttr(url)}" title="${escapeAttr(title)}" ` +
    `style="width:100%;height:560px;border:0" loading="lazy" allow="fullscreen"></iframe>\n<script>${script}</script>`
  );
}
