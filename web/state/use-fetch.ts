import { useLayoutEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import { fetchJson } from '../api/client.ts';

export type Fetched<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly url: string }
  | { readonly status: 'ok'; readonly url: string; readonly data: T }
  | { readonly status: 'error'; readonly url: string; readonly message: string };

/**
 * Fetches `url` (or nothing when it is null). Each result carries the URL that produced it, and a
 * request whose URL is no longer wanted is aborted, so a slow stale answer never replaces a newer one.
 */
export function useFetch<T>(url: string | null, schema: z.ZodType<T>): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ status: 'idle' });

  // Started right after the render that asked for it; an effect would wait for the next frame first.
  useLayoutEffect(() => {
    if (url === null) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading', url });
    fetchJson(url, schema, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', url, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', url, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [url, schema]);

  // During the render right after `url` changes, the effect has not run yet: never show the old data.
  if (url === null) return { status: 'idle' };
  if (state.status !== 'idle' && state.url !== url) return { status: 'loading', url };
  return state;
}
