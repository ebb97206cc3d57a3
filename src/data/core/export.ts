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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an export through `read(path)` (the raw value at a path, null when empty). `channel` limits it to
 * one channel: its record, posts, comments, history, stats, the likes of its posts and its reports.
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
  let done = 0;
  let total = only === undefined ? 4 : 1;
  const step = async (path: string, into = path): Promise<unknown> => {
    onProgress?.({ done, total, path });
    const value = await read(path);
    put(into, value);
    done++;
    onProgress?.({ done, total, path });
    return value;
  };
  let channels: string[];
  if (only === undefined) {
    await step('admins');
    await step('adminCount');
    await step('profiles');
    channels = Object.keys(((await step('channels')) as Record<string, unknown> | null) ?? {});
  } else {
    if ((await step(`channels/${only}`)) === null) throw new StoreError('not-found', `Channel ${only} does not exist.`);
    channels = [only];
  }
  total += channels.length * 4 + 3;
  for (const ch of channels) {
    for (const root of ['posts', 'comments', 'ideaHistory', 'stats']) await step(`${root}/${ch}`);
  }
  const likes = await read('likes');
  done++;
  if (isObject(likes)) {
    const keep = only === undefined ? () => true : (key: string) => key.startsWith(encodeKey(postTarget(only, '')));
    for (const [key, byUid] of Object.entries(likes)) if (keep(key)) put(`likes/${key}`, byUid);
  }
  if (only === undefined) await step('likeCounts');
  else done++;
  const reports = await read('reports');
  done++;
  if (isObject(reports)) {
    for (const [id, r] of Object.entries(reports)) if (only === undefined || (isObject(r) && r.channel === only)) put(`reports/${id}`, r);
  }
  onProgress?.({ done: total, total, path: '' });
  const out: LenigExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: (options.now ?? new Date()).toISOString(), data };
  if (only !== undefined) out.channel = only;
  return out;
}

/**
 * What one person wrote, for a data-subject request: their profile, whether they administer, their posts,
 * comments and idea-status notes, their likes and the reports they filed — the same tree as an export,
 * holding only what is theirs (and the records of the channels they wrote in, for their names). Read
 * through `read(path)` like `buildExport`, channel by channel, with progress. Also returns their posts
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
  let total = 3;
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
  const ids = isObject(channels) ? Object.keys(channels) : [];
  total += ids.length * 3 + 2;

  const posts: Post[] = [];
  const comments: PersonComment[] = [];
  for (const ch of ids) {
    const before = puts;
    const chPosts = await step(`posts/${ch}`);
    const byId = isObject(chPosts) ? chPosts : {};
    for (const [id, raw] of Object.entries(byId)) {
      if (!isObject(raw) || raw.author !== uid) continue;
      put(['posts', ch, id], raw);
      const post = decodePost(ch, id, raw);
      if (post) posts.push(post);
    }
    const chComments = await step(`comments/${ch}`);
    for (const [postId, list] of Object.entries(isObject(chComments) ? chComments : {})) {
      if (!isObject(list)) continue;
      const mine = Object.entries(list).filter(([, c]) => isObject(c) && c.author === uid);
      if (mine.length === 0) continue;
      for (const [id, c] of mine) put(['comments', ch, postId, id], c);
      const on = decodePost(ch, postId, byId[postId]);
      for (const comment of decodeComments(postId, mine)) comments.push({ channel: ch, comment, post: on });
    }
    const history = await step(`ideaHistory/${ch}`);
    for (const [idea, entries] of Object.entries(isObject(history) ? history : {})) {
      if (!isObject(entries)) continue;
      for (const [id, e] of Object.entries(entries)) if (isObject(e) && e.by === uid) put(['ideaHistory', ch, idea, id], e);
    }
    if (puts !== before) put(['channels', ch], (channels as Record<string, unknown>)[ch]);
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
  onProgress?.({ done: total, total, path: '' });

  const newest = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
  posts.sort(newest);
  comments.sort((a, b) => newest(a.comment, b.comment));
  return {
    export: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: (options.now ?? new Date()).toISOString(), person: uid, data },
    posts,
    comments,
  };
}
