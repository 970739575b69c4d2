import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { badRequest, describeIssues } from './problem.ts';

/** zod validation of one part of the request; a failure is a 400 problem naming every bad parameter. */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const { detail, errors } = describeIssues(result.error);
      throw badRequest(detail, { errors });
    }
  });
}

/** A bigserial id in a path or query: a positive integer that fits (so never a database range error). */
export const ROW_ID = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER, 'a row number too large to exist');

/** Free text that is stored: no control characters (PostgreSQL refuses NUL, and none belongs in a name). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters (tabs, line breaks, NUL)');
