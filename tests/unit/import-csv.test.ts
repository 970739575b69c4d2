import { describe, expect, it } from 'vitest';
import { detectDelimiter, isPlain, parseQuoted, splitPlain } from '../../server/import/csv.ts';
import { formatProblem, parseImport, type ImportContext, type ImportResult, type ImportRow } from '../../server/import/index.ts';
import { fixtureIndex, INDICATORS, PERIODS, row } from './import-fixture.ts';

const regions = fixtureIndex();

function importCsv(text: string, options: Partial<ImportContext> = {}, filename = 'capaian.csv'): Promise<ImportResult> {
  return parseImport({ bytes: new TextEncoder().encode(text), filename }, { regions, indicators: INDICATORS, periods: PERIODS, ...options });
}

/** The rows, or a failure that shows the problems (so a wrong expectation reads well). */
function rowsOf(result: ImportResult): ImportRow[] {
  if (!result.ok) throw new Error(`expected rows, got problems:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.rows;
}


describe('parseImport: CSV files that import', () => {
  const cases: { name: string; csv: string; options?: Partial<ImportContext>; format: 'long' | 'wide'; rows: ImportRow[] }[] = [
    {
      name: 'long format, comma separated, decimal dot',
      csv: 'kode,indikator,periode,nilai\n53.01.06.2015,IH-1,2024,35.3\n53.01.06.2015,BL-5,2024,12\n53.01.06,IH-1,2024,40\n',
      format: 'long',
      rows: [row(2, '53.01.06.2015', 'IH-1', 35.3), row(3, '53.01.06.2015', 'BL-5', 12), row(4, '53.01.06', 'IH-1', 40)],
    },
    {
      name: 'long format with pembilang and penyebut',
      csv: 'code,indicator,year,numerator,denominator\n53.01.06.2015,IH-1,2024,30,120\n53.01.06.2016,IH-1,2024,0,7\n',
      format: 'long',
      rows: [row(2, '53.01.06.2015', 'IH-1', 25, { numerator: 30, denominator: 120 }), row(3, '53.01.06.2016', 'IH-1', 0, { numerator: 0, denominator: 7 })],
    },
    {
      name: 'long format with nilai and a consistent pembilang/penyebut',
      csv: 'kode;indikator;periode;nilai;pembilang;penyebut\n53.01.06.2015;IH-2;2024;33,3;1;3\n53.01.06.2016;IH-2;2024;50;;\n',
      format: 'long',
      rows: [row(2, '53.01.06.2015', 'IH-2', 33.3, { numerator: 1, denominator: 3 }), row(3, '53.01.06.2016', 'IH-2', 50)],
    },
    {
      name: 'wide format with a periode column',
      csv: 'kode,periode,IH-1,BL-5\n53.01.06.2015,2024,35.3,4\n53.01.06.2016,2024,0,0\n53.01.06.2015,2023,12.5,1\n',
      format: 'wide',
      rows: [
        row(2, '53.01.06.2015', 'IH-1', 35.3),
        row(2, '53.01.06.2015', 'BL-5', 4),
        row(3, '53.01.06.2016', 'IH-1', 0),
        row(3, '53.01.06.2016', 'BL-5', 0),
        { ...row(4, '53.01.06.2015', 'IH-1', 12.5), period: '2023' },
        { ...row(4, '53.01.06.2015', 'BL-5', 1), period: '2023' },
      ],
    },
    {
      name: 'wide format, period chosen in the upload form, label columns ignored',
      csv: 'No;Kode;Nama Wilayah;ih-1;Prevalensi_Stunting\n1;5301;Kabupaten Kupang;;28,1\n2;5301062015;Oesao;61,5;\n',
      options: { period: 2024 },
      format: 'wide',
      // Blank cells of indicators not reported at a level (IH-1 for a kabupaten, prevalence for a desa) are skipped.
      rows: [row(2, '53.01', 'prevalensi_stunting', 28.1), row(3, '53.01.06.2015', 'IH-1', 61.5)],
    },
    {
      name: 'names instead of codes, each resolved inside the region before it (two desa named Sukamaju)',
      csv: 'Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan,Indikator,Tahun,Nilai\nJawa Barat,Kab. Bogor,Jonggol,Sukamaju,IH-1,2024,10\nJAWA BARAT,Kabupaten Bogor,Cibungbulang,SUKAMAJU,IH-1,2024,20\nNusa Tenggara Timur,Kab. Sikka,Paga,Regapu\'u,IH-1,2024,30\n',
      format: 'long',
      rows: [row(2, '32.01.06.2001', 'IH-1', 10), row(3, '32.01.16.2013', 'IH-1', 20), row(4, '53.07.01.2021', 'IH-1', 30)],
    },
    {
      name: 'kode blank but names given, and names down to kecamatan only',
      csv: 'kode,kabupaten,kecamatan,desa,indikator,periode,nilai\n,Kabupaten Kupang,Kupang Timur,Tanah Putih,IH-1,2024,1\n,Kabupaten Bogor,Jonggol,,IH-1,2024,2\n',
      format: 'long',
      rows: [row(2, '53.01.06.2017', 'IH-1', 1), row(3, '32.01.06', 'IH-1', 2)],
    },
    {
      name: 'title rows above the header, quoted fields with separators inside',
      csv: 'DATA CAPAIAN INDIKATOR KONVERGENSI,,,\nKabupaten Kupang 2024,,,\n\nkode,indikator,periode,nilai\n"53.01.06.2015","IH-1","2024","1,5"\n',
      format: 'long',
      rows: [row(5, '53.01.06.2015', 'IH-1', 1.5)],
    },
    {
      name: 'a category indicator keeps its text',
      csv: 'kode,indikator,periode,nilai\n53.01.06.2015,status_desa,2024,Berkembang\n',
      format: 'long',
      rows: [row(2, '53.01.06.2015', 'status_desa', null, { category: 'Berkembang' })],
    },
  ];
  it.each(cases)('$name', async ({ csv, options, format, rows }) => {
    const result = await importCsv(csv, options);
    expect(rowsOf(result)).toEqual(rows);
    expect(result.ok && result.format).toBe(format);
  });

  it('reads an Indonesian export: BOM, semicolons, decimal commas, CRLF, undotted codes, header synonyms', async () => {
    const csv = '\ufeffKode Wilayah;Indikator;Tahun;Nilai (%)\r\n5301062015;ih 1;2024;35,3\r\n5301062016;BL-5;2024;1.234\r\n\r\n5301;prevalensi_stunting;2023;21,4 %\r\n';
    expect(rowsOf(await importCsv(csv))).toEqual([
      row(2, '53.01.06.2015', 'IH-1', 35.3),
      // A ;-separated file writes decimals with a comma, so 1.234 is a thousand two hundred and thirty-four.
      row(3, '53.01.06.2016', 'BL-5', 1234),
      { ...row(5, '53.01', 'prevalensi_stunting', 21.4), period: '2023' },
    ]);
  });
});

describe('CSV reading: the quote-free fast path agrees with csv-parse', () => {
  const texts = [
    'kode,nilai\n53,1\n',
    'kode;nilai\r\n53;1,5\r\n5301;2\r\n',
    'kode,nilai\n\n53,1\n   \n5301,2',
    'kode,nilai,extra\n53\n5301,2,3,4\n,,\n',
    'kode\tnilai\n53\t 7 \n',
    '\n\nkode,nilai\n53,1\n\n',
  ];
  it.each(texts)('%j', (text) => {
    const delimiter = detectDelimiter(text);
    expect(isPlain(text)).toBe(true);
    expect(splitPlain(text, delimiter, 100)).toEqual(parseQuoted(text, delimiter, 100));
  });

  it('sends quoted text and old Mac line ends to csv-parse', () => {
    expect(isPlain('kode,nama\n53,"Nusa, Tenggara"\n')).toBe(false);
    expect(isPlain('kode,nilai\r53,1\r')).toBe(false);
  });
});
