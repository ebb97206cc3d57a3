/**
 * An in-memory `LenigStore` for stories, element tests and demos without a Firebase project.
 *
 * It is held to the same contract suite as the Firebase store (test/contract/), so it validates, checks
 * permissions and fails with the same `StoreError`s the Realtime Database rules would cause, and it keeps
 * the same derived data (counts, stats, notifications) in step.
 *
 * Two ways to use it:
 * - `new MemoryStore({ users, admins, channels, viewer, seed })`: one signed-in user, own data — for stories.
 * - `const backend = new MemoryBackend({...}); backend.session('alice'); backend.session('bob')`: several
 *   sessions against one shared backend, each signed in as someone else — for tests of what one user sees
 *   of another user's actions.
 *
 * Realtime: each subscription is called once soon after subscribing (in a microtask, or after `latency`
 * ms) and again whenever a change alters what it would be given. Every value handed out is a fresh, frozen
 * object or array, so Lit's `!==` change check sees each update and no element can mutate shared state.
 *
 * Offline (`setOnline(false)`) works like the Realtime Database SDK: the session keeps a local copy, its
 * own writes apply to that copy at once (its listeners see them), their promises stay pending, and other
 * users' changes stop arriving. Back online, the queued writes are replayed in order against the backend;
 * a write the backend refuses then rejects, as a rules rejection would.
 */
import { decodeKey, encodeKey, newId, notificationKey } from './keys.js';
import {
  StoreError,
  type FeedQuery,
  type FeedSubscription,
  type LenigStore,
  type NewPost,
  type OnError,
  type StatsQuery,
  type Unsubscribe,
} from './store.js';
import { checkTarget, checkText, invalid } from './validation.js';
import {
  DEFAULT_CATEGORIES,
  IDEA_STATUSES,
  MAX_COMMENT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_POST_LENGTH,
  MAX_REASON_LENGTH,
  MAX_TITLE_LENGTH,
  monthKey,
  parsePostTarget,
  postTarget,
  type CategoryId,
  type FeedPage,
  type Channel,
  type ChannelId,
  type Comment,
  type Idea,
  type IdeaHistoryEntry,
  type IdeaStatus,
  type LikeState,
  type LikeTarget,
  type MonthStat,
  type Notification,
  type Post,
  type Profile,
  type Report,
  type UserId,
  type Viewer,
} from './types.js';

/** How many likers `LikeState.likers` lists at most. */
export const MAX_LIKERS = 5;
/** Longest profile name. */
export const MAX_NAME_LENGTH = 100;
const DEFAULT_PAGE_SIZE = 20;

/** The channel a store gets when none is configured, so a story needs no setup. */
export const DEFAULT_CHANNEL: Channel = { id: 'general', name: 'General', categories: [...DEFAULT_CATEGORIES] };

/** A post for seeding, with explicit dates and counts derived from `likers` and `comments`. */
export interface SeedPost {
  id?: string;
  /** Default: the first channel. */
  channel?: ChannelId;
  author: UserId;
  text: string;
  /** Default: `news`, or `idea` when `title` is given. */
  category?: CategoryId;
  /** Default: now. */
  createdAt?: Date;
  editedAt?: Date;
  hidden?: boolean;
  /** Makes the post an idea (category `idea`). */
  title?: string;
  status?: IdeaStatus;
  owner?: UserId;
  mergedInto?: string;
  /** Who likes it, oldest first; the count, `userLikes` and the month's stats follow. */
  likers?: UserId[];
  comments?: { author: UserId; text: string; createdAt?: Date }[];
}

/** Everything a backend can be seeded with. */
export interface MemorySeed {
  users?: Profile[];
  admins?: UserId[];
  channels?: Channel[];
  posts?: SeedPost[];
  /** Likes of targets that are not posts (pages …). */
  likes?: { target: LikeTarget; users: UserId[] }[];
  notifications?: (Omit<Notification, 'id' | 'read' | 'createdAt'> & { to: UserId; read?: boolean; createdAt?: Date })[];
}

export interface MemoryBackendOptions {
  users?: Profile[];
  admins?: UserId[];
  /** Default: one channel, `general`, with the default categories. */
  channels?: Channel[];
  /** The server clock. */
  now?: () => Date;
  seed?: MemorySeed;
}

export interface MemorySessionOptions {
  /** Milliseconds each command and first subscription callback waits. Default 0. */
  latency?: number;
  /** Signed in anonymously (no profile required). */
  anonymous?: boolean;
  /** Whom `signIn()` signs in; default the session's first user, else the backend's first user. */
  signInAs?: UserId;
}

export interface MemoryStoreOptions extends MemoryBackendOptions, MemorySessionOptions {
  /** Signed in as; `null` means signed out. Default: the first of `users`, or signed out without users. */
  viewer?: UserId | null;
  /** Share a backend with other stores instead of making a new one (then users/admins/channels/seed are ignored). */
  backend?: MemoryBackend;
}

/** Operation names that `failNext` / `setFailure` accept. */
export type StoreOperation = keyof LenigStore;

// --- the stored data, shaped like the database ---------------------------------------------------------

interface StoredPost {
  id: string;
  channel: ChannelId;
  author: UserId;
  text: string;
  category: CategoryId;
  createdAt: number;
  editedAt?: number;
  likeCount: number;
  commentCount: number;
  hidden: boolean;
  title?: string;
  status?: IdeaStatus;
  owner?: UserId;
  mergedInto?: string;
}

interface StoredNotification extends Omit<Notification, 'createdAt' | 'id'> {
  createdAt: number;
}

interface Data {
  admins: Set<UserId>;
  profiles: Map<UserId, Profile>;
  channels: Map<ChannelId, Channel>;
  /** `/posts/{ch}/{id}` */
  posts: Map<ChannelId, Map<string, StoredPost>>;
  /** `/comments/{ch}/{post}/{id}`, keyed `${ch}/${post}` */
  comments: Map<string, Map<string, { author: UserId; text: string; createdAt: number }>>;
  /** `/likes/{targetKey}/{uid}` = like time; `seq` breaks ties between likes in one millisecond. */
  likes: Map<string, Map<UserId, { at: number; seq: number }>>;
  /** `/likeCounts/{targetKey}`, for targets that are not posts. */
  likeCounts: Map<string, number>;
  /** `/userLikes/{uid}/{targetKey}` */
  userLikes: Map<UserId, Set<string>>;
  /** `/ideaHistory/{ch}/{post}/{id}`, keyed `${ch}/${post}` */
  ideaHistory: Map<string, Map<string, { status: IdeaStatus; note: string; by: UserId; at: number }>>;
  /** `/notifications/{uid}/{id}` */
  notifications: Map<UserId, Map<string, StoredNotification>>;
  /** `/reports/{id}` */
  reports: Map<string, Omit<Report, 'id' | 'createdAt'> & { createdAt: number }>;
  /** `/stats/{ch}/{month}/{category}`, keyed `${ch}/${month}/${category}` */
  stats: Map<string, { posts: number; likes: number }>;
  seq: number;
}

function emptyData(): Data {
  return {
    admins: new Set(),
    profiles: new Map(),
    channels: new Map(),
    posts: new Map(),
    comments: new Map(),
    likes: new Map(),
    likeCounts: new Map(),
    userLikes: new Map(),
    ideaHistory: new Map(),
    notifications: new Map(),
    reports: new Map(),
    stats: new Map(),
    seq: 0,
  };
}

/** Who is acting, as the rules see it. */
interface Actor {
  uid: UserId | null;
  anonymous: boolean;
}

// --- pure helpers over Data ----------------------------------------------------------------------------

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function isAdmin(d: Data, uid: UserId | null): boolean {
  return uid !== null && d.admins.has(uid);
}

function requireSignedIn(actor: Actor): UserId {
  if (actor.uid === null) throw new StoreError('unauthenticated', 'Sign in first.');
  return actor.uid;
}

function getChannel(d: Data, channel: ChannelId): Channel {
  const ch = d.channels.get(channel);
  if (!ch) throw new StoreError('not-found', `No channel ${channel}.`);
  return ch;
}

function getPost(d: Data, channel: ChannelId, postId: string): StoredPost {
  const p = d.posts.get(channel)?.get(postId);
  if (!p) throw new StoreError('not-found', `No post ${postId} in ${channel}.`);
  return p;
}

function getIdea(d: Data, channel: ChannelId, ideaId: string): StoredPost {
  const p = getPost(d, channel, ideaId);
  if (p.category !== 'idea' || p.status === undefined) throw new StoreError('not-found', `Post ${ideaId} is not an idea.`);
  return p;
}

function bumpStat(d: Data, channel: ChannelId, month: string, category: CategoryId, field: 'posts' | 'likes', by: number): void {
  const s = getOrCreate(d.stats, `${channel}/${month}/${category}`, () => ({ posts: 0, likes: 0 }));
  s[field] += by;
}

/** `cause`: the comment's id for `commented`, the history entry's for `idea-status`, else the actor (see notificationKey). */
function notify(d: Data, to: UserId, n: Omit<StoredNotification, 'read'>, cause: string = n.actor): void {
  getOrCreate(d.notifications, to, () => new Map()).set(notificationKey(n.type, n.channel, n.post, cause), { ...n, read: false });
}

function likersOf(d: Data, key: string): UserId[] {
  const m = d.likes.get(key);
  if (!m) return [];
  return [...m.entries()].sort((a, b) => b[1].at - a[1].at || b[1].seq - a[1].seq).map(([uid]) => uid);
}

function addLike(d: Data, target: LikeTarget, uid: UserId, at: number): boolean {
  const key = encodeKey(target);
  const pt = parsePostTarget(target);
  const post = pt ? d.posts.get(pt.channel)?.get(pt.post) : undefined;
  if (pt && !post) throw new StoreError('not-found', `No post ${pt.post} in ${pt.channel}.`);
  const likes = getOrCreate(d.likes, key, () => new Map());
  if (likes.has(uid)) return false;
  likes.set(uid, { at, seq: ++d.seq });
  getOrCreate(d.userLikes, uid, () => new Set()).add(key);
  if (post && pt) {
    post.likeCount += 1;
    bumpStat(d, pt.channel, monthKey(new Date(post.createdAt)), post.category, 'likes', 1);
  } else {
    d.likeCounts.set(key, (d.likeCounts.get(key) ?? 0) + 1);
  }
  return true;
}

function removeLike(d: Data, target: LikeTarget, uid: UserId): boolean {
  const key = encodeKey(target);
  const likes = d.likes.get(key);
  if (!likes?.has(uid)) return false;
  likes.delete(uid);
  if (likes.size === 0) d.likes.delete(key);
  d.userLikes.get(uid)?.delete(key);
  const pt = parsePostTarget(target);
  const post = pt ? d.posts.get(pt.channel)?.get(pt.post) : undefined;
  if (post && pt) {
    post.likeCount -= 1;
    bumpStat(d, pt.channel, monthKey(new Date(post.createdAt)), post.category, 'likes', -1);
  } else if (!pt) {
    d.likeCounts.set(key, (d.likeCounts.get(key) ?? 1) - 1);
  }
  return true;
}

function toPost(p: StoredPost): Post {
  const post: Post = {
    id: p.id,
    channel: p.channel,
    author: p.author,
    text: p.text,
    category: p.category,
    createdAt: new Date(p.createdAt),
    likeCount: p.likeCount,
    commentCount: p.commentCount,
    hidden: p.hidden,
  };
  if (p.editedAt !== undefined) post.editedAt = new Date(p.editedAt);
  if (p.category === 'idea' && p.status !== undefined) {
    const idea: Post['idea'] = { title: p.title ?? '', status: p.status };
    if (p.owner !== undefined) idea.owner = p.owner;
    if (p.mergedInto !== undefined) idea.mergedInto = p.mergedInto;
    post.idea = Object.freeze(idea);
  }
  return Object.freeze(post);
}

/** Newest first; equal times fall back to the id, as `orderByChild` does with keys. */
function newestFirst(a: StoredPost, b: StoredPost): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function visiblePosts(d: Data, channel: ChannelId, viewer: UserId | null, category?: CategoryId): StoredPost[] {
  const admin = isAdmin(d, viewer);
  const all = d.posts.get(channel);
  if (!all) return [];
  return [...all.values()].filter((p) => (admin || !p.hidden) && (category === undefined || p.category === category)).sort(newestFirst);
}

/** Only for emit-or-not decisions: Dates serialise to ISO strings, which is enough to tell values apart. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Set ? ['Set', ...[...(v as Set<string>)].sort()] : v)) ?? 'undefined';
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

// --- the backend ----------------------------------------------------------------------------------------

/**
 * The shared "server": the data and the sessions that watch it. Seed it with the constructor, `load()` or
 * `addPost()`; open one `session(uid)` per signed-in user.
 */
export class MemoryBackend {
  /** @internal The server copy; sessions read it directly while online. */
  data: Data = emptyData();
  readonly now: () => Date;
  private readonly sessions = new Set<MemoryStore>();

  constructor(options: MemoryBackendOptions = {}) {
    this.now = options.now ?? (() => new Date());
    const channels = options.channels ?? [DEFAULT_CHANNEL];
    this.load({ users: options.users, admins: options.admins, channels });
    if (options.seed) this.load(options.seed);
  }

  /** A store signed in as `uid` (`null`: signed out) on this backend. */
  session(uid: UserId | null, options: MemorySessionOptions = {}): MemoryStore {
    return new MemoryStore({ ...options, backend: this, viewer: uid });
  }

  /** Adds seed data, bypassing permissions (but keeping counts, stats and `userLikes` consistent). */
  load(seed: MemorySeed): void {
    const d = this.data;
    for (const u of seed.users ?? []) d.profiles.set(u.uid, { ...u });
    for (const a of seed.admins ?? []) d.admins.add(a);
    for (const c of seed.channels ?? []) d.channels.set(c.id, { ...c, categories: [...c.categories] });
    for (const p of seed.posts ?? []) this.insertPost(p);
    for (const l of seed.likes ?? []) {
      for (const uid of l.users) addLike(d, l.target, uid, this.now().getTime());
    }
    for (const n of seed.notifications ?? []) {
      const { to, read, createdAt, ...rest } = n;
      const at = (createdAt ?? this.now()).getTime();
      getOrCreate(d.notifications, to, () => new Map()).set(newId(at), { ...rest, createdAt: at, read: read ?? false });
    }
    this.changed();
  }

  /** Adds one post (or idea) with explicit dates, likers and comments. Returns it as the store would. */
  addPost(seed: SeedPost): Post {
    const p = this.insertPost(seed);
    this.changed();
    return toPost(p);
  }

  /** Everything reported so far, oldest first (reports have no subscription in the port: admins read them in the console). */
  reports(): Report[] {
    return [...this.data.reports.entries()].map(([id, r]) => ({ ...r, id, createdAt: new Date(r.createdAt) }));
  }

  private insertPost(seed: SeedPost): StoredPost {
    const d = this.data;
    const channel = seed.channel ?? d.channels.keys().next().value;
    if (channel === undefined) throw new Error('Seed a channel before posts.');
    const createdAt = (seed.createdAt ?? this.now()).getTime();
    const category = seed.category ?? (seed.title !== undefined ? 'idea' : 'news');
    const p: StoredPost = {
      id: seed.id ?? newId(createdAt),
      channel,
      author: seed.author,
      text: seed.text,
      category,
      createdAt,
      likeCount: 0,
      commentCount: 0,
      hidden: seed.hidden ?? false,
    };
    if (seed.editedAt) p.editedAt = seed.editedAt.getTime();
    if (category === 'idea') {
      p.title = seed.title ?? seed.text.slice(0, 60);
      p.status = seed.status ?? 'new';
      if (seed.owner !== undefined) p.owner = seed.owner;
      if (seed.mergedInto !== undefined) p.mergedInto = seed.mergedInto;
    }
    getOrCreate(d.posts, channel, () => new Map()).set(p.id, p);
    bumpStat(d, channel, monthKey(new Date(createdAt)), category, 'posts', 1);
    let t = createdAt;
    for (const uid of seed.likers ?? []) addLike(d, postTarget(channel, p.id), uid, ++t);
    for (const c of seed.comments ?? []) {
      const at = (c.createdAt ?? new Date(++t)).getTime();
      getOrCreate(d.comments, `${channel}/${p.id}`, () => new Map()).set(newId(at), { author: c.author, text: c.text, createdAt: at });
      p.commentCount += 1;
    }
    return p;
  }

  /** @internal */
  attach(s: MemoryStore): void {
    this.sessions.add(s);
  }

  /** @internal Tells every online session that the server data changed. */
  changed(): void {
    for (const s of this.sessions) s.serverChanged();
  }
}

// --- a session -------------------------------------------------------------------------------------------

interface Sub {
  op: StoreOperation;
  /** Computes what the subscriber should hold now, or throws a StoreError to report through onError. */
  compute: (d: Data) => unknown;
  cb: (value: never) => void;
  onError?: OnError | undefined;
  last?: string;
  active: boolean;
  ready: boolean;
}

interface Queued {
  apply: (d: Data, at: number) => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * One signed-in session on a `MemoryBackend`. `new MemoryStore(opts)` makes its own backend unless
 * `opts.backend` is given.
 */
export class MemoryStore implements LenigStore {
  readonly backend: MemoryBackend;
  private uid: UserId | null;
  private anonymous: boolean;
  private latency: number;
  private online = true;
  /** The session's own copy of the data while offline (the SDK's cache), with its writes applied. */
  private local: Data | undefined;
  private queue: Queued[] = [];
  private readonly subs = new Set<Sub>();
  private readonly failOnce = new Map<StoreOperation | '*', StoreError>();
  private readonly failAlways = new Map<StoreOperation | '*', StoreError>();
  private readonly signInUid: UserId | undefined;

  constructor(options: MemoryStoreOptions = {}) {
    this.backend = options.backend ?? new MemoryBackend(options);
    this.backend.attach(this);
    this.uid = options.viewer !== undefined ? options.viewer : (options.users?.[0]?.uid ?? null);
    this.anonymous = options.anonymous ?? false;
    this.latency = options.latency ?? 0;
    this.signInUid = options.signInAs ?? options.users?.[0]?.uid;
  }

  // --- controls for stories and tests --------------------------------------------------------------

  /** Milliseconds every command and first callback waits from now on. */
  setLatency(ms: number): void {
    this.latency = ms;
  }

  /** Makes the next call of `operation` (or of any operation, `'*'`) fail with `error`. */
  failNext(operation: StoreOperation | '*', error: StoreError): void {
    this.failOnce.set(operation, error);
  }

  /** Makes every call of `operation` fail with `error` until called again with `null`. */
  setFailure(operation: StoreOperation | '*', error: StoreError | null): void {
    if (error) this.failAlways.set(operation, error);
    else this.failAlways.delete(operation);
  }

  /** Cuts or restores this session's connection (see the file comment for what offline means). */
  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (!online) {
      this.local = structuredClone(this.backend.data);
    } else {
      this.local = undefined;
      const queue = this.queue;
      this.queue = [];
      let any = false;
      for (const q of queue) {
        try {
          q.resolve(q.apply(this.backend.data, this.backend.now().getTime()));
          any = true;
        } catch (e) {
          q.reject(e);
        }
      }
      if (any) this.backend.changed();
      else this.refresh();
    }
    this.refresh();
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** Signs this session in as `uid`, or out with `null`, at once. */
  signInAs(uid: UserId | null, options: { anonymous?: boolean } = {}): void {
    this.uid = uid;
    this.anonymous = uid !== null && (options.anonymous ?? false);
    this.refresh();
  }

  /** Seeds one post on the backend; see `MemoryBackend.addPost`. */
  addPost(seed: SeedPost): Post {
    return this.backend.addPost(seed);
  }

  /** Seeds the backend; see `MemoryBackend.load`. */
  load(seed: MemorySeed): void {
    this.backend.load(seed);
  }

  // --- identity -----------------------------------------------------------------------------------------

  subscribeViewer(cb: (viewer: Viewer | null) => void): Unsubscribe {
    return this.subscribe('subscribeViewer', cb, undefined, (d) => {
      if (this.uid === null) return null;
      const viewer: Viewer = { uid: this.uid, anonymous: this.anonymous, admin: isAdmin(d, this.uid) };
      const profile = d.profiles.get(this.uid);
      if (profile) viewer.profile = Object.freeze({ ...profile });
      return Object.freeze(viewer);
    });
  }

  async signIn(): Promise<void> {
    await this.gate('signIn');
    const uid = this.signInUid ?? this.data().profiles.keys().next().value;
    if (uid === undefined) this.signInAs(`anonymous-${newId().slice(-6)}`, { anonymous: true });
    else this.signInAs(uid);
  }

  async signOut(): Promise<void> {
    await this.gate('signOut');
    this.signInAs(null);
  }

  subscribeConnection(cb: (online: boolean) => void): Unsubscribe {
    return this.subscribe('subscribeConnection', cb, undefined, () => this.online);
  }

  // --- profiles -----------------------------------------------------------------------------------------

  subscribeProfile(uid: UserId, cb: (profile: Profile | null) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeProfile', cb, onError, (d) => {
      const p = d.profiles.get(uid);
      return p ? Object.freeze({ ...p }) : null;
    });
  }

  async searchProfiles(prefix: string, limit = 10): Promise<Profile[]> {
    await this.gate('searchProfiles');
    const q = prefix.trim().toLowerCase();
    if (!q) return [];
    const found = [...this.data().profiles.values()].filter((p) => {
      const name = p.name.toLowerCase();
      // The whole name, or any later word (so "jan" finds "Pieter Jansen").
      return name.startsWith(q) || name.split(/\s+/).slice(1).some((w) => w.startsWith(q));
    });
    found.sort((a, b) => a.name.localeCompare(b.name) || (a.uid < b.uid ? -1 : 1));
    return Object.freeze(found.slice(0, limit).map((p) => Object.freeze({ ...p }))) as Profile[];
  }

  updateMyProfile(profile: Omit<Profile, 'uid'>): Promise<void> {
    return this.command('updateMyProfile', (d, _at, actor) => {
      const uid = requireSignedIn(actor);
      const name = checkText('name', profile.name, MAX_NAME_LENGTH);
      const next: Profile = { uid, name };
      for (const k of ['photoURL', 'jobTitle', 'department'] as const) {
        const v = profile[k];
        if (v !== undefined && v !== '') next[k] = checkText(k, v, 500, false);
      }
      d.profiles.set(uid, next);
    });
  }

  // --- channels and posts --------------------------------------------------------------------------------

  subscribeChannel(channel: ChannelId, cb: (channel: Channel) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeChannel', cb, onError, (d) => {
      const c = getChannel(d, channel);
      return Object.freeze({ ...c, categories: Object.freeze([...c.categories]) });
    });
  }

  subscribeFeed(query: FeedQuery, cb: (page: FeedPage) => void, onError?: OnError): FeedSubscription {
    const pageSize = Math.max(1, query.pageSize ?? DEFAULT_PAGE_SIZE);
    // The oldest post loaded so far, once the reader has asked for more. Until then the window is the
    // newest `pageSize` posts, as a `limitToLast` query keeps it; afterwards it is everything from
    // that post up, so posts arriving at the top never push loaded posts out.
    let oldest: StoredPost | undefined;
    const window = (d: Data) => {
      const all = visiblePosts(d, query.channel, this.uid, query.category);
      const shown = oldest === undefined ? all.slice(0, pageSize) : all.filter((p) => newestFirst(p, oldest!) <= 0);
      return { all, shown };
    };
    let sub: Sub | undefined;
    const unsubscribe = this.subscribe(
      'subscribeFeed',
      cb,
      onError,
      (d) => {
        getChannel(d, query.channel);
        const { all, shown } = window(d);
        const last = shown[shown.length - 1];
        const hasMore = last === undefined ? false : all.some((p) => newestFirst(p, last) > 0);
        return Object.freeze({ posts: Object.freeze(shown.map(toPost)), hasMore });
      },
      (s) => (sub = s),
    );
    return {
      unsubscribe,
      more: async () => {
        await delay(this.latency);
        if (!sub?.active) return;
        const { all, shown } = window(this.data());
        const next = all.slice(0, shown.length + pageSize);
        oldest = next[next.length - 1];
        this.emit(sub);
      },
    };
  }

  subscribePost(channel: ChannelId, postId: string, cb: (post: Post | null) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribePost', cb, onError, (d) => {
      const p = d.posts.get(channel)?.get(postId);
      // Hidden posts are readable in the database (rules cannot filter a list); the store leaves them
      // out for non-admins, as the feed does.
      if (!p || (p.hidden && !isAdmin(d, this.uid))) return null;
      return toPost(p);
    });
  }

  createPost(post: NewPost): Promise<string> {
    const id = newId(this.backend.now().getTime());
    return this.command('createPost', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      const ch = getChannel(d, post.channel);
      const text = checkText('text', post.text, MAX_POST_LENGTH);
      if (!ch.categories.includes(post.category)) {
        throw invalid('category', 'unknown-category', `${post.category} is not a category of ${ch.name}.`);
      }
      const p: StoredPost = {
        id,
        channel: post.channel,
        author: uid,
        text,
        category: post.category,
        createdAt: at,
        likeCount: 0,
        commentCount: 0,
        hidden: false,
      };
      if (post.category === 'idea') {
        p.title = checkText('title', post.title ?? '', MAX_TITLE_LENGTH);
        p.status = 'new';
      }
      const mentions = [...new Set(post.mentions ?? [])].filter((m) => m !== uid);
      getOrCreate(d.posts, post.channel, () => new Map()).set(id, p);
      bumpStat(d, post.channel, monthKey(new Date(at)), post.category, 'posts', 1);
      for (const m of mentions) notify(d, m, { type: 'mentioned', actor: uid, channel: post.channel, post: id, createdAt: at });
      return id;
    });
  }

  editPost(channel: ChannelId, postId: string, text: string): Promise<void> {
    return this.command('editPost', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      const p = getPost(d, channel, postId);
      if (p.author !== uid) throw new StoreError('permission-denied', 'Only the author can edit a post.');
      p.text = checkText('text', text, MAX_POST_LENGTH);
      p.editedAt = at;
    });
  }

  deletePost(channel: ChannelId, postId: string): Promise<void> {
    return this.command('deletePost', (d, _at, actor) => {
      const uid = requireSignedIn(actor);
      const p = getPost(d, channel, postId);
      if (p.author !== uid) throw new StoreError('permission-denied', 'Only the author can delete a post.');
      d.posts.get(channel)!.delete(postId);
      d.comments.delete(`${channel}/${postId}`);
      d.ideaHistory.delete(`${channel}/${postId}`);
      bumpStat(d, channel, monthKey(new Date(p.createdAt)), p.category, 'posts', -1);
      // Likes stay where they are (their count lived in the post and goes with it); the stats keep
      // counting them, as they happened.
    });
  }

  hidePost(channel: ChannelId, postId: string, hidden: boolean): Promise<void> {
    return this.command('hidePost', (d, _at, actor) => {
      const uid = requireSignedIn(actor);
      const p = getPost(d, channel, postId);
      if (!isAdmin(d, uid)) throw new StoreError('permission-denied', 'Only admins can hide posts.');
      p.hidden = hidden;
    });
  }

  report(channel: ChannelId, postId: string, reason: string): Promise<void> {
    const id = newId(this.backend.now().getTime());
    return this.command('report', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      getPost(d, channel, postId);
      checkText('reason', reason, MAX_REASON_LENGTH, false);
      d.reports.set(id, { channel, post: postId, by: uid, reason, createdAt: at });
    });
  }

  // --- comments -----------------------------------------------------------------------------------------

  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeComments', cb, onError, (d) => {
      const m = d.comments.get(`${channel}/${postId}`);
      const list = [...(m?.entries() ?? [])]
        .sort((a, b) => a[1].createdAt - b[1].createdAt || (a[0] < b[0] ? -1 : 1))
        .map(([id, c]) => Object.freeze({ id, post: postId, author: c.author, text: c.text, createdAt: new Date(c.createdAt) }));
      return Object.freeze(list);
    });
  }

  comment(channel: ChannelId, postId: string, text: string): Promise<string> {
    const id = newId(this.backend.now().getTime());
    return this.command('comment', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      const p = getPost(d, channel, postId);
      checkText('text', text, MAX_COMMENT_LENGTH);
      getOrCreate(d.comments, `${channel}/${postId}`, () => new Map()).set(id, { author: uid, text, createdAt: at });
      p.commentCount += 1;
      if (p.author !== uid) notify(d, p.author, { type: 'commented', actor: uid, channel, post: postId, createdAt: at }, id);
      return id;
    });
  }

  // --- likes --------------------------------------------------------------------------------------------

  subscribeLikes(target: LikeTarget, cb: (state: LikeState) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeLikes', cb, onError, (d) => {
      const key = encodeKey(target);
      const pt = parsePostTarget(target);
      const count = pt ? (d.posts.get(pt.channel)?.get(pt.post)?.likeCount ?? 0) : (d.likeCounts.get(key) ?? 0);
      const mine = this.uid !== null && (d.userLikes.get(this.uid)?.has(key) ?? false);
      return Object.freeze({ target, count, mine, likers: Object.freeze(likersOf(d, key).slice(0, MAX_LIKERS)) });
    });
  }

  subscribeMyLikes(cb: (targets: ReadonlySet<LikeTarget>) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeMyLikes', cb, onError, (d) => {
      const keys = this.uid === null ? [] : [...(d.userLikes.get(this.uid) ?? [])];
      return Object.freeze(new Set(keys.map(decodeKey)));
    });
  }

  async getLikers(target: LikeTarget, limit = MAX_LIKERS): Promise<UserId[]> {
    await this.gate('getLikers');
    return Object.freeze(likersOf(this.data(), encodeKey(target)).slice(0, limit)) as UserId[];
  }

  like(target: LikeTarget): Promise<void> {
    return this.command('like', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      checkTarget(target);
      if (!addLike(d, target, uid, at)) return;
      const pt = parsePostTarget(target);
      const post = pt && d.posts.get(pt.channel)?.get(pt.post);
      if (pt && post && post.author !== uid) {
        notify(d, post.author, { type: 'liked', actor: uid, channel: pt.channel, post: pt.post, createdAt: at });
      }
    });
  }

  unlike(target: LikeTarget): Promise<void> {
    return this.command('unlike', (d, _at, actor) => {
      const uid = requireSignedIn(actor);
      checkTarget(target);
      removeLike(d, target, uid);
    });
  }

  // --- ideas --------------------------------------------------------------------------------------------

  subscribeIdeas(channel: ChannelId, cb: (ideas: Idea[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeIdeas', cb, onError, (d) => {
      getChannel(d, channel);
      return Object.freeze(visiblePosts(d, channel, this.uid, 'idea').map(toPost).filter((p): p is Idea => p.idea !== undefined));
    });
  }

  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeIdeaHistory', cb, onError, (d) => {
      const m = d.ideaHistory.get(`${channel}/${ideaId}`);
      // Oldest first: the history reads as a timeline.
      const list = [...(m?.entries() ?? [])]
        .sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1))
        .map(([id, e]) => Object.freeze({ id, status: e.status, note: e.note, by: e.by, at: new Date(e.at) }));
      return Object.freeze(list);
    });
  }

  setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
    const entryId = newId(this.backend.now().getTime());
    return this.command('setIdeaStatus', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      const idea = getIdea(d, channel, ideaId);
      if (idea.owner !== uid && !isAdmin(d, uid)) {
        throw new StoreError('permission-denied', "Only the idea's owner or an admin can change its status.");
      }
      if (!(IDEA_STATUSES as readonly string[]).includes(status)) throw invalid('status', 'invalid', `${status} is not an idea status.`);
      checkText('note', note, MAX_NOTE_LENGTH);
      idea.status = status;
      getOrCreate(d.ideaHistory, `${channel}/${ideaId}`, () => new Map()).set(entryId, { status, note, by: uid, at });
      const voters = likersOf(d, encodeKey(postTarget(channel, ideaId)));
      const recipients = new Set([idea.author, ...voters]);
      recipients.delete(uid);
      for (const to of recipients) notify(d, to, { type: 'idea-status', actor: uid, channel, post: ideaId, createdAt: at, status, note }, entryId);
    });
  }

  assignIdea(channel: ChannelId, ideaId: string, owner: UserId): Promise<void> {
    return this.command('assignIdea', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      const idea = getIdea(d, channel, ideaId);
      if (idea.owner !== uid && !isAdmin(d, uid)) {
        throw new StoreError('permission-denied', "Only the idea's owner or an admin can assign it.");
      }
      if (typeof owner !== 'string' || !owner) throw invalid('owner', 'required', 'An owner is required.');
      if (idea.owner === owner) return;
      idea.owner = owner;
      if (owner !== uid) notify(d, owner, { type: 'assigned', actor: uid, channel, post: ideaId, createdAt: at });
    });
  }

  mergeIdea(channel: ChannelId, ideaId: string, intoId: string): Promise<void> {
    return this.command('mergeIdea', (d, at, actor) => {
      const uid = requireSignedIn(actor);
      const from = getIdea(d, channel, ideaId);
      getIdea(d, channel, intoId);
      if (from.owner !== uid && !isAdmin(d, uid)) {
        throw new StoreError('permission-denied', "Only the idea's owner or an admin can merge it.");
      }
      if (ideaId === intoId) throw invalid('into', 'invalid', 'An idea cannot be merged into itself.');
      const into = postTarget(channel, intoId);
      // Oldest vote first, so the pooled votes keep their order; addLike skips people already voting.
      const voters = likersOf(d, encodeKey(postTarget(channel, ideaId))).reverse();
      for (const v of voters) addLike(d, into, v, at);
      from.mergedInto = intoId;
    });
  }

  // --- notifications --------------------------------------------------------------------------------------

  subscribeNotifications(cb: (notifications: Notification[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeNotifications', cb, onError, (d) => {
      if (this.uid === null) return Object.freeze([]);
      const m = d.notifications.get(this.uid);
      const list = [...(m?.entries() ?? [])]
        .sort((a, b) => b[1].createdAt - a[1].createdAt || (a[0] < b[0] ? 1 : -1))
        .map(([id, n]) => Object.freeze({ ...n, id, createdAt: new Date(n.createdAt) }));
      return Object.freeze(list);
    });
  }

  markNotificationsRead(ids: string[] | 'all'): Promise<void> {
    return this.command('markNotificationsRead', (d, _at, actor) => {
      const uid = requireSignedIn(actor);
      const mine = d.notifications.get(uid);
      if (!mine) return;
      for (const [id, n] of mine) if (ids === 'all' || ids.includes(id)) n.read = true;
    });
  }

  // --- stats ----------------------------------------------------------------------------------------------

  subscribeStats(query: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeStats', cb, onError, (d) => {
      const sums = new Map<string, MonthStat>();
      for (const [key, s] of d.stats) {
        const [ch, month, category] = key.split('/') as [string, string, string];
        if (query.channel !== undefined && ch !== query.channel) continue;
        if (month < query.from || month > query.to) continue;
        const sum = getOrCreate(sums, `${month}/${category}`, () => ({ month, category, posts: 0, likes: 0 }));
        sum.posts += s.posts;
        sum.likes += s.likes;
      }
      const list = [...sums.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.category < b.category ? -1 : 1));
      return Object.freeze(list.map((s) => Object.freeze(s)));
    });
  }

  // --- machinery --------------------------------------------------------------------------------------------

  /** What this session sees: the server data online, its own copy offline. */
  private data(): Data {
    return this.local ?? this.backend.data;
  }

  private actor(): Actor {
    return { uid: this.uid, anonymous: this.anonymous };
  }

  private takeFailure(op: StoreOperation): StoreError | undefined {
    for (const key of [op, '*'] as const) {
      const once = this.failOnce.get(key);
      if (once) {
        this.failOnce.delete(key);
        return once;
      }
    }
    return this.failAlways.get(op) ?? this.failAlways.get('*');
  }

  /** Latency and injected failures for calls that do not write. */
  private async gate(op: StoreOperation): Promise<void> {
    const failure = this.takeFailure(op);
    await delay(this.latency);
    if (failure) throw failure;
  }

  /**
   * Runs a write. `apply` validates first and only then mutates, so a rejected write leaves no trace
   * (the database applies a multi-path update whole or not at all).
   */
  private async command<T>(op: StoreOperation, apply: (d: Data, at: number, actor: Actor) => T): Promise<T> {
    await this.gate(op);
    const actor = this.actor();
    const at = this.backend.now().getTime();
    if (this.online) {
      const result = apply(this.backend.data, at, actor);
      this.backend.changed();
      return result;
    }
    // Offline: apply to the local copy now (optimistic), and to the server once back online.
    const result = apply(this.local!, at, actor);
    this.refresh();
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        apply: (d, serverAt) => {
          apply(d, serverAt, actor);
          return result;
        },
        resolve: resolve as (v: unknown) => void,
        reject,
      });
    });
  }

  private subscribe<T>(
    op: StoreOperation,
    cb: (value: T) => void,
    onError: OnError | undefined,
    compute: (d: Data) => unknown,
    expose?: (sub: Sub) => void,
  ): Unsubscribe {
    const sub: Sub = { op, compute, cb, onError, active: true, ready: false };
    expose?.(sub);
    const failure = this.takeFailure(op);
    const start = () => {
      if (!sub.active) return;
      if (failure) {
        sub.active = false;
        onError?.(failure);
        return;
      }
      sub.ready = true;
      this.subs.add(sub);
      this.emit(sub);
    };
    if (this.latency > 0) setTimeout(start, this.latency);
    else queueMicrotask(start);
    return () => {
      sub.active = false;
      this.subs.delete(sub);
    };
  }

  private emit(sub: Sub): void {
    if (!sub.active || !sub.ready) return;
    let value: unknown;
    try {
      value = sub.compute(this.data());
    } catch (e) {
      const err = e instanceof StoreError ? e : new StoreError('unknown', String(e));
      const print = `error:${err.code}`;
      if (sub.last !== print) {
        sub.last = print;
        sub.onError?.(err);
      }
      return;
    }
    const print = fingerprint(value);
    if (print === sub.last) return;
    sub.last = print;
    try {
      (sub.cb as (v: unknown) => void)(value);
    } catch (e) {
      // A broken subscriber must not stop the others from hearing about the change.
      console.error(e);
    }
  }

  /** Re-evaluates every subscription of this session. */
  private refresh(): void {
    for (const s of [...this.subs]) this.emit(s);
  }

  /** @internal Called by the backend after a server write; offline sessions do not hear it. */
  serverChanged(): void {
    if (this.online) this.refresh();
  }
}

