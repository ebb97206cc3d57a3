/**
 * The checks every store makes before writing or subscribing — the same ones `database.rules.json` makes
 * (not blank, `length <=`, ids that rules build paths from, keys of at most 768 bytes) — so a
 * refusal names its field and reason before any request, and every store refuses exactly what the
 * database would, with the same `StoreError`.
 */
import { encodeKey } from '../keys.js';
import { isBlank } from '../text.js';
import { StoreError, type ValidationReason } from '../store.js';
import type { CategoryId, LikeTarget, UserId } from '../types.js';
import { DEFAULT_PAGE_SIZE, ID_PATTERN, MAX_KEY_BYTES, MAX_MENTIONS, MAX_PAGE_SIZE, UID_PATTERN } from './limits.js';

export function invalid(field: string, reason: ValidationReason, message: string): StoreError {
  return new StoreError('validation-failed', message, field, reason);
}

export function notFound(what: string): StoreError {
  return new StoreError('not-found', `${what} does not exist.`);
}

/** A string of at most `max` characters, not blank when `required`; returned as given. */
export function checkText(field: string, text: unknown, max: number, required = true): string {
  if (typeof text !== 'string') throw invalid(field, 'invalid', `${field} must be a string.`);
  if (required && isBlank(text)) throw invalid(field, 'required', `${field} is required.`);
  if (text.length > max) throw invalid(field, 'too-long', `${field} is longer than ${max} characters.`);
  return text;
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

/** Whether `uid` could be a user id (for filtering lists such as mentions, where bad entries are dropped). */
export function isUid(uid: unknown): uid is UserId {
  return typeof uid === 'string' && UID_PATTERN.test(uid);
}

/** A category key as channels declare them: `[a-z0-9-]{1,32}`. */
export function checkCategory(category: unknown): CategoryId {
  if (typeof category !== 'string' || category === '') throw invalid('category', 'required', 'A category is required.');
  if (!/^[a-z0-9-]{1,32}$/.test(category)) throw invalid('category', 'unknown-category', `"${category.slice(0, 80)}" is not a category.`);
  return category;
}

/** A feed's page size: a whole number from 1 to `MAX_PAGE_SIZE`; undefined means the default. */
export function checkPageSize(pageSize: unknown): number {
  if (pageSize === undefined) return DEFAULT_PAGE_SIZE;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw invalid('pageSize', 'invalid', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return pageSize;
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
 * The people a post mentions, as given: an array of user ids. A string or anything else is refused (it
 * would be read letter by letter); entries that cannot be user ids, duplicates and the author are dropped.
 * Whether each is an existing profile is for the store to check (`planCreatePost` takes the answer).
 */
export function checkMentions(mentions: unknown, author: UserId): UserId[] {
  if (mentions === undefined || mentions === null) return [];
  if (!Array.isArray(mentions)) throw invalid('mentions', 'invalid', 'mentions must be an array of user ids.');
  const out = [...new Set(mentions.filter(isUid))].filter((m) => m !== author);
  if (out.length > MAX_MENTIONS) throw invalid('mentions', 'too-long', `A post may mention at most ${MAX_MENTIONS} people.`);
  return out;
}

/**
 * A profile picture's address: `https:` (no mixed content, no `data:` or `javascript:`), without a user
 * name or password before the host, at most 500 characters — what the database rules accept.
 */
export function checkPhotoURL(url: unknown): string {
  const v = checkText('photoURL', url, 500, false);
  if (v !== '' && !/^https:\/\/[^/?#@]+([/?#].*)?$/s.test(v)) {
    throw invalid('photoURL', 'invalid', 'A picture must be an https: address.');
  }
  return v;
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
