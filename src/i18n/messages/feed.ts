import { defineMessages } from '../localize.js';

/** Strings of `<lenig-feed>`. Plural pairs `…One` / `…Other` take the formatted number as `{n}`. */
const en = {
  feedLabel: (channel: string) => `Posts in ${channel}`,
  loadingPosts: 'Loading posts…',
  empty: 'No posts yet in this channel',
  emptyCategory: 'No posts in this category',
  loadFailed: 'The posts could not be loaded.',
  channelNotFound: (channel: string) => `The channel “${channel}” does not exist.`,
  newPostsOne: '{n} new post',
  newPostsOther: '{n} new posts',
  showOlder: 'Show older posts',
  loadingOlder: 'Loading older posts…',
  olderFailed: 'Older posts could not be loaded.',
  allShown: 'You have seen every post',
  filterLabel: 'Filter by category',
  allCategories: 'All',
  archived: (channel: string) => `${channel} is archived: you can read its posts, but no new posts, comments or likes can be added.`,
  /** A channel an admin deleted while it had posts: they still show (its name went with it). */
  channelDeleted: 'This channel no longer exists: you can read its posts, but no new posts, comments or likes can be added.',
};
/** The table's shape, which the Dutch module (./nl/feed.ts) must match key for key. */
export type FeedTable = typeof en;

export const feedMessages = defineMessages('feed', { en: en, nl: () => import('./nl/feed.js') });
