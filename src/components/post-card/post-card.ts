import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { setChildPartValue } from 'lit/directive-helpers.js';
import { sameValue } from '../../data/core/stable.js';
import { isStoreError } from '../../data/store.js';
import { MAX_POST_LENGTH, MAX_REASON_LENGTH, postTarget, type Post, type Profile, type UserId, type Viewer } from '../../data/types.js';
import { LocalizeController } from '../../i18n/localize.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { postCardMessages } from '../../i18n/messages/post-card.js';
import { avatarParts } from '../shared/avatar.js';
import { commonReason, emit, type DetailOf } from '../shared/events.js';
import { renderRichText } from '../shared/rich-text.js';
import { postCardStyles } from './post-card.styles.js';
import { define } from '../shared/define.js';
import { LikeControl } from '../like-button/like-control.js';
import { renderTextField } from '../shared/text-field.js';
import { importOnce } from '../../import-once.js';
import { OnDemandController } from '../../controllers/on-demand.js';
import { WriteWaitController } from '../../controllers/write-wait.js';
import { formatDate, relativeTime } from '../../i18n/formats.js';

/** The comments' code, loaded the first time a reader opens a post's comments (most never do). */
const loadComments = importOnce(() => import('../comments/comments.js'));

/**
 * What every post request carries. The element that acts on it (normally `<lenig-feed>`) calls
 * `respondWith(promise)` with the store write; the card shows "Saving…" until it settles (past 8 s also
 * that the service has not answered yet), then closes the form, or keeps the user's text and shows the
 * reason when it rejects. A request nobody answers counts as
 * done; one cancelled with `preventDefault()` and not answered is dropped quietly.
 */
export interface PostRequestDetail {
  post: Post;
  respondWith(outcome: Promise<unknown>): void;
}
export interface PostEditRequestDetail extends PostRequestDetail {
  text: string;
}
export interface PostReportRequestDetail extends PostRequestDetail {
  reason: string;
}
export interface PostHideRequestDetail extends PostRequestDetail {
  hidden: boolean;
}

/** The requests a card makes; `<lenig-feed>` answers them. */
type PostRequestName = 'lenig-post-edit' | 'lenig-post-delete' | 'lenig-post-report' | 'lenig-post-hide';

type Mode = 'view' | 'edit' | 'confirm-delete' | 'report';
type Busy = 'save' | 'delete' | 'report' | 'hide' | undefined;

/**
 * Full dates by language and time. Keyed by the time rather than the `Date`: a post that changes (a like)
 * is decoded again with new `Date` objects, and its card should not format the same date again.
 */
const fullDates = new Map<string, string>();
/** Bound on `fullDates`: a long feed's worth; past it the cache starts afresh. */
const FULL_DATES_MAX = 2000;

/**
 * Renders a value where it stands in a template and hands `keep` the child part it is in, so that the
 * value can later be rendered there alone (`setChildPartValue`) without rendering the whole template.
 * Used once, in a child position of this card's template (its `update` is typed for one).
 */
class KeepPart extends Directive {
  render(value: unknown, _keep: (part: ChildPart) => void): unknown {
    return value;
  }
  override update(part: ChildPart, [value, keep]: Parameters<this['render']>): unknown {
    keep(part);
    return value;
  }
}
const keepPart = directive(KeepPart);

/** `nothing`, typed for boolean bindings: see `off` in the like control. */
const off = nothing as unknown as false;

/** Text longer than this (characters or lines) starts collapsed behind "Show more". */
const COLLAPSE_CHARS = 700;
const COLLAPSE_LINES = 10;

/**
 * One post: author, time, category, text, like, comments, and the actions the viewer may take. A leaf:
 * it shows what it is given and asks for every change with a request event (see `PostRequestDetail`);
 * the comments it opens are a `<lenig-comments>` container that finds the store itself.
 *
 * The post is an `<article>` for the ARIA feed pattern: focusable, labelled by the author and the time,
 * described by the text, with `aria-posinset` / `aria-setsize` from the feed.
 *
 * @summary A post in a feed: header, rich text, like, comments, edit / delete / report / hide.
 *
 * @csspart card - The `<article>`.
 * @csspart header - Avatar, author, job title, time and badges.
 * @csspart avatar - The photo or initials.
 * @csspart author - The author's name.
 * @csspart timestamp - The `<time>` with the relative time.
 * @csspart category - The category badge.
 * @csspart body - The post text.
 * @csspart mention - An @mention in the text.
 * @csspart link - A link in the text.
 * @csspart actions - The row of like, comments and post actions.
 * @csspart like-button - The like `<button>` (has `aria-pressed`; its name includes the count).
 * @csspart like-count - The formatted like count (empty at zero).
 * @csspart textarea - The edit and report text fields.
 *
 * @cssproperty --lenig-post-card-background - Background of a post. Default: the surface colour.
 *
 * @fires {CustomEvent<PostEditRequestDetail>} lenig-post-edit - The author saves new text. Cancelable.
 * @fires {CustomEvent<PostRequestDetail>} lenig-post-delete - The author confirmed deleting. Cancelable.
 * @fires {CustomEvent<PostReportRequestDetail>} lenig-post-report - Someone reports the post. Cancelable.
 * @fires {CustomEvent<PostHideRequestDetail>} lenig-post-hide - An admin hides or unhides it. Cancelable.
 * @fires {CustomEvent<LikeToggleDetail>} lenig-like-toggle - The viewer asks to like or unlike the post. Cancelable.
 * @fires {CustomEvent<LikeTargetDetail>} lenig-likers-request - First hover or focus on the like button: the feed may now fill `likers`.
 * @fires {CustomEvent<LikeTargetDetail>} lenig-sign-in-request - A signed-out viewer clicked the like button. Cancelable.
 */
export class LenigPostCardElement extends LitElement {
  static override styles = postCardStyles;

  /** One localize controller per card (a feed has many): the common and like strings are read through it. */
  private readonly i18n = new LocalizeController(this, postCardMessages);
  /**
   * The like button, rendered in this card's own shadow root rather than as a `<lenig-like-view>` with a
   * shadow root, controllers and listeners of its own: a feed pays for that once per post. It is part of
   * the card's template (made and filled with the card, before the card's content joins the page), and
   * renders alone in its place when only the like changed (see `shouldUpdate`).
   */
  private readonly like = new LikeControl(
    this,
    () => ({
      target: this.post ? postTarget(this.post.channel, this.post.id) : '',
      count: this.likeCount,
      pressed: this.liked,
      likers: this.likers,
      signedOut: (this.viewer ?? null) === null,
      disabled: this.pending,
      // As on a standalone like button: dimmed and aria-disabled but focusable, saying why (not `disabled`).
      archived: this.archived || this.channelDeleted,
      channelDeleted: this.channelDeleted,
      loading: false,
      pending: this.likePending,
      icon: 'thumb',
    }),
    { button: 'like-button', count: 'like-count' },
    this.i18n,
  );

  @query('article') private article?: HTMLElement;
  /** The like control's place in the card's template, where it renders alone when only the like changed. */
  private likePart: ChildPart | undefined;
  private readonly keepLikePart = (part: ChildPart): void => {
    this.likePart = part;
  };
  /** Whether an update was asked for without naming a property (a controller: the language, comments loaded). */
  private whole = false;

  @state() private mode: Mode = 'view';
  @state() private busy: Busy;
  @state() private draft = '';
  @state() private error = '';
  @state() private status = '';
  @state() private commentsOpen = false;
  /**
   * The comments' code on its way (see `loadComments`): made when a reader first opens this card's
   * comments, which on most cards never happens.
   */
  private commentsCode?: OnDemandController<unknown>;
  @state() private expanded = false;
  /**
   * The wait for an answer to this card's request, made at the first request (most cards never make one).
   * Past the bound the status line says that the service has not answered yet (which announces it) until
   * the answer comes; the form keeps its text and, busy, sends nothing more.
   */
  private writeWait?: WriteWaitController;

  /** The post to show. Required. */
  @property({ attribute: false }) post?: Post;
  /** The author's profile: `undefined` while loading, `null` when there is none ("Someone"). */
  @property({ attribute: false }) author?: Profile | null;
  /** Who is looking: decides which actions show. `null` or unset: signed out. */
  @property({ attribute: false }) viewer?: Viewer | null;
  /** The like count to show (optimism included). */
  @property({ type: Number, attribute: 'like-count' }) likeCount = 0;
  /** Whether the viewer likes the post (optimism included). */
  @property({ type: Boolean }) liked = false;
  /** A like write is under way. */
  @property({ type: Boolean, attribute: 'like-pending' }) likePending = false;
  /** Names for the "liked by" tooltip, newest first; `undefined` until asked for and loaded. */
  @property({ attribute: false }) likers: string[] | undefined;
  /** The post is not on the server yet: shows "Sending…" and holds back the actions. */
  @property({ type: Boolean, reflect: true }) pending = false;
  /**
   * The post's channel is archived (read-only): there is no Edit and no reply box, and the like button shows
   * its count dimmed and `aria-disabled` — still focusable, its description and tooltip say why, a click
   * writes nothing — as a standalone `<lenig-like-button>` does.
   */
  @property({ type: Boolean }) archived = false;
  /**
   * The post's channel no longer exists (an admin deleted it; its posts stayed, and take no new writes):
   * read-only as when `archived`, and the like button and the comments say the channel no longer exists.
   */
  @property({ attribute: false }) channelDeleted = false;
  /** Position in the feed, from 1 (`aria-posinset`). */
  @property({ type: Number }) posinset?: number;
  /** Number of posts in the feed, or -1 while more can load (`aria-setsize`). */
  @property({ type: Number }) setsize?: number;
  /** The clock for relative times; the feed ticks it so "3 minutes ago" stays true. Default: now. */
  @property({ attribute: false }) now?: Date;
  /**
   * The people the text mentions, by uid: their profile (whose current name is shown), `null` for no
   * such person (the markup stays text), `undefined` while loading. Unset: mentions show as written.
   */
  @property({ attribute: false, hasChanged: mentionsChanged }) mentions?: ReadonlyMap<UserId, Profile | null | undefined>;

  // A plain requestUpdate() (a controller's: the page's language changed, comments arrived) renders the
  // whole card, even when a like's properties changed in the same update.
  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    if (args[0] === undefined) this.whole = true;
    super.requestUpdate(...args);
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const whole = this.whole;
    this.whole = false;
    if (!this.hasUpdated || whole || !onlyLikeChanged(changed, this.post)) return true;
    // Only the like changed (a colleague's like delivers the post again with another count): the like
    // control renders alone, and the rest of the card, which shows the same, is left as it is.
    if (!this.likePart) return true;
    setChildPartValue(this.likePart, this.renderLike());
    this.like.hostUpdated();
    return false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The comments' code came while Try again had focus: this render takes the button away, so focus goes
    // to the Comments button rather than to the page.
    // (Only a card that has fetched the comments' code can have that button: the others skip the lookups.)
    if (this.commentsCode && customElements.get('lenig-comments') && (this.renderRoot as ShadowRoot).activeElement?.id === 'comments-retry') {
      void this.focusAfterUpdate('#comments-toggle');
    }
    // (Not before the first render: nothing has left its first state yet, and each assignment is a
    // property set Lit checks, on every card of a feed.)
    if (this.hasUpdated && changed.has('post') && this.post && changed.get('post')?.id !== this.post.id) {
      // Another post in this element (Lit reuses elements when a list changes): start afresh.
      this.mode = 'view';
      this.busy = undefined;
      this.error = '';
      this.status = '';
      this.commentsOpen = false;
      this.expanded = false;
    }
  }

  // --- handlers ------------------------------------------------------------------------------------

  private startEdit(): void {
    this.draft = this.post?.text ?? '';
    this.error = '';
    this.status = '';
    this.mode = 'edit';
    void this.focusAfterUpdate('#edit-text');
  }

  private cancelMode(returnTo: string): void {
    if (this.busy) return;
    this.mode = 'view';
    this.error = '';
    void this.focusAfterUpdate(returnTo);
  }

  private onEditInput(e: Event): void {
    this.draft = (e.target as HTMLTextAreaElement).value;
  }

  private onEditKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancelMode('#edit');
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.save();
    }
  }

  private onPanelKeydown(e: KeyboardEvent, returnTo: string): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.cancelMode(returnTo);
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    const post = this.post;
    if (!post || this.busy) return;
    if (this.draft === post.text) {
      this.cancelMode('#edit');
      return;
    }
    const ok = await this.run('save', 'lenig-post-edit', { post, text: this.draft });
    if (ok) {
      this.mode = 'view';
      await this.focusAfterUpdate('#edit');
    } else {
      await this.focusAfterUpdate('#edit-text');
    }
  }

  private startDelete(): void {
    this.error = '';
    this.status = '';
    this.mode = 'confirm-delete';
    // Cancel is the safe default for a step that cannot be undone.
    void this.focusAfterUpdate('#delete-cancel');
  }

  private async confirmDelete(): Promise<void> {
    const post = this.post;
    if (!post || this.busy) return;
    const ok = await this.run('delete', 'lenig-post-delete', { post });
    // On success the feed drops this card and moves focus itself; if it stays (no feed), close the step.
    if (ok) this.mode = 'view';
    else await this.focusAfterUpdate('#delete-confirm');
  }

  private startReport(): void {
    this.error = '';
    this.status = '';
    this.draft = '';
    this.mode = 'report';
    void this.focusAfterUpdate('#report-reason');
  }

  private async sendReport(e: Event): Promise<void> {
    e.preventDefault();
    const post = this.post;
    if (!post || this.busy) return;
    const ok = await this.run('report', 'lenig-post-report', { post, reason: this.draft.trim() });
    if (ok) {
      this.mode = 'view';
      this.status = this.i18n.t.reported;
      await this.focusAfterUpdate('#report');
    } else {
      await this.focusAfterUpdate('#report-reason');
    }
  }

  private async toggleHidden(): Promise<void> {
    const post = this.post;
    if (!post || this.busy) return;
    this.status = '';
    await this.run('hide', 'lenig-post-hide', { post, hidden: !post.hidden });
  }

  private toggleComments(): void {
    this.commentsOpen = !this.commentsOpen;
    if (this.commentsOpen && !customElements.get('lenig-comments')) this.fetchComments();
  }

  /** Fetches the comments' code (again, after a failure); the card re-renders as it loads, fails or arrives. */
  private fetchComments(): void {
    void (this.commentsCode ??= new OnDemandController(this, loadComments, 'the comments')).load();
  }

  /** Try again, after the comments' code failed: the button goes, so focus goes back to the Comments toggle. */
  private retryComments(): void {
    this.fetchComments();
    void this.focusAfterUpdate('#comments-toggle');
  }

  /**
   * A link tabbed to in folded text may sit in the faded part: unfold, so what has focus can be seen.
   * Listened to on long texts only (most cards have none to unfold).
   */
  private onBodyFocus(): void {
    this.expanded = true;
  }

  private toggleExpanded(): void {
    this.expanded = !this.expanded;
  }

  /**
   * Until the comments' code has arrived, in their place: that they are loading, or that they could not be
   * (failed, or no answer within ON_DEMAND_TIMEOUT_MS) with Try again. Beside `<lenig-comments>` rather
   * than inside it, so that Try again stays in the card until the card itself takes it away (see
   * `willUpdate`), not hidden by the comments' shadow root the moment their code runs.
   */
  private renderCommentsLoading(): TemplateResult | typeof nothing {
    if (customElements.get('lenig-comments')) return nothing;
    return html`<div class="comments-wait">${this.commentsCode?.status === 'error'
      ? html`<div class="row" role="alert">
          <p class="error">${this.i18n.t.commentsFailed}</p>
          <button id="comments-retry" class="button" type="button" @click=${this.retryComments}>${this.commonT.retry}</button>
        </div>`
      : html`<p class="status" role="status">${this.commonT.loading}</p>`}</div>`;
  }

  // --- public methods ------------------------------------------------------------------------------

  /** Focuses the article itself (the feed moves between posts with Page Up / Page Down). */
  override focus(options?: FocusOptions): void {
    this.article?.focus(options);
  }

  // --- internals -----------------------------------------------------------------------------------

  /**
   * Fires a request and waits for its answer. True when done (or unanswered); false when it failed
   * (the reason is in `error`) or was cancelled.
   */
  private async run<K extends PostRequestName>(busy: Busy, type: K, detail: Omit<DetailOf<K>, 'respondWith'>): Promise<boolean> {
    let outcome: Promise<unknown> | undefined;
    const request = { ...detail, respondWith: (p: Promise<unknown>) => void (outcome = p) } as DetailOf<K>;
    const allowed = emit(this, type, request, { cancelable: true });
    if (!outcome) return allowed;
    this.busy = busy;
    this.error = '';
    try {
      // The status line says it (see render): a change of its text is what announces it.
      await (this.writeWait ??= new WriteWaitController(this, () => undefined)).watch(outcome);
      return true;
    } catch (e) {
      this.error = this.describe(e);
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  private describe(e: unknown): string {
    const { t } = this.i18n;
    if (!isStoreError(e)) return t.failed;
    switch (e.code) {
      case 'validation-failed':
        if (e.reason === 'too-long') {
          return e.field === 'reason' ? t.reasonTooLong(this.i18n.number(MAX_REASON_LENGTH)) : t.textTooLong(this.i18n.number(MAX_POST_LENGTH));
        }
        return e.reason === 'required' ? t.textRequired : t.failed;
      case 'not-found':
        return t.postGone;
      default:
        return commonReason(e, this.commonT) ?? t.failed;
    }
  }

  /** The strings every element shares, in the card's language. */
  private get commonT(): (typeof commonMessages)['en'] {
    return this.i18n.tableOf(commonMessages);
  }

  /** The like control: on every render of the card, and alone when only the like changed. */
  private renderLike(): TemplateResult {
    return this.like.render();
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** "Friday 27 November 2026 at 17:24", for titles; once per date and language (posts keep their dates). */
  private fullDate(d: Date): string {
    const key = `${this.i18n.lang}\0${d.getTime()}`;
    let text = fullDates.get(key);
    if (text === undefined) {
      if (fullDates.size >= FULL_DATES_MAX) fullDates.clear();
      fullDates.set(key, (text = formatDate(this.i18n, d, { dateStyle: 'full', timeStyle: 'short' })));
    }
    return text;
  }

  private get isLong(): boolean {
    const text = this.post?.text ?? '';
    if (text.length > COLLAPSE_CHARS) return true;
    // Counted without splitting: every card asks on every render.
    let lines = 1;
    for (let at = text.indexOf('\n'); at !== -1 && lines <= COLLAPSE_LINES; at = text.indexOf('\n', at + 1)) lines++;
    return lines > COLLAPSE_LINES;
  }

  // --- render --------------------------------------------------------------------------------------

  /** The badges after the category: hidden (for the admin who still sees it), and "Sending…". */
  private renderFlags(post: Post): TemplateResult | typeof nothing {
    if (!post.hidden && !this.pending) return nothing;
    const { t } = this.i18n;
    return html`${post.hidden ? html`<span class="badge flag">${t.hiddenForOthers}</span>` : nothing}${this.pending
      ? html`<span class="badge flag">${t.sending}</span>`
      : nothing}`;
  }

  /** The author's edit form, in the text's place while editing. */
  private renderEditor(): TemplateResult {
    const { t } = this.i18n;
    const saving = this.busy === 'save';
    return html`<form class="panel editor" @submit=${this.save} @keydown=${this.onEditKeydown}>
      ${renderTextField({
        id: 'edit-text',
        label: t.editLabel,
        value: this.draft,
        error: this.error,
        errorId: 'edit-error',
        hintId: 'edit-hint',
        readonly: saving,
        onInput: this.onEditInput,
      })}
      <div class="row">
        <button class="button primary" type="submit" ?disabled=${saving}>${saving ? t.saving : t.save}</button>
        <button class="button" type="button" ?disabled=${saving} @click=${() => this.cancelMode('#edit')}>${t.cancel}</button>
        <span id="edit-hint" class="hint">${t.editHint}</span>
      </div>
    </form>`;
  }

  /**
   * The viewer's own actions on the post: Edit and Delete for the author, Report for others, and Hide for
   * admins. Hide is the only one that needs a template around the others, so only an admin's cards (few)
   * clone, walk and commit one.
   */
  private renderPostActions(post: Post): TemplateResult | typeof nothing {
    const viewer = this.viewer ?? null;
    if (viewer === null) return nothing;
    const { t } = this.i18n;
    const locked = this.pending || this.busy !== undefined;
    const actions =
      viewer.uid === post.author
        ? html`${this.archived || this.channelDeleted
              ? nothing
              : html`<button
                  id="edit"
                  class="action"
                  type="button"
                  ?disabled=${locked || this.mode === 'edit' || off}
                  @click=${this.startEdit}
                  .textContent=${t.edit}
                ></button>`}<button id="delete" class="action" type="button" ?disabled=${locked || off} @click=${this.startDelete} .textContent=${t.remove}></button>`
        : html`<button id="report" class="action" type="button" ?disabled=${locked || off} @click=${this.startReport} .textContent=${t.report}></button>`;
    return viewer.admin === true
      ? html`${actions}<button
          id="hide"
          class="action"
          type="button"
          aria-pressed=${post.hidden ? 'true' : 'false'}
          ?disabled=${locked}
          @click=${this.toggleHidden}
        >${post.hidden ? t.unhide : t.hide}</button>`
      : actions;
  }

  private renderPanel(): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    if (this.mode === 'confirm-delete') {
      const deleting = this.busy === 'delete';
      return html`<div class="panel" role="group" aria-labelledby="delete-question" @keydown=${(e: KeyboardEvent) => this.onPanelKeydown(e, '#delete')}>
        <p id="delete-question">${t.removeQuestion}</p>
        <p class="error" role="alert">${this.error}</p>
        <div class="row">
          <button id="delete-confirm" class="button danger" type="button" ?disabled=${deleting} @click=${this.confirmDelete}>
            ${deleting ? t.removing : t.removeConfirm}
          </button>
          <button id="delete-cancel" class="button" type="button" ?disabled=${deleting} @click=${() => this.cancelMode('#delete')}>
            ${t.cancel}
          </button>
        </div>
      </div>`;
    }
    if (this.mode === 'report') {
      const sending = this.busy === 'report';
      return html`<form class="panel" @submit=${this.sendReport} @keydown=${(e: KeyboardEvent) => this.onPanelKeydown(e, '#report')}>
        ${renderTextField({
          id: 'report-reason',
          label: t.reportLabel,
          value: this.draft,
          error: this.error,
          errorId: 'report-error',
          readonly: sending,
          onInput: this.onEditInput,
        })}
        <div class="row">
          <button class="button primary" type="submit" ?disabled=${sending}>${sending ? t.reporting : t.sendReport}</button>
          <button class="button" type="button" ?disabled=${sending} @click=${() => this.cancelMode('#report')}>${t.cancel}</button>
        </div>
      </form>`;
    }
    // Errors of one-click actions (hide) have no panel of their own.
    return this.error && this.mode === 'view' ? html`<p class="error" role="alert">${this.error}</p>` : nothing;
  }

  protected override render(): TemplateResult | typeof nothing {
    const post = this.post;
    if (!post) return nothing;
    const { t } = this.i18n;
    const author = this.author;
    const name = author === null ? this.commonT.unknownPerson : author?.name;
    const avatar = avatarParts({ uid: post.author, name, photoURL: author?.photoURL });
    // The text is part of the card's own template (one template fewer per card); while the author edits
    // it, the form stands in its place and the emptied text is not shown.
    const editing = this.mode === 'edit';
    const long = !editing && this.isLong;
    const comments =
      post.commentCount > 0 ? this.i18n.plural(post.commentCount, { one: t.commentsOne, other: t.commentsOther }) : t.commentNone;
    // A button that is enabled on nearly every card is left alone rather than enabled (`?disabled=${x || off}`):
    // no attribute call per button at a card's first render.
    // Header and actions are written out here, in the article's own template, rather than as nested
    // templates (each of which a card clones, walks and commits on its own): a feed makes one card per
    // post. No white space between tags: every card of a long feed would hold it as text nodes, and in
    // these flex rows it shows nothing.
    return html`<article
      part="card"
      class="lenig card ${post.hidden ? 'hidden' : ''} ${this.pending ? 'pending' : ''}"
      tabindex="0"
      aria-posinset=${this.posinset ?? nothing}
      aria-setsize=${this.setsize ?? nothing}
      aria-labelledby="author time"
      aria-describedby=${this.mode === 'edit' ? nothing : 'body'}
      aria-busy=${this.pending ? 'true' : 'false'}
      ><header part="header" class="header"
        ><span class="avatar" part="avatar" aria-hidden="true" style=${avatar.style}>${avatar.content}</span><div class="who"
          ><span id="author" part="author" class="author"
            >${name ??
            html`<span class="name-skeleton"></span><span class="visually-hidden">${this.commonT.loading}</span>`}</span
          ><span class="job" .textContent=${author?.jobTitle ?? ''}></span><span class="meta"
            ><time
              id="time"
              part="timestamp"
              datetime=${post.createdAt.toISOString()}
              title=${this.fullDate(post.createdAt)}
              .textContent=${relativeTime(this.i18n, post.createdAt, this.now ?? new Date())}
            ></time
            >${post.editedAt
              ? html` · <span class="edited" title=${t.editedAt(this.fullDate(post.editedAt))}>${t.edited}</span>`
              : nothing}</span
          ></div
        ><span class="badges"
          ><span part="category" class="badge category" data-category=${post.category} .textContent=${t.category(post.category)}></span
          >${this.renderFlags(post)}</span
        ></header
      >${editing ? this.renderEditor() : post.idea?.title ? html`<p class="idea-title">${post.idea.title}</p>` : nothing}<div
        id="body"
        part="body"
        class="body rich-text${editing ? ' editing' : long && !this.expanded ? ' collapsed' : ''}"
        @focusin=${long ? this.onBodyFocus : nothing}
      >${editing ? nothing : renderRichText(post.text, this.mentions ? (uid) => this.mentions?.get(uid) : undefined)}</div
      >${long
        ? html`<button class="more" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="body" @click=${this.toggleExpanded}>
            ${this.expanded ? t.showLess : t.showMore}
          </button>`
        : nothing}<div part="actions" class="actions" role="group" aria-label=${t.actions}
        >${keepPart(this.renderLike(), this.keepLikePart)}<button
          id="comments-toggle"
          class="action"
          type="button"
          aria-expanded=${this.commentsOpen ? 'true' : 'false'}
          aria-controls=${this.commentsOpen ? 'comments' : nothing}
          ?disabled=${this.pending || off}
          @click=${this.toggleComments}
          ><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"
            ><path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-5 4z" /></svg
          ><span .textContent=${comments}></span></button
        ><span class="end">${this.renderPostActions(post)}</span></div
      >${this.renderPanel()}<p class="status" role="status" .textContent=${this.writeWait?.late ? this.commonT.waitingSlow : this.status}></p>${this.commentsOpen
        ? html`<lenig-comments id="comments" .channel=${post.channel} .post=${post.id} ?archived=${this.archived} .channelDeleted=${this.channelDeleted}></lenig-comments>${this.renderCommentsLoading()}`
        : nothing}</article
    >`;
  }
}

define('lenig-post-card', LenigPostCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-post-card': LenigPostCardElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-post-edit': CustomEvent<PostEditRequestDetail>;
    'lenig-post-delete': CustomEvent<PostRequestDetail>;
    'lenig-post-report': CustomEvent<PostReportRequestDetail>;
    'lenig-post-hide': CustomEvent<PostHideRequestDetail>;
  }
}

/** The properties that only the like control shows. */
const LIKE_ONLY = new Set<PropertyKey>(['post', 'likeCount', 'liked', 'likePending', 'likers']);

/** Whether an update changes only what the like control shows: its properties, or the post's like count. */
function onlyLikeChanged(changed: PropertyValues, post: Post | undefined): boolean {
  for (const key of changed.keys()) if (!LIKE_ONLY.has(key)) return false;
  if (!changed.has('post')) return true;
  const before = changed.get('post') as Post | undefined;
  return before !== undefined && post !== undefined && sameValue({ ...before, likeCount: 0 }, { ...post, likeCount: 0 });
}

/** A fresh map with the same people is no change: the feed builds one per render. */
function mentionsChanged(
  next: ReadonlyMap<UserId, Profile | null | undefined> | undefined,
  previous: ReadonlyMap<UserId, Profile | null | undefined> | undefined,
): boolean {
  if (next === previous) return false;
  if (!next || !previous || next.size !== previous.size) return true;
  for (const [uid, p] of next) if (previous.get(uid) !== p || !previous.has(uid)) return true;
  return false;
}
