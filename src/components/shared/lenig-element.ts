import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { watchCspBlock, type CspBlock } from '../../config/csp.js';
import { watchPageState, type PageState } from '../../config/page.js';
import { storeContext } from '../../data/context.js';
import { SubscriptionController } from '../../controllers/subscription.js';
import { errorOnce } from '../../log.js';
import type { LenigStore, StoreError, Unsubscribe } from '../../data/store.js';
import type { Viewer } from '../../data/types.js';
import { LocalizeController, type Messages, type MessageTable } from '../../i18n/localize.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { emit, emitError, type DetailOf, type EmitOptions, type LenigEventName } from './events.js';

/**
 * Base of every widget: finds the store (from a `storeContext` provider, a `store` property, or
 * the page-level `configure()` / `<lenig-config>`, in that order) and renders the one clear message each
 * widget owes the admin when the page is not configured or cannot connect.
 */
export class LenigElement extends LitElement {
  /**
   * The store to use. Normally left unset: it comes from a context provider or the page configuration.
   * Set it to hand the element a store directly (stories, tests, a custom backend).
   */
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store?: LenigStore;

  @state() protected page: PageState = { status: 'waiting' };
  /** The page's content security policy refuses a connection lenig needs. */
  @state() protected cspBlocked?: CspBlock;

  protected readonly common = new LocalizeController(this, commonMessages);
  private stopWatching?: () => void;
  private stopCsp?: () => void;
  private loadingSince?: number;
  private loadTimer?: ReturnType<typeof setTimeout>;
  /** Whether the render that just ran asked `waitMessage` (else the widget is no longer loading). */
  private waitAsked = false;

  constructor() {
    super();
    this.addController({
      hostUpdated: () => {
        if (!this.waitAsked) this.waitMessage(false);
        this.waitAsked = false;
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = watchPageState((page) => (this.page = page));
    this.stopCsp = watchCspBlock((block) => (this.cspBlocked = block));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    this.stopCsp?.();
    clearTimeout(this.loadTimer);
    this.loadTimer = undefined;
    this.loadingSince = undefined;
  }

  /** What to say when the connection is down: the page's policy blocking it, or being offline. */
  protected get offlineMessage(): string {
    return this.cspBlocked ? this.common.t.cspBlocked(this.cspBlocked.host) : this.common.t.offline;
  }

  /**
   * While a widget is still loading, what to tell the person, or undefined while there is nothing to say
   * yet. The bound: at once when the page's policy blocks the connection or the store reports it down
   * (which the Firebase store does 4 s after start without a connection), else after LOAD_NOTICE_MS.
   * The first such message on the page also goes to the console. Call from render with `loading`.
   */
  protected waitMessage(loading: boolean, offline = false): string | undefined {
    if (!loading) {
      this.loadingSince = undefined;
      clearTimeout(this.loadTimer);
      this.loadTimer = undefined;
      return undefined;
    }
    this.waitAsked = true;
    const since = (this.loadingSince ??= Date.now());
    const t = this.common.t;
    let message: string | undefined;
    if (this.cspBlocked) message = t.cspBlocked(this.cspBlocked.host);
    else if (offline) message = t.waitingOffline;
    else if (Date.now() - since >= LOAD_NOTICE_MS) message = t.waitingSlow;
    else this.loadTimer ??= setTimeout(() => this.requestUpdate(), since + LOAD_NOTICE_MS - Date.now());
    if (message && !this.cspBlocked && !loggedWait) {
      loggedWait = true;
      console.warn(
        `lenig: <${this.localName}> ${offline ? 'has no connection to the database' : `has waited ${LOAD_NOTICE_MS / 1000} s for the database`}; it keeps trying.`,
      );
    }
    return message;
  }

  /** The store in use, or undefined while there is none (yet). */
  protected get activeStore(): LenigStore | undefined {
    if (this.store) return this.store;
    return this.page.status === 'ready' ? this.page.store : undefined;
  }

  /**
   * A message when the widget cannot show anything yet, else `nothing`: the first missing one of the
   * `required` attributes (`{ channel: this.channel }`), else, when there is no store to use, a loading
   * line while the page is being configured or the named problem when the configuration is wrong.
   */
  protected renderUnavailable(required: Record<string, string | undefined> = {}): TemplateResult | typeof nothing {
    for (const [attribute, value] of Object.entries(required)) if (!value) return this.missingAttribute(attribute);
    if (this.activeStore) return nothing;
    const t = this.common.t;
    switch (this.page.status) {
      case 'waiting':
      case 'loading':
        return html`<p class="notice" role="status" part="status">${this.waitMessage(true) ?? t.loading}</p>`;
      case 'unconfigured':
        return html`<p class="notice error" role="alert" part="status">${t.unconfigured}</p>`;
      case 'invalid': {
        const p = this.page.problems[0]!;
        return html`<p class="notice error" role="alert" part="status">
          ${p.problem === 'missing' ? t.missingField(p.field) : p.problem === 'conflict' ? t.conflictingConfig(p.field) : t.invalidField(p.field)}
        </p>`;
      }
      case 'failed': {
        const retry = this.page.retry;
        return retry
          ? html`<div class="notice error" role="alert" part="status">
              <p>${t.connectFailed}</p>
              <button class="button" type="button" @click=${retry}>${t.retry}</button>
            </div>`
          : html`<p class="notice error" role="alert" part="status">${t.connectFailed}</p>`;
      }
      default:
        return nothing;
    }
  }

  /** Names a missing required attribute once in the console and returns the message for the widget. */
  protected missingAttribute(attribute: string): TemplateResult {
    const tag = this.localName;
    errorOnce(`<${tag}> needs a "${attribute}" attribute.`);
    return html`<p class="notice error" role="alert" part="status">${this.common.t.missingAttribute(tag, attribute)}</p>`;
  }

  /** Fires a bubbling, composed `CustomEvent`; false when a listener cancelled it (see `events.ts`). */
  protected emit<K extends LenigEventName>(type: K, detail: DetailOf<K>, options?: EmitOptions): boolean {
    return emit(this, type, detail, options);
  }

  /** Fires `lenig-error` for the store method `operation`. */
  protected emitError(operation: string, error: StoreError): void {
    emitError(this, operation, error);
  }

  /**
   * A live store read kept open while the element is connected (see `SubscriptionController`), whose
   * failure is also fired as `lenig-error` with `operation` (the store method); call from a field
   * initializer. `open` is handed the `fail` to pass to the store.
   */
  protected subscribeStore<T, D extends readonly unknown[]>(
    operation: string,
    deps: () => D | undefined,
    open: (store: LenigStore, deps: D, next: (value: T) => void, fail: (error: StoreError) => void) => Unsubscribe,
  ): SubscriptionController<T, D> {
    return new SubscriptionController<T, D>(this, () => this.activeStore, deps, (store, values, next, fail) =>
      open(store, values, next, (error) => {
        fail(error);
        this.emitError(operation, error);
      }),
    );
  }

  /** A live "who is signed in" (null when signed out) on the element's store; call from a field initializer. */
  protected watchViewer(): SubscriptionController<Viewer | null, readonly []> {
    return new SubscriptionController<Viewer | null, readonly []>(
      this,
      () => this.activeStore,
      () => [] as const,
      (store, _deps, next) => store.subscribeViewer(next),
    );
  }

  /** A live "is the store connected" on the element's store; call from a field initializer. */
  protected watchConnection(): SubscriptionController<boolean, readonly []> {
    return new SubscriptionController<boolean, readonly []>(
      this,
      () => this.activeStore,
      () => [] as const,
      (store, _deps, next) => store.subscribeConnection(next),
    );
  }

  /** A localize controller for the element's own strings. */
  protected localize<T extends MessageTable>(messages: Messages<T>): LocalizeController<T> {
    return new LocalizeController(this, messages);
  }
}

/**
 * The longest a widget shows only a loading state without saying why; the Firebase store reports a
 * missing connection sooner (4 s), and a blocking content security policy is said at once.
 */
export const LOAD_NOTICE_MS = 8000;
let loggedWait = false;
