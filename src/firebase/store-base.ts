/**
 * What the Realtime Database store and the Cloud Firestore store do alike, written once: sign-in and the
 * subscriptions' scaffolding (signed in, input checked, one task per key in turn), the viewer, profiles,
 * the feed, a post and its comments, likes, the idea board and its commands, notifications, stats, the
 * export, and the administration (planned and run by the core, src/data/core/admin.ts and
 * admin-commands.ts, in chunks only `<lenig-admin>` loads). Every command is planned by the domain core;
 * each store supplies only its reads, its listeners as raw records — the Realtime Database's by path,
 * Firestore's by document — and how a plan's writes are applied. Imports no database SDK: both stores'
 * chunks share it.
 */
import {
  FeedWindows,
  MAX_LIKERS,
  NAME_SEARCH_FIELDS,
  NOTIFICATION_LIMIT,
  StableById,
  checkCategory,
  checkChannelCategory,
  checkId,
  checkNewPost,
  checkPageSize,
  checkTarget,
  checkUid,
  checkedSubscription,
  decodeChannel,
  decodeComments,
  decodeHistory,
  decodeLatestNotes,
  decodeLikers,
  decodeNotifications,
  decodePost,
  decodeProfile,
  isIdeaRecord,
  isPostRecord,
  newestFirst,
  notFound,
  planAssignIdea,
  planComment,
  planCreatePost,
  planDeletePost,
  planEditPost,
  planHidePost,
  planLike,
  planMarkRead,
  planMergeIdea,
  planReport,
  planSetIdeaStatus,
  planUnlike,
  profileRecord,
  rankProfiles,
  requireOpenChannel,
  searchKey,
  sumStats,
  type ChannelRecord,
  type FeedHost,
  type PostRecord,
  type Writes,
} from '../data/core/index.js';
import type { AdminHost } from '../data/core/admin-commands.js';
import { decodeKey } from '../data/keys.js';
import { isStoreError, type StoreError, type FeedQuery, type FeedSubscription, type NewPost, type OnError, type StatsQuery, type Unsubscribe } from '../data/store.js';
import {
  parsePostTarget,
  type Channel,
  type ChannelChanges,
  type ChannelId,
  type Comment,
  type ExportProgress,
  type FeedPage,
  type Idea,
  type IdeaHistoryEntry,
  type IdeaStatus,
  type LenigExport,
  type LikeState,
  type LikeTarget,
  type MonthStat,
  type NewChannel,
  type Notification,
  type PersonActivity,
  type Post,
  type Profile,
  type Report,
  type ReportAction,
  type UserId,
  type Viewer,
} from '../data/types.js';
import type { Session } from './session.js';
import { SharedCache, type Shared } from './shared.js';

/** Administration is planned and run by chunks of their own (src/data/core/admin.ts, admin-commands.ts). */
const adminCore = () => import('../data/core/admin.js');
const adminCommands = () => import('../data/core/admin-commands.js');

/** A collection the administration lists: every channel, every admin (uid → true), every report. */
export type AdminList = 'channels' | 'admins' | 'reports';

/** Where a post's likes live: its channel and id (see `parsePostTarget`). */
export type PostAddress = { channel: ChannelId; post: string };

/** Part of a like target's state, as a listener delivers it: the count, the newest likers, or both. */
export type LikesPart = { count?: number; likers?: UserId[] };

/** A stat row: month, category and that category's figures (see `statRows`). */
export type StatRow = [string, string, unknown];

export abstract class FirebaseStoreBase {
  abstract readonly session: Session;
  /** One listener per shared value however many ask (admin flags, channels, my likes). */
  protected readonly shared = new SharedCache();
  /** Likes and unlikes of one target run one after another, so a double click is one like. */
  protected readonly serial = new Map<string, Promise<unknown>>();
  /** Profiles seen to exist (search results, subscriptions): mentions of them need no read. */
  protected readonly knownProfiles = new Set<UserId>();

  /** Whether `uid` is an admin, live; one listener however many ask. */
  protected abstract adminFlag(uid: UserId): Shared<boolean>;
  /** What a feed needs from the store, without handing it the whole store. */
  protected abstract feedHost(uid: UserId, channel: ChannelId): FeedHost;
  /** Someone's profile record, live (null or anything else when there is none). */
  protected abstract listenProfileRecord(uid: UserId, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe;
  /** A post's record, live, in the records of docs/data-layout.md. */
  protected abstract listenPostRecord(channel: ChannelId, postId: string, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe;
  /** Every idea of a channel (at least; other posts are filtered out), live, as [id, record]. */
  protected abstract listenIdeaRecords(channel: ChannelId, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** An administration list, live, as [id, record] (admins as [uid, true]). */
  protected abstract listenAdminList(list: AdminList, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** Reads and writes for the administration commands. */
  protected abstract readonly adminHost: AdminHost;
  /** The keys of every target `uid` likes, live; one listener for the whole store. */
  protected abstract myLikes(uid: UserId): Shared<ReadonlySet<string>>;
  /** A channel record, live; shared by the composer, the feed and the checks of `createPost`. */
  protected abstract channelRecord(channel: ChannelId): Shared<ChannelRecord | null>;

  // One-time reads, for what a listener does not hold already.
  protected abstract readAdminFlag(uid: UserId): Promise<boolean>;
  protected abstract readLiked(uid: UserId, key: string): Promise<boolean>;
  protected abstract readChannelRecord(channel: ChannelId): Promise<ChannelRecord | null>;
  /** A post's record (ids checked), or null when there is none. */
  protected abstract readPost(channel: ChannelId, postId: string): Promise<PostRecord | null>;
  /** Everyone who likes a post. */
  protected abstract voters(channel: ChannelId, postId: string): Promise<UserId[]>;
  protected abstract readComment(channel: ChannelId, postId: string, commentId: string): Promise<{ author?: unknown; text?: unknown } | null | undefined>;
  protected abstract profileExists(uid: UserId): Promise<boolean>;
  /** Profiles whose `field` starts with the search key `q`, as [uid, record]. */
  protected abstract searchProfileRows(field: string, q: string, limit: number): Promise<[UserId, unknown][]>;
  /** The viewer's notifications, as [id, record]. */
  protected abstract readNotificationRows(uid: UserId): Promise<[string, { read?: boolean }][]>;
  /** The newest `limit` likers of a target, as [uid, when]. */
  protected abstract readLikerRows(target: LikeTarget, key: string, limit: number): Promise<[UserId, unknown][]>;
  /** After a refused like or unlike: whether `uid`'s like of `key` is there now. */
  protected abstract likeLanded(uid: UserId, key: string): Promise<boolean>;
  /** The tree reader the export builds from (`all`), or the one for one person's activity (`person`). */
  protected abstract exportReader(kind: 'all' | 'person'): Promise<(path: string) => Promise<unknown>>;

  // Listeners, delivering the core's records.
  protected abstract listenCommentRows(channel: ChannelId, postId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  protected abstract listenHistoryRows(channel: ChannelId, ideaId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** Every history entry of a channel, as [idea id, {entry id: entry}]. */
  protected abstract listenLatestNoteRows(channel: ChannelId, onRows: (rows: Iterable<[string, unknown]>) => void, onError?: OnError): Unsubscribe;
  /** The viewer's newest `limit` notifications, as [id, record]. */
  protected abstract listenNotificationRows(uid: UserId, limit: number, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** A target's like count and newest likers, as the database delivers them. */
  protected abstract listenLikes(target: LikeTarget, key: string, onPart: (part: LikesPart) => void, onError?: OnError): Unsubscribe;
  /** The stat rows of months `q.from`…`q.to`: of `channel`, or of every channel when it is undefined. */
  protected abstract listenStatRows(channel: ChannelId | undefined, q: StatsQuery, onRows: (rows: StatRow[]) => void, onError?: OnError): Unsubscribe;

  /** Applies a plan's writes as one write. */
  protected abstract write(writes: Writes): Promise<void>;
  /** A new id made on the client: a post, comment, report or history entry. */
  protected abstract newKey(): string;

  /** The time commands date a month by (the Realtime Database store corrects it to the server's). */
  protected now(): number {
    return Date.now();
  }

  protected uid(): Promise<UserId> {
    return this.session.uid();
  }

  protected whileSignedIn(start: (uid: UserId) => Unsubscribe, onError?: OnError, signedOut?: () => void): Unsubscribe {
    return this.session.whileSignedIn(start, onError, signedOut);
  }

  protected checked(check: () => void, onError: OnError | undefined, start: () => Unsubscribe): Unsubscribe {
    return checkedSubscription(check, onError, start);
  }

  /** Runs `task` after any earlier task with the same key. */
  protected inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.serial.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.serial.set(key, next);
    void next
      .finally(() => {
        if (this.serial.get(key) === next) this.serial.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  /**
   * Writes, and on a refusal asks `landed` whether the write is there as planned anyway — the server
   * applied it, the acknowledgement was lost, and the SDK's resend was what the rules refused. Then the
   * command succeeded, once.
   */
  protected async writeOnce(writes: Writes, landed: () => Promise<boolean>): Promise<void> {
    try {
      await this.write(writes);
    } catch (e) {
      if (isStoreError(e) && e.code === 'permission-denied' && (await landed().catch(() => false))) return;
      throw e;
    }
  }

  protected async isAdmin(uid: UserId): Promise<boolean> {
    const c = this.adminFlag(uid).current;
    return c.known ? c.value === true : this.readAdminFlag(uid);
  }

  protected async likedByMe(uid: UserId, key: string): Promise<boolean> {
    const c = this.myLikes(uid).current;
    return c.known ? c.value!.has(key) : this.readLiked(uid, key);
  }

  protected async channelExists(channel: ChannelId): Promise<boolean> {
    const c = this.channelRecord(channel).current;
    return (c.known ? c.value : await this.readChannelRecord(channel)) !== null;
  }

  /** The channel record when a listener already holds it; undefined when not known (no read is made). */
  protected knownChannel(channel: ChannelId): ChannelRecord | null | undefined {
    const c = this.channelRecord(channel).current;
    return c.known ? c.value : undefined;
  }

  /** After a refused write in `channel`: names an archived channel as the cause, else rethrows `e`. */
  protected async nameArchived(channel: ChannelId, e: unknown): Promise<never> {
    if (isStoreError(e) && e.code === 'permission-denied') requireOpenChannel(channel, await this.readChannelRecord(channel).catch(() => undefined));
    throw e;
  }

  /** Runs a like or unlike with the post's record; the Realtime Database store skips the read for a post it has seen. */
  protected async withPost(channel: ChannelId, postId: string, run: (post: PostRecord | null) => Promise<void>): Promise<void> {
    return run(await this.readPost(channel, postId));
  }

  /** A post and everyone who likes it (nobody when it is gone). */
  protected async postAndVoters(channel: ChannelId, postId: string): Promise<{ post: PostRecord | null; voters: UserId[] }> {
    const post = await this.readPost(channel, postId);
    return { post, voters: post ? await this.voters(channel, postId) : [] };
  }

  /** An unlike's writes; Firestore keeps a post's likers in the post, so it leaves out a deleted post's. */
  protected unlikeWrites(uid: UserId, target: LikeTarget, key: string, liked: boolean, post: PostRecord | null | undefined, channel: ChannelRecord | null | undefined): Writes {
    return planUnlike(uid, target, key, liked, post, channel).writes;
  }

  /**
   * Calls `then` when `channel` exists, else reports it as not found: an empty answer (no ideas, no
   * figures) may mean no channel, and saying so beats showing an empty widget.
   */
  protected ifChannelExists(channel: ChannelId, onError: OnError | undefined, then: () => void): void {
    this.channelExists(channel).then((exists) => (exists ? then() : onError?.(notFound(`Channel ${channel}`))), (e: StoreError) => onError?.(e));
  }

  // --- identity --------------------------------------------------------------------------------------------

  subscribeViewer(cb: (viewer: Viewer | null) => void): Unsubscribe {
    return this.whileSignedIn(
      (uid) => {
        const anonymous = this.session.user?.isAnonymous ?? false;
        let admin: boolean | undefined;
        let profile: Profile | null | undefined;
        const emit = () => {
          if (admin === undefined || profile === undefined) return;
          const viewer: Viewer = { uid, anonymous, admin };
          if (profile) viewer.profile = profile;
          cb(viewer);
        };
        const stopAdmin = this.adminFlag(uid).subscribe(
          (v) => ((admin = v), emit()),
          () => ((admin = false), emit()),
        );
        const stopProfile = this.listenProfileRecord(
          uid,
          (raw) => ((profile = decodeProfile(uid, raw)), emit()),
          () => ((profile = null), emit()),
        );
        return () => {
          stopAdmin();
          stopProfile();
        };
      },
      undefined,
      () => cb(null),
    );
  }

  signIn(credentials?: { email: string; password: string }): Promise<void> {
    return credentials ? this.session.signInWithEmail(credentials.email, credentials.password) : this.session.signIn();
  }

  /** For the demo's "signed in as" switcher and tests (auth mode `email`); same as `signIn(credentials)`. */
  signInWithEmail(email: string, password: string): Promise<void> {
    return this.session.signInWithEmail(email, password);
  }

  signOut(): Promise<void> {
    return this.session.signOut();
  }

  // --- profiles --------------------------------------------------------------------------------------------

  subscribeProfile(uid: UserId, cb: (profile: Profile | null) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => checkUid('uid', uid),
      onError,
      () =>
        this.whileSignedIn(
          () =>
            this.listenProfileRecord(
              uid,
              (raw) => {
                const p = decodeProfile(uid, raw);
                if (p) this.knownProfiles.add(uid);
                cb(p);
              },
              onError,
            ),
          onError,
        ),
    );
  }

  async searchProfiles(prefix: string, limit = 10): Promise<Profile[]> {
    const q = searchKey(prefix);
    if (!q) return [];
    await this.uid();
    // One ordered query per indexed name field: the whole name, and the name from each later word on.
    const found = new Map<UserId, Profile>();
    for (const rows of await Promise.all(NAME_SEARCH_FIELDS.map((field) => this.searchProfileRows(field, q, limit)))) {
      for (const [uid, raw] of rows) {
        const p = decodeProfile(uid, raw);
        if (p) found.set(uid, p);
      }
    }
    const ranked = rankProfiles(found.values(), q, limit);
    for (const p of ranked) this.knownProfiles.add(p.uid);
    return ranked;
  }

  async updateMyProfile(profile: Omit<Profile, 'uid'>): Promise<void> {
    const uid = await this.uid();
    await this.write({ [`profiles/${uid}`]: { ...profileRecord(profile) } });
  }

  // --- channels and posts ----------------------------------------------------------------------------------

  subscribeChannel(channel: ChannelId, cb: (channel: Channel) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => checkId('channel', channel),
      onError,
      () =>
        this.whileSignedIn(
          () =>
            this.channelRecord(channel).subscribe((raw) => {
              const c = decodeChannel(channel, raw);
              if (c) cb(c);
              else onError?.(notFound(`Channel ${channel}`));
            }, onError),
          onError,
        ),
    );
  }

  subscribeFeed(q: FeedQuery, cb: (page: FeedPage) => void, onError?: OnError): FeedSubscription {
    let feed: FeedWindows | undefined;
    let pageSize = 0;
    const unsubscribe = this.checked(
      () => {
        checkId('channel', q?.channel);
        if (q.category !== undefined) checkCategory(q.category);
        pageSize = checkPageSize(q.pageSize);
      },
      onError,
      () =>
        this.whileSignedIn((uid) => {
          const f = new FeedWindows(this.feedHost(uid, q.channel), { channel: q.channel, category: q.category, pageSize }, cb, onError);
          feed = f;
          return () => {
            f.close();
            if (feed === f) feed = undefined;
          };
        }, onError),
    );
    return { unsubscribe, more: async () => feed?.more() };
  }

  subscribePost(channel: ChannelId, postId: string, cb: (post: Post | null) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => (checkId('channel', channel), checkId('post', postId)),
      onError,
      () =>
        this.whileSignedIn((uid) => {
          let raw: PostRecord | null | undefined;
          let admin: boolean | undefined;
          let stopAdmin: Unsubscribe | undefined;
          // A post equal to the one handed out before is handed out as that same object.
          const stable = new StableById<Post>();
          const emit = () => {
            if (raw === undefined) return;
            if (!raw) return cb(stable.one(null));
            if (raw.hidden === true) {
              // Only hidden posts need to know whether the viewer is an admin. The flag may be known and
              // answered from inside subscribe: that answer emits, this call stops here.
              if (!stopAdmin) {
                stopAdmin = () => {};
                stopAdmin = this.adminFlag(uid).subscribe((v) => ((admin = v), emit()), onError);
                return;
              }
              if (admin === undefined) return;
              if (!admin) return cb(stable.one(null));
            }
            cb(stable.one(decodePost(channel, postId, raw)));
          };
          const stop = this.listenPostRecord(
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
            stopAdmin?.();
          };
        }, onError),
    );
  }

  async createPost(post: NewPost): Promise<string> {
    const uid = await this.uid();
    const { text, category, mentions } = checkNewPost(uid, post);
    // The channel is checked here only when it is known already (the composer listens to it): the
    // optimistic write must not wait for a read. Otherwise the rules check it, and a refusal is named below.
    const channel = this.knownChannel(post.channel);
    checkChannelCategory(post.channel, channel, category);
    // Only existing people become mentions: a read for each one not seen yet (none for most posts).
    const unknown = mentions.filter((m) => !this.knownProfiles.has(m));
    const exists = await Promise.all(unknown.map((m) => this.profileExists(m).catch(() => false)));
    unknown.forEach((m, i) => exists[i] && this.knownProfiles.add(m));
    const id = this.newKey();
    const { writes } = planCreatePost({ uid, post, id, now: this.now(), channel, mentionable: (m) => this.knownProfiles.has(m) });
    try {
      await this.writeOnce(writes, async () => {
        const p = await this.readPost(post.channel, id);
        return p !== null && p.author === uid && p.text === text;
      });
    } catch (e) {
      if (isStoreError(e) && e.code === 'permission-denied' && channel === undefined) {
        // Name the real cause when it is the channel or its category.
        const ch = await this.readChannelRecord(post.channel).catch(() => undefined);
        if (ch !== undefined) checkChannelCategory(post.channel, ch, category);
      }
      throw e;
    }
    return id;
  }

  async editPost(channel: ChannelId, postId: string, text: string): Promise<void> {
    const uid = await this.uid();
    const { writes } = planEditPost(uid, channel, postId, await this.readPost(channel, postId), text, this.knownChannel(channel));
    await this.writeOnce(writes, async () => {
      const p = await this.readPost(channel, postId);
      return p !== null && p.author === uid && p.text === text && p.editedAt !== undefined;
    }).catch((e: unknown) => this.nameArchived(channel, e));
  }

  async deletePost(channel: ChannelId, postId: string): Promise<void> {
    const uid = await this.uid();
    const { writes } = planDeletePost(uid, channel, postId, await this.readPost(channel, postId));
    await this.writeOnce(writes, async () => (await this.readPost(channel, postId)) === null);
  }

  async hidePost(channel: ChannelId, postId: string, hidden: boolean): Promise<void> {
    const uid = await this.uid();
    const post = await this.readPost(channel, postId);
    await this.write(planHidePost(channel, postId, post, await this.isAdmin(uid), hidden).writes);
  }

  async report(channel: ChannelId, postId: string, reason: string, comment?: string): Promise<void> {
    const uid = await this.uid();
    const id = this.newKey();
    const post = await this.readPost(channel, postId);
    if (comment !== undefined) checkId('comment', comment);
    const exists = comment === undefined || !post ? undefined : await this.adminHost.commentExists(channel, postId, comment);
    await this.write(planReport(uid, channel, postId, post, reason, id, comment, exists).writes);
  }

  // --- comments ----------------------------------------------------------------------------------------------

  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => (checkId('channel', channel), checkId('post', postId)),
      onError,
      () => this.whileSignedIn(() => this.listenCommentRows(channel, postId, (rows) => cb(decodeComments(postId, rows)), onError), onError),
    );
  }

  async comment(channel: ChannelId, postId: string, text: string): Promise<string> {
    const uid = await this.uid();
    const id = this.newKey();
    const { writes } = planComment(uid, channel, postId, await this.readPost(channel, postId), text, id, this.knownChannel(channel));
    await this.writeOnce(writes, async () => {
      const c = await this.readComment(channel, postId, id);
      return c?.author === uid && c.text === text;
    }).catch((e: unknown) => this.nameArchived(channel, e));
    return id;
  }

  // --- likes ---------------------------------------------------------------------------------------------------

  subscribeLikes(target: LikeTarget, cb: (state: LikeState) => void, onError?: OnError): Unsubscribe {
    let key = '';
    return this.checked(
      () => (key = checkTarget(target)),
      onError,
      () =>
        this.whileSignedIn((uid) => {
          const state: LikesPart = {};
          let mine: ReadonlySet<string> | undefined;
          const emit = () => {
            const { count, likers } = state;
            if (count === undefined || likers === undefined || mine === undefined) return;
            cb({ target, count, mine: mine.has(key), likers });
          };
          const stops = [
            this.listenLikes(target, key, (part) => (Object.assign(state, part), emit()), onError),
            this.myLikes(uid).subscribe((v) => ((mine = v), emit()), onError),
          ];
          return () => stops.forEach((stop) => stop());
        }, onError),
    );
  }

  subscribeMyLikes(cb: (targets: ReadonlySet<LikeTarget>) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(
      (uid) => this.myLikes(uid).subscribe((keys) => cb(new Set([...keys].map(decodeKey))), onError),
      onError,
      () => cb(new Set()),
    );
  }

  async getLikers(target: LikeTarget, limit = MAX_LIKERS): Promise<UserId[]> {
    await this.uid();
    const key = checkTarget(target);
    return decodeLikers(await this.readLikerRows(target, key, limit), limit);
  }

  like(target: LikeTarget): Promise<void> {
    return this.toggleLike(target, true);
  }

  unlike(target: LikeTarget): Promise<void> {
    return this.toggleLike(target, false);
  }

  /**
   * Likes (`on`) or unlikes, one after another per target. Liking again is a no-op (the rules would refuse
   * a second like); another tab or device liking first, or a lost acknowledgement, leaves the like there,
   * which is what was asked. A post's record is read only when its count changes; an archived channel
   * (when known, or as the cause of a refusal) is named.
   */
  private async toggleLike(target: LikeTarget, on: boolean): Promise<void> {
    const uid = await this.uid();
    const key = checkTarget(target, uid);
    return this.inTurn(`like:${key}`, async () => {
      const liked = await this.likedByMe(uid, key);
      const pt = parsePostTarget(target);
      const channel = pt ? this.knownChannel(pt.channel) : undefined;
      const write = (post: PostRecord | null | undefined) =>
        this.writeOnce(
          on ? planLike(uid, target, key, liked, post, channel).writes : this.unlikeWrites(uid, target, key, liked, post, channel),
          async () => (await this.likeLanded(uid, key)) === on,
        );
      if (pt && liked !== on) await this.withPost(pt.channel, pt.post, write).catch((e: unknown) => this.nameArchived(pt.channel, e));
      else await write(undefined);
    });
  }

  // --- ideas -----------------------------------------------------------------------------------------------------

  subscribeIdeas(channel: ChannelId, cb: (ideas: Idea[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => checkId('channel', channel),
      onError,
      () =>
        this.whileSignedIn((uid) => {
          let raw: [string, PostRecord][] | undefined;
          let admin: boolean | undefined;
          let stopAdmin: Unsubscribe | undefined;
          let channelChecked = false;
          const stable = new StableById<Idea>();
          const emit = () => {
            if (!raw) return;
            if (raw.length === 0 && !channelChecked) {
              // No ideas may mean no channel: ask once, and say so instead of showing an empty board.
              channelChecked = true;
              return this.ifChannelExists(channel, onError, emit);
            }
            if (raw.some(([, p]) => p.hidden === true)) {
              // As in subscribePost: a flag answered from inside subscribe emits; this call stops here.
              if (!stopAdmin) {
                stopAdmin = () => {};
                stopAdmin = this.adminFlag(uid).subscribe((v) => ((admin = v), emit()), onError);
                return;
              }
              if (admin === undefined) return;
            }
            cb(
              stable.keep(
                raw
                  .filter(([, p]) => isIdeaRecord(p) && (admin === true || p.hidden !== true))
                  .sort(newestFirst)
                  .map(([id, p]) => decodePost(channel, id, p))
                  .filter((p): p is Idea => p?.idea !== undefined),
              ),
            );
          };
          const stop = this.listenIdeaRecords(
            channel,
            (rows) => {
              raw = rows.filter((e): e is [string, PostRecord] => isPostRecord(e[1]));
              emit();
            },
            onError,
          );
          return () => {
            stop();
            stopAdmin?.();
          };
        }, onError),
    );
  }

  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => (checkId('channel', channel), checkId('post', ideaId)),
      onError,
      () => this.whileSignedIn(() => this.listenHistoryRows(channel, ideaId, (rows) => cb(decodeHistory(rows)), onError), onError),
    );
  }

  /** One listener for the whole board: every history entry of the channel, what the per-idea listeners read. */
  subscribeLatestNotes(channel: ChannelId, cb: (latest: Readonly<Record<string, IdeaHistoryEntry>>) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => checkId('channel', channel),
      onError,
      () => this.whileSignedIn(() => this.listenLatestNoteRows(channel, (rows) => cb(decodeLatestNotes(rows)), onError), onError),
    );
  }

  async setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
    const uid = await this.uid();
    const [{ post: idea, voters }, admin] = await Promise.all([this.postAndVoters(channel, ideaId), this.isAdmin(uid)]);
    const { writes } = planSetIdeaStatus({ uid, admin, channel, ideaId, idea, status, note, voters, entryId: this.newKey() });
    await this.write(writes);
  }

  async assignIdea(channel: ChannelId, ideaId: string, owner: UserId): Promise<void> {
    const uid = await this.uid();
    const idea = await this.readPost(channel, ideaId);
    await this.write(planAssignIdea(uid, await this.isAdmin(uid), channel, ideaId, idea, owner).writes);
  }

  /**
   * Pools the votes: everyone who voted for `ideaId` and not yet for `intoId` now votes for `intoId`.
   * That writes other people's likes, which the rules allow admins only (docs/rules.md).
   */
  async mergeIdea(channel: ChannelId, ideaId: string, intoId: string): Promise<void> {
    const uid = await this.uid();
    checkId('into', intoId);
    const [from, into, admin] = await Promise.all([this.readPost(channel, ideaId), this.readPost(channel, intoId), this.isAdmin(uid)]);
    const ready = from && into && admin && ideaId !== intoId;
    const [fromVoters, intoVoters] = ready ? await Promise.all([this.voters(channel, ideaId), this.voters(channel, intoId)]) : [[], []];
    await this.write(planMergeIdea({ admin, channel, ideaId, intoId, from, into, fromVoters, intoVoters }).writes);
  }

  // --- notifications -----------------------------------------------------------------------------------------------

  subscribeNotifications(cb: (notifications: Notification[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(
      (uid) => this.listenNotificationRows(uid, NOTIFICATION_LIMIT, (rows) => cb(decodeNotifications(rows, NOTIFICATION_LIMIT)), onError),
      onError,
      () => cb([]),
    );
  }

  async markNotificationsRead(ids: string[] | 'all'): Promise<void> {
    const uid = await this.uid();
    await this.write(planMarkRead(uid, await this.readNotificationRows(uid), ids).writes);
  }

  // --- stats ---------------------------------------------------------------------------------------------------------

  subscribeStats(q: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => q.channel !== undefined && checkId('channel', q.channel),
      onError,
      () =>
        this.whileSignedIn(() => {
          const channel = q.channel;
          if (channel === undefined) return this.listenStatRows(undefined, q, (rows) => cb(sumStats(rows, q.from, q.to)), onError);
          let channelChecked = false;
          return this.listenStatRows(
            channel,
            q,
            (rows) => {
              const stats = sumStats(rows, q.from, q.to);
              if (stats.length === 0 && !channelChecked) {
                // No figures may mean no channel: ask once.
                channelChecked = true;
                return this.ifChannelExists(channel, onError, () => cb(stats));
              }
              cb(stats);
            },
            onError,
          );
        }, onError),
    );
  }

  // --- export ----------------------------------------------------------------------------------------------------------

  async exportData(options: { channel?: ChannelId } = {}, onProgress?: (progress: ExportProgress) => void): Promise<LenigExport> {
    const uid = await this.uid();
    const admin = await this.isAdmin(uid);
    const [{ buildExport }, read] = await Promise.all([import('../data/core/export.js'), this.exportReader('all')]);
    return buildExport(read, { admin, channel: options.channel }, onProgress);
  }

  async exportPerson(person: UserId, onProgress?: (progress: ExportProgress) => void): Promise<PersonActivity> {
    const uid = await this.uid();
    const admin = await this.isAdmin(uid);
    const [{ buildPersonExport }, read] = await Promise.all([import('../data/core/export.js'), this.exportReader('person')]);
    return buildPersonExport(read, { admin, person }, onProgress);
  }

  // --- administration --------------------------------------------------------------------------------------

  subscribeChannels(cb: (channels: Channel[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(() => this.listenAdminList('channels', (rows) => void adminCore().then((a) => cb(a.decodeChannels(rows))), onError), onError);
  }

  subscribeAdmins(cb: (admins: UserId[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(
      () => this.listenAdminList('admins', (rows) => void adminCore().then((a) => cb(a.decodeAdmins(Object.fromEntries(rows)))), onError),
      onError,
    );
  }

  /**
   * Every report, which only admins may read: one listener, so the inbox and its count stay live. An
   * intranet's reports are few; handled ones could be archived by an export once they are many.
   */
  subscribeReports(cb: (reports: Report[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(() => this.listenAdminList('reports', (rows) => void adminCore().then((a) => cb(a.decodeReports(rows))), onError), onError);
  }

  async resolveReport(reportId: string, action: ReportAction): Promise<void> {
    return (await adminCommands()).resolveReport(this.adminHost, reportId, action);
  }

  async deleteComment(channel: ChannelId, postId: string, commentId: string): Promise<void> {
    return (await adminCommands()).deleteComment(this.adminHost, channel, postId, commentId);
  }

  async createChannel(channel: NewChannel): Promise<void> {
    return (await adminCommands()).createChannel(this.adminHost, channel);
  }

  async updateChannel(channel: ChannelId, changes: ChannelChanges): Promise<void> {
    return (await adminCommands()).updateChannel(this.adminHost, channel, changes);
  }

  async addAdmin(uid: UserId): Promise<void> {
    return (await adminCommands()).addAdmin(this.adminHost, uid);
  }

  async removeAdmin(uid: UserId): Promise<void> {
    return (await adminCommands()).removeAdmin(this.adminHost, uid);
  }

  async setProfileName(uid: UserId, name: string): Promise<void> {
    return (await adminCommands()).setProfileName(this.adminHost, uid, name);
  }

  async setUp(channel: NewChannel): Promise<void> {
    return (await adminCommands()).setUp(this.adminHost, channel);
  }
}
