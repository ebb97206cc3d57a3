/**
 * Between the domain core and Cloud Firestore. The core plans every command as `Writes` over the paths of
 * docs/data-layout.md; this module turns them into the document writes of docs/data-layout-firestore.md
 * (one batch, all or nothing, as firestore.rules checks them), and turns documents back into the records
 * the core's decoders read (times as milliseconds, a post's likers kept apart).
 */
import { Timestamp, deleteField, increment, serverTimestamp, type DocumentData, type DocumentSnapshot, type Firestore } from 'firebase/firestore';
import type { PostRecord } from '../data/core/records.js';
import { SERVER_TIME, isIncrement, type WriteValue, type Writes } from '../data/core/writes.js';
import { decodeKey } from '../data/keys.js';
import { parsePostTarget } from '../data/types.js';

/** One document write of a batch. */
export type DocWrite =
  | { kind: 'set'; path: string; data: Record<string, unknown>; merge: boolean }
  | { kind: 'update'; path: string; data: Record<string, unknown> }
  | { kind: 'delete'; path: string };

/** A collection whose documents a write clears (a deleted post's comments and history). */
export interface Clear {
  collection: string;
}

export const postPath = (ch: string, id: string) => `channels/${ch}/posts/${id}`;
/** A deleted post's id, kept so that no post is written under it again (firestore.rules, `gone`). */
export const gonePath = (ch: string, id: string) => `channels/${ch}/gone/${id}`;

/** The admin count (`/adminCount` in the Realtime Database): `{count, cause}`. */
export const ADMIN_COUNT = 'meta/adminCount';

function toSdk(v: WriteValue): unknown {
  if (v === SERVER_TIME) return serverTimestamp();
  if (isIncrement(v)) return increment(v.increment);
  if (v === null) return deleteField();
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toSdk(x)]));
  return v;
}

/** Nested merge of set-merge data (later writes win per leaf). */
function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    const plain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
    into[k] = plain(cur) && plain(v) ? deepMerge({ ...cur }, v) : v;
  }
  return into;
}

/**
 * The document writes of a plan, and the collections it clears. Writes to one document become one
 * write (a like's post count and likers entry, a stat's counter and cause).
 */
export function toDocWrites(writes: Writes): { docs: DocWrite[]; clears: Clear[] } {
  const sets = new Map<string, { data: Record<string, unknown>; merge: boolean }>();
  const updates = new Map<string, Record<string, unknown>>();
  const deletes = new Set<string>();
  const clears: Clear[] = [];
  const merge = (path: string, data: Record<string, unknown>) => {
    const cur = sets.get(path);
    if (cur) deepMerge(cur.data, data);
    else sets.set(path, { data, merge: true });
  };
  const update = (path: string, field: string, value: unknown) => {
    const cur = updates.get(path) ?? {};
    cur[field] = value;
    updates.set(path, cur);
  };

  /** Post document → the one comment this write deletes from it (an admin's deletion). */
  const removedComments = new Map<string, string>();

  for (const [path, value] of Object.entries(writes)) {
    const s = path.split('/');
    const [root] = s;
    if (root === 'posts' && s.length === 3) {
      const p = postPath(s[1]!, s[2]!);
      if (value === null) {
        deletes.add(p);
        sets.set(gonePath(s[1]!, s[2]!), { data: { at: serverTimestamp() }, merge: false });
      } else {
        const { byCat: _byCat, ...rest } = value as Record<string, WriteValue>;
        sets.set(p, { data: { ...(toSdk(rest) as Record<string, unknown>), likers: {} }, merge: false });
      }
    } else if (root === 'posts' && s.length === 4) {
      update(postPath(s[1]!, s[2]!), s[3]!, toSdk(value));
    } else if ((root === 'comments' || root === 'ideaHistory') && s.length === 3 && value === null) {
      clears.push({ collection: `${postPath(s[1]!, s[2]!)}/${root === 'comments' ? 'comments' : 'history'}` });
    } else if ((root === 'comments' || root === 'ideaHistory') && s.length === 4) {
      const doc = `${postPath(s[1]!, s[2]!)}/${root === 'comments' ? 'comments' : 'history'}/${s[3]}`;
      if (value === null) {
        deletes.add(doc);
        if (root === 'comments') removedComments.set(postPath(s[1]!, s[2]!), s[3]!);
      } else {
        const data = toSdk(value) as Record<string, unknown>;
        // A history entry names its channel: one collection-group query gives a board every idea's notes.
        if (root === 'ideaHistory') data.channel = s[1];
        sets.set(doc, { data, merge: false });
      }
    } else if (root === 'likes' && s.length === 3) {
      const [, key, uid] = s as [string, string, string];
      const pt = parsePostTarget(decodeKey(key));
      if (pt) update(postPath(pt.channel, pt.post), `likers.${uid}`, toSdk(value));
      else merge(`likes/${key}`, { likers: { [uid]: toSdk(value) } });
    } else if (root === 'likeCounts' && s.length === 2) {
      merge(`likes/${s[1]}`, { count: toSdk(value) });
    } else if (root === 'userLikes' && s.length === 3) {
      // `last` names the one target this write adds or removes (the rules check that target).
      merge(`userLikes/${s[1]}`, { t: { [s[2]!]: toSdk(value) }, last: s[2] });
    } else if (root === 'lastLike' && s.length === 2) {
      // The one new like of this write: Firestore keeps it as `last` on the liker's userLikes document.
      merge(`userLikes/${s[1]}`, { last: toSdk(value) });
    } else if (root === 'stats' && s.length === 5) {
      const [, ch, month, cat, field] = s as [string, string, string, string, string];
      const stat = `channels/${ch}/stats/${month}`;
      merge(stat, field === 'cause' ? { channel: ch, month, cause: value } : { channel: ch, month, c: { [cat]: { [field]: toSdk(value) } } });
    } else if (root === 'notifications' && s.length === 3) {
      const doc = `users/${s[1]}/notifications/${s[2]}`;
      if (value === null) deletes.add(doc);
      else sets.set(doc, { data: toSdk(value) as Record<string, unknown>, merge: false });
    } else if (root === 'notifications' && s.length === 4) {
      update(`users/${s[1]}/notifications/${s[2]}`, s[3]!, toSdk(value));
    } else if (root === 'adminCount' && s.length === 2) {
      merge(ADMIN_COUNT, { [s[1]!]: toSdk(value) });
    } else if ((root === 'reports' || root === 'channels') && s.length === 3) {
      // A report's resolution, a channel's name, description, categories or archived flag.
      update(`${root}/${s[1]}`, s[2]!, toSdk(value));
    } else if ((root === 'reports' || root === 'profiles' || root === 'admins' || root === 'channels') && s.length === 2) {
      const doc = `${root}/${s[1]}`;
      if (value === null) deletes.add(doc);
      else sets.set(doc, { data: toSdk(root === 'admins' ? { admin: value } : value) as Record<string, unknown>, merge: false });
    } else {
      throw new Error(`No Firestore document for ${path}`);
    }
  }

  // A comment deleted with its post's count going down: the post names it in `lastComment`, as it names
  // a new one, so the rules can tie the count to that comment's deletion.
  for (const [post, cid] of removedComments) {
    const u = updates.get(post);
    if (u && 'commentCount' in u) u.lastComment = cid;
  }

  const docs: DocWrite[] = [];
  for (const [path, { data, merge: m }] of sets) {
    const extra = updates.get(path);
    docs.push({ kind: 'set', path, data: extra ? { ...data, ...extra } : data, merge: m });
    updates.delete(path);
  }
  for (const [path, data] of updates) docs.push({ kind: 'update', path, data });
  for (const path of deletes) docs.push({ kind: 'delete', path });
  return { docs, clears };
}

/**
 * When this page last wrote each document that may still hold a pending server time, by Firestore
 * instance (stores that share a connection share it): path → [time in ms, writes in flight].
 */
const writeTimes = new WeakMap<Firestore, Map<string, [number, number]>>();

/**
 * Notes that `paths` are written now; returns the function to call once the write settled. Until then a
 * server time in those documents reads as `at` (see `fields`).
 */
export function noteWrite(db: Firestore, paths: Iterable<string>, at: number): () => void {
  let times = writeTimes.get(db);
  if (!times) writeTimes.set(db, (times = new Map<string, [number, number]>()));
  const mine = [...new Set(paths)];
  for (const p of mine) times.set(p, [at, (times.get(p)?.[1] ?? 0) + 1]);
  return () => {
    for (const p of mine) {
      const cur = times.get(p);
      if (!cur) continue;
      if (cur[1] <= 1) times.delete(p);
      else cur[1]--;
    }
  };
}

const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/** `estimate` with each server time that is still pending (null in `none`) replaced by `at`. */
function withPending(estimate: unknown, none: unknown, at: Timestamp): unknown {
  if (estimate instanceof Timestamp) return none === null ? at : estimate;
  if (isMap(estimate)) return Object.fromEntries(Object.entries(estimate).map(([k, v]) => [k, withPending(v, isMap(none) ? none[k] : undefined, at)]));
  return estimate;
}

/**
 * A document's fields, a server time this page is still writing read as the millisecond it was written.
 * The SDK's own estimate (`serverTimestamps: 'estimate'`) drops the fraction of a second (firebase 12
 * turns its local write time, a `Timestamp`, into a proto timestamp and reads `nanos`, which a
 * `Timestamp` calls `nanoseconds`): a post, comment or like of mine, still on its way, would sort before
 * someone else's made up to 999 ms before it.
 */
export function fields(snap: DocumentSnapshot): DocumentData | undefined {
  const estimate = snap.data({ serverTimestamps: 'estimate' });
  if (!estimate || !snap.metadata.hasPendingWrites) return estimate;
  const written = writeTimes.get(snap.ref.firestore)?.get(snap.ref.path)?.[0];
  if (written === undefined) return estimate;
  return withPending(estimate, snap.data({ serverTimestamps: 'none' }), Timestamp.fromMillis(written)) as DocumentData;
}

/** A stored time as milliseconds (a pending server time reads as the local estimate). */
export function millis(v: unknown): number | undefined {
  if (v instanceof Timestamp) return v.toMillis();
  if (typeof v === 'number') return v;
  return undefined;
}

/** A document's fields with every time in milliseconds, as the core's records have them. */
export function plain(data: DocumentData | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v instanceof Timestamp ? v.toMillis() : v;
  return out;
}

/** A post document as the core's `PostRecord` (with `byCat`, without `likers`) and its likers as [uid, ms]. */
export function postFromDoc(data: DocumentData | undefined): { record: unknown; likers: [string, number][] } {
  const p = plain(data);
  if (!p) return { record: null, likers: [] };
  const { likers, ...rest } = p;
  const entries = Object.entries((likers as Record<string, unknown> | undefined) ?? {}).map(([uid, t]): [string, number] => [uid, millis(t) ?? 0]);
  const record = typeof rest.category === 'string' && typeof rest.createdAt === 'number' ? { ...rest, byCat: { [rest.category]: rest.createdAt } } : rest;
  return { record, likers: entries };
}

export type { PostRecord };
