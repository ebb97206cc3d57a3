import type { Idea, IdeaStatus, UserId } from '../../data/types.js';

/** How the board orders ideas. */
export type IdeaSort = 'top' | 'new' | 'trending';
export const IDEA_SORTS: readonly IdeaSort[] = ['top', 'new', 'trending'];

const DAY_MS = 86_400_000;

/**
 * Trending score: `votes / (ageDays + 2) ^ 1.5`.
 *
 * Votes decay with age the way news aggregators rank stories, so a fresh idea that gathers votes quickly
 * rises above an old favourite that has stopped moving. The `+ 2` days keeps a one-hour-old idea with a
 * single vote from outranking everything (1 / 2^1.5 ≈ 0.35, about what 10 votes a week old score: 0.37);
 * with the exponent 1.5 a score halves each time `ageDays + 2` grows by 59 % — gentle enough that an
 * idea people keep voting for stays near the top for a few weeks, about how long improvement ideas take
 * to get picked up.
 */
export function trendingScore(votes: number, createdAt: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - createdAt.getTime()) / DAY_MS);
  return Math.max(0, votes) / Math.pow(ageDays + 2, 1.5);
}

/** Newest first; the tie-breaker of every order, so equal scores never shuffle between renders. */
function newer(a: Idea, b: Idea): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A sorted copy. `votes` gives the count to rank by (the server's `likeCount` by default); the board passes
 * the server count rather than the optimistic one, so a card does not jump away under the pointer the
 * moment it is clicked.
 */
export function sortIdeas(ideas: readonly Idea[], sort: IdeaSort, now: Date, votes: (idea: Idea) => number = (i) => i.likeCount): Idea[] {
  const list = [...ideas];
  switch (sort) {
    case 'new':
      return list.sort(newer);
    case 'top':
      return list.sort((a, b) => votes(b) - votes(a) || newer(a, b));
    case 'trending': {
      const score = new Map(list.map((i) => [i.id, trendingScore(votes(i), i.createdAt, now)]));
      return list.sort((a, b) => score.get(b.id)! - score.get(a.id)! || newer(a, b));
    }
  }
}

export interface IdeaFilter {
  /** Only ideas this person submitted. */
  mine?: UserId | undefined;
  /** Only ideas with this status. */
  status?: IdeaStatus | undefined;
}

/** The ideas the board shows as cards: never merged ones (their votes live on in the survivor). */
export function filterIdeas(ideas: readonly Idea[], filter: IdeaFilter): Idea[] {
  return ideas.filter(
    (i) => !i.idea.mergedInto && (filter.mine === undefined || i.author === filter.mine) && (filter.status === undefined || i.idea.status === filter.status),
  );
}
