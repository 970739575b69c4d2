import { z } from 'zod';

/**
 * A quantised TopoJSON (as scripts/geodata/geometry.ts writes it) decoded into typed arrays: every
 * arc's absolute grid coordinates in one Int32Array, and each feature as a flat list of arc ids. A
 * border shared by two regions is stored once, as in the file, and rings are stitched only when a
 * feature is written out (geometry.ts). Kab/kota, kecamatan and desa then take about 55 MB of typed
 * arrays. JSON.parse of the whole file made 420 MB of heap (a small array for each of 5.2 million
 * points) and was the slowest step, so the arcs are read by a scanner of their own and only the rest
 * of the document (the objects, 11 MB) goes through JSON.parse.
 */
export interface DecodedTopology {
  /** x, y grid coordinates of every point of every arc, arcs one after another */
  xy: Int32Array;
  /** first point of arc i is arcStart[i]; its last is arcStart[i + 1] - 1 */
  arcStart: Uint32Array;
  /** degrees = grid * scale + translate */
  scale: [number, number];
  translate: [number, number];
  objects: Map<string, DecodedObject>;
}

/**
 * The features of one TopoJSON object. Feature i's shape is `shapes[shapeStart[i] .. shapeStart[i+1])`:
 * polygon count, then per polygon its ring count, then per ring its arc count and arc ids (TopoJSON
 * convention: ~id is arc id walked backwards). Features without geometry are left out.
 */
export interface DecodedObject {
  ids: string[];
  shapes: Int32Array;
  shapeStart: Uint32Array;
}

const TOPOLOGY = z.object({
  type: z.literal('Topology'),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }),
  // Geometries are checked one by one in decodeObject, faster than zod over 90,000 of them.
  objects: z.record(z.string(), z.object({ type: z.literal('GeometryCollection'), geometries: z.array(z.unknown()) })),
});

/** Decodes the text of a quantised TopoJSON topology; throws, naming `source`, on anything else. */
export function decodeTopology(text: string, source: string): DecodedTopology {
  const span = topLevelValue(text, 'arcs');
  if (!span) throw new Error(`${source} is not a TopoJSON topology: it has no "arcs"`);
  const { xy, arcStart } = scanArcs(text, span.start, span.end, source);
  let rest: unknown;
  try {
    rest = JSON.parse(`${text.slice(0, span.start)}[]${text.slice(span.end)}`);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = TOPOLOGY.safeParse(rest);
  if (!parsed.success) throw new Error(`${source} is not a quantised TopoJSON topology: ${z.prettifyError(parsed.error)}`);
  const { transform, objects } = parsed.data;
  const decoded = new Map<string, DecodedObject>();
  for (const [name, object] of Object.entries(objects)) decoded.set(name, decodeObject(object.geometries, arcStart.length - 1, `${source} ${name}`));
  return { xy, arcStart, scale: transform.scale, translate: transform.translate, objects: decoded };
}

const enum Char {
  Space = 32, Tab = 9, LineFeed = 10, Return = 13, Quote = 34, Backslash = 92, Comma = 44, Colon = 58, Minus = 45,
  Zero = 48, Nine = 57, OpenBracket = 91, CloseBracket = 93, OpenBrace = 123, CloseBrace = 125, LowerN = 110,
}

function isSpace(c: number): boolean {
  return c === Char.Space || c === Char.LineFeed || c === Char.Return || c === Char.Tab;
}

/** Where the value of a key of the root object starts and ends in the text. */
function topLevelValue(text: string, key: string): { start: number; end: number } | undefined {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== Char.OpenBrace) return undefined;
  i++;
  while (i < text.length) {
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== Char.Quote) return undefined;
    const keyEnd = skipString(text, i);
    const name = text.slice(i + 1, keyEnd - 1);
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== Char.Colon) return undefined;
    const start = skipSpace(text, i + 1);
    const end = skipValue(text, start);
    if (name === key) return { start, end };
    i = skipSpace(text, end);
    if (text.charCodeAt(i) !== Char.Comma) return undefined;
    i++;
  }
  return undefined;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** From the opening quote to just after the closing one. */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Backslash) i++;
    else if (c === Char.Quote) return i + 1;
  }
  return i;
}

/** Just after the value starting at i (any JSON value). */
function skipValue(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Quote) {
      i = skipString(text, i) - 1;
      if (depth === 0) return i + 1;
    } else if (c === Char.OpenBracket || c === Char.OpenBrace) {
      depth++;
    } else if (c === Char.CloseBracket || c === Char.CloseBrace) {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === Char.Comma && depth === 0) {
      return i;
    }
  }
  return i;
}

/**
 * Reads `[[[x,y],[dx,dy],…],null,…]` (the delta-encoded integer arcs of a quantised topology) into
 * absolute grid coordinates. A null arc (mapshaper writes one for fewer than two points) is empty.
 * One pass over the characters, tracking the bracket depth: 1 inside the list of arcs, 2 inside an
 * arc, 3 inside a point; anything but integers, brackets, commas, `null` and spaces is an error.
 */
function scanArcs(text: string, start: number, end: number, source: string): { xy: Int32Array; arcStart: Uint32Array } {
  // Every point opens one bracket, so the brackets bound the number of points.
  let brackets = 0;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === Char.OpenBracket) brackets++;
  const xy = new Int32Array(Math.max(0, brackets - 1) * 2);
  const arcStart: number[] = [];
  let n = 0;
  let depth = 0;
  let x = 0;
  let y = 0;
  // the point being read: which of its two numbers, the first one, and the number in progress
  let coordinate = 0;
  let first = 0;
  let value = 0;
  let digits = 0;
  let negative = false;
  let i = start;
  const fail = (what: string): never => {
    throw new Error(`${source}: unexpected ${JSON.stringify(text.slice(i, i + 20))} at character ${i} in "arcs" (${what}; is it a quantised topology?)`);
  };
  const number = (): number => {
    if (digits === 0 || digits > 9) fail('expected an integer of at most 9 digits');
    const result = negative ? -value : value;
    value = 0;
    digits = 0;
    negative = false;
    return result;
  };
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= Char.Zero && c <= Char.Nine) {
      if (depth !== 3) fail('a number outside a point');
      value = value * 10 + (c - Char.Zero);
      digits++;
    } else if (c === Char.Comma) {
      if (depth === 3) {
        if (coordinate !== 0) fail('a point with more than two numbers');
        first = number();
        coordinate = 1;
      }
    } else if (c === Char.OpenBracket) {
      depth++;
      if (depth === 2) {
        arcStart.push(n / 2);
        x = 0;
        y = 0;
      } else if (depth === 3) {
        coordinate = 0;
      } else if (depth > 3) {
        fail('nesting deeper than arcs of points');
      }
    } else if (c === Char.CloseBracket) {
      if (depth === 3) {
        if (coordinate !== 1) fail('a point with fewer than two numbers');
        x += first;
        y += number();
        xy[n++] = x;
        xy[n++] = y;
      }
      depth--;
      if (depth === 0) {
        i++;
        break;
      }
    } else if (c === Char.Minus) {
      if (depth !== 3 || digits !== 0 || negative) fail('a misplaced minus sign');
      negative = true;
    } else if (c === Char.LowerN && depth === 1 && text.startsWith('null', i)) {
      arcStart.push(n / 2);
      i += 3;
    } else if (!isSpace(c)) {
      fail('expected integers, brackets, commas or null');
    }
  }
  if (depth !== 0 || skipSpace(text, i) !== end) fail('expected the end of "arcs"');
  arcStart.push(n / 2);
  return { xy: xy.subarray(0, n), arcStart: Uint32Array.from(arcStart) };
}

function decodeObject(geometries: unknown[], arcCount: number, source: string): DecodedObject {
  const ids: string[] = [];
  const shapes: number[] = [];
  const shapeStart: number[] = [];
  geometries.forEach((geometry, g) => {
    const fail = (what: string): never => {
      throw new Error(`${source} geometry ${g}: ${what}`);
    };
    const list = (value: unknown, what: string): unknown[] => (Array.isArray(value) ? value : fail(`${what} is not an array`));
    if (typeof geometry !== 'object' || geometry === null || !('type' in geometry)) return fail('not a geometry object');
    if (geometry.type === null) return;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return fail(`type ${String(geometry.type)}, expected Polygon or MultiPolygon`);
    const id = 'id' in geometry ? geometry.id : undefined;
    if (typeof id !== 'string') return fail('no string id (the region code)');
    const arcs = list('arcs' in geometry ? geometry.arcs : undefined, 'arcs');
    const polygons = geometry.type === 'Polygon' ? [arcs] : arcs;
    ids.push(id);
    shapeStart.push(shapes.length);
    shapes.push(polygons.length);
    for (const polygon of polygons) {
      const rings = list(polygon, 'a polygon');
      shapes.push(rings.length);
      for (const item of rings) {
        const ring = list(item, 'a ring');
        shapes.push(ring.length);
        for (const arc of ring) {
          if (typeof arc !== 'number' || !Number.isInteger(arc) || arc >= arcCount || ~arc >= arcCount) return fail(`arc id ${String(arc)} does not exist (${arcCount} arcs)`);
          shapes.push(arc);
        }
      }
    }
  });
  shapeStart.push(shapes.length);
  return { ids, shapes: Int32Array.from(shapes), shapeStart: Uint32Array.from(shapeStart) };
}
