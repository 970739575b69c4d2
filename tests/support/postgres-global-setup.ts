import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.ts';

/**
 * Gives the database tests a real PostgreSQL. With DATABASE_URL set, that server is used; otherwise
 * a throw-away cluster is started with the machine's PostgreSQL binaries and removed after the run.
 * Tests read the URL with `inject('postgresUrl')`.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('postgresUrl', process.env.DATABASE_URL);
    return;
  }
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
