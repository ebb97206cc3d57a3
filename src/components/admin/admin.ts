import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { WriteWaitController } from '../../controllers/write-wait.js';
import { ClockController } from '../../controllers/clock.js';
import { ProfilesController } from '../../controllers/profiles.js';
import { SubscriptionController } from '../../controllers/subscription.js';
import { isStoreError, type LenigStore, type StoreError, type Unsubscribe } from '../../data/store.js';
import {
  DEFAULT_CATEGORIES,
  MAX_CHANNEL_NAME_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  type Channel,
  type Comment,
  type Post,
  type Profile,
  type Report,
  type ReportAction,
  type UserId,
  type Viewer,
} from '../../data/types.js';
import { languages } from '../../i18n/localize.js';
import { adminMessages } from '../../i18n/messages/admin.js';
import { renderAvatar } from '../shared/avatar.js';
import { define } from '../shared/define.js';
import { sayFailure } from '../shared/failure.js';
import { LenigElement } from '../shared/lenig-element.js';
import { adminStyles } from './admin.styles.js';
import { ExportPanel } from './export-panel.js';
import { PersonPanel } from './person-panel.js';
import { channelName, languageName, relativeTime } from '../../i18n/formats.js';

/** The tabs, in order. */
export const ADMIN_TABS = ['reports', 'channels', 'people', 'export'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

/** Detail of `lenig-report-resolved`. */
export interface ReportResolvedDetail {
  report: Report;
  action: ReportAction;
}

/** Detail of `lenig-channel-saved`. */
export interface ChannelSavedDetail {
  channel: string;
  /** `created`, `changed`, `archived` or `reopened`. */
  change: 'created' | 'changed' | 'archived' | 'reopened';
}

/** Detail of `lenig-set-up`: the first channel of a freshly set-up intranet. */
export interface SetUpDetail {
  channel: string;
}

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** A channel id from a name: lower case, accents dropped, runs of anything else made one `-`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** A channel being created or edited. */
interface ChannelDraft {
  /** Undefined while creating. */
  editing?: string;
  id: string;
  /** Whether the id was typed (then the name no longer fills it in). */
  idTouched: boolean;
  name: string;
  /** The name per language tag; empty ones fall back to `name`. */
  names: Record<string, string>;
  description: string;
  /** Chosen categories, in order. */
  categories: string[];
  errors: Partial<Record<'id' | 'name' | 'description' | 'categories', string>>;
  busy: boolean;
}

const emptyDraft = (): ChannelDraft => ({ id: '', idTouched: false, name: '', names: {}, description: '', categories: [...DEFAULT_CATEGORIES], errors: {}, busy: false });

let uid = 0;

/**
 * The intranet's administration, for the people in `/admins`: the reports inbox (with the reported post or
 * comment, hide / delete / dismiss, who handled what), channels (create, rename, describe, choose and order
 * categories, archive), people (make or remove administrators, never the last one; correct a name) and the
 * export. Everyone else gets one polite sentence and no data (the database refuses it to them anyway).
 *
 * On a database nobody has set up (no administrators), a signed-in person sees the first-run panel
 * instead: whoever completes it first becomes administrator and creates the first channel.
 *
 * ```html
 * <lenig-admin></lenig-admin>
 * <lenig-admin tab="channels"></lenig-admin>
 * ```
 *
 * Keyboard: the tabs follow the ARIA tabs pattern (arrow keys, Home, End move between tabs); every action
 * is a native button; each outcome is announced in a polite live region.
 *
 * @summary Reports inbox, channels, people and export for intranet administrators; the first-run set-up.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart count - The open-report count on the Reports tab.
 * @csspart panel - The panel of the selected tab.
 * @csspart report - One report in the inbox.
 * @csspart button - The action buttons.
 * @csspart form - The set-up, channel and name forms.
 * @csspart status - Loading, empty, error, configuration and "for administrators" messages.
 * @csspart notice - While a change is being saved: that the connection is down, or that the answer is late.
 *
 * @cssproperty --lenig-admin-count-color - Background of the open-report count. Default: the danger colour.
 *
 * @fires {CustomEvent<ReportResolvedDetail>} lenig-report-resolved - A report was handled (`hidden`, `comment-deleted` or `dismissed`).
 * @fires {CustomEvent<ChannelSavedDetail>} lenig-channel-saved - A channel was created, changed, archived or reopened.
 * @fires {CustomEvent<SetUpDetail>} lenig-set-up - The first run made the viewer administrator and created the channel.
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - A subscription or an action failed (`operation` names the store method).
 */
export class LenigAdminElement extends LenigElement {
  static override styles = adminStyles;

  // --- controllers -------------------------------------------------------------------------------------

  private readonly i18n = this.localize(adminMessages);
  private readonly announcer = new AnnouncerController(this);
  private readonly connection = this.watchConnection();
  private readonly writeWait = new WriteWaitController(this, () => void this.announcer.announce(this.common.t.waitingSlow));
  private readonly clock = new ClockController(this, { period: 60_000 });
  private readonly profiles = new ProfilesController(this, () => this.activeStore);
  private readonly viewer = this.watchViewer();

  /** Who administers: empty means the database has not been set up (the first run). */
  private readonly admins = new SubscriptionController<UserId[], readonly [UserId]>(
    this,
    () => this.activeStore,
    () => (this.viewer.value ? ([this.viewer.value.uid] as const) : undefined),
    (store, _d, next, fail) => store.subscribeAdmins(next, this.failWith('subscribeAdmins', fail)),
  );

  /** Reports, live, for admins only (the count on the tab is the open ones). */
  private readonly reports = new SubscriptionController<Report[], readonly [UserId]>(
    this,
    () => this.activeStore,
    () => (this.viewer.value?.admin ? ([this.viewer.value.uid] as const) : undefined),
    (store, _d, next, fail) => store.subscribeReports(next, this.failWith('subscribeReports', fail)),
  );

  private readonly channels = new SubscriptionController<Channel[], readonly [UserId]>(
    this,
    () => this.activeStore,
    () => (this.viewer.value?.admin ? ([this.viewer.value.uid] as const) : undefined),
    (store, _d, next, fail) => store.subscribeChannels(next, this.failWith('subscribeChannels', fail)),
  );

  private readonly exporter = new ExportPanel(this, () => this.activeStore, adminMessages);
  private readonly ids = `admin-${++uid}`;
  private readonly activity = new PersonPanel(this, () => this.activeStore, adminMessages, this.ids, (text) => void this.announcer.announce(text));

  // --- state -------------------------------------------------------------------------------------------

  @state() private selected: AdminTab | undefined;
  /**
   * The first run's channel: "Algemeen" for a Dutch reader, "General" for an English one, made when the
   * set-up panel first shows (the reader's language is known then). Kept as proposed, it is named in both
   * languages (see onSetUp).
   */
  private setUpValue: ChannelDraft | undefined;
  private get setUpDraft(): ChannelDraft {
    return (this.setUpValue ??= { ...emptyDraft(), id: 'general', name: this.i18n.t.defaultChannel });
  }
  private set setUpDraft(draft: ChannelDraft) {
    this.setUpValue = draft;
    this.requestUpdate();
  }
  @state() private setUpError = '';
  @state() private channelDraft: ChannelDraft | undefined;
  @state() private busy = new Set<string>();
  @state() private failure = '';
  @state() private query = '';
  @state() private found: Profile[] | undefined;
  @state() private renaming: { uid: UserId; name: string; error: string } | undefined;

  /** Live posts and comments of the open reports, keyed `channel/post`. */
  private readonly posts = new Map<string, { post: Post | null | undefined; comments?: Comment[]; stop: Unsubscribe[] }>();
  private postsStore: LenigStore | undefined;
  private searchSeq = 0;

  // --- properties --------------------------------------------------------------------------------------

  /** The tab shown first: `reports` (default), `channels`, `people` or `export`. */
  @property() tab: AdminTab = 'reports';

  // --- lifecycle ---------------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closePosts();
  }

  protected override willUpdate(): void {
    this.syncPosts();
  }

  // --- handlers ----------------------------------------------------------------------------------------

  private failWith(operation: string, fail: (e: StoreError) => void): (e: StoreError) => void {
    return (error) => {
      fail(error);
      this.emitError(operation, error);
    };
  }

  private get currentTab(): AdminTab {
    const t = this.selected ?? this.tab;
    return (ADMIN_TABS as readonly string[]).includes(t) ? t : 'reports';
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = ADMIN_TABS.indexOf(this.currentTab);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % ADMIN_TABS.length
      : e.key === 'ArrowLeft' ? (i - 1 + ADMIN_TABS.length) % ADMIN_TABS.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? ADMIN_TABS.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    this.select(ADMIN_TABS[next]!);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${this.ids}-tab-${ADMIN_TABS[next]}`)?.focus());
  }

  private select(tab: AdminTab): void {
    this.selected = tab;
    this.failure = '';
  }

  /**
   * Runs a store action under `key` (which disables its button), announcing success or the failure.
   * `raced`: what to say when a colleague did it first (the store says `handled`, or `taken` for an id), which is no fault.
   */
  private async act(key: string, operation: string, run: (store: LenigStore) => Promise<unknown>, done: string, raced?: string): Promise<boolean> {
    const store = this.activeStore;
    if (!store || this.busy.has(key)) return false;
    this.busy = new Set(this.busy).add(key);
    this.failure = '';
    try {
      await this.writeWait.watch(run(store));
      void this.announcer.announce(done);
      return true;
    } catch (e) {
      // Lost a race: said as such, not as input to check; the list shows the state the colleague left.
      if (raced && isStoreError(e) && (e.reason === 'handled' || e.reason === 'taken')) {
        this.failure = raced;
        this.emitError(operation, e);
      } else this.failure = sayFailure(this, operation, e, this.i18n.t);
      return false;
    } finally {
      const next = new Set(this.busy);
      next.delete(key);
      this.busy = next;
    }
  }

  private async resolve(report: Report, action: ReportAction): Promise<void> {
    const t = this.i18n.t;
    const ok = await this.act(
      `report:${report.id}`,
      'resolveReport',
      (s) => s.resolveReport(report.id, action),
      t.resolvedAnnounce(this.actionName(action)),
      t.reportTaken,
    );
    if (ok) this.emit('lenig-report-resolved', { report, action });
  }

  private async setHidden(channel: string, post: string, hidden: boolean): Promise<void> {
    const t = this.i18n.t;
    await this.act(`hide:${channel}/${post}`, 'hidePost', (s) => s.hidePost(channel, post, hidden), hidden ? t.actionHidden : t.unhidePost);
  }

  private draftErrors(d: ChannelDraft, creating: boolean): ChannelDraft['errors'] {
    const t = this.i18n.t;
    const errors: ChannelDraft['errors'] = {};
    if (!d.name.trim()) errors.name = t.required;
    else if (d.name.length > MAX_CHANNEL_NAME_LENGTH) errors.name = t.tooLong(this.i18n.number(MAX_CHANNEL_NAME_LENGTH));
    if (creating) {
      if (!d.id) errors.id = t.required;
      else if (!ID_RE.test(d.id)) errors.id = t.invalidId;
      else if (this.channels.value?.some((c) => c.id === d.id)) errors.id = t.idTaken;
    }
    if (d.description.length > MAX_DESCRIPTION_LENGTH) errors.description = t.tooLong(this.i18n.number(MAX_DESCRIPTION_LENGTH));
    if (d.categories.length === 0) errors.categories = t.oneCategory;
    return errors;
  }

  /** Moves focus to the first invalid field of the form in `root`. */
  private focusFirstInvalid(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private async onSetUp(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.setUpDraft;
    const errors = this.draftErrors(d, true);
    this.setUpDraft = { ...d, errors };
    this.setUpError = '';
    if (Object.keys(errors).length) return this.focusFirstInvalid();
    const store = this.activeStore;
    if (!store) return;
    this.setUpDraft = { ...this.setUpDraft, busy: true };
    try {
      const proposed = d.name.trim() === this.i18n.t.defaultChannel && Object.values(d.names).every((n) => !n.trim());
      const names = proposed ? { en: adminMessages.en.defaultChannel, nl: adminMessages.nl.defaultChannel } : d.names;
      await this.writeWait.watch(store.setUp({ id: d.id, name: d.name.trim(), names, description: d.description, categories: d.categories }));
      void this.announcer.announce(this.i18n.t.setUpDone);
      this.emit('lenig-set-up', { channel: d.id });
    } catch (err) {
      // Refused because a colleague was first: the expected end of a race, said in the form, not a fault.
      if (isStoreError(err) && err.code === 'permission-denied') {
        this.setUpError = this.i18n.t.setUpTaken;
        this.emitError('setUp', err);
      } else this.setUpError = sayFailure(this, 'setUp', err, this.i18n.t);
    } finally {
      this.setUpDraft = { ...this.setUpDraft, busy: false };
    }
  }

  private async onSaveChannel(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.channelDraft;
    if (!d) return;
    const creating = d.editing === undefined;
    const errors = this.draftErrors(d, creating);
    this.channelDraft = { ...d, errors };
    if (Object.keys(errors).length) return this.focusFirstInvalid();
    const t = this.i18n.t;
    const name = d.name.trim();
    const ok = await this.act(
      'channel-form',
      creating ? 'createChannel' : 'updateChannel',
      (s) =>
        creating
          ? s.createChannel({ id: d.id, name, names: d.names, description: d.description, categories: d.categories })
          : s.updateChannel(d.editing!, { name, names: d.names, description: d.description, categories: d.categories }),
      creating ? t.created(name) : t.saved(name),
      // The id was free in the list when sent: a colleague's channel took it meanwhile.
      t.idJustTaken,
    );
    if (!ok) return;
    this.emit('lenig-channel-saved', { channel: d.editing ?? d.id, change: creating ? 'created' : 'changed' });
    this.channelDraft = undefined;
  }

  private async setArchived(channel: Channel, archived: boolean): Promise<void> {
    const t = this.i18n.t;
    const ok = await this.act(
      `archive:${channel.id}`,
      'updateChannel',
      (s) => s.updateChannel(channel.id, { archived }),
      archived ? t.archivedAnnounce(channelName(this.i18n, channel)) : t.reopenedAnnounce(channelName(this.i18n, channel)),
    );
    if (ok) this.emit('lenig-channel-saved', { channel: channel.id, change: archived ? 'archived' : 'reopened' });
  }

  private async onSearch(e: Event): Promise<void> {
    this.query = (e.target as HTMLInputElement).value;
    const store = this.activeStore;
    const seq = ++this.searchSeq;
    if (!store || !this.query.trim()) {
      this.found = undefined;
      return;
    }
    try {
      const found = await store.searchProfiles(this.query, 10);
      if (seq === this.searchSeq) this.found = found;
    } catch (err) {
      if (seq === this.searchSeq) this.failure = sayFailure(this, 'searchProfiles', err, this.i18n.t);
    }
  }

  private async setAdmin(uid: UserId, admin: boolean): Promise<void> {
    const t = this.i18n.t;
    const name = this.nameOf(uid);
    await this.act(`admin:${uid}`, admin ? 'addAdmin' : 'removeAdmin', (s) => (admin ? s.addAdmin(uid) : s.removeAdmin(uid)), admin ? t.adminAdded(name) : t.adminRemoved(name));
  }

  private async onRename(e: Event): Promise<void> {
    e.preventDefault();
    const r = this.renaming;
    if (!r) return;
    const name = r.name.trim();
    if (!name) {
      this.renaming = { ...r, error: this.i18n.t.required };
      return this.focusFirstInvalid();
    }
    const ok = await this.act(`name:${r.uid}`, 'setProfileName', (s) => s.setProfileName(r.uid, name), this.i18n.t.nameSaved(name));
    if (ok) {
      this.renaming = undefined;
      this.found = this.found?.map((p) => (p.uid === r.uid ? { ...p, name } : p));
      // Every widget on this page shows the corrected name now, not at the next refresh.
      this.profiles.reread(r.uid);
    }
  }

  // --- internals ---------------------------------------------------------------------------------------

  private nameOf(uid: UserId): string {
    return this.profiles.get(uid)?.name || this.i18n.t.unknownPerson;
  }

  private actionName(action: ReportAction): string {
    const t = this.i18n.t;
    return action === 'hidden' ? t.actionHidden : action === 'comment-deleted' ? t.actionCommentDeleted : t.actionDismissed;
  }

  private get openReports(): Report[] {
    return (this.reports.value ?? []).filter((r) => !r.resolved);
  }

  /** Keeps one post (and, for comment reports, comments) subscription per open report's post. */
  private syncPosts(): void {
    const store = this.activeStore;
    if (store !== this.postsStore) {
      this.closePosts();
      this.postsStore = store;
    }
    if (!store) return;
    const wanted = new Map<string, Report[]>();
    for (const r of this.openReports) wanted.set(`${r.channel}/${r.post}`, [...(wanted.get(`${r.channel}/${r.post}`) ?? []), r]);
    for (const [key, entry] of this.posts) {
      if (!wanted.has(key)) {
        entry.stop.forEach((s) => s());
        this.posts.delete(key);
      }
    }
    for (const [key, reports] of wanted) {
      if (this.posts.has(key)) continue;
      const { channel, post } = reports[0]!;
      const entry: { post: Post | null | undefined; comments?: Comment[]; stop: Unsubscribe[] } = { post: undefined, stop: [] };
      this.posts.set(key, entry);
      const update = () => this.requestUpdate();
      entry.stop.push(
        store.subscribePost(
          channel,
          post,
          (p) => ((entry.post = p), update()),
          () => ((entry.post = null), update()),
        ),
      );
      if (reports.some((r) => r.comment !== undefined)) {
        entry.stop.push(store.subscribeComments(channel, post, (cs) => ((entry.comments = cs), update()), () => ((entry.comments = []), update())));
      }
    }
  }

  private closePosts(): void {
    for (const e of this.posts.values()) e.stop.forEach((s) => s());
    this.posts.clear();
  }

  // --- render ------------------------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    const unavailable = this.renderUnavailable();
    if (unavailable !== nothing) return html`<div class="lenig">${unavailable}</div>`;
    // A change being saved is not answered: the connection dropped, or the answer is late.
    const saving = this.busy.size > 0 || this.setUpDraft.busy;
    const notice = !saving ? '' : this.connection.value === false ? this.offlineMessage : this.writeWait.late ? this.common.t.waitingSlow : '';
    return html`<div class="lenig">
      <span class="visually-hidden" role="status">${this.announcer.text}</span>
      ${notice ? html`<p class="quiet" part="notice">${notice}</p>` : nothing}
      ${this.renderBody()}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const t = this.i18n.t;
    const viewer = this.viewer.value;
    if (this.viewer.status !== 'ready' && this.viewer.status !== 'error') return this.loading(this.common.t.loading);
    if (!viewer) return html`<p class="notice" part="status">${t.signIn}</p>`;
    if (viewer.admin) return this.renderConsole();
    if (this.admins.status === 'error') return this.error(this.common.t.somethingWrong);
    if (this.admins.status !== 'ready') return this.loading(t.adminsLoading);
    if ((this.admins.value ?? []).length === 0) return this.renderSetUp(viewer);
    return html`<p class="notice" part="status">${t.notAdmin}</p>`;
  }

  private loading(text: string): TemplateResult {
    return html`<p class="notice" role="status" part="status">${text}</p>`;
  }

  private error(text: string): TemplateResult {
    return html`<p class="notice error" role="alert" part="status">${text}</p>`;
  }

  // --- first run

  private renderSetUp(_viewer: Viewer): TemplateResult {
    const t = this.i18n.t;
    const d = this.setUpDraft;
    return html`<section class="setup" aria-labelledby="${this.ids}-setup">
      <h2 id="${this.ids}-setup" class="title">${t.setUpTitle}</h2>
      <p>${t.setUpIntro}</p>
      <form part="form" novalidate @submit=${this.onSetUp}>
        ${this.channelFields(d, true, (next) => (this.setUpDraft = next))}
        ${this.setUpError ? html`<p class="error-text" role="alert">${this.setUpError}</p>` : nothing}
        <button class="button primary" part="button" type="submit" ?disabled=${d.busy}>${d.busy ? t.settingUp : t.setUpSubmit}</button>
      </form>
    </section>`;
  }

  /** Name, id (when creating), description and categories of a channel form. */
  private channelFields(d: ChannelDraft, creating: boolean, set: (d: ChannelDraft) => void): TemplateResult {
    const t = this.i18n.t;
    const p = `${this.ids}-${creating ? 'new' : 'edit'}`;
    const field = (key: 'name' | 'id' | 'description', label: string, value: string, onInput: (v: string) => void, hint?: string, max?: number) => html`<div
      class="field"
    >
      <label for="${p}-${key}">${label}</label>
      <input
        id="${p}-${key}"
        name=${key}
        .value=${value}
        maxlength=${max ?? 200}
        aria-invalid=${d.errors[key] ? 'true' : 'false'}
        aria-describedby="${p}-${key}-hint ${p}-${key}-error"
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />
      ${hint ? html`<span class="hint" id="${p}-${key}-hint">${hint}</span>` : nothing}
      <span class="error-text" id="${p}-${key}-error">${d.errors[key] ?? ''}</span>
    </div>`;
    return html`${field('name', t.channelName, d.name, (v) => set({ ...d, name: v, id: creating && !d.idTouched ? slugify(v) : d.id, errors: { ...d.errors, name: undefined } }), undefined, MAX_CHANNEL_NAME_LENGTH)}
    ${creating ? field('id', t.channelId, d.id, (v) => set({ ...d, id: v.trim(), idTouched: true, errors: { ...d.errors, id: undefined } }), t.channelIdHint, 64) : nothing}
    <fieldset class="names" aria-describedby="${p}-names-hint">
      <legend>${t.namesLegend}</legend>
      <span class="hint" id="${p}-names-hint">${t.namesHint}</span>
      ${languages().map(
        (lang) => html`<div class="field">
          <label for="${p}-name-${lang}">${t.nameIn(languageName(this.i18n, lang))}</label>
          <input
            id="${p}-name-${lang}"
            name="name-${lang}"
            lang=${lang}
            .value=${d.names[lang] ?? ''}
            maxlength=${MAX_CHANNEL_NAME_LENGTH}
            @input=${(e: Event) => set({ ...d, names: { ...d.names, [lang]: (e.target as HTMLInputElement).value } })}
          />
        </div>`,
      )}
    </fieldset>
    ${field('description', t.description, d.description, (v) => set({ ...d, description: v, errors: { ...d.errors, description: undefined } }), t.descriptionHint, MAX_DESCRIPTION_LENGTH)}
    ${this.categoryPicker(d, p, set)}`;
  }

  private categoryPicker(d: ChannelDraft, p: string, set: (d: ChannelDraft) => void): TemplateResult {
    const t = this.i18n.t;
    const all = [...d.categories, ...DEFAULT_CATEGORIES.filter((c) => !d.categories.includes(c))];
    const move = (c: string, by: number) => {
      const list = [...d.categories];
      const i = list.indexOf(c);
      const j = i + by;
      if (i < 0 || j < 0 || j >= list.length) return;
      [list[i], list[j]] = [list[j]!, list[i]!];
      set({ ...d, categories: list });
    };
    const toggle = (c: string, on: boolean) =>
      set({ ...d, categories: on ? [...d.categories, c] : d.categories.filter((x) => x !== c), errors: { ...d.errors, categories: undefined } });
    return html`<fieldset class="categories" aria-describedby="${p}-cat-hint ${p}-cat-error" aria-invalid=${d.errors.categories ? 'true' : 'false'}>
      <legend>${t.categories}</legend>
      <span class="hint" id="${p}-cat-hint">${t.categoriesHint}</span>
      <ul>
        ${all.map((c) => {
          const i = d.categories.indexOf(c);
          const name = t.category(c);
          return html`<li>
            <label><input type="checkbox" .checked=${i >= 0} @change=${(e: Event) => toggle(c, (e.target as HTMLInputElement).checked)} /> ${name}</label>
            ${i >= 0
              ? html`<button type="button" class="icon-button" aria-label=${t.moveUp(name)} ?disabled=${i === 0} @click=${() => move(c, -1)}>↑</button>
                  <button type="button" class="icon-button" aria-label=${t.moveDown(name)} ?disabled=${i === d.categories.length - 1} @click=${() => move(c, 1)}>↓</button>`
              : nothing}
          </li>`;
        })}
      </ul>
      <span class="error-text" id="${p}-cat-error">${d.errors.categories ?? ''}</span>
    </fieldset>`;
  }

  // --- the console

  private renderConsole(): TemplateResult {
    const t = this.i18n.t;
    const tab = this.currentTab;
    const open = this.reports.status === 'ready' ? this.openReports.length : undefined;
    const label = (k: AdminTab) => ({ reports: t.tabReports, channels: t.tabChannels, people: t.tabPeople, export: t.tabExport })[k];
    return html`<h2 class="title">${t.title}</h2>
      <div class="tabs" role="tablist" aria-label=${t.tabs} part="tabs" @keydown=${this.onTabKey}>
        ${ADMIN_TABS.map(
          (k) => html`<button
            role="tab"
            part="tab"
            class="tab"
            id="${this.ids}-tab-${k}"
            aria-controls="${this.ids}-panel"
            aria-selected=${k === tab ? 'true' : 'false'}
            tabindex=${k === tab ? 0 : -1}
            @click=${() => this.select(k)}
          >
            ${label(k)}${k === 'reports' && open
              ? html` <span class="count" part="count"
                  ><span aria-hidden="true">${this.i18n.number(open)}</span
                  ><span class="visually-hidden">(${this.i18n.plural(open, { one: t.openReportsOne, other: t.openReportsOther })})</span></span
                >`
              : nothing}
          </button>`,
        )}
      </div>
      <div class="panel" role="tabpanel" id="${this.ids}-panel" aria-labelledby="${this.ids}-tab-${tab}" part="panel" tabindex="0">
        ${this.failure ? html`<p class="error-text" role="alert">${this.failure}</p>` : nothing}
        ${tab === 'reports' ? this.renderReports() : tab === 'channels' ? this.renderChannels() : tab === 'people' ? this.renderPeople() : this.exporter.render(this.channels.value ?? [])}
      </div>`;
  }

  // --- reports

  private renderReports(): TemplateResult {
    const t = this.i18n.t;
    if (this.reports.status === 'error') return this.error(t.reportsFailed);
    if (this.reports.status !== 'ready') return this.loading(t.reportsLoading);
    const open = this.openReports;
    const handled = (this.reports.value ?? []).filter((r) => r.resolved).slice(0, 20);
    return html`${open.length === 0
        ? html`<p class="notice" part="status">${t.noOpenReports}</p>`
        : html`<ul class="reports">
            ${open.map((r) => this.renderReport(r))}
          </ul>`}
      <h3 class="subtitle">${t.handled}</h3>
      ${handled.length === 0
        ? html`<p class="quiet">${t.handledNone}</p>`
        : html`<ul class="handled">
            ${handled.map(
              (r) =>
                html`<li>
                  <span>${this.channelName(r.channel)} · ${r.reason || t.noReason}</span>
                  <span class="quiet">${t.handledBy(this.actionName(r.resolved!.action), this.nameOf(r.resolved!.by), relativeTime(this.i18n, r.resolved!.at, this.clock.now))}</span>
                </li>`,
            )}
          </ul>`}`;
  }

  /** A channel's name; one missing from the loaded list was deleted (its posts and reports stay). */
  private channelName(id: string): string {
    const channels = this.channels.value;
    const channel = channels?.find((c) => c.id === id);
    return channel ? channelName(this.i18n, channel) : channels ? this.i18n.t.deletedChannel(id) : id;
  }

  private renderReport(r: Report): TemplateResult {
    const t = this.i18n.t;
    const entry = this.posts.get(`${r.channel}/${r.post}`);
    const post = entry?.post;
    const comment = r.comment === undefined ? undefined : entry?.comments?.find((c) => c.id === r.comment);
    const busy = this.busy.has(`report:${r.id}`);
    const headingId = `${this.ids}-report-${r.id}`;
    return html`<li class="report" part="report" aria-labelledby=${headingId}>
      <p class="meta" id=${headingId}>
        <strong>${r.comment === undefined ? t.reportedPost : t.reportedComment}</strong>
        ${t.inChannel(this.channelName(r.channel))} ·
        <time datetime=${r.createdAt.toISOString()}>${t.reportedBy(this.nameOf(r.by), relativeTime(this.i18n, r.createdAt, this.clock.now))}</time>
      </p>
      <p class="reason"><span class="label">${t.reason}:</span> ${r.reason || t.noReason}</p>
      ${this.renderReportedText(r, post, comment, entry?.comments !== undefined)}
      ${post === undefined
        ? html`<p class="quiet">${t.postLoading}</p>`
        : post === null
          ? html`<p class="quiet">${t.postGone}</p>`
          : html`<blockquote class="post" cite="">
              <p class="author">${renderAvatar(this.profiles.get(post.author) ?? { uid: post.author }, '1.5rem')} ${this.nameOf(post.author)}</p>
              <p class="text">${post.text}</p>
              ${post.hidden ? html`<p class="hidden-note">${t.postHiddenNote}</p>` : nothing}
              ${r.comment !== undefined
                ? comment
                  ? html`<blockquote class="comment">
                      <p class="author">${this.nameOf(comment.author)}</p>
                      <p class="text">${comment.text}</p>
                    </blockquote>`
                  : entry?.comments
                    ? html`<p class="quiet">${t.commentGone}</p>`
                    : nothing
                : nothing}
            </blockquote>`}
      <div class="actions">
        ${post && r.comment === undefined
          ? post.hidden
            ? html`<button class="button" part="button" ?disabled=${this.busy.has(`hide:${r.channel}/${r.post}`)} @click=${() => this.setHidden(r.channel, r.post, false)}>
                ${t.unhidePost}
              </button>`
            : html`<button class="button danger" part="button" ?disabled=${busy} @click=${() => this.resolve(r, 'hidden')}>${t.hidePost}</button>`
          : nothing}
        ${r.comment !== undefined && comment
          ? html`<button class="button danger" part="button" ?disabled=${busy} @click=${() => this.resolve(r, 'comment-deleted')}>${t.deleteComment}</button>`
          : nothing}
        <button class="button" part="button" ?disabled=${busy} @click=${() => this.resolve(r, 'dismissed')}>${t.dismiss}</button>
      </div>
    </li>`;
  }

  /**
   * The text as it was reported, when it no longer reads that way: its author edited the post, or the post
   * or comment is gone. Shown as plain text, as the post itself is. Reports made before reports held their
   * text show none.
   */
  private renderReportedText(r: Report, post: Post | null | undefined, comment: Comment | undefined, commentsLoaded: boolean): TemplateResult | typeof nothing {
    if (r.text === undefined || post === undefined) return nothing;
    if (r.comment !== undefined && post !== null && !commentsLoaded) return nothing;
    const now = post === null ? undefined : r.comment === undefined ? post.text : comment?.text;
    if (now === r.text) return nothing;
    const t = this.i18n.t;
    return html`<div class="reported-text">
      <p class="label">${t.textWhenReported}</p>
      <blockquote class="snapshot"><p class="text">${r.text}</p></blockquote>
      ${now !== undefined ? html`<p class="quiet">${t.textChangedSince}</p>` : nothing}
    </div>`;
  }

  // --- channels

  private renderChannels(): TemplateResult {
    const t = this.i18n.t;
    if (this.channels.status === 'error') return this.error(t.channelsFailed);
    if (this.channels.status !== 'ready') return this.loading(t.channelsLoading);
    const list = this.channels.value ?? [];
    const d = this.channelDraft;
    return html`${d && d.editing === undefined
        ? this.renderChannelForm(d)
        : html`<button class="button primary" part="button" @click=${() => (this.channelDraft = emptyDraft())}>${t.newChannel}</button>`}
      ${list.length === 0
        ? html`<p class="notice" part="status">${t.noChannels}</p>`
        : html`<ul class="channels">
            ${list.map((c) =>
              d?.editing === c.id
                ? html`<li class="channel">${this.renderChannelForm(d)}</li>`
                : html`<li class="channel">
                    <div>
                      <strong>${channelName(this.i18n, c)}</strong> <span class="quiet">${t.idLabel(c.id)}</span>
                      ${c.archived ? html`<span class="badge">${t.archived}</span>` : nothing}
                      ${c.description ? html`<p class="quiet">${c.description}</p>` : nothing}
                      <p class="quiet">${this.i18n.list(c.categories.map((k) => t.category(k)))}</p>
                    </div>
                    <div class="actions">
                      <button
                        class="button"
                        part="button"
                        aria-label="${t.edit}: ${channelName(this.i18n, c)}"
                        @click=${() =>
                          (this.channelDraft = { ...emptyDraft(), editing: c.id, id: c.id, idTouched: true, name: c.name, names: { ...c.names }, description: c.description ?? '', categories: [...c.categories] })}
                      >
                        ${t.edit}
                      </button>
                      <button class="button" part="button" aria-label="${c.archived ? t.reopen : t.archive}: ${channelName(this.i18n, c)}" ?disabled=${this.busy.has(`archive:${c.id}`)} @click=${() => this.setArchived(c, !c.archived)}>
                        ${c.archived ? t.reopen : t.archive}
                      </button>
                    </div>
                  </li>`,
            )}
          </ul>`}`;
  }

  private renderChannelForm(d: ChannelDraft): TemplateResult {
    const t = this.i18n.t;
    const creating = d.editing === undefined;
    const busy = this.busy.has('channel-form');
    return html`<form class="channel-form" part="form" novalidate @submit=${this.onSaveChannel} aria-label=${creating ? t.newChannel : `${t.edit}: ${d.name}`}>
      ${this.channelFields(d, creating, (next) => (this.channelDraft = next))}
      <div class="actions">
        <button class="button primary" part="button" type="submit" ?disabled=${busy}>${busy ? (creating ? t.creating : t.saving) : creating ? t.create : t.save}</button>
        <button class="button" part="button" type="button" @click=${() => (this.channelDraft = undefined)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  // --- people

  private renderPeople(): TemplateResult {
    const t = this.i18n.t;
    const admins = this.admins.value ?? [];
    const sid = `${this.ids}-search`;
    return html`<h3 class="subtitle">${t.admins}</h3>
      ${this.admins.status !== 'ready'
        ? this.loading(t.adminsLoading)
        : html`<ul class="people">
            ${admins.map((uid) => this.renderPerson(this.profiles.get(uid) ?? { uid, name: '' }, admins))}
          </ul>`}
      <div class="field search">
        <label for=${sid}>${t.search}</label>
        <input id=${sid} type="search" .value=${this.query} aria-describedby="${sid}-hint" autocomplete="off" @input=${this.onSearch} />
        <span class="hint" id="${sid}-hint">${t.searchHint}</span>
      </div>
      ${this.found === undefined
        ? nothing
        : this.found.length === 0
          ? html`<p class="quiet" role="status">${t.noMatch(this.query)}</p>`
          : html`<ul class="people">
              ${this.found.map((p) => this.renderPerson(p, admins, true))}
            </ul>`}
      ${this.activity.render(
        (id) => this.channelName(id),
        (uid) => this.nameOf(uid),
      )}`;
  }

  private renderPerson(p: Profile, admins: UserId[], inSearch = false): TemplateResult {
    const t = this.i18n.t;
    const isAdmin = admins.includes(p.uid);
    const last = isAdmin && admins.length <= 1;
    const name = p.name || this.nameOf(p.uid);
    const r = this.renaming?.uid === p.uid ? this.renaming : undefined;
    const nid = `${this.ids}-name-${p.uid}`;
    // A person can be listed twice (administrators and search results): each button its own id.
    const opener = `${this.ids}-activity-${inSearch ? 'found' : 'admin'}-${p.uid}`;
    return html`<li class="person">
      ${renderAvatar({ ...p, name }, '2rem')}
      <div class="who">
        <strong>${name}</strong> ${isAdmin ? html`<span class="badge">${t.adminBadge}</span>` : nothing}
        ${p.jobTitle || p.department ? html`<span class="quiet">${[p.jobTitle, p.department].filter(Boolean).join(' · ')}</span>` : nothing}
        ${r
          ? html`<form class="rename" part="form" novalidate @submit=${this.onRename}>
              <label for=${nid}>${t.nameLabel(name)}</label>
              <input
                id=${nid}
                .value=${r.name}
                maxlength="100"
                aria-invalid=${r.error ? 'true' : 'false'}
                aria-describedby="${nid}-error"
                @input=${(e: Event) => (this.renaming = { ...r, name: (e.target as HTMLInputElement).value, error: '' })}
              />
              <span class="error-text" id="${nid}-error">${r.error}</span>
              <div class="actions">
                <button class="button primary" part="button" type="submit" ?disabled=${this.busy.has(`name:${p.uid}`)}>${t.save}</button>
                <button class="button" part="button" type="button" @click=${() => (this.renaming = undefined)}>${t.cancel}</button>
              </div>
            </form>`
          : nothing}
      </div>
      <div class="actions">
        <button
          class="button"
          part="button"
          id=${opener}
          aria-label="${t.seeActivity}: ${name}"
          aria-expanded=${this.activity.uid === p.uid ? 'true' : 'false'}
          @click=${() => this.activity.open(p.uid, name, opener)}
        >
          ${t.seeActivity}
        </button>
        ${r ? nothing : html`<button class="button" part="button" aria-label="${t.fixName}: ${name}" @click=${() => (this.renaming = { uid: p.uid, name, error: '' })}>${t.fixName}</button>`}
        ${isAdmin
          ? html`<button
              class="button"
              part="button"
              aria-label="${t.removeAdmin}: ${name}"
              aria-describedby=${last ? `${this.ids}-last` : nothing}
              ?disabled=${last || this.busy.has(`admin:${p.uid}`)}
              @click=${() => this.setAdmin(p.uid, false)}
            >
              ${t.removeAdmin}
            </button>`
          : html`<button class="button" part="button" aria-label="${t.makeAdmin}: ${name}" ?disabled=${this.busy.has(`admin:${p.uid}`)} @click=${() => this.setAdmin(p.uid, true)}>
              ${t.makeAdmin}
            </button>`}
      </div>
      ${last ? html`<p class="quiet last" id="${this.ids}-last">${t.lastAdmin}</p>` : nothing}
    </li>`;
  }
}

define('lenig-admin', LenigAdminElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-admin': LenigAdminElement;
  }
  interface GlobalEventHandlersEventMap {
    'lenig-report-resolved': CustomEvent<ReportResolvedDetail>;
    'lenig-channel-saved': CustomEvent<ChannelSavedDetail>;
    'lenig-set-up': CustomEvent<SetUpDetail>;
  }
}
