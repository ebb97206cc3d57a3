/**
 * The Realtime Database store's administration commands (reports, comments, channels, admins, names, the
 * first run), in a chunk of their own: a page without `<lenig-admin>` never loads them or the core that
 * plans them (src/data/core/admin.ts). `FirebaseStore` hands them its reads and writes.
 */
import type { DataSnapshot } from 'firebase/database';
import {
  checkId,
  checkUid,
  planAddAdmin,
  planCreateChannel,
  planDeleteComment,
  planRemoveAdmin,
  planResolveReport,
  planSetProfileName,
  planSetUp,
  planUpdateChannel,
  type ChannelRecord,
  type PostRecord,
  type ProfileRecord,
  type ReportRecord,
  type Writes,
} from '../data/core/index.js';
import { StoreError, isStoreError } from '../data/store.js';
import type { ChannelChanges, ChannelId, NewChannel, ReportAction, UserId } from '../data/types.js';

/** What the commands need of the store. */
export interface AdminHost {
  uid(): Promise<UserId>;
  isAdmin(uid: UserId): Promise<boolean>;
  read(path: string): Promise<DataSnapshot>;
  readPost(channel: ChannelId, postId: string): Promise<PostRecord | null>;
  write(writes: Writes): Promise<void>;
  anonymous(): boolean;
}

export async function resolveReport(st: AdminHost, reportId: string, action: ReportAction): Promise<void> {
  const uid = await st.uid();
  checkId('report', reportId);
  const admin = await st.isAdmin(uid);
  const report = admin ? ((await st.read(`reports/${reportId}`)).val() as ReportRecord | null) : null;
  const post = report && typeof report.channel === 'string' && typeof report.post === 'string' ? await st.readPost(report.channel, report.post).catch(() => null) : null;
  const commentExists =
    report?.comment !== undefined && post !== null ? (await st.read(`comments/${report.channel}/${report.post}/${report.comment}`)).exists() : false;
  await st.write(planResolveReport({ uid, admin, reportId, report, action, post, commentExists }).writes);
}

export async function deleteComment(st: AdminHost, channel: ChannelId, postId: string, commentId: string): Promise<void> {
  const uid = await st.uid();
  const post = await st.readPost(channel, postId);
  checkId('comment', commentId);
  const [admin, exists] = await Promise.all([st.isAdmin(uid), st.read(`comments/${channel}/${postId}/${commentId}`).then((s) => s.exists())]);
  await st.write(planDeleteComment(admin, channel, postId, commentId, post, exists).writes);
}

export async function createChannel(st: AdminHost, channel: NewChannel): Promise<void> {
  const uid = await st.uid();
  const id = checkId('channel', channel?.id);
  const [admin, existing] = await Promise.all([st.isAdmin(uid), st.read(`channels/${id}`).then((s) => s.val() as ChannelRecord | null)]);
  await st.write(planCreateChannel(admin, channel, existing).writes);
}

export async function updateChannel(st: AdminHost, channel: ChannelId, changes: ChannelChanges): Promise<void> {
  const uid = await st.uid();
  checkId('channel', channel);
  const [admin, existing] = await Promise.all([st.isAdmin(uid), st.read(`channels/${channel}`).then((s) => s.val() as ChannelRecord | null)]);
  await st.write(planUpdateChannel(admin, channel, changes, existing).writes);
}

export async function addAdmin(st: AdminHost, uid: UserId): Promise<void> {
  const me = await st.uid();
  checkUid('uid', uid);
  const [admin, already] = await Promise.all([st.isAdmin(me), st.read(`admins/${uid}`).then((s) => s.val() === true)]);
  await st.write(planAddAdmin(admin, uid, already).writes);
}

export async function removeAdmin(st: AdminHost, uid: UserId): Promise<void> {
  const me = await st.uid();
  checkUid('uid', uid);
  const [admin, target, count] = await Promise.all([
    st.isAdmin(me),
    st.read(`admins/${uid}`).then((s) => s.val() === true),
    st.read('adminCount/count').then((s) => Number(s.val()) || 0),
  ]);
  await st.write(planRemoveAdmin(admin, uid, target, count).writes);
}

export async function setProfileName(st: AdminHost, uid: UserId, name: string): Promise<void> {
  const me = await st.uid();
  checkUid('uid', uid);
  const [admin, profile] = await Promise.all([st.isAdmin(me), st.read(`profiles/${uid}`).then((s) => s.val() as ProfileRecord | null)]);
  await st.write(planSetProfileName(admin, uid, profile, name).writes);
}

export async function setUp(st: AdminHost, channel: NewChannel): Promise<void> {
  const uid = await st.uid();
  const id = checkId('channel', channel?.id);
  const [admins, count, existing] = await Promise.all([
    st.read('admins').then((s) => s.exists()),
    st.read('adminCount').then((s) => s.exists()),
    st.read(`channels/${id}`).then((s) => s.val() as ChannelRecord | null),
  ]);
  const plan = planSetUp({ uid, anonymous: st.anonymous(), done: admins || count, channel, existing });
  try {
    await st.write(plan.writes);
  } catch (e) {
    // Someone else finished set-up between the read and the write: say so, not "permission denied".
    if (isStoreError(e) && e.code === 'permission-denied' && (await st.read('admins').then((s) => s.exists(), () => false))) {
      throw new StoreError('permission-denied', 'lenig has been set up already: ask an admin.');
    }
    throw e;
  }
}
