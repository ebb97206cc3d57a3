/**
 * What the Realtime Database store and the Cloud Firestore store do alike, written once: sign-in and the
 * subscriptions' scaffolding (signed in, input checked, one task per key in turn), the viewer, profiles and
 * likes — all a page with only like buttons calls. The rest is in parts loaded when first used: the feed,
 * posts, comments, ideas, notifications and stats (./store-content.ts), the export (src/data/core/export.ts)
 * and the administration (src/data/core/admin.ts, admin-commands.ts). Every command is planned by the
 * domain core; each store supplies only its reads, its listeners as raw records — the Realtime Database's
 * by path, Firestore's by document — and how a plan's writes are applied. Imports no database SDK: both
 * stores' chunks share it. Its members the parts use are public, but not part of the store port
 * (src/data/store.ts).
 */
// The core's modules by name, not its index: this chunk loads with every store, and must not carry the
// feed's, the board's or the administration's parts of the core.
import { MAX_LIKERS } from '../data/core/limits.js';
import { checkTarget, checkUid, checkedSubscription, notFound } from '../data/core/checks.js';
import { decodeLikers, decodeProfile, type ChannelRecord, type PostRecord } from '../data/core/records.js';
import { likeState, planLike, planUnlike, requireOpenChannel, type Writes } from '../data/core/writes.js';
import type { FeedHost } from '../data/core/feed-windows.js';
import type { AdminHost } from '../data/core/admin-commands.js';
import { decodeKey } from '../data/keys.js';
import { StoreError, isStoreError, type FeedQuery, type FeedSubscription, type NewPost, type OnError, type StatsQuery, type Unsubscribe } from '../data/store.js';
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
import { importOnce } from '../import-once.js';

/** Administration is planned and run by chunks of their own (src/data/core/admin.ts, admin-commands.ts). */
const adminCore = importOnce(() => import('../data/core/admin.js'));
type AdminCore = Awaited<ReturnType<typeof adminCore>>;
const adminCommands = importOnce(() => import('../data/core/admin-commands.js'));

/**
 * What a page with only like buttons never calls — profiles search, channels, the feed, posts, comments,
 * ideas, notifications, stats (./store-content.ts) — is a chunk of its own, loaded by the first widget that
 * does; the like button's page fetches sign-in and likes only.
 */
type Content = typeof import('./store-content.js');
let loadedContent: Content | undefined;
/** Loads the content part, once per page (the loader preloads its chunk on pages whose widgets use it). */
export const loadContent: () => Promise<Content> = importOnce(() => import('./store-content.js').then((c) => (loadedContent = c)));

/** A part of the store's code did not arrive (offline, or the page's server failed): said like any offline read. */
function codeNotLoaded(e: unknown): StoreError {
  return new StoreError('offline', `lenig: could not load the store's code (${e instanceof Error ? e.message : String(e)})`);
}

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
  readonly shared = new SharedCache();
  /** Likes and unlikes of one target run one after another, so a double click is one like. */
  readonly serial = new Map<string, Promise<unknown>>();
  /** Set by `close()`: a subscription whose part loads after it starts nothing. */
  protected closed = false;
  /** Profiles seen to exist (search results, subscriptions): mentions of them need no read. */
  readonly knownProfiles = new Set<UserId>();

  /** Whether `uid` is an admin, live; one listener however many ask. */
  abstract adminFlag(uid: UserId): Shared<boolean>;
  /** What a feed needs from the store, without handing it the whole store. */
  abstract feedHost(uid: UserId, channel: ChannelId): FeedHost;
  /** Someone's profile record, live (null or anything else when there is none). */
  abstract listenProfileRecord(uid: UserId, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe;
  /** A post's record, live, in the records of docs/data-layout.md. */
  abstract listenPostRecord(channel: ChannelId, postId: string, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe;
  /** Every idea of a channel (at least; other posts are filtered out), live, as [id, record]. */
  abstract listenIdeaRecords(channel: ChannelId, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** An administration list, live, as [id, record] (admins as [uid, true]). */
  abstract listenAdminList(list: AdminList, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** Reads and writes for the administration commands. */
  abstract readonly adminHost: AdminHost;
  /** The keys of every target `uid` likes, live; one listener for the whole store. */
  abstract myLikes(uid: UserId): Shared<ReadonlySet<string>>;
  /** A channel record, live; shared by the composer, the feed and the checks of `createPost`. */
  abstract channelRecord(channel: ChannelId): Shared<ChannelRecord | null>;

  // One-time reads, for what a listener does not hold already.
  abstract readAdminFlag(uid: UserId): Promise<boolean>;
  abstract readLiked(uid: UserId, key: string): Promise<boolean>;
  abstract readChannelRecord(channel: ChannelId): Promise<ChannelRecord | null>;
  /** A post's record (ids checked), or null when there is none. */
  abstract readPost(channel: ChannelId, postId: string): Promise<PostRecord | null>;
  /** Everyone who likes a post. */
  abstract voters(channel: ChannelId, postId: string): Promise<UserId[]>;
  abstract readComment(channel: ChannelId, postId: string, commentId: string): Promise<{ author?: unknown; text?: unknown } | null | undefined>;
  abstract profileExists(uid: UserId): Promise<boolean>;
  /** Profiles whose `field` starts with the search key `q`, as [uid, record]. */
  abstract searchProfileRows(field: string, q: string, limit: number): Promise<[UserId, unknown][]>;
  /** The viewer's notifications, as [id, record]. */
  abstract readNotificationRows(uid: UserId): Promise<[string, { read?: boolean }][]>;
  /** The newest `limit` likers of a target, as [uid, when]. */
  abstract readLikerRows(target: LikeTarget, key: string, limit: number): Promise<[UserId, unknown][]>;
  /** After a refused like or unlike: whether `uid`'s like of `key` is there now. */
  abstract likeLanded(uid: UserId, key: string): Promise<boolean>;
  /** The tree reader the export builds from (`all`), or the one for one person's activity (`person`). */
  abstract exportReader(kind: 'all' | 'person'): Promise<(path: string) => Promise<unknown>>;

  // Listeners, delivering the core's records.
  abstract listenCommentRows(channel: ChannelId, postId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  abstract listenHistoryRows(channel: ChannelId, ideaId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** Every history entry of a channel, as [idea id, {entry id: entry}]. */
  abstract listenLatestNoteRows(channel: ChannelId, onRows: (rows: Iterable<[string, unknown]>) => void, onError?: OnError): Unsubscribe;
  /** The viewer's newest `limit` notifications, as [id, record]. */
  abstract listenNotificationRows(uid: UserId, limit: number, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe;
  /** A target's like count and newest likers, as the database delivers them. */
  abstract listenLikes(target: LikeTarget, key: string, onPart: (part: LikesPart) => void, onError?: OnError): Unsubscribe;
  /**
   * Whether every channel's stats are listened to channel by channel (`everyChannelStatRows`,
   * ./store-content.ts), rather than by `listenStatRows(undefined)`.
   */
  readonly statsByChannel: boolean = false;
  /** The stat rows of months `q.from`…`q.to`: of `channel`, or of every channel when it is undefined. */
  abstract listenStatRows(channel: ChannelId | undefined, q: StatsQuery, onRows: (rows: StatRow[]) => void, onError?: OnError): Unsubscribe;

  /** Applies a plan's writes as one write. */
  abstract write(writes: Writes): Promise<void>;
  /** A new id made on the client: a post, comment, report or history entry. */
  abstract newKey(): string;

  /** The time commands date a month by (the Realtime Database store corrects it to the server's). */
  now(): number {
    return Date.now();
  }

  uid(): Promise<UserId> {
    return this.session.uid();
  }

  whileSignedIn(start: (uid: UserId) => Unsubscribe, onError?: OnError, signedOut?: () => void, first = false): Unsubscribe {
    return this.session.whileSignedIn(start, onError, signedOut, first);
  }

  checked(check: () => void, onError: OnError | undefined, start: () => Unsubscribe): Unsubscribe {
    return checkedSubscription(check, onError, start);
  }

  /**
   * Starts a subscription of the content part: at once when its code has loaded (so what the SDK holds
   * comes within `subscribe`, as for every other subscription), else once it has.
   */
  withContent(onError: OnError | undefined, start: (c: Content) => Unsubscribe): Unsubscribe {
    if (loadedContent) return start(loadedContent);
    let stop: Unsubscribe | undefined;
    let stopped = false;
    loadContent().then(
      (c) => {
        if (!stopped && !this.closed) stop = start(c);
      },
      (e: unknown) => {
        if (!stopped) onError?.(codeNotLoaded(e));
      },
    );
    return () => {
      stopped = true;
      stop?.();
    };
  }

  /** Runs `task` after any earlier task with the same key. */
  inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
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
  async writeOnce(writes: Writes, landed: () => Promise<boolean>): Promise<void> {
    try {
      await this.write(writes);
    } catch (e) {
      if (isStoreError(e) && e.code === 'permission-denied' && (await landed().catch(() => false))) return;
      throw e;
    }
  }

  async isAdmin(uid: UserId): Promise<boolean> {
    const c = this.adminFlag(uid).current;
    return c.known ? c.value === true : this.readAdminFlag(uid);
  }

  async likedByMe(uid: UserId, key: string): Promise<boolean> {
    const c = this.myLikes(uid).current;
    return c.known ? c.value!.has(key) : this.readLiked(uid, key);
  }

  async channelExists(channel: ChannelId): Promise<boolean> {
    const c = this.channelRecord(channel).current;
    return (c.known ? c.value : await this.readChannelRecord(channel)) !== null;
  }

  /** The channel record when a listener already holds it; undefined when not known (no read is made). */
  knownChannel(channel: ChannelId): ChannelRecord | null | undefined {
    const c = this.channelRecord(channel).current;
    return c.known ? c.value : undefined;
  }

  /**
   * After a refused write in `channel`: names an archived or deleted channel as the cause, else rethrows `e`.
   * `deletedOnly` for what an archived channel still allows (an idea's status, owner and merge).
   */
  async nameArchived(channel: ChannelId, e: unknown, deletedOnly = false): Promise<never> {
    if (isStoreError(e) && e.code === 'permission-denied') {
      const record = await this.readChannelRecord(channel).catch(() => undefined);
      if (!deletedOnly || record === null) requireOpenChannel(channel, record);
    }
    throw e;
  }

  /** Runs a like or unlike with the post's record; the Realtime Database store skips the read for a post it has seen. */
  async withPost(channel: ChannelId, postId: string, run: (post: PostRecord | null) => Promise<void>): Promise<void> {
    return run(await this.readPost(channel, postId));
  }

  /** A post and everyone who likes it (nobody when it is gone). */
  async postAndVoters(channel: ChannelId, postId: string): Promise<{ post: PostRecord | null; voters: UserId[] }> {
    const post = await this.readPost(channel, postId);
    return { post, voters: post ? await this.voters(channel, postId) : [] };
  }

  /** An unlike's writes; Firestore keeps a post's likers in the post, so it leaves out a deleted post's. */
  unlikeWrites(uid: UserId, target: LikeTarget, key: string, liked: boolean, post: PostRecord | null | undefined, channel: ChannelRecord | null | undefined): Writes {
    return planUnlike(uid, target, key, liked, post, channel).writes;
  }

  /**
   * Calls `then` when `channel` exists, else reports it as not found: an empty answer (no ideas, no
   * figures) may mean no channel, and saying so beats showing an empty widget.
   */
  ifChannelExists(channel: ChannelId, onError: OnError | undefined, then: () => void): void {
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
        // Shared: a feed, a composer and the comments each ask who reads them, on one listener.
        const stopProfile = this.shared
          .get<unknown>(`profile:${uid}`, (raw, fail) => this.listenProfileRecord(uid, raw, fail))
          .subscribe(
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
    return (loadedContent ?? (await loadContent())).searchProfiles(this, prefix, limit);
  }

  async updateMyProfile(profile: Omit<Profile, 'uid'>): Promise<void> {
    return (loadedContent ?? (await loadContent())).updateMyProfile(this, profile);
  }

  subscribeChannel(channel: ChannelId, cb: (channel: Channel) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribeChannel(this, channel, cb, onError));
  }

  subscribeFeed(q: FeedQuery, cb: (page: FeedPage) => void, onError?: OnError): FeedSubscription {
    let feed: FeedSubscription | undefined;
    const unsubscribe = this.withContent(onError, (c) => {
      const f = c.subscribeFeed(this, q, cb, onError);
      feed = f;
      return f.unsubscribe;
    });
    return { unsubscribe, more: async () => feed?.more() };
  }

  subscribePost(channel: ChannelId, postId: string, cb: (post: Post | null) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribePost(this, channel, postId, cb, onError));
  }

  async createPost(post: NewPost): Promise<string> {
    return (loadedContent ?? (await loadContent())).createPost(this, post);
  }

  async editPost(channel: ChannelId, postId: string, text: string): Promise<void> {
    return (loadedContent ?? (await loadContent())).editPost(this, channel, postId, text);
  }

  async deletePost(channel: ChannelId, postId: string): Promise<void> {
    return (loadedContent ?? (await loadContent())).deletePost(this, channel, postId);
  }

  async hidePost(channel: ChannelId, postId: string, hidden: boolean): Promise<void> {
    return (loadedContent ?? (await loadContent())).hidePost(this, channel, postId, hidden);
  }

  async report(channel: ChannelId, postId: string, reason: string, comment?: string): Promise<void> {
    return (loadedContent ?? (await loadContent())).report(this, channel, postId, reason, comment);
  }

  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribeComments(this, channel, postId, cb, onError));
  }

  async comment(channel: ChannelId, postId: string, text: string): Promise<string> {
    return (loadedContent ?? (await loadContent())).comment(this, channel, postId, text);
  }

  subscribeIdeas(channel: ChannelId, cb: (ideas: Idea[]) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribeIdeas(this, channel, cb, onError));
  }

  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribeIdeaHistory(this, channel, ideaId, cb, onError));
  }

  subscribeLatestNotes(channel: ChannelId, cb: (latest: Readonly<Record<string, IdeaHistoryEntry>>) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribeLatestNotes(this, channel, cb, onError));
  }

  async setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
    return (loadedContent ?? (await loadContent())).setIdeaStatus(this, channel, ideaId, status, note);
  }

  async assignIdea(channel: ChannelId, ideaId: string, owner: UserId): Promise<void> {
    return (loadedContent ?? (await loadContent())).assignIdea(this, channel, ideaId, owner);
  }

  async mergeIdea(channel: ChannelId, ideaId: string, intoId: string): Promise<void> {
    return (loadedContent ?? (await loadContent())).mergeIdea(this, channel, ideaId, intoId);
  }

  subscribeNotifications(cb: (notifications: Notification[]) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribeNotifications(this, cb, onError));
  }

  async markNotificationsRead(ids: string[] | 'all'): Promise<void> {
    return (loadedContent ?? (await loadContent())).markNotificationsRead(this, ids);
  }

  subscribeStats(q: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    return this.withContent(onError, (c) => c.subscribeStats(this, q, cb, onError));
  }

  // --- likes ---------------------------------------------------------------------------------------------------

  /**
   * A post's like state says whether its channel is archived, from the channel's record — one listener
   * per channel, shared with the feed and the composer — so a lone like button can say likes are closed
   * before anyone clicks; a missing record (the channel was deleted, its posts stayed) closes them too. A
   * channel record that cannot be read leaves the state open: the rules still refuse the write, and the
   * refusal names the archived or deleted channel.
   */
  subscribeLikes(target: LikeTarget, cb: (state: LikeState) => void, onError?: OnError): Unsubscribe {
    let key = '';
    return this.checked(
      () => (key = checkTarget(target)),
      onError,
      () =>
        this.whileSignedIn((uid) => {
          const state: LikesPart = {};
          let mine: ReadonlySet<string> | undefined;
          const pt = parsePostTarget(target);
          // The channel's record (null: it no longer exists) once its listener has answered; one that
          // could not be read leaves the state open (undefined).
          let channel: ChannelRecord | null | undefined;
          let channelAnswered = !pt;
          const emit = () => {
            const { count, likers } = state;
            if (count === undefined || likers === undefined || mine === undefined || !channelAnswered) return;
            cb(likeState(target, count, mine.has(key), likers, channel));
          };
          const stops = [
            this.listenLikes(target, key, (part) => (Object.assign(state, part), emit()), onError),
            this.myLikes(uid).subscribe((v) => ((mine = v), emit()), onError),
          ];
          if (pt) {
            stops.push(
              this.channelRecord(pt.channel).subscribe(
                (v) => ((channel = v), (channelAnswered = true), emit()),
                () => ((channelAnswered = true), emit()),
              ),
            );
          }
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

  /**
   * One of the administration's lists, decoded by the admin core once its code has arrived (else onError):
   * in the order the listener delivered them, and nothing once unsubscribed.
   */
  private adminList<T>(list: AdminList, decode: (core: AdminCore, rows: [string, unknown][]) => T, cb: (value: T) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(() => {
      let open = true;
      const off = this.listenAdminList(
        list,
        (rows) =>
          void adminCore().then(
            (core) => open && cb(decode(core, rows)),
            (e: unknown) => open && onError?.(codeNotLoaded(e)),
          ),
        onError,
      );
      return () => {
        open = false;
        off();
      };
    }, onError);
  }

  subscribeChannels(cb: (channels: Channel[]) => void, onError?: OnError): Unsubscribe {
    return this.adminList('channels', (core, rows) => core.decodeChannels(rows), cb, onError);
  }

  subscribeAdmins(cb: (admins: UserId[]) => void, onError?: OnError): Unsubscribe {
    return this.adminList('admins', (core, rows) => core.decodeAdmins(Object.fromEntries(rows)), cb, onError);
  }

  /**
   * Every report, which only admins may read: one listener, so the inbox and its count stay live. An
   * intranet's reports are few; handled ones could be archived by an export once they are many.
   */
  subscribeReports(cb: (reports: Report[]) => void, onError?: OnError): Unsubscribe {
    return this.adminList('reports', (core, rows) => core.decodeReports(rows), cb, onError);
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
