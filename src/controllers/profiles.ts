import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LenigStore, Unsubscribe } from '../data/store.js';
import type { Profile, UserId } from '../data/types.js';

interface Entry {
  /** `undefined` while loading, `null` when the person has no profile. */
  profile: Profile | null | undefined;
  unsubscribe?: Unsubscribe;
  waiters: ((p: Profile | null) => void)[];
}

/**
 * One live profile subscription per distinct person, however many posts or comments they wrote: a page of
 * 20 posts by 6 people holds 6 listeners. `get()` starts the subscription on first use and returns what
 * is known; the host updates when a profile arrives or changes. It follows the host's store (checked
 * before each update) and closes every subscription when the host disconnects.
 *
 * `peek()` fetches a profile once without keeping it live (for the "liked by" names, which are many and
 * short-lived).
 */
export class ProfilesController implements ReactiveController {
  private readonly entries = new Map<UserId, Entry>();
  private store: LenigStore | undefined;

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
    this.clear();
    this.store = undefined;
  }

  /** Points the cache at a store; a different store drops every subscription. */
  private use(store: LenigStore | undefined): void {
    if (store === this.store) return;
    this.clear();
    this.store = store;
  }

  /** The profile of `uid`: `undefined` while loading, `null` if there is none. Subscribes on first use. */
  get(uid: UserId): Profile | null | undefined {
    const entry = this.entries.get(uid);
    if (entry?.unsubscribe) return entry.profile;
    return this.open(uid, true).profile;
  }

  /** The profile of `uid` once known, without keeping a live subscription for it. */
  peek(uid: UserId): Promise<Profile | null> {
    const entry = this.entries.get(uid) ?? this.open(uid, false);
    if (entry.profile !== undefined) return Promise.resolve(entry.profile);
    return new Promise((resolve) => entry.waiters.push(resolve));
  }

  /** Stops every subscription (the host disconnected or changed store). */
  private clear(): void {
    for (const e of this.entries.values()) {
      e.unsubscribe?.();
      for (const w of e.waiters) w(null);
    }
    this.entries.clear();
  }

  private open(uid: UserId, live: boolean): Entry {
    const entry: Entry = this.entries.get(uid) ?? { profile: undefined, waiters: [] };
    this.entries.set(uid, entry);
    const store = this.store;
    if (!store) return entry;
    // A holder, not a `let`: the store may call back before `subscribeProfile` has returned.
    const handle: { stop?: Unsubscribe; done?: boolean } = {};
    const settle = (profile: Profile | null) => {
      const changed = profile !== entry.profile;
      entry.profile = profile;
      const waiters = entry.waiters.splice(0);
      for (const w of waiters) w(profile);
      if (!live) {
        handle.done = true;
        handle.stop?.();
      }
      if (changed) this.host.requestUpdate();
    };
    // A missing or unreadable profile shows as "Someone"; it must not break the post around it.
    const stop = store.subscribeProfile(uid, settle, () => settle(null));
    handle.stop = stop;
    if (live) entry.unsubscribe = stop;
    else if (handle.done) stop();
    return entry;
  }
}
