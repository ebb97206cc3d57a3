import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from '../shared/style-props.js';
import { ClockController } from '../../controllers/clock.js';
import { LikesController } from '../../controllers/likes.js';
import { ElementObserverController } from '../../controllers/element-observer.js';
import { ProfilesController } from '../../controllers/profiles.js';
import { SubscriptionController } from '../../controllers/subscription.js';
import { WindowingController } from '../../controllers/windowing.js';
import { warnOnce } from '../../log.js';
import { storeContext } from '../../data/context.js';
import { StoreError, type FeedSubscription, type LenigStore } from '../../data/store.js';
import { postTarget, type Channel, type FeedPage, type LikeTarget, type Post, type Profile, type UserId } from '../../data/types.js';
import { feedMessages } from '../../i18n/messages/feed.js';
import { likeButtonMessages } from '../../i18n/messages/like-button.js';
import { postCardMessages } from '../../i18n/messages/post-card.js';
import {
  LenigPostCardElement,
  type PostEditRequestDetail,
  type PostHideRequestDetail,
  type PostReportRequestDetail,
  type PostRequestDetail,
} from '../post-card/post-card.js';
import { toStoreError } from '../shared/events.js';
import { ContentElement } from '../shared/content-element.js';
import { feedStyles } from './feed.styles.js';
import { mentionedIn } from '../shared/rich-text.js';
import { define } from '../shared/define.js';
import { updateNow } from '../shared/update-now.js';
import { channelName } from '../../i18n/formats.js';

/** Detail of the feed's outcome events: which post. */
export interface FeedPostDetail {
  channel: string;
  post: string;
}
export interface FeedPostEditedDetail extends FeedPostDetail {
  text: string;
}
export interface FeedPostHiddenDetail extends FeedPostDetail {
  hidden: boolean;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
/** Start loading the next page this far before the reader reaches the end. */
const PRELOAD_MARGIN = '0px 0px 600px 0px';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * Up to this many posts every card is in the DOM (find in page sees them all); beyond it only the cards
 * near the viewport are, so a feed of thousands of posts holds a few dozen cards.
 */
const WINDOW_FROM = 100;
/** A card's height before any is measured (about a three-line post). */
const CARD_ESTIMATE_PX = 190;

/** Whether a store marks a post as not yet accepted by the server (an optional field a store may add). */
function flaggedPending(post: Post): boolean {
  return (post as Post & { pending?: unknown }).pending === true;
}

/**
 * A channel's posts, newest first, live. Follows the ARIA feed pattern: `role="feed"`, each post an
 * `<article>` with `aria-posinset` / `aria-setsize` (-1 while older posts can load), `aria-busy` while
 * loading; Page Down / Page Up move between posts, Home / End (on a post) to the first and last.
 *
 * New posts by others never push the text being read down: they wait behind an "N new posts" button at
 * the top, which reveals them and moves focus to the first. The viewer's own posts (from a composer on the
 * same page, through the same store) appear at once, marked "Sending…" until the server has them.
 * Older posts load with "Show older posts" or, for pointer and touch users, when the end scrolls into view.
 *
 * A long feed stays light: past 100 posts only the cards within a screen of the viewport are in the DOM,
 * with gaps of the measured (or, not yet seen, estimated) height of the others, so the scrollbar and
 * `aria-posinset` / `aria-setsize` still describe the whole feed, and nothing loaded is dropped. The
 * focused card stays in the DOM wherever the reader scrolls; Page Up / Down, Home and End go by post and
 * render their target first. Find in page (Ctrl+F) sees the cards in the DOM: every post of a feed of up
 * to 100, the ones near the viewport beyond that.
 *
 * Reads: one feed subscription, one "what do I like" subscription for every post's like, the channel (for
 * the category chips), the viewer and the connection; authors' profiles are read once per page and again
 * every ten minutes while shown (no listener per author).
 * It provides its store to the elements inside (the comments a post opens).
 *
 * @summary A live channel feed with category filters, paging, likes, comments and moderation.
 *
 * @csspart filters - The group of category chips.
 * @csspart chip - One category chip (a toggle button).
 * @csspart new-posts - The "N new posts" button.
 * @csspart feed - The `role="feed"` list.
 * @csspart more - The "Show older posts" button.
 * @csspart offline - The offline banner.
 * @csspart archived - The notice that the channel is archived, or no longer exists (read-only either way).
 * @csspart status - Loading, empty and error messages.
 * @csspart card - Re-exported from each `<lenig-post-card>`, as are `header avatar author timestamp category
 *   body mention link actions textarea like-button like-count`.
 *
 * @cssproperty --lenig-feed-offline-color - The stripe of the offline banner. Default: amber.
 * @cssproperty --lenig-post-card-background - Background of each post (see `<lenig-post-card>`).
 *
 * @fires {CustomEvent<FeedPostEditedDetail>} lenig-post-edited - The viewer's edit was stored.
 * @fires {CustomEvent<FeedPostDetail>} lenig-post-deleted - The viewer deleted a post.
 * @fires {CustomEvent<FeedPostHiddenDetail>} lenig-post-hidden - An admin hid or unhid a post.
 * @fires {CustomEvent<FeedPostDetail>} lenig-post-reported - The viewer reported a post.
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - A read or write failed (`operation` is the store method).
 */
export class LenigFeedElement extends ContentElement {
  static override styles = feedStyles;

  // --- controllers -----------------------------------------------------------------------------------

  private readonly i18n = this.localize(feedMessages);
  private readonly provider = new ContextProvider(this, { context: storeContext });
  private readonly profiles = new ProfilesController(this, () => this.activeStore);
  private readonly viewerSub = this.watchViewer();
  private readonly likes = new LikesController(this, {
    store: () => this.activeStore,
    viewer: () => (this.viewerSub.status === 'ready' ? (this.viewerSub.value?.uid ?? null) : undefined),
    onError: (operation, error) => this.emitError(operation, error),
    countOf: (target) => this.postFor(target)?.likeCount,
  });
  /** The end of the list: coming near it loads the next page. */
  private readonly sentinel = new ElementObserverController(
    this,
    () =>
      new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting) && !this.moreFailed) void this.loadMore(false);
        },
        { rootMargin: PRELOAD_MARGIN },
      ),
  );
  /** Relative times ("3 minutes ago") move on every 30 s. */
  private readonly clock = new ClockController(this);
  private readonly connection = this.watchConnection();
  /** Long feeds keep only the cards near the viewport in the DOM. */
  private readonly windowing = new WindowingController(this, {
    from: () => this.windowFrom,
    container: () => this.renderRoot.querySelector<HTMLElement>('.feed'),
    estimate: CARD_ESTIMATE_PX,
  });
  private readonly channelSub = new SubscriptionController<Channel, [string]>(
    this,
    () => this.activeStore,
    () => (this.channel ? [this.channel] : undefined),
    (store, [channel], next, fail) => store.subscribeChannel(channel, next, fail),
  );
  private readonly feed = new SubscriptionController<FeedPage, [string, string | undefined, number]>(
    this,
    () => this.activeStore,
    () => (this.channel ? [this.channel, this.selected, this.effectivePageSize] : undefined),
    (store, [channel, category, pageSize], next, fail) => {
      this.resetFeed();
      let live = true;
      const sub = store.subscribeFeed(
        category === undefined ? { channel, pageSize } : { channel, category, pageSize },
        (page) => {
          // A page of the subscription this one replaced must not be sorted into the new one's posts.
          if (!live) return;
          this.classify(page);
          next(page);
        },
        (error) => {
          fail(error);
          this.emitError('subscribeFeed', error);
        },
      );
      this.feedHandle = sub;
      return () => {
        live = false;
        if (this.feedHandle === sub) this.feedHandle = undefined;
        sub.unsubscribe();
      };
    },
  );

  // --- state -----------------------------------------------------------------------------------------

  /** The category shown: starts as the `category` attribute, then follows the chips. */
  @state() private selected: string | undefined;
  @state() private loadingMore = false;
  @state() private moreFailed = false;

  private feedHandle: FeedSubscription | undefined;
  /** Each post id the feed has seen: shown, or held back behind "N new posts". */
  private readonly seen = new Map<string, 'shown' | 'held'>();
  /** Bumped on every change of `seen`. */
  private seenVersion = 0;
  /**
   * The shown posts and the count held back, for one page and `seen` version: a long feed renders on
   * every scroll, and a pass over 5,000 posts per render is garbage the next collection pays for.
   */
  private split: { posts: readonly Post[]; version: number; shown: Post[]; held: number } | undefined;
  /**
   * The people each rendered post mentions, by post object (a changed post is a new object), so a text
   * is parsed when its card is first rendered, not on every render; and the profiles last handed to its
   * card, handed again while they are the same, so the row's guard leaves the card alone. Only the last
   * render's posts are kept.
   */
  private mentions = new Map<Post, Mentioned>();
  private firstPage = true;
  /** The newest `createdAt` ever shown; a post by someone else newer than this is new. */
  private newestShown = -Infinity;
  /** Whether `more()` was called on this subscription (which also stops the window from sliding). */
  private paged = false;
  /** The viewer's own posts that arrived while offline: "Sending…" until the connection is back. */
  private readonly unsent = new Set<string>();
  /**
   * The clock for posts more than a day old, moved on once an hour: they read "N days ago", so a tick of
   * the clock renders the posts of the last day again rather than every post of a long feed.
   */
  private coarseNow = this.clock.now;
  /** The post that holds (or last held) focus: its card stays rendered when it leaves the window. */
  private focusId: string | undefined;
  /** See WINDOW_FROM; a field so that a benchmark can compare with the unwindowed feed. */
  private windowFrom = WINDOW_FROM;

  // --- properties ------------------------------------------------------------------------------------

  /** The channel whose posts to show. Required. */
  @property() channel?: string;
  /** Show only this category at first (a key such as `news` or `idea`); the chips can change it. */
  @property() category?: string;
  /** Posts per page (1–100). Default 20. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;
  /** Turns off loading older posts on scroll; the "Show older posts" button remains. */
  @property({ type: Boolean, attribute: 'no-infinite-scroll' }) noInfiniteScroll = false;
  /** Hides the category chips (the `category` attribute still filters). */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;

  // --- lifecycle -------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // The store had the page already (another widget reads it, or it came back from the cache): render
    // it now, cards and their like buttons included, rather than a microtask later each.
    if (!this.hasUpdated && this.feed.status === 'ready') updateNow(this, 'lenig-post-card');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const now = this.clock.now.getTime();
    if (now - this.coarseNow.getTime() >= HOUR_MS || now < this.coarseNow.getTime()) this.coarseNow = this.clock.now;
    if (changed.has('category')) this.selected = this.category || undefined;
    if (changed.has('pageSize') && this.effectivePageSize !== this.pageSize) {
      warnOnce(`<lenig-feed page-size="${this.pageSize}"> — use a whole number from 1 to ${MAX_PAGE_SIZE}; using ${DEFAULT_PAGE_SIZE}.`);
    }
    this.provider.setValue(this.activeStore);
    if (this.connection.value === true && this.unsent.size > 0) this.unsent.clear();
    const categories = this.channelSub.value?.categories;
    if (categories && this.selected && !categories.includes(this.selected)) {
      warnOnce(`<lenig-feed category="${this.selected}"> — "${this.channel}" has no such category (it has ${categories.join(', ')}).`);
    }
  }

  protected override updated(): void {
    this.watchSentinel();
  }

  // --- handlers --------------------------------------------------------------------------------------

  private selectCategory(key: string | undefined): void {
    this.selected = key === this.selected ? undefined : key;
  }

  private async reveal(): Promise<void> {
    const page = this.feed.value;
    if (!page) return;
    const held = page.posts.filter((p) => this.seen.get(p.id) === 'held');
    for (const p of held) this.show(p);
    this.requestUpdate();
    await this.updateComplete;
    if (held[0]) await this.focusPost(this.shownPosts().indexOf(held[0]));
  }

  private onFocusIn(e: FocusEvent): void {
    const card = e.composedPath().find((n): n is LenigPostCardElement => n instanceof LenigPostCardElement);
    if (card?.post) this.focusId = card.post.id;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (!['PageDown', 'PageUp', 'Home', 'End'].includes(e.key) || e.altKey || e.shiftKey) return;
    const path = e.composedPath();
    const origin = path[0];
    // Text fields keep their own use of these keys.
    if (origin instanceof HTMLTextAreaElement || origin instanceof HTMLInputElement || (origin instanceof HTMLElement && origin.isContentEditable)) return;
    const posts = this.shownPosts();
    const current = path.find((n): n is LenigPostCardElement => n instanceof LenigPostCardElement);
    const index = current?.post ? posts.findIndex((p) => p.id === current.post?.id) : -1;
    let next: number;
    switch (e.key) {
      case 'PageDown':
        next = index + 1;
        break;
      case 'PageUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
      case 'End':
        // Only from the article itself: inside it, Home and End belong to the focused control.
        if (!(origin instanceof HTMLElement) || origin.localName !== 'article') return;
        next = e.key === 'Home' ? 0 : posts.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next >= posts.length) {
      // Past the last post: load the next page and go on to its first post.
      if (this.feed.value?.hasMore) void this.loadMore(true);
      return;
    }
    void this.focusPost(next);
  }

  private onEdit(e: CustomEvent<PostEditRequestDetail>): void {
    this.relay<'lenig-post-edit'>(e, (detail) => this.edit(detail));
  }

  private edit(detail: PostEditRequestDetail): void {
    const { post, text } = detail;
    // An edit keeps its box open until the server has answered, also offline: a refusal (too long,
    // the post deleted meanwhile) must find the text still there.
    this.answer(detail, 'editPost', (store) => store.editPost(post.channel, post.id, text), () =>
      void this.emit('lenig-post-edited', { channel: post.channel, post: post.id, text }),
      true,
    );
  }

  private onDelete(e: CustomEvent<PostRequestDetail>): void {
    this.relay<'lenig-post-delete'>(e, (detail) => this.deletePost(detail));
  }

  private deletePost(detail: PostRequestDetail): void {
    const { post } = detail;
    const index = this.shownPosts().findIndex((p) => p.id === post.id);
    this.answer(
      detail,
      'deletePost',
      (store) => store.deletePost(post.channel, post.id),
      async () => {
        this.emit('lenig-post-deleted', { channel: post.channel, post: post.id });
        // The card is gone with the post: put focus on the post that took its place.
        await this.updateComplete;
        const left = this.shownPosts().length;
        if (left > 0) await this.focusPost(Math.min(index, left - 1));
        else this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
      },
    );
  }

  private onReport(e: CustomEvent<PostReportRequestDetail>): void {
    this.relay<'lenig-post-report'>(e, (detail) => this.report(detail));
  }

  private report(detail: PostReportRequestDetail): void {
    const { post, reason } = detail;
    this.answer(detail, 'report', (store) => store.report(post.channel, post.id, reason), () =>
      void this.emit('lenig-post-reported', { channel: post.channel, post: post.id }),
    );
  }

  private onHide(e: CustomEvent<PostHideRequestDetail>): void {
    this.relay<'lenig-post-hide'>(e, (detail) => this.hide(detail));
  }

  private hide(detail: PostHideRequestDetail): void {
    const { post, hidden } = detail;
    this.answer(detail, 'hidePost', (store) => store.hidePost(post.channel, post.id, hidden), () =>
      void this.emit('lenig-post-hidden', { channel: post.channel, post: post.id, hidden }),
    );
  }

  private retry(): void {
    this.feed.retry();
    this.channelSub.retry();
  }

  // --- public methods --------------------------------------------------------------------------------

  /** Loads the next page of older posts. With `focusFirst`, focus moves to the first of them. */
  async loadMore(focusFirst = false): Promise<void> {
    const handle = this.feedHandle;
    if (!handle || this.loadingMore || !this.feed.value?.hasMore) return;
    const before = this.shownPosts().length;
    this.loadingMore = true;
    this.moreFailed = false;
    this.paged = true;
    try {
      await handle.more();
    } catch (error) {
      this.moreFailed = true;
      this.emitError('more', toStoreError(error));
    } finally {
      this.loadingMore = false;
    }
    await this.updateComplete;
    if (focusFirst) await this.focusPost(before);
    // The end may still be in view after a short page: observe afresh so the observer reports it again.
    this.sentinel.again();
  }

  // --- internals -------------------------------------------------------------------------------------

  private get effectivePageSize(): number {
    const n = this.pageSize;
    return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE ? n : DEFAULT_PAGE_SIZE;
  }

  private resetFeed(): void {
    this.seen.clear();
    this.seenVersion++;
    this.firstPage = true;
    this.newestShown = -Infinity;
    this.paged = false;
    this.loadingMore = false;
    this.moreFailed = false;
  }

  private show(post: Post): void {
    this.seen.set(post.id, 'shown');
    this.seenVersion++;
    this.newestShown = Math.max(this.newestShown, post.createdAt.getTime());
  }

  /**
   * Decides, once per post, whether it is shown or held back: the first page, older pages, the viewer's
   * own posts and posts that surface among those already read are shown; newer posts by others are held.
   */
  private classify(page: FeedPage): void {
    const uid = this.viewerSub.value?.uid;
    const offline = this.connection.value === false;
    let held = false;
    let arrived = false;
    for (const post of page.posts) {
      if (this.seen.has(post.id)) continue;
      // A post newer than all shown (the viewer's own included) slides the newest-page window down.
      if (!this.firstPage && post.createdAt.getTime() > this.newestShown) arrived = true;
      const own = uid !== undefined && post.author === uid;
      if (own && offline) this.unsent.add(post.id);
      if (this.firstPage || own || post.createdAt.getTime() <= this.newestShown) {
        this.show(post);
      } else {
        this.seen.set(post.id, 'held');
        this.seenVersion++;
        held = true;
      }
    }
    this.firstPage = false;
    if ((held || arrived) && !this.paged && page.hasMore) {
      // Until the first `more()` the window is the newest page, so each new post (held, or the viewer's
      // own, shown at once) pushes the oldest shown post out at the bottom. Paging once pins the window (the store keeps everything from its oldest
      // post up), which brings it back and keeps the reader's posts in place.
      this.paged = true;
      void this.feedHandle?.more().catch((error: unknown) => this.emitError('more', toStoreError(error)));
    }
  }

  private answer(
    detail: PostRequestDetail,
    operation: string,
    write: (store: LenigStore) => Promise<unknown>,
    done: () => void | Promise<void>,
    waitOffline = false,
  ): void {
    const store = this.activeStore;
    if (!store) {
      detail.respondWith(Promise.reject(new StoreError('unknown', 'No store.')));
      return;
    }
    const outcome = write(store).then(
      () => done(),
      (error: unknown) => {
        const e = toStoreError(error);
        this.emitError(operation, e);
        throw e;
      },
    );
    if (this.connection.value === false && !waitOffline) {
      // Offline the store applies the change locally at once and sends it later: the card can close now.
      // A later refusal still reaches the page as lenig-error.
      outcome.catch(() => undefined);
      detail.respondWith(Promise.resolve());
    } else {
      detail.respondWith(outcome);
    }
  }

  /** The profiles of the people a post mentions, so the card shows their current names. */
  private mentionsOf(post: Post, rendered: Map<Post, Mentioned>): Mentioned['profiles'] {
    // Posts are the same objects until they change, so each text is parsed once, not on every render.
    const last = this.mentions.get(post);
    const uids = last?.uids ?? mentionedIn(post.text);
    let profiles = last?.profiles;
    if (uids.length && (!profiles || uids.some((uid) => profiles!.get(uid) !== this.profiles.get(uid)))) {
      profiles = new Map(uids.map((uid) => [uid, this.profiles.get(uid)]));
    }
    rendered.set(post, { uids, profiles });
    return profiles;
  }

  private postFor(target: LikeTarget): Post | undefined {
    return this.feed.value?.posts.find((p) => postTarget(p.channel, p.id) === target);
  }

  /** The posts shown (not held back), in feed order: what aria-posinset counts. Not to be changed. */
  private shownPosts(): Post[] {
    return this.splitPosts()?.shown ?? [];
  }

  private splitPosts(): { shown: Post[]; held: number } | undefined {
    const posts = this.feed.value?.posts;
    if (!posts) return undefined;
    if (this.split?.posts !== posts || this.split.version !== this.seenVersion) {
      const shown: Post[] = [];
      for (const p of posts) if (this.seen.get(p.id) === 'shown') shown.push(p);
      this.split = { posts, version: this.seenVersion, shown, held: posts.length - shown.length };
    }
    return this.split;
  }

  /**
   * Focuses the post at `index` of the shown posts. In a long feed its card may be outside the window:
   * pinned first, it is rendered, then focused (which scrolls it into view and moves the window there).
   */
  private async focusPost(index: number): Promise<void> {
    const id = this.shownPosts()[index]?.id;
    if (id === undefined) return;
    let card = this.cardFor(id);
    if (!card) {
      this.focusId = id;
      this.requestUpdate();
      await this.updateComplete;
      card = this.cardFor(id);
    }
    card?.focus();
  }

  private cardFor(id: string): LenigPostCardElement | null {
    return this.renderRoot.querySelector(`lenig-post-card[data-id="${CSS.escape(id)}"]`);
  }

  private watchSentinel(): void {
    this.sentinel.observe(this.noInfiniteScroll ? null : this.renderRoot.querySelector('.sentinel'));
  }

  // --- render ----------------------------------------------------------------------------------------

  private renderFilters(): TemplateResult | typeof nothing {
    const categories = this.channelSub.value?.categories ?? [];
    if (this.noFilters || categories.length < 2) return nothing;
    const { t } = this.i18n;
    // The cards' category names, read through the feed's own localize controller (one fewer per feed).
    const cardText = this.i18n.tableOf(postCardMessages);
    const chip = (key: string | undefined, label: string) =>
      html`<button class="chip" part="chip" type="button" aria-pressed=${this.selected === key ? 'true' : 'false'} @click=${() => this.selectCategory(key)}>
        ${label}
      </button>`;
    return html`<div class="filters" part="filters" role="group" aria-label=${t.filterLabel}>
      ${chip(undefined, t.allCategories)} ${categories.map((c) => chip(c, cardText.category(c)))}
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    const card = (lines: number[]) => html`<div class="skeleton" aria-hidden="true">
      <div class="top">
        <span class="disc shimmer"></span>
        <span class="line shimmer w-40"></span>
      </div>
      ${lines.map((w) => html`<span class="line shimmer w-${w}"></span>`)}
    </div>`;
    return html`${card([95, 80, 60])}${card([90, 70])}${card([85, 90, 40])}`;
  }

  private renderPosts(page: FeedPage): TemplateResult {
    const viewer = this.viewerSub.value ?? null;
    const visible = this.shownPosts();
    const setsize = page.hasMore ? -1 : visible.length;
    const unknown = this.common.t.unknownPerson;
    // The viewer is "you" in the "liked by" names, as on the standalone like button.
    const you = this.i18n.tableOf(likeButtonMessages).you;
    // Read-only: 1 archived, 2 deleted.
    const closed = this.channelDeleted ? 2 : this.channelSub.value?.archived ? 1 : 0;
    // Every card's values are worked out here, in render(), not in repeat's or guard's callback (which run
    // after the update is marked done): a profile the store answers at once would otherwise ask for a
    // second render of the whole feed straight after the first.
    const mentions = new Map<Post, Mentioned>();
    const rows = this.windowing.slice(visible, (p) => p.id, this.focusId).map((s) => {
      // A gap stands in for the cards out of the window, keeping the scroll height of the whole feed.
      if (!s.item) return { key: s.key, view: html`<div class="gap" aria-hidden="true" style=${styleProps({ height: `${s.gap}px` })}></div>` };
      const { item: p, index: i } = s;
      const target = postTarget(p.channel, p.id);
      const like = this.likes.view(target, p.likeCount);
      const author = this.profiles.get(p.author);
      const likers = this.likes.likers(target, like, you, unknown);
      const pending = this.unsent.has(p.id) || flaggedPending(p);
      const now = this.coarseNow.getTime() - p.createdAt.getTime() > DAY_MS ? this.coarseNow : this.clock.now;
      const postMentions = this.mentionsOf(p, mentions);
      // Guarded by everything the row shows: when one post of the page changed (a colleague's like), the
      // other rows are left alone instead of having each of their bindings compared again.
      const deps = [p, author, viewer, like.count, like.pressed, like.pending, likers, pending, closed, i, setsize, now, postMentions];
      return {
        key: s.key,
        view: guard(
          deps,
          () =>
            html`<lenig-post-card
              data-id=${p.id}
              exportparts="card, header, avatar, author, timestamp, category, body, mention, link, actions, textarea, like-button, like-count"
              .post=${p}
              .author=${author}
              .viewer=${viewer}
              .likeCount=${like.count}
              .liked=${like.pressed}
              .likePending=${like.pending}
              .likers=${likers}
              .pending=${pending}
              .archived=${closed === 1}
              .channelDeleted=${closed > 1}
              .posinset=${i + 1}
              .setsize=${setsize}
              .now=${now}
              .mentions=${postMentions}
            ></lenig-post-card>`,
        ),
      };
    });
    this.mentions = mentions;
    return html`${repeat(
      rows,
      (r) => r.key,
      (r) => r.view,
    )}`;
  }

  private renderMore(page: FeedPage): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    if (!page.hasMore) {
      return page.posts.length > 0 && this.paged ? html`<div class="more-row"><p class="end">${t.allShown}</p></div>` : nothing;
    }
    return html`<div class="more-row">
      ${this.moreFailed ? html`<p class="more-error" role="alert">${t.olderFailed}</p>` : nothing}
      <button class="button" part="more" type="button" ?disabled=${this.loadingMore} @click=${() => this.loadMore(true)}>
        ${this.loadingMore ? t.loadingOlder : this.moreFailed ? this.common.t.retry : t.showOlder}
      </button>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const { t } = this.i18n;
    const info = this.channelSub.value;
    const label = t.feedLabel(info ? channelName(this.i18n, info) : (this.channel ?? ''));
    if (this.feed.status === 'error') {
      const error = this.feed.error;
      if (this.cspBlocked) return html`<p class="notice error state" part="status">${this.offlineMessage}</p>`;
      if (error?.code === 'unauthenticated' && !this.viewerSub.value) return this.renderSignInToRead(() => this.retry());
      const message = error?.code === 'not-found' ? this.channelMissing(this.channel ?? '', this.viewerSub.value) : t.loadFailed;
      return html`<div class="notice error state" part="status" role="alert">
        <p>${message}</p>
        ${error?.code === 'not-found' ? this.renderCreateChannel(this.channel ?? '', this.viewerSub.value, () => this.retry()) : nothing}
        <button class="button" type="button" @click=${this.retry}>${this.common.t.retry}</button>
      </div>`;
    }
    const page = this.feed.value;
    if (this.feed.status !== 'ready' || !page) {
      // Offline and a blocking policy are said by the banner above; a slow load is said here.
      const bannered = this.connection.value === false || this.cspBlocked !== undefined;
      const slow = this.waitMessage(true) !== undefined && !bannered;
      return html`<div class="feed" part="feed" role="feed" aria-label=${label} aria-busy="true">${this.renderSkeleton()}</div>
        <p class=${slow ? 'notice' : 'visually-hidden'} role="status">${slow ? this.common.t.waitingSlow : t.loadingPosts}</p>`;
    }
    const { held, shown: { length: shown } } = this.splitPosts()!;
    // Rendered first: it decides whether the feed is windowed.
    const posts = shown === 0 ? nothing : this.renderPosts(page);
    // No white space inside the live regions: empty, they must match :empty and take no room.
    return html`<div class="new-posts-region" role="status">${held > 0
        ? html`<button class="new-posts" part="new-posts" type="button" @click=${this.reveal}>
            ${this.i18n.plural(held, { one: t.newPostsOne, other: t.newPostsOther })}
          </button>`
        : nothing}</div>
      ${shown === 0
        ? html`<p class="notice state" part="status" tabindex="-1">${this.selected ? t.emptyCategory : t.empty}</p>`
        : html`<div
            class=${this.windowing.active ? 'feed windowed' : 'feed'}
            part="feed"
            role="feed"
            aria-label=${label}
            aria-busy=${this.loadingMore ? 'true' : 'false'}
            @keydown=${this.onKeydown}
            @focusin=${this.onFocusIn}
          >
            ${posts}
          </div>`}
      <div class="sentinel"></div>
      ${this.renderMore(page)}`;
  }

  /**
   * The channel's record is gone while its posts still show: an admin deleted it, and the posts left behind
   * take no new writes (the rules refuse them), as in an archived channel.
   */
  private get channelDeleted(): boolean {
    return this.channelSub.error?.code === 'not-found' && !!this.feed.value;
  }

  /** An archived or deleted channel is read-only: said above its posts, before anyone tries to like or reply. */
  private renderArchived(): TemplateResult | typeof nothing {
    const info = this.channelSub.value;
    const { t } = this.i18n;
    const text = this.channelDeleted ? t.channelDeleted : info?.archived && t.archived(channelName(this.i18n, info));
    return text ? html`<p class="notice" part="archived">${text}</p>` : nothing;
  }

  protected override render(): TemplateResult {
    const unavailable = this.renderUnavailable({ channel: this.channel });
    if (unavailable !== nothing) return unavailable;
    return html`<div
      class="lenig feed-root"
      @lenig-sign-in-request=${this.relaySignIn}
      @lenig-post-edit=${this.onEdit}
      @lenig-post-delete=${this.onDelete}
      @lenig-post-report=${this.onReport}
      @lenig-post-hide=${this.onHide}
    >
      <div class="live" role="status">${this.connection.value === false || (this.cspBlocked && this.feed.status !== 'error')
          ? html`<p class="offline" part="offline">${this.offlineMessage}</p>`
          : nothing}</div>
      ${this.renderArchived()} ${this.renderFilters()} ${this.renderBody()}
    </div>`;
  }
}

define('lenig-feed', LenigFeedElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-feed': LenigFeedElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-post-edited': CustomEvent<FeedPostEditedDetail>;
    'lenig-post-deleted': CustomEvent<FeedPostDetail>;
    'lenig-post-hidden': CustomEvent<FeedPostHiddenDetail>;
    'lenig-post-reported': CustomEvent<FeedPostDetail>;
  }
}

/** A post's mentions: who, by uid, and the profiles last handed to its card (none when nobody is mentioned). */
interface Mentioned {
  uids: UserId[];
  profiles: ReadonlyMap<UserId, Profile | null | undefined> | undefined;
}
