/**
 * The store port: the only way a lenig element reads or writes data. Implemented by the Firebase
 * Realtime Database store (`src/firebase/`) and by the in-memory store (`src/memory/`), both on the
 * domain core (`core/`), and held to the same contract suite (`test/contract/contract.ts`).
 *
 * Subscriptions call back at once with what is known (possibly from cache) and again on every change;
 * they return a function that stops them. Each call hands over a new array, but a post that has not
 * changed since the subscription's previous call is the same object as before (the core's `StableById`),
 * so a view comparing by identity renders only the posts that changed. Commands return promises that
 * reject with a `StoreError`.
 */
import type {
  CategoryId,
  Channel,
  ChannelChanges,
  ChannelId,
  Comment,
  ExportProgress,
  FeedPage,
  Idea,
  IdeaHistoryEntry,
  IdeaStatus,
  LenigExport,
  LikeState,
  LikeTarget,
  MonthKey,
  MonthStat,
  NewChannel,
  Notification,
  PersonActivity,
  Post,
  Profile,
  Report,
  ReportAction,
  UserId,
  Viewer,
} from './types.js';

export type Unsubscribe = () => void;

/** Called with an error when a subscription fails (permission denied, offline …). */
export type OnError = (error: StoreError) => void;

export type StoreErrorCode = 'permission-denied' | 'validation-failed' | 'offline' | 'not-found' | 'unauthenticated' | 'unknown';

/** Every failure a store reports. `field` and `reason` are set for validation failures. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly field?: string,
    readonly reason?: ValidationReason,
  ) {
    super(message);
  }
}

/**
 * Why the input was not accepted. `handled`: what the action is about was handled already, by a colleague
 * just before (a report resolved twice): nothing to correct, the page shows its new state. `taken`: the id
 * is in use (a channel with it exists, perhaps created by a colleague a moment ago).
 */
export type ValidationReason = 'required' | 'too-long' | 'unknown-category' | 'invalid' | 'handled' | 'taken';

export function isStoreError(e: unknown): e is StoreError {
  return e instanceof Error && (e as StoreError).name === 'StoreError' && typeof (e as StoreError).code === 'string';
}

export interface FeedQuery {
  channel: ChannelId;
  category?: CategoryId;
  /** Posts per page; default 20. */
  pageSize?: number;
}

/**
 * A live feed. `onChange` gets every loaded post newest first (hidden posts left out unless the viewer is
 * an admin); `more()` loads the next older page into the same subscription.
 */
export interface FeedSubscription {
  more(): Promise<void>;
  unsubscribe: Unsubscribe;
}

export interface NewPost {
  channel: ChannelId;
  text: string;
  category: CategoryId;
  /** Required when the category is `idea`. */
  title?: string;
  /** Users mentioned in the text; each gets a notification. */
  mentions?: UserId[];
}

export interface StatsQuery {
  /** A channel, or undefined for every channel in the channel list (each read for the months asked only). */
  channel?: ChannelId;
  from: MonthKey;
  to: MonthKey;
}

export interface LenigStore {
  // --- identity -------------------------------------------------------------------------------------
  /** The signed-in user, or null when signed out. Fires once auth state is known. */
  subscribeViewer(cb: (viewer: Viewer | null) => void): Unsubscribe;
  /**
   * Sign in with the configured method (may open a popup for Microsoft). `credentials` are for the
   * `email` method (the demo's "signed in as" switcher and tests); other methods ignore them.
   */
  signIn(credentials?: { email: string; password: string }): Promise<void>;
  signOut(): Promise<void>;
  /** Whether the connection to the backend is up. */
  subscribeConnection(cb: (online: boolean) => void): Unsubscribe;

  // --- profiles -------------------------------------------------------------------------------------
  subscribeProfile(uid: UserId, cb: (profile: Profile | null) => void, onError?: OnError): Unsubscribe;
  /** Profiles whose name starts with `prefix` (case-insensitive), for @mentions. At most `limit`. */
  searchProfiles(prefix: string, limit?: number): Promise<Profile[]>;
  updateMyProfile(profile: Omit<Profile, 'uid'>): Promise<void>;

  // --- channels and posts -------------------------------------------------------------------------------
  subscribeChannel(channel: ChannelId, cb: (channel: Channel) => void, onError?: OnError): Unsubscribe;
  subscribeFeed(query: FeedQuery, cb: (page: FeedPage) => void, onError?: OnError): FeedSubscription;
  subscribePost(channel: ChannelId, postId: string, cb: (post: Post | null) => void, onError?: OnError): Unsubscribe;
  /** Resolves with the new post's id once the backend has accepted it. */
  createPost(post: NewPost): Promise<string>;
  editPost(channel: ChannelId, postId: string, text: string): Promise<void>;
  deletePost(channel: ChannelId, postId: string): Promise<void>;
  /** Admins only. */
  hidePost(channel: ChannelId, postId: string, hidden: boolean): Promise<void>;
  /** Reports a post to the admins, or one of its comments when `comment` is given. */
  report(channel: ChannelId, postId: string, reason: string, comment?: string): Promise<void>;

  // --- comments -------------------------------------------------------------------------------------
  subscribeComments(channel: ChannelId, postId: string, cb: (comments: Comment[]) => void, onError?: OnError): Unsubscribe;
  comment(channel: ChannelId, postId: string, text: string): Promise<string>;

  // --- likes ----------------------------------------------------------------------------------------
  subscribeLikes(target: LikeTarget, cb: (state: LikeState) => void, onError?: OnError): Unsubscribe;
  /**
   * Every target the viewer likes, live. One subscription answers "did I like it" for a whole feed page,
   * so containers showing many posts use this plus each post's `likeCount` instead of `subscribeLikes`.
   */
  subscribeMyLikes(cb: (targets: ReadonlySet<LikeTarget>) => void, onError?: OnError): Unsubscribe;
  /** Who liked a target, newest first (for the "liked by" tooltip, fetched on hover or focus). */
  getLikers(target: LikeTarget, limit?: number): Promise<UserId[]>;
  like(target: LikeTarget): Promise<void>;
  unlike(target: LikeTarget): Promise<void>;

  // --- ideas ----------------------------------------------------------------------------------------
  subscribeIdeas(channel: ChannelId, cb: (ideas: Idea[]) => void, onError?: OnError): Unsubscribe;
  subscribeIdeaHistory(channel: ChannelId, ideaId: string, cb: (entries: IdeaHistoryEntry[]) => void, onError?: OnError): Unsubscribe;
  /**
   * The newest history entry of every idea in `channel` that has one (by idea id), live, with one
   * subscription for the whole board instead of one per idea. Optional: where a store lacks it, the board
   * subscribes to each idea's history.
   */
  subscribeLatestNotes?(channel: ChannelId, cb: (latest: Readonly<Record<string, IdeaHistoryEntry>>) => void, onError?: OnError): Unsubscribe;
  /** The idea's owner or an admin; `note` is required and reaches the author and the voters. */
  setIdeaStatus(channel: ChannelId, ideaId: string, status: IdeaStatus, note: string): Promise<void>;
  assignIdea(channel: ChannelId, ideaId: string, owner: UserId): Promise<void>;
  /** Pools votes into `intoId` (a person who voted for both counts once) and points the merged idea at it. */
  mergeIdea(channel: ChannelId, ideaId: string, intoId: string): Promise<void>;

  // --- notifications --------------------------------------------------------------------------------
  subscribeNotifications(cb: (notifications: Notification[]) => void, onError?: OnError): Unsubscribe;
  markNotificationsRead(ids: string[] | 'all'): Promise<void>;

  // --- stats ----------------------------------------------------------------------------------------
  subscribeStats(query: StatsQuery, cb: (stats: MonthStat[]) => void, onError?: OnError): Unsubscribe;

  // --- administration -------------------------------------------------------------------------------
  // Admins only, except `subscribeAdmins` (anyone signed in: "is this database set up?") and `setUp`.

  /** Every channel, by name (archived ones included). */
  subscribeChannels(cb: (channels: Channel[]) => void, onError?: OnError): Unsubscribe;
  /** The uids in `/admins`, sorted; empty on a database nobody has set up yet. */
  subscribeAdmins(cb: (admins: UserId[]) => void, onError?: OnError): Unsubscribe;
  /** Every report, newest first, open and handled (`resolved`); admins only, others get `permission-denied`. */
  subscribeReports(cb: (reports: Report[]) => void, onError?: OnError): Unsubscribe;
  /** Handles an open report, once: hides the post, deletes the reported comment, or dismisses it. */
  resolveReport(reportId: string, action: ReportAction): Promise<void>;
  /** Deletes a comment (admins), counting it out of its post. */
  deleteComment(channel: ChannelId, postId: string, commentId: string): Promise<void>;
  createChannel(channel: NewChannel): Promise<void>;
  /** Renames, describes, sets the categories (in order) of, or archives a channel. */
  updateChannel(channel: ChannelId, changes: ChannelChanges): Promise<void>;
  addAdmin(uid: UserId): Promise<void>;
  /** Refused for the last admin. */
  removeAdmin(uid: UserId): Promise<void>;
  /** Corrects someone's display name (the rest of the profile stays). */
  setProfileName(uid: UserId, name: string): Promise<void>;
  /**
   * The first run: on a database with no admins, makes the signed-in person its first admin and creates
   * `channel` (default categories unless given). Refused once anyone is admin, so only one person wins a race.
   */
  setUp(channel: NewChannel): Promise<void>;
  /**
   * Everything an admin may read (or one channel of it) as one document (docs/export.md), read path by
   * path with `onProgress` after each read. Admins only. Channels whose record was deleted while their
   * posts stayed are in it, named in `deletedChannels`; one such channel may be exported by its id, and an
   * id that holds nothing is `not-found`.
   */
  exportData(options?: { channel?: ChannelId }, onProgress?: (progress: ExportProgress) => void): Promise<LenigExport>;
  /**
   * What one person wrote, for a data-subject request: their posts and comments newest first (each comment
   * with its post) and their data as an export of that person (docs/export.md), deleted channels
   * included. Admins only.
   */
  exportPerson(uid: UserId, onProgress?: (progress: ExportProgress) => void): Promise<PersonActivity>;

  // --- lifetime -------------------------------------------------------------------------------------
  /**
   * Stops every subscription and closes the store's connection (unless another store still uses it).
   * `configure()` calls it on the store it made when the page is configured again. The store is unusable
   * afterwards.
   */
  close(): Promise<void>;
}
