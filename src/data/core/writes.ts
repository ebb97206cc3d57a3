/**
 * What every command's plan is made of — `Writes`, the server-time and increment markers, notifications,
 * stat paths, the archived-channel check — and the two commands a page with only like buttons makes, like
 * and unlike. Kept apart from the other commands (./commands.ts) so that page's store loads only this.
 */
import { notificationKey } from '../keys.js';
import { parsePostTarget } from '../types.js';
import type { ChannelId, IdeaStatus, LikeState, LikeTarget, NotificationType, UserId } from '../types.js';
import { StoreError } from '../store.js';
import { notFound } from './checks.js';
import type { ChannelRecord, PostRecord } from './records.js';

/** "The server's clock at the moment the write is applied": `ServerValue.TIMESTAMP`, `serverTimestamp()`. */
export const SERVER_TIME: unique symbol = Symbol.for('lenig.serverTime');
export type ServerTime = typeof SERVER_TIME;

/** "Add `by` to the number stored here (0 when nothing is)", applied atomically by the server. */
export interface Increment {
  readonly increment: number;
}
export const increment = (by: number): Increment => Object.freeze({ increment: by });
export const isIncrement = (v: unknown): v is Increment => typeof v === 'object' && v !== null && typeof (v as Increment).increment === 'number' && Object.keys(v).length === 1;

/** A value to write: `null` deletes; objects replace what is at the path. */
export type WriteValue = null | boolean | number | string | ServerTime | Increment | { readonly [key: string]: WriteValue };

/** Path → value, applied together or not at all. */
export type Writes = Record<string, WriteValue>;

/** What a command writes, and what it answers once written (the new id, when it makes one). */
export interface Plan<T = void> {
  writes: Writes;
  result: T;
}

/** The month a post counts in (`YYYY-MM`, UTC) for a server time. */
export function monthOf(serverTime: number): string {
  return new Date(serverTime).toISOString().slice(0, 7);
}

/**
 * A notification, written by whoever causes it, in the write that causes it (the rules check the cause).
 * Its key follows from the cause (`notificationKey`): one cause gives a recipient one notification.
 * `cause` is the actor for `liked`, `mentioned` and `assigned`, the comment's id for `commented` and the
 * history entry's id for `idea-status`.
 */
export function notificationWrite(
  to: UserId,
  type: NotificationType,
  actor: UserId,
  channel: ChannelId,
  post: string,
  cause: string = actor,
  extra: { status?: IdeaStatus; note?: string } = {},
): Writes {
  return { [`notifications/${to}/${notificationKey(type, channel, post, cause)}`]: { type, actor, channel, post, createdAt: SERVER_TIME, read: false, ...extra } };
}

export const statPath = (channel: ChannelId, month: string, category: string) => `stats/${channel}/${month}/${category}`;

/**
 * An archived channel is read-only: no new posts, edits, comments, likes or unlikes (the rules refuse them
 * too); so is one that no longer exists (`null`: an admin deleted its record and its posts stayed), where
 * the rules allow only cleanup. `undefined`: the channel is not known, and the rules decide.
 */
export function requireOpenChannel(channelId: ChannelId, channel: ChannelRecord | null | undefined): void {
  if (channel === null) throw new StoreError('permission-denied', `Channel ${channelId} no longer exists: its posts can be read, not written to.`);
  if (channel?.archived === true) throw new StoreError('permission-denied', `Channel ${channelId} is archived: it can be read, not written to.`);
}

/**
 * A target's like state as every store hands it over; `channel` is the record of a post target's channel
 * (null when there is none, undefined for other targets or when it could not be read): an archived one
 * makes the state `archived`, a missing one `archived` and `channelDeleted`.
 */
export function likeState(target: LikeTarget, count: number, mine: boolean, likers: UserId[], channel: ChannelRecord | null | undefined): LikeState {
  const state: LikeState = { target, count, mine, likers };
  if (channel === null) state.archived = state.channelDeleted = true;
  else if (channel?.archived === true) state.archived = true;
  return state;
}

/**
 * A like. `key` is `checkTarget(target, uid)`; `post` is the liked post for a post target (null when it
 * does not exist) and ignored otherwise; `channel` its channel when the store knows it (an archived one
 * refuses the like). Liking again is a no-op (`liked`): empty writes.
 */
export function planLike(uid: UserId, target: LikeTarget, key: string, liked: boolean, post: PostRecord | null | undefined, channel?: ChannelRecord | null): Plan {
  if (liked) return { writes: {}, result: undefined };
  // `lastLike` names this like: the rules allow one new like per write (docs/rules.md).
  let writes: Writes = { [`likes/${key}/${uid}`]: SERVER_TIME, [`userLikes/${uid}/${key}`]: true, [`lastLike/${uid}`]: key };
  const pt = parsePostTarget(target);
  if (pt) {
    if (!post) throw notFound(`Post ${pt.post} in ${pt.channel}`);
    requireOpenChannel(pt.channel, channel);
    const stat = statPath(pt.channel, post.month, post.category);
    writes[`posts/${pt.channel}/${pt.post}/likeCount`] = increment(1);
    writes[`${stat}/likes`] = increment(1);
    writes[`${stat}/cause`] = pt.post;
    if (post.author !== uid) writes = { ...writes, ...notificationWrite(post.author, 'liked', uid, pt.channel, pt.post) };
  } else {
    writes[`likeCounts/${key}`] = increment(1);
  }
  return { writes, result: undefined };
}

/**
 * An unlike; a no-op when not liked. A deleted post took its count with it: only the like is withdrawn
 * (also in an archived channel, where a post's count stays as it is).
 */
export function planUnlike(uid: UserId, target: LikeTarget, key: string, liked: boolean, post: PostRecord | null | undefined, channel?: ChannelRecord | null): Plan {
  if (!liked) return { writes: {}, result: undefined };
  const writes: Writes = { [`likes/${key}/${uid}`]: null, [`userLikes/${uid}/${key}`]: null };
  const pt = parsePostTarget(target);
  if (pt) {
    if (post) {
      requireOpenChannel(pt.channel, channel);
      const stat = statPath(pt.channel, post.month, post.category);
      writes[`posts/${pt.channel}/${pt.post}/likeCount`] = increment(-1);
      writes[`${stat}/likes`] = increment(-1);
      writes[`${stat}/cause`] = pt.post;
    }
  } else {
    writes[`likeCounts/${key}`] = increment(-1);
  }
  return { writes, result: undefined };
}

