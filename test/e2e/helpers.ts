/**
 * What the end-to-end tests share: a local backend (database under database.rules.json, seeded with the
 * demo colleagues; Auth emulator), a page server for test/e2e/pages/ with the library bundled from
 * src/index.ts, and one Chromium in which every person gets a browser context of their own.
 *
 * Under `npm test` (LENIG_TEST_AUTH_URL set) the running Auth emulator is reused — it takes seconds to
 * start — and the demo accounts are added to it. The database is always this file's own: the one
 * `npm test` starts has no admin, and only an admin may create the channels each test works in.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deleteApp, setLogLevel } from 'firebase/app';
import { goOffline, ref, set } from 'firebase/database';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type WebSocketRoute } from 'playwright-core';
import { chromiumOptions } from '../../scripts/browser.mjs';
import { seedAuthUsers, startBackend, type Backend } from '../../scripts/backend.mjs';
import { SEED_USERS, type SeedUser } from '../../scripts/seed-data.mjs';
import { createDemoServer } from '../../scripts/start.mjs';
import { DEFAULT_CATEGORIES, type CategoryId } from '../../src/data/types.js';
import { FirebaseStore } from '../../src/firebase/index.js';

// Refused writes are part of what is tested; the SDK in Node would log a warning for each.
setLogLevel('error');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');


/** How long a person would wait for something to show up before calling it broken. */
export const WAIT_MS = 15_000;

const byUid = (uid: string): SeedUser => {
  const u = SEED_USERS.find((s) => s.uid === uid);
  if (!u) throw new Error(`the seed has no user ${uid}`);
  return u;
};

/** The demo colleagues by first name; Thomas is the seed's admin. */
export const PEOPLE = {
  marieke: byUid('demo-marieke'),
  joost: byUid('demo-joost'),
  sanne: byUid('demo-sanne'),
  thomas: byUid('demo-thomas'),
  emily: byUid('demo-emily'),
} as const;

export interface Channel {
  id: string;
  name: string;
}

export interface E2E {
  browser: Browser;
  /** The page server's address; `index.html` is test/e2e/pages/index.html. */
  base: string;
  /** The database as the server holds it, past the rules: what was really stored. */
  stored(p: string): Promise<unknown>;
  /** A store in Node signed in as `user`, for setup a test is not about. Its writes go through the rules. */
  storeAs(user: SeedUser): Promise<FirebaseStore>;
  /** A new channel with a unique id, made by the admin through the rules. */
  newChannel(label: string, categories?: readonly CategoryId[]): Promise<Channel>;
  /** The admin sets a channel's categories (as in the Firebase console or an admin tool). */
  setCategories(channel: string, categories: readonly CategoryId[]): Promise<void>;
  /** Empties the database past the rules, as a new Firebase project is: no admins, channels or profiles. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

const categoryMap = (categories: readonly CategoryId[]) => Object.fromEntries(categories.map((c, i) => [c, i]));

/** Starts backend, page server and browser. Call once per test file, in `before`. */
export async function startE2E(): Promise<E2E> {
  const sharedAuth = process.env.LENIG_TEST_AUTH_URL;
  const backend: Backend = await startBackend({ dbPort: 0, authPort: 0, seed: true, auth: !sharedAuth, quiet: true });
  const closers: (() => Promise<unknown>)[] = [() => backend.stop()];
  const close = async () => {
    for (const fn of closers.splice(0).reverse()) await fn().catch(() => {});
  };
  try {
    const authURL = sharedAuth ?? backend.authURL!;
    if (sharedAuth) await seedAuthUsers(authURL, SEED_USERS, backend.projectId);

    const pages = await createDemoServer({
      demoDir: path.join(ROOT, 'test', 'e2e', 'pages'),
      entry: path.join(ROOT, 'src', 'index.ts'),
      config: {
        databaseURL: backend.databaseURL,
        authEmulatorURL: authURL,
        projectId: backend.projectId,
        // Any string works as the API key against the emulator; the SDK only insists that one is set.
        apiKey: 'demo-lenig-key',
        users: SEED_USERS.map(({ uid, email, password, name }) => ({ uid, email, password, name })),
      },
    });
    closers.push(() => pages.close());
    await new Promise<void>((resolve, reject) => {
      pages.server.once('error', reject);
      pages.server.listen(0, '127.0.0.1', () => resolve());
    });
    const base = `http://127.0.0.1:${(pages.server.address() as AddressInfo).port}/`;

    const browser = await chromium.launch(chromiumOptions());
    closers.push(() => browser.close());

    const stores = new Map<string, Promise<FirebaseStore>>();
    let apps = 0;
    const storeAs = (user: SeedUser): Promise<FirebaseStore> => {
      let s = stores.get(user.uid);
      if (!s) {
        s = (async () => {
          const store = new FirebaseStore({
            firebase: { apiKey: 'demo-lenig-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
            emulator: { auth: authURL },
            appName: `e2e-${user.uid}-${++apps}`,
            auth: 'email',
            credentials: { email: user.email, password: user.password },
          });
          await store.signIn();
          return store;
        })();
        stores.set(user.uid, s);
      }
      return s;
    };
    closers.push(async () => {
      for (const s of stores.values()) {
        const store = await s.catch(() => undefined);
        if (!store) continue;
        // Signing out stops the Auth SDK's refresh timer, which would keep the process alive.
        await store.signOut().catch(() => {});
        goOffline(store.connection.database);
        await deleteApp(store.connection.app).catch(() => {});
      }
    });

    let channels = 0;
    const run = Date.now().toString(36);
    return {
      browser,
      base,
      stored: (p) => backend.server.getValue(backend.server.baseRef.child(p)),
      storeAs,
      async newChannel(label, categories = DEFAULT_CATEGORIES) {
        const channel = { id: `e2e-${label}-${run}-${++channels}`, name: `E2E ${label} ${channels}` };
        const admin = await storeAs(PEOPLE.thomas);
        await set(ref(admin.connection.database, `channels/${channel.id}`), { name: channel.name, categories: categoryMap(categories) });
        return channel;
      },
      async setCategories(channel, categories) {
        const admin = await storeAs(PEOPLE.thomas);
        await set(ref(admin.connection.database, `channels/${channel}/categories`), categoryMap(categories));
      },
      async wipe() {
        // firebase-server keeps the tree twice: in its own local SDK copy (what listeners hear) and in the
        // rules engine's snapshot (what the rules read as `root`). Both are emptied. The local write lands at
        // once, but its promise waits for an acknowledgement that never comes: wait for the empty tree.
        type Rules = { with(u: { data: object }): Rules };
        const rules = backend.server as unknown as { targaryen: Rules };
        rules.targaryen = rules.targaryen.with({ data: {} });
        void backend.server.baseRef.set(null).catch(() => {});
        await until(() => backend.server.getValue(backend.server.baseRef), (v) => v === null, 'the database is empty');
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

export type Widget = 'composer' | 'feed' | 'ideas' | 'insights' | 'notifications' | 'admin';

export interface Visit {
  user: SeedUser;
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and failed requests, as they happen. */
  errors: string[];
}

/**
 * `user` opens the test page in a browser context of their own (own storage, own sign-in, own database
 * connection) with `widgets` for `channel`, and is signed in. `prepare` runs before the page loads
 * (to route its traffic, for instance).
 */
export async function visit(
  env: E2E,
  user: SeedUser,
  channel: string,
  widgets: readonly Widget[],
  prepare?: (page: Page) => Promise<void>,
): Promise<Visit> {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce', locale: 'en-GB' });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await prepare?.(page);
  const query = new URLSearchParams({ as: user.uid, channel, show: widgets.join(',') });
  await page.goto(new URL(`index.html?${query}`, env.base).href);
  try {
    await page.locator(`html[data-viewer="${user.uid}"]`).waitFor({ state: 'attached', timeout: WAIT_MS });
  } catch {
    const why = await page.locator('html').getAttribute('data-sign-in-error');
    throw new Error(`${user.name} was not signed in within ${WAIT_MS / 1000} s: ${why ?? 'no error shown'}; ${errors.join('; ')}`);
  }
  return { user, context, page, errors };
}

/** Closes the visit's context and fails if its page logged errors. */
export async function leave(v: Visit): Promise<void> {
  await v.context.close();
  if (v.errors.length) throw new Error(`${v.user.name}'s page logged errors:\n${v.errors.join('\n')}`);
}

/**
 * Reads `read()` until `ok` holds, or fails naming `what` and the last value seen. For conditions a
 * locator cannot wait on by itself (a value, a number in a table).
 */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  let failure: unknown;
  for (;;) {
    try {
      last = await read();
      failure = undefined;
      if (ok(last)) return last;
    } catch (e) {
      failure = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${ms / 1000} s (last seen: ${failure instanceof Error ? failure.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Saves a screenshot as docs/screenshots/e2e-<name>.png when LENIG_E2E_SCREENSHOTS is set (they change
 * with every run — times, ids — so an ordinary test run leaves the checkout alone).
 */
export async function shot(target: Page | Locator, name: string): Promise<void> {
  if (!process.env.LENIG_E2E_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: path.join(SCREENSHOT_DIR, `e2e-${name}.png`), animations: 'disabled' });
}

/**
 * Holds back what the database sends one page about `paths` while `holding`: that person's view of those
 * paths goes stale, as on a slow connection, while everything else (including the answers to their own
 * writes) flows as usual. Install before the page loads.
 */
export class StaleView {
  private holding = false;
  private readonly queue: { route: WebSocketRoute; message: string | Buffer }[] = [];

  constructor(private readonly paths: readonly string[]) {}

  /** Messages held so far. */
  get held(): number {
    return this.queue.filter((q) => this.matches(q.message)).length;
  }

  async install(page: Page): Promise<void> {
    // The database speaks WebSocket at /.ws?ns=…; nothing else on the page does.
    await page.routeWebSocket(/\/\.ws\?/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      // Every message comes as a frame count ("1") and then that many frames: a held message takes its
      // count with it, or the page would read the next count as a message.
      let frames: (string | Buffer)[] = [];
      let expected = 0;
      server.onMessage((m) => {
        if (expected === 0) {
          const count = String(m).length <= 6 ? Number(String(m)) : NaN;
          if (Number.isInteger(count) && count > 0) {
            frames = [m];
            expected = count;
            return;
          }
          // A message sent without a count.
          frames = [];
          expected = 1;
        }
        frames.push(m);
        if (--expected > 0) return;
        const message = frames;
        frames = [];
        if (this.holding && message.length <= 2 && this.matches(m)) {
          for (const f of message) this.queue.push({ route: ws, message: f });
        } else {
          for (const f of message) ws.send(f);
        }
      });
    });
  }

  hold(): void {
    this.holding = true;
  }

  /** Delivers what was held, in order, and lets everything through again. */
  release(): void {
    this.holding = false;
    for (const { route, message } of this.queue.splice(0)) route.send(message);
  }

  private matches(message: string | Buffer): boolean {
    try {
      // A data push: {t: 'd', d: {a: 'd' | 'm', b: {p: path, d: data}}}.
      const frame = JSON.parse(String(message)) as { t?: string; d?: { a?: string; b?: { p?: string } } };
      const p = frame.t === 'd' && (frame.d?.a === 'd' || frame.d?.a === 'm') ? frame.d.b?.p?.replace(/^\//, '') : undefined;
      return p !== undefined && this.paths.some((held) => p === held || p.startsWith(`${held}/`));
    } catch {
      // Part of a long message split over frames, or a frame count: never one of the small pushes held here.
      return false;
    }
  }
}
