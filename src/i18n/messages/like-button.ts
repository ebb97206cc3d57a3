import { defineMessages } from '../localize.js';

/**
 * Strings of `<lenig-like-view>` and `<lenig-like-button>`. Counts arrive already formatted by
 * `Intl.NumberFormat`; the plural form is chosen with `Intl.PluralRules` (`LocalizeController.plural`).
 */
export const likeButtonMessages = defineMessages('likeButton', {
  en: {
    like: 'Like',
    /** Accessible name of the toggle: the action, then the count. */
    likeWithCount: (count: string) => `Like, ${count}`,
    signInWithCount: (count: string) => `Sign in to like, ${count}`,
    countOne: '{n} like',
    countOther: '{n} likes',
    noLikes: 'no likes yet',
    signInToLike: 'Sign in to like',
    likedBy: (names: string) => `Liked by ${names}`,
    othersOne: '{n} other',
    othersOther: '{n} others',
    /** How the viewer appears in the "liked by" list. */
    you: 'You',
    beFirst: 'Be the first to like this',
    loadingLikers: 'Loading who liked this…',
    loadingLikes: 'Loading likes',
    loadFailed: 'Likes could not be loaded.',
    likeFailed: 'Your like could not be saved.',
    unlikeFailed: 'Your like could not be removed.',
    offlinePending: 'Saved when you are back online',
    signInFailed: 'Signing in did not work.',
  },
  nl: {
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
    you: 'Jij',
    beFirst: 'Vind jij dit als eerste leuk?',
    loadingLikers: 'Laden wie dit leuk vindt…',
    loadingLikes: 'Likes laden',
    loadFailed: 'De likes konden niet worden geladen.',
    likeFailed: 'Je like kon niet worden opgeslagen.',
    unlikeFailed: 'Je like kon niet worden verwijderd.',
    offlinePending: 'Wordt opgeslagen zodra je weer online bent',
    signInFailed: 'Inloggen is niet gelukt.',
  },
});
