import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

/**
 * GDAL opens /ogc as a real OGC API - Features client does (its OAPIF driver, as QGIS and ogr2ogr
 * use it), against the real server: it lists the four layers, counts the 38 provinces and reads a
 * kab/kota with its properties and polygon. Needs /usr/bin/ogrinfo (Debian package gdal-bin).
 */

const OGRINFO = '/usr/bin/ogrinfo';
const run = promisify(execFile);

async function ogrinfo(...args: string[]): Promise<string> {
  if (!existsSync(OGRINFO)) throw new Error(`${OGRINFO} is missing: apt-get install gdal-bin (.ci/run does)`);
  // GDAL_HTTP_TIMEOUT bounds a hung request; no proxy between the test and the local server.
  const { stdout } = await run(OGRINFO, args, { env: { ...process.env, GDAL_HTTP_TIMEOUT: '60', no_proxy: '*' }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

describe('GDAL (ogrinfo) reads /ogc', () => {
  const source = () => `OAPIF:${inject('appUrl')}/ogc`;

  it('lists one layer per level', async () => {
    const output = await ogrinfo('-ro', '-q', source());
    for (const level of ['provinsi', 'kabkota', 'kecamatan', 'desa']) expect(output).toMatch(new RegExp(`^\\d+: ${level} \\(Multi Polygon\\)|^\\d+: ${level}\\b`, 'm'));
  });

  it('counts 38 provinces, with their fields and extent', async () => {
    const output = await ogrinfo('-ro', '-so', source(), 'provinsi');
    expect(output).toMatch(/Feature Count: 38\b/);
    expect(output).toMatch(/^kode: String/m);
    expect(output).toMatch(/^nama: String/m);
    expect(output).toMatch(/Extent: \(94\.\d+, -11\.\d+\) - \(141\.\d+, 6\.\d+\)/);
  });

  it('reads one kab/kota with its names and polygon', async () => {
    // -spat becomes the bbox parameter (Kota Kupang and its neighbour); GDAL evaluates -where itself.
    const output = await ogrinfo('-ro', '-oo', 'PAGE_SIZE=100', '-geom=SUMMARY', '-spat', '123.55', '-10.2', '123.65', '-10.15', source(), 'kabkota', '-where', "kode = '53.71'");
    expect(output).toMatch(/Feature Count: 1\b|OGRFeature\(kabkota\):/);
    expect(output).toMatch(/kode \(String\) = 53\.71/);
    expect(output).toMatch(/nama \(String\) = Kota Kupang/);
    expect(output).toMatch(/provinsi \(String\) = Nusa Tenggara Timur/);
    expect(output).toMatch(/(MULTI)?POLYGON : \d+ (geometries|points)/);
  });

  it('joins indicator values given in the connection URL (GDAL repeats its query on every request)', async () => {
    const output = await ogrinfo('-ro', '-oo', 'PAGE_SIZE=100', '-geom=NO', `${source()}?indicator=prevalensi_stunting&period=2022`, 'provinsi', '-where', "kode = '53'");
    expect(output).toMatch(/value \(Real\) = 35\.3/);
    expect(output).toMatch(/source \(String\) = SSGI 2022, Kemenkes/);
  });
});
