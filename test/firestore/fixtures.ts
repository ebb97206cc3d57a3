/**
 * The legitimate batched writes, as the Firestore layout (docs/data-layout-firestore.md) makes them, as
 * plain lists of operations. The rules tests run each one as it is (it must pass) and with one thing
 * changed (it must be refused), so every refusal comes from the rule that guards that one thing.
 */
import { deleteField, doc, increment, serverTimestamp, writeBatch, type Firestore } from 'firebase/firestore';
import { encodeKey, newId, notificationKey } from '../../src/data/keys.js';
import { DEFAULT_CATEGORIES, monthKey, postTarget } from '../../src/data/types.js';

export type Data = Record<string, unknown>;
export type Op =
  | { kind: 'set'; path: string; data: Data; merge?: boolean }
  | { kind: 'update'; path: string; data: Data }
  | { kind: 'delete'; path: string };

export const CH = 'general';
export const MONTH = monthKey(new Date());
export const CATEGORIES = Object.fromEntries(DEFAULT_CATEGORIES.map((c, i) => [c, i]));

export interface PostInfo {
  ch: string;
  id: string;
  author: string;
  category: string;
  month: string;
}

export const postPath = (p: { ch: string; id: string }) => `channels/${p.ch}/posts/${p.id}`;
export const statPath = (ch: string, month: string) => `channels/${ch}/stats/${month}`;
export const tk = (p: PostInfo) => encodeKey(postTarget(p.ch, p.id));

/** Applies the operations as one batched write. */
export function commit(db: Firestore, ops: Op[]): Promise<void> {
  const batch = writeBatch(db);
  for (const op of ops) {
    const ref = doc(db, op.path);
    if (op.kind === 'set') batch.set(ref, op.data, { merge: op.merge ?? false });
    else if (op.kind === 'update') batch.update(ref, op.data);
    else batch.delete(ref);
  }
  return batch.commit();
}

/** The same operations with the one at `path` changed (a copy; the original is left alone). */
export function mutate(ops: Op[], path: string, change: (data: Data) => void): Op[] {
  return ops.map((op) => {
    if (op.path !== path || op.kind === 'delete') return op;
    const data = { ...op.data };
    change(data);
    return { ...op, data };
  });
}

/** The same operations without those whose path contains one of `parts`. */
export const without = (ops: Op[], ...parts: string[]) => ops.filter((op) => !parts.some((p) => op.path.includes(p)));

const stat = (p: PostInfo, counter: 'posts' | 'likes', delta: number, month = p.month): Op => ({
  kind: 'set',
  path: statPath(p.ch, month),
  data: { channel: p.ch, month, cause: p.id, c: { [p.category]: { [counter]: increment(delta) } } },
  merge: true,
});

export function newPost(
  author: string,
  opts: { category?: string; text?: string; title?: string; ch?: string; id?: string; mentions?: string[] } = {},
): { info: PostInfo; ops: Op[] } {
  const ch = opts.ch ?? CH;
  const id = opts.id ?? newId();
  const category = opts.category ?? 'news';
  const info = { ch, id, author, category, month: MONTH };
  const post: Data = {
    author,
    text: opts.text ?? 'Hello colleagues',
    category,
    createdAt: serverTimestamp(),
    month: MONTH,
    likeCount: 0,
    likers: {},
    commentCount: 0,
  };
  if (category === 'idea') {
    post.title = opts.title ?? 'An idea';
    post.status = 'new';
  }
  const ops: Op[] = [{ kind: 'set', path: postPath(info), data: post }, stat(info, 'posts', 1)];
  for (const to of opts.mentions ?? []) {
    ops.push({ kind: 'set', path: `users/${to}/notifications/${notificationKey('mentioned', ch, id, author)}`, data: notification('mentioned', author, info) });
  }
  return { info, ops };
}

export function notification(type: string, actor: string, p: { ch: string; id: string }): Data {
  return { type, actor, channel: p.ch, post: p.id, createdAt: serverTimestamp(), read: false };
}

export const likedId = (actor: string, p: PostInfo) => notificationKey('liked', p.ch, p.id, actor);

export function like(uid: string, p: PostInfo, notify = true): Op[] {
  const key = tk(p);
  const ops: Op[] = [
    { kind: 'update', path: postPath(p), data: { likeCount: increment(1), [`likers.${uid}`]: serverTimestamp() } },
    { kind: 'set', path: `userLikes/${uid}`, data: { t: { [key]: true }, last: key }, merge: true },
    stat(p, 'likes', 1),
  ];
  if (notify && p.author !== uid) {
    ops.push({ kind: 'set', path: `users/${p.author}/notifications/${likedId(uid, p)}`, data: notification('liked', uid, p) });
  }
  return ops;
}

export function unlike(uid: string, p: PostInfo): Op[] {
  const key = tk(p);
  return [
    { kind: 'update', path: postPath(p), data: { likeCount: increment(-1), [`likers.${uid}`]: deleteField() } },
    { kind: 'set', path: `userLikes/${uid}`, data: { t: { [key]: deleteField() }, last: key }, merge: true },
    stat(p, 'likes', -1),
  ];
}

export function likePage(uid: string, key: string, delta: 1 | -1): Op[] {
  return [
    {
      kind: 'set',
      path: `likes/${key}`,
      data: { count: increment(delta), likers: { [uid]: delta > 0 ? serverTimestamp() : deleteField() } },
      merge: true,
    },
    { kind: 'set', path: `userLikes/${uid}`, data: { t: { [key]: delta > 0 ? true : deleteField() }, last: key }, merge: true },
  ];
}

export function comment(uid: string, p: PostInfo, text = 'Nice one', cid = newId()): { cid: string; ops: Op[] } {
  const ops: Op[] = [
    { kind: 'set', path: `${postPath(p)}/comments/${cid}`, data: { author: uid, text, createdAt: serverTimestamp() } },
    { kind: 'update', path: postPath(p), data: { commentCount: increment(1), lastComment: cid } },
  ];
  if (p.author !== uid) {
    ops.push({ kind: 'set', path: `users/${p.author}/notifications/${notificationKey('commented', p.ch, p.id, cid)}`, data: notification('commented', uid, p) });
  }
  return { cid, ops };
}

export function statusChange(by: string, p: PostInfo, status: string, note: string, tell: string[] = []): { eid: string; ops: Op[] } {
  const eid = newId();
  const ops: Op[] = [
    { kind: 'set', path: `${postPath(p)}/history/${eid}`, data: { status, note, by, at: serverTimestamp(), channel: p.ch } },
    { kind: 'update', path: postPath(p), data: { status, statusEntry: eid } },
  ];
  for (const to of tell) {
    ops.push({
      kind: 'set',
      path: `users/${to}/notifications/${notificationKey('idea-status', p.ch, p.id, eid)}`,
      data: { ...notification('idea-status', by, p), status, note },
    });
  }
  return { eid, ops };
}

export function assign(by: string, p: PostInfo, owner: string): Op[] {
  const ops: Op[] = [{ kind: 'update', path: postPath(p), data: { owner } }];
  if (owner !== by) ops.push({ kind: 'set', path: `users/${owner}/notifications/${notificationKey('assigned', p.ch, p.id, by)}`, data: notification('assigned', by, p) });
  return ops;
}

/** The post's deletion; its `likes` (its likeCount) leave its month's stat with it. */
export function deletePost(p: PostInfo, comments: string[] = [], entries: string[] = [], likes = 0): Op[] {
  const uncount: Op = {
    kind: 'set',
    path: statPath(p.ch, p.month),
    data: { channel: p.ch, month: p.month, cause: p.id, c: { [p.category]: { posts: increment(-1), ...(likes ? { likes: increment(-likes) } : {}) } } },
    merge: true,
  };
  return [
    { kind: 'delete', path: postPath(p) },
    { kind: 'set', path: `channels/${p.ch}/gone/${p.id}`, data: { at: serverTimestamp() } },
    ...comments.map((c): Op => ({ kind: 'delete', path: `${postPath(p)}/comments/${c}` })),
    ...entries.map((e): Op => ({ kind: 'delete', path: `${postPath(p)}/history/${e}` })),
    uncount,
  ];
}

// ---- administration -------------------------------------------------------------------------------------

export const ADMIN_COUNT = 'meta/adminCount';

/** An admin adds `uid`: the admin document and the count moved by one, naming them. */
export function addAdmin(uid: string): Op[] {
  return [
    { kind: 'set', path: `admins/${uid}`, data: { admin: true } },
    { kind: 'set', path: ADMIN_COUNT, data: { count: increment(1), cause: uid }, merge: true },
  ];
}

export function removeAdmin(uid: string): Op[] {
  return [
    { kind: 'delete', path: `admins/${uid}` },
    { kind: 'set', path: ADMIN_COUNT, data: { count: increment(-1), cause: uid }, merge: true },
  ];
}

/** The first run: the writer becomes the first admin, counted as one, with the first channel. */
export function firstRun(uid: string, ch = 'welcome'): Op[] {
  return [
    { kind: 'set', path: `admins/${uid}`, data: { admin: true } },
    { kind: 'set', path: ADMIN_COUNT, data: { count: 1, cause: uid }, merge: true },
    { kind: 'set', path: `channels/${ch}`, data: { name: 'Welcome', categories: CATEGORIES } },
  ];
}

/** An admin handles a report: who, when, how (`effect`: the ops that make the resolution true). */
export function resolve(rid: string, by: string, resolution: string, effect: Op[] = []): Op[] {
  return [{ kind: 'update', path: `reports/${rid}`, data: { resolvedBy: by, resolvedAt: serverTimestamp(), resolution } }, ...effect];
}

/** An admin deletes one comment: gone, the post's count down by one, naming it. */
export function deleteComment(p: { ch: string; id: string }, cid: string): Op[] {
  return [
    { kind: 'delete', path: `${postPath(p)}/comments/${cid}` },
    { kind: 'update', path: postPath(p), data: { commentCount: increment(-1), lastComment: cid } },
  ];
}

export const hidePost = (p: { ch: string; id: string }): Op => ({ kind: 'update', path: postPath(p), data: { hidden: true } });
