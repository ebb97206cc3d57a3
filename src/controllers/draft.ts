import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CategoryId, ChannelId, UserId } from '../data/types.js';

/** What a person had typed in a form, kept across reloads. */
export interface Draft {
  text: string;
  category?: CategoryId;
  title?: string;
}

/** Whose draft, where: the parts of a draft's storage key. */
export interface DraftScope {
  /** Which form: `composer`, `idea-board`. Two forms on one channel never overwrite each other. */
  form: string;
  /** The signed-in person. A shared PC must not show one person's draft to the next. */
  user: UserId;
  channel: ChannelId;
  /** The intranet site the page belongs to (see `currentSite`). */
  site?: string;
}

/** Typing pauses this long before the draft is written to storage. */
export const DRAFT_DELAY_MS = 300;

/**
 * The site a page belongs to: on SharePoint `/sites/<name>` or `/teams/<name>`, elsewhere the origin
 * alone. Storage is per origin already, and every site of a SharePoint tenant shares one origin.
 */
export function currentSite(url: string = globalThis.location?.href ?? ''): string {
  try {
    const u = new URL(url);
    const m = /^\/(sites|teams)\/[^/]+/i.exec(u.pathname);
    return u.origin + (m ? m[0].toLowerCase() : '');
  } catch {
    return '';
  }
}

/** The localStorage key of a draft. */
export function draftKey(scope: DraftScope): string {
  const site = scope.site ?? currentSite();
  return `lenig:draft:${[scope.form, site, scope.user, scope.channel].map(encodeURIComponent).join(':')}`;
}

/**
 * Reads a draft. Storage can be missing (private mode, a sandboxed iframe), full, or hold something
 * unreadable; a draft is a convenience, so every such case is simply "no draft".
 */
export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Draft> | null;
    if (!value || typeof value.text !== 'string') return undefined;
    const draft: Draft = { text: value.text };
    if (typeof value.category === 'string') draft.category = value.category;
    if (typeof value.title === 'string') draft.title = value.title;
    return draft;
  } catch {
    return undefined;
  }
}

/** Saves a draft, or removes it when there is nothing worth keeping. Quota and access errors are ignored. */
export function saveDraft(key: string, draft: Draft): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    if (!draft.text.trim() && !draft.title?.trim()) {
      storage.removeItem(key);
      return;
    }
    storage.setItem(key, JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // Full or forbidden storage: the text is still in the form, which is what matters.
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // As above.
  }
}

export interface DraftOptions {
  form: string;
  channel: () => ChannelId | undefined;
  /** The signed-in person: null when signed out, undefined while not known. No one, no draft. */
  user: () => UserId | null | undefined;
  /** What the form holds now. */
  read: () => Draft;
  /** Puts a draft into the form (undefined: empty it), when the channel or the person changes. */
  apply: (draft: Draft | undefined) => void;
}

/**
 * A form's draft, per person, site, form and channel. The host calls `changed()` on every edit; the
 * draft is written once typing pauses, and at once when the page is hidden (a reload inside the pause
 * loses nothing), when the host disconnects, and before the channel or the person changes — then the
 * next draft is put into the form with `apply`.
 */
export class DraftController implements ReactiveController {
  private key: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A reload inside the typing pause would lose the last keystrokes; pagehide still runs then.
    globalThis.addEventListener?.('pagehide', this.flush);
  }

  hostUpdate(): void {
    const key = this.currentKey();
    if (key === this.key) return;
    this.flush();
    this.key = key;
    this.options.apply(key ? loadDraft(key) : undefined);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('pagehide', this.flush);
    this.flush();
    // Connected again, the draft is read afresh.
    this.key = undefined;
  }

  /** The key of the draft in the form now (undefined when nobody is signed in). */
  get current(): string | undefined {
    return this.key;
  }

  /** The form changed: save once typing pauses. */
  changed(): void {
    const key = this.key;
    if (!key) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      saveDraft(key, this.options.read());
    }, DRAFT_DELAY_MS);
  }

  /**
   * An `input` or `change` handler for one field of the form: `keep` stores the new value on the host
   * (and drops a failure the edit settles), then the draft is saved as after any change.
   */
  field(keep: (value: string) => void): (e: Event) => void {
    return (e) => {
      keep((e.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value);
      this.changed();
    };
  }

  /**
   * The form's content was sent from the draft at `key`: forget it. If the form still shows that draft,
   * a pending save is dropped too, so the sent text does not come back.
   */
  sent(key: string | undefined): void {
    if (!key) return;
    if (key === this.key) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    clearDraft(key);
  }

  /** Writes a pending save now. */
  readonly flush = (): void => {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.key) saveDraft(this.key, this.options.read());
  };

  private currentKey(): string | undefined {
    const channel = this.options.channel();
    const user = this.options.user();
    if (!channel || !user) return undefined;
    return draftKey({ form: this.options.form, user, channel });
  }
}
