/**
 * The decoders of what only the feed, posts, comments, the idea board, notifications, stats and the
 * administration read (./records.ts keeps the records' shapes and what every store decodes: profiles,
 * likers). Like ./records.ts, they take `unknown` and never throw.
 */
import type { Channel, ChannelId, Comment, IdeaHistoryEntry, IdeaStatus, MonthStat, Notification, Post } from '../types.js';
import { IDEA_STATUSES } from '../types.js';
import { ID_PATTERN, UID_PATTERN } from './limits.js';
import { compareKeys, isIdeaRecord, isObject, isPostRecord, num, shownName, str, type ChannelRecord, type CommentRecord, type HistoryRecord, type NotificationRecord } from './records.js';

/** Whether a raw value is one of the idea statuses (an own key of nothing: `constructor` is not one). */
const isStatus = (v: unknown): v is IdeaStatus => (IDEA_STATUSES as readonly unknown[]).includes(v);

/** A post record as a `Post`, or null when it is not one. */
export function decodePost(channel: ChannelId, id: string, raw: unknown): Post | null {
  if (!isPostRecord(raw)) return null;
  const p = raw;
  const post: Post = {
    id,
    channel,
    author: p.author,
    text: p.text,
    category: p.category,
    createdAt: new Date(p.createdAt),
    likeCount: num(p.likeCount) ?? 0,
    commentCount: num(p.commentCount) ?? 0,
    hidden: p.hidden === true,
  };
  if (num(p.editedAt) !== undefined) post.editedAt = new Date(p.editedAt!);
  if (isIdeaRecord(p) && isStatus(p.status)) {
    const idea: NonNullable<Post['idea']> = { title: str(p.title) ?? '', status: p.status };
    if (str(p.owner) !== undefined) idea.owner = p.owner!;
    if (str(p.mergedInto) !== undefined) idea.mergedInto = p.mergedInto!;
    post.idea = idea;
  }
  return post;
}

/** A channel record as a `Channel` (categories in display order), or null when there is none. */
export function decodeChannel(id: ChannelId, raw: unknown): Channel | null {
  if (!isObject(raw)) return null;
  const cats = isObject(raw.categories) ? raw.categories : {};
  const categories = Object.entries(cats)
    .map(([c, order]) => [c, num(order) ?? 0] as const)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c]) => c);
  const channel: Channel = { id, name: shownName(str(raw.name) ?? '') || id, categories };
  if (isObject(raw.names)) {
    const names = Object.entries(raw.names).flatMap(([lang, name]): [string, string][] => {
      const shown = typeof name === 'string' ? shownName(name) : '';
      return shown ? [[lang, shown]] : [];
    });
    if (names.length) channel.names = Object.fromEntries(names);
  }
  if (str(raw.description)) channel.description = raw.description as string;
  if (raw.archived === true) channel.archived = true;
  return channel;
}

/** A channel as its record. */
export function channelRecord(channel: Omit<Channel, 'id'>): ChannelRecord {
  const record: ChannelRecord = { name: channel.name, categories: Object.fromEntries(channel.categories.map((c, i) => [c, i])) };
  if (channel.names && Object.keys(channel.names).length) record.names = { ...channel.names };
  if (channel.description) record.description = channel.description;
  if (channel.archived) record.archived = true;
  return record;
}

/** A post's comments, oldest first (ties by id). */
export function decodeComments(post: string, entries: Iterable<[string, unknown]>): Comment[] {
  const list: [string, CommentRecord][] = [];
  for (const [id, c] of entries) {
    if (isObject(c) && typeof c.author === 'string' && typeof c.text === 'string' && num(c.createdAt) !== undefined) list.push([id, c as unknown as CommentRecord]);
  }
  return list
    .sort((a, b) => a[1].createdAt - b[1].createdAt || compareKeys(a[0], b[0]))
    .map(([id, c]) => ({ id, post, author: c.author, text: c.text, createdAt: new Date(c.createdAt) }));
}

/** An idea's history, oldest first (it reads as a timeline). */
export function decodeHistory(entries: Iterable<[string, unknown]>): IdeaHistoryEntry[] {
  const list: [string, HistoryRecord][] = [];
  for (const [id, e] of entries) {
    if (isObject(e) && isStatus(e.status) && num(e.at) !== undefined) list.push([id, e as unknown as HistoryRecord]);
  }
  return list
    .sort((a, b) => a[1].at - b[1].at || compareKeys(a[0], b[0]))
    .map(([id, e]) => ({ id, status: e.status, note: str(e.note) ?? '', by: str(e.by) ?? '', at: new Date(e.at) }));
}

/** `ideaHistory/{ch}` (idea → entry id → record) as the newest entry of each idea that has one. */
export function decodeLatestNotes(byIdea: Iterable<[string, unknown]>): Record<string, IdeaHistoryEntry> {
  const out: Record<string, IdeaHistoryEntry> = {};
  for (const [idea, entries] of byIdea) {
    if (!isObject(entries)) continue;
    const latest = decodeHistory(Object.entries(entries)).at(-1);
    if (latest) out[idea] = latest;
  }
  return out;
}

/** Someone's notifications, newest first, at most `limit`. */
export function decodeNotifications(entries: Iterable<[string, unknown]>, limit = Infinity): Notification[] {
  const list: [string, NotificationRecord][] = [];
  for (const [id, n] of entries) {
    // Where it points goes to the host page (`lenig-notification-open`): plain ids only, as the rules write.
    if (
      isObject(n) &&
      typeof n.type === 'string' &&
      num(n.createdAt) !== undefined &&
      UID_PATTERN.test(str(n.actor) ?? '') &&
      ID_PATTERN.test(str(n.channel) ?? '') &&
      ID_PATTERN.test(str(n.post) ?? '') &&
      (n.status === undefined || isStatus(n.status)) &&
      (n.note === undefined || typeof n.note === 'string')
    )
      list.push([id, n as unknown as NotificationRecord]);
  }
  return list
    .sort((a, b) => b[1].createdAt - a[1].createdAt || compareKeys(b[0], a[0]))
    .slice(0, limit)
    .map(([id, n]) => {
      const out: Notification = { id, type: n.type, actor: n.actor, channel: n.channel, post: n.post, createdAt: new Date(n.createdAt), read: n.read === true };
      if (n.status !== undefined) out.status = n.status;
      if (n.note !== undefined) out.note = n.note;
      return out;
    });
}

/**
 * Sums stat records into one row per month and category, months from `from` to `to`, sorted by month
 * then category. `rows` are `[month, category, record]` from any number of channels.
 */
export function sumStats(rows: Iterable<[string, string, unknown]>, from: string, to: string): MonthStat[] {
  const sums = new Map<string, MonthStat>();
  for (const [month, category, s] of rows) {
    if (month < from || month > to || !isObject(s)) continue;
    const key = `${month}/${category}`;
    const m = sums.get(key) ?? { month, category, posts: 0, likes: 0 };
    m.posts += num(s.posts) ?? 0;
    m.likes += num(s.likes) ?? 0;
    sums.set(key, m);
  }
  return [...sums.values()].sort((a, b) => compareKeys(a.month, b.month) || compareKeys(a.category, b.category));
}

/** Newest first by `createdAt`, equal times by id descending (as `orderByChild` then key, reversed). */
export function newestFirst(a: [string, { createdAt: number }], b: [string, { createdAt: number }]): number {
  return b[1].createdAt - a[1].createdAt || compareKeys(b[0], a[0]);
}
