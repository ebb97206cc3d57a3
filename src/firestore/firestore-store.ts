/**
 * The store port on Cloud Firestore, laid out as docs/data-layout-firestore.md describes and guarded by
 * firestore.rules. Like the Realtime Database store, it plans every command with the domain core
 * (`../data/core/`), applies the plan's writes as one batched write (`./layout.ts` maps them to
 * documents), and decodes what listeners deliver with the core's decoders.
 *
 * Reads: a feed page is one query (one read per post) plus the viewer's `userLikes` document, one
 * listener for every like button of the page; a post's likes come with the post.
 */
import {
  collection,
  collectionGroup,
  documentId,
  endAt,
  endBefore,
  getDoc,
  getDocs,
  limit as limitTo,
  limitToLast,
  onSnapshot,
  orderBy,
  query,
  startAt,
  terminate,
  Timestamp,
  where,
  doc as docRef,
  writeBatch,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
} from 'firebase/firestore';
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
  type WindowSpec,
  type Writes,
} from '../data/core/index.js';
import type { AdminHost } from '../data/core/admin-commands.js';
import { decodeKey, newId } from '../data/keys.js';
import { StoreError, isStoreError, type LenigStore, type NewPost, type OnError, type StatsQuery, type Unsubscribe } from '../data/store.js';
import {
  parsePostTarget,
  type Channel,
  type ChannelId,
  type Comment,
  type ExportProgress,
  type IdeaHistoryEntry,
  type IdeaStatus,
  type LikeState,
  type LikeTarget,
  type LenigExport,
  type PersonActivity,
  type MonthStat,
  type Notification,
  type Profile,
  type UserId,
} from '../data/types.js';
import { Session, type SessionConfig } from '../firebase/session.js';
import type { Shared } from '../firebase/shared.js';
import { FirebaseStoreBase, type AdminList } from '../firebase/store-base.js';
import { connectFirestore, type FirestoreConnectConfig, type FirestoreConnection } from './connect.js';
import { ADMIN_COUNT, fields, millis, noteWrite, plain, postFromDoc, postPath, toDocWrites } from './layout.js';

export interface FirestoreStoreConfig extends FirestoreConnectConfig, SessionConfig {}

/** Firestore failures as the port's `StoreError`s. */
export function fromFirestoreError(e: unknown): StoreError {
  if (isStoreError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  const raw = (e as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : '';
  if (code === 'permission-denied' || /permission.denied/i.test(message)) return new StoreError('permission-denied', `The database refused this (${message}).`);
  if (code === 'unavailable' || /offline/i.test(message)) return new StoreError('offline', message);
  if (code === 'unauthenticated' || code.startsWith('auth/')) return new StoreError('unauthenticated', message);
  if (code === 'invalid-argument') return new StoreError('validation-failed', message, 'path', 'invalid');
  if (code === 'not-found') return new StoreError('not-found', message);
  return new StoreError('unknown', message);
}

export function firestoreAuthKey(config: FirestoreStoreConfig): string {
  return JSON.stringify([config.auth ?? 'anonymous', config.tokenUrl ?? '', config.tenant ?? '', config.credentials?.email ?? '']);
}

/** A time as a Firestore cursor value. */
const at = (ms: number) => Timestamp.fromMillis(ms);

export class FirestoreStore extends FirebaseStoreBase implements LenigStore {
  readonly connection: FirestoreConnection;
  readonly session: Session;
  private readonly db: Firestore;
  private closed = false;

  constructor(config: FirestoreStoreConfig) {
    super();
    this.connection = connectFirestore(config);
    this.db = this.connection.firestore;
    const sessionKey = `session:${firestoreAuthKey(config)}`;
    this.session = (this.connection.shared.get(sessionKey) as Session | undefined) ?? new Session(this.connection.auth, config);
    this.connection.shared.set(sessionKey, this.session);
  }

  // --- administration --------------------------------------------------------------------------------------
  // Planned and run by the core (src/data/core/admin.ts, admin-commands.ts), in chunks of their own: a page
  // without `<lenig-admin>` never loads them. The export reads documents back into the Realtime Database's
  // tree (./export-reader.ts), so both databases export the one format of docs/export.md.

  async exportData(options: { channel?: ChannelId } = {}, onProgress?: (progress: ExportProgress) => void): Promise<LenigExport> {
    const uid = await this.uid();
    const admin = await this.isAdmin(uid);
    const [{ buildExport }, { exportReader }] = await Promise.all([import('../data/core/export.js'), import('./export-reader.js')]);
    const read = exportReader({ list: (path) => this.readQuery(query(collection(this.db, path))), get: (path) => this.readDoc(path) });
    return buildExport(read, { admin, channel: options.channel }, onProgress);
  }

  /** Reads and writes for the administration commands (src/data/core/admin-commands.ts). */
  protected readonly adminHost: AdminHost = {
    uid: () => this.uid(),
    anonymous: () => this.session.user?.isAnonymous ?? false,
    isAdmin: (uid) => this.isAdmin(uid),
    readPost: (channel, postId) => this.readPost(channel, postId),
    readReport: async (id) => (plain((await this.readDoc(`reports/${id}`)).data()) as ReportRecord | undefined) ?? null,
    commentExists: async (channel, postId, commentId) => (await this.readDoc(`${postPath(channel, postId)}/comments/${commentId}`)).exists(),
    readChannel: async (channel) => ((await this.readDoc(`channels/${channel}`)).data() as ChannelRecord | undefined) ?? null,
    readProfile: async (uid) => ((await this.readDoc(`profiles/${uid}`)).data() as ProfileRecord | undefined) ?? null,
    adminCount: async () => Number((await this.readDoc(ADMIN_COUNT)).data()?.count) || 0,
    // Rules cannot ask whether a collection is empty: set-up is done once the admin count exists.
    setUpDone: async () => {
      const [admins, count] = await Promise.all([this.readQuery(query(collection(this.db, 'admins'), limitTo(1))), this.readDoc(ADMIN_COUNT)]);
      return !admins.empty || count.exists();
    },
    write: (writes) => this.write(writes),
  };

  async exportPerson(person: UserId, onProgress?: (progress: ExportProgress) => void): Promise<PersonActivity> {
    const uid = await this.uid();
    const admin = await this.isAdmin(uid);
    const [{ buildPersonExport }, { exportReader }] = await Promise.all([import('../data/core/export.js'), import('./export-reader.js')]);
    const tree = exportReader({ list: (path) => this.readQuery(query(collection(this.db, path))), get: (path) => this.readDoc(path) });
    // One person's profile and admin flag are single documents; the reader answers whole collections.
    const read = async (path: string): Promise<unknown> => {
      const [root, id] = path.split('/');
      if (id === undefined || (root !== 'profiles' && root !== 'admins')) return tree(path);
      const data = (await this.readDoc(path)).data();
      return root === 'admins' ? data?.admin === true || null : (plain(data) ?? null);
    };
    return buildPersonExport(read, { admin, person }, onProgress);
  }

  /** Stops every listener and ends the Firestore instance. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.shared.close();
    for (const [key, value] of this.connection.shared) if (value === this) this.connection.shared.delete(key);
    await terminate(this.db).catch(() => undefined);
  }

  // --- plumbing --------------------------------------------------------------------------------------------

  private listenDoc(path: string, onData: (snap: DocumentSnapshot) => void, onError?: (e: StoreError) => void): Unsubscribe {
    let active = true;
    const off = onSnapshot(
      docRef(this.db, path),
      (s) => active && onData(s),
      (e) => active && onError?.(fromFirestoreError(e)),
    );
    return () => {
      if (!active) return;
      active = false;
      off();
    };
  }

  /**
   * A live query. Its first answer waits for the server: the local cache holds only what this client
   * wrote or read before, and a page built from it would show the viewer's own posts without the others'.
   */
  private listenQuery(q: Query, onData: (snap: QuerySnapshot) => void, onError?: (e: StoreError) => void): Unsubscribe {
    let active = true;
    let synced = false;
    const off = onSnapshot(
      q,
      { includeMetadataChanges: true },
      (s) => {
        if (!active) return;
        if (!s.metadata.fromCache) synced = true;
        if (synced) onData(s);
      },
      (e) => active && onError?.(fromFirestoreError(e)),
    );
    return () => {
      if (!active) return;
      active = false;
      off();
    };
  }

  // --- the listeners the shared subscriptions are made of (./../firebase/store-base.ts) ------------------

  /** Every document of an administration list, live, as [id, fields with times in ms]; admins as [uid, true]. */
  protected listenAdminList(list: AdminList, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listenQuery(
      query(collection(this.db, list)),
      (s) => onRows(s.docs.map((d) => [d.id, list === 'admins' ? d.data().admin : plain(fields(d))])),
      onError,
    );
  }

  protected listenProfileRecord(uid: UserId, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
    return this.listenDoc(`profiles/${uid}`, (s) => onRaw(s.data() ?? null), onError);
  }

  protected listenPostRecord(channel: ChannelId, postId: string, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
    return this.listenDoc(postPath(channel, postId), (s) => onRaw(postFromDoc(fields(s)).record), onError);
  }

  protected listenIdeaRecords(channel: ChannelId, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listenQuery(
      query(collection(this.db, `channels/${channel}/posts`), where('category', '==', 'idea'), orderBy('createdAt')),
      (s) => onRows(s.docs.map((d): [string, unknown] => [d.id, postFromDoc(fields(d)).record])),
      onError,
    );
  }

  private async readDoc(path: string): Promise<DocumentSnapshot> {
    try {
      return await getDoc(docRef(this.db, path));
    } catch (e) {
      throw fromFirestoreError(e);
    }
  }

  private async readQuery(q: Query): Promise<QuerySnapshot> {
    try {
      return await getDocs(q);
    } catch (e) {
      throw fromFirestoreError(e);
    }
  }

  /** A plan's writes as one batch; a deleted post's comments and history are listed and deleted with it. */
  private async write(writes: Writes): Promise<void> {
    if (Object.keys(writes).length === 0) return;
    const { docs, clears } = toDocWrites(writes);
    const cleared = await Promise.all(clears.map((c) => this.readQuery(query(collection(this.db, c.collection)))));
    const batch = writeBatch(this.db);
    for (const w of docs) {
      const ref = docRef(this.db, w.path);
      if (w.kind === 'set') batch.set(ref, w.data, { merge: w.merge });
      else if (w.kind === 'update') batch.update(ref, w.data);
      else batch.delete(ref);
    }
    for (const snap of cleared) for (const d of snap.docs) batch.delete(d.ref);
    const settled = noteWrite(this.db, docs.map((w) => w.path), Date.now());
    try {
      await batch.commit();
    } catch (e) {
      throw fromFirestoreError(e);
    } finally {
      settled();
    }
  }

  private async writeOnce(writes: Writes, landed: () => Promise<boolean>): Promise<void> {
    try {
      await this.write(writes);
    } catch (e) {
      if (isStoreError(e) && e.code === 'permission-denied' && (await landed().catch(() => false))) return;
      throw e;
    }
  }

  private sharedDoc<T>(key: string, path: string, decode: (s: DocumentSnapshot) => T): Shared<T> {
    return this.shared.get<T>(key, (emit, fail) => this.listenDoc(path, (s) => emit(decode(s)), fail));
  }

  protected adminFlag(uid: UserId): Shared<boolean> {
    return this.sharedDoc(`admin:${uid}`, `admins/${uid}`, (s) => s.exists());
  }

  private myLikes(uid: UserId): Shared<ReadonlySet<string>> {
    return this.sharedDoc<ReadonlySet<string>>(`userLikes:${uid}`, `userLikes/${uid}`, (s) => new Set(Object.keys((s.data()?.t as object | undefined) ?? {})));
  }

  private channelRecord(channel: ChannelId): Shared<ChannelRecord | null> {
    return this.sharedDoc(`channel:${channel}`, `channels/${channel}`, (s) => (s.exists() ? (s.data() as ChannelRecord) : null));
  }

  private async isAdmin(uid: UserId): Promise<boolean> {
    const c = this.adminFlag(uid).current;
    if (c.known) return c.value === true;
    return (await this.readDoc(`admins/${uid}`)).exists();
  }

  private async likedByMe(uid: UserId, key: string): Promise<boolean> {
    const c = this.myLikes(uid).current;
    if (c.known) return c.value!.has(key);
    return this.likedNow(uid, key);
  }

  /**
   * Whether the like is stored, read anew: after a refused write the listener may still show that write
   * (the SDK shows a pending write at once and takes it back after the refusal).
   */
  private async likedNow(uid: UserId, key: string): Promise<boolean> {
    const t = (await this.readDoc(`userLikes/${uid}`)).data()?.t as Record<string, unknown> | undefined;
    return t?.[key] === true;
  }

  /** The channel record when a listener already holds it; undefined when not known (no read is made). */
  private knownChannel(channel: ChannelId): ChannelRecord | null | undefined {
    const c = this.channelRecord(channel).current;
    return c.known ? c.value : undefined;
  }

  protected async channelExists(channel: ChannelId): Promise<boolean> {
    const c = this.channelRecord(channel).current;
    if (c.known) return c.value !== null;
    return (await this.readDoc(`channels/${channel}`)).exists();
  }

  /** The post record and its likers (newest first), or null. */
  private async readPostDoc(channel: ChannelId, postId: string): Promise<{ post: PostRecord | null; likers: [string, number][] }> {
    checkId('channel', channel);
    checkId('post', postId);
    const { record, likers } = postFromDoc(fields(await this.readDoc(postPath(channel, postId))));
    return { post: isPostRecord(record) ? record : null, likers };
  }

  private async readPost(channel: ChannelId, postId: string): Promise<PostRecord | null> {
    return (await this.readPostDoc(channel, postId)).post;
  }

  private async voters(channel: ChannelId, postId: string): Promise<UserId[]> {
    return (await this.readPostDoc(channel, postId)).likers.map(([uid]) => uid);
  }

  // --- identity --------------------------------------------------------------------------------------------

  /**
   * Firestore has no connection flag like the Realtime Database's `.info/connected`: the browser's
   * online state stands in for it (always online where there is no browser).
   */
  subscribeConnection(cb: (online: boolean) => void): Unsubscribe {
    const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
    const win = (globalThis as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener });
    const report = () => cb(nav?.onLine !== false);
    queueMicrotask(report);
    win.addEventListener?.('online', report);
    win.addEventListener?.('offline', report);
    return () => {
      win.removeEventListener?.('online', report);
      win.removeEventListener?.('offline', report);
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
            this.listenDoc(
              `profiles/${uid}`,
              (s) => {
                const p = decodeProfile(uid, s.data() ?? null);
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
    const snaps = await Promise.all(
      NAME_SEARCH_FIELDS.map((field) => this.readQuery(query(collection(this.db, 'profiles'), orderBy(field), startAt(q), endAt(q + '\uf8ff'), limitTo(limit)))),
    );
    const found = new Map<UserId, Profile>();
    for (const snap of snaps) {
      for (const d of snap.docs) {
        const p = decodeProfile(d.id, d.data());
        if (p) found.set(d.id, p);
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

  /** A feed window as a Firestore query: `byCat/<category>` is `category == …`, ties broken by id. */
  private windowQuery(channel: ChannelId, spec: WindowSpec): Query {
    const c: QueryConstraint[] = [];
    const cat = /^byCat\/(.+)$/.exec(spec.orderBy)?.[1];
    if (cat) c.push(where('category', '==', cat));
    c.push(orderBy('createdAt'), orderBy(documentId()));
    if (spec.startAt) c.push(spec.startAt.key === undefined ? startAt(at(spec.startAt.value)) : startAt(at(spec.startAt.value), spec.startAt.key));
    if (spec.endBefore) c.push(endBefore(at(spec.endBefore.value), spec.endBefore.key));
    if (spec.limitToLast !== undefined) c.push(limitToLast(spec.limitToLast));
    return query(collection(this.db, `channels/${channel}/posts`), ...c);
  }

  protected feedHost(uid: UserId, channel: ChannelId): FeedHost {
    return {
      listen: (spec, onRows, onError) =>
        this.listenQuery(
          this.windowQuery(channel, spec),
          (s) => onRows(s.docs.map((d): [string, unknown] => [d.id, postFromDoc(fields(d)).record])),
          onError,
        ),
      watchAdmin: (cb, onError) => this.adminFlag(uid).subscribe(cb, onError),
      channelExists: () => this.channelExists(channel),
    };
  }

  async createPost(post: NewPost): Promise<string> {
    const uid = await this.uid();
    const { text, category, mentions } = checkNewPost(uid, post);
    const known = this.channelRecord(post.channel).current;
    const channel = known.known ? known.value : undefined;
    checkChannelCategory(post.channel, channel, category);
    const unknown = mentions.filter((m) => !this.knownProfiles.has(m));
    const exists = await Promise.all(unknown.map((m) => this.readDoc(`profiles/${m}`).then((s) => s.exists(), () => false)));
    unknown.forEach((m, i) => exists[i] && this.knownProfiles.add(m));
    const id = newId();
    const { writes } = planCreatePost({ uid, post, id, now: Date.now(), channel, mentionable: (m) => this.knownProfiles.has(m) });
    try {
      await this.writeOnce(writes, async () => {
        const p = await this.readPost(post.channel, id);
        return p !== null && p.author === uid && p.text === text;
      });
    } catch (e) {
      if (isStoreError(e) && e.code === 'permission-denied' && channel === undefined) {
        const snap = await this.readDoc(`channels/${post.channel}`).catch(() => undefined);
        if (snap) checkChannelCategory(post.channel, snap.exists() ? (snap.data() as ChannelRecord) : null, category);
      }
      throw e;
    }
    return id;
  }

  async editPost(channel: ChannelId, postId: string, text: string): Promise<void> {
    const uid = await this.uid();
    const { writes } = planEditPost(uid, channel, postId, await this.readPost(channel, postId), text);
    await this.writeOnce(writes, async () => {
      const p = await this.readPost(channel, postId);
      return p !== null && p.author === uid && p.text === text && p.editedAt !== undefined;
    });
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
    const post = await this.readPost(channel, postId);
    if (comment !== undefined) checkId('comment', comment);
    const exists = comment === undefined || !post ? undefined : (await this.readDoc(`${postPath(channel, postId)}/comments/${comment}`)).exists();
    await this.write(planReport(uid, channel, postId, post, reason, newId(), comment, exists).writes);
  }

  // --- comments ----------------------------------------------------------------------------------------------

  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => (checkId('channel', channel), checkId('post', postId)),
      onError,
      () =>
        this.whileSignedIn(
          () =>
            this.listenQuery(
              query(collection(this.db, `${postPath(channel, postId)}/comments`), orderBy('createdAt')),
              (s) => cb(decodeComments(postId, s.docs.map((d): [string, unknown] => [d.id, plain(fields(d))]))),
              onError,
            ),
          onError,
        ),
    );
  }

  async comment(channel: ChannelId, postId: string, text: string): Promise<string> {
    const uid = await this.uid();
    const id = newId();
    const { writes } = planComment(uid, channel, postId, await this.readPost(channel, postId), text, id);
    await this.writeOnce(writes, async () => {
      const c = (await this.readDoc(`${postPath(channel, postId)}/comments/${id}`)).data();
      return c?.author === uid && c.text === text;
    });
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
          const onDoc = (s: DocumentSnapshot) => {
            const data = fields(s);
            const map = (data?.likers as Record<string, unknown> | undefined) ?? {};
            count = Number(pt ? data?.likeCount : data?.count) || 0;
            likers = decodeLikers(Object.entries(map).map(([u, t]): [string, number] => [u, millis(t) ?? 0]), MAX_LIKERS);
            emit();
          };
          const stops = [
            this.listenDoc(pt ? postPath(pt.channel, pt.post) : `likes/${key}`, onDoc, onError),
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
    const pt = parsePostTarget(target);
    const data = fields(await this.readDoc(pt ? postPath(pt.channel, pt.post) : `likes/${key}`));
    const map = (data?.likers as Record<string, unknown> | undefined) ?? {};
    return decodeLikers(Object.entries(map).map(([u, t]): [string, number] => [u, millis(t) ?? 0]), limit);
  }

  async like(target: LikeTarget): Promise<void> {
    const uid = await this.uid();
    const key = checkTarget(target, uid);
    return this.inTurn(`like:${key}`, async () => {
      const liked = await this.likedByMe(uid, key);
      const pt = parsePostTarget(target);
      const post = pt && !liked ? await this.readPost(pt.channel, pt.post) : undefined;
      const { writes } = planLike(uid, target, key, liked, post, pt ? this.knownChannel(pt.channel) : undefined);
      await this.writeOnce(writes, async () => this.likedNow(uid, key));
    });
  }

  async unlike(target: LikeTarget): Promise<void> {
    const uid = await this.uid();
    const key = checkTarget(target, uid);
    return this.inTurn(`like:${key}`, async () => {
      const liked = await this.likedByMe(uid, key);
      const pt = parsePostTarget(target);
      const post = pt && liked ? await this.readPost(pt.channel, pt.post) : undefined;
      const { writes } = planUnlike(uid, target, key, liked, post, pt ? this.knownChannel(pt.channel) : undefined);
      // A post's likers live in the post: a deleted post took them with it, and only my own list changes.
      if (pt && post === null) delete writes[`likes/${key}/${uid}`];
      await this.writeOnce(writes, async () => !(await this.likedNow(uid, key)));
    });
  }

  // --- ideas -----------------------------------------------------------------------------------------------------

  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => (checkId('channel', channel), checkId('post', ideaId)),
      onError,
      () =>
        this.whileSignedIn(
          () =>
            this.listenQuery(
              query(collection(this.db, `${postPath(channel, ideaId)}/history`), orderBy('at')),
              (s) => cb(decodeHistory(s.docs.map((d): [string, unknown] => [d.id, plain(fields(d))]))),
              onError,
            ),
          onError,
        ),
    );
  }

  /**
   * One listener for the whole board: every history entry of the channel (a collection-group query on the
   * entries' `channel`), the same documents the per-idea listeners of a board read.
   */
  subscribeLatestNotes(channel: ChannelId, cb: (latest: Readonly<Record<string, IdeaHistoryEntry>>) => void, onError?: OnError): Unsubscribe {
    return this.checked(
      () => checkId('channel', channel),
      onError,
      () =>
        this.whileSignedIn(
          () =>
            this.listenQuery(
              query(collectionGroup(this.db, 'history'), where('channel', '==', channel)),
              (s) => {
                const byIdea = new Map<string, Record<string, unknown>>();
                for (const d of s.docs) {
                  const idea = d.ref.parent.parent?.id;
                  if (!idea) continue;
                  const entries = byIdea.get(idea) ?? {};
                  entries[d.id] = plain(fields(d));
                  byIdea.set(idea, entries);
                }
                cb(decodeLatestNotes(byIdea));
              },
              onError,
            ),
          onError,
        ),
    );
  }

  async setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
    const uid = await this.uid();
    const { post: idea, likers } = await this.readPostDoc(channel, ideaId);
    const admin = await this.isAdmin(uid);
    const voters = likers.map(([v]) => v);
    const { writes } = planSetIdeaStatus({ uid, admin, channel, ideaId, idea, status, note, voters, entryId: newId() });
    await this.write(writes);
  }

  async assignIdea(channel: ChannelId, ideaId: string, owner: UserId): Promise<void> {
    const uid = await this.uid();
    const idea = await this.readPost(channel, ideaId);
    await this.write(planAssignIdea(uid, await this.isAdmin(uid), channel, ideaId, idea, owner).writes);
  }

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
        this.listenQuery(
          query(collection(this.db, `users/${uid}/notifications`), orderBy('createdAt'), limitToLast(NOTIFICATION_LIMIT)),
          (s) => cb(decodeNotifications(s.docs.map((d): [string, unknown] => [d.id, plain(fields(d))]), NOTIFICATION_LIMIT)),
          onError,
        ),
      onError,
      () => cb([]),
    );
  }

  async markNotificationsRead(ids: string[] | 'all'): Promise<void> {
    const uid = await this.uid();
    const snap = await this.readQuery(query(collection(this.db, `users/${uid}/notifications`)));
    const mine = snap.docs.map((d): [string, { read?: boolean }] => [d.id, d.data() as { read?: boolean }]);
    await this.write(planMarkRead(uid, mine, ids).writes);
  }

  // --- stats ---------------------------------------------------------------------------------------------------------

  subscribeStats(q: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    const rows = (s: QuerySnapshot) =>
      s.docs.flatMap((d) => {
        const data = d.data() as { month?: unknown; c?: unknown };
        return statRows({ [typeof data.month === 'string' ? data.month : d.id]: data.c });
      });
    return this.checked(
      () => q.channel !== undefined && checkId('channel', q.channel),
      onError,
      () =>
        this.whileSignedIn(() => {
          if (q.channel !== undefined) {
            let channelChecked = false;
            const channel = q.channel;
            return this.listenQuery(
              query(collection(this.db, `channels/${channel}/stats`), where(documentId(), '>=', q.from), where(documentId(), '<=', q.to)),
              (s) => {
                const stats = sumStats(rows(s), q.from, q.to);
                if (stats.length === 0 && !channelChecked) {
                  channelChecked = true;
                  this.channelExists(channel).then((exists) => (exists ? cb(stats) : onError?.(notFound(`Channel ${channel}`))), (e: StoreError) => onError?.(e));
                  return;
                }
                cb(stats);
              },
              onError,
            );
          }
          return this.listenQuery(
            query(collectionGroup(this.db, 'stats'), where('month', '>=', q.from), where('month', '<=', q.to)),
            (s) => cb(sumStats(rows(s), q.from, q.to)),
            onError,
          );
        }, onError),
    );
  }
}
