import type { ReactiveControllerHost } from 'lit';
import type { LenigStore, StoreError } from '../../data/store.js';
import type { LikeTarget, UserId } from '../../data/types.js';
import { MAX_LIKER_NAMES } from '../like-button/like-view.js';
import { LikerNames } from '../like-button/liker-names.js';
import { toStoreError } from '../shared/events.js';

/**
 * Names for the vote buttons' "liked by" tooltips. Nothing is read until a person hovers or focuses a
 * vote (`lenig-likers-request`); then the newest voters are fetched once and their names resolved with
 * the like button's `LikerNames`. A count that moved since the fetch triggers one re-fetch, so the
 * tooltip never names fewer people than it should for long.
 */
export class VoterNames {
  private readonly fetched = new Map<LikeTarget, { count: number; uids: UserId[] | undefined }>();
  private readonly names: LikerNames;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => LenigStore | undefined,
    private readonly onError: (error: StoreError) => void,
  ) {
    this.names = new LikerNames(host, getStore);
  }

  /** Fetches who voted for `target` (the count is remembered to notice later changes). */
  async request(target: LikeTarget, count: number): Promise<void> {
    const store = this.getStore();
    if (!store) return;
    const entry = { count, uids: this.fetched.get(target)?.uids };
    this.fetched.set(target, entry);
    try {
      entry.uids = await store.getLikers(target, MAX_LIKER_NAMES);
      this.host.requestUpdate();
    } catch (error) {
      this.fetched.delete(target);
      this.onError(toStoreError(error));
    }
  }

  /** The names to show, or `undefined` while not asked for or loading. */
  get(target: LikeTarget, count: number, unknown: string): string[] | undefined {
    const entry = this.fetched.get(target);
    if (!entry) return undefined;
    if (entry.count !== count) queueMicrotask(() => void this.request(target, count));
    entry.count = count;
    return entry.uids && this.names.resolve(entry.uids, unknown);
  }
}
