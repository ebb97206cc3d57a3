import { defineMessages } from '../localize.js';

/**
 * Names of the default categories (see `DEFAULT_CATEGORIES` in data/types.ts), singular: one post's
 * badge, the composer's picker, the feed's filter chips. A channel's own category ids have no entry.
 */
const namesEn = {
  news: 'Business news',
  idea: 'Improvement idea',
  question: 'Question',
  personal: 'Personal update',
  praise: 'Praise',
};
/** The table's shape, which the Dutch module (./nl/categories.ts) must match key for key. */
export type CategoryTable = typeof namesEn;

export const categoryNames = defineMessages('categories', { en: namesEn, nl: () => import('./nl/categories.js') });

/**
 * The same names in the plural, for the insights' chart, legend and table, where a bar stands for many
 * posts ("Personal updates", not the composer's "Personal update").
 */
export const categoryGroupNames = defineMessages('categoryGroups', {
  en: {
    news: 'Business news',
    idea: 'Improvement ideas',
    question: 'Questions',
    personal: 'Personal updates',
    praise: 'Praise',
  },
  nl: {
    news: 'Bedrijfsnieuws',
    idea: 'Verbeterideeën',
    question: 'Vragen',
    personal: 'Persoonlijke updates',
    praise: 'Complimenten',
  },
});

/** The name of `key` in `names`, or undefined for a channel's own category. */
export function categoryName(names: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(names, key) ? names[key] : undefined;
}

/** A channel's own category id, made readable: "town-hall" → "Town hall". */
export function readableCategory(key: string): string {
  return (key.charAt(0).toUpperCase() + key.slice(1)).replace(/[-_]+/g, ' ');
}
