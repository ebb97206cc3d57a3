/**
 * The export: everything an admin may read, as the database holds it (docs/data-layout.md), in one JSON
 * document (docs/export.md). Private nodes stay out: notifications and `lastLike` are their owners' only,
 * and `userLikes` follows from `likes` (the import script rebuilds it). Stores hand `buildExport` their
 * reader; the export is read path by path, so a long one reports progress.
 */
import { StoreError } from '../store.js';
import { encodeKey } from '../keys.js';
import { postTarget, type ChannelId, type ExportProgress, type LenigExport, type PersonActivity, type PersonComment, type Post, type UserId } from '../types.js';
import { checkId, checkUid } from './checks.js';
import { requireAdmin } from './people.js';
import { decodeComments, decodePost } from './decoders.js';

export const EXPORT_FORMAT = 'lenig-export';
export const EXPORT_VERSION = 1;

/** Top-level nodes an export of everything holds, in the order they are read. */
export const EXPORT_ROOTS = ['admins', 'adminCount', 'profiles', 'channels', 'posts', 'comments', 'ideaHistory', 'stats', 'likes', 'likeCounts', 'reports'] as const;

/** The nodes that hold a channel's content under its id, beside its record (`channels/{ch}`). */
const CHANNEL_ROOTS = ['posts', 'comments', 'ideaHistory', 'stats'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keysOf = (v: unknown): string[] => (isObject(v) ? Object.keys(v) : []);

/** The channels that hold something in `roots` but have no record: the ones an admin deleted. */
function deletedIn(records: unknown, roots: unknown[]): string[] {
  const known = new Set(keysOf(records));
  return [...new Set(roots.flatMap(keysOf))].filter((ch) => !known.has(ch)).sort();
}

/**
 * Reads an export through `read(path)` (the raw value at a path, null when empty). `channel` limits it to
 * one channel: its record, posts, comments, history, stats, the likes of its posts and its reports.
 *
 * An admin may delete a channel's record while its posts stay (docs/rules.md). Everything is therefore read
 * root by root (`posts`, not `posts/{ch}` per listed channel): a database cannot list a node's keys without
 * reading it, so the roots themselves are the one complete list of channels that hold something, and they
 * are the same data the per-channel reads would fetch. Such channels are named in `deletedChannels`. One
 * deleted channel can be exported by its id while anything of it is left.
 */
export async function buildExport(
  read: (path: string) => Promise<unknown>,
  options: { admin: boolean; channel?: ChannelId; now?: Date },
  onProgress?: (p: ExportProgress) => void,
): Promise<LenigExport> {
  requireAdmin(options.admin, 'export');
  const only = options.channel === undefined ? undefined : checkId('channel', options.channel);
  const data: Record<string, unknown> = {};
  const put = (path: string, value: unknown) => {
    if (value === null || value === undefined) return;
    const parts = path.split('/');
    let node = data;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  };
  // Every read is known before the first, so `done` never passes `total`.
  const paths = only === undefined ? [...EXPORT_ROOTS] : [`channels/${only}`, ...CHANNEL_ROOTS.map((root) => `${root}/${only}`), 'likes', 'reports'];
  const total = paths.length;
  let done = 0;
  const values = new Map<string, unknown>();
  for (const path of paths) {
    onProgress?.({ done, total, path });
    values.set(path, (await read(path)) ?? null);
    done++;
    onProgress?.({ done, total, path });
  }
  let deleted: string[];
  if (only === undefined) {
    for (const root of EXPORT_ROOTS) put(root, values.get(root));
    deleted = deletedIn(values.get('channels'), CHANNEL_ROOTS.map((root) => values.get(root)));
  } else {
    const record = values.get(`channels/${only}`);
    const left = CHANNEL_ROOTS.some((root) => values.get(`${root}/${only}`) !== null);
    if (record === null && !left) throw new StoreError('not-found', `Channel ${only} does not exist, and no posts, comments, history or stats of it are left.`);
    for (const path of paths.slice(0, 1 + CHANNEL_ROOTS.length)) put(path, values.get(path));
    const likes = values.get('likes');
    const ofChannel = encodeKey(postTarget(only, ''));
    for (const [key, byUid] of Object.entries(isObject(likes) ? likes : {})) if (key.startsWith(ofChannel)) put(`likes/${key}`, byUid);
    const reports = values.get('reports');
    for (const [id, r] of Object.entries(isObject(reports) ? reports : {})) if (isObject(r) && r.channel === only) put(`reports/${id}`, r);
    deleted = record === null ? [only] : [];
  }
  const out: LenigExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: (options.now ?? new Date()).toISOString(), data };
  if (only !== undefined) out.channel = only;
  if (deleted.length) out.deletedChannels = deleted;
  return out;
}

/**
 * What one person wrote, for a data-subject request: their profile, whether they administer, their posts,
 * comments and idea-status notes, their likes and the reports they filed — the same tree as an export,
 * holding only what is theirs (and the records of the channels they wrote in, for their names; the
 * channels an admin deleted, which have none, in `deletedChannels`). Read through `read(path)` like
 * `buildExport`, root by root, with progress. Also returns their posts
 * and comments newest first, each comment with the post it is on, for a person to look through.
 */
export async function buildPersonExport(
  read: (path: string) => Promise<unknown>,
  options: { admin: boolean; person: UserId; now?: Date },
  onProgress?: (p: ExportProgress) => void,
): Promise<PersonActivity> {
  requireAdmin(options.admin, 'export what a person wrote');
  const uid = checkUid('person', options.person);
  const data: Record<string, Record<string, unknown>> = {};
  let puts = 0;
  const put = (path: string[], value: unknown) => {
    puts++;
    let node: Record<string, unknown> = data;
    for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = value;
  };
  let done = 0;
  // Root by root, as `buildExport` reads: the channels an admin deleted keep what this person wrote there.
  const total = 8;
  const step = async (path: string): Promise<unknown> => {
    onProgress?.({ done, total, path });
    const value = await read(path);
    done++;
    onProgress?.({ done, total, path });
    return value;
  };
  const profile = await step(`profiles/${uid}`);
  if (profile !== null && profile !== undefined) put(['profiles', uid], profile);
  if ((await step(`admins/${uid}`)) === true) put(['admins', uid], true);
  const channels = await step('channels');
  const records = isObject(channels) ? channels : {};
  const of = (v: unknown) => (isObject(v) ? v : {});
  const [allPosts, allComments, allHistory] = [of(await step('posts')), of(await step('comments')), of(await step('ideaHistory'))];
  const ids = [...new Set([...Object.keys(allPosts), ...Object.keys(allComments), ...Object.keys(allHistory)])];

  const posts: Post[] = [];
  const comments: PersonComment[] = [];
  const deleted: string[] = [];
  for (const ch of ids) {
    const before = puts;
    const byId = of(allPosts[ch]);
    for (const [id, raw] of Object.entries(byId)) {
      if (!isObject(raw) || raw.author !== uid) continue;
      put(['posts', ch, id], raw);
      const post = decodePost(ch, id, raw);
      if (post) posts.push(post);
    }
    for (const [postId, list] of Object.entries(of(allComments[ch]))) {
      if (!isObject(list)) continue;
      const mine = Object.entries(list).filter(([, c]) => isObject(c) && c.author === uid);
      if (mine.length === 0) continue;
      for (const [id, c] of mine) put(['comments', ch, postId, id], c);
      const on = decodePost(ch, postId, byId[postId]);
      for (const comment of decodeComments(postId, mine)) comments.push({ channel: ch, comment, post: on });
    }
    for (const [idea, entries] of Object.entries(of(allHistory[ch]))) {
      if (!isObject(entries)) continue;
      for (const [id, e] of Object.entries(entries)) if (isObject(e) && e.by === uid) put(['ideaHistory', ch, idea, id], e);
    }
    if (puts === before) continue;
    if (records[ch] !== undefined) put(['channels', ch], records[ch]);
    else deleted.push(ch);
  }
  const likes = await step('likes');
  for (const [key, byUid] of Object.entries(isObject(likes) ? likes : {})) {
    if (isObject(byUid) && byUid[uid] !== undefined) put(['likes', key, uid], byUid[uid]);
  }
  const reports = await step('reports');
  for (const [id, r] of Object.entries(isObject(reports) ? reports : {})) {
    if (!isObject(r) || r.by !== uid) continue;
    // The text a report holds is someone else's words (the post or comment reported): it stays out, as
    // their posts and comments do. The report still names the post and comment it is about.
    const { text: _reported, ...theirs } = r;
    put(['reports', id], theirs);
  }

  const newest = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
  posts.sort(newest);
  comments.sort((a, b) => newest(a.comment, b.comment));
  const out: LenigExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: (options.now ?? new Date()).toISOString(), person: uid, data };
  if (deleted.length) out.deletedChannels = deleted.sort();
  return { export: out, posts, comments };
}
