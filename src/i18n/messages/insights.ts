import { defineMessages } from '../localize.js';
import { categoryGroupNames, categoryName, readableCategory } from './categories.js';

/**
 * Strings of `<lenig-insights>`. Numbers and month names arrive formatted (Intl); plural pairs
 * `…One` / `…Other` take the formatted number as `{n}`.
 */
const en = {
  category: (key: string) => categoryName(categoryGroupNames.en, key) ?? readableCategory(key),
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
};
/** The table's shape, which the Dutch module (./nl/insights.ts) must match key for key. */
export type InsightsTable = typeof en;

export const insightsMessages = defineMessages('insights', { en, nl: () => import('./nl/insights.js') });
