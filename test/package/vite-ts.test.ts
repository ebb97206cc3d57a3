/**
 * A fresh Vite + TypeScript app (test/package/apps/vite-ts) that loads only what it shows — `lenig/config`
 * and two elements — installs the packed package, type-checks with typed tags, properties and events,
 * builds, and shows the company feed from a local backend in Chromium. Helpers: ./helpers.ts.
 */
import { appSuite } from './helpers.js';

appSuite('vite-ts', 'Vite + TypeScript', async (page) => {
  await page.waitForFunction(() => document.body.dataset['store'] === 'ready', undefined, { timeout: 15_000 });
});
