/**
 * One database listener for any number of subscribers: opened by the first, closed after the last.
 * Late subscribers get the current value at once, within `subscribe` — as the SDK answers a listener
 * from what it holds — so a widget mounted next to another has it for its first render. A listener the
 * database refused is dropped by the SDK, so the next subscriber opens it anew (and hears the value or
 * the refusal) instead of waiting for a value that cannot come.
 */
import type { OnError, StoreError, Unsubscribe } from '../data/store.js';

export class Shared<T> {
  private readonly subs = new Set<{ cb: (v: T) => void; onError?: OnError | undefined }>();
  private stop: Unsubscribe | undefined;
  private known = false;
  private failed = false;
  private value: T | undefined;

  constructor(private readonly open: (emit: (v: T) => void, fail: (e: StoreError) => void) => Unsubscribe) {}

  get current(): { known: boolean; value: T | undefined } {
    return { known: this.known, value: this.value };
  }

  subscribe(cb: (v: T) => void, onError?: OnError): Unsubscribe {
    const sub = { cb, onError };
    this.subs.add(sub);
    if (!this.stop || this.failed) {
      this.stop?.();
      this.failed = false;
      this.known = false;
      this.value = undefined;
      this.stop = this.open(
        (v) => {
          this.value = v;
          this.known = true;
          for (const s of [...this.subs]) s.cb(v);
        },
        (e) => {
          this.failed = true;
          for (const s of [...this.subs]) s.onError?.(e);
        },
      );
    } else if (this.known) {
      cb(this.value as T);
    }
    return () => {
      if (!this.subs.delete(sub) || this.subs.size > 0) return;
      this.close();
    };
  }

  /** Closes the listener for everyone. */
  close(): void {
    this.subs.clear();
    this.stop?.();
    this.stop = undefined;
    this.known = false;
    this.failed = false;
    this.value = undefined;
  }
}

/** Shared values by key: one per path however many ask. */
export class SharedCache {
  private readonly byKey = new Map<string, Shared<unknown>>();

  get<T>(key: string, open: (emit: (v: T) => void, fail: (e: StoreError) => void) => Unsubscribe): Shared<T> {
    let s = this.byKey.get(key) as Shared<T> | undefined;
    if (!s) {
      s = new Shared<T>(open);
      this.byKey.set(key, s as Shared<unknown>);
    }
    return s;
  }

  /** Closes every listener. */
  close(): void {
    for (const s of this.byKey.values()) s.close();
    this.byKey.clear();
  }
}
