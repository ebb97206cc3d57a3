/**
 * Realtime Database keys and ids.
 *
 * A like target is any string (`post:{ch}:{id}` or a page URL), but a database key may not contain
 * `. $ # [ ] /` or control characters. `encodeKey` percent-encodes exactly those characters and `%` itself,
 * so every target maps to one valid key and `decodeKey(encodeKey(t)) === t` for every string `t`. Other
 * characters (letters, `:`, `?`, `&`, non-ASCII …) are left alone so keys stay readable in the console.
 */

// `%` must be encoded too, or a target that already contains `%2E` would decode to `.`.
// eslint-disable-next-line no-control-regex -- control characters are exactly what keys may not hold
const UNSAFE = /[.$#[\]/%\u0000-\u001f\u007f]/g;

/** The database key of a like target (or any string). */
export function encodeKey(target: string): string {
  return target.replace(UNSAFE, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** The string a key was made from. Only `%XX` sequences that `encodeKey` could have written are decoded. */
export function decodeKey(key: string): string {
  return key.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const PUSH_CHARS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
let lastTime = -1;
const lastRandom: number[] = [];

/**
 * A 20-character id in the style of RTDB push ids: 8 characters of time, then 12 random characters that
 * are incremented (not re-drawn) when two ids are made in the same millisecond. Ids therefore sort in
 * creation order as plain strings, which is what the database uses to break ties between equal
 * timestamps. Pass `time` to make an id for a seeded item with an explicit date.
 */
export function newId(time: number = Date.now()): string {
  const sameTime = time === lastTime;
  lastTime = time;
  let head = '';
  let t = time;
  for (let i = 0; i < 8; i++) {
    head = PUSH_CHARS.charAt(t % 64) + head;
    t = Math.floor(t / 64);
  }
  if (!sameTime) {
    for (let i = 0; i < 12; i++) lastRandom[i] = Math.floor(Math.random() * 64);
  } else {
    // Carry like an odometer so the new id is strictly greater than the previous one.
    let i = 11;
    for (; i >= 0 && lastRandom[i] === 63; i--) lastRandom[i] = 0;
    if (i >= 0) lastRandom[i]! += 1;
  }
  let tail = '';
  for (let i = 0; i < 12; i++) tail += PUSH_CHARS.charAt(lastRandom[i]!);
  return head + tail;
}

/**
 * The key of a notification, made from what caused it: `{type}:{channel}:{post}:{cause}`, where `cause` is
 * the actor for `liked`, `mentioned` and `assigned`, the comment's id for `commented` and the history
 * entry's id for `idea-status`. One cause can therefore give a recipient one notification, never more: the
 * database rules check that the key is exactly this. A repeated cause (liking again after an unlike,
 * assigning again) writes over the earlier notification instead of adding one. Ids cannot contain `:`, so
 * the parts cannot run into each other.
 */
export function notificationKey(type: string, channel: string, post: string, cause: string): string {
  return `${type}:${channel}:${post}:${cause}`;
}
