import { describe, expect, it } from 'vitest';
import { formatProblem, parseImport, type ImportContext, type ImportResult } from '../../server/import/index.ts';
import { fixtureIndex, INDICATORS, PERIODS } from './import-fixture.ts';

const regions = fixtureIndex();
const LONG = 'kode,indikator,periode,nilai\n';

function importBytes(bytes: Uint8Array, options: Partial<ImportContext> = {}, filename = 'capaian.csv'): Promise<ImportResult> {
  return parseImport({ bytes, filename }, { regions, indicators: INDICATORS, periods: PERIODS, ...options });
}

function importCsv(text: string, options: Partial<ImportContext> = {}): Promise<ImportResult> {
  return importBytes(new TextEncoder().encode(text), options);
}

function problemsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error(`expected problems, got ${result.rows.length} rows`);
  return result.problems.map(formatProblem);
}

describe('parseImport: one problem per case, with the message the user sees', () => {
  const cases: { name: string; csv: string; options?: Partial<ImportContext>; problems: string[] }[] = [
    {
      name: 'unknown code, with the nearest existing codes',
      csv: LONG + '32.01.99,IH-1,2024,5\n',
      problems: ['baris 2, kolom kode: kode 32.01.99 bukan kecamatan dalam Kepmendagri 2025 (mungkin maksud Anda 32.01.39 Leuwisadeng, 32.01.29 Ciomas atau 32.01.19 Jasinga?)'],
    },
    {
      name: 'unknown code under a parent that does not exist',
      csv: LONG + '5301012001,IH-1,2024,5\n',
      problems: ['baris 2, kolom kode: kode 53.01.01.2001 bukan desa/kelurahan dalam Kepmendagri 2025: kecamatan 53.01.01 tidak ada (mungkin maksud Anda 53.01.04 Semau, 53.01.05 Kupang Barat atau 53.01.06 Kupang Timur?)'],
    },
    {
      name: 'unknown code, suggested from the names on the same row',
      csv: 'kode,kabupaten,kecamatan,desa,indikator,periode,nilai\n32.01.06.2091,Kabupaten Bogor,Jonggol,Sukamaju,IH-1,2024,5\n',
      problems: ['baris 2, kolom kode: kode 32.01.06.2091 bukan desa/kelurahan dalam Kepmendagri 2025 (nama wilayah pada baris ini cocok dengan 32.01.06.2001 Sukamaju)'],
    },
    {
      name: 'text that is not a code',
      csv: LONG + '53.1.6,IH-1,2024,5\n',
      problems: ['baris 2, kolom kode: "53.1.6" bukan kode wilayah Kemendagri (tulis seperti 53, 53.01, 53.01.01 atau 53.01.01.2001; titik boleh dihilangkan)'],
    },
    {
      name: 'blank code',
      csv: LONG + ',IH-1,2024,5\n',
      problems: ['baris 2, kolom kode: kode wilayah kosong (isi kode Kemendagri wilayahnya, mis. 53.01.01.2001)'],
    },
    {
      name: 'indicator not reported at the region level',
      csv: LONG + '53,IH-1,2024,5\n',
      problems: ['baris 2, kolom kode: IH-1 dilaporkan di tingkat desa/kelurahan, kecamatan; 53 adalah provinsi (hapus nilai ini, atau pindahkan ke wilayah di tingkat yang benar)'],
    },
    {
      name: 'numerator above denominator',
      csv: 'kode,indikator,periode,pembilang,penyebut\n53.01.06.2015,IH-1,2024,120,100\n',
      problems: ['baris 2, kolom pembilang: pembilang 120 lebih besar dari penyebut 100 (periksa apakah kolom pembilang dan penyebut tertukar)'],
    },
    {
      name: 'denominator zero',
      csv: 'kode,indikator,periode,pembilang,penyebut\n53.01.06.2015,IH-1,2024,0,0\n',
      problems: ['baris 2, kolom penyebut: penyebut 0: persentase tidak dapat dihitung (periksa jumlah sasaran; kosongkan baris bila belum ada sasaran)'],
    },
    {
      name: 'nilai that disagrees with pembilang/penyebut',
      csv: 'kode,indikator,periode,nilai,pembilang,penyebut\n53.01.06.2015,IH-1,2024,40,30,120\n',
      problems: ['baris 2, kolom pembilang: nilai 40 tidak sama dengan 100 × pembilang / penyebut = 25 (periksa nilai, pembilang dan penyebut di baris ini)'],
    },
    {
      name: 'pembilang/penyebut for a count',
      csv: 'kode,indikator,periode,pembilang,penyebut\n53.01.06.2015,BL-5,2024,3,10\n',
      problems: ['baris 2, kolom pembilang: BL-5 bukan persentase, jadi tidak dihitung dari pembilang/penyebut (isi kolom nilai saja untuk indikator ini)'],
    },
    {
      name: 'negative value',
      csv: LONG + '53.01.06.2015,IH-1,2024,-5\n',
      problems: ['baris 2, kolom nilai: nilai -5 negatif (nilai tidak boleh kurang dari 0)'],
    },
    {
      name: 'percentage above 100 (a ;-file reads 1.234 as a thousand)',
      csv: 'kode;indikator;periode;nilai\n53.01.06.2015;IH-1;2024;1.234\n',
      problems: ['baris 2, kolom nilai: persentase 1.234 lebih dari 100 (isi persentase 0–100, bukan jumlah atau per mil)'],
    },
    {
      name: 'a count that is not whole',
      csv: 'kode;indikator;periode;nilai\n53.01.06.2015;BL-5;2024;2,5\n',
      problems: ['baris 2, kolom nilai: BL-5 berupa jumlah, tetapi 2,5 bukan bilangan bulat'],
    },
    {
      name: 'non-numeric value',
      csv: LONG + '53.01.06.2015,IH-1,2024,n/a\n',
      problems: ['baris 2, kolom nilai: nilai "n/a" bukan angka (tulis angka saja, mis. 35,3 atau 35.3)'],
    },
    {
      name: 'blank value',
      csv: LONG + '53.01.06.2015,IH-1,2024,\n',
      problems: ['baris 2, kolom nilai: nilai kosong'],
    },
    {
      name: 'formula text in a CSV cell',
      csv: LONG + '53.01.06.2015,IH-1,2024,=B2*100\n53.01.06.2016,IH-1,2024,+A1\n53.01.06.2017,IH-1,2024,-SUM(A1:A3)\n53.01.06.2018,@foo,2024,1\n',
      problems: [
        'baris 2, kolom nilai: "=B2*100" berisi rumus, bukan nilai (ganti rumus dengan hasilnya: Salin, lalu Tempel Spesial > Nilai)',
        'baris 3, kolom nilai: "+A1" berisi rumus, bukan nilai (ganti rumus dengan hasilnya: Salin, lalu Tempel Spesial > Nilai)',
        'baris 4, kolom nilai: "-SUM(A1:A3)" berisi rumus, bukan nilai (ganti rumus dengan hasilnya: Salin, lalu Tempel Spesial > Nilai)',
        'baris 5, kolom indikator: "@foo" berisi rumus, bukan indikator (ganti rumus dengan hasilnya: Salin, lalu Tempel Spesial > Nilai)',
      ],
    },
    {
      name: 'period out of range',
      csv: LONG + '53.01.06.2015,IH-1,2030,5\n',
      problems: ['baris 2, kolom periode: periode 2030 di luar rentang 2018–2025'],
    },
    {
      name: 'period that is not a year',
      csv: LONG + '53.01.06.2015,IH-1,Tw 1 2024,5\n',
      problems: ['baris 2, kolom periode: periode "Tw 1 2024" bukan tahun (tulis tahun empat angka, mis. 2024)'],
    },
    {
      name: 'period chosen in the form out of range',
      csv: 'kode,IH-1\n53.01.06.2015,5\n',
      options: { period: 2017 },
      problems: ['baris 1, kolom periode: periode yang dipilih: periode 2017 di luar rentang 2018–2025'],
    },
    {
      name: 'unknown indicator, with the closest ids',
      csv: LONG + '53.01.06.2015,IH-11,2024,5\n53.01.06.2015,stunting,2024,5\n',
      problems: [
        'baris 2, kolom indikator: indikator "IH-11" tidak dikenal (mungkin maksud Anda IH-1?)',
        'baris 3, kolom indikator: indikator "stunting" tidak dikenal (pakai kode indikator dari katalog, mis. IH-1)',
      ],
    },
    {
      name: 'duplicate rows: both lines are reported',
      csv: LONG + '53.01.06.2015,IH-1,2024,5\n53.01.06.2016,IH-1,2024,6\n5301062015,ih-1,2024,7\n',
      problems: [
        'baris 2, kolom kode: baris ganda: kode 53.01.06.2015, IH-1, periode 2024 juga ada di baris 4 (hapus salah satu baris)',
        'baris 4, kolom kode: baris ganda: kode 53.01.06.2015, IH-1, periode 2024 juga ada di baris 2 (hapus salah satu baris)',
      ],
    },
    {
      name: 'duplicate rows in wide format',
      csv: 'kode,periode,IH-1\n53.01.06.2015,2024,5\n53.01.06.2015,2024,6\n',
      problems: [
        'baris 2, kolom kode: baris ganda: kode 53.01.06.2015, periode 2024 juga ada di baris 3 (hapus salah satu baris)',
        'baris 3, kolom kode: baris ganda: kode 53.01.06.2015, periode 2024 juga ada di baris 2 (hapus salah satu baris)',
      ],
    },
    {
      name: 'unknown desa name, with the nearest spelling in its kecamatan',
      csv: 'kabupaten,kecamatan,desa,indikator,periode,nilai\nKabupaten Bogor,Jonggol,Suka Maju,IH-1,2024,5\n',
      problems: ['baris 2, kolom desa: desa/kelurahan "Suka Maju" tidak ada di Kecamatan Jonggol (32.01.06) (mungkin maksud Anda 32.01.06.2001 Sukamaju?)'],
    },
    {
      name: 'ambiguous desa name inside its kecamatan',
      csv: 'kabupaten,kecamatan,desa,indikator,periode,nilai\nKabupaten Kupang,Kupang Timur,Oesao,IH-1,2024,5\n',
      problems: ['baris 2, kolom desa: ada 2 desa/kelurahan bernama "Oesao" di Kecamatan Kupang Timur (53.01.06): 53.01.06.1004 Oesao, 53.01.06.2015 Oesao (isi kolom kode untuk memilih salah satunya)'],
    },
    {
      name: 'ambiguous name without its parent',
      csv: 'kabupaten,indikator,periode,nilai\nBandung,prevalensi_stunting,2024,5\n',
      problems: ['baris 2, kolom kabupaten: ada 2 kabupaten/kota bernama "Bandung" dalam Kepmendagri 2025: 32.04 Kabupaten Bandung, 32.73 Kota Bandung (tambahkan kolom nama wilayah induknya, mis. kabupaten/kota, atau isi kolom kode)'],
    },
    {
      name: 'desa name alone: the same name in two kecamatan',
      csv: 'desa,indikator,periode,nilai\nSukamaju,IH-1,2024,5\n',
      problems: ['baris 2, kolom desa: ada 2 desa/kelurahan bernama "Sukamaju" dalam Kepmendagri 2025: 32.01.06.2001 Sukamaju, 32.01.16.2013 Sukamaju (tambahkan kolom nama wilayah induknya, mis. kabupaten/kota, atau isi kolom kode)'],
    },
    {
      name: 'desa name alone, unknown: asks for the parent columns',
      csv: 'desa,indikator,periode,nilai\nSukamajuu,IH-1,2024,5\n',
      problems: ['baris 2, kolom desa: desa/kelurahan "Sukamajuu" tidak ada dalam Kepmendagri 2025 (tambahkan kolom nama wilayah induknya, mis. kabupaten/kota dan kecamatan, atau isi kolom kode)'],
    },
    {
      name: 'unknown kecamatan name inside a known kabupaten',
      csv: 'kabupaten,kecamatan,indikator,periode,nilai\nKab. Bogor,Jonggool,IH-1,2024,5\n',
      problems: ['baris 2, kolom kecamatan: kecamatan "Jonggool" tidak ada di Kabupaten Bogor (32.01) (mungkin maksud Anda 32.01.06 Jonggol?)'],
    },
    {
      name: 'missing nilai column',
      csv: 'kode,indikator,periode\n53.01.06.2015,IH-1,2024\n',
      problems: ['baris 1, kolom nilai: tidak ada kolom nilai (tambahkan kolom "nilai", atau kolom "pembilang" dan "penyebut")'],
    },
    {
      name: 'pembilang without penyebut',
      csv: 'kode,indikator,periode,pembilang\n53.01.06.2015,IH-1,2024,5\n',
      problems: ['baris 1, kolom nilai: ada kolom pembilang tetapi tidak ada kolom penyebut (tambahkan kolom "nilai", atau kolom "pembilang" dan "penyebut")'],
    },
    {
      name: 'missing code and periode columns',
      csv: 'wilayah,indikator,nilai\nOesao,IH-1,5\n',
      problems: [
        'baris 1, kolom kode: tidak ada kolom kode wilayah (atau kolom nama provinsi/kabupaten/kota/kecamatan/desa) (tambahkan kolom berjudul "kode" berisi kode Kemendagri, mis. 53.01.01.2001)',
        'baris 1, kolom periode: tidak ada kolom periode (tahun) (tambahkan kolom "periode" berisi tahun, mis. 2024, atau pilih periode saat mengunggah)',
      ],
    },
    {
      name: 'no indicator column and no indicator headers',
      csv: 'kode,periode,nilai\n53.01.06.2015,2024,5\n',
      problems: ['baris 1, kolom indikator: tidak ada kolom indikator, dan tidak ada kolom yang judulnya kode indikator (format panjang: kolom "indikator" dan "nilai"; format lebar: satu kolom per indikator, berjudul kodenya, mis. prevalensi_stunting, IH-1, IH-2)'],
    },
    {
      name: 'wide format: unknown indicator column and a nilai column',
      csv: 'kode,periode,IH-1,IH-11,nilai\n53.01.06.2015,2024,5,6,7\n',
      problems: [
        'baris 1, kolom IH-11: kolom "IH-11" bukan kode indikator yang dikenal (mungkin maksud Anda IH-1?)',
        'baris 1, kolom nilai: kolom nilai tidak dipakai dalam format lebar (satu kolom per indikator) (hapus kolom ini, atau pakai format panjang dengan kolom "indikator")',
      ],
    },
    {
      name: 'the same column twice',
      csv: 'kode,periode,IH-1,ih 1\n53.01.06.2015,2024,5,6\n',
      problems: ['baris 1, kolom ih 1: kolom "ih 1" muncul dua kali (kolom C dan D) (hapus salah satunya)'],
    },
    {
      name: 'wide format: several indicators at the wrong level are one problem',
      csv: 'kode,periode,IH-1,BL-5,prevalensi_stunting\n53,2024,5,6,20\n',
      problems: ['baris 2, kolom kode: IH-1, BL-5 tidak dilaporkan di tingkat provinsi; 53 adalah provinsi (kosongkan sel-sel ini, atau pindahkan nilainya ke wilayah di tingkat yang benar)'],
    },
    {
      name: 'wide format: blank cell of an indicator reported at this level',
      csv: 'kode,periode,IH-1,BL-5\n53.01.06.2015,2024,5,\n',
      problems: ['baris 2, kolom BL-5: nilai BL-5 kosong'],
    },
    {
      name: 'header only',
      csv: LONG,
      problems: ['baris 1: berkas hanya berisi judul kolom, tanpa baris data'],
    },
    {
      name: 'empty file',
      csv: '',
      problems: ['baris 1: berkas kosong'],
    },
    {
      name: 'only blank lines',
      csv: '\n\n  \n',
      problems: ['baris 1: berkas kosong'],
    },
    {
      name: 'too many values',
      csv: 'kode,periode,IH-1,IH-2\n53.01.06.2015,2024,1,2\n53.01.06.2016,2024,1,2\n',
      options: { limits: { maxValues: 3 } },
      problems: ['baris 1: berkas berisi 4 nilai; batasnya 3 nilai per unggahan (bagi menjadi beberapa berkas, mis. satu per provinsi atau per tahun)'],
    },
    {
      name: 'too many rows to read at all',
      csv: LONG + '53.01.06.2015,IH-1,2024,1\n53.01.06.2015,IH-2,2024,1\n53.01.06.2015,IH-3,2024,1\n',
      options: { limits: { maxValues: 2 } },
      problems: ['baris 1: berkas berisi lebih dari 2 nilai; batasnya 2 nilai per unggahan (bagi menjadi beberapa berkas, mis. satu per provinsi atau per tahun)'],
    },
    {
      name: 'unclosed quote: reported where it opened, not where the file ended',
      csv: LONG + '53.01.06.2015,IH-1,2024,1\n53.01.06.2016,"IH-1,2024,1\n53.01.06.2017,IH-1,2024,1\n53.01.06.2018,IH-1,2024,1\n',
      problems: ['baris 3: berkas CSV tidak dapat dibaca: tanda kutip (") dibuka di baris ini tetapi tidak ditutup (periksa tanda kutip pada baris itu, atau simpan ulang dari Excel)'],
    },
  ];
  it.each(cases)('$name', async ({ csv, options, problems }) => {
    expect(problemsOf(await importCsv(csv, options))).toEqual(problems);
  });
});

describe('parseImport: files that are not CSV text', () => {
  const SAVE_AS = 'simpan ulang dari Excel sebagai "CSV UTF-8 (Comma delimited)" atau sebagai .xlsx';
  const utf16 = [0xff, 0xfe, ...[...'kode,IH-1\n'].flatMap((char) => [char.charCodeAt(0), 0])];
  const cases: { name: string; bytes: number[]; filename?: string; problem: string }[] = [
    { name: 'UTF-16 with a byte-order mark', bytes: utf16, problem: `berkas berkodekan UTF-16 ("Unicode Text"), bukan UTF-8 (${SAVE_AS})` },
    { name: 'UTF-16 without a byte-order mark', bytes: utf16.slice(2), problem: `berkas berisi data biner, bukan teks CSV (${SAVE_AS})` },
    { name: 'binary junk', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0x13], problem: `berkas bukan teks UTF-8 (mungkin berkas biner, atau CSV berkode Windows-1252/ANSI) (${SAVE_AS})` },
    { name: 'Windows-1252 text', bytes: [...new TextEncoder().encode('kode,desa\n53,Ma'), 0x92, 0x75], problem: `berkas bukan teks UTF-8 (mungkin berkas biner, atau CSV berkode Windows-1252/ANSI) (${SAVE_AS})` },
    { name: 'old Excel .xls', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], filename: 'data.xls', problem: `berkas ini format Excel lama (.xls) yang tidak didukung (${SAVE_AS})` },
    { name: 'text named .xlsx', bytes: [...new TextEncoder().encode('kode,IH-1\n')], filename: 'data.xlsx', problem: `berkas bernama data.xlsx tetapi isinya bukan workbook XLSX (mungkin rusak atau salah ekstensi) (${SAVE_AS})` },
    { name: 'a broken zip', bytes: [0x50, 0x4b, 0x03, 0x04, 1, 2, 3], filename: 'data.xlsx', problem: 'berkas XLSX tidak dapat dibuka' },
  ];
  it.each(cases)('$name', async ({ bytes, filename, problem }) => {
    const result = await importBytes(Uint8Array.from(bytes), {}, filename);
    expect(result.ok).toBe(false);
    const [first] = problemsOf(result);
    expect(first).toContain(problem);
  });
});

describe('parseImport: every problem at once', () => {
  const csv = [
    'kode;indikator;periode;nilai',
    '53.01.06.2015;IH-1;2024;35,3',
    '32.01.99;IH-1;2024;5',
    '53;IH-1;2030;-1',
    '53.01.06.2016;XX-9;2024;abc',
    '53.01.06.2015;IH-1;2024;36',
  ].join('\n');

  it('reports each row in file order, several per row', async () => {
    const result = await importCsv(csv);
    if (result.ok) throw new Error('expected problems');
    expect(result.rowCount).toBe(5);
    expect(result.omitted).toBe(0);
    expect(result.problems.map((problem) => [problem.line, problem.column, problem.value])).toEqual([
      [2, 'kode', '53.01.06.2015'],
      [3, 'kode', '32.01.99'],
      [4, 'periode', '2030'],
      [4, 'nilai', '-1'],
      [4, 'kode', '53'],
      [5, 'indikator', 'XX-9'],
      [5, 'nilai', 'abc'],
      [6, 'kode', '53.01.06.2015'],
    ]);
  });

  it('keeps at most maxProblems and counts the rest', async () => {
    const result = await importCsv(csv, { limits: { maxProblems: 3 } });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toHaveLength(3);
    expect(result.omitted).toBe(5);
  });
});
