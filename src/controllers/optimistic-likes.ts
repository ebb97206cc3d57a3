import { StoreError, type LenigStore } from '../data/store.js';
import type { LikeTarget } from '../data/types.js';
import { toStoreError } from '../components/shared/events.js';

/** What a like control shows for one target. */
export interface LikeView {
  count: number;
  pressed: boolean;
  /** A write for this target is under way or waiting to be sent. */
  pending: boolean;
}

/** The user's intent for one target while it differs from, or has not yet been confirmed by, the server. */
interface Intent {
  /** The state the user last saw and asked for. */
  wanted: boolean;
  /** What the store holds for the viewer as far as this helper knows: the server's answer when the user
   *  first clicked, then the outcome of each write it sent. */
  committed: boolean;
  /** The write loop for this target, while it runs. */
  running: boolean;
  /** Settles the promise of the most recent `toggle()`; earlier ones are settled as superseded. */
  settle?: { resolve: () => void; reject: (error: StoreError) => void };
  /** Drops a settled intent the server never confirmed, so the view cannot stick to it forever. */
  expiry?: ReturnType<typeof setTimeout>;
}

/**
 * How long a settled intent may go unconfirmed before the server's own answer is shown again. The memory
 * store and the Realtime Database SDK both report a session's own write to its listeners before the write
 * resolves, so this only matters when another session of the same user changes the like at the same moment.
 */
const CONFIRM_TIMEOUT_MS = 3000;

/**
 * Optimistic likes for any number of targets, shared by the like button, the feed and the idea board.
 *
 * The view is derived, not stored: it is the server's count corrected by the difference between what the
 * user wants and what the server says, so likes by other people keep arriving live while a write is on
 * its way. Writes for one target are serialised; while one is in flight further clicks only change the
 * intent, and when it returns only the final intent is sent (a double click sends one like at most and
 * ends where the user left it).
 *
 * Lit-free so that any container (or a non-Lit host) can hold one; `onChange` is its requestUpdate.
 */
export class OptimisticLikes {
  private readonly intents = new Map<LikeTarget, Intent>();

  constructor(
    private readonly getStore: () => LenigStore | undefined,
    private readonly onChange: () => void,
  ) {}

  /** What to show for a target, given the server's count and whether the server says the viewer likes it. */
  view(target: LikeTarget, serverCount: number, serverMine: boolean): LikeView {
    const intent = this.intents.get(target);
    if (!intent) return { count: serverCount, pressed: serverMine, pending: false };
    if (!intent.running && intent.wanted === serverMine) {
      // The server has caught up with the last write; from here on its answer is the truth again, which
      // also lets a like or unlike from the user's other tab show through.
      this.forget(target);
      return { count: serverCount, pressed: serverMine, pending: false };
    }
    const delta = intent.wanted === serverMine ? 0 : intent.wanted ? 1 : -1;
    return { count: Math.max(0, serverCount + delta), pressed: intent.wanted, pending: intent.running };
  }

  /**
   * Flips the target as the user sees it now. Rapid clicks end in the state the user saw last: writes are
   * serialised, and once the server catches up only the final intent is sent. Rejects with the StoreError
   * when a write fails (the view rolls back to the server state). When clicks overlap, only the promise of
   * the last one settles with the outcome; the earlier ones resolve, so a failure is reported once.
   */
  toggle(target: LikeTarget, serverCount: number, serverMine: boolean): Promise<void> {
    const shown = this.view(target, serverCount, serverMine);
    let intent = this.intents.get(target);
    if (!intent) {
      intent = { wanted: serverMine, committed: serverMine, running: false };
      this.intents.set(target, intent);
    }
    clearTimeout(intent.expiry);
    intent.expiry = undefined;
    intent.wanted = !shown.pressed;
    const previous = intent.settle;
    const promise = new Promise<void>((resolve, reject) => (intent.settle = { resolve, reject }));
    previous?.resolve();
    if (!intent.running) void this.drain(target, intent);
    this.onChange();
    return promise;
  }

  /** Stops the timers; call from the host's disconnectedCallback. Pending writes still complete. */
  dispose(): void {
    for (const intent of this.intents.values()) clearTimeout(intent.expiry);
  }

  /** Sends writes until the store holds what the user last asked for. */
  private async drain(target: LikeTarget, intent: Intent): Promise<void> {
    intent.running = true;
    try {
      while (intent.wanted !== intent.committed) {
        const want = intent.wanted;
        const store = this.getStore();
        if (!store) throw new StoreError('unknown', 'No store to save the like in.');
        await (want ? store.like(target) : store.unlike(target));
        intent.committed = want;
      }
    } catch (e) {
      const error = toStoreError(e);
      const settle = intent.settle;
      this.forget(target);
      this.onChange();
      settle?.reject(error);
      return;
    }
    intent.running = false;
    const settle = intent.settle;
    intent.settle = undefined;
    // Keep the intent until `view` sees the server agree, so the button never flashes back to the old
    // state between the write resolving and the subscription reporting it.
    intent.expiry = setTimeout(() => {
      if (this.intents.get(target) === intent) {
        this.forget(target);
        this.onChange();
      }
    }, CONFIRM_TIMEOUT_MS);
    this.onChange();
    settle?.resolve();
  }

  private forget(target: LikeTarget): void {
    const intent = this.intents.get(target);
    if (intent) clearTimeout(intent.expiry);
    this.intents.delete(target);
  }
}
