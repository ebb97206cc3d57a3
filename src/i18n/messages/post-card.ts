import { defineMessages } from '../localize.js';
import { categoryName, categoryNames } from './categories.js';


/**
 * Strings of `<lenig-post-card>`. Numbers arrive formatted; plurals are picked with `plural()` from the
 * `…One` / `…Other` pairs (`{n}` is the formatted number).
 */
const en = {
  /** A channel's own categories have no translation: their key is shown as is. */
  category: (key: string) => categoryName(categoryNames.en, key) ?? key,
  edited: 'edited',
  editedAt: (date: string) => `Edited ${date}`,
  sending: 'Sending…',
  hiddenForOthers: 'Hidden for others',
  actions: 'Post actions',
  commentsOne: '{n} comment',
  commentsOther: '{n} comments',
  commentNone: 'Comment',
  commentsFailed: 'The comments could not be loaded.',
  edit: 'Edit',
  editLabel: 'Edit your post',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  editHint: 'Escape cancels',
  remove: 'Delete',
  removeQuestion: 'Delete this post? This cannot be undone.',
  removeConfirm: 'Delete post',
  removing: 'Deleting…',
  report: 'Report',
  reportLabel: 'Why are you reporting this post? (optional)',
  sendReport: 'Send report',
  reporting: 'Sending…',
  reported: 'Thanks — an admin will look at it.',
  hide: 'Hide',
  unhide: 'Show again',
  showMore: 'Show more',
  showLess: 'Show less',
  textRequired: 'A post cannot be empty.',
  textTooLong: (max: string) => `A post can be at most ${max} characters.`,
  reasonTooLong: (max: string) => `A reason can be at most ${max} characters.`,
  postGone: 'This post no longer exists.',
  failed: 'That did not work. Try again.',
};
/** The table's shape, which the Dutch module (./nl/post-card.ts) must match key for key. */
export type PostCardTable = typeof en;

export const postCardMessages = defineMessages('postCard', { en: en, nl: () => import('./nl/post-card.js') });
