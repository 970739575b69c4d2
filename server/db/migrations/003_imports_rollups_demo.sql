-- Imports as batches that can be rolled back, roll-ups of real data, and demonstration data.

-- Position of a region within its level in code order: the index into value arrays (demo_series).
ALTER TABLE region ADD COLUMN ordinal integer;
CREATE UNIQUE INDEX region_level_ordinal_idx ON region (level, ordinal);

-- Labels of category indicators, in order ('Bertumbuh|Berkembang|Berdaya'); null for numbers.
ALTER TABLE indicator ADD COLUMN categories text;
-- First and last year an indicator exists (null: open).
ALTER TABLE indicator ADD COLUMN from_year integer;
ALTER TABLE indicator ADD COLUMN to_year integer;

CREATE TABLE import_batch (
  id              bigserial PRIMARY KEY,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      text NOT NULL,
  filename        text NOT NULL,
  file_sha256     text NOT NULL,
  format          text NOT NULL,
  row_count       integer NOT NULL,
  inserted_count  integer NOT NULL,
  updated_count   integer NOT NULL,
  unchanged_count integer NOT NULL,
  rolled_back_at  timestamptz
);

ALTER TABLE observation ADD COLUMN batch_id bigint REFERENCES import_batch (id);
CREATE INDEX observation_batch_idx ON observation (batch_id);

-- The rows an import replaced, so that rolling the import back restores them exactly.
CREATE TABLE import_replaced (
  batch_id     bigint NOT NULL REFERENCES import_batch (id),
  indicator_id text NOT NULL,
  kode         text NOT NULL,
  period       text NOT NULL,
  is_demo      boolean NOT NULL,
  value        double precision NOT NULL,
  numerator    double precision,
  denominator  double precision,
  source       text NOT NULL,
  source_url   text,
  note         text,
  origin       text NOT NULL,
  replaced_batch_id bigint,
  PRIMARY KEY (batch_id, indicator_id, period, kode, is_demo)
);

-- Roll-ups of real values (demonstration roll-ups live in demo_series), rebuilt after each import
-- for the indicators and periods it touched.
CREATE TABLE rollup (
  indicator_id text NOT NULL REFERENCES indicator (id),
  period       text NOT NULL,
  kode         text NOT NULL REFERENCES region (kode),
  value        double precision,
  numerator    double precision,
  denominator  double precision,
  categories   integer[],
  reporting    integer NOT NULL,
  expected     integer NOT NULL,
  PRIMARY KEY (indicator_id, period, kode)
);

-- Demonstration data, generated from a fixed seed. Stored as one array per indicator, period and level
-- (little-endian float arrays indexed by region ordinal; NaN = not reporting) rather than as rows:
-- 83,762 desa x 32 indicators x 5 years would be 13 million rows, too many for the embedded default.
CREATE TABLE demo_series (
  indicator_id text NOT NULL REFERENCES indicator (id),
  period       text NOT NULL,
  level        text NOT NULL,
  -- 'direct' at the level where values are generated, 'rollup' above it
  basis        text NOT NULL CHECK (basis IN ('direct', 'rollup')),
  float_bytes  smallint NOT NULL CHECK (float_bytes IN (4, 8)),
  numerators   bytea NOT NULL,
  denominators bytea NOT NULL,
  reporting    bytea,
  expected     bytea,
  categories   bytea,
  PRIMARY KEY (indicator_id, period, level)
);
-- The arrays are float noise that compresses poorly; skipping compression makes writing them much faster.
ALTER TABLE demo_series ALTER COLUMN numerators SET STORAGE EXTERNAL;
ALTER TABLE demo_series ALTER COLUMN denominators SET STORAGE EXTERNAL;
