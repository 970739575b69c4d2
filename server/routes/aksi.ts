import { Hono } from 'hono';
import { z } from 'zod';
import type { AksiSummary, AksiTable } from '../../shared/api/aksi.ts';
import { existsIn } from '../catalogue.ts';
import { readDataVersion } from '../db/data-version.ts';
import { listIndicators, type IndicatorSummary } from '../db/indicators.ts';
import { findRegion, namesWithAncestors } from '../db/regions.ts';
import { badRequest, notFound } from '../problem.ts';
import { ResponseCache, sendCached } from '../response-cache.ts';
import { FLAG } from '../values/level-values.ts';
import { childRange } from '../values/region-tree.ts';
import { resolveRanges, type LevelValues, type RangeQuery, type ValueContext } from '../values/resolve.ts';
import { validate } from '../validate.ts';

/**
 * The convergence actions (aksi konvergensi) of the kab/kota: how many did each aksi per year
 * (the national summary), and a table of one province's (or every) kab/kota for one year. Both
 * read the same resolved values as /api/values (real data wins over demonstration data), at
 * kab/kota level, and are cached per data version.
 */

export const AKSI_QUERY = z.object({
  period: z.string({ error: 'period is required, for example 2024' }).regex(/^\d{4}$/, 'period must be a four-digit year, for example 2024'),
  parent: z
    .string()
    .regex(/^(ID|\d{2})$/, 'parent must be a province code such as 53 (or ID, or left out, for all of Indonesia)')
    .optional(),
});

/** The real participation counts per year come from Kemendagri; which kab/kota took part is generated. */
const PARTICIPATION_SOURCE = 'Jumlah kab/kota peserta: Kemendagri (Ditjen Bina Bangda), paparan 2025; status per kab/kota: data demonstrasi';
const STATUSES = ['Belum', 'Proses', 'Selesai'];
const CATEGORY_ID = 'kategori_kinerja';
const SCORE_ID = 'skor_kinerja';

const aksiName = (text: string) => text.replace(/^(Status aksi|Action status):\s*/, '');

/** The aksi of a period, in catalogue order. */
function aksiOf(indicators: readonly IndicatorSummary[], period: string): IndicatorSummary[] {
  return indicators.filter((i) => i.kelompok === 'aksi' && existsIn(i, period) && i.periods.includes(period));
}

/** Statuses of a value column: the category index, or null where the region has no value. */
function statusAt(values: LevelValues | undefined, i: number): number | null {
  if (!values || (values.flags[i] ?? 0) === 0) return null;
  return Math.round(values.values[i] ?? 0);
}

export function aksiRoutes(context: ValueContext) {
  const { db, tree } = context;
  const cache = new ResponseCache(16);

  const indicatorsFor = async () => {
    const indicators = await listIndicators(db);
    const category = indicators.find((i) => i.id === CATEGORY_ID);
    return { indicators, categories: category?.categories ? category.categories.split('|') : ['Bertumbuh', 'Berkembang', 'Berdaya'] };
  };

  return new Hono()
    .get('/summary', async (c) => {
      const { version } = await readDataVersion(db);
      const response = await cache.get(`${version}|summary`, async (): Promise<AksiSummary> => {
        const { indicators, categories } = await indicatorsFor();
        const category = indicators.find((i) => i.id === CATEGORY_ID);
        const periods = [...new Set(indicators.filter((i) => i.kelompok === 'aksi').flatMap((i) => i.periods))].sort();
        const total = tree.kabkota.kodes.length;
        const whole = { level: 'kabkota' as const, start: 0, end: total };
        const queries: RangeQuery[] = periods.flatMap((period) => [
          ...aksiOf(indicators, period).map((indicator) => ({ indicator, period, ...whole })),
          ...(category ? [{ indicator: category, period, ...whole }] : []),
        ]);
        const resolved = await resolveRanges(context, queries);
        const years = periods.map((period) => {
          const here = queries.flatMap((q, i) => (q.period === period ? [{ q, values: resolved[i] as LevelValues }] : []));
          const aksi = here.filter(({ q }) => q.indicator.kelompok === 'aksi');
          const participating = new Set<number>();
          let demo = false;
          const rows = aksi.map(({ q, values }) => {
            const counts = STATUSES.map(() => 0);
            for (let k = 0; k < values.size; k++) {
              const status = statusAt(values, k);
              if (status === null) continue;
              counts[status] = (counts[status] ?? 0) + 1;
              participating.add(k);
              if ((values.flags[k] ?? 0) & FLAG.demo) demo = true;
            }
            return { id: q.indicator.id, nama: aksiName(q.indicator.nama), name_en: aksiName(q.indicator.name_en), counts };
          });
          const categoryCounts = categories.map(() => 0);
          const categoryValues = here.find(({ q }) => q.indicator.id === CATEGORY_ID)?.values;
          for (let k = 0; k < (categoryValues?.size ?? 0); k++) {
            const value = statusAt(categoryValues, k);
            if (value !== null) categoryCounts[value] = (categoryCounts[value] ?? 0) + 1;
          }
          return { period, participating: participating.size, demo, categories: categoryCounts, aksi: rows };
        });
        return { statuses: STATUSES, categories, total, participation_source: PARTICIPATION_SOURCE, years };
      });
      return sendCached(c, response);
    })
    .get('/', validate('query', AKSI_QUERY), async (c) => {
      const query = c.req.valid('query');
      const parent = query.parent === undefined || query.parent === 'ID' ? null : query.parent;
      if (parent !== null && !(await findRegion(db, parent))) throw notFound(`unknown province "${parent}"`);
      const { version } = await readDataVersion(db);
      const response = await cache.get(`${version}|table|${query.period}|${parent ?? ''}`, async (): Promise<AksiTable> => {
        const { indicators, categories } = await indicatorsFor();
        const aksi = aksiOf(indicators, query.period);
        if (aksi.length === 0) {
          const known = [...new Set(indicators.filter((i) => i.kelompok === 'aksi').flatMap((i) => i.periods))].sort();
          throw badRequest(`no aksi konvergensi in ${query.period}; periods with aksi: ${known.join(', ')}`);
        }
        const range = parent === null ? { start: 0, end: tree.kabkota.kodes.length } : childRange(tree, 'kabkota', parent);
        const extra = [CATEGORY_ID, SCORE_ID].flatMap((id) => indicators.filter((i) => i.id === id));
        const queries: RangeQuery[] = [...aksi, ...extra].map((indicator) => ({ indicator, period: query.period, level: 'kabkota', ...range }));
        const [resolved, names] = await Promise.all([
          resolveRanges(context, queries),
          namesWithAncestors(db, { level: 'kabkota', ...(parent ? { parent } : {}) }),
        ]);
        const byId = new Map(queries.map((q, i) => [q.indicator.id, resolved[i] as LevelValues]));
        const nameOf = new Map(names.map((n) => [n.kode, n]));
        let demo = false;
        const rows = [];
        for (let k = 0; k < range.end - range.start; k++) {
          const kode = tree.kabkota.kodes[range.start + k] ?? '';
          const status = aksi.map((a) => statusAt(byId.get(a.id), k));
          for (const a of aksi) if (((byId.get(a.id)?.flags[k] ?? 0) & FLAG.demo) !== 0) demo = true;
          const score = byId.get(SCORE_ID);
          rows.push({
            kode,
            nama: nameOf.get(kode)?.nama ?? kode,
            provinsi: kode.slice(0, 2),
            provinsi_nama: nameOf.get(kode)?.provinsi ?? '',
            status,
            selesai: status.every((s) => s === null) ? null : status.filter((s) => s === 2).length,
            skor: score && (score.flags[k] ?? 0) !== 0 ? (score.values[k] ?? null) : null,
            kategori: statusAt(byId.get(CATEGORY_ID), k),
          });
        }
        return {
          period: query.period,
          parent,
          demo,
          statuses: STATUSES,
          categories,
          aksi: aksi.map((a) => ({ id: a.id, nama: aksiName(a.nama), name_en: aksiName(a.name_en) })),
          rows,
        };
      });
      return sendCached(c, response);
    });
}
