import type { StoreErrorCode } from '../../data/store.js';
import { logError } from '../../log.js';
import { emitError, toStoreError } from './events.js';

/**
 * The sentences a widget says a failed action with, one for each kind of failure: what happened and what
 * to do about it, in the reader's language. A message table that has these keys is one.
 */
export interface FailureText {
  /** The service refused (`permission-denied`). */
  refused: string;
  /** The viewer is no longer signed in (`unauthenticated`). */
  signedOut: string;
  /** The service could not be reached (`offline`). */
  unreachable: string;
  /** What the action was about no longer exists (`not-found`). */
  gone: string;
  /** The service did not accept the input (`validation-failed`). */
  invalid: string;
  /** Anything else (`unknown`). */
  failed: string;
}

/**
 * A failed action, for everyone who needs to know: `lenig-error` from `host` and the console get the
 * store's own message (technical, in English, sometimes the database's verbatim, such as
 * "PERMISSION_DENIED: …"); the returned sentence, from `t`, is what a person reads.
 */
export function sayFailure(host: EventTarget, operation: string, e: unknown, t: FailureText): string {
  const error = toStoreError(e);
  logError(`${operation} failed — ${error.message}`);
  emitError(host, operation, error);
  return t[KIND[error.code]];
}

/** Which sentence says each kind of failure. */
const KIND: Record<StoreErrorCode, keyof FailureText> = {
  'permission-denied': 'refused',
  unauthenticated: 'signedOut',
  offline: 'unreachable',
  'not-found': 'gone',
  'validation-failed': 'invalid',
  unknown: 'failed',
};
