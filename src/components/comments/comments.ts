import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ProfilesController } from '../../controllers/profiles.js';
import { WriteWaitController } from '../../controllers/write-wait.js';
import { isStoreError, type StoreError } from '../../data/store.js';
import { MAX_COMMENT_LENGTH, type Comment } from '../../data/types.js';
import { commentsMessages } from '../../i18n/messages/comments.js';
import { renderAvatar } from '../shared/avatar.js';
import { emit, toStoreError } from '../shared/events.js';
import { LenigElement } from '../shared/lenig-element.js';
import { renderRichText } from '../shared/rich-text.js';
import { commentsStyles } from './comments.styles.js';
import { define } from '../shared/define.js';
import { renderTextField } from '../shared/text-field.js';
import { formatDate, relativeTime } from '../../i18n/formats.js';

/** Detail of `lenig-comment-created`. */
export interface CommentCreatedDetail {
  channel: string;
  post: string;
  comment: string;
}


/**
 * Comments written offline and refused once the connection was back, while no box showed their post (its
 * comments closed meanwhile), by `channel/post`: the next box for that post, for the same person, takes
 * the text back with the reason. Shared by every copy of lenig on the page (a SharePoint page can hold
 * several), as a box for the post may come from another web part.
 */
const refusedComments = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.refusedComments')] ??= new Map()) as Map<
  string,
  { uid: string; text: string; error: StoreError }
>;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The comments of one post, oldest first, and a labelled box to reply. Opened inline by a post card; can
 * also stand on its own on a page (`<lenig-comments channel="general" post="-Nabc…">`).
 *
 * Ctrl+Enter (⌘+Enter on a Mac) sends. A rejected comment keeps its text and says why; a sent one is
 * announced politely ("Comment added") and focus stays in the box for the next one. A comment written
 * offline is refused only once the connection is back: if its box has closed by then, the text comes
 * back in the next box for that post, and `lenig-error` (fired from the document, as the element has left
 * the page) carries it as `text`.
 *
 * @summary A post's comments with a reply box.
 *
 * @csspart list - The `<ul>` of comments.
 * @csspart comment - One comment.
 * @csspart avatar - A commenter's photo or initials.
 * @csspart form - The reply form.
 * @csspart textarea - The reply box.
 * @csspart submit - The send button.
 * @csspart status - The configuration or loading message.
 * @csspart notice - While a comment is being sent: that the connection is down, or that the answer is late.
 *
 * @fires {CustomEvent<CommentCreatedDetail>} lenig-comment-created - A comment was stored.
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - Loading (`operation: 'subscribeComments'`), sending (`'comment'`) or signing in (`'signIn'`) failed. A comment sent offline and refused later carries its `text`.
 */
export class LenigCommentsElement extends LenigElement {
  static override styles = commentsStyles;

  private readonly i18n = this.localize(commentsMessages);
  private readonly profiles = new ProfilesController(this, () => this.activeStore);
  private readonly announcer = new AnnouncerController(this);
  private readonly writeWait = new WriteWaitController(this, () => void this.announcer.announce(this.common.t.waitingSlow));
  private readonly viewerSub = this.watchViewer();
  private readonly connection = this.watchConnection();
  private readonly list = this.subscribeStore<Comment[], [string, string]>(
    'subscribeComments',
    () => (this.channel && this.post ? [this.channel, this.post] : undefined),
    (store, [channel, post], next, fail) => store.subscribeComments(channel, post, next, fail),
  );

  @query('textarea') private textarea?: HTMLTextAreaElement;

  @state() private draft = '';
  @state() private sending = false;
  @state() private error = '';

  /** The channel of the post. Required. */
  @property() channel?: string;
  /** The post id. Required. */
  @property() post?: string;
  /** The post's channel is archived: the comments show, and no reply box (the rules refuse replies there). */
  @property({ type: Boolean }) archived = false;
  /** The post's channel no longer exists (an admin deleted it, its posts stayed): as `archived`, and said so. */
  @property({ type: Boolean, attribute: 'channel-deleted' }) channelDeleted = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('post') && changed.get('post') !== undefined) {
      this.draft = '';
      this.error = '';
    }
    if (refusedComments.size) this.takeRefused();
  }

  // --- handlers ------------------------------------------------------------------------------------

  private onInput(e: Event): void {
    this.draft = (e.target as HTMLTextAreaElement).value;
    if (this.error) this.error = '';
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.send();
    }
  }

  private async send(e?: Event): Promise<void> {
    e?.preventDefault();
    const store = this.activeStore;
    const { channel, post } = this;
    if (!store || !channel || !post || this.sending) return;
    const { t } = this.i18n;
    const text = this.draft;
    this.announcer.clear();
    if (!/\S/.test(text)) {
      this.error = t.required;
      this.textarea?.focus();
      return;
    }
    if (text.length > MAX_COMMENT_LENGTH) {
      this.error = t.tooLong(this.i18n.number(text.length), this.i18n.number(MAX_COMMENT_LENGTH));
      this.textarea?.focus();
      return;
    }
    this.error = '';
    const write = store.comment(channel, post, text);
    if (this.connection.value === false) {
      // Offline the comment is already in the list (the store keeps it and sends it later); the box is
      // free for the next one. Refused once the connection is back (the post deleted meanwhile, the
      // channel archived), it leaves the list: its text comes back to the box, unless a new one is being
      // written there, with the reason.
      this.draft = '';
      void this.announcer.announce(t.added);
      const uid = this.viewerSub.value?.uid ?? '';
      write.then(
        (id) => this.emitCreated(channel, post, id),
        (e: unknown) => {
          const error = toStoreError(e);
          // Back to its box only while the box still shows that post, never into another post's box;
          // with the box gone, kept for the next one (see refusedComments).
          const shown = this.isConnected && this.channel === channel && this.post === post;
          if (shown) {
            this.draft ||= text;
            this.error = this.describe(error);
          } else {
            const kept = refusedComments.get(`${channel}/${post}`);
            refusedComments.set(`${channel}/${post}`, { uid, text: kept?.uid === uid ? `${kept.text}\n\n${text}` : text, error });
          }
          // Off the page, an element's event reaches nobody: the document fires it instead.
          emit(this.isConnected ? this : document, 'lenig-error', { operation: 'comment', error, text });
        },
      );
      return;
    }
    this.sending = true;
    try {
      const id = await this.writeWait.watch(write);
      this.draft = '';
      void this.announcer.announce(t.added);
      this.emitCreated(channel, post, id);
    } catch (error) {
      this.error = this.describe(error);
      this.emitError('comment', toStoreError(error));
    } finally {
      this.sending = false;
    }
    await this.updateComplete;
    this.textarea?.focus();
  }

  private async signIn(): Promise<void> {
    try {
      await this.activeStore?.signIn();
    } catch (error) {
      this.emitError('signIn', toStoreError(error));
    }
  }

  // --- internals -----------------------------------------------------------------------------------

  /** A refused comment kept for this post and person (see refusedComments): into the box, with the reason. */
  private takeRefused(): void {
    const key = `${this.channel}/${this.post}`;
    const kept = refusedComments.get(key);
    if (!kept || kept.uid !== this.viewerSub.value?.uid) return;
    refusedComments.delete(key);
    this.draft = this.draft ? `${this.draft}\n\n${kept.text}` : kept.text;
    this.error = this.describe(kept.error);
  }

  private describe(error: unknown): string {
    const { t } = this.i18n;
    if (!isStoreError(error)) return t.failed;
    if (error.code === 'validation-failed') {
      if (error.reason === 'too-long') return t.tooLong(this.i18n.number(this.draft.length), this.i18n.number(MAX_COMMENT_LENGTH));
      if (error.reason === 'required') return t.required;
    }
    if (error.code === 'permission-denied') return this.common.t.permissionDenied;
    if (error.code === 'unauthenticated') return this.common.t.signInToContinue;
    if (error.code === 'not-found') return t.postGone;
    return t.failed;
  }

  private emitCreated(channel: string, post: string, comment: string): void {
    this.emit('lenig-comment-created', { channel, post, comment });
  }

  // --- render --------------------------------------------------------------------------------------

  private renderComment(c: Comment): TemplateResult {
    const profile = this.profiles.get(c.author);
    const name = profile === null ? this.common.t.unknownPerson : (profile?.name ?? '…');
    return html`<li part="comment">
      ${renderAvatar({ uid: c.author, name: profile === undefined ? undefined : name, photoURL: profile?.photoURL }, '2rem')}
      <div class="bubble">
        <div class="head">
          <span class="name">${name}</span>
          <time datetime=${c.createdAt.toISOString()} title=${formatDate(this.i18n, c.createdAt, { dateStyle: 'full', timeStyle: 'short' })}
            >${relativeTime(this.i18n, c.createdAt)}</time
          >
        </div>
        <p class="text rich-text">${renderRichText(c.text, (uid) => this.profiles.get(uid))}</p>
      </div>
    </li>`;
  }

  private renderList(): TemplateResult {
    const { t } = this.i18n;
    switch (this.list.status) {
      case 'error':
        return html`<div class="notice error" role="alert">
          <p class="error">${t.loadFailed}</p>
          <button class="button" type="button" @click=${() => this.list.retry()}>${this.common.t.retry}</button>
        </div>`;
      case 'ready': {
        const comments = this.list.value ?? [];
        if (comments.length === 0) return html`<p class="quiet">${t.empty}</p>`;
        return html`<ul part="list" role="list">
          ${comments.map((c) => this.renderComment(c))}
        </ul>`;
      }
      default: {
        // A store that does not answer (offline, a blocking page policy, a slow connection) is said, not
        // left as a grey bar.
        const waiting = this.waitMessage(true, this.connection.value === false);
        return html`<div class="skeleton" aria-hidden="true"></div>
          <p class=${waiting ? 'quiet' : 'visually-hidden'} role="status" part="status">${waiting ?? t.loading}</p>`;
      }
    }
  }

  private renderForm(): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    if (this.viewerSub.status !== 'ready') return nothing;
    // A comment sent while online that is not answered: the connection dropped meanwhile, or the answer is late.
    const notice = !this.sending ? '' : this.connection.value === false ? this.offlineMessage : this.writeWait.late ? this.common.t.waitingSlow : '';
    if (this.channelDeleted) return html`<p class="quiet closed">${t.closedDeleted}</p>`;
    if (this.archived) return html`<p class="quiet closed">${t.closed}</p>`;
    if (this.viewerSub.value === null) {
      return html`<div class="row">
        <p class="quiet">${this.common.t.signInToContinue}</p>
        <button class="button" type="button" @click=${this.signIn}>${this.common.t.signIn}</button>
      </div>`;
    }
    return html`<form part="form" @submit=${this.send}>
      ${renderTextField({
        id: 'reply',
        label: t.replyLabel,
        value: this.draft,
        error: this.error,
        errorId: 'reply-error',
        hintId: 'reply-hint',
        readonly: this.sending,
        onInput: this.onInput,
        onKeydown: this.onKeydown,
      })}
      <div class="row">
        <button part="submit" class="button primary" type="submit" ?disabled=${this.sending}>${this.sending ? t.sending : t.send}</button>
        <span id="reply-hint" class="hint">${t.shortcut(isMac ? '⌘' : 'Ctrl')}</span>
      </div>
      ${notice ? html`<p class="quiet" part="notice">${notice}</p>` : nothing}
    </form>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const unavailable = this.renderUnavailable({ channel: this.channel, post: this.post });
    if (unavailable !== nothing) return unavailable;
    return html`<section class="lenig comments" aria-label=${this.i18n.t.label}>
      ${this.renderList()} ${this.renderForm()}
      <p class="visually-hidden" role="status">${this.announcer.text}</p>
    </section>`;
  }
}

define('lenig-comments', LenigCommentsElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-comments': LenigCommentsElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-comment-created': CustomEvent<CommentCreatedDetail>;
  }
}
