import { setPageLanguage } from '../i18n/localize.js';
import type { LenigStore } from '../data/store.js';
import { watchForCspBlocks } from './csp.js';
import { checkConfig, pageState, setPageState, watchPageState, type ConfigProblem, type LenigConfig } from './page.js';

let generation = 0;
/** The store the last configure() made (not one the page handed in): closed when another replaces it. */
let made: LenigStore | undefined;

function replaceMade(next: LenigStore | undefined): void {
  if (made && made !== next) void made.close().catch(() => undefined);
  made = next;
}

/**
 * Refuses to configure the page and says why, as a configuration problem every widget shows (e.g. two
 * `<lenig-config>` elements that disagree). A connection made before is closed.
 */
export function refuseConfiguration(problems: ConfigProblem[]): void {
  ++generation;
  for (const p of problems) console.error(`lenig: ${p.problem} ${p.field} — ${p.detail}`);
  setPageState({ status: 'invalid', problems });
  replaceMade(undefined);
}

/**
 * Configures lenig for the whole page, once. Every widget — in whatever part of the page — waits for it
 * and then shares one store and one connection. Calling it again replaces the configuration.
 *
 * Problems are named in the console (and by each widget): `lenig: missing database-url …`.
 */
export function configure(config: LenigConfig): void {
  setPageLanguage(config.lang);
  // `emulator.database` alone names the database, as `<lenig-config emulator-database>` does.
  if (config.emulator?.database && !config.firebase?.databaseURL) {
    config = { ...config, firebase: { ...config.firebase, databaseURL: config.emulator.database } };
  }
  const problems = checkConfig(config);
  if (problems.length) {
    refuseConfiguration(problems);
    return;
  }
  const mine = ++generation;
  if (config.store) {
    setPageState({ status: 'ready', store: config.store });
    replaceMade(undefined);
    return;
  }
  setPageState({ status: 'loading' });
  // Widgets then replace "You are offline" by the page's policy blocking the connection, and which host.
  if (typeof document !== 'undefined') {
    const firestoreHost = config.database === 'firestore' ? (config.emulator?.firestore ? `http://${config.emulator.firestore}` : 'https://firestore.googleapis.com') : undefined;
    watchForCspBlocks([config.firebase?.databaseURL, config.emulator?.database, config.emulator?.auth, config.tokenUrl, firestoreHost]);
  }
  const firestore = config.database === 'firestore';
  // Loaded on demand, each database as its own chunk: a page which hands its widgets a store of its own
  // never loads Firebase, a Realtime Database page never loads Cloud Firestore, and the other way round.
  // The popup sign-in's code too, where Auth is set up with it (the Microsoft mode, the host page's app).
  (firestore ? import('../firestore/index.js') : import('../firebase/index.js'))
    .then(async (m) => {
      await m.loadPopupFor(config);
      return () => (m.storeFor as (c: LenigConfig) => ReturnType<typeof m.storeFor>)(config);
    })
    .then(async (create) => {
      // A newer configure() may have come while Firebase loaded: this one must not connect and sign in.
      if (mine !== generation) return;
      const store = create();
      const ready = () => {
        setPageState({ status: 'ready', store });
        // The previous configuration's connection is closed once the widgets have the new store.
        replaceMade(store);
      };
      if (config.auth !== 'custom-token') return mine === generation ? ready() : undefined;
      // Nothing works before the intranet's token has signed the employee in, and that sign-in is
      // bounded (tokenTimeout): widgets wait for it, and if it fails they say they cannot connect, with
      // Try again, instead of loading forever. The store has already named the cause in the console.
      const signIn = async (): Promise<void> => {
        const error = await store.session.autoSignIn();
        if (mine !== generation) return;
        if (!error) return ready();
        setPageState({
          status: 'failed',
          detail: error.message,
          retry: () => {
            setPageState({ status: 'loading' });
            void signIn();
          },
        });
      };
      await signIn();
    })
    .catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      console.error(`lenig: could not connect to ${firestore ? 'Cloud Firestore' : 'Firebase'} — ${detail}`);
      // A download that failed (the popup sign-in's code) may work the second time: offer Try again.
      if (mine === generation) setPageState({ status: 'failed', detail, ...((error as { code?: unknown }).code === 'offline' && { retry: () => configure(config) }) });
    });
}

/**
 * Starts fetching the code of `database` ('firestore', else the Realtime Database) before `configure()`
 * asks for it: the drop-in calls it as soon as a `<lenig-config>` is on the page, so Firebase downloads
 * while the widgets' own chunks do, instead of after them. Settles (never rejects) once it has loaded.
 */
export function prefetchStore(database: string | null | undefined): Promise<unknown> {
  return (database === 'firestore' ? import('../firestore/index.js') : import('../firebase/index.js')).catch(() => undefined);
}

/**
 * Tells the page a configuration is on its way, for hosts that must read it first (a SharePoint web part
 * reads the tenant's lenig settings): widgets show "Loading…" until `configure()` comes, instead of
 * saying that the page is not configured.
 */
export function configurePending(): void {
  if (pageState().status === 'waiting') setPageState({ status: 'loading' });
}

/**
 * Reads `<script type="application/json" data-lenig-config>` once, for pages that can hold JSON but not
 * custom attributes. If nothing configures the page by the time it has loaded (and what `ready` returns
 * then has settled: the drop-in passes the loading of `<lenig-config>`'s own code, asked at `load` so a
 * `<lenig-config>` a page's script added meanwhile counts too), widgets say so.
 */
export function configureFromPage(doc: Document = document, ready: () => Promise<unknown> = () => Promise.resolve()): void {
  const script = doc.querySelector<HTMLScriptElement>('script[type="application/json"][data-lenig-config]');
  if (script && pageState().status === 'waiting') {
    try {
      configure(JSON.parse(script.textContent ?? '{}') as LenigConfig);
    } catch (error) {
      const detail = `the JSON in <script data-lenig-config> cannot be read: ${(error as Error).message}`;
      console.error(`lenig: ${detail}`);
      setPageState({ status: 'invalid', problems: [{ field: 'data-lenig-config', problem: 'invalid', detail }] });
    }
  }
  const giveUp = () => {
    if (pageState().status === 'waiting') {
      console.error('lenig: this page has no configuration — add <lenig-config database-url="…"> or call configure()');
      setPageState({ status: 'unconfigured' });
    }
  };
  const later = () => void ready().finally(() => setTimeout(giveUp, 0));
  if (doc.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

/**
 * The page's store once the page is configured — for developers scripting around the widgets (a custom
 * sign-in switcher, say). Rejects when the configuration is invalid or cannot connect.
 */
export function whenStore(): Promise<LenigStore> {
  return new Promise((resolve, reject) => {
    const stop = watchPageState((state) => {
      if (state.status === 'ready') resolve(state.store);
      else if (state.status === 'invalid' || state.status === 'failed' || state.status === 'unconfigured')
        reject(new Error(`lenig is not ready: ${state.status}`));
      else return;
      queueMicrotask(() => stop());
    });
  });
}
