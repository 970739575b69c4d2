import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
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
