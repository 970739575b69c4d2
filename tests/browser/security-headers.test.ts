import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LAYER } from '../../web/map/style.ts';
import { openMapPage, type MapPage } from '../support/browser.ts';

/**
 * The built app under its Content-Security-Policy (server/security/headers.ts): the map, MapLibre's
 * worker, deck.gl's labels and the API page all work with no violation reported, and no other site
 * can frame the app.
 */
let m: MapPage;
const violations: string[] = [];

beforeAll(async () => {
  m = await openMapPage(inject('appUrl'));
  m.page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  // Violations in workers reach the console too; the event adds the directive for the report.
  await m.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`));
  });
});
afterAll(async () => {
  await m?.close();
});

describe('Content-Security-Policy in Chromium', () => {
  it('draws desa with names over them (MapLibre worker, deck.gl) and a tooltip, with no violation', async () => {
    const response = await m.page.goto(`${m.url}/?level=desa&region=51.71.01&indicator=IH-1&period=2024`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await m.waitForMap(LAYER.fill('desa'), '51.71.01');
    const [kode] = await m.renderedKodes(LAYER.fill('desa'));
    const point = await m.toScreen(await m.labelPoint(kode ?? ''));
    await m.page.mouse.move(point.x, point.y);
    await m.page.getByRole('tooltip').waitFor({ state: 'visible' });
    await m.screenshot('browser-csp-desa.png');
    expect(violations).toEqual([]);
  });

  it('runs the API page with its hashed inline style and script', async () => {
    await m.page.goto(`${m.url}/api`);
    // The copy buttons come from the inline script; the narrow column from the inline style.
    await m.page.getByRole('button', { name: 'Salin' }).first().waitFor({ state: 'visible' });
    expect(await m.page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
    expect(violations).toEqual([]);
  });

  it('refuses to be framed by another page, except on the embeddable paths', async () => {
    /** Whether a page of another origin (a second server on this machine) shows `path` of the app in a frame. */
    const framed = async (path: string) => {
      const parent = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' }).end(`<iframe src="${m.url}${path}" width="400" height="300"></iframe>`);
      });
      await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve));
      const address = parent.address();
      try {
        // goto waits for the page's load event, which waits for the frame's.
        await m.page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
      } finally {
        parent.close();
      }
      const frame = await (await m.page.$('iframe'))?.contentFrame();
      if (!frame?.url().startsWith(m.url)) return false;
      return frame.evaluate(() => document.getElementById('app') !== null).catch(() => false);
    };
    expect(await framed('/')).toBe(false);
    expect(await framed('/?level=kabkota&region=53')).toBe(false);
    // The allow-list in server/security/headers.ts; the app shell answers every page path.
    expect(await framed('/embed')).toBe(true);
  });
});
