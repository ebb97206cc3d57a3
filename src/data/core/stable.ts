/**
 * Stable objects for unchanged records. A database hands a listener the whole result again on every
 * change (a colleague's like on one post delivers the feed page anew), and decoding makes new objects for
 * every post in it. A view that compares by identity — Lit's `!==` check on a property — would then
 * render every card again for one changed count. A subscription keeps a `StableById` and passes its
 * decoded list through it: a post equal in value to the one handed out before is handed out as that same
 * object, so only the changed one is new.
 */

/** Whether two decoded values are equal: primitives, `Date`s by time, arrays and plain objects by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * The last object handed out per id. `keep(list)` returns `list` with each item equal in value to the one
 * handed out before replaced by that earlier object, and forgets ids no longer in the list, so it holds no
 * more than the subscription shows.
 */
export class StableById<T extends { id: string }> {
  private last = new Map<string, T>();

  keep(list: readonly T[]): T[] {
    const next = new Map<string, T>();
    const out = list.map((item) => {
      const before = this.last.get(item.id);
      const kept = before !== undefined && sameValue(before, item) ? before : item;
      next.set(item.id, kept);
      return kept;
    });
    this.last = next;
    return out;
  }

  /** One item (or nothing): the earlier object when equal in value. */
  one<U extends T | null>(item: U): U {
    if (item === null) {
      this.last.clear();
      return item;
    }
    return this.keep([item])[0] as U;
  }
}
