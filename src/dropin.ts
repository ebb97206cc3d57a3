/**
 * The drop-in's entry (`dist/lenig.js`): a small loader, not the widgets. It defines each `lenig-*` tag
 * when the tag first appears on the page and only then imports that widget's code — a chunk next to this
 * file (`dist/lenig/`), resolved relative to this module's own URL, so everything comes from the origin
 * the admin uploaded the file to and a `script-src 'self'` policy holds. Lit is one shared chunk; Firebase
 * is loaded only once the page's configuration asks for a store (see `configure()`).
 *
 * Tags a page's own script adds later are seen too (a `MutationObserver` on the document). A tag inside
 * another script's shadow root is not visible from the document: pass that root to `observe()`.
 */
import { configureFromPage, prefetchStore } from './config/configure.js';
import { pageSpeaksDutch, stringsAt } from './i18n/localize.js';
import { loaderMessages } from './i18n/messages/loader.js';

export { configure, whenStore } from './config/configure.js';
export type { LenigConfig, AuthMode, ConfigProblem } from './config/page.js';

/** Each chunk whose import failed, and how many times. */
const failed = new Map<string, number>();

/**
 * Every `import()` of a chunk a person can try again — a widget's, the store's, its content, a sign-in mode's,
 * the comments' and the mention list's on demand — goes through here: the build writes it as a call of this
 * (rollup.config.js, `retryableImports`). Most browsers keep a failed module import's failure for the page's
 * life, so Try again would fail without asking the server: a chunk that failed is asked for at an address of
 * its own next time (the chunks it imports resolve as before, so Lit and the rest stay the ones already
 * loaded). Shared by every copy of lenig on the page: the first loader to run puts it there, before any of
 * the chunks can call it.
 */
(globalThis as Record<symbol, unknown>)[Symbol.for('lenig.import')] ??= (specifier: string, base: string) => {
  const url = new URL(specifier, base).href;
  const tried = failed.get(url);
  return import(tried ? `${url}?retry=${tried}` : url).catch((error: unknown) => {
    failed.set(url, (tried ?? 0) + 1);
    throw error;
  });
};

/** Each tag's chunk. Elements that render other lenig elements import them themselves. */
const chunks: Record<string, () => Promise<unknown>> = {
  'lenig-config': () => import('./components/config/config.js'),
  'lenig-like-button': () => import('./components/like-button/like-button.js'),
  'lenig-like-view': () => import('./components/like-button/like-view.js'),
  'lenig-composer': () => import('./components/composer/composer.js'),
  'lenig-feed': () => import('./components/feed/feed.js'),
  'lenig-post-card': () => import('./components/post-card/post-card.js'),
  'lenig-comments': () => import('./components/comments/comments.js'),
  'lenig-idea-board': () => import('./components/idea-board/idea-board.js'),
  'lenig-idea-card': () => import('./components/idea-card/idea-card.js'),
  'lenig-idea-detail': () => import('./components/idea-board/idea-detail.js'),
  'lenig-insights': () => import('./components/insights/insights.js'),
  'lenig-notifications': () => import('./components/notifications/notifications.js'),
  'lenig-admin': () => import('./components/admin/admin.js'),
};
const selector = Object.keys(chunks).join(',');

/**
 * Each tag's chunk and the chunks it imports (and each database's, as `@realtime` / `@firestore`, and each
 * sign-in mode's own chunk, as `email` / `custom-token`), written
 * in by the build (rollup.config.js) in place of the `JSON.parse`: chunk names (`lit-Dqi8wHUt` for
 * `lenig/lit-Dqi8wHUt.js`), by index. Without it (an unbuilt copy) nothing is preloaded and the browser
 * finds the imports one level at a time.
 */
let preloads: { files: string[]; table: Record<string, number[]> } = { files: [], table: {} };
try {
  preloads = JSON.parse('__LENIG_CHUNK_DEPS__') as typeof preloads;
} catch {
  // Not built: no table.
}
/** Each chunk asked for, and when it has arrived (its `<link rel="modulepreload">` loaded or failed). */
const preloaded = new Map<string, Promise<void>>();
/** Browsers without `modulepreload` (Safari before 17, Firefox before 115) ignore the links and fire no event. */
const canPreload = document.createElement('link').relList?.supports?.('modulepreload') === true;

/**
 * Asks for `key`'s chunks (or, `dutch`, its Dutch strings' chunks) all at once, so the browser fetches them
 * in parallel. Settles when all of them have arrived; undefined when there is no table to say which they
 * are, or no way to hear it.
 */
function preload(key: string, dutch = false): Promise<unknown> | undefined {
  // A tag's Dutch chunks follow its own, as `~index` (see rollup.config.js).
  const files = Object.hasOwn(preloads.table, key) ? preloads.table[key]!.filter((i) => i < 0 === dutch) : undefined;
  if (!files?.length || !canPreload) return undefined;
  return Promise.all(
    files.map((i) => {
      const file = `lenig/${preloads.files[dutch ? ~i : i]!}.js`;
      let arrived = preloaded.get(file);
      if (!arrived) {
        const link = document.createElement('link');
        link.rel = 'modulepreload';
        link.href = new URL(file, import.meta.url).href;
        arrived = new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        });
        preloaded.set(file, arrived);
        document.head.append(link);
      }
      return arrived;
    }),
  );
}

/**
 * Tags a copy of lenig on this page has started loading. Shared across copies (two web parts, each with its
 * own lenig.js): the first copy to see a tag loads it, and its definition serves the whole page.
 */
const started: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.loading')] ??= new Set<string>()) as Set<string>;

/**
 * Settles once the page's configuration and its database code have loaded (at once when the page has no
 * `<lenig-config>` yet). Widgets' chunks are fetched alongside, but run after it: the store is made, and
 * Firebase starts opening its storage and WebSocket and signing in, before the main thread turns to the
 * widgets, so that waiting and that work overlap instead of following each other.
 */
let storeFirst: Promise<unknown> = Promise.resolve();

/**
 * How long a widget whose code has arrived waits for the store's code before it runs anyway. On a fast
 * link both arrive together and the store's is then only being run; on a slow one the widgets' loading
 * states show this long after their own code arrived instead of after Firebase's download (about 110 KB).
 * Counted from the widget's arrival, not from the loader's start: where the chunks take longer than this
 * to arrive (a busy machine, a slow intranet), a cap counted from the start let the widgets run first
 * even when the store's code had arrived with theirs, and the store started after them.
 */
const STORE_FIRST_WAIT_MS = 300;

/**
 * Loads the chunk of `tag` once; resolves when it is defined, or when loading failed, after saying so in
 * the tag (see `showFault`, whose Try again calls this again: the chunk is asked for anew).
 */
function load(tag: string, el?: Element): Promise<unknown> {
  if (started.has(tag) || customElements.get(tag)) return customElements.whenDefined(tag);
  started.add(tag);
  const arrived = preload(tag);
  // Its Dutch strings too, on a page that shows Dutch: the widget waits for them before it renders.
  if (pageSpeaksDutch()) void preload(tag, true);
  let chunk: Promise<unknown>;
  if (tag === 'lenig-config') {
    // The configuration's database is known from its attribute: fetch it alongside, not after, the widgets;
    // and the sign-in mode's own code (e-mail, the custom token's exchange), which the session would
    // otherwise fetch only once the store is made: one more round trip before the sign-in's request.
    const database = el?.getAttribute('database');
    void preload(database === 'firestore' ? '@firestore' : '@realtime');
    void preload(el?.getAttribute('auth') ?? '');
    chunk = chunks[tag]!();
    storeFirst = Promise.all([chunk, prefetchStore(database)]).catch(() => undefined);
  } else {
    // Without a table (an unbuilt copy) when the widget's code arrives is not known: count from now.
    const capped = (arrived ?? Promise.resolve()).then(() => new Promise((resolve) => setTimeout(resolve, STORE_FIRST_WAIT_MS)));
    chunk = Promise.race([storeFirst, capped]).then(() => chunks[tag]!());
  }
  return chunk.catch((error: unknown) => {
    started.delete(tag);
    console.error(`lenig: could not load <${tag}>`, error);
    // `<lenig-config>` shows nothing; the widgets, which need the same chunk, say it.
    if (tag !== 'lenig-config') showFault(tag, el);
  });
}

/** The tag whose Try again was pressed last: the one that takes focus when the button's removal loses it. */
let lastPressed: Element | undefined;

/**
 * Says in each `tag` on the page (`el`, and those in the document) that its code could not be fetched — a
 * dropped connection, or a file gone after a new version was uploaded — with a button that tries again,
 * rather than leaving an empty space. Plain DOM in the tag's own children (the element is not defined, so
 * they show), coloured with the page's lenig tokens; removed once the tag is defined.
 *
 * The message alone is the alert, the button beside it: when Try again fails once more, the message in
 * `el` (the tag whose Try again it was) is replaced by a new alert node — the same text changed in place is
 * no change to a screen reader, which says nothing — while the button, which has focus, stays. When it
 * succeeds, focus goes from the button (gone with the message) to the widget, not to the page's start.
 */
function showFault(tag: string, el?: Element): void {
  for (const host of [el, ...document.querySelectorAll(tag)]) {
    if (!host) continue;
    const t = stringsAt(loaderMessages, host);
    const alert = document.createElement('span');
    alert.setAttribute('role', 'alert');
    alert.textContent = t.loadFailed;
    const shown = host.querySelector('.lenig-fault > [role=alert]');
    // Failed again: said again where Try again was pressed; elsewhere the message is there already.
    if (shown) {
      if (host === el) shown.replaceWith(alert);
      continue;
    }
    const box = document.createElement('span');
    const button = document.createElement('button');
    box.className = 'lenig-fault';
    // In the page's font, as the tag's text around it; the colour of lenig's errors.
    box.style.color = 'var(--lenig-color-danger,#c4314b)';
    button.type = 'button';
    button.style.font = 'inherit';
    button.textContent = t.retry;
    button.onclick = () => {
      lastPressed = host;
      void load(tag, host);
    };
    box.append(alert, ' ', button);
    host.append(box);
    void customElements.whenDefined(tag).then(async () => {
      // Focus on the button, or lost to the page once the tag's shadow root hid it (or never given, as a
      // click in Safari gives none, when this is the tag last pressed): the widget takes it, once it has
      // rendered. Asked of the tag's own tree, which may be a page element's shadow root (`observe()`).
      const root = host.getRootNode() as Document | ShadowRoot;
      const focused = root.activeElement;
      box.remove();
      if (focused !== button && !(lastPressed === host && document.activeElement === document.body)) return;
      await (host as Element & { updateComplete?: Promise<unknown> }).updateComplete;
      (host as HTMLElement).focus();
      // Nothing to focus in it yet (loading, or a notice): the widget itself, for as long as it has focus.
      // (Asked of the tree: the host's `:focus-within` can still hold for the button just removed.)
      if (root.activeElement !== host) {
        (host as HTMLElement).tabIndex = -1;
        host.addEventListener('blur', () => host.removeAttribute('tabindex'), { once: true });
        (host as HTMLElement).focus();
      }
    });
  }
}

/** Loads every lenig tag in and under `node`. */
function scan(node: ParentNode & Node): Promise<unknown>[] {
  const els = [...(node instanceof Element && node.localName in chunks ? [node] : []), ...node.querySelectorAll(selector)];
  // The configuration first, wherever it sits: the widgets' chunks wait for the store's (see `storeFirst`).
  els.sort((a, b) => Number(b.localName === 'lenig-config') - Number(a.localName === 'lenig-config'));
  return els.map((el) => load(el.localName, el));
}

/**
 * Watches `root` (the document, or a shadow root of a page's own element) and defines each lenig tag that
 * appears in it. Returns a function that stops watching.
 */
export function observe(root: Document | ShadowRoot = document): () => void {
  void Promise.all(scan(root));
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) void Promise.all(scan(n));
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

if (typeof document !== 'undefined') {
  observe(document);
  // `<lenig-config>` configures the page when its chunk has run: say "not configured" only after that —
  // asked when the page has loaded, so one that a page's script added in the meantime counts too.
  configureFromPage(document, () => {
    const config = document.querySelector('lenig-config');
    return config ? load('lenig-config', config) : Promise.resolve();
  });
}
