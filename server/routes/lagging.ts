import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import { z } from 'zod';
import { laggingReport, type LaggingReport } from '../analysis/lagging-report.ts';
import { neutraliseFormula, toSafeCsv } from '../csv-safety.ts';
import { readDataVersion } from '../db/data-version.ts';
import { listIndicators } from '../db/indicators.ts';
import { findRegion } from '../db/regions.ts';
import { notFound } from '../problem.ts';
import { ResponseCache, sendCached } from '../response-cache.ts';
import { validate } from '../validate.ts';
import type { ValueContext } from '../values/resolve.ts';
import { LAGGING_EXPORT_COLUMNS } from '../../shared/api/supervision.ts';
import { REGION_PARAM } from './regions.ts';

export const LAGGING_QUERY = z.object({
  indicator: z.string({ error: 'indicator is required, for example prevalensi_stunting' }).min(1),
  period: z.string({ error: 'period is required, for example 2024' }).regex(/^\d{4}$/, 'period must be a four-digit year, for example 2024'),
});

/**
 * GET /api/regions/{kode}/lagging: the children of a region that lag behind, and why; `.csv` and
 * `.xlsx` are the same as a work-list for a spreadsheet (every text cell formula-safe, csv-safety.ts).
 */
export function laggingRoutes(context: ValueContext) {
  const { db } = context;
  const cache = new ResponseCache(32);

  async function report(kode: string, query: z.infer<typeof LAGGING_QUERY>): Promise<LaggingReport> {
    const region = await findRegion(db, kode);
    if (!region) throw notFound(`no region with code ${kode} in Kepmendagri 300.2.2-2138/2025`);
    const indicator = (await listIndicators(db)).find((i) => i.id === query.indicator);
    if (!indicator) throw notFound(`unknown indicator "${query.indicator}"; GET /api/indicators lists them`);
    return laggingReport(context, region, indicator, query.period);
  }

  return new Hono()
    .get('/:kode/lagging', validate('param', REGION_PARAM), validate('query', LAGGING_QUERY), async (c) => {
      const { kode } = c.req.valid('param');
      const query = c.req.valid('query');
      const { version } = await readDataVersion(db);
      const response = await cache.get(`${version}|${kode}|${query.indicator}|${query.period}`, async () => {
        const { ancestors: _, ...wire } = await report(kode, query);
        return wire;
      });
      return sendCached(c, response);
    })
    .get('/:kode/lagging.csv', validate('param', REGION_PARAM), validate('query', LAGGING_QUERY), async (c) => {
      const { kode } = c.req.valid('param');
      const query = c.req.valid('query');
      const rows = workList(await report(kode, query));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${fileName(kode, query)}.csv"`);
      // The BOM makes Excel read the file as UTF-8.
      return c.body(`\uFEFF${toSafeCsv(rows)}`);
    })
    .get('/:kode/lagging.xlsx', validate('param', REGION_PARAM), validate('query', LAGGING_QUERY), async (c) => {
      const { kode } = c.req.valid('param');
      const query = c.req.valid('query');
      const rows = workList(await report(kode, query));
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'Peta Konvergensi Stunting';
      const sheet = workbook.addWorksheet('Wilayah tertinggal');
      sheet.columns = LAGGING_EXPORT_COLUMNS.map((key) => ({ header: key, key, width: key === 'tanda' ? 60 : key === 'nama' ? 24 : 12 }));
      // Text cells are written as plain strings (never formulas), and neutralised as in the CSV too,
      // since a spreadsheet re-typing the cell would otherwise run it.
      for (const row of rows) sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, neutraliseFormula(cell)])));
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      const buffer = await workbook.xlsx.writeBuffer();
      c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('content-disposition', `attachment; filename="${fileName(kode, query)}.xlsx"`);
      return c.body(new Uint8Array(buffer));
    });
}

function fileName(kode: string, query: z.infer<typeof LAGGING_QUERY>): string {
  return `tertinggal_${kode}_${query.indicator}_${query.period}`.replace(/[^\w.-]/g, '_');
}

/** One row per child, most urgent first, in the columns of LAGGING_EXPORT_COLUMNS. */
export function workList(report: LaggingReport): Record<(typeof LAGGING_EXPORT_COLUMNS)[number], string | number>[] {
  return report.children.map((child, index) => {
    const names = report.ancestors.get(child.kode);
    return {
      urutan: index + 1,
      kode: child.kode,
      nama: child.nama,
      provinsi: names?.provinsi ?? '',
      kabkota: names?.kabkota ?? '',
      kecamatan: names?.kecamatan ?? '',
      indikator: report.indicator,
      periode: report.period,
      nilai: child.value ?? '',
      pembilang: child.numerator ?? '',
      penyebut: child.denominator ?? '',
      satuan: report.unit,
      periode_sebelumnya: report.previous_period ?? '',
      nilai_sebelumnya: child.previous_value ?? '',
      nilai_induk: report.parent_value ?? '',
      target: report.target ?? '',
      jumlah_tanda: child.flags,
      tanda: child.flags === 0 ? 'tidak tertinggal' : child.reasons.map((reason) => reason.text).join('; '),
      demonstrasi: child.value === null ? '' : child.demo ? 'ya' : 'tidak',
    };
  });
}
