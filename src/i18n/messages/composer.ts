import { defineMessages } from '../localize.js';
import { categoryName, categoryNames, readableCategory } from './categories.js';

/**
 * Strings of `<lenig-composer>`. Numbers arrive already formatted (`Intl.NumberFormat` of the widget's
 * language) next to the raw count, so the plural choice uses the number and the text shows "2,000".
 */
export const composerMessages = defineMessages('composer', {
  en: {
    label: (channel: string) => `Share something with ${channel}`,
    placeholder: 'Write a post. Type @ to mention someone.',
    count: (used: string, max: string) => `${used} / ${max}`,
    countDescription: (used: string, max: string) => `${used} of ${max} characters used`,
    charactersLeft: (n: number, left: string) => (n === 1 ? `${left} character left` : `${left} characters left`),
    charactersOver: (n: number, over: string) =>
      n === 1 ? `${over} character over the limit` : `${over} characters over the limit`,
    withinLimit: 'Within the limit again',
    overLimit: (length: string, max: string) => `Your post is ${length} characters; the limit is ${max}.`,
    tooManySymbols: 'Your post has too many emoji or special symbols to be stored (they take more room than letters). Shorten it a little.',
    category: 'Category',
    /** The picker's name for a category; a channel's own ids are made readable ("town-hall" → "Town hall"). */
    categoryName: (key: string) => categoryName(categoryNames.en, key) ?? readableCategory(key),
    // The default names by key, for tests that pick an option by its visible name.
    categoryNews: categoryNames.en.news,
    categoryIdea: categoryNames.en.idea,
    categoryQuestion: categoryNames.en.question,
    categoryPersonal: categoryNames.en.personal,
    categoryPraise: categoryNames.en.praise,
    ideaTitle: 'Title of your idea',
    titleCount: (used: string, max: string) => `${used} / ${max}`,
    titleCountDescription: (used: string, max: string) => `${used} of ${max} characters used`,
    titleRequired: 'Your idea needs a title.',
    titleTooLong: (length: string, max: string) => `The title is ${length} characters; the limit is ${max}.`,
    titleTooManySymbols: 'The title has too many emoji or special symbols to be stored. Shorten it a little.',
    textRequired: 'Write something before posting.',
    unknownCategory: (category: string) => `“${category}” is not a category of this channel. Pick another one.`,
    post: 'Post',
    posting: 'Posting…',
    posted: 'Posted',
    shortcut: (modifier: string) => `${modifier}+Enter to post`,
    offline: 'You’re offline — your post will be sent when the connection is back',
    permissionDenied: (channel: string) => `You are not allowed to post in ${channel}.`,
    guestDenied: (channel: string) => `Guests cannot post in ${channel}. Sign in with your work account to post.`,
    unauthenticated: 'You are signed out. Sign in again to post; your text is kept.',
    channelNotFound: (channel: string) => `The channel “${channel}” does not exist.`,
    postFailed: 'Your post could not be sent. Your text is kept; try again.',
    channelFailed: 'This channel could not be loaded.',
    signInPrompt: (channel: string) => `Sign in to share something with ${channel}.`,
    signInFailed: 'Signing in did not work. Try again.',
    thisChannel: 'this channel',
    mentionList: 'People to mention',
    mentionResults: (n: number, count: string) =>
      n === 0
        ? 'No one found to mention'
        : `${n === 1 ? `${count} person` : `${count} people`} found. Use the up and down arrow keys to choose, Enter to mention.`,
    mentioned: (name: string) => `${name} mentioned`,
  },
  nl: {
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
    categoryName: (key: string) => categoryName(categoryNames.nl, key) ?? readableCategory(key),
    categoryNews: categoryNames.nl.news,
    categoryIdea: categoryNames.nl.idea,
    categoryQuestion: categoryNames.nl.question,
    categoryPersonal: categoryNames.nl.personal,
    categoryPraise: categoryNames.nl.praise,
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
    signInPrompt: (channel: string) => `Log in om iets te delen met ${channel}.`,
    signInFailed: 'Inloggen is niet gelukt. Probeer het opnieuw.',
    thisChannel: 'dit kanaal',
    mentionList: 'Personen om te noemen',
    mentionResults: (n: number, count: string) =>
      n === 0
        ? 'Niemand gevonden om te noemen'
        : `${n === 1 ? `${count} persoon` : `${count} personen`} gevonden. Kies met de pijltjestoetsen omhoog en omlaag, Enter om te noemen.`,
    mentioned: (name: string) => `${name} genoemd`,
  },
});
