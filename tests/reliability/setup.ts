import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { readCatalogue } from '../../server/catalogue.ts';
import { connectPostgres } from '../../server/db/client.ts';
import { ensureDemoData } from '../../server/db/demo.ts';
import { migrate } from '../../server/db/migrate.ts';
import { loadShippedData } from '../../server/db/shipped-data.ts';
import { startPostgresCluster } from '../support/postgres-cluster.ts';

/**
 * The reliability tests' own PostgreSQL cluster (always a throw-away one, even with DATABASE_URL set:
 * one test stops and starts it), with a template database loaded once with the shipped and
 * demonstration data. Each test clones the template (tests/reliability/support.ts), which takes a
 * second instead of the half minute a server's first start spends loading.
 */
export const TEMPLATE_DATABASE = 'peta_shipped';

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityCluster: { url: string; dataDir: string; root: string; port: number };
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  try {
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = `/${TEMPLATE_DATABASE}`;
    const db = await connectPostgres(url.toString());
    await migrate(db);
    await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
    await ensureDemoData(db, readCatalogue('data'));
    await db.close();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('reliabilityCluster', { url: cluster.url, dataDir: cluster.dataDir, root: cluster.root, port: cluster.port });
  return () => cluster.stop();
}
