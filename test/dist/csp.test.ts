/**
 * The drop-in on a page with a strict content security policy, as locked-down intranets have: no inline
 * styles (`style-src 'self'`, which also forbids `style="…"` attributes) and a `connect-src` that leaves
 * out the Firebase hosts. The widgets must say that the page's policy blocks the connection, and to
 * which host — not "You are offline" and not a spinner — and lenig itself must trip no style-src
 * violation. No backend is needed: the browser refuses the connections before any request is made.
 * Needs `npm run build` (scripts/test.mjs runs it when dist/ is missing or stale).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { startBackend, type Backend } from '../../scripts/backend.mjs';
import { chromiumOptions } from '../../scripts/browser.mjs';

const root = new URL('../../', import.meta.url);
const bundle = readFileSync(new URL('dist/lenig.js', root));
const DATABASE = 'https://csp-test-default-rtdb.europe-west1.firebasedatabase.app';
/** The bound each widget promises (LOAD_NOTICE_MS) plus room for a busy machine. */
const BOUND_MS = 8000 + 4000;

const page = (lang: string) => `<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8"><title>strict CSP</title></head>
  <body>
    <script type="module" src="/lenig.js"></script>
    <lenig-config database-url="${DATABASE}" api-key="demo-key" project-id="csp-test"></lenig-config>
    <lenig-composer channel="general"></lenig-composer>
    <lenig-feed channel="general"></lenig-feed>
    <lenig-like-button target="https://intranet.example/news/1"></lenig-like-button>
  </body>
</html>`;

/** The connected page's backend: the demo's data (channels, posts, profiles), started by the test below. */
let backend: Backend | undefined;
/** The same strict policy with the connection allowed: the widgets render posts, avatars and likes. */
const connectedPage = (databaseURL: string, authURL: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>strict CSP, connected</title></head>
  <body>
    <script type="module" src="/lenig.js"></script>
    <lenig-config database-url="${databaseURL}" project-id="demo-lenig" api-key="demo-key"
      emulator-database="${databaseURL}" emulator-auth="${authURL}"></lenig-config>
    <lenig-feed channel="company"></lenig-feed>
    <lenig-idea-board channel="company"></lenig-idea-board>
  </body>
</html>`;

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  server = createServer((req, res) => {
    // Everything from this origin only: no inline style, no connection to Firebase.
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
    if (req.url === '/connected' && backend) {
      const databaseURL = backend.databaseURL;
      const authURL = process.env['LENIG_TEST_AUTH_URL'] ?? backend.authURL!;
      // The backend's hosts, over HTTP and WebSocket.
      const hosts = [databaseURL, authURL].flatMap((u) => [`http://${new URL(u).host}`, `ws://${new URL(u).host}`]).join(' ');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${hosts}; img-src 'self' data: https:`,
      });
      res.end(connectedPage(databaseURL, authURL));
    } else if (req.url === '/en' || req.url === '/nl') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(page(req.url.slice(1)));
    } else if (req.url === '/lenig.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(bundle);
    } else if (/^\/lenig\/[\w.-]+\.js$/.test(req.url ?? '')) {
      // The loader's chunks, next to it.
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync(new URL(`dist${req.url}`, root)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumOptions());
});

after(async () => {
  await backend?.stop();
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const SENTENCE = {
  en: /This page’s content security policy blocks the connection to [a-z0-9.-]+\./,
  nl: /Het beveiligingsbeleid \(content security policy\) van deze pagina blokkeert de verbinding met [a-z0-9.-]+\./,
};

for (const lang of ['en', 'nl'] as const) {
  test(`under a strict CSP every widget names the blocked host (${lang}), with no style-src violation`, { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    const consoleErrors: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await p.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const started = Date.now();
    await p.goto(`${origin}/${lang}`);
    const texts = async () =>
      p.evaluate(() =>
        ['lenig-composer', 'lenig-feed', 'lenig-like-button'].map((tag) => {
          const el = document.querySelector(tag);
          return (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
        }),
      );
    let seen = await texts();
    while (!seen.every((t) => SENTENCE[lang].test(t)) && Date.now() - started < BOUND_MS) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      seen = await texts();
    }
    for (const [i, tag] of ['lenig-composer', 'lenig-feed', 'lenig-like-button'].entries()) {
      assert.match(seen[i]!, SENTENCE[lang], `${tag} says the policy blocks the connection; it says: ${seen[i]}`);
      assert.doesNotMatch(seen[i]!, /offline/i, `${tag} does not call it being offline`);
    }
    const violations = await p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    assert.ok(violations.some((v) => v.startsWith('connect-src')), `the connection was refused: ${JSON.stringify(violations)}`);
    assert.deepEqual(
      violations.filter((v) => v.startsWith('style-src')),
      [],
      'lenig trips no style-src violation (no inline style attributes)',
    );
    assert.equal(consoleErrors.filter((m) => m.includes('Content-Security-Policy (connect-src) blocks')).length, 1, 'said once in the console');
    assert.deepEqual(errors, [], 'uncaught errors on the page');
    if (process.env['LENIG_SCREENSHOTS']) await p.screenshot({ path: `${process.env['LENIG_SCREENSHOTS']}/csp-${lang}.png`, fullPage: true });
    await context.close();
  });
}

test(
  'under a strict CSP with the connection allowed, cards show their avatars in colour and the idea board its chosen view, with no style-src violation',
  { timeout: 90_000 },
  async () => {
    // Its own backend with the demo's data (the shared one is empty), and the shared Auth emulator if any.
    backend = await startBackend({ dbPort: 0, authPort: 0, seed: true, auth: !process.env['LENIG_TEST_AUTH_URL'], quiet: true });
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await p.goto(`${origin}/connected`);
    // A card's avatar with initials (an author without a photo), once the name has come: on the author's colour.
    const avatar = await p.waitForFunction(
      () => {
        const cards = [...(document.querySelector('lenig-feed')?.shadowRoot?.querySelectorAll('lenig-post-card') ?? [])];
        const spans = cards.map((c) => c.shadowRoot?.querySelector<HTMLElement>('.avatar')).filter((s) => s && !s.querySelector('img') && s.textContent?.trim());
        const span = spans[0];
        return span ? { background: getComputedStyle(span).backgroundColor, width: span.getBoundingClientRect().width, text: span.textContent?.trim() ?? '' } : false;
      },
      undefined,
      { timeout: 30_000 },
    ).catch(async (e: unknown) => {
      const state = await p.evaluate(() => ({
        feed: (document.querySelector('lenig-feed')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 300),
        violations: (window as unknown as { cspViolations: string[] }).cspViolations,
      }));
      throw new Error(`${String(e)}; the page: ${JSON.stringify(state)}`);
    });
    const seen = (await avatar.jsonValue()) as { background: string; width: number; text: string };
    assert.match(seen.text, /^\p{L}{1,2}$/u, `initials: ${seen.text}`);
    assert.notEqual(seen.background, 'rgba(0, 0, 0, 0)', 'the avatar has its colour');
    assert.ok(seen.width > 20, `the avatar has its size: ${seen.width}px`);
    // The built shared styles (minified at build, unlike the source the component tests run): the idea
    // board's chosen view is filled with the accent, the other one is not.
    const views = await p.waitForFunction(
      () => {
        const group = document.querySelector('lenig-idea-board')?.shadowRoot?.querySelector('[part~="view-toggle"]');
        const buttons = [...(group?.querySelectorAll('button') ?? [])];
        return buttons.length === 2 ? buttons.map((b) => ({ pressed: b.getAttribute('aria-pressed'), background: getComputedStyle(b).backgroundColor, height: b.getBoundingClientRect().height })) : false;
      },
      undefined,
      { timeout: 30_000 },
    );
    const [chosen, other] = ((await views.jsonValue()) as { pressed: string; background: string; height: number }[]).sort((a) => (a.pressed === 'true' ? -1 : 1));
    assert.equal(chosen!.pressed, 'true');
    assert.notEqual(chosen!.background, other!.background, `the chosen view is filled: ${JSON.stringify([chosen, other])}`);
    assert.ok(chosen!.height >= 32, `the options keep their height (2rem): ${chosen!.height}px`);
    const violations = await p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    assert.deepEqual(violations, [], 'no violation of the page policy');
    await context.close();
    await backend.stop();
    backend = undefined;
  },
);
