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
}

export interface EmitOptions {
  /** A request the page may refuse with `preventDefault()`. Default false (an outcome). */
  cancelable?: boolean;
}

/**
 * Fires a lenig event from `target`: bubbling and composed, so a listener on the page hears it through
 * every shadow root. Returns false when a listener cancelled it.
 */
export function emit<T>(target: EventTarget, type: string, detail: T, { cancelable = false }: EmitOptions = {}): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
}

/** Fires `lenig-error` from `target` for the store method `operation`. */
export function emitError(target: EventTarget, operation: string, error: StoreError): void {
  emit<LenigErrorDetail>(target, 'lenig-error', { operation, error });
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
  interface HTMLElementEventMap {
    'lenig-error': CustomEvent<LenigErrorDetail>;
  }
}
