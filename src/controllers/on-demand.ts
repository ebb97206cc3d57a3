import type { ReactiveControllerHost } from 'lit';
import { logError } from '../log.js';

/**
 * How long code asked for may take before the person is told it could not be loaded, with Try again. It
 * is still taken when it arrives later.
 */
export const ON_DEMAND_TIMEOUT_MS = 10_000;

export type OnDemandStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One element's view of code loaded on demand (see `importOnce`, ../import-once.ts): whether it is on
 * its way, there or failed, re-rendering the host at each change. `error` also when it has not arrived within
 * ON_DEMAND_TIMEOUT_MS: nobody waits without being told why. Made by the element when first needed.
 */
export class OnDemandController<T> {
  status: OnDemandStatus = 'idle';
  /** The code, once it has arrived. */
  value: T | undefined;
  private arriving: Promise<T | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly code: () => Promise<T>,
    /** What it is, for the console: "the post's edit form". */
    private readonly what: string,
  ) {}

  /**
   * Fetches the code (again, after a failure). Resolves with it once it has arrived, or with undefined
   * when it could not be loaded; a slow download turns the status to `error` meanwhile and still resolves
   * with the code if it arrives. After a slow download, asking again waits for that same one: a browser does
   * not fetch a module again while it is on its way.
   */
  load(): Promise<T | undefined> {
    if (this.status === 'ready') return Promise.resolve(this.value);
    this.set('loading');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.set('error'), ON_DEMAND_TIMEOUT_MS);
    return (this.arriving ??= this.code().then(
      (value) => this.done(value),
      (error: unknown) => {
        logError(`could not load ${this.what} — ${error instanceof Error ? error.message : String(error)}`);
        return this.done(undefined);
      },
    ));
  }

  private done(value: T | undefined): T | undefined {
    clearTimeout(this.timer);
    this.arriving = undefined;
    this.value = value;
    this.set(value === undefined ? 'error' : 'ready');
    return value;
  }

  private set(status: OnDemandStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
