import type { LoaderTable } from '../loader.js';

/** Dutch strings of the `loader` table, in the loader itself (see `../loader.ts`). */
const nl: LoaderTable = {
  loadFailed: 'Dit onderdeel kon niet worden geladen.',
  retry: 'Opnieuw proberen',
};

export default nl;
