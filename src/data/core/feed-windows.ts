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
import { compareKeys, isPostRecord, type PostRecord } from './records.js';
import { StableById } from './stable.js';

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

interface FeedWindow {
  stop: Unsubscribe;
  /** Undefined until the first delivery. */
  posts: [string, PostRecord][] | undefined;
  /** A `limitToLast(pageSize + 1)` window: its extra post decides `hasMore`. */
  limited: boolean;
}

const newestFirst = (a: [string, PostRecord], b: [string, PostRecord]) => b[1].createdAt - a[1].createdAt || compareKeys(b[0], a[0]);

export class FeedWindows {
  private readonly windows: FeedWindow[] = [];
  private readonly orderBy: string;
  private admin: boolean | undefined;
  private stopAdmin: Unsubscribe | undefined;
  private closed = false;
  private channelChecked = false;
  /** Unchanged posts go out as the objects handed out before: a like re-renders one card, not the page. */
  private readonly stable = new StableById<Post>();

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
      const w: FeedWindow = { stop: () => {}, posts: undefined, limited };
      // more() awaits between windows; a feed closed meanwhile must not open a listener nobody stops.
      if (this.closed) return resolve(w);
      this.windows.splice(at, 0, w);
      const category = this.options.category;
      w.stop = this.host.listen(
        spec,
        (rows) => {
          w.posts = [...rows].filter(
            (e): e is [string, PostRecord] => isPostRecord(e[1]) && (!category || typeof e[1].byCat?.[category] === 'number'),
          );
          resolve(w);
          this.emit();
        },
        (e) => {
          resolve(w);
          this.onError?.(e);
        },
      );
    });
  }

  /** Where a post sits in the order. */
  private position([id, p]: [string, PostRecord]): Cursor {
    const c = this.options.category;
    return { value: c ? (p.byCat?.[c] ?? p.createdAt) : p.createdAt, key: id };
  }

  /** Every loaded post newest first, and whether older ones exist (the last window's extra post). */
  private loaded(): { list: [string, PostRecord][]; hasMore: boolean } {
    const union = new Map<string, PostRecord>();
    for (const w of this.windows) for (const [id, p] of w.posts ?? []) union.set(id, p);
    const list = [...union.entries()].sort(newestFirst);
    const last = this.windows[this.windows.length - 1];
    const hasMore = last !== undefined && last.limited && (last.posts?.length ?? 0) > this.options.pageSize;
    if (hasMore) {
      // The oldest post of the last window is only there to say that there is more.
      const extra = [...last.posts!].sort(newestFirst)[last.posts!.length - 1]![0];
      return { list: list.filter(([id]) => id !== extra), hasMore };
    }
    return { list, hasMore };
  }

  private emit(): void {
    if (this.closed || this.windows.some((w) => w.posts === undefined)) return;
    const { list, hasMore } = this.loaded();
    if (list.length === 0 && !this.channelChecked && this.host.channelExists) {
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
    if (list.some(([, p]) => p.hidden === true)) {
      if (!this.stopAdmin) {
        // The host may answer at once, from inside watchAdmin: that answer emits, this call stops here.
        this.stopAdmin = () => {};
        const stop = this.host.watchAdmin((v) => {
          this.admin = v;
          this.emit();
        }, (e) => this.onError?.(e));
        if (this.closed) stop();
        else this.stopAdmin = stop;
        return;
      }
      if (this.admin === undefined) return;
    }
    const posts = this.stable.keep(
      list
        .filter(([, p]) => this.admin === true || p.hidden !== true)
        .map(([id, p]) => decodePost(this.options.channel, id, p))
        .filter((p): p is Post => p !== null),
    );
    this.cb({ posts, hasMore });
  }

  /** Loads the next older page into the same feed. */
  async more(): Promise<void> {
    if (this.closed || this.windows.some((w) => w.posts === undefined)) return;
    const { list, hasMore } = this.loaded();
    const oldest = list[list.length - 1];
    if (!hasMore || !oldest) return;
    const at = this.position(oldest);
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
