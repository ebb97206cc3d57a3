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

/**
 * The characters the database rules count as blank besides ASCII white space (`BLANK_CHARS` in
 * rules/database.rules.src.mjs; test/rules checks that both lists agree): Unicode spaces and the
 * zero-width and invisible formatting characters. The rules must list them literally, so the list is
 * finite; every one of them also makes `looksEmpty` true, so a widget never sends what the rules refuse.
 */
export const BLANK_CHARACTERS =
  '\u00ad\u115f\u1160\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e' +
  '\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u2800\u3164\uffa0';

const INVISIBLE = new Set(BLANK_CHARACTERS);

/**
 * Whether the database rules refuse `text` as blank: every character is white space (JavaScript's `\s`)
 * or one of BLANK_CHARACTERS. The stores check this, so both refuse exactly what the rules refuse.
 */
export function isBlank(text: string): boolean {
  for (const c of text) if (!/\s/.test(c) && !INVISIBLE.has(c)) return false;
  return true;
}
