import { isStoreError, StoreError } from '../../data/store.js';
import type { commonMessages } from '../../i18n/messages/common.js';

type CommonText = (typeof commonMessages)['en'];

/**
 * Detail of `lenig-error`, the one failure event every widget fires: which store method failed
 * (`createPost`, `like`, `subscribeFeed`, `signIn` …) and the store's reason.
 */
export interface LenigErrorDetail {
  /** The name of the store method that failed. */
  operation: string;
  error: StoreError;
  /**
   * What the person wrote, when it was refused after the widget had let go of it: a comment written
   * offline and refused once the connection was back (its box may have closed meanwhile). The page may
   * keep it for them.
   */
  text?: string;
}

export interface EmitOptions {
  /** A request the page may refuse with `preventDefault()`. Default false (an outcome). */
  cancelable?: boolean;
}

/** The names of lenig's events: every `lenig-…` key of `GlobalEventHandlersEventMap`. */
export type LenigEventName = Extract<keyof GlobalEventHandlersEventMap, `lenig-${string}`>;

/** The detail type of a lenig event. */
export type DetailOf<K extends LenigEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fires a lenig event from `target`: bubbling and composed, so a listener on the page hears it through
 * every shadow root. Returns false when a listener cancelled it. Every lenig event goes through here,
 * typed by its entry in `GlobalEventHandlersEventMap`.
 */
export function emit<K extends LenigEventName>(target: EventTarget, type: K, detail: DetailOf<K>, { cancelable = false }: EmitOptions = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/** Fires `lenig-error` from `target` for the store method `operation`. */
export function emitError(target: EventTarget, operation: string, error: StoreError): void {
  emit(target, 'lenig-error', { operation, error });
}

/** Whatever a store call threw, as a StoreError (code `unknown` when it was not one already). */
export function toStoreError(e: unknown): StoreError {
  return isStoreError(e) ? e : new StoreError('unknown', e instanceof Error ? e.message : String(e));
}

/**
 * The sentence for the failures every widget words the same way (not allowed, signed out, offline), or
 * undefined for the others, which each widget names in its own terms.
 */
export function commonReason(error: unknown, t: CommonText): string | undefined {
  if (!isStoreError(error)) return undefined;
  switch (error.code) {
    case 'permission-denied':
      return t.permissionDenied;
    case 'unauthenticated':
      return t.signInToContinue;
    case 'offline':
      return t.offline;
    default:
      return undefined;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lenig-error': CustomEvent<LenigErrorDetail>;
  }
}
