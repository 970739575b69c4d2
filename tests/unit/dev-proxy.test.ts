import type { ProxyOptions } from 'vite';
import { describe, expect, it } from 'vitest';
import config from '../../vite.config.ts';

/**
 * `npm run dev`: Vite forwards the API to the server, but the front end's own modules under
 * web/api/ share the /api prefix and must be served by Vite (else the page never starts).
 */
describe('the dev server proxy', () => {
  const api = (config.server?.proxy?.['/api'] ?? null) as ProxyOptions | null;
  const servedByVite = (url: string) => api?.bypass?.({ url } as never, {} as never, {} as never) === url;

  it('forwards API requests', () => {
    expect(api?.target).toBeTruthy();
    for (const url of ['/api/values?indicator=IH-1&period=2024&level=provinsi', '/api/values.csv?indicator=IH-1', '/api/openapi.json', '/api/regions/53']) {
      expect(servedByVite(url)).toBe(false);
    }
  });

  it('leaves the front end’s own modules to Vite', () => {
    for (const url of ['/api/client.ts', '/api/client.ts?t=1764300000', '/api/something.tsx?import']) {
      expect(servedByVite(url)).toBe(true);
    }
  });
});
