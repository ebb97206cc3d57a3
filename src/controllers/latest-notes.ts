import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LenigStore, Unsubscribe } from '../data/store.js';
import type { ChannelId, IdeaHistoryEntry } from '../data/types.js';

interface BoardNotes {
  stop: Unsubscribe;
  latest: Readonly<Record<string, IdeaHistoryEntry>>;
}

/**
 * The latest feedback note of each idea on the board, for the cards. With a store that has
 * `subscribeLatestNotes` this is one subscription for the whole channel, however many ideas the board
 * shows. Otherwise it holds one history subscription per idea that has left the New column — the only
 * ideas that can have a note (a store records history only with a status change); ideas still New cost
 * nothing. Before each update the controller asks its host which ideas those are and closes the
 * subscriptions of ideas no longer listed; all of them close when the host disconnects.
 */
export class LatestNotesController implements ReactiveController {
  private readonly subs = new Map<string, { stop: Unsubscribe; latest?: IdeaHistoryEntry }>();
  /** The channel-wide subscription, when the store has one. */
  private board: BoardNotes | undefined;
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
    if (store.subscribeLatestNotes) {
      if (this.board) return;
      const board: BoardNotes = { stop: () => undefined, latest: {} };
      this.board = board;
      board.stop = store.subscribeLatestNotes(
        channel,
        (latest) => {
          const before = board.latest;
          board.latest = latest;
          const changed = (id: string) => latest[id]?.id !== before[id]?.id || latest[id]?.note !== before[id]?.note;
          if (Object.keys(latest).some(changed) || Object.keys(before).some(changed)) this.host.requestUpdate();
        },
        // A card without its note is still a good card: a failed history read is left out quietly.
        () => undefined,
      );
      return;
    }
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
    // Own keys only: an idea whose id is `constructor` or `toString` (any database key may be) has no note.
    if (this.board) return Object.hasOwn(this.board.latest, id) ? this.board.latest[id] : undefined;
    return this.subs.get(id)?.latest;
  }

  /** How many history subscriptions are open (for tests and diagnostics). */
  get size(): number {
    return this.subs.size + (this.board ? 1 : 0);
  }

  private clear(): void {
    for (const sub of this.subs.values()) sub.stop();
    this.subs.clear();
    this.board?.stop();
    this.board = undefined;
  }
}
