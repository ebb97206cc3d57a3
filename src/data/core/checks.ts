/**
 * The checks every store makes before writing or subscribing — the same ones `database.rules.json` makes
 * (not blank, `length <=`, ids that rules build paths from, keys of at most 768 bytes) — so a
 * refusal names its field and reason before any request, and every store refuses exactly what the
 * database would, with the same `StoreError`. Those of ids, user ids and like targets — all a like
 * needs; the checks of text, categories, mentions, page sizes and pictures are in ./input-checks.ts.
 */
import { encodeKey } from '../keys.js';
import { StoreError, type ValidationReason } from '../store.js';
import type { LikeTarget, UserId } from '../types.js';
import { ID_PATTERN, MAX_KEY_BYTES, UID_PATTERN } from './limits.js';

export function invalid(field: string, reason: ValidationReason, message: string): StoreError {
  return new StoreError('validation-failed', message, field, reason);
}

export function notFound(what: string): StoreError {
  return new StoreError('not-found', `${what} does not exist.`);
}

/** A channel, post, comment or notification id: `[A-Za-z0-9_-]{1,64}`, as the rules require. */
export function checkId(field: string, id: unknown): string {
  if (typeof id !== 'string' || id === '') throw invalid(field, 'required', `${field} is required.`);
  if (!ID_PATTERN.test(id)) throw invalid(field, 'invalid', `${field} "${id.slice(0, 80)}" is not a valid id (letters, digits, - and _, at most 64).`);
  return id;
}

/** A user id: `[A-Za-z0-9_-]{1,128}`. */
export function checkUid(field: string, uid: unknown): UserId {
  if (typeof uid !== 'string' || uid === '') throw invalid(field, 'required', `${field} is required.`);
  if (!UID_PATTERN.test(uid)) throw invalid(field, 'invalid', `${field} "${uid.slice(0, 80)}" is not a valid user id.`);
  return uid;
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * A like target must be a non-empty string whose key — and whose longest path, `userLikes/{uid}/{key}` —
 * fits the database; returns the key. Without `uid` only the key itself is measured.
 */
export function checkTarget(target: LikeTarget, uid?: UserId): string {
  if (typeof target !== 'string' || target === '') throw invalid('target', 'required', 'A like target is required.');
  const key = encodeKey(target);
  const longest = uid === undefined ? key : `userLikes/${uid}/${key}`;
  if (bytes(key) > MAX_KEY_BYTES || bytes(longest) > MAX_KEY_BYTES) throw invalid('target', 'too-long', 'The like target is too long.');
  // `post:…` is the form of a post's target; one that does not name a channel and a post is no target.
  if (target.startsWith('post:') && !/^post:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/.test(target)) {
    throw invalid('target', 'invalid', `"${target.slice(0, 80)}" is not a post's like target.`);
  }
  return key;
}

/**
 * Checks a subscription's input first: a bad id or query is reported through `onError` once (after the
 * caller has its unsubscribe function), and nothing is subscribed. Otherwise `start()`.
 */
export function checkedSubscription(check: () => void, onError: ((e: StoreError) => void) | undefined, start: () => () => void): () => void {
  try {
    check();
  } catch (e) {
    let active = true;
    queueMicrotask(() => active && onError?.(e as StoreError));
    return () => (active = false);
  }
  return start();
}
