import { defineMessages } from '../localize.js';

/**
 * Strings the content widgets share (feed, composer, idea board, insights): reading that needs sign-in,
 * a channel that does not exist. Not in `common`, which every widget's page loads, a like button's too.
 */
const en = {
  signInToRead: 'Sign in to see this.',
  channelMissing: (channel: string) => `The channel “${channel}” does not exist. Let the intranet team know.`,
  channelMissingAdmin: (channel: string) =>
    `The channel “${channel}” does not exist. Create it here (with the default categories), or correct this widget’s channel attribute.`,
  createChannel: 'Create this channel',
  creatingChannel: 'Creating the channel…',
};
/** The table's shape, which the Dutch module (./nl/content.ts) must match key for key. */
export type ContentTable = typeof en;

export const contentMessages = defineMessages('content', { en: en, nl: () => import('./nl/content.js') });
