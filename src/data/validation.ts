/**
 * The checks both stores make before writing — the same ones `database.rules.json` makes
 * (`!matches(/^\s*$/)`, `length <=`, keys of at most 768 bytes) — so a refusal names its field and
 * reason before any request, and the in-memory store refuses exactly what the database would.
 */
import { encodeKey } from './keys.js';
import { StoreError, type ValidationReason } from './store.js';
import type { LikeTarget } from './types.js';

export function invalid(field: string, reason: ValidationReason, message: string): StoreError {
  return new StoreError('validation-failed', message, field, reason);
}

/** A string of at most `max` characters, not blank when `required`; returned as given. */
export function checkText(field: string, text: unknown, max: number, required = true): string {
  if (typeof text !== 'string') throw invalid(field, 'invalid', `${field} must be a string.`);
  if (required && !/\S/.test(text)) throw invalid(field, 'required', `${field} is required.`);
  if (text.length > max) throw invalid(field, 'too-long', `${field} is longer than ${max} characters.`);
  return text;
}

/** A like target must be a non-empty string whose key fits the database; returns that key. */
export function checkTarget(target: LikeTarget): string {
  if (typeof target !== 'string' || target === '') throw invalid('target', 'required', 'A like target is required.');
  const key = encodeKey(target);
  if (new TextEncoder().encode(key).length > 768) throw invalid('target', 'too-long', 'The like target is too long.');
  return key;
}
