import { z } from 'zod';
import { REGION_CODE_PATTERN } from '../shared/api/common.ts';

/** A dotted Kemendagri code (Kepmendagri 300.2.2-2138/2025): 53, 53.01, 53.01.01 or 53.01.01.2001. */
export const KEMENDAGRI_CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** A Kemendagri code, or ID for the whole of Indonesia, as a request parameter. A regex (not a refine), so the OpenAPI document shows the pattern. */
export const REGION_CODE = z
  .string()
  .regex(REGION_CODE_PATTERN, 'a Kemendagri code such as 53, 53.01, 53.01.01 or 53.01.01.2001 (or ID for Indonesia)');
