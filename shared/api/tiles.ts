import { z } from 'zod';
import { apiSchemas, LEVELS } from './common.ts';

/** GET /tiles/{level}.json: TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0). */
export const tileJsonSchema = z
  .object({
    tilejson: z.literal('3.0.0'),
    name: z.string().meta({ examples: ['Batas provinsi'] }),
    description: z.string(),
    version: z.string().meta({ description: 'Versi arsip ubin; berubah bila batas wilayah dibangun ulang.' }),
    attribution: z.string(),
    scheme: z.literal('xyz'),
    tiles: z.array(z.string()).min(1).meta({ description: 'Templat URL ubin.', examples: [['https://contoh.id/tiles/provinsi/{z}/{x}/{y}.mvt']] }),
    minzoom: z.int().min(0).max(30),
    maxzoom: z.int().min(0).max(30),
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    center: z.tuple([z.number(), z.number(), z.number()]),
    vector_layers: z.array(
      z.object({
        id: z.enum(LEVELS).meta({ description: 'Nama lapisan: sama dengan tingkatnya.' }),
        description: z.string(),
        minzoom: z.int().min(0).max(30),
        maxzoom: z.int().min(0).max(30),
        fields: z
          .record(z.string(), z.enum(['String', 'Number', 'Boolean']))
          .meta({ description: 'Properti fitur: `kode` dan `nama`, dan dengan nilai tergabung `value`, `numerator`, `denominator`, `source`, `demo`, `basis`.', examples: [{ kode: 'String', nama: 'String' }] }),
      }),
    ),
  })
  .meta({ description: 'TileJSON 3.0.0 satu tingkat wilayah, untuk MapLibre, QGIS dan lainnya.' })
  .register(apiSchemas, { id: 'TileJSON' });
