/**
 * `npm run bench:waterfall`: where one cold load of the demo page (on the built library) spends its time
 * until the first post card shows: each file, each Auth emulator request, each database request on the
 * page's WebSocket (listen and its first answer), the page's `DOMContentLoaded` and `load`, and the first
 * card, and each element defined and IndexedDB database opened. Times are ms from navigation start, from the page's own clock (resource timing and a WebSocket
 * wrapped before any script runs). `LENIG_WATERFALL_RUNS` (default 3) cold loads are printed, each in a
 * new browser profile. `LENIG_WATERFALL_DEMO` and `LENIG_WATERFALL_DIST` point at another copy of demo/ and
 * dist/ (an earlier build, to compare).
 */
import { chromium } from 'playwright-core';
import { startBackend } from '../scripts/backend.mjs';
import { chromiumOptions } from '../scripts/browser.mjs';
import { startDemoServer } from './demo-server.js';

const RUNS = Number(process.env['LENIG_WATERFALL_RUNS'] ?? 3);

/** Installed before any script of the page: notes each database request and its first answer. */
const WATCH = `{
  const log = (window.wf = []);
  const mark = (what) => log.push({ what, start: performance.now(), end: performance.now() });
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ...rest) => (mark('defined <' + name + '>'), define(name, ...rest));
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (name, ...rest) => {
    const start = performance.now();
    const req = open(name, ...rest);
    req.addEventListener('success', () => log.push({ what: 'IndexedDB open ' + name, start, end: performance.now() }));
    return req;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      const opened = performance.now();
      const asked = new Map();
      log.push({ what: 'ws connect', start: opened, end: opened });
      this.addEventListener('open', () => log.push({ what: 'ws open', start: opened, end: performance.now() }));
      const send = this.send.bind(this);
      this.send = (data) => {
        try {
          const f = JSON.parse(String(data));
          if (f.t === 'd' && f.d && f.d.r !== undefined) asked.set(f.d.r, { a: f.d.a, p: f.d.b && f.d.b.p, start: performance.now() });
        } catch {}
        return send(data);
      };
      const firstData = new Map();
      this.addEventListener('message', (e) => {
        try {
          const f = JSON.parse(String(e.data));
          if (f.t !== 'd' || !f.d) return;
          if (f.d.a === 'd' || f.d.a === 'm') {
            const p = '/' + String(f.d.b && f.d.b.p || '');
            if (!firstData.has(p)) firstData.set(p, performance.now());
          } else if (f.d.r !== undefined && asked.has(f.d.r)) {
            const q = asked.get(f.d.r);
            asked.delete(f.d.r);
            const p = q.p ? '/' + String(q.p).replace(/^\\//, '') : '';
            const data = firstData.get(p);
            log.push({ what: 'db ' + q.a + ' ' + p, start: q.start, end: performance.now(), data });
          }
        } catch {}
      });
    }
  };
  const look = () => {
    const card = document.querySelector('lenig-feed')?.shadowRoot?.querySelector('lenig-post-card');
    if (card?.shadowRoot?.querySelector('#author')?.textContent?.trim()) window.firstCard = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}`;

const COLLECT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const rows = performance.getEntriesByType('resource').map((r) => ({
    what: r.initiatorType + ' ' + new URL(r.name).pathname.replace(/^.*\\/(?=[^/]+\\/[^/]+$)/, '') + (r.name.includes('identitytoolkit') || r.name.includes('securetoken') ? ' (auth)' : ''),
    start: r.startTime,
    end: r.responseEnd,
  }));
  rows.push({ what: 'DOMContentLoaded', start: nav.domContentLoadedEventStart, end: nav.domContentLoadedEventEnd });
  rows.push({ what: 'load', start: nav.loadEventStart, end: nav.loadEventEnd });
  rows.push({ what: 'FIRST CARD', start: window.firstCard, end: window.firstCard });
  // The library's own marks (performance.mark('lenig:…')), when a build carries them.
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('lenig:')) rows.push({ what: 'mark ' + m.name.slice(6), start: m.startTime, end: m.startTime });
  // The library's chunks as one row: how many, from the first asked to the last arrived. The sign-in mode's
  // own chunk keeps a row of its own: when it arrives decides when the sign-in can start.
  const chunks = rows.filter((r) => r.what.includes(' lenig/') && !/\\/(email-sign-in|token-exchange|popup)-/.test(r.what));
  const rest = rows.filter((r) => !chunks.includes(r));
  if (chunks.length) rest.push({ what: 'script lenig/*.js ×' + chunks.length, start: Math.min(...chunks.map((r) => r.start)), end: Math.max(...chunks.map((r) => r.end)) });
  return rest.concat(window.wf).sort((a, b) => a.start - b.start);
})()`;

const backend = await startBackend({ dbPort: 0, authPort: 0, seed: true, quiet: true });
const server = await startDemoServer(backend, { demoDir: process.env['LENIG_WATERFALL_DEMO'], dist: process.env['LENIG_WATERFALL_DIST'] });
const base = server.base;
const browser = await chromium.launch(chromiumOptions());
try {
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.addInitScript(WATCH);
    await page.goto(base);
    await page.waitForFunction('window.firstCard', undefined, { timeout: 30_000 });
    const rows = await page.evaluate<{ what: string; start: number; end: number; data?: number }[]>(COLLECT);
    await context.close();
    if (run === 0) continue; // warms the server and the backend
    console.log(`\n## cold load ${run}: first card at ${rows.find((r) => r.what === 'FIRST CARD')!.start.toFixed(0)} ms`);
    const scale = 0.04; // columns per ms
    console.log('start   end  what' + ' '.repeat(50) + 'answer');
    for (const r of rows) {
      const bar = ' '.repeat(Math.round(r.start * scale)) + '█'.repeat(Math.max(1, Math.round((r.end - r.start) * scale)));
      const data = r.data !== undefined ? `${r.data.toFixed(0)}` : '';
      console.log(`${r.start.toFixed(0).padStart(5)} ${r.end.toFixed(0).padStart(5)}  ${r.what.slice(0, 52).padEnd(52)}${data.padStart(6)}  ${bar}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await backend.stop();
}
