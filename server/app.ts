import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createAccounts } from './auth/accounts.ts';
import { createGuard } from './auth/guard.ts';
import { authOptions, type AuthSettings } from './auth/options.ts';
import { createSessions } from './auth/sessions.ts';
import type { Database } from './db/client.ts';
import { notFound, problemHandler } from './problem.ts';
import { publicCors } from './security/cors.ts';
import { securityHeaders } from './security/headers.ts';
import { bodyLimits, handlerTimeout, LIMITS } from './security/limits.ts';
import { refuseNulCharacters } from './security/input.ts';
import { aksiRoutes } from './routes/aksi.ts';
import { apiDocsRoutes } from './routes/api-docs.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { createImportServices, type ImportServices } from './imports.ts';
import type { IndicatorDefinition } from './catalogue.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { regionRoutes } from './routes/regions.ts';
import { searchRoutes } from './routes/search.ts';
import { targetRoutes } from './routes/targets.ts';
import { tileRoutes } from './routes/tiles.ts';
import { userRoutes } from './routes/users.ts';
import { valueCsvRoutes, valueRoutes } from './routes/values.ts';
import { IndicatorCache } from './values/indicator-cache.ts';
import { ogcRoutes } from './routes/ogc.ts';
import { noGeometry, type GeometrySource } from './ogc/geometry-store.ts';
import { noNeighbours, type NeighbourSource } from './analysis/neighbours.ts';
import { clusterRoutes } from './routes/clusters.ts';
import { laggingRoutes } from './routes/lagging.ts';
import { OgcService } from './ogc/service.ts';
import { JoinedTiles } from './tiles/joined-tiles.ts';
import type { TileStore } from './tiles/tile-store.ts';
import type { RegionTree } from './values/region-tree.ts';
import type { Succession } from './values/succession.ts';

export interface AppOptions {
  db: Database;
  tiles: TileStore;
  regionTree: RegionTree;
  successions: Succession[];
  catalogue: IndicatorDefinition[];
  /** accounts and sessions: cookie security, proxy trust, the clock (server/auth/options.ts has the defaults) */
  auth?: AuthSettings;
  /** directory of the built front end; pages are not served when it does not exist */
  webRoot?: string;
  /** polygons for /ogc, read on its first request (`geometryFromGeodata(dir)`); without it /ogc items answer 503 */
  geometry?: GeometrySource;
  /** neighbours for /api/clusters, computed on first use (`neighboursFromGeodata(dir)`); without it /api/clusters answers 503 */
  neighbours?: NeighbourSource;
}

/** Builds the whole HTTP application; `main.ts` only listens. Tests call `app.request()` on it. */
export function createApp({ db, tiles, regionTree, successions, catalogue, auth, webRoot, geometry = noGeometry, neighbours = noNeighbours }: AppOptions) {
  // The import services hold an index of every region name; built on the first import, not at start.
  let importServices: Promise<ImportServices> | undefined;
  const services = () => (importServices ??= createImportServices(db, regionTree, catalogue));
  const app = new Hono();
  app.onError(problemHandler);
  // Hardening (server/security/): headers on every answer, CORS for the public read API only,
  // body size limits, a 503 for handlers that hang, and no NUL characters in parameters.
  app.use(securityHeaders());
  app.use(publicCors());
  app.use(bodyLimits());
  app.use(handlerTimeout());
  app.use(refuseNulCharacters());
  app.use('/api/*', compress());
  app.use('/ogc/*', compress());

  app.route('/healthz', healthRoutes(db));
  app.route('/api/indicators', indicatorRoutes(db));
  const valueContext = { db, tree: regionTree, successions };
  // One catalogue cache for both forms of the values.
  const indicatorCache = new IndicatorCache(db);
  app.route('/api/values', valueRoutes(valueContext, indicatorCache));
  app.route('/api/values.csv', valueCsvRoutes(valueContext, indicatorCache));
  app.route('/api/regions', regionRoutes(valueContext));
  app.route('/api/regions', laggingRoutes(valueContext));
  app.route('/api/clusters', clusterRoutes({ ...valueContext, neighbours }));
  app.route('/api/aksi', aksiRoutes(valueContext));
  app.route('/api/search', searchRoutes(db));
  // Accounts (server/auth/): every write needs a logged-in user or an API token, within the user's region.
  const authSettings = authOptions(auth);
  const guard = createGuard(db, authSettings);
  app.route('/api/auth', authRoutes({ db, guard, sessions: createSessions(db, authSettings), options: authSettings }));
  app.route('/api/users', userRoutes({ db, guard, accounts: createAccounts(db, authSettings) }));
  app.route('/api/audit', auditRoutes({ db, guard }));
  app.route('/api/indicators', targetRoutes({ db, guard, options: authSettings }));
  app.route('/api/imports', importRoutes({ services, guard, maxBytes: LIMITS.importBytes }));
  app.route('/tiles', tileRoutes(tiles, new JoinedTiles(valueContext)));
  app.route('/ogc', ogcRoutes(new OgcService(valueContext, geometry)));
  // GET /api (the API page) and /api/openapi.json; the document lists every route, so it reads them late.
  app.route('/api', apiDocsRoutes({ routes: () => app.routes }));
  app.all('/api/*', (c) => {
    throw notFound(`no API endpoint ${c.req.method} ${c.req.path}`);
  });

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    // serveStatic resolves against the working directory.
    const root = relative(process.cwd(), webRoot) || '.';
    // The front end is ~1.3 MB of JavaScript and CSS, ~0.4 MB gzipped: compressed for slow connections
    // (on the fly; browsers then keep the hashed files for a year).
    app.use('/assets/*', compress());
    app.use('/', compress());
    app.use('/index.html', compress());
    app.use('/assets/*', serveStatic({ root, onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }));
    app.use('/*', serveStatic({ root }));
    // Explorer URLs carry their state in the query string, so every page path is the app shell.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  app.notFound((c) => {
    throw notFound(`nothing at ${c.req.path}`);
  });
  return app;
}
