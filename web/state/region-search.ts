import { drillDown, parentOf, type Level, type View } from './view.ts';

/** What the search box needs of a hit (GET /api/search): the region and its ancestors from the provinsi down. */
export interface FoundRegion {
  readonly kode: string;
  readonly level: Level;
  readonly nama: string;
  readonly ancestors: readonly { readonly kode: string; readonly level: string; readonly nama: string }[];
}

/**
 * The view that shows a region chosen in the search box. A desa has no children: the map shows the
 * desa of its kecamatan with the chosen one selected (outlined). Any other region is drilled into,
 * its children painted and its own outline drawn around them. Either way the map fits the new region.
 */
export function viewForFound(view: View, found: FoundRegion): View {
  const inside = drillDown(view, found.kode);
  if (inside) return inside;
  const around = drillDown(view, parentOf(found.kode)) ?? view;
  return { ...around, selected: found.kode };
}

/** An ancestor as people write it in an address: "Kec. Cibadak", "Kab. Sukabumi", "Kota Bogor", "Jawa Barat". */
function shortName(ancestor: FoundRegion['ancestors'][number]): string {
  if (ancestor.level === 'kecamatan') return `Kec. ${ancestor.nama}`;
  return ancestor.nama.replace(/^Kabupaten\s+/, 'Kab. ');
}

/**
 * What tells one "Sukamaju" from another: its ancestors, nearest first, as in an address:
 * "Kec. Tigapanah, Kab. Karo, Sumatera Utara".
 */
export function ancestorLine(found: Pick<FoundRegion, 'ancestors'>): string {
  return [...found.ancestors].reverse().map(shortName).join(', ');
}
