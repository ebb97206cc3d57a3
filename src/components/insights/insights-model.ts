import { DEFAULT_CATEGORIES, monthKey, type CategoryId, type MonthKey, type MonthStat } from '../../data/types.js';

/** What the bars measure. */
export type Measure = 'likes' | 'posts' | 'per-post';
export const MEASURES: readonly Measure[] = ['likes', 'posts', 'per-post'];

/**
 * The fewest posts a category needs in the period to be named "most liked". Likes per post is the fair
 * measure (a busy category does not win on volume alone), but one post with five likes would otherwise
 * beat forty posts with four likes each.
 */
export const MIN_POSTS_FOR_RANKING = 3;

export interface Cell {
  posts: number;
  likes: number;
}

/** The stats laid out for drawing: every month of the range × every category that has anything. */
export interface Grid {
  months: MonthKey[];
  categories: CategoryId[];
  /** `cells.get(month)!.get(category)`; a missing stat is a zero cell. */
  cells: Map<MonthKey, Map<CategoryId, Cell>>;
  /** Per category over the whole range. */
  totals: Map<CategoryId, Cell>;
  /** Everything in the range. */
  all: Cell;
}

export interface MostLiked {
  category: CategoryId;
  posts: number;
  likes: number;
  perPost: number;
  /** False when no category reached MIN_POSTS_FOR_RANKING and the ranking fell back to all of them. */
  qualified: boolean;
}

/** `2026-11` → `2026-08` for `n = -3`. */
export function addMonths(month: MonthKey, n: number): MonthKey {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return monthKey(d);
}

/** The `count` months up to and including `to`, oldest first. */
export function monthRange(to: MonthKey, count: number): MonthKey[] {
  return Array.from({ length: count }, (_, i) => addMonths(to, i - count + 1));
}

/** The first day of a month, in UTC (month keys are UTC). */
export function monthDate(month: MonthKey): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1));
}

/** Known categories in their display order, then a channel's own ones alphabetically. */
export function orderCategories(categories: Iterable<CategoryId>): CategoryId[] {
  const rank = (c: CategoryId) => {
    const i = DEFAULT_CATEGORIES.indexOf(c);
    return i === -1 ? DEFAULT_CATEGORIES.length : i;
  };
  return [...new Set(categories)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function buildGrid(stats: readonly MonthStat[], months: MonthKey[]): Grid {
  const inRange = new Set(months);
  const cells = new Map<MonthKey, Map<CategoryId, Cell>>(months.map((m) => [m, new Map()]));
  const totals = new Map<CategoryId, Cell>();
  const all: Cell = { posts: 0, likes: 0 };
  const seen = new Set<CategoryId>();
  for (const s of stats) {
    if (!inRange.has(s.month)) continue;
    // A category whose posts were all deleted can be left with a zero row; it has nothing to show.
    if (s.posts === 0 && s.likes === 0) continue;
    seen.add(s.category);
    const row = cells.get(s.month)!;
    const cell = row.get(s.category) ?? { posts: 0, likes: 0 };
    cell.posts += s.posts;
    cell.likes += s.likes;
    row.set(s.category, cell);
    const total = totals.get(s.category) ?? { posts: 0, likes: 0 };
    total.posts += s.posts;
    total.likes += s.likes;
    totals.set(s.category, total);
    all.posts += s.posts;
    all.likes += s.likes;
  }
  return { months, categories: orderCategories(seen), cells, totals, all };
}

export function cellOf(grid: Grid, month: MonthKey, category: CategoryId): Cell {
  return grid.cells.get(month)?.get(category) ?? { posts: 0, likes: 0 };
}

/** The value a bar shows; `undefined` for likes per post of a month without posts (nothing to divide by). */
export function valueOf(cell: Cell, measure: Measure): number | undefined {
  switch (measure) {
    case 'likes':
      return cell.likes;
    case 'posts':
      return cell.posts;
    case 'per-post':
      return cell.posts > 0 ? cell.likes / cell.posts : undefined;
  }
}

/**
 * The category with the most likes per post over the period, among those with enough posts; ties go to
 * the one with more likes, then to display order. Undefined when nothing in the period was liked.
 */
export function mostLiked(grid: Grid): MostLiked | undefined {
  const candidates = grid.categories
    .map((category) => ({ category, ...grid.totals.get(category)! }))
    .filter((c) => c.posts > 0);
  if (!candidates.some((c) => c.likes > 0)) return undefined;
  const qualifiedOnes = candidates.filter((c) => c.posts >= MIN_POSTS_FOR_RANKING);
  const qualified = qualifiedOnes.length > 0;
  const pool = qualified ? qualifiedOnes : candidates;
  let best: (typeof pool)[number] | undefined;
  for (const c of pool) {
    if (!best) best = c;
    else {
      const a = c.likes / c.posts;
      const b = best.likes / best.posts;
      if (a > b || (a === b && c.likes > best.likes)) best = c;
    }
  }
  return best && { category: best.category, posts: best.posts, likes: best.likes, perPost: best.likes / best.posts, qualified };
}

/**
 * Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, about `target` of them. Whole
 * steps only when the values are whole (a count of posts has no 2.5).
 */
export function niceTicks(max: number, target = 4, whole = true): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  if (whole) step = Math.max(1, Math.round(step));
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toFixed(6)));
  return ticks;
}
