import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessagesForLanguage } from './catalog.js';

/**
 * A language lenig speaks: `en` and `nl` are built in; a page adds more with `registerMessages()`.
 * Anything not known falls back to English.
 */
export type Lang = 'en' | 'nl' | (string & Record<never, never>);

/** A message is a string or a function of parameters (for plurals and names). */
export type Message = string | ((...args: never[]) => string);
export type MessageTable = Record<string, Message>;

/**
 * A component's strings in both built-in languages, under the table's name (the key a page uses in
 * `registerMessages`). Declaring tables with `defineMessages(name, {en, nl})` makes the compiler demand
 * that Dutch has every English key with the same signature.
 *
 * Dutch may be given as a loader of its own module (`nl: () => import('./nl/feed.js')`): a page in
 * English then never fetches it. The page's Dutch tables are fetched as soon as a table is defined on a
 * page that speaks Dutch (`lang` on the page, or the browser's language), and an element holds its render
 * until the tables are there: it shows no English first, nor keys. An element whose `lang` becomes Dutch
 * later keeps its language until they have arrived. If they cannot be fetched, it shows English.
 */
export interface Messages<T extends MessageTable> {
  name: string;
  en: T;
  /** Dutch, once known (at once when given as a table, else once loaded). */
  nl?: T;
  /** Loads the Dutch module, whose default export is the table. */
  loadNl?: () => Promise<{ default: T }>;
}
export function defineMessages<T extends MessageTable>(name: string, messages: { en: T; nl: T }): Messages<T> & { nl: T };
export function defineMessages<T extends MessageTable>(name: string, messages: { en: T; nl: () => Promise<{ default: NoInfer<T> }> }): Messages<T>;
export function defineMessages<T extends MessageTable>(
  name: string,
  messages: { en: T; nl: T | (() => Promise<{ default: NoInfer<T> }>) },
): Messages<T> {
  const { en, nl } = messages;
  if (typeof nl !== 'function') return { name, en, nl };
  const table: Messages<T> = { name, en, loadNl: nl };
  unloaded.add(table);
  if (pageSpeaksDutch()) void loadDutch();
  return table;
}

/** Tables whose Dutch is a module not yet loaded (or failed to load). */
const unloaded = new Set<Messages<MessageTable>>();
const loadingNl = new Map<Messages<MessageTable>, Promise<void>>();

/**
 * Loads the Dutch of every table defined so far that has not got it; undefined when none is missing. A
 * table that cannot be fetched (offline, a failed upload) stays English, and is not waited for again.
 */
function loadDutch(): Promise<void> | undefined {
  if (unloaded.size === 0) return undefined;
  return Promise.all(
    [...unloaded].map((m) => {
      let p = loadingNl.get(m);
      if (!p) {
        p = m.loadNl!().then(
          (module) => {
            m.nl = module.default;
          },
          (e: unknown) => console.error(`lenig: Dutch strings (${m.name}) could not be loaded, shown in English: ${String(e)}`),
        ).finally(() => unloaded.delete(m));
        loadingNl.set(m, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/**
 * Whether the page may show Dutch: its language, the browser's when it has none, a forced language, or
 * a Dutch section on it. The drop-in's loader asks too, to fetch the Dutch chunks with the widgets'.
 */
export function pageSpeaksDutch(): boolean {
  if (typeof document === 'undefined') return false;
  return toLang(state.override ?? (document.documentElement.lang || navigator.language)) === 'nl' || document.querySelector('[lang|="nl" i]') !== null;
}

interface LangState {
  /** configure({lang}): one language for every lenig element on the page. */
  override?: Lang;
  /** lang → table name → the page's strings for it. */
  registered: Map<string, Map<string, Partial<MessageTable>>>;
}

/** Shared by every copy of lenig on the page, so a language registered with one reaches the other's elements. */
const state: LangState = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.lang')] ??= {}) as LangState;
state.registered ??= new Map();

/** Every connected localize controller; one MutationObserver serves them all. */
const controllers = new Set<LocalizeController<MessageTable>>();
let observer: MutationObserver | undefined;

/** Intranet pages switch language by changing `lang` (on <html> or a section); follow it without a reload. */
function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observer = new MutationObserver(() => {
    forgetAncestorLangs();
    for (const c of controllers) c.recheck();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function unwatchLang(): void {
  if (controllers.size > 0 || !observer) return;
  observer.disconnect();
  observer = undefined;
}

function refreshAll(): void {
  for (const c of controllers) c.refresh();
}

/** Forces one language for every lenig element on the page (configure({lang})); undefined follows `lang`. */
export function setPageLanguage(lang: Lang | undefined): void {
  state.override = lang;
  refreshAll();
}

/**
 * Teaches lenig another language, from the page, without changing lenig: the strings of each table by
 * its name (`common`, `feed`, `composer` … see `MessageCatalog`). A string left out is shown in English.
 * Elements on the page switch at once where `lang` asks for it.
 *
 * ```js
 * registerMessages('de', { common: { loading: 'Wird geladen…' }, feed: { empty: 'Noch keine Beiträge' } });
 * ```
 */
export function registerMessages(lang: string, tables: MessagesForLanguage): void {
  const key = lang.toLowerCase();
  const known = state.registered.get(key) ?? new Map<string, Partial<MessageTable>>();
  for (const [name, table] of Object.entries(tables) as [string, Partial<MessageTable> | undefined][]) {
    if (table) known.set(name, { ...known.get(name), ...table });
  }
  state.registered.set(key, known);
  merged.clear();
  refreshAll();
}

/** The languages lenig can show: the built-in ones and those a page registered. */
export function languages(): Lang[] {
  return ['en', 'nl', ...[...state.registered.keys()].filter((l) => l !== 'en' && l !== 'nl')];
}

/** Maps a BCP 47 tag to a language lenig has: `nl-BE` → nl, `en-GB` → en, `de-AT` → de if registered, else en. */
export function toLang(tag: string | null | undefined): Lang {
  const t = tag?.toLowerCase();
  if (!t) return 'en';
  if (t.startsWith('nl')) return 'nl';
  if (state.registered.has(t)) return t;
  const primary = t.split('-')[0]!;
  return state.registered.has(primary) ? primary : 'en';
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

/**
 * The answers of `nearestLang` for ancestors, kept until the end of the task: a feed of 20 cards holds 60
 * localize controllers, each asking on connect and on every update, all through the same ancestors. The
 * element itself is never kept (it may move); a `lang` change clears it before any element is asked again.
 */
let ancestorLangs: Map<Node, string | null> | undefined;
function forgetAncestorLangs(): void {
  ancestorLangs = undefined;
}
function langOf(el: Element): string | undefined {
  if (el.hasAttribute('lang')) return el.getAttribute('lang') ?? undefined;
  if (!ancestorLangs) {
    ancestorLangs = new Map();
    setTimeout(forgetAncestorLangs);
  }
  const walked: Node[] = [];
  let found: string | null = null;
  let node: Node | null = el.parentNode;
  while (node) {
    const known = ancestorLangs.get(node);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(node);
    if (node instanceof Element && node.hasAttribute('lang')) {
      found = node.getAttribute('lang');
      break;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  for (const n of walked) ancestorLangs.set(n, found);
  return found ?? undefined;
}

/** The language of `el`: the page's forced one, else its nearest `lang`, else the browser's. */
function langAt(el: Element): Lang {
  return state.override ?? toLang(langOf(el) ?? navigator.language);
}

/** `messages` in the language of `el`: for strings outside an element's render (the drop-in's loader). */
export function stringsAt<T extends MessageTable>(messages: Messages<T>, el: Element): T {
  return tableFor(messages, langAt(el));
}

/** A registered language's table: its strings over the English ones. Built once per language and table. */
const merged = new Map<string, MessageTable>();
function tableFor<T extends MessageTable>(messages: Messages<T>, lang: Lang): T {
  if (lang === 'en') return messages.en;
  // Dutch not loaded (only when it could not be): English, never keys.
  if (lang === 'nl') return messages.nl ?? messages.en;
  const key = `${lang}\u0000${messages.name}`;
  let table = merged.get(key);
  if (!table) {
    const extra = state.registered.get(lang)?.get(messages.name) ?? {};
    table = { ...messages.en, ...(extra as Partial<T>) };
    merged.set(key, table);
  }
  return table as T;
}

/** Hosts whose updates wait for Dutch tables being loaded (one wrapper per host, however many controllers). */
const holding = new WeakSet<object>();

/**
 * Makes `host` wait with an update while its language is Dutch and some table's Dutch is still on its
 * way. Lit awaits what `scheduleUpdate()` returns before it renders (and `updateComplete` waits too): the
 * host renders once, in Dutch, instead of in English first. Done on the instance so that every element
 * with strings — containers and leaves alike — gets it from its localize controller.
 */
function holdForDutch(host: object, lang: () => Lang): void {
  const el = host as { scheduleUpdate?: () => void | Promise<unknown> };
  const schedule = el.scheduleUpdate;
  if (holding.has(host) || typeof schedule !== 'function') return;
  holding.add(host);
  el.scheduleUpdate = function (this: typeof el) {
    // Again after waiting: a chunk that arrived meanwhile may have defined more tables.
    const run = (): void | Promise<unknown> => {
      const waiting = unloaded.size > 0 && lang() === 'nl' ? loadDutch() : undefined;
      return waiting ? waiting.then(run) : schedule.call(this);
    };
    return run();
  };
}

/**
 * Intl formatters, built once per language and options and shared by every element: building one is
 * far slower than using it, and a feed formats several numbers and dates per post on every render.
 */
const formatters = new Map<string, unknown>();
export function cached<F>(kind: string, lang: Lang, options: object | undefined, make: () => F): F {
  const key = `${kind}\u0000${lang}\u0000${options ? JSON.stringify(options) : ''}`;
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * Gives a component its strings in the language of its nearest `lang` attribute, plus cached Intl
 * helpers for numbers, plurals and lists (dates, relative times and channel names: `formats.ts`). The language is re-read before every
 * render, and a change of `lang` on the document or the element's ancestors re-renders the host.
 */
export class LocalizeController<T extends MessageTable> implements ReactiveController {
  lang: Lang = 'en';

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly messages: Messages<T>,
  ) {
    host.addController(this);
    holdForDutch(host, () => this.resolve());
  }

  hostConnected(): void {
    controllers.add(this);
    this.lang = this.resolve();
    watchLang();
  }

  hostDisconnected(): void {
    controllers.delete(this);
    unwatchLang();
  }

  hostUpdate(): void {
    this.lang = this.resolve();
  }

  /** A `lang` attribute changed somewhere: re-render when this element's language is another now. */
  recheck(): void {
    if (this.resolve() !== this.lang) this.host.requestUpdate();
  }

  /** The page's languages changed (registered, or forced by configure): re-render. */
  refresh(): void {
    this.host.requestUpdate();
  }

  /** The language the host's nearest `lang` (or the page's forced one) asks for. */
  resolve(): Lang {
    return langAt(this.host);
  }

  /** The current language's table; `this.t.key` or `this.t.fn(args)`. */
  get t(): T {
    return tableFor(this.messages, this.lang);
  }

  /**
   * Another table in this controller's language: for a host that renders a piece with strings of its
   * own (a card's like button) without a second controller per element.
   */
  tableOf<U extends MessageTable>(messages: Messages<U>): U {
    return tableFor(messages, this.lang);
  }

  /** A number in the language's digits and separators. */
  number(n: number, options?: Intl.NumberFormatOptions): string {
    const lang = this.lang;
    return cached('number', lang, options, () => new Intl.NumberFormat(lang, options)).format(n);
  }

  /** Picks `one` or `other` by the language's plural rules, with the number formatted. */
  plural(n: number, forms: { one: string; other: string }): string {
    const lang = this.lang;
    const rule = cached('plural', lang, undefined, () => new Intl.PluralRules(lang)).select(n);
    return (rule === 'one' ? forms.one : forms.other).replace('{n}', this.number(n));
  }

  /** "Anna, Bram and Carla" / "Anna, Bram en Carla". */
  list(parts: readonly string[]): string {
    const lang = this.lang;
    return cached('list', lang, undefined, () => new Intl.ListFormat(lang, { type: 'conjunction' })).format(parts);
  }
}
