/**
 * Commands as data. Each `plan…` function takes what the store has read (the post, whether the viewer is
 * an admin, who voted …), checks permissions and input with the same errors on every store, and returns
 * the `Writes` the command makes: one path per value, applied together, all or nothing — what the rules
 * check as one write. A store only applies them: the Realtime Database store as one multi-path `update()`
 * (markers become `increment()` / `serverTimestamp()`), the in-memory store to its tree, a document store
 * by mapping each path to a document field.
 *
 * Paths are those of docs/data-layout.md, split into segments by `/`; every segment that comes from input
 * has been checked (`checkId`, `checkUid`, `checkTarget`) before it is put in a path.
 */
import { encodeKey } from '../keys.js';
import { postTarget, IDEA_STATUSES, MAX_COMMENT_LENGTH, MAX_NOTE_LENGTH, MAX_POST_LENGTH, MAX_REASON_LENGTH, MAX_TITLE_LENGTH } from '../types.js';
import type { ChannelId, IdeaStatus, UserId } from '../types.js';
import type { NewPost } from '../store.js';
import { checkId, checkUid, invalid, notFound } from './checks.js';
import { checkCategory, checkMentions, checkText } from './input-checks.js';
import { ideaStatusRecipients, requireAdmin, requireAuthor, requireIdeaManager, requireMerger } from './people.js';
import { isIdeaRecord, type ChannelRecord, type PostRecord } from './records.js';
import { SERVER_TIME, increment, monthOf, notificationWrite, requireOpenChannel, statPath, type Plan, type WriteValue, type Writes } from './writes.js';

// --- posts --------------------------------------------------------------------------------------------

export interface CreatePostInput {
  uid: UserId;
  post: NewPost;
  /** The post's id, chosen by the client (so a lost acknowledgement can be read back). */
  id: string;
  /** The server's time now, as well as the client knows it: the month the post counts in. */
  now: number;
  /** The channel, when the store knows it already; undefined skips the category check (the rules make it). */
  channel?: ChannelRecord | null;
  /** Which of the checked mentions are existing profiles; undefined: the store has not looked (no one is notified). */
  mentionable?: (uid: UserId) => boolean;
}

/** The input checks of a new post, without the channel: text, category, title, mentions. */
export function checkNewPost(uid: UserId, post: NewPost): { text: string; category: string; title?: string; mentions: UserId[] } {
  if (typeof post !== 'object' || post === null) throw invalid('post', 'required', 'A post is required.');
  checkId('channel', post.channel);
  const text = checkText('text', post.text, MAX_POST_LENGTH);
  const category = checkCategory(post.category);
  const title = category === 'idea' ? checkText('title', post.title ?? '', MAX_TITLE_LENGTH) : undefined;
  const mentions = checkMentions(post.mentions, uid);
  return title === undefined ? { text, category, mentions } : { text, category, title, mentions };
}

export function planCreatePost(input: CreatePostInput): Plan<string> {
  const { uid, post, id, now } = input;
  const { text, category, title, mentions } = checkNewPost(uid, post);
  checkChannelCategory(post.channel, input.channel, category);
  const month = monthOf(now);
  const stored: Record<string, WriteValue> = {
    author: uid,
    text,
    category,
    createdAt: SERVER_TIME,
    month,
    byCat: { [category]: SERVER_TIME },
    likeCount: 0,
    commentCount: 0,
  };
  if (title !== undefined) {
    stored.title = title;
    stored.status = 'new';
  }
  const stat = statPath(post.channel, month, category);
  let writes: Writes = {
    [`posts/${post.channel}/${id}`]: stored,
    [`${stat}/posts`]: increment(1),
    [`${stat}/cause`]: id,
  };
  const mentionable = input.mentionable;
  for (const m of mentionable ? mentions.filter(mentionable) : []) {
    writes = { ...writes, ...notificationWrite(m, 'mentioned', uid, post.channel, id) };
  }
  return { writes, result: id };
}

/** Refuses a channel that does not exist, or a category it does not offer (when the channel is known). */
export function checkChannelCategory(channelId: ChannelId, channel: ChannelRecord | null | undefined, category: string): void {
  if (channel === undefined) return;
  if (channel === null) throw notFound(`Channel ${channelId}`);
  requireOpenChannel(channelId, channel);
  if (!Object.hasOwn(channel.categories ?? {}, category)) {
    throw invalid('category', 'unknown-category', `${category} is not a category of ${channelId}.`);
  }
}

/** `channel`: the post's channel when the store knows it (an archived one refuses the edit). */
export function planEditPost(uid: UserId, channel: ChannelId, postId: string, post: PostRecord | null, text: string, channelRecord?: ChannelRecord | null): Plan {
  checkPostAddress(channel, postId);
  const checked = checkText('text', text, MAX_POST_LENGTH);
  if (!post) throw notFound(`Post ${postId} in ${channel}`);
  requireAuthor(post, uid, 'edit');
  requireOpenChannel(channel, channelRecord);
  return { writes: { [`posts/${channel}/${postId}/text`]: checked, [`posts/${channel}/${postId}/editedAt`]: SERVER_TIME }, result: undefined };
}

export function planDeletePost(uid: UserId, channel: ChannelId, postId: string, post: PostRecord | null): Plan {
  checkPostAddress(channel, postId);
  if (!post) throw notFound(`Post ${postId} in ${channel}`);
  requireAuthor(post, uid, 'delete');
  const stat = statPath(channel, post.month, post.category);
  // Likes stay (they are the likers' own); the post's comments and history go with it, and it leaves
  // its month's stat with its likes, so the later unlike of a deleted post needs no count (the rules
  // require both).
  const writes: Writes = {
    [`posts/${channel}/${postId}`]: null,
    [`comments/${channel}/${postId}`]: null,
    [`ideaHistory/${channel}/${postId}`]: null,
    [`${stat}/posts`]: increment(-1),
    [`${stat}/cause`]: postId,
  };
  if (post.likeCount) writes[`${stat}/likes`] = increment(-post.likeCount);
  return { writes, result: undefined };
}

export function planHidePost(channel: ChannelId, postId: string, post: PostRecord | null, admin: boolean, hidden: boolean): Plan {
  checkPostAddress(channel, postId);
  if (typeof hidden !== 'boolean') throw invalid('hidden', 'invalid', 'hidden must be true or false.');
  if (!post) throw notFound(`Post ${postId} in ${channel}`);
  requireAdmin(admin, 'hide posts');
  return { writes: { [`posts/${channel}/${postId}/hidden`]: hidden }, result: undefined };
}

/**
 * A report of a post, or of one of its comments (`comment`; `commentText` is that comment's text as the
 * store found it, null when it found none, undefined when it did not look). The report holds the reported
 * text as it is now (`text`), so an edit or deletion afterwards does not change what the admins read; the
 * rules refuse a report whose text is not the one stored.
 */
export function planReport(
  uid: UserId,
  channel: ChannelId,
  postId: string,
  post: PostRecord | null | undefined,
  reason: string,
  id: string,
  comment?: string,
  commentText?: string | null,
): Plan {
  checkPostAddress(channel, postId);
  if (comment !== undefined) checkId('comment', comment);
  const checked = checkText('reason', reason, MAX_REASON_LENGTH, false);
  if (post === null) throw notFound(`Post ${postId} in ${channel}`);
  if (comment !== undefined && commentText === null) throw notFound(`Comment ${comment}`);
  const record: Record<string, WriteValue> = { channel, post: postId, by: uid, reason: checked, createdAt: SERVER_TIME };
  if (comment !== undefined) record.comment = comment;
  const text = comment !== undefined ? commentText : post?.text;
  if (typeof text === 'string') record.text = text;
  return { writes: { [`reports/${id}`]: record }, result: undefined };
}

/** Channel and post ids that can stand in a path. */
export function checkPostAddress(channel: ChannelId, postId: string): void {
  checkId('channel', channel);
  checkId('post', postId);
}

// --- comments -----------------------------------------------------------------------------------------

export function planComment(
  uid: UserId,
  channel: ChannelId,
  postId: string,
  post: PostRecord | null,
  text: string,
  id: string,
  channelRecord?: ChannelRecord | null,
): Plan<string> {
  checkPostAddress(channel, postId);
  const checked = checkText('text', text, MAX_COMMENT_LENGTH);
  if (!post) throw notFound(`Post ${postId} in ${channel}`);
  requireOpenChannel(channel, channelRecord);
  let writes: Writes = {
    [`comments/${channel}/${postId}/${id}`]: { author: uid, text: checked, createdAt: SERVER_TIME },
    [`posts/${channel}/${postId}/commentCount`]: increment(1),
    // Names the comment the count goes up for, so the rules can tie the two together.
    [`posts/${channel}/${postId}/lastComment`]: id,
  };
  if (post.author !== uid) writes = { ...writes, ...notificationWrite(post.author, 'commented', uid, channel, postId, id) };
  return { writes, result: id };
}

// --- likes: planLike and planUnlike are in ./writes.ts ------------------------------------------------

// --- ideas --------------------------------------------------------------------------------------------

function requireIdea(channel: ChannelId, ideaId: string, idea: PostRecord | null): PostRecord {
  if (!idea || !isIdeaRecord(idea)) throw notFound(`Idea ${ideaId} in ${channel}`);
  return idea;
}

export interface IdeaStatusInput {
  uid: UserId;
  admin: boolean;
  channel: ChannelId;
  ideaId: string;
  idea: PostRecord | null;
  status: IdeaStatus;
  note: string;
  /** Who voted for the idea (`likes/{key}` keys). */
  voters: Iterable<UserId>;
  entryId: string;
}

export function planSetIdeaStatus(input: IdeaStatusInput): Plan {
  const { uid, channel, ideaId, status, note } = input;
  checkPostAddress(channel, ideaId);
  const idea = requireIdea(channel, ideaId, input.idea);
  requireIdeaManager(idea, uid, input.admin, 'change its status');
  if (!(IDEA_STATUSES as readonly string[]).includes(status)) throw invalid('status', 'invalid', `${String(status)} is not an idea status.`);
  const checkedNote = checkText('note', note, MAX_NOTE_LENGTH);
  let writes: Writes = {
    [`ideaHistory/${channel}/${ideaId}/${input.entryId}`]: { status, note: checkedNote, by: uid, at: SERVER_TIME },
    [`posts/${channel}/${ideaId}/status`]: status,
    [`posts/${channel}/${ideaId}/statusEntry`]: input.entryId,
  };
  for (const to of ideaStatusRecipients(idea.author, input.voters, uid)) {
    writes = { ...writes, ...notificationWrite(to, 'idea-status', uid, channel, ideaId, input.entryId, { status, note: checkedNote }) };
  }
  return { writes, result: undefined };
}

export function planAssignIdea(uid: UserId, admin: boolean, channel: ChannelId, ideaId: string, idea: PostRecord | null, owner: UserId): Plan {
  checkPostAddress(channel, ideaId);
  const found = requireIdea(channel, ideaId, idea);
  requireIdeaManager(found, uid, admin, 'assign it');
  checkUid('owner', owner);
  if (found.owner === owner) return { writes: {}, result: undefined };
  let writes: Writes = { [`posts/${channel}/${ideaId}/owner`]: owner };
  if (owner !== uid) writes = { ...writes, ...notificationWrite(owner, 'assigned', uid, channel, ideaId) };
  return { writes, result: undefined };
}

export interface MergeInput {
  admin: boolean;
  channel: ChannelId;
  ideaId: string;
  intoId: string;
  from: PostRecord | null;
  into: PostRecord | null;
  /** Voters of `ideaId` and of `intoId`. */
  fromVoters: Iterable<UserId>;
  intoVoters: Iterable<UserId>;
}

/**
 * Pools the votes: everyone who voted for `ideaId` and not yet for `intoId` now votes for `intoId`, and
 * `ideaId` points at `intoId`.
 */
export function planMergeIdea(input: MergeInput): Plan {
  const { channel, ideaId, intoId } = input;
  checkPostAddress(channel, ideaId);
  checkId('into', intoId);
  requireIdea(channel, ideaId, input.from);
  const into = requireIdea(channel, intoId, input.into);
  requireMerger(input.admin);
  if (ideaId === intoId) throw invalid('into', 'invalid', 'An idea cannot be merged into itself.');
  const intoKey = encodeKey(postTarget(channel, intoId));
  const already = new Set(input.intoVoters);
  const pooled = [...input.fromVoters].filter((v) => !already.has(v));
  const writes: Writes = { [`posts/${channel}/${ideaId}/mergedInto`]: intoId };
  for (const v of pooled) {
    writes[`likes/${intoKey}/${v}`] = SERVER_TIME;
    writes[`userLikes/${v}/${intoKey}`] = true;
  }
  if (pooled.length) {
    writes[`posts/${channel}/${intoId}/likeCount`] = increment(pooled.length);
    writes[`${statPath(channel, into.month, into.category)}/likes`] = increment(pooled.length);
  }
  return { writes, result: undefined };
}

// --- notifications ------------------------------------------------------------------------------------

/** Marks `ids` (or all) of the viewer's unread notifications read. */
export function planMarkRead(uid: UserId, mine: Iterable<[string, { read?: boolean }]>, ids: string[] | 'all'): Plan {
  if (ids !== 'all' && !Array.isArray(ids)) throw invalid('ids', 'invalid', 'ids must be a list of notification ids or "all".');
  const writes: Writes = {};
  for (const [id, n] of mine) {
    if (!n.read && (ids === 'all' || ids.includes(id))) writes[`notifications/${uid}/${id}/read`] = true;
  }
  return { writes, result: undefined };
}
