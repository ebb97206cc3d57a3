/**
 * The Firebase store against a local database under database.rules.json, users signed in through the
 * Auth emulator: first the shared contract suite (one store per user, each its own Firebase app and
 * connection), then what only the Firebase store has — one connection per page, and the sign-in modes.
 *
 * Run: node --import tsx --test test/contract/firebase.test.ts
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deleteApp, getApps, initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword, signOut } from 'firebase/auth';
import { get, getDatabase, goOffline, goOnline, ref, remove, set } from 'firebase/database';
import { isStoreError } from '../../src/data/store.js';
import { DEFAULT_CATEGORIES, type FeedPage, type Report, type Viewer } from '../../src/data/types.js';
import {
  connectFirebase,
  createFirebaseStore,
  databaseNamespace,
  emulatorDatabaseURL,
  FirebaseStore,
  type FirebaseStoreConfig,
} from '../../src/firebase/index.js';
import { startTestBackend, USERS, type TestBackend } from '../rules/helpers.js';
import { contractSuite, until, type ContractUser } from './contract.js';

// One backend for the whole file: the Auth emulator takes seconds to start.
let backendStarted: Promise<TestBackend> | undefined;
// The admin is listed before anyone signs in; everything else the tests make through the stores.
const backend = () => (backendStarted ??= startTestBackend({ admins: { [USERS.admin.uid]: true }, adminCount: { count: 1, cause: USERS.admin.uid } }));
const closers: (() => Promise<void>)[] = [];

after(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => {});
  await (await backendStarted)?.stop();
});

function configFor(b: TestBackend, appName: string, extra: Partial<FirebaseStoreConfig> = {}): FirebaseStoreConfig {
  return {
    firebase: { apiKey: 'demo-key', projectId: b.projectId, databaseURL: b.databaseURL },
    emulator: { auth: b.authURL },
    appName,
    ...extra,
  };
}

/** Signs out (which stops the Auth SDK's refresh timer, or the process would not end) and closes. */
async function close(store: FirebaseStore): Promise<void> {
  await store.signOut().catch(() => {});
  goOffline(store.connection.database);
  await deleteApp(store.connection.app).catch(() => {});
}

contractSuite('firebase', async () => {
  const b = await backend();
  const stores = new Map<ContractUser, Promise<FirebaseStore>>();
  const accounts = { alice: USERS.alice, bob: USERS.bob, admin: USERS.admin } as const;

  const make = async (user: ContractUser): Promise<FirebaseStore> => {
    const account = user === 'anon' ? undefined : accounts[user];
    const store = new FirebaseStore(
      configFor(b, `contract-${user}`, {
        auth: 'email',
        ...(account ? { credentials: { email: account.email, password: account.password } } : {}),
      }),
    );
    if (account) await store.signIn();
    else await store.session.ready();
    return store;
  };
  const as = (user: ContractUser) => {
    let s = stores.get(user);
    if (!s) stores.set(user, (s = make(user)));
    return s;
  };

  let n = 0;
  return {
    users: { alice: USERS.alice.uid, bob: USERS.bob.uid, admin: USERS.admin.uid },
    as,
    newChannel: async () => {
      const id = `ch${++n}`;
      const admin = await as('admin');
      // Channels are made by admins; the rules check it.
      await set(ref(admin.connection.database, `channels/${id}`), {
        name: `Channel ${n}`,
        categories: Object.fromEntries(DEFAULT_CATEGORIES.map((c, i) => [c, i])),
      });
      return id;
    },
    deleteChannel: async (channel) => {
      const admin = await as('admin');
      // An admin may remove a channel's record (the rules allow it); its posts stay.
      await remove(ref(admin.connection.database, `channels/${channel}`));
    },
    reports: async () => {
      const admin = await as('admin');
      const all = ((await get(ref(admin.connection.database, 'reports'))).val() ?? {}) as Record<string, Omit<Report, 'id' | 'createdAt'> & { createdAt: number }>;
      return Object.entries(all).map(([id, r]) => ({ ...r, id, createdAt: new Date(r.createdAt) }));
    },
    cleanup: async () => {
      for (const s of stores.values()) {
        const store = await s.catch(() => undefined);
        if (store) await close(store);
      }
    },
  };
});

describe('Firebase store: configuration', () => {
  it('names the emulated database URL and the namespace', () => {
    assert.equal(emulatorDatabaseURL('127.0.0.1:9000', 'demo-lenig'), 'ws://127.0.0.1:9000?ns=demo-lenig');
    assert.equal(emulatorDatabaseURL('ws://127.0.0.1:9000?ns=x', 'demo-lenig'), 'ws://127.0.0.1:9000/?ns=x');
    assert.equal(emulatorDatabaseURL('http://localhost:9000', 'p'), 'ws://localhost:9000?ns=p');
    assert.equal(databaseNamespace('https://acme-intranet-default-rtdb.europe-west1.firebasedatabase.app', 'x'), 'acme-intranet-default-rtdb');
    assert.equal(databaseNamespace('ws://127.0.0.1:9000?ns=demo-lenig', 'x'), 'demo-lenig');
    assert.throws(() => connectFirebase({ firebase: { apiKey: 'k' } }), /database-url/);
  });
});

describe('Firebase store: one connection per page', () => {
  it('gives every widget the same store, app and WebSocket connection', async () => {
    const b = await backend();
    const connections = new Set<number>();
    const stopCounting = b.onRequest((_r, connection) => connections.add(connection));
    const config = configFor(b, 'page', { auth: 'email', credentials: { email: USERS.bob.email, password: USERS.bob.password } });
    // Two widgets (or two copies of lenig) configure the page with equal configs.
    const one = createFirebaseStore(config);
    const two = createFirebaseStore(structuredClone(config));
    closers.push(() => close(one));
    assert.equal(one, two);
    assert.equal(connectFirebase(structuredClone(config)).app, one.connection.app);
    await one.signIn();
    const channel = 'shared';
    const admin = new FirebaseStore(configFor(b, 'page-admin', { auth: 'email', credentials: { email: USERS.admin.email, password: USERS.admin.password } }));
    closers.push(() => close(admin));
    await admin.signIn();
    await set(ref(admin.connection.database, `channels/${channel}`), { name: 'Shared', categories: { news: 0 } });
    connections.clear();
    // Ten widgets' worth of subscriptions.
    const pages: FeedPage[] = [];
    const stops = Array.from({ length: 5 }, () => two.subscribeFeed({ channel }, (p) => pages.push(p)));
    const likes = Array.from({ length: 5 }, () => one.subscribeMyLikes(() => {}));
    await until(() => pages.length >= 5, 'five feeds');
    assert.equal(connections.size, 1, 'one WebSocket connection carries every widget');
    stops.forEach((s) => s.unsubscribe());
    likes.forEach((s) => s());
    stopCounting();
  });
});

describe('Firebase store: what it holds comes at once', () => {
  it('a second widget gets a feed page, a profile and my likes the store already holds within subscribe, before its first render', async () => {
    const b = await backend();
    const store = new FirebaseStore(configFor(b, 'at-once', { auth: 'email', credentials: { email: USERS.bob.email, password: USERS.bob.password } }));
    closers.push(() => close(store));
    await store.signIn();
    const admin = new FirebaseStore(configFor(b, 'at-once-admin', { auth: 'email', credentials: { email: USERS.admin.email, password: USERS.admin.password } }));
    closers.push(() => close(admin));
    await admin.signIn();
    await set(ref(admin.connection.database, 'channels/atonce'), { name: 'At once', categories: { news: 0 } });
    await store.createPost({ channel: 'atonce', text: 'Held already', category: 'news' });
    // A first widget: the store now holds the page, the author's profile and the viewer's likes.
    const first: FeedPage[] = [];
    const firstFeed = store.subscribeFeed({ channel: 'atonce' }, (p) => first.push(p));
    let profiled = false;
    const firstProfile = store.subscribeProfile(USERS.bob.uid, () => (profiled = true));
    let liked = false;
    const firstLikes = store.subscribeMyLikes(() => (liked = true));
    await until(() => first.length > 0 && profiled && liked, 'the first widget');
    // A second widget mounting now has all three before subscribe returns: nothing for it to wait for.
    const pages: FeedPage[] = [];
    const feed = store.subscribeFeed({ channel: 'atonce' }, (p) => pages.push(p));
    let profile: unknown;
    const stopProfile = store.subscribeProfile(USERS.bob.uid, (p) => (profile = p));
    let likes: ReadonlySet<string> | undefined;
    const stopLikes = store.subscribeMyLikes((s) => (likes = s));
    assert.equal(pages[0]?.posts[0]?.text, 'Held already', 'the feed page');
    assert.ok(profile !== undefined, 'the profile');
    assert.ok(likes instanceof Set, 'my likes');
    for (const stop of [feed.unsubscribe, stopProfile, stopLikes, firstFeed.unsubscribe, firstProfile, firstLikes]) stop();
  });
});

describe('Firebase store: writes and lifetime', () => {
  it('createPost writes at once, without reading the channel first, and names an unknown category after', async () => {
    const b = await backend();
    const reads: string[] = [];
    const requests: string[] = [];
    // Every request of the store's connection, its sign-in included: should the write be refused, the
    // failure shows whether the database had heard of the new identity before it.
    const seen: string[] = [];
    // Requests of connections opened from now on: the store's own.
    const stop = b.onRequest((r, connection) => {
      requests.push(`${r.a} ${r.b?.p ?? ''}`);
      seen.push(`#${connection} ${r.a} ${r.b?.p ?? ''}`);
    });
    const store = new FirebaseStore(
      configFor(b, 'no-wait', { auth: 'email', credentials: { email: USERS.alice.email, password: USERS.alice.password } }),
      { probe: { read: (path) => reads.push(path) } },
    );
    closers.push(() => close(store));
    await store.signIn();
    const admin = new FirebaseStore(configFor(b, 'no-wait-admin', { auth: 'email', credentials: { email: USERS.admin.email, password: USERS.admin.password } }));
    closers.push(() => close(admin));
    await admin.signIn();
    await set(ref(admin.connection.database, 'channels/nowait'), { name: 'No wait', categories: { news: 0 } });
    requests.length = 0;
    await store.createPost({ channel: 'nowait', text: 'Straight away', category: 'news' }).catch((e: unknown) => {
      throw new Error(`createPost was refused (${String(e)}); requests since the store was made: ${seen.join(', ')}`);
    });
    assert.deepEqual(reads, [], 'no read before (or after) a post that is accepted');
    assert.equal(requests.filter((r) => /^[mgq] /.test(r))[0]?.slice(0, 2), 'm ', `the first request is the write: ${requests.join(', ')}`);
    await assert.rejects(store.createPost({ channel: 'nowait', text: 'Wrong shelf', category: 'praise' }), (e: unknown) => {
      assert.ok(isStoreError(e));
      assert.equal(e.code, 'validation-failed');
      assert.equal(e.reason, 'unknown-category');
      return true;
    });
    stop();
  });

  it('a connection whose token was still being fetched when sign-in finished signs in with the new token', async () => {
    // patches/@firebase+database: the SDK let the token it had asked for before sign-in (none) overwrite the
    // one sign-in gave it meanwhile, so the socket stayed signed out and every read and write was refused.
    const b = await backend();
    const app = initializeApp({ apiKey: 'demo-key', projectId: b.projectId, databaseURL: b.databaseURL }, 'token-race');
    const auth = getAuth(app);
    connectAuthEmulator(auth, b.authURL, { disableWarnings: true });
    // Hold the database's first token request until sign-in has finished, as a busy page may.
    const internal = (app as unknown as { container: { getProvider(n: string): { getImmediate(): { getToken(f?: boolean): Promise<unknown> } } } }).container
      .getProvider('auth-internal')
      .getImmediate();
    const real = internal.getToken.bind(internal);
    let signedIn!: () => void;
    const afterSignIn = new Promise<void>((resolve) => (signedIn = resolve));
    let first = true;
    internal.getToken = async (force?: boolean) => {
      const token = await real(force);
      if (first) {
        first = false;
        await afterSignIn;
      }
      return token;
    };
    const database = getDatabase(app, b.databaseURL);
    try {
      goOnline(database);
      await signInWithEmailAndPassword(auth, USERS.alice.email, USERS.alice.password);
      signedIn();
      const mine = await get(ref(database, `userLikes/${USERS.alice.uid}`));
      assert.equal(mine.exists() ? typeof mine.val() : 'none', mine.exists() ? 'object' : 'none', 'Alice reads her own likes');
    } finally {
      await signOut(auth).catch(() => {});
      goOffline(database);
      await deleteApp(app).catch(() => {});
    }
  });

  it('close(): the last store on a connection closes it, and the same configuration connects anew', async () => {
    const b = await backend();
    const config = configFor(b, 'closing', { auth: 'email', credentials: { email: USERS.bob.email, password: USERS.bob.password } });
    const first = createFirebaseStore(config);
    await first.signIn();
    const likes: ReadonlySet<string>[] = [];
    first.subscribeMyLikes((s) => likes.push(s));
    await until(() => likes.length > 0, 'the first answer');
    await first.close();
    assert.ok(!getApps().includes(first.connection.app), 'the app lenig made is deleted (its socket closed)');
    const second = createFirebaseStore(structuredClone(config));
    closers.push(() => close(second));
    assert.notEqual(second, first);
    await second.signIn();
    const viewer = await viewerOf(second);
    assert.equal(viewer.uid, USERS.bob.uid);
  });
});

const viewerOf = async (store: FirebaseStore): Promise<Viewer> => {
  let viewer: Viewer | null = null;
  const stop = store.subscribeViewer((v) => (viewer = v));
  await until(() => viewer !== null, 'the viewer');
  stop();
  return viewer!;
};

describe('Firebase store: sign-in modes', () => {
  /** An intranet endpoint that vouches for `sso-user` (the Auth emulator accepts unsigned tokens). */
  async function tokenServer(): Promise<{ url: string; close: () => Promise<void> }> {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token =
      b64({ alg: 'none', typ: 'JWT' }) +
      '.' +
      b64({
        iss: 'sso@demo-lenig.iam.gserviceaccount.com',
        sub: 'sso@demo-lenig.iam.gserviceaccount.com',
        aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
        iat: now,
        exp: now + 3600,
        uid: 'sso-user',
      }) +
      '.';
    const server = http.createServer((req, res) => {
      // The intranet knows the employee by a cookie; the store must send it.
      const signedIn = /session=ok/.test(req.headers.cookie ?? '') || !req.url?.startsWith('/cookie');
      if (req.url?.endsWith('/json') && signedIn) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
      if (req.url?.endsWith('/text') && signedIn) return res.writeHead(200, { 'content-type': 'text/plain' }).end(token + '\n');
      if (req.url?.endsWith('/html')) return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
      res.writeHead(401).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
  }

  it('custom-token: signs in with the token the intranet answers, as JSON or as text', async () => {
    const b = await backend();
    const intranet = await tokenServer();
    closers.push(intranet.close);
    for (const kind of ['json', 'text']) {
      const store = createFirebaseStore(configFor(b, `sso-${kind}`, { auth: 'custom-token', tokenUrl: `${intranet.url}/token/${kind}` }));
      closers.push(() => close(store));
      // The silent modes sign in by themselves.
      const viewer = await viewerOf(store);
      assert.equal(viewer.uid, 'sso-user');
      assert.equal(viewer.anonymous, false);
    }
  });

  it('custom-token: says what is wrong when the intranet does not answer a token', async () => {
    const b = await backend();
    const intranet = await tokenServer();
    closers.push(intranet.close);
    const cases: [string, string, RegExp][] = [
      ['/cookie/json', 'unauthenticated', /401.*sign in to the intranet/],
      ['/html', 'unknown', /did not answer a token/],
    ];
    for (const [path, code, message] of cases) {
      const store = new FirebaseStore(configFor(b, `sso-fail${path.replace(/\//g, '-')}`, { auth: 'custom-token', tokenUrl: intranet.url + path }));
      closers.push(() => close(store));
      await assert.rejects(store.signIn(), (e: unknown) => {
        assert.ok(isStoreError(e));
        assert.equal(e.code, code);
        assert.match(e.message, message);
        return true;
      });
    }
    const nowhere = new FirebaseStore(configFor(b, 'sso-nowhere', { auth: 'custom-token', tokenUrl: 'http://127.0.0.1:1/token' }));
    closers.push(() => close(nowhere));
    await assert.rejects(nowhere.signIn(), (e: unknown) => isStoreError(e) && e.code === 'offline' && /could not be reached/.test(e.message));
  });

  it('anonymous: signs in by itself, as an anonymous user who may like things', async () => {
    const b = await backend();
    const store = createFirebaseStore(configFor(b, 'anonymous', { auth: 'anonymous' }));
    closers.push(() => close(store));
    // A widget subscribing while the page signs in waits for it: no "signed out" error on the way.
    const pages: FeedPage[] = [];
    const errors: unknown[] = [];
    const feed = store.subscribeFeed({ channel: 'nowhere-yet' }, (p) => pages.push(p), (e) => errors.push(e));
    await until(() => pages.length > 0 || errors.length > 0, 'the first answer');
    // The channel does not exist: that is what the feed says, not "signed out".
    assert.deepEqual(pages, []);
    assert.deepEqual(errors.map((e) => (e as { code?: string }).code), ['not-found']);
    feed.unsubscribe();
    const viewer = await viewerOf(store);
    assert.equal(viewer.anonymous, true);
    assert.equal(viewer.admin, false);
    await store.like('https://intranet.example.com/welcome');
    let count = 0;
    const stop = store.subscribeLikes('https://intranet.example.com/welcome', (s) => (count = s.count));
    await until(() => count === 1, 'the like');
    stop();
  });

  it('host: follows the host page’s own Firebase app and never signs in itself', async () => {
    const b = await backend();
    const hostApp = initializeApp({ apiKey: 'demo-key', projectId: b.projectId, databaseURL: b.databaseURL }, 'host-page');
    const hostAuth = getAuth(hostApp);
    connectAuthEmulator(hostAuth, b.authURL, { disableWarnings: true });
    const store = createFirebaseStore({ app: hostApp, emulator: { database: b.databaseURL }, auth: 'host' });
    closers.push(() => close(store));
    assert.equal(store.connection.app, hostApp);
    await assert.rejects(store.signIn(), /its own Firebase app/);
    const seen: (Viewer | null)[] = [];
    const stop = store.subscribeViewer((v) => seen.push(v));
    await until(() => seen.length > 0, 'the first viewer');
    assert.equal(seen[seen.length - 1], null);
    // The host page signs in; the widgets follow.
    await signInWithEmailAndPassword(hostAuth, USERS.carol.email, USERS.carol.password);
    await until(() => seen[seen.length - 1]?.uid === USERS.carol.uid, 'the host’s user');
    await signOut(hostAuth);
    await until(() => seen[seen.length - 1] === null, 'signed out again');
    stop();
  });
});
