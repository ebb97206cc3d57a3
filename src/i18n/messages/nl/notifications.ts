import type { NotificationsTable } from '../notifications.js';

/** Dutch strings of the `notifications` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: NotificationsTable = {
  bell: 'Meldingen',
  bellUnread: (n: string) => `Meldingen, ${n} ongelezen`,
  bellFailed: 'Meldingen, konden niet worden geladen',
  signInToSee: 'Inloggen om je meldingen te zien',
  signInFailed: 'Inloggen is niet gelukt.',
  heading: 'Meldingen',
  markAll: 'Alles als gelezen markeren',
  allMarked: 'Alle meldingen zijn als gelezen gemarkeerd',
  markFailed: 'Markeren als gelezen is niet gelukt. Probeer het opnieuw.',
  unread: 'Ongelezen:',
  liked: (actor: string) => `${actor} vindt je bericht leuk`,
  voted: (actor: string) => `${actor} heeft op je idee gestemd`,
  commented: (actor: string) => `${actor} heeft gereageerd op je bericht`,
  mentioned: (actor: string) => `${actor} heeft je genoemd in een bericht`,
  ideaStatus: (actor: string, status: string) => `${actor} heeft een idee dat je volgt op „${status}” gezet`,
  assigned: (actor: string) => `${actor} heeft je eigenaar gemaakt van een idee`,
  other: (actor: string) => `Nieuwe activiteit van ${actor}`,
  newOne: (text: string) => `Nieuwe melding: ${text}`,
  newOther: (n: string) => `${n} nieuwe meldingen`,
  empty: 'Je bent helemaal bij',
  emptyHint: 'Likes, reacties en vermeldingen van je berichten verschijnen hier.',
  loading: 'Meldingen laden…',
  loadFailed: 'Je meldingen konden niet worden geladen.',
  showingNewest: (shown: string, total: string) => `De nieuwste ${shown} van ${total}`,
  channelGone: 'Dit kanaal bestaat niet meer',
  channelGoneOpened: 'Er is niets om te openen: dit kanaal bestaat niet meer.',
};
export default nl;
