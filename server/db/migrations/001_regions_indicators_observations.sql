-- Regions of the Kemendagri code list, the indicator catalogue and the observed values.

CREATE TABLE region (
  kode         text PRIMARY KEY,
  level        text NOT NULL CHECK (level IN ('nasional', 'provinsi', 'kabkota', 'kecamatan', 'desa')),
  nama         text NOT NULL,
  parent       text REFERENCES region (kode),
  has_geometry boolean NOT NULL DEFAULT false,
  min_lng      double precision,
  min_lat      double precision,
  max_lng      double precision,
  max_lat      double precision,
  label_lng    double precision,
  label_lat    double precision,
  area_km2     double precision
);
CREATE INDEX region_parent_idx ON region (parent);
CREATE INDEX region_level_idx ON region (level);

CREATE TABLE indicator (
  id          text PRIMARY KEY,
  nama        text NOT NULL,
  name_en     text NOT NULL,
  unit        text NOT NULL,
  -- 'higher' or 'lower' is better
  direction   text NOT NULL CHECK (direction IN ('higher', 'lower')),
  target      double precision,
  target_year integer,
  sasaran     text NOT NULL,
  source      text NOT NULL,
  levels      text[] NOT NULL,
  sort_order  integer NOT NULL DEFAULT 0
);

-- One value per indicator, region and period, from one origin. Real and demonstration values of the
-- same key live side by side so that real data can win without destroying the demonstration set.
CREATE TABLE observation (
  indicator_id text NOT NULL REFERENCES indicator (id),
  kode         text NOT NULL REFERENCES region (kode),
  period       text NOT NULL,
  is_demo      boolean NOT NULL,
  value        double precision NOT NULL,
  numerator    double precision,
  denominator  double precision,
  source       text NOT NULL,
  source_url   text,
  note         text,
  -- 'shipped' for the real figures in data/real, 'demo' for generated demonstration data
  origin       text NOT NULL,
  PRIMARY KEY (indicator_id, period, kode, is_demo)
);

-- Which version of the data shipped in the repository is loaded, so start-up can skip reloading it.
CREATE TABLE shipped_dataset (
  name      text PRIMARY KEY,
  checksum  text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
