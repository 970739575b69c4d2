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
  /** Bearer token that allows imports over HTTP (until accounts exist); unset = HTTP imports off. */
  IMPORT_TOKEN: z.preprocess(unsetWhenEmpty, z.string().min(16, 'IMPORT_TOKEN must be at least 16 characters').optional()),
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
