/**
 * Making the page's store: once per connection and sign-in set-up, so every widget and every copy of lenig
 * on the page shares it, signing in at once for the silent auth modes.
 */
import { getApps } from 'firebase/app';
import { connectFirebase } from './connect.js';
import { FirebaseStore, authKey, type FirebaseStoreConfig, type FirebaseStoreOptions } from './firebase-store.js';
import { logError } from '../log.js';
import { followSignInProfile } from './session.js';

/**
 * The page's store for `config`: made once per connection (so every widget and every copy of lenig on
 * the page shares it), signing in at once for the silent auth modes.
 */
export function createFirebaseStore(config: FirebaseStoreConfig, options: FirebaseStoreOptions = {}): FirebaseStore {
  if (config.auth === 'host' && !config.app) {
    // The page signs in with its own Firebase app; lenig must use that app to see who it is.
    const app = getApps().find((a) => a.name === '[DEFAULT]');
    if (!app) {
      throw new Error(
        'auth "host" needs the page\'s own Firebase app: initialise it before lenig, or pass it as configure({ auth: "host", app }). ' +
          'The one-file drop-in carries its own copy of Firebase and cannot see the page\'s app: use the npm package.',
      );
    }
    config = { ...config, app };
  }
  const connection = connectFirebase(config);
  // One store per connection and sign-in method: a page that reconfigures from anonymous to custom
  // token must not keep the anonymous session.
  const storeKey = `store:${authKey(config)}`;
  let store = connection.shared.get(storeKey) as FirebaseStore | undefined;
  if (!store) {
    store = new FirebaseStore(config, options);
    connection.shared.set(storeKey, store);
    void store.session.autoSignIn().then((error) => {
      // Store errors already start with "lenig: "; logError says it once.
      if (error) logError(error.message);
    });
  }
  return store;
}

/** The page's store for `config`, keeping the signed-in employee's profile name up to date: what `configure()` makes. */
export function storeFor(config: FirebaseStoreConfig): FirebaseStore {
  const store = createFirebaseStore(config);
  followSignInProfile(store);
  return store;
}
