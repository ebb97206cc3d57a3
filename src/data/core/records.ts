/**
 * What is stored, record by record, as docs/data-layout.md lays it out, and how each record reads back
 * as the plain data of `../types.ts` (profiles and likers here, the rest in ./decoders.ts). Decoders take `unknown`: whatever a database hands back (a record
 * someone wrote by hand, half a record during a delete) reads as a value or as nothing, never as a crash.
 */
import type { ChannelId, IdeaStatus, NotificationType, Profile, ReportAction, UserId } from '../types.js';

/** `/posts/{ch}/{id}` */
export interface PostRecord {
  author: UserId;
  text: string;
  category: string;
  /** Server time, ms. */
  createdAt: number;
  /** `YYYY-MM` of `createdAt`: the stat the post counts in. */
  month: string;
  /** `{ [category]: createdAt }`: what a category feed orders by. */
  byCat?: Record<string, number>;
  editedAt?: number;
  likeCount?: number;
  commentCount?: number;
  hidden?: boolean;
  title?: string;
  status?: IdeaStatus;
  owner?: UserId;
  mergedInto?: string;
  /** The history entry of the last status change. */
  statusEntry?: string;
  /** The newest comment: names what `commentCount + 1` counted. */
  lastComment?: string;
}

/** `/comments/{ch}/{post}/{id}` */
export interface CommentRecord {
  author: UserId;
  text: string;
  createdAt: number;
}

/** `/ideaHistory/{ch}/{post}/{id}` */
export interface HistoryRecord {
  status: IdeaStatus;
  note: string;
  by: UserId;
  at: number;
}

/** `/notifications/{uid}/{id}` */
export interface NotificationRecord {
  type: NotificationType;
  actor: UserId;
  channel: ChannelId;
  post: string;
  createdAt: number;
  read: boolean;
  status?: IdeaStatus;
  note?: string;
}

/** `/profiles/{uid}`: the profile plus the lower-cased name fields the @mention search orders by. */
export interface ProfileRecord {
  name: string;
  nameLower: string;
  nameFrom2?: string;
  nameFrom3?: string;
  nameFrom4?: string;
  photoURL?: string;
  jobTitle?: string;
  department?: string;
}

/** `/channels/{ch}`: categories map to their display order. */
export interface ChannelRecord {
  name: string;
  /** The name per language tag (`nl`, `en`), where the admin gave one. */
  names?: Record<string, string>;
  categories: Record<string, number>;
  description?: string;
  /** Read-only when true. */
  archived?: boolean;
}

/** `/stats/{ch}/{month}/{category}` */
export interface StatRecord {
  posts?: number;
  likes?: number;
  /** The post whose creation, deletion, like or unlike moved a counter last. */
  cause?: string;
}

/** `/reports/{id}` */
export interface ReportRecord {
  channel: ChannelId;
  post: string;
  /** A reported comment of the post. */
  comment?: string;
  by: UserId;
  reason: string;
  /**
   * The reported text (the comment's, or else the post's) as it was when reported; the rules hold it to
   * the stored text. Reports made before lenig kept it have none.
   */
  text?: string;
  createdAt: number;
  /** The admin who handled it, the server time they did, and how (`ReportAction`). */
  resolvedBy?: UserId;
  resolvedAt?: number;
  resolution?: ReportAction;
}

/** `/adminCount`: how many admins there are, and the admin whose addition or removal moved it last. */
export interface AdminCountRecord {
  count: number;
  cause: UserId;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Whether a raw value is a whole post record (a feed leaves out anything else). */
export function isPostRecord(v: unknown): v is PostRecord {
  return isObject(v) && typeof v.author === 'string' && typeof v.text === 'string' && typeof v.category === 'string' && num(v.createdAt) !== undefined;
}

/** Whether a post record is an idea (category `idea` with a status). */
export function isIdeaRecord(p: PostRecord): boolean {
  return p.category === 'idea' && p.status !== undefined;
}

export const PROFILE_FIELDS = ['photoURL', 'jobTitle', 'department'] as const;

/**
 * A name as widgets put it into sentences ("Ada liked your post", "Channel News created."): without the
 * invisible format characters (Unicode's `Cf`): bidirectional controls and marks, which would turn the rest
 * of the sentence around, zero-width spaces, word joiners, the byte order mark, which hide between letters.
 * The zero-width non-joiner and joiner stay: Persian and Indic names are spelled with them, and emoji are
 * joined by them. Letters of right-to-left scripts stay. A name that shows nothing (spaces and characters
 * that are not drawn, such as Hangul fillers: `Default_Ignorable_Code_Point`, or the blank Braille pattern),
 * also once the format characters are out, is '', as a missing one.
 */
export const shownName = (name: string): string => name.replace(/(?![\u200c\u200d])\p{Cf}/gu, '').replace(/^[\s\p{DI}\u2800]+$/u, '');

/** A profile record as a `Profile`, or null when there is none. */
export function decodeProfile(uid: UserId, raw: unknown): Profile | null {
  if (!isObject(raw)) return null;
  const p: Profile = { uid, name: '' };
  for (const k of ['name', ...PROFILE_FIELDS] as const) if (typeof raw[k] === 'string') p[k] = k === 'photoURL' ? raw[k] : shownName(raw[k]);
  return p;
}

/** Key order as the database sorts keys of equal value (plain string order for push ids). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Likers newest first from `likes/{key}` (uid → like time), ties by uid the way the database orders
 * equal values (`orderByValue` then key), at most `limit`.
 */
export function decodeLikers(entries: Iterable<[UserId, unknown]>, limit = Infinity): UserId[] {
  return [...entries]
    .map(([uid, at]) => [uid, num(at) ?? 0] as const)
    .sort((a, b) => b[1] - a[1] || compareKeys(b[0], a[0]))
    .slice(0, limit)
    .map(([uid]) => uid);
}

/** `stats/{ch}` (month → category → record) as rows for `sumStats`. */
export function statRows(months: unknown): [string, string, unknown][] {
  const rows: [string, string, unknown][] = [];
  if (!isObject(months)) return rows;
  for (const [month, cats] of Object.entries(months)) {
    if (!isObject(cats)) continue;
    for (const [category, s] of Object.entries(cats)) rows.push([month, category, s]);
  }
  return rows;
}

