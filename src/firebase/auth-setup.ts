/**
 * The Auth instance of an app, for both databases' connections (./connect.ts, ../firestore/connect.ts),
 * without Firebase's `getAuth()`. `getAuth()` sets Auth up with Firebase's popup/redirect helper, which
 * fetches https://apis.google.com/js/api.js and an iframe on every page in some browsers — refused by
 * strict content security policies, and a Google request on every intranet page view — and it carries
 * code no lenig page runs (cookie minting for server-side rendering, emulator defaults read from the
 * environment). Only the mode that signs in with a popup gets the helper, and the host page's own app; the
 * helper is a chunk of its own (./popup.ts) that they load first (`loadPopupFor`).
 */
import { _addOrOverwriteComponent, _getProvider, type FirebaseApp } from 'firebase/app';
import { browserLocalPersistence, initializeAuth, type Auth, type Dependencies } from 'firebase/auth';
import { StoreError } from '../data/store.js';
import type { AuthMode } from '../data/types.js';
import { importOnce } from '../import-once.js';

declare module 'firebase/app' {
  /**
   * The app's component provider: how Firebase's own packages (auth, database, firestore) find the
   * instance an app already has. Public in the module, left out of its published types.
   */
  export function _getProvider(app: FirebaseApp, name: 'auth'): { isInitialized(): boolean; getImmediate(): Auth };
  /** Registers a component on an app in place of the one it has (Firebase's packages use it too). Same: left out of the types. */
  export function _addOrOverwriteComponent(app: FirebaseApp, component: object): void;
}

/**
 * Firebase's usage heartbeat (a header on Auth requests saying which SDK versions ran that day) keeps its
 * record in IndexedDB, and every Auth request waits for it: on a first visit the sign-in's first request
 * waited for the browser to create that database and read it (50–300 ms in the demo's waterfall, on the
 * path to the first card). An app lenig makes answers the header at once, with none; nothing else reads
 * it. Call it on a new app, before Auth or a database is made on it (they look the heartbeat up then).
 */
export function withoutHeartbeatStore(app: FirebaseApp): FirebaseApp {
  const none = { triggerHeartbeat: () => Promise.resolve(), getHeartbeatsHeader: () => Promise.resolve('') };
  _addOrOverwriteComponent(app, { name: 'heartbeat', instanceFactory: () => none, type: 'PRIVATE', multipleInstances: false, serviceProps: {}, instantiationMode: 'LAZY', onInstanceCreated: null });
  return app;
}

/** The popup chunk, once it has loaded. */
let popup: typeof import('./popup.js') | undefined;

/**
 * Firebase's popup sign-in (./popup.ts), imported once. A failed download rejects with an `offline`
 * StoreError and is forgotten, so Try again fetches it anew.
 */
export const loadPopup = importOnce(() =>
  import('./popup.js').then(
    (m) => (popup = m),
    (e: unknown) => {
      throw new StoreError('offline', `lenig: could not load the sign-in window's code (${e instanceof Error ? e.message : String(e)})`);
    },
  ),
);

/** The popup chunk if it has loaded: a click's sign-in must open the popup without waiting for a download. */
export function loadedPopup(): typeof popup {
  return popup;
}

/** Whether Auth for `config` is set up with the popup helper: the popup mode, and the host page's own app. */
function needsPopup(config: { app?: unknown; auth?: AuthMode | undefined }): boolean {
  return config.auth === 'microsoft' || config.auth === 'host' || !!config.app;
}

/**
 * Loads the popup helper if `config` needs it; call before making the store (`configure()` does). Auth is
 * then set up with it, as `getAuth()` would — on phones and in Safari the helper starts at once, so a
 * click's popup is not held up — and the store's `signIn()` opens the popup within the click.
 */
export function loadPopupFor(config: { app?: unknown; auth?: AuthMode | undefined }): Promise<unknown> {
  return needsPopup(config) ? loadPopup() : Promise.resolve();
}

/**
 * The app's Auth: the one it has already (set up by the host page, another copy of lenig or an earlier
 * configuration), else one made for `mode`. `persistence` is where an app lenig made keeps the session.
 */
export function authFor(app: FirebaseApp, options: { hostApp: boolean; mode: AuthMode | undefined; persistence?: Dependencies['persistence'] }): Auth {
  const provider = _getProvider(app, 'auth');
  if (provider.isInitialized()) return provider.getImmediate();
  const popupRedirectResolver = popup?.browserPopupRedirectResolver;
  // The host page's own app: set up as the page's own `getAuth()` would, so the page finds the Auth it
  // expects (with its popups) whether it asks before lenig or after.
  if (options.hostApp) {
    if (!popup) {
      throw new Error("lenig: the page's own Firebase app has no Auth yet: call getAuth(app) before lenig, or await loadPopupFor(config) before making the store");
    }
    return initializeAuth(app, popup.HOST_DEPENDENCIES);
  }
  // Made without loadPopupFor() first: the popup sign-in gives the helper once it has loaded.
  if (options.mode === 'microsoft' && !popupRedirectResolver) loadPopup().catch(() => undefined);
  return initializeAuth(app, {
    persistence: options.persistence ?? browserLocalPersistence,
    ...(options.mode === 'microsoft' && popupRedirectResolver ? { popupRedirectResolver } : {}),
  });
}
