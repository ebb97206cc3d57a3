/**
 * The Storybook as documentation: `npm run build-storybook` (run here when storybook-static/ is missing or
 * older than the stories, the Storybook config or the manifest) yields a docs page per public element, fed by
 * the custom-elements manifest, with a Playground whose controls are the element's attributes, and an Actions
 * panel that logs the `lenig-*` events. Served statically and opened in Chromium, as a reader would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumOptions } from '../../scripts/browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'storybook-static');

/** Newest modification time under `dir` (files only). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  const built = existsSync(join(out, 'index.json')) ? statSync(join(out, 'index.json')).mtimeMs : 0;
  const sources = Math.max(newest(join(root, 'stories')), newest(join(root, '.storybook')), newest(join(root, 'src')));
  if (built < sources) execFileSync('npm', ['run', 'build-storybook'], { cwd: root, stdio: 'ignore' });
  server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(out, path);
    if (!file.startsWith(out) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumOptions());
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

/** A page that records uncaught errors. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

const DOCS = [
  {
    id: 'widgets-feed--docs',
    title: 'Feed',
    tag: 'lenig-feed',
    attribute: ['page-size', 'Posts per page (1–100). Default 20.'],
    event: 'lenig-post-edited',
    shown: 'Our Q3 results are in',
  },
  {
    id: 'widgets-like-button--docs',
    title: 'Like button',
    tag: 'lenig-like-button',
    attribute: ['target', 'What is liked: a post or idea target'],
    event: 'lenig-liked',
    shown: '3',
  },
  {
    id: 'widgets-idea-board--docs',
    title: 'Idea board',
    tag: 'lenig-idea-board',
    attribute: ['no-form', 'Hides the "Share an idea" form'],
    event: 'lenig-idea-submitted',
    shown: 'Cover the bicycle shed at the back entrance',
  },
];

for (const doc of DOCS) {
  test(`the ${doc.title} docs page: description, the manifest's attributes and events, a live Playground`, async () => {
    const { page, errors } = await open(`${base}/iframe.html?viewMode=docs&id=${doc.id}`);
    try {
      await page.locator('#storybook-docs h1').first().waitFor({ timeout: 30_000 });
      assert.equal((await page.locator('#storybook-docs h1').first().textContent())?.trim(), doc.title);
      // The Playground story renders the element on its in-memory store (locators see into shadow roots).
      const element = page.locator(doc.tag).first();
      await element.getByText(doc.shown, { exact: doc.shown.length < 3 }).first().waitFor({ timeout: 30_000 });
      assert.ok(await element.isVisible());
      const docs = (await page.locator('#storybook-docs').textContent()) ?? '';
      const [name, description] = doc.attribute;
      assert.ok(docs.includes(name!), `attribute ${name} is listed`);
      if (description) assert.ok(docs.includes(description.replaceAll('`', '')), `its description from the manifest: ${description}`);
      assert.ok(docs.includes(doc.event), `event ${doc.event} is listed`);
      // Private members are not API and are not in the tables.
      assert.ok(!docs.includes('activeStore') && !docs.includes('renderUnavailable'), 'no private or protected members');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

test('the guides: Getting started and Theming', async () => {
  for (const [id, heading, phrase] of [
    ['guides-getting-started--docs', 'Getting started', 'the in-memory store'],
    ['guides-theming--docs', 'Theming', '--lenig-color-accent'],
  ] as const) {
    const { page, errors } = await open(`${base}/iframe.html?viewMode=docs&id=${id}`);
    try {
      await page.locator('#storybook-docs h1').first().waitFor({ timeout: 30_000 });
      assert.equal((await page.locator('#storybook-docs h1').first().textContent())?.trim(), heading);
      assert.ok(((await page.locator('#storybook-docs').textContent()) ?? '').includes(phrase));
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  }
});

test('a click on the like button is logged in the Actions panel as lenig-like-toggle and lenig-liked', async () => {
  const { page } = await open(`${base}/?path=/story/widgets-like-button--playground`);
  try {
    const story = page.frameLocator('#storybook-preview-iframe');
    const button = story.locator('lenig-like-button').locator('button').first();
    await button.waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Actions', exact: true }).click();
    await button.click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('lenig-like-toggle').first().waitFor({ timeout: 15_000 });
    await panel.getByText('lenig-liked').first().waitFor({ timeout: 15_000 });
    // The detail is logged, not an empty event object: the new count of the liked target.
    await panel.getByText('count').first().waitFor({ timeout: 15_000 });
  } finally {
    await page.close();
  }
});
