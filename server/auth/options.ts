import type { ThrottleRule } from '../db/login-throttle.ts';

/** How accounts, sessions and login throttling behave; the defaults, commented, in one object. */
export interface AuthOptions {
  /** the clock: expiry, idle time and lockout are decided by it (tests inject one) */
  now: () => Date;
  /**
   * Secure session cookies (with the __Host- prefix). `auto`: secure unless the request came over
   * plain http to a loopback address (127.0.0.1, localhost, ::1), i.e. always except in local
   * development. `always` / `never` force it (`never` only for a closed network without TLS).
   */
  cookieSecure: 'auto' | 'always' | 'never';
  /**
   * Believe X-Forwarded-For / -Proto / -Host from a reverse proxy in front of the server. Off by
   * default: without a proxy anyone could send them to dodge the per-address throttle.
   */
  trustProxy: boolean;
  /** The public origin (https://peta.example.go.id) when it differs from what the server sees. */
  publicOrigin: string | undefined;
  session: {
    /** a session ends this long after login, whatever happens */
    absoluteMs: number;
    /** and sooner when it is not used for this long */
    idleMs: number;
    /** last_seen_at is written at most this often, not on every request */
    touchMs: number;
  };
  apiToken: { defaultDays: number; maxDays: number };
  throttle: {
    /** per account (by email, existing or not): 5 failures in 15 minutes lock it for 15 minutes */
    account: ThrottleRule;
    /** per client address: many accounts tried from one address (an office NAT needs headroom) */
    ip: ThrottleRule;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const AUTH_DEFAULTS: AuthOptions = {
  now: () => new Date(),
  cookieSecure: 'auto',
  trustProxy: false,
  publicOrigin: undefined,
  session: { absoluteMs: 12 * HOUR, idleMs: 2 * HOUR, touchMs: MINUTE },
  apiToken: { defaultDays: 90, maxDays: 365 },
  throttle: {
    account: { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
    ip: { limit: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  },
};

export type AuthSettings = Partial<Omit<AuthOptions, 'session' | 'throttle' | 'apiToken'>> & {
  session?: Partial<AuthOptions['session']>;
  throttle?: Partial<AuthOptions['throttle']>;
  apiToken?: Partial<AuthOptions['apiToken']>;
};

export function authOptions(settings: AuthSettings = {}): AuthOptions {
  return {
    ...AUTH_DEFAULTS,
    ...settings,
    session: { ...AUTH_DEFAULTS.session, ...settings.session },
    throttle: { ...AUTH_DEFAULTS.throttle, ...settings.throttle },
    apiToken: { ...AUTH_DEFAULTS.apiToken, ...settings.apiToken },
  };
}
