#!/usr/bin/env node
// Takes the demo screenshots in docs/screenshots/ from a running demo (`npm start` in another terminal).
//
//   node scripts/screenshots.mjs                          the demo at http://127.0.0.1:$LENIG_DEMO_PORT/ (default 8080)
//   node scripts/screenshots.mjs http://127.0.0.1:5173/   the demo somewhere else
//   node scripts/screenshots.mjs --only demo-dark         one screenshot
//
// Each shot is a fresh browser session, signed in as the first demo colleague (the switcher's default),
// with motion reduced so the turbines stand still. Chromium: $CHROME_PATH, else /usr/bin/chromium.
// page.evaluate callbacks run in the page:
/* global document, getComputedStyle, requestAnimationFrame */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumOptions } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));
const base = new URL(positional[0] ?? `http://127.0.0.1:${process.env.LENIG_DEMO_PORT ?? 8080}/`);

/**
 * In the admin page: the People tab, `query` typed into the search, "Posts and comments" opened for
 * `name` (`label` is that button's text in the page's language), once the list is read.
 */
const personActivity = (query, name, label) => async (page) => {
  const admin = page.locator('lenig-admin');
  await admin.getByRole('tab', { name: label === 'Posts and comments' ? 'People' : 'Mensen' }).click();
  await admin.getByRole('searchbox').fill(query);
  await admin.getByRole('button', { name: `${label}: ${name}`, exact: true }).first().click();
  await admin.locator('.activity-item').first().waitFor({ timeout: 30_000 });
};

/** name, page, width, language, colour scheme, whole page (else the first screenful), what to do first */
const SHOTS = [
  ['demo', 'index.html', 1280, 'nl', 'light', true],
  ['demo-dark', 'index.html', 1280, 'nl', 'dark', true],
  ['demo-en', 'index.html', 1280, 'en', 'light', true],
  ['demo-mobile', 'index.html', 390, 'nl', 'light', false],
  ['demo-wordpress', 'wordpress.html', 1280, 'nl', 'light', true],
  ['demo-wordpress-dark', 'wordpress.html', 1280, 'en', 'dark', true],
  ['demo-ideas', 'ideas.html', 1280, 'nl', 'light', true],
  ['demo-insights', 'insights.html', 1280, 'en', 'light', true],
  ['demo-admin', 'admin.html', 1280, 'nl', 'light', true],
  ['demo-admin-en-dark', 'admin.html', 1280, 'en', 'dark', true],
  ['admin-person-activity', 'admin.html', 1280, 'en', 'light', true, personActivity('Mar', 'Marieke de Vries', 'Posts and comments')],
  ['admin-person-activity-nl-dark', 'admin.html', 1280, 'nl', 'dark', true, personActivity('Mar', 'Marieke de Vries', 'Berichten en reacties')],
];


try {
  const res = await fetch(base, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
} catch (e) {
  console.error(`No demo answers at ${base} (${e.message}). Start it first with "npm start", or pass its address.`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(chromiumOptions());
let failed = 0;
try {
  for (const [name, path, width, lang, scheme, fullPage, before] of SHOTS) {
    if (only && only !== name) continue;
    const context = await browser.newContext({ viewport: { width, height: fullPage ? 900 : 844 }, reducedMotion: 'reduce', colorScheme: scheme });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(new URL(`${path}?lang=${lang}&scheme=${scheme}`, base).href);
      // Ready when: signed in (demo.js marks <html>), every widget shows its data, the page's like count is in.
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-signed-in'), null, { timeout: 30_000 });
      for (const feed of await page.locator('lenig-feed').all()) {
        await feed.locator('lenig-post-card').first().waitFor({ timeout: 30_000 });
      }
      for (const board of await page.locator('lenig-idea-board').all()) {
        await board.locator('lenig-idea-card').first().waitFor({ timeout: 30_000 });
      }
      for (const chart of await page.locator('lenig-insights').all()) {
        await chart.locator('svg rect[data-category]').first().waitFor({ state: 'attached', timeout: 30_000 });
      }
      for (const admin of await page.locator('lenig-admin').all()) {
        await admin.locator('[part~="report"] blockquote').first().waitFor({ timeout: 30_000 });
      }
      if (await page.locator('lenig-like-button').count()) {
        await page.locator('lenig-like-button [part~="count"]').first().waitFor({ timeout: 30_000 });
      }
      await before?.(page);
      await page.evaluate(() => document.fonts.ready);
      // Let the last subscriptions (profiles, like states) land and the skeletons fade.
      await page.waitForTimeout(800);
      // Cards outside the viewport are not painted (`content-visibility: auto`), and a full-page shot
      // does not scroll to them: they are made visible for the shot, in every shadow root.
      if (fullPage) {
        await page.evaluate(() => {
          const show = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (getComputedStyle(el).contentVisibility === 'auto') el.style.setProperty('content-visibility', 'visible');
              if (el.shadowRoot) show(el.shadowRoot);
            }
          };
          show(document);
        });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage });
      console.log(`${name}.png  ${width}px  ${lang} ${scheme}${problems.length ? `  — console errors: ${problems.join(' | ')}` : ''}`);
      if (problems.length) failed++;
    } catch (e) {
      failed++;
      console.error(`${name}: ${e.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
