/**
 * `npm run bench`: how fast lenig is at intranet scale, measured in headless Chromium against the local
 * backend (scripts/backend.mjs), on this machine, in one run. Every figure compares lenig with a floor
 * measured in the same run and page: a hand-written DOM rendering of the same cards, or a bare Firebase
 * SDK listener. Variants alternate (A B B A …) so drift in the machine hits both alike; each line prints
 * the median and the spread (25th–75th percentile) of its samples.
 *
 *   npm run bench                 every scenario
 *   npm run bench -- render like  only the scenarios whose name contains one of these words
 *
 * Scenarios: render (20 and 200 posts; `LENIG_BENCH_AGAINST=dir` alternates an earlier copy's feed with them), long-feed (5,000 posts loaded), like (a colleague's like),
 * listeners (idea board with 50 ideas, insights), bytes (gzip per page scenario; needs `npm run build`),
 * demo (time to the first card on the demo page, cold; `LENIG_BENCH_DEMO_AGAINST=dir` alternates it with an
 * earlier copy's dir/dist and dir/demo in the same run; the pages come over HTTP/2, see bench/demo-server.ts).
 *
 * Loopback only; each scenario is bounded in samples and time. Set CHROME_PATH to use another Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { deleteApp, setLogLevel } from 'firebase/app';
import { goOffline } from 'firebase/database';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBackend, type Backend } from '../scripts/backend.mjs';
import { buildSeed, SEED_USERS } from '../scripts/seed-data.mjs';
import { encodeKey } from '../src/data/keys.js';
import { monthKey, postTarget } from '../src/data/types.js';
import { FirebaseStore } from '../src/firebase/index.js';
import { chromiumOptions } from '../scripts/browser.mjs';
import { startDemoServer } from './demo-server.js';

setLogLevel('error');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [READER, COLLEAGUE] = [SEED_USERS[0]!, SEED_USERS[1]!];
const AUTHORS = SEED_USERS.map((u) => u.uid);
/** Samples per variant in the alternating scenarios (medians of ≥ 10, as the targets ask). */
const SAMPLES = Number(process.env['LENIG_BENCH_SAMPLES'] ?? 12);
const BIG_TOTAL = 5_000;
/** How long each variant may take to load the long feed before it stops and reports how far it got. */
const LONG_BUDGET_MS = Number(process.env['LENIG_BENCH_LONG_BUDGET_S'] ?? 120) * 1000;
/** `LENIG_BENCH_PROFILE=1`: the render and like scenarios also print where lenig's variant spends its time (CPU profile). */
const PROFILE = !!process.env['LENIG_BENCH_PROFILE'];
/** The long feed's variants; `LENIG_BENCH_LONG_KINDS=lenig,hand` leaves out the slow unwindowed one. */
/**
 * `LENIG_BENCH_AGAINST=dir`: the render scenario also mounts the feed of an earlier copy of the repository
 * (its dir/bench/page.ts and dir/src, in a page of its own) and alternates it with this copy's and the
 * hand-written one in the same run, so that a change is compared with what it replaces under the same load.
 */
const AGAINST = process.env['LENIG_BENCH_AGAINST'];
const LONG_KINDS = (['hand', 'lenig-unwindowed', 'lenig'] as const).filter((k) => (process.env['LENIG_BENCH_LONG_KINDS'] ?? 'hand,lenig-unwindowed,lenig').split(',').includes(k));

// --- statistics -------------------------------------------------------------------------------------------

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}
const median = (xs: number[]) => quantile(xs, 0.5);
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const spread = (xs: number[], f = f1) => `${f(quantile(xs, 0.25))}–${f(quantile(xs, 0.75))}`;
const ms = (xs: number[]) => `${f1(median(xs))} ms (${spread(xs)}, n=${xs.length})`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const line = (s: string) => console.log(s);
const target = (ok: boolean, what: string) => `${ok ? 'met    ' : 'NOT MET'} ${what}`;

/** Runs `a` and `b` alternately (A B B A …), `n` times each. */
async function alternate(n: number, a: () => Promise<number>, b: () => Promise<number>): Promise<[number[], number[]]> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  return [as, bs];
}

/** Runs each of `fns` `n` times, in turn, the order reversed every other round (A B C, C B A …). */
async function rotate(n: number, fns: (() => Promise<number>)[]): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    const order = fns.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) out[k]!.push(await fns[k]!());
  }
  return out;
}

/** lenig / floor per pair, and the medians of both. */
function ratioLine(name: string, lenig: number[], floor: number[], floorName: string): number {
  const ratios = lenig.map((x, i) => x / floor[i]!);
  const r = median(ratios);
  line(`${name}: ${f2(r)}× ${floorName} (spread ${spread(ratios, f2)}); lenig ${ms(lenig)}, ${floorName} ${ms(floor)}`);
  return r;
}

// --- data ---------------------------------------------------------------------------------------------------

const CH = { render: 'bench-render', big: 'bench-big', ideas: 'bench-ideas', like: 'bench-like' } as const;
const IDEAS = 50;
const IDEAS_REVIEWED = 35;

/** The demo seed plus the bench's channels: posts, ideas and two years of stats per channel. */
interface Tree {
  [key: string]: Tree;
}
/** The object at `keys` under `tree`, made on the way. */
const at = (tree: Tree, ...keys: string[]): Tree => keys.reduce((t, k) => (t[k] ??= {}), tree);

function benchData(now: number): Tree {
  const data = buildSeed(now).data as Tree;
  const categories = { news: 0, idea: 1, question: 2, personal: 3, praise: 4 };
  const cats = Object.keys(categories);
  const words = 'the canteen opens early tomorrow and the new planning tool goes live for every team in the north region'.split(' ');
  const text = (i: number) => Array.from({ length: 12 + (i % 25) }, (_, k) => words[(i * 7 + k) % words.length]).join(' ');
  const addPosts = (ch: string, n: number, ideas = 0) => {
    at(data, 'channels')[ch] = { name: ch, categories } as unknown as Tree;
    const posts: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const createdAt = now - (n - i) * 60_000;
      const id = `p${String(i).padStart(5, '0')}`;
      const idea = i >= n - ideas;
      const category = idea ? 'idea' : cats[i % cats.length] === 'idea' ? 'news' : cats[i % cats.length]!;
      const post: Record<string, unknown> = {
        author: AUTHORS[i % AUTHORS.length],
        text: text(i),
        category,
        createdAt,
        month: monthKey(new Date(createdAt)),
        byCat: { [category]: createdAt },
        likeCount: i % 5,
        commentCount: i % 3,
      };
      if (idea) {
        const k = n - i;
        post['title'] = `Idea ${k}: ${words[k % words.length]} ${words[(k + 3) % words.length]}`;
        post['status'] = k <= IDEAS_REVIEWED ? (['under-review', 'planned', 'in-progress', 'done', 'declined'] as const)[k % 5] : 'new';
        if (k <= IDEAS_REVIEWED) {
          const entry = `h${id}`;
          at(data, 'ideaHistory', ch, id)[entry] = { status: post['status'], note: 'Looked at it.', by: AUTHORS[3], at: createdAt + 1000 } as unknown as Tree;
          post['statusEntry'] = entry;
        }
      }
      posts[id] = post;
      for (let k = 0; k < i % 5; k++) {
        const key = encodeKey(postTarget(ch, id));
        at(data, 'likes', key)[`someone-${k}`] = (createdAt + k) as unknown as Tree;
      }
    }
    at(data, 'posts')[ch] = posts as Tree;
  };
  addPosts(CH.render, 200);
  addPosts(CH.big, BIG_TOTAL + 300);
  addPosts(CH.ideas, IDEAS, IDEAS);
  addPosts(CH.like, 20);
  // Two years of monthly stats for every channel, so "listen to the months shown" has something to skip.
  for (const ch of Object.keys(at(data, 'channels'))) {
    for (let m = 0; m < 24; m++) {
      const d = new Date(now);
      d.setUTCMonth(d.getUTCMonth() - m, 1);
      const month = monthKey(d);
      for (const c of cats) at(data, 'stats', ch, month)[c] = { posts: 3 + m, likes: 7 + m } as unknown as Tree;
    }
  }
  return data;
}

// --- wire: listeners each browser connection holds open -------------------------------------------------

interface WireSocket {
  on(event: 'message', cb: (data: unknown) => void): void;
}
function countListens(backend: Backend) {
  const open = new Map<number, Map<string, string>>();
  let connections = 0;
  (backend.server as unknown as { wss: { on(e: 'connection', cb: (s: WireSocket) => void): void } }).wss.on('connection', (socket) => {
    const id = ++connections;
    const mine = new Map<string, string>();
    open.set(id, mine);
    socket.on('message', (data) => {
      try {
        const frame = JSON.parse(String(data)) as { t?: string; d?: { a?: string; b?: { p?: string; q?: unknown } } };
        const { a, b } = frame.d ?? {};
        const key = `${b?.p ?? ''} ${JSON.stringify(b?.q ?? {})}`;
        if (frame.t === 'd' && a === 'q') mine.set(key, b?.p ?? '');
        if (frame.t === 'd' && a === 'n') mine.delete(key);
      } catch {
        // a continuation frame: listen requests fit in one
      }
    });
  });
  return {
    /** Marks the connections so far as not counted. */
    mark: () => connections,
    /** Listens held open by connections opened after `since`. */
    since: (since: number) => [...open].filter(([id]) => id > since).flatMap(([, m]) => [...m.values()]),
  };
}

// --- servers ---------------------------------------------------------------------------------------------

async function bundlePage(root = ROOT): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(root, 'bench', 'page.ts')],
    bundle: true,
    // LENIG_BENCH_PROFILE keeps names readable in the profile it prints.
    minify: !PROFILE,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: path.join(root, 'tsconfig.json'),
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.contents;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 0 auto; max-width: 640px; }
  .hand-feed .card { display: block; border: 1px solid #ccc; border-radius: 8px; padding: 12px; margin: 8px 0; }
  .hand-feed .header { display: flex; gap: 8px; align-items: baseline; }
  .hand-feed .avatar { width: 32px; height: 32px; border-radius: 50%; background: #ddd; display: inline-grid; place-items: center; }
  .hand-feed .author { font-weight: 600; }
  .hand-feed .time, .hand-feed .category { color: #666; }
  .hand-feed .actions { display: flex; gap: 8px; }
</style></head><body><div id="host"></div><script type="module" src="/bench.js"></script></body></html>`;

function bytesPage(body: string, backend: Backend): string {
  const cfg = `<lenig-config database-url="${backend.databaseURL}" project-id="${backend.projectId}" api-key="bench-key"
    emulator-database="${backend.databaseURL}" emulator-auth="${backend.authURL}"></lenig-config>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bytes</title></head><body>
<script type="module" src="/dist/lenig.js"></script>${body.replace('CONFIG', cfg)}</body></html>`;
}

async function startPageServer(backend: Backend) {
  const js = await bundlePage();
  const against = AGAINST ? await bundlePage(path.resolve(AGAINST)) : undefined;
  const pages: Record<string, string> = {
    '/': PAGE,
    '/against': PAGE.replace('/bench.js', '/against.js'),
    '/bytes/loader': bytesPage('', backend),
    '/bytes/like': bytesPage('CONFIG<lenig-like-button target="bench-bytes"></lenig-like-button>', backend),
    '/bytes/feed-composer': bytesPage(`CONFIG<lenig-composer channel="${CH.render}"></lenig-composer><lenig-feed channel="${CH.render}"></lenig-feed>`, backend),
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x').pathname;
    if (pages[url]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'self'" });
      res.end(pages[url]);
    } else if (url === '/bench.js' || (url === '/against.js' && against)) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(url === '/bench.js' ? js : against);
    } else if (url.startsWith('/dist/') && !url.includes('..') && existsSync(path.join(ROOT, url))) {
      res.writeHead(200, { 'content-type': url.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
      res.end(readFileSync(path.join(ROOT, url)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// --- scenarios ---------------------------------------------------------------------------------------------

interface Ctx {
  backend: Backend;
  browser: Browser;
  base: string;
  listens: ReturnType<typeof countListens>;
}

async function benchPage(ctx: Ctx, user = READER, pathname = '/'): Promise<Page> {
  const context = await ctx.browser.newContext({ viewport: { width: 900, height: 800 }, locale: 'en-GB', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  if (process.env['LENIG_BENCH_DEBUG']) page.on('console', (m) => console.log(`  page: ${m.text()}`));
  // Notes each WebSocket message's arrival before the SDK sees it: installed before any script runs, as
  // the SDK keeps the WebSocket constructor it finds when it loads.
  await page.addInitScript(`{
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url, protocols) {
        super(url, protocols);
        this.addEventListener('message', () => {
          window.benchMessages?.push(performance.now());
          if (window.benchMarkMessages) performance.mark('bench-ws');
        });
      }
    };
  }`);
  await page.goto(`${ctx.base}${pathname}`);
  await page.waitForFunction('"bench" in window');
  await page.evaluate(
    (o) => (window as unknown as { bench: { init(o: unknown): Promise<void> } }).bench.init(o),
    { databaseURL: ctx.backend.databaseURL, authURL: ctx.backend.authURL!, projectId: ctx.backend.projectId, email: user.email, password: user.password },
  );
  return page;
}

type Bench = import('./page.js').Bench;
const call = <K extends keyof Bench>(page: Page, fn: K, ...args: Parameters<Bench[K]>) =>
  page.evaluate(
    ([fn, args]) => ((window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[fn]!(...args)),
    [fn, args] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;

async function render(ctx: Ctx) {
  const page = await benchPage(ctx);
  const other = AGAINST ? await benchPage(ctx, READER, '/against') : undefined;
  line('## render: mount a feed until every card shows with its author (lenig feed vs hand-written DOM)');
  if (other) line(`  (and the feed of ${AGAINST}, in a page of its own, alternated with both)`);
  for (const n of [20, 200]) {
    // Warm both (code, caches, the SDK's copy of the query) before measuring.
    for (const p of other ? [page, other] : [page]) {
      await call(p, 'keep', CH.render, n);
      await call(p, 'render', 'lenig', CH.render, n);
    }
    await call(page, 'render', 'hand', CH.render, n);
    // The earlier copy's page renders the hand-written cards too: both pages do the same work, and each
    // copy is compared with the hand-written cards of its own page.
    if (other) await call(other, 'render', 'hand', CH.render, n);
    const [lenig, hand, before, beforeHand] = await rotate(SAMPLES, [
      () => call(page, 'render', 'lenig', CH.render, n),
      () => call(page, 'render', 'hand', CH.render, n),
      ...(other ? [() => call(other, 'render', 'lenig', CH.render, n), () => call(other, 'render', 'hand', CH.render, n)] : []),
    ]);
    const r = ratioLine(`render ${n} posts`, lenig!, hand!, 'hand-written');
    if (before && beforeHand) {
      ratioLine(`  render ${n} posts, ${AGAINST}`, before, beforeHand, 'hand-written');
      ratioLine(`  render ${n} posts, this copy against ${AGAINST}`, lenig!, before, 'that copy');
    }
    line(target(r <= 1.5, `render ${n} posts ≤ 1.5× hand-written`));
    // Not the target's measure: the main thread's CPU time from mount to done (a trace), which a machine
    // busy with other work disturbs less than wall time.
    const cpu = await rotate(Math.ceil(SAMPLES / 2), [
      () => renderCpu(ctx, page, 'lenig', n),
      () => renderCpu(ctx, page, 'hand', n),
      ...(other ? [() => renderCpu(ctx, other, 'lenig', n)] : []),
    ]);
    line(
      `  (main-thread CPU time from mount to done: lenig ${ms(cpu[0]!)}, hand-written ${ms(cpu[1]!)}, ` +
        `${f2(median(cpu[0]!.map((x, i) => x / cpu[1]![i]!)))}×${cpu[2] ? `; ${AGAINST} ${ms(cpu[2])}` : ''})`,
    );
    if (PROFILE) {
      const profiler = await startProfiler(page);
      for (let i = 0; i < SAMPLES; i++) {
        await profiler.start();
        await call(page, 'render', 'lenig', CH.render, n);
        await profiler.stop();
      }
      profiler.print(`${SAMPLES} renders of ${n} lenig posts`);
    }
  }
  await page.context().close();
  await other?.context().close();
}

/**
 * One render of `kind` traced: the main thread's CPU time (ms) in the tasks between the page's
 * bench-render-start and bench-render-end marks, a task that straddles a mark counted for its share inside.
 */
async function renderCpu(ctx: Ctx, page: Page, kind: 'lenig' | 'hand', n: number): Promise<number> {
  await ctx.browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await call(page, 'render', kind, CH.render, n);
  const events = (JSON.parse(String(await ctx.browser.stopTracing())) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((e) => e.name === 'bench-render-start');
  const end = events.find((e) => e.name === 'bench-render-end');
  if (!start || !end) return NaN;
  let us = 0;
  for (const e of events) {
    if (e.pid !== start.pid || e.tid !== start.tid || e.ph !== 'X' || e.name !== 'RunTask') continue;
    const inside = Math.min(end.ts, e.ts + e.dur!) - Math.max(start.ts, e.ts);
    if (inside > 0) us += ((e.tdur ?? 0) * inside) / Math.max(1, e.dur!);
  }
  return us / 1000;
}

async function longFeed(ctx: Ctx) {
  line(`## long feed: ${BIG_TOTAL.toLocaleString('en')} posts loaded a page of 100 at a time, then scrolled through`);
  line('  (lenig-unwindowed: the same feed with every card in the DOM, as before windowing, for comparison)');
  type Result = Awaited<ReturnType<Bench['longFeed']>> & Awaited<ReturnType<Bench['longScroll']>>;
  const results: Record<string, Result> = {};
  const kinds = LONG_KINDS;
  for (const kind of kinds) {
    const page = await benchPage(ctx);
    const t0 = performance.now();
    const pageProfiles = PROFILE && kind === 'lenig' ? await profilePages(page) : undefined;
    const loaded = await call(page, 'longFeed', kind, CH.big, BIG_TOTAL + 300, [100, 500, 1000, BIG_TOTAL, BIG_TOTAL + 300], LONG_BUDGET_MS);
    await pageProfiles?.print();
    const traced = PROFILE && kind === 'lenig';
    if (traced) await ctx.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    results[kind] = { ...loaded, ...(await call(page, 'longScroll')) };
    if (traced) {
      const trace = await ctx.browser.stopTracing();
      if (process.env['LENIG_BENCH_TRACE']) writeFileSync(process.env['LENIG_BENCH_TRACE'], trace);
      printLongTasks(JSON.parse(String(trace)) as { traceEvents: TraceEvent[] });
    }
    line(`  (${kind}: ${f1((performance.now() - t0) / 1000)} s)`);
    await page.context().close();
  }
  // Five pages each: loaded from 100 to 500 posts, and from 4,800 to 5,200.
  const early = (k: string) => results[k]!.pages.filter((p) => p.loaded >= 100 && p.loaded <= 500).map((p) => p.ms);
  const late = (k: string) => {
    const pages = results[k]!.pages;
    const at = pages.filter((p) => p.loaded >= BIG_TOTAL - 200);
    // When a variant stopped early: its last five pages, the furthest it got.
    return (at.length ? at : pages.slice(-5)).map((p) => p.ms);
  };
  for (const k of ['lenig', 'lenig-unwindowed', 'hand']) {
    const r = results[k];
    if (!r) continue;
    const n = r.nodes;
    line(`${k}: loaded ${r.reached.toLocaleString('en')} posts in ${f1(r.loadMs / 1000)} s${r.reached < BIG_TOTAL ? ` (stopped at the ${LONG_BUDGET_MS / 1000} s bound)` : ''}`);
    line(`${k}: DOM nodes at 100/500/1,000/5,000 posts: ${[100, 500, 1000, BIG_TOTAL].map((c) => n[c]?.toLocaleString('en') ?? '?').join(' / ')}; JS heap ${f1(r.heap / 1e6)} MB`);
    line(`${k}: one more page at 100–500 posts ${ms(early(k))}; at ${r.reached >= BIG_TOTAL ? '4,800–5,200' : `${(r.reached - 500).toLocaleString('en')}–${(r.reached - 100).toLocaleString('en')}`} posts ${ms(late(k))}; ` +
      `${f2(median(late(k)) / median(early(k)))}×`);
    const long = r.longTasks;
    line(`${k}: scrolling ${r.frames.length} frames: frame median ${f1(median(r.frames))} ms (${spread(r.frames)}), p95 ${f1(quantile(r.frames, 0.95))} ms; ` +
      `${long.length} long tasks > 50 ms, longest ${f1(Math.max(0, ...long))} ms`);
  }
  const lenig = results['lenig'];
  if (!lenig || !results['hand']) return;
  const nodes = lenig.reached >= BIG_TOTAL ? (lenig.nodes[BIG_TOTAL] ?? Infinity) : Infinity;
  line(target(nodes <= 20_000 && nodes <= (lenig.nodes[500] ?? 0) * 1.1, `DOM nodes ≤ 20,000 at 5,000 posts and flat from 500 (${lenig.reached >= BIG_TOTAL ? nodes.toLocaleString('en') : `did not reach 5,000 posts; ${(lenig.nodes[lenig.reached] ?? 0).toLocaleString('en')} at ${lenig.reached.toLocaleString('en')}`})`));
  line(target(Math.max(0, ...lenig.longTasks) <= 50, 'no long task > 50 ms while scrolling'));
  const ratio = median(late('lenig')) / median(early('lenig'));
  line(target(ratio <= 1.25, `one more page costs the same at 5,000 as at 100 (${f2(ratio)}×; hand-written ${f2(median(late('hand')) / median(early('hand')))}×)`));
}

async function like(ctx: Ctx) {
  line("## a colleague's like: from its WebSocket message to the new count in the reader's DOM");
  const page = await benchPage(ctx);
  const colleague = new FirebaseStore({
    firebase: { apiKey: 'bench-key', projectId: ctx.backend.projectId, databaseURL: ctx.backend.databaseURL },
    emulator: { auth: ctx.backend.authURL! },
    appName: 'bench-colleague',
    auth: 'email',
    credentials: { email: COLLEAGUE.email, password: COLLEAGUE.password },
  });
  await colleague.signIn();
  const postId = 'p00019'; // the newest post of the channel: the first card
  const start = 19 % 5;
  let liked = false;
  /** With `cpu`: the main thread's CPU time (ms, from a trace) of the message's task and the tasks after it until the count showed. */
  const once = async (kind: 'lenig' | 'bare' | 'query', profiler?: Profiler, cpu = false) => {
    const count = start + (liked ? 1 : 0);
    await call(page, 'likeArm', kind, CH.like, postId, count, liked ? count - 1 : count + 1);
    if (cpu) {
      await ctx.browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
      await page.evaluate('window.benchMarkMessages = true');
    }
    await profiler?.start();
    await (liked ? colleague.unlike(postTarget(CH.like, postId)) : colleague.like(postTarget(CH.like, postId)));
    liked = !liked;
    // Profiled: the variant's unmount comes after the profile stops, so it shows lenig's side of the like only.
    const r = await call(page, 'likeResult', !!profiler);
    await profiler?.stop();
    if (profiler) await call(page, 'likeUnmount');
    if (!cpu) return r.done - r.ws;
    await page.evaluate('window.benchMarkMessages = false');
    const events = (JSON.parse(String(await ctx.browser.stopTracing())) as { traceEvents: TraceEvent[] }).traceEvents;
    const mark = events.filter((e) => e.name === 'bench-ws').at(-1);
    if (!mark) return NaN;
    const until = mark.ts + (r.done - r.ws) * 1000;
    let us = 0;
    for (const e of events) {
      if (e.pid !== mark.pid || e.tid !== mark.tid || e.ph !== 'X' || e.name !== 'RunTask') continue;
      if (e.ts <= until && e.ts + e.dur! >= mark.ts) us += (e as TraceEvent & { tdur?: number }).tdur ?? 0;
    }
    return us / 1000;
  };
  await once('lenig');
  await once('bare');
  const [lenig, bare] = await alternate(SAMPLES, () => once('lenig'), () => once('bare'));
  if (PROFILE) {
    const profiler = await startProfiler(page);
    for (let i = 0; i < SAMPLES; i++) await once('lenig', profiler);
    profiler.print(`lenig's side of ${SAMPLES} likes, from the colleague's write to the count on screen`);
  }
  line(`bare SDK listener ${ms(bare)}; lenig card ${ms(lenig)}`);
  // Not part of the target: the SDK alone on the query the feed holds. The local backend sends a listened
  // location whole on every change (the real database sends the changed child), so this shows how much of
  // lenig's figure is the SDK taking in the whole channel again.
  // The same as the main thread's CPU time (a trace's thread time), which a busy machine disturbs far less
  // than wall time: not the target's measure, a steadier view of it.
  const [lenigCpu, bareCpu] = await alternate(SAMPLES, () => once('lenig', undefined, true), () => once('bare', undefined, true));
  line(`  (main-thread CPU time from the message to the count on screen: bare ${ms(bareCpu)}; lenig ${ms(lenigCpu)}; ${f1(median(lenigCpu) - median(bareCpu))} ms above)`);
  const query: number[] = [];
  for (let i = 0; i < Math.ceil(SAMPLES / 2); i++) query.push(await once('query'));
  line(`  (the SDK alone, listening to the feed's query instead of the one count: ${ms(query)})`);
  const above = median(lenig) - median(bare);
  line(target(above <= 2, `lenig's own work ≤ 2 ms above the bare SDK listener (${f1(above)} ms)`));
  await colleague.signOut().catch(() => {});
  goOffline(colleague.connection.database);
  await deleteApp(colleague.connection.app).catch(() => {});
  await page.context().close();
}

/**
 * With LENIG_BENCH_PROFILE: CPU profiles of loading the pages at 100–500 posts and at 4,800–5,200 (the page
 * marks them with console.profile), printed side by side: what grows with the feed.
 */
async function profilePages(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.evaluate('window.benchProfilePages = true');
  const byTitle = new Map<string, Map<string, number>>();
  cdp.on('Profiler.consoleProfileFinished', ({ title, profile: p }) => {
    byTitle.set(title ?? '', addSelfTimes(p, new Map()));
  });
  return {
    async print() {
      // The browser sends a console profile once it has serialised it, which may be after the page's call returned.
      for (let i = 0; i < 50 && byTitle.size < 2; i++) await new Promise((r) => setTimeout(r, 100));
      const early = byTitle.get('early') ?? new Map<string, number>();
      const late = byTitle.get('late') ?? new Map<string, number>();
      const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / 1000;
      line(`  profile of five pages at 100–500 posts (${f1(total(early))} ms) and at 4,800–5,200 (${f1(total(late))} ms), self time (ms), by growth:`);
      const keys = new Set([...early.keys(), ...late.keys()]);
      const rows = [...keys].map((k) => [k, (early.get(k) ?? 0) / 1000, (late.get(k) ?? 0) / 1000] as const).sort((a, b) => b[2] - b[1] - (a[2] - a[1]));
      for (const [k, e, l] of rows.slice(0, 25)) line(`    ${f1(e).padStart(7)} ${f1(l).padStart(7)}  ${k}`);
    },
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event: less than `dur` when the thread waited for a core. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { functionName?: string; url?: string } };
}

/**
 * With LENIG_BENCH_PROFILE: what the long tasks (> 50 ms) of a trace spent their time on, by trace event
 * (script, style, layout, paint …), self time summed over all of them.
 */
function printLongTasks(trace: { traceEvents: TraceEvent[] }): void {
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
  const self = new Map<string, number>();
  for (const task of tasks) {
    const inside = events
      .filter((e) => e !== task && e.tid === task.tid && e.pid === task.pid && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // Self time: each event's duration less its direct children's.
    const stack: TraceEvent[] = [];
    const own = new Map<TraceEvent, number>();
    for (const e of inside) {
      while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) own.set(parent, (own.get(parent) ?? parent.dur!) - e.dur!);
      own.set(e, e.dur!);
      stack.push(e);
    }
    let covered = 0;
    for (const e of inside) if (!inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur!)) covered += e.dur!;
    self.set('(task, no event)', (self.get('(task, no event)') ?? 0) + task.dur! - covered);
    for (const [e, us] of own) {
      const f = e.args?.data?.functionName;
      const key = f ? `${e.name} ${f}` : e.name;
      self.set(key, (self.get(key) ?? 0) + us);
    }
  }
  // On a machine shared with other work a task can take 50 ms of wall time while its thread ran for 5:
  // the main thread's CPU time tells a task that is long from one that waited for a core.
  const cpu = tasks.map((t) => (t.tdur ?? t.dur!) / 1000);
  line(`  trace: ${tasks.length} long tasks, ${f1(tasks.reduce((a, t) => a + t.dur!, 0) / 1000)} ms; main-thread CPU time in them ${f1(cpu.reduce((a, b) => a + b, 0))} ms, ` +
    `longest ${f1(Math.max(0, ...cpu))} ms, ${cpu.filter((c) => c > 50).length} over 50 ms; self time by event (ms):`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) line(`    ${f1(us / 1000).padStart(7)}  ${k}`);
}

/** Adds each function's self time (µs) in CPU profile `p` to `self`, keyed by name, file and line. */
function addSelfTimes(
  p: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] },
  self: Map<string, number>,
): Map<string, number> {
  const dt = new Map<number, number>();
  (p.samples ?? []).forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0)));
  for (const n of p.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  return self;
}

interface Profiler {
  start(): Promise<void>;
  stop(): Promise<void>;
  print(what: string): void;
}

/** The CPU profiler over several start–stop spans; `print` lists the functions with the most self time. */
async function startProfiler(page: Page): Promise<Profiler> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const self = new Map<string, number>();
  return {
    async start() {
      await cdp.send('Profiler.start');
    },
    async stop() {
      const { profile: p } = await cdp.send('Profiler.stop');
      addSelfTimes(p, self);
    },
    print(what) {
      const top = [...self].filter(([k]) => !/^\((idle|program|garbage collector)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25);
      line(`  profile of ${what} (self time, ms):`);
      for (const [k, us] of top) line(`    ${f1(us / 1000).padStart(7)}  ${k}`);
    },
  };
}

async function listeners(ctx: Ctx) {
  line('## listeners held open on the server by one page');
  const count = async (what: string, mount: (page: Page) => Promise<void>) => {
    const since = ctx.listens.mark();
    const page = await benchPage(ctx);
    const base = ctx.listens.since(since).length;
    await mount(page);
    await new Promise((r) => setTimeout(r, 1000));
    const all = ctx.listens.since(since);
    const byPath = new Map<string, number>();
    for (const p of all) {
      const key = p.split('/').length > 2 ? p.replace(/\/[^/]+$/, '/…') : p;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    }
    line(`${what}: ${all.length - base} listeners (+${base} for the page's sign-in); ${[...byPath].map(([p, n]) => `${p} ×${n}`).join(', ')}`);
    await page.context().close();
    return { n: all.length - base, paths: all };
  };
  const board = await count(`idea board with ${IDEAS} ideas (${IDEAS_REVIEWED} past New)`, (p) =>
    call(p, 'mount', 'lenig-idea-board', { channel: CH.ideas }, IDEAS),
  );
  line(target(board.n <= 8, 'idea board with 50 ideas ≤ 8 listeners'));
  const one = await count('insights for one channel, 6 months', (p) => call(p, 'mount', 'lenig-insights', { channel: CH.ideas, months: '6' }));
  const all = await count('insights for all channels, 6 months', (p) => call(p, 'mount', 'lenig-insights', { months: '6' }));
  const channels = Object.keys(at(benchData(Date.now()), 'channels')).length;
  const statsAll = all.paths.filter((p) => p.startsWith('/stats')).length;
  const wholeTree = all.paths.some((p) => p === '/stats');
  line(`  (${channels} channels in the database; stats listeners: one channel ${one.paths.filter((p) => p.startsWith('/stats')).length}, all ${statsAll}${wholeTree ? ', one of them the whole /stats tree' : ''})`);
  line(target(!wholeTree, 'insights listen to ≤ 1 location per channel shown, bounded by months'));
}

const deep = (sel: string[]) =>
  sel.slice(1).reduce((acc, s) => `${acc}?.shadowRoot?.querySelector(${JSON.stringify(s)})`, `document.querySelector(${JSON.stringify(sel[0])})`);
/** When each bytes scenario's widget has rendered, as an expression evaluated in the page. */
const READY: Record<string, string> = {
  like: `(() => { const b = ${deep(['lenig-like-button', '.like > button'])}; return !!b && !b.hasAttribute('aria-busy'); })()`,
  feed: `!!${deep(['lenig-feed', 'lenig-post-card'])}?.shadowRoot?.querySelector('#author')?.textContent.trim()`,
  // The loader alone defines nothing (no tag on the page): the page having loaded is the moment.
  true: `document.readyState === 'complete'`,
};

/** gzip -9 bytes of each same-origin file a scenario fetched before its widget rendered. */
async function bytes(ctx: Ctx) {
  line('## bytes on first load (gzip -9, everything fetched from the page\'s origin before the widget renders)');
  ensureBuild();
  const scenarios: [string, string, string, string[], number, number | undefined][] = [
    // name, page, ready (a CSS-free check in the page), its tags, budget before Firebase, budget with it
    ['loader alone', '/bytes/loader', 'true', [], 6_000, undefined],
    ['one like button', '/bytes/like', 'like', ['config', 'like-button'], 22_000, 100_000],
    ['feed + composer', '/bytes/feed-composer', 'feed', ['config', 'feed', 'composer'], 40_000, undefined],
  ];
  // "Firebase": what the page fetches only because a store is needed — the chunks the stores (each
  // database's adapter and SDK) import that the page's widgets do not, as scripts/size.mjs counts them.
  const graph = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'lenig', 'chunks.json'), 'utf8')) as Record<
    string,
    { imports: string[]; module: string | null; modules?: string[] }
  >;
  const closure = (starts: string[]) => {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f) || !graph[f]) return;
      seen.add(f);
      graph[f].imports.forEach(visit);
    };
    starts.forEach(visit);
    return seen;
  };
  const holding = (prefix: string) => Object.keys(graph).filter((f) => (graph[f]!.modules ?? []).some((m) => m.startsWith(prefix)));
  const stores = closure([...holding('src/firebase/'), ...holding('src/firestore/')]);
  /** The page's widgets: the loader and the chunks of the tags on the page, with what they import. */
  const widgetsOf = (tags: string[]) => closure(['lenig.js', ...tags.flatMap((t) => holding(`src/components/${t}/${t}.ts`))]);
  for (const [name, url, ready, tags, before, withFirebase] of scenarios) {
    const widgets = widgetsOf(tags);
    const isFirebaseChunk = (f: string) => stores.has(`lenig/${path.basename(f)}`) && !widgets.has(`lenig/${path.basename(f)}`);
    // CSP off only so that the readiness check can be evaluated (the drop-in test checks CSP).
    const context = await ctx.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const files = new Map<string, number>();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.origin !== ctx.base || !/\.(m?js|css)$/.test(u.pathname)) return;
      void r.body().then((b) => files.set(u.pathname, gzipSync(b, { level: 9 }).length)).catch(() => {});
    });
    await page.goto(`${ctx.base}${url}`);
    // A string, not a function: tsx would wrap a function in helpers the page does not have.
    await page.waitForFunction(READY[ready]!, undefined, { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    const total = [...files.values()].reduce((a, b) => a + b, 0);
    const firebase = [...files].filter(([f]) => isFirebaseChunk(f)).reduce((a, [, b]) => a + b, 0);
    const list = [...files].map(([f, b]) => `${path.basename(f)} ${kb(b)}`).join(', ');
    line(`${name}: ${kb(total - firebase)} before Firebase, ${kb(total)} with it (${list})`);
    line(target(total - firebase <= before, `${name} ≤ ${kb(before)} before Firebase`));
    if (withFirebase) line(target(total <= withFirebase, `${name} ≤ ${kb(withFirebase)} with Firebase`));
    await context.close();
  }
}

/** Builds dist/ when it is missing or older than src/ (as scripts/test.mjs does for the drop-in test). */
function ensureBuild(): void {
  const newest = (dir: string): number =>
    Math.max(0, ...readdirRecursive(dir).map((f) => statSync(f).mtimeMs));
  const built = path.join(ROOT, 'dist', 'lenig.js');
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(newest(path.join(ROOT, 'src')), statSync(path.join(ROOT, 'rollup.config.js')).mtimeMs)) return;
  line('  (dist/ is missing or older than src/: npm run build)');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}
function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
}

async function demo(ctx: Ctx) {
  // The built library (dist/: loader + chunks), as an intranet page loads it — not the demo server's
  // development bundle, which is built on request, unminified, with both databases' SDKs in one file.
  line('## demo page on the built library: time to the first post card, cold (new browser profile each time)');
  const backend = ctx.backend;
  const server = await startDemoServer(backend);
  // `LENIG_BENCH_DEMO_AGAINST=dir`: an earlier copy (its dir/dist and dir/demo) measured in the same run,
  // alternated with this one, so a change is compared with what it replaces under the same load.
  const against = process.env['LENIG_BENCH_DEMO_AGAINST'];
  const other = against ? await startDemoServer(backend, { demoDir: path.resolve(against, 'demo'), dist: path.resolve(against, 'dist') }) : undefined;
  const once = async (base: string) => {
    const context = await ctx.browser.newContext({ viewport: { width: 1200, height: 900 }, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    // Strings, not functions, for code run in the page: tsx wraps named functions in a helper the page lacks.
    await page.addInitScript(`{
      const look = () => {
        const card = document.querySelector('lenig-feed')?.shadowRoot?.querySelector('lenig-post-card');
        if (card?.shadowRoot?.querySelector('#author')?.textContent?.trim()) window.firstCard = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }`);
    await page.goto(base);
    const handle = await page.waitForFunction('window.firstCard', undefined, { timeout: 30_000 });
    const t = (await handle.jsonValue()) as number;
    await context.close();
    return t;
  };
  // Warms the servers and the backend; not counted.
  await once(server.base);
  if (other) await once(other.base);
  const n = Math.max(7, Math.ceil(SAMPLES / 2));
  if (other) {
    const [times, before] = await alternate(n, () => once(server.base), () => once(other.base));
    ratioLine(`demo first card, cold, against ${against}`, times, before, 'that copy');
    line(target(median(times) <= 450, 'demo first card ≤ 450 ms cold'));
    await other.close();
  } else {
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await once(server.base));
    line(`demo first card, cold: ${ms(times)}`);
    line(target(median(times) <= 450, 'demo first card ≤ 450 ms cold'));
  }
  await server.close();
}

// --- main ---------------------------------------------------------------------------------------------------

const SCENARIOS: Record<string, (ctx: Ctx) => Promise<void>> = { render, 'long-feed': longFeed, like, listeners, bytes, demo };
const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = Object.entries(SCENARIOS).filter(([name]) => words.length === 0 || words.some((w) => name.includes(w)));
if (chosen.length === 0) {
  console.error(`No scenario matches ${words.join(' ')} (scenarios: ${Object.keys(SCENARIOS).join(', ')}).`);
  process.exit(2);
}

const started = performance.now();
const backend = await startBackend({ dbPort: 0, authPort: 0, seed: true, data: benchData(Date.now()), quiet: true });
let browser: Browser | undefined;
let pages: Awaited<ReturnType<typeof startPageServer>> | undefined;
let failed = false;
try {
  const listens = countListens(backend);
  pages = await startPageServer(backend);
  browser = await chromium.launch(chromiumOptions(['--js-flags=--expose-gc', '--enable-precise-memory-info']));
  line(`lenig bench — ${browser.version()} headless, Node ${process.version}, ${(await import('node:os')).cpus().length} cores (${(await import('node:os')).cpus()[0]?.model ?? '?'}), ${new Date().toISOString().slice(0, 16)}Z`);
  const ctx: Ctx = { backend, browser, base: pages.base, listens };
  for (const [name, fn] of chosen) {
    const t0 = performance.now();
    try {
      await fn(ctx);
    } catch (e) {
      failed = true;
      console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    line(`  (${name}: ${f1((performance.now() - t0) / 1000)} s)\n`);
  }
} finally {
  await browser?.close();
  await new Promise((r) => pages?.server.close(r) ?? r(undefined));
  await backend.stop();
}
line(`bench done in ${f1((performance.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
