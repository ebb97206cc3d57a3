import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LenigStore, Unsubscribe } from '../data/store.js';
import type { ChannelId, IdeaHistoryEntry } from '../data/types.js';

/**
 * The latest feedback note of each idea on the board, for the cards. The store port has no "latest
 * note" field, so this holds one history subscription per idea that has left the New column — the only
 * ideas that can have a note (a store records history only with a status change). Ideas still New cost
 * nothing. Before each update the controller asks its host which ideas those are and closes the
 * subscriptions of ideas no longer listed; all of them close when the host disconnects.
 */
export class LatestNotesController implements ReactiveController {
  private readonly subs = new Map<string, { stop: Unsubscribe; latest?: IdeaHistoryEntry }>();
  private store: LenigStore | undefined;
  private channel: ChannelId | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wanted: () => { store: LenigStore | undefined; channel: ChannelId | undefined; ids: readonly string[] },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { store, channel, ids } = this.wanted();
    this.sync(store, channel, ids);
  }

  hostDisconnected(): void {
    this.clear();
    this.store = undefined;
    this.channel = undefined;
  }

  /** Keeps exactly one subscription for each of `ids` (in `channel` of `store`). */
  private sync(store: LenigStore | undefined, channel: ChannelId | undefined, ids: readonly string[]): void {
    if (store !== this.store || channel !== this.channel) {
      this.clear();
      this.store = store;
      this.channel = channel;
    }
    if (!store || !channel) return;
    const wanted = new Set(ids);
    for (const [id, sub] of this.subs) {
      if (!wanted.has(id)) {
        sub.stop();
        this.subs.delete(id);
      }
    }
    for (const id of wanted) {
      if (this.subs.has(id)) continue;
      // A holder, not a `let`: the store may call back before `subscribeIdeaHistory` has returned.
      const entry: { stop: Unsubscribe; latest?: IdeaHistoryEntry } = { stop: () => undefined };
      this.subs.set(id, entry);
      entry.stop = store.subscribeIdeaHistory(
        channel,
        id,
        (entries) => {
          const latest = entries[entries.length - 1];
          if (latest?.id === entry.latest?.id && latest?.note === entry.latest?.note) return;
          entry.latest = latest;
          this.host.requestUpdate();
        },
        // A card without its note is still a good card: a failed history read is left out quietly.
        () => undefined,
      );
    }
  }

  /** The newest history entry of an idea, if known. */
  get(id: string): IdeaHistoryEntry | undefined {
    return this.subs.get(id)?.latest;
  }

  /** How many history subscriptions are open (for tests and diagnostics). */
  get size(): number {
    return this.subs.size;
  }

  private clear(): void {
    for (const sub of this.subs.values()) sub.stop();
    this.subs.clear();
  }
}
