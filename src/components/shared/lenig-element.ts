import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { watchPageState, type PageState } from '../../config/page.js';
import { storeContext } from '../../data/context.js';
import { SubscriptionController } from '../../controllers/subscription.js';
import { errorOnce } from '../../log.js';
import type { LenigStore, StoreError } from '../../data/store.js';
import type { Viewer } from '../../data/types.js';
import { LocalizeController, type Messages, type MessageTable } from '../../i18n/localize.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { emit, emitError, relay, type DetailOf, type EmitOptions, type LenigEventName } from './events.js';

/**
 * Base of the container elements: finds the store (from a `storeContext` provider, a `store` property, or
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

  protected readonly common = new LocalizeController(this, commonMessages);
  private stopWatching?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = watchPageState((page) => (this.page = page));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  /** The store in use, or undefined while there is none (yet). */
  protected get activeStore(): LenigStore | undefined {
    if (this.store) return this.store;
    return this.page.status === 'ready' ? this.page.store : undefined;
  }

  /**
   * A message when there is no store to use, else `nothing`: a loading line while the page is being
   * configured, the named problem when the configuration is wrong.
   */
  protected renderUnavailable(): TemplateResult | typeof nothing {
    if (this.activeStore) return nothing;
    const t = this.common.t;
    switch (this.page.status) {
      case 'waiting':
      case 'loading':
        return html`<p class="notice" role="status" part="status">${t.loading}</p>`;
      case 'unconfigured':
        return html`<p class="notice error" role="alert" part="status">${t.unconfigured}</p>`;
      case 'invalid': {
        const p = this.page.problems[0]!;
        return html`<p class="notice error" role="alert" part="status">
          ${p.problem === 'missing' ? t.missingField(p.field) : t.invalidField(p.field)}
        </p>`;
      }
      case 'failed':
        return html`<p class="notice error" role="alert" part="status">${t.connectFailed}</p>`;
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

  /**
   * Acts on a leaf's request the one way every container does: the request stops here, is fired again
   * (cancelable) from this element, and `act` runs only when the page did not call `preventDefault()`.
   */
  protected relay<K extends LenigEventName>(event: GlobalEventHandlersEventMap[K] & CustomEvent<DetailOf<K>>, act: (detail: DetailOf<K>) => void): boolean {
    return relay<K>(this, event, act);
  }

  /** Fires `lenig-error` for the store method `operation`. */
  protected emitError(operation: string, error: StoreError): void {
    emitError(this, operation, error);
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
