import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LenigStore, Unsubscribe } from '../data/store.js';
import type { Profile, UserId } from '../data/types.js';

/**
 * How long a profile read once is shown before it is read again, while the page is visible: the time a
 * changed name or picture may take to reach a page that is already open (a page opened later reads it
 * at once). Ten minutes keeps the reads of a page left open all day small (a Firestore document read per
 * person shown per ten visible minutes) while a renamed colleague shows correctly the same morning.
 */
export const PROFILE_REFRESH_MS = 10 * 60_000;

interface Entry {
  /** `undefined` until first read, `null` when the person has no profile (or it could not be read). */
  profile: Profile | null | undefined;
  /** When the last read answered (0: never). */
  readAt: number;
  reading: boolean;
  waiters: ((p: Profile | null) => void)[];
}

/**
 * The profiles one store's widgets show, for the whole page: each read once and shared by every widget,
 * read again when `PROFILE_REFRESH_MS` old while someone shows it. Holds no listener between reads, so a
 * board or feed page costs the same number of listeners whether its posts have one author or fifty.
 */
class Directory {
  private readonly entries = new Map<UserId, Entry>();
  private readonly holders = new Set<ProfilesController>();
  private timer: ReturnType<typeof setInterval> | undefined;
  /** A refresh fell due while the page was hidden: it runs when the page shows again. */
  private due = false;
  private readonly onVisible = () => {
    if (this.due && document.visibilityState === 'visible') this.refresh();
  };

  constructor(private readonly store: LenigStore) {}

  attach(holder: ProfilesController): void {
    this.holders.add(holder);
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.refresh(), PROFILE_REFRESH_MS);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisible);
  }

  detach(holder: ProfilesController): void {
    this.holders.delete(holder);
    if (this.holders.size > 0 || this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.due = false;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible);
  }

  /** What is known of `uid`; reads it when never read or older than `PROFILE_REFRESH_MS`. */
  get(uid: UserId): Profile | null | undefined {
    const entry = this.entry(uid);
    if (!entry.reading && (entry.readAt === 0 || Date.now() - entry.readAt >= PROFILE_REFRESH_MS)) this.read(uid, entry);
    return entry.profile;
  }

  /** `uid`'s profile once known. */
  whenKnown(uid: UserId): Promise<Profile | null> {
    const entry = this.entry(uid);
    if (entry.profile !== undefined) return Promise.resolve(entry.profile);
    if (!entry.reading) this.read(uid, entry);
    return new Promise((resolve) => entry.waiters.push(resolve));
  }

  /** Reads `uid` again now (after this page changed it, say). */
  reread(uid: UserId): void {
    const entry = this.entry(uid);
    if (!entry.reading) this.read(uid, entry);
  }

  /** Reads again every profile a widget still shows. */
  private refresh(): void {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
      this.due = true;
      return;
    }
    this.due = false;
    const shown = new Set<UserId>();
    for (const h of this.holders) for (const uid of h.shown) shown.add(uid);
    for (const uid of shown) this.reread(uid);
  }

  private entry(uid: UserId): Entry {
    let entry = this.entries.get(uid);
    if (!entry) {
      entry = { profile: undefined, readAt: 0, reading: false, waiters: [] };
      this.entries.set(uid, entry);
    }
    return entry;
  }

  private read(uid: UserId, entry: Entry): void {
    entry.reading = true;
    // A holder, not a `let`: the store may call back before `subscribeProfile` has returned.
    const handle: { stop?: Unsubscribe; done?: boolean } = {};
    const settle = (profile: Profile | null) => {
      if (handle.done) return;
      handle.done = true;
      handle.stop?.();
      const changed = !sameProfile(profile, entry.profile);
      entry.reading = false;
      entry.readAt = Date.now();
      if (changed) entry.profile = profile;
      for (const w of entry.waiters.splice(0)) w(entry.profile ?? null);
      if (changed) for (const h of this.holders) h.changed(uid);
    };
    // A missing or unreadable profile shows as "Someone"; it must not break the post around it.
    handle.stop = this.store.subscribeProfile(uid, settle, () => settle(null));
    if (handle.done) handle.stop();
  }
}

function sameProfile(a: Profile | null | undefined, b: Profile | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.name === b.name && a.photoURL === b.photoURL && a.jobTitle === b.jobTitle && a.department === b.department;
}

/** One directory per store, shared by every widget on the page that uses that store. */
const directories = new WeakMap<LenigStore, Directory>();
function directoryOf(store: LenigStore): Directory {
  let d = directories.get(store);
  if (!d) {
    d = new Directory(store);
    directories.set(store, d);
  }
  return d;
}

/**
 * The profiles a widget shows (authors, owners, actors). Each is read once for the whole page — every
 * widget on one store shares the read — and read again every `PROFILE_REFRESH_MS` while shown and the
 * page is visible, rather than held open: a feed or board costs no profile listener at all, however many
 * people wrote in it. A profile that changed re-renders the hosts showing it. The viewer's own profile
 * comes live with the viewer (`subscribeViewer`). `reread()` reads one again at once, for a page that
 * has just changed it (an admin correcting a name).
 *
 * `get()` returns what is known (`undefined` while loading, `null` when there is none); `peek()` waits
 * for it.
 */
export class ProfilesController implements ReactiveController {
  /** The people this host has asked for since it connected (read again while it stays). */
  readonly shown = new Set<UserId>();
  private directory: Directory | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => LenigStore | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.use(this.getStore());
  }

  hostUpdate(): void {
    this.use(this.getStore());
  }

  hostDisconnected(): void {
    this.use(undefined);
  }

  /** The profile of `uid`: `undefined` while loading, `null` if there is none. */
  get(uid: UserId): Profile | null | undefined {
    this.use(this.getStore());
    if (!this.directory) return undefined;
    this.shown.add(uid);
    return this.directory.get(uid);
  }

  /** The profile of `uid` once known (for the "liked by" names, which are many and short-lived). */
  peek(uid: UserId): Promise<Profile | null> {
    this.use(this.getStore());
    return this.directory ? this.directory.whenKnown(uid) : Promise.resolve(null);
  }

  /** Reads `uid` again now, for every widget on the page (after this page changed that profile). */
  reread(uid: UserId): void {
    this.directory?.reread(uid);
  }

  /** Called by the directory: `uid`'s profile changed. */
  changed(uid: UserId): void {
    if (this.shown.has(uid)) this.host.requestUpdate();
  }

  /** Points at a store's directory; another store (or none) starts afresh. */
  private use(store: LenigStore | undefined): void {
    const next = store ? directoryOf(store) : undefined;
    if (next === this.directory) return;
    this.directory?.detach(this);
    this.shown.clear();
    this.directory = next;
    next?.attach(this);
  }
}
