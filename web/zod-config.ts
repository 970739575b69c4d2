import { z } from 'zod';

/**
 * Imported first by main.tsx, before any schema is built. The server's Content-Security-Policy
 * allows no eval, so zod's compiled validators are never available in the page; without this zod
 * probes with Function('') and the browser reports a CSP violation.
 */
z.config({ jitless: true });
