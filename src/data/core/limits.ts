/**
 * Limits every store keeps, and the rules too (`rules/database.rules.src.mjs` repeats them). Text limits
 * that widgets show (post, comment, title, note, reason) live in `../types.ts`.
 */

/** How many likers `LikeState.likers` lists, and `getLikers` returns by default. */
export const MAX_LIKERS = 5;
/** Longest profile name. */
export const MAX_NAME_LENGTH = 100;
/** Longest other profile field (photo URL, job title, department). */
export const MAX_PROFILE_FIELD_LENGTH = 500;
/** Newest notifications kept in view. */
export const NOTIFICATION_LIMIT = 100;
/** Posts per feed page when the query names none. */
export const DEFAULT_PAGE_SIZE = 20;
/** Most posts per feed page a query may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Longest database key, and longest path, in UTF-8 bytes (a Realtime Database limit). */
export const MAX_KEY_BYTES = 768;
/** Most people `mentions` may name in one post. */
export const MAX_MENTIONS = 50;
/** Channel, post, comment and notification ids: what rules may build paths from. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** User ids (Firebase Auth uids, custom-token uids). */
export const UID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
