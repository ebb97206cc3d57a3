import { defineMessages } from '../localize.js';

/** Strings of `<lenig-comments>`. */
const en = {
  label: 'Comments',
  loading: 'Loading comments…',
  empty: 'No comments yet.',
  loadFailed: 'The comments could not be loaded.',
  replyLabel: 'Write a comment',
  closed: 'This channel is archived: no new comments can be added.',
  closedDeleted: 'This channel no longer exists: no new comments can be added.',
  send: 'Send',
  sending: 'Sending…',
  shortcut: (modifier: string) => `${modifier}+Enter to send`,
  added: 'Comment added',
  required: 'Write something first.',
  tooLong: (length: string, max: string) => `Your comment is ${length} characters; the limit is ${max}.`,
  postGone: 'This post no longer exists.',
  failed: 'Your comment could not be sent. Your text is kept; try again.',
};
/** The table's shape, which the Dutch module (./nl/comments.ts) must match key for key. */
export type CommentsTable = typeof en;

export const commentsMessages = defineMessages('comments', { en, nl: () => import('./nl/comments.js') });
