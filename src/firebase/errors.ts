/**
 * Firebase failures as the port's `StoreError`s: what the SDK and the server say, mapped to the codes the
 * widgets word (permission-denied, offline, validation-failed, unauthenticated, unknown).
 */
import { StoreError, isStoreError } from '../data/store.js';

/** Any failure of a Firebase call as a StoreError (a StoreError passes through). */
export function fromFirebaseError(e: unknown): StoreError {
  if (isStoreError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  const rawCode = (e as { code?: unknown } | null)?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  if (/permission.denied/i.test(code) || /permission.denied/i.test(message)) {
    return new StoreError('permission-denied', `The database refused this (${message}).`);
  }
  if (/client is offline|network/i.test(message)) return new StoreError('offline', message);
  // The SDK refuses paths and keys with `. # $ [ ]`, and paths past 768 bytes, before sending anything.
  if (/invalid path|invalid key|paths must be non-empty|too long|key too/i.test(message)) return new StoreError('validation-failed', message, 'path', 'invalid');
  if (code.startsWith('auth/')) return new StoreError('unauthenticated', message);
  return new StoreError('unknown', message);
}
