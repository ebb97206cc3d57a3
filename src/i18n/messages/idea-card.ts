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
const statusNl: Record<IdeaStatus, string> = {
  new: 'Nieuw',
  'under-review': 'In behandeling',
  planned: 'Gepland',
  'in-progress': 'In uitvoering',
  done: 'Gerealiseerd',
  declined: 'Afgewezen',
};

/**
 * Strings of `<lenig-idea-card>`, and the status names every idea widget uses. Numbers arrive formatted;
 * plurals are picked with `plural()` from the `…One` / `…Other` pairs (`{n}` is the number).
 */
export const ideaCardMessages = defineMessages('ideaCard', {
  en: {
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
  },
  nl: {
    status: (status: IdeaStatus) => statusNl[status] ?? status,
    statusLabel: (status: string) => `Status: ${status}`,
    owner: (name: string) => `Eigenaar: ${name}`,
    noOwner: 'Nog geen eigenaar',
    by: (name: string) => `door ${name}`,
    commentsOne: '{n} reactie',
    commentsOther: '{n} reacties',
    noComments: 'Geen reacties',
    latestUpdate: 'Laatste update',
    latestUpdateBy: (name: string, when: string) => `${name}, ${when}`,
    openDetails: (title: string) => `${title} — details openen`,
    actions: 'Acties voor dit idee',
    mine: 'Van jou',
  },
});
