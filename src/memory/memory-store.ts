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
 * ms) and again whenever a change alters what it would be given. Every value handed out is frozen, so no
 * element can mutate shared state; each update is a new array or object, while a post that did not change
 * is handed out as the same object as before (as every store does), so a view re-renders only what changed.
 *
 * Offline (`setOnline(false)`) works like the Realtime Database SDK: the session keeps a local copy, its
 * own writes apply to that copy at once (its listeners see them), their promises stay pending, and other
 * users' changes stop arriving. Back online, the queued writes are replayed in order against the backend;
 * a write the backend refuses then rejects, as a rules rejection would.
 */
import {
  DEFAULT_PAGE_SIZE,
  MAX_LIKERS,
  channelRecord,
  checkCategory,
  checkId,
  checkNewPost,
  checkPageSize,
  checkTarget,
  checkUid,
  decodeChannel,
  decodeComments,
  decodeHistory,
  decodeLatestNotes,
  decodeLikers,
  decodeNotifications,
  decodePost,
  decodeProfile,
  decodeAdmins,
  decodeChannels,
  decodeReports,
  isPostRecord,
  monthOf,
  newestFirst,
  notFound,
  buildExport,
  buildPersonExport,
  planAddAdmin,
  planAssignIdea,
  planComment,
  planCreateChannel,
  planDeleteComment,
  planRemoveAdmin,
  planResolveReport,
  planSetProfileName,
  planSetUp,
  planUpdateChannel,
  planCreatePost,
  planDeletePost,
  planEditPost,
  planHidePost,
  likeState,
  planLike,
  planMarkRead,
  planMergeIdea,
  planReport,
  planSetIdeaStatus,
  planUnlike,
  profileRecord,
  rankProfiles,
  requireOpenChannel,
  requireSignedIn,
  searchKey,
  statRows,
  sumStats,
  StableById,
  type ChannelRecord,
  type Plan,
  type PostRecord,
  type ProfileRecord,
  type ReportRecord,
  type Writes,
} from '../data/core/index.js';
import { decodeKey, encodeKey, newId } from '../data/keys.js';
import {
  isStoreError,
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
  DEFAULT_CATEGORIES,
  postTarget,
  type CategoryId,
  type FeedPage,
  type Channel,
  type ChannelChanges,
  type ChannelId,
  type Comment,
  type ExportProgress,
  type Idea,
  type IdeaHistoryEntry,
  type IdeaStatus,
  type LenigExport,
  type PersonActivity,
  type LikeState,
  type LikeTarget,
  type MonthStat,
  type Notification,
  type Post,
  type NewChannel,
  type Profile,
  type Report,
  type ReportAction,
  type UserId,
  type Viewer,
} from '../data/types.js';
import { apply, children, get, set, type Tree } from './tree.js';

export { MAX_LIKERS, MAX_NAME_LENGTH } from '../data/core/index.js';

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
  /**
   * Let signed-out sessions read, as a project whose rules allow reading without signing in would.
   * Default false: lenig's rules (database.rules.json) refuse every read until someone signs in.
   */
  publicReads?: boolean;
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

// --- the stored data: a tree shaped like the database -------------------------------------------------------

/** The server's (or an offline session's) copy of the database. */
interface Data {
  tree: Tree;
}

/** Who is acting, as the rules see it. */
interface Actor {
  uid: UserId | null;
  anonymous: boolean;
}

function isAdmin(d: Data, uid: UserId | null): boolean {
  return uid !== null && get(d.tree, `admins/${uid}`) === true;
}

function postRecord(d: Data, channel: ChannelId, postId: string): PostRecord | null {
  const p = get(d.tree, `posts/${channel}/${postId}`);
  return isPostRecord(p) ? p : null;
}

function channelOf(d: Data, channel: ChannelId): ChannelRecord | null {
  return (get(d.tree, `channels/${channel}`) as ChannelRecord | undefined) ?? null;
}

/**
 * Refuses a write to an idea left in a deleted channel, as the rules do (an archived channel still takes
 * an idea's status, owner and merge).
 */
function requireChannelKept(d: Data, channel: ChannelId): void {
  if (channelOf(d, channel) === null) requireOpenChannel(channel, null);
}

function getChannel(d: Data, channel: ChannelId): Channel {
  const c = decodeChannel(channel, channelOf(d, channel));
  if (!c) throw notFound(`Channel ${channel}`);
  return c;
}

function voters(d: Data, channel: ChannelId, postId: string): UserId[] {
  return children(d.tree, `likes/${encodeKey(postTarget(channel, postId))}`).map(([uid]) => uid);
}

/** Deep-frozen, so no element can change what a subscriber was handed. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Object.isFrozen(value)) {
    for (const v of Object.values(value as object)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

function visiblePosts(d: Data, channel: ChannelId, viewer: UserId | null, category?: CategoryId): [string, PostRecord][] {
  const admin = isAdmin(d, viewer);
  return children(d.tree, `posts/${channel}`)
    .filter((e): e is [string, PostRecord] => isPostRecord(e[1]))
    .filter(([, p]) => (admin || p.hidden !== true) && (category === undefined || p.category === category))
    .sort(newestFirst);
}

/** Only for emit-or-not decisions: Dates serialise to ISO strings, which is enough to tell values apart. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Set ? ['Set', ...[...(v as Set<string>)].sort()] : v)) ?? 'undefined';
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

/** A like written for a seed, keeping the count, `userLikes` and the stat in step. */
function seedLike(d: Data, target: LikeTarget, uid: UserId, at: number): void {
  const key = encodeKey(target);
  if (get(d.tree, `likes/${key}/${uid}`) !== undefined) return;
  const pt = /^post:([^:]+):([^:]+)$/.exec(target);
  const post = pt ? postRecord(d, pt[1]!, pt[2]!) : null;
  const { writes } = planLike(uid, target, key, false, post);
  // Seeds do not notify.
  apply(d.tree, withoutNotifications(writes), at);
}

function withoutNotifications(writes: Writes): Writes {
  return Object.fromEntries(Object.entries(writes).filter(([path]) => !path.startsWith('notifications/')));
}

// --- the backend ----------------------------------------------------------------------------------------

/**
 * The shared "server": the data and the sessions that watch it. Seed it with the constructor, `load()` or
 * `addPost()`; open one `session(uid)` per signed-in user.
 */
export class MemoryBackend {
  /** @internal The server copy; sessions read it directly while online. */
  data: Data = { tree: {} };
  readonly now: () => Date;
  /** Whether signed-out sessions may read (the shipped rules say no: every read needs a sign-in). */
  readonly publicReads: boolean;
  private readonly sessions = new Set<MemoryStore>();

  constructor(options: MemoryBackendOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.publicReads = options.publicReads ?? false;
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
    for (const u of seed.users ?? []) {
      const { uid, ...rest } = u;
      set(d.tree, `profiles/${uid}`, { ...profileRecord({ ...rest, name: rest.name || uid }), name: rest.name });
    }
    for (const a of seed.admins ?? []) set(d.tree, `admins/${a}`, true);
    if (seed.admins?.length) set(d.tree, 'adminCount', { count: children(d.tree, 'admins').length, cause: seed.admins[seed.admins.length - 1] });
    for (const c of seed.channels ?? []) set(d.tree, `channels/${c.id}`, channelRecord(c));
    for (const p of seed.posts ?? []) this.insertPost(p);
    for (const l of seed.likes ?? []) {
      for (const uid of l.users) seedLike(d, l.target, uid, this.now().getTime());
    }
    for (const n of seed.notifications ?? []) {
      const { to, read, createdAt, ...rest } = n;
      const at = (createdAt ?? this.now()).getTime();
      set(d.tree, `notifications/${to}/${newId(at)}`, { ...rest, createdAt: at, read: read ?? false });
    }
    this.changed();
  }

  /** Adds one post (or idea) with explicit dates, likers and comments. Returns it as the store would. */
  addPost(seed: SeedPost): Post {
    const [channel, id] = this.insertPost(seed);
    this.changed();
    return frozen(decodePost(channel, id, get(this.data.tree, `posts/${channel}/${id}`))!);
  }

  /** Everything reported so far, newest first, as an admin's `subscribeReports` gives it. */
  reports(): Report[] {
    return decodeReports(children(this.data.tree, 'reports'));
  }

  /**
   * Removes a channel's record, bypassing permissions, as an admin does in the Firebase console: its
   * posts, comments and likes stay, readable and read-only (stories, tests of a deleted channel).
   */
  deleteChannel(channel: ChannelId): void {
    set(this.data.tree, `channels/${channel}`, undefined);
    this.changed();
  }

  /** Adds a report with an explicit date (the demo's and stories' inbox), bypassing permissions. */
  addReport(report: Omit<Report, 'id' | 'createdAt' | 'resolved'> & { createdAt?: Date; resolved?: Report['resolved'] }): Report {
    const at = (report.createdAt ?? this.now()).getTime();
    const id = newId(at);
    const record: ReportRecord = { channel: report.channel, post: report.post, by: report.by, reason: report.reason, createdAt: at };
    if (report.comment !== undefined) record.comment = report.comment;
    if (report.text !== undefined) record.text = report.text;
    if (report.resolved) Object.assign(record, { resolvedBy: report.resolved.by, resolvedAt: report.resolved.at.getTime(), resolution: report.resolved.action });
    set(this.data.tree, `reports/${id}`, record);
    this.changed();
    return frozen(decodeReports([[id, record]])[0]!);
  }

  /** Ids of a post's comments, oldest first (for seeding reports of comments). */
  commentIds(channel: ChannelId, postId: string): string[] {
    return decodeComments(postId, children(this.data.tree, `comments/${channel}/${postId}`)).map((c) => c.id);
  }

  private insertPost(seed: SeedPost): [ChannelId, string] {
    const d = this.data;
    const channel = seed.channel ?? children(d.tree, 'channels')[0]?.[0];
    if (channel === undefined) throw new Error('Seed a channel before posts.');
    const createdAt = (seed.createdAt ?? this.now()).getTime();
    const category = seed.category ?? (seed.title !== undefined ? 'idea' : 'news');
    const id = seed.id ?? newId(createdAt);
    const p: PostRecord = {
      author: seed.author,
      text: seed.text,
      category,
      createdAt,
      month: monthOf(createdAt),
      byCat: { [category]: createdAt },
      likeCount: 0,
      commentCount: 0,
    };
    if (seed.hidden) p.hidden = true;
    if (seed.editedAt) p.editedAt = seed.editedAt.getTime();
    if (category === 'idea') {
      p.title = seed.title ?? seed.text.slice(0, 60);
      p.status = seed.status ?? 'new';
      if (seed.owner !== undefined) p.owner = seed.owner;
      if (seed.mergedInto !== undefined) p.mergedInto = seed.mergedInto;
    }
    set(d.tree, `posts/${channel}/${id}`, p);
    const stat = `stats/${channel}/${p.month}/${category}/posts`;
    set(d.tree, stat, ((get(d.tree, stat) as number | undefined) ?? 0) + 1);
    let t = createdAt;
    for (const uid of seed.likers ?? []) seedLike(d, postTarget(channel, id), uid, ++t);
    for (const c of seed.comments ?? []) {
      const at = (c.createdAt ?? new Date(++t)).getTime();
      const cid = newId(at);
      const { writes } = planComment(c.author, channel, id, postRecord(d, channel, id), c.text, cid);
      apply(d.tree, withoutNotifications(writes), at);
    }
    return [channel, id];
  }

  /** @internal */
  attach(s: MemoryStore): void {
    this.sessions.add(s);
  }

  /** @internal */
  detach(s: MemoryStore): void {
    this.sessions.delete(s);
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

  /** Stops every subscription of this session and leaves the backend. */
  close(): Promise<void> {
    for (const s of this.subs) s.active = false;
    this.subs.clear();
    this.backend.detach(this);
    return Promise.resolve();
  }

  // --- identity -----------------------------------------------------------------------------------------

  subscribeViewer(cb: (viewer: Viewer | null) => void): Unsubscribe {
    return this.subscribe('subscribeViewer', cb, undefined, (d) => {
      if (this.uid === null) return null;
      const viewer: Viewer = { uid: this.uid, anonymous: this.anonymous, admin: isAdmin(d, this.uid) };
      const profile = decodeProfile(this.uid, get(d.tree, `profiles/${this.uid}`));
      if (profile) viewer.profile = profile;
      return frozen(viewer);
    }, { publicRead: true });
  }

  async signIn(): Promise<void> {
    await this.gate('signIn');
    const uid = this.signInUid ?? children(this.data().tree, 'profiles')[0]?.[0];
    if (uid === undefined) this.signInAs(`anonymous-${newId().slice(-6)}`, { anonymous: true });
    else this.signInAs(uid);
  }

  async signOut(): Promise<void> {
    await this.gate('signOut');
    this.signInAs(null);
  }

  subscribeConnection(cb: (online: boolean) => void): Unsubscribe {
    return this.subscribe('subscribeConnection', cb, undefined, () => this.online, { publicRead: true });
  }

  // --- profiles -----------------------------------------------------------------------------------------

  subscribeProfile(uid: UserId, cb: (profile: Profile | null) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeProfile', cb, onError, (d) => {
      checkUid('uid', uid);
      return frozen(decodeProfile(uid, get(d.tree, `profiles/${uid}`)));
    });
  }

  async searchProfiles(prefix: string, limit = 10): Promise<Profile[]> {
    await this.gate('searchProfiles');
    const q = searchKey(prefix);
    if (!q) return [];
    requireSignedIn(this.uid);
    const all = children(this.data().tree, 'profiles')
      .map(([uid, raw]) => decodeProfile(uid, raw))
      .filter((p): p is Profile => p !== null);
    return frozen(rankProfiles(all, q, limit));
  }

  updateMyProfile(profile: Omit<Profile, 'uid'>): Promise<void> {
    return this.command('updateMyProfile', (_d, actor) => {
      const uid = requireSignedIn(actor.uid);
      return { writes: { [`profiles/${uid}`]: { ...profileRecord(profile) } }, result: undefined };
    });
  }

  // --- channels and posts --------------------------------------------------------------------------------

  subscribeChannel(channel: ChannelId, cb: (channel: Channel) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeChannel', cb, onError, (d) => {
      checkId('channel', channel);
      return frozen(getChannel(d, channel));
    });
  }

  subscribeFeed(query: FeedQuery, cb: (page: FeedPage) => void, onError?: OnError): FeedSubscription {
    let pageSize = DEFAULT_PAGE_SIZE;
    let bad: StoreError | undefined;
    try {
      checkId('channel', query?.channel);
      if (query.category !== undefined) checkCategory(query.category);
      pageSize = checkPageSize(query.pageSize);
    } catch (e) {
      bad = e as StoreError;
    }
    // The oldest post loaded so far, once the reader has asked for more. Until then the window is the
    // newest `pageSize` posts, as a `limitToLast` query keeps it; afterwards it is everything from
    // that post up, so posts arriving at the top never push loaded posts out.
    let oldest: [string, PostRecord] | undefined;
    const window = (d: Data) => {
      const all = visiblePosts(d, query.channel, this.uid, query.category);
      const shown = oldest === undefined ? all.slice(0, pageSize) : all.filter((p) => newestFirst(p, oldest!) <= 0);
      return { all, shown };
    };
    let sub: Sub | undefined;
    const stable = new StableById<Post>();
    const unsubscribe = this.subscribe(
      'subscribeFeed',
      cb,
      onError,
      (d) => {
        if (bad) throw bad;
        const { all, shown } = window(d);
        // As the database stores: a channel is asked for when it shows no posts, to tell "empty" from
        // "unknown"; the posts of a deleted one still show.
        if (!all.length) getChannel(d, query.channel);
        const last = shown[shown.length - 1];
        const hasMore = last === undefined ? false : all.some((p) => newestFirst(p, last) > 0);
        return frozen({ posts: stable.keep(shown.map(([id, p]) => decodePost(query.channel, id, p)!)), hasMore });
      },
      { expose: (s) => (sub = s) },
    );
    return {
      unsubscribe,
      more: async () => {
        await delay(this.latency);
        if (!sub?.active || bad) return;
        const { all, shown } = window(this.data());
        const next = all.slice(0, shown.length + pageSize);
        oldest = next[next.length - 1];
        this.emit(sub);
      },
    };
  }

  subscribePost(channel: ChannelId, postId: string, cb: (post: Post | null) => void, onError?: OnError): Unsubscribe {
    const stable = new StableById<Post>();
    return this.subscribe('subscribePost', cb, onError, (d) => {
      checkId('channel', channel);
      checkId('post', postId);
      const p = postRecord(d, channel, postId);
      // Hidden posts are readable in the database (rules cannot filter a list); the store leaves them
      // out for non-admins, as the feed does.
      if (!p || (p.hidden === true && !isAdmin(d, this.uid))) return stable.one(null);
      return frozen(stable.one(decodePost(channel, postId, p)));
    });
  }

  createPost(post: NewPost): Promise<string> {
    const id = newId(this.backend.now().getTime());
    return this.command('createPost', (d, actor, at) => {
      const uid = requireSignedIn(actor.uid);
      checkNewPost(uid, post);
      return planCreatePost({
        uid,
        post,
        id,
        now: at,
        channel: channelOf(d, post.channel),
        mentionable: (m) => get(d.tree, `profiles/${m}`) !== undefined,
      });
    });
  }

  editPost(channel: ChannelId, postId: string, text: string): Promise<void> {
    return this.command('editPost', (d, actor) =>
      planEditPost(requireSignedIn(actor.uid), channel, postId, postRecordChecked(d, channel, postId), text, channelOf(d, channel)),
    );
  }

  deletePost(channel: ChannelId, postId: string): Promise<void> {
    return this.command('deletePost', (d, actor) => planDeletePost(requireSignedIn(actor.uid), channel, postId, postRecordChecked(d, channel, postId)));
  }

  hidePost(channel: ChannelId, postId: string, hidden: boolean): Promise<void> {
    return this.command('hidePost', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      return planHidePost(channel, postId, postRecordChecked(d, channel, postId), isAdmin(d, uid), hidden);
    });
  }

  report(channel: ChannelId, postId: string, reason: string, comment?: string): Promise<void> {
    const id = newId(this.backend.now().getTime());
    return this.command('report', (d, actor) => {
      const post = postRecordChecked(d, channel, postId);
      const text = comment === undefined ? undefined : commentText(d, channel, postId, comment);
      return planReport(requireSignedIn(actor.uid), channel, postId, post, reason, id, comment, text);
    });
  }

  // --- comments -----------------------------------------------------------------------------------------

  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeComments', cb, onError, (d) => {
      checkId('channel', channel);
      checkId('post', postId);
      return frozen(decodeComments(postId, children(d.tree, `comments/${channel}/${postId}`)));
    });
  }

  comment(channel: ChannelId, postId: string, text: string): Promise<string> {
    const id = newId(this.backend.now().getTime());
    return this.command('comment', (d, actor) =>
      planComment(requireSignedIn(actor.uid), channel, postId, postRecordChecked(d, channel, postId), text, id, channelOf(d, channel)),
    );
  }

  // --- likes --------------------------------------------------------------------------------------------

  subscribeLikes(target: LikeTarget, cb: (state: LikeState) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeLikes', cb, onError, (d) => {
      const key = checkTarget(target);
      const pt = /^post:([^:]+):([^:]+)$/.exec(target);
      const count = Number(get(d.tree, pt ? `posts/${pt[1]}/${pt[2]}/likeCount` : `likeCounts/${key}`)) || 0;
      const mine = this.uid !== null && get(d.tree, `userLikes/${this.uid}/${key}`) === true;
      return frozen(likeState(target, count, mine, decodeLikers(children(d.tree, `likes/${key}`), MAX_LIKERS), pt ? channelOf(d, pt[1]!) : undefined));
    });
  }

  subscribeMyLikes(cb: (targets: ReadonlySet<LikeTarget>) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeMyLikes', cb, onError, (d) => {
      const keys = this.uid === null ? [] : children(d.tree, `userLikes/${this.uid}`).map(([k]) => k);
      return Object.freeze(new Set(keys.map(decodeKey)));
    }, { publicRead: true });
  }

  async getLikers(target: LikeTarget, limit = MAX_LIKERS): Promise<UserId[]> {
    await this.gate('getLikers');
    requireSignedIn(this.uid);
    const key = checkTarget(target);
    return frozen(decodeLikers(children(this.data().tree, `likes/${key}`), limit));
  }

  like(target: LikeTarget): Promise<void> {
    return this.command('like', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      const key = checkTarget(target, uid);
      const pt = /^post:([^:]+):([^:]+)$/.exec(target);
      const post = pt ? postRecord(d, pt[1]!, pt[2]!) : undefined;
      return planLike(uid, target, key, get(d.tree, `likes/${key}/${uid}`) !== undefined, post, pt ? channelOf(d, pt[1]!) : undefined);
    });
  }

  unlike(target: LikeTarget): Promise<void> {
    return this.command('unlike', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      const key = checkTarget(target, uid);
      const pt = /^post:([^:]+):([^:]+)$/.exec(target);
      const post = pt ? postRecord(d, pt[1]!, pt[2]!) : undefined;
      return planUnlike(uid, target, key, get(d.tree, `likes/${key}/${uid}`) !== undefined, post, pt ? channelOf(d, pt[1]!) : undefined);
    });
  }

  // --- ideas --------------------------------------------------------------------------------------------

  subscribeIdeas(channel: ChannelId, cb: (ideas: Idea[]) => void, onError?: OnError): Unsubscribe {
    const stable = new StableById<Idea>();
    return this.subscribe('subscribeIdeas', cb, onError, (d) => {
      checkId('channel', channel);
      const ideas = visiblePosts(d, channel, this.uid, 'idea')
        .map(([id, p]) => decodePost(channel, id, p))
        .filter((p): p is Idea => p?.idea !== undefined);
      // As the database stores: the channel is asked for when there are no ideas, to tell "none yet" from
      // "no such channel"; the ideas left in a deleted channel still show.
      if (!ideas.length) getChannel(d, channel);
      return frozen(stable.keep(ideas));
    });
  }

  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeIdeaHistory', cb, onError, (d) => {
      checkId('channel', channel);
      checkId('post', ideaId);
      return frozen(decodeHistory(children(d.tree, `ideaHistory/${channel}/${ideaId}`)));
    });
  }

  subscribeLatestNotes(channel: ChannelId, cb: (latest: Readonly<Record<string, IdeaHistoryEntry>>) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeLatestNotes', cb, onError, (d) => {
      checkId('channel', channel);
      return frozen(decodeLatestNotes(children(d.tree, `ideaHistory/${channel}`)));
    });
  }

  setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void> {
    const entryId = newId(this.backend.now().getTime());
    return this.command('setIdeaStatus', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      const idea = postRecordChecked(d, channel, ideaId);
      if (idea) requireChannelKept(d, channel);
      return planSetIdeaStatus({ uid, admin: isAdmin(d, uid), channel, ideaId, idea, status, note, voters: voters(d, channel, ideaId), entryId });
    });
  }

  assignIdea(channel: ChannelId, ideaId: string, owner: UserId): Promise<void> {
    return this.command('assignIdea', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      const idea = postRecordChecked(d, channel, ideaId);
      if (idea) requireChannelKept(d, channel);
      return planAssignIdea(uid, isAdmin(d, uid), channel, ideaId, idea, owner);
    });
  }

  mergeIdea(channel: ChannelId, ideaId: string, intoId: string): Promise<void> {
    return this.command('mergeIdea', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      checkId('into', intoId);
      const from = postRecordChecked(d, channel, ideaId);
      if (from && postRecord(d, channel, intoId)) requireChannelKept(d, channel);
      return planMergeIdea({
        admin: isAdmin(d, uid),
        channel,
        ideaId,
        intoId,
        from,
        into: postRecord(d, channel, intoId),
        // Oldest vote first, so the pooled votes keep their order.
        fromVoters: decodeLikers(children(d.tree, `likes/${encodeKey(postTarget(channel, ideaId))}`)).reverse(),
        intoVoters: voters(d, channel, intoId),
      });
    });
  }

  // --- notifications --------------------------------------------------------------------------------------

  subscribeNotifications(cb: (notifications: Notification[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeNotifications', cb, onError, (d) => {
      if (this.uid === null) return Object.freeze([]);
      return frozen(decodeNotifications(children(d.tree, `notifications/${this.uid}`)));
    }, { publicRead: true });
  }

  markNotificationsRead(ids: string[] | 'all'): Promise<void> {
    return this.command('markNotificationsRead', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      return planMarkRead(uid, children(d.tree, `notifications/${uid}`) as [string, { read?: boolean }][], ids);
    });
  }

  // --- stats ----------------------------------------------------------------------------------------------

  subscribeStats(query: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeStats', cb, onError, (d) => {
      if (query.channel !== undefined) {
        checkId('channel', query.channel);
        getChannel(d, query.channel);
        return frozen(sumStats(statRows(get(d.tree, `stats/${query.channel}`)), query.from, query.to));
      }
      // The channels there are, as the Realtime Database store listens to them (a channel's months only).
      const rows = children(d.tree, 'stats')
        .filter(([ch]) => get(d.tree, `channels/${ch}`) !== undefined)
        .flatMap(([, months]) => statRows(months));
      return frozen(sumStats(rows, query.from, query.to));
    });
  }

  // --- administration -------------------------------------------------------------------------------------

  subscribeChannels(cb: (channels: Channel[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeChannels', cb, onError, (d) => frozen(decodeChannels(children(d.tree, 'channels'))));
  }

  subscribeAdmins(cb: (admins: UserId[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeAdmins', cb, onError, (d) => frozen(decodeAdmins(get(d.tree, 'admins'))));
  }

  subscribeReports(cb: (reports: Report[]) => void, onError?: OnError): Unsubscribe {
    return this.subscribe('subscribeReports', cb, onError, (d) => {
      // The rules let admins alone read /reports.
      if (!isAdmin(d, this.uid)) throw new StoreError('permission-denied', 'Only admins can read reports.');
      return frozen(decodeReports(children(d.tree, 'reports')));
    });
  }

  resolveReport(reportId: string, action: ReportAction): Promise<void> {
    return this.command('resolveReport', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      checkId('report', reportId);
      const admin = isAdmin(d, uid);
      const report = admin ? ((get(d.tree, `reports/${reportId}`) as ReportRecord | undefined) ?? null) : null;
      const post = report ? postRecord(d, report.channel, report.post) : null;
      const exists = report?.comment !== undefined && commentExists(d, report.channel, report.post, report.comment);
      return planResolveReport({ uid, admin, reportId, report, action, post, commentExists: exists });
    });
  }

  deleteComment(channel: ChannelId, postId: string, commentId: string): Promise<void> {
    return this.command('deleteComment', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      const post = postRecordChecked(d, channel, postId);
      checkId('comment', commentId);
      return planDeleteComment(isAdmin(d, uid), channel, postId, commentId, post, commentExists(d, channel, postId, commentId));
    });
  }

  createChannel(channel: NewChannel): Promise<void> {
    return this.command('createChannel', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      const existing = typeof channel?.id === 'string' ? channelOf(d, checkId('channel', channel.id)) : null;
      return planCreateChannel(isAdmin(d, uid), channel, existing);
    });
  }

  updateChannel(channel: ChannelId, changes: ChannelChanges): Promise<void> {
    return this.command('updateChannel', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      checkId('channel', channel);
      return planUpdateChannel(isAdmin(d, uid), channel, changes, channelOf(d, channel));
    });
  }

  addAdmin(uid: UserId): Promise<void> {
    return this.command('addAdmin', (d, actor) => {
      const me = requireSignedIn(actor.uid);
      checkUid('uid', uid);
      return planAddAdmin(isAdmin(d, me), uid, isAdmin(d, uid));
    });
  }

  removeAdmin(uid: UserId): Promise<void> {
    return this.command('removeAdmin', (d, actor) => {
      const me = requireSignedIn(actor.uid);
      checkUid('uid', uid);
      return planRemoveAdmin(isAdmin(d, me), uid, isAdmin(d, uid), Number(get(d.tree, 'adminCount/count')) || 0);
    });
  }

  setProfileName(uid: UserId, name: string): Promise<void> {
    return this.command('setProfileName', (d, actor) => {
      const me = requireSignedIn(actor.uid);
      checkUid('uid', uid);
      return planSetProfileName(isAdmin(d, me), uid, (get(d.tree, `profiles/${uid}`) as ProfileRecord | undefined) ?? null, name);
    });
  }

  setUp(channel: NewChannel): Promise<void> {
    return this.command('setUp', (d, actor) => {
      const uid = requireSignedIn(actor.uid);
      const done = children(d.tree, 'admins').length > 0 || get(d.tree, 'adminCount') !== undefined;
      const existing = typeof channel?.id === 'string' ? channelOf(d, checkId('channel', channel.id)) : null;
      return planSetUp({ uid, anonymous: actor.anonymous, done, channel, existing });
    });
  }

  async exportData(options: { channel?: ChannelId } = {}, onProgress?: (progress: ExportProgress) => void): Promise<LenigExport> {
    const { read, admin } = await this.exportReader('exportData');
    return buildExport(read, { admin, channel: options.channel, now: this.backend.now() }, onProgress);
  }

  async exportPerson(person: UserId, onProgress?: (progress: ExportProgress) => void): Promise<PersonActivity> {
    const { read, admin } = await this.exportReader('exportPerson');
    return buildPersonExport(read, { admin, person, now: this.backend.now() }, onProgress);
  }

  /** What the exports read through: path by path, each read one round trip, as over a network. */
  private async exportReader(op: StoreOperation): Promise<{ read: (path: string) => Promise<unknown>; admin: boolean }> {
    await this.gate(op);
    const uid = requireSignedIn(this.uid);
    const d = this.data();
    const read = async (path: string) => {
      await delay(this.latency);
      return structuredClone(get(d.tree, path) ?? null);
    };
    return { read, admin: isAdmin(d, uid) };
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
   * Runs a write: `plan` reads what it needs and checks (throwing a StoreError), and only then are its
   * writes applied, all together — so a refused write leaves no trace, as a multi-path update.
   */
  private async command<T>(op: StoreOperation, plan: (d: Data, actor: Actor, at: number) => Plan<T>): Promise<T> {
    await this.gate(op);
    const actor = this.actor();
    const run = (d: Data, at: number): T => {
      const { writes, result } = plan(d, actor, at);
      apply(d.tree, writes, at);
      return result;
    };
    const at = this.backend.now().getTime();
    if (this.online) {
      const result = run(this.backend.data, at);
      this.backend.changed();
      return result;
    }
    // Offline: apply to the local copy now (optimistic), and to the server once back online.
    const result = run(this.local!, at);
    this.refresh();
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        apply: (d, serverAt) => {
          run(d, serverAt);
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
    options: { expose?: (sub: Sub) => void; publicRead?: boolean } = {},
  ): Unsubscribe {
    const guarded = (d: Data) => {
      // The rules let only signed-in people read; signed out, the database refuses every read.
      if (this.uid === null && !options.publicRead && !this.backend.publicReads) throw new StoreError('unauthenticated', 'Sign in to see this.');
      return compute(d);
    };
    const sub: Sub = { op, compute: guarded, cb, onError, active: true, ready: false };
    options.expose?.(sub);
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
      const err = isStoreError(e) ? e : new StoreError('unknown', String(e));
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

function commentExists(d: Data, channel: ChannelId, postId: string, commentId: string): boolean {
  return get(d.tree, `comments/${channel}/${postId}/${commentId}`) !== undefined;
}

/** A comment's text, null when there is no such comment. */
function commentText(d: Data, channel: ChannelId, postId: string, commentId: string): string | null {
  const text = get(d.tree, `comments/${channel}/${postId}/${commentId}/text`);
  return typeof text === 'string' ? text : null;
}

/** The post at a checked address, or null. */
function postRecordChecked(d: Data, channel: ChannelId, postId: string): PostRecord | null {
  checkId('channel', channel);
  checkId('post', postId);
  return postRecord(d, channel, postId);
}
