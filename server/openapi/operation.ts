import type { z } from 'zod';

/** The shape of one documented operation (operations.ts lists them), and the responses many share. */

/** A response body: a registered schema, a union of them, or any other media type. */
export type Body = { json: z.ZodType | z.ZodType[] } | { mediaType: string; schema?: Record<string, unknown>; example?: string };

export interface ResponseSpec {
  description: string;
  /** Absent: no body (204, 304). `problem`: an RFC 9457 problem document. */
  body?: Body | 'problem';
  headers?: Record<string, string>;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path as OpenAPI writes it. */
  path: string;
  /** The Hono route it documents, as `app.routes` lists it. */
  route: string;
  tag: string;
  summary: string;
  description: string;
  /** A sample request (on a fresh install it answers 200, except the import ones); its parameter values become the documented examples. */
  example: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** Parameter text for this operation where it differs from PARAMETER_TEXT. */
  parameterText?: Record<string, string>;
  /** Answers If-None-Match with 304 when the ETag matches. */
  conditional?: boolean;
  /** Needs an account: an API token (Authorization: Bearer) or a browser session; `roles` limits it further. */
  auth?: { roles?: readonly string[] };
  /** A JSON request body, described by the route's own validator. */
  body?: z.ZodType;
  /** A multipart upload with one file field. */
  upload?: { field: string; description: string };
  responses: Record<number, ResponseSpec>;
}

export const problem = (description: string): ResponseSpec => ({ description, body: 'problem' });
export const BAD_REQUEST = problem('Parameter tidak valid; `detail` dan `errors` menyebut apa yang harus diperbaiki.');
export const UNAUTHORIZED = problem('Belum masuk: kirim token API (`Authorization: Bearer <token>`) atau masuk dulu (`POST /api/auth/login`).');
export const FORBIDDEN = problem('Peran atau wilayah akun tidak mengizinkannya.');
export const NOT_MODIFIED: ResponseSpec = { description: 'Tidak berubah sejak ETag yang dikirim di If-None-Match.' };
export const ETAG = { ETag: 'Versi jawaban; berubah setiap kali data berubah.' };

