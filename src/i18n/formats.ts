import { cached, type Lang } from './localize.js';

/**
 * What only content widgets format — dates, relative times, channel and language names — in the language
 * of a localize controller (`l`), with the same shared Intl formatters. Kept out of `LocalizeController`
 * so that the loader and a page with only like buttons do not carry them.
 */
interface HasLang {
  readonly lang: Lang;
}

/**
 * A channel's name in `l`'s language: its name for the language (`nl`, or `pt` for `pt-br` readers)
 * where the admin gave one, else its `name`.
 */
export function channelName(l: HasLang, channel: { name: string; names?: Readonly<Record<string, string>> }): string {
  const names = channel.names;
  if (!names) return channel.name;
  return names[l.lang] ?? names[l.lang.split('-')[0]!] ?? channel.name;
}

/** A language's name in `l`'s language: `en` → "English" / "Engels". The tag itself where unknown. */
export function languageName(l: HasLang, tag: string): string {
  const lang = l.lang;
  try {
    return cached('language', lang, undefined, () => new Intl.DisplayNames(lang, { type: 'language' })).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "3 minutes ago" / "3 minuten geleden"; "just now" under a minute. */
export function relativeTime(l: HasLang, date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const lang = l.lang;
  const rtf = cached('relative', lang, undefined, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 7) return rtf.format(Math.round(seconds / 86400), 'day');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / (86400 * 7)), 'week');
  return formatDate(l, date);
}

/** A date (and time), for `title` attributes and `datetime` tooltips. Default: `dateStyle: 'medium'`. */
export function formatDate(l: HasLang, date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return dateFormat(l, options).format(date);
}

/** The cached `Intl.DateTimeFormat` for `options` in `l`'s language (for `formatRange` and the like). */
export function dateFormat(l: HasLang, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): Intl.DateTimeFormat {
  const lang = l.lang;
  return cached('date', lang, options, () => new Intl.DateTimeFormat(lang, options));
}
