import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ComboboxController } from '../../controllers/combobox.js';
import { ProfilesController } from '../../controllers/profiles.js';
import { WriteWaitController } from '../../controllers/write-wait.js';
import { similarity } from '../../data/similarity.js';
import { isStoreError } from '../../data/store.js';
import {
  IDEA_STATUSES,
  MAX_NOTE_LENGTH,
  postTarget,
  type ChannelId,
  type Idea,
  type IdeaHistoryEntry,
  type IdeaStatus,
  type Profile,
  type UserId,
  type Viewer,
} from '../../data/types.js';
import { ideaBoardMessages } from '../../i18n/messages/idea-board.js';
import { ideaCardMessages } from '../../i18n/messages/idea-card.js';
import '../comments/comments.js';
import '../like-button/like-view.js';
import { commonReason, toStoreError } from '../shared/events.js';
import { LenigElement } from '../shared/lenig-element.js';
import { renderRichText } from '../shared/rich-text.js';
import { ideaDetailStyles } from './idea-detail.styles.js';
import { define } from '../shared/define.js';
import { renderLikeView } from '../shared/like-view.js';
import { formatDate, relativeTime } from '../../i18n/formats.js';

/** Detail of `lenig-idea-status-changed`. */
export interface IdeaStatusChangedDetail {
  channel: ChannelId;
  idea: string;
  status: IdeaStatus;
  note: string;
}
/** Detail of `lenig-idea-assigned`. */
export interface IdeaAssignedDetail {
  channel: ChannelId;
  idea: string;
  owner: UserId;
}
/** Detail of `lenig-idea-merged`: `idea` now points to `into`, which holds the pooled votes. */
export interface IdeaMergedDetail {
  channel: ChannelId;
  idea: string;
  into: string;
}

/** The status a "Move to" select starts on: the next step of the usual flow. */
const NEXT: Record<IdeaStatus, IdeaStatus> = {
  new: 'under-review',
  'under-review': 'planned',
  planned: 'in-progress',
  'in-progress': 'done',
  done: 'done',
  declined: 'declined',
};

/** How many people the assign picker offers, and ideas the merge picker. */
const PICKER_LIMIT = 8;
/** The score from which a merge candidate is marked "similar" (the duplicate threshold of `findSimilar`). */
const SIMILAR_SCORE = 0.4;

interface MergeCandidate {
  idea: Idea;
  score: number;
}

/** A candidate's similarity counts for the order only once it is high enough to call the two similar. */
function rank(score: number): number {
  return score >= SIMILAR_SCORE ? score : 0;
}

/** Lower case without accents, for matching what is typed against titles ("cafe" finds "Café"). */
function fold(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * One idea in full, shown by `<lenig-idea-board>` in its dialog: the whole text, the vote, the history
 * timeline with every status change and feedback note, the comments, and — for the idea's owner or an
 * admin — the management forms: move to another status with a required feedback note, assign an owner
 * (a combobox over people's profiles), and for admins only (merging pools other people's votes) merge into
 * another idea (a combobox over the channel's ideas, similar ones first, with a confirmation step).
 *
 * The board hands it the channel's ideas, the viewer and the vote state, so the dialog costs no extra
 * listeners but the idea's history; writes go straight to the store (from context) and are told with
 * the events below, which bubble out of the board.
 *
 * @summary The full idea with history, comments and management controls.
 *
 * @fires {CustomEvent<IdeaStatusChangedDetail>} lenig-idea-status-changed - A status change with its note was stored.
 * @fires {CustomEvent<IdeaAssignedDetail>} lenig-idea-assigned - An owner was assigned.
 * @fires {CustomEvent<IdeaMergedDetail>} lenig-idea-merged - The idea was merged into another one.
 * @fires {CustomEvent<IdeaOpenDetail>} lenig-idea-open - The reader follows "Merged into …" to the other idea.
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - A write or the history failed (`operation` is the store method).
 */
export class LenigIdeaDetailElement extends LenigElement {
  static override styles = ideaDetailStyles;

  // --- controllers ---------------------------------------------------------------------------------

  private readonly i18n = this.localize(ideaBoardMessages);
  private readonly cardText = this.localize(ideaCardMessages);
  private readonly profiles = new ProfilesController(this, () => this.activeStore);
  private readonly announcer = new AnnouncerController(this);
  /** A status change, assignment or merge the service has not answered within the bound: said below the forms. */
  private readonly writeWait = new WriteWaitController(this, () => this.announce(this.common.t.waitingSlow));
  private readonly history = this.subscribeStore<IdeaHistoryEntry[], [ChannelId, string]>(
    'subscribeIdeaHistory',
    () => (this.channel && this.ideaId ? [this.channel, this.ideaId] : undefined),
    (store, [channel, id], next, fail) => store.subscribeIdeaHistory(channel, id, next, fail),
  );
  private readonly assignPicker = new ComboboxController<Profile>(this, {
    id: 'assign',
    search: async (query) => {
      const store = this.activeStore;
      if (!store || !query) return [];
      try {
        return await store.searchProfiles(query, PICKER_LIMIT);
      } catch (error) {
        this.emitError('searchProfiles', toStoreError(error));
        return [];
      }
    },
    pick: (profile) => void this.assignTo(profile),
  });
  private readonly mergePicker = new ComboboxController<MergeCandidate>(this, {
    id: 'merge',
    search: (query) => this.mergeCandidates(query),
    pick: (candidate) => void this.askMerge(candidate.idea),
    openOnEmpty: true,
  });

  // --- queries -------------------------------------------------------------------------------------

  @query('#heading') private heading?: HTMLElement;
  @query('#note') private noteField?: HTMLTextAreaElement;

  // --- state ---------------------------------------------------------------------------------------

  /** The status picked in "Move to"; undefined means the default (`NEXT`). */
  @state() private moveTo?: IdeaStatus;
  @state() private note = '';
  @state() private noteError = '';
  @state() private busy?: 'status' | 'assign' | 'merge';
  @state() private assignError = '';
  @state() private mergeError = '';
  /** The idea picked to merge into, while the confirmation shows. */
  @state() private mergeInto?: Idea;
  /** Whether focus was inside before the current render (see `updated`). */
  private hadFocus = false;

  // --- properties ----------------------------------------------------------------------------------

  /** The channel of the idea. */
  @property() channel?: ChannelId;
  /** The id of the idea to show. */
  @property({ attribute: 'idea' }) ideaId?: string;
  /** Every idea of the channel, merged ones included (`undefined` while loading). */
  @property({ attribute: false }) ideas?: readonly Idea[];
  /** Who is looking; management controls show for the idea's owner and for admins. */
  @property({ attribute: false }) viewer?: Viewer | null;
  /** Votes to show (optimism included), as on the card. */
  @property({ type: Number, attribute: false }) voteCount = 0;
  @property({ type: Boolean, attribute: false }) voted = false;
  @property({ type: Boolean, attribute: false }) votePending = false;
  @property({ attribute: false }) voters: string[] | undefined;
  /** The connection is down: writes are kept and sent later, so forms do not wait for them. */
  @property({ type: Boolean }) offline = false;
  /** The clock for relative times. Default: now. */
  @property({ attribute: false }) now?: Date;
  /**
   * The idea's channel is archived: no vote and no reply box (the rules take neither there); its owner
   * and admins still move, assign and merge it, which the rules allow.
   */
  @property({ type: Boolean }) archived = false;
  /**
   * The idea's channel no longer exists (an admin deleted it; its ideas stayed): read-only as when
   * `archived`, and no management either, since the rules refuse every change there.
   */
  @property({ type: Boolean, attribute: 'channel-deleted' }) channelDeleted = false;
  /** Why the idea is read-only (the board's notice), said above its text. */
  @property({ attribute: false }) closedNotice?: string;

  // --- lifecycle -----------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ideaId') && changed.get('ideaId') !== undefined) {
      // Another idea: its forms start empty. The announcement stays, so "Merged…" is still heard.
      this.moveTo = undefined;
      this.note = '';
      this.noteError = '';
      this.assignError = '';
      this.mergeError = '';
      this.mergeInto = undefined;
      this.assignPicker.clear();
      this.mergePicker.clear();
    }
  }

  protected override update(changed: PropertyValues): void {
    this.hadFocus = this.matches(':focus-within');
    super.update(changed);
  }

  protected override updated(): void {
    // A change can take the focused control away (an owner who hands the idea to someone else loses the
    // management forms): put focus on the heading rather than let it fall to the page.
    if (this.hadFocus && !this.matches(':focus-within')) this.heading?.focus();
    this.hadFocus = false;
  }

  // --- handlers ------------------------------------------------------------------------------------

  private onMoveToChange(e: Event): void {
    this.moveTo = (e.target as HTMLSelectElement).value as IdeaStatus;
  }

  private onNoteInput(e: Event): void {
    this.note = (e.target as HTMLTextAreaElement).value;
    if (this.noteError && this.note.trim()) this.noteError = '';
  }

  private async changeStatus(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const idea = this.idea;
    const store = this.activeStore;
    if (!idea || !store || this.busy) return;
    const { t } = this.i18n;
    const status = this.moveTo ?? NEXT[idea.idea.status];
    const note = this.note.trim();
    if (!note) return this.refuseNote(t.noteRequired);
    if (note.length > MAX_NOTE_LENGTH) return this.refuseNote(t.noteTooLong(this.i18n.number(note.length), this.i18n.number(MAX_NOTE_LENGTH)));
    this.busy = 'status';
    this.noteError = '';
    try {
      await this.settle(store.setIdeaStatus(idea.channel, idea.id, status, note), 'setIdeaStatus');
    } catch (error) {
      this.busy = undefined;
      this.noteError = this.describe(error);
      await this.updateComplete;
      this.noteField?.focus();
      return;
    }
    this.busy = undefined;
    this.note = '';
    this.moveTo = undefined;
    this.announce(t.moved(this.cardText.t.status(status)));
    this.emit('lenig-idea-status-changed', { channel: idea.channel, idea: idea.id, status, note });
  }

  private async refuseNote(message: string): Promise<void> {
    // Emptied first, so the alert speaks again when the same message is already showing.
    this.noteError = '';
    await this.updateComplete;
    this.noteError = message;
    await this.updateComplete;
    this.noteField?.focus();
  }

  private async assignTo(profile: Profile): Promise<void> {
    const idea = this.idea;
    const store = this.activeStore;
    if (!idea || !store || this.busy) return;
    this.busy = 'assign';
    this.assignError = '';
    this.assignPicker.query = profile.name;
    this.announce(this.i18n.t.assigning(profile.name));
    try {
      await this.settle(store.assignIdea(idea.channel, idea.id, profile.uid), 'assignIdea');
    } catch (error) {
      this.busy = undefined;
      this.assignError = this.describe(error);
      return;
    }
    this.busy = undefined;
    this.assignPicker.clear();
    this.announce(this.i18n.t.assigned(profile.name));
    this.emit('lenig-idea-assigned', { channel: idea.channel, idea: idea.id, owner: profile.uid });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#assign')?.focus();
  }

  private async askMerge(into: Idea): Promise<void> {
    this.mergeInto = into;
    this.mergeError = '';
    this.mergePicker.query = into.idea.title;
    await this.updateComplete;
    // Merging cannot be undone: Cancel is where focus lands.
    this.renderRoot.querySelector<HTMLElement>('#merge-cancel')?.focus();
  }

  private async cancelMerge(): Promise<void> {
    this.mergeInto = undefined;
    this.mergeError = '';
    this.mergePicker.clear();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#merge')?.focus();
  }

  private async confirmMerge(): Promise<void> {
    const idea = this.idea;
    const into = this.mergeInto;
    const store = this.activeStore;
    if (!idea || !into || !store || this.busy) return;
    this.busy = 'merge';
    this.mergeError = '';
    try {
      await this.settle(store.mergeIdea(idea.channel, idea.id, into.id), 'mergeIdea');
    } catch (error) {
      this.busy = undefined;
      this.mergeError = this.describe(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#merge-confirm')?.focus();
      return;
    }
    this.busy = undefined;
    this.mergeInto = undefined;
    this.mergePicker.clear();
    this.announce(this.i18n.t.merged(into.idea.title));
    // The board follows this to the surviving idea.
    this.emit('lenig-idea-merged', { channel: idea.channel, idea: idea.id, into: into.id });
  }

  private openOther(idea: Idea): void {
    this.emit('lenig-idea-open', { idea, section: 'details' }, { cancelable: true });
  }

  // --- public methods ------------------------------------------------------------------------------

  /** Focuses the idea's title (the start of the dialog for a screen reader). */
  override focus(options?: FocusOptions): void {
    this.heading?.focus(options);
  }

  /** Brings the comments into view and focuses their heading. */
  async focusComments(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#comments-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  // --- internals -----------------------------------------------------------------------------------

  private get idea(): Idea | undefined {
    return this.ideas?.find((i) => i.id === this.ideaId);
  }

  private get canManage(): boolean {
    const idea = this.idea;
    const viewer = this.viewer;
    return !!idea && !!viewer && !idea.idea.mergedInto && (viewer.admin || idea.idea.owner === viewer.uid);
  }

  /**
   * Waits for a write, except offline: then the store has applied it locally and sends it later, so the
   * form is done now and a later refusal still reaches the page as `lenig-error`.
   */
  private async settle(write: Promise<void>, operation: string): Promise<void> {
    const reported = write.catch((error: unknown) => {
      const e = toStoreError(error);
      this.emitError(operation, e);
      throw e;
    });
    if (this.offline) {
      reported.catch(() => undefined);
      return;
    }
    await this.writeWait.watch(reported);
  }

  private mergeCandidates(query: string): MergeCandidate[] {
    const idea = this.idea;
    if (!idea) return [];
    const q = fold(query.trim());
    return (this.ideas ?? [])
      .filter((i) => i.id !== idea.id && !i.idea.mergedInto)
      .map((i) => ({ idea: i, score: similarity(idea.idea.title, i.idea.title) }))
      .filter((c) => !q || fold(c.idea.idea.title).includes(q) || similarity(query, c.idea.idea.title) >= SIMILAR_SCORE)
      // Similar ideas first, best match first; the rest by votes, where a duplicate is most likely to be.
      .sort((a, b) => rank(b.score) - rank(a.score) || b.idea.likeCount - a.idea.likeCount)
      .slice(0, PICKER_LIMIT);
  }

  private describe(error: unknown): string {
    const { t } = this.i18n;
    if (!isStoreError(error)) return t.failed;
    switch (error.code) {
      case 'not-found':
        return t.tooLate;
      case 'validation-failed':
        if (error.field === 'note') {
          return error.reason === 'too-long' ? t.noteTooLong(this.i18n.number(this.note.length), this.i18n.number(MAX_NOTE_LENGTH)) : t.noteRequired;
        }
        return t.failed;
      default:
        return commonReason(error, this.common.t) ?? t.failed;
    }
  }

  private announce(text: string): void {
    // Cleared first, so the same sentence twice in a row is still announced.
    void this.announcer.announce(text);
  }

  private name(uid: UserId): string {
    const p = this.profiles.get(uid);
    return p === undefined ? '…' : (p?.name ?? this.common.t.unknownPerson);
  }

  // --- render --------------------------------------------------------------------------------------

  private renderTime(at: Date): TemplateResult {
    return html`<time datetime=${at.toISOString()} title=${formatDate(this.i18n, at, { dateStyle: 'full', timeStyle: 'short' })}
      >${relativeTime(this.i18n, at, this.now ?? new Date())}</time
    >`;
  }

  private renderHistory(idea: Idea): TemplateResult {
    const { t } = this.i18n;
    const status = (s: IdeaStatus) => html`<span class="status-badge" data-status=${s}>${this.cardText.t.status(s)}</span>`;
    let entries: TemplateResult | TemplateResult[] | typeof nothing = nothing;
    if (this.history.status === 'error') {
      entries = html`<li>
        <p class="error" role="alert">${t.historyFailed}</p>
        <button class="button" type="button" @click=${() => this.history.retry()}>${this.common.t.retry}</button>
      </li>`;
    } else if (this.history.status !== 'ready') {
      entries = html`<li aria-busy="true"><span class="skeleton-line"></span><span class="visually-hidden">${t.historyLoading}</span></li>`;
    } else {
      entries = (this.history.value ?? []).map(
        (e) => html`<li data-status=${e.status}>
          <span class="entry-head">${status(e.status)} <span>${this.cardText.t.by(this.name(e.by))}</span> ${this.renderTime(e.at)}</span>
          ${e.note ? html`<p class="entry-note">${e.note}</p>` : nothing}
        </li>`,
      );
    }
    return html`<section aria-labelledby="history-heading">
      <h3 id="history-heading">${t.history}</h3>
      <ol class="timeline">
        <li data-status="new">
          <span class="entry-head">${status('new')} <span>${t.historySubmitted(this.name(idea.author))}</span> ${this.renderTime(idea.createdAt)}</span>
        </li>
        ${entries}
      </ol>
    </section>`;
  }

  private renderStatusForm(idea: Idea): TemplateResult {
    const { t } = this.i18n;
    const statusText = this.cardText.t.status;
    const current = idea.idea.status;
    const target = this.moveTo ?? NEXT[current];
    const saving = this.busy === 'status';
    return html`<form novalidate @submit=${this.changeStatus}>
      <div class="field">
        <label for="move-to">${t.moveTo}</label>
        <select id="move-to" .value=${live(target)} ?disabled=${saving} @change=${this.onMoveToChange}>
          ${IDEA_STATUSES.map(
            (s) => html`<option value=${s} ?selected=${s === target}>${s === current ? t.currentStatus(statusText(s)) : statusText(s)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="note">${t.noteLabel}</label>
        <p id="note-hint" class="hint">${t.noteHint}</p>
        <textarea
          id="note"
          rows="3"
          required
          aria-required="true"
          aria-invalid=${this.noteError ? 'true' : 'false'}
          aria-describedby="note-hint note-error"
          .value=${live(this.note)}
          ?readonly=${saving}
          @input=${this.onNoteInput}
        ></textarea>
        <p id="note-error" class="error" role="alert">${this.noteError}</p>
      </div>
      <div class="row">
        <button id="move-submit" class="button primary" type="submit" aria-disabled=${saving ? 'true' : 'false'}>
          ${saving ? t.saving : target === current ? t.postUpdate : t.moveSubmit(statusText(target))}
        </button>
      </div>
    </form>`;
  }

  private renderAssign(idea: Idea): TemplateResult {
    const { t } = this.i18n;
    const busy = this.busy === 'assign';
    return html`<div class="field">
      <label id="assign-label" for="assign">${t.assignLabel}</label>
      <p id="assign-hint" class="hint">${t.assignHint}</p>
      ${this.assignPicker.render({
        labelId: 'assign-label',
        describedBy: 'assign-hint assign-error',
        disabled: busy,
        listLabel: t.people,
        empty: t.nobodyFound,
        renderItem: (p) => html`<span class="option-main">
          <span>${p.name}</span>
          ${p.jobTitle || p.department ? html`<span class="quiet">${[p.jobTitle, p.department].filter(Boolean).join(' · ')}</span>` : nothing}
        </span>
        ${p.uid === idea.idea.owner ? html`<span class="quiet">${t.owner}</span>` : nothing}`,
      })}
      <p id="assign-error" class="error" role="alert">${this.assignError}</p>
    </div>`;
  }

  private renderMerge(idea: Idea): TemplateResult {
    const { t } = this.i18n;
    const into = this.mergeInto;
    const merging = this.busy === 'merge';
    return html`<div class="field">
      <label id="merge-label" for="merge">${t.mergeLabel}</label>
      <p id="merge-hint" class="hint">${t.mergeHint}</p>
      ${this.mergePicker.render({
        labelId: 'merge-label',
        describedBy: 'merge-hint',
        disabled: merging || into !== undefined,
        listLabel: t.ideas,
        empty: t.noIdeasFound,
        renderItem: (c) => html`<span class="option-main">
            <span>${c.idea.idea.title}</span>
            <span class="quiet"
              >${this.cardText.t.status(c.idea.idea.status)} · ${this.i18n.plural(c.idea.likeCount, { one: t.votesOne, other: t.votesOther })}${c.score >=
              SIMILAR_SCORE
                ? html` · <strong>${t.similar}</strong>`
                : nothing}</span
            >
          </span>`,
      })}
      ${into
        ? html`<div class="confirm" role="group" aria-labelledby="merge-question">
            <p id="merge-question"><strong>${t.mergeQuestion(idea.idea.title, into.idea.title)}</strong></p>
            <p class="hint">${t.mergeExplain}</p>
            <p class="error" role="alert">${this.mergeError}</p>
            <div class="row">
              <button id="merge-confirm" class="button danger" type="button" aria-disabled=${merging ? 'true' : 'false'} @click=${this.confirmMerge}>
                ${merging ? t.merging : t.mergeConfirm}
              </button>
              <button id="merge-cancel" class="button" type="button" ?disabled=${merging} @click=${this.cancelMerge}>${t.cancel}</button>
            </div>
          </div>`
        : nothing}
    </div>`;
  }

  private renderManage(idea: Idea): TemplateResult {
    const { t } = this.i18n;
    return html`<section class="manage" part="manage" aria-labelledby="manage-heading">
      <h3 id="manage-heading">${t.manage}</h3>
      ${this.renderStatusForm(idea)} ${this.renderAssign(idea)} ${this.viewer?.admin ? this.renderMerge(idea) : nothing}
      ${this.busy && this.writeWait.late ? html`<p class="quiet">${this.common.t.waitingSlow}</p>` : nothing}
    </section>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const unavailable = this.renderUnavailable();
    if (unavailable !== nothing) return unavailable;
    const { t } = this.i18n;
    const card = this.cardText.t;
    if (this.ideas === undefined) {
      return html`<div class="lenig detail" aria-busy="true"><p role="status">${this.common.t.loading}</p></div>`;
    }
    const idea = this.idea;
    if (!idea) {
      return html`<div class="lenig detail">
        <p id="heading" class="heading" tabindex="-1">${t.ideaGone}</p>
      </div>`;
    }
    const merged = idea.idea.mergedInto;
    const survivor = merged ? this.ideas.find((i) => i.id === merged) : undefined;
    const viewer = this.viewer ?? null;
    const owner = idea.idea.owner;
    return html`<div class="lenig detail">
      <div class="badges">
        <span class="status-badge" data-status=${idea.idea.status}>
          <span class="visually-hidden">${card.statusLabel(card.status(idea.idea.status))}</span><span aria-hidden="true">${card.status(idea.idea.status)}</span>
        </span>
        ${viewer && viewer.uid === idea.author ? html`<span class="quiet">${card.mine}</span>` : nothing}
      </div>
      <h2 id="heading" class="heading" tabindex="-1">${idea.idea.title}</h2>
      ${merged
        ? html`<p class="merged" part="merged">
            ${survivor
              ? html`${t.mergedInto} <button class="link" type="button" @click=${() => this.openOther(survivor)}>${survivor.idea.title}</button>`
              : t.mergedIntoMissing}
          </p>`
        : nothing}
      <p class="meta">
        ${t.submittedBy(this.name(idea.author))} · ${this.renderTime(idea.createdAt)} ·
        <span class="owner">${owner ? card.owner(this.name(owner)) : card.noOwner}</span>
      </p>
      ${this.closedNotice ? html`<p class="closed" part="closed">${this.closedNotice}</p>` : nothing}
      <div class="text rich-text">${renderRichText(idea.text, (uid) => this.profiles.get(uid))}</div>
      ${merged
        ? nothing
        : html`<div class="vote-row">
            ${renderLikeView(
              postTarget(idea.channel, idea.id),
              { count: this.voteCount, pressed: this.voted, pending: this.votePending, likers: this.voters },
              { signedOut: viewer === null, archived: this.archived, channelDeleted: this.channelDeleted },
            )}
          </div>`}
      ${this.renderHistory(idea)} ${this.canManage && !this.channelDeleted ? this.renderManage(idea) : nothing}
      <div class="comments">
        <h3 id="comments-heading" tabindex="-1">${t.comments}</h3>
        <lenig-comments .channel=${idea.channel} .post=${idea.id} ?archived=${this.archived} .channelDeleted=${this.channelDeleted}></lenig-comments>
      </div>
      <p class="visually-hidden" role="status">${this.announcer.text}</p>
    </div>`;
  }
}

define('lenig-idea-detail', LenigIdeaDetailElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-idea-detail': LenigIdeaDetailElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-idea-status-changed': CustomEvent<IdeaStatusChangedDetail>;
    'lenig-idea-assigned': CustomEvent<IdeaAssignedDetail>;
    'lenig-idea-merged': CustomEvent<IdeaMergedDetail>;
  }
}
