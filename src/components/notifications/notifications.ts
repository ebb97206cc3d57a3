import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { styleProps } from '../shared/style-props.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ClockController } from '../../controllers/clock.js';
import { AnchoredPopoverController, PANEL_PLACEMENT, supportsPopover } from '../../controllers/popover.js';
import { ProfilesController } from '../../controllers/profiles.js';
import type { LenigStore } from '../../data/store.js';
import type { ChannelId, Notification, Profile, UserId } from '../../data/types.js';
import { ideaCardMessages } from '../../i18n/messages/idea-card.js';
import { notificationsMessages } from '../../i18n/messages/notifications.js';
import { renderAvatar } from '../shared/avatar.js';
import { toStoreError } from '../shared/events.js';
import { LenigElement } from '../shared/lenig-element.js';
import { notificationsStyles } from './notifications.styles.js';
import { define } from '../shared/define.js';
import { formatDate, relativeTime } from '../../i18n/formats.js';

/** Detail of `lenig-notification-open`: where the notification points, for the host page to go there. */
export interface NotificationOpenDetail {
  channel: ChannelId;
  post: string;
  notification: Notification;
}

/** The badge shows at most this; more reads "99+". */
export const BADGE_CAP = 99;
/** The panel lists this many, newest first; the badge and the bell's name still count every unread one. */
export const MAX_SHOWN = 50;
/** How long an announcement waits for the actor's name before it says "Someone". */
const NAME_WAIT_MS = 1500;
let uid = 0;

/**
 * A bell with the number of unread notifications and a panel listing them, newest first: likes of
 * your posts, comments, mentions, idea status changes (with the feedback note) and ideas you were made
 * owner of. New ones arrive live, raise the count and are announced politely.
 *
 * ```html
 * <lenig-notifications></lenig-notifications>
 * <script type="module">
 *   document.addEventListener('lenig-notification-open', (e) => {
 *     location.href = `/sites/intranet/${e.detail.channel}?post=${e.detail.post}`;
 *   });
 * </script>
 * ```
 *
 * The panel is a popover in the browser's top layer, so a SharePoint column with `overflow: hidden`
 * cannot clip it. It closes on Escape, on a click outside and when focus leaves it; Escape and the
 * bell put focus back on the bell. Opening a notification marks it read (shown at once, saved in the
 * background) and fires `lenig-notification-open`; the host page navigates. A notification about a post or
 * idea in a channel an admin deleted says so under its sentence; opening it marks it read and says there
 * is nothing to open, without the event (the channel is gone from every list, so no page shows it).
 *
 * Signed out, the bell reads "Sign in to see notifications" and signs in when pressed.
 *
 * @summary Notification bell with unread badge and a live list of what happened to your posts and ideas.
 *
 * @csspart bell - The bell `<button>` (has `aria-expanded`).
 * @csspart icon - The bell icon.
 * @csspart badge - The unread count on the bell (not shown at 0; "99+" above 99).
 * @csspart panel - The popover with the list.
 * @csspart heading - The panel's title.
 * @csspart mark-all - The "Mark all as read" button.
 * @csspart list - The `<ul>` of notifications.
 * @csspart item - One notification (a `<button>`); also `unread` on unread ones.
 * @csspart avatar - The actor's avatar.
 * @csspart note - The quoted feedback note of an idea status change.
 * @csspart time - The relative time.
 * @csspart gone - "This channel no longer exists", under a notification whose channel an admin deleted.
 * @csspart offline - The offline notice in the panel.
 * @csspart status - Loading, empty and error messages; configuration problems.
 *
 * @cssproperty --lenig-notifications-badge-background - Background of the unread badge. Default: the danger colour.
 * @cssproperty --lenig-notifications-badge-color - Text of the unread badge. Default: white (dark in dark mode).
 * @cssproperty --lenig-notifications-panel-width - Width of the panel (never wider than the viewport). Default `24rem`.
 * @cssproperty --lenig-notifications-panel-max-height - Height at which the list scrolls. Default `32rem`.
 * @cssproperty --lenig-notifications-unread-background - Background of unread notifications. Default: a light accent tint.
 * @cssproperty --lenig-notifications-offline-color - The stripe of the offline notice. Default: amber.
 *
 * @fires {CustomEvent<NotificationOpenDetail>} lenig-notification-open - A notification was activated (and marked read). Cancelable: `preventDefault()` keeps the panel open.
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - Loading (`operation: 'subscribeNotifications'`), marking read (`'markNotificationsRead'`) or signing in (`'signIn'`) failed.
 */
export class LenigNotificationsElement extends LenigElement {
  static override styles = notificationsStyles;

  // --- controllers -------------------------------------------------------------------------------------

  private readonly i18n = this.localize(notificationsMessages);
  private readonly statusNames = this.localize(ideaCardMessages);

  private readonly viewer = this.watchViewer();

  /** Keyed on the viewer: a different person signing in gets their own list (and no announcements of it). */
  private readonly list = this.subscribeStore<Notification[], readonly [UserId]>(
    'subscribeNotifications',
    () => (this.viewer.value ? ([this.viewer.value.uid] as const) : undefined),
    (store, _deps, next, fail) => store.subscribeNotifications(next, fail),
  );

  private readonly connection = this.watchConnection();

  /** Actors' profiles, subscribed only for notifications on screen or being announced. */
  private readonly profiles = new ProfilesController(this, () => this.activeStore);
  private readonly announcer = new AnnouncerController(this);
  /** Relative times ("2 minutes ago") move on while the panel is open. */
  private readonly clock = new ClockController(this, { period: 60_000, when: () => this.open });
  /**
   * The panel: under the bell, its end edge lined up with the bell's when there is room, above the bell
   * when there is more room there. A click outside closes it.
   */
  private readonly panelPopover = new AnchoredPopoverController(this, {
    anchor: () => this.bell,
    popup: () => this.panel,
    ...PANEL_PLACEMENT,
    onOutsidePointer: () => this.onOutsidePointer(),
  });

  /**
   * Whether a liked post is an idea (a like of an idea is a vote), read once per post: `undefined`
   * while reading, `null` when the post is gone. Keyed `channel/post`.
   */
  private readonly kinds = new Map<string, 'idea' | 'post' | null | undefined>();
  /**
   * Whether a channel an item points into no longer exists (an admin deleted its record): `undefined`
   * while reading. Read once per channel each time the panel opens, for the items it shows.
   */
  private readonly gone = new Map<ChannelId, boolean | undefined>();
  private kindsStore: LenigStore | undefined;

  // --- queries -----------------------------------------------------------------------------------------

  @query('[part~="bell"]') private bell?: HTMLButtonElement | null;
  @query('[part~="panel"]') private panel?: HTMLElement | null;

  // --- state -------------------------------------------------------------------------------------------

  @state() private open = false;
  /** A failure to mark read or sign in, shown in the panel (or next to the bell). */
  @state() private failure = '';
  /** Ids marked read here whose write the store has not confirmed yet: shown read at once. */
  @state() private markedRead: ReadonlySet<string> = new Set();

  private readonly ids = `notifications-${++uid}`;
  /** Every id seen since the list first loaded; anything else that arrives unread is new. */
  private known?: Set<string>;
  private knownFor?: UserId;
  private lastList?: readonly Notification[];
  /** New notifications waiting for their actor's name before they are announced. */
  private pendingAnnounce: { items: Notification[]; since: number } | undefined;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private focusPanelAfterRender = false;

  // --- lifecycle ---------------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    this.open = false;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.kindsStore !== this.activeStore) {
      this.kindsStore = this.activeStore;
      this.kinds.clear();
      this.gone.clear();
    }
    this.trackNew();
    this.flushAnnouncement();
  }

  protected override updated(changed: PropertyValues): void {
    if (this.open) this.panelPopover.show();
    else if (changed.has('open')) this.panelPopover.hide();
    if (this.focusPanelAfterRender && this.panel) {
      this.focusPanelAfterRender = false;
      this.focusFirst();
    }
  }

  // --- handlers ----------------------------------------------------------------------------------------

  private onBellClick(): void {
    if (this.viewer.status === 'ready' && !this.viewer.value) {
      void this.signIn();
      return;
    }
    if (this.open) this.close(true);
    else this.show();
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      // Handled here, so a dialog around the bell does not close as well.
      e.preventDefault();
      e.stopPropagation();
      this.close(true);
    }
  }

  /** Focus left the bell and the panel (Tab past the end, a click elsewhere): the panel closes. */
  private onFocusOut(e: FocusEvent): void {
    if (!this.open) return;
    const next = e.relatedTarget as Node | null;
    if (next && (this.contains(next) || this.renderRoot.contains(next))) return;
    // No next element means focus went nowhere (a click on plain page text); the pointer handler decides.
    if (next) this.close(false);
  }

  private onOutsidePointer(): void {
    if (!this.open) return;
    this.close(false);
    // A click on something that takes focus keeps it there; on plain page, focus comes back to the bell.
    setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body || active === this) this.bell?.focus({ preventScroll: true });
    });
  }

  private onItemClick(n: Notification): void {
    if (!this.isRead(n)) void this.markRead([n.id]);
    // Its channel is gone: there is no page to go to, so the panel stays and says so (after markRead
    // cleared the previous message).
    if (this.gone.get(n.channel)) {
      this.failure = this.i18n.t.channelGoneOpened;
      return;
    }
    if (this.emit('lenig-notification-open', { channel: n.channel, post: n.post, notification: n }, { cancelable: true })) this.close(true);
  }

  private onMarkAll(): void {
    const unread = this.unreadList().map((n) => n.id);
    if (!unread.length) return;
    // The button goes away with the last unread one; focus moves to the panel rather than to nothing.
    this.panel?.focus();
    void this.markRead(unread, true);
  }

  private onRetry(): void {
    this.list.retry();
    this.requestUpdate();
  }

  // --- public methods ----------------------------------------------------------------------------------

  /** Opens the panel and moves focus into it. */
  show(): void {
    // While the viewer is still loading the panel opens on its loading state; signed out it cannot.
    if (this.open || (this.viewer.status === 'ready' && !this.viewer.value)) return;
    this.failure = '';
    this.clock.refresh();
    // A channel deleted since the panel was last open is found again.
    this.gone.clear();
    this.open = true;
    this.focusPanelAfterRender = true;
  }

  /** Closes the panel; with `returnFocus`, focus goes back to the bell. */
  close(returnFocus = false): void {
    if (!this.open) return;
    this.open = false;
    if (returnFocus) this.bell?.focus();
  }

  /** Moves focus to the bell. */
  override focus(options?: FocusOptions): void {
    if (this.bell) this.bell.focus(options);
    else super.focus(options);
  }

  // --- internals ---------------------------------------------------------------------------------------

  private isRead(n: Notification): boolean {
    return n.read || this.markedRead.has(n.id);
  }

  private unreadList(): Notification[] {
    return (this.list.value ?? []).filter((n) => !this.isRead(n));
  }

  private async markRead(ids: string[], all = false): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    this.failure = '';
    this.markedRead = new Set([...this.markedRead, ...ids]);
    if (all) void this.announce(this.i18n.t.allMarked);
    try {
      // "All" is sent as the ids seen, so one that arrives meanwhile is not marked read unseen.
      await store.markNotificationsRead(ids);
    } catch (e) {
      this.failure = this.i18n.t.markFailed;
      this.emitError('markNotificationsRead', toStoreError(e));
    } finally {
      const next = new Set(this.markedRead);
      for (const id of ids) next.delete(id);
      this.markedRead = next;
    }
  }

  private async signIn(): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    this.failure = '';
    try {
      await store.signIn();
    } catch (e) {
      this.failure = this.i18n.t.signInFailed;
      this.emitError('signIn', toStoreError(e));
    }
  }

  /** Finds notifications that arrived unread since the list first loaded, to announce them. */
  private trackNew(): void {
    const list = this.list.status === 'ready' ? this.list.value : undefined;
    const who = this.viewer.value?.uid;
    if (!list || !who || list === this.lastList) return;
    this.lastList = list;
    if (!this.known || this.knownFor !== who) {
      // The first list (or another person's): what is there already is not news.
      this.known = new Set(list.map((n) => n.id));
      this.knownFor = who;
      this.pendingAnnounce = undefined;
      return;
    }
    const fresh = list.filter((n) => !this.known!.has(n.id) && !n.read);
    for (const n of list) this.known.add(n.id);
    if (!fresh.length) return;
    const items = [...(this.pendingAnnounce?.items ?? []), ...fresh];
    this.pendingAnnounce = { items, since: this.pendingAnnounce?.since ?? Date.now() };
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.requestUpdate(), NAME_WAIT_MS);
  }

  /** Announces what `trackNew` found once the actor's name is known (or has taken too long). */
  private flushAnnouncement(): void {
    const pending = this.pendingAnnounce;
    if (!pending) return;
    const t = this.i18n.t;
    if (pending.items.length > 1) {
      this.pendingAnnounce = undefined;
      void this.announce(t.newOther(this.i18n.number(pending.items.length)));
      return;
    }
    const n = pending.items[0]!;
    const profile = this.profiles.get(n.actor);
    const waiting = profile === undefined || (n.type === 'liked' && this.kindOf(n) === undefined);
    if (waiting && Date.now() - pending.since < NAME_WAIT_MS) return;
    this.pendingAnnounce = undefined;
    clearTimeout(this.announceTimer);
    void this.announce(t.newOne(this.sentence(n, profile)));
  }

  /** Clearing first makes a repeated message be read again. */
  private announce(message: string): Promise<void> {
    return this.announcer.announce(message);
  }

  /** Whether the post a notification is about is an idea; read once, then known. */
  private kindOf(n: Notification): 'idea' | 'post' | null | undefined {
    const key = `${n.channel}/${n.post}`;
    if (this.kinds.has(key)) return this.kinds.get(key);
    this.kinds.set(key, undefined);
    const store = this.activeStore;
    if (!store) return undefined;
    const settle = (kind: 'idea' | 'post' | null) => {
      if (this.kindsStore !== store || this.kinds.get(key) !== undefined) return;
      this.kinds.set(key, kind);
      queueMicrotask(() => stop());
      this.requestUpdate();
    };
    const stop = store.subscribePost(
      n.channel,
      n.post,
      (post) => settle(post ? (post.category === 'idea' ? 'idea' : 'post') : null),
      () => settle(null),
    );
    return this.kinds.get(key);
  }

  /** Whether a notification's channel no longer exists; read once per channel while the panel is open. */
  private channelGone(n: Notification): boolean | undefined {
    const channel = n.channel;
    if (this.gone.has(channel)) return this.gone.get(channel);
    this.gone.set(channel, undefined);
    const store = this.activeStore;
    if (!store) return undefined;
    const settle = (gone: boolean) => {
      // One answer is all this listener is for, even one that comes too late to count (the panel opened
      // again meanwhile and asked anew, or the store changed).
      queueMicrotask(() => stop());
      if (this.kindsStore !== store || this.gone.get(channel) !== undefined) return;
      this.gone.set(channel, gone);
      if (gone) this.requestUpdate();
    };
    const stop = store.subscribeChannel(
      channel,
      () => settle(false),
      (e) => settle(e.code === 'not-found'),
    );
    return this.gone.get(channel);
  }

  private actorName(profile: Profile | null | undefined): string {
    return profile?.name || this.common.t.unknownPerson;
  }

  /** What happened, in one sentence. The note of a status change is shown separately, quoted. */
  private sentence(n: Notification, profile: Profile | null | undefined): string {
    const t = this.i18n.t;
    const actor = this.actorName(profile);
    switch (n.type) {
      case 'liked':
        return this.kindOf(n) === 'idea' ? t.voted(actor) : t.liked(actor);
      case 'commented':
        return t.commented(actor);
      case 'mentioned':
        return t.mentioned(actor);
      case 'idea-status':
        return t.ideaStatus(actor, n.status ? this.statusNames.t.status(n.status) : '?');
      case 'assigned':
        return t.assigned(actor);
      default:
        return t.other(actor);
    }
  }

  private focusFirst(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('[part~="item"]');
    (first ?? this.panel)?.focus();
  }

  // --- render ------------------------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    const unavailable = this.renderUnavailable();
    if (unavailable !== nothing) return unavailable;
    const t = this.i18n.t;
    const viewerKnown = this.viewer.status === 'ready';
    const signedOut = viewerKnown && !this.viewer.value;
    const panelId = `${this.ids}-panel`;

    if (signedOut) {
      return html`<div class="lenig">
        <button class="bell signed-out" part="bell" type="button" title=${t.signInToSee} aria-label=${t.signInToSee} @click=${this.onBellClick}>
          ${bellIcon}<span class="sign-in-text">${this.common.t.signIn}</span>
        </button>
        <span class="bell-message error" role="status">${this.failure}</span>
      </div>`;
    }

    const unread = this.unreadList().length;
    const failed = this.list.status === 'error';
    const loading = !viewerKnown || this.list.status !== 'ready';
    const label = failed ? t.bellFailed : unread > 0 ? t.bellUnread(this.i18n.number(unread)) : t.bell;
    const badge = unread > BADGE_CAP ? `${this.i18n.number(BADGE_CAP)}+` : this.i18n.number(unread);

    return html`<div class="lenig" @keydown=${this.onKeydown} @focusout=${this.onFocusOut}>
      <button
        class="bell"
        part="bell"
        type="button"
        aria-label=${label}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${panelId}
        aria-busy=${loading ? 'true' : 'false'}
        @click=${this.onBellClick}
      >
        ${bellIcon} ${!loading && unread > 0 ? html`<span class="badge" part="badge" aria-hidden="true">${badge}</span>` : nothing}
        ${failed ? html`<span class="badge" part="badge" aria-hidden="true">!</span>` : nothing}
      </button>
      <span class="visually-hidden" role="status">${this.announcer.text}</span>
      <div
        id=${panelId}
        class="panel"
        part="panel"
        role="dialog"
        aria-labelledby="${this.ids}-heading"
        tabindex="-1"
        .popover=${supportsPopover ? 'manual' : null}
        ?hidden=${!supportsPopover && !this.open}
      >
        ${this.open ? this.renderPanel(unread) : nothing}
      </div>
    </div>`;
  }

  private renderPanel(unread: number): TemplateResult {
    const t = this.i18n.t;
    const offline = this.connection.value === false;
    return html`<div class="panel-header">
        <p class="heading" part="heading" id="${this.ids}-heading">${t.heading}</p>
        ${unread > 0
          ? html`<button class="link-button" part="mark-all" type="button" @click=${this.onMarkAll}>${t.markAll}</button>`
          : nothing}
      </div>
      ${offline ? html`<p class="offline" part="offline">${this.offlineMessage}</p>` : nothing}
      ${this.failure ? html`<p class="message" role="alert">${this.failure}</p>` : nothing}
      <div class="scroll">${this.renderBody()}</div>`;
  }

  private renderBody(): TemplateResult {
    const t = this.i18n.t;
    if (this.list.status === 'error') {
      return html`<div class="state error" role="alert" part="status">
        <p>${t.loadFailed}</p>
        <button class="button" type="button" @click=${this.onRetry}>${this.common.t.retry}</button>
      </div>`;
    }
    const list = this.list.value;
    if (this.list.status !== 'ready' || !list) {
      const row = (w: number) => html`<div class="skeleton" aria-hidden="true">
        <span class="disc shimmer"></span>
        <span class="lines"
          ><span class="line shimmer" style=${styleProps({ width: `${w}%` })}></span><span class="line shimmer" style=${styleProps({ width: '30%' })}></span
        ></span>
      </div>`;
      return html`<div aria-busy="true">
        <p class="visually-hidden" role="status" part="status">${t.loading}</p>
        ${row(85)}${row(70)}${row(78)}
      </div>`;
    }
    if (list.length === 0) {
      return html`<div class="state" part="status">
        ${checkIcon}
        <p class="big">${t.empty}</p>
        <p>${t.emptyHint}</p>
      </div>`;
    }
    const shown = list.slice(0, MAX_SHOWN);
    return html`<ul part="list" aria-labelledby="${this.ids}-heading">
        ${shown.map((n) => html`<li>${this.renderItem(n)}</li>`)}
      </ul>
      ${list.length > shown.length
        ? html`<p class="footer">${t.showingNewest(this.i18n.number(shown.length), this.i18n.number(list.length))}</p>`
        : nothing}`;
  }

  private renderItem(n: Notification): TemplateResult {
    const t = this.i18n.t;
    const profile = this.profiles.get(n.actor);
    const read = this.isRead(n);
    const person = { uid: n.actor, name: profile === undefined ? undefined : this.actorName(profile), photoURL: profile?.photoURL };
    return html`<button
      class="item ${read ? '' : 'unread'}"
      part="item${read ? '' : ' unread'}"
      type="button"
      data-id=${n.id}
      @click=${() => this.onItemClick(n)}
    >
      ${renderAvatar(person, '2rem')}
      <span class="body">
        <span class="sentence">${read ? nothing : html`<span class="visually-hidden">${t.unread} </span>`}${this.sentence(n, profile)}</span>
        ${n.type === 'idea-status' && n.note ? html`<q part="note">${n.note}</q>` : nothing}
        ${this.channelGone(n) ? html`<span class="gone" part="gone">${t.channelGone}</span>` : nothing}
        <time part="time" datetime=${n.createdAt.toISOString()} title=${formatDate(this.i18n, n.createdAt, { dateStyle: 'long', timeStyle: 'short' })}
          >${relativeTime(this.i18n, n.createdAt, this.clock.now)}</time
        >
      </span>
      <span class="dot ${read ? 'read' : ''}" aria-hidden="true"></span>
    </button>`;
  }
}

const bellIcon = html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
  <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
</svg>`;

const checkIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
  <circle cx="12" cy="12" r="10" />
  <path d="m8 12 3 3 5-6" />
</svg>`;

define('lenig-notifications', LenigNotificationsElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-notifications': LenigNotificationsElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-notification-open': CustomEvent<NotificationOpenDetail>;
  }
}
