import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LikerNames } from '../../controllers/liker-names.js';
import { OptimisticLikes } from '../../controllers/optimistic-likes.js';
import { warnOnce } from '../../log.js';
import type { StoreError } from '../../data/store.js';
import { pageTarget, type LikeState, type LikeTarget } from '../../data/types.js';
import { likeButtonMessages } from '../../i18n/messages/like-button.js';
import { commonReason } from '../shared/events.js';
import { LenigElement } from '../shared/lenig-element.js';
import { likeButtonStyles } from './like-button.styles.js';
import { LikeControl, type LikeControlState, type LikeIcon } from './like-control.js';
import { define } from '../shared/define.js';

// The details of the like control's events (`lenig-like-toggle`, `lenig-sign-in-request`), with their
// types in the page's event map.
export type { LikeTargetDetail, LikeToggleDetail } from './like-view.js';

/** Detail of `lenig-liked` and `lenig-unliked`. */
export interface LikedDetail {
  target: LikeTarget;
  /** The count as the user sees it after the change. */
  count: number;
}

/** How long a failure message stays on screen (it is announced once, when it appears). */
const MESSAGE_MS = 8000;
const ICONS: readonly LikeIcon[] = ['thumb', 'heart'];

/**
 * A like button for anything: a post, an idea, or — with no `target` — the page it stands on. Drop it
 * into a news article and readers can like the article.
 *
 * ```html
 * <lenig-like-button></lenig-like-button>                         <!-- likes this page -->
 * <lenig-like-button target="campaign-2026"></lenig-like-button>  <!-- likes any key -->
 * ```
 *
 * The click shows at once (optimistic) and is saved in the background; rapid clicks end in the state the
 * user saw last, and a failed save rolls back and says why. Likes by colleagues arrive live. Hovering or
 * focusing the button shows who liked it. Signed-out readers are invited to sign in. Offline, the like is
 * shown at once and sent when the connection is back. A post in an archived channel shows its count on a
 * dimmed, `aria-disabled` button whose description (and tooltip, also on click) says the channel is archived;
 * a post left behind in a deleted channel likewise, saying the channel no longer exists.
 *
 * @summary Standalone like button with a live count and "liked by" names.
 *
 * @csspart button - The native `<button>` (has `aria-pressed`).
 * @csspart icon - The thumbs-up or heart icon.
 * @csspart count - The formatted count.
 * @csspart label - The "Sign in to like" text for signed-out readers.
 * @csspart tooltip - The "liked by" tooltip.
 * @csspart status - The polite message next to the button (failures, offline) and the load error.
 *
 * @cssproperty --lenig-like-button-color - Icon and count when not liked. Default: the quiet text colour.
 * @cssproperty --lenig-like-button-active-color - Icon and count when liked. Default: the accent colour.
 * @cssproperty --lenig-like-button-border-color - Outline of the button when not liked. Default: the border colour.
 * @cssproperty --lenig-like-button-active-background - Button background when liked. Default: a tint of the active colour.
 * @cssproperty --lenig-like-button-icon-size - Size of the icon. Default: 1.25em.
 * @cssproperty --lenig-like-button-tooltip-background - Background of the "liked by" tooltip. Default: the raised surface colour.
 *
 * @fires {CustomEvent<LikeToggleDetail>} lenig-like-toggle - Before a like or unlike is applied. Cancelable: `preventDefault()` keeps the state.
 * @fires {CustomEvent<LikeTargetDetail>} lenig-sign-in-request - A signed-out reader clicked. Cancelable: `preventDefault()` to sign in your own way instead of `store.signIn()`.
 * @fires {CustomEvent<LikedDetail>} lenig-liked - The like was saved.
 * @fires {CustomEvent<LikedDetail>} lenig-unliked - The unlike was saved.
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - Saving (`operation: 'like'` / `'unlike'`), signing in (`'signIn'`) or loading (`'subscribeLikes'`) failed.
 */
export class LenigLikeButtonElement extends LenigElement {
  static override styles = likeButtonStyles;

  private readonly i18n = this.localize(likeButtonMessages);
  private readonly likes = this.subscribeStore<LikeState, [LikeTarget]>(
    'subscribeLikes',
    () => [this.resolvedTarget],
    (store, [target], next, fail) => store.subscribeLikes(target, next, fail),
  );
  private readonly viewer = this.watchViewer();
  private readonly connection = this.watchConnection();
  /**
   * Optimistic state; "mine" comes with this target's own likes. Not the feed's LikesController: one
   * target needs none of its leaf-request handling, and the page then does not fetch it.
   */
  private readonly optimistic = new OptimisticLikes(
    () => this.activeStore,
    () => this.requestUpdate(),
  );
  /** The "liked by" names, fetched once someone hovers or focuses the button. */
  private readonly names = new LikerNames(this, () => this.activeStore);
  /** What the like control shows; set by every render before the control renders (it reads it only then). */
  private shown = { loading: true } as LikeControlState;
  /**
   * The like toggle, in this element's own shadow root (no `<lenig-like-view>` with a shadow root of its
   * own). Its requests are this element's cancelable events; a like or sign-in runs unless cancelled.
   */
  private readonly control = new LikeControl(
    this,
    () => this.shown,
    { button: 'button', icon: 'icon', count: 'count', label: 'label', tooltip: 'tooltip' },
    this.i18n,
    { toggle: (liked) => this.toggle(liked), signIn: () => this.signIn(), likers: () => (this.wantLikers = true) },
  );

  /** Someone hovered or focused the button: from now on the likers' names are kept up to date. */
  @state() private wantLikers = false;
  @state() private message: { text: string; error: boolean } | undefined;
  /** Counts clicks so that only the last of a burst reports its outcome. */
  private clicks = 0;
  private messageTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * What is liked: a post or idea target (`post:{channel}:{id}`) or any key up to 768 bytes. Without it,
   * the page the button stands on: its `<link rel="canonical">` when present, else its address (fragment
   * and tracking parameters dropped, so `/news/` and `/news#top` are one page).
   */
  @property() target?: string;
  /** `thumb` (default) or `heart`. */
  @property() icon: LikeIcon = 'thumb';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.messageTimer);
    this.optimistic.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target') && changed.get('target') !== undefined) this.wantLikers = false;
    if (changed.has('icon') && !ICONS.includes(this.icon)) warnOnce(`<lenig-like-button icon="${this.icon}"> — use "thumb" or "heart"; showing "thumb".`);
  }

  // --- handlers ------------------------------------------------------------------------------------

  private toggle(liked: boolean): void {
    const state = this.likes.value;
    // A post in an archived channel is read-only: the store would refuse the write.
    if (!state || state.archived) return;
    const target = state.target;
    this.say(undefined);
    const click = ++this.clicks;
    this.optimistic.toggle(target, state.count, state.mine).then(
      () => {
        if (click !== this.clicks) return;
        const now = this.likes.value;
        const count = now ? this.optimistic.view(target, now.count, now.mine).count : 0;
        this.emit(liked ? 'lenig-liked' : 'lenig-unliked', { target, count });
      },
      (error: StoreError) => {
        const t = this.i18n.t;
        this.say(`${liked ? t.likeFailed : t.unlikeFailed} ${this.reason(error)}`, true);
        this.emitError(liked ? 'like' : 'unlike', error);
      },
    );
  }

  private signIn(): void {
    const store = this.activeStore;
    if (!store) return;
    this.say(undefined);
    // Where reading likes needs sign-in, the count comes once signed in.
    store.signIn().then(
      () => {
        if (this.likes.status === 'error') this.likes.retry();
      },
      (error: StoreError) => {
        this.say(`${this.i18n.t.signInFailed} ${this.reason(error)}`, true);
        this.emitError('signIn', error);
      },
    );
  }

  private onRetry(): void {
    this.likes.retry();
    this.requestUpdate();
  }

  // --- public methods ------------------------------------------------------------------------------

  /** Moves focus to the button. */
  override focus(options?: FocusOptions): void {
    const button = this.control.button;
    if (button) button.focus(options);
    else super.focus(options);
  }

  // --- internals -----------------------------------------------------------------------------------

  /** The target in use: the attribute, else the page's canonical address. */
  get resolvedTarget(): LikeTarget {
    if (this.target) return this.target;
    if (this.target === '') warnOnce('<lenig-like-button target=""> is empty; liking the page instead.');
    const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
    if (canonical) {
      try {
        return pageTarget(canonical.href);
      } catch {
        warnOnce(`<link rel="canonical" href="${canonical.href}"> is not a URL; liking the page address instead.`);
      }
    }
    return pageTarget(location.href);
  }

  private say(text: string | undefined, error = false): void {
    clearTimeout(this.messageTimer);
    this.message = text ? { text, error } : undefined;
    if (text) this.messageTimer = setTimeout(() => (this.message = undefined), MESSAGE_MS);
  }

  private reason(error: StoreError): string {
    return commonReason(error, this.common.t) ?? this.common.t.somethingWrong;
  }

  // --- render --------------------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    const unavailable = this.renderUnavailable();
    if (unavailable !== nothing) return unavailable;
    const t = this.i18n.t;
    const signedOutReader =
      this.likes.status === 'error' && this.likes.error?.code === 'unauthenticated' && this.viewer.value === null && !this.cspBlocked;
    if (this.likes.status === 'error' && !signedOutReader) {
      return html`<span class="load-error" role="alert" part="status"
        >${this.cspBlocked ? this.offlineMessage : t.loadFailed}
        <button class="button" type="button" @click=${this.onRetry}>${this.common.t.retry}</button></span
      >`;
    }
    const state = this.likes.value;
    const viewer = this.viewer.value;
    const loading = (!state && !signedOutReader) || this.viewer.status !== 'ready';
    const shown = state ? this.optimistic.view(state.target, state.count, state.mine) : undefined;
    const offline = this.connection.value === false;
    // Loading that takes long (no connection, a blocking page policy) is said, not left spinning.
    const waiting = this.waitMessage(loading || (this.cspBlocked !== undefined && !state), offline);
    const message =
      this.message ??
      (waiting ? { text: waiting, error: false } : undefined) ??
      (offline && shown?.pending ? { text: this.cspBlocked ? this.offlineMessage : t.offlinePending, error: false } : undefined);
    this.shown = {
      target: state?.target ?? this.resolvedTarget,
      count: shown?.count ?? 0,
      pressed: shown?.pressed ?? false,
      likers: state && shown && this.wantLikers ? this.names.labels(state.likers, viewer?.uid, shown.pressed, t.you, this.common.t.unknownPerson) : undefined,
      icon: ICONS.includes(this.icon) ? this.icon : 'thumb',
      signedOut: !loading && viewer === null,
      disabled: false,
      loading,
      pending: shown?.pending ?? false,
      archived: state?.archived === true,
      channelDeleted: state?.channelDeleted,
    };
    return html`${this.control.render('lenig')}<span class="message ${message?.error ? 'error' : ''}" role="status" part="status">${message?.text ?? ''}</span>`;
  }
}

define('lenig-like-button', LenigLikeButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-like-button': LenigLikeButtonElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-liked': CustomEvent<LikedDetail>;
    'lenig-unliked': CustomEvent<LikedDetail>;
  }
}
