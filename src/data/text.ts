/**
 * Text as a person sees it. `String.length` counts UTF-16 code units, so one family emoji reads as 11
 * characters; a person counts one. Widgets count and limit what is seen; the stores and the database
 * rules still bound the stored UTF-16 length (`MAX_POST_LENGTH` and friends), so a widget checks both.
 */

const segmenter: Intl.Segmenter | undefined =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/** The number of characters a person sees (grapheme clusters); code points where Intl.Segmenter is missing. */
export function visibleLength(text: string): number {
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * Whether a text shows nothing: white space, and invisible format characters such as zero-width spaces
 * and joiners (`\p{Cf}`), which the database's `\s` does not count as space but nobody can read.
 */
export function looksEmpty(text: string): boolean {
  return !/[^\s\p{Cf}\p{Z}\u2800\u3164\uFFA0\u115F\u1160]/u.test(text);
}
