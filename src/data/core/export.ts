/**
 * The export: everything an admin may read, as the database holds it (docs/data-layout.md), in one JSON
 * document (docs/export.md). Private nodes stay out: notifications and `lastLike` are their owners' only,
 * and `userLikes` follows from `likes` (the import script rebuilds it). Stores hand `buildExport` their
 * reader; the export is read path by path, so a long one reports progress.
 */
import { StoreError } from '../store.js';
import { encodeKey } from '../keys.js';
import { postTarget, type ChannelId, type ExportProgress, type LenigExport } from '../types.js';
import { checkId } from './checks.js';
import { requireAdmin } from './people.js';

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
