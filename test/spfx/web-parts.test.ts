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
 * violation, no console error. Then the set-ups that cannot work — the tenant property not set, not
 * JSON, lacking a field or the API app, Entra ID refusing the token — each on a site of its own: what an
 * editor is told (in edit mode, with the property pane open), and that readers are told nothing of it. Screenshots: LENIG_E2E_SCREENSHOTS=1
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
import { commonMessages } from '../../src/i18n/messages/common.js';
import { composerMessages } from '../../src/i18n/messages/composer.js';
import { likeButtonMessages } from '../../src/i18n/messages/like-button.js';
import commonNl from '../../src/i18n/messages/nl/common.js';
import composerNl from '../../src/i18n/messages/nl/composer.js';
import likeButtonNl from '../../src/i18n/messages/nl/like-button.js';
import notificationsNl from '../../src/i18n/messages/nl/notifications.js';
import { GUIDE, paneText } from '../../spfx/src/webparts/shared/strings.js';
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
  /** The site the page belongs to (its tenant property from `tenantValues`); default: the origin's root. */
  webPath?: string;
  displayMode?: 'edit';
}
const pages: Record<string, PageSpec> = {};
/** The tenant property as `/sites/<name>` reads it: a string value, or null when it is not set. */
const tenantValues: Record<string, string | null> = {};
/** What Entra ID answers when asked for a token for these resources instead of one. */
/** Each resource a web part asked Entra ID for a token for. */
const tokenRequests: string[] = [];
const refusals: Record<string, string> = {
  'api://not-in-this-tenant':
    "AADSTS500011: The resource principal named api://not-in-this-tenant was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.",
  [API_APP + '/not-approved']:
    "AADSTS65001: The user or administrator has not consented to use the application with ID '08e18876-6177-487e-b8b5-cf950c1e598c' named 'SharePoint Online Web Client Extensibility'. Send an interactive authorization request for this user and resource.",
};

function html(spec: PageSpec): string {
  const bundle = Object.keys(pkg.assets).find((f) => f.endsWith('.js'))!;
  const webParts = spec.webParts.map((w, i) => {
    const manifest = pkg.components.find((c) => c.alias === w.alias)!;
    return { element: `wp-${i}`, exportName: manifest.loaderConfig.exportName, properties: w.properties };
  });
  const config = JSON.stringify({ bundleUrl: `${cdn}/ClientSideAssets/${bundle}`, culture: spec.culture, theme: TEAL, webParts, webPath: spec.webPath, displayMode: spec.displayMode }).replace(
    /</g,
    '\\u003c',
  );
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
    const site = /^\/sites\/([^/]+)\/_api\/web\/GetStorageEntity\('lenig-connection'\)$/.exec(url.pathname);
    if (site) {
      const value = tenantValues[site[1]!];
      if (value === undefined) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Value: value }));
    }
    if (url.pathname === '/_test/axe.js') {
      return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)));
    }
    if (url.pathname === '/_test/entra-token') {
      // What AadTokenProvider.getToken(resource) gives a web part: a token for that API app, or Entra ID's refusal.
      tokenRequests.push(url.searchParams.get('resource') ?? '');
      const refusal = refusals[url.searchParams.get('resource') ?? ''];
      if (refusal) return res.writeHead(400, { 'content-type': 'text/plain' }).end(refusal);
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

// ---- A set-up that cannot work, said by the web part itself ----

/** What one feed web part shows on a site whose set-up cannot work, as each kind of visitor sees it. */
interface SetupView {
  /** The web part's whole visible text for a reader. */
  reader: string;
  /** The role of the web part's own message for a reader, or '' when there is none. */
  readerRole: string;
  /** The message someone editing the page sees: with the property pane open (read mode), and in edit mode. */
  pane: string;
  editing: string;
  editingRole: string;
  /** The guide's link in the editor's message, and whether Tab reaches it. */
  link: { href: string; text: string; focused: boolean };
  /** axe's findings on the message, in read mode and in edit mode. */
  violations: string[];
}

const message = (text: string) => text.replace(/`/g, '');
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Opens a page on `/sites/<site>` whose tenant property is `tenant` (null: not set), with one feed web
 * part, as a reader; then opens its property pane, closes it, and switches the page to edit mode.
 * `ready` says when a reader's page has settled.
 */
async function setupView(site: string, culture: string, tenant: string | null, properties: Record<string, unknown> = {}, ready = '.lenig-setup'): Promise<SetupView> {
  tenantValues[site] = tenant;
  const path = `/sites/${site}/SitePages/Home.aspx`;
  pages[path] = {
    culture,
    layout: 'grid',
    webPath: `/sites/${site}`,
    webParts: [{ alias: 'FeedWebPart', title: 'News', properties: { channel: CHANNEL.id, language: 'page', ...properties } }],
  };
  const v = await open(path);
  const { page } = v;
  try {
    await page.waitForSelector('body[data-stub="ready"]', { timeout: 30_000 });
    const part = page.locator('#wp-0');
    const notice = part.locator('.lenig-setup');
    await part.locator(ready).first().waitFor({ timeout: 20_000 });
    const axe = async () => {
      if (!(await page.evaluate(() => 'axe' in window))) {
        // axe registers as an AMD module where `define` exists, as the stub's does: a global instead.
        await page.evaluate(() => Object.assign(window, { stubDefine: (window as unknown as { define: unknown }).define, define: undefined }));
        await page.addScriptTag({ url: '/_test/axe.js' });
        await page.evaluate(() => Object.assign(window, { define: (window as unknown as { stubDefine: unknown }).stubDefine }));
      }
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run({ include: [['#wp-0']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
        return r.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    };
    // What is on screen in the web part, lenig's shadow roots included, hidden elements not. A string:
    // tsx would wrap a named inner function in a helper the page does not have.
    const visibleText = () =>
      page.evaluate(`((root) => {
        const text = (node) => {
          if (node.nodeType === Node.TEXT_NODE) return node.textContent;
          if (!(node instanceof Element)) return '';
          if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(text).join(' ');
          if (['STYLE', 'SCRIPT'].includes(node.tagName) || !node.checkVisibility()) return '';
          return [...(node.shadowRoot ?? node).childNodes].map(text).join(' ');
        };
        return text(root);
      })(document.getElementById('wp-0'))`) as Promise<string>;
    const reader = normalize(await visibleText());
    if (process.env['LENIG_SETUP_SCREENSHOTS']) await page.screenshot({ path: `${process.env['LENIG_SETUP_SCREENSHOTS']}/${site}-reader.png` });
    const readerRole = (await notice.count()) ? ((await notice.getAttribute('role')) ?? '') : '';
    const violations = await axe();

    await page.evaluate(() => (window as unknown as { lenigWebParts: { context: { propertyPane: { open(): void } } }[] }).lenigWebParts[0]!.context.propertyPane.open());
    const pane = normalize(await notice.innerText());
    await page.evaluate(() => (window as unknown as { lenigWebParts: { context: { propertyPane: { close(): void } } }[] }).lenigWebParts[0]!.context.propertyPane.close());
    assert.equal(normalize(await visibleText()), reader, 'with the pane closed again, the reader’s view is back');

    await page.evaluate(() => (window as unknown as { lenigWebParts: { _internalSetDisplayMode(m: number): void }[] }).lenigWebParts[0]!._internalSetDisplayMode(2));
    const editing = normalize(await notice.innerText());
    const editingRole = (await notice.getAttribute('role')) ?? '';
    const a = notice.getByRole('link');
    await page.keyboard.press('Tab');
    const link = {
      href: (await a.getAttribute('href')) ?? '',
      text: normalize(await a.innerText()),
      focused: await a.evaluate((el) => el === document.activeElement),
    };
    violations.push(...(await axe()));
    if (process.env['LENIG_SETUP_SCREENSHOTS']) await page.screenshot({ path: `${process.env['LENIG_SETUP_SCREENSHOTS']}/${site}-editor.png` });
    return { reader, readerRole, pane, editing, editingRole, link, violations };
  } finally {
    await v.close();
  }
}

/** Asserts a reader sees one neutral sentence and nothing of the set-up. */
function assertReaderSeesNothingOfTheSetUp(view: SetupView, notSetUp: string, secrets: string[] = []): void {
  assert.equal(view.reader, notSetUp, 'a reader sees only that this part is not set up yet');
  assert.equal(view.readerRole, 'status');
  for (const word of ['lenig-connection', 'apiResource', 'firebase', 'api://', 'AADSTS', 'JSON', 'database-url', ...secrets]) {
    assert.ok(!view.reader.includes(word), `a reader is not shown "${word}"`);
  }
}

function assertEditorMessage(view: SetupView, expected: string[], section: string): void {
  for (const text of expected) assert.ok(view.editing.includes(normalize(message(text))), `an editor is told: ${message(text)}\n(shown: ${view.editing})`);
  assert.equal(view.pane, view.editing, 'the same message with the property pane open');
  assert.equal(view.editingRole, 'alert');
  assert.equal(view.link.href, `${GUIDE}#${section}`);
  assert.ok(view.link.focused, 'Tab reaches the guide’s link');
  assert.deepEqual(view.violations, [], 'no accessibility violation (contrast included)');
}

test('set-up: the tenant property is not set — editors are told to set lenig-connection or the Connection group, readers see “not set up yet”', { skip, timeout: 120_000 }, async () => {
  const t = paneText('en-US');
  const view = await setupView('unset', 'en-US', null);
  assertReaderSeesNothingOfTheSetUp(view, t.notSetUp);
  assertEditorMessage(view, [t.setUpTitle, t.tenantUnset, t.tenantFix, t.editorsOnly], '3-store-the-connection-once-for-the-tenant');
  assert.equal(view.link.text, t.guide);
});

test('set-up: the tenant property is not JSON — in Dutch, editors get the parser’s words, readers nothing of the value', { skip, timeout: 120_000 }, async () => {
  const t = paneText('nl-NL');
  // Names without quotes: what a hand-typed PowerShell value often looks like.
  const view = await setupView('invalid-json', 'nl-NL', "{ firebase: { apiKey: 'AIza-secret-looking' } }");
  assertReaderSeesNothingOfTheSetUp(view, t.notSetUp, ['AIza-secret-looking']);
  assertEditorMessage(view, [t.setUpTitle, t.tenantInvalid(''), t.tenantInvalidFix], '3-store-the-connection-once-for-the-tenant');
  assert.match(view.editing, /geen geldige JSON: \S+/, 'the parser’s reason follows');
  assert.equal(view.link.text, t.guide);
});

test('set-up: the tenant property lacks fields — editors get each by its property pane name and JSON field', { skip, timeout: 120_000 }, async () => {
  const t = paneText('en-US');
  const value = JSON.stringify({ firebase: { apiKey: 'demo-key', projectId: 'acme' }, auth: 'custom-token', apiResource: API_APP });
  const view = await setupView('missing-fields', 'en-US', value);
  assertReaderSeesNothingOfTheSetUp(view, t.notSetUp, ['demo-key', 'acme']);
  assertEditorMessage(view, [t.missing(`${t.databaseURL} (\`firebase.databaseURL\`), ${t.tokenUrl} (\`tokenUrl\`)`), t.missingFix], '3-store-the-connection-once-for-the-tenant');
});

test('set-up: no apiResource for the silent sign-in — editors are told where the Application ID URI comes from and goes', { skip, timeout: 120_000 }, async () => {
  const t = paneText('en-US');
  const value = JSON.stringify({
    firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
    auth: 'custom-token',
    tokenUrl: exchangeUrl,
    emulator: { database: backend.databaseURL, auth: backend.authURL },
  });
  const view = await setupView('no-api-resource', 'en-US', value);
  assertReaderSeesNothingOfTheSetUp(view, t.notSetUp, [backend.databaseURL, exchangeUrl]);
  assertEditorMessage(view, [t.apiResourceMissing, t.apiResourceFix], '3-store-the-connection-once-for-the-tenant');
});

/** A tenant property that works, but names `apiResource` as the API app to ask Entra ID for. */
const connectionFor = (apiResource: string) =>
  JSON.stringify({
    firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
    auth: 'custom-token',
    tokenUrl: exchangeUrl,
    apiResource,
    emulator: { database: backend.databaseURL, auth: backend.authURL },
  });

test('sign-in: Entra ID knows no such API app (AADSTS500011) — editors are told to copy the Application ID URI; readers see the widget’s own “could not connect”', { skip, timeout: 120_000 }, async () => {
  const t = paneText('en-US');
  const view = await setupView('unknown-api', 'en-US', connectionFor('api://not-in-this-tenant'), {}, `text=${commonMessages.en.connectFailed}`);
  assert.ok(view.reader.includes(commonMessages.en.connectFailed), `a reader sees the widget’s own message (${view.reader})`);
  assert.equal(view.readerRole, '', 'and no message of the web part');
  for (const word of ['AADSTS', 'api://', 'lenig-connection']) assert.ok(!view.reader.includes(word), `a reader is not shown "${word}"`);
  assert.ok(t.editorsOnlySignIn.includes(commonMessages.en.connectFailed) && t.editorsOnlySignIn.includes(commonMessages.en.retry), 'the words the widget really uses');
  assertEditorMessage(view, [t.signInTitle, t.tokenUnknownApi('api://not-in-this-tenant', 'AADSTS500011'), t.tokenUnknownApiFix, t.editorsOnlySignIn], '3-store-the-connection-once-for-the-tenant');
});

test('sign-in: the API permission is not approved (AADSTS65001) — in Dutch, editors are sent to API access', { skip, timeout: 120_000 }, async () => {
  const t = paneText('nl-NL');
  const view = await setupView('not-approved', 'nl-NL', connectionFor(API_APP + '/not-approved'), {}, `text=${commonNl.connectFailed}`);
  assert.ok(view.reader.includes(commonNl.connectFailed), `a reader sees the widget’s own message (${view.reader})`);
  assert.equal(view.readerRole, '');
  for (const word of ['AADSTS', 'api://', 'user_impersonation']) assert.ok(!view.reader.includes(word), `a reader is not shown "${word}"`);
  assert.ok(t.editorsOnlySignIn.includes(commonNl.connectFailed) && t.editorsOnlySignIn.includes(commonNl.retry), 'the words the widget really uses');
  assertEditorMessage(view, [t.signInTitle, t.tokenNotApproved('AADSTS65001'), t.tokenNotApprovedFix, t.editorsOnlySignIn], '4-upload-the-package-and-approve-the-api-permission');
});

test('a page editor cannot send readers’ tokens elsewhere: with the tenant property set, the web part’s own connection fields are ignored', { skip, timeout: 120_000 }, async () => {
  // Another server, as a page editor might name it in the property pane: it must hear nothing.
  const heard: string[] = [];
  const elsewhere = await listen((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end('{"token":"x"}');
  });
  servers.at(-1)!.on('upgrade', (req, socket) => {
    heard.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  pages['/sites/intranet/SitePages/Edited.aspx'] = {
    culture: 'en-US',
    layout: 'grid',
    webParts: [
      {
        alias: 'ComposerWebPart',
        title: 'Share news',
        properties: {
          channel: CHANNEL.id,
          language: 'page',
          tokenUrl: `${elsewhere}/collect`,
          apiResource: 'https://graph.microsoft.com',
          databaseURL: elsewhere.replace('http:', 'ws:'),
          apiKey: 'another-key',
          projectId: 'another-project',
          authDomain: new URL(elsewhere).host,
          auth: 'anonymous',
        },
      },
    ],
  };
  const before = tokenRequests.length;
  const v = await open('/sites/intranet/SitePages/Edited.aspx');
  const { page } = v;
  try {
    await page.waitForSelector('body[data-stub="ready"]', { timeout: 30_000 });
    // Signed in silently through the tenant's exchange, as the tenant property says.
    const field = page.getByRole('combobox', { name: composerMessages.en.label(CHANNEL.name), exact: true });
    await field.waitFor({ timeout: 30_000 });
    assert.deepEqual(tokenRequests.slice(before), [API_APP], 'a token was asked for the tenant’s API app only');
    assert.deepEqual(heard, [], 'the server the page named heard nothing');
    // The property pane shows the tenant's connection, not editable.
    const t = paneText('en-US');
    const { pane, kept } = await page.evaluate(() => {
      const wp = (window as unknown as { lenigWebParts: { properties: Record<string, unknown>; getPropertyPaneConfiguration(): { pages: { groups: { groupName: string; groupFields: { targetProperty: string; properties: { disabled?: boolean } }[] }[] }[] } }[] }).lenigWebParts[0]!;
      const pane = wp.getPropertyPaneConfiguration().pages[0]!.groups.flatMap((g) => g.groupFields.map((f) => [g.groupName, f.targetProperty, Boolean(f.properties.disabled)] as const));
      return { pane, kept: Object.keys(wp.properties).filter((k) => ['databaseURL', 'apiKey', 'projectId', 'authDomain', 'auth', 'tokenUrl', 'apiResource'].includes(k)) };
    });
    // The pane shows the tenant's values, not the page's old ones, which go when the page is saved.
    assert.deepEqual(kept, [], 'the page’s own connection values are cleared');
    const connection = pane.filter(([group]) => group === t.connectionGroup);
    assert.deepEqual(
      connection.map(([, name, disabled]) => [name, disabled]),
      [['auth', true], ['databaseURL', true], ['apiKey', true], ['projectId', true], ['authDomain', true]],
      'no connection field a page editor can change, and none for the exchange or the API app',
    );
  } finally {
    await v.close();
  }
  // A tenant property that is there but cannot be read this time (here: not JSON) is no trial either: the
  // page's own fields are not used, editors are told, readers see that this part is not set up.
  const view = await setupView('broken-with-page-connection', 'en-US', '{ firebase: ', {
    databaseURL: elsewhere.replace('http:', 'ws:'),
    apiKey: 'another-key',
    projectId: 'another-project',
    auth: 'anonymous',
  });
  assert.equal(view.reader, paneText('en-US').notSetUp);
  assert.ok(view.editing.includes(normalize(message(paneText('en-US').tenantInvalidFix))), view.editing);
  assert.deepEqual(heard, [], 'the server the page named heard nothing');
});
