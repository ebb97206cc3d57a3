/**
 * The checks of what people write and ask for — text, categories, mentions, page sizes, pictures — as
 * `database.rules.json` makes them (./checks.ts has those of ids and like targets, which every store needs).
 */
import { isBlank } from '../text.js';
import type { CategoryId, UserId } from '../types.js';
import { invalid } from './checks.js';
import { DEFAULT_PAGE_SIZE, MAX_MENTIONS, MAX_PAGE_SIZE, UID_PATTERN } from './limits.js';

/** A string of at most `max` characters, not blank when `required`; returned as given. */
export function checkText(field: string, text: unknown, max: number, required = true): string {
  if (typeof text !== 'string') throw invalid(field, 'invalid', `${field} must be a string.`);
  if (required && isBlank(text)) throw invalid(field, 'required', `${field} is required.`);
  if (text.length > max) throw invalid(field, 'too-long', `${field} is longer than ${max} characters.`);
  return text;
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
