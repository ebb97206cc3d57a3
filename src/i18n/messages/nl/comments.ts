import type { CommentsTable } from '../comments.js';

/** Dutch strings of the `comments` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: CommentsTable = {
  label: 'Reacties',
  loading: 'Reacties laden…',
  empty: 'Nog geen reacties.',
  loadFailed: 'De reacties konden niet worden geladen.',
  replyLabel: 'Schrijf een reactie',
  closed: 'Dit kanaal is gearchiveerd: er kunnen geen reacties meer bij.',
  closedDeleted: 'Dit kanaal bestaat niet meer: er kunnen geen reacties meer bij.',
  send: 'Versturen',
  sending: 'Versturen…',
  shortcut: (modifier: string) => `${modifier}+Enter om te versturen`,
  added: 'Reactie geplaatst',
  required: 'Schrijf eerst iets.',
  tooLong: (length: string, max: string) => `Je reactie is ${length} tekens; de limiet is ${max}.`,
  postGone: 'Dit bericht bestaat niet meer.',
  failed: 'Je reactie kon niet worden verstuurd. Je tekst blijft staan; probeer het opnieuw.',
};
export default nl;
