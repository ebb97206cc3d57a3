// The feed paging algorithm on its own, over a fake host that evaluates each window's query the way
// the Realtime Database does (order child, then key; startAt inclusive, endBefore exclusive, limitToLast)
// and keeps it live. No database, no timers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FeedWindows, type FeedHost, type PostRecord, type WindowSpec } from '../../src/data/core/index.js';
import type { FeedPage } from '../../src/data/types.js';
import type { StoreError } from '../../src/data/store.js';

interface Listener {
  spec: WindowSpec;
  onRows: (rows: Iterable<[string, unknown]>) => void;
}

class FakeHost implements FeedHost {
  readonly posts = new Map<string, PostRecord>();
  readonly listeners = new Set<Listener>();
  opened: WindowSpec[] = [];
  admin = false;
  channel = true;
  /** Deliver a window only when its rows changed, as the Realtime Database does (else every window, every time). */
  onlyChanged = false;
  /** The posts whose delivered records were read (decoded). */
  readIds = new Set<string>();
  private readonly last = new Map<Listener, string>();

  add(id: string, createdAt: number, extra: Partial<PostRecord> = {}): void {
    const category = extra.category ?? 'news';
    this.posts.set(id, { author: 'a', text: id, category, createdAt, month: '2026-11', byCat: { [category]: createdAt }, ...extra });
    this.changed();
  }

  remove(id: string): void {
    this.posts.delete(id);
    this.changed();
  }

  update(id: string, change: Partial<PostRecord>): void {
    this.posts.set(id, { ...this.posts.get(id)!, ...change });
    this.changed();
  }

  private changed(): void {
    for (const l of [...this.listeners]) {
      const rows = this.evaluate(l.spec);
      const json = JSON.stringify(rows);
      if (this.onlyChanged && this.last.get(l) === json) continue;
      this.last.set(l, json);
      l.onRows(this.counted(rows));
    }
  }

  private counted(rows: [string, PostRecord][]): [string, PostRecord][] {
    return rows.map(([k, p]) => [
      k,
      new Proxy(p, {
        get: (t, key) => {
          this.readIds.add(k);
          return t[key as keyof PostRecord];
        },
      }),
    ]);
  }

  private evaluate(spec: WindowSpec): [string, PostRecord][] {
    const value = (p: PostRecord): number | undefined =>
      spec.orderBy === 'createdAt' ? p.createdAt : p.byCat?.[spec.orderBy.slice('byCat/'.length)];
    const cmp = (v: number, k: string, c: { value: number; key?: string }) => v - c.value || (c.key === undefined ? 0 : k < c.key ? -1 : k > c.key ? 1 : 0);
    let rows = [...this.posts.entries()]
      .filter(([, p]) => value(p) !== undefined || spec.startAt === undefined)
      .sort((a, b) => (value(a[1]) ?? -Infinity) - (value(b[1]) ?? -Infinity) || (a[0] < b[0] ? -1 : 1));
    if (spec.startAt) rows = rows.filter(([k, p]) => value(p) !== undefined && cmp(value(p)!, k, spec.startAt!) >= 0);
    if (spec.endBefore) rows = rows.filter(([k, p]) => value(p) !== undefined && cmp(value(p)!, k, spec.endBefore!) < 0);
    if (spec.limitToLast !== undefined) rows = rows.slice(-spec.limitToLast);
    return rows;
  }

  listen(spec: WindowSpec, onRows: (rows: Iterable<[string, unknown]>) => void): () => void {
    const l = { spec, onRows };
    this.listeners.add(l);
    this.opened.push(spec);
    const rows = this.evaluate(spec);
    this.last.set(l, JSON.stringify(rows));
    onRows(this.counted(rows));
    return () => {
      this.listeners.delete(l);
      this.last.delete(l);
    };
  }

  watchAdmin(cb: (admin: boolean) => void): () => void {
    cb(this.admin);
    return () => {};
  }

  channelExists(): Promise<boolean> {
    return Promise.resolve(this.channel);
  }
}

function feedOf(host: FakeHost, pageSize: number, category?: string) {
  const pages: FeedPage[] = [];
  const errors: StoreError[] = [];
  const feed = new FeedWindows(host, { channel: 'ch', category, pageSize }, (p) => pages.push(p), (e) => errors.push(e));
  const ids = () => pages[pages.length - 1]!.posts.map((p) => p.id);
  const hasMore = () => pages[pages.length - 1]!.hasMore;
  return { feed, pages, errors, ids, hasMore };
}

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p${String(to - i).padStart(2, '0')}`);

describe('feed windows', () => {
  it('pages 25 posts by 10: 10, 20, 25, newest first, with hasMore until the oldest is in', async () => {
    const host = new FakeHost();
    for (let i = 1; i <= 25; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i);
    const f = feedOf(host, 10);
    assert.deepEqual(f.ids(), ids(16, 25));
    assert.equal(f.hasMore(), true);
    await f.feed.more();
    assert.deepEqual(f.ids(), ids(6, 25));
    assert.equal(f.hasMore(), true);
    await f.feed.more();
    assert.deepEqual(f.ids(), ids(1, 25));
    assert.equal(f.hasMore(), false);
    await f.feed.more();
    assert.deepEqual(f.ids(), ids(1, 25), 'more() past the end changes nothing');
    // The newest window was fixed at its oldest shown post, then two older windows added.
    assert.deepEqual(host.opened.map((s) => [s.startAt?.key, s.endBefore?.key, s.limitToLast]), [
      [undefined, undefined, 11],
      ['p16', undefined, undefined],
      [undefined, 'p16', 11],
      [undefined, 'p06', 11],
    ]);
    assert.equal(host.listeners.size, 3, 'the replaced newest window was closed');
  });

  it('never drops a loaded post when new ones arrive on top', async () => {
    const host = new FakeHost();
    for (let i = 1; i <= 10; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i);
    const f = feedOf(host, 4);
    await f.feed.more();
    assert.deepEqual(f.ids(), ids(3, 10));
    for (let i = 11; i <= 16; i++) host.add(`p${i}`, 1000 + i);
    assert.deepEqual(f.ids(), ids(3, 16), 'six new posts on top, all eight loaded ones kept');
    assert.equal(f.hasMore(), true);
  });

  it('keeps only the newest page before the reader pages (a limitToLast window)', () => {
    const host = new FakeHost();
    for (let i = 1; i <= 5; i++) host.add(`p0${i}`, 1000 + i);
    const f = feedOf(host, 3);
    assert.deepEqual(f.ids(), ids(3, 5));
    host.add('p06', 1006);
    assert.deepEqual(f.ids(), ids(4, 6));
  });

  it('breaks equal times by id, as the database orders keys', async () => {
    const host = new FakeHost();
    for (const id of ['a', 'b', 'c', 'd', 'e']) host.add(id, 1000);
    const f = feedOf(host, 2);
    assert.deepEqual(f.ids(), ['e', 'd']);
    await f.feed.more();
    assert.deepEqual(f.ids(), ['e', 'd', 'c', 'b']);
    await f.feed.more();
    assert.deepEqual(f.ids(), ['e', 'd', 'c', 'b', 'a']);
    assert.equal(f.hasMore(), false);
  });

  it('pages a category feed over its own order child, leaving other categories out', async () => {
    const host = new FakeHost();
    for (let i = 1; i <= 12; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i, { category: i % 2 ? 'idea' : 'news' });
    const f = feedOf(host, 2, 'idea');
    assert.deepEqual(f.ids(), ['p11', 'p09']);
    await f.feed.more();
    await f.feed.more();
    assert.deepEqual(f.ids(), ['p11', 'p09', 'p07', 'p05', 'p03', 'p01']);
    assert.equal(f.hasMore(), false);
    assert.ok(host.opened.every((s) => s.orderBy === 'byCat/idea'));
  });

  it('shows hidden posts to admins only', () => {
    const host = new FakeHost();
    host.add('p1', 1001);
    host.add('p2', 1002, { hidden: true });
    assert.deepEqual(feedOf(host, 5).ids(), ['p1']);
    host.admin = true;
    assert.deepEqual(feedOf(host, 5).ids(), ['p2', 'p1']);
  });

  it('does not wait for the admin answer when only the extra post kept for hasMore is hidden', async () => {
    // A host whose answer to "is the viewer an admin?" never comes: a feed that asks it shows nothing.
    class SilentAdmin extends FakeHost {
      asked = 0;
      override watchAdmin(): () => void {
        this.asked++;
        return () => {};
      }
    }
    const host = new SilentAdmin();
    host.add('p1', 1001, { hidden: true });
    for (let i = 2; i <= 4; i++) host.add(`p${i}`, 1000 + i);
    const f = feedOf(host, 3);
    // p1 is the window's fourth post, there only to say that there is more: not shown, so not asked about.
    assert.equal(f.pages.length, 1, 'the first page was not shown');
    assert.deepEqual(f.ids(), ['p4', 'p3', 'p2']);
    assert.equal(f.hasMore(), true);
    assert.equal(host.asked, 0);
    // Paged in, the hidden post is shown to admins only: now the question is asked.
    await f.feed.more();
    assert.equal(host.asked, 1);
  });

  it('drops a deleted post and stays live after close() no more', () => {
    const host = new FakeHost();
    for (let i = 1; i <= 3; i++) host.add(`p${i}`, 1000 + i);
    const f = feedOf(host, 5);
    host.remove('p2');
    assert.deepEqual(f.ids(), ['p3', 'p1']);
    f.feed.close();
    assert.equal(host.listeners.size, 0);
    const n = f.pages.length;
    host.add('p4', 1004);
    assert.equal(f.pages.length, n);
  });

  it('says an empty feed of an unknown channel is not found, and an empty known one is empty', async () => {
    const host = new FakeHost();
    host.channel = false;
    const unknown = feedOf(host, 5);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(unknown.pages, []);
    assert.deepEqual(unknown.errors.map((e) => e.code), ['not-found']);
    host.channel = true;
    const empty = feedOf(host, 5);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(empty.pages, [{ posts: [], hasMore: false }]);
  });

  it('decodes only the window whose posts changed, and hands out every other post as the same object', async () => {
    const host = new FakeHost();
    host.onlyChanged = true;
    for (let i = 1; i <= 30; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i);
    const f = feedOf(host, 10);
    await f.feed.more();
    await f.feed.more();
    assert.deepEqual(f.ids(), ids(1, 30));
    const before = f.pages[f.pages.length - 1]!.posts;
    const emits = f.pages.length;
    host.readIds.clear();
    // A like on a post of the middle window (p11–p20).
    host.update('p15', { likeCount: 3 });
    assert.equal(f.pages.length, emits + 1, 'one emit');
    const after = f.pages[f.pages.length - 1]!.posts;
    assert.deepEqual(after.map((p) => p.id), ids(1, 30));
    assert.equal(after.find((p) => p.id === 'p15')!.likeCount, 3);
    assert.notEqual(after.find((p) => p.id === 'p15'), before.find((p) => p.id === 'p15'));
    assert.deepEqual(
      after.filter((p, i) => p.id !== 'p15' && p !== before[i]).map((p) => p.id),
      [],
      'every unchanged post is the object handed out before',
    );
    // Only the middle window's posts are read again (its page and the extra one), no other window's.
    assert.deepEqual([...host.readIds].sort().reverse(), ids(10, 20));
  });

  it('does not emit when a window is delivered again unchanged', async () => {
    const host = new FakeHost();
    for (let i = 1; i <= 12; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i);
    const f = feedOf(host, 5);
    await f.feed.more();
    const emits = f.pages.length;
    // Every window is delivered again; only the newest one has changed.
    host.add('p13', 1013);
    assert.equal(f.pages.length, emits + 1);
    assert.deepEqual(f.ids(), ids(3, 13));
  });

  it('lists a post once and in order when a deletion moves the edge between two windows', async () => {
    const host = new FakeHost();
    for (let i = 1; i <= 20; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i);
    const f = feedOf(host, 4);
    for (let i = 0; i < 3; i++) await f.feed.more();
    assert.deepEqual(f.ids(), ids(5, 20));
    // Three posts of the second window go: it takes in three older posts the third window holds too.
    for (const id of ['p15', 'p14', 'p13']) host.remove(id);
    assert.deepEqual(f.ids(), ids(5, 20).filter((id) => !['p15', 'p14', 'p13'].includes(id)));
    const posts = f.pages[f.pages.length - 1]!.posts;
    assert.equal(new Set(posts).size, posts.length);
  });

  it('keeps the order when a post moves within a category feed (windows out of step)', async () => {
    const host = new FakeHost();
    for (let i = 1; i <= 12; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i, { category: 'idea' });
    const f = feedOf(host, 3, 'idea');
    for (let i = 0; i < 3; i++) await f.feed.more();
    assert.deepEqual(f.ids(), ids(1, 12));
    // An older post's order value jumps (a category change puts it where its new time says).
    host.update('p02', { byCat: { idea: 1010.5 } });
    assert.deepEqual(f.ids(), ids(1, 12), 'still newest first by time, each post once');
  });

  it('keeps the objects of the posts shown when paging replaces the newest window with a fixed one', async () => {
    const host = new FakeHost();
    for (let i = 1; i <= 12; i++) host.add(`p${String(i).padStart(2, '0')}`, 1000 + i);
    const f = feedOf(host, 5);
    const first = f.pages[f.pages.length - 1]!.posts;
    await f.feed.more();
    const after = f.pages[f.pages.length - 1]!.posts;
    assert.deepEqual(after.map((p) => p.id), ids(3, 12));
    assert.deepEqual(after.slice(0, 5).filter((p, i) => p !== first[i]).map((p) => p.id), [], 'the first page is the same objects');
  });
});
