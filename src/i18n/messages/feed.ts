import { defineMessages } from '../localize.js';

/** Strings of `<lenig-feed>`. Plural pairs `…One` / `…Other` take the formatted number as `{n}`. */
export const feedMessages = defineMessages('feed', {
  en: {
    feedLabel: (channel: string) => `Posts in ${channel}`,
    loadingPosts: 'Loading posts…',
    empty: 'No posts yet in this channel',
    emptyCategory: 'No posts in this category',
    loadFailed: 'The posts could not be loaded.',
    channelNotFound: (channel: string) => `The channel “${channel}” does not exist.`,
    newPostsOne: '{n} new post',
    newPostsOther: '{n} new posts',
    showOlder: 'Show older posts',
    loadingOlder: 'Loading older posts…',
    olderFailed: 'Older posts could not be loaded.',
    allShown: 'You have seen every post',
    filterLabel: 'Filter by category',
    allCategories: 'All',
    archived: (channel: string) => `${channel} is archived: you can read its posts, but no new posts, comments or likes can be added.`,
  },
  nl: {
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
  },
});
