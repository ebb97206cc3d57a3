/**
 * "Is this idea already on the board?" — a cheap, dependency-free score for suggesting duplicates while
 * someone writes an idea, and merge targets to an admin. It mixes word overlap (which catches reordered
 * phrasing) with character-trigram overlap (which catches "plant"/"plants", typos and Dutch compounds such
 * as "fietsenstalling" vs "fiets stalling"). Runs in the browser on the ideas already loaded; no server.
 */

// Words too common to say anything about an idea, in the two languages lenig ships.
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can for from have i in is it more of on or our please so than that the this to ' +
    'we with would you should could need new add get make let us all some more ' +
    'de het een en van in op te dat die voor met is zijn er aan om ook als bij naar wij we ik je jullie ons onze ' +
    'meer niet maar of dan nog kan kunnen graag moet moeten zou zouden wordt worden'
  ).split(' '),
);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

function trigrams(ws: string[]): Set<string> {
  const grams = new Set<string>();
  for (const w of ws) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** Dice coefficient: 2|A∩B| / (|A|+|B|), 0 when both are empty. */
function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** How alike two texts are, from 0 (nothing shared) to 1 (the same words). */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  return 0.4 * dice(new Set(wa), new Set(wb)) + 0.6 * dice(trigrams(wa), trigrams(wb));
}

export interface SimilarOptions {
  /** At most this many; default 3. */
  limit?: number;
  /**
   * Lowest score that counts; default 0.4. Chosen on a dozen sample titles (test/contract/memory.test.ts):
   * real duplicates scored 0.41–1.0, the closest unrelated pair 0.35.
   */
  threshold?: number;
}

/** The candidates most like `text`, best first, with their scores. */
export function findSimilar<T>(text: string, candidates: readonly T[], textOf: (c: T) => string, options: SimilarOptions = {}): { item: T; score: number }[] {
  const { limit = 3, threshold = 0.4 } = options;
  return candidates
    .map((item) => ({ item, score: similarity(text, textOf(item)) }))
    .filter((s) => s.score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
