import type { IdeaStatus } from '../../data/types.js';
import { defineMessages } from '../localize.js';

const statusEn: Record<IdeaStatus, string> = {
  new: 'New',
  'under-review': 'Under review',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  declined: 'Declined',
};
/**
 * Strings of `<lenig-idea-card>`, and the status names every idea widget uses. Numbers arrive formatted;
 * plurals are picked with `plural()` from the `…One` / `…Other` pairs (`{n}` is the number).
 */
const en = {
  status: (status: IdeaStatus) => statusEn[status] ?? status,
  statusLabel: (status: string) => `Status: ${status}`,
  owner: (name: string) => `Owner: ${name}`,
  noOwner: 'No owner yet',
  by: (name: string) => `by ${name}`,
  commentsOne: '{n} comment',
  commentsOther: '{n} comments',
  noComments: 'No comments',
  latestUpdate: 'Latest update',
  latestUpdateBy: (name: string, when: string) => `${name}, ${when}`,
  openDetails: (title: string) => `${title} — open details`,
  actions: 'Idea actions',
  mine: 'Yours',
};
/** The table's shape, which the Dutch module (./nl/idea-card.ts) must match key for key. */
export type IdeaCardTable = typeof en;

export const ideaCardMessages = defineMessages('ideaCard', { en, nl: () => import('./nl/idea-card.js') });
