import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages lenig speaks. Anything else falls back to English. */
export type Lang = 'en' | 'nl';
export const LANGS: readonly Lang[] = ['en', 'nl'];

/** A message is a string or a function of parameters (for plurals and names). */
export type Message = string | ((...args: never[]) => string);
export type MessageTable = Record<string, Message>;

/**
 * A component's strings in both languages. Declaring tables with `defineMessages({en, nl})` makes the
 * compiler demand that Dutch has every English key with the same signature.
 */
export interface Messages<T extends MessageTable> {
  en: T;
  nl: T;
}
export function defineMessages<T extends MessageTable>(messages: Messages<T>): Messages<T> {
  return messages;
}

const pageLang: { override?: Lang } = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.lang')] ??= {});

/** Forces one language for every lenig element on the page (configure({lang})); undefined follows `lang`. */
export function setPageLanguage(lang: Lang | undefined): void {
  pageLang.override = lang;
  for (const host of hosts) host.requestUpdate();
}

const hosts = new Set<ReactiveControllerHost>();

/** Maps a BCP 47 tag to a lenig language: `nl-BE` → nl, `en-GB` → en, `de` → en. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The `lang` of the nearest ancestor that has one, crossing shadow roots, like the browser does. */
export function nearestLang(el: Element): string | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
const nfCache = new Map<string, Intl.NumberFormat>();

/**
 * Gives a component its strings in the language of its nearest `lang` attribute, plus Intl helpers for
 * numbers, plurals, relative times and dates. The language is re-read before every render, and a
 * change of `lang` on the document or the element's ancestors re-renders the host.
 */
export class LocalizeController<T extends MessageTable> implements ReactiveController {
  lang: Lang = 'en';
  private observer?: MutationObserver;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly messages: Messages<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    this.lang = this.resolve();
    // Intranet pages switch language by changing <html lang>; follow it without a reload.
    this.observer = new MutationObserver(() => {
      if (this.resolve() !== this.lang) this.host.requestUpdate();
    });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    this.lang = this.resolve();
  }

  private resolve(): Lang {
    return pageLang.override ?? toLang(nearestLang(this.host) ?? navigator.language);
  }

  /** The current language's table; `this.t.key` or `this.t.fn(args)`. */
  get t(): T {
    return this.messages[this.lang];
  }

  number(n: number): string {
    const key = this.lang;
    let nf = nfCache.get(key);
    if (!nf) nfCache.set(key, (nf = new Intl.NumberFormat(key)));
    return nf.format(n);
  }

  /** Picks `one` or `other` by the language's plural rules, with the number formatted. */
  plural(n: number, forms: { one: string; other: string }): string {
    const rule = new Intl.PluralRules(this.lang).select(n);
    return (rule === 'one' ? forms.one : forms.other).replace('{n}', this.number(n));
  }

  /** "3 minutes ago" / "3 minuten geleden"; "just now" under a minute. */
  relativeTime(date: Date, now: Date = new Date()): string {
    const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
    let rtf = rtfCache.get(this.lang);
    if (!rtf) rtfCache.set(this.lang, (rtf = new Intl.RelativeTimeFormat(this.lang, { numeric: 'auto' })));
    const abs = Math.abs(seconds);
    if (abs < 45) return rtf.format(0, 'second');
    if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
    if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
    if (abs < 86400 * 7) return rtf.format(Math.round(seconds / 86400), 'day');
    if (abs < 86400 * 30) return rtf.format(Math.round(seconds / (86400 * 7)), 'week');
    return this.date(date);
  }

  /** A full date and time, for `title` attributes and `datetime` tooltips. */
  date(date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.lang, options).format(date);
  }
}
