import categories from './categories.js';
import type { ComposerTable } from '../composer.js';
import { categoryName, readableCategory } from '../categories.js';

/** Dutch strings of the `composer` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: ComposerTable = {
  label: (channel: string) => `Deel iets met ${channel}`,
  placeholder: 'Schrijf een bericht. Typ @ om iemand te noemen.',
  count: (used: string, max: string) => `${used} / ${max}`,
  countDescription: (used: string, max: string) => `${used} van ${max} tekens gebruikt`,
  charactersLeft: (n: number, left: string) => (n === 1 ? `Nog ${left} teken over` : `Nog ${left} tekens over`),
  charactersOver: (n: number, over: string) => (n === 1 ? `${over} teken te veel` : `${over} tekens te veel`),
  withinLimit: 'Weer binnen de limiet',
  overLimit: (length: string, max: string) => `Je bericht is ${length} tekens; de limiet is ${max}.`,
  tooManySymbols: 'Je bericht heeft te veel emoji of speciale tekens om op te slaan (die nemen meer ruimte in dan letters). Maak het iets korter.',
  category: 'Categorie',
  categoryName: (key: string) => categoryName(categories, key) ?? readableCategory(key),
  ideaTitle: 'Titel van je idee',
  titleCount: (used: string, max: string) => `${used} / ${max}`,
  titleCountDescription: (used: string, max: string) => `${used} van ${max} tekens gebruikt`,
  titleRequired: 'Je idee heeft een titel nodig.',
  titleTooLong: (length: string, max: string) => `De titel is ${length} tekens; de limiet is ${max}.`,
  titleTooManySymbols: 'De titel heeft te veel emoji of speciale tekens om op te slaan. Maak hem iets korter.',
  textRequired: 'Schrijf eerst iets voordat je plaatst.',
  unknownCategory: (category: string) => `“${category}” is geen categorie van dit kanaal. Kies een andere.`,
  post: 'Plaatsen',
  posting: 'Bezig met plaatsen…',
  posted: 'Geplaatst',
  shortcut: (modifier: string) => `${modifier}+Enter om te plaatsen`,
  offline: 'Je bent offline — je bericht wordt verstuurd zodra de verbinding terug is',
  permissionDenied: (channel: string) => `Je mag niet plaatsen in ${channel}.`,
  guestDenied: (channel: string) => `Gasten kunnen niet plaatsen in ${channel}. Log in met je werkaccount om te plaatsen.`,
  unauthenticated: 'Je bent uitgelogd. Log opnieuw in om te plaatsen; je tekst blijft bewaard.',
  channelNotFound: (channel: string) => `Het kanaal “${channel}” bestaat niet.`,
  postFailed: 'Je bericht kon niet worden verstuurd. Je tekst blijft bewaard; probeer het opnieuw.',
  channelFailed: 'Dit kanaal kon niet worden geladen.',
  archived: (channel: string) => `${channel} is gearchiveerd: je kunt de berichten lezen, maar er kunnen geen nieuwe bij.`,
  draftKept: 'Je concept blijft bewaard en komt terug als het kanaal weer opengaat.',
  signInPrompt: (channel: string) => `Log in om iets te delen met ${channel}.`,
  signInFailed: 'Inloggen is niet gelukt. Probeer het opnieuw.',
  thisChannel: 'dit kanaal',
  mentionList: 'Personen om te noemen',
  mentionResults: (n: number, count: string) =>
    n === 0
      ? 'Niemand gevonden om te noemen'
      : `${n === 1 ? `${count} persoon` : `${count} personen`} gevonden. Kies met de pijltjestoetsen omhoog en omlaag, Enter om te noemen.`,
  mentioned: (name: string) => `${name} genoemd`,
  mentionsFailed: 'De lijst met mensen om te noemen kon niet worden geladen. Je tekst blijft bewaard.',
};
export default nl;
