/**
 * The contract every `LenigStore` keeps, run against each implementation (the in-memory store, the
 * Realtime Database store against a local server) so widgets behave the same on both.
 *
 * An implementation provides a `ContractEnv`:
 *
 * - `as(user)`: a store signed in as `alice`, `bob` or `admin` (the admin listed in `/admins`), or `anon`
 *   (signed out). All stores share ONE backend, so what alice writes, bob's subscriptions see. Repeated
 *   calls may return the same store. The three users start without profiles.
 * - `users`: their uids.
 * - `newChannel()`: makes an empty channel (categories = `DEFAULT_CATEGORIES`) and returns its id; tests
 *   that count or order posts each take a fresh one, so they do not see one another's posts.
 * - `reports()`: what `/reports` holds, read with admin rights (the port has no way to read reports).
 * - `cleanup()`: stops servers, signs out, closes connections.
 *
 * `makeEnv` is called once per suite. Waits are `until(condition)` with a timeout, never fixed sleeps: a
 * store may answer in a microtask or after a network round trip.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isStoreError, type LenigStore, type OnError, type Unsubscribe } from '../../src/data/store.js';
import { encodeKey } from '../../src/data/keys.js';
import {
  DEFAULT_CATEGORIES,
  MAX_COMMENT_LENGTH,
  MAX_POST_LENGTH,
  MAX_REASON_LENGTH,
  monthKey,
  pageTarget,
  postTarget,
  type ChannelId,
  type Comment,
  type FeedPage,
  type Idea,
  type IdeaHistoryEntry,
  type LikeState,
  type LikeTarget,
  type MonthStat,
  type Notification,
  type Post,
  type Profile,
  type Channel,
  type Report,
  type UserId,
  type Viewer,
} from '../../src/data/types.js';

export type ContractUser = 'alice' | 'bob' | 'admin' | 'anon';

export interface ContractEnv {
  as(user: ContractUser): Promise<LenigStore>;
  users: { alice: UserId; bob: UserId; admin: UserId };
  newChannel(): Promise<ChannelId>;
  /** Removes a channel's record as an admin can (its posts stay), past the stores, which have no such command. */
  deleteChannel(channel: ChannelId): Promise<void>;
  reports(): Promise<Report[]>;
  cleanup(): Promise<void>;
}

const TIMEOUT = Number(process.env.CONTRACT_TIMEOUT ?? 4000);

/** Resolves once `condition()` is true; fails with `what` after the timeout. */
export async function until(condition: () => boolean, what = 'condition', timeout = TIMEOUT): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits until the clock has moved on, so two writes get different server timestamps. */
async function nextMillisecond(): Promise<void> {
  const t = Date.now();
  await until(() => Date.now() > t + 1, 'the clock');
}

/** Keeps everything a subscription delivered. */
class Recorder<T> {
  values: T[] = [];
  errors: unknown[] = [];
  stop: Unsubscribe = () => {};
  readonly cb = (v: T): void => {
    this.values.push(v);
  };
  readonly onError = (e: unknown): void => {
    this.errors.push(e);
  };
  get last(): T {
    assert.ok(this.values.length > 0, 'the subscription has delivered nothing yet');
    return this.values[this.values.length - 1]!;
  }
  /** Waits for a delivered value (the latest) that satisfies `test`, and returns it. */
  async until(test: (v: T) => boolean, what: string): Promise<T> {
    try {
      await until(() => this.values.length > 0 && test(this.values[this.values.length - 1]!), what);
    } catch (e) {
      // Say what the subscription did deliver, so a failure on a busy machine can be told from a wrong answer.
      const seen = this.values.length > 0 ? JSON.stringify(this.last) : 'nothing';
      throw new Error(`${(e as Error).message}; ${this.values.length} deliveries, the last: ${seen}; errors: ${this.errors.map(String).join(' | ') || 'none'}`);
    }
    return this.last;
  }
}

type Subscribe<T> = (cb: (v: T) => void, onError: OnError) => Unsubscribe | { unsubscribe: Unsubscribe };

function record<T>(subscribe: Subscribe<T>): Recorder<T> {
  const r = new Recorder<T>();
  const s = subscribe(r.cb, r.onError);
  r.stop = typeof s === 'function' ? s : s.unsubscribe;
  return r;
}

/** Asserts that `p` rejects with a StoreError of `code` (and, for validation, `field` and `reason`). */
async function rejectsWith(p: Promise<unknown>, code: string, field?: string, reason?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isStoreError(e), `expected a StoreError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (field !== undefined) assert.equal(e.field, field);
    if (reason !== undefined) assert.equal(e.reason, reason);
    return true;
  });
}

function texts(page: FeedPage): string[] {
  return page.posts.map((p) => p.text);
}

function stat(stats: MonthStat[], month: string, category: string): { posts: number; likes: number } {
  const s = stats.find((x) => x.month === month && x.category === category);
  return { posts: s?.posts ?? 0, likes: s?.likes ?? 0 };
}

/** Parts of the contract a store does not offer yet, each with the reason the test summary shows. */
export interface ContractOptions {
  skip?: { administration?: string };
}

export function contractSuite(name: string, makeEnv: () => Promise<ContractEnv>, options: ContractOptions = {}): void {
  describe(`LenigStore contract: ${name}`, () => {
    let env: ContractEnv;
    let alice: LenigStore;
    let bob: LenigStore;
    let admin: LenigStore;
    let anon: LenigStore;
    let A: UserId;
    let B: UserId;
    let ADMIN: UserId;
    const open: Recorder<unknown>[] = [];
    /** Subscribes and remembers the subscription so `after` stops it. */
    const watch = <T,>(subscribe: Subscribe<T>): Recorder<T> => {
      const r = record(subscribe);
      open.push(r as Recorder<unknown>);
      return r;
    };
    const feed = (store: LenigStore, channel: ChannelId, opts: { category?: string; pageSize?: number } = {}) => {
      let sub: { more(): Promise<void> } | undefined;
      const r = watch<FeedPage>((cb, onError) => (sub = store.subscribeFeed({ channel, ...opts }, cb, onError)));
      return Object.assign(r, { more: () => sub!.more() });
    };
    const post = (store: LenigStore, channel: ChannelId, text: string, category = 'news') =>
      store.createPost({ channel, text, category });
    const idea = (store: LenigStore, channel: ChannelId, title: string) =>
      store.createPost({ channel, text: `${title}: details`, category: 'idea', title });
    const notificationsOf = (store: LenigStore) => watch<Notification[]>((cb, e) => store.subscribeNotifications(cb, e));

    before(async () => {
      env = await makeEnv();
      [alice, bob, admin, anon] = await Promise.all([env.as('alice'), env.as('bob'), env.as('admin'), env.as('anon')]);
      ({ alice: A, bob: B, admin: ADMIN } = env.users);
    });
    after(async () => {
      for (const r of open) r.stop();
      await env?.cleanup();
    });

    describe('viewer and connection', () => {
      it('reports who is signed in and whether they are an admin', async () => {
        const va = watch<Viewer | null>((cb) => alice.subscribeViewer(cb));
        const vadm = watch<Viewer | null>((cb) => admin.subscribeViewer(cb));
        const vanon = watch<Viewer | null>((cb) => anon.subscribeViewer(cb));
        const a = await va.until((v) => v !== null, 'alice signed in');
        const adm = await vadm.until((v) => v !== null, 'admin signed in');
        await until(() => vanon.values.length > 0, 'anon viewer');
        assert.equal(a?.uid, A);
        assert.equal(a?.admin, false);
        assert.equal(adm?.uid, ADMIN);
        assert.equal(adm?.admin, true);
        assert.equal(vanon.last, null);
      });

      it('reports the connection as up', async () => {
        const c = watch<boolean>((cb) => alice.subscribeConnection(cb));
        assert.equal(await c.until((v) => v, 'online'), true);
      });
    });

    describe('profiles', () => {
      before(async () => {
        await alice.updateMyProfile({ name: 'Alice Vermeer', jobTitle: 'Designer' });
        await bob.updateMyProfile({ name: 'Bob Verhoeven' });
        await admin.updateMyProfile({ name: 'Ada Beheer' });
      });

      it('shows my profile to others and in my viewer', async () => {
        const seen = watch<Profile | null>((cb, e) => bob.subscribeProfile(A, cb, e));
        const p = await seen.until((v) => v?.name === 'Alice Vermeer', "alice's profile");
        assert.equal(p?.uid, A);
        assert.equal(p?.jobTitle, 'Designer');
        const v = watch<Viewer | null>((cb) => alice.subscribeViewer(cb));
        await v.until((x) => x?.profile?.name === 'Alice Vermeer', 'the viewer profile');
        await alice.updateMyProfile({ name: 'Alice Vermeer', jobTitle: 'Lead designer' });
        await seen.until((x) => x?.jobTitle === 'Lead designer', 'the edited profile');
      });

      it('rejects a profile without a name', async () => {
        await rejectsWith(alice.updateMyProfile({ name: '  ' }), 'validation-failed', 'name', 'required');
        await rejectsWith(alice.updateMyProfile({ name: '\u200b\u2060' }), 'validation-failed', 'name', 'required');
        await rejectsWith(alice.updateMyProfile({ name: 'Alice', photoURL: 'http://tracker.example/p.gif' }), 'validation-failed', 'photoURL', 'invalid');
        await rejectsWith(anon.updateMyProfile({ name: 'Nobody' }), 'unauthenticated');
      });

      it('searches names by prefix, case-insensitively, also by last name', async () => {
        const byFirst = await bob.searchProfiles('ALI');
        assert.deepEqual(byFirst.map((p) => p.uid), [A]);
        const byLast = await bob.searchProfiles('ver');
        assert.deepEqual(new Set(byLast.map((p) => p.uid)), new Set([A, B]));
        assert.equal((await bob.searchProfiles('ver', 1)).length, 1);
        assert.deepEqual(await bob.searchProfiles('zzz'), []);
        // "erm" is inside "Vermeer" but starts no word.
        assert.deepEqual(await bob.searchProfiles('erm'), []);
      });
    });

    describe('channels and posts', () => {
      it('gives the channel with its categories', async () => {
        const ch = await env.newChannel();
        const c = watch<{ id: string; categories: string[] }>((cb, e) => alice.subscribeChannel(ch, cb, e));
        const got = await c.until(() => true, 'the channel');
        assert.equal(got.id, ch);
        assert.deepEqual([...got.categories], [...DEFAULT_CATEGORIES]);
      });

      it('creates a post that the author and others see at once, newest first', async () => {
        const ch = await env.newChannel();
        const mine = feed(alice, ch);
        const theirs = feed(bob, ch);
        await until(() => mine.values.length > 0 && theirs.values.length > 0, 'the first pages');
        assert.deepEqual(texts(theirs.last), []);
        const id1 = await post(alice, ch, 'first');
        await nextMillisecond();
        const id2 = await post(alice, ch, 'second');
        await nextMillisecond();
        await post(bob, ch, 'third', 'question');
        const page = await theirs.until((p) => p.posts.length === 3, 'three posts in bob’s feed');
        assert.deepEqual(texts(page), ['third', 'second', 'first']);
        await mine.until((p) => p.posts.length === 3, 'three posts in alice’s feed');
        const p1 = page.posts[2]!;
        assert.equal(p1.id, id1);
        assert.equal(p1.author, A);
        assert.equal(p1.channel, ch);
        assert.equal(p1.category, 'news');
        assert.equal(p1.likeCount, 0);
        assert.equal(p1.commentCount, 0);
        assert.equal(p1.hidden, false);
        assert.ok(p1.createdAt instanceof Date && !isNaN(p1.createdAt.getTime()));
        assert.equal(p1.editedAt, undefined);
        assert.ok(page.posts[1]!.createdAt.getTime() >= p1.createdAt.getTime());
        assert.equal(page.posts[1]!.id, id2);
        assert.equal(page.hasMore, false);
      });

      it('hands each update over as a new array', async () => {
        const ch = await env.newChannel();
        const f = feed(alice, ch);
        await until(() => f.values.length > 0, 'the first page');
        await post(alice, ch, 'one');
        await f.until((p) => p.posts.length === 1, 'one post');
        await post(alice, ch, 'two');
        await f.until((p) => p.posts.length === 2, 'two posts');
        const n = f.values.length;
        assert.notEqual(f.values[n - 1], f.values[n - 2]);
        assert.notEqual(f.values[n - 1]!.posts, f.values[n - 2]!.posts);
      });

      it('hands an unchanged post over as the same object, so a like renders one card again', async () => {
        const ch = await env.newChannel();
        const ids: string[] = [];
        for (const text of ['one', 'two', 'three']) {
          ids.push(await post(alice, ch, text));
          await nextMillisecond();
        }
        const ideaIds = [await idea(alice, ch, 'Plants'), await idea(alice, ch, 'Coffee')];
        const f = feed(alice, ch);
        const board = watch<Idea[]>((cb, e) => alice.subscribeIdeas(ch, cb, e));
        const before = await f.until((p) => p.posts.length === 5, 'five posts');
        const ideasBefore = await board.until((l) => l.length === 2, 'two ideas');

        await bob.like(postTarget(ch, ids[1]!));
        await bob.like(postTarget(ch, ideaIds[0]!));
        const after = await f.until((p) => p.posts.every((x) => x.likeCount === ([ids[1], ideaIds[0]].includes(x.id) ? 1 : 0)), 'both likes in the feed');
        const ideasAfter = await board.until((l) => l.find((x) => x.id === ideaIds[0])?.likeCount === 1, 'the vote on the board');
        for (const p of after.posts) {
          const was = before.posts.find((x) => x.id === p.id);
          if ([ids[1], ideaIds[0]].includes(p.id)) assert.notEqual(p, was, `${p.text}: changed, a new object`);
          else assert.equal(p, was, `${p.text}: unchanged, the same object`);
        }
        assert.equal(ideasAfter.find((x) => x.id === ideaIds[1]), ideasBefore.find((x) => x.id === ideaIds[1]));
        assert.notEqual(ideasAfter.find((x) => x.id === ideaIds[0]), ideasBefore.find((x) => x.id === ideaIds[0]));
      });

      it('edits a post: others see the new text and the edit time', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'draft');
        const seen = watch<Post | null>((cb, e) => bob.subscribePost(ch, id, cb, e));
        await seen.until((p) => p?.text === 'draft', 'the post');
        await alice.editPost(ch, id, 'final');
        const p = await seen.until((x) => x?.text === 'final', 'the edited post');
        assert.ok(p?.editedAt instanceof Date);
      });

      it('deletes a post: it leaves everyone’s feed', async () => {
        const ch = await env.newChannel();
        const keep = await post(alice, ch, 'keep');
        const gone = await post(alice, ch, 'gone');
        const theirs = feed(bob, ch);
        await theirs.until((p) => p.posts.length === 2, 'both posts');
        const single = watch<Post | null>((cb, e) => bob.subscribePost(ch, gone, cb, e));
        await single.until((p) => p !== null, 'the post');
        await alice.deletePost(ch, gone);
        const page = await theirs.until((p) => p.posts.length === 1, 'one post left');
        assert.deepEqual(page.posts.map((p) => p.id), [keep]);
        await single.until((p) => p === null, 'the deleted post as null');
      });

      it('lets only the author edit or delete', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'mine');
        await rejectsWith(bob.editPost(ch, id, 'hijacked'), 'permission-denied');
        await rejectsWith(bob.deletePost(ch, id), 'permission-denied');
        await rejectsWith(admin.editPost(ch, id, 'by admin'), 'permission-denied');
        const seen = watch<Post | null>((cb, e) => alice.subscribePost(ch, id, cb, e));
        const p = await seen.until((x) => x !== null, 'the post');
        assert.equal(p?.text, 'mine');
      });

      it('refuses writes when signed out', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'hello');
        await rejectsWith(post(anon, ch, 'anonymous'), 'unauthenticated');
        await rejectsWith(anon.like(postTarget(ch, id)), 'unauthenticated');
        await rejectsWith(anon.comment(ch, id, 'hi'), 'unauthenticated');
        await rejectsWith(anon.report(ch, id, 'spam'), 'unauthenticated');
        await rejectsWith(anon.markNotificationsRead('all'), 'unauthenticated');
        const f = feed(alice, ch);
        const page = await f.until(() => true, 'the feed');
        assert.deepEqual(texts(page), ['hello']);
      });

      it('pages: 25 posts by 10 give 10, 20, 25', async () => {
        const ch = await env.newChannel();
        const ids: string[] = [];
        for (let i = 0; i < 25; i++) ids.push(await post(i % 2 ? bob : alice, ch, `post ${i}`));
        const f = feed(alice, ch, { pageSize: 10 });
        let page = await f.until((p) => p.posts.length > 0, 'the first page');
        assert.equal(page.posts.length, 10);
        assert.equal(page.hasMore, true);
        assert.deepEqual(page.posts.map((p) => p.id), ids.slice(15).reverse());
        await f.more();
        page = await f.until((p) => p.posts.length > 10, 'the second page');
        assert.equal(page.posts.length, 20);
        assert.equal(page.hasMore, true);
        await f.more();
        page = await f.until((p) => p.posts.length > 20, 'the third page');
        assert.equal(page.posts.length, 25);
        assert.equal(page.hasMore, false);
        assert.deepEqual(page.posts.map((p) => p.id), [...ids].reverse());
        // A post arriving now lands on top without dropping loaded ones.
        const latest = await post(bob, ch, 'latest');
        page = await f.until((p) => p.posts[0]?.id === latest, 'the new post on top');
        assert.equal(page.posts.length, 26);
      });

      it('filters by category', async () => {
        const ch = await env.newChannel();
        await post(alice, ch, 'n1', 'news');
        await post(alice, ch, 'q1', 'question');
        await post(bob, ch, 'p1', 'praise');
        await post(bob, ch, 'q2', 'question');
        const q = feed(bob, ch, { category: 'question' });
        const page = await q.until((p) => p.posts.length >= 2, 'the questions');
        assert.deepEqual(texts(page), ['q2', 'q1']);
        assert.equal(page.hasMore, false);
        await post(alice, ch, 'n2', 'news');
        await post(alice, ch, 'q3', 'question');
        const next = await q.until((p) => p.posts.length === 3, 'the new question');
        assert.deepEqual(texts(next), ['q3', 'q2', 'q1']);
      });
    });

    describe('validation', () => {
      let ch: ChannelId;
      before(async () => {
        ch = await env.newChannel();
      });

      it('requires text', async () => {
        await rejectsWith(post(alice, ch, ''), 'validation-failed', 'text', 'required');
        await rejectsWith(post(alice, ch, '  \n '), 'validation-failed', 'text', 'required');
        await rejectsWith(post(alice, ch, '\u200b\u200d\ufeff'), 'validation-failed', 'text', 'required');
      });

      it(`accepts exactly ${MAX_POST_LENGTH} characters and refuses one more`, async () => {
        const longest = 'x'.repeat(MAX_POST_LENGTH);
        const id = await post(alice, ch, longest);
        const seen = watch<Post | null>((cb, e) => alice.subscribePost(ch, id, cb, e));
        const p = await seen.until((x) => x !== null, 'the long post');
        assert.equal(p?.text.length, MAX_POST_LENGTH);
        await rejectsWith(post(alice, ch, longest + 'x'), 'validation-failed', 'text', 'too-long');
        await rejectsWith(alice.editPost(ch, id, longest + 'x'), 'validation-failed', 'text', 'too-long');
        await rejectsWith(alice.editPost(ch, id, ''), 'validation-failed', 'text', 'required');
      });

      it('refuses a category the channel does not have', async () => {
        await rejectsWith(post(alice, ch, 'hello', 'gossip'), 'validation-failed', 'category', 'unknown-category');
      });

      it('requires a title on an idea', async () => {
        await rejectsWith(alice.createPost({ channel: ch, text: 'no title', category: 'idea' }), 'validation-failed', 'title', 'required');
      });

      it('checks comments', async () => {
        const id = await post(alice, ch, 'commentable');
        await rejectsWith(bob.comment(ch, id, ' '), 'validation-failed', 'text', 'required');
        await rejectsWith(bob.comment(ch, id, 'y'.repeat(MAX_COMMENT_LENGTH + 1)), 'validation-failed', 'text', 'too-long');
      });

      it('leaves nothing behind when a write is refused', async () => {
        const fresh = await env.newChannel();
        await rejectsWith(post(alice, fresh, ''), 'validation-failed');
        await rejectsWith(post(alice, fresh, 'x', 'gossip'), 'validation-failed');
        const f = feed(alice, fresh);
        const page = await f.until(() => true, 'the feed');
        assert.equal(page.posts.length, 0);
      });
    });

    describe('hiding', () => {
      it('hides a post from everyone but admins, who see it marked hidden', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'offensive');
        await post(alice, ch, 'fine');
        await rejectsWith(bob.hidePost(ch, id, true), 'permission-denied');
        await rejectsWith(alice.hidePost(ch, id, true), 'permission-denied');
        const forAdmin = feed(admin, ch);
        const forBob = feed(bob, ch);
        await forBob.until((p) => p.posts.length === 2, 'both posts');
        await admin.hidePost(ch, id, true);
        const b = await forBob.until((p) => p.posts.length === 1, 'the hidden post gone');
        assert.deepEqual(texts(b), ['fine']);
        const a = await forAdmin.until((p) => p.posts.some((x) => x.id === id && x.hidden), 'the post marked hidden');
        assert.equal(a.posts.length, 2);
        await admin.hidePost(ch, id, false);
        await forBob.until((p) => p.posts.length === 2, 'the post back');
        assert.equal(forBob.last.posts.find((x) => x.id === id)?.hidden, false);
      });

      it('hides an idea from everyone else\'s board but the admins\', where it stays marked hidden', async () => {
        const ch = await env.newChannel();
        const id = await idea(alice, ch, 'Nap pods');
        await idea(alice, ch, 'Bike shed');
        const forAdmin = watch<Idea[]>((cb, e) => admin.subscribeIdeas(ch, cb, e));
        const forBob = watch<Idea[]>((cb, e) => bob.subscribeIdeas(ch, cb, e));
        await forBob.until((l) => l.length === 2, 'both ideas');
        await admin.hidePost(ch, id, true);
        const b = await forBob.until((l) => l.length === 1, 'the hidden idea gone');
        assert.equal(b[0]!.idea?.title, 'Bike shed');
        const a = await forAdmin.until((l) => l.some((x) => x.id === id && x.hidden), 'the idea marked hidden');
        assert.equal(a.length, 2);
        await admin.hidePost(ch, id, false);
        await forBob.until((l) => l.length === 2, 'the idea back');
      });
    });

    describe('likes', () => {
      let ch: ChannelId;
      before(async () => {
        ch = await env.newChannel();
      });

      it('counts each person once, lists likers newest first, and updates others live', async () => {
        const id = await post(alice, ch, 'likeable');
        const target = postTarget(ch, id);
        const forAlice = watch<LikeState>((cb, e) => alice.subscribeLikes(target, cb, e));
        const forBob = watch<LikeState>((cb, e) => bob.subscribeLikes(target, cb, e));
        await until(() => forAlice.values.length > 0 && forBob.values.length > 0, 'the like states');
        assert.equal(forBob.last.count, 0);
        await alice.like(target);
        let b = await forBob.until((s) => s.count === 1, "bob seeing alice's like");
        assert.equal(b.mine, false);
        assert.equal(forAlice.last.mine, true);
        await nextMillisecond();
        await bob.like(target);
        b = await forBob.until((s) => s.count === 2, 'two likes');
        assert.equal(b.mine, true);
        assert.deepEqual([...b.likers], [B, A]);
        // A read answers from what this client has heard (both SDKs answer a get() from an active
        // listener's view), so ask alice once her listener has heard of bob's like.
        let a = await forAlice.until((s) => s.count === 2 && s.likers.length === 2, 'alice seeing two');
        assert.deepEqual([...a.likers], [B, A]);
        assert.deepEqual([...(await alice.getLikers(target))], [B, A]);
        // Liking again is a no-op that still resolves.
        await bob.like(target);
        a = await forAlice.until((s) => s.count === 2 && s.likers.length === 2, 'alice seeing two');
        assert.equal(a.mine, true);
        const f = feed(alice, ch);
        await f.until((p) => p.posts.find((x) => x.id === id)?.likeCount === 2, 'likeCount 2 on the post');
        await bob.unlike(target);
        b = await forBob.until((s) => s.count === 1, 'the unlike');
        assert.equal(b.mine, false);
        assert.deepEqual([...b.likers], [A]);
        await f.until((p) => p.posts.find((x) => x.id === id)?.likeCount === 1, 'likeCount 1 on the post');
        // Unliking what one does not like changes nothing.
        await bob.unlike(target);
        await alice.like(target);
        await until(() => forAlice.last.count === 1, 'the count to stay 1');
        assert.equal(forBob.last.count, 1);
      });

      it('names a post deleted after it was shown as not found when liked, and withdraws a like from it', async () => {
        const ch2 = await env.newChannel();
        const gone = await post(alice, ch2, 'soon gone');
        const liked = await post(alice, ch2, 'liked, then gone');
        await bob.like(postTarget(ch2, liked));
        const f = feed(bob, ch2);
        await f.until((p) => p.posts.length === 2, 'both posts in bob’s feed');
        await alice.deletePost(ch2, gone);
        await alice.deletePost(ch2, liked);
        await f.until((p) => p.posts.length === 0, 'the posts gone from the feed');
        await rejectsWith(bob.like(postTarget(ch2, gone)), 'not-found');
        await bob.unlike(postTarget(ch2, liked));
        const mine = watch<ReadonlySet<LikeTarget>>((cb, e) => bob.subscribeMyLikes(cb, e));
        await mine.until((s) => !s.has(postTarget(ch2, liked)), 'the like withdrawn');
      });

      it('likes any target, such as a page, and lists what I like', async () => {
        const page: LikeTarget = pageTarget(`https://intranet.example.com/news/${Date.now()}/a.b#top`);
        const mine = watch<ReadonlySet<LikeTarget>>((cb, e) => bob.subscribeMyLikes(cb, e));
        const state = watch<LikeState>((cb, e) => alice.subscribeLikes(page, cb, e));
        await until(() => mine.values.length > 0 && state.values.length > 0, 'the subscriptions');
        assert.equal(mine.last.has(page), false);
        await bob.like(page);
        await admin.like(page);
        const s = await state.until((x) => x.count === 2, 'two page likes');
        assert.equal(s.mine, false);
        await mine.until((set) => set.has(page), 'the page in my likes');
        await bob.unlike(page);
        await state.until((x) => x.count === 1, 'one page like');
        await mine.until((set) => !set.has(page), 'the page gone from my likes');
      });

      it('notifies the author of a like, but not of their own', async () => {
        const id = await post(alice, ch, 'notify me');
        const inbox = notificationsOf(alice);
        await until(() => inbox.values.length > 0, 'the inbox');
        await alice.like(postTarget(ch, id));
        await bob.like(postTarget(ch, id));
        const n = await inbox.until((l) => l.some((x) => x.post === id && x.type === 'liked'), 'the like notification');
        const likes = n.filter((x) => x.post === id && x.type === 'liked');
        assert.equal(likes.length, 1);
        assert.equal(likes[0]!.actor, B);
        assert.equal(likes[0]!.channel, ch);
        assert.equal(likes[0]!.read, false);
      });
    });

    describe('comments', () => {
      it('adds a comment live, bumps the count and notifies the author', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'discuss');
        const list = watch<Comment[]>((cb, e) => alice.subscribeComments(ch, id, cb, e));
        const seen = watch<Post | null>((cb, e) => alice.subscribePost(ch, id, cb, e));
        const inbox = notificationsOf(alice);
        await until(() => list.values.length > 0 && seen.values.length > 0, 'the subscriptions');
        assert.deepEqual(list.last, []);
        const cid = await bob.comment(ch, id, 'I agree');
        await nextMillisecond();
        await alice.comment(ch, id, 'Thanks');
        const comments = await list.until((c) => c.length === 2, 'two comments');
        assert.deepEqual(comments.map((c) => [c.author, c.text]), [[B, 'I agree'], [A, 'Thanks']]);
        assert.equal(comments[0]!.id, cid);
        assert.equal(comments[0]!.post, id);
        assert.ok(comments[0]!.createdAt instanceof Date);
        await seen.until((p) => p?.commentCount === 2, 'commentCount 2');
        const n = await inbox.until((l) => l.some((x) => x.post === id && x.type === 'commented'), 'the comment notification');
        assert.deepEqual(n.filter((x) => x.post === id && x.type === 'commented').map((x) => x.actor), [B]);
      });
    });

    describe('reports', () => {
      it('stores a report for the admins', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'questionable');
        await bob.report(ch, id, 'Not appropriate');
        await rejectsWith(bob.report(ch, id, 'r'.repeat(MAX_REASON_LENGTH + 1)), 'validation-failed', 'reason', 'too-long');
        const reports = (await env.reports()).filter((r) => r.post === id);
        assert.equal(reports.length, 1);
        assert.equal(reports[0]!.channel, ch);
        assert.equal(reports[0]!.by, B);
        assert.equal(reports[0]!.reason, 'Not appropriate');
        assert.ok(reports[0]!.createdAt instanceof Date);
      });
    });

    describe('administration', { skip: options.skip?.administration ?? false }, () => {
      const reportsOf = (store: LenigStore) => watch<Report[]>((cb, e) => store.subscribeReports(cb, e));

      it('shows admins the reports live, newest first, and refuses them to others', async () => {
        const ch = await env.newChannel();
        const id = await post(bob, ch, 'reported post');
        const inbox = reportsOf(admin);
        const refused = reportsOf(alice);
        await until(() => refused.errors.length > 0, "alice's refusal");
        assert.ok(isStoreError(refused.errors[0]) && refused.errors[0].code === 'permission-denied', String(refused.errors[0]));
        await alice.report(ch, id, 'Not okay');
        const first = await inbox.until((rs) => rs.some((r) => r.post === id), 'the report in the inbox');
        const r = first.find((x) => x.post === id)!;
        assert.equal(r.by, A);
        assert.equal(r.channel, ch);
        assert.equal(r.reason, 'Not okay');
        assert.equal(r.resolved, undefined);
        await bob.report(ch, id, 'Really');
        const both = await inbox.until((rs) => rs.filter((x) => x.post === id).length === 2, 'the second report');
        assert.equal(both.filter((x) => x.post === id)[0]!.reason, 'Really', 'newest first');
      });

      it('hides the reported post and keeps who handled the report and when; once only, by admins only', async () => {
        const ch = await env.newChannel();
        const id = await post(bob, ch, 'to hide');
        await alice.report(ch, id, 'Offensive');
        const inbox = reportsOf(admin);
        const report = (await inbox.until((rs) => rs.some((r) => r.post === id), 'the report')).find((r) => r.post === id)!;
        const forBob = feed(bob, ch);
        await forBob.until((p) => p.posts.length === 1, "bob's post");
        await rejectsWith(alice.resolveReport(report.id, 'hidden'), 'permission-denied');
        const t = Date.now();
        await admin.resolveReport(report.id, 'hidden');
        await forBob.until((p) => p.posts.length === 0, 'the post hidden from bob');
        const handled = (await inbox.until((rs) => rs.some((r) => r.id === report.id && r.resolved !== undefined), 'handled')).find((r) => r.id === report.id)!;
        assert.equal(handled.resolved?.by, ADMIN);
        assert.equal(handled.resolved?.action, 'hidden');
        assert.ok(handled.resolved!.at.getTime() >= t - 5000);
        // Handled already (another admin was first): said as such, not as input to correct.
        await rejectsWith(admin.resolveReport(report.id, 'dismissed'), 'validation-failed', 'report', 'handled');
        await rejectsWith(admin.resolveReport('no-such-report', 'dismissed'), 'not-found');
        await rejectsWith(admin.resolveReport(report.id, 'ignored' as never), 'validation-failed', 'action');
      });

      it('keeps the reported text as it was: the author editing the post or deleting it afterwards leaves the report as it was', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'Something unkind');
        const remark = await alice.comment(ch, id, 'An unkind remark');
        await bob.report(ch, id, 'Unkind');
        await bob.report(ch, id, 'Rude', remark);
        const inbox = reportsOf(admin);
        const two = await inbox.until((rs) => rs.filter((r) => r.post === id).length === 2, 'both reports');
        await alice.editPost(ch, id, 'Something kind');
        await alice.deletePost(ch, id);
        const mine = two.filter((r) => r.post === id);
        assert.equal(mine.find((r) => r.comment === undefined)?.text, 'Something unkind');
        assert.equal(mine.find((r) => r.comment === remark)?.text, 'An unkind remark');
        // The edit and the deletion changed nothing in the reports.
        const stored = (await env.reports()).filter((r) => r.post === id);
        assert.deepEqual(stored.map((r) => r.text).sort(), ['An unkind remark', 'Something unkind']);
      });

      it('deletes a reported comment, counted out, and dismisses a report', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'with comments');
        const rude = await bob.comment(ch, id, 'Rude remark');
        await bob.comment(ch, id, 'Kind remark');
        await alice.report(ch, id, 'Rude', rude);
        await rejectsWith(alice.report(ch, id, 'x', 'no-such-comment'), 'not-found');
        const inbox = reportsOf(admin);
        const report = (await inbox.until((rs) => rs.some((r) => r.comment === rude), 'the comment report')).find((r) => r.comment === rude)!;
        assert.equal(report.post, id);
        const comments = watch<Comment[]>((cb, e) => alice.subscribeComments(ch, id, cb, e));
        await comments.until((cs) => cs.length === 2, 'two comments');
        await admin.resolveReport(report.id, 'comment-deleted');
        const left = await comments.until((cs) => cs.length === 1, 'the rude comment gone');
        assert.equal(left[0]!.text, 'Kind remark');
        const p = watch<Post | null>((cb, e) => alice.subscribePost(ch, id, cb, e));
        await p.until((x) => x?.commentCount === 1, 'the count down');
        await alice.report(ch, id, 'Spam');
        const spam = (await inbox.until((rs) => rs.some((r) => r.reason === 'Spam' && r.post === id), 'the spam report')).find((r) => r.reason === 'Spam')!;
        await rejectsWith(admin.resolveReport(spam.id, 'comment-deleted'), 'validation-failed', 'action');
        await admin.resolveReport(spam.id, 'dismissed');
        await inbox.until((rs) => rs.find((r) => r.id === spam.id)?.resolved?.action === 'dismissed', 'dismissed');
        await p.until((x) => x?.hidden === false && x.commentCount === 1, 'the post left alone');
      });

      it('lets admins delete a comment, and no one else', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'commented');
        const cid = await bob.comment(ch, id, 'Off topic');
        await rejectsWith(alice.deleteComment(ch, id, cid), 'permission-denied');
        await rejectsWith(bob.deleteComment(ch, id, cid), 'permission-denied');
        await admin.deleteComment(ch, id, cid);
        const comments = watch<Comment[]>((cb, e) => bob.subscribeComments(ch, id, cb, e));
        await comments.until((cs) => cs.length === 0, 'no comments');
        await rejectsWith(admin.deleteComment(ch, id, cid), 'not-found');
      });

      it('creates, renames, describes, orders and archives channels; archived ones are read-only', async () => {
        const ch = `adm${Date.now().toString(36)}`;
        await rejectsWith(alice.createChannel({ id: ch, name: 'Mine' }), 'permission-denied');
        await rejectsWith(admin.createChannel({ id: ch, name: '  ' }), 'validation-failed', 'name', 'required');
        await rejectsWith(admin.createChannel({ id: 'no/slash', name: 'X' }), 'validation-failed', 'channel', 'invalid');
        await rejectsWith(admin.createChannel({ id: ch, name: 'X', categories: [] }), 'validation-failed', 'categories', 'required');
        await admin.createChannel({ id: ch, name: 'HR news', description: 'From HR' });
        await rejectsWith(admin.createChannel({ id: ch, name: 'Again' }), 'validation-failed', 'id', 'taken');
        const all = watch<Channel[]>((cb, e) => alice.subscribeChannels(cb, e));
        const listed = (await all.until((cs) => cs.some((c) => c.id === ch), 'the new channel listed')).find((c) => c.id === ch)!;
        assert.deepEqual(listed.categories, [...DEFAULT_CATEGORIES]);
        assert.equal(listed.description, 'From HR');
        const one = watch<Channel>((cb, e) => bob.subscribeChannel(ch, cb, e));
        await one.until((c) => c.name === 'HR news', 'the channel');
        await rejectsWith(bob.updateChannel(ch, { archived: true }), 'permission-denied');
        await admin.updateChannel(ch, { name: 'People news', description: '', categories: ['question', 'news'] });
        const renamed = await one.until((c) => c.name === 'People news', 'renamed');
        assert.deepEqual(renamed.categories, ['question', 'news']);
        assert.equal(renamed.description, undefined);
        const id = await post(alice, ch, 'before archiving');
        await alice.like(postTarget(ch, id));
        await admin.updateChannel(ch, { archived: true });
        await one.until((c) => c.archived === true, 'archived');
        await rejectsWith(post(alice, ch, 'after archiving'), 'permission-denied');
        await rejectsWith(alice.editPost(ch, id, 'edited'), 'permission-denied');
        await rejectsWith(bob.comment(ch, id, 'late'), 'permission-denied');
        // Read-only includes likes: neither a new like nor taking one back.
        await rejectsWith(bob.like(postTarget(ch, id)), 'permission-denied');
        await rejectsWith(alice.unlike(postTarget(ch, id)), 'permission-denied');
        const f = feed(bob, ch);
        const kept = await f.until((p) => p.posts.length === 1, 'still readable');
        assert.deepEqual(texts(kept), ['before archiving']);
        assert.equal(kept.posts[0]!.likeCount, 1);
        await admin.updateChannel(ch, { archived: false });
        await one.until((c) => c.archived === undefined, 'reopened');
        await bob.comment(ch, id, 'back again');
        await bob.like(postTarget(ch, id));
        await alice.unlike(postTarget(ch, id));
        await f.until((p) => p.posts[0]?.likeCount === 1 && p.posts[0].commentCount === 1, 'a like and a comment after reopening');
        await rejectsWith(admin.updateChannel('no-such-channel', { name: 'X' }), 'not-found');
      });

      it('says a post in an archived channel has its likes archived, live; a page never is', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'liked before archiving');
        await bob.like(postTarget(ch, id));
        const page: LikeTarget = pageTarget(`https://intranet.example.com/archived/${Date.now()}`);
        const ofPost = watch<LikeState>((cb, e) => alice.subscribeLikes(postTarget(ch, id), cb, e));
        const ofPage = watch<LikeState>((cb, e) => alice.subscribeLikes(page, cb, e));
        const open = await ofPost.until((s) => s.count === 1, 'the like state of the post');
        assert.equal(open.archived, undefined);
        await admin.updateChannel(ch, { archived: true });
        const closed = await ofPost.until((s) => s.archived === true, 'the post archived');
        assert.equal(closed.count, 1, 'the count still shows');
        assert.deepEqual([...closed.likers], [B]);
        // A subscription started after archiving knows at once, before any like is tried.
        const late = watch<LikeState>((cb, e) => bob.subscribeLikes(postTarget(ch, id), cb, e));
        await until(() => late.values.length > 0, 'the state of a late subscriber');
        const first = late.values[0]!;
        assert.equal(first.archived, true);
        assert.equal(first.mine, true);
        await rejectsWith(alice.like(postTarget(ch, id)), 'permission-denied');
        assert.equal(ofPage.last.archived, undefined, 'a page is never archived');
        await admin.updateChannel(ch, { archived: false });
        await ofPost.until((s) => s.archived === undefined, 'the post open again');
        assert.equal(ofPage.last.archived, undefined);
        assert.deepEqual(ofPost.errors, []);
        assert.deepEqual(ofPage.errors, []);
      });

      it('says the posts of a deleted channel have their likes closed, live; they still show and can be reported, and a like, unlike, reply or edit is refused', async () => {
        const ch = await env.newChannel();
        const id = await post(alice, ch, 'left behind');
        await bob.like(postTarget(ch, id));
        const ofPost = watch<LikeState>((cb, e) => alice.subscribeLikes(postTarget(ch, id), cb, e));
        const open = await ofPost.until((s) => s.count === 1, 'the like state of the post');
        assert.equal(open.archived, undefined);
        assert.equal(open.channelDeleted, undefined);
        await env.deleteChannel(ch);
        const closed = await ofPost.until((s) => s.channelDeleted === true, 'the channel gone');
        assert.equal(closed.archived, true, 'read-only as an archived channel');
        assert.equal(closed.count, 1, 'the count still shows');
        // A subscription started afterwards knows at once, before any like is tried.
        const late = watch<LikeState>((cb, e) => bob.subscribeLikes(postTarget(ch, id), cb, e));
        await until(() => late.values.length > 0, 'the state of a late subscriber');
        assert.equal(late.values[0]!.channelDeleted, true);
        assert.equal(late.values[0]!.mine, true);
        // The posts left behind still show in the channel's feed.
        const f = feed(bob, ch);
        assert.deepEqual((await f.until((p) => p.posts.length > 0, 'the feed')).posts.map((p) => p.id), [id]);
        const named = (e: unknown) => isStoreError(e) && e.code === 'permission-denied' && /no longer exists/.test(e.message);
        await assert.rejects(alice.like(postTarget(ch, id)), named);
        await assert.rejects(bob.unlike(postTarget(ch, id)), named);
        await assert.rejects(bob.comment(ch, id, 'anyone there?'), named);
        await assert.rejects(alice.editPost(ch, id, 'changed'), named);
        // Reported all the same: a page that names the channel still shows the post, and a report is how
        // admins hear of what stayed behind.
        await bob.report(ch, id, 'Still here');
        const inbox = reportsOf(admin);
        const reported = (await inbox.until((rs) => rs.some((r) => r.post === id), 'the report in the inbox')).find((r) => r.post === id)!;
        assert.equal(reported.channel, ch);
        assert.equal(reported.text, 'left behind');
        assert.deepEqual(ofPost.errors, []);
      });

      it('lists the ideas left in a deleted channel, live, and refuses new ones, status, owner and merge there; a deleted channel without ideas is not-found', async () => {
        const ch = await env.newChannel();
        const id = await idea(alice, ch, 'Left behind');
        const dup = await idea(bob, ch, 'Left behind too');
        const board = watch<Idea[]>((cb, e) => bob.subscribeIdeas(ch, cb, e));
        await board.until((l) => l.length === 2, 'the ideas');
        await env.deleteChannel(ch);
        // A board opened afterwards still shows the idea (the board reads the channel as closed).
        const late = watch<Idea[]>((cb, e) => alice.subscribeIdeas(ch, cb, e));
        assert.deepEqual((await late.until((l) => l.length === 2, 'the ideas, after the deletion')).map((i) => i.id).sort(), [id, dup].sort());
        assert.deepEqual(board.errors, []);
        assert.deepEqual(late.errors, []);
        // Nothing moves there: a new idea (the channel is not found, as one never made), a status, an owner
        // or a merge is refused, saying why.
        await rejectsWith(idea(alice, ch, 'Also left'), 'not-found');
        const gone = (e: unknown) => isStoreError(e) && e.code === 'permission-denied' && /no longer exists/.test(e.message);
        await assert.rejects(admin.setIdeaStatus(ch, id, 'planned', 'Still on'), gone);
        await assert.rejects(admin.assignIdea(ch, id, B), gone);
        await assert.rejects(admin.mergeIdea(ch, dup, id), gone);
        const empty = await env.newChannel();
        await env.deleteChannel(empty);
        const none = watch<Idea[]>((cb, e) => alice.subscribeIdeas(empty, cb, e));
        await until(() => none.errors.length > 0, 'the empty deleted channel named');
        assert.ok(isStoreError(none.errors[0]) && none.errors[0].code === 'not-found', String(none.errors[0]));
      });

      it('creates a channel once when two creates of one id race: the other is told the id is taken, and nothing is overwritten', async () => {
        const ch = `race${Date.now().toString(36)}`;
        // Both read "no such channel" before either writes, as two admins at two desks do.
        const [first, second] = await Promise.allSettled([
          admin.createChannel({ id: ch, name: 'First', description: 'Made first' }),
          admin.createChannel({ id: ch, name: 'Second', categories: ['news'] }),
        ]);
        const outcomes = [first.status, second.status];
        assert.deepEqual([...outcomes].sort(), ['fulfilled', 'rejected'], `one create succeeds, one is refused: ${outcomes.join(', ')}`);
        const refused = (first.status === 'rejected' ? first : second) as PromiseRejectedResult;
        assert.ok(isStoreError(refused.reason), String(refused.reason));
        assert.deepEqual([refused.reason.code, refused.reason.field, refused.reason.reason], ['validation-failed', 'id', 'taken']);
        const winner = first.status === 'fulfilled' ? { name: 'First', description: 'Made first' } : { name: 'Second', description: undefined };
        const stored = await watch<Channel>((cb, e) => bob.subscribeChannel(ch, cb, e)).until(() => true, 'the channel');
        assert.deepEqual({ name: stored.name, description: stored.description }, winner, "the winner's channel, not a mix or the loser's");
        // The winner's create asked again (its answer lost, Try again): the channel is there as asked, so it is
        // done, not "taken" — while the loser asking again is still told the id is taken.
        const win = first.status === 'fulfilled' ? { id: ch, name: 'First', description: 'Made first' } : { id: ch, name: 'Second', categories: ['news'] };
        const lose = first.status === 'fulfilled' ? { id: ch, name: 'Second', categories: ['news'] } : { id: ch, name: 'First', description: 'Made first' };
        await admin.createChannel(win);
        await rejectsWith(admin.createChannel(lose), 'validation-failed', 'id', 'taken');
      });

      it('names a channel per interface language; a blank one falls back to the name, a bad tag is refused', async () => {
        const ch = `names${Date.now().toString(36)}`;
        await rejectsWith(admin.createChannel({ id: ch, name: 'X', names: { 'not a tag': 'Y' } }), 'validation-failed', 'names', 'invalid');
        await rejectsWith(admin.createChannel({ id: ch, name: 'X', names: { en: 'x'.repeat(101) } }), 'validation-failed', 'names', 'too-long');
        await rejectsWith(admin.createChannel({ id: ch, name: 'X', names: 'Company news' as never }), 'validation-failed', 'names', 'invalid');
        await admin.createChannel({ id: ch, name: 'Bedrijfsnieuws', names: { en: ' Company news ', nl: 'Bedrijfsnieuws', de: '  ' } });
        const one = watch<Channel>((cb, e) => bob.subscribeChannel(ch, cb, e));
        const created = await one.until((c) => c.names !== undefined, 'the names');
        assert.equal(created.name, 'Bedrijfsnieuws');
        assert.deepEqual(created.names, { en: 'Company news', nl: 'Bedrijfsnieuws' });
        await rejectsWith(bob.updateChannel(ch, { names: { en: 'Mine' } }), 'permission-denied');
        await admin.updateChannel(ch, { names: { en: 'Company updates', 'pt-br': 'Notícias' } });
        const renamed = await one.until((c) => c.names?.en === 'Company updates', 'renamed in English');
        assert.deepEqual(renamed.names, { en: 'Company updates', 'pt-br': 'Notícias' });
        await admin.updateChannel(ch, { names: {} });
        const cleared = await one.until((c) => c.names === undefined, 'names removed');
        assert.equal(cleared.name, 'Bedrijfsnieuws');
      });

      it('adds and removes admins, never the last one', async () => {
        const list = watch<UserId[]>((cb, e) => alice.subscribeAdmins(cb, e));
        try {
          assert.deepEqual(await list.until((l) => l.length > 0, 'the admins'), [ADMIN]);
          await rejectsWith(alice.addAdmin(B), 'permission-denied');
          await admin.addAdmin(B);
          await list.until((l) => l.includes(B), 'bob added');
          const vb = watch<Viewer | null>((cb) => bob.subscribeViewer(cb));
          await vb.until((v) => v?.admin === true, 'bob is admin');
          // Bob, now an admin, may remove the first admin; then he is the last and cannot go.
          await bob.removeAdmin(ADMIN);
          await list.until((l) => l.length === 1 && l[0] === B, 'only bob');
          await rejectsWith(bob.removeAdmin(B), 'permission-denied');
          await bob.addAdmin(ADMIN);
          await list.until((l) => l.length === 2, 'both');
          // The admin acts once its own view says it is admin again, as its console would: until then its
          // store still holds the removal it heard, and refuses as the console would show it.
          const va = watch<Viewer | null>((cb) => admin.subscribeViewer(cb));
          await va.until((v) => v?.admin === true, 'the admin sees it is admin again');
          await admin.removeAdmin(B);
          await list.until((l) => l.length === 1 && l[0] === ADMIN, 'the admin alone again');
          await vb.until((v) => v?.admin === false, 'bob no longer admin');
          await rejectsWith(admin.removeAdmin(ADMIN), 'permission-denied');
        } finally {
          // Whatever failed above, the tests after this one start from the admin alone, as they expect.
          await bob.addAdmin(ADMIN).catch(() => undefined);
          await watch<Viewer | null>((cb) => admin.subscribeViewer(cb)).until((v) => v?.admin === true, 'the admin is admin').catch(() => undefined);
          await admin.removeAdmin(B).catch(() => undefined);
        }
      });

      it("corrects someone's display name; only admins may", async () => {
        await alice.updateMyProfile({ name: 'Alice Vermeer', jobTitle: 'Designer' });
        await rejectsWith(bob.setProfileName(A, 'Alice the Liar'), 'permission-denied');
        await rejectsWith(admin.setProfileName(A, ''), 'validation-failed', 'name', 'required');
        await admin.setProfileName(A, 'Alice van Vermeer');
        const seen = watch<Profile | null>((cb, e) => bob.subscribeProfile(A, cb, e));
        const p = await seen.until((x) => x?.name === 'Alice van Vermeer', 'the corrected name');
        assert.equal(p?.jobTitle, 'Designer', 'the rest of the profile stays');
        assert.deepEqual((await bob.searchProfiles('van')).map((x) => x.uid), [A]);
        await alice.updateMyProfile({ name: 'Alice Vermeer', jobTitle: 'Designer' });
      });

      it('shows admins what one person wrote, newest first, and exports just that person; refuses everyone else', async () => {
        const ch = await env.newChannel();
        const first = await post(alice, ch, 'alice first');
        await nextMillisecond();
        const other = await post(bob, ch, 'bob writes');
        const mine = await alice.comment(ch, other, 'alice comments on bob');
        await bob.comment(ch, other, 'bob answers');
        await nextMillisecond();
        const second = await post(alice, ch, 'alice second');
        await bob.like(postTarget(ch, first));
        await alice.like(postTarget(ch, other));
        await alice.report(ch, other, 'alice reports');
        await rejectsWith(alice.exportPerson(A), 'permission-denied');
        await rejectsWith(bob.exportPerson(A), 'permission-denied');
        await rejectsWith(admin.exportPerson('no/such'), 'validation-failed', 'person');

        const seen: number[] = [];
        const got = await admin.exportPerson(A, (p) => seen.push(p.done / p.total));
        assert.deepEqual(got.posts.filter((p) => p.channel === ch).map((p) => p.id), [second, first], 'her posts, newest first');
        assert.ok(got.posts.every((p) => p.author === A));
        const c = got.comments.filter((x) => x.channel === ch);
        assert.deepEqual(c.map((x) => x.comment.id), [mine]);
        assert.equal(c[0]!.comment.text, 'alice comments on bob');
        assert.equal(c[0]!.post?.text, 'bob writes', 'with the post it is on');
        assert.equal(seen.at(-1), 1, 'progress ends at 100 %');

        const e = got.export;
        assert.equal(e.format, 'lenig-export');
        assert.equal(e.person, A);
        const data = e.data as Record<string, Record<string, Record<string, unknown>>>;
        assert.deepEqual(Object.keys(data.posts![ch]!).sort(), [first, second].sort(), "only alice's posts");
        assert.deepEqual(Object.keys(data.comments![ch]!), [other]);
        assert.deepEqual(Object.keys(data.comments![ch]![other] as object), [mine], "only alice's comment");
        assert.deepEqual(Object.values(data.likes!).map((byUid) => Object.keys(byUid as object)), Object.values(data.likes!).map(() => [A]), "only alice's likes");
        assert.ok(Object.keys(data.likes!).length >= 1);
        assert.ok(Object.values(data.reports!).every((r) => (r as { by: string }).by === A));
        assert.ok(data.channels![ch], 'the channel she wrote in, for its name');
        assert.equal(JSON.stringify(e).includes('bob answers'), false, "nothing of bob's");

        const none = await admin.exportPerson(ADMIN);
        assert.deepEqual(none.posts.filter((p) => p.channel === ch), [], 'someone who wrote nothing here');
      });

      it("exports what a deleted channel left behind, in everything and in the data of a person who wrote there", async () => {
        const ch = await env.newChannel();
        const hers = await post(alice, ch, 'alice, left behind');
        await nextMillisecond();
        const his = await post(bob, ch, 'bob, left behind');
        const answer = await alice.comment(ch, his, 'alice answers, left behind');
        await bob.comment(ch, his, 'bob answers, left behind');
        await bob.like(postTarget(ch, hers));
        await alice.like(postTarget(ch, his));
        await env.deleteChannel(ch);
        // The admin acts once it has heard the record go, as its console would.
        const listed = watch<Channel[]>((cb, e) => admin.subscribeChannels(cb, e));
        await listed.until((l) => l.length > 0 && !l.some((c) => c.id === ch), 'the channel gone from the list');
        const never = `never${Date.now().toString(36)}`;
        type Tree = Record<string, Record<string, Record<string, unknown>>>;

        const progress: { done: number; total: number }[] = [];
        const all = await admin.exportData({}, (p) => progress.push(p));
        const data = all.data as Tree;
        assert.equal(data.channels?.[ch], undefined, 'its record is gone');
        assert.deepEqual(Object.keys(data.posts?.[ch] ?? {}).sort(), [hers, his].sort(), 'its posts');
        assert.equal((data.comments?.[ch]?.[his] as Record<string, { text: string }> | undefined)?.[answer]?.text, 'alice answers, left behind', 'its comments');
        assert.equal(Object.keys((data.comments?.[ch]?.[his] as object | undefined) ?? {}).length, 2);
        assert.ok(data.stats?.[ch], 'its stats');
        assert.ok((data.likes?.[encodeKey(postTarget(ch, hers))] as Record<string, unknown> | undefined)?.[B], 'the likes of its posts');
        assert.ok(all.deletedChannels?.includes(ch), 'named as deleted');
        for (const id of all.deletedChannels ?? []) {
          assert.equal(data.channels?.[id], undefined, `${id} listed as deleted has no record`);
          assert.ok(['posts', 'comments', 'ideaHistory', 'stats'].some((root) => data[root]?.[id] !== undefined), `${id} listed as deleted holds something`);
        }
        for (const root of ['channels', 'posts', 'comments', 'ideaHistory', 'stats']) assert.equal(data[root]?.[never], undefined, 'a channel that never was adds nothing');
        assert.equal(all.deletedChannels?.includes(never), false);
        assert.ok(progress.every((p) => p.done <= p.total), `progress within its total: ${JSON.stringify(progress)}`);
        assert.deepEqual(progress.at(-1), { ...progress.at(-1), done: progress.at(-1)!.total }, 'progress ends at 100 %');

        // By its id: what it left, named as deleted; a channel that never was is not found.
        const one = await admin.exportData({ channel: ch });
        assert.equal(one.channel, ch);
        assert.deepEqual(one.deletedChannels, [ch]);
        assert.deepEqual(Object.keys((one.data as Tree).posts?.[ch] ?? {}).sort(), [hers, his].sort());
        await assert.rejects(admin.exportData({ channel: never }), (e: unknown) => isStoreError(e) && e.code === 'not-found' && e.message.includes(never));

        const got = await admin.exportPerson(A);
        assert.deepEqual(got.posts.filter((p) => p.channel === ch).map((p) => p.id), [hers], 'her post there');
        const c = got.comments.filter((x) => x.channel === ch);
        assert.deepEqual(c.map((x) => x.comment.id), [answer], 'her comment there');
        assert.equal(c[0]!.post?.text, 'bob, left behind', 'with the post it is on');
        const mine = got.export.data as Tree;
        assert.deepEqual(Object.keys(mine.posts?.[ch] ?? {}), [hers]);
        assert.deepEqual(Object.keys((mine.comments?.[ch]?.[his] as object | undefined) ?? {}), [answer]);
        assert.ok((mine.likes?.[encodeKey(postTarget(ch, his))] as Record<string, unknown> | undefined)?.[A], 'her like there');
        assert.equal(mine.channels?.[ch], undefined);
        assert.ok(got.export.deletedChannels?.includes(ch), 'named as deleted');
        assert.equal(JSON.stringify(got.export).includes('bob answers, left behind'), false, "nothing of bob's");
        const none = await admin.exportPerson(ADMIN);
        assert.equal(none.export.deletedChannels?.includes(ch) ?? false, false, 'not in the data of someone who wrote nothing there');
      });

      it('refuses the first run once the database has an admin', async () => {
        await rejectsWith(bob.setUp({ id: 'second-start', name: 'Second' }), 'permission-denied');
        await rejectsWith(anon.setUp({ id: 'second-start', name: 'Second' }), 'unauthenticated');
      });
    });

    describe('mentions', () => {
      it('notifies each mentioned user once', async () => {
        const ch = await env.newChannel();
        const inbox = notificationsOf(bob);
        await until(() => inbox.values.length > 0, 'the inbox');
        const id = await alice.createPost({ channel: ch, text: '@Bob look', category: 'news', mentions: [B, B] });
        const n = await inbox.until((l) => l.some((x) => x.post === id), 'the mention');
        const mine = n.filter((x) => x.post === id);
        assert.deepEqual(mine.map((x) => [x.type, x.actor, x.channel]), [['mentioned', A, ch]]);
      });
    });

    describe('ideas', () => {
      let ch: ChannelId;
      before(async () => {
        ch = await env.newChannel();
      });

      it('creates an idea with status new on the board', async () => {
        const board = watch<Idea[]>((cb, e) => bob.subscribeIdeas(ch, cb, e));
        const id = await idea(alice, ch, 'Standing desks');
        await post(alice, ch, 'not an idea');
        const ideas = await board.until((l) => l.some((x) => x.id === id), 'the idea');
        const it1 = ideas.find((x) => x.id === id)!;
        assert.equal(it1.idea.title, 'Standing desks');
        assert.equal(it1.idea.status, 'new');
        assert.equal(it1.category, 'idea');
        assert.equal(it1.author, A);
        assert.ok(ideas.every((x) => x.category === 'idea'));
      });

      it('lets the owner or an admin change the status, with a note, and tells the author and voters', async () => {
        const id = await idea(alice, ch, 'Bike shed');
        await bob.like(postTarget(ch, id));
        // The admin votes too, so only the "not the actor" rule keeps them out of the recipients.
        await admin.like(postTarget(ch, id));
        const history = watch<IdeaHistoryEntry[]>((cb, e) => bob.subscribeIdeaHistory(ch, id, cb, e));
        const aliceInbox = notificationsOf(alice);
        const bobInbox = notificationsOf(bob);
        const adminInbox = notificationsOf(admin);
        await rejectsWith(bob.setIdeaStatus(ch, id, 'planned', 'I like it'), 'permission-denied');
        await rejectsWith(alice.setIdeaStatus(ch, id, 'planned', 'My own'), 'permission-denied');
        await rejectsWith(admin.setIdeaStatus(ch, id, 'planned', ' '), 'validation-failed', 'note', 'required');
        await admin.setIdeaStatus(ch, id, 'under-review', 'Looking into it');
        const h = await history.until((l) => l.length === 1, 'the history entry');
        assert.equal(h[0]!.status, 'under-review');
        assert.equal(h[0]!.note, 'Looking into it');
        assert.equal(h[0]!.by, ADMIN);
        assert.ok(h[0]!.at instanceof Date);
        const forAuthor = await aliceInbox.until((l) => l.some((x) => x.post === id && x.type === 'idea-status'), "the author's notification");
        const n = forAuthor.find((x) => x.post === id && x.type === 'idea-status')!;
        assert.equal(n.status, 'under-review');
        assert.equal(n.note, 'Looking into it');
        assert.equal(n.actor, ADMIN);
        await bobInbox.until((l) => l.some((x) => x.post === id && x.type === 'idea-status' && x.note === 'Looking into it'), "the voter's notification");
        const board = watch<Idea[]>((cb, e) => alice.subscribeIdeas(ch, cb, e));
        await board.until((l) => l.find((x) => x.id === id)?.idea.status === 'under-review', 'the new status on the board');
        await until(() => adminInbox.values.length > 0, "the admin's inbox");
        // Bob was told, so a notification to the admin would have arrived by now on the same backend.
        assert.equal(adminInbox.last.filter((x) => x.post === id && x.type === 'idea-status').length, 0, 'the actor is not notified');
      });

      it('gives the newest note of every idea of a channel in one subscription (where a store has it)', async (t) => {
        if (!bob.subscribeLatestNotes) return t.skip('this store has no subscribeLatestNotes');
        const own = await env.newChannel();
        const [plants, coffee, chairs] = [await idea(alice, own, 'Plants'), await idea(alice, own, 'Coffee'), await idea(alice, own, 'Chairs')];
        const notes = watch<Readonly<Record<string, IdeaHistoryEntry>>>((cb, e) => bob.subscribeLatestNotes!(own, cb, e));
        await notes.until(() => true, 'the first notes');
        assert.deepEqual(notes.last, {});
        await admin.setIdeaStatus(own, plants, 'under-review', 'Looking into it');
        await nextMillisecond();
        await admin.setIdeaStatus(own, plants, 'planned', 'Ordered');
        await admin.setIdeaStatus(own, coffee, 'declined', 'No budget');
        const latest = await notes.until((l) => l[plants]?.note === 'Ordered' && l[coffee] !== undefined, 'both ideas’ newest notes');
        assert.deepEqual(Object.keys(latest).sort(), [plants, coffee].sort(), 'an idea without history has no note');
        assert.equal(latest[plants]!.status, 'planned');
        assert.equal(latest[plants]!.by, ADMIN);
        assert.ok(latest[plants]!.at instanceof Date);
        assert.equal(latest[coffee]!.note, 'No budget');
        assert.equal(latest[chairs], undefined);
      });

      it('assigns an owner, who is told and may then change the status', async () => {
        const id = await idea(alice, ch, 'Better coffee');
        const bobInbox = notificationsOf(bob);
        await rejectsWith(bob.assignIdea(ch, id, B), 'permission-denied');
        await admin.assignIdea(ch, id, B);
        const n = await bobInbox.until((l) => l.some((x) => x.post === id && x.type === 'assigned'), 'the assignment');
        assert.equal(n.find((x) => x.post === id && x.type === 'assigned')!.actor, ADMIN);
        const seen = watch<Post | null>((cb, e) => alice.subscribePost(ch, id, cb, e));
        await seen.until((p) => p?.idea?.owner === B, 'the owner on the idea');
        await bob.setIdeaStatus(ch, id, 'planned', 'Ordering a machine');
        const history = watch<IdeaHistoryEntry[]>((cb, e) => alice.subscribeIdeaHistory(ch, id, cb, e));
        const h = await history.until((l) => l.length === 1, 'the history');
        assert.equal(h[0]!.by, B);
        await nextMillisecond();
        await admin.setIdeaStatus(ch, id, 'done', 'Enjoy');
        const h2 = await history.until((l) => l.length === 2, 'two history entries');
        assert.deepEqual(h2.map((e) => e.status), ['planned', 'done']);
      });

      it('merges an idea: votes pool into the survivor, each person once', async () => {
        const dup = await idea(bob, ch, 'Plants on desks');
        const keep = await idea(alice, ch, 'More plants');
        await alice.like(postTarget(ch, dup));
        await bob.like(postTarget(ch, dup));
        await bob.like(postTarget(ch, keep));
        await admin.like(postTarget(ch, keep));
        await rejectsWith(alice.mergeIdea(ch, dup, keep), 'permission-denied');
        await admin.mergeIdea(ch, dup, keep);
        const votes = watch<LikeState>((cb, e) => alice.subscribeLikes(postTarget(ch, keep), cb, e));
        const v = await votes.until((s) => s.count === 3, 'three pooled votes');
        assert.equal(v.mine, true);
        assert.deepEqual(new Set(await alice.getLikers(postTarget(ch, keep), 10)), new Set([A, B, ADMIN]));
        const board = watch<Idea[]>((cb, e) => alice.subscribeIdeas(ch, cb, e));
        const ideas = await board.until((l) => l.find((x) => x.id === dup)?.idea.mergedInto === keep, 'mergedInto');
        assert.equal(ideas.find((x) => x.id === keep)?.likeCount, 3);
      });
    });

    describe('notifications', () => {
      it('shows only mine, and marks one or all read', async () => {
        const ch = await env.newChannel();
        const p1 = await post(alice, ch, 'one');
        const p2 = await post(alice, ch, 'two');
        await bob.like(postTarget(ch, p1));
        await bob.comment(ch, p2, 'nice');
        const inbox = notificationsOf(alice);
        const mine = (await inbox.until((l) => l.filter((x) => x.channel === ch).length === 2, 'two notifications')).filter((x) => x.channel === ch);
        assert.deepEqual(new Set(mine.map((x) => x.type)), new Set(['liked', 'commented']));
        assert.ok(mine.every((x) => !x.read));
        // Newest first.
        const all = inbox.last;
        for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.createdAt.getTime() >= all[i]!.createdAt.getTime());
        const theirs = notificationsOf(bob);
        await until(() => theirs.values.length > 0, "bob's inbox");
        assert.equal(theirs.last.filter((x) => x.channel === ch).length, 0);
        const liked = mine.find((x) => x.type === 'liked')!;
        await alice.markNotificationsRead([liked.id]);
        let now = await inbox.until((l) => l.find((x) => x.id === liked.id)?.read === true, 'one read');
        assert.equal(now.find((x) => x.channel === ch && x.type === 'commented')?.read, false);
        await alice.markNotificationsRead('all');
        now = await inbox.until((l) => l.every((x) => x.read), 'all read');
        assert.ok(now.length >= 2);
      });
    });

    describe('stats', () => {
      it('counts posts and likes in the post’s month and category', async () => {
        const ch = await env.newChannel();
        const other = await env.newChannel();
        const id = await post(alice, ch, 'counted', 'praise');
        const month = monthKey(new Date());
        const range = { from: month, to: month };
        const stats = watch<MonthStat[]>((cb, e) => admin.subscribeStats({ channel: ch, ...range }, cb, e));
        const all = watch<MonthStat[]>((cb, e) => admin.subscribeStats(range, cb, e));
        await stats.until((s) => stat(s, month, 'praise').posts === 1, 'one post');
        await until(() => all.values.length > 0, 'all channels');
        const before = stat(all.last, month, 'praise');
        await post(bob, ch, 'counted too', 'praise');
        await post(bob, other, 'elsewhere', 'praise');
        await stats.until((s) => stat(s, month, 'praise').posts === 2, 'two posts');
        await all.until((s) => stat(s, month, 'praise').posts === before.posts + 2, 'all channels summed');
        await bob.like(postTarget(ch, id));
        await admin.like(postTarget(ch, id));
        await stats.until((s) => stat(s, month, 'praise').likes === 2, 'two likes');
        await bob.unlike(postTarget(ch, id));
        await stats.until((s) => stat(s, month, 'praise').likes === 1, 'one like after the unlike');
        assert.equal(stat(stats.last, month, 'news').posts, 0);
        await alice.deletePost(ch, id);
        await stats.until((s) => stat(s, month, 'praise').posts === 1, 'one post after the delete');
        // A deleted post takes its likes out of the stat (the rules require it; docs/rules.md).
        await stats.until((s) => stat(s, month, 'praise').likes === 0, 'its like left with it');
        const lastMonth = monthKey(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15)));
        const earlier = watch<MonthStat[]>((cb, e) => admin.subscribeStats({ channel: ch, from: lastMonth, to: lastMonth }, cb, e));
        await until(() => earlier.values.length > 0, 'last month');
        assert.deepEqual(stat(earlier.last, month, 'praise'), { posts: 0, likes: 0 });
      });
    });

    // Calls where the stores once answered differently; each now has one answer, held here.
    describe('one answer for bad input', () => {
      let ch: ChannelId;
      let postId: string;
      let ideaId: string;
      before(async () => {
        ch = await env.newChannel();
        postId = await post(alice, ch, 'a post');
        ideaId = await idea(alice, ch, 'An idea');
      });

      it('refuses like targets that are no targets, or too long to store', async () => {
        await rejectsWith(alice.like('post::x'), 'validation-failed', 'target', 'invalid');
        await rejectsWith(alice.like(`post:${ch}:`), 'validation-failed', 'target', 'invalid');
        await rejectsWith(alice.like('post:a.b:c'), 'validation-failed', 'target', 'invalid');
        await rejectsWith(alice.unlike('post::x'), 'validation-failed', 'target', 'invalid');
        await rejectsWith(alice.like(''), 'validation-failed', 'target', 'required');
        await rejectsWith(alice.getLikers(''), 'validation-failed', 'target', 'required');
        await rejectsWith(alice.getLikers('post::x'), 'validation-failed', 'target', 'invalid');
        // The key fits in 768 bytes, but `userLikes/{uid}/{key}` does not.
        const long = `https://intranet.example.com/${'a'.repeat(760 - 'https://intranet.example.com/'.length)}`;
        assert.ok(long.length <= 768);
        await rejectsWith(alice.like(long), 'validation-failed', 'target', 'too-long');
        await rejectsWith(alice.like(`https://intranet.example.com/${'b'.repeat(800)}`), 'validation-failed', 'target', 'too-long');
        await rejectsWith(alice.like(postTarget(ch, 'no-such-post')), 'not-found');
      });

      it('refuses ids that cannot stand in a path, and names what does not exist', async () => {
        await rejectsWith(admin.assignIdea(ch, ideaId, 'a/b'), 'validation-failed', 'owner', 'invalid');
        await rejectsWith(admin.assignIdea(ch, ideaId, ''), 'validation-failed', 'owner', 'required');
        await rejectsWith(alice.editPost(ch, 'a.b', 'text'), 'validation-failed', 'post', 'invalid');
        await rejectsWith(alice.deletePost('a/b', postId), 'validation-failed', 'channel', 'invalid');
        await rejectsWith(bob.comment(ch, 'no#post', 'hi'), 'validation-failed', 'post', 'invalid');
        await rejectsWith(bob.comment(ch, 'no-such-post', 'hi'), 'not-found');
        await rejectsWith(bob.report(ch, 'no-such-post', 'spam'), 'not-found');
        await rejectsWith(admin.hidePost(ch, 'no-such-post', true), 'not-found');
        await rejectsWith(alice.editPost(ch, 'no-such-post', 'text'), 'not-found');
        await rejectsWith(alice.deletePost(ch, 'no-such-post'), 'not-found');
        await rejectsWith(admin.setIdeaStatus(ch, postId, 'planned', 'not an idea'), 'not-found');
        await rejectsWith(admin.setIdeaStatus(ch, ideaId, 'bogus' as 'planned', 'note'), 'validation-failed', 'status', 'invalid');
        await rejectsWith(admin.mergeIdea(ch, ideaId, ideaId), 'validation-failed', 'into', 'invalid');
        await rejectsWith(admin.mergeIdea(ch, ideaId, 'x.y'), 'validation-failed', 'into', 'invalid');
        await rejectsWith(admin.mergeIdea(ch, ideaId, 'no-such-idea'), 'not-found');
        await rejectsWith(alice.updateMyProfile({ name: 5 as unknown as string }), 'validation-failed', 'name', 'invalid');
        await rejectsWith(alice.markNotificationsRead('some' as 'all'), 'validation-failed', 'ids', 'invalid');
      });

      it('refuses a post to a channel that cannot be, or does not, exist', async () => {
        await rejectsWith(alice.createPost({ channel: 'a.b', text: 'x', category: 'news' }), 'validation-failed', 'channel', 'invalid');
        await rejectsWith(alice.createPost({ channel: 'no-such-channel', text: 'x', category: 'news' }), 'not-found');
        await rejectsWith(alice.createPost({ channel: ch, text: 'x', category: 'a.b' }), 'validation-failed', 'category', 'unknown-category');
      });

      it('refuses mentions given as a string, and notifies only existing people', async () => {
        await bob.updateMyProfile({ name: 'Bob Verhoeven' });
        await rejectsWith(alice.createPost({ channel: ch, text: '@bob', category: 'news', mentions: B as unknown as string[] }), 'validation-failed', 'mentions', 'invalid');
        const inbox = notificationsOf(bob);
        await until(() => inbox.values.length > 0, "bob's inbox");
        const text = 'See @[the guide](https://example.org/guide.html) and @[Bob](' + B + ')';
        const id = await alice.createPost({ channel: ch, text, category: 'news', mentions: [B, 'no-such-user', 'a.b', 'https://example.org/guide.html', A] });
        await inbox.until((l) => l.some((n) => n.post === id), 'the mention');
        const f = feed(alice, ch);
        const page = await f.until((p) => p.posts.some((x) => x.id === id), 'the post');
        assert.equal(page.posts.find((x) => x.id === id)?.text, text, 'the text stays as written');
        assert.deepEqual(inbox.last.filter((n) => n.post === id).map((n) => n.type), ['mentioned']);
      });

      it('lets only admins merge ideas, the idea’s owner included', async () => {
        const dup = await idea(bob, ch, 'Owned duplicate');
        await admin.assignIdea(ch, dup, A);
        await rejectsWith(alice.mergeIdea(ch, dup, ideaId), 'permission-denied');
        await admin.mergeIdea(ch, dup, ideaId);
      });

      it('reports a bad feed query through onError, not as an unhandled rejection', async () => {
        const bad = [
          { channel: ch, category: 'a.b' },
          { channel: ch, category: 'x#y' },
          { channel: ch, category: 'a$b[c]' },
          { channel: ch, category: 'tab\there' },
          { channel: ch, pageSize: NaN },
          { channel: ch, pageSize: 0 },
          { channel: 'a.b' },
        ];
        for (const q of bad) {
          const r = watch<FeedPage>((cb, e) => alice.subscribeFeed(q, cb, e));
          await until(() => r.errors.length > 0 || r.values.length > 0, `an answer for ${JSON.stringify(q)}`);
          assert.deepEqual(r.values, [], JSON.stringify(q));
          assert.ok(isStoreError(r.errors[0]) && r.errors[0].code === 'validation-failed', `${JSON.stringify(q)}: ${String(r.errors[0])}`);
        }
      });

      it('says an unknown channel is not found in the feed, the ideas and the insights', async () => {
        const subs = [
          watch<unknown>((cb, e) => alice.subscribeFeed({ channel: 'no-such-channel' }, cb, e)),
          watch<unknown>((cb, e) => alice.subscribeIdeas('no-such-channel', cb, e)),
          watch<unknown>((cb, e) => alice.subscribeStats({ channel: 'no-such-channel', from: '2026-01', to: '2026-12' }, cb, e)),
          watch<unknown>((cb, e) => alice.subscribeChannel('no-such-channel', cb, e)),
        ];
        for (const s of subs) {
          await until(() => s.errors.length > 0 || s.values.length > 0, 'an answer');
          assert.deepEqual(s.values, []);
          assert.ok(isStoreError(s.errors[0]) && s.errors[0].code === 'not-found', String(s.errors[0]));
        }
        // An empty channel that exists is empty, not unknown.
        const empty = await env.newChannel();
        const f = feed(alice, empty);
        assert.deepEqual((await f.until(() => true, 'the empty feed')).posts, []);
        const ideas = watch<Idea[]>((cb, e) => alice.subscribeIdeas(empty, cb, e));
        assert.deepEqual(await ideas.until(() => true, 'no ideas'), []);
      });

      it('refuses signed-out reads as the rules do, but answers who is signed in', async () => {
        const refused = [
          watch<unknown>((cb, e) => anon.subscribeChannel(ch, cb, e)),
          watch<unknown>((cb, e) => anon.subscribeFeed({ channel: ch }, cb, e)),
          watch<unknown>((cb, e) => anon.subscribePost(ch, postId, cb, e)),
          watch<unknown>((cb, e) => anon.subscribeIdeas(ch, cb, e)),
          watch<unknown>((cb, e) => anon.subscribeLikes(postTarget(ch, postId), cb, e)),
          watch<unknown>((cb, e) => anon.subscribeComments(ch, postId, cb, e)),
        ];
        for (const r of refused) {
          await until(() => r.errors.length > 0 || r.values.length > 0, 'an answer');
          assert.deepEqual(r.values, []);
          assert.ok(isStoreError(r.errors[0]) && r.errors[0].code === 'unauthenticated', String(r.errors[0]));
        }
        const viewer = watch<Viewer | null>((cb) => anon.subscribeViewer(cb));
        const mine = watch<ReadonlySet<LikeTarget>>((cb, e) => anon.subscribeMyLikes(cb, e));
        const inbox = notificationsOf(anon);
        await until(() => viewer.values.length > 0 && mine.values.length > 0 && inbox.values.length > 0, 'the signed-out answers');
        assert.equal(viewer.last, null);
        assert.equal(mine.last.size, 0);
        assert.deepEqual(inbox.last, []);
        await rejectsWith(anon.getLikers(postTarget(ch, postId)), 'unauthenticated');
      });
    });
  });
}
