import { defineMessages } from '../localize.js';

/**
 * Strings of `<lenig-like-view>` and `<lenig-like-button>`. Counts arrive already formatted by
 * `Intl.NumberFormat`; the plural form is chosen with `Intl.PluralRules` (`LocalizeController.plural`).
 */
const en = {
  like: 'Like',
  /** Accessible name of the toggle: the action, then the count. */
  likeWithCount: (count: string) => `Like, ${count}`,
  signInWithCount: (count: string) => `Sign in to like, ${count}`,
  countOne: '{n} like',
  countOther: '{n} likes',
  noLikes: 'no likes yet',
  signInToLike: 'Sign in to like',
  likedBy: (names: string) => `Liked by ${names}`,
  othersOne: '{n} other',
  othersOther: '{n} others',
  /** How the viewer appears in the "liked by" list: only ever after "Liked by", so not capitalised. */
  you: 'you',
  beFirst: 'Be the first to like this',
  loadingLikers: 'Loading who liked this…',
  loadingLikes: 'Loading likes',
  loadFailed: 'Likes could not be loaded.',
  likeFailed: 'Your like could not be saved.',
  unlikeFailed: 'Your like could not be removed.',
  offlinePending: 'Saved when you are back online',
  signInFailed: 'Signing in did not work.',
  /** Why the button of a post in an archived channel does nothing: its description and tooltip. */
  archived: 'This channel is archived: likes can no longer be added or taken back.',
  /** The same, for a post left behind in a channel an admin deleted. */
  channelDeleted: 'This channel no longer exists: likes can no longer be added or taken back.',
};
/** The table's shape, which the Dutch module (./nl/like-button.ts) must match key for key. */
export type LikeButtonTable = typeof en;

export const likeButtonMessages = defineMessages('likeButton', { en: en, nl: () => import('./nl/like-button.js') });
