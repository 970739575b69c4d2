import { Color, expression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { makeClassification, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import { categorical, COVERAGE } from '../../web/map/classify.ts';
import { hatchPattern } from '../../web/map/hatch.ts';
import { buildStyle, FILL_COLOR, hoverSource, LAYER, NO_DATA_PATTERN, PALETTE, regionFill, TILE_ZOOMS, type StyleInput } from '../../web/map/style.ts';

const national: StyleInput = {
  origin: 'http://127.0.0.1:8080',
  level: 'provinsi',
  parent: null,
};
const ntt: StyleInput = { ...national, level: 'kabkota', parent: '53' };
const denpasarSelatan: StyleInput = { ...national, level: 'desa', parent: '51.71.01', };

describe('buildStyle', () => {
  it.each([
    ['the provinces of Indonesia', national],
    ['the kab/kota of NTT', ntt],
    ['the kecamatan of Kota Denpasar', { ...ntt, level: 'kecamatan', parent: '51.71' } satisfies StyleInput],
    ['the desa of Denpasar Selatan', denpasarSelatan],
    ['a highlighted class', { ...ntt, highlightClass: 2 }],
    ['every kab/kota of Indonesia', { ...national, level: 'kabkota' } satisfies StyleInput],
    ['every kecamatan of Indonesia', { ...national, level: 'kecamatan' } satisfies StyleInput],
    ['every desa of Kabupaten Bogor', { ...national, level: 'desa', parent: '32.01', } satisfies StyleInput],
  ])('passes the MapLibre style validator for %s', (_what, input) => {
    expect(validateStyleMin(buildStyle(input))).toEqual([]);
  });

  it('paints every kab/kota of Indonesia, unfiltered, under the province borders, when no parent is given', () => {
    const layers = buildStyle({ ...national, level: 'kabkota' }).layers;
    const fill = layers.find((l) => l.id === LAYER.fill('kabkota'));
    expect(fill && 'filter' in fill ? fill.filter : undefined).toBeUndefined();
    expect(layers.some((l) => l.id === LAYER.fill('provinsi'))).toBe(false);
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.contextLine('provinsi'))).toBeGreaterThan(ids.indexOf(LAYER.fill('kabkota')));
  });

  it('fetches nothing but our own tiles: no glyphs, sprites or other hosts', () => {
    const style = buildStyle(ntt);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = Object.values(style.sources).flatMap((s) => ('tiles' in s ? (s.tiles ?? []) : []));
    // Each level's tiles twice: the colours' source and the hover outline's (style.ts hoverSource).
    expect(urls).toEqual(
      ['provinsi', 'kabkota', 'kecamatan', 'desa'].flatMap((l) => [`http://127.0.0.1:8080/tiles/${l}/{z}/{x}/{y}.mvt`, `http://127.0.0.1:8080/tiles/${l}/{z}/{x}/{y}.mvt`]),
    );
    expect(Object.keys(style.sources)).toContain(hoverSource('kecamatan'));
    const hover = style.layers.find((l) => l.id === LAYER.hover('kabkota'));
    expect(hover).toMatchObject({ source: hoverSource('kabkota'), 'source-layer': 'kabkota' });
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('draws hover outlines only when asked for (pointer over the map, or a region pointed at elsewhere)', () => {
    const visibility = (input: StyleInput) =>
      buildStyle(input)
        .layers.filter((l) => l.id === LAYER.hover('kecamatan') || l.id === LAYER.hover('kabkota'))
        .map((l) => (l.layout as { visibility?: string } | undefined)?.visibility);
    const kupang: StyleInput = { ...national, level: 'kecamatan', parent: '53.01' };
    // The children and the parent level's neighbours each have an outline layer.
    expect(visibility(kupang)).toEqual(['none', 'none']);
    expect(visibility({ ...kupang, hoverOutline: true })).toEqual(['visible', 'visible']);
  });

  it('leaves the edges of the fills to the border lines drawn over them (no antialiasing pass)', () => {
    for (const input of [national, ntt, denpasarSelatan, { ...national, level: 'kecamatan' } satisfies StyleInput]) {
      const layers = buildStyle(input).layers;
      const ids = layers.map((l) => l.id);
      for (const id of [LAYER.noData(input.level), LAYER.fill(input.level)]) {
        const fill = layers.find((l) => l.id === id);
        expect(fill?.paint).toMatchObject({ 'fill-antialias': false });
        expect(ids.indexOf(LAYER.line(input.level))).toBeGreaterThan(ids.indexOf(id));
      }
    }
  });

  it('joins values by kode through feature-state', () => {
    for (const source of Object.values(buildStyle(national).sources)) {
      expect(source).toMatchObject({ type: 'vector', promoteId: 'kode' });
    }
  });

  it('paints provinces at national level and only the chosen province’s kab/kota below it', () => {
    const nationalIds = buildStyle(national).layers.map((l) => l.id);
    expect(nationalIds).toContain(LAYER.fill('provinsi'));
    expect(nationalIds).not.toContain(LAYER.fill('kabkota'));

    const nttLayers = buildStyle(ntt).layers;
    const kabkotaFill = nttLayers.find((l) => l.id === LAYER.fill('kabkota'));
    expect(kabkotaFill).toBeDefined();
    expect(nttLayers.find((l) => l.id === LAYER.fill('provinsi'))).toBeUndefined();
    // The filter keeps "53.01" and drops "52.01" and "5.3"-like codes of other provinces.
    if (kabkotaFill?.type !== 'fill' || !kabkotaFill.filter) throw new Error('kab/kota fill has no filter');
    const filter = featureFilter(kabkotaFill.filter);
    const keeps = (kode: string) => filter.filter({ zoom: 6 }, { type: 3, properties: { kode } } as never);
    expect(keeps('53.01')).toBe(true);
    expect(keeps('53.71')).toBe(true);
    expect(keeps('52.01')).toBe(false);
    expect(keeps('35.30')).toBe(false);
  });

  it('paints only the desa of the selected kecamatan, over its pale neighbours, with its outline', () => {
    const layers = buildStyle(denpasarSelatan).layers;
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.contextFill('kecamatan'))).toBeLessThan(ids.indexOf(LAYER.fill('desa')));
    const outline = layers.find((l) => l.id === LAYER.selectedLine('kecamatan'));
    expect(outline).toMatchObject({ source: 'kecamatan', filter: ['==', ['get', 'kode'], '51.71.01'] });
    const fill = layers.find((l) => l.id === LAYER.fill('desa'));
    if (fill?.type !== 'fill' || !fill.filter) throw new Error('desa fill has no filter');
    const filter = featureFilter(fill.filter);
    const keeps = (kode: string) => filter.filter({ zoom: 12 }, { type: 3, properties: { kode } } as never);
    expect(keeps('51.71.01.1001')).toBe(true);
    expect(keeps('51.71.02.1001')).toBe(false);
    expect(keeps('51.71.011.001')).toBe(false);
  });

  it('paints every kecamatan of Indonesia unfiltered under the province borders', () => {
    const layers = buildStyle({ ...national, level: 'kecamatan' }).layers;
    const fill = layers.find((l) => l.id === LAYER.fill('kecamatan'));
    expect(fill).toMatchObject({ type: 'fill', source: 'kecamatan' });
    expect(fill && 'filter' in fill ? fill.filter : undefined).toBeUndefined();
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.contextLine('provinsi'))).toBeGreaterThan(ids.indexOf(LAYER.fill('kecamatan')));
  });

  it('paints the desa of a whole kabupaten with the kecamatan borders between them', () => {
    const layers = buildStyle({ ...national, level: 'desa', parent: '32.01', }).layers;
    const ids = layers.map((l) => l.id);
    const fill = layers.find((l) => l.id === LAYER.fill('desa'));
    if (fill?.type !== 'fill' || !fill.filter) throw new Error('desa fill has no filter');
    const filter = featureFilter(fill.filter);
    const keeps = (kode: string) => filter.filter({ zoom: 12 }, { type: 3, properties: { kode } } as never);
    expect(keeps('32.01.01.2001')).toBe(true);
    expect(keeps('32.01.40.2003')).toBe(true);
    expect(keeps('32.02.01.2001')).toBe(false);
    const middle = layers.find((l) => l.id === LAYER.middleLine('kecamatan'));
    expect(middle).toMatchObject({ type: 'line', source: 'kecamatan' });
    expect(ids.indexOf(LAYER.middleLine('kecamatan'))).toBeGreaterThan(ids.indexOf(LAYER.fill('desa')));
    expect(ids).toContain(LAYER.selectedLine('kabkota'));
    // One step down draws no borders between: there is no level between.
    expect(buildStyle(denpasarSelatan).layers.some((l) => l.id.endsWith('-garis-antara'))).toBe(false);
  });

  it('never asks for tiles beyond the zoom levels the server has (it answers 400 there)', () => {
    const sources = buildStyle(national).sources;
    for (const [level, zooms] of Object.entries(TILE_ZOOMS)) {
      expect(sources[level]).toMatchObject(zooms);
      expect(zooms.maxzoom).toBeLessThanOrEqual(11);
    }
  });

  it('draws the hatch under the colours, so regions without a value show it', () => {
    const ids = buildStyle(national).layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.noData('provinsi'))).toBeLessThan(ids.indexOf(LAYER.fill('provinsi')));
    const noData = buildStyle(national).layers.find((l) => l.id === LAYER.noData('provinsi'));
    expect(noData).toMatchObject({ paint: { 'fill-pattern': NO_DATA_PATTERN } });
  });
});

describe('the fill colour of a region', () => {
  // The fill layer's expression (never changed) applied to the feature-state regionFill gives.
  const evaluate = (classification: typeof STUNTING_PREVALENCE, value: unknown) => {
    const compiled = expression.createExpression(FILL_COLOR, latest.paint_fill['fill-color'] as never);
    if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
    const featureState = typeof value === 'number' ? { value, fill: regionFill(value, classification) } : {};
    const out: unknown = compiled.value.evaluate({ zoom: 5 }, { type: 3, properties: {} } as never, featureState as never);
    const c = out instanceof Color ? out : Color.parse(String(out));
    if (!c) throw new Error(`not a colour: ${String(out)}`);
    const hex = (n: number) => Math.round(n * 255).toString(16).padStart(2, '0');
    return c.a === 0 ? 'transparent' : `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
  };

  it.each([
    [35.3, '#b10026'],
    [8, '#ffffb2'],
    [14, '#feb24c'],
    [29.99, '#fc4e2a'],
  ])('paints %d as %s', (value, colour) => {
    expect(evaluate(STUNTING_PREVALENCE, value)).toBe(colour);
  });

  it('leaves regions without a value transparent (the hatch below shows)', () => {
    expect(evaluate(STUNTING_PREVALENCE, undefined)).toBe('transparent');
    expect(evaluate(STUNTING_PREVALENCE, null)).toBe('transparent');
  });

  it('works for a classification with a single class', () => {
    expect(evaluate(makeClassification([], ['#336699']), 42)).toBe('#336699');
  });

  it('paints categories by their index', () => {
    const categories = categorical(['Belum', 'Proses', 'Selesai']);
    expect(regionFill(1, categories)).toBe(categories.colors[1]);
  });

  it('is one fixed expression whatever is shown, so the style never changes with the data', () => {
    const fills = [national, ntt, denpasarSelatan, { ...ntt, highlightClass: 3 }].map((input) =>
      buildStyle(input).layers.filter((l) => l.type === 'fill' && l.id.endsWith('-nilai')).map((l) => (l.type === 'fill' ? l.paint?.['fill-color'] : null)),
    );
    expect(fills.flat()).toEqual(fills.map(() => FILL_COLOR));
  });
});

describe('hatchPattern', () => {
  const image = hatchPattern({ size: 12, stripeWidth: 3, stripe: PALETTE.noDataStripe, background: PALETTE.noDataBackground });
  const pixel = (x: number, y: number) => [...image.data.slice((y * 12 + x) * 4, (y * 12 + x) * 4 + 4)];

  it('is an opaque RGBA square of two colours', () => {
    expect(image.data).toHaveLength(12 * 12 * 4);
    const colours = new Set<string>();
    for (let y = 0; y < 12; y++) for (let x = 0; x < 12; x++) colours.add(pixel(x, y).join(','));
    expect([...colours].sort()).toEqual(['168,164,156,255', '236,235,232,255']);
  });

  it('tiles without a seam: every stripe runs on across the edges, diagonally', () => {
    for (let y = 0; y < 12; y++) {
      for (let x = 0; x < 12; x++) expect(pixel((x + 1) % 12, (y + 11) % 12)).toEqual(pixel(x, y));
    }
  });

  it('rejects a colour it cannot read', () => {
    expect(() => hatchPattern({ size: 4, stripeWidth: 1, stripe: 'grey', background: '#ffffff' })).toThrow(/#a8a49c/);
  });
});
