import { categoryGroupNames, categoryName, readableCategory } from '../categories.js';
import type { InsightsTable } from '../insights.js';

/** Dutch strings of the `insights` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: InsightsTable = {
  category: (key: string) => categoryName(categoryGroupNames.nl, key) ?? readableCategory(key),
  title: 'Berichten en likes per categorie',
  period: 'Periode',
  thisMonth: 'Deze maand',
  lastMonths: (n: string) => `Laatste ${n} maanden`,
  measure: 'Toon',
  likes: 'Likes',
  posts: 'Berichten',
  perPost: 'Likes per bericht',
  showTable: 'Als tabel tonen',
  showChart: 'Als grafiek tonen',
  chartTitle: (measure: string, range: string) => `${measure} per categorie, ${range}`,
  chartSummary: (categories: string, months: string, highest: string) =>
    `Staafdiagram met per maand een groep staven (${months}) en per categorie één staaf: ${categories}. ${highest} Kies „Als tabel tonen” voor alle getallen.`,
  highest: (category: string, month: string, value: string) => `Hoogste: ${category} in ${month}, ${value}.`,
  nothingToChart: 'Alle staven zijn nul.',
  barTitle: (category: string, month: string, value: string) => `${category}, ${month}: ${value}`,
  legend: 'Categorieën',
  tableCaption: (range: string) => `Berichten en likes per categorie, ${range}`,
  month: 'Maand',
  total: 'Totaal',
  allCategories: 'Alle categorieën',
  likesOne: '{n} like',
  likesOther: '{n} likes',
  postsOne: '{n} bericht',
  postsOther: '{n} berichten',
  perPostValue: (n: string) => `${n} per bericht`,
  mostLiked: (category: string, likes: string, posts: string, perPost: string) =>
    `Meest geliket: ${category} — ${likes} op ${posts} (${perPost} per bericht)`,
  rankedBy: (min: string) => `Gerangschikt op likes per bericht, onder categorieën met minstens ${min} berichten in deze periode.`,
  rankedByFew: 'Gerangschikt op likes per bericht. Elke categorie heeft maar een paar berichten in deze periode, dus met een korrel zout nemen.',
  noLikes: 'Nog geen likes in deze periode.',
  attribution: 'Een like telt mee in de maand waarin het bericht is geschreven.',
  empty: 'Geen berichten in deze periode',
  emptyHint: 'Kies een langere periode om meer te zien.',
  loading: 'Statistieken laden…',
  loadFailed: 'De statistieken konden niet worden geladen.',
  offline: 'Je bent offline. De cijfers zijn mogelijk niet actueel.',
  notAvailable: 'niet beschikbaar',
};
export default nl;
