import type { ContentTable } from '../content.js';

/** Dutch strings of the `content` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: ContentTable = {
  signInToRead: 'Log in om dit te zien.',
  channelMissing: (channel: string) => `Het kanaal “${channel}” bestaat niet. Laat het intranetteam het weten.`,
  channelMissingAdmin: (channel: string) =>
    `Het kanaal “${channel}” bestaat niet. Maak het hier aan (met de standaardcategorieën), of verbeter het channel-attribuut van deze widget.`,
  createChannel: 'Maak dit kanaal aan',
  creatingChannel: 'Kanaal aanmaken…',
};
export default nl;
