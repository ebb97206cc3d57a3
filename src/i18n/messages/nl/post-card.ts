import categories from './categories.js';
import type { PostCardTable } from '../post-card.js';
import { categoryName } from '../categories.js';

/** Dutch strings of the `postCard` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: PostCardTable = {
  category: (key: string) => categoryName(categories, key) ?? key,
  edited: 'bewerkt',
  editedAt: (date: string) => `Bewerkt op ${date}`,
  sending: 'Versturen…',
  hiddenForOthers: 'Verborgen voor anderen',
  actions: 'Acties voor dit bericht',
  commentsOne: '{n} reactie',
  commentsOther: '{n} reacties',
  commentNone: 'Reageren',
  commentsFailed: 'De reacties konden niet worden geladen.',
  edit: 'Bewerken',
  editLabel: 'Bewerk je bericht',
  save: 'Opslaan',
  saving: 'Opslaan…',
  cancel: 'Annuleren',
  editHint: 'Escape annuleert',
  remove: 'Verwijderen',
  removeQuestion: 'Dit bericht verwijderen? Dit kan niet ongedaan worden gemaakt.',
  removeConfirm: 'Bericht verwijderen',
  removing: 'Verwijderen…',
  report: 'Melden',
  reportLabel: 'Waarom meld je dit bericht? (optioneel)',
  sendReport: 'Melding versturen',
  reporting: 'Versturen…',
  reported: 'Bedankt — een beheerder kijkt ernaar.',
  hide: 'Verbergen',
  unhide: 'Weer tonen',
  showMore: 'Meer tonen',
  showLess: 'Minder tonen',
  textRequired: 'Een bericht mag niet leeg zijn.',
  textTooLong: (max: string) => `Een bericht mag hoogstens ${max} tekens lang zijn.`,
  reasonTooLong: (max: string) => `Een reden mag hoogstens ${max} tekens lang zijn.`,
  postGone: 'Dit bericht bestaat niet meer.',
  failed: 'Dat lukte niet. Probeer het opnieuw.',
};
export default nl;
