/**
 * The store port on the Firebase Realtime Database, laid out as docs/data-layout.md describes and
 * guarded by database.rules.json. Every derived value (counts, stats, notifications, history) is written
 * in the same multi-path update as what causes it, because the rules accept nothing else.
 *
 * Listeners: a container showing a feed page needs two — the feed query and the viewer's `userLikes`,
 * which one listener answers for every post and like button in the store ("did I like it"). Hidden posts
 * need the viewer's admin flag, which is only listened to once a hidden post is in view.
 */
import { getApps } from 'firebase/app';
import {
  endAt,
  endBefore,
  get,
  increment,
  limitToFirst,
  limitToLast,
  onValue,
  orderByChild,
  orderByKey,
  orderByValue,
  push,
  query,
  ref,
  serverTimestamp,
  set,
  startAt,
  update,
  type DataSnapshot,
  type Database,
  type QueryConstraint,
} from 'firebase/database';
import { decodeKey, encodeKey, notificationKey } from '../data/keys.js';
import {
  StoreError,
  type FeedQuery,
  type FeedSubscription,
  type LenigStore,
  type NewPost,
  type OnError,
  type StatsQuery,
  type Unsubscribe,
} from '../data/store.js';
import {
  IDEA_STATUSES,
  MAX_COMMENT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_POST_LENGTH,
  MAX_REASON_LENGTH,
  MAX_TITLE_LENGTH,
  monthKey,
  parsePostTarget,
  postTarget,
  type Channel,
  type ChannelId,
  type Comment,
  type FeedPage,
  type Idea,
  type IdeaHistoryEntry,
  type IdeaStatus,
  type LikeState,
  type LikeTarget,
  type MonthStat,
  type Notification,
  type NotificationType,
  type Post,
  type Profile,
  type UserId,
  type Viewer,
} from '../data/types.js';
import { checkTarget, checkText, invalid } from '../data/validation.js';
import { connectFirebase, type ConnectConfig, type FirebaseConnection } from './connect.js';
import { Session, type SessionConfig } from './session.js';

/** How many likers `LikeState.likers` lists (and `getLikers` returns by default). */
export const MAX_LIKERS = 5;
/** Longest profile name, and longest other profile field. */
export const MAX_NAME_LENGTH = 100;
export const MAX_PROFILE_FIELD_LENGTH = 500;
/** Newest notifications kept in view. */
export const NOTIFICATION_LIMIT = 100;
const DEFAULT_PAGE_SIZE = 20;
/** Profile fields holding the name from its 2nd, 3rd and 4th word on, so a search finds any word. */
const NAME_FROM = ['nameFrom2', 'nameFrom3', 'nameFrom4'] as const;

export interface FirebaseStoreConfig extends ConnectConfig, SessionConfig {}

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

// --- stored shapes (docs/data-layout.md) ------------------------------------------------------------------

interface RawPost {
  author: UserId;
  text: string;
  category: string;
  createdAt: number;
  month: string;
  byCat?: Record<string, number>;
  editedAt?: number;
  likeCount?: number;
  commentCount?: number;
  hidden?: boolean;
  title?: string;
  status?: IdeaStatus;
  owner?: UserId;
  mergedInto?: string;
  statusEntry?: string;
  lastComment?: string;
}

interface RawNotification {
  type: NotificationType;
  actor: UserId;
  channel: ChannelId;
  post: string;
  createdAt: number;
  read: boolean;
  status?: IdeaStatus;
  note?: string;
}

type Updates = Record<string, unknown>;

// --- conversions -------------------------------------------------------------------------------------------

function toPost(channel: ChannelId, id: string, p: RawPost): Post {
  const post: Post = {
    id,
    channel,
    author: p.author,
    text: p.text,
    category: p.category,
    createdAt: new Date(p.createdAt),
    likeCount: p.likeCount ?? 0,
    commentCount: p.commentCount ?? 0,
    hidden: p.hidden === true,
  };
  if (typeof p.editedAt === 'number') post.editedAt = new Date(p.editedAt);
  if (p.category === 'idea' && p.status !== undefined) {
    const idea: Post['idea'] = { title: p.title ?? '', status: p.status };
    if (p.owner !== undefined) idea.owner = p.owner;
    if (p.mergedInto !== undefined) idea.mergedInto = p.mergedInto;
    post.idea = idea;
  }
  return post;
}

function toProfile(uid: UserId, v: unknown): Profile | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  const p: Profile = { uid, name: typeof r.name === 'string' ? r.name : '' };
  for (const k of ['photoURL', 'jobTitle', 'department'] as const) if (typeof r[k] === 'string') p[k] = r[k];
  return p;
}

/** Children of a snapshot as [key, value] pairs. */
function entries<T>(snap: DataSnapshot): [string, T][] {
  const out: [string, T][] = [];
  snap.forEach((child) => {
    out.push([child.key, child.val() as T]);
  });
  return out;
}

/** Likers newest first: by like time, ties by uid the way the database orders equal values. */
function likersOf(snap: DataSnapshot): UserId[] {
  return entries<number>(snap)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([uid]) => uid);
}

function newestFirst(a: [string, RawPost], b: [string, RawPost]): number {
  return b[1].createdAt - a[1].createdAt || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0);
}

// --- errors and validation -------------------------------------------------------------------------------

/** Any Firebase failure as a StoreError. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const rawCode = (e as { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  if (/permission.denied/i.test(code) || /permission.denied/i.test(message)) {
    return new StoreError('permission-denied', `The database refused this (${message}).`);
  }
  if (/client is offline|network/i.test(message)) return new StoreError('offline', message);
  // The SDK refuses paths and keys with `. # $ [ ]` before sending anything.
  if (/invalid path|invalid key|paths must be non-empty/i.test(message)) return new StoreError('validation-failed', message, 'path', 'invalid');
  if (code.startsWith('auth/')) return new StoreError('unauthenticated', message);
  return new StoreError('unknown', message);
}

const notFound = (what: string) => new StoreError('not-found', `${what} does not exist.`);

// --- a value several subscriptions share -------------------------------------------------------------------

/**
 * One database listener for any number of subscribers: opened by the first, closed after the last.
 * Late subscribers get the current value at once (in a microtask).
 */
class Shared<T> {
  private readonly subs = new Set<{ cb: (v: T) => void; onError?: OnError | undefined }>();
  private stop: Unsubscribe | undefined;
  private known = false;
  private value: T | undefined;

  constructor(private readonly open: (emit: (v: T) => void, fail: (e: StoreError) => void) => Unsubscribe) {}

  get current(): { known: boolean; value: T | undefined } {
    return { known: this.known, value: this.value };
  }

  subscribe(cb: (v: T) => void, onError?: OnError): Unsubscribe {
    const sub = { cb, onError };
    this.subs.add(sub);
    if (!this.stop) {
      this.stop = this.open(
        (v) => {
          this.value = v;
          this.known = true;
          for (const s of [...this.subs]) s.cb(v);
        },
        (e) => {
          for (const s of [...this.subs]) s.onError?.(e);
        },
      );
    } else if (this.known) {
      const v = this.value as T;
      queueMicrotask(() => {
        if (this.subs.has(sub)) cb(v);
      });
    }
    return () => {
      if (!this.subs.delete(sub) || this.subs.size > 0) return;
      this.stop?.();
      this.stop = undefined;
      this.known = false;
      this.value = undefined;
    };
  }
}

// --- the store -----------------------------------------------------------------------------------------------

export class FirebaseStore implements LenigStore {
  readonly connection: FirebaseConnection;
  readonly session: Session;
  private readonly db: Database;
  private readonly probe: StoreProbe | undefined;
  private readonly sharedByKey = new Map<string, Shared<unknown>>();
  /** Likes and unlikes of one target run one after another, so a double click is one like. */
  private readonly serial = new Map<string, Promise<unknown>>();
  /** Server time minus local time, from the SDK's handshake: months are counted in server time. */
  private serverOffset = 0;

  constructor(config: FirebaseStoreConfig, options: FirebaseStoreOptions = {}) {
    this.connection = connectFirebase(config);
    this.db = this.connection.database;
    this.probe = options.probe;
    // One session per Auth instance: several stores on one connection share who is signed in.
    const shared = this.connection.shared;
    const sessionKey = `session:${authKey(config)}`;
    this.session = (shared.get(sessionKey) as Session | undefined) ?? new Session(this.connection.auth, config);
    shared.set(sessionKey, this.session);
    onValue(ref(this.db, '.info/serverTimeOffset'), (s) => {
      this.serverOffset = Number(s.val()) || 0;
    });
  }

  // --- plumbing --------------------------------------------------------------------------------------------

  private listen(
    path: string,
    constraints: QueryConstraint[],
    onData: (snap: DataSnapshot) => void,
    onError?: (e: StoreError) => void,
  ): Unsubscribe {
    let q: ReturnType<typeof query> | ReturnType<typeof ref>;
    try {
      q = constraints.length ? query(ref(this.db, path), ...constraints) : ref(this.db, path);
    } catch (e) {
      // An id with characters a path cannot hold (`.`, `#`, `$`, `[`, `]`): nothing to listen to.
      queueMicrotask(() => onError?.(invalid('path', 'invalid', (e as Error).message)));
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
        if (active) onError?.(toStoreError(e));
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
      throw toStoreError(e);
    }
  }

  private async write(updates: Updates): Promise<void> {
    try {
      await update(ref(this.db), updates);
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private newKey(): string {
    // A push id made on the client (no write): time-ordered, unique, and what the rules expect.
    return push(ref(this.db, 'posts')).key;
  }

  private shared<T>(key: string, open: (emit: (v: T) => void, fail: (e: StoreError) => void) => Unsubscribe): Shared<T> {
    let s = this.sharedByKey.get(key) as Shared<T> | undefined;
    if (!s) {
      s = new Shared<T>(open);
      this.sharedByKey.set(key, s as Shared<unknown>);
    }
    return s;
  }

  /** Whether `uid` is an admin, live; one listener however many ask. */
  private adminFlag(uid: UserId): Shared<boolean> {
    return this.shared(`admin:${uid}`, (emit, fail) =>
      this.listen(`admins/${uid}`, [], (s) => emit(s.val() === true), fail),
    );
  }

  /** The keys of every target `uid` likes, live; one listener for the whole store. */
  private myLikes(uid: UserId): Shared<ReadonlySet<string>> {
    return this.shared(`userLikes:${uid}`, (emit, fail) =>
      this.listen(`userLikes/${uid}`, [], (s) => emit(new Set(Object.keys((s.val() as object | null) ?? {}))), fail),
    );
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

  /** The signed-in user's uid, or `unauthenticated`. */
  private async uid(): Promise<UserId> {
    await this.session.ready();
    // A command made while the page signs in (anonymous, custom token) waits for it.
    if (!this.session.user) await this.session.pending?.catch(() => undefined);
    const user = this.session.user;
    if (!user) throw new StoreError('unauthenticated', 'Sign in first.');
    return user.uid;
  }

  /**
   * Runs `start` for the signed-in user and again whenever someone else signs in; while nobody is
   * signed in, `signedOut` runs (default: an `unauthenticated` error, since the rules refuse reads).
   */
  private whileSignedIn(start: (uid: UserId) => Unsubscribe, onError?: OnError, signedOut?: () => void): Unsubscribe {
    let stop: Unsubscribe | undefined;
    let current: string | null | undefined;
    let closed = false;
    const off = this.session.onChange((user) => {
      const uid = user?.uid ?? null;
      if (closed || uid === current) return;
      current = uid;
      stop?.();
      stop = undefined;
      if (uid) {
        stop = start(uid);
        return;
      }
      const pending = this.session.pending;
      if (pending) {
        // Signing in is under way: the next call brings the user, or the failure is reported here.
        pending.catch((e: unknown) => {
          if (closed || current !== null) return;
          if (signedOut) signedOut();
          else onError?.(e instanceof StoreError ? e : new StoreError('unauthenticated', String(e)));
        });
      } else if (signedOut) signedOut();
      else onError?.(new StoreError('unauthenticated', 'Sign in to see this.'));
    });
    return () => {
      closed = true;
      off();
      stop?.();
      stop = undefined;
    };
  }

  private async readPost(channel: ChannelId, postId: string): Promise<RawPost> {
    const p = (await this.read(`posts/${channel}/${postId}`)).val() as RawPost | null;
    if (!p) throw notFound(`Post ${postId} in ${channel}`);
    return p;
  }

  private async readIdea(channel: ChannelId, ideaId: string): Promise<RawPost> {
    const p = await this.readPost(channel, ideaId);
    if (p.category !== 'idea' || p.status === undefined) throw notFound(`Idea ${ideaId} in ${channel}`);
    return p;
  }

  private notification(type: NotificationType, actor: UserId, channel: ChannelId, post: string, extra: Partial<RawNotification> = {}): Updates[string] {
    return { type, actor, channel, post, createdAt: serverTimestamp(), read: false, ...extra };
  }

  /** Runs `task` after any earlier task with the same key. */
  private inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.serial.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.serial.set(key, next);
    void next.finally(() => {
      if (this.serial.get(key) === next) this.serial.delete(key);
    }).catch(() => undefined);
    return next;
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
        const stopProfile = this.listen(
          `profiles/${uid}`,
          [],
          (s) => ((profile = toProfile(uid, s.val())), emit()),
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
    return this.whileSignedIn(() => this.listen(`profiles/${uid}`, [], (s) => cb(toProfile(uid, s.val())), onError), onError);
  }

  async searchProfiles(prefix: string, limit = 10): Promise<Profile[]> {
    const q = prefix.trim().toLowerCase();
    if (!q) return [];
    await this.uid();
    // One ordered query per indexed name field: the whole name, and the name from each later word on.
    const snaps = await Promise.all(
      ['nameLower', ...NAME_FROM].map((field) =>
        this.read('profiles', [orderByChild(field), startAt(q), endAt(q + '\uf8ff'), limitToFirst(limit)]),
      ),
    );
    const found = new Map<UserId, Profile>();
    for (const snap of snaps) {
      for (const [uid, raw] of entries<unknown>(snap)) {
        const p = toProfile(uid, raw);
        if (!p) continue;
        const name = p.name.toLowerCase();
        // The same test the in-memory store makes: the whole name, or any later word, starts with q.
        if (name.startsWith(q) || name.split(/\s+/).slice(1).some((w) => w.startsWith(q))) found.set(uid, p);
      }
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.uid < b.uid ? -1 : 1)).slice(0, limit);
  }

  async updateMyProfile(profile: Omit<Profile, 'uid'>): Promise<void> {
    const uid = await this.uid();
    const name = checkText('name', profile.name, MAX_NAME_LENGTH);
    const nameLower = name.toLowerCase();
    const stored: Record<string, string> = { name, nameLower };
    // The name from its 2nd, 3rd and 4th word on: "jan" finds "Pieter Jansen".
    const starts = [...nameLower.matchAll(/\S+/g)].map((m) => m.index);
    NAME_FROM.forEach((field, i) => {
      const start = starts[i + 1];
      if (start !== undefined) stored[field] = nameLower.slice(start);
    });
    for (const k of ['photoURL', 'jobTitle', 'department'] as const) {
      const v = profile[k];
      if (v !== undefined && v !== '') stored[k] = checkText(k, v, MAX_PROFILE_FIELD_LENGTH, false);
    }
    try {
      await set(ref(this.db, `profiles/${uid}`), stored);
    } catch (e) {
      throw toStoreError(e);
    }
  }

  // --- channels and posts ----------------------------------------------------------------------------------

  subscribeChannel(channel: ChannelId, cb: (channel: Channel) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(
      () =>
        this.listen(
          `channels/${channel}`,
          [],
          (s) => {
            const v = s.val() as { name?: string; categories?: Record<string, number> } | null;
            if (!v) {
              onError?.(notFound(`Channel ${channel}`));
              return;
            }
            const categories = Object.entries(v.categories ?? {})
              .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
              .map(([c]) => c);
            cb({ id: channel, name: v.name ?? channel, categories });
          },
          onError,
        ),
      onError,
    );
  }

  subscribeFeed(q: FeedQuery, cb: (page: FeedPage) => void, onError?: OnError): FeedSubscription {
    let feed: Feed | undefined;
    const unsubscribe = this.whileSignedIn(
      (uid) => {
        const f = new Feed(this.feedHost(uid), q, cb, onError);
        feed = f;
        return () => {
          f.close();
          if (feed === f) feed = undefined;
        };
      },
      onError,
    );
    return { unsubscribe, more: async () => feed?.more() };
  }

  /** What a feed needs from the store, without handing it the whole store. */
  private feedHost(uid: UserId): FeedHost {
    return {
      listen: (path, constraints, onData, onError) => this.listen(path, constraints, onData, onError),
      adminFlag: () => this.adminFlag(uid),
    };
  }

  subscribePost(channel: ChannelId, postId: string, cb: (post: Post | null) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn((uid) => {
      let raw: RawPost | null | undefined;
      let admin: boolean | undefined;
      let stopAdmin: Unsubscribe | undefined;
      const emit = () => {
        if (raw === undefined) return;
        if (!raw) return cb(null);
        if (raw.hidden === true) {
          // Only hidden posts need to know whether the viewer is an admin.
          stopAdmin ??= this.adminFlag(uid).subscribe((v) => ((admin = v), emit()), onError);
          if (admin === undefined) return;
          if (!admin) return cb(null);
        }
        cb(toPost(channel, postId, raw));
      };
      const stop = this.listen(`posts/${channel}/${postId}`, [], (s) => ((raw = s.val() as RawPost | null), emit()), onError);
      return () => {
        stop();
        stopAdmin?.();
      };
    }, onError);
  }

  async createPost(post: NewPost): Promise<string> {
    const uid = await this.uid();
    const text = checkText('text', post.text, MAX_POST_LENGTH);
    const channel = (await this.read(`channels/${post.channel}`)).val() as { categories?: Record<string, number> } | null;
    if (!channel) throw notFound(`Channel ${post.channel}`);
    if (!Object.hasOwn(channel.categories ?? {}, post.category)) {
      throw invalid('category', 'unknown-category', `${post.category} is not a category of ${post.channel}.`);
    }
    const isIdea = post.category === 'idea';
    const title = isIdea ? checkText('title', post.title ?? '', MAX_TITLE_LENGTH) : undefined;
    const id = this.newKey();
    const month = monthKey(new Date(Date.now() + this.serverOffset));
    const stored: Record<string, unknown> = {
      author: uid,
      text,
      category: post.category,
      createdAt: serverTimestamp(),
      month,
      byCat: { [post.category]: serverTimestamp() },
      likeCount: 0,
      commentCount: 0,
    };
    if (isIdea) {
      stored.title = title;
      stored.status = 'new';
    }
    const stat = `stats/${post.channel}/${month}/${post.category}`;
    const updates: Updates = {
      [`posts/${post.channel}/${id}`]: stored,
      [`${stat}/posts`]: increment(1),
      [`${stat}/cause`]: id,
    };
    for (const m of new Set(post.mentions ?? [])) {
      if (m !== uid) updates[`notifications/${m}/${notificationKey('mentioned', post.channel, id, uid)}`] = this.notification('mentioned', uid, post.channel, id);
    }
    await this.write(updates);
    return id;
  }

  async editPost(channel: ChannelId, postId: string, text: string): Promise<void> {
    await this.uid();
    checkText('text', text, MAX_POST_LENGTH);
    await this.write({ [`posts/${channel}/${postId}/text`]: text, [`posts/${channel}/${postId}/editedAt`]: serverTimestamp() });
  }

  async deletePost(channel: ChannelId, postId: string): Promise<void> {
    const uid = await this.uid();
    const p = await this.readPost(channel, postId);
    if (p.author !== uid) throw new StoreError('permission-denied', 'Only the author can delete a post.');
    const stat = `stats/${channel}/${p.month}/${p.category}`;
    // Likes stay (they are the likers' own, and the stats keep counting them); the post's comments and
    // history go with it, and it leaves its month's post count.
    await this.write({
      [`posts/${channel}/${postId}`]: null,
      [`comments/${channel}/${postId}`]: null,
      [`ideaHistory/${channel}/${postId}`]: null,
      [`${stat}/posts`]: increment(-1),
      [`${stat}/cause`]: postId,
    });
  }

  async hidePost(channel: ChannelId, postId: string, hidden: boolean): Promise<void> {
    await this.uid();
    await this.write({ [`posts/${channel}/${postId}/hidden`]: hidden });
  }

  async report(channel: ChannelId, postId: string, reason: string): Promise<void> {
    const uid = await this.uid();
    checkText('reason', reason, MAX_REASON_LENGTH, false);
    await this.write({
      [`reports/${this.newKey()}`]: { channel, post: postId, by: uid, reason, createdAt: serverTimestamp() },
    });
  }

  // --- comments ----------------------------------------------------------------------------------------------

  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(
      () =>
        this.listen(
          `comments/${channel}/${postId}`,
          [orderByChild('createdAt')],
          (s) => {
            const list = entries<{ author: UserId; text: string; createdAt: number }>(s)
              .sort((a, b) => a[1].createdAt - b[1].createdAt || (a[0] < b[0] ? -1 : 1))
              .map(([id, c]) => ({ id, post: postId, author: c.author, text: c.text, createdAt: new Date(c.createdAt) }));
            cb(list);
          },
          onError,
        ),
      onError,
    );
  }

  async comment(channel: ChannelId, postId: string, text: string): Promise<string> {
    const uid = await this.uid();
    checkText('text', text, MAX_COMMENT_LENGTH);
    const p = await this.readPost(channel, postId);
    const id = this.newKey();
    const updates: Updates = {
      [`comments/${channel}/${postId}/${id}`]: { author: uid, text, createdAt: serverTimestamp() },
      [`posts/${channel}/${postId}/commentCount`]: increment(1),
      // Names the comment the count goes up for, so the rules can tie the two together.
      [`posts/${channel}/${postId}/lastComment`]: id,
    };
    if (p.author !== uid) updates[`notifications/${p.author}/${notificationKey('commented', channel, postId, id)}`] = this.notification('commented', uid, channel, postId);
    await this.write(updates);
    return id;
  }

  // --- likes ---------------------------------------------------------------------------------------------------

  subscribeLikes(target: LikeTarget, cb: (state: LikeState) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn((uid) => {
      const key = encodeKey(target);
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
        this.listen(`likes/${key}`, [orderByValue(), limitToLast(MAX_LIKERS)], (s) => ((likers = likersOf(s)), emit()), onError),
        this.myLikes(uid).subscribe((v) => ((mine = v), emit()), onError),
      ];
      return () => stops.forEach((stop) => stop());
    }, onError);
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
    return likersOf(await this.read(`likes/${key}`, [orderByValue(), limitToLast(limit)])).slice(0, limit);
  }

  async like(target: LikeTarget): Promise<void> {
    const uid = await this.uid();
    const key = checkTarget(target);
    return this.inTurn(`like:${key}`, async () => {
      // Liking again is a no-op: the rules would refuse a second like.
      if (await this.likedByMe(uid, key)) return;
      const updates: Updates = {
        [`likes/${key}/${uid}`]: serverTimestamp(),
        [`userLikes/${uid}/${key}`]: true,
      };
      const pt = parsePostTarget(target);
      if (pt) {
        const p = await this.readPost(pt.channel, pt.post);
        const stat = `stats/${pt.channel}/${p.month}/${p.category}`;
        updates[`posts/${pt.channel}/${pt.post}/likeCount`] = increment(1);
        updates[`${stat}/likes`] = increment(1);
        updates[`${stat}/cause`] = pt.post;
        if (p.author !== uid) updates[`notifications/${p.author}/${notificationKey('liked', pt.channel, pt.post, uid)}`] = this.notification('liked', uid, pt.channel, pt.post);
      } else {
        updates[`likeCounts/${key}`] = increment(1);
      }
      try {
        await this.write(updates);
      } catch (e) {
        // Another tab or device liked it first: the like is there, which is what was asked.
        if ((e as StoreError).code === 'permission-denied' && (await this.read(`likes/${key}/${uid}`)).exists()) return;
        throw e;
      }
    });
  }

  async unlike(target: LikeTarget): Promise<void> {
    const uid = await this.uid();
    const key = checkTarget(target);
    return this.inTurn(`like:${key}`, async () => {
      if (!(await this.likedByMe(uid, key))) return;
      const updates: Updates = { [`likes/${key}/${uid}`]: null, [`userLikes/${uid}/${key}`]: null };
      const pt = parsePostTarget(target);
      if (pt) {
        const p = (await this.read(`posts/${pt.channel}/${pt.post}`)).val() as RawPost | null;
        // A deleted post took its count with it: only the like itself is withdrawn.
        if (p) {
          const stat = `stats/${pt.channel}/${p.month}/${p.category}`;
          updates[`posts/${pt.channel}/${pt.post}/likeCount`] = increment(-1);
          updates[`${stat}/likes`] = increment(-1);
          updates[`${stat}/cause`] = pt.post;
        }
      } else {
        updates[`likeCounts/${key}`] = increment(-1);
      }
      try {
        await this.write(updates);
      } catch (e) {
        if ((e as StoreError).code === 'permission-denied' && !(await this.read(`likes/${key}/${uid}`)).exists()) return;
        throw e;
      }
    });
  }

  // --- ideas -----------------------------------------------------------------------------------------------------

  subscribeIdeas(channel: ChannelId, cb: (ideas: Idea[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn((uid) => {
      let raw: [string, RawPost][] | undefined;
      let admin: boolean | undefined;
      let stopAdmin: Unsubscribe | undefined;
      const emit = () => {
        if (!raw) return;
        if (raw.some(([, p]) => p.hidden === true)) {
          stopAdmin ??= this.adminFlag(uid).subscribe((v) => ((admin = v), emit()), onError);
          if (admin === undefined) return;
        }
        cb(
          raw
            .filter(([, p]) => p.category === 'idea' && p.status !== undefined && (admin === true || p.hidden !== true))
            .sort(newestFirst)
            .map(([id, p]) => toPost(channel, id, p) as Idea),
        );
      };
      // Only ideas carry `byCat/idea`; a number start leaves every other post out.
      const stop = this.listen(
        `posts/${channel}`,
        [orderByChild('byCat/idea'), startAt(0)],
        (s) => ((raw = entries<RawPost>(s)), emit()),
        onError,
      );
      return () => {
        stop();
        stopAdmin?.();
      };
    }, onError);
  }

  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(
      () =>
        this.listen(
          `ideaHistory/${channel}/${ideaId}`,
          [orderByChild('at')],
          (s) => {
            cb(
              entries<{ status: IdeaStatus; note: string; by: UserId; at: number }>(s)
                .sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1))
                .map(([id, e]) => ({ id, status: e.status, note: e.note, by: e.by, at: new Date(e.at) })),
            );
          },
          onError,
        ),
      onError,
    );
  }

  async setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
    const uid = await this.uid();
    const idea = await this.readIdea(channel, ideaId);
    if (idea.owner !== uid && !(await this.isAdmin(uid))) {
      throw new StoreError('permission-denied', "Only the idea's owner or an admin can change its status.");
    }
    if (!(IDEA_STATUSES as readonly string[]).includes(status)) throw invalid('status', 'invalid', `${status} is not an idea status.`);
    checkText('note', note, MAX_NOTE_LENGTH);
    const entry = this.newKey();
    const updates: Updates = {
      [`ideaHistory/${channel}/${ideaId}/${entry}`]: { status, note, by: uid, at: serverTimestamp() },
      [`posts/${channel}/${ideaId}/status`]: status,
      [`posts/${channel}/${ideaId}/statusEntry`]: entry,
    };
    // The author and everyone who voted hear of it, except whoever made the change.
    const voters = Object.keys(((await this.read(`likes/${encodeKey(postTarget(channel, ideaId))}`)).val() as object | null) ?? {});
    const recipients = new Set([idea.author, ...voters]);
    recipients.delete(uid);
    for (const to of recipients) {
      updates[`notifications/${to}/${notificationKey('idea-status', channel, ideaId, entry)}`] = this.notification('idea-status', uid, channel, ideaId, { status, note });
    }
    await this.write(updates);
  }

  async assignIdea(channel: ChannelId, ideaId: string, owner: UserId): Promise<void> {
    const uid = await this.uid();
    const idea = await this.readIdea(channel, ideaId);
    if (idea.owner !== uid && !(await this.isAdmin(uid))) {
      throw new StoreError('permission-denied', "Only the idea's owner or an admin can assign it.");
    }
    if (typeof owner !== 'string' || !owner) throw invalid('owner', 'required', 'An owner is required.');
    if (idea.owner === owner) return;
    const updates: Updates = { [`posts/${channel}/${ideaId}/owner`]: owner };
    if (owner !== uid) updates[`notifications/${owner}/${notificationKey('assigned', channel, ideaId, uid)}`] = this.notification('assigned', uid, channel, ideaId);
    await this.write(updates);
  }

  /**
   * Pools the votes: everyone who voted for `ideaId` and not yet for `intoId` now votes for `intoId`.
   * That writes other people's likes, which the rules allow admins only (docs/rules.md).
   */
  async mergeIdea(channel: ChannelId, ideaId: string, intoId: string): Promise<void> {
    const uid = await this.uid();
    const [from, into] = await Promise.all([this.readIdea(channel, ideaId), this.readIdea(channel, intoId)]);
    if (from.owner !== uid && !(await this.isAdmin(uid))) {
      throw new StoreError('permission-denied', "Only the idea's owner or an admin can merge it.");
    }
    if (ideaId === intoId) throw invalid('into', 'invalid', 'An idea cannot be merged into itself.');
    const fromKey = encodeKey(postTarget(channel, ideaId));
    const intoKey = encodeKey(postTarget(channel, intoId));
    const [fromVotes, intoVotes] = await Promise.all([this.read(`likes/${fromKey}`), this.read(`likes/${intoKey}`)]);
    const already = new Set(Object.keys((intoVotes.val() as object | null) ?? {}));
    const pooled = Object.keys((fromVotes.val() as object | null) ?? {}).filter((v) => !already.has(v));
    const updates: Updates = { [`posts/${channel}/${ideaId}/mergedInto`]: intoId };
    for (const v of pooled) {
      updates[`likes/${intoKey}/${v}`] = serverTimestamp();
      updates[`userLikes/${v}/${intoKey}`] = true;
    }
    if (pooled.length) {
      updates[`posts/${channel}/${intoId}/likeCount`] = increment(pooled.length);
      updates[`stats/${channel}/${into.month}/${into.category}/likes`] = increment(pooled.length);
    }
    await this.write(updates);
  }

  // --- notifications -----------------------------------------------------------------------------------------------

  subscribeNotifications(cb: (notifications: Notification[]) => void, onError?: OnError): Unsubscribe {
    return this.whileSignedIn(
      (uid) =>
        this.listen(
          `notifications/${uid}`,
          [orderByChild('createdAt'), limitToLast(NOTIFICATION_LIMIT)],
          (s) => {
            cb(
              entries<RawNotification>(s)
                .sort((a, b) => b[1].createdAt - a[1].createdAt || (a[0] < b[0] ? 1 : -1))
                .map(([id, n]) => {
                  const out: Notification = { id, type: n.type, actor: n.actor, channel: n.channel, post: n.post, createdAt: new Date(n.createdAt), read: n.read === true };
                  if (n.status !== undefined) out.status = n.status;
                  if (n.note !== undefined) out.note = n.note;
                  return out;
                }),
            );
          },
          onError,
        ),
      onError,
      () => cb([]),
    );
  }

  async markNotificationsRead(ids: string[] | 'all'): Promise<void> {
    const uid = await this.uid();
    const mine = ((await this.read(`notifications/${uid}`)).val() as Record<string, RawNotification> | null) ?? {};
    const updates: Updates = {};
    for (const [id, n] of Object.entries(mine)) {
      if (!n.read && (ids === 'all' || ids.includes(id))) updates[`notifications/${uid}/${id}/read`] = true;
    }
    if (Object.keys(updates).length) await this.write(updates);
  }

  // --- stats ---------------------------------------------------------------------------------------------------------

  subscribeStats(q: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    type Months = Record<string, Record<string, { posts?: number; likes?: number }>>;
    const sum = (channels: Months[]) => {
      const sums = new Map<string, MonthStat>();
      for (const months of channels) {
        for (const [month, cats] of Object.entries(months ?? {})) {
          if (month < q.from || month > q.to) continue;
          for (const [category, s] of Object.entries(cats ?? {})) {
            const key = `${month}/${category}`;
            const m = sums.get(key) ?? { month, category, posts: 0, likes: 0 };
            m.posts += s.posts ?? 0;
            m.likes += s.likes ?? 0;
            sums.set(key, m);
          }
        }
      }
      return [...sums.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.category < b.category ? -1 : 1));
    };
    return this.whileSignedIn(() => {
      if (q.channel !== undefined) {
        return this.listen(
          `stats/${q.channel}`,
          [orderByKey(), startAt(q.from), endAt(q.to)],
          (s) => cb(sum([(s.val() as Months | null) ?? {}])),
          onError,
        );
      }
      return this.listen('stats', [], (s) => cb(sum(Object.values((s.val() as Record<string, Months> | null) ?? {}))), onError);
    }, onError);
  }
}

// --- feeds -------------------------------------------------------------------------------------------------------

interface FeedHost {
  listen(path: string, constraints: QueryConstraint[], onData: (snap: DataSnapshot) => void, onError?: (e: StoreError) => void): Unsubscribe;
  adminFlag(): Shared<boolean>;
}

interface FeedWindow {
  stop: Unsubscribe;
  /** Undefined until the first snapshot. */
  posts: [string, RawPost][] | undefined;
  /** A `limitToLast(pageSize + 1)` window: one post more than shown tells whether older ones exist. */
  limited: boolean;
}

/**
 * A live feed of pages. The newest page is a `limitToLast(pageSize + 1)` query; when the reader asks for
 * more, that window is fixed at its oldest shown post (`startAt`, open upwards, so new posts keep coming
 * in on top and never push loaded ones out) and an older window is added with `endBefore` the oldest
 * shown post. Each window stays live; the union is what the reader sees.
 */
class Feed {
  private readonly windows: FeedWindow[] = [];
  private readonly pageSize: number;
  private readonly orderKey: string;
  private readonly path: string;
  private readonly category: string | undefined;
  private admin: boolean | undefined;
  private stopAdmin: Unsubscribe | undefined;
  private closed = false;

  constructor(
    private readonly host: FeedHost,
    q: FeedQuery,
    private readonly cb: (page: FeedPage) => void,
    private readonly onError: OnError | undefined,
  ) {
    this.pageSize = Math.max(1, q.pageSize ?? DEFAULT_PAGE_SIZE);
    this.orderKey = q.category ? `byCat/${q.category}` : 'createdAt';
    this.path = `posts/${q.channel}`;
    this.category = q.category;
    void this.open([...this.ordered(), limitToLast(this.pageSize + 1)], true);
  }

  /**
   * The order, and for a category feed a lower bound: posts of other categories have no
   * `byCat/<category>`, sort first as null, and would otherwise fill a `limitToLast` window.
   */
  private ordered(): QueryConstraint[] {
    return this.category ? [orderByChild(this.orderKey), startAt(0)] : [orderByChild(this.orderKey)];
  }

  /** Opens a window and resolves once it has delivered. */
  private open(constraints: QueryConstraint[], limited: boolean, at = this.windows.length): Promise<FeedWindow> {
    return new Promise((resolve) => {
      const w: FeedWindow = { stop: () => {}, posts: undefined, limited };
      // more() awaits between windows; a feed closed meanwhile must not open a listener nobody stops.
      if (this.closed) return resolve(w);
      this.windows.splice(at, 0, w);
      w.stop = this.host.listen(
        this.path,
        constraints,
        (s) => {
          w.posts = entries<RawPost>(s).filter(
            ([, p]) => p && typeof p.createdAt === 'number' && (!this.category || typeof p.byCat?.[this.category] === 'number'),
          );
          resolve(w);
          this.emit();
        },
        (e) => {
          resolve(w);
          this.onError?.(e);
        },
      );
    });
  }

  /** Where an ordered post sits: its value of the order key, and its key. */
  private position(entry: [string, RawPost]): [number, string] {
    const [id, p] = entry;
    const v = this.orderKey === 'createdAt' ? p.createdAt : (p.byCat?.[this.orderKey.slice('byCat/'.length)] ?? p.createdAt);
    return [v, id];
  }

  /** Every loaded post newest first, and whether older ones exist (the last window's extra post). */
  private loaded(): { list: [string, RawPost][]; hasMore: boolean } {
    const union = new Map<string, RawPost>();
    for (const w of this.windows) for (const [id, p] of w.posts ?? []) union.set(id, p);
    const list = [...union.entries()].sort(newestFirst);
    const last = this.windows[this.windows.length - 1];
    const hasMore = last !== undefined && last.limited && (last.posts?.length ?? 0) > this.pageSize;
    if (hasMore) {
      // The oldest post of the last window is only there to say that there is more.
      const extra = [...last.posts!].sort(newestFirst)[last.posts!.length - 1]![0];
      return { list: list.filter(([id]) => id !== extra), hasMore };
    }
    return { list, hasMore };
  }

  private emit(): void {
    if (this.closed || this.windows.some((w) => w.posts === undefined)) return;
    const { list, hasMore } = this.loaded();
    if (list.some(([, p]) => p.hidden === true)) {
      this.stopAdmin ??= this.host.adminFlag().subscribe(
        (v) => {
          this.admin = v;
          this.emit();
        },
        this.onError,
      );
      if (this.admin === undefined) return;
    }
    const channel = this.path.slice('posts/'.length);
    const posts = list.filter(([, p]) => this.admin === true || p.hidden !== true).map(([id, p]) => toPost(channel, id, p));
    this.cb({ posts, hasMore });
  }

  async more(): Promise<void> {
    if (this.closed || this.windows.some((w) => w.posts === undefined)) return;
    const { list, hasMore } = this.loaded();
    const oldest = list[list.length - 1];
    if (!hasMore || !oldest) return;
    const [value, key] = this.position(oldest);
    const first = this.windows[0]!;
    if (this.windows.length === 1 && first.limited) {
      // Fix the newest window at its oldest shown post before anything older is added.
      const fixed = await this.open([orderByChild(this.orderKey), startAt(value, key)], false, 0);
      if (this.closed) return;
      fixed.limited = false;
      first.stop();
      this.windows.splice(this.windows.indexOf(first), 1);
    }
    // The previously last window stops deciding `hasMore`; the new one does.
    for (const w of this.windows) w.limited = false;
    await this.open([...this.ordered(), endBefore(value, key), limitToLast(this.pageSize + 1)], true);
  }

  close(): void {
    this.closed = true;
    for (const w of this.windows) w.stop();
    this.windows.length = 0;
    this.stopAdmin?.();
  }
}

// --- creating the page's store --------------------------------------------------------------------------------------

/**
 * The page's store for `config`: made once per connection (so every widget and every copy of lenig on
 * the page shares it), signing in at once for the silent auth modes.
 */
export function createFirebaseStore(config: FirebaseStoreConfig, options: FirebaseStoreOptions = {}): FirebaseStore {
  if (config.auth === 'host' && !config.app) {
    // The page signs in with its own Firebase app; lenig must use that app to see who it is.
    const app = getApps().find((a) => a.name === '[DEFAULT]');
    if (!app) {
      throw new Error(
        'auth "host" needs the page\'s own Firebase app: initialise it before lenig, or pass it as configure({ auth: "host", app }). ' +
          'The one-file drop-in carries its own copy of Firebase and cannot see the page\'s app: use the npm package.',
      );
    }
    config = { ...config, app };
  }
  const connection = connectFirebase(config);
  // One store per connection and sign-in method: a page that reconfigures from anonymous to custom
  // token must not keep the anonymous session.
  const storeKey = `store:${authKey(config)}`;
  let store = connection.shared.get(storeKey) as FirebaseStore | undefined;
  if (!store) {
    store = new FirebaseStore(config, options);
    connection.shared.set(storeKey, store);
    void store.session.autoSignIn().then((error) => {
      if (error) console.error(`lenig: ${error.message}`);
    });
  }
  return store;
}

/** What tells one sign-in set-up from another on the same connection. */
function authKey(config: FirebaseStoreConfig): string {
  return JSON.stringify([config.auth ?? 'anonymous', config.tokenUrl ?? '', config.tenant ?? '', config.credentials?.email ?? '']);
}
