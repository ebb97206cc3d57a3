/**
 * Profiles and who may do what: the @mention name search, the stored profile with its search fields,
 * the permission checks every store makes (with the same messages), and who hears of an idea's status.
 */
import { StoreError } from '../store.js';
import type { Profile, UserId } from '../types.js';
import { checkPhotoURL, checkText } from './input-checks.js';
import { MAX_NAME_LENGTH, MAX_PROFILE_FIELD_LENGTH } from './limits.js';
import { PROFILE_FIELDS, type PostRecord, type ProfileRecord } from './records.js';

/** Profile fields holding the name from its 2nd, 3rd and 4th word on, so a search finds any word. */
export const NAME_FROM = ['nameFrom2', 'nameFrom3', 'nameFrom4'] as const;
/** Every field a name search orders by. */
export const NAME_SEARCH_FIELDS = ['nameLower', ...NAME_FROM] as const;

/** The search text for a prefix: trimmed, lower-cased; empty means "search nothing". */
export function searchKey(prefix: unknown): string {
  return typeof prefix === 'string' ? prefix.trim().toLowerCase() : '';
}

/** Whether a name matches a search key: the whole name, or any later word, starts with it. */
export function nameMatches(name: string, key: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith(key) || n.split(/\s+/).slice(1).some((w) => w.startsWith(key));
}

/** Search results in display order (name, then uid), at most `limit`. */
export function rankProfiles(found: Iterable<Profile>, key: string, limit: number): Profile[] {
  return [...found]
    .filter((p) => nameMatches(p.name, key))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.uid < b.uid ? -1 : 1))
    .slice(0, limit);
}

/** A profile as stored, with its search fields; validates every field first. */
export function profileRecord(profile: Omit<Profile, 'uid'>): ProfileRecord {
  const name = checkText('name', profile?.name, MAX_NAME_LENGTH);
  const nameLower = name.toLowerCase();
  const stored: ProfileRecord = { name, nameLower };
  // The name from its 2nd, 3rd and 4th word on: "jan" finds "Pieter Jansen".
  const starts = [...nameLower.matchAll(/\S+/g)].map((m) => m.index);
  NAME_FROM.forEach((field, i) => {
    const start = starts[i + 1];
    if (start !== undefined) stored[field] = nameLower.slice(start);
  });
  for (const k of PROFILE_FIELDS) {
    const v = profile[k];
    if (v !== undefined && v !== '') stored[k] = k === 'photoURL' ? checkPhotoURL(v) : checkText(k, v, MAX_PROFILE_FIELD_LENGTH, false);
  }
  return stored;
}

// --- permissions --------------------------------------------------------------------------------------

/** Signed in, or `unauthenticated`. */
export function requireSignedIn(uid: UserId | null | undefined): UserId {
  if (!uid) throw new StoreError('unauthenticated', 'Sign in first.');
  return uid;
}

/** Only a post's author edits or deletes it. */
export function requireAuthor(post: PostRecord, uid: UserId, action: 'edit' | 'delete'): void {
  if (post.author !== uid) throw new StoreError('permission-denied', `Only the author can ${action} a post.`);
}

/** Only admins hide posts. */
export function requireAdmin(admin: boolean, action: string): void {
  if (!admin) throw new StoreError('permission-denied', `Only admins can ${action}.`);
}

/** An idea's status and owner are the owner's or an admin's to change. */
export function requireIdeaManager(idea: PostRecord, uid: UserId, admin: boolean, action: 'change its status' | 'assign it'): void {
  if (idea.owner !== uid && !admin) throw new StoreError('permission-denied', `Only the idea's owner or an admin can ${action}.`);
}

/**
 * Merging pools other people's votes into another idea, which only admins may write (the rules refuse
 * anyone else's hand on someone's like), so merging is for admins — also for the idea's owner, who could
 * otherwise merge only ideas nobody voted for.
 */
export function requireMerger(admin: boolean): void {
  if (!admin) throw new StoreError('permission-denied', 'Only an admin can merge ideas.');
}

/** Who hears of an idea's new status: its author and everyone who voted, except whoever made the change. */
export function ideaStatusRecipients(author: UserId, voters: Iterable<UserId>, actor: UserId): UserId[] {
  const to = new Set([author, ...voters]);
  to.delete(actor);
  return [...to];
}
