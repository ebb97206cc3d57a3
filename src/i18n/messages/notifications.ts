import { defineMessages } from '../localize.js';

/**
 * Strings of `<lenig-notifications>`. Names and numbers arrive formatted; the idea status names come
 * from the idea widgets' table, so a status reads the same everywhere. Plural pairs `…One` / `…Other`
 * take the formatted number as `{n}`.
 */
const en = {
  /** The bell's accessible name. */
  bell: 'Notifications',
  bellUnread: (n: string) => `Notifications, ${n} unread`,
  bellFailed: 'Notifications, could not be loaded',
  signInToSee: 'Sign in to see notifications',
  signInFailed: 'Signing in did not work.',
  heading: 'Notifications',
  markAll: 'Mark all as read',
  allMarked: 'All notifications marked as read',
  markFailed: 'Could not mark as read. Try again.',
  /** Read by screen readers before an unread notification. */
  unread: 'Unread:',
  liked: (actor: string) => `${actor} liked your post`,
  voted: (actor: string) => `${actor} voted for your idea`,
  commented: (actor: string) => `${actor} commented on your post`,
  mentioned: (actor: string) => `${actor} mentioned you in a post`,
  ideaStatus: (actor: string, status: string) => `${actor} set an idea you follow to “${status}”`,
  assigned: (actor: string) => `${actor} made you owner of an idea`,
  other: (actor: string) => `New activity from ${actor}`,
  newOne: (text: string) => `New notification: ${text}`,
  newOther: (n: string) => `${n} new notifications`,
  empty: 'You’re all caught up',
  emptyHint: 'Likes, comments and mentions of your posts show up here.',
  loading: 'Loading notifications…',
  loadFailed: 'Your notifications could not be loaded.',
  showingNewest: (shown: string, total: string) => `Showing the newest ${shown} of ${total}`,
  /** Under a notification about a post or idea in a channel an admin deleted. */
  channelGone: 'This channel no longer exists',
  /** Said when such a notification is opened: it is marked read, and leads nowhere. */
  channelGoneOpened: 'There is nothing to open: this channel no longer exists.',
};
/** The table's shape, which the Dutch module (./nl/notifications.ts) must match key for key. */
export type NotificationsTable = typeof en;

export const notificationsMessages = defineMessages('notifications', { en, nl: () => import('./nl/notifications.js') });
