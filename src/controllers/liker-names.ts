import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LenigStore, Unsubscribe } from '../data/store.js';
import type { UserId } from '../data/types.js';

/** How many names the "liked by" tooltip lists before "and N others". */
export const MAX_LIKER_NAMES = 5;

/**
 * Display names for the "liked by" tooltip. Profiles are subscribed lazily — only for the few likers
 * actually asked about, only once someone hovers or focuses a like — and kept while the host is
 * connected, so moving between buttons of one feed does not re-fetch. The store dedupes listeners, so
 * ten buttons naming the same colleague cost one read.
 */
export class LikerNames implements ReactiveController {
  private readonly names = new Map<UserId, string | null>();
  private readonly subs = new Map<UserId, Unsubscribe>();
  private store: LenigStore | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => LenigStore | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.closeAll();
  }

  /**
   * The names of `uids`, in order, or `undefined` while any of them is still loading. A uid without a
   * profile (deleted, or an anonymous liker) is given `unknown`.
   */
  resolve(uids: readonly UserId[], unknown: string): string[] | undefined {
    const store = this.getStore();
    if (store !== this.store) {
      this.closeAll();
      this.store = store;
    }
    if (!store) return undefined;
    let ready = true;
    const out: string[] = [];
    for (const uid of uids) {
      if (!this.subs.has(uid)) this.open(store, uid);
      const name = this.names.get(uid);
      if (name === undefined) ready = false;
      else out.push(name ?? unknown);
    }
    return ready ? out : undefined;
  }

  /**
   * The tooltip's names for likers `uids` (newest first): the viewer first as `you` while they like
   * it as shown (a click shows at once, before the store answers; an unlike takes them off at once),
   * then the others' display names — `unknown` for a liker without one — up to MAX_LIKER_NAMES in all.
   * Undefined while any name is loading.
   */
  labels(uids: readonly UserId[], viewer: UserId | null | undefined, pressed: boolean, you: string, unknown: string): string[] | undefined {
    const others = viewer ? uids.filter((uid) => uid !== viewer) : uids;
    const mine = pressed && viewer ? 1 : 0;
    const names = this.resolve(others.slice(0, MAX_LIKER_NAMES - mine), unknown);
    return names && mine ? [you, ...names] : names;
  }

  private open(store: LenigStore, uid: UserId): void {
    this.subs.set(
      uid,
      store.subscribeProfile(
        uid,
        (profile) => {
          this.names.set(uid, profile?.name || null);
          this.host.requestUpdate();
        },
        // A profile the viewer may not read is shown as "Someone" rather than holding the tooltip in "loading".
        () => {
          this.names.set(uid, null);
          this.host.requestUpdate();
        },
      ),
    );
  }

  private closeAll(): void {
    for (const unsubscribe of this.subs.values()) unsubscribe();
    this.subs.clear();
    this.names.clear();
  }
}
