import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MAX_LIKER_NAMES } from '../../controllers/liker-names.js';
import type { AnchoredPopoverController } from '../../controllers/popover.js';
import { LocalizeController, type MessageTable } from '../../i18n/localize.js';
import { likeButtonMessages } from '../../i18n/messages/like-button.js';
import { logError } from '../../log.js';
import { emit } from '../shared/events.js';

export type LikeIcon = 'thumb' | 'heart';

/** What the like control shows, read from its host at every render. */
export interface LikeControlState {
  /** The like target; carried in every event. */
  target: string;
  count: number;
  pressed: boolean;
  likers: string[] | undefined;
  signedOut: boolean;
  disabled: boolean;
  /**
   * A post in an archived channel: the count and who liked it show, the button is `aria-disabled` (still
   * focusable, so its description says why) and a click only shows that reason.
   */
  archived?: boolean;
  /** With `archived`: the post's channel no longer exists, and the reason given says so. */
  channelDeleted?: boolean;
  loading: boolean;
  pending: boolean;
  icon: LikeIcon;
}

/** The `part` names the control's pieces get; a piece left out gets none. */
export interface LikeControlParts {
  button?: string;
  icon?: string;
  count?: string;
  label?: string;
  tooltip?: string;
}

/**
 * A host that acts on its own control's requests (a standalone like button) instead of leaving them to a
 * container: a like or sign-in runs once the host's cancelable event was not cancelled, and the likers'
 * names are its own business (no event).
 */
export interface LikeRequests {
  toggle(liked: boolean): void;
  signIn(): void;
  likers(): void;
}

/**
 * Lit's `nothing` for a boolean binding that is off on nearly every render, typed as `false`:
 * `?disabled=${busy || off}`. At the first render Lit leaves the attribute alone for `nothing`, where
 * `false` has it call `toggleAttribute(name, false)`: once per like button of every card in a feed.
 */
const off = nothing as unknown as false;

/** Delay before a hover opens the tooltip, so sweeping the mouse across a feed does not flash tooltips. */
const HOVER_OPEN_MS = 300;
/** Delay before leaving closes it, so the pointer can cross the gap onto the tooltip itself. */
const HOVER_CLOSE_MS = 150;
/** How long a click on an archived post's button shows why, where no focus or pointer leaves to close it (touch, Safari). */
const EXPLAIN_MS = 6000;

/**
 * The like toggle itself — a button with an icon and a count, and a "liked by" tooltip — as a
 * controller that renders into its host's shadow root: `<lenig-like-button>`, `<lenig-like-view>` and
 * a post card are its hosts (a card holds its like control in its own shadow root rather than in a
 * like-view element of its own, which a long feed would pay for once per post). It shows what `state()`
 * says and asks for changes with events fired from the host: `lenig-like-toggle` and
 * `lenig-sign-in-request` (cancelable) and `lenig-likers-request` (at the first hover or focus for a
 * target). A host given `requests` acts on them itself (see `LikeRequests`).
 *
 * The tooltip opens on hover and on focus, stays open while the pointer is over it, and closes with
 * Escape (WCAG 1.4.13). It is the button's description (`aria-describedby`), so screen readers hear who
 * liked it even when it is not shown. Its placement code loads at the first hover or focus.
 */
export class LikeControl implements ReactiveController {
  private readonly i18n: LocalizeController<MessageTable>;
  private tooltip?: AnchoredPopoverController;
  private tooltipCode?: Promise<void>;
  /** Whether the tooltip is showing. */
  private open = false;
  private hovered = false;
  private focused = false;
  /** An archived post's button was clicked: the tooltip says why nothing happens, until focus leaves or EXPLAIN_MS pass. */
  private explaining = false;
  private explainTimer: ReturnType<typeof setTimeout> | undefined;
  /** Escape closes the tooltip until the pointer and focus have both left and come back. */
  private dismissed = false;
  private requestedFor: string | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly state: () => LikeControlState,
    private readonly parts: LikeControlParts = {},
    /** The host's localize controller, if it has one: the control's strings follow its language. */
    localize?: LocalizeController<MessageTable>,
    private readonly requests?: LikeRequests,
  ) {
    host.addController(this);
    this.i18n = localize ?? new LocalizeController(host, likeButtonMessages);
  }

  private get t(): (typeof likeButtonMessages)['en'] {
    return this.i18n.tableOf(likeButtonMessages);
  }

  hostDisconnected(): void {
    clearTimeout(this.hoverTimer);
    clearTimeout(this.explainTimer);
    this.explaining = false;
    this.setOpen(false);
  }

  hostUpdated(): void {
    if (this.explaining && !this.state().archived) {
      this.explaining = false;
      this.sync();
    }
    // The text may have changed its size (names arrived, the count moved): place it again.
    if (this.open) this.tooltip?.place();
  }

  /** The native button, once rendered. */
  get button(): HTMLButtonElement | null {
    return this.host.renderRoot.querySelector<HTMLButtonElement>('.like > button');
  }

  private get tip(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.like > .tip');
  }

  // --- handlers ------------------------------------------------------------------------------------

  private readonly onClick = (): void => {
    const s = this.state();
    if (s.disabled || s.loading) return;
    if (s.archived) {
      // Nothing to do but say why, also to a touch or mouse user who never hovers long enough.
      this.explaining = true;
      this.dismissed = false;
      clearTimeout(this.explainTimer);
      this.explainTimer = setTimeout(() => {
        this.explaining = false;
        this.sync();
      }, EXPLAIN_MS);
      this.loadTooltip();
      this.requestLikers();
      this.sync();
      return;
    }
    if (s.signedOut) {
      if (emit(this.host, 'lenig-sign-in-request', { target: s.target }, { cancelable: true })) this.requests?.signIn();
      return;
    }
    if (emit(this.host, 'lenig-like-toggle', { target: s.target, liked: !s.pressed }, { cancelable: true })) this.requests?.toggle(!s.pressed);
  };

  private readonly onPointerEnter = (): void => {
    this.hovered = true;
    this.loadTooltip();
    this.requestLikers();
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.sync(), this.open ? 0 : HOVER_OPEN_MS);
  };

  private readonly onPointerLeave = (): void => {
    this.hovered = false;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.sync(), HOVER_CLOSE_MS);
  };

  private readonly onFocusIn = (): void => {
    // Keyboard focus opens the tooltip; the focus a mouse click leaves behind does not, or the tooltip
    // would stay over the page after every click. Hover covers mouse users.
    this.focused = this.button?.matches(':focus-visible') ?? true;
    this.loadTooltip();
    this.requestLikers();
    this.sync();
  };

  private readonly onFocusOut = (): void => {
    this.focused = false;
    this.explaining = false;
    clearTimeout(this.explainTimer);
    this.sync();
  };

  // --- internals -----------------------------------------------------------------------------------

  /**
   * Loads the tooltip's look and placement code, once; the tooltip shows as soon as it has arrived (a
   * hover waits HOVER_OPEN_MS anyway). Its text is the button's description all along, so it is read
   * meanwhile.
   */
  private loadTooltip(): void {
    this.tooltipCode ??= import('./like-tooltip.js').then(
      ({ AnchoredPopoverController, TOOLTIP_PLACEMENT, styleTooltip }) => {
        if (this.host.renderRoot instanceof ShadowRoot) styleTooltip(this.host.renderRoot);
        this.tooltip = new AnchoredPopoverController(this.host, {
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
        if (this.open && this.host.isConnected) this.tooltip.show();
      },
      (error: unknown) => {
        this.tooltipCode = undefined;
        logError(`could not load the "liked by" tooltip — ${String(error)}`);
      },
    );
  }

  private requestLikers(): void {
    const { target } = this.state();
    if (this.requestedFor === target) return;
    this.requestedFor = target;
    if (this.requests) this.requests.likers();
    else emit(this.host, 'lenig-likers-request', { target });
  }

  private sync(): void {
    if (!this.hovered && !this.focused && !this.explaining) this.dismissed = false;
    this.setOpen((this.hovered || this.focused || this.explaining) && !this.dismissed && !this.state().loading);
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    if (open) this.tooltip?.show();
    else this.tooltip?.hide();
  }

  /** "3 likes" / "3 keer", or "no likes yet". */
  private countPhrase(count: number): string {
    const { t } = this;
    return count > 0 ? this.i18n.plural(count, { one: t.countOne, other: t.countOther }) : t.noLikes;
  }

  private likedByText({ count, likers, archived }: LikeControlState): string {
    const { t } = this;
    // Nobody can be the first any more where likes are closed.
    const first = archived ? '' : t.beFirst;
    if (likers === undefined) return count > 0 ? t.loadingLikers : first;
    const names = likers.slice(0, MAX_LIKER_NAMES);
    if (names.length === 0) return first;
    // Names can be fewer than the count: the store lists only the newest likers.
    const others = Math.max(count, likers.length) - names.length;
    const parts = others > 0 ? [...names, this.i18n.plural(others, { one: t.othersOne, other: t.othersOther })] : names;
    return t.likedBy(this.i18n.list(parts));
  }

  // --- render --------------------------------------------------------------------------------------

  /**
   * The control, for the host's template. `wrapper` adds classes to its wrapper (`lenig` where the host
   * has no other element that resolves the tokens).
   */
  render(wrapper = ''): TemplateResult {
    const state = this.state();
    // Signing in would not help where likes are closed: the archived notice replaces the invitation.
    const s = state.archived && state.signedOut ? { ...state, signedOut: false } : state;
    // A new target has its own likers; ask again on the next hover or focus.
    if (this.requestedFor !== undefined && this.requestedFor !== s.target) this.requestedFor = undefined;
    const { t } = this;
    const p = this.parts;
    const name = s.loading ? t.loadingLikes : s.signedOut ? t.signInWithCount(this.countPhrase(s.count)) : t.likeWithCount(this.countPhrase(s.count));
    const count = s.loading ? html`<span class="skeleton"></span>` : s.count > 0 ? this.i18n.number(s.count) : '';
    // No white space between tags: every card of a long feed would hold it as text nodes. Both icons are
    // in the template and CSS shows the chosen one: a nested template per icon would be cloned, walked and
    // committed on its own for every card. `popover` is written in the template, not set per control: a
    // browser without the Popover API ignores it, and the tooltip shows with the class `open` there.
    return html`<span
      class="like ${wrapper}${s.pending ? ' pending' : ''}${s.disabled || s.archived ? ' disabled' : ''}"
      @pointerenter=${this.onPointerEnter}
      @pointerleave=${this.onPointerLeave}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      ><button
        part=${ifDefined(p.button)}
        type="button"
        aria-label=${name}
        aria-pressed=${ifDefined(s.signedOut || s.loading ? undefined : s.pressed ? 'true' : 'false')}
        aria-describedby=${ifDefined(s.loading ? undefined : 'tip')}
        aria-busy=${ifDefined(s.loading ? 'true' : undefined)}
        aria-disabled=${ifDefined(s.archived && !s.loading ? 'true' : undefined)}
        ?disabled=${s.disabled || s.loading || off}
        @click=${this.onClick}
      ><svg part=${ifDefined(p.icon)} class=${s.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false"
          ><path class="shape heart" d="M12 20.2s-8-4.7-8-10.4a4.4 4.4 0 0 1 8-2.6 4.4 4.4 0 0 1 8 2.6c0 5.7-8 10.4-8 10.4z" /><path
            class="shape thumb"
            d="M7.5 10.5 11 3.6a2.1 2.1 0 0 1 3.9 1.5L14 9.5h5.2a2 2 0 0 1 2 2.4l-1.4 6.9a2 2 0 0 1-2 1.7H7.5z" /><rect
            class="shape thumb"
            x="2.8"
            y="10.5"
            width="4.7"
            height="9.5"
            rx="1" /></svg
        >${s.signedOut
          ? // Before the count, so the visible words read in the same order as the accessible name.
            html`<span part=${ifDefined(p.label)} class="label">${t.signInToLike}</span> `
          : nothing}<span part=${ifDefined(p.count)} class="count">${count}</span></button
      ><div id="tip" class="tip" role="tooltip" part=${ifDefined(p.tooltip)} popover="manual"
        >${s.signedOut ? html`<span class="invite">${t.signInToLike}</span>` : s.archived ? html`<span class="invite">${s.channelDeleted ? t.channelDeleted : t.archived}</span>` : nothing}${this.likedByText(s)}</div
      ></span
    >`;
  }
}
