import { defineMessages } from '../localize.js';

/** Strings of `<lenig-comments>`. */
export const commentsMessages = defineMessages('comments', {
  en: {
    label: 'Comments',
    loading: 'Loading comments…',
    empty: 'No comments yet.',
    loadFailed: 'The comments could not be loaded.',
    replyLabel: 'Write a comment',
    closed: 'This channel is archived: no new comments can be added.',
    send: 'Send',
    sending: 'Sending…',
    shortcut: (modifier: string) => `${modifier}+Enter to send`,
    added: 'Comment added',
    required: 'Write something first.',
    tooLong: (length: string, max: string) => `Your comment is ${length} characters; the limit is ${max}.`,
    postGone: 'This post no longer exists.',
    failed: 'Your comment could not be sent. Your text is kept; try again.',
  },
  nl: {
    label: 'Reacties',
    loading: 'Reacties laden…',
    empty: 'Nog geen reacties.',
    loadFailed: 'De reacties konden niet worden geladen.',
    replyLabel: 'Schrijf een reactie',
    closed: 'Dit kanaal is gearchiveerd: er kunnen geen reacties meer bij.',
    send: 'Versturen',
    sending: 'Versturen…',
    shortcut: (modifier: string) => `${modifier}+Enter om te versturen`,
    added: 'Reactie geplaatst',
    required: 'Schrijf eerst iets.',
    tooLong: (length: string, max: string) => `Je reactie is ${length} tekens; de limiet is ${max}.`,
    postGone: 'Dit bericht bestaat niet meer.',
    failed: 'Je reactie kon niet worden verstuurd. Je tekst blijft staan; probeer het opnieuw.',
  },
});
