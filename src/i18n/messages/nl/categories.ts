import type { CategoryTable } from '../categories.js';

/** Dutch strings of the `categories` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: CategoryTable = {
  news: 'Bedrijfsnieuws',
  idea: 'Verbeteridee',
  question: 'Vraag',
  personal: 'Persoonlijk',
  praise: 'Compliment',
};
export default nl;
