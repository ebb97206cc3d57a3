/**
 * Between the core's data and the SDK: a plan's `Writes` as the values `update()` takes, a `WindowSpec`
 * as query constraints, a snapshot's children as entries.
 */
import {
  endBefore,
  increment,
  limitToLast,
  orderByChild,
  serverTimestamp,
  startAt,
  type DataSnapshot,
  type QueryConstraint,
} from 'firebase/database';
import type { WindowSpec } from '../data/core/feed-windows.js';
import { SERVER_TIME, isIncrement, type WriteValue, type Writes } from '../data/core/writes.js';

function toSdk(v: WriteValue): unknown {
  if (v === SERVER_TIME) return serverTimestamp();
  if (isIncrement(v)) return increment(v.increment);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toSdk(x)]));
  return v;
}

/** A plan's writes as one multi-path update. */
export function toUpdate(writes: Writes): Record<string, unknown> {
  return Object.fromEntries(Object.entries(writes).map(([path, v]) => [path, toSdk(v)]));
}

/** A feed window as query constraints. */
export function toConstraints(spec: WindowSpec): QueryConstraint[] {
  const out: QueryConstraint[] = [orderByChild(spec.orderBy)];
  if (spec.startAt) out.push(spec.startAt.key === undefined ? startAt(spec.startAt.value) : startAt(spec.startAt.value, spec.startAt.key));
  if (spec.endBefore) out.push(endBefore(spec.endBefore.value, spec.endBefore.key));
  if (spec.limitToLast !== undefined) out.push(limitToLast(spec.limitToLast));
  return out;
}

/** Children of a snapshot as [key, value] pairs, in the query's order. */
export function entries<T = unknown>(snap: DataSnapshot): [string, T][] {
  const out: [string, T][] = [];
  snap.forEach((child) => {
    out.push([child.key, child.val() as T]);
  });
  return out;
}
