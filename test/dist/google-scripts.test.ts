/**
 * Which sign-in modes make a page fetch Google's popup helper (https://apis.google.com/js/api.js and its
 * iframe). Firebase's `getAuth()` adds the popup/redirect helper, which mobile browsers and Safari start
 * on every page view — a Google script on every intranet page, refused by strict CSPs. lenig sets up
 * Auth with only what the mode needs: only the Microsoft popup mode may fetch it.
 *
 * Runs the drop-in (dist/lenig.js) in Chromium with a phone's user agent (as Lighthouse does), against
 * the local backend that scripts/test.mjs starts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { chromiumOptions } from '../../scripts/browser.mjs';

const root = new URL('../../', import.meta.url);
const bundle = readFileSync(new URL('dist/lenig.js', root));
const databaseURL = process.env['LENIG_TEST_DATABASE_URL'];
const authURL = process.env['LENIG_TEST_AUTH_URL'];
const MOBILE = 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36';

/** Requests for the token exchange's chunk; each fails while `exchangeHealed` is false. */
let exchangeRequests = 0;
let exchangeHealed = true;
/** Requests for the popup sign-in's chunk; each fails while `popupHealed` is false. */
let popupRequests = 0;
let popupHealed = true;
let server: Server;
let origin: string;
let browser: Browser;

/** An unsigned custom token: the Auth emulator accepts it. */
function customToken(uid: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
    iss: 'exchange@demo-lenig.iam.gserviceaccount.com',
    sub: 'exchange@demo-lenig.iam.gserviceaccount.com',
    aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
    iat: now,
    exp: now + 3600,
    uid,
  })}.`;
}

function page(config: object): string {
  // Configured through JSON, which a strict CSP allows (it is not script).
  const json = JSON.stringify({ firebase: { apiKey: 'demo-key', projectId: 'demo-lenig', databaseURL }, emulator: { database: databaseURL, auth: authURL }, ...config });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>auth scripts</title></head><body>
<script type="application/json" data-lenig-config>${json.replace(/</g, '\\u003c')}</script>
<script type="module" src="/lenig.js"></script>
<lenig-like-button target="google-scripts"></lenig-like-button></body></html>`;
}

before(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/lenig.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    // The loader's chunks, next to it.
    if (/^\/lenig\/token-exchange-/.test(url) && (exchangeRequests++, !exchangeHealed)) return res.writeHead(503).end();
    if (/^\/lenig\/popup-/.test(url) && (popupRequests++, !popupHealed)) return res.writeHead(503).end();
    // As a static server, the query (a retry's `?retry=n`) does not change the file.
    const path = url.split('?')[0]!;
    const chunk = /^\/lenig\/[\w.-]+\.js$/.test(path) ? new URL(`dist${path}`, root) : undefined;
    if (chunk && existsSync(chunk)) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(chunk));
    if (url === '/token') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: customToken('google-scripts-sso') }));
    const mode = url.slice(1);
    const configs: Record<string, object> = {
      anonymous: { auth: 'anonymous' },
      email: { auth: 'email' },
      'custom-token': { auth: 'custom-token', tokenUrl: '/token' },
      // Cloud Firestore sets up Auth in its own connection: the same rule holds there.
      'firestore-anonymous': { auth: 'anonymous', database: 'firestore', emulator: { firestore: '127.0.0.1:1', auth: authURL } },
      microsoft: { auth: 'microsoft', tenant: 'contoso.example', firebase: { apiKey: 'demo-key', projectId: 'demo-lenig', databaseURL, authDomain: 'demo-lenig.firebaseapp.com' } },
    };
    configs['microsoft-popup'] = configs['microsoft']!;
    const config = configs[mode];
    if (!config) return res.writeHead(404).end();
    // Without a policy for the popup page: its stand-in for Google's helper is a script from apis.google.com.
    const csp = mode === 'microsoft-popup' ? {} : { 'content-security-policy': "script-src 'self'; object-src 'none'" };
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...csp });
    res.end(page(config));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumOptions());
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * Loads the page for `mode` and returns the Google hosts it asked for once the widgets are settled (and
 * in `chunks`, the names of lenig's chunks it fetched).
 */
async function googleRequests(mode: string, chunks: string[] = []): Promise<string[]> {
  const context = await browser.newContext({ userAgent: MOBILE, isMobile: true, viewport: { width: 412, height: 823 } });
  const seen: string[] = [];
  // Nothing leaves this machine: record and refuse.
  await context.route(/^https:\/\/(apis\.google\.com|[^/]*\.firebaseapp\.com|[^/]*\.gstatic\.com)\//, (route) => {
    seen.push(new URL(route.request().url()).host + new URL(route.request().url()).pathname);
    return route.abort();
  });
  const p = await context.newPage();
  p.on('request', (r) => {
    const m = /\/lenig\/([\w.-]+)-[\w-]{6}\.js$/.exec(r.url());
    if (m) chunks.push(m[1]!);
  });
  // Under the page's CSP the browser refuses the script before any request leaves: count those too.
  await p.addInitScript(() => {
    const w = window as unknown as { blocked: string[] };
    w.blocked = [];
    document.addEventListener('securitypolicyviolation', (e) => w.blocked.push(e.blockedURI));
  });
  await p.goto(`${origin}/${mode}`);
  // lenig's Firebase code has run and set up Auth (the page's one connection is registered).
  await p.waitForFunction(() => {
    const g = globalThis as Record<symbol, { connections?: Map<string, unknown>; size?: number } | undefined>;
    return (g[Symbol.for('lenig.firebase')]?.connections?.size ?? 0) + (g[Symbol.for('lenig.firestore')]?.size ?? 0) > 0;
  }, undefined, { timeout: 20_000 });
  // Firebase starts the helper right after Auth is set up; give it the moment it takes.
  await p.waitForTimeout(1500);
  const blocked = await p.evaluate(() => (window as unknown as { blocked: string[] }).blocked);
  for (const u of blocked) if (/google|firebaseapp|gstatic/.test(u)) seen.push(new URL(u).host + new URL(u).pathname);
  await context.close();
  return seen;
}

const skip = databaseURL && authURL ? false : 'no local backend (run through npm test)';

for (const mode of ['anonymous', 'email', 'custom-token', 'firestore-anonymous']) {
  test(`${mode}: the page fetches nothing from Google`, { timeout: 60_000, skip }, async () => {
    const chunks: string[] = [];
    assert.deepEqual(await googleRequests(mode, chunks), []);
    // The token exchange's code is a chunk only the custom-token mode (SharePoint's) fetches.
    assert.equal(chunks.includes('token-exchange'), mode === 'custom-token', `chunks fetched: ${chunks.join(', ')}`);
    // Nor the popup sign-in's: only the Microsoft mode (and the host page's app) load it.
    assert.equal(chunks.includes('popup'), false, `chunks fetched: ${chunks.join(', ')}`);
  });
}

test('microsoft (popup): the popup helper is set up, and only here', { timeout: 60_000, skip }, async () => {
  const seen = await googleRequests('microsoft');
  assert.ok(seen.some((u) => u.startsWith('apis.google.com/js/api.js')), `expected api.js, saw ${JSON.stringify(seen)}`);
});

test('custom-token: when the sign-in code fails to download, the widget says so with Try again, which fetches it anew and signs in', { timeout: 120_000, skip }, async () => {
  exchangeHealed = false;
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${origin}/custom-token`);
  const button = p.locator('lenig-like-button').getByRole('button', { name: 'Try again' });
  await button.waitFor({ timeout: 45_000 });
  assert.match((await p.locator('lenig-like-button').getByRole('alert').textContent()) ?? '', /Could not connect to the intranet service/);
  const failed = exchangeRequests;
  assert.ok(failed >= 1, 'the sign-in code was asked for and failed');
  exchangeHealed = true;
  await button.click();
  // Signed in: the like button reached the database and offers a like.
  await p.waitForFunction(() => {
    const like = document.querySelector('lenig-like-button')?.shadowRoot?.querySelector('.like > button');
    return like && !like.hasAttribute('aria-busy');
  }, undefined, { timeout: 45_000 });
  assert.ok(exchangeRequests > failed, 'Try again fetched the sign-in code anew');
  await context.close();
});

/**
 * A stand-in for Google's popup helper (https://apis.google.com/js/api.js): just enough of `gapi.iframes`
 * for Firebase to set the helper up, so that a sign-in goes on to open its popup.
 */
const FAKE_GAPI = `window.gapi = { load(name, o) { o.callback(); }, iframes: { CROSS_ORIGIN_IFRAMES_FILTER: {}, getContext: () => ({
  open: (options, ready) => ready({ restyle: () => Promise.resolve(), ping: () => Promise.resolve(), register() {}, send() {} }) }) } };
window[new URL(document.currentScript.src).searchParams.get('onload')]();`;

test('microsoft: a click on Sign in opens the Microsoft sign-in popup for the tenant, with the helper loaded before', { timeout: 90_000, skip }, async () => {
  const context = await browser.newContext();
  await context.route(/^https:\/\/apis\.google\.com\/js\/api\.js/, (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_GAPI }));
  await context.route(/^https:\/\/[^/]*\.(firebaseapp\.com|gstatic\.com)\//, (route) => route.abort());
  const p = await context.newPage();
  const chunks: string[] = [];
  p.on('request', (r) => {
    const m = /\/lenig\/([\w.-]+)-[\w-]{6}\.js$/.exec(r.url());
    if (m) chunks.push(m[1]!);
  });
  await p.goto(`${origin}/microsoft-popup`);
  const signIn = p.locator('lenig-like-button').getByRole('button', { name: /sign in|like/i }).first();
  await signIn.waitFor({ timeout: 45_000 });
  // The widget offers sign-in only once the popup's code is on the page: the click awaits no download.
  assert.ok(chunks.includes('popup'), `chunks fetched: ${chunks.join(', ')}`);
  const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 20_000 }), signIn.click()]);
  await popup.waitForURL(/providerId=microsoft\.com/, { timeout: 20_000 });
  const params = new URL(popup.url()).searchParams;
  assert.deepEqual(JSON.parse(params.get('customParameters') ?? '{}'), { tenant: 'contoso.example', prompt: 'select_account' });
  assert.equal(params.get('authType'), 'signInViaPopup');
  await context.close();
});

test('microsoft: when the popup sign-in code fails to download, the widget says so with Try again, which fetches it anew', { timeout: 120_000, skip }, async () => {
  popupHealed = false;
  const context = await browser.newContext();
  await context.route(/^https:\/\/(apis\.google\.com|[^/]*\.firebaseapp\.com|[^/]*\.gstatic\.com)\//, (route) => route.abort());
  try {
    const p = await context.newPage();
    await p.goto(`${origin}/microsoft`);
    const button = p.locator('lenig-like-button').getByRole('button', { name: 'Try again' });
    await button.waitFor({ timeout: 45_000 });
    assert.match((await p.locator('lenig-like-button').getByRole('alert').textContent()) ?? '', /Could not connect to the intranet service/);
    const failed = popupRequests;
    assert.ok(failed >= 1, 'the popup code was asked for and failed');
    popupHealed = true;
    await button.click();
    await p.locator('lenig-like-button').getByRole('button', { name: /sign in|like/i }).first().waitFor({ timeout: 45_000 });
    assert.ok(popupRequests > failed, 'Try again fetched the popup code anew');
  } finally {
    popupHealed = true;
    await context.close();
  }
});
