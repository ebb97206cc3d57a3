import { defineMessages } from '../localize.js';
import { categoryName, categoryNames, readableCategory } from './categories.js';

/**
 * Strings of `<lenig-composer>`. Numbers arrive already formatted (`Intl.NumberFormat` of the widget's
 * language) next to the raw count, so the plural choice uses the number and the text shows "2,000".
 */
const en = {
  label: (channel: string) => `Share something with ${channel}`,
  placeholder: 'Write a post. Type @ to mention someone.',
  count: (used: string, max: string) => `${used} / ${max}`,
  countDescription: (used: string, max: string) => `${used} of ${max} characters used`,
  charactersLeft: (n: number, left: string) => (n === 1 ? `${left} character left` : `${left} characters left`),
  charactersOver: (n: number, over: string) =>
    n === 1 ? `${over} character over the limit` : `${over} characters over the limit`,
  withinLimit: 'Within the limit again',
  overLimit: (length: string, max: string) => `Your post is ${length} characters; the limit is ${max}.`,
  tooManySymbols: 'Your post has too many emoji or special symbols to be stored (they take more room than letters). Shorten it a little.',
  category: 'Category',
  /** The picker's name for a category; a channel's own ids are made readable ("town-hall" → "Town hall"). */
  categoryName: (key: string) => categoryName(categoryNames.en, key) ?? readableCategory(key),
  ideaTitle: 'Title of your idea',
  titleCount: (used: string, max: string) => `${used} / ${max}`,
  titleCountDescription: (used: string, max: string) => `${used} of ${max} characters used`,
  titleRequired: 'Your idea needs a title.',
  titleTooLong: (length: string, max: string) => `The title is ${length} characters; the limit is ${max}.`,
  titleTooManySymbols: 'The title has too many emoji or special symbols to be stored. Shorten it a little.',
  textRequired: 'Write something before posting.',
  unknownCategory: (category: string) => `“${category}” is not a category of this channel. Pick another one.`,
  post: 'Post',
  posting: 'Posting…',
  posted: 'Posted',
  shortcut: (modifier: string) => `${modifier}+Enter to post`,
  offline: 'You’re offline — your post will be sent when the connection is back',
  permissionDenied: (channel: string) => `You are not allowed to post in ${channel}.`,
  guestDenied: (channel: string) => `Guests cannot post in ${channel}. Sign in with your work account to post.`,
  unauthenticated: 'You are signed out. Sign in again to post; your text is kept.',
  channelNotFound: (channel: string) => `The channel “${channel}” does not exist.`,
  postFailed: 'Your post could not be sent. Your text is kept; try again.',
  channelFailed: 'This channel could not be loaded.',
  archived: (channel: string) => `${channel} is archived: you can read its posts, but no new ones can be added.`,
  draftKept: 'Your draft is kept; it comes back if the channel is reopened.',
  signInPrompt: (channel: string) => `Sign in to share something with ${channel}.`,
  signInFailed: 'Signing in did not work. Try again.',
  thisChannel: 'this channel',
  mentionList: 'People to mention',
  mentionResults: (n: number, count: string) =>
    n === 0
      ? 'No one found to mention'
      : `${n === 1 ? `${count} person` : `${count} people`} found. Use the up and down arrow keys to choose, Enter to mention.`,
  mentioned: (name: string) => `${name} mentioned`,
  mentionsFailed: 'The list of people to mention could not be loaded. Your text is kept.',
};
/** The table's shape, which the Dutch module (./nl/composer.ts) must match key for key. */
export type ComposerTable = typeof en;

export const composerMessages = defineMessages('composer', { en: en, nl: () => import('./nl/composer.js') });
