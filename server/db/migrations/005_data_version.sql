-- A counter bumped by every write that changes values (import, rollback, shipped or demonstration
-- data reload). Caches and ETags are keyed by it, so every server instance sharing the database
-- sees a change at once.
CREATE TABLE data_version (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  version    bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version (version) VALUES (1);
