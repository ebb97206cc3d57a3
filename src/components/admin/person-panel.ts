import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LenigStore } from '../../data/store.js';
import type { ExportProgress, PersonActivity, Post, UserId } from '../../data/types.js';
import type { adminMessages } from '../../i18n/messages/admin.js';
import { LocalizeController } from '../../i18n/localize.js';
import { sayFailure } from '../shared/failure.js';
import { exportFileName } from './export-panel.js';
import { formatDate } from '../../i18n/formats.js';

/** How much of a post a comment's context shows. */
const EXCERPT = 140;

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text);

/**
 * "What did this person write?" in the People tab of `<lenig-admin>`, for a data-subject request: their posts
 * and comments newest first (channel, date, and for a comment the post it is on) and their data as a JSON
 * file in the export format. Its own controller, like the export, rendering into the element's People tab
 * with the element's strings. Opening moves focus to its heading; closing returns it to the button.
 */
export class PersonPanel implements ReactiveController {
  private person: { uid: UserId; name: string; opener: string } | undefined;
  private progress: ExportProgress | undefined;
  private result: PersonActivity | undefined;
  private file: { url: string; name: string } | undefined;
  private error = '';
  private seq = 0;
  private readonly i18n: LocalizeController<(typeof adminMessages)['en']>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly getStore: () => LenigStore | undefined,
    messages: typeof adminMessages,
    private readonly ids: string,
    private readonly announce: (text: string) => void,
  ) {
    host.addController(this);
    this.i18n = new LocalizeController(host, messages);
  }

  hostDisconnected(): void {
    this.release();
  }

  /** The person shown, if any. */
  get uid(): UserId | undefined {
    return this.person?.uid;
  }

  private release(): void {
    if (this.file) URL.revokeObjectURL(this.file.url);
    this.file = undefined;
  }

  private get updateComplete(): Promise<unknown> {
    return (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }

  private focus(selector: string): void {
    void this.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Reads what `uid` wrote; `opener` is the id of the button that asked, where focus returns on close. */
  async open(uid: UserId, name: string, opener: string): Promise<void> {
    const store = this.getStore();
    if (!store) return;
    const seq = ++this.seq;
    this.release();
    this.person = { uid, name, opener };
    this.result = undefined;
    this.error = '';
    this.progress = { done: 0, total: 1, path: '' };
    this.host.requestUpdate();
    this.focus(`#${this.ids}-activity-title`);
    try {
      const result = await store.exportPerson(uid, (p) => {
        if (seq !== this.seq) return;
        this.progress = p;
        this.host.requestUpdate();
      });
      if (seq !== this.seq) return;
      const blob = new Blob([JSON.stringify(result.export, null, 2)], { type: 'application/json' });
      this.result = result;
      this.file = { url: URL.createObjectURL(blob), name: exportFileName(result.export) };
      this.announce(this.summary(result, name));
    } catch (e) {
      if (seq !== this.seq) return;
      this.error = sayFailure(this.host, 'exportPerson', e, this.i18n.t);
    } finally {
      if (seq === this.seq) this.host.requestUpdate();
    }
  }

  /** "3 posts and 1 comment", or that there is nothing. */
  private summary(r: PersonActivity, name: string): string {
    const t = this.i18n.t;
    if (r.posts.length === 0 && r.comments.length === 0) return t.activityEmpty(name);
    return this.i18n.list([
      this.i18n.plural(r.posts.length, { one: t.postsOne, other: t.postsOther }),
      this.i18n.plural(r.comments.length, { one: t.commentsOne, other: t.commentsOther }),
    ]);
  }

  close(): void {
    const opener = this.person?.opener;
    this.seq++;
    this.person = undefined;
    this.result = undefined;
    this.error = '';
    this.release();
    this.host.requestUpdate();
    if (opener) this.focus(`#${CSS.escape(opener)}`);
  }

  render(channelName: (id: string) => string, nameOf: (uid: UserId) => string): TemplateResult | typeof nothing {
    const p = this.person;
    if (!p) return nothing;
    const t = this.i18n.t;
    const r = this.result;
    const pct = this.progress && this.progress.total > 0 ? Math.round((this.progress.done / this.progress.total) * 100) : 0;
    const when = (d: Date) =>
      html`<time datetime=${d.toISOString()} title=${formatDate(this.i18n, d, { dateStyle: 'full', timeStyle: 'short' })}>${formatDate(this.i18n, d, { dateStyle: 'medium', timeStyle: 'short' })}</time>`;
    const where = (channel: string, d: Date) => html`<p class="meta quiet">${t.inChannel(channelName(channel))} · ${when(d)}</p>`;
    const postItem = (post: Post) => html`<li class="activity-item">
      ${where(post.channel, post.createdAt)}
      ${post.idea ? html`<p class="idea-title"><strong>${post.idea.title}</strong></p>` : nothing}
      <p class="text">${post.text}</p>
      ${post.hidden ? html`<span class="badge">${t.hiddenBadge}</span>` : nothing}
    </li>`;
    return html`<section class="activity" aria-labelledby="${this.ids}-activity-title" aria-busy=${!r && !this.error ? 'true' : 'false'}>
      <div class="activity-head">
        <h3 class="subtitle" id="${this.ids}-activity-title" tabindex="-1">${t.activityTitle(p.name)}</h3>
        <button class="button" part="button" aria-label="${t.activityClose}: ${t.activityTitle(p.name)}" @click=${() => this.close()}>${t.activityClose}</button>
      </div>
      <p class="quiet">${t.activityIntro}</p>
      ${this.error
        ? html`<p class="error-text" role="alert">${this.error}</p>
            <button class="button" part="button" @click=${() => this.open(p.uid, p.name, p.opener)}>${t.tryAgain}</button>`
        : !r
          ? html`<div class="progress">
              <label for="${this.ids}-activity-progress">${t.exportProgress(this.i18n.number(pct))}</label>
              <progress id="${this.ids}-activity-progress" max="100" .value=${pct}>${pct}%</progress>
            </div>`
          : html`<p role="status">
${this.summary(r, p.name)}
              </p>
              ${this.file
                ? html`<p><a class="button primary person-download" part="button" href=${this.file.url} download=${this.file.name}>${t.activityDownload(p.name)}</a></p>`
                : nothing}
              ${r.posts.length
                ? html`<h4 class="subtitle">${this.i18n.plural(r.posts.length, { one: t.postsOne, other: t.postsOther })}</h4>
                    <ul class="activity-list">
                      ${r.posts.map(postItem)}
                    </ul>`
                : nothing}
              ${r.comments.length
                ? html`<h4 class="subtitle">${this.i18n.plural(r.comments.length, { one: t.commentsOne, other: t.commentsOther })}</h4>
                    <ul class="activity-list">
                      ${r.comments.map(
                        (c) => html`<li class="activity-item">
                          ${where(c.channel, c.comment.createdAt)}
                          <p class="text">${c.comment.text}</p>
                          <p class="quiet context">${c.post ? t.commentOn(nameOf(c.post.author), excerpt(c.post.idea?.title ?? c.post.text)) : t.commentOnGone}</p>
                        </li>`,
                      )}
                    </ul>`
                : nothing}`}
    </section>`;
  }
}
