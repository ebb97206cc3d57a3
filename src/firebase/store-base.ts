/**
 * What the Realtime Database store and the Cloud Firestore store do alike, written once: sign-in and the
 * subscriptions' scaffolding (signed in, input checked, one task per key in turn), the viewer, the feed,
 * a post, the idea board, the administration lists, and the administration commands (planned and run by
 * the core, src/data/core/admin.ts and admin-commands.ts, in chunks only `<lenig-admin>` loads). Each
 * store supplies its listeners as raw records — the Realtime Database's by path, Firestore's by
 * document — and the core decodes them. Imports no database SDK: both stores' chunks share it.
 */
import {
  FeedWindows,
  checkCategory,
  checkId,
  checkPageSize,
  checkedSubscription,
  decodePost,
  decodeProfile,
  isIdeaRecord,
  isPostRecord,
  newestFirst,
  notFound,
  StableById,
  type FeedHost,
  type PostRecord,
} from '../data/core/index.js';
import type { AdminHost } from '../data/core/admin-commands.js';
import type { StoreError, FeedQuery, FeedSubscription, OnError, Unsubscribe } from '../data/store.js';
import type { Channel, ChannelChanges, ChannelId, FeedPage, Idea, NewChannel, Post, Profile, Report, ReportAction, UserId, Viewer } from '../data/types.js';
import type { Session } from './session.js';
import { SharedCache, type Shared } from './shared.js';

/** Administration is planned and run by chunks of their own (src/data/core/admin.ts, admin-commands.ts). */
const adminCore = () => import('../data/core/admin.js');
const adminCommands = () => import('../data/core/admin-commands.js');

/** A collection the administration lists: every channel, every admin (uid → true), every report. */
export type AdminList = 'channels' | 'admins' | 'reports';

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
  protected abstract channelExists(channel: ChannelId): Promise<boolean>;
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

  // --- channels and posts ----------------------------------------------------------------------------------

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
              this.channelExists(channel).then((exists) => (exists ? emit() : onError?.(notFound(`Channel ${channel}`))), (e: StoreError) => onError?.(e));
              return;
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
