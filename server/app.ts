import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Database } from './db/client.ts';
import { notFound, problemHandler } from './problem.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { createImportServices, type ImportServices } from './imports.ts';
import type { IndicatorDefinition } from './catalogue.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { regionRoutes } from './routes/regions.ts';
import { searchRoutes } from './routes/search.ts';
import { tileRoutes } from './routes/tiles.ts';
import { valueCsvRoutes, valueRoutes } from './routes/values.ts';
import type { TileStore } from './tiles/tile-store.ts';
import type { RegionTree } from './values/region-tree.ts';
import type { Succession } from './values/succession.ts';

export interface AppOptions {
  db: Database;
  tiles: TileStore;
  regionTree: RegionTree;
  successions: Succession[];
  catalogue: IndicatorDefinition[];
  /** bearer token for imports over HTTP; imports are switched off without one */
  importToken?: string;
  /** directory of the built front end; pages are not served when it does not exist */
  webRoot?: string;
}

/** Builds the whole HTTP application; `main.ts` only listens. Tests call `app.request()` on it. */
export function createApp({ db, tiles, regionTree, successions, catalogue, importToken, webRoot }: AppOptions) {
  // The import services hold an index of every region name; built on the first import, not at start.
  let importServices: Promise<ImportServices> | undefined;
  const services = () => (importServices ??= createImportServices(db, regionTree, catalogue));
  const app = new Hono();
  app.onError(problemHandler);
  app.use('/api/*', compress());

  app.route('/healthz', healthRoutes(db));
  app.route('/api/indicators', indicatorRoutes(db));
  const valueContext = { db, tree: regionTree, successions };
  app.route('/api/values', valueRoutes(valueContext));
  app.route('/api/values.csv', valueCsvRoutes(valueContext));
  app.route('/api/regions', regionRoutes(valueContext));
  app.route('/api/search', searchRoutes(db));
  app.route('/api/imports', importRoutes({ services, token: importToken }));
  app.route('/tiles', tileRoutes(tiles));
  app.all('/api/*', (c) => {
    throw notFound(`no API endpoint ${c.req.method} ${c.req.path}`);
  });

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    // serveStatic resolves against the working directory.
    const root = relative(process.cwd(), webRoot) || '.';
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
