/**
 * The store's content part: profile search, channels, the feed, posts, comments, ideas, notifications and
 * stats, for both databases' stores (./store-base.ts). A chunk of its own, loaded when the first widget
 * that needs it subscribes or commands (or ahead, see `loadContent`): a page with only like buttons — sign-in
 * and likes, which the base class holds — never fetches it. Each function is a store method, with the store
 * as its first argument.
 */
import { checkId, notFound } from '../data/core/checks.js';
import { checkChannelCategory, checkNewPost, planAssignIdea, planComment, planCreatePost, planDeletePost, planEditPost, planHidePost, planMarkRead, planMergeIdea, planReport, planSetIdeaStatus } from '../data/core/commands.js';
import { decodeChannel, decodeComments, decodeHistory, decodeLatestNotes, decodeNotifications, decodePost, newestFirst, sumStats } from '../data/core/decoders.js';
import { FeedWindows } from '../data/core/feed-windows.js';
import { checkCategory, checkPageSize } from '../data/core/input-checks.js';
import { NOTIFICATION_LIMIT } from '../data/core/limits.js';
import { NAME_SEARCH_FIELDS, profileRecord, rankProfiles, searchKey } from '../data/core/people.js';
import { decodeProfile, isIdeaRecord, isPostRecord, type PostRecord } from '../data/core/records.js';
import { StableById } from '../data/core/stable.js';
import { isStoreError, type FeedQuery, type FeedSubscription, type NewPost, type OnError, type StatsQuery, type Unsubscribe } from '../data/store.js';
import type { Channel, ChannelId, Comment, FeedPage, Idea, IdeaHistoryEntry, IdeaStatus, MonthStat, Notification, Post, Profile, UserId } from '../data/types.js';
import type { FirebaseStoreBase, StatRow } from './store-base.js';

export async function searchProfiles(s: FirebaseStoreBase, prefix: string, limit = 10): Promise<Profile[]> {
  const q = searchKey(prefix);
  if (!q) return [];
  await s.uid();
  // One ordered query per indexed name field: the whole name, and the name from each later word on.
  const found = new Map<UserId, Profile>();
  for (const rows of await Promise.all(NAME_SEARCH_FIELDS.map((field) => s.searchProfileRows(field, q, limit)))) {
    for (const [uid, raw] of rows) {
      const p = decodeProfile(uid, raw);
      if (p) found.set(uid, p);
    }
  }
  const ranked = rankProfiles(found.values(), q, limit);
  for (const p of ranked) s.knownProfiles.add(p.uid);
  return ranked;
}

export async function updateMyProfile(s: FirebaseStoreBase, profile: Omit<Profile, 'uid'>): Promise<void> {
  const uid = await s.uid();
  await s.write({ [`profiles/${uid}`]: { ...profileRecord(profile) } });
}

// --- channels and posts ----------------------------------------------------------------------------------

export function subscribeChannel(s: FirebaseStoreBase, channel: ChannelId, cb: (channel: Channel) => void, onError?: OnError): Unsubscribe {
  return s.checked(
    () => checkId('channel', channel),
    onError,
    () =>
      s.whileSignedIn(
        () =>
          s.channelRecord(channel).subscribe((raw) => {
            const c = decodeChannel(channel, raw);
            if (c) cb(c);
            else onError?.(notFound(`Channel ${channel}`));
          }, onError),
        onError,
      ),
  );
}

export function subscribeFeed(s: FirebaseStoreBase, q: FeedQuery, cb: (page: FeedPage) => void, onError?: OnError): FeedSubscription {
  let feed: FeedWindows | undefined;
  let pageSize = 0;
  const unsubscribe = s.checked(
    () => {
      checkId('channel', q?.channel);
      if (q.category !== undefined) checkCategory(q.category);
      pageSize = checkPageSize(q.pageSize);
    },
    onError,
    () =>
      s.whileSignedIn(
        (uid) => {
          const f = new FeedWindows(s.feedHost(uid, q.channel), { channel: q.channel, category: q.category, pageSize }, cb, onError);
          feed = f;
          return () => {
            f.close();
            if (feed === f) feed = undefined;
          };
        },
        onError,
        undefined,
        // The posts a reader came for go to the database before the page's other reads.
        true,
      ),
  );
  return { unsubscribe, more: async () => feed?.more() };
}

/**
 * The viewer's admin flag, asked for only when first needed (only hidden posts need it). `get()` is
 * undefined until it is known; the first call subscribes, and an answer (even one from inside subscribe)
 * runs `emit` again, so the call that subscribed stops there.
 */
function adminWhenNeeded(s: FirebaseStoreBase, uid: UserId, emit: () => void, onError?: OnError) {
  let admin: boolean | undefined;
  let stop: Unsubscribe | undefined;
  return {
    get(): boolean | undefined {
      if (stop) return admin;
      stop = () => {};
      stop = s.adminFlag(uid).subscribe((v) => ((admin = v), emit()), onError);
      return undefined;
    },
    stop: () => stop?.(),
  };
}

export function subscribePost(s: FirebaseStoreBase, channel: ChannelId, postId: string, cb: (post: Post | null) => void, onError?: OnError): Unsubscribe {
  return s.checked(
    () => (checkId('channel', channel), checkId('post', postId)),
    onError,
    () =>
      s.whileSignedIn((uid) => {
        let raw: PostRecord | null | undefined;
        // A post equal to the one handed out before is handed out as that same object.
        const stable = new StableById<Post>();
        const emit = () => {
          if (raw === undefined) return;
          if (!raw) return cb(stable.one(null));
          if (raw.hidden === true) {
            const isAdmin = admin.get();
            if (isAdmin === undefined) return;
            if (!isAdmin) return cb(stable.one(null));
          }
          cb(stable.one(decodePost(channel, postId, raw)));
        };
        const admin = adminWhenNeeded(s, uid, emit, onError);
        const stop = s.listenPostRecord(
          channel,
          postId,
          (v) => {
            raw = isPostRecord(v) ? v : null;
            emit();
          },
          onError,
        );
        return () => {
          stop();
          admin.stop();
        };
      }, onError),
  );
}

export async function createPost(s: FirebaseStoreBase, post: NewPost): Promise<string> {
  const uid = await s.uid();
  const { text, category, mentions } = checkNewPost(uid, post);
  // The channel is checked here only when it is known already (the composer listens to it): the
  // optimistic write must not wait for a read. Otherwise the rules check it, and a refusal is named below.
  const channel = s.knownChannel(post.channel);
  checkChannelCategory(post.channel, channel, category);
  // Only existing people become mentions: a read for each one not seen yet (none for most posts).
  const unknown = mentions.filter((m) => !s.knownProfiles.has(m));
  const exists = await Promise.all(unknown.map((m) => s.profileExists(m).catch(() => false)));
  unknown.forEach((m, i) => exists[i] && s.knownProfiles.add(m));
  const id = s.newKey();
  const { writes } = planCreatePost({ uid, post, id, now: s.now(), channel, mentionable: (m) => s.knownProfiles.has(m) });
  try {
    await s.writeOnce(writes, async () => {
      const p = await s.readPost(post.channel, id);
      return p !== null && p.author === uid && p.text === text;
    });
  } catch (e) {
    if (isStoreError(e) && e.code === 'permission-denied' && channel === undefined) {
      // Name the real cause when it is the channel or its category.
      const ch = await s.readChannelRecord(post.channel).catch(() => undefined);
      if (ch !== undefined) checkChannelCategory(post.channel, ch, category);
    }
    throw e;
  }
  return id;
}

export async function editPost(s: FirebaseStoreBase, channel: ChannelId, postId: string, text: string): Promise<void> {
  const uid = await s.uid();
  const { writes } = planEditPost(uid, channel, postId, await s.readPost(channel, postId), text, s.knownChannel(channel));
  await s.writeOnce(writes, async () => {
    const p = await s.readPost(channel, postId);
    return p !== null && p.author === uid && p.text === text && p.editedAt !== undefined;
  }).catch((e: unknown) => s.nameArchived(channel, e));
}

export async function deletePost(s: FirebaseStoreBase, channel: ChannelId, postId: string): Promise<void> {
  const uid = await s.uid();
  const { writes } = planDeletePost(uid, channel, postId, await s.readPost(channel, postId));
  await s.writeOnce(writes, async () => (await s.readPost(channel, postId)) === null);
}

export async function hidePost(s: FirebaseStoreBase, channel: ChannelId, postId: string, hidden: boolean): Promise<void> {
  const uid = await s.uid();
  const post = await s.readPost(channel, postId);
  await s.write(planHidePost(channel, postId, post, await s.isAdmin(uid), hidden).writes);
}

export async function report(s: FirebaseStoreBase, channel: ChannelId, postId: string, reason: string, comment?: string): Promise<void> {
  const uid = await s.uid();
  const id = s.newKey();
  const post = await s.readPost(channel, postId);
  if (comment !== undefined) checkId('comment', comment);
  const text = comment === undefined || !post ? undefined : await s.adminHost.commentText(channel, postId, comment);
  const { writes } = planReport(uid, channel, postId, post, reason, id, comment, text);
  // Only admins may read reports back. The rules refuse a report by its author, now, of a post (and
  // comment) that exists, holding the text stored, only when its id is taken — and the id is new, so only
  // this write took it. An edit between the read above and this write is refused too (the report would
  // hold a text that is no longer there).
  await s.writeOnce(writes, async () => {
    const now = comment === undefined ? (await s.readPost(channel, postId))?.text : await s.adminHost.commentText(channel, postId, comment);
    return typeof now === 'string' && now === (writes[`reports/${id}`] as { text?: string }).text;
  });
}

// --- comments ----------------------------------------------------------------------------------------------

export function subscribeComments(s: FirebaseStoreBase, channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
  return s.checked(
    () => (checkId('channel', channel), checkId('post', postId)),
    onError,
    () => s.whileSignedIn(() => s.listenCommentRows(channel, postId, (rows) => cb(decodeComments(postId, rows)), onError), onError),
  );
}

export async function comment(s: FirebaseStoreBase, channel: ChannelId, postId: string, text: string): Promise<string> {
  const uid = await s.uid();
  const id = s.newKey();
  const { writes } = planComment(uid, channel, postId, await s.readPost(channel, postId), text, id, s.knownChannel(channel));
  await s.writeOnce(writes, async () => {
    const c = await s.readComment(channel, postId, id);
    return c?.author === uid && c.text === text;
  }).catch((e: unknown) => s.nameArchived(channel, e));
  return id;
}

// --- ideas -----------------------------------------------------------------------------------------------------

export function subscribeIdeas(s: FirebaseStoreBase, channel: ChannelId, cb: (ideas: Idea[]) => void, onError?: OnError): Unsubscribe {
  return s.checked(
    () => checkId('channel', channel),
    onError,
    () =>
      s.whileSignedIn((uid) => {
        let raw: [string, PostRecord][] | undefined;
        let channelChecked = false;
        const stable = new StableById<Idea>();
        const emit = () => {
          if (!raw) return;
          if (raw.length === 0 && !channelChecked) {
            // No ideas may mean no channel: ask once, and say so instead of showing an empty board.
            channelChecked = true;
            return s.ifChannelExists(channel, onError, emit);
          }
          let isAdmin: boolean | undefined;
          if (raw.some(([, p]) => p.hidden === true)) {
            isAdmin = admin.get();
            if (isAdmin === undefined) return;
          }
          cb(
            stable.keep(
              raw
                .filter(([, p]) => isIdeaRecord(p) && (isAdmin === true || p.hidden !== true))
                .sort(newestFirst)
                .map(([id, p]) => decodePost(channel, id, p))
                .filter((p): p is Idea => p?.idea !== undefined),
            ),
          );
        };
        const admin = adminWhenNeeded(s, uid, emit, onError);
        const stop = s.listenIdeaRecords(
          channel,
          (rows) => {
            raw = rows.filter((e): e is [string, PostRecord] => isPostRecord(e[1]));
            emit();
          },
          onError,
        );
        return () => {
          stop();
          admin.stop();
        };
      }, onError),
  );
}

export function subscribeIdeaHistory(s: FirebaseStoreBase, channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
  return s.checked(
    () => (checkId('channel', channel), checkId('post', ideaId)),
    onError,
    () => s.whileSignedIn(() => s.listenHistoryRows(channel, ideaId, (rows) => cb(decodeHistory(rows)), onError), onError),
  );
}

/** One listener for the whole board: every history entry of the channel, what the per-idea listeners read. */
export function subscribeLatestNotes(s: FirebaseStoreBase, channel: ChannelId, cb: (latest: Readonly<Record<string, IdeaHistoryEntry>>) => void, onError?: OnError): Unsubscribe {
  return s.checked(
    () => checkId('channel', channel),
    onError,
    () => s.whileSignedIn(() => s.listenLatestNoteRows(channel, (rows) => cb(decodeLatestNotes(rows)), onError), onError),
  );
}

export async function setIdeaStatus(s: FirebaseStoreBase, channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
  const uid = await s.uid();
  const [{ post: idea, voters }, admin] = await Promise.all([s.postAndVoters(channel, ideaId), s.isAdmin(uid)]);
  const entryId = s.newKey();
  const { writes } = planSetIdeaStatus({ uid, admin, channel, ideaId, idea, status, note, voters, entryId });
  await s.writeOnce(writes, async () => (await s.readPost(channel, ideaId))?.statusEntry === entryId).catch((e: unknown) => s.nameArchived(channel, e, true));
}

export async function assignIdea(s: FirebaseStoreBase, channel: ChannelId, ideaId: string, owner: UserId): Promise<void> {
  const uid = await s.uid();
  const idea = await s.readPost(channel, ideaId);
  await s.write(planAssignIdea(uid, await s.isAdmin(uid), channel, ideaId, idea, owner).writes).catch((e: unknown) => s.nameArchived(channel, e, true));
}

/**
 * Pools the votes: everyone who voted for `ideaId` and not yet for `intoId` now votes for `intoId`.
 * That writes other people's likes, which the rules allow admins only (docs/rules.md).
 */
export async function mergeIdea(s: FirebaseStoreBase, channel: ChannelId, ideaId: string, intoId: string): Promise<void> {
  const uid = await s.uid();
  checkId('into', intoId);
  const [from, into, admin] = await Promise.all([s.readPost(channel, ideaId), s.readPost(channel, intoId), s.isAdmin(uid)]);
  const ready = from && into && admin && ideaId !== intoId;
  const [fromVoters, intoVoters] = ready ? await Promise.all([s.voters(channel, ideaId), s.voters(channel, intoId)]) : [[], []];
  await s.write(planMergeIdea({ admin, channel, ideaId, intoId, from, into, fromVoters, intoVoters }).writes).catch((e: unknown) => s.nameArchived(channel, e, true));
}

// --- notifications -----------------------------------------------------------------------------------------------

export function subscribeNotifications(s: FirebaseStoreBase, cb: (notifications: Notification[]) => void, onError?: OnError): Unsubscribe {
  return s.whileSignedIn(
    (uid) => s.listenNotificationRows(uid, NOTIFICATION_LIMIT, (rows) => cb(decodeNotifications(rows, NOTIFICATION_LIMIT)), onError),
    onError,
    () => cb([]),
  );
}

export async function markNotificationsRead(s: FirebaseStoreBase, ids: string[] | 'all'): Promise<void> {
  const uid = await s.uid();
  await s.write(planMarkRead(uid, await s.readNotificationRows(uid), ids).writes);
}

// --- stats ---------------------------------------------------------------------------------------------------------

export function subscribeStats(s: FirebaseStoreBase, q: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
  return s.checked(
    () => q.channel !== undefined && checkId('channel', q.channel),
    onError,
    () =>
      s.whileSignedIn(() => {
        const channel = q.channel;
        if (channel === undefined) {
          const onRows = (rows: StatRow[]) => cb(sumStats(rows, q.from, q.to));
          return s.statsByChannel ? everyChannelStatRows(s, q, onRows, onError) : s.listenStatRows(undefined, q, onRows, onError);
        }
        let channelChecked = false;
        return s.listenStatRows(
          channel,
          q,
          (rows) => {
            const stats = sumStats(rows, q.from, q.to);
            if (stats.length === 0 && !channelChecked) {
              // No figures may mean no channel: ask once.
              channelChecked = true;
              return s.ifChannelExists(channel, onError, () => cb(stats));
            }
            cb(stats);
          },
          onError,
        );
      }, onError),
  );
}

/**
 * Stats summed over every channel, for a store whose queries cannot span channels: the channel list, and
 * for each channel only the months asked for — never the whole stats tree, which grows by a month for every
 * channel and would be downloaded on every change.
 */
function everyChannelStatRows(s: FirebaseStoreBase, q: StatsQuery, onRows: (rows: StatRow[]) => void, onError?: OnError): Unsubscribe {
  const channels = new Map<ChannelId, { stop: Unsubscribe; rows: StatRow[] | undefined }>();
  let listed = false;
  const emit = () => {
    if (!listed || [...channels.values()].some((c) => c.rows === undefined)) return;
    onRows([...channels.values()].flatMap((c) => c.rows!));
  };
  const stopList = s.listenAdminList(
    'channels',
    (list) => {
      const ids = new Set(list.map(([id]) => id));
      for (const [id, c] of channels) {
        if (ids.has(id)) continue;
        c.stop();
        channels.delete(id);
      }
      for (const id of ids) {
        if (channels.has(id)) continue;
        const c: { stop: Unsubscribe; rows: StatRow[] | undefined } = { stop: () => {}, rows: undefined };
        channels.set(id, c);
        c.stop = s.listenStatRows(id, q, (rows) => ((c.rows = rows), emit()), onError);
      }
      listed = true;
      emit();
    },
    onError,
  );
  return () => {
    stopList();
    for (const c of channels.values()) c.stop();
    channels.clear();
  };
}
