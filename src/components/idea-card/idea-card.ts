import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { postTarget, type Idea, type IdeaFields, type IdeaHistoryEntry, type Post, type Profile } from '../../data/types.js';
import { warnOnce } from '../../log.js';
import { LocalizeController } from '../../i18n/localize.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { ideaCardMessages } from '../../i18n/messages/idea-card.js';
import '../like-button/like-view.js';
import { emit } from '../shared/events.js';
import { plainText } from '../shared/rich-text.js';
import { ideaCardStyles } from './idea-card.styles.js';
import { define } from '../shared/define.js';
import { renderLikeView } from '../shared/like-view.js';
import { formatDate, relativeTime } from '../../i18n/formats.js';

/** Detail of `lenig-idea-open`: the idea to show in full, and the part of it to bring into view. */
export interface IdeaOpenDetail {
  idea: Idea;
  section: 'details' | 'comments';
}

/**
 * An idea as the card takes it: the same shape as `Idea`, spelled as an interface because lit-analyzer
 * cannot check a binding against an intersection type.
 */
export interface IdeaPost extends Post {
  idea: IdeaFields;
}

/** How much of the description a card shows before the CSS line clamp takes over. */
const EXCERPT_CHARS = 280;

const commentIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-5 4z" />
</svg>`;

/**
 * One idea as a card on the idea board: status, title, the start of the description, who submitted it
 * and when, its owner, the latest feedback note, a vote button and the comment count. A leaf: it shows
 * what it is given and asks for everything with events. The vote is a `<lenig-like-view>` over the
 * idea's like target (`post:{channel}:{id}`), so a vote *is* a like and counts wherever likes count.
 *
 * The title is a button that asks to open the idea (`lenig-idea-open`); so is the comment count.
 *
 * @summary An idea on the board: status, title, excerpt, author, owner, latest note, votes, comments.
 *
 * @csspart card - The `<article>`.
 * @csspart badge - The status badge.
 * @csspart card-title - The title (a button that opens the idea).
 * @csspart excerpt - The start of the description.
 * @csspart author - "by Name".
 * @csspart timestamp - The `<time>` the idea was submitted.
 * @csspart owner - "Owner: Name" or "No owner yet".
 * @csspart note - The latest feedback note.
 * @csspart actions - The row with the vote button and the comment count.
 * @csspart vote-button - The vote (like) button, re-exported from `<lenig-like-view>`.
 * @csspart vote-count - Its count.
 * @csspart comments - The comment count button.
 *
 * @cssproperty --lenig-idea-card-background - Background of a card. Default: the surface colour.
 * @cssproperty --lenig-idea-card-excerpt-lines - Lines of description shown. Default: 3.
 *
 * @fires {CustomEvent<IdeaOpenDetail>} lenig-idea-open - The title or comment count was activated. Cancelable.
 * @fires lenig-like-toggle - From the vote button (see `<lenig-like-view>`).
 * @fires lenig-likers-request - From the vote button.
 * @fires lenig-sign-in-request - From the vote button, when signed out.
 */
export class LenigIdeaCardElement extends LitElement {
  static override styles = ideaCardStyles;

  private readonly i18n = new LocalizeController(this, ideaCardMessages);
  private readonly common = new LocalizeController(this, commonMessages);

  @query('.open') private openButton?: HTMLButtonElement;

  /** The idea to show. Required. */
  @property({ attribute: false }) idea?: IdeaPost;
  /** The author's profile: `undefined` while loading, `null` when there is none ("Someone"). */
  @property({ attribute: false }) author?: Profile | null;
  /** The owner's profile, when the idea has an owner: `undefined` while loading, `null` when unknown. */
  @property({ attribute: false }) owner?: Profile | null;
  /** The latest status change with its feedback note, if any. */
  @property({ attribute: false }) latest?: IdeaHistoryEntry;
  /** The profile of whoever wrote the latest note. */
  @property({ attribute: false }) latestBy?: Profile | null;
  /** The viewer submitted this idea: a "Yours" mark. */
  @property({ type: Boolean }) own = false;
  /** Votes to show (optimism included). */
  @property({ type: Number, attribute: 'vote-count' }) voteCount = 0;
  /** Whether the viewer has voted (optimism included). */
  @property({ type: Boolean }) voted = false;
  /** A vote write is on its way. */
  @property({ type: Boolean, attribute: 'vote-pending' }) votePending = false;
  /** Names for the "liked by" tooltip, newest first; `undefined` until loaded. */
  @property({ attribute: false }) voters: string[] | undefined;
  /** The viewer is signed out: the vote button invites to sign in. */
  @property({ type: Boolean, attribute: 'signed-out' }) signedOut = false;
  /**
   * The idea's channel is archived: its vote button is dimmed and `aria-disabled` (still focusable, saying
   * why) and asks for nothing, as the rules take no votes there.
   */
  @property({ type: Boolean }) archived = false;
  /** The idea's channel no longer exists (an admin deleted it; its ideas stayed): as `archived`, and said so. */
  @property({ type: Boolean, attribute: 'channel-deleted' }) channelDeleted = false;
  /** The card's title is a heading of this level (the board uses 3 in the list and 4 in columns). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** The clock for relative times. Default: now. */
  @property({ attribute: false }) now?: Date;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel') && !(Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6)) {
      warnOnce(`<lenig-idea-card heading-level="${String(this.headingLevel)}"> — use 1 to 6; using 3.`);
    }
  }

  // --- handlers ------------------------------------------------------------------------------------

  private open(section: IdeaOpenDetail['section']): void {
    if (!this.idea) return;
    emit(this, 'lenig-idea-open', { idea: this.idea, section }, { cancelable: true });
  }

  // --- public methods ------------------------------------------------------------------------------

  /** Focuses the title button (where focus returns after the idea's detail closes). */
  override focus(options?: FocusOptions): void {
    this.openButton?.focus(options);
  }

  /** Focuses the vote button. */
  focusVote(): void {
    this.renderRoot.querySelector('lenig-like-view')?.focus();
  }

  // --- render --------------------------------------------------------------------------------------

  private name(profile: Profile | null | undefined): TemplateResult | string {
    if (profile === undefined) return html`<span class="name-skeleton"></span><span class="visually-hidden">${this.common.t.loading}</span>`;
    return profile?.name ?? this.common.t.unknownPerson;
  }

  private renderNote(idea: Idea): TemplateResult | typeof nothing {
    const latest = this.latest;
    if (!latest?.note.trim()) return nothing;
    const { t } = this.i18n;
    const now = this.now ?? new Date();
    return html`<div class="note" part="note" data-status=${latest.status}>
      <p class="note-head">
        <strong>${t.latestUpdate}</strong> ·
        ${this.latestBy === undefined ? this.name(undefined) : t.latestUpdateBy(this.latestBy?.name ?? this.common.t.unknownPerson, relativeTime(this.i18n, latest.at, now))}
        ${latest.status !== idea.idea.status ? html`· <span>${t.status(latest.status)}</span>` : nothing}
      </p>
      <p class="note-text">${latest.note}</p>
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const idea = this.idea;
    if (!idea) return nothing;
    const { t } = this.i18n;
    const now = this.now ?? new Date();
    const level = Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6 ? this.headingLevel : 3;
    const text = plainText(idea.text);
    const excerpt = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
    const ownerUid = idea.idea.owner;
    const comments = idea.commentCount > 0 ? this.i18n.plural(idea.commentCount, { one: t.commentsOne, other: t.commentsOther }) : t.noComments;
    const full = formatDate(this.i18n, idea.createdAt, { dateStyle: 'full', timeStyle: 'short' });
    return html`<article part="card" class="lenig card" data-status=${idea.idea.status} aria-labelledby="title">
      <div class="badges">
        <span part="badge" class="status-badge" data-status=${idea.idea.status}>
          <span class="visually-hidden">${t.statusLabel(t.status(idea.idea.status))}</span><span aria-hidden="true">${t.status(idea.idea.status)}</span>
        </span>
        ${this.own ? html`<span class="mine">${t.mine}</span>` : nothing}
      </div>
      <div class="heading" role="heading" aria-level=${level}>
        <button id="title" part="card-title" class="open" type="button" aria-haspopup="dialog" @click=${() => this.open('details')}>${idea.idea.title}</button>
      </div>
      ${excerpt ? html`<p part="excerpt" class="excerpt">${excerpt}</p>` : nothing}
      <p class="meta">
        <span part="author">${this.author === undefined ? this.name(undefined) : t.by(this.author?.name ?? this.common.t.unknownPerson)}</span>
        · <time part="timestamp" datetime=${idea.createdAt.toISOString()} title=${full}>${relativeTime(this.i18n, idea.createdAt, now)}</time>
      </p>
      <p part="owner" class="owner ${ownerUid ? '' : 'none'}">
        ${ownerUid ? (this.owner === undefined ? html`${t.owner('')}${this.name(undefined)}` : t.owner(this.owner?.name ?? this.common.t.unknownPerson)) : t.noOwner}
      </p>
      ${this.renderNote(idea)}
      <div part="actions" class="actions" role="group" aria-label=${t.actions}>
        ${renderLikeView(
          postTarget(idea.channel, idea.id),
          { count: this.voteCount, pressed: this.voted, pending: this.votePending, likers: this.voters },
          { signedOut: this.signedOut, archived: this.archived, channelDeleted: this.channelDeleted, exportparts: 'button: vote-button, count: vote-count' },
        )}
        <button part="comments" class="comments" type="button" aria-haspopup="dialog" @click=${() => this.open('comments')}>
          ${commentIcon}<span>${comments}</span>
        </button>
      </div>
    </article>`;
  }
}

define('lenig-idea-card', LenigIdeaCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-idea-card': LenigIdeaCardElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-idea-open': CustomEvent<IdeaOpenDetail>;
  }
}
