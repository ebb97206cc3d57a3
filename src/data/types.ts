/**
 * What lenig stores, as plain data. No Firebase types: `Date`s, strings and numbers only, so that
 * elements, stories and the in-memory store never need the SDK.
 */

/** A user id as issued by the identity provider (Firebase Auth uid). */
export type UserId = string;

/** A channel is one page, team or topic that has its own feed. */
export type ChannelId = string;

/** Category keys. The default set comes from the seed's month of posts; a channel may configure its own. */
export type CategoryId = string;

/** The default categories, in display order. */
export const DEFAULT_CATEGORIES: readonly CategoryId[] = ['news', 'idea', 'question', 'personal', 'praise'];

/** Longest post text, in characters (UTF-16 code units, what `String.length` counts and the rules check). */
export const MAX_POST_LENGTH = 2000;
/** Longest comment text. */
export const MAX_COMMENT_LENGTH = 1000;
/** Longest idea title. */
export const MAX_TITLE_LENGTH = 140;
/** Longest feedback note on an idea status change. */
export const MAX_NOTE_LENGTH = 1000;
/** Longest report reason. */
export const MAX_REASON_LENGTH = 500;
/** Longest channel name. */
export const MAX_CHANNEL_NAME_LENGTH = 100;
/** Longest channel description. */
export const MAX_DESCRIPTION_LENGTH = 500;

// In a module of its own, which the drop-in's loader checks configurations with: the rest of this one
// (limits, categories, targets) is the widgets' and stays out of the loader.
export { AUTH_MODES, type AuthMode } from './auth-modes.js';

export interface Profile {
  uid: UserId;
  name: string;
  photoURL?: string;
  jobTitle?: string;
  department?: string;
}

/** The signed-in user as the widgets see it. */
export interface Viewer {
  uid: UserId;
  /** Anonymous users may read and like but have no profile until they set one. */
  anonymous: boolean;
  admin: boolean;
  profile?: Profile;
}

/**
 * A channel's name in other languages, by language tag (`en`, `nl`, `de`, `pt-br`): shown instead of
 * `name` to people who read lenig in that language.
 */
export type ChannelNames = Readonly<Record<string, string>>;

export interface Channel {
  id: ChannelId;
  /** The name shown where the channel has none in the reader's language. */
  name: string;
  /** The name per interface language, where the admin gave one. */
  names?: ChannelNames;
  /** The categories it offers, in display order. */
  categories: CategoryId[];
  /** What the channel is for, in a sentence; empty when none was given. */
  description?: string;
  /** Archived channels are read-only: no new posts, edits or comments (the rules refuse them). */
  archived?: boolean;
}

/** A channel to create (admins, or the first person on an empty database). */
export interface NewChannel {
  id: ChannelId;
  name: string;
  /** The name per interface language (at most `MAX_CHANNEL_NAMES`). */
  names?: ChannelNames;
  description?: string;
  /** Default: `DEFAULT_CATEGORIES`. */
  categories?: CategoryId[];
}

/** What an admin may change about a channel; fields left out stay as they are. */
export interface ChannelChanges {
  name?: string;
  /** Replaces every name per language; `{}` removes them. */
  names?: ChannelNames;
  description?: string;
  categories?: CategoryId[];
  archived?: boolean;
}

export const IDEA_STATUSES = ['new', 'under-review', 'planned', 'in-progress', 'done', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export interface Post {
  id: string;
  channel: ChannelId;
  author: UserId;
  text: string;
  category: CategoryId;
  createdAt: Date;
  editedAt?: Date;
  likeCount: number;
  commentCount: number;
  /** Hidden by an admin: left out of feeds for everyone else, shown greyed to admins. */
  hidden: boolean;
  /** Present on posts of category `idea`. */
  idea?: IdeaFields;
}

export interface IdeaFields {
  title: string;
  status: IdeaStatus;
  owner?: UserId;
  /** The id of the idea this one was merged into, in the same channel. */
  mergedInto?: string;
}

/** An idea is a post of category `idea` with its idea fields present. */
export type Idea = Post & { idea: IdeaFields };

export interface IdeaHistoryEntry {
  id: string;
  status: IdeaStatus;
  note: string;
  by: UserId;
  at: Date;
}

export interface Comment {
  id: string;
  post: string;
  author: UserId;
  text: string;
  createdAt: Date;
}

/**
 * Anything can be liked. The key is either a post or idea (`postTarget(channel, id)`), or any string,
 * typically the canonical URL of a page (`pageTarget(url)`).
 */
export type LikeTarget = string;

export interface LikeState {
  target: LikeTarget;
  count: number;
  /** Whether the signed-in user likes it. */
  mine: boolean;
  /** Who liked it, newest first, at most a handful (for the "liked by" tooltip). */
  likers: UserId[];
  /**
   * Set (true) when the target is a post in an archived channel: its likes can be read, not added or taken
   * back (the stores and the rules refuse both). Absent otherwise; a page or any other target is never archived.
   * Also set when the post's channel no longer exists (with `channelDeleted`): read-only the same way.
   */
  archived?: boolean;
  /** Set (true), with `archived`, when the post's channel no longer exists: an admin deleted it, its posts stayed. */
  channelDeleted?: boolean;
}

export type NotificationType = 'liked' | 'commented' | 'mentioned' | 'idea-status' | 'assigned';

export interface Notification {
  id: string;
  type: NotificationType;
  /** Who caused it. */
  actor: UserId;
  channel: ChannelId;
  post: string;
  createdAt: Date;
  read: boolean;
  /** For `idea-status`: the new status and the feedback note. */
  status?: IdeaStatus;
  note?: string;
}

/** How an admin handled a report: left the post alone, hid the post, or deleted the reported comment. */
export const REPORT_ACTIONS = ['dismissed', 'hidden', 'comment-deleted'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface Report {
  id: string;
  channel: ChannelId;
  post: string;
  /** Set when a comment of the post is reported rather than the post itself. */
  comment?: string;
  by: UserId;
  reason: string;
  /**
   * The reported text (the comment's when a comment is reported, else the post's) as it was when the
   * report was made, kept in case its author edits or deletes it before an admin looks. Absent on reports
   * made before lenig kept it.
   */
  text?: string;
  createdAt: Date;
  /** Who handled the report, when, and how; absent while it is open. */
  resolved?: { by: UserId; at: Date; action: ReportAction };
}

/** `YYYY-MM`, in UTC. */
export type MonthKey = string;

export interface MonthStat {
  month: MonthKey;
  category: CategoryId;
  posts: number;
  likes: number;
}

/** One page of a feed, newest first. */
export interface FeedPage {
  posts: Post[];
  /** False once the oldest post of the channel (or category) is in `posts`. */
  hasMore: boolean;
}

/** The month key of a date, in UTC. */
export function monthKey(date: Date): MonthKey {
  return date.toISOString().slice(0, 7);
}

/** The like target of a post or idea. */
export function postTarget(channel: ChannelId, postId: string): LikeTarget {
  return `post:${channel}:${postId}`;
}

/** Reads a post like target back; undefined for any other target. */
export function parsePostTarget(target: LikeTarget): { channel: ChannelId; post: string } | undefined {
  const m = /^post:([^:]+):([^:]+)$/.exec(target);
  return m ? { channel: m[1]!, post: m[2]! } : undefined;
}

/**
 * The canonical form of a page URL as a like target: scheme and host lower-cased, no fragment, no
 * tracking parameters, no trailing slash, so that `/news/` and `/news#top` are liked as one page.
 */
export function pageTarget(url: string): LikeTarget {
  const u = new URL(url);
  u.hash = '';
  for (const p of [...u.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_)/.test(p)) u.searchParams.delete(p);
  }
  u.searchParams.sort();
  let s = u.toString();
  if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
  return s;
}

/** How far an export is: `done` of `total` reads, the path being read. */
export interface ExportProgress {
  done: number;
  total: number;
  path: string;
}

/**
 * An export (docs/export.md): the database tree of docs/data-layout.md as far as an admin may read it,
 * of everything or of one `channel`.
 */
export interface LenigExport {
  format: 'lenig-export';
  version: 1;
  /** ISO 8601. */
  exportedAt: string;
  channel?: ChannelId;
  /** Present only in the export of one person (`exportPerson`): whose data it holds. */
  person?: UserId;
  /**
   * Channels whose record an admin deleted while their posts, comments, history or stats stayed: their
   * data is in `data` at the same paths as any channel's, without `channels/{ch}`. Sorted; absent when none.
   */
  deletedChannels?: ChannelId[];
  data: Record<string, unknown>;
}

/** A comment of the person asked about, with the post it is on (null when that post is gone). */
export interface PersonComment {
  channel: ChannelId;
  comment: Comment;
  post: Post | null;
}

/**
 * What one person wrote, for a data-subject request: their data as an export (docs/export.md, `person`
 * set) and, read from it, their posts and comments newest first.
 */
export interface PersonActivity {
  export: LenigExport;
  posts: Post[];
  comments: PersonComment[];
}
