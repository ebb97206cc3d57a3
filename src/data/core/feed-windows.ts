/**
 * The paging of a live feed, over any store that can keep an ordered, bounded query live (the Realtime
 * Database's `orderByChild` + `startAt` / `endBefore` + `limitToLast`, Firestore's `orderBy` + the same
 * cursors). The store provides a `FeedHost`; this class decides which windows to keep open.
 *
 * The newest page is a `limitToLast(pageSize + 1)` window: one post more than shown tells whether older
 * ones exist. When the reader asks for more, that window is fixed at its oldest shown post (`startAt`,
 * open upwards, so new posts keep coming in on top and never push loaded ones out) and an older window is
 * added with `endBefore` the oldest shown post. Each window stays live; the union is what the reader sees.
 */
import type { FeedPage, Post } from '../types.js';
import type { OnError, StoreError, Unsubscribe } from '../store.js';
import { notFound } from './checks.js';
import { decodePost } from './decoders.js';
import { compareKeys, isPostRecord } from './records.js';
import { sameValue } from './stable.js';

/** A position in the order: the order child's value, then the key. */
export interface Cursor {
  value: number;
  key: string;
}

/** One live query over a channel's posts. */
export interface WindowSpec {
  /** The child posts are ordered by: `createdAt`, or `byCat/<category>` (only that category's posts have it). */
  orderBy: string;
  /** From here up, inclusive; `{ value: 0 }` without a key means "every post that has the order child". */
  startAt?: { value: number; key?: string };
  /** Strictly before this position. */
  endBefore?: Cursor;
  /** Only the last `n` in the order. */
  limitToLast?: number;
}

/** What a feed needs from its store. */
export interface FeedHost {
  /** Keeps `spec` live: `onRows` gets every `[key, record]` in the window at once and on each change. */
  listen(spec: WindowSpec, onRows: (rows: Iterable<[string, unknown]>) => void, onError: (e: StoreError) => void): Unsubscribe;
  /** Whether the viewer is an admin, live: asked only once a hidden post is in view. */
  watchAdmin(cb: (admin: boolean) => void, onError: OnError): Unsubscribe;
  /** Whether the channel exists: asked once, when the first page is empty, to tell "empty" from "unknown". */
  channelExists?(): Promise<boolean>;
}

export interface FeedOptions {
  channel: string;
  category?: string | undefined;
  /** Checked already (`checkPageSize`). */
  pageSize: number;
}

/** A post of a window, decoded once: made when its window delivers it changed, kept while it stays the same. */
interface Row {
  id: string;
  /** `createdAt`, ms: the feed's order, with the id. */
  at: number;
  /** The order child's value: where a window's cursor goes. */
  value: number;
  post: Post;
}

interface FeedWindow {
  stop: Unsubscribe;
  /** Its posts newest first; undefined until the first delivery. */
  rows: Row[] | undefined;
  /** The same rows by id. */
  byId: Map<string, Row>;
  /** A `limitToLast(pageSize + 1)` window: its extra post decides `hasMore`. */
  limited: boolean;
}

/** The union of the windows, as last merged. */
interface Merged {
  /** Shown to the viewer: hidden posts only for admins. */
  posts: Post[];
  /** Every loaded post, hidden ones too (the extra one of `hasMore` left out). */
  count: number;
  /** Whether any of those is hidden: only then does it matter whether the viewer is an admin. */
  hidden: boolean;
  /** The oldest of those. */
  oldest: Row | undefined;
  hasMore: boolean;
}

const newestFirst = (a: Row, b: Row) => b.at - a.at || compareKeys(b.id, a.id);

/**
 * Each delivery decodes only the window it is for, and a post equal to the one that window (or, for a
 * post new to it, another window) had is kept as that same object: a like re-renders one card, and
 * loading a page at 5,000 posts costs what it costs at 100. The windows' rows are then merged in order
 * in one pass: windows are consecutive ranges of the order, overlapping at most where they meet.
 */
export class FeedWindows {
  private readonly windows: FeedWindow[] = [];
  private readonly orderBy: string;
  private admin: boolean | undefined;
  private stopAdmin: Unsubscribe | undefined;
  private closed = false;
  private channelChecked = false;
  /** Bumped on every change of a window's rows or of the windows; `merged` is for `mergedAt`. */
  private version = 0;
  private mergedAt = -1;
  private merged: Merged = { posts: [], count: 0, hidden: false, oldest: undefined, hasMore: false };

  constructor(
    private readonly host: FeedHost,
    private readonly options: FeedOptions,
    private readonly cb: (page: FeedPage) => void,
    private readonly onError: OnError | undefined,
  ) {
    this.orderBy = options.category ? `byCat/${options.category}` : 'createdAt';
    void this.open(this.newest(), true);
  }

  /**
   * The newest page, and for a category feed a lower bound: posts of other categories have no
   * `byCat/<category>`, sort first as null, and would otherwise fill a `limitToLast` window.
   */
  private newest(): WindowSpec {
    const spec: WindowSpec = { orderBy: this.orderBy, limitToLast: this.options.pageSize + 1 };
    if (this.options.category) spec.startAt = { value: 0 };
    return spec;
  }

  /** Opens a window and resolves once it has delivered (or failed). */
  private open(spec: WindowSpec, limited: boolean, at = this.windows.length): Promise<FeedWindow> {
    return new Promise((resolve) => {
      const w: FeedWindow = { stop: () => {}, rows: undefined, byId: new Map(), limited };
      // more() awaits between windows; a feed closed meanwhile must not open a listener nobody stops.
      if (this.closed) return resolve(w);
      this.windows.splice(at, 0, w);
      w.stop = this.host.listen(
        spec,
        (rows) => {
          const changed = this.deliver(w, rows);
          resolve(w);
          if (changed) this.emit();
        },
        (e) => {
          resolve(w);
          this.onError?.(e);
        },
      );
    });
  }

  /**
   * Decodes one window's delivery. Returns whether its posts changed: a database may deliver a window
   * again with nothing in it changed, which then costs no emit.
   */
  private deliver(w: FeedWindow, rows: Iterable<[string, unknown]>): boolean {
    const category = this.options.category;
    const next: Row[] = [];
    const byId = new Map<string, Row>();
    const near = this.neighbours(w);
    for (const [id, raw] of rows) {
      if (!isPostRecord(raw)) continue;
      const value = category ? raw.byCat?.[category] : raw.createdAt;
      if (typeof value !== 'number') continue;
      const post = decodePost(this.options.channel, id, raw)!;
      let before = w.byId.get(id);
      for (let i = 0; before === undefined && i < near.length; i++) before = near[i]!.byId.get(id);
      const row = before !== undefined && before.value === value && sameValue(before.post, post) ? before : { id, at: raw.createdAt, value, post };
      next.push(row);
      byId.set(id, row);
    }
    next.sort(newestFirst);
    const old = w.rows;
    w.rows = next;
    w.byId = byId;
    if (old !== undefined && old.length === next.length && old.every((r, i) => r === next[i])) return false;
    this.version++;
    return true;
  }

  /**
   * The windows that may hold a post new to `of`: a post at the edge of two windows, moving between them
   * after a deletion, or in the window a new one replaces. Only the neighbours, so a page costs the same
   * however many windows are open; a post from further away (rare) is handed out as a new object.
   */
  private neighbours(of: FeedWindow): FeedWindow[] {
    const i = this.windows.indexOf(of);
    return i < 0 ? [] : [this.windows[i - 1], this.windows[i + 1]].filter((w): w is FeedWindow => w !== undefined);
  }

  /** Every loaded post newest first, and whether older ones exist (the last window's extra post). */
  private loaded(): Merged {
    if (this.mergedAt === this.version) return this.merged;
    const windows = this.windows;
    const last = windows[windows.length - 1];
    const hasMore = last !== undefined && last.limited && (last.rows?.length ?? 0) > this.options.pageSize;
    // The oldest post of the last window is only there to say that there is more.
    const extra = hasMore ? last.rows![last.rows!.length - 1]!.id : undefined;
    let rows: Row[] = [];
    let prev: Row | undefined;
    let ordered = true;
    merge: for (let i = 0; i < windows.length; i++) {
      for (const row of windows[i]!.rows ?? []) {
        if (prev !== undefined && newestFirst(prev, row) >= 0) {
          // Not older than the last one kept: the same post in an earlier window too, or (a post moved in
          // the order) the windows out of step; then the slow way below.
          if (windows.slice(0, i).some((w) => w.byId.has(row.id))) continue;
          ordered = false;
          break merge;
        }
        rows.push(row);
        prev = row;
      }
    }
    if (!ordered) {
      const union = new Map<string, Row>();
      for (const w of windows) for (const row of w.rows ?? []) if (!union.has(row.id)) union.set(row.id, row);
      rows = [...union.values()].sort(newestFirst);
    }
    if (extra !== undefined) rows = rows.filter((r) => r.id !== extra);
    const admin = this.admin === true;
    const posts: Post[] = [];
    let hidden = false;
    for (const row of rows) {
      hidden ||= row.post.hidden;
      if (admin || !row.post.hidden) posts.push(row.post);
    }
    this.merged = { posts, count: rows.length, hidden, oldest: rows[rows.length - 1], hasMore };
    this.mergedAt = this.version;
    return this.merged;
  }

  private emit(): void {
    if (this.closed || this.windows.some((w) => w.rows === undefined)) return;
    const { posts, count, hidden, hasMore } = this.loaded();
    if (count === 0 && !this.channelChecked && this.host.channelExists) {
      // An empty first page may be an unknown channel: ask once, and say so instead of showing "empty".
      this.channelChecked = true;
      const page = { posts: [], hasMore };
      this.host.channelExists().then(
        (exists) => {
          if (this.closed) return;
          if (exists) this.cb(page);
          else this.onError?.(notFound(`Channel ${this.options.channel}`));
        },
        (e: StoreError) => {
          if (!this.closed) this.onError?.(e);
        },
      );
      return;
    }
    // Only a hidden post that will be shown asks: the extra one kept for `hasMore` is never shown.
    if (hidden) {
      if (!this.stopAdmin) {
        // The host may answer at once, from inside watchAdmin: that answer emits, this call stops here.
        this.stopAdmin = () => {};
        const stop = this.host.watchAdmin((v) => {
          if (v !== this.admin) this.version++;
          this.admin = v;
          this.emit();
        }, (e) => this.onError?.(e));
        if (this.closed) stop();
        else this.stopAdmin = stop;
        return;
      }
      if (this.admin === undefined) return;
    }
    this.cb({ posts, hasMore });
  }

  /** Loads the next older page into the same feed. */
  async more(): Promise<void> {
    if (this.closed || this.windows.some((w) => w.rows === undefined)) return;
    const { oldest, hasMore } = this.loaded();
    if (!hasMore || !oldest) return;
    const at: Cursor = { value: oldest.value, key: oldest.id };
    const first = this.windows[0]!;
    if (this.windows.length === 1 && first.limited) {
      // Fix the newest window at its oldest shown post before anything older is added.
      const fixed = await this.open({ orderBy: this.orderBy, startAt: at }, false, 0);
      if (this.closed) return;
      fixed.limited = false;
      first.stop();
      this.windows.splice(this.windows.indexOf(first), 1);
    }
    // The previously last window stops deciding `hasMore`; the new one does.
    for (const w of this.windows) w.limited = false;
    this.version++;
    const older: WindowSpec = { ...this.newest(), endBefore: at };
    await this.open(older, true);
  }

  close(): void {
    this.closed = true;
    for (const w of this.windows) w.stop();
    this.windows.length = 0;
    this.stopAdmin?.();
  }
}
