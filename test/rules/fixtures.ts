/**
 * The legitimate writes, as the Firebase store makes them, built as plain multi-path updates. The rules
 * tests run each one as it is (it must pass) and then with one thing changed (it must be refused), so
 * every refusal is shown to come from the rule that guards that one thing.
 */
import { increment, serverTimestamp } from 'firebase/database';
import { encodeKey, newId, notificationKey } from '../../src/data/keys.js';
import { DEFAULT_CATEGORIES, monthKey, postTarget } from '../../src/data/types.js';

export type Updates = Record<string, unknown>;

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

export function newPost(author: string, opts: { category?: string; text?: string; title?: string; ch?: string; id?: string } = {}): {
  info: PostInfo;
  updates: Updates;
} {
  const ch = opts.ch ?? CH;
  const id = opts.id ?? newId();
  const category = opts.category ?? 'news';
  const post: Record<string, unknown> = {
    author,
    text: opts.text ?? 'Hello colleagues',
    category,
    createdAt: serverTimestamp(),
    month: MONTH,
    byCat: { [category]: serverTimestamp() },
    likeCount: 0,
    commentCount: 0,
  };
  if (category === 'idea') {
    post.title = opts.title ?? 'An idea';
    post.status = 'new';
  }
  return {
    info: { ch, id, author, category, month: MONTH },
    updates: {
      [`posts/${ch}/${id}`]: post,
      [`stats/${ch}/${MONTH}/${category}/posts`]: increment(1),
      [`stats/${ch}/${MONTH}/${category}/cause`]: id,
    },
  };
}

export const tk = (p: PostInfo) => encodeKey(postTarget(p.ch, p.id));

export function like(uid: string, p: PostInfo, notify = true): Updates {
  const u: Updates = {
    [`likes/${tk(p)}/${uid}`]: serverTimestamp(),
    [`userLikes/${uid}/${tk(p)}`]: true,
    [`posts/${p.ch}/${p.id}/likeCount`]: increment(1),
    [`stats/${p.ch}/${p.month}/${p.category}/likes`]: increment(1),
    [`stats/${p.ch}/${p.month}/${p.category}/cause`]: p.id,
    [`lastLike/${uid}`]: tk(p),
  };
  if (notify && p.author !== uid) u[`notifications/${p.author}/${nkey('liked', p, uid)}`] = notification('liked', uid, p);
  return u;
}

export function unlike(uid: string, p: PostInfo): Updates {
  return {
    [`likes/${tk(p)}/${uid}`]: null,
    [`userLikes/${uid}/${tk(p)}`]: null,
    [`posts/${p.ch}/${p.id}/likeCount`]: increment(-1),
    [`stats/${p.ch}/${p.month}/${p.category}/likes`]: increment(-1),
    [`stats/${p.ch}/${p.month}/${p.category}/cause`]: p.id,
  };
}

export function likePage(uid: string, key: string, delta: 1 | -1): Updates {
  return {
    [`likes/${key}/${uid}`]: delta > 0 ? serverTimestamp() : null,
    [`userLikes/${uid}/${key}`]: delta > 0 ? true : null,
    [`likeCounts/${key}`]: increment(delta),
    ...(delta > 0 ? { [`lastLike/${uid}`]: key } : {}),
  };
}

export function comment(uid: string, p: PostInfo, text = 'Nice one', cid = newId()): { cid: string; updates: Updates } {
  const u: Updates = {
    [`comments/${p.ch}/${p.id}/${cid}`]: { author: uid, text, createdAt: serverTimestamp() },
    [`posts/${p.ch}/${p.id}/commentCount`]: increment(1),
    [`posts/${p.ch}/${p.id}/lastComment`]: cid,
  };
  if (p.author !== uid) u[`notifications/${p.author}/${nkey('commented', p, cid)}`] = notification('commented', uid, p);
  return { cid, updates: u };
}

export function statusChange(by: string, p: PostInfo, status: string, note: string, tell: string[] = [], eid = newId()): { eid: string; updates: Updates } {
  const u: Updates = {
    [`ideaHistory/${p.ch}/${p.id}/${eid}`]: { status, note, by, at: serverTimestamp() },
    [`posts/${p.ch}/${p.id}/status`]: status,
    [`posts/${p.ch}/${p.id}/statusEntry`]: eid,
  };
  for (const to of tell) u[`notifications/${to}/${nkey('idea-status', p, eid)}`] = { ...notification('idea-status', by, p), status, note };
  return { eid, updates: u };
}

/** Deletes a post that has `likeCount` likes: its stat loses the post and those likes. */
export function deletePost(p: PostInfo, likeCount = 0): Updates {
  const u: Updates = {
    [`posts/${p.ch}/${p.id}`]: null,
    [`comments/${p.ch}/${p.id}`]: null,
    [`ideaHistory/${p.ch}/${p.id}`]: null,
    [`stats/${p.ch}/${p.month}/${p.category}/posts`]: increment(-1),
    [`stats/${p.ch}/${p.month}/${p.category}/cause`]: p.id,
  };
  if (likeCount) u[`stats/${p.ch}/${p.month}/${p.category}/likes`] = increment(-likeCount);
  return u;
}

/** The key a notification of `type` about `p` must have: see notificationKey. */
export function nkey(type: string, p: PostInfo, cause: string): string {
  return notificationKey(type, p.ch, p.id, cause);
}

export function notification(type: string, actor: string, p: PostInfo): Record<string, unknown> {
  return { type, actor, channel: p.ch, post: p.id, createdAt: serverTimestamp(), read: false };
}
