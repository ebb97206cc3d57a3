/**
 * The in-memory store's data: one JSON tree laid out like the Realtime Database (docs/data-layout.md),
 * written only through the core's `Writes`, so the in-memory store applies exactly the writes the
 * Firebase store sends.
 */
import { SERVER_TIME, isIncrement, type WriteValue, type Writes } from '../data/core/index.js';

export type Tree = { [key: string]: unknown };

const isNode = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path` (`a/b/c`), or undefined. */
export function get(tree: Tree, path: string): unknown {
  let node: unknown = tree;
  for (const part of path.split('/')) {
    if (!isNode(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** The children of the node at `path` as `[key, value]` pairs (none when it is not a node). */
export function children(tree: Tree, path: string): [string, unknown][] {
  const node = get(tree, path);
  return isNode(node) ? Object.entries(node) : [];
}

/** Whether `path` holds anything. */
export function has(tree: Tree, path: string): boolean {
  return get(tree, path) !== undefined;
}

function resolve(value: WriteValue, now: number, current: unknown): unknown {
  if (value === SERVER_TIME) return now;
  if (isIncrement(value)) return (typeof current === 'number' ? current : 0) + value.increment;
  if (isNode(value)) {
    const out: Tree = {};
    for (const [k, v] of Object.entries(value)) {
      const r = resolve(v, now, isNode(current) ? current[k] : undefined);
      if (r !== null && r !== undefined) out[k] = r;
    }
    return Object.keys(out).length ? out : null;
  }
  return value;
}

/** Sets (or with null, removes) one path; empty parents are removed, as the database does. */
export function set(tree: Tree, path: string, value: unknown): void {
  const parts = path.split('/');
  const trail: Tree[] = [tree];
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    let next = node[part];
    if (!isNode(next)) {
      if (value === null || value === undefined) return;
      next = node[part] = {};
    }
    node = next as Tree;
    trail.push(node);
  }
  const last = parts[parts.length - 1]!;
  if (value !== null && value !== undefined) {
    node[last] = value;
    return;
  }
  delete node[last];
  for (let i = trail.length - 1; i > 0; i--) {
    if (!isEmpty(trail[i]!)) break;
    delete trail[i - 1]![parts[i - 1]!];
  }
}

function isEmpty(node: Tree): boolean {
  for (const _ in node) return false;
  return true;
}

/** Applies a plan's writes: `SERVER_TIME` becomes `now`, `increment(n)` adds to the current number. */
export function apply(tree: Tree, writes: Writes, now: number): void {
  // Resolved first, against the tree before the write, as one multi-path update is.
  const resolved = Object.entries(writes).map(([path, v]) => [path, resolve(v, now, get(tree, path))] as const);
  for (const [path, v] of resolved) set(tree, path, v);
}
