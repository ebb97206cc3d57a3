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
  runTransaction,
  startAt,
  update,
  type DataSnapshot,
  type Database,
  type QueryConstraint,
} from 'firebase/database';
import { checkId } from '../data/core/checks.js';
import type { FeedHost } from '../data/core/feed-windows.js';
import { MAX_LIKERS } from '../data/core/limits.js';
import { decodeLikers, isPostRecord, statRows, type ChannelRecord, type PostRecord, type ProfileRecord, type ReportRecord } from '../data/core/records.js';
import type { Writes } from '../data/core/writes.js';
import type { AdminHost } from '../data/core/admin-commands.js';
import { encodeKey } from '../data/keys.js';
import {
  StoreError,
  isStoreError,
  type LenigStore,
  type OnError,
  type StatsQuery,
  type Unsubscribe,
} from '../data/store.js';
import {
  parsePostTarget,
  postTarget,
  type ChannelId,
  type LikeTarget,
  type UserId,
} from '../data/types.js';
import { connectFirebase, disconnectFirebase, type ConnectConfig, type FirebaseConnection } from './connect.js';
import { fromFirebaseError } from './errors.js';
import { Session, type SessionConfig } from './session.js';
import type { Shared } from './shared.js';
import { FirebaseStoreBase, type AdminList, type LikesPart, type StatRow } from './store-base.js';
import { entries, toConstraints, toUpdate } from './wire.js';

export { MAX_LIKERS, MAX_NAME_LENGTH, MAX_PROFILE_FIELD_LENGTH, NOTIFICATION_LIMIT } from '../data/core/limits.js';

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
  /** Reads and writes for the administration commands (src/data/core/admin-commands.ts). */
  readonly adminHost: AdminHost = {
    uid: () => this.uid(),
    anonymous: () => this.session.user?.isAnonymous ?? false,
    isAdmin: (uid) => this.isAdmin(uid),
    readPost: (channel, postId) => this.readPost(channel, postId),
    readReport: async (id) => (await this.read(`reports/${id}`)).val() as ReportRecord | null,
    commentExists: async (channel, postId, commentId) => (await this.read(`comments/${channel}/${postId}/${commentId}`)).exists(),
    commentText: async (channel, postId, commentId) => {
      const text: unknown = (await this.read(`comments/${channel}/${postId}/${commentId}/text`)).val();
      return typeof text === 'string' ? text : null;
    },
    readChannel: async (channel) => (await this.read(`channels/${channel}`)).val() as ChannelRecord | null,
    readProfile: async (uid) => (await this.read(`profiles/${uid}`)).val() as ProfileRecord | null,
    adminCount: async () => Number((await this.read('adminCount/count')).val()) || 0,
    setUpDone: async () => (await Promise.all([this.read('admins'), this.read('adminCount')])).some((s) => s.exists()),
    write: (writes) => this.write(writes),
    writeOnce: (writes, landed) => this.writeOnce(writes, landed),
    createChannel: async (id, record) => {
      const path = `channels/${id}`;
      for (let tries = 2; ; tries--) {
        try {
          // Compare-and-set on the server: aborted when a record is there.
          const done = await runTransaction(ref(this.db, path), (now: unknown) => (now === null ? record : undefined), { applyLocally: false });
          return done.committed ? null : (done.snapshot.val() as ChannelRecord);
        } catch (e) {
          // The connection dropped with the write in flight, which the SDK does not send again: it may have
          // landed (its answer lost). What is there now says; with nothing there, try once more.
          if (tries < 2 || (e as Error)?.message !== 'disconnect') throw fromFirebaseError(e);
          const now = (await this.read(path)).val() as ChannelRecord | null;
          if (now !== null) return now;
        }
      }
    },
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

  async write(writes: Writes): Promise<void> {
    if (Object.keys(writes).length === 0) return;
    try {
      await update(ref(this.db), toUpdate(writes));
    } catch (e) {
      throw fromFirebaseError(e);
    }
  }

  /** A push id made on the client (no write): time-ordered, unique, and what the rules expect. */
  newKey(): string {
    return push(ref(this.db, 'posts')).key;
  }

  /** Months are counted in server time. */
  override now(): number {
    return Date.now() + this.serverOffset;
  }

  private sharedValue<T>(key: string, path: string, decode: (s: DataSnapshot) => T): Shared<T> {
    return this.shared.get<T>(key, (emit, fail) => this.listen(path, [], (s) => emit(decode(s)), fail));
  }

  /** Whether `uid` is an admin, live; one listener however many ask. */
  adminFlag(uid: UserId): Shared<boolean> {
    return this.sharedValue(`admin:${uid}`, `admins/${uid}`, (s) => s.val() === true);
  }

  /** The keys of every target `uid` likes, live; one listener for the whole store. */
  myLikes(uid: UserId): Shared<ReadonlySet<string>> {
    return this.sharedValue<ReadonlySet<string>>(`userLikes:${uid}`, `userLikes/${uid}`, (s) => new Set(Object.keys((s.val() as object | null) ?? {})));
  }

  /** A channel record, live; shared by the composer, the feed and the checks of `createPost`. */
  channelRecord(channel: ChannelId): Shared<ChannelRecord | null> {
    return this.sharedValue(`channel:${channel}`, `channels/${channel}`, (s) => (s.val() as ChannelRecord | null) ?? null);
  }

  async readPost(channel: ChannelId, postId: string): Promise<PostRecord | null> {
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
  override async withPost(channel: ChannelId, postId: string, run: (post: PostRecord | null) => Promise<void>): Promise<void> {
    const seen = this.seenPosts.get(`${channel}/${postId}`);
    if (!seen) return run(await this.readPost(channel, postId));
    try {
      await run(seen);
    } catch (e) {
      if (!isStoreError(e) || e.code !== 'permission-denied') throw e;
      await run(await this.readPost(channel, postId));
    }
  }

  voters(channel: ChannelId, postId: string): Promise<UserId[]> {
    return this.read(`likes/${encodeKey(postTarget(channel, postId))}`).then((s) => Object.keys((s.val() as object | null) ?? {}));
  }

  // --- one-time reads (./store-base.ts) ------------------------------------------------------------------------

  async readAdminFlag(uid: UserId): Promise<boolean> {
    return (await this.read(`admins/${uid}`)).val() === true;
  }

  async readLiked(uid: UserId, key: string): Promise<boolean> {
    return (await this.read(`userLikes/${uid}/${key}`)).val() === true;
  }

  async readChannelRecord(channel: ChannelId): Promise<ChannelRecord | null> {
    return ((await this.read(`channels/${channel}`)).val() as ChannelRecord | null) ?? null;
  }

  async readComment(channel: ChannelId, postId: string, commentId: string): Promise<{ author?: unknown; text?: unknown } | null> {
    return (await this.read(`comments/${channel}/${postId}/${commentId}`)).val() as { author?: unknown; text?: unknown } | null;
  }

  async profileExists(uid: UserId): Promise<boolean> {
    return (await this.read(`profiles/${uid}`)).exists();
  }

  async searchProfileRows(field: string, q: string, limit: number): Promise<[UserId, unknown][]> {
    return entries(await this.read('profiles', [orderByChild(field), startAt(q), endAt(q + '\uf8ff'), limitToFirst(limit)]));
  }

  async readNotificationRows(uid: UserId): Promise<[string, { read?: boolean }][]> {
    return entries<{ read?: boolean }>(await this.read(`notifications/${uid}`));
  }

  async readLikerRows(_target: LikeTarget, key: string, limit: number): Promise<[UserId, unknown][]> {
    return entries(await this.read(`likes/${key}`, [orderByValue(), limitToLast(limit)]));
  }

  async likeLanded(uid: UserId, key: string): Promise<boolean> {
    return (await this.read(`likes/${key}/${uid}`)).exists();
  }

  exportReader(): Promise<(path: string) => Promise<unknown>> {
    return Promise.resolve(async (path: string) => (await this.read(path)).val() as unknown);
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

  // --- channels and posts ----------------------------------------------------------------------------------

  feedHost(uid: UserId, channel: ChannelId): FeedHost {
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

  // --- the listeners the shared subscriptions are made of (./store-base.ts) -------------------------------------

  listenAdminList(list: AdminList, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listen(list, [], (s) => onRows(entries(s)), onError);
  }

  listenProfileRecord(uid: UserId, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
    return this.listen(`profiles/${uid}`, [], (s) => onRaw(s.val()), onError);
  }

  listenPostRecord(channel: ChannelId, postId: string, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
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
  listenIdeaRecords(channel: ChannelId, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
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

  listenCommentRows(channel: ChannelId, postId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listen(`comments/${channel}/${postId}`, [orderByChild('createdAt')], (s) => onRows(entries(s)), onError);
  }

  listenHistoryRows(channel: ChannelId, ideaId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listen(`ideaHistory/${channel}/${ideaId}`, [orderByChild('at')], (s) => onRows(entries(s)), onError);
  }

  /** One listener on the channel's history: the same bytes the per-idea listeners of a board fetched. */
  listenLatestNoteRows(channel: ChannelId, onRows: (rows: Iterable<[string, unknown]>) => void, onError?: OnError): Unsubscribe {
    return this.listen(`ideaHistory/${channel}`, [], (s) => onRows(entries(s)), onError);
  }

  listenNotificationRows(uid: UserId, limit: number, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listen(`notifications/${uid}`, [orderByChild('createdAt'), limitToLast(limit)], (s) => onRows(entries(s)), onError);
  }

  /** A post's count lives in the post, any other target's in `likeCounts`; the newest likers in `likes`. */
  listenLikes(target: LikeTarget, key: string, onPart: (part: LikesPart) => void, onError?: OnError): Unsubscribe {
    const pt = parsePostTarget(target);
    const countPath = pt ? `posts/${pt.channel}/${pt.post}/likeCount` : `likeCounts/${key}`;
    const stops = [
      this.listen(countPath, [], (s) => onPart({ count: Number(s.val()) || 0 }), onError),
      this.listen(`likes/${key}`, [orderByValue(), limitToLast(MAX_LIKERS)], (s) => onPart({ likers: decodeLikers(entries(s), MAX_LIKERS) }), onError),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Every channel's stats are listened to channel by channel (`everyChannelStatRows`): no query here spans channels. */
  override readonly statsByChannel = true;

  listenStatRows(channel: ChannelId, q: StatsQuery, onRows: (rows: StatRow[]) => void, onError?: OnError): Unsubscribe {
    return this.listen(`stats/${channel}`, [orderByKey(), startAt(q.from), endAt(q.to)], (s) => onRows(statRows(s.val())), onError);
  }
}
