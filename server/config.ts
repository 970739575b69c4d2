import { z } from 'zod';

/** An empty variable (`DATABASE_URL=` in an env file) means "not set", as shells and compose treat it. */
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

/** Every setting the server reads from the environment, with its default. */
const ENVIRONMENT = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** When set, the server uses this PostgreSQL; otherwise the embedded PGlite below. */
  DATABASE_URL: z.preprocess(unsetWhenEmpty, z.string().url().optional()),
  /** Where the embedded database keeps its files (git-ignored). */
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  /** Built front end; missing in API-only setups, which then serve no pages. */
  WEB_ROOT: z.string().min(1).default('dist/web'),
  GEODATA_DIR: z.string().min(1).default('geodata'),
  DATA_DIR: z.string().min(1).default('data'),
  /**
   * Replaced by accounts: a shared secret says nothing about who imported or where they may write.
   * Refused when set, so an automation that relied on it is told why instead of getting 401s.
   */
  IMPORT_TOKEN: z.preprocess(
    unsetWhenEmpty,
    z.undefined({
      error: 'IMPORT_TOKEN is no longer used: imports need an account. Create one (`npm run create-admin`, then POST /api/users) and give automation an API token (POST /api/auth/tokens); see README "Accounts and roles". Unset IMPORT_TOKEN to start',
    }),
  ),
  /** Session cookies: `auto` (Secure with __Host-, except for plain http on a loopback address), `always`, `never`. */
  COOKIE_SECURE: z.preprocess(
    (value) => (value === 'true' || value === '1' ? 'always' : value === 'false' || value === '0' ? 'never' : unsetWhenEmpty(value)),
    z.enum(['auto', 'always', 'never']).default('auto'),
  ),
  /** Set to 1 behind a reverse proxy: believe its X-Forwarded-For/-Proto/-Host (client address for login throttling, https). */
  TRUST_PROXY: z.preprocess(unsetWhenEmpty, z.enum(['0', '1', 'true', 'false']).default('0')).transform((flag) => flag === '1' || flag === 'true'),
  /** The site's public origin (https://peta.example.go.id), accepted as Origin of writes besides the request's own. */
  PUBLIC_ORIGIN: z.preprocess(unsetWhenEmpty, z.url().optional()),
});

export type Config = z.infer<typeof ENVIRONMENT>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENVIRONMENT.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}
