/**
 * Administration as data: the reports inbox, channels, admins, fixing a person's name, and the first run
 * on an empty database. Like `commands.ts`, each `plan…` takes what the store read, refuses with the
 * same `StoreError` on every store (before any request), and returns the writes the rules check as one
 * write (`database.rules.json`: reports, channels, admins, adminCount, comments, profiles).
 */
import {
  DEFAULT_CATEGORIES,
  MAX_CHANNEL_NAME_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  REPORT_ACTIONS,
  type Channel,
  type ChannelChanges,
  type ChannelId,
  type NewChannel,
  type Report,
  type ReportAction,
  type UserId,
} from '../types.js';
import { StoreError } from '../store.js';
import { checkId, checkUid, invalid, notFound } from './checks.js';
import { checkCategory, checkText } from './input-checks.js';
import { checkPostAddress } from './commands.js';
import { SERVER_TIME, increment, type Plan, type Writes } from './writes.js';
import { profileRecord, requireAdmin } from './people.js';
import { decodeChannel } from './decoders.js';
import { compareKeys, isObject, num, str, type ChannelRecord, type PostRecord, type ProfileRecord, type ReportRecord } from './records.js';
import { sameValue } from './stable.js';

/** Most categories one channel offers (each becomes a filter chip and a composer choice). */
export const MAX_CATEGORIES = 20;
/** Most languages a channel is named in besides its `name`. */
export const MAX_CHANNEL_NAMES = 10;
/** A language tag as channel names are keyed: lower case, `nl`, `en`, `pt-br` (the rules repeat it). */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

// --- reports ------------------------------------------------------------------------------------------

export interface ResolveReportInput {
  uid: UserId;
  admin: boolean;
  reportId: string;
  report: ReportRecord | null;
  action: ReportAction;
  /** The reported post (for `hidden`), or null when it is gone. */
  post: PostRecord | null;
  /** Whether the reported comment still exists (for `comment-deleted`). */
  commentExists: boolean;
}

/** A report that was handled already: another admin was first (see `ValidationReason`). */
export const reportHandled = (): StoreError => invalid('report', 'handled', 'This report has been handled already.');
/** A new channel's id is in use: read so before the write, or the write found it taken (a colleague's create got there first). */
export const channelTaken = (id: ChannelId): StoreError => invalid('id', 'taken', `A channel "${id}" exists already.`);

/**
 * Handles a report, once: who and when are kept with it, and its effect (hiding the post, deleting the
 * comment) is made in the same write, so the rules can hold the resolution to it.
 */
export function planResolveReport(input: ResolveReportInput): Plan {
  const { uid, reportId, report, action } = input;
  checkId('report', reportId);
  if (!(REPORT_ACTIONS as readonly string[]).includes(action)) throw invalid('action', 'invalid', `"${String(action)}" is not a way to handle a report.`);
  requireAdmin(input.admin, 'handle reports');
  if (!report) throw notFound(`Report ${reportId}`);
  if (report.resolvedBy !== undefined) throw reportHandled();
  const writes: Writes = {
    [`reports/${reportId}/resolvedBy`]: uid,
    [`reports/${reportId}/resolvedAt`]: SERVER_TIME,
    [`reports/${reportId}/resolution`]: action,
  };
  if (action === 'hidden') {
    if (!input.post) throw notFound(`Post ${report.post} in ${report.channel}`);
    writes[`posts/${report.channel}/${report.post}/hidden`] = true;
  }
  if (action === 'comment-deleted') {
    if (report.comment === undefined) throw invalid('action', 'invalid', 'This report is about a post, not a comment.');
    Object.assign(writes, planDeleteComment(true, report.channel, report.post, report.comment, input.post, input.commentExists).writes);
  }
  return { writes, result: undefined };
}

/** An admin deletes a comment; the post's count goes down with it. */
export function planDeleteComment(admin: boolean, channel: ChannelId, postId: string, commentId: string, post: PostRecord | null, commentExists: boolean): Plan {
  checkPostAddress(channel, postId);
  checkId('comment', commentId);
  requireAdmin(admin, 'delete comments');
  if (!post) throw notFound(`Post ${postId} in ${channel}`);
  if (!commentExists) throw notFound(`Comment ${commentId}`);
  return {
    writes: {
      [`comments/${channel}/${postId}/${commentId}`]: null,
      [`posts/${channel}/${postId}/commentCount`]: increment(-1),
      // Names the comment the count goes down for, so the rules can tie the two together.
      [`posts/${channel}/${postId}/lastComment`]: commentId,
    },
    result: undefined,
  };
}

// --- channels -----------------------------------------------------------------------------------------

/** A list of categories as a channel stores them: distinct, valid, at least one, in the order given. */
export function checkCategories(categories: unknown): string[] {
  if (!Array.isArray(categories)) throw invalid('categories', 'invalid', 'categories must be a list.');
  const list = [...new Set(categories.map((c) => checkCategory(c)))];
  if (list.length === 0) throw invalid('categories', 'required', 'A channel offers at least one category.');
  if (list.length > MAX_CATEGORIES) throw invalid('categories', 'too-long', `A channel offers at most ${MAX_CATEGORIES} categories.`);
  return list;
}

function channelName(name: unknown): string {
  return checkText('name', name, MAX_CHANNEL_NAME_LENGTH);
}

/**
 * A channel's names per language, checked: tags as `LANGUAGE_TAG_PATTERN`, names as `name`; an empty
 * or blank name drops its language (it falls back to `name`). Undefined when none is left.
 */
export function checkChannelNames(names: unknown): Record<string, string> | undefined {
  if (names === undefined || names === null) return undefined;
  if (!isObject(names)) throw invalid('names', 'invalid', 'names must map language tags to names.');
  const out: Record<string, string> = {};
  for (const [tag, name] of Object.entries(names)) {
    if (!LANGUAGE_TAG_PATTERN.test(tag)) throw invalid('names', 'invalid', `"${tag.slice(0, 20)}" is not a language tag (such as nl, en or pt-br).`);
    if (typeof name === 'string' && name.trim() === '') continue;
    out[tag] = checkText('names', name, MAX_CHANNEL_NAME_LENGTH).trim();
  }
  if (Object.keys(out).length > MAX_CHANNEL_NAMES) throw invalid('names', 'too-long', `A channel has names in at most ${MAX_CHANNEL_NAMES} languages.`);
  return Object.keys(out).length ? out : undefined;
}

function channelDescription(description: unknown): string {
  return checkText('description', description ?? '', MAX_DESCRIPTION_LENGTH, false);
}

/** The record of a new channel, checked. */
export function newChannelRecord(channel: NewChannel): { id: ChannelId; record: ChannelRecord } {
  if (typeof channel !== 'object' || channel === null) throw invalid('channel', 'required', 'A channel is required.');
  const id = checkId('channel', channel.id);
  const record: ChannelRecord = {
    name: channelName(channel.name),
    categories: Object.fromEntries(checkCategories(channel.categories ?? [...DEFAULT_CATEGORIES]).map((c, i) => [c, i])),
  };
  const description = channelDescription(channel.description).trim();
  if (description) record.description = description;
  const names = checkChannelNames(channel.names);
  if (names) record.names = names;
  return { id, record };
}

export function planCreateChannel(admin: boolean, channel: NewChannel, existing: ChannelRecord | null): Plan {
  const { id, record } = newChannelRecord(channel);
  requireAdmin(admin, 'create channels');
  // The same channel there already: this create, landed while its answer was lost and asked again (or a
  // colleague's identical one). Done, not "taken".
  if (existing && sameValue(existing, record)) return { writes: {}, result: undefined };
  if (existing) throw channelTaken(id);
  return { writes: { [`channels/${id}`]: { ...record } }, result: undefined };
}

/** Changes to a channel: renamed, described, categories chosen and ordered, archived or brought back. */
export function planUpdateChannel(admin: boolean, channel: ChannelId, changes: ChannelChanges, existing: ChannelRecord | null): Plan {
  checkId('channel', channel);
  if (typeof changes !== 'object' || changes === null) throw invalid('changes', 'required', 'Changes are required.');
  const writes: Writes = {};
  const at = `channels/${channel}`;
  if (changes.name !== undefined) writes[`${at}/name`] = channelName(changes.name);
  if (changes.names !== undefined) writes[`${at}/names`] = checkChannelNames(changes.names) ?? null;
  if (changes.description !== undefined) {
    const d = channelDescription(changes.description).trim();
    writes[`${at}/description`] = d === '' ? null : d;
  }
  if (changes.categories !== undefined) writes[`${at}/categories`] = Object.fromEntries(checkCategories(changes.categories).map((c, i) => [c, i]));
  if (changes.archived !== undefined) {
    if (typeof changes.archived !== 'boolean') throw invalid('archived', 'invalid', 'archived must be true or false.');
    writes[`${at}/archived`] = changes.archived ? true : null;
  }
  requireAdmin(admin, 'change channels');
  if (!existing) throw notFound(`Channel ${channel}`);
  return { writes, result: undefined };
}

// --- admins -------------------------------------------------------------------------------------------

/** Adding an admin moves `/adminCount` with it, naming whom it counted: the rules tie the two. */
export function planAddAdmin(admin: boolean, uid: UserId, alreadyAdmin: boolean): Plan {
  checkUid('uid', uid);
  requireAdmin(admin, 'add admins');
  if (alreadyAdmin) return { writes: {}, result: undefined };
  return { writes: { [`admins/${uid}`]: true, 'adminCount/count': increment(1), 'adminCount/cause': uid }, result: undefined };
}

/** Removing an admin, never the last one (the rules keep `/adminCount` at 1 or more). */
export function planRemoveAdmin(admin: boolean, uid: UserId, isTargetAdmin: boolean, count: number): Plan {
  checkUid('uid', uid);
  requireAdmin(admin, 'remove admins');
  if (!isTargetAdmin) return { writes: {}, result: undefined };
  if (count <= 1) throw new StoreError('permission-denied', 'The last admin cannot be removed: make someone else admin first.');
  return { writes: { [`admins/${uid}`]: null, 'adminCount/count': increment(-1), 'adminCount/cause': uid }, result: undefined };
}

/** An admin corrects someone's display name; the rest of their profile stays as it is. */
export function planSetProfileName(admin: boolean, uid: UserId, profile: ProfileRecord | null, name: string): Plan {
  checkUid('uid', uid);
  requireAdmin(admin, "change other people's names");
  if (!profile) throw notFound(`Profile ${uid}`);
  const { name: _old, nameLower: _lower, nameFrom2: _2, nameFrom3: _3, nameFrom4: _4, ...rest } = profile;
  return { writes: { [`profiles/${uid}`]: { ...profileRecord({ ...rest, name }) } }, result: undefined };
}

// --- first run ----------------------------------------------------------------------------------------

export interface SetUpInput {
  uid: UserId;
  anonymous: boolean;
  /** Whether `/admins` has anyone in it, or `/adminCount` exists: then set-up has been done. */
  done: boolean;
  channel: NewChannel;
  existing: ChannelRecord | null;
}

/**
 * The first run: on a database without admins, whoever completes set-up first becomes its first admin and
 * creates the first channel, in one write. The rules allow this only while `/admins` and `/adminCount`
 * are empty, so a second person racing the first is refused.
 */
export function planSetUp(input: SetUpInput): Plan {
  const { uid } = input;
  const { id, record } = newChannelRecord(input.channel);
  if (input.anonymous) throw new StoreError('permission-denied', 'Sign in with your work account to set lenig up.');
  if (input.done) throw new StoreError('permission-denied', 'lenig has been set up already: ask an admin.');
  const writes: Writes = {
    [`admins/${uid}`]: true,
    'adminCount/count': 1,
    'adminCount/cause': uid,
  };
  if (!input.existing) writes[`channels/${id}`] = { ...record };
  return { writes, result: undefined };
}

// --- decoders of what only administration reads ----------------------------------------------------------

/** A report record as a `Report`, or null when it is not one. */
export function decodeReport(id: string, raw: unknown): Report | null {
  if (!isObject(raw) || typeof raw.channel !== 'string' || typeof raw.post !== 'string' || num(raw.createdAt) === undefined) return null;
  const r = raw as unknown as ReportRecord;
  const report: Report = { id, channel: r.channel, post: r.post, by: str(r.by) ?? '', reason: str(r.reason) ?? '', createdAt: new Date(r.createdAt) };
  if (str(r.comment) !== undefined) report.comment = r.comment!;
  if (str(r.text) !== undefined) report.text = r.text!;
  if (str(r.resolvedBy) !== undefined && num(r.resolvedAt) !== undefined && (REPORT_ACTIONS as readonly string[]).includes(r.resolution ?? '')) {
    report.resolved = { by: r.resolvedBy!, at: new Date(r.resolvedAt!), action: r.resolution! };
  }
  return report;
}

/** Reports newest first (ties by id, newest id first). */
export function decodeReports(entries: Iterable<[string, unknown]>): Report[] {
  const list: Report[] = [];
  for (const [id, raw] of entries) {
    const r = decodeReport(id, raw);
    if (r) list.push(r);
  }
  return list.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compareKeys(b.id, a.id));
}

/** `/admins` (uid → true) as a sorted list of uids. */
export function decodeAdmins(raw: unknown): UserId[] {
  return isObject(raw) ? Object.keys(raw).filter((uid) => raw[uid] === true).sort(compareKeys) : [];
}

/** Every channel under `/channels`, by name. */
export function decodeChannels(entries: Iterable<[string, unknown]>): Channel[] {
  const list: Channel[] = [];
  for (const [id, raw] of entries) {
    const c = decodeChannel(id, raw);
    if (c) list.push(c);
  }
  return list.sort((a, b) => a.name.localeCompare(b.name) || compareKeys(a.id, b.id));
}

