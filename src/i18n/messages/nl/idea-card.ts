import type { IdeaCardTable } from '../idea-card.js';
import type { IdeaStatus } from '../../../data/types.js';

const statusNl: Record<IdeaStatus, string> = {
  new: 'Nieuw',
  'under-review': 'In behandeling',
  planned: 'Gepland',
  'in-progress': 'In uitvoering',
  done: 'Gerealiseerd',
  declined: 'Afgewezen',
};

/** Dutch strings of the `ideaCard` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: IdeaCardTable = {
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
};
export default nl;
