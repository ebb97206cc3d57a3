/**
 * The export on Cloud Firestore: documents read back into the Realtime Database's tree (docs/data-layout.md),
 * so both databases export the one format of docs/export.md and `scripts/import.mjs` restores either.
 * `buildExport` (src/data/core/export.ts) asks for paths of that tree; this answers each from documents.
 * A chunk of its own, loaded by the export only.
 *
 * - A post's likers live in the post: `likes/post:{ch}:{id}` comes from the posts read before it, the
 *   likes of pages from `likes/{key}` documents (with their `likeCounts`).
 * - A stat document holds every category of a month and names one `cause` for them all: the tree's
 *   per-category stats get `{posts, likes}` without it (it only ties a count to its write).
 * - A whole root (`posts`, `comments`, `ideaHistory`, `stats`: the export of everything and of one person)
 *   is one collection-group query, which finds the documents of a channel whose document an admin
 *   deleted as well (listing `channels` does not; a missing document's subcollections are not listed), in
 *   one query instead of one per channel, post or idea. One channel's nodes are read under its path.
 */
import type { DocumentSnapshot, QuerySnapshot } from 'firebase/firestore';
import { encodeKey } from '../data/keys.js';
import { postTarget } from '../data/types.js';
import { ADMIN_COUNT, millis, plain, postFromDoc, postPath } from './layout.js';

export interface ExportDocs {
  list(collection: string): Promise<QuerySnapshot>;
  /** Every collection named `id`, wherever it is (a collection-group query). */
  group(id: string): Promise<QuerySnapshot>;
  get(path: string): Promise<DocumentSnapshot>;
}

type Tree = Record<string, unknown>;

const orNull = (t: Tree) => (Object.keys(t).length === 0 ? null : t);
const byId = (s: QuerySnapshot, value: (data: Tree, id: string) => unknown = (d) => plain(d)) =>
  orNull(Object.fromEntries(s.docs.map((d) => [d.id, value(d.data(), d.id)])));

/** A reader of tree paths for `buildExport`; one per export (it keeps the posts it read for their likes). */
export function exportReader(db: ExportDocs): (path: string) => Promise<unknown> {
  /** Channel → post id → record; and every post's likers by target key. */
  const posts = new Map<string, Map<string, Tree>>();
  const postLikes = new Map<string, Tree>();

  const keepPost = (ch: string, id: string, data: Tree): void => {
    const { record, likers } = postFromDoc(data);
    let known = posts.get(ch);
    if (!known) posts.set(ch, (known = new Map<string, Tree>()));
    known.set(id, record as Tree);
    if (likers.length) postLikes.set(encodeKey(postTarget(ch, id)), Object.fromEntries(likers));
  };

  const readPosts = async (ch: string): Promise<Map<string, Tree>> => {
    if (!posts.has(ch)) {
      posts.set(ch, new Map());
      for (const d of (await db.list(`channels/${ch}/posts`)).docs) keepPost(ch, d.id, d.data());
    }
    return posts.get(ch)!;
  };

  /**
   * Every document of a collection group under `channels`, nested by the ids of its path
   * (`channels/{ch}/posts/{id}/comments/{cid}` → `{ch: {id: {cid: record}}}`).
   */
  const grouped = async (id: string, value: (data: Tree, ids: string[]) => unknown = (d) => plain(d), keep: (ids: string[]) => boolean = () => true): Promise<Tree | null> => {
    const out: Tree = {};
    for (const d of (await db.group(id)).docs) {
      const parts = d.ref.path.split('/');
      if (parts[0] !== 'channels') continue;
      const ids = parts.filter((_, i) => i % 2 === 1);
      if (!keep(ids)) continue;
      let node = out;
      for (const k of ids.slice(0, -1)) node = (node[k] ??= {}) as Tree;
      node[ids[ids.length - 1]!] = value(d.data(), ids);
    }
    return orNull(out);
  };

  const statOf = (d: Tree): Tree => {
    const out: Tree = {};
    for (const [cat, c] of Object.entries((d.c as Record<string, Tree> | undefined) ?? {})) out[cat] = { posts: Number(c.posts) || 0, likes: Number(c.likes) || 0 };
    return out;
  };
  // A history entry's `channel` is Firestore's alone (for the board's one query): not in the tree.
  const historyOf = (d: Tree): Tree => {
    const { channel: _channel, ...record } = plain(d)!;
    return record;
  };

  /**
   * Whether a comment's or history entry's post is there (once every post has been read): a deleted post's
   * comments and history left behind are garbage no post shows, which the per-channel export and the
   * Realtime Database's leave out too.
   */
  let allPostsRead = false;
  const ofAPost = ([c, id]: string[]): boolean => !allPostsRead || posts.get(c!)?.has(id!) === true;

  /** `comments` or `history` of every post of a channel, as `{postId: {id: record}}`. */
  const perPost = async (ch: string, sub: 'comments' | 'history'): Promise<Tree | null> => {
    const out: Tree = {};
    for (const [id, p] of await readPosts(ch)) {
      if (sub === 'history' && p.category !== 'idea') continue;
      const rows = byId(await db.list(`${postPath(ch, id)}/${sub}`), sub === 'history' ? historyOf : undefined);
      if (rows) out[id] = rows;
    }
    return orNull(out);
  };


  const pageLikes = async () => (await db.list('likes')).docs.map((d) => [d.id, d.data()] as const);

  return async (path) => {
    const [root, ch, ...rest] = path.split('/');
    if (rest.length) throw new Error(`No export for ${path}`);
    switch (root) {
      case 'admins':
        return byId(await db.list('admins'), (d) => d.admin === true || undefined);
      case 'adminCount':
        return plain((await db.get(ADMIN_COUNT)).data()) ?? null;
      case 'profiles':
      case 'reports':
        return byId(await db.list(root));
      case 'channels':
        return ch === undefined ? byId(await db.list('channels')) : ((await db.get(`channels/${ch}`)).data() ?? null);
      case 'posts':
        if (ch !== undefined) return orNull(Object.fromEntries(await readPosts(ch)));
        return grouped('posts', (d, [c, id]) => {
          keepPost(c!, id!, d);
          return posts.get(c!)!.get(id!);
        }).finally(() => (allPostsRead = true));
      case 'comments':
        return ch === undefined ? grouped('comments', undefined, ofAPost) : perPost(ch, 'comments');
      case 'ideaHistory':
        return ch === undefined ? grouped('history', historyOf, ofAPost) : perPost(ch, 'history');
      case 'stats':
        return ch === undefined ? grouped('stats', statOf) : byId(await db.list(`channels/${ch}/stats`), statOf);
      case 'likes': {
        const out: Tree = Object.fromEntries(postLikes);
        for (const [key, d] of await pageLikes()) {
          const likers = Object.entries((d.likers as Tree | undefined) ?? {}).map(([uid, t]) => [uid, millis(t) ?? 0]);
          if (likers.length) out[key] = Object.fromEntries(likers);
        }
        return orNull(out);
      }
      case 'likeCounts':
        return orNull(Object.fromEntries((await pageLikes()).filter(([, d]) => Number(d.count) > 0).map(([key, d]) => [key, Number(d.count)])));
      default:
        throw new Error(`No export for ${path}`);
    }
  };
}
