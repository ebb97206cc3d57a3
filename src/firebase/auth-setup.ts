/**
 * The Auth instance of an app, for both databases' connections (./connect.ts, ../firestore/connect.ts),
 * without Firebase's `getAuth()`. `getAuth()` sets Auth up with Firebase's popup/redirect helper, which
 * fetches https://apis.google.com/js/api.js and an iframe on every page in some browsers — refused by
 * strict content security policies, and a Google request on every intranet page view — and it carries
 * code no lenig page runs (cookie minting for server-side rendering, emulator defaults read from the
 * environment). Only the mode that signs in with a popup gets the helper.
 */
import { _addOrOverwriteComponent, _getProvider, type FirebaseApp } from 'firebase/app';
import {
  browserLocalPersistence,
  browserPopupRedirectResolver,
  browserSessionPersistence,
  indexedDBLocalPersistence,
  initializeAuth,
  type Auth,
  type Dependencies,
} from 'firebase/auth';
import type { AuthMode } from '../data/types.js';

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

/** What `getAuth()` sets up: for an app of the host page, whose Auth lenig shares rather than shapes. */
const HOST_DEFAULTS: Dependencies = {
  popupRedirectResolver: browserPopupRedirectResolver,
  persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence],
};

/**
 * The app's Auth: the one it has already (set up by the host page, another copy of lenig or an earlier
 * configuration), else one made for `mode`. `persistence` is where an app lenig made keeps the session.
 */
export function authFor(app: FirebaseApp, options: { hostApp: boolean; mode: AuthMode | undefined; persistence?: Dependencies['persistence'] }): Auth {
  const provider = _getProvider(app, 'auth');
  if (provider.isInitialized()) return provider.getImmediate();
  // The host page's own app: set up as the page's own `getAuth()` would, so the page finds the Auth it
  // expects (with its popups) whether it asks before lenig or after.
  if (options.hostApp) return initializeAuth(app, HOST_DEFAULTS);
  return initializeAuth(app, {
    persistence: options.persistence ?? browserLocalPersistence,
    ...(options.mode === 'microsoft' ? { popupRedirectResolver: browserPopupRedirectResolver } : {}),
  });
}
