import { Hono } from 'hono';
import { openApiDocumentOf, type RouteEntry } from '../openapi/document.ts';
import { API_PAGE_SCRIPT, renderApiPage } from '../openapi/page.ts';
import { API_PAGE_STYLE } from '../openapi/page-style.ts';
import { contentSecurityPolicy } from '../security/headers.ts';

/**
 * GET /api: the API page for people; GET /api/openapi.json: the same as OpenAPI 3.1 for tools.
 * `routes` is read on the first request, when every route is registered: a route that
 * server/openapi/operations.ts does not describe is still listed (see server/openapi/document.ts).
 */
export function apiDocsRoutes({ routes }: { routes: () => readonly RouteEntry[] }) {
  const document = openApiDocumentOf(routes);
  let json: string | undefined;
  return new Hono()
    .get('/', (c) => {
      c.header('cache-control', 'no-cache');
      // The page's inline style and script are constants, allowed by hash (security/headers.ts).
      c.header('content-security-policy', contentSecurityPolicy(c.req.path, { styles: [API_PAGE_STYLE], scripts: [API_PAGE_SCRIPT] }));
      return c.html(renderApiPage(document(), new URL(c.req.url).origin));
    })
    .get('/openapi.json', (c) => {
      c.header('access-control-allow-origin', '*');
      c.header('cache-control', 'public, max-age=300');
      return c.body((json ??= JSON.stringify(document())), 200, { 'content-type': 'application/json; charset=utf-8' });
    });
}
