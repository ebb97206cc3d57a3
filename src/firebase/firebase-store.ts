/**
 * The store port on the Firebase Realtime Database, laid out as docs/data-layout.md describes and
 * guarded by database.rules.json. What a command writes is planned by the domain core
 * (`../data/core/`); this class reads what a plan needs, applies its writes as one multi-path `update()`
 * (the rules accept nothing else), and decodes what listeners deliver with the core's decoders.
 *
 * Listeners: a container showing a feed page needs two — the feed query and the viewer's `userLikes`,
 * which one listener answers for every post and like button in the store ("did I like it"). Hidden posts
 * need the viewer's admin flag, which is only listened to once a hidden post is in view.
 *
 * Lost acknowledgements: a write the server applied may lose its answer with the connection; the SDK
 * sends it again on reconnect and the rules refuse the copy (`!data.exists()`, `createdAt == now`). Every
 * command whose id the client chooses therefore reads back, on a refusal, whether its write landed as
 * planned, and then reports success once instead of an error that would make the person post again.
 */
import {
  get,
  limitToFirst,
  limitToLast,
  endAt,
  onValue,
  orderByChild,
  orderByKey,
  orderByValue,
  push,
  query,
  ref,
  startAt,
  update,
  type DataSnapshot,
  type Database,
  type QueryConstraint,
} from 'firebase/database';
import {
  MAX_LIKERS,
  NAME_SEARCH_FIELDS,
  NOTIFICATION_LIMIT,
  checkChannelCategory,
  checkId,
  checkNewPost,
  checkTarget,
  checkUid,
  decodeChannel,
  decodeComments,
  decodeHistory,
  decodeLatestNotes,
  decodeLikers,
  decodeNotifications,
  decodeProfile,
  isPostRecord,
  notFound,
  planAssignIdea,
  planComment,
  requireOpenChannel,
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
  searchKey,
  statRows,
  sumStats,
  type ChannelRecord,
  type FeedHost,
  type PostRecord,
  type ProfileRecord,
  type ReportRecord,
  type Writes,
} from '../data/core/index.js';
import type { AdminHost } from '../data/core/admin-commands.js';
import { decodeKey, encodeKey } from '../data/keys.js';
import {
  StoreError,
  isStoreError,
  type LenigStore,
  type NewPost,
  type OnError,
  type StatsQuery,
  type Unsubscribe,
} from '../data/store.js';
import {
  parsePostTarget,
  postTarget,
  type Channel,
  type ChannelId,
  type Comment,
  type ExportProgress,
  type IdeaHistoryEntry,
  type IdeaStatus,
  type LenigExport,
  type PersonActivity,
  type LikeState,
  type LikeTarget,
  type MonthStat,
  type Notification,
  type Profile,
  type UserId,
} from '../data/types.js';
import { connectFirebase, disconnectFirebase, type ConnectConfig, type FirebaseConnection } from './connect.js';
import { fromFirebaseError } from './errors.js';
import { Session, type SessionConfig } from './session.js';
import type { Shared } from './shared.js';
import { FirebaseStoreBase, type AdminList } from './store-base.js';
import { entries, toConstraints, toUpdate } from './wire.js';

export { MAX_LIKERS, MAX_NAME_LENGTH, MAX_PROFILE_FIELD_LENGTH, NOTIFICATION_LIMIT } from '../data/core/index.js';


export interface FirebaseStoreConfig extends ConnectConfig, SessionConfig {}

/** How many post records the store remembers for likes without a read (a long feed's worth). */
const SEEN_POSTS = 5000;

/** How long a page may take to open its connection before widgets say they are offline. */
const CONNECT_GRACE_MS = 4000;

/**
 * Sees every listener and one-time read the store opens: path and query constraint types. For tests
 * and for measuring (test/backend/listeners.test.ts); `.info/*` paths are local and not reported.
 */
export interface StoreProbe {
  listen?(path: string, constraints: string[]): void;
  /** A listener reported by `listen` was closed. */
  unlisten?(path: string, constraints: string[]): void;
  read?(path: string, constraints: string[]): void;
}

export interface FirebaseStoreOptions {
  probe?: StoreProbe;
}

/** What tells one sign-in set-up from another on the same connection. */
export function authKey(config: FirebaseStoreConfig): string {
  return JSON.stringify([config.auth ?? 'anonymous', config.tokenUrl ?? '', config.tenant ?? '', config.credentials?.email ?? '']);
}

export class FirebaseStore extends FirebaseStoreBase implements LenigStore {
  readonly connection: FirebaseConnection;
  readonly session: Session;
  private readonly db: Database;
  private readonly probe: StoreProbe | undefined;
  /**
   * The last record seen of each post a listener delivered, newest last (at most `SEEN_POSTS`). A like
   * needs only a post's author, month and category, which never change: a post on screen is liked without
   * reading it first. A post deleted meanwhile makes the rules refuse the write, and then it is read.
   */
  private readonly seenPosts = new Map<string, PostRecord>();
  /** Server time minus local time, from the SDK's handshake: months are counted in server time. */
  private serverOffset = 0;
  private readonly stopOffset: Unsubscribe;
  private closed = false;
  /** Reads and writes for the administration commands (src/data/core/admin-commands.ts). */
  protected readonly adminHost: AdminHost = {
    uid: () => this.uid(),
    anonymous: () => this.session.user?.isAnonymous ?? false,
    isAdmin: (uid) => this.isAdmin(uid),
    readPost: (channel, postId) => this.readPost(channel, postId),
    readReport: async (id) => (await this.read(`reports/${id}`)).val() as ReportRecord | null,
    commentExists: async (channel, postId, commentId) => (await this.read(`comments/${channel}/${postId}/${commentId}`)).exists(),
    readChannel: async (channel) => (await this.read(`channels/${channel}`)).val() as ChannelRecord | null,
    readProfile: async (uid) => (await this.read(`profiles/${uid}`)).val() as ProfileRecord | null,
    adminCount: async () => Number((await this.read('adminCount/count')).val()) || 0,
    setUpDone: async () => (await Promise.all([this.read('admins'), this.read('adminCount')])).some((s) => s.exists()),
    write: (writes) => this.write(writes),
  };
  /** Whether lenig made the Firebase app (and may delete it), rather than the host page. */
  private readonly ownsApp: boolean;

  constructor(config: FirebaseStoreConfig, options: FirebaseStoreOptions = {}) {
    super();
    this.connection = connectFirebase(config);
    this.ownsApp = !config.app;
    this.db = this.connection.database;
    this.probe = options.probe;
    // One session per Auth instance: several stores on one connection share who is signed in.
    const shared = this.connection.shared;
    const sessionKey = `session:${authKey(config)}`;
    this.session = (shared.get(sessionKey) as Session | undefined) ?? new Session(this.connection.auth, config);
    shared.set(sessionKey, this.session);
    this.stopOffset = onValue(ref(this.db, '.info/serverTimeOffset'), (s) => {
      this.serverOffset = Number(s.val()) || 0;
    });
  }

  /**
   * Stops every listener of this store and, when no other store uses its connection, closes the
   * connection, so a page that configures lenig again does not keep the previous one open. The store is
   * unusable afterwards.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.shared.close();
    this.stopOffset();
    for (const [key, value] of this.connection.shared) if (value === this) this.connection.shared.delete(key);
    // The last store on the connection closes it; another sign-in set-up on the same page keeps it.
    if (![...this.connection.shared.values()].some((v) => v instanceof FirebaseStore)) await disconnectFirebase(this.connection, this.ownsApp);
  }

  // --- plumbing --------------------------------------------------------------------------------------------

  private listen(path: string, constraints: QueryConstraint[], onData: (snap: DataSnapshot) => void, onError?: (e: StoreError) => void): Unsubscribe {
    let q: ReturnType<typeof query> | ReturnType<typeof ref>;
    try {
      q = constraints.length ? query(ref(this.db, path), ...constraints) : ref(this.db, path);
    } catch (e) {
      // An id with characters a path cannot hold, or a query the SDK refuses: nothing to listen to.
      queueMicrotask(() => onError?.(isStoreError(e) ? e : new StoreError('validation-failed', (e as Error).message, 'path', 'invalid')));
      return () => {};
    }
    this.probe?.listen?.(path, constraints.map((c) => c.type));
    let active = true;
    const off = onValue(
      q,
      (s) => {
        if (active) onData(s);
      },
      (e) => {
        if (active) onError?.(fromFirebaseError(e));
      },
    );
    return () => {
      if (!active) return;
      active = false;
      off();
      this.probe?.unlisten?.(path, constraints.map((c) => c.type));
    };
  }

  private async read(path: string, constraints: QueryConstraint[] = []): Promise<DataSnapshot> {
    this.probe?.read?.(path, constraints.map((c) => c.type));
    try {
      const q = constraints.length ? query(ref(this.db, path), ...constraints) : ref(this.db, path);
      return await get(q);
    } catch (e) {
      throw fromFirebaseError(e);
    }
  }

  private async write(writes: Writes): Promise<void> {
    if (Object.keys(writes).length === 0) return;
    try {
      await update(ref(this.db), toUpdate(writes));
    } catch (e) {
      throw fromFirebaseError(e);
    }
  }

  /**
   * Writes, and on a refusal asks `landed` whether the write is there as planned anyway — the server
   * applied it, the acknowledgement was lost, and the SDK's resend was what the rules refused. Then the
   * command succeeded, once.
   */
  private async writeOnce(writes: Writes, landed: () => Promise<boolean>): Promise<void> {
    try {
      await this.write(writes);
    } catch (e) {
      if (isStoreError(e) && e.code === 'permission-denied' && (await landed().catch(() => false))) return;
      throw e;
    }
  }

  private newKey = (): string => {
    // A push id made on the client (no write): time-ordered, unique, and what the rules expect.
    return push(ref(this.db, 'posts')).key;
  };

  private sharedValue<T>(key: string, path: string, decode: (s: DataSnapshot) => T): Shared<T> {
    return this.shared.get<T>(key, (emit, fail) => this.listen(path, [], (s) => emit(decode(s)), fail));
  }

  /** Whether `uid` is an admin, live; one listener however many ask. */
  protected adminFlag(uid: UserId): Shared<boolean> {
    return this.sharedValue(`admin:${uid}`, `admins/${uid}`, (s) => s.val() === true);
  }

  /** The keys of every target `uid` likes, live; one listener for the whole store. */
  private myLikes(uid: UserId): Shared<ReadonlySet<string>> {
    return this.sharedValue<ReadonlySet<string>>(`userLikes:${uid}`, `userLikes/${uid}`, (s) => new Set(Object.keys((s.val() as object | null) ?? {})));
  }

  /** A channel record, live; shared by the composer, the feed and the checks of `createPost`. */
  private channelRecord(channel: ChannelId): Shared<ChannelRecord | null> {
    return this.sharedValue(`channel:${channel}`, `channels/${channel}`, (s) => (s.val() as ChannelRecord | null) ?? null);
  }

  /** The channel record when a listener already holds it; undefined when not known (no read is made). */
  private knownChannel(channel: ChannelId): ChannelRecord | null | undefined {
    const c = this.channelRecord(channel).current;
    return c.known ? c.value : undefined;
  }

  /** After a refused write in `channel`: names an archived channel as the cause, else rethrows `e`. */
  private async nameArchived(channel: ChannelId, e: unknown): Promise<never> {
    if (isStoreError(e) && e.code === 'permission-denied') {
      const ch = (await this.read(`channels/${channel}`).catch(() => undefined))?.val() as ChannelRecord | null | undefined;
      requireOpenChannel(channel, ch);
    }
    throw e;
  }

  private async isAdmin(uid: UserId): Promise<boolean> {
    const c = this.adminFlag(uid).current;
    if (c.known) return c.value === true;
    return (await this.read(`admins/${uid}`)).val() === true;
  }

  private async likedByMe(uid: UserId, key: string): Promise<boolean> {
    const c = this.myLikes(uid).current;
    if (c.known) return c.value!.has(key);
    return (await this.read(`userLikes/${uid}/${key}`)).val() === true;
  }

  protected async channelExists(channel: ChannelId): Promise<boolean> {
    const c = this.channelRecord(channel).current;
    if (c.known) return c.value !== null;
    return (await this.read(`channels/${channel}`)).exists();
  }

  private async readPost(channel: ChannelId, postId: string): Promise<PostRecord | null> {
    checkId('channel', channel);
    checkId('post', postId);
    const p: unknown = (await this.read(`posts/${channel}/${postId}`)).val();
    this.saw(channel, postId, p);
    return isPostRecord(p) ? p : null;
  }

  /** Notes what a listener or read delivered for a post (see `seenPosts`). */
  private saw(channel: ChannelId, postId: string, record: unknown): void {
    const key = `${channel}/${postId}`;
    this.seenPosts.delete(key);
    if (!isPostRecord(record)) return;
    this.seenPosts.set(key, record);
    if (this.seenPosts.size > SEEN_POSTS) this.seenPosts.delete(this.seenPosts.keys().next().value!);
  }

  /**
   * Runs a like or unlike planned from the post as last seen (no read when it is known), and when the
   * rules refuse it and the post was not read, once more from the post as it is now — deleted, it is then
   * named as not found, as a read first would have.
   */
  private async withPost(channel: ChannelId, postId: string, run: (post: PostRecord | null) => Promise<void>): Promise<void> {
    const seen = this.seenPosts.get(`${channel}/${postId}`);
    if (!seen) return run(await this.readPost(channel, postId));
    try {
      await run(seen);
    } catch (e) {
      if (!isStoreError(e) || e.code !== 'permission-denied') throw e;
      await run(await this.readPost(channel, postId));
    }
  }

  private voters(channel: ChannelId, postId: string): Promise<UserId[]> {
    return this.read(`likes/${encodeKey(postTarget(channel, postId))}`).then((s) => Object.keys((s.val() as object | null) ?? {}));
  }

  // --- identity --------------------------------------------------------------------------------------------

  subscribeConnection(cb: (online: boolean) => void): Unsubscribe {
    // A local value of the SDK: no request goes to the server. It reads false until the socket has
    // opened, so a fresh page would flash (and announce) "offline": report false only once the
    // connection has been up, or after a grace period without it.
    let seenOnline = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const stop = onValue(ref(this.db, '.info/connected'), (s) => {
      const online = s.val() === true;
      clearTimeout(pending);
      if (online) {
        seenOnline = true;
        cb(true);
      } else if (seenOnline) {
        cb(false);
      } else {
        pending = setTimeout(() => cb(false), CONNECT_GRACE_MS);
      }
    });
    return () => {
      clearTimeout(pending);
      stop();
    };
  }

  // --- profiles --------------------------------------------------------------------------------------------

  subscribeProfile(uid: UserId, cb: (profile: Profile | null) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => checkUid('uid', uid),
      onError,
      () =>
        this.whileSignedIn(
          () =>
            this.listen(
              `profiles/${uid}`,
              [],
              (s) => {
                const p = decodeProfile(uid, s.val());
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
    const snaps = await Promise.all(
      NAME_SEARCH_FIELDS.map((field) => this.read('profiles', [orderByChild(field), startAt(q), endAt(q + '\uf8ff'), limitToFirst(limit)])),
    );
    const found = new Map<UserId, Profile>();
    for (const snap of snaps) {
      for (const [uid, raw] of entries(snap)) {
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
    const stored = profileRecord(profile);
    await this.write({ [`profiles/${uid}`]: { ...stored } });
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

  protected feedHost(uid: UserId, channel: ChannelId): FeedHost {
    const path = `posts/${channel}`;
    return {
      listen: (spec, onRows, onError) =>
        this.listen(
          path,
          toConstraints(spec),
          (s) => {
            const rows = entries(s);
            for (const [id, p] of rows) this.saw(channel, id, p);
            onRows(rows);
          },
          onError,
        ),
      watchAdmin: (cb, onError) => this.adminFlag(uid).subscribe(cb, onError),
      channelExists: () => this.channelExists(channel),
    };
  }

  async createPost(post: NewPost): Promise<string> {
    const uid = await this.uid();
    const { text, category, mentions } = checkNewPost(uid, post);
    // The channel is checked here only when it is known already (the composer listens to it): the
    // optimistic write must not wait for a read. Otherwise the rules check it, and a refusal is named below.
    const known = this.channelRecord(post.channel).current;
    const channel = known.known ? known.value : undefined;
    checkChannelCategory(post.channel, channel, category);
    // Only existing people become mentions: a read for each one not seen yet (none for most posts).
    const unknown = mentions.filter((m) => !this.knownProfiles.has(m));
    const exists = await Promise.all(unknown.map((m) => this.read(`profiles/${m}`).then((s) => s.exists(), () => false)));
    unknown.forEach((m, i) => exists[i] && this.knownProfiles.add(m));
    const id = this.newKey();
    const { writes } = planCreatePost({
      uid,
      post,
      id,
      now: Date.now() + this.serverOffset,
      channel,
      mentionable: (m) => this.knownProfiles.has(m),
    });
    try {
      await this.writeOnce(writes, async () => {
        const p = await this.readPost(post.channel, id);
        return p !== null && p.author === uid && p.text === text;
      });
    } catch (e) {
      if (isStoreError(e) && e.code === 'permission-denied' && channel === undefined) {
        // Name the real cause when it is the channel or its category.
        const ch = (await this.read(`channels/${post.channel}`).catch(() => undefined))?.val() as ChannelRecord | null | undefined;
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
    const exists = comment === undefined || !post ? undefined : (await this.read(`comments/${channel}/${postId}/${comment}`)).exists();
    await this.write(planReport(uid, channel, postId, post, reason, id, comment, exists).writes);
  }

  // --- comments ----------------------------------------------------------------------------------------------

  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => (checkId('channel', channel), checkId('post', postId)),
      onError,
      () =>
        this.whileSignedIn(
          () => this.listen(`comments/${channel}/${postId}`, [orderByChild('createdAt')], (s) => cb(decodeComments(postId, entries(s))), onError),
          onError,
        ),
    );
  }

  async comment(channel: ChannelId, postId: string, text: string): Promise<string> {
    const uid = await this.uid();
    const id = this.newKey();
    const { writes } = planComment(uid, channel, postId, await this.readPost(channel, postId), text, id, this.knownChannel(channel));
    await this.writeOnce(writes, async () => {
      const c = (await this.read(`comments/${channel}/${postId}/${id}`)).val() as { author?: string; text?: string } | null;
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
          const pt = parsePostTarget(target);
          let count: number | undefined;
          let likers: UserId[] | undefined;
          let mine: ReadonlySet<string> | undefined;
          const emit = () => {
            if (count === undefined || likers === undefined || mine === undefined) return;
            cb({ target, count, mine: mine.has(key), likers });
          };
          const countPath = pt ? `posts/${pt.channel}/${pt.post}/likeCount` : `likeCounts/${key}`;
          const stops = [
            this.listen(countPath, [], (s) => ((count = Number(s.val()) || 0), emit()), onError),
            this.listen(`likes/${key}`, [orderByValue(), limitToLast(MAX_LIKERS)], (s) => ((likers = decodeLikers(entries(s), MAX_LIKERS)), emit()), onError),
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
    return decodeLikers(entries(await this.read(`likes/${key}`, [orderByValue(), limitToLast(limit)])), limit);
  }

  async like(target: LikeTarget): Promise<void> {
    const uid = await this.uid();
    const key = checkTarget(target, uid);
    return this.inTurn(`like:${key}`, async () => {
      // Liking again is a no-op: the rules would refuse a second like.
      const liked = await this.likedByMe(uid, key);
      const pt = parsePostTarget(target);
      // Another tab or device liked it first, or the acknowledgement was lost: the like is there, which is what was asked.
      const write = (post: PostRecord | null | undefined) =>
        this.writeOnce(planLike(uid, target, key, liked, post, pt ? this.knownChannel(pt.channel) : undefined).writes, async () => (await this.read(`likes/${key}/${uid}`)).exists());
      if (pt && !liked) await this.withPost(pt.channel, pt.post, write).catch((e: unknown) => this.nameArchived(pt.channel, e));
      else await write(undefined);
    });
  }

  async unlike(target: LikeTarget): Promise<void> {
    const uid = await this.uid();
    const key = checkTarget(target, uid);
    return this.inTurn(`like:${key}`, async () => {
      const liked = await this.likedByMe(uid, key);
      const pt = parsePostTarget(target);
      const write = (post: PostRecord | null | undefined) =>
        this.writeOnce(planUnlike(uid, target, key, liked, post, pt ? this.knownChannel(pt.channel) : undefined).writes, async () => !(await this.read(`likes/${key}/${uid}`)).exists());
      if (pt && liked) await this.withPost(pt.channel, pt.post, write).catch((e: unknown) => this.nameArchived(pt.channel, e));
      else await write(undefined);
    });
  }

  // --- ideas -----------------------------------------------------------------------------------------------------

  // --- the listeners the shared subscriptions are made of (./store-base.ts) -------------------------------------

  protected listenAdminList(list: AdminList, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listen(list, [], (s) => onRows(entries(s)), onError);
  }

  protected listenProfileRecord(uid: UserId, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
    return this.listen(`profiles/${uid}`, [], (s) => onRaw(s.val()), onError);
  }

  protected listenPostRecord(channel: ChannelId, postId: string, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
    return this.listen(
      `posts/${channel}/${postId}`,
      [],
      (s) => {
        const v: unknown = s.val();
        this.saw(channel, postId, v);
        onRaw(v);
      },
      onError,
    );
  }

  /** Only ideas carry `byCat/idea`; a number start leaves every other post out. */
  protected listenIdeaRecords(channel: ChannelId, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listen(
      `posts/${channel}`,
      [orderByChild('byCat/idea'), startAt(0)],
      (s) => {
        const rows = entries(s);
        for (const [id, p] of rows) this.saw(channel, id, p);
        onRows(rows);
      },
      onError,
    );
  }

  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => (checkId('channel', channel), checkId('post', ideaId)),
      onError,
      () =>
        this.whileSignedIn(
          () => this.listen(`ideaHistory/${channel}/${ideaId}`, [orderByChild('at')], (s) => cb(decodeHistory(entries(s))), onError),
          onError,
        ),
    );
  }

  subscribeLatestNotes(channel: ChannelId, cb: (latest: Readonly<Record<string, IdeaHistoryEntry>>) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => checkId('channel', channel),
      onError,
      () =>
        // One listener on the channel's history: the same bytes the per-idea listeners of a board fetched.
        this.whileSignedIn(() => this.listen(`ideaHistory/${channel}`, [], (s) => cb(decodeLatestNotes(entries(s))), onError), onError),
    );
  }

  async setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
    const uid = await this.uid();
    const idea = await this.readPost(channel, ideaId);
    const [admin, voters] = await Promise.all([this.isAdmin(uid), idea ? this.voters(channel, ideaId) : []]);
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
      (uid) =>
        this.listen(
          `notifications/${uid}`,
          [orderByChild('createdAt'), limitToLast(NOTIFICATION_LIMIT)],
          (s) => cb(decodeNotifications(entries(s), NOTIFICATION_LIMIT)),
          onError,
        ),
      onError,
      () => cb([]),
    );
  }

  async markNotificationsRead(ids: string[] | 'all'): Promise<void> {
    const uid = await this.uid();
    const mine = entries<{ read?: boolean }>(await this.read(`notifications/${uid}`));
    await this.write(planMarkRead(uid, mine, ids).writes);
  }

  // --- administration ---------------------------------------------------------------------------------------------

  async exportData(options: { channel?: ChannelId } = {}, onProgress?: (progress: ExportProgress) => void): Promise<LenigExport> {
    const uid = await this.uid();
    const admin = await this.isAdmin(uid);
    const { buildExport } = await import('../data/core/export.js');
    return buildExport(async (path) => (await this.read(path)).val() as unknown, { admin, channel: options.channel }, onProgress);
  }

  async exportPerson(person: UserId, onProgress?: (progress: ExportProgress) => void): Promise<PersonActivity> {
    const uid = await this.uid();
    const admin = await this.isAdmin(uid);
    const { buildPersonExport } = await import('../data/core/export.js');
    return buildPersonExport(async (path) => (await this.read(path)).val() as unknown, { admin, person }, onProgress);
  }

  // --- stats ---------------------------------------------------------------------------------------------------------

  subscribeStats(q: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => q.channel !== undefined && checkId('channel', q.channel),
      onError,
      () =>
        this.whileSignedIn(() => {
          if (q.channel !== undefined) {
            let channelChecked = false;
            const channel = q.channel;
            return this.listen(
              `stats/${channel}`,
              [orderByKey(), startAt(q.from), endAt(q.to)],
              (s) => {
                const stats = sumStats(statRows(s.val()), q.from, q.to);
                if (stats.length === 0 && !channelChecked) {
                  // No figures may mean no channel: ask once.
                  channelChecked = true;
                  this.channelExists(channel).then((exists) => (exists ? cb(stats) : onError?.(notFound(`Channel ${channel}`))), (e: StoreError) => onError?.(e));
                  return;
                }
                cb(stats);
              },
              onError,
            );
          }
          return this.allChannelStats(q, cb, onError);
        }, onError),
    );
  }

  /**
   * Stats summed over every channel: the channel list, and for each channel only the months asked for —
   * never the whole `/stats` tree, which grows by a month for every channel and is downloaded on every change.
   */
  private allChannelStats(q: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    const channels = new Map<ChannelId, { stop: Unsubscribe; rows: [string, string, unknown][] | undefined }>();
    let listed = false;
    const emit = () => {
      if (!listed || [...channels.values()].some((c) => c.rows === undefined)) return;
      cb(sumStats([...channels.values()].flatMap((c) => c.rows!), q.from, q.to));
    };
    const stopList = this.listen(
      'channels',
      [],
      (s) => {
        const ids = new Set(entries(s).map(([id]) => id));
        for (const [id, c] of channels) {
          if (ids.has(id)) continue;
          c.stop();
          channels.delete(id);
        }
        for (const id of ids) {
          if (channels.has(id)) continue;
          const c: { stop: Unsubscribe; rows: [string, string, unknown][] | undefined } = { stop: () => {}, rows: undefined };
          channels.set(id, c);
          c.stop = this.listen(`stats/${id}`, [orderByKey(), startAt(q.from), endAt(q.to)], (m) => ((c.rows = statRows(m.val())), emit()), onError);
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
}
