import { defineMessages } from '../localize.js';
import nl from './nl/loader.js';

/**
 * Strings of the drop-in's loader (`lenig.js`): what a tag shows when its code could not be fetched.
 * Dutch is in the loader itself, not a chunk: the chunk could fail to arrive like the widget's did.
 */
const en = {
  loadFailed: 'This part could not be loaded.',
  retry: 'Try again',
};

export type LoaderTable = typeof en;

export const loaderMessages = defineMessages('loader', { en, nl });
