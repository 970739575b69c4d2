-- Real values (shipped or imported) and their roll-ups of one indicator and period at one level, as
-- arrays indexed by region ordinal like demo_series, so that a whole level is one row to read rather
-- than 83,762 to aggregate (the cold /api/values of all desa). Derived from observation and rollup
-- and written in the same transaction as they are (server/values/real-rollups.ts); every write to
-- real observations deletes the rows of what it touched first, and a missing row only means "read the
-- observation and rollup rows instead" (server/values/resolve.ts), so these can never be stale.
CREATE TABLE real_series (
  indicator_id  text NOT NULL,
  period        text NOT NULL,
  level         text NOT NULL,
  -- one byte per region: 1 a direct value, 2 a roll-up (value not null), 0 neither
  present       bytea NOT NULL,
  -- float8 (little-endian) per region, NaN where none
  value         bytea NOT NULL,
  -- float4 or float8 per region (count_bytes), NaN where none: counts of people fit float4 exactly,
  -- which halves what a whole level of desa sends; null where no region has one
  count_bytes   smallint NOT NULL CHECK (count_bytes IN (4, 8)),
  numerator     bytea,
  denominator   bytea,
  -- direct values: int4 per region, an index into sources; null when there is one source (index 0)
  source_id     bytea,
  sources       text[] NOT NULL,
  -- roll-ups: int4 per region (0 where none), null at a level without roll-ups (desa); and
  -- CATEGORY_COUNT int4 per region for categories
  reporting     bytea,
  expected      bytea,
  categories    bytea,
  PRIMARY KEY (indicator_id, period, level)
);
-- Read as byte slices (a region's children or descendants are a run of ordinals): uncompressed, so a
-- slice is read from TOAST without the rest of the array. Float noise compresses poorly anyway.
ALTER TABLE real_series ALTER COLUMN present SET STORAGE EXTERNAL;
ALTER TABLE real_series ALTER COLUMN value SET STORAGE EXTERNAL;
ALTER TABLE real_series ALTER COLUMN numerator SET STORAGE EXTERNAL;
ALTER TABLE real_series ALTER COLUMN denominator SET STORAGE EXTERNAL;
ALTER TABLE real_series ALTER COLUMN source_id SET STORAGE EXTERNAL;
ALTER TABLE real_series ALTER COLUMN reporting SET STORAGE EXTERNAL;
ALTER TABLE real_series ALTER COLUMN expected SET STORAGE EXTERNAL;
ALTER TABLE real_series ALTER COLUMN categories SET STORAGE EXTERNAL;
