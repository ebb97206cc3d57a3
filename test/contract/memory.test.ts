/**
 * The contract suite against the in-memory store: one `MemoryBackend`, one session per user.
 * Run: node --import tsx --test test/contract/memory.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend, MemoryStore } from '../../src/memory/memory-store.js';
import { decodeKey, encodeKey, newId } from '../../src/data/keys.js';
import { StoreError, isStoreError, type FeedSubscription } from '../../src/data/store.js';
import { DEFAULT_CATEGORIES, postTarget, type FeedPage, type MonthStat, type Viewer } from '../../src/data/types.js';
import { findSimilar, similarity } from '../../src/data/similarity.js';
import { contractSuite, until, type ContractUser } from './contract.js';

contractSuite('memory', () => {
  const users = { alice: 'uid-alice', bob: 'uid-bob', admin: 'uid-admin' };
  const backend = new MemoryBackend({ admins: [users.admin], channels: [] });
  const sessions = {
    alice: backend.session(users.alice),
    bob: backend.session(users.bob),
    admin: backend.session(users.admin),
    anon: backend.session(null),
  };
  let n = 0;
  return Promise.resolve({
    users,
    as: (user: ContractUser) => Promise.resolve(sessions[user]),
    newChannel: () => {
      const id = `ch${++n}`;
      backend.load({ channels: [{ id, name: `Channel ${n}`, categories: [...DEFAULT_CATEGORIES] }] });
      return Promise.resolve(id);
    },
    deleteChannel: (channel) => Promise.resolve(backend.deleteChannel(channel)),
    reports: () => Promise.resolve(backend.reports()),
    cleanup: () => Promise.resolve(),
  });
});

// --- what only the in-memory store has: seeding, failure injection, offline, latency -----------------------


describe('keys', () => {
  it('round-trips any string and leaves no character a database key forbids', () => {
    const samples = [
      'post:general:-Nabc123',
      'https://intranet.example.com/sites/news/page.aspx?id=3&x=[1]#top',
      '.$#[]/%',
      '%2E is not a dot',
      '%%25%',
      'tab\there\nnewline\u0000nul\u007fdel',
      'ünïcødé ✓ 🎉',
      '',
    ];
    for (const s of samples) {
      const key = encodeKey(s);
      assert.equal(decodeKey(key), s);
      // eslint-disable-next-line no-control-regex -- the characters a key may not contain
      assert.doesNotMatch(key, /[.$#[\]/\u0000-\u001f\u007f]/);
    }
    assert.equal(encodeKey('post:general:-Nabc123'), 'post:general:-Nabc123');
    assert.equal(encodeKey('a.b/c'), 'a%2Eb%2Fc');
    assert.notEqual(encodeKey('%2E'), encodeKey('.'));
  });

  it('makes ids that sort in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    assert.equal(new Set(ids).size, ids.length);
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `${ids[i - 1]} < ${ids[i]}`);
    assert.ok(ids.every((id) => id.length === 20));
    assert.ok(newId(Date.UTC(2024, 0, 1)) < newId(Date.UTC(2025, 0, 1)));
  });
});

const people = [
  { uid: 'ann', name: 'Ann de Vries' },
  { uid: 'ben', name: 'Ben Smit' },
];

function lastOf<T>(values: T[]): T {
  assert.ok(values.length > 0, 'nothing delivered');
  return values[values.length - 1]!;
}

describe('MemoryStore on its own', () => {
  it('signs in as the first user unless told otherwise, and signs out and in', async () => {
    const store = new MemoryStore({ users: people, admins: ['ben'] });
    const seen: (Viewer | null)[] = [];
    store.subscribeViewer((v) => seen.push(v));
    await until(() => seen.length === 1, 'the viewer');
    assert.equal(seen[0]?.uid, 'ann');
    assert.equal(seen[0]?.profile?.name, 'Ann de Vries');
    await store.signOut();
    await until(() => lastOf(seen) === null, 'signed out');
    store.signInAs('ben');
    await until(() => lastOf(seen)?.admin === true, 'ben as admin');
    const out = new MemoryStore({ users: people, viewer: null });
    const v: (Viewer | null)[] = [];
    out.subscribeViewer((x) => v.push(x));
    await until(() => v.length === 1, 'the viewer');
    assert.equal(v[0], null);
    await out.signIn();
    await until(() => lastOf(v)?.uid === 'ann', 'signed in');
  });

  it('seeds posts with explicit dates, likers and comments, counted in stats', async () => {
    const store = new MemoryStore({ users: people });
    const late = store.addPost({ author: 'ann', text: 'late', createdAt: new Date('2025-10-20T10:00:00Z'), likers: ['ann', 'ben'] });
    const early = store.addPost({
      author: 'ben',
      text: 'early',
      category: 'praise',
      createdAt: new Date('2025-10-02T10:00:00Z'),
      comments: [{ author: 'ann', text: 'yes' }],
    });
    store.addPost({ author: 'ben', title: 'Idea', text: 'An idea', createdAt: new Date('2025-09-30T10:00:00Z') });
    assert.equal(late.likeCount, 2);
    assert.equal(early.commentCount, 1);
    const pages: FeedPage[] = [];
    store.subscribeFeed({ channel: 'general' }, (p) => pages.push(p));
    await until(() => pages.length > 0, 'the feed');
    assert.deepEqual(lastOf(pages).posts.map((p) => p.text), ['late', 'early', 'An idea']);
    assert.equal(lastOf(pages).posts[2]?.idea?.status, 'new');
    assert.ok(Object.isFrozen(lastOf(pages).posts) && Object.isFrozen(lastOf(pages).posts[0]));
    const stats: MonthStat[][] = [];
    store.subscribeStats({ from: '2025-10', to: '2025-10' }, (s) => stats.push(s));
    await until(() => stats.length > 0, 'stats');
    assert.deepEqual(
      lastOf(stats).map((s) => [s.month, s.category, s.posts, s.likes]),
      [
        ['2025-10', 'news', 1, 2],
        ['2025-10', 'praise', 1, 0],
      ],
    );
    const likes: boolean[] = [];
    store.subscribeLikes(postTarget('general', late.id), (s) => likes.push(s.mine));
    await until(() => likes.length > 0, 'likes');
    assert.equal(likes[0], true);
  });

  it('fails the next call, or every call, on request', async () => {
    const store = new MemoryStore({ users: people });
    store.failNext('createPost', new StoreError('offline', 'no network'));
    await assert.rejects(store.createPost({ channel: 'general', text: 'a', category: 'news' }), (e) => isStoreError(e) && e.code === 'offline');
    assert.ok(await store.createPost({ channel: 'general', text: 'b', category: 'news' }));

    const errors: StoreError[] = [];
    const pages: FeedPage[] = [];
    store.setFailure('subscribeFeed', new StoreError('permission-denied', 'no'));
    store.subscribeFeed({ channel: 'general' }, (p) => pages.push(p), (e) => errors.push(e));
    store.subscribeFeed({ channel: 'general' }, (p) => pages.push(p), (e) => errors.push(e));
    await until(() => errors.length === 2, 'two errors');
    assert.equal(pages.length, 0);
    store.setFailure('subscribeFeed', null);
    store.subscribeFeed({ channel: 'general' }, (p) => pages.push(p), (e) => errors.push(e));
    await until(() => pages.length === 1, 'a page');

    store.failNext('*', new StoreError('unknown', 'boom'));
    await assert.rejects(store.like('https://example.com/x'), (e) => isStoreError(e) && e.code === 'unknown');
    await store.like('https://example.com/x');
  });

  it('waits `latency` ms per command', async () => {
    const store = new MemoryStore({ users: people, latency: 40 });
    const t0 = performance.now();
    await store.createPost({ channel: 'general', text: 'slow', category: 'news' });
    const took = performance.now() - t0;
    assert.ok(took >= 35, `took ${took} ms`);
    store.setLatency(0);
    const t1 = performance.now();
    await store.createPost({ channel: 'general', text: 'fast', category: 'news' });
    assert.ok(performance.now() - t1 < 35);
  });
});

describe('MemoryStore offline', () => {
  function setup() {
    const backend = new MemoryBackend({ users: people });
    const ann = backend.session('ann');
    const ben = backend.session('ben');
    const feedOf = (s: MemoryStore) => {
      const pages: FeedPage[] = [];
      const sub: FeedSubscription = s.subscribeFeed({ channel: 'general' }, (p) => pages.push(p));
      return { pages, sub, texts: () => lastOf(pages).posts.map((p) => p.text) };
    };
    return { backend, ann, ben, feedOf };
  }

  it('shows my writes at once, sends them when back online, and hears nothing meanwhile', async () => {
    const { ann, ben, feedOf } = setup();
    const annFeed = feedOf(ann);
    const benFeed = feedOf(ben);
    const conn: boolean[] = [];
    ann.subscribeConnection((c) => conn.push(c));
    await until(() => annFeed.pages.length > 0 && benFeed.pages.length > 0 && conn.length > 0, 'subscriptions');
    ann.setOnline(false);
    await until(() => lastOf(conn) === false, 'offline reported');
    let settled = false;
    const pending = ann.createPost({ channel: 'general', text: 'from the train', category: 'news' }).then((id) => {
      settled = true;
      return id;
    });
    await until(() => annFeed.pages.length > 1, 'the optimistic post');
    assert.deepEqual(annFeed.texts(), ['from the train']);
    await ben.createPost({ channel: 'general', text: 'from the office', category: 'news' });
    await until(() => benFeed.texts().length === 1, "ben's own post");
    assert.deepEqual(benFeed.texts(), ['from the office']);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(settled, false);
    assert.deepEqual(annFeed.texts(), ['from the train'], 'ann hears nothing while offline');
    ann.setOnline(true);
    const id = await pending;
    assert.ok(id);
    await until(() => lastOf(conn) === true, 'online reported');
    await until(() => annFeed.texts().length === 2 && benFeed.texts().length === 2, 'both posts everywhere');
    assert.deepEqual(new Set(benFeed.texts()), new Set(['from the train', 'from the office']));
  });

  it('rejects a queued write the server refuses, and drops it from view', async () => {
    const { ann, ben } = setup();
    const postId = await ben.createPost({ channel: 'general', text: 'soon gone', category: 'news' });
    const comments: number[] = [];
    ann.subscribeComments('general', postId, (c) => comments.push(c.length));
    await until(() => comments.length > 0, 'comments');
    ann.setOnline(false);
    const pending = ann.comment('general', postId, 'too late');
    await until(() => lastOf(comments) === 1, 'the optimistic comment');
    await ben.deletePost('general', postId);
    ann.setOnline(true);
    await assert.rejects(pending, (e) => isStoreError(e) && e.code === 'not-found');
    await until(() => lastOf(comments) === 0, 'the comment rolled back');
  });
});

// Lives here because the data folder has no test file of its own yet.
describe('similar ideas', () => {
  const board = [
    'More plants in the office',
    'Standing desks for everyone',
    'Better coffee machine',
    'Fietsenstalling bij de ingang',
    'Plant a tree for every new colleague',
    'Quiet room for focus work',
  ];
  const best = (q: string) => findSimilar(q, board, (x) => x).map((s) => s.item);

  it('finds rephrased, singular/plural and split-compound duplicates', () => {
    assert.equal(best('plants on desks')[0], 'More plants in the office');
    assert.deepEqual(best('a new coffee machine please'), ['Better coffee machine']);
    assert.deepEqual(best('fiets stalling'), ['Fietsenstalling bij de ingang']);
    assert.deepEqual(best('standing desk'), ['Standing desks for everyone']);
  });

  it('suggests nothing for an unrelated idea, and scores identical text 1', () => {
    assert.deepEqual(best('stilteruimte'), []);
    assert.deepEqual(best('Parking for electric cars'), []);
    assert.equal(similarity('More plants in the office', 'more PLANTS in the office!'), 1);
    assert.equal(similarity('', ''), 0);
  });
});

describe('MemoryStore.close()', () => {
  it('stops every subscription of the session; other sessions go on', async () => {
    const backend = new MemoryBackend({ users: [{ uid: 'ann', name: 'Ann' }, { uid: 'ben', name: 'Ben' }] });
    const closing = backend.session('ann');
    const staying = backend.session('ben');
    const seen: FeedPage[] = [];
    const kept: FeedPage[] = [];
    closing.subscribeFeed({ channel: 'general' }, (p) => seen.push(p));
    staying.subscribeFeed({ channel: 'general' }, (p) => kept.push(p));
    await until(() => seen.length > 0 && kept.length > 0, 'the first pages');
    await closing.close();
    await staying.createPost({ channel: 'general', text: 'after', category: 'news' });
    await until(() => kept.length === 2, 'the other session hears of it');
    assert.equal(seen.length, 1, 'the closed session hears nothing');
  });
});

describe('MemoryStore: the first run', () => {
  it('makes the first person admin with the first channel; whoever comes second is refused', async () => {
    const backend = new MemoryBackend({ users: people, channels: [] });
    const ann = backend.session('ann');
    const ben = backend.session('ben');
    const admins: string[][] = [];
    ben.subscribeAdmins((a) => admins.push([...a]));
    await until(() => admins.length > 0, 'the empty admin list');
    assert.deepEqual(lastOf(admins), []);
    const [first, second] = await Promise.allSettled([ann.setUp({ id: 'general', name: 'General' }), ben.setUp({ id: 'other', name: 'Other' })]);
    assert.equal(first.status, 'fulfilled');
    assert.equal(second.status, 'rejected');
    assert.ok(second.status === 'rejected' && isStoreError(second.reason) && second.reason.code === 'permission-denied');
    await until(() => lastOf(admins).length === 1, 'ann listed');
    assert.deepEqual(lastOf(admins), ['ann']);
    const channels: string[][] = [];
    ben.subscribeChannels((cs) => channels.push(cs.map((c) => `${c.id}:${c.categories.join(',')}`)));
    await until(() => channels.length > 0, 'channels');
    assert.deepEqual(lastOf(channels), [`general:${DEFAULT_CATEGORIES.join(',')}`]);
    // And the other order: a fresh database where ben is first.
    const other = new MemoryBackend({ users: people, channels: [] });
    await other.session('ben').setUp({ id: 'general', name: 'General' });
    await assert.rejects(other.session('ann').setUp({ id: 'general', name: 'General' }), (e) => isStoreError(e) && e.code === 'permission-denied');
    await assert.rejects(new MemoryBackend({ channels: [] }).session('x', { anonymous: true }).setUp({ id: 'g', name: 'G' }), (e) => isStoreError(e) && e.code === 'permission-denied');
  });
});
