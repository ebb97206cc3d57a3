import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LenigStore, StoreError } from '../data/store.js';
import type { LikeTarget, UserId } from '../data/types.js';
import { toStoreError } from '../components/shared/events.js';
import { relay } from '../components/shared/relay.js';
import type { LikeTargetDetail, LikeToggleDetail } from '../components/like-button/like-view.js';
import { LikerNames, MAX_LIKER_NAMES } from './liker-names.js';
import { OptimisticLikes, type LikeView } from './optimistic-likes.js';
import { SubscriptionController } from './subscription.js';

export type { LikeView } from './optimistic-likes.js';

export interface LikesOptions {
  /** The store to read and write. */
  store: () => LenigStore | undefined;
  /**
   * Who is signed in: a uid, null when signed out, undefined while not known. Given by containers that
   * show many targets: the controller then keeps one "which do I like" subscription, opened again
   * whenever the viewer changes, because that set belongs to whoever is signed in.
   */
  viewer?: () => UserId | null | undefined;
  /**
   * A read or write failed (`operation` is the store method: `getLikers`, or `like` / `unlike` for a
   * toggle made through `onLikeToggle`).
   */
  onError?: (operation: string, error: StoreError) => void;
  /**
   * Given by containers that answer their leaves' requests: the server's count of a target this host
   * shows, or undefined when the target is not one of its own. The controller then listens in the host's
   * shadow tree for `lenig-like-toggle` and `lenig-likers-request` (see `onLikeToggle`, `onLikersRequest`).
   */
  countOf?: (target: LikeTarget) => number | undefined;
  /** A toggle made through `onLikeToggle` failed and has rolled back; `mine` is what the viewer undid. */
  onToggleFailed?: (mine: boolean) => void;
}

/**
 * Everything about likes that the like button, the feed and the idea board share: the optimistic state
 * of each target (see `OptimisticLikes`), the set of targets the viewer likes, and the names for the
 * "liked by" tooltips. One controller per host; subscriptions and timers end in `hostDisconnected`.
 */
export class LikesController implements ReactiveController {
  private readonly optimistic: OptimisticLikes;
  private readonly mine?: SubscriptionController<ReadonlySet<LikeTarget>, [UserId | null]>;
  private readonly names: LikerNames;
  /** Likers fetched for a tooltip, with the count they were fetched at (to notice a change). */
  private readonly fetched = new Map<LikeTarget, { count: number; uids: UserId[] | undefined; labels?: string[] | undefined }>();
  private store: LenigStore | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: LikesOptions,
  ) {
    host.addController(this);
    this.optimistic = new OptimisticLikes(options.store, () => host.requestUpdate());
    this.names = new LikerNames(host, options.store);
    const viewer = options.viewer;
    if (viewer) {
      this.mine = new SubscriptionController<ReadonlySet<LikeTarget>, [UserId | null]>(
        host,
        options.store,
        () => {
          const uid = viewer();
          return uid === undefined ? undefined : [uid];
        },
        (store, _deps, next, fail) => store.subscribeMyLikes(next, fail),
      );
    }
  }

  hostUpdate(): void {
    const store = this.options.store();
    if (store !== this.store) {
      this.store = store;
      this.fetched.clear();
    }
  }

  hostConnected(): void {
    if (!this.options.countOf) return;
    // On the shadow root, not the host: the relayed copy is fired from the host and must not come back here.
    this.host.renderRoot.addEventListener('lenig-like-toggle', this.onLikeToggle as EventListener);
    this.host.renderRoot.addEventListener('lenig-likers-request', this.onLikersRequest as EventListener);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('lenig-like-toggle', this.onLikeToggle as EventListener);
    this.host.renderRoot.removeEventListener('lenig-likers-request', this.onLikersRequest as EventListener);
    this.optimistic.dispose();
    this.fetched.clear();
  }

  /** Whether the viewer likes `target` as the server says (needs the `viewer` option). */
  isMine(target: LikeTarget): boolean {
    return this.mine?.value?.has(target) ?? false;
  }

  /**
   * What to show for a target: the server's count and "mine" (default: the viewer's likes this
   * controller follows), corrected by what the viewer just clicked.
   */
  view(target: LikeTarget, serverCount: number, serverMine: boolean = this.isMine(target)): LikeView {
    return this.optimistic.view(target, serverCount, serverMine);
  }

  /**
   * Flips `target` as the viewer sees it now, saving in the background. Rejects with the StoreError
   * when saving failed (the view has rolled back by then).
   */
  toggle(target: LikeTarget, serverCount: number, serverMine: boolean = this.isMine(target)): Promise<void> {
    return this.optimistic.toggle(target, serverCount, serverMine);
  }

  /**
   * A container's answer to a leaf's `lenig-like-toggle`: relayed from
   * the host, cancelable, then flipped optimistically when nobody refused it. Targets `countOf` does not
   * know are let alone.
   */
  readonly onLikeToggle = (e: CustomEvent<LikeToggleDetail>): void => {
    relay<'lenig-like-toggle'>(this.host, e, ({ target }) => {
      const count = this.options.countOf?.(target);
      if (count === undefined) return;
      const mine = this.isMine(target);
      this.toggle(target, count).catch((error: unknown) => {
        this.options.onToggleFailed?.(mine);
        this.options.onError?.(mine ? 'unlike' : 'like', toStoreError(error));
      });
    });
  };

  /**
   * A container's answer to a leaf's `lenig-likers-request`: a request for data, answered here, so it
   * stops here; nothing for the page to decide.
   */
  readonly onLikersRequest = (e: CustomEvent<LikeTargetDetail>): void => {
    e.stopPropagation();
    const count = this.options.countOf?.(e.detail.target);
    if (count !== undefined) void this.requestLikers(e.detail.target, count);
  };

  /**
   * Fetches who liked `target` for its tooltip (a container calls this on `lenig-likers-request`);
   * `count` is remembered, so a later change of the count fetches again.
   */
  async requestLikers(target: LikeTarget, count: number): Promise<void> {
    const store = this.options.store();
    if (!store) return;
    const last = this.fetched.get(target);
    const entry = { count, uids: last?.uids, labels: last?.labels };
    this.fetched.set(target, entry);
    try {
      entry.uids = await store.getLikers(target, MAX_LIKER_NAMES);
      this.host.requestUpdate();
    } catch (error) {
      if (this.fetched.get(target) === entry) this.fetched.delete(target);
      this.options.onError?.('getLikers', toStoreError(error));
    }
  }

  /**
   * The names for `target`'s tooltip as `LikerNames.labels` gives them (`shown`: what the host shows now, with
   * the viewer this controller follows), or undefined while not asked for or loading. A count that
   * moved since the fetch fetches again, so the tooltip never names fewer people for long. The same
   * names give the same array, so a container's guarded row is left alone until they change.
   */
  likers(target: LikeTarget, shown: Pick<LikeView, 'count' | 'pressed'>, you: string, unknown: string): string[] | undefined {
    const entry = this.fetched.get(target);
    if (!entry) return undefined;
    if (entry.count !== shown.count) {
      entry.count = shown.count;
      queueMicrotask(() => void this.requestLikers(target, shown.count));
    }
    const labels = entry.uids && this.names.labels(entry.uids, this.options.viewer?.(), shown.pressed, you, unknown);
    if (labels?.join('\n') !== entry.labels?.join('\n')) entry.labels = labels;
    return entry.labels;
  }
}
