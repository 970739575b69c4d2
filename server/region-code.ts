import { z } from 'zod';

/** A dotted Kemendagri code (Kepmendagri 300.2.2-2138/2025), or ID for the whole of Indonesia. */
export const REGION_CODE = z
  .string()
  .regex(/^(ID|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/, 'a Kemendagri code such as 53, 53.01, 53.01.01 or 53.01.01.2001 (or ID for Indonesia)');
