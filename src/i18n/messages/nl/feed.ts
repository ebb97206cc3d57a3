import type { FeedTable } from '../feed.js';

/** Dutch strings of the `feed` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: FeedTable = {
  feedLabel: (channel: string) => `Berichten in ${channel}`,
  loadingPosts: 'Berichten laden…',
  empty: 'Nog geen berichten in dit kanaal',
  emptyCategory: 'Geen berichten in deze categorie',
  loadFailed: 'De berichten konden niet worden geladen.',
  channelNotFound: (channel: string) => `Het kanaal “${channel}” bestaat niet.`,
  newPostsOne: '{n} nieuw bericht',
  newPostsOther: '{n} nieuwe berichten',
  showOlder: 'Oudere berichten tonen',
  loadingOlder: 'Oudere berichten laden…',
  olderFailed: 'Oudere berichten konden niet worden geladen.',
  allShown: 'Je hebt alle berichten gezien',
  filterLabel: 'Filteren op categorie',
  allCategories: 'Alles',
  archived: (channel: string) => `${channel} is gearchiveerd: je kunt de berichten lezen, maar er kunnen geen nieuwe berichten, reacties of likes bij.`,
  channelDeleted: 'Dit kanaal bestaat niet meer: je kunt de berichten lezen, maar er kunnen geen nieuwe berichten, reacties of likes bij.',
};
export default nl;
