/**
 * Creates a national admin account (the first one, or another) in the database that `npm start` uses
 * (DATABASE_URL, or the embedded one in .data/pglite), or gives an existing admin a new password.
 *
 * Usage: npm run create-admin -- --email EMAIL --name NAME [--reset-password] [--api-token LABEL]
 *
 * The password comes from PETA_ADMIN_PASSWORD (for automation) or is asked twice on the terminal,
 * without echo. `--reset-password` sets a new password for an existing admin (and unlocks the
 * account, ending its sessions). `--api-token LABEL` also prints a new API token of that admin, for
 * automation that imports over HTTP. Inputs: the environment (DATABASE_URL, PGLITE_DIR). Output: the
 * account in app_user, an entry in audit_log (actor "cli:$USER").
 *
 * With the embedded database, stop the server first: only one process may open it.
 * Exit code: 0 done, 1 refused, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { createAccounts } from '../server/auth/accounts.ts';
import type { Actor } from '../server/auth/guard.ts';
import { AUTH_DEFAULTS } from '../server/auth/options.ts';
import { NATIONAL } from '../server/auth/scope.ts';
import { normalizeEmail } from '../server/auth/sessions.ts';
import { newApiToken, tokenHash } from '../server/auth/tokens.ts';
import { readConfig } from '../server/config.ts';
import { recordAudit } from '../server/db/audit.ts';
import { openDatabase, type Database } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { insertSession } from '../server/db/sessions.ts';
import { findUserByEmail } from '../server/db/users.ts';
import { Problem } from '../server/problem.ts';
import { USER_BODY } from '../server/routes/users.ts';

const usage = 'usage: npm run create-admin -- --email EMAIL --name NAME [--reset-password] [--api-token LABEL]';

function fail(message: string, code: 1 | 2): never {
  console.error(message);
  process.exit(code);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'reset-password': { type: 'boolean', default: false },
      'api-token': { type: 'string' },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`, 2);
}
const options = parsed.values;
if (!options.email || (!options.name && !options['reset-password'])) fail(usage, 2);

/** Reads a line from the terminal without showing it. */
function askHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) return Promise.reject(new Error('no terminal to ask for the password on: set PETA_ADMIN_PASSWORD'));
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.PETA_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await askHidden('kata sandi (password): ');
  const second = await askHidden('ulangi kata sandi (repeat): ');
  if (first !== second) throw new Error('the two passwords differ; nothing was changed');
  return first;
}

let password: string;
try {
  password = await readPassword();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 1);
}
const email = normalizeEmail(options.email);
const input = USER_BODY.safeParse({ email, name: options.name ?? 'admin', role: 'admin', password });
if (!input.success) fail(input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'), 1);

const config = readConfig();
let db: Database;
try {
  db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
} catch (error) {
  // Above all: the embedded database is held by a running server (server/db/client.ts's pid lock).
  fail(`cannot open the database: ${error instanceof Error ? error.message : String(error)}`, 1);
}

// With --api-token, stdout carries only the token; everything else goes to stderr.
const say = options['api-token'] ? console.error : console.log;
const actor: Actor = { userId: null, name: `cli:${process.env.USER ?? 'unknown'}`, ip: null, scope: NATIONAL };
let exitCode = 0;
try {
  await migrate(db);
  const accounts = createAccounts(db, AUTH_DEFAULTS);
  const existing = await findUserByEmail(db.sql, email);
  let userId: number;
  if (existing) {
    if (!options['reset-password']) throw new Problem(409, 'exists', `an account ${email} exists already; add --reset-password to give it a new password`);
    if (existing.role !== 'admin') throw new Problem(409, 'not admin', `${email} is a ${existing.role} account; only admins are managed here (use PATCH /api/users/${existing.id})`);
    await accounts.update(actor, existing.id, { password: input.data.password });
    userId = existing.id;
    say(`kata sandi admin ${email} diganti (sesi dan tokennya diakhiri)`);
  } else {
    const user = await accounts.create(actor, { email, name: input.data.name, role: 'admin', region: null, password: input.data.password });
    userId = user.id;
    say(`admin ${email} dibuat (id ${user.id})`);
  }
  if (options['api-token']) {
    const label = options['api-token'];
    const token = newApiToken();
    const now = new Date();
    await db.sql.begin(async (sql) => {
      const created = await insertSession(sql, {
        tokenSha256: tokenHash(token),
        userId,
        kind: 'api',
        name: label,
        now,
        expiresAt: new Date(now.getTime() + AUTH_DEFAULTS.apiToken.defaultDays * 24 * 3600 * 1000),
        ip: null,
        userAgent: null,
      });
      await recordAudit(sql, {
        at: now,
        userId,
        actor: actor.name,
        action: 'auth.token_create',
        target: `token:${created.id}`,
        scope: null,
        before: null,
        after: { id: created.id, name: label, expires_at: created.expires_at.toISOString() },
        ip: null,
      });
    });
    // Only the token goes to stdout, so that automation can capture it: TOKEN=$(npm run -s create-admin ...)
    console.error(`token API "${label}" (berlaku ${AUTH_DEFAULTS.apiToken.defaultDays} hari; hanya ditampilkan sekali):`);
    console.log(token);
  }
} catch (error) {
  console.error(error instanceof Problem ? error.detail : error);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
