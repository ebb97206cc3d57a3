import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { warnOnce } from '../../log.js';
import { LikeControl, type LikeIcon } from './like-control.js';
import { likeViewStyles } from './like-view.styles.js';
import { define } from '../shared/define.js';

export type { LikeIcon } from './like-control.js';

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

const ICONS: readonly LikeIcon[] = ['thumb', 'heart'];

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

  private readonly control = new LikeControl(this, () => this, { button: 'button', icon: 'icon', count: 'count', label: 'label', tooltip: 'tooltip' });

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
  /**
   * The target is a post in an archived channel: the count and the likers show, the button is dimmed and
   * `aria-disabled` (it stays focusable, and its description and tooltip say the channel is archived), and
   * a click fires no event.
   */
  @property({ type: Boolean, reflect: true }) archived = false;
  /** With `archived`: the post's channel no longer exists (an admin deleted it), and the reason given says so. */
  @property({ type: Boolean, attribute: 'channel-deleted' }) channelDeleted = false;
  /** The count is not known yet: a placeholder of the same size instead of a number. */
  @property({ type: Boolean, reflect: true }) loading = false;
  /** A write is on its way (the count shows dimmed). Purely visual; the button stays usable. */
  @property({ type: Boolean, reflect: true }) pending = false;
  /** `thumb` (default) or `heart`. */
  @property() icon: LikeIcon = 'thumb';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('icon') && !ICONS.includes(this.icon)) {
      warnOnce(`<lenig-like-view icon="${String(this.icon)}"> — use "thumb" or "heart"; showing "thumb".`);
    }
    if (changed.has('count') && (!Number.isFinite(this.count) || this.count < 0)) {
      warnOnce(`<lenig-like-view count="${this.count}"> — expected a number ≥ 0.`);
    }
  }

  /** Moves focus to the button. */
  override focus(options?: FocusOptions): void {
    this.control.button?.focus(options);
  }

  protected override render(): TemplateResult {
    return this.control.render('lenig');
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
