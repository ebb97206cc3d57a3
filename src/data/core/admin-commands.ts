/**
 * The administration commands (reports, comments, channels, admins, names, the first run) as both Firebase
 * stores run them: read what the plan needs through an `AdminHost`, plan with `./admin.ts`, apply the
 * writes. A chunk of its own: a page without `<lenig-admin>` never loads it or the plans. Each store
 * hands it its own reads (the Realtime Database by path, Cloud Firestore by document) and its one write.
 */
import { StoreError, isStoreError } from '../store.js';
import type { ChannelChanges, ChannelId, NewChannel, ReportAction, UserId } from '../types.js';
import { checkId, checkUid } from './checks.js';
import { sameValue } from './stable.js';
import type { Writes } from './writes.js';
import type { ChannelRecord, PostRecord, ProfileRecord, ReportRecord } from './records.js';
import {
  channelTaken,
  planAddAdmin,
  planCreateChannel,
  planDeleteComment,
  planRemoveAdmin,
  planResolveReport,
  reportHandled,
  planSetProfileName,
  planSetUp,
  planUpdateChannel,
} from './admin.js';

/** What the commands need of a store: its reads, in the records of docs/data-layout.md, and its write. */
export interface AdminHost {
  uid(): Promise<UserId>;
  anonymous(): boolean;
  isAdmin(uid: UserId): Promise<boolean>;
  readPost(channel: ChannelId, postId: string): Promise<PostRecord | null>;
  readReport(reportId: string): Promise<ReportRecord | null>;
  commentExists(channel: ChannelId, postId: string, commentId: string): Promise<boolean>;
  /** A comment's text, null when there is no such comment (a report holds it). */
  commentText(channel: ChannelId, postId: string, commentId: string): Promise<string | null>;
  readChannel(channel: ChannelId): Promise<ChannelRecord | null>;
  readProfile(uid: UserId): Promise<ProfileRecord | null>;
  /** The admin count (`/adminCount/count`), 0 when there is none. */
  adminCount(): Promise<number>;
  /** Whether set-up has been done: someone is admin, or the admin count exists. */
  setUpDone(): Promise<boolean>;
  /** One write of a plan, all or nothing. */
  write(writes: Writes): Promise<void>;
  /**
   * Writes a new channel's record only if no channel has that id on the server, atomically: null when
   * written, else the record that is there (a colleague's create got there first, or this one's, whose
   * answer was lost). A plain write would not do: the rules let an admin rewrite a channel whole, so of
   * two admins creating one id at once the second would silently replace the first one's channel.
   */
  createChannel(id: ChannelId, record: ChannelRecord): Promise<ChannelRecord | null>;
  /**
   * `write`, and on a refusal whether it `landed` as planned anyway (the server applied it, its answer was
   * lost with the connection, and the SDK's resend was what the rules refused): then it succeeded, once.
   */
  writeOnce(writes: Writes, landed: () => Promise<boolean>): Promise<void>;
}

export async function resolveReport(st: AdminHost, reportId: string, action: ReportAction): Promise<void> {
  const uid = await st.uid();
  checkId('report', reportId);
  const admin = await st.isAdmin(uid);
  const report = admin ? await st.readReport(reportId) : null;
  const post = report && typeof report.channel === 'string' && typeof report.post === 'string' ? await st.readPost(report.channel, report.post).catch(() => null) : null;
  const commentExists = report?.comment !== undefined && post !== null ? await st.commentExists(report.channel, report.post, report.comment) : false;
  let now: ReportRecord | null = null;
  await st.writeOnce(planResolveReport({ uid, admin, reportId, report, action, post, commentExists }).writes, async () => {
    now = await st.readReport(reportId);
    return now?.resolvedBy === uid && now.resolution === action;
  }).catch((e: unknown) => {
    // Two admins read the report open and both wrote; the rules refused the second: say it was handled
    // already, as when the report was read handled, rather than a refusal of this admin's rights.
    if (isStoreError(e) && e.code === 'permission-denied' && now?.resolvedBy !== undefined) throw reportHandled();
    throw e;
  });
}

export async function deleteComment(st: AdminHost, channel: ChannelId, postId: string, commentId: string): Promise<void> {
  const uid = await st.uid();
  const post = await st.readPost(channel, postId);
  checkId('comment', commentId);
  const [admin, exists] = await Promise.all([st.isAdmin(uid), st.commentExists(channel, postId, commentId)]);
  await st.writeOnce(planDeleteComment(admin, channel, postId, commentId, post, exists).writes, async () => !(await st.commentExists(channel, postId, commentId)));
}

export async function createChannel(st: AdminHost, channel: NewChannel): Promise<void> {
  const uid = await st.uid();
  const id = checkId('channel', channel?.id);
  const [admin, existing] = await Promise.all([st.isAdmin(uid), st.readChannel(id)]);
  // Refuses a non-admin, bad input and an id read as in use; the write itself refuses one taken since. No
  // record to write: this very channel is there already, nothing to do.
  const record = planCreateChannel(admin, channel, existing).writes[`channels/${id}`] as ChannelRecord | undefined;
  if (!record) return;
  const there = await st.createChannel(id, record);
  // A record equal to this one is this one (written, its answer lost), or as good as it.
  if (there && !sameValue(there, record)) throw channelTaken(id);
}

export async function updateChannel(st: AdminHost, channel: ChannelId, changes: ChannelChanges): Promise<void> {
  const uid = await st.uid();
  checkId('channel', channel);
  const [admin, existing] = await Promise.all([st.isAdmin(uid), st.readChannel(channel)]);
  await st.write(planUpdateChannel(admin, channel, changes, existing).writes);
}

export async function addAdmin(st: AdminHost, uid: UserId): Promise<void> {
  const me = await st.uid();
  checkUid('uid', uid);
  const [admin, already] = await Promise.all([st.isAdmin(me), st.isAdmin(uid)]);
  await st.writeOnce(planAddAdmin(admin, uid, already).writes, () => st.isAdmin(uid));
}

export async function removeAdmin(st: AdminHost, uid: UserId): Promise<void> {
  const me = await st.uid();
  checkUid('uid', uid);
  const [admin, target, count] = await Promise.all([st.isAdmin(me), st.isAdmin(uid), st.adminCount()]);
  await st.writeOnce(planRemoveAdmin(admin, uid, target, count).writes, async () => !(await st.isAdmin(uid)));
}

export async function setProfileName(st: AdminHost, uid: UserId, name: string): Promise<void> {
  const me = await st.uid();
  checkUid('uid', uid);
  const [admin, profile] = await Promise.all([st.isAdmin(me), st.readProfile(uid)]);
  await st.write(planSetProfileName(admin, uid, profile, name).writes);
}

export async function setUp(st: AdminHost, channel: NewChannel): Promise<void> {
  const uid = await st.uid();
  const id = checkId('channel', channel?.id);
  const [done, existing] = await Promise.all([st.setUpDone(), st.readChannel(id)]);
  const plan = planSetUp({ uid, anonymous: st.anonymous(), done, channel, existing });
  try {
    await st.write(plan.writes);
  } catch (e) {
    // Someone else finished set-up between the read and the write: say so, not "permission denied".
    if (isStoreError(e) && e.code === 'permission-denied' && (await st.setUpDone().catch(() => false))) {
      throw new StoreError('permission-denied', 'lenig has been set up already: ask an admin.');
    }
    throw e;
  }
}
