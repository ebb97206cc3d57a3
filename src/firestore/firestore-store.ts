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
  runTransaction,
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
import { checkId } from '../data/core/checks.js';
import type { FeedHost, WindowSpec } from '../data/core/feed-windows.js';
import { MAX_LIKERS } from '../data/core/limits.js';
import { decodeLikers, isPostRecord, statRows, type ChannelRecord, type PostRecord, type ProfileRecord, type ReportRecord } from '../data/core/records.js';
import type { Writes } from '../data/core/writes.js';
import type { AdminHost } from '../data/core/admin-commands.js';
import { newId } from '../data/keys.js';
import { StoreError, isStoreError, type LenigStore, type OnError, type StatsQuery, type Unsubscribe } from '../data/store.js';
import {
  parsePostTarget,
  type ChannelId,
  type LikeTarget,
  type UserId,
} from '../data/types.js';
import { Session, type SessionConfig } from '../firebase/session.js';
import type { Shared } from '../firebase/shared.js';
import { FirebaseStoreBase, type AdminList, type LikesPart, type StatRow } from '../firebase/store-base.js';
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

/** A query's documents as [id, fields with times in ms]. */
const rowsOf = (s: QuerySnapshot): [string, unknown][] => s.docs.map((d): [string, unknown] => [d.id, plain(fields(d))]);

/** The likers map of a likes or post document as [uid, when in ms]. */
function likerRows(data: Record<string, unknown> | undefined): [UserId, unknown][] {
  const map = (data?.likers as Record<string, unknown> | undefined) ?? {};
  return Object.entries(map).map(([u, t]): [UserId, unknown] => [u, millis(t) ?? 0]);
}

export class FirestoreStore extends FirebaseStoreBase implements LenigStore {
  readonly connection: FirestoreConnection;
  readonly session: Session;
  private readonly db: Firestore;

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
  // without `<lenig-admin>` never loads them.

  /** Reads and writes for the administration commands (src/data/core/admin-commands.ts). */
  readonly adminHost: AdminHost = {
    uid: () => this.uid(),
    anonymous: () => this.session.user?.isAnonymous ?? false,
    isAdmin: (uid) => this.isAdmin(uid),
    readPost: (channel, postId) => this.readPost(channel, postId),
    readReport: async (id) => (plain((await this.readDoc(`reports/${id}`)).data()) as ReportRecord | undefined) ?? null,
    commentExists: async (channel, postId, commentId) => (await this.readDoc(`${postPath(channel, postId)}/comments/${commentId}`)).exists(),
    commentText: async (channel, postId, commentId) => {
      const text: unknown = (await this.readDoc(`${postPath(channel, postId)}/comments/${commentId}`)).get('text');
      return typeof text === 'string' ? text : null;
    },
    readChannel: async (channel) => ((await this.readDoc(`channels/${channel}`)).data() as ChannelRecord | undefined) ?? null,
    readProfile: async (uid) => ((await this.readDoc(`profiles/${uid}`)).data() as ProfileRecord | undefined) ?? null,
    adminCount: async () => Number((await this.readDoc(ADMIN_COUNT)).data()?.count) || 0,
    // Rules cannot ask whether a collection is empty: set-up is done once the admin count exists.
    setUpDone: async () => {
      const [admins, count] = await Promise.all([this.readQuery(query(collection(this.db, 'admins'), limitTo(1))), this.readDoc(ADMIN_COUNT)]);
      return !admins.empty || count.exists();
    },
    write: (writes) => this.write(writes),
    writeOnce: (writes, landed) => this.writeOnce(writes, landed),
    createChannel: async (id, record) => {
      const at = docRef(this.db, `channels/${id}`);
      try {
        // Read inside the transaction, so its commit requires the document to be missing still.
        return await runTransaction(this.db, async (tx) => {
          const now = await tx.get(at);
          if (now.exists()) return now.data() as ChannelRecord;
          tx.set(at, record);
          return null;
        });
      } catch (e) {
        throw fromFirestoreError(e);
      }
    },
  };

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
  listenAdminList(list: AdminList, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listenQuery(
      query(collection(this.db, list)),
      (s) => onRows(s.docs.map((d) => [d.id, list === 'admins' ? d.data().admin : plain(fields(d))])),
      onError,
    );
  }

  listenProfileRecord(uid: UserId, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
    return this.listenDoc(`profiles/${uid}`, (s) => onRaw(s.data() ?? null), onError);
  }

  listenPostRecord(channel: ChannelId, postId: string, onRaw: (raw: unknown) => void, onError?: OnError): Unsubscribe {
    return this.listenDoc(postPath(channel, postId), (s) => onRaw(postFromDoc(fields(s)).record), onError);
  }

  listenIdeaRecords(channel: ChannelId, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
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
  async write(writes: Writes): Promise<void> {
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

  private sharedDoc<T>(key: string, path: string, decode: (s: DocumentSnapshot) => T): Shared<T> {
    return this.shared.get<T>(key, (emit, fail) => this.listenDoc(path, (s) => emit(decode(s)), fail));
  }

  adminFlag(uid: UserId): Shared<boolean> {
    return this.sharedDoc(`admin:${uid}`, `admins/${uid}`, (s) => s.exists());
  }

  myLikes(uid: UserId): Shared<ReadonlySet<string>> {
    return this.sharedDoc<ReadonlySet<string>>(`userLikes:${uid}`, `userLikes/${uid}`, (s) => new Set(Object.keys((s.data()?.t as object | undefined) ?? {})));
  }

  channelRecord(channel: ChannelId): Shared<ChannelRecord | null> {
    return this.sharedDoc(`channel:${channel}`, `channels/${channel}`, (s) => (s.exists() ? (s.data() as ChannelRecord) : null));
  }

  /** The post record and its likers (newest first), or null. */
  private async readPostDoc(channel: ChannelId, postId: string): Promise<{ post: PostRecord | null; likers: [string, number][] }> {
    checkId('channel', channel);
    checkId('post', postId);
    const { record, likers } = postFromDoc(fields(await this.readDoc(postPath(channel, postId))));
    return { post: isPostRecord(record) ? record : null, likers };
  }

  // --- one-time reads (../firebase/store-base.ts) ------------------------------------------------------------

  async readPost(channel: ChannelId, postId: string): Promise<PostRecord | null> {
    return (await this.readPostDoc(channel, postId)).post;
  }

  async voters(channel: ChannelId, postId: string): Promise<UserId[]> {
    return (await this.readPostDoc(channel, postId)).likers.map(([uid]) => uid);
  }

  /** A post's likers live in the post: one read for both. */
  override async postAndVoters(channel: ChannelId, postId: string): Promise<{ post: PostRecord | null; voters: UserId[] }> {
    const { post, likers } = await this.readPostDoc(channel, postId);
    return { post, voters: likers.map(([uid]) => uid) };
  }

  async readAdminFlag(uid: UserId): Promise<boolean> {
    return (await this.readDoc(`admins/${uid}`)).exists();
  }

  async readLiked(uid: UserId, key: string): Promise<boolean> {
    const t = (await this.readDoc(`userLikes/${uid}`)).data()?.t as Record<string, unknown> | undefined;
    return t?.[key] === true;
  }

  async readChannelRecord(channel: ChannelId): Promise<ChannelRecord | null> {
    const snap = await this.readDoc(`channels/${channel}`);
    return snap.exists() ? (snap.data() as ChannelRecord) : null;
  }

  async readComment(channel: ChannelId, postId: string, commentId: string): Promise<{ author?: unknown; text?: unknown } | undefined> {
    return (await this.readDoc(`${postPath(channel, postId)}/comments/${commentId}`)).data();
  }

  async profileExists(uid: UserId): Promise<boolean> {
    return (await this.readDoc(`profiles/${uid}`)).exists();
  }

  async searchProfileRows(field: string, q: string, limit: number): Promise<[UserId, unknown][]> {
    const snap = await this.readQuery(query(collection(this.db, 'profiles'), orderBy(field), startAt(q), endAt(q + '\uf8ff'), limitTo(limit)));
    return snap.docs.map((d): [UserId, unknown] => [d.id, d.data()]);
  }

  async readNotificationRows(uid: UserId): Promise<[string, { read?: boolean }][]> {
    const snap = await this.readQuery(query(collection(this.db, `users/${uid}/notifications`)));
    return snap.docs.map((d): [string, { read?: boolean }] => [d.id, d.data() as { read?: boolean }]);
  }

  /** A post's likers are in the post's document, any other target's in `likes/<key>`. */
  private likesDoc(target: LikeTarget, key: string): string {
    const pt = parsePostTarget(target);
    return pt ? postPath(pt.channel, pt.post) : `likes/${key}`;
  }

  async readLikerRows(target: LikeTarget, key: string): Promise<[UserId, unknown][]> {
    return likerRows(fields(await this.readDoc(this.likesDoc(target, key))));
  }

  newKey(): string {
    return newId();
  }

  /**
   * Read anew, not from the listener: after a refused write the listener may still show that write (the
   * SDK shows a pending write at once and takes it back after the refusal).
   */
  likeLanded(uid: UserId, key: string): Promise<boolean> {
    return this.readLiked(uid, key);
  }

  /** A post's likers live in the post: a deleted post took them with it, and only my own list changes. */
  override unlikeWrites(uid: UserId, target: LikeTarget, key: string, liked: boolean, post: PostRecord | null | undefined, channel: ChannelRecord | null | undefined): Writes {
    const writes = super.unlikeWrites(uid, target, key, liked, post, channel);
    if (post === null) delete writes[`likes/${key}/${uid}`];
    return writes;
  }

  /**
   * The export reads documents back into the Realtime Database's tree (./export-reader.ts), so both
   * databases export the one format of docs/export.md. One person's profile and admin flag are single
   * documents, which the `person` reader reads as such; the tree reader answers whole collections.
   */
  async exportReader(kind: 'all' | 'person'): Promise<(path: string) => Promise<unknown>> {
    const { exportReader } = await import('./export-reader.js');
    const tree = exportReader({
      list: (path) => this.readQuery(query(collection(this.db, path))),
      group: (id) => this.readQuery(query(collectionGroup(this.db, id))),
      get: (path) => this.readDoc(path),
    });
    if (kind === 'all') return tree;
    return async (path: string): Promise<unknown> => {
      const [root, id] = path.split('/');
      if (id === undefined || (root !== 'profiles' && root !== 'admins')) return tree(path);
      const data = (await this.readDoc(path)).data();
      return root === 'admins' ? data?.admin === true || null : (plain(data) ?? null);
    };
  }

  // --- listeners (../firebase/store-base.ts) ------------------------------------------------------------------

  listenCommentRows(channel: ChannelId, postId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listenQuery(query(collection(this.db, `${postPath(channel, postId)}/comments`), orderBy('createdAt')), (s) => onRows(rowsOf(s)), onError);
  }

  listenHistoryRows(channel: ChannelId, ideaId: string, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listenQuery(query(collection(this.db, `${postPath(channel, ideaId)}/history`), orderBy('at')), (s) => onRows(rowsOf(s)), onError);
  }

  /**
   * One listener for the whole board: every history entry of the channel (a collection-group query on the
   * entries' `channel`), grouped by idea.
   */
  listenLatestNoteRows(channel: ChannelId, onRows: (rows: Iterable<[string, unknown]>) => void, onError?: OnError): Unsubscribe {
    return this.listenQuery(
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
        onRows(byIdea);
      },
      onError,
    );
  }

  listenNotificationRows(uid: UserId, limit: number, onRows: (rows: [string, unknown][]) => void, onError?: OnError): Unsubscribe {
    return this.listenQuery(query(collection(this.db, `users/${uid}/notifications`), orderBy('createdAt'), limitToLast(limit)), (s) => onRows(rowsOf(s)), onError);
  }

  listenLikes(target: LikeTarget, key: string, onPart: (part: LikesPart) => void, onError?: OnError): Unsubscribe {
    const post = parsePostTarget(target) !== undefined;
    return this.listenDoc(
      this.likesDoc(target, key),
      (s) => {
        const data = fields(s);
        onPart({ count: Number(post ? data?.likeCount : data?.count) || 0, likers: decodeLikers(likerRows(data), MAX_LIKERS) });
      },
      onError,
    );
  }

  /** A channel's months are documents named by month; every channel's, a collection-group query on `month`. */
  listenStatRows(channel: ChannelId | undefined, q: StatsQuery, onRows: (rows: StatRow[]) => void, onError?: OnError): Unsubscribe {
    const months =
      channel === undefined
        ? query(collectionGroup(this.db, 'stats'), where('month', '>=', q.from), where('month', '<=', q.to))
        : query(collection(this.db, `channels/${channel}/stats`), where(documentId(), '>=', q.from), where(documentId(), '<=', q.to));
    return this.listenQuery(
      months,
      (s) =>
        onRows(
          s.docs.flatMap((d) => {
            const data = d.data() as { month?: unknown; c?: unknown };
            return statRows({ [typeof data.month === 'string' ? data.month : d.id]: data.c });
          }),
        ),
      onError,
    );
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

  feedHost(uid: UserId, channel: ChannelId): FeedHost {
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
}
