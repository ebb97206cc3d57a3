import { defineMessages } from '../localize.js';

/**
 * Category names as the chart, legend and table use them: plural, because a bar stands for many posts
 * ("Personal updates", not the composer's "Personal update").
 */
const categoriesEn: Record<string, string> = {
  news: 'Business news',
  idea: 'Improvement ideas',
  question: 'Questions',
  personal: 'Personal updates',
  praise: 'Praise',
};
const categoriesNl: Record<string, string> = {
  news: 'Bedrijfsnieuws',
  idea: 'Verbeterideeën',
  question: 'Vragen',
  personal: 'Persoonlijke updates',
  praise: 'Complimenten',
};

/** A channel's own category id, made readable: "town-hall" → "Town hall". */
function readable(key: string): string {
  return (key.charAt(0).toUpperCase() + key.slice(1)).replace(/[-_]+/g, ' ');
}

/**
 * Strings of `<lenig-insights>`. Numbers and month names arrive formatted (Intl); plural pairs
 * `…One` / `…Other` take the formatted number as `{n}`.
 */
export const insightsMessages = defineMessages({
  en: {
    category: (key: string) => categoriesEn[key] ?? readable(key),
    title: 'Posts and likes per category',
    period: 'Period',
    thisMonth: 'This month',
    lastMonths: (n: string) => `Last ${n} months`,
    measure: 'Show',
    likes: 'Likes',
    posts: 'Posts',
    perPost: 'Likes per post',
    showTable: 'Show as table',
    showChart: 'Show as chart',
    /** The chart's accessible name: the measure and the months it covers. */
    chartTitle: (measure: string, range: string) => `${measure} per category, ${range}`,
    /** The chart's description, read after its name. */
    chartSummary: (categories: string, months: string, highest: string) =>
      `Bar chart with one group of bars per month (${months}) and one bar per category: ${categories}. ${highest} Choose “Show as table” for every number.`,
    highest: (category: string, month: string, value: string) => `Highest: ${category} in ${month}, ${value}.`,
    nothingToChart: 'Every bar is zero.',
    barTitle: (category: string, month: string, value: string) => `${category}, ${month}: ${value}`,
    legend: 'Categories',
    tableCaption: (range: string) => `Posts and likes per category, ${range}`,
    month: 'Month',
    total: 'Total',
    allCategories: 'All categories',
    likesOne: '{n} like',
    likesOther: '{n} likes',
    postsOne: '{n} post',
    postsOther: '{n} posts',
    perPostValue: (n: string) => `${n} per post`,
    mostLiked: (category: string, likes: string, posts: string, perPost: string) =>
      `Most liked: ${category} — ${likes} on ${posts} (${perPost} per post)`,
    rankedBy: (min: string) => `Ranked by likes per post, among categories with at least ${min} posts in the period.`,
    rankedByFew: 'Ranked by likes per post. Every category has only a few posts in this period, so take it with a pinch of salt.',
    noLikes: 'No likes yet in this period.',
    attribution: 'A like counts in the month its post was written.',
    empty: 'No posts in this period',
    emptyHint: 'Choose a longer period to see more.',
    loading: 'Loading statistics…',
    loadFailed: 'The statistics could not be loaded.',
    offline: 'You are offline. The figures may be out of date.',
    notAvailable: 'not available',
  },
  nl: {
    category: (key: string) => categoriesNl[key] ?? readable(key),
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
  },
});
