/**
 * The web parts from the .sppkg on a stand-in SharePoint page, in Chromium:
 *
 * - the page's origin serves the page, a stub of SharePoint's runtime (test/spfx/stub/) and the tenant
 *   property with lenig's connection settings; its CSP is SharePoint's shape: `script-src 'self'` plus
 *   the package's origin, no inline script;
 * - a second origin serves the bundle taken out of the .sppkg (SharePoint serves it from its client-side
 *   asset library or CDN);
 * - the token provider returns an access token signed by a local stand-in for Entra ID, which the real
 *   token exchange (functions/) checks and trades, minting with firebase-admin against the Auth emulator.
 *
 * Two web parts (composer and feed) render, sign the employee in without a click, post and like; then
 * all six render in Dutch; the admin web part takes the first employee through the first run. No CSP
 * violation, no console error. Screenshots: LENIG_E2E_SCREENSHOTS=1
 * npm test -- spfx writes docs/screenshots/sharepoint-*.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deleteApp as deleteAdminApp, initializeApp as initializeAdminApp, type App } from 'firebase-admin/app';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumOptions } from '../../scripts/browser.mjs';
import { createExchange } from '../../functions/src/exchange.js';
import { httpHandler } from '../../functions/src/http.js';
import { adminMessages } from '../../src/i18n/messages/admin.js';
import { composerMessages } from '../../src/i18n/messages/composer.js';
import { likeButtonMessages } from '../../src/i18n/messages/like-button.js';
import composerNl from '../../src/i18n/messages/nl/composer.js';
import likeButtonNl from '../../src/i18n/messages/nl/like-button.js';
import notificationsNl from '../../src/i18n/messages/nl/notifications.js';
import { startTestBackend, type TestBackend } from '../rules/helpers.js';
import { API_APP, PERSON, TENANT, startEntraIssuer, type EntraIssuer } from '../functions/entra-issuer.js';
import { packageBuilt, readPackage, type Package } from './sppkg.js';

const CHANNEL = { id: 'news', name: 'Company news' };
const STUB = new URL('./stub/', import.meta.url);
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);
/** SharePoint's "Teal" theme, as SPFx hands it to a web part. */
const TEAL = {
  palette: { themePrimary: '#03787c', white: '#ffffff' },
  semanticColors: {
    bodyText: '#323130',
    bodySubtext: '#605e5c',
    bodyBackground: '#ffffff',
    bodyStandoutBackground: '#faf9f8',
    bodyDivider: '#edebe9',
    primaryButtonBackground: '#03787c',
    primaryButtonText: '#ffffff',
    errorText: '#a4262c',
  },
};

const skip = packageBuilt() ? false : process.env['CI'] ? false : 'spfx/sharepoint/solution/lenig.sppkg is not built (npm run build:spfx)';

let pkg: Package;
let backend: TestBackend;
let issuer: EntraIssuer;
let adminApp: App;
let browser: Browser;
const servers: Server[] = [];
let site: string;
let cdn: string;
let exchangeUrl: string;

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface PageSpec {
  culture: string;
  webParts: { alias: string; title: string; properties: Record<string, unknown> }[];
  layout: 'two' | 'grid';
  pageTokens?: boolean;
}
const pages: Record<string, PageSpec> = {};

function html(spec: PageSpec): string {
  const bundle = Object.keys(pkg.assets).find((f) => f.endsWith('.js'))!;
  const webParts = spec.webParts.map((w, i) => {
    const manifest = pkg.components.find((c) => c.alias === w.alias)!;
    return { element: `wp-${i}`, exportName: manifest.loaderConfig.exportName, properties: w.properties };
  });
  const config = JSON.stringify({ bundleUrl: `${cdn}/ClientSideAssets/${bundle}`, culture: spec.culture, theme: TEAL, webParts }).replace(/</g, '\\u003c');
  const parts = spec.webParts.map((w, i) => `<div class="web-part"><h2 class="web-part-title">${w.title}</h2><div id="wp-${i}"></div></div>`).join('\n');
  return `<!doctype html>
<html lang="${spec.culture.slice(0, 2)}">
<head><meta charset="utf-8"><title>Contoso intranet</title>
<link rel="stylesheet" href="/_stub/page.css">${spec.pageTokens ? '<link rel="stylesheet" href="/_stub/page-tokens.css">' : ''}</head>
<body>
<div class="suite-bar">Contoso</div>
<div class="site-header"><h1>${spec.culture.startsWith('nl') ? 'Intranet – Nieuws' : 'Intranet – News'}</h1></div>
<main class="canvas${spec.layout === 'grid' ? ' one' : ''}">
${parts}
</main>
<script type="application/json" id="spfx-stub">${config}</script>
<script src="/_stub/spfx-stub.js"></script>
</body></html>`;
}

before(async () => {
  if (skip) return;
  pkg = readPackage();
  backend = await startTestBackend({ channels: { [CHANNEL.id]: { name: CHANNEL.name, categories: { news: 0, question: 1, idea: 2 } } } });
  issuer = await startEntraIssuer();
  process.env['FIREBASE_AUTH_EMULATOR_HOST'] = new URL(backend.authURL).host;
  adminApp = initializeAdminApp({ projectId: backend.projectId }, 'spfx-web-parts');

  cdn = await listen((req, res) => {
    const name = decodeURIComponent((req.url ?? '').replace(/^\/ClientSideAssets\//, ''));
    const asset = pkg.assets[name];
    if (!asset) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' }).end(Buffer.from(asset));
  });

  site = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/_stub/')) {
      const file = url.pathname.slice('/_stub/'.length);
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/css';
      try {
        return res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(new URL(file, STUB)));
      } catch {
        return res.writeHead(404).end();
      }
    }
    if (url.pathname === "/_api/web/GetStorageEntity('lenig-connection')") {
      // The tenant property an admin sets once (docs/sharepoint.md), pointed at the local services.
      const value = {
        firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
        auth: 'custom-token',
        tokenUrl: exchangeUrl,
        apiResource: API_APP,
        emulator: { database: backend.databaseURL, auth: backend.authURL },
      };
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Value: JSON.stringify(value) }));
    }
    if (url.pathname === '/_test/entra-token') {
      // What AadTokenProvider.getToken(resource) gives a web part: a token for that API app.
      if (url.searchParams.get('resource') !== API_APP) return res.writeHead(400).end();
      void issuer.sign().then((t) => res.writeHead(200, { 'content-type': 'text/plain' }).end(t));
      return;
    }
    if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
    const spec = pages[url.pathname];
    if (!spec) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // SharePoint Online's shape: scripts from the page's origin and the package's, nothing inline.
      'content-security-policy': `script-src 'self' ${cdn}; object-src 'none'; base-uri 'self'`,
    });
    res.end(html(spec));
  });

  const exchange = createExchange({
    tenants: [TENANT],
    audiences: [API_APP],
    jwksUrl: issuer.jwksUrl,
    mint: (uid, claims) => getAdminAuth(adminApp).createCustomToken(uid, claims),
  });
  exchangeUrl = (await listen(httpHandler(exchange, { origins: [site] }))) + '/lenigToken';

  browser = await chromium.launch(chromiumOptions());
});

after(async () => {
  if (skip) return;
  await browser?.close();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
  await deleteAdminApp(adminApp).catch(() => undefined);
  await issuer?.stop();
  await backend?.stop();
});

interface Watched {
  page: Page;
  problems(): Promise<{ console: string[]; errors: string[]; csp: string[] }>;
  close(): Promise<void>;
}

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (process.env['LENIG_DEBUG']) console.log(`[page ${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { csp: string[] };
    w.csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(site + path);
  return {
    page,
    problems: async () => ({ console: consoleErrors, errors, csp: await page.evaluate(() => (window as unknown as { csp: string[] }).csp) }),
    close: () => context.close(),
  };
}

/** docs/screenshots/sharepoint-*.png, retaken with LENIG_E2E_SCREENSHOTS=1 (not on every run: no churn in docs/). */
async function shot(page: Page, name: string): Promise<void> {
  if (!process.env['LENIG_E2E_SCREENSHOTS']) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No hover card over the content.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`sharepoint-${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

test('composer and feed web parts: rendered, signed in silently through the exchange, post and like; no CSP violation, no console error', { skip, timeout: 120_000 }, async () => {
  pages['/sites/intranet/SitePages/News.aspx'] = {
    culture: 'en-US',
    layout: 'two',
    webParts: [
      { alias: 'ComposerWebPart', title: 'Share news', properties: { channel: CHANNEL.id, language: 'page' } },
      { alias: 'FeedWebPart', title: 'News', properties: { channel: CHANNEL.id, language: 'page', pageSize: 10 } },
    ],
  };
  const v = await open('/sites/intranet/SitePages/News.aspx');
  const { page } = v;
  try {
    await page.waitForSelector('body[data-stub="ready"]', { timeout: 30_000 });
    // Signed in without a click: the composer's text field is there and usable.
    const field = page.getByRole('combobox', { name: composerMessages.en.label(CHANNEL.name), exact: true });
    await field.waitFor({ timeout: 30_000 });
    const text = `Hello from SharePoint ${Date.now()}`;
    await field.fill(text);
    await page.locator('lenig-composer').getByRole('button', { name: composerMessages.en.post, exact: true }).click();

    // The feed web part shows the post, by the person's Entra ID name.
    const article = page.locator('lenig-feed').getByRole('article').filter({ hasText: text });
    await article.waitFor({ timeout: 20_000 });
    assert.match(await article.locator('[part~="author"]').innerText(), new RegExp(PERSON.name));

    const like = likeButtonMessages.en;
    await article.getByRole('button', { name: like.likeWithCount(like.noLikes), exact: true }).click();
    await article.getByRole('button', { name: like.likeWithCount(like.countOne.replace('{n}', '1')), exact: true }).waitFor({ timeout: 15_000 });

    // Stored as the person's object id, with a profile carrying their name.
    const profile = (await backend.value(`profiles/${PERSON.oid}`)) as { name?: string } | null;
    assert.equal(profile?.name, PERSON.name);
    const posts = (await backend.value(`posts/${CHANNEL.id}`)) as Record<string, { author: string; text: string }>;
    assert.ok(Object.values(posts).some((p) => p.author === PERSON.oid && p.text === text));

    // The SharePoint theme reached lenig through the web part's wrapper, not through lenig's elements.
    const accent = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.lenig-web-part')!;
      const host = root.firstElementChild as HTMLElement;
      return { root: root.style.getPropertyValue('--lenig-color-accent'), onHost: host.style.getPropertyValue('--lenig-color-accent'), lang: root.lang };
    });
    assert.deepEqual(accent, { root: '#03787c', onHost: '', lang: 'en-US' });

    await shot(page, 'composer-and-feed');
    const problems = await v.problems();
    assert.deepEqual(problems.csp, [], 'no content security policy violation');
    assert.deepEqual(problems.errors, [], 'no uncaught error');
    assert.deepEqual(problems.console, [], 'no console error');
  } finally {
    await v.close();
  }
});

test('all six web parts render in Dutch on one page, sharing one connection; a token the page sets itself wins over the theme', { skip, timeout: 120_000 }, async () => {
  pages['/sites/intranet/SitePages/Overzicht.aspx'] = {
    culture: 'nl-NL',
    layout: 'grid',
    pageTokens: true,
    webParts: [
      { alias: 'LikeButtonWebPart', title: 'Vind je deze pagina nuttig?', properties: { language: 'page', icon: 'thumb' } },
      { alias: 'NotificationsWebPart', title: 'Meldingen', properties: { language: 'page' } },
      { alias: 'ComposerWebPart', title: 'Deel iets', properties: { channel: CHANNEL.id, language: 'page' } },
      { alias: 'FeedWebPart', title: 'Nieuws', properties: { channel: CHANNEL.id, language: 'nl', pageSize: 5 } },
      { alias: 'IdeaBoardWebPart', title: 'Ideeën', properties: { channel: CHANNEL.id, language: 'page', view: 'list' } },
      { alias: 'InsightsWebPart', title: 'Inzichten', properties: { channel: CHANNEL.id, language: 'page', months: 3 } },
    ],
  };
  const v = await open('/sites/intranet/SitePages/Overzicht.aspx', { width: 1280, height: 1400 });
  const { page } = v;
  try {
    await page.waitForSelector('body[data-stub="ready"]', { timeout: 30_000 });
    const tags = ['lenig-like-button', 'lenig-notifications', 'lenig-composer', 'lenig-feed', 'lenig-idea-board', 'lenig-insights'];
    // The like button and the bell are named buttons, signed in: "Vind ik leuk, …" and "Meldingen".
    const like = likeButtonNl;
    await page.locator('lenig-like-button').getByRole('button', { name: like.likeWithCount(like.noLikes), exact: true }).waitFor({ timeout: 30_000 });
    await page.locator('lenig-notifications').getByRole('button', { name: notificationsNl.bell, exact: true }).waitFor({ timeout: 30_000 });
    // The others have left their loading state.
    const texts = () =>
      page.evaluate(
        (names) => Object.fromEntries(names.map((n) => [n, (document.querySelector(n)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()])),
        tags.slice(2),
      );
    let shown: Record<string, string> = {};
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(250)) {
      shown = await texts();
      if (Object.values(shown).every((t) => t !== '' && !/Laden…|Loading/.test(t))) break;
    }
    assert.ok(Object.values(shown).every((t) => t !== '' && !/Laden…|Loading/.test(t)), `every widget has loaded: ${JSON.stringify(shown, null, 1)}`);
    const alerts = await page.evaluate(
      (names) => names.flatMap((n) => [...(document.querySelector(n)?.shadowRoot?.querySelectorAll('[role="alert"]') ?? [])].map((a) => `${n}: ${a.textContent}`)),
      tags,
    );
    assert.deepEqual(alerts.filter((a) => a.trim().split(': ')[1]), [], 'no widget shows an error');
    // Dutch, as the page: the composer's label.
    await page.getByRole('combobox', { name: composerNl.label(CHANNEL.name), exact: true }).waitFor({ timeout: 15_000 });
    // The page's own accent stays; the rest of the theme is applied.
    const tokens = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.lenig-web-part')!;
      return { accent: root.style.getPropertyValue('--lenig-color-accent'), text: root.style.getPropertyValue('--lenig-color-text') };
    });
    assert.deepEqual(tokens, { accent: '', text: '#323130' });
    // One Firebase connection for the six web parts.
    const connections = await page.evaluate(() => (globalThis as unknown as Record<symbol, { connections: Map<string, unknown> }>)[Symbol.for('lenig.firebase')]?.connections.size);
    assert.equal(connections, 1);

    await shot(page, 'all-web-parts-nl');
    const problems = await v.problems();
    assert.deepEqual(problems.csp, [], 'no content security policy violation');
    assert.deepEqual(problems.errors, [], 'no uncaught error');
    assert.deepEqual(problems.console, [], 'no console error');
  } finally {
    await v.close();
  }
});

test('the admin web part: on an intranet nobody has set up, the employee sets it up from the SharePoint page and gets the console', { skip, timeout: 120_000 }, async () => {
  pages['/sites/intranet/SitePages/Beheer.aspx'] = {
    culture: 'nl-NL',
    layout: 'grid',
    webParts: [{ alias: 'AdminWebPart', title: 'Beheer', properties: { language: 'page', tab: 'channels' } }],
  };
  const t = adminMessages.nl;
  const v = await open('/sites/intranet/SitePages/Beheer.aspx');
  const { page } = v;
  try {
    await page.waitForSelector('body[data-stub="ready"]', { timeout: 30_000 });
    const admin = page.locator('lenig-admin');
    // Signed in silently; the database has no administrators yet, so the widget offers the set-up, in Dutch.
    await admin.getByRole('heading', { name: t.setUpTitle, exact: true }).waitFor({ timeout: 30_000 });
    await shot(page, 'admin-first-run-nl');
    await admin.getByRole('textbox', { name: t.channelName, exact: true }).fill('Intranet');
    await admin.getByRole('button', { name: t.setUpSubmit, exact: true }).click();
    // The console, on the tab the web part's property chose.
    await admin.getByRole('heading', { name: t.title, exact: true }).waitFor({ timeout: 30_000 });
    await admin.getByRole('tab', { name: t.tabChannels, selected: true }).waitFor({ timeout: 15_000 });
    await admin.getByText(t.idLabel('intranet'), { exact: true }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await backend.value('admins'), { [PERSON.oid]: true }, 'the employee (by Entra object id) is the administrator');
    await shot(page, 'admin-nl');
    const problems = await v.problems();
    assert.deepEqual(problems.csp, [], 'no content security policy violation');
    assert.deepEqual(problems.errors, [], 'no uncaught error');
    assert.deepEqual(problems.console, [], 'no console error');
  } finally {
    await v.close();
  }
});
