-- How an indicator's values combine (kind), how users group it (kelompok), and where its target comes from.
ALTER TABLE indicator ADD COLUMN kind text NOT NULL DEFAULT 'rate'
  CHECK (kind IN ('survey_percent', 'rate', 'rate_per_unit', 'count', 'money', 'score', 'category'));
ALTER TABLE indicator ADD COLUMN kelompok text NOT NULL DEFAULT 'cakupan';
ALTER TABLE indicator ADD COLUMN jenis text;
ALTER TABLE indicator ADD COLUMN target_source text;
ALTER TABLE indicator DROP CONSTRAINT indicator_direction_check;
ALTER TABLE indicator ADD CONSTRAINT indicator_direction_check CHECK (direction IN ('higher', 'lower', 'none'));
