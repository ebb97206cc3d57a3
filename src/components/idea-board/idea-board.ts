import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { WriteWaitController } from '../../controllers/write-wait.js';
import { ClockController } from '../../controllers/clock.js';
import { DraftController, type Draft } from '../../controllers/draft.js';
import { LatestNotesController } from '../../controllers/latest-notes.js';
import { LikesController } from '../../controllers/likes.js';
import { ProfilesController } from '../../controllers/profiles.js';
import { SubscriptionController } from '../../controllers/subscription.js';
import { warnOnce } from '../../log.js';
import { storeContext } from '../../data/context.js';
import { findSimilar } from '../../data/similarity.js';
import { StoreError } from '../../data/store.js';
import {
  IDEA_STATUSES,
  MAX_POST_LENGTH,
  MAX_TITLE_LENGTH,
  postTarget,
  type Channel,
  type ChannelId,
  type Idea,
  type IdeaStatus,
  type LikeTarget,
} from '../../data/types.js';
import { ideaBoardMessages } from '../../i18n/messages/idea-board.js';
import { ideaCardMessages } from '../../i18n/messages/idea-card.js';
import { likeButtonMessages } from '../../i18n/messages/like-button.js';
import { LenigIdeaCardElement, type IdeaOpenDetail, type IdeaPost } from '../idea-card/idea-card.js';
import '../idea-card/idea-card.js';
import '../like-button/like-view.js';
import { toStoreError } from '../shared/events.js';
import { ContentElement } from '../shared/content-element.js';
import { ideaBoardStyles } from './idea-board.styles.js';
import './idea-detail.js';
import type { IdeaMergedDetail, LenigIdeaDetailElement } from './idea-detail.js';
import { filterIdeas, IDEA_SORTS, sortIdeas, type IdeaSort } from './ranking.js';
import { define } from '../shared/define.js';
import { renderLikeView } from '../shared/like-view.js';
import { channelName } from '../../i18n/formats.js';

export type { IdeaAssignedDetail, IdeaMergedDetail, IdeaStatusChangedDetail } from './idea-detail.js';
export type { IdeaSort } from './ranking.js';

/** Detail of `lenig-idea-submitted`: the backend accepted a new idea. */
export interface IdeaSubmittedDetail {
  channel: ChannelId;
  idea: string;
  title: string;
}

export type IdeaBoardView = 'columns' | 'list';
const VIEWS: readonly IdeaBoardView[] = ['columns', 'list'];

/** Relative times ("3 days ago") and the trending order are refreshed this often. */
const TICK_MS = 60_000;
/** Typing pauses this long before "N similar ideas found" is said. */
const ANNOUNCE_SIMILAR_MS = 700;
/** At most this many similar ideas are offered while a title is typed. */
const SIMILAR_LIMIT = 3;
/** Titles shorter than this say too little to compare. */
const SIMILAR_MIN_CHARS = 4;

const CARD_PARTS = 'card, badge, card-title, excerpt, author, timestamp, owner, note, actions, vote-button, vote-count, comments';

/** The element focused now, through shadow roots. */
function deepActive(root: Document | ShadowRoot = document): HTMLElement | null {
  let a = root.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

interface Failure {
  field?: 'title' | 'text';
  message: string;
}

/**
 * A channel's improvement ideas as a board: columns by status (New → Under review → Planned → In progress
 * → Done / Declined) or one list, sorted by votes, by date or by what is trending, filtered to your own
 * ideas or one status. People vote (a vote is a like of the idea), submit ideas — while they type a
 * title, similar ideas already on the board are offered to vote for instead — and open an idea to read
 * it in full with its history and comments. The idea's owner and admins move it along with a feedback
 * note that reaches the author and every voter, assign an owner and merge duplicates (votes pooled).
 *
 * Trending order is `votes / (ageDays + 2) ^ 1.5`: votes count for less the older an idea is, so fresh
 * ideas that gather votes quickly rise above old favourites (see `ranking.ts`).
 *
 * In an archived channel, or one an admin deleted (its ideas stay), the ideas still show with a notice
 * saying why nothing new can be added: no form, dimmed vote buttons that say why, no reply box, and in a
 * deleted channel no status changes, assignments or merges either — what the rules refuse there.
 *
 * Signed-out readers see everything and are invited to sign in to vote and submit. Nothing is drag-only:
 * every move is a form in the idea's dialog, operable by keyboard.
 *
 * Reads: the channel's ideas, the viewer's likes (one listener for every vote button), the viewer, the
 * connection, the profiles of the people shown (read once per page and again every ten minutes while shown,
 * no listener per person), and the channel's idea history for the latest note
 * on each card (one subscription, `subscribeLatestNotes`; with a store that lacks it, the history of each
 * idea that has left New). The store is provided to the elements inside (detail, comments).
 *
 * ```html
 * <lenig-idea-board channel="ideas"></lenig-idea-board>
 * <lenig-idea-board channel="ideas" view="list" sort="trending"></lenig-idea-board>
 * ```
 *
 * @summary An idea board: vote, submit (with duplicate suggestions), track status with feedback notes.
 *
 * @csspart form - The "Share an idea" form.
 * @csspart title-input - Its title field.
 * @csspart textarea - Its description field.
 * @csspart submit - Its submit button.
 * @csspart similar - The "Similar ideas" suggestions shown while a title is typed.
 * @csspart sign-in - The invitation shown to signed-out readers.
 * @csspart toolbar - View, sort and filter controls.
 * @csspart view-toggle - The Columns / List switch.
 * @csspart sort - The sort `<select>`.
 * @csspart filter - The status filter `<select>`.
 * @csspart filter-mine - The "My ideas" toggle.
 * @csspart columns - The row of status columns (scrolls sideways when narrow).
 * @csspart column - One status column, a labelled region.
 * @csspart column-header - A column's heading with its count.
 * @csspart list - The list of ideas in list view.
 * @csspart offline - The offline banner.
 * @csspart closed - The notice that the channel is archived, or no longer exists: its ideas can be read, and
 *   no new ideas, votes or comments (in a deleted channel, no status changes either) are offered.
 * @csspart status - Loading, empty and error messages.
 * @csspart dialog - The idea detail `<dialog>`.
 * @csspart card - Re-exported from each `<lenig-idea-card>`, as are `badge card-title excerpt author
 *   timestamp owner note actions vote-button vote-count comments`.
 *
 * @cssproperty --lenig-idea-board-column-width - Narrowest a status column gets before the row scrolls. Default: 17rem.
 * @cssproperty --lenig-idea-board-column-background - Background of a status column. Default: the raised surface colour.
 * @cssproperty --lenig-idea-board-offline-color - The stripe of the offline banner. Default: amber.
 * @cssproperty --lenig-idea-card-background - Background of each card (see `<lenig-idea-card>`).
 *
 * @fires {CustomEvent<IdeaSubmittedDetail>} lenig-idea-submitted - The backend accepted a new idea.
 * @fires {CustomEvent<IdeaStatusChangedDetail>} lenig-idea-status-changed - An idea moved (or got an update) with a feedback note.
 * @fires {CustomEvent<IdeaAssignedDetail>} lenig-idea-assigned - An idea got an owner.
 * @fires {CustomEvent<IdeaMergedDetail>} lenig-idea-merged - An idea was merged into another (`idea` → `into`).
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - A read or write failed (`operation` is the store method).
 */
export class LenigIdeaBoardElement extends ContentElement {
  static override styles = ideaBoardStyles;

  // --- controllers ---------------------------------------------------------------------------------

  private readonly i18n = this.localize(ideaBoardMessages);
  private readonly cardText = this.localize(ideaCardMessages);
  private readonly likeText = this.localize(likeButtonMessages);
  private readonly provider = new ContextProvider(this, { context: storeContext });
  private readonly profiles = new ProfilesController(this, () => this.activeStore);
  private readonly notes = new LatestNotesController(this, () => ({
    store: this.activeStore,
    channel: this.channel,
    ids: (this.ideas.value ?? []).filter((i) => !i.idea.mergedInto && i.idea.status !== 'new').map((i) => i.id),
  }));
  private readonly viewerSub = this.watchViewer();
  private readonly connection = this.watchConnection();
  /** Votes: optimistic, with "did I vote" for whoever is signed in and the voters' names. */
  private readonly likes = new LikesController(this, {
    store: () => this.activeStore,
    viewer: () => this.viewer,
    onError: (operation, error) => this.emitError(operation, error),
    countOf: (target) => this.ideaFor(target)?.likeCount,
    // The button has rolled back by now; say why, since nothing else on screen does.
    onToggleFailed: (mine) => this.announce(mine ? this.likeText.t.unlikeFailed : this.likeText.t.likeFailed),
  });
  private readonly clock = new ClockController(this, { period: TICK_MS });
  private readonly announcer = new AnnouncerController(this);
  private readonly writeWait = new WriteWaitController(this, () => this.announce(this.common.t.waitingSlow));
  private readonly draft = new DraftController(this, {
    form: 'idea-board',
    channel: () => this.channel,
    user: () => this.viewer,
    read: () => ({ text: this.draftText, title: this.draftTitle }),
    apply: (draft) => this.restoreDraft(draft),
  });
  /** For the channel's name in the board's label. */
  private readonly channelSub = new SubscriptionController<Channel, [ChannelId]>(
    this,
    () => this.activeStore,
    () => (this.channel ? [this.channel] : undefined),
    (store, [channel], next, fail) => store.subscribeChannel(channel, next, fail),
  );
  private readonly ideas = this.subscribeStore<Idea[], [ChannelId]>(
    'subscribeIdeas',
    () => (this.channel ? [this.channel] : undefined),
    (store, [channel], next, fail) => store.subscribeIdeas(channel, next, fail),
  );

  // --- queries -------------------------------------------------------------------------------------

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('lenig-idea-detail') private detail?: LenigIdeaDetailElement;
  @query('#idea-title') private titleInput?: HTMLInputElement;
  @query('#idea-text') private textInput?: HTMLTextAreaElement;

  // --- state ---------------------------------------------------------------------------------------

  @state() private shownView: IdeaBoardView = 'columns';
  @state() private sortBy: IdeaSort = 'top';
  @state() private onlyMine = false;
  @state() private statusFilter: IdeaStatus | undefined;
  @state() private draftTitle = '';
  @state() private draftText = '';
  @state() private sending = false;
  @state() private failure?: Failure;
  /** The idea shown in the dialog. */
  @state() private openId?: string;

  private similarTimer?: ReturnType<typeof setTimeout>;
  private lastSimilarAnnounced = 0;
  /** Where focus goes back to when the dialog closes. */
  private returnFocus?: { element: HTMLElement | null; idea: string };
  /** The `idea` attribute value already opened, so it opens once, not on every update. */
  private openedFromAttribute?: string;
  /** The element focused before an update that may move cards (see `updated`). */
  private focusedBefore: HTMLElement | null = null;

  // --- properties ----------------------------------------------------------------------------------

  /** The channel whose ideas to show. Required. */
  @property() channel?: ChannelId;
  /** `columns` (default): one column per status. `list`: one list. The board's toggle switches it too. */
  @property() view: IdeaBoardView = 'columns';
  /** The first order: `top` (most votes, default), `new`, or `trending`. The board's select changes it. */
  @property() sort: IdeaSort = 'top';
  /** The id of an idea to open on arrival (a link from a notification); a merged one says where it went. */
  @property() idea?: string;
  /** Hides the "Share an idea" form (a read-and-vote board, e.g. on a home page). */
  @property({ type: Boolean, attribute: 'no-form' }) noForm = false;

  // --- lifecycle -----------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.similarTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view')) {
      if (VIEWS.includes(this.view)) this.shownView = this.view;
      else warnOnce(`<lenig-idea-board view="${String(this.view)}"> — use "columns" or "list"; showing columns.`);
    }
    if (changed.has('sort')) {
      if (IDEA_SORTS.includes(this.sort)) this.sortBy = this.sort;
      else warnOnce(`<lenig-idea-board sort="${String(this.sort)}"> — use "top", "new" or "trending"; sorting by top.`);
    }
    if (changed.has('channel')) this.openId = undefined;
    this.provider.setValue(this.activeStore);
  }

  protected override update(changed: PropertyValues): void {
    this.focusedBefore = this.matches(':focus-within') ? deepActive() : null;
    super.update(changed);
  }

  protected override updated(): void {
    // Re-sorting moves cards in the DOM, and a moved element loses focus: a vote in "Most votes" order
    // would throw the voter out of the board. Put focus back where it was.
    const before = this.focusedBefore;
    this.focusedBefore = null;
    if (before && !this.matches(':focus-within')) {
      if (before.isConnected) before.focus();
      // The channel closed under the form being filled in: focus goes to the notice that says why.
      else if (this.closed) this.renderRoot.querySelector<HTMLElement>('[part="closed"]')?.focus();
    }
    // After this update, not inside it: opening changes state.
    if (this.idea && this.idea !== this.openedFromAttribute && this.ideas.status === 'ready') queueMicrotask(() => void this.openFromAttribute());
  }

  // --- handlers ------------------------------------------------------------------------------------

  private onIdeaOpen(e: CustomEvent<IdeaOpenDetail>): void {
    this.relay<'lenig-idea-open'>(e, ({ idea, section }) => void this.openIdea(idea.id, section));
  }

  private async onMerged(e: CustomEvent<IdeaMergedDetail>): Promise<void> {
    // Follow the votes: the dialog now shows the idea that survived, and focus returns to its card.
    this.openId = e.detail.into;
    if (this.returnFocus) this.returnFocus = { element: null, idea: e.detail.into };
    await this.updateComplete;
    await this.detail?.updateComplete;
    this.detail?.focus();
  }

  private onDialogClose(): void {
    const back = this.returnFocus;
    this.returnFocus = undefined;
    this.openId = undefined;
    void this.updateComplete.then(() => {
      if (back?.element?.isConnected) {
        back.element.focus();
        return;
      }
      const card = back ? this.cardFor(back.idea) : null;
      if (card) card.focus();
      else this.renderRoot.querySelector<HTMLElement>('.toolbar button, .toolbar select')?.focus();
    });
  }

  private closeDialog(): void {
    this.dialog?.close();
  }

  private setView(view: IdeaBoardView): void {
    this.shownView = view;
  }

  private onSortChange(e: Event): void {
    this.sortBy = (e.target as HTMLSelectElement).value as IdeaSort;
  }

  private onStatusFilterChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    this.statusFilter = value ? (value as IdeaStatus) : undefined;
  }

  private toggleMine(): void {
    this.onlyMine = !this.onlyMine;
  }

  private async clearFilters(): Promise<void> {
    this.onlyMine = false;
    this.statusFilter = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#status-filter')?.focus();
  }

  private readonly onTitleInput = this.draft.field((value) => {
    this.draftTitle = value;
    if (this.failure?.field === 'title') this.failure = undefined;
    this.scheduleSimilarAnnouncement();
  });

  private readonly onTextInput = this.draft.field((value) => {
    this.draftText = value;
    if (this.failure?.field === 'text') this.failure = undefined;
  });

  private onTextKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.submit();
    }
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.submit();
  }

  // --- public methods ------------------------------------------------------------------------------

  /**
   * Opens an idea's detail in the dialog (`section: 'comments'` scrolls to its comments). A merged idea
   * opens too, and says which idea it was merged into.
   */
  async openIdea(id: string, section: IdeaOpenDetail['section'] = 'details'): Promise<void> {
    if (!this.dialog?.open) this.returnFocus = { element: this.matches(':focus-within') ? deepActive() : null, idea: id };
    this.openId = id;
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    await this.detail?.updateComplete;
    if (section === 'comments') await this.detail?.focusComments();
    else this.detail?.focus();
  }

  /**
   * Submits what is in the "Share an idea" form, as its button does. Resolves once the idea is accepted
   * or refused; the outcome is shown in the form and told through `lenig-idea-submitted` / `lenig-error`.
   */
  async submit(): Promise<void> {
    const store = this.activeStore;
    const channel = this.channel;
    if (this.sending || !store || !channel || !this.viewerSub.value) return;
    const { t } = this.i18n;
    const title = this.draftTitle.trim();
    const text = this.draftText.trim();
    if (!title) return this.refuse({ field: 'title', message: t.titleRequired });
    if (title.length > MAX_TITLE_LENGTH) {
      return this.refuse({ field: 'title', message: t.titleTooLong(this.i18n.number(title.length), this.i18n.number(MAX_TITLE_LENGTH)) });
    }
    if (!text) return this.refuse({ field: 'text', message: t.textRequired });
    if (text.length > MAX_POST_LENGTH) return this.refuse({ field: 'text', message: t.textTooLong(this.i18n.number(MAX_POST_LENGTH)) });
    this.failure = undefined;
    this.sending = true;
    const draftKey = this.draft.current;
    let id: string;
    try {
      id = await this.writeWait.watch(store.createPost({ channel, category: 'idea', title, text }));
    } catch (error) {
      this.sending = false;
      const e = toStoreError(error);
      this.emitError('createPost', e);
      return this.refuse(this.describeSubmitFailure(e));
    }
    this.sending = false;
    this.draft.sent(draftKey);
    if (this.channel === channel) {
      this.draftTitle = '';
      this.draftText = '';
      this.lastSimilarAnnounced = 0;
    }
    this.announce(t.submitted(title));
    this.emit('lenig-idea-submitted', { channel, idea: id, title });
    await this.updateComplete;
    this.titleInput?.focus();
  }

  // --- internals -----------------------------------------------------------------------------------

  /**
   * Read-only: 1 archived (no new ideas, votes or comments; the owner and admins still move ideas, which
   * the rules allow), 2 deleted (the channel's record is gone while its ideas still show: an admin deleted
   * it, and the rules refuse every change there but cleanup, which the board does not offer).
   */
  private get closed(): 0 | 1 | 2 {
    return this.channelSub.error?.code === 'not-found' && this.ideas.status === 'ready' ? 2 : this.channelSub.value?.archived ? 1 : 0;
  }

  /** Why the board is read-only: said above the ideas and in an idea's dialog. */
  private get closedNotice(): string | undefined {
    const { t } = this.i18n;
    const info = this.channelSub.value;
    return this.closed > 1 ? t.channelDeleted : this.closed && info ? t.archived(channelName(this.i18n, info)) : undefined;
  }

  /** Every idea of the channel that is not merged away. */
  private get liveIdeas(): Idea[] {
    return filterIdeas(this.ideas.value ?? [], {});
  }

  private ideaFor(target: LikeTarget): Idea | undefined {
    return this.ideas.value?.find((i) => postTarget(i.channel, i.id) === target);
  }

  private cardFor(id: string): LenigIdeaCardElement | null {
    return this.renderRoot.querySelector(`lenig-idea-card[data-id="${CSS.escape(id)}"]`);
  }

  private get similarIdeas(): Idea[] {
    const title = this.draftTitle.trim();
    if (title.length < SIMILAR_MIN_CHARS) return [];
    return findSimilar(title, this.liveIdeas, (i) => i.idea.title, { limit: SIMILAR_LIMIT }).map((s) => s.item);
  }

  private async openFromAttribute(): Promise<void> {
    const id = this.idea;
    if (!id || id === this.openedFromAttribute || this.ideas.status !== 'ready') return;
    this.openedFromAttribute = id;
    await this.openIdea(id);
  }

  /** Who is signed in: a uid, null when signed out, undefined while not known. */
  private get viewer(): string | null | undefined {
    return this.viewerSub.status === 'ready' ? (this.viewerSub.value?.uid ?? null) : undefined;
  }

  /** Another channel or another person: their own draft (or an empty form). */
  private restoreDraft(draft: Draft | undefined): void {
    this.draftTitle = draft?.title ?? '';
    this.draftText = draft?.text ?? '';
    this.failure = undefined;
  }

  /** Says how many similar ideas there are once typing pauses, and only when that number changes. */
  private scheduleSimilarAnnouncement(): void {
    clearTimeout(this.similarTimer);
    this.similarTimer = setTimeout(() => {
      const n = this.similarIdeas.length;
      if (n === this.lastSimilarAnnounced) return;
      this.lastSimilarAnnounced = n;
      if (n > 0) this.announce(this.i18n.plural(n, { one: this.i18n.t.similarOne, other: this.i18n.t.similarOther }));
    }, ANNOUNCE_SIMILAR_MS);
  }

  private async refuse(failure: Failure): Promise<void> {
    // Emptied first, so the alert speaks again when the same message is already showing.
    this.failure = undefined;
    await this.updateComplete;
    this.failure = failure;
    await this.updateComplete;
    (failure.field === 'text' ? this.textInput : this.titleInput)?.focus();
  }

  private describeSubmitFailure(error: StoreError): Failure {
    const { t } = this.i18n;
    if (error.code === 'validation-failed') {
      if (error.field === 'title') return { field: 'title', message: error.reason === 'too-long' ? t.titleTooLong(this.i18n.number(this.draftTitle.trim().length), this.i18n.number(MAX_TITLE_LENGTH)) : t.titleRequired };
      if (error.field === 'text') return { field: 'text', message: error.reason === 'too-long' ? t.textTooLong(this.i18n.number(MAX_POST_LENGTH)) : t.textRequired };
    }
    if (error.code === 'permission-denied') return { message: this.common.t.permissionDenied };
    if (error.code === 'unauthenticated') return { message: this.common.t.signInToContinue };
    return { message: t.submitFailed };
  }

  private announce(text: string): void {
    void this.announcer.announce(text);
  }

  // --- render --------------------------------------------------------------------------------------

  private voteState(idea: IdeaPost): { count: number; pressed: boolean; pending: boolean; voters: string[] | undefined } {
    const target = postTarget(idea.channel, idea.id);
    const view = this.likes.view(target, idea.likeCount);
    return { ...view, voters: this.likes.likers(target, view, this.likeText.t.you, this.common.t.unknownPerson) };
  }

  /** Takes `IdeaPost` (the same shape as `Idea`) so lit-analyzer can check the binding. */
  private renderCard(idea: IdeaPost, headingLevel: number): TemplateResult {
    const viewer = this.viewerSub.value ?? null;
    const vote = this.voteState(idea);
    const latest = this.notes.get(idea.id);
    return html`<lenig-idea-card
      data-id=${idea.id}
      exportparts=${CARD_PARTS}
      .idea=${idea}
      .author=${this.profiles.get(idea.author)}
      .owner=${idea.idea.owner ? this.profiles.get(idea.idea.owner) : undefined}
      .latest=${latest}
      .latestBy=${latest ? this.profiles.get(latest.by) : undefined}
      .own=${viewer !== null && viewer.uid === idea.author}
      .voteCount=${vote.count}
      .voted=${vote.pressed}
      .votePending=${vote.pending}
      .voters=${vote.voters}
      .signedOut=${viewer === null}
      .archived=${this.closed === 1}
      .channelDeleted=${this.closed > 1}
      .headingLevel=${headingLevel}
      .now=${this.clock.now}
    ></lenig-idea-card>`;
  }

  private renderSimilar(): TemplateResult | typeof nothing {
    const similar = this.similarIdeas;
    if (similar.length === 0) return nothing;
    const { t } = this.i18n;
    const status = this.cardText.t.status;
    const viewer = this.viewerSub.value ?? null;
    return html`<section class="similar" part="similar" aria-labelledby="similar-heading">
      <h4 id="similar-heading">${t.similarHeading}</h4>
      <ul role="list">
        ${similar.map((idea) => {
          const vote = this.voteState(idea);
          return html`<li data-id=${idea.id}>
            <span class="similar-title">
              <button class="link" type="button" aria-haspopup="dialog" @click=${() => void this.openIdea(idea.id)}>${idea.idea.title}</button>
            </span>
            <span class="status-badge" data-status=${idea.idea.status}>${status(idea.idea.status)}</span>
            ${renderLikeView(postTarget(idea.channel, idea.id), { ...vote, likers: vote.voters }, { signedOut: viewer === null })}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderForm(): TemplateResult | typeof nothing {
    // A closed channel takes no ideas: its notice says so instead.
    if (this.noForm || this.closed || this.viewerSub.status !== 'ready') return nothing;
    const { t } = this.i18n;
    if (!this.viewerSub.value) {
      return html`<div class="sign-in" part="sign-in">
        <p>${t.signInPrompt}</p>
        <button class="button primary" type="button" @click=${this.startSignIn}>${this.common.t.signIn}</button>
      </div>`;
    }
    const failure = this.failure;
    const titleLength = this.draftTitle.trim().length;
    const titleOver = titleLength > MAX_TITLE_LENGTH;
    const titleError = failure?.field === 'title' ? failure.message : titleOver ? t.titleTooLong(this.i18n.number(titleLength), this.i18n.number(MAX_TITLE_LENGTH)) : '';
    const textError = failure?.field === 'text' ? failure.message : '';
    const waiting = this.sending && this.connection.value === false;
    return html`<form class="share" part="form" novalidate aria-labelledby="share-heading" aria-busy=${this.sending ? 'true' : 'false'} @submit=${this.onSubmit}>
      <h3 id="share-heading">${t.formHeading}</h3>
      <div class="field">
        <div class="label-row">
          <label for="idea-title">${t.titleLabel}</label>
          <span id="title-count" class="hint">${t.titleCount(this.i18n.number(titleLength), this.i18n.number(MAX_TITLE_LENGTH))}</span>
        </div>
        <input
          id="idea-title"
          part="title-input"
          type="text"
          autocomplete="off"
          required
          aria-required="true"
          aria-invalid=${titleError ? 'true' : 'false'}
          aria-describedby="title-error title-count"
          .value=${live(this.draftTitle)}
          ?readonly=${this.sending}
          @input=${this.onTitleInput}
        />
        <p id="title-error" class="error" role="alert">${titleError}</p>
      </div>
      ${this.renderSimilar()}
      <div class="field">
        <label for="idea-text">${t.descriptionLabel}</label>
        <textarea
          id="idea-text"
          part="textarea"
          rows="3"
          required
          aria-required="true"
          aria-invalid=${textError ? 'true' : 'false'}
          aria-describedby="text-hint text-error"
          .value=${live(this.draftText)}
          ?readonly=${this.sending}
          @input=${this.onTextInput}
          @keydown=${this.onTextKeydown}
        ></textarea>
        <p id="text-hint" class="hint">${t.descriptionHint}</p>
        <p id="text-error" class="error" role="alert">${textError}</p>
      </div>
      <div class="row">
        <button class="button primary" part="submit" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? t.submitting : t.submit}
        </button>
        ${waiting ? html`<p class="waiting">${t.waitingOffline}</p>` : this.sending && this.writeWait.late ? html`<p class="waiting">${this.common.t.waitingSlow}</p>` : nothing}
      </div>
      <p class="error" role="alert">${failure && !failure.field ? failure.message : ''}</p>
    </form>`;
  }

  private renderToolbar(): TemplateResult {
    const { t } = this.i18n;
    const status = this.cardText.t.status;
    const signedIn = !!this.viewerSub.value;
    const viewButton = (view: IdeaBoardView, label: string) =>
      html`<button type="button" aria-pressed=${this.shownView === view ? 'true' : 'false'} @click=${() => this.setView(view)}>${label}</button>`;
    return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.toolbar}>
      <div class="segmented" part="view-toggle" role="group" aria-label=${t.view}>
        ${viewButton('columns', t.viewColumns)}${viewButton('list', t.viewList)}
      </div>
      <label class="control" for="sort">${t.sort}
        <select id="sort" part="sort" .value=${live(this.sortBy)} aria-describedby=${this.sortBy === 'trending' ? 'sort-hint' : nothing} @change=${this.onSortChange}>
          <option value="top" ?selected=${this.sortBy === 'top'}>${t.sortTop}</option>
          <option value="new" ?selected=${this.sortBy === 'new'}>${t.sortNew}</option>
          <option value="trending" ?selected=${this.sortBy === 'trending'}>${t.sortTrending}</option>
        </select>
      </label>
      <label class="control" for="status-filter">${t.status}
        <select id="status-filter" part="filter" .value=${live(this.statusFilter ?? '')} @change=${this.onStatusFilterChange}>
          <option value="" ?selected=${!this.statusFilter}>${t.allStatuses}</option>
          ${IDEA_STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${status(s)}</option>`)}
        </select>
      </label>
      ${signedIn
        ? html`<button class="chip" part="filter-mine" type="button" aria-pressed=${this.onlyMine ? 'true' : 'false'} @click=${this.toggleMine}>${t.mine}</button>`
        : nothing}
      ${this.sortBy === 'trending' ? html`<p id="sort-hint" class="hint sort-hint">${t.sortTrendingHint}</p>` : nothing}
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    const card = html`<div class="skeleton-card" aria-hidden="true">
      <span class="bone shimmer w-30"></span>
      <span class="bone title shimmer w-85"></span>
      <span class="bone shimmer w-95"></span>
      <span class="bone shimmer w-60"></span>
    </div>`;
    const { t } = this.i18n;
    if (this.shownView === 'list') {
      return html`<div class="cards list" aria-busy="true">${card}${card}${card}</div>
        <p class="visually-hidden" role="status" part="status">${t.loadingIdeas}</p>`;
    }
    return html`<div class="columns" part="columns" aria-busy="true">
        ${IDEA_STATUSES.slice(0, 4).map(
          (s, i) => html`<div class="column" data-status=${s} aria-hidden="true">
            <span class="bone shimmer w-50"></span>
            ${i < 3 ? card : nothing}${i === 0 ? card : nothing}
          </div>`,
        )}
      </div>
      <p class="visually-hidden" role="status" part="status">${t.loadingIdeas}</p>`;
  }

  private renderColumns(shown: Idea[]): TemplateResult {
    const { t } = this.i18n;
    const status = this.cardText.t.status;
    const statuses = this.statusFilter ? [this.statusFilter] : IDEA_STATUSES;
    return html`<div class="columns" part="columns">
      ${statuses.map((s) => {
        const inColumn = shown.filter((i) => i.idea.status === s);
        const count = this.i18n.plural(inColumn.length, { one: t.ideasOne, other: t.ideasOther });
        return html`<section class="column" part="column" data-status=${s} aria-labelledby="column-${s}">
          <h3 id="column-${s}" class="column-header" part="column-header">
            <span aria-hidden="true">${status(s)}</span><span class="visually-hidden">${status(s)}, ${count}</span>
            <span class="count" aria-hidden="true">${this.i18n.number(inColumn.length)}</span>
          </h3>
          ${inColumn.length
            ? html`<ul class="cards" role="list">
                ${repeat(
                  inColumn,
                  (i) => i.id,
                  (i) => html`<li>${this.renderCard(i, 4)}</li>`,
                )}
              </ul>`
            : html`<p class="column-empty">${t.columnEmpty}</p>`}
        </section>`;
      })}
    </div>`;
  }

  private renderList(shown: Idea[]): TemplateResult {
    const { t } = this.i18n;
    const count = this.i18n.plural(shown.length, { one: t.ideasOne, other: t.ideasOther });
    return html`<ul class="cards list" part="list" role="list" aria-label=${t.listLabel(count)}>
      ${repeat(
        shown,
        (i) => i.id,
        (i) => html`<li>${this.renderCard(i, 3)}</li>`,
      )}
    </ul>`;
  }

  private renderBody(): TemplateResult {
    const { t } = this.i18n;
    if (this.ideas.status === 'error') {
      const error = this.ideas.error;
      if (error?.code === 'unauthenticated' && !this.viewerSub.value && !this.cspBlocked) return this.renderSignInToRead(() => this.ideas.retry());
      return html`<div class="notice error state" part="status" role="alert">
        <p>${error?.code === 'not-found' ? this.channelMissing(this.channel ?? '', this.viewerSub.value) : t.loadFailed}</p>
        <button class="button" type="button" @click=${() => this.ideas.retry()}>${this.common.t.retry}</button>
      </div>`;
    }
    if (this.ideas.status !== 'ready' || this.viewerSub.status !== 'ready') return this.renderSkeleton();
    const all = this.liveIdeas;
    if (all.length === 0) return html`<p class="notice state" part="status">${t.empty}</p>`;
    const mine = this.onlyMine ? this.viewerSub.value?.uid : undefined;
    const filtered = filterIdeas(all, { mine, status: this.statusFilter });
    const shown = sortIdeas(filtered, this.sortBy, this.clock.now);
    if (shown.length === 0 && (this.shownView === 'list' || this.onlyMine)) {
      return html`<div class="notice state filtered" part="status">
        <p>${t.emptyFiltered}</p>
        <button class="button" type="button" @click=${this.clearFilters}>${t.clearFilters}</button>
      </div>`;
    }
    return this.shownView === 'list' ? this.renderList(shown) : this.renderColumns(shown);
  }

  private renderDialog(): TemplateResult {
    const { t } = this.i18n;
    const ideas = this.ideas.value;
    const open = this.openId ? ideas?.find((i) => i.id === this.openId) : undefined;
    const vote = open ? this.voteState(open) : undefined;
    return html`<dialog part="dialog" aria-label=${open ? t.detailLabel(open.idea.title) : t.formHeading} @close=${this.onDialogClose}>
      <div class="dialog-bar">
        <button class="button" type="button" @click=${this.closeDialog}>${t.close}</button>
      </div>
      <div class="dialog-body">
        ${this.openId
          ? html`<lenig-idea-detail
              .channel=${this.channel}
              .ideaId=${this.openId}
              .ideas=${ideas}
              .viewer=${this.viewerSub.value ?? null}
              .voteCount=${vote?.count ?? 0}
              .voted=${vote?.pressed ?? false}
              .votePending=${vote?.pending ?? false}
              .voters=${vote?.voters}
              .offline=${this.connection.value === false}
              .now=${this.clock.now}
              .archived=${this.closed === 1}
              .channelDeleted=${this.closed > 1}
              .closedNotice=${this.closedNotice}
            ></lenig-idea-detail>`
          : nothing}
      </div>
    </dialog>`;
  }

  protected override render(): TemplateResult {
    const unavailable = this.renderUnavailable({ channel: this.channel });
    if (unavailable !== nothing) return unavailable;
    // Live: a channel archived or deleted while shown is said at once, before anyone tries to vote.
    const notice = this.closedNotice;
    return html`<div
      class="lenig board"
      role="region"
      aria-label=${this.i18n.t.boardLabel(this.channelSub.value ? channelName(this.i18n, this.channelSub.value) : (this.channel ?? ''))}
      @lenig-sign-in-request=${this.relaySignIn}
      @lenig-idea-open=${this.onIdeaOpen}
      @lenig-idea-merged=${this.onMerged}
    >
      <div class="live" role="status">${this.connection.value === false || this.cspBlocked ? html`<p class="offline" part="offline">${this.offlineMessage}</p>` : nothing}${notice
          ? html`<p class="notice" part="closed" tabindex="-1">${notice}</p>`
          : nothing}</div>
      ${this.renderForm()} ${this.renderToolbar()} ${this.renderBody()}
      <p class="visually-hidden announce" role="status">${this.announcer.text}</p>
      ${this.renderDialog()}
    </div>`;
  }
}

define('lenig-idea-board', LenigIdeaBoardElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-idea-board': LenigIdeaBoardElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-idea-submitted': CustomEvent<IdeaSubmittedDetail>;
  }
}
