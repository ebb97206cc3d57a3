import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LenigStore, OnError, Unsubscribe } from '../data/store.js';
import type { StoreError } from '../data/store.js';

export type SubscriptionStatus = 'idle' | 'pending' | 'ready' | 'error';

/**
 * Keeps one store subscription open while its host is connected, and re-subscribes when the store or
 * any of the dependencies change (checked before each update, so a changed `channel` attribute moves the
 * subscription in the same render). `value`, `status` and `error` drive the host's three render branches.
 */
export class SubscriptionController<T, D extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  value: T | undefined;
  status: SubscriptionStatus = 'idle';
  error: StoreError | undefined;

  private unsubscribe: Unsubscribe | undefined;
  private lastStore: LenigStore | undefined;
  private lastDeps: D | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => LenigStore | undefined,
    private readonly getDeps: () => D | undefined,
    private readonly subscribe: (store: LenigStore, deps: D, next: (value: T) => void, fail: OnError) => Unsubscribe,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.close();
    this.lastStore = undefined;
    this.lastDeps = undefined;
  }

  /** Closes and reopens the subscription, e.g. after an error the user asked to retry. */
  retry(): void {
    this.close();
    this.lastStore = undefined;
    this.sync();
  }

  private sync(): void {
    if (!this.connected) return;
    const store = this.getStore();
    const deps = this.getDeps();
    if (store === this.lastStore && sameDeps(deps, this.lastDeps)) return;
    this.close();
    this.lastStore = store;
    this.lastDeps = deps;
    if (!store || !deps) {
      this.status = 'idle';
      this.value = undefined;
      return;
    }
    this.status = 'pending';
    this.error = undefined;
    this.value = undefined;
    let live = true;
    const unsubscribe = this.subscribe(
      store,
      deps,
      (value) => {
        if (!live) return;
        this.value = value;
        this.status = 'ready';
        this.error = undefined;
        this.host.requestUpdate();
      },
      (error) => {
        if (!live) return;
        this.status = 'error';
        this.error = error;
        this.host.requestUpdate();
      },
    );
    this.unsubscribe = () => {
      live = false;
      unsubscribe();
    };
  }

  private close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

function sameDeps(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((v, i) => Object.is(v, b[i]));
}
