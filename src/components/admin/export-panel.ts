import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LenigStore } from '../../data/store.js';
import type { Channel, ExportProgress, LenigExport } from '../../data/types.js';
import type { adminMessages } from '../../i18n/messages/admin.js';
import { LocalizeController } from '../../i18n/localize.js';
import { sayFailure } from '../shared/failure.js';
import { channelName } from '../../i18n/formats.js';

/**
 * The file name of an export: `lenig-export-2026-11-27.json`, `lenig-general-2026-11-27.json` for one
 * channel, `lenig-person-<uid>-2026-11-27.json` for one person.
 */
export function exportFileName(e: LenigExport): string {
  return `lenig-${e.person !== undefined ? `person-${e.person}` : (e.channel ?? 'export')}-${e.exportedAt.slice(0, 10)}.json`;
}

/**
 * The Export tab of `<lenig-admin>`: everything, or one channel, downloaded as a JSON file, with a progress
 * bar while the paths are read. Its own controller so the element stays readable; it renders into the
 * element's tab panel and uses the element's strings.
 */
export class ExportPanel implements ReactiveController {
  private progress: ExportProgress | undefined;
  private running = false;
  private result: { url: string; name: string; bytes: number; deleted: readonly string[] } | undefined;
  private error = '';
  private channel = '';
  private readonly i18n: LocalizeController<(typeof adminMessages)['en']>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly getStore: () => LenigStore | undefined,
    messages: typeof adminMessages,
  ) {
    host.addController(this);
    this.i18n = new LocalizeController(host, messages);
  }

  hostDisconnected(): void {
    this.release();
  }

  private release(): void {
    if (this.result) URL.revokeObjectURL(this.result.url);
    this.result = undefined;
  }

  /** Reads the export and offers it as a file; clicks the download link once ready. */
  async run(): Promise<void> {
    const store = this.getStore();
    if (!store || this.running) return;
    this.running = true;
    this.error = '';
    this.release();
    this.progress = { done: 0, total: 1, path: '' };
    this.host.requestUpdate();
    try {
      const data = await store.exportData(this.channel ? { channel: this.channel } : {}, (p) => {
        this.progress = p;
        this.host.requestUpdate();
      });
      const text = JSON.stringify(data, null, 2);
      const blob = new Blob([text], { type: 'application/json' });
      this.result = { url: URL.createObjectURL(blob), name: exportFileName(data), bytes: blob.size, deleted: data.deletedChannels ?? [] };
      this.host.requestUpdate();
      await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      this.host.shadowRoot?.querySelector<HTMLAnchorElement>('a.download')?.click();
    } catch (e) {
      this.error = sayFailure(this.host, 'exportData', e, this.i18n.t);
    } finally {
      this.running = false;
      this.host.requestUpdate();
    }
  }

  render(channels: readonly Channel[]): TemplateResult {
    const t = this.i18n.t;
    const p = this.progress;
    const pct = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
    return html`<p>${t.exportIntro}</p>
      <p class="quiet">${t.exportPrivate}</p>
      <div class="field">
        <label for="export-scope">${t.exportScope}</label>
        <select id="export-scope" .value=${this.channel} ?disabled=${this.running} @change=${(e: Event) => ((this.channel = (e.target as HTMLSelectElement).value), this.host.requestUpdate())}>
          <option value="">${t.exportEverything}</option>
          ${channels.map((c) => html`<option value=${c.id} ?selected=${c.id === this.channel}>${channelName(this.i18n, c)}</option>`)}
        </select>
      </div>
      <button class="button primary" part="button" ?disabled=${this.running} @click=${() => this.run()}>${this.running ? t.exporting : t.exportButton}</button>
      ${this.running || (p && !this.result && !this.error)
        ? html`<div class="progress">
            <label for="export-progress">${t.exportProgress(this.i18n.number(pct))}</label>
            <progress id="export-progress" max="100" .value=${pct}>${pct}%</progress>
          </div>`
        : nothing}
      ${this.error ? html`<p class="error-text" role="alert">${this.error}</p>` : nothing}
      ${this.result
        ? html`<p role="status">
            ${t.exportReady(this.i18n.number(Math.max(1, Math.round(this.result.bytes / 1024))))}
            <a class="download" href=${this.result.url} download=${this.result.name}>${t.exportDownload(this.result.name)}</a>
            ${this.result.deleted.length
              ? // In the status, so a screen reader says it with the rest when the export is ready.
                html`<span class="quiet deleted-channels">${this.deletedNote(this.result.deleted)}</span>`
              : nothing}
          </p>`
        : nothing}`;
  }

  /** Names the deleted channels whose posts the file holds: an admin may not know they are still there. */
  private deletedNote(ids: readonly string[]): string {
    const t = this.i18n.t;
    const list = this.i18n.list(ids);
    return this.i18n.plural(ids.length, { one: t.exportDeletedOne(list), other: t.exportDeletedOther(list) });
  }
}
