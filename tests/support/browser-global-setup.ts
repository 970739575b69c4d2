import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startAppServer, type AppServer } from './app-server.ts';

/**
 * One real server for all browser test files: its first start loads the shipped data into a fresh
 * embedded database (~30 s), too slow to repeat per file. Files read its URL with `inject('appUrl')`;
 * a test that needs its own server (other settings) starts one with startAppServer().
 */
let server: AppServer | undefined;

export async function setup(project: TestProject) {
  if (!existsSync('dist/web/index.html')) {
    // `npm test` builds first; this makes `vitest run --project browser` work on its own too.
    const { build } = await import('vite');
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  }
  // A first start loads the shipped data and makes the demonstration data: ~30 s on a quiet machine,
  // over 120 s (the default) with other test runs beside it.
  server = await startAppServer({}, 300_000);
  project.provide('appUrl', server.url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
