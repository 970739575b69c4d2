import type { MiddlewareHandler } from 'hono';
import { badRequest } from '../problem.ts';

/**
 * PostgreSQL text cannot hold the NUL character, so a parameter carrying one (`%00`) would reach the
 * database only to fail there. Refused here, for every route at once, as what it is: bad input.
 * (A NUL inside a JSON body is caught where the database rejects it, see problem.ts.)
 */
export function refuseNulCharacters(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.url.includes('%00')) throw badRequest('the request contains a NUL character (%00), which no parameter may hold');
    await next();
  };
}
