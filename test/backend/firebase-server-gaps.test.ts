/**
 * The local database is firebase-server 1.1.0 with patches/firebase-server+1.1.0.patch. Each describe
 * block below is one gap that patch closes, exercised through the real firebase 12 SDK (modular API,
 * from Node) the way the library uses it. Without the patch these tests fail: the writes, gets and
 * onDisconnect calls never get an answer (they time out here), and an anonymous client is let in.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deleteApp, initializeApp, setLogLevel, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword, signOut, type Auth } from 'firebase/auth';
import {
  endBefore,
  get,
  getDatabase,
  goOffline,
  increment,
  limitToLast,
  onDisconnect,
  onValue,
  orderByChild,
  query,
  ref,
  serverTimestamp,
  set,
  update,
  type Database,
} from 'firebase/database';
import { startBackend, type Backend } from '../../scripts/backend.mjs';

// Refused writes are expected here; the SDK would print a warning for each.
setLogLevel('error');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Rules written for these tests, so each gap can be checked against a rule that depends on it. */
const RULES = {
  rules: {
    open: { '.read': true, '.write': true },
    // Rules must see the resolved increment: 999 + 5 breaks the limit, 999 + 1 does not.
    capped: { '.read': true, '.write': true, '.validate': 'newData.isNumber() && newData.val() <= 1000' },
    // Rules must see the resolved server timestamp as `now`.
    stamped: { '$id': { '.read': true, '.write': true, '.validate': 'newData.val() == now' } },
    private: {
      $uid: { '.read': 'auth != null && auth.uid == $uid', '.write': 'auth != null && auth.uid == $uid' },
    },
    presence: {
      $uid: { '.read': true, '.write': 'auth != null && auth.uid == $uid' },
    },
  },
};

const DATA = {
  open: {
    counter: 10,
    scores: {
      a: { n: 1, name: 'a' },
      b: { n: 5, name: 'b' },
      c: { n: 3, name: 'c' },
      d: { n: 5, name: 'd' },
      e: { n: 9, name: 'e' },
    },
  },
  capped: 999,
};
// Gap 7's own locations, so that its writes leave the other gaps' data alone.
Object.assign(DATA.open, {
  feed: { a: { n: 1, likes: 0 }, y: { n: 5, likes: 0 }, z: { n: 9, likes: 0 } },
  window: { a: { n: 1, likes: 0 }, y: { n: 5, likes: 0 }, z: { n: 9, likes: 0 } },
});

let backend: Backend;
let rulesDir: string;
const apps: FirebaseApp[] = [];
const auths: Auth[] = [];

/** Fails instead of hanging: the unpatched server never answers some requests. */
function within<T>(promise: Promise<T>, what: string, ms = 4000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer from the server within ${ms} ms`)), ms);
    }),
  ]);
}

/** A client with its own app, hence its own WebSocket connection. */
function client(): Database {
  const app = initializeApp(
    { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
    `client-${apps.length}-${Math.random().toString(36).slice(2)}`,
  );
  apps.push(app);
  return getDatabase(app);
}

async function signedInClient(email: string, password: string): Promise<{ db: Database; uid: string; app: FirebaseApp }> {
  const db = client();
  const app = db.app;
  const auth = getAuth(app);
  connectAuthEmulator(auth, backend.authURL!, { disableWarnings: true });
  auths.push(auth);
  const cred = await within(signInWithEmailAndPassword(auth, email, password), 'sign in');
  return { db, uid: cred.user.uid, app };
}

/** The value the server holds now, read by a fresh client (no local cache to answer from). */
async function serverValue(p: string): Promise<unknown> {
  return (await backend.server.getValue(backend.server.baseRef.child(p)));
}

before(async () => {
  rulesDir = await mkdtemp(path.join(os.tmpdir(), 'lenig-rules-'));
  const rulesPath = path.join(rulesDir, 'rules.json');
  await writeFile(rulesPath, JSON.stringify(RULES));
  backend = await startBackend({ rulesPath, data: DATA, quiet: true });
});

after(async () => {
  // Signing out stops the token refresh timer, which deleteApp() leaves running (it keeps Node alive).
  await Promise.all(auths.map((auth) => signOut(auth).catch(() => {})));
  await Promise.all(apps.map((app) => deleteApp(app).catch(() => {})));
  await backend?.stop();
  await rm(rulesDir, { recursive: true, force: true });
});

describe('gap 1: require("firebase") resolves to the compat SDK of firebase 12', () => {
  it('loads, and shares the one copy of @firebase/app with the application', async () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    require('firebase-server');
    const appRoots = new Set(
      Object.keys(require.cache)
        .filter((file) => /[\\/]@firebase[\\/]app[\\/]dist[\\/]/.test(file))
        .map((file) => file.slice(0, file.search(/[\\/]dist[\\/]/))),
    );
    assert.deepEqual([...appRoots], [path.dirname(require.resolve('@firebase/app/package.json'))]);
    const firebaseVersion = (require('firebase/package.json') as { version: string }).version;
    assert.match(firebaseVersion, /^12\./);

    // And on disk: one @firebase/app package anywhere under node_modules.
    const copies: string[] = [];
    async function scan(dir: string, depth: number): Promise<void> {
      if (depth > 6) return;
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (!e.isDirectory()) continue;
        const full = path.join(dir, e.name);
        if (e.name === 'app' && path.basename(dir) === '@firebase') copies.push(full);
        else if (e.name === 'node_modules' || e.name.startsWith('@') || path.basename(dir) === 'node_modules' || path.basename(dir).startsWith('@')) {
          await scan(full, depth + 1);
        }
      }
    }
    await scan(path.join(ROOT, 'node_modules'), 0);
    assert.deepEqual(copies, [path.join(ROOT, 'node_modules', '@firebase', 'app')]);
  });

  it('serves the SDK: a set is acknowledged and read back', async () => {
    const db = client();
    await within(set(ref(db, 'open/hello'), { text: 'hallo' }), 'set');
    assert.deepEqual(await serverValue('open/hello'), { text: 'hallo' });
  });
});

describe('gap 2: ServerValue.increment() resolves atomically against the stored value', () => {
  it('resolves an increment in a set', async () => {
    const db = client();
    await within(set(ref(db, 'open/counter'), increment(2)), 'set(increment)');
    assert.equal(await serverValue('open/counter'), 12);
  });

  it('resolves increments inside a multi-path update, next to plain values', async () => {
    const db = client();
    await within(
      update(ref(db), { 'open/counter': increment(-1), 'open/fresh': increment(3), 'open/label': 'x' }),
      'update(increment)',
    );
    assert.equal(await serverValue('open/counter'), 11);
    assert.equal(await serverValue('open/fresh'), 3, 'an increment of nothing stores the delta');
    assert.equal(await serverValue('open/label'), 'x');
  });

  it('loses no increment when many connections increment at once', async () => {
    const clients = Array.from({ length: 12 }, () => client());
    await within(
      Promise.all(clients.flatMap((db) => Array.from({ length: 5 }, () => update(ref(db), { 'open/race': increment(1) })))),
      'concurrent increments',
      10_000,
    );
    assert.equal(await serverValue('open/race'), 60);
  });

  it('lets the rules see the resolved value', async () => {
    const db = client();
    await assert.rejects(within(set(ref(db, 'capped'), increment(5)), 'capped +5'), /permission_denied/i);
    assert.equal(await serverValue('capped'), 999);
    await within(set(ref(db, 'capped'), increment(1)), 'capped +1');
    assert.equal(await serverValue('capped'), 1000);
  });

  it('keeps ServerValue.TIMESTAMP working, with the rules seeing it as now', async () => {
    const db = client();
    const before = Date.now();
    await within(set(ref(db, 'stamped/ok'), serverTimestamp()), 'set(serverTimestamp)');
    const stored = (await serverValue('stamped/ok')) as number;
    assert.ok(stored >= before && stored <= Date.now(), `timestamp ${stored} is the server's now`);
    // The resolved time and the rules' `now` are one reading of the clock, not two that a tick can part:
    // many writes in a row, so one landing across a millisecond is all but certain if they are two.
    const refused: number[] = [];
    for (let i = 0; i < 300; i++) await set(ref(db, `stamped/n${i}`), serverTimestamp()).catch(() => refused.push(i));
    assert.deepEqual(refused, [], 'writes refused though they stored the server\'s now');
    await assert.rejects(within(set(ref(db, 'stamped/forged'), before - 60_000), 'forged time'), /permission_denied/i);
  });
});

describe('gap 3: get() is answered', () => {
  it('answers a plain get from a client with no listener', async () => {
    const db = client();
    const snap = await within(get(ref(db, 'open/scores/b')), 'get');
    assert.deepEqual(snap.val(), { n: 5, name: 'b' });
  });

  it('answers a query get with only the children in the window', async () => {
    const db = client();
    const scores = ref(db, 'open/scores');
    const top = await within(get(query(scores, orderByChild('n'), limitToLast(2))), 'get(limitToLast)');
    assert.deepEqual(Object.keys(top.val() as object).sort(), ['d', 'e']);

    // The feed's paging shape: the page before (5, 'd'), i.e. (5, 'b') and then lower scores.
    const page = await within(get(query(scores, orderByChild('n'), endBefore(5, 'd'), limitToLast(2))), 'get(endBefore)');
    const keys: string[] = [];
    page.forEach((child) => {
      keys.push(child.key);
    });
    assert.deepEqual(keys, ['c', 'b']);
  });

  it('refuses a get the rules do not allow', async () => {
    const db = client();
    await assert.rejects(within(get(ref(db, 'private/someone')), 'denied get'), /permission/i);
  });
});

describe('gap 4: onDisconnect() writes are stored and run when the connection closes', () => {
  it('runs set and update, skips cancelled ones, and refuses what the rules forbid', async () => {
    const [marieke, joost] = backend.users;
    const { db, uid } = await signedInClient(marieke!.email, marieke!.password);
    await within(set(ref(db, `presence/${uid}`), { online: true }), 'presence online');

    await within(onDisconnect(ref(db, `presence/${uid}/online`)).set(false), 'onDisconnect().set');
    await within(onDisconnect(ref(db, `presence/${uid}`)).update({ lastSeen: serverTimestamp() }), 'onDisconnect().update');
    const cancelled = onDisconnect(ref(db, `presence/${uid}/status`));
    await within(cancelled.set('gone'), 'onDisconnect().set (to cancel)');
    await within(cancelled.cancel(), 'onDisconnect().cancel');
    await assert.rejects(
      within(onDisconnect(ref(db, `presence/${joost!.uid}`)).set({ online: false }), 'foreign onDisconnect'),
      /permission_denied/i,
    );
    assert.deepEqual(await serverValue(`presence/${uid}`), { online: true }, 'nothing runs while connected');

    // Watch from another connection, then drop the first one.
    const watcher = client();
    const seen = new Promise<Record<string, unknown>>((resolve) => {
      const stop = onValue(ref(watcher, `presence/${uid}`), (snap) => {
        const v = snap.val() as Record<string, unknown> | null;
        if (v && v.online === false) {
          stop();
          resolve(v);
        }
      });
    });
    const closedAt = Date.now();
    goOffline(db);
    const value = await within(seen, 'presence after disconnect');
    assert.equal(value.online, false);
    assert.equal(typeof value.lastSeen, 'number');
    assert.ok((value.lastSeen as number) >= closedAt - 1000, 'the timestamp is taken when the connection closes');
    assert.equal('status' in value, false, 'the cancelled write did not run');
    assert.equal(await serverValue(`presence/${joost!.uid}`), null);
  });
});

describe('gap 5: a client without a token is not signed in', () => {
  it('does not inherit the identity of the last signed-in writer', async () => {
    const [, , sanne] = backend.users;
    const writer = await signedInClient(sanne!.email, sanne!.password);
    await within(set(ref(writer.db, `private/${writer.uid}`), { note: 'alleen voor mij' }), 'owner write');

    // Plain set and listen (not get(), which is gap 3), so this test shows this gap alone.
    const anonymous = client();
    await assert.rejects(
      within(set(ref(anonymous, `private/${writer.uid}/note`), 'overschreven'), 'anonymous set'),
      /permission_denied/i,
    );
    const listened = new Promise<string>((resolve) => {
      onValue(
        ref(anonymous, `private/${writer.uid}`),
        () => resolve('read allowed'),
        (error) => resolve(error.message),
      );
    });
    assert.match(await within(listened, 'anonymous listen'), /permission_denied/i);
    assert.deepEqual(await serverValue(`private/${writer.uid}`), { note: 'alleen voor mij' });
  });

  it('treats a client that signed out as not signed in', async () => {
    const [, , , thomas] = backend.users;
    const user = await signedInClient(thomas!.email, thomas!.password);
    await within(set(ref(user.db, `private/${user.uid}`), { note: 'van Thomas' }), 'owner write');
    await signOut(getAuth(user.app));
    // The SDK tells the server on the open connection ("unauth"); give that message time to arrive.
    await new Promise((r) => setTimeout(r, 300));
    await assert.rejects(
      within(set(ref(user.db, `private/${user.uid}/note`), 'na afmelden'), 'write after sign-out'),
      /permission_denied/i,
    );
    assert.deepEqual(await serverValue(`private/${user.uid}`), { note: 'van Thomas' });
  });
});

describe('gap 6: a query listen is answered with the query\'s children, tagged', () => {
  // A filtered query (orderBy with a limit or bounds) is listened to with a tag, and the Realtime
  // Database answers with that query's children under the same tag; the SDK then updates that query
  // alone. Answered untagged with the whole location, the SDK applies the answer to every query at
  // the location: a feed of 50 pages (50 windows on one channel) re-filtered 5,000 posts 50 times for
  // each page loaded, which no real database makes it do. Spoken on the wire here, as the SDK does.
  it('sends the limited window only, with the tag the listen gave', async () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    type Socket = { on(e: 'message', f: (d: Buffer) => void): void; on(e: 'open', f: () => void): void; send(s: string): void; close(): void };
    const WebSocket = require('ws') as new (url: string) => Socket;
    const socket = new WebSocket(backend.databaseURL);
    const pushes: { p: string; d: unknown; t?: number }[] = [];
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { t: string; d: { a?: string; b?: { p: string; d: unknown; t?: number } } };
      if (msg.t === 'd' && msg.d.a === 'd' && msg.d.b) pushes.push(msg.d.b);
    });
    await within(new Promise<void>((resolve) => socket.on('open', resolve)), 'connect');
    try {
      socket.send(JSON.stringify({ t: 'd', d: { r: 1, a: 'q', b: { p: '/open/scores', q: { i: 'n', l: 2, vf: 'r' }, t: 7, h: '' } } }));
      socket.send(JSON.stringify({ t: 'd', d: { r: 2, a: 'q', b: { p: '/open/scores/a', h: '' } } }));
      await within(
        (async () => {
          while (pushes.length < 2) await new Promise((r) => setTimeout(r, 20));
        })(),
        'the answers to two listens',
      );
      const scores = pushes.find((p) => p.p === 'open/scores');
      assert.deepEqual(scores, { p: 'open/scores', d: { d: { n: 5, name: 'd' }, e: { n: 9, name: 'e' } }, t: 7 });
      // A listen without a query (no tag) still gets the whole location, untagged.
      assert.deepEqual(pushes.find((p) => p.p === 'open/scores/a'), { p: 'open/scores/a', d: { n: 1, name: 'a' } });
    } finally {
      socket.close();
    }
  });
});

describe('gap 7: a change is sent as what changed, not the whole location again', () => {
  // The Realtime Database answers a listen once with the whole location (or the query's children), and
  // then sends each change at the path that changed: a like on one post of a feed is a few bytes. Sent
  // the whole location (or window) again on every change, the SDK re-parses and re-compares every post
  // of it for each like, which is work no real database makes a reader's browser do.
  it('sends one change at its own path, several as one merge, and nothing for a write outside a window', async () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    type Socket = { on(e: 'message', f: (d: Buffer) => void): void; on(e: 'open', f: () => void): void; send(s: string): void; close(): void };
    const WebSocket = require('ws') as new (url: string) => Socket;
    const socket = new WebSocket(backend.databaseURL);
    const pushes: { a: string; p: string; d: unknown; t?: number }[] = [];
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { t: string; d: { a?: string; b?: { p: string; d: unknown; t?: number } } };
      if (msg.t === 'd' && (msg.d.a === 'd' || msg.d.a === 'm') && msg.d.b) pushes.push({ a: msg.d.a, ...msg.d.b });
    });
    const until = (n: number, what: string) =>
      within(
        (async () => {
          while (pushes.length < n) await new Promise((r) => setTimeout(r, 10));
        })(),
        what,
      );
    await within(new Promise<void>((resolve) => socket.on('open', resolve)), 'connect');
    const db = client();
    try {
      // The two newest by n (y and z), tagged 3; and the whole location, untagged.
      socket.send(JSON.stringify({ t: 'd', d: { r: 1, a: 'q', b: { p: '/open/feed', q: { i: 'n', l: 2, vf: 'r' }, t: 3, h: '' } } }));
      socket.send(JSON.stringify({ t: 'd', d: { r: 2, a: 'q', b: { p: '/open/feed', h: '' } } }));
      await until(2, 'the answers to two listens');
      assert.deepEqual(pushes.find((p) => p.t === 3)?.d, { y: { n: 5, likes: 0 }, z: { n: 9, likes: 0 } });
      pushes.length = 0;

      await within(set(ref(db, 'open/feed/y/likes'), 7), 'set');
      await until(2, 'one change, to each listen');
      assert.deepEqual(
        pushes.sort((a, b) => (a.t ?? 0) - (b.t ?? 0)),
        [
          { a: 'd', p: 'open/feed/y/likes', d: 7 },
          { a: 'd', p: 'open/feed/y/likes', d: 7, t: 3 },
        ],
      );
      pushes.length = 0;

      await within(update(ref(db, 'open/feed'), { 'y/likes': 8, 'z/likes': 2 }), 'update');
      await until(2, 'two changes, as one merge to each listen');
      assert.deepEqual(
        pushes.sort((a, b) => (a.t ?? 0) - (b.t ?? 0)),
        [
          { a: 'm', p: 'open/feed', d: { 'y/likes': 8, 'z/likes': 2 } },
          { a: 'm', p: 'open/feed', d: { 'y/likes': 8, 'z/likes': 2 }, t: 3 },
        ],
      );
      pushes.length = 0;

      // Outside the query's window: only the whole-location listen hears of it.
      await within(set(ref(db, 'open/feed/a/likes'), 1), 'set outside the window');
      await until(1, 'the change to the whole location');
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(pushes, [{ a: 'd', p: 'open/feed/a/likes', d: 1 }]);
    } finally {
      socket.close();
    }
  });

  it('keeps the SDK\'s view of a limited query right as children enter and leave it', async () => {
    const reader = client();
    const writer = client();
    const seen: unknown[] = [];
    const off = onValue(query(ref(reader, 'open/window'), orderByChild('n'), limitToLast(2)), (s) => {
      const rows: string[] = [];
      s.forEach((c) => void rows.push(`${c.key}:${c.child('likes').val()}`));
      seen.push(rows.join(' '));
    });
    const last = async (expected: string, what: string) =>
      within(
        (async () => {
          while (seen.at(-1) !== expected) await new Promise((r) => setTimeout(r, 10));
        })(),
        `${what} (last seen: ${String(seen.at(-1))})`,
      );
    try {
      await last('y:0 z:0', 'the first answer');
      await within(set(ref(writer, 'open/window/z/likes'), 4), 'a like');
      await last('y:0 z:4', 'a change inside the window');
      await within(set(ref(writer, 'open/window/w'), { n: 10, likes: 1 }), 'a newer child');
      await last('z:4 w:1', 'a child entering, another leaving');
      await within(set(ref(writer, 'open/window/z'), null), 'a delete');
      await last('y:0 w:1', 'a child leaving, an older one coming back');
      await within(update(ref(writer, 'open/window'), { 'y/likes': 3, 'w/likes': 2, 'a/likes': 9 }), 'one update across the window');
      await last('y:3 w:2', 'several changes at once');
      assert.equal(await serverValue('open/window/a/likes'), 9);
    } finally {
      off();
    }
  });
});
