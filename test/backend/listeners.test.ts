/**
 * How many listeners and reads the Firebase store opens for one feed page of 20 posts with like state
 * (what a feed container does: `subscribeFeed` + `subscribeMyLikes`, each post bringing its own
 * `likeCount`). Counted twice: by the store's probe (every `onValue` registration and `get`), and on the
 * server (every listen `q` and get `g` request that arrives). The target is 2 — the feed query and the
 * viewer's `userLikes` — not one per post.
 *
 * Run: node --import tsx --test test/backend/listeners.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deleteApp } from 'firebase/app';
import { goOffline } from 'firebase/database';
import { encodeKey } from '../../src/data/keys.js';
import { DEFAULT_CATEGORIES, monthKey, postTarget, type FeedPage, type IdeaHistoryEntry, type LikeState, type LikeTarget, type MonthStat } from '../../src/data/types.js';
import { FirebaseStore, type StoreProbe } from '../../src/firebase/index.js';
import { startTestBackend, USERS, type TestBackend } from '../rules/helpers.js';

const CH = 'company';
const POSTS = 30;
const PAGE = 20;
const T0 = Date.now() - 3_600_000;
const ids = Array.from({ length: POSTS }, (_, i) => `post-${String(i).padStart(3, '0')}`);
/** Posts the viewer (alice) likes, and how many likes each post has. */
const likedByAlice = new Set([ids[29]!, ids[25]!, ids[20]!, ids[12]!]);
const likeCount = (i: number) => (i % 4) + (likedByAlice.has(ids[i]!) ? 1 : 0);

function seed(hidden?: string) {
  const posts: Record<string, unknown> = {};
  const likes: Record<string, Record<string, number>> = {};
  ids.forEach((id, i) => {
    const createdAt = T0 + i * 1000;
    posts[id] = {
      author: USERS.bob.uid,
      text: `Post ${i}`,
      category: 'news',
      createdAt,
      month: monthKey(new Date(createdAt)),
      byCat: { news: createdAt },
      likeCount: likeCount(i),
      commentCount: 0,
      ...(id === hidden ? { hidden: true } : {}),
    };
    const key = encodeKey(postTarget(CH, id));
    for (let k = 0; k < i % 4; k++) (likes[key] ??= {})[`colleague-${k}`] = createdAt + k;
    if (likedByAlice.has(id)) (likes[key] ??= {})[USERS.alice.uid] = createdAt + 10;
  });
  return {
    channels: { [CH]: { name: 'Company', categories: Object.fromEntries(DEFAULT_CATEGORIES.map((c, i) => [c, i])) } },
    posts: { [CH]: posts },
    likes,
    userLikes: { [USERS.alice.uid]: Object.fromEntries([...likedByAlice].map((id) => [encodeKey(postTarget(CH, id)), true])) },
  };
}

interface Counts {
  listens: string[];
  /** Listeners open now. */
  open: number;
  reads: string[];
  wireListens: string[];
  wireGets: string[];
}

async function until(test: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A store signed in as alice on `backend`, whose listeners and reads, and requests on the wire, are counted. */
async function countedStore(backend: TestBackend, name: string): Promise<{ store: FirebaseStore; counts: Counts; close: () => Promise<void> }> {
  const counts: Counts = { listens: [], open: 0, reads: [], wireListens: [], wireGets: [] };
  let counting = false;
  const probe: StoreProbe = {
    listen: (p, c) => {
      if (!counting) return;
      counts.listens.push(`${p} [${c.join(', ')}]`);
      counts.open++;
    },
    unlisten: () => {
      if (counting) counts.open--;
    },
    read: (p, c) => counting && counts.reads.push(`${p} [${c.join(', ')}]`),
  };
  const stopWire = backend.onRequest((r) => {
    if (!counting) return;
    if (r.a === 'q' || r.a === 'l') counts.wireListens.push(String(r.b?.p));
    if (r.a === 'g') counts.wireGets.push(String(r.b?.p));
  });
  const store = new FirebaseStore(
    {
      firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
      emulator: { auth: backend.authURL },
      appName: name,
      auth: 'email',
      credentials: { email: USERS.alice.email, password: USERS.alice.password },
    },
    { probe },
  );
  await store.signIn();
  counting = true;
  return {
    store,
    counts,
    close: async () => {
      stopWire();
      await store.signOut().catch(() => {});
      goOffline(store.connection.database);
      await deleteApp(store.connection.app).catch(() => {});
    },
  };
}

describe('listeners for one feed page of 20 posts with like state', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend(seed());
  });
  after(async () => {
    await backend?.stop();
  });

  it('opens 2 listeners and no reads: the feed query and userLikes', async () => {
    const { store, counts, close } = await countedStore(backend, 'listeners-feed');
    try {
      let page: FeedPage | undefined;
      let mine: ReadonlySet<LikeTarget> | undefined;
      const feed = store.subscribeFeed({ channel: CH, pageSize: PAGE }, (p) => (page = p));
      const stopMine = store.subscribeMyLikes((m) => (mine = m));
      await until(() => page !== undefined && mine !== undefined, 'the page and the like state');

      // What a reader sees: 20 newest posts, each with its count and whether alice likes it.
      assert.equal(page!.posts.length, PAGE);
      assert.equal(page!.hasMore, true);
      assert.deepEqual(page!.posts.map((p) => p.id), ids.slice(POSTS - PAGE).reverse());
      for (const p of page!.posts) {
        const i = ids.indexOf(p.id);
        assert.equal(p.likeCount, likeCount(i), `likeCount of ${p.id}`);
        assert.equal(mine!.has(postTarget(CH, p.id)), likedByAlice.has(p.id), `like state of ${p.id}`);
      }

      console.log(`# feed page of ${PAGE} posts with like state: ${counts.listens.length} listeners, ${counts.reads.length} reads (store); ` +
        `${counts.wireListens.length} listen and ${counts.wireGets.length} get requests (server)`);
      for (const l of counts.listens) console.log(`#   listener ${l}`);
      // In either order: the feed's listener opens once the store's content part has loaded.
      assert.deepEqual([...counts.listens].sort(), [`posts/${CH} [orderByChild, limitToLast]`, `userLikes/${USERS.alice.uid} []`].sort());
      assert.deepEqual(counts.reads, []);
      assert.deepEqual(counts.wireListens.sort(), [`/posts/${CH}`, `/userLikes/${USERS.alice.uid}`].sort());
      assert.deepEqual(counts.wireGets, []);

      // Paging on: one window more. The newest window is swapped for a range that stays fixed at its
      // oldest post (so new posts cannot push loaded ones out): one registration more, no more held open.
      const before = counts.listens.length;
      await feed.more();
      await until(() => page!.posts.length === POSTS, 'the second page');
      console.log(`# after more(): +${counts.listens.length - before} listener registrations, ${counts.open} open (2 feed windows + userLikes), ${counts.reads.length} reads`);
      assert.equal(counts.listens.length - before, 2);
      assert.equal(counts.open, 3);
      assert.equal(page!.hasMore, false);

      feed.unsubscribe();
      stopMine();
      assert.equal(counts.open, 0, 'every listener closed after unsubscribing');
    } finally {
      await close();
    }
  });

  it('for contrast: a like state per post (subscribeLikes × 20) opens 2 listeners per post', async () => {
    const { store, counts, close } = await countedStore(backend, 'listeners-per-post');
    try {
      const states = new Map<string, LikeState>();
      const stops = ids.slice(POSTS - PAGE).map((id) => store.subscribeLikes(postTarget(CH, id), (s) => states.set(id, s)));
      await until(() => states.size === PAGE, 'the like states');
      console.log(`# subscribeLikes for ${PAGE} posts: ${counts.listens.length} listeners (count + likers per post, userLikes and the channel shared once)`);
      assert.equal(counts.listens.length, 2 * PAGE + 2);
      assert.equal(counts.listens.filter((l) => l.startsWith('userLikes/')).length, 1, 'one userLikes listener for all posts');
      assert.equal(counts.listens.filter((l) => l.startsWith('channels/')).length, 1, 'one listener of their channel (archived or not) for all posts');
      for (const [id, s] of states) assert.equal(s.mine, likedByAlice.has(id));
      stops.forEach((s) => s());
    } finally {
      await close();
    }
  });
});

describe('listeners and reads of likes, insights and the idea board', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend(seed());
  });
  after(async () => {
    await backend?.stop();
  });

  it('likes and unlikes a post in view without reading first', async () => {
    const { store, counts, close } = await countedStore(backend, 'reads-like');
    try {
      let page: FeedPage | undefined;
      let mine: ReadonlySet<LikeTarget> | undefined;
      // A post written through the store, so that its stats are as the rules expect them.
      const id = await store.createPost({ channel: CH, text: 'Liked in view', category: 'news' });
      const feed = store.subscribeFeed({ channel: CH, pageSize: PAGE }, (p) => (page = p));
      const stopMine = store.subscribeMyLikes((m) => (mine = m));
      await until(() => page?.posts[0]?.id === id && mine !== undefined, 'the page and the like state');
      counts.reads.length = 0;
      counts.wireGets.length = 0;
      const target = postTarget(CH, id);
      await store.like(target);
      await until(() => page!.posts[0]?.likeCount === 1, 'the like counted');
      await store.unlike(target);
      await until(() => page!.posts[0]?.likeCount === 0, 'the unlike counted');
      console.log(`# a like and an unlike of a post in view: ${counts.reads.length} reads (store), ${counts.wireGets.length} get requests (server)`);
      assert.deepEqual(counts.reads, []);
      assert.deepEqual(counts.wireGets, []);
      feed.unsubscribe();
      stopMine();
    } finally {
      await close();
    }
  });

  it('listens to the channel list and each channel’s months for insights of all channels, not the whole /stats tree', async () => {
    const { store, counts, close } = await countedStore(backend, 'listeners-stats');
    try {
      const month = monthKey(new Date());
      let stats: MonthStat[] | undefined;
      const stop = store.subscribeStats({ from: month, to: month }, (s) => (stats = s));
      await until(() => stats !== undefined, 'the stats');
      console.log(`# insights for all channels: ${counts.listens.join('; ')}`);
      assert.deepEqual(counts.listens, ['channels []', `stats/${CH} [orderByKey, startAt, endAt]`]);
      assert.ok(!counts.wireListens.includes('/stats'), 'no listener on the whole stats tree');
      stop();
      assert.equal(counts.open, 0);
    } finally {
      await close();
    }
  });

  it('holds one listener for the newest notes of all ideas of a channel', async () => {
    const { store, counts, close } = await countedStore(backend, 'listeners-notes');
    try {
      let notes: Readonly<Record<string, IdeaHistoryEntry>> | undefined;
      const stop = store.subscribeLatestNotes(CH, (n) => (notes = n));
      await until(() => notes !== undefined, 'the notes');
      assert.deepEqual(counts.listens, [`ideaHistory/${CH} []`]);
      stop();
    } finally {
      await close();
    }
  });
});

describe('a hidden post in view', () => {
  let backend: TestBackend;
  const hidden = ids[POSTS - 1]!;
  before(async () => {
    backend = await startTestBackend(seed(hidden));
  });
  after(async () => {
    await backend?.stop();
  });

  it('adds one listener, on the admin flag, and leaves the post out for a non-admin', async () => {
    const { store, counts, close } = await countedStore(backend, 'listeners-hidden');
    try {
      let page: FeedPage | undefined;
      const feed = store.subscribeFeed({ channel: CH, pageSize: PAGE }, (p) => (page = p));
      await until(() => page !== undefined, 'the page');
      console.log(`# feed page with a hidden post: ${counts.listens.length} listeners (${counts.listens.join('; ')})`);
      assert.equal(page!.posts.some((p) => p.id === hidden), false);
      assert.equal(page!.posts.length, PAGE - 1);
      assert.deepEqual(counts.listens, [`posts/${CH} [orderByChild, limitToLast]`, `admins/${USERS.alice.uid} []`]);
      feed.unsubscribe();
    } finally {
      await close();
    }
  });
});
