/**
 * The browser side of `npm run bench`: bundled with the library (src/index.ts) into one module and
 * loaded by bench/page.html. Each scenario renders the same posts twice in the same page — once with
 * lenig's elements, once with a hand-written DOM rendering of the same cards (`HandFeed`) — reading
 * through the same FirebaseStore on the same connection, so the difference is what lenig's elements cost.
 * Node (bench/run.ts) drives it through `window.bench`.
 */
import { limitToLast, onValue, orderByChild, query, ref } from 'firebase/database';
import '../src/index.js';
import type { LenigFeedElement } from '../src/components/feed/feed.js';
import type { LenigStore } from '../src/data/store.js';
import { postTarget, type FeedPage, type LikeTarget, type Post, type Profile } from '../src/data/types.js';
import { FirebaseStore } from '../src/firebase/index.js';

interface Init {
  databaseURL: string;
  authURL: string;
  projectId: string;
  email: string;
  password: string;
}

let store: FirebaseStore;
const host = document.getElementById('host')!;

/** Yields to the event loop without the 4 ms clamp of nested timers (a message is a task of its own). */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const tick = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

async function until(test: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick();
  }
}

/** Every node under `root`, shadow roots included: what the browser holds for the page. */
function countNodes(root: Node): number {
  let n = 1;
  const sr = (root as Element).shadowRoot;
  if (sr) n += countNodes(sr);
  for (let c = root.firstChild; c; c = c.nextSibling) n += countNodes(c);
  return n;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

// --- the hand-written rendering ------------------------------------------------------------------------

const relative = new Map<string, Intl.RelativeTimeFormat>();
function ago(date: Date, now: number): string {
  const lang = document.documentElement.lang || 'en';
  let f = relative.get(lang);
  if (!f) relative.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  const s = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(s) < 60) return f.format(s, 'second');
  if (Math.abs(s) < 3600) return f.format(Math.round(s / 60), 'minute');
  if (Math.abs(s) < 86400) return f.format(Math.round(s / 3600), 'hour');
  return f.format(Math.round(s / 86400), 'day');
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * What a careful developer would write by hand for the same cards: an `article` per post with avatar
 * initials, name, relative time, category, text, a like button (aria-pressed, count) and a comments
 * button, keyed by post id and updated in place when a post changes.
 */
class HandFeed {
  readonly root = el('div', 'hand-feed');
  private readonly cards = new Map<string, { card: HTMLElement; name: Text; likes: Text; like: HTMLButtonElement; comments: Text; post: Post }>();
  private readonly profiles = new Map<string, Profile | null>();
  private readonly profileSubs: (() => void)[] = [];
  private mine: ReadonlySet<LikeTarget> = new Set();
  private posts: Post[] = [];
  private sub: ReturnType<LenigStore['subscribeFeed']> | undefined;
  private stopMine: (() => void) | undefined;

  constructor(
    private readonly channelId: string,
    private readonly pageSize: number,
  ) {
    this.root.setAttribute('role', 'feed');
  }

  start(): void {
    this.stopMine = store.subscribeMyLikes((m) => {
      this.mine = m;
      this.render();
    });
    this.sub = store.subscribeFeed({ channel: this.channelId, pageSize: this.pageSize }, (page: FeedPage) => {
      this.posts = page.posts;
      this.render();
    });
  }

  more(): Promise<void> {
    return this.sub!.more();
  }

  stop(): void {
    this.sub?.unsubscribe();
    this.stopMine?.();
    for (const s of this.profileSubs.splice(0)) s();
  }

  private profile(uid: string): Profile | null | undefined {
    if (!this.profiles.has(uid)) {
      this.profiles.set(uid, null);
      this.profileSubs.push(
        store.subscribeProfile(uid, (p) => {
          this.profiles.set(uid, p);
          for (const c of this.cards.values()) if (c.post.author === uid) c.name.data = p?.name ?? '';
        }),
      );
    }
    return this.profiles.get(uid);
  }

  private render(): void {
    const now = Date.now();
    let prev: Element | null = null;
    for (const post of this.posts) {
      let c = this.cards.get(post.id);
      if (!c) {
        const card = el('article', 'card');
        card.tabIndex = 0;
        const header = el('header', 'header');
        const name = document.createTextNode(this.profile(post.author)?.name ?? '');
        const author = el('span', 'author');
        author.append(name);
        const initials = el('span', 'avatar', post.author.slice(5, 7).toUpperCase());
        initials.setAttribute('aria-hidden', 'true');
        const time = el('time', 'time', ago(post.createdAt, now));
        time.dateTime = post.createdAt.toISOString();
        header.append(initials, author, time, el('span', 'category', post.category));
        const body = el('p', 'body', post.text);
        const actions = el('div', 'actions');
        const like = el('button', 'like');
        like.type = 'button';
        const likes = document.createTextNode(String(post.likeCount || ''));
        like.append('♥ ', likes);
        const commentsButton = el('button', 'comments');
        commentsButton.type = 'button';
        const comments = document.createTextNode(String(post.commentCount));
        commentsButton.append('Comments ', comments);
        actions.append(like, commentsButton);
        card.append(header, body, actions);
        c = { card, name, likes, like, comments, post };
        this.cards.set(post.id, c);
      } else if (c.post !== post) {
        if (c.post.likeCount !== post.likeCount) c.likes.data = String(post.likeCount || '');
        if (c.post.commentCount !== post.commentCount) c.comments.data = String(post.commentCount);
        c.post = post;
      }
      const pressed = this.mine.has(postTarget(post.channel, post.id)) ? 'true' : 'false';
      if (c.like.getAttribute('aria-pressed') !== pressed) c.like.setAttribute('aria-pressed', pressed);
      const next: Element | null = prev ? prev.nextElementSibling : this.root.firstElementChild;
      if (next !== c.card) this.root.insertBefore(c.card, next);
      prev = c.card;
    }
    // Posts no longer in the page.
    while (prev?.nextElementSibling) prev.nextElementSibling.remove();
    if (!prev) this.root.replaceChildren();
  }

  shown(): number {
    return this.root.childElementCount;
  }

  named(): boolean {
    for (const c of this.cards.values()) if (!c.name.data) return false;
    return true;
  }
}

// --- lenig's rendering -----------------------------------------------------------------------------------

/** `unwindowed`: every card in the DOM however long the feed (as before windowing), to compare with. */
function lenigFeed(channelId: string, pageSize: number, unwindowed = false): LenigFeedElement {
  const feed = document.createElement('lenig-feed');
  if (unwindowed) (feed as unknown as { windowFrom: number }).windowFrom = Infinity;
  feed.channel = channelId;
  feed.pageSize = pageSize;
  feed.noInfiniteScroll = true;
  feed.store = store;
  return feed;
}

const cardsOf = (feed: LenigFeedElement) => [...(feed.shadowRoot?.querySelectorAll('lenig-post-card') ?? [])];

/**
 * All `n` posts in the feed and their cards rendered, with their authors' names. A long feed renders the
 * cards near the viewport only (windowing): then those are the cards to wait for.
 */
function lenigDone(feed: LenigFeedElement, n: number): boolean {
  if (feed.isUpdatePending) return false;
  const internals = feed as unknown as { feed: { value?: FeedPage }; windowing: { active: boolean } };
  if ((internals.feed.value?.posts.length ?? 0) < n) return false;
  const cards = cardsOf(feed);
  if (internals.windowing.active ? cards.length === 0 : cards.length !== n) return false;
  return cards.every((c) => c.hasUpdated && !c.isUpdatePending && (c.shadowRoot?.querySelector('#author')?.textContent ?? '').trim() !== '');
}

/** lenig's feed; the same with every card in the DOM; the hand-written rendering. */
export type Kind = 'lenig' | 'lenig-unwindowed' | 'hand';

interface Variant {
  mount(): void;
  done(n: number): boolean;
  more(): Promise<void>;
  unmount(): void;
}

function variant(kind: Kind, channelId: string, pageSize: number): Variant {
  if (kind !== 'hand') {
    const feed = lenigFeed(channelId, pageSize, kind === 'lenig-unwindowed');
    return {
      mount: () => host.append(feed),
      done: (n) => lenigDone(feed, n),
      more: () => feed.loadMore(),
      unmount: () => feed.remove(),
    };
  }
  const hand = new HandFeed(channelId, pageSize);
  return {
    mount: () => {
      host.append(hand.root);
      hand.start();
    },
    done: (n) => hand.shown() === n && hand.named(),
    more: () => hand.more(),
    unmount: () => {
      hand.stop();
      hand.root.remove();
    },
  };
}

async function settle(): Promise<void> {
  gc();
  await new Promise((r) => setTimeout(r, 50));
}

let longVariant: Variant | undefined;
let likeVariant: undefined | { unmount(): void; result: Promise<{ ws: number; done: number }> };

// --- scenarios -------------------------------------------------------------------------------------------

const bench = {
  async init(o: Init): Promise<void> {
    store = new FirebaseStore({
      firebase: { apiKey: 'bench-key', projectId: o.projectId, databaseURL: o.databaseURL },
      emulator: { auth: o.authURL },
      appName: 'bench',
      auth: 'email',
      credentials: { email: o.email, password: o.password },
    });
    await store.signIn();
  },

  /**
   * Holds the queries a scenario's variants make open for the whole run, so each variant's mount is
   * answered from the SDK's cache rather than the server: what is timed is rendering, not the network.
   */
  async keep(channelId: string, n: number): Promise<void> {
    const pageSize = Math.min(n, 100);
    let shown = 0;
    const authors = new Set<string>();
    const sub = store.subscribeFeed({ channel: channelId, pageSize }, (page) => {
      shown = page.posts.length;
      for (const p of page.posts) authors.add(p.author);
    });
    store.subscribeMyLikes(() => {});
    store.subscribeChannel(channelId, () => {});
    // lenig's feed also knows who reads it (own posts get Edit and Delete, an admin gets Hide).
    store.subscribeViewer(() => {});
    // The first page's query stays open too: more() moves the other subscription to a wider one.
    store.subscribeFeed({ channel: channelId, pageSize }, () => {});
    for (let loaded = pageSize; ; loaded += pageSize) {
      await until(() => shown >= Math.min(loaded, n), 'the kept feed');
      if (loaded >= n) break;
      await sub.more();
    }
    for (const a of authors) store.subscribeProfile(a, () => {});
  },

  /**
   * Time from mounting a feed until `n` cards show with their authors' names and layout is done. Pages of
   * 100 at most (the feed's limit), so 200 posts means one `more()`, for both variants alike.
   */
  async render(kind: 'lenig' | 'hand', channelId: string, n: number): Promise<number> {
    await settle();
    const pageSize = Math.min(n, 100);
    const v = variant(kind, channelId, pageSize);
    const w = window as unknown as { benchMessages: number[] };
    w.benchMessages = [];
    // Marks for a trace (its main-thread CPU time between them is a figure a busy machine disturbs less).
    performance.mark('bench-render-start');
    const t0 = performance.now();
    v.mount();
    let loaded = pageSize;
    while (loaded < n) {
      await until(() => v.done(loaded), `${loaded} ${kind} cards`);
      await v.more();
      loaded = Math.min(n, loaded + pageSize);
    }
    await until(() => v.done(n), `${n} ${kind} cards`);
    void host.offsetHeight;
    const ms = performance.now() - t0;
    performance.mark('bench-render-end');
    v.unmount();
    if (w.benchMessages.length) console.log(`${kind} ${n}: ${w.benchMessages.length} messages from the server while mounting, last at +${(w.benchMessages.at(-1)! - t0).toFixed(0)} ms of ${ms.toFixed(0)}`);
    return ms;
  },

  /**
   * A long feed: loads `total` posts a page of 100 at a time, timing each page from `more()` until its
   * cards show and layout is done; counts DOM nodes at `checkpoints`. The feed stays mounted for `longScroll`.
   */
  async longFeed(kind: Kind, channelId: string, total: number, checkpoints: number[], budgetMs: number) {
    await settle();
    const pageSize = 100;
    const v = variant(kind, channelId, pageSize);
    v.mount();
    await until(() => v.done(pageSize), `the first ${kind} page`);
    const pages: { loaded: number; ms: number }[] = [];
    const nodes: Record<number, number> = {};
    const started = performance.now();
    let reached = pageSize;
    for (let loaded = pageSize; loaded < total; loaded += pageSize) {
      // Bounded: a variant that cannot load the whole feed in time reports how far it got.
      if (performance.now() - started > budgetMs) break;
      if (checkpoints.includes(loaded)) nodes[loaded] = countNodes(host);
      // With LENIG_BENCH_PROFILE, the pages at 100–500 posts and at 4,800–5,200 are profiled (Node collects them).
      const profiled = (window as unknown as { benchProfilePages?: boolean }).benchProfilePages;
      if (profiled && (loaded === 100 || loaded === total - 500)) console.profile(loaded === 100 ? 'early' : 'late');
      const t0 = performance.now();
      await v.more();
      await until(() => v.done(loaded + pageSize), `${loaded + pageSize} ${kind} cards`, budgetMs);
      void host.offsetHeight;
      pages.push({ loaded, ms: performance.now() - t0 });
      if (profiled && (loaded === 500 || loaded === total - 100)) console.profileEnd(loaded === 500 ? 'early' : 'late');
      reached = loaded + pageSize;
    }
    nodes[reached] = countNodes(host);
    const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    longVariant = v;
    return { reached, loadMs: performance.now() - started, pages, nodes, heap };
  },

  /** Then scrolls through the long feed `longFeed` loaded, one step per frame, recording frame times and long tasks. */
  async longScroll() {
    const v = longVariant!;
    longVariant = undefined;
    window.scrollTo(0, 0);
    await settle();
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const frames: number[] = [];
    const height = document.documentElement.scrollHeight;
    const steps = 300;
    const step = Math.max(600, Math.ceil(height / steps));
    await new Promise<void>((resolve) => {
      let last = performance.now();
      let i = 0;
      const frame = (t: number) => {
        frames.push(t - last);
        last = t;
        if (++i > steps || window.scrollY + innerHeight >= height) return resolve();
        window.scrollBy(0, step);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame((t) => {
        last = t;
        window.scrollBy(0, step);
        requestAnimationFrame(frame);
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    v.unmount();
    window.scrollTo(0, 0);
    return { frames, longTasks };
  },

  /**
   * A colleague's like, seen by the reader. `arm` mounts the variant and waits until post `postId` shows
   * `count` likes; `observe` then notes when the next WebSocket message arrives and when the new count is
   * in the DOM (lenig: the card's like count; bare: a text node an SDK listener writes; query: the same
   * text node written by an SDK listener on the query the feed holds, newest 21 posts by `createdAt`,
   * which shows what the SDK alone spends on a change to that query).
   */
  async likeArm(kind: 'lenig' | 'bare' | 'query', channelId: string, postId: string, count: number, expected: number): Promise<void> {
    await settle();
    const text = (n: number) => (n > 0 ? String(n) : '');
    let done: (t: number) => void;
    const reached = new Promise<number>((r) => (done = r));
    let unmount: () => void;
    if (kind !== 'lenig') {
      const node = document.createTextNode('');
      const span = document.createElement('span');
      span.append(node);
      host.append(span);
      const db = store.connection.database;
      const show = (n: unknown) => {
        node.data = text(Number(n ?? 0));
        if (node.data === text(expected)) done(performance.now());
      };
      const off =
        kind === 'bare'
          ? onValue(ref(db, `posts/${channelId}/${postId}/likeCount`), (s) => show(s.val()))
          : onValue(query(ref(db, `posts/${channelId}`), orderByChild('createdAt'), limitToLast(21)), (s) => show(s.child(`${postId}/likeCount`).val()));
      unmount = () => {
        off();
        span.remove();
      };
      await until(() => node.data === text(count), 'the bare count');
    } else {
      const feed = lenigFeed(channelId, 20);
      host.append(feed);
      const countEl = () => {
        const card = cardsOf(feed).find((c) => c.post?.id === postId);
        return card?.shadowRoot?.querySelector('[part~="like-count"]') ?? null;
      };
      await until(() => lenigDone(feed, 20) && countEl()?.textContent?.trim() === text(count), 'the lenig count');
      const view = countEl()!.getRootNode() as ShadowRoot;
      const mo = new MutationObserver(() => {
        if (countEl()?.textContent?.trim() === text(expected)) done(performance.now());
      });
      mo.observe(view, { subtree: true, childList: true, characterData: true });
      // The card may be replaced rather than updated; watch the feed too.
      mo.observe(feed.shadowRoot!, { subtree: true, childList: true });
      unmount = () => {
        mo.disconnect();
        feed.remove();
      };
    }
    const w = window as unknown as { benchMessages: number[] };
    w.benchMessages = [];
    likeVariant = {
      unmount,
      // The message that carried the change is the last to arrive before the count changed: the SDK
    // and lenig handle it within that message's task.
    result: reached.then((t) => ({ ws: w.benchMessages.filter((m) => m <= t).at(-1) ?? NaN, done: t })),
    };
  },
  /** Waits for the armed like to show; unmounts the variant, unless `keep` (then `likeUnmount` does, e.g. after a profile stops). */
  async likeResult(keep = false): Promise<{ ws: number; done: number }> {
    const v = likeVariant!;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the like never showed')), 15_000));
    try {
      return await Promise.race([v.result, timeout]);
    } finally {
      if (!keep) bench.likeUnmount();
    }
  },
  likeUnmount(): void {
    likeVariant?.unmount();
    likeVariant = undefined;
  },

  /** Mounts `tag` with `attrs` and the bench store; resolves once it shows `ideas` idea cards, or its chart. */
  async mount(tag: 'lenig-idea-board' | 'lenig-insights', attrs: Record<string, string>, ideas = 0): Promise<void> {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.store = store;
    host.append(e);
    const ready =
      tag === 'lenig-idea-board'
        ? () => (e.shadowRoot?.querySelectorAll('lenig-idea-card').length ?? 0) >= ideas
        : () => !!e.shadowRoot?.querySelector('svg, table') && !e.shadowRoot.querySelector('[aria-busy="true"]');
    await until(ready, `${tag} to show its content`, 30_000);
  },
};

export type Bench = typeof bench;
(window as unknown as { bench: Bench }).bench = bench;
