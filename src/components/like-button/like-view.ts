import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MAX_LIKER_NAMES } from '../../controllers/likes.js';
import type { AnchoredPopoverController } from '../../controllers/popover.js';
import { supportsPopover } from '../../controllers/popover-support.js';
import { logError, warnOnce } from '../../log.js';
import { LocalizeController } from '../../i18n/localize.js';
import { likeButtonMessages } from '../../i18n/messages/like-button.js';
import { emit } from '../shared/events.js';
import { likeViewStyles } from './like-view.styles.js';
import { define } from '../shared/define.js';

/** Detail of `lenig-like-toggle`: the target and the state the user asks for. */
export interface LikeToggleDetail {
  target: string;
  /** The new state requested: true to like, false to unlike. */
  liked: boolean;
}

/** Detail of `lenig-likers-request` and `lenig-sign-in-request`. */
export interface LikeTargetDetail {
  target: string;
}

export type LikeIcon = 'thumb' | 'heart';
const ICONS: readonly LikeIcon[] = ['thumb', 'heart'];

/** Delay before a hover opens the tooltip, so sweeping the mouse across a feed does not flash tooltips. */
const HOVER_OPEN_MS = 300;
/** Delay before leaving closes it, so the pointer can cross the gap onto the tooltip itself. */
const HOVER_CLOSE_MS = 150;

/**
 * The like control itself, without data: a toggle button with an icon and a count, and a "liked by"
 * tooltip. It only shows what it is given and asks for changes through events, so a feed, an idea board
 * or `<lenig-like-button>` can drive it from their own data and optimistic state.
 *
 * The tooltip opens on hover and on focus, stays open while the pointer is over it, and closes with
 * Escape (WCAG 1.4.13). It is the button's description (`aria-describedby`), so screen readers hear who
 * liked it even when it is not shown.
 *
 * @summary Presentational like toggle: icon, count, "liked by" tooltip.
 *
 * @csspart button - The native `<button>` (has `aria-pressed`).
 * @csspart icon - The thumbs-up or heart `<svg>`; filled when pressed.
 * @csspart count - The formatted count (empty at zero).
 * @csspart label - The "Sign in to like" text, shown when `signed-out`.
 * @csspart tooltip - The "liked by" tooltip.
 *
 * @cssproperty --lenig-like-button-color - Icon and count when not liked. Default: the quiet text colour.
 * @cssproperty --lenig-like-button-active-color - Icon and count when liked. Default: the accent colour.
 * @cssproperty --lenig-like-button-border-color - Outline of the button when not liked. Default: the border colour.
 * @cssproperty --lenig-like-button-active-background - Button background when liked. Default: a tint of the active colour.
 * @cssproperty --lenig-like-button-icon-size - Size of the icon. Default: 1.25em.
 * @cssproperty --lenig-like-button-tooltip-background - Background of the "liked by" tooltip. Default: the raised surface colour.
 *
 * @fires {CustomEvent<LikeToggleDetail>} lenig-like-toggle - The user asks to like (`liked: true`) or unlike. Cancelable; the view does not change by itself.
 * @fires {CustomEvent<LikeTargetDetail>} lenig-likers-request - First hover or focus for this target: a container may now fill `likers`.
 * @fires {CustomEvent<LikeTargetDetail>} lenig-sign-in-request - A signed-out user clicked. Cancelable.
 */
export class LenigLikeViewElement extends LitElement {
  static override styles = likeViewStyles;

  private readonly i18n = new LocalizeController(this, likeButtonMessages);
  /** Places the tooltip; its code is loaded at the first hover or focus (most buttons never get one). */
  private tooltip?: AnchoredPopoverController;
  private tooltipCode?: Promise<void>;

  @query('button') private button!: HTMLButtonElement;
  @query('.tip') private tip!: HTMLElement;

  /** Whether the tooltip is showing. */
  @state() private open = false;
  private hovered = false;
  private focused = false;
  /** Escape closes the tooltip until the pointer and focus have both left and come back. */
  private dismissed = false;
  private requestedFor: string | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;

  /** The like target this view stands for; carried in every event it fires. */
  @property() target = '';
  /** How many people like it. */
  @property({ type: Number }) count = 0;
  /** Whether the viewer likes it (as the viewer should see it now, optimism included). */
  @property({ type: Boolean, reflect: true }) pressed = false;
  /** Display names of people who like it, newest first; `undefined` while not loaded. */
  @property({ attribute: false }) likers: string[] | undefined;
  /** The viewer is signed out: clicking asks to sign in instead of toggling. */
  @property({ type: Boolean, reflect: true, attribute: 'signed-out' }) signedOut = false;
  /** Not clickable (e.g. while a container has no store). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The count is not known yet: a placeholder of the same size instead of a number. */
  @property({ type: Boolean, reflect: true }) loading = false;
  /** A write is on its way (the count shows dimmed). Purely visual; the button stays usable. */
  @property({ type: Boolean, reflect: true }) pending = false;
  /** `thumb` (default) or `heart`. */
  @property() icon: LikeIcon = 'thumb';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.hoverTimer);
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('icon') && !ICONS.includes(this.icon)) {
      warnOnce(`<lenig-like-view icon="${String(this.icon)}"> — use "thumb" or "heart"; showing "thumb".`);
    }
    if (changed.has('target') && changed.get('target') !== undefined) {
      // A new target has its own likers; ask again on the next hover or focus.
      this.requestedFor = undefined;
    }
    if (changed.has('count') && (!Number.isFinite(this.count) || this.count < 0)) {
      warnOnce(`<lenig-like-view count="${this.count}"> — expected a number ≥ 0.`);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      if (this.open) this.tooltip?.show();
      else this.tooltip?.hide();
    } else if (this.open && (changed.has('likers') || changed.has('count'))) {
      this.tooltip?.place();
    }
  }

  // --- handlers ------------------------------------------------------------------------------------

  private onClick(): void {
    if (this.disabled || this.loading) return;
    if (this.signedOut) {
      emit(this, 'lenig-sign-in-request', { target: this.target }, { cancelable: true });
      return;
    }
    emit(this, 'lenig-like-toggle', { target: this.target, liked: !this.pressed }, { cancelable: true });
  }

  private onPointerEnter(): void {
    this.hovered = true;
    this.loadTooltip();
    this.requestLikers();
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.sync(), this.open ? 0 : HOVER_OPEN_MS);
  }

  private onPointerLeave(): void {
    this.hovered = false;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.sync(), HOVER_CLOSE_MS);
  }

  private onFocusIn(): void {
    // Keyboard focus opens the tooltip; the focus a mouse click leaves behind does not, or the tooltip
    // would stay over the page after every click. Hover covers mouse users.
    this.focused = this.button?.matches(':focus-visible') ?? true;
    this.loadTooltip();
    this.requestLikers();
    this.sync();
  }

  private onFocusOut(): void {
    this.focused = false;
    this.sync();
  }

  // --- public methods ------------------------------------------------------------------------------

  /** Moves focus to the button. */
  override focus(options?: FocusOptions): void {
    this.button?.focus(options);
  }

  // --- internals -----------------------------------------------------------------------------------

  /**
   * Loads the tooltip's placement code, once; the tooltip shows as soon as it has arrived (a hover waits
   * HOVER_OPEN_MS anyway). Its text is the button's description all along, so it is read meanwhile.
   */
  private loadTooltip(): void {
    this.tooltipCode ??= import('../../controllers/popover.js').then(
      ({ AnchoredPopoverController, TOOLTIP_PLACEMENT }) => {
        this.tooltip = new AnchoredPopoverController(this, {
          anchor: () => this.button,
          popup: () => this.tip,
          ...TOOLTIP_PLACEMENT,
          // Escape must work while the pointer rests on the button and focus is elsewhere.
          onEscape: () => {
            this.dismissed = true;
            this.sync();
            return true;
          },
        });
        if (this.open && this.isConnected) this.tooltip.show();
      },
      (error: unknown) => {
        this.tooltipCode = undefined;
        logError(`could not load the "liked by" tooltip — ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  private requestLikers(): void {
    if (this.requestedFor === this.target) return;
    this.requestedFor = this.target;
    emit(this, 'lenig-likers-request', { target: this.target });
  }

  private sync(): void {
    if (!this.hovered && !this.focused) this.dismissed = false;
    this.open = (this.hovered || this.focused) && !this.dismissed && !this.loading;
  }

  /** "3 likes" / "3 keer", or "no likes yet". */
  private countPhrase(): string {
    const { t } = this.i18n;
    return this.count > 0 ? this.i18n.plural(this.count, { one: t.countOne, other: t.countOther }) : t.noLikes;
  }

  private likedByText(): string {
    const { t } = this.i18n;
    if (this.likers === undefined) return this.count > 0 ? t.loadingLikers : t.beFirst;
    const names = this.likers.slice(0, MAX_LIKER_NAMES);
    if (names.length === 0) return t.beFirst;
    // Names can be fewer than the count: the store lists only the newest likers.
    const others = Math.max(this.count, this.likers.length) - names.length;
    const parts = others > 0 ? [...names, this.i18n.plural(others, { one: t.othersOne, other: t.othersOther })] : names;
    return t.likedBy(this.i18n.list(parts));
  }

  // --- render --------------------------------------------------------------------------------------

  private renderIcon(): TemplateResult {
    const shape =
      this.icon === 'heart'
        ? svg`<path class="shape" d="M12 20.2s-8-4.7-8-10.4a4.4 4.4 0 0 1 8-2.6 4.4 4.4 0 0 1 8 2.6c0 5.7-8 10.4-8 10.4z" />`
        : svg`<path class="shape" d="M7.5 10.5 11 3.6a2.1 2.1 0 0 1 3.9 1.5L14 9.5h5.2a2 2 0 0 1 2 2.4l-1.4 6.9a2 2 0 0 1-2 1.7H7.5z" /><rect
              class="shape"
              x="2.8"
              y="10.5"
              width="4.7"
              height="9.5"
              rx="1"
            />`;
    return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${shape}</svg>`;
  }

  protected override render(): TemplateResult {
    const { t } = this.i18n;
    const name = this.loading
      ? t.loadingLikes
      : this.signedOut
        ? t.signInWithCount(this.countPhrase())
        : t.likeWithCount(this.countPhrase());
    const count = this.loading ? html`<span class="skeleton"></span>` : this.count > 0 ? this.i18n.number(this.count) : '';
    return html`<span
      class="lenig"
      @pointerenter=${this.onPointerEnter}
      @pointerleave=${this.onPointerLeave}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      ><button
        part="button"
        type="button"
        aria-label=${name}
        aria-pressed=${ifDefined(this.signedOut || this.loading ? undefined : this.pressed ? 'true' : 'false')}
        aria-describedby=${ifDefined(this.loading ? undefined : 'tip')}
        aria-busy=${ifDefined(this.loading ? 'true' : undefined)}
        ?disabled=${this.disabled || this.loading}
        @click=${this.onClick}
      >${this.renderIcon()}${this.signedOut
          ? // Before the count, so the visible words read in the same order as the accessible name.
            html`<span part="label" class="label">${t.signInToLike}</span> `
          : nothing}<span part="count" class="count">${count}</span></button
      ><div id="tip" class="tip" role="tooltip" part="tooltip" .popover=${supportsPopover ? 'manual' : null}
        >${this.signedOut ? html`<span class="invite">${t.signInToLike}</span>` : nothing}${this.likedByText()}</div
      ></span
    >`;
  }
}

define('lenig-like-view', LenigLikeViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-like-view': LenigLikeViewElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-like-toggle': CustomEvent<LikeToggleDetail>;
    'lenig-likers-request': CustomEvent<LikeTargetDetail>;
    'lenig-sign-in-request': CustomEvent<LikeTargetDetail>;
  }
}
