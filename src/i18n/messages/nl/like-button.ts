import type { LikeButtonTable } from '../like-button.js';

/** Dutch strings of the `likeButton` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: LikeButtonTable = {
  like: 'Vind ik leuk',
  likeWithCount: (count: string) => `Vind ik leuk, ${count}`,
  signInWithCount: (count: string) => `Log in om te liken, ${count}`,
  countOne: '{n} keer',
  countOther: '{n} keer',
  noLikes: 'nog niemand',
  signInToLike: 'Log in om te liken',
  likedBy: (names: string) => `Leuk gevonden door ${names}`,
  othersOne: 'nog {n} persoon',
  othersOther: 'nog {n} personen',
  // Only ever a name in "Leuk gevonden door …": the object form.
  you: 'jou',
  beFirst: 'Vind jij dit als eerste leuk?',
  loadingLikers: 'Laden wie dit leuk vindt…',
  loadingLikes: 'Likes laden',
  loadFailed: 'De likes konden niet worden geladen.',
  likeFailed: 'Je like kon niet worden opgeslagen.',
  unlikeFailed: 'Je like kon niet worden verwijderd.',
  offlinePending: 'Wordt opgeslagen zodra je weer online bent',
  signInFailed: 'Inloggen is niet gelukt.',
  archived: 'Dit kanaal is gearchiveerd: je kunt geen likes meer geven of intrekken.',
  channelDeleted: 'Dit kanaal bestaat niet meer: je kunt geen likes meer geven of intrekken.',
};
export default nl;
