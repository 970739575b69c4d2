-- Accounts, sessions, login throttling and the audit log (README "Accounts and roles").
-- Times that decide expiry and lockout are written by the server from its clock (tests inject one),
-- so they have no defaults here except where only the database writes them.

-- A user: a national admin, a province supervisor or a kab/kota operator. Scope is the region the user
-- may write in, with everything below it; admins have none (the whole country).
CREATE TABLE app_user (
  id                  bigserial PRIMARY KEY,
  -- stored lower-cased: addresses are compared without case
  email               text NOT NULL CHECK (email = lower(email)),
  name                text NOT NULL,
  role                text NOT NULL CHECK (role IN ('admin', 'provinsi', 'kabkota')),
  region_kode         text REFERENCES region (kode),
  -- "scrypt$N$r$p$salt$hash" (server/auth/password.ts): the parameters travel with the hash
  password_hash       text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  -- deleted users are kept (the audit log and import batches refer to them) but can do nothing
  deleted_at          timestamptz,
  CONSTRAINT app_user_scope_check CHECK ((role = 'admin') = (region_kode IS NULL))
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (email) WHERE deleted_at IS NULL;

-- Browser sessions (cookie) and API tokens (bearer), both stored as the sha256 of a random 256-bit
-- token: a copy of this table lets nobody in.
CREATE TABLE auth_session (
  id           bigserial PRIMARY KEY,
  token_sha256 text NOT NULL UNIQUE,
  user_id      bigint NOT NULL REFERENCES app_user (id),
  kind         text NOT NULL CHECK (kind IN ('session', 'api')),
  -- what an API token is for, e.g. "sinkronisasi e-PPGBM"
  name         text,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip           text,
  user_agent   text,
  revoked_at   timestamptz
);
CREATE INDEX auth_session_user_idx ON auth_session (user_id);

-- Failed logins, per account ('account:<email>', whether or not the account exists, so that lockout
-- reveals nothing) and per client address ('ip:<address>'). In the database, not in memory, so that
-- every server instance sees the same counts.
CREATE TABLE login_throttle (
  key          text PRIMARY KEY,
  failures     integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

-- Every write, with who, what, when, and the state before and after; written in the transaction of
-- the change it records. `scope` is the region the entry concerns (null: national or none), so that
-- province supervisors can read the entries of their province.
CREATE TABLE audit_log (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  user_id bigint REFERENCES app_user (id),
  -- the user's email at the time, or who ran a command-line tool
  actor   text NOT NULL,
  action  text NOT NULL,
  target  text,
  scope   text,
  before  jsonb,
  after   jsonb,
  ip      text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
CREATE INDEX audit_log_target_idx ON audit_log (target, id);

-- Who imported a batch, and the smallest region holding all its rows.
ALTER TABLE import_batch ADD COLUMN user_id bigint REFERENCES app_user (id);
ALTER TABLE import_batch ADD COLUMN region_scope text;

-- A national target set by an admin is kept when the shipped catalogue is reloaded.
ALTER TABLE indicator ADD COLUMN target_edited_at timestamptz;
ALTER TABLE indicator ADD COLUMN target_edited_by bigint REFERENCES app_user (id);
