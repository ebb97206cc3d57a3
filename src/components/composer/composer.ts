import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { OnDemandController } from '../../controllers/on-demand.js';
import { importOnce } from '../../import-once.js';
import { DraftController, type Draft } from '../../controllers/draft.js';
import { SubscriptionController } from '../../controllers/subscription.js';
import { warnOnce } from '../../log.js';
import { StoreError, type LenigStore, type NewPost } from '../../data/store.js';
import {
  MAX_POST_LENGTH,
  MAX_TITLE_LENGTH,
  type CategoryId,
  type Channel,
  type ChannelId,
  type Profile,
  type UserId,
} from '../../data/types.js';
import { composerMessages } from '../../i18n/messages/composer.js';
import { listOption, shimmer } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { avatarStyles } from '../shared/avatar.js';
import { toStoreError } from '../shared/events.js';
import { ContentElement } from '../shared/content-element.js';
import { composerStyles } from './composer.styles.js';
import { insertMention, mentionAt, mentionedUids, resolveMentions, type MentionQuery } from './mentions.js';
import type { MentionList } from './mention-list.js';
import { looksEmpty, visibleLength } from '../../data/text.js';
import { define } from '../shared/define.js';
import { WriteWaitController } from '../../controllers/write-wait.js';
import { channelName } from '../../i18n/formats.js';

/** `lenig-post-created`: the backend accepted a post written in this composer. */
export interface PostCreatedDetail {
  postId: string;
  channel: ChannelId;
  category: CategoryId;
}

/** How close the text is to the limit; drives the count's colour and the threshold announcements. */
type Level = 'ok' | 'warn' | 'over';

/** Which field a failure is about, so the message can be tied to it and focus moved there. */
interface Failure {
  field?: 'text' | 'title' | 'category';
  message: string;
}

/** How many people the mention list offers. */
const MENTION_LIMIT = 6;
/** The mention list's id (the combobox's `listId` for the id `mention`), there before its code. */
const MENTION_LIST_ID = 'mention-list';
/**
 * The mention list's code (`mention-list.ts`), fetched when the text field first gets
 * focus or pointer, at the latest at the first `@`: most visits to a page write no post.
 */
const loadMentionList = importOnce(() => import('./mention-list.js'));
/**
 * How long Post waits to learn whether a hand-typed (or restored) `@[…](uid)` names a real person. After
 * that the post goes out with that markup as plain text, so a slow profile read never holds a post.
 */
const MENTION_CHECK_MS = 3000;

/**
 * A form for writing a post in one channel: text with a live character count, a category, a title for
 * ideas, and @mentions picked from people's profiles. Posting is optimistic — a feed on the same page
 * shows the post at once through the shared store — but the form keeps the text until the backend has
 * confirmed it, and keeps it (with the reason) when the post is refused. What is typed is saved as a
 * draft per person and channel, so a reload or a closed tab loses nothing, and the next person at a
 * shared PC does not see it.
 *
 * Signed-out readers see an invitation to sign in instead of the form.
 *
 * ```html
 * <lenig-composer channel="general"></lenig-composer>
 * <lenig-composer channel="ideas" categories="idea,question" max-length="1000"></lenig-composer>
 * ```
 *
 * Keyboard: Ctrl+Enter (⌘+Enter on a Mac) posts. In the mention list ↑/↓ move, Enter or Tab picks,
 * Escape closes. The mention list's code comes when the text field is first focused or pointed at; if it
 * cannot be loaded, the composer says so under the text (which stays as typed) with Try again.
 *
 * @summary Write a post in a channel, with category, idea title, @mentions and a saved draft.
 *
 * @csspart form - The form (also the loading placeholder).
 * @csspart label - The visible label of the text field.
 * @csspart category - The category `<select>`.
 * @csspart title - The idea title `<input>`.
 * @csspart textarea - The text field.
 * @csspart count - The character count under the text field.
 * @csspart submit - The Post button.
 * @csspart error - A message naming what is wrong with the post (over the limit, a refused post).
 * @csspart mention-error - The message that the @mention list could not be loaded (the text stays as typed).
 * @csspart notice - The notice while a post waits: for the connection, or for an answer that is late.
 * @csspart listbox - The mention suggestions.
 * @csspart option - One suggested person.
 * @csspart sign-in - The invitation shown to signed-out readers.
 * @csspart sign-in-button - Its Sign in button.
 * @csspart status - Configuration and loading messages.
 *
 * @cssproperty --lenig-composer-min-height - Minimum height of the text field. Default `6rem`.
 * @cssproperty --lenig-composer-max-height - Height at which the text field stops growing and scrolls. Default `20rem`.
 * @cssproperty --lenig-composer-listbox-max-height - Height of the mention list before it scrolls. Default `16rem`.
 *
 * @fires {CustomEvent<PostCreatedDetail>} lenig-post-created - `{postId, channel, category}` once the backend has accepted a post.
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - `{operation: 'createPost' | 'signIn', error}` when the store refuses a post or sign-in fails.
 */
export class LenigComposerElement extends ContentElement {
  static override styles = [tokens, shimmer, listOption, avatarStyles, ...composerStyles];

  // --- controllers ---------------------------------------------------------------------------------------

  private readonly i18n = this.localize(composerMessages);

  private readonly viewer = this.watchViewer();
  private readonly announcer = new AnnouncerController(this);
  private readonly draft = new DraftController(this, {
    form: 'composer',
    channel: () => this.channel,
    user: () => (this.viewer.status === 'ready' ? (this.viewer.value?.uid ?? null) : undefined),
    read: () => {
      const draft: Draft = { text: this.text, title: this.ideaTitle };
      if (this.chosenCategory !== undefined) draft.category = this.chosenCategory;
      return draft;
    },
    apply: (draft) => this.restoreDraft(draft),
  });
  /** The @mention list's code, asked for at the first `@` (see `loadMentionList`). */
  private readonly mentionCode = new OnDemandController(this, loadMentionList, 'the list of people to mention');
  /** The @mention list, once its code is there: the textarea is the combobox, the query is the `@name` before the caret. */
  private mentions?: MentionList;

  /** Keyed on the viewer too: a database may refuse channels to signed-out readers, so sign-in re-reads it. */
  private readonly channelInfo = new SubscriptionController<Channel, readonly [ChannelId, UserId | null]>(
    this,
    () => this.activeStore,
    () => (this.channel && this.viewer.status === 'ready' ? [this.channel, this.viewer.value?.uid ?? null] : undefined),
    (store, [channel], next, fail) => store.subscribeChannel(channel, next, fail),
  );

  private readonly connection = this.watchConnection();

  // --- queries -------------------------------------------------------------------------------------------

  @query('textarea') private textarea?: HTMLTextAreaElement | null;
  @query('#title') private titleInput?: HTMLInputElement | null;
  @query('[part~="sign-in-button"]') private signInButton?: HTMLButtonElement | null;

  // --- state ---------------------------------------------------------------------------------------------

  @state() private text = '';
  @state() private ideaTitle = '';
  /** The category the reader picked; undefined (or one no longer offered) means the first offered. */
  @state() private chosenCategory?: CategoryId;
  @state() private sending = false;
  /** A post the service has not answered within the bound: said and announced until the answer comes. */
  private readonly writeWait = new WriteWaitController(this, () => void this.announce(this.common.t.waitingSlow));
  /** The store refused the post as offline; it is sent again as soon as the connection is back. */
  @state() private waitingForConnection = false;
  @state() private failure?: Failure;
  @state() private signInFailure = '';

  /** The mention being typed, while the list is open or being looked up. */
  private mention?: MentionQuery;
  /** People picked from the mention list: known to exist, so Post needs no look-up for them. */
  private readonly picked = new Map<UserId, Profile>();
  /** The `@` the reader closed the list for with Escape; it stays closed until another `@` is typed. */
  private dismissedMention = -1;
  private lastAnnouncedCount?: number;
  private level: Level = 'ok';
  private focusAfterSignIn = false;
  private offlineAnnounced = false;

  // --- properties ----------------------------------------------------------------------------------------

  /** The channel to post in. Required. */
  @property() channel?: ChannelId;

  /**
   * A comma-separated list of category ids the picker offers, in this order (e.g. `idea,question`).
   * Ids the channel does not have are left out with a console warning. Default: the channel's own.
   */
  @property() categories?: string;

  /** Longest post, in characters; at most (and by default) the backend's limit of 2,000. */
  @property({ type: Number, attribute: 'max-length' }) maxLength: number = MAX_POST_LENGTH;

  /** Hint inside the empty text field. Default: a localized "Write a post. Type @ to mention someone." */
  @property() placeholder?: string;

  // --- lifecycle -----------------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeMentions();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The connection came back for a post the store refused as offline: send it again.
    if (this.waitingForConnection && this.connection.value === true) {
      this.waitingForConnection = false;
      this.sending = false;
      void this.submit();
    }
    if (this.sending && this.connection.value === false && !this.offlineAnnounced) {
      this.offlineAnnounced = true;
      void this.announce(this.i18n.t.offline);
    }
    if (changed.has('maxLength') && !(Number.isInteger(this.maxLength) && this.maxLength > 0 && this.maxLength <= MAX_POST_LENGTH)) {
      warnOnce(`<lenig-composer max-length="${String(this.maxLength)}"> must be a whole number from 1 to ${MAX_POST_LENGTH}; using ${this.limit}.`);
    }
  }

  protected override updated(): void {
    if (this.focusAfterSignIn && this.textarea) {
      this.focusAfterSignIn = false;
      this.textarea.focus();
    }
  }

  // --- handlers ------------------------------------------------------------------------------------------

  private onInput(): void {
    const textarea = this.textarea!;
    this.text = textarea.value;
    if (this.failure?.field === 'text') this.failure = undefined;
    this.draft.changed();
    this.checkLevel();
    this.lookUpMention();
  }

  private readonly onTitleInput = this.draft.field((value) => {
    this.ideaTitle = value;
    if (this.failure?.field === 'title') this.failure = undefined;
  });

  private readonly onCategoryChange = this.draft.field((value) => {
    this.chosenCategory = value;
    if (this.failure?.field === 'category' || this.failure?.field === 'title') this.failure = undefined;
  });

  private onTextKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.closeMentions();
      void this.submit();
      return;
    }
    // ↑/↓ move, Enter or Tab pick (with nothing chosen, a new line and leaving the field), Escape closes
    // (handled there, so a dialog around the composer does not close as well).
    this.mentions?.onKeydown(e);
  }

  /** The text field is about to be used: fetch the mention list's code now, so the first `@` finds it. */
  private prefetchMentions(): void {
    // After a failure was said, Try again fetches it: a fetch here could bring the code while the
    // message and its Try again stayed, and would try again at every pointer move while offline.
    if (this.mentionCode.status === 'error') return;
    loadMentionList().catch(() => {
      // Said when the list is needed (see `searchMention`), not for a fetch made in advance.
    });
  }

  /** Try again, after the mention list's code failed: back to the text, where the mention is looked up anew. */
  private retryMentions(): void {
    this.textarea?.focus();
    void this.mentionCode.load();
    this.lookUpMention();
  }

  /** The caret moved without typing (arrows, Home/End, a click): the mention around it may change. */
  private onCaretMove(e: Event): void {
    if (e instanceof KeyboardEvent && !['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key)) return;
    this.lookUpMention();
  }

  private onTitleKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      // A title is one line: Enter (with or without Ctrl) posts, like in any single-line form field.
      e.preventDefault();
      void this.submit();
    }
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.submit();
  }

  private async onSignIn(): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    this.signInFailure = '';
    this.focusAfterSignIn = true;
    try {
      await store.signIn();
    } catch (e) {
      this.focusAfterSignIn = false;
      this.signInFailure = this.i18n.t.signInFailed;
      this.emitError('signIn', toStoreError(e));
      await this.updateComplete;
      this.signInButton?.focus();
    }
  }

  // --- public methods ------------------------------------------------------------------------------------

  /** Moves focus to the text field (or the Sign in button for signed-out readers). */
  override focus(options?: FocusOptions): void {
    (this.textarea ?? this.signInButton ?? undefined)?.focus(options);
  }

  /**
   * Posts what is in the form, as the Post button does. Resolves once the post is accepted or refused;
   * the outcome is shown in the form and told through `lenig-post-created` / `lenig-error`.
   */
  async submit(): Promise<void> {
    const store = this.activeStore;
    const channel = this.channel;
    const category = this.category;
    if (this.sending || !store || !channel || category === undefined || !this.viewer.value) return;
    const t = this.i18n.t;
    const text = this.text;
    // Everything the database would refuse for its content is checked here first, so the reader hears
    // the real reason — the database answers every refusal as "permission denied".
    if (looksEmpty(text)) return this.showFailure({ field: 'text', message: t.textRequired });
    if (this.levelOf(text) === 'over') {
      // The reason is already on screen next to the count; say it too, since nothing visibly happens.
      void this.announce(this.overMessage(text));
      return;
    }
    const post: NewPost = { channel, text: text.trim(), category };
    if (category === 'idea') {
      const title = this.ideaTitle.trim();
      if (looksEmpty(title)) return this.showFailure({ field: 'title', message: t.titleRequired });
      if (title.length > MAX_TITLE_LENGTH || visibleLength(title) > MAX_TITLE_LENGTH) {
        return this.showFailure({ field: 'title', message: this.titleOverMessage(title) });
      }
      post.title = title;
    }

    this.closeMentions();
    this.failure = undefined;
    this.sending = true;
    this.offlineAnnounced = false;
    const draftKey = this.draft.current;
    let postId: string;
    try {
      // Only real people become mentions, under their current name; other `@[…](…)` stays text.
      const people = await this.mentionablePeople(store, mentionedUids(post.text));
      const resolved = resolveMentions(post.text, people);
      post.text = resolved.text;
      if (resolved.mentions.length) post.mentions = resolved.mentions;
      if (post.text.length > MAX_POST_LENGTH) {
        // A current name longer than the typed label pushed the text over what the database stores.
        this.sending = false;
        return this.showFailure({ field: 'text', message: this.overMessage(post.text) });
      }
      postId = await this.writeWait.watch(store.createPost(post));
    } catch (e) {
      this.postFailed(toStoreError(e));
      return;
    }
    this.sending = false;
    this.picked.clear();
    // Only clear what was sent: the element may have been moved to another channel meanwhile.
    this.draft.sent(draftKey);
    if (this.channel === channel) {
      this.text = '';
      this.ideaTitle = '';
      this.level = 'ok';
    }
    void this.announce(t.posted);
    this.emit('lenig-post-created', { postId, channel, category });
    await this.updateComplete;
    // Back to the textarea for the next post — unless the person moved on while a slow (offline)
    // post was pending: then focus stays where they are now.
    const active = document.activeElement;
    if (this.matches(':focus-within') || !active || active === document.body) this.textarea?.focus();
  }

  // --- internals -----------------------------------------------------------------------------------------

  /** The limit in force: `max-length` when it is sensible, never above what the backend accepts. */
  private get limit(): number {
    const n = this.maxLength;
    return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_POST_LENGTH) : MAX_POST_LENGTH;
  }

  /** The categories offered, in order: the `categories` attribute narrowed to the channel's own. */
  private get categoryOptions(): CategoryId[] {
    const own = this.channelInfo.value?.categories ?? [];
    if (!this.categories?.trim()) return [...own];
    const wanted = [...new Set(this.categories.split(',').map((c) => c.trim()).filter(Boolean))];
    if (!this.channelInfo.value) return wanted;
    const unknown = wanted.filter((c) => !own.includes(c));
    if (unknown.length) {
      warnOnce(
        `<lenig-composer channel="${this.channel}"> has categories="${this.categories}", but the channel has no ${unknown.join(', ')}; ${unknown.length === 1 ? 'it is' : 'they are'} left out.`,
      );
    }
    const offered = wanted.filter((c) => own.includes(c));
    return offered.length ? offered : [...own];
  }

  private get category(): CategoryId | undefined {
    const options = this.categoryOptions;
    return this.chosenCategory !== undefined && options.includes(this.chosenCategory) ? this.chosenCategory : options[0];
  }

  private get listOpen(): boolean {
    return this.mention !== undefined && this.mentions?.expanded === true;
  }

  /**
   * How close a text is to the limit. The limit counts characters as a person sees them; the database
   * also bounds the stored UTF-16 length (what its rules' `length` counts), which emoji fill faster.
   */
  private levelOf(text: string): Level {
    const limit = this.limit;
    const length = visibleLength(text);
    if (length > limit || text.length > MAX_POST_LENGTH) return 'over';
    return limit - length <= Math.max(10, Math.round(limit * 0.1)) ? 'warn' : 'ok';
  }

  /** Why a text over the limit cannot be posted. */
  private overMessage(text: string): string {
    const length = visibleLength(text);
    if (length > this.limit) return this.i18n.t.overLimit(this.i18n.number(length), this.i18n.number(this.limit));
    return this.i18n.t.tooManySymbols;
  }

  /** Why a title over the limit cannot be posted. */
  private titleOverMessage(title: string): string {
    const length = visibleLength(title);
    if (length > MAX_TITLE_LENGTH) return this.i18n.t.titleTooLong(this.i18n.number(length), this.i18n.number(MAX_TITLE_LENGTH));
    return this.i18n.t.titleTooManySymbols;
  }

  /** Announces crossing a threshold — never each keystroke, which would drown the reader. */
  private checkLevel(): void {
    const next = this.levelOf(this.text);
    const previous = this.level;
    if (next === previous) return;
    this.level = next;
    const t = this.i18n.t;
    const length = visibleLength(this.text);
    if (next === 'over') {
      const over = length - this.limit;
      void this.announce(over > 0 ? t.charactersOver(over, this.i18n.number(over)) : t.tooManySymbols);
    } else if (previous === 'over') {
      void this.announce(t.withinLimit);
    } else if (next === 'warn') {
      const left = this.limit - length;
      void this.announce(t.charactersLeft(left, this.i18n.number(left)));
    }
  }

  /**
   * The people among `uids` who exist: those picked from the list, and others whose profile the store
   * finds within MENTION_CHECK_MS. Anyone else is not a mention.
   */
  private async mentionablePeople(store: LenigStore, uids: UserId[]): Promise<Map<UserId, Profile>> {
    const people = new Map<UserId, Profile>();
    const me = this.viewer.value?.uid;
    await Promise.all(
      uids.map(async (uid) => {
        if (uid === me) return;
        const known = this.picked.get(uid);
        const profile = known ?? (await profileOnce(store, uid, MENTION_CHECK_MS));
        if (profile) people.set(uid, profile);
      }),
    );
    return people;
  }

  /** Says `message` in the polite live region (a repeated "Posted" is read again). */
  private announce(message: string): Promise<void> {
    return this.announcer.announce(message);
  }

  private async showFailure(failure: Failure): Promise<void> {
    this.failure = failure;
    await this.updateComplete;
    (failure.field === 'title' ? this.titleInput : this.textarea)?.focus();
  }

  private postFailed(error: StoreError): void {
    const t = this.i18n.t;
    // "You're offline — your post will be sent" must not stay in the live region once it was not sent.
    if (error.code !== 'offline') this.announcer.clear();
    const info = this.channelInfo.value;
    const where = info ? channelName(this.i18n, info) : (this.channel ?? '');
    let failure: Failure;
    switch (error.code) {
      case 'offline':
        failure = { message: t.offline };
        break;
      case 'validation-failed':
        failure = this.describeInvalid(error);
        break;
      case 'permission-denied':
        failure = { message: this.viewer.value?.anonymous ? t.guestDenied(where) : t.permissionDenied(where) };
        break;
      case 'unauthenticated':
        failure = { message: t.unauthenticated };
        break;
      case 'not-found':
        failure = { message: t.channelNotFound(where) };
        break;
      default:
        failure = { message: t.postFailed };
    }
    if (error.code === 'offline' && this.connection.value === false) {
      // Keep it pending, like the database's own offline queue: it goes out when the connection is back.
      this.waitingForConnection = true;
      this.failure = failure;
    } else {
      this.sending = false;
      void this.showFailure(failure);
    }
    this.emitError('createPost', error);
  }

  private describeInvalid(error: StoreError): Failure {
    const t = this.i18n.t;
    switch (error.field) {
      case 'title':
        return error.reason === 'too-long'
          ? { field: 'title', message: this.titleOverMessage(this.ideaTitle.trim()) }
          : { field: 'title', message: t.titleRequired };
      case 'category':
        return { field: 'category', message: t.unknownCategory(this.i18n.t.categoryName(this.category ?? '')) };
      case 'text':
        if (error.reason !== 'too-long') return { field: 'text', message: t.textRequired };
        if (this.text.length > MAX_POST_LENGTH && visibleLength(this.text) <= this.limit) return { field: 'text', message: t.tooManySymbols };
        return { field: 'text', message: t.overLimit(this.i18n.number(visibleLength(this.text)), this.i18n.number(MAX_POST_LENGTH)) };
      default:
        return { message: t.postFailed };
    }
  }

  /** Another channel or another person: their own draft (or an empty form). */
  private restoreDraft(draft: Draft | undefined): void {
    this.text = draft?.text ?? '';
    this.ideaTitle = draft?.title ?? '';
    this.chosenCategory = draft?.category;
    this.failure = undefined;
    this.picked.clear();
    this.level = this.levelOf(this.text);
    this.closeMentions();
  }

  /** Looks up people for the `@name` just before the caret, or closes the list when there is none. */
  private lookUpMention(): void {
    const textarea = this.textarea;
    const store = this.activeStore;
    if (!textarea || !store || this.sending || textarea.selectionStart !== textarea.selectionEnd) {
      this.closeMentions();
      return;
    }
    const found = mentionAt(this.text, textarea.selectionStart);
    if (!found || found.start === this.dismissedMention) {
      if (!found) this.dismissedMention = -1;
      this.closeMentions();
      return;
    }
    if (this.mention && this.mention.start === found.start && this.mention.query === found.query) return;
    this.mention = found;
    void this.searchMention(found);
  }

  /** Looks up people for `found`, once the mention list's code is there (fetched now if it is not). */
  private async searchMention(found: MentionQuery): Promise<void> {
    // After a failure only Try again fetches it anew: each key typed would announce the failure again.
    if (this.mentionCode.status === 'error') return;
    const code = await this.mentionCode.load();
    if (!code || this.mention !== found) return;
    this.mentions ??= new code.MentionList(this, {
      id: 'mention',
      multiline: true,
      search: async (query) => {
        const store = this.activeStore;
        if (!store) return [];
        const me = this.viewer.value?.uid;
        // Mentioning yourself notifies nobody, so you are not offered.
        return (await store.searchProfiles(query, MENTION_LIMIT)).filter((p) => p.uid !== me);
      },
      pick: (profile) => void this.acceptSuggestion(profile),
      onResults: (people) => {
        const n = people.length;
        if (n !== this.lastAnnouncedCount) {
          this.lastAnnouncedCount = n;
          void this.announce(this.i18n.t.mentionResults(n, this.i18n.number(n)));
        }
      },
      onDismiss: () => {
        this.dismissedMention = this.mention?.start ?? -1;
        this.closeMentions();
      },
    });
    void this.mentions.search(found.query);
  }

  private closeMentions(): void {
    this.mention = undefined;
    this.lastAnnouncedCount = undefined;
    this.mentions?.close();
    this.requestUpdate();
  }

  private async acceptSuggestion(profile: Profile): Promise<void> {
    const at = this.mention;
    if (!at) return;
    const { text, caret } = insertMention(this.text, at, profile);
    this.text = text;
    this.picked.set(profile.uid, profile);
    this.closeMentions();
    this.draft.changed();
    this.checkLevel();
    void this.announce(this.i18n.t.mentioned(profile.name));
    await this.updateComplete;
    const textarea = this.textarea;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  }

  // --- render --------------------------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    if (!this.channel) return this.missingAttribute('channel');
    const unavailable = this.renderUnavailable();
    if (unavailable !== nothing) return unavailable;
    // A page policy that blocks the connection also makes sign-in fail: say that, not "Sign in".
    if (this.cspBlocked && this.channelInfo.status !== 'ready') return this.renderLoading();
    // A post on its way when the channel is archived still gets its answer (and its message) in the form.
    if (this.channelInfo.value?.archived && !this.sending) return this.renderArchived(this.channelInfo.value);
    if (this.viewer.status === 'ready' && !this.viewer.value) return this.renderSignIn();
    if (this.channelInfo.status === 'error') {
      const error = this.channelInfo.error;
      const message = error?.code === 'not-found' ? this.channelMissing(this.channel, this.viewer.value) : this.i18n.t.channelFailed;
      return html`<div class="lenig">
        <div class="notice error" role="alert" part="status">
          <p>${message}</p>
          ${error?.code === 'not-found' ? this.renderCreateChannel(this.channel, this.viewer.value, () => this.channelInfo.retry()) : nothing}
          <button class="button" type="button" @click=${() => this.channelInfo.retry()}>${this.common.t.retry}</button>
        </div>
      </div>`;
    }
    if (this.viewer.status !== 'ready' || this.channelInfo.status !== 'ready') return this.renderLoading();
    return this.renderForm();
  }

  private renderLoading(): TemplateResult {
    const waiting = this.waitMessage(true, this.connection.value === false);
    return html`<div class="lenig">
      <div class="skeleton" part="form" aria-busy="true">
        <p class=${waiting ? 'message offline' : 'visually-hidden'} role="status" part="status">${waiting ?? this.common.t.loading}</p>
        <div class="bone label-bone shimmer"></div>
        <div class="bone field-bone shimmer"></div>
        <div class="bone button-bone shimmer"></div>
      </div>
    </div>`;
  }

  /** An archived channel is read-only: no form, and a draft stays stored for when it is reopened. */
  private renderArchived(channel: Channel): TemplateResult {
    const t = this.i18n.t;
    const draft = this.text.trim() !== '' || this.ideaTitle.trim() !== '';
    return html`<div class="lenig">
      <div class="notice" role="status" part="status">
        <p>${t.archived(channelName(this.i18n, channel))}</p>
        ${draft ? html`<p>${t.draftKept}</p>` : nothing}
      </div>
    </div>`;
  }

  private renderSignIn(): TemplateResult {
    const info = this.channelInfo.value;
    const name = info ? channelName(this.i18n, info) : this.i18n.t.thisChannel;
    return html`<div class="lenig">
      <div class="sign-in" part="sign-in">
        <p>${this.i18n.t.signInPrompt(name)}</p>
        <button class="button primary" type="button" part="sign-in-button" @click=${this.onSignIn}>${this.common.t.signIn}</button>
        ${this.signInFailure ? html`<p class="message error" role="alert">${this.signInFailure}</p>` : nothing}
      </div>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.i18n.t;
    const channel = this.channelInfo.value!;
    const limit = this.limit;
    const length = visibleLength(this.text);
    const level = this.levelOf(this.text);
    const over = level === 'over';
    const category = this.category;
    const options = this.categoryOptions;
    const isIdea = category === 'idea';
    const titleLength = visibleLength(this.ideaTitle.trim());
    const titleOver = isIdea && (titleLength > MAX_TITLE_LENGTH || this.ideaTitle.trim().length > MAX_TITLE_LENGTH);
    const failure = this.failure;
    const open = this.listOpen;
    const list = open ? this.mentions : undefined;
    const offlineWaiting = this.sending && this.connection.value === false;
    // Waiting for the connection, or for an answer that is late.
    const notice =
      offlineWaiting || this.waitingForConnection ? (this.cspBlocked ? this.offlineMessage : t.offline) : this.sending && this.writeWait.late ? this.common.t.waitingSlow : '';
    const modifier = /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

    const textDescribedBy = ['count', over ? 'limit' : '', failure && (failure.field ?? 'text') === 'text' && !offlineWaiting && !this.waitingForConnection ? 'error' : '', 'hint']
      .filter(Boolean)
      .join(' ');
    const titleDescribedBy = ['title-count', titleOver ? 'title-limit' : '', failure?.field === 'title' ? 'error' : ''].filter(Boolean).join(' ');

    return html`<div class="lenig">
      <form part="form" novalidate aria-busy=${this.sending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <label class="label" part="label" for="text">${t.label(channelName(this.i18n, channel))}</label>
        ${options.length > 1
          ? html`<div class="row">
              <label class="small-label" for="category">${t.category}</label>
              <select
                id="category"
                part="category"
                .value=${live(category ?? '')}
                ?disabled=${this.sending}
                aria-invalid=${failure?.field === 'category' ? 'true' : 'false'}
                aria-describedby=${ifDefined(failure?.field === 'category' ? 'error' : undefined)}
                @change=${this.onCategoryChange}
              >
                ${options.map((c) => html`<option value=${c} ?selected=${c === category}>${this.i18n.t.categoryName(c)}</option>`)}
              </select>
              ${this.renderFailure('category')}
            </div>`
          : nothing}
        ${isIdea
          ? html`<div class="title-field">
              <label class="small-label" for="title">${t.ideaTitle}</label>
              <input
                id="title"
                part="title"
                type="text"
                autocomplete="off"
                required
                .value=${live(this.ideaTitle)}
                ?readonly=${this.sending}
                aria-invalid=${titleOver || failure?.field === 'title' ? 'true' : 'false'}
                aria-describedby=${titleDescribedBy}
                @input=${this.onTitleInput}
                @keydown=${this.onTitleKeydown}
              />
              <span id="title-count" class="count title-count ${titleOver ? 'over' : this.levelOfTitle(titleLength)}">
                <span aria-hidden="true">${t.titleCount(this.i18n.number(titleLength), this.i18n.number(MAX_TITLE_LENGTH))}</span>
                <span class="visually-hidden">${t.titleCountDescription(this.i18n.number(titleLength), this.i18n.number(MAX_TITLE_LENGTH))}</span>
              </span>
              ${titleOver
                ? html`<p id="title-limit" class="message error" part="error">
                    ${this.titleOverMessage(this.ideaTitle.trim())}
                  </p>`
                : nothing}
              ${this.renderFailure('title')}
            </div>`
          : nothing}
        <div class="field">
          <textarea
            id="text"
            part="textarea"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${MENTION_LIST_ID}
            aria-activedescendant=${ifDefined(list && list.active >= 0 ? list.optionId(list.active) : undefined)}
            aria-describedby=${textDescribedBy}
            aria-invalid=${over || failure?.field === 'text' ? 'true' : 'false'}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            placeholder=${this.placeholder ?? t.placeholder}
            spellcheck="true"
            .value=${live(this.text)}
            ?readonly=${this.sending}
            @input=${this.onInput}
            @keydown=${this.onTextKeydown}
            @keyup=${this.onCaretMove}
            @click=${this.onCaretMove}
            @blur=${this.closeMentions}
            @focus=${this.prefetchMentions}
            @pointerenter=${this.prefetchMentions}
          ></textarea>
          <div
            id=${MENTION_LIST_ID}
            role="listbox"
            part="listbox"
            aria-label=${t.mentionList}
            ?hidden=${!open}
            @mousedown=${(e: Event) => e.preventDefault()}
          >
            ${list?.renderOptions() ?? nothing}
          </div>
          ${this.renderMentionCode()}
        </div>
        <div class="footer">
          <span id="count" class="count ${level}" part="count">
            <span aria-hidden="true">${t.count(this.i18n.number(length), this.i18n.number(limit))}</span>
            <span class="visually-hidden">${t.countDescription(this.i18n.number(length), this.i18n.number(limit))}</span>
          </span>
          <span id="hint" class="hint">${t.shortcut(modifier)}</span>
          <button
            class="button primary"
            part="submit"
            type="submit"
            ?disabled=${over || titleOver}
            aria-disabled=${this.sending ? 'true' : 'false'}
          >
            ${this.sending ? t.posting : t.post}
          </button>
        </div>
        ${over
          ? html`<p id="limit" class="message error" part="error">${this.overMessage(this.text)}</p>`
          : nothing}
        ${offlineWaiting || this.waitingForConnection ? nothing : this.renderFailure('text')}
        ${notice ? html`<p class="message offline" part="notice">${notice}</p>` : nothing}
        <div class="visually-hidden" role="status">${this.announcer.text}</div>
      </form>
    </div>`;
  }

  /**
   * The failure message, next to the field it is about (a failure without a field goes with the text),
   * so the reader finds it where focus lands.
   */
  private renderFailure(at: 'text' | 'title' | 'category'): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure || (failure.field ?? 'text') !== at) return nothing;
    return html`<p id="error" class="message error" role="alert" part="error">${failure.message}</p>`;
  }

  /**
   * While the mention list's code is on its way for a typed `@`, that it is loading; when it could not be
   * loaded, that (the text stays as typed) and Try again, reached with Tab from the text field.
   */
  private renderMentionCode(): TemplateResult | typeof nothing {
    const status = this.mentionCode.status;
    if (status === 'error') {
      return html`<div class="mention-status">
        <p class="message error" role="alert" part="mention-error">${this.i18n.t.mentionsFailed}</p>
        <button class="button" type="button" @click=${this.retryMentions}>${this.common.t.retry}</button>
      </div>`;
    }
    return status === 'loading' && this.mention ? html`<p class="message mention-status" role="status">${this.common.t.loading}</p>` : nothing;
  }

  private levelOfTitle(length: number): Level {
    return MAX_TITLE_LENGTH - length <= 20 ? 'warn' : 'ok';
  }
}

/** A person's profile read once; undefined when the store has not answered within `ms`. */
function profileOnce(store: LenigStore, uid: UserId, ms: number): Promise<Profile | null | undefined> {
  return new Promise((resolve) => {
    const handle: { stop?: () => void; done?: boolean } = {};
    const finish = (profile: Profile | null | undefined) => {
      if (handle.done) return;
      handle.done = true;
      clearTimeout(timer);
      resolve(profile);
      // The store may answer before subscribeProfile has returned: stop a microtask later.
      queueMicrotask(() => handle.stop?.());
    };
    const timer = setTimeout(() => finish(undefined), ms);
    handle.stop = store.subscribeProfile(uid, (p) => finish(p), () => finish(null));
  });
}

define('lenig-composer', LenigComposerElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-composer': LenigComposerElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-post-created': CustomEvent<PostCreatedDetail>;
  }
}
