/**
 * Making the page's Cloud Firestore store: once per connection and sign-in set-up, so every widget and
 * every copy of lenig on the page shares it, signing in at once for the silent auth modes.
 */
import { getApps } from 'firebase/app';
import { followSignInProfile } from '../firebase/session.js';
import { connectFirestore } from './connect.js';
import { FirestoreStore, firestoreAuthKey, type FirestoreStoreConfig } from './firestore-store.js';

export function createFirestoreStore(config: FirestoreStoreConfig): FirestoreStore {
  if (config.auth === 'host' && !config.app) {
    // The page signs in with its own Firebase app; lenig must use that app to see who it is.
    const app = getApps().find((a) => a.name === '[DEFAULT]');
    if (!app) throw new Error('auth "host" needs the page\'s own Firebase app: initialise it before lenig, or pass it as configure({ auth: "host", app }).');
    config = { ...config, app };
  }
  const connection = connectFirestore(config);
  const storeKey = `store:${firestoreAuthKey(config)}`;
  let store = connection.shared.get(storeKey) as FirestoreStore | undefined;
  if (!store) {
    store = new FirestoreStore(config);
    connection.shared.set(storeKey, store);
    void store.session.autoSignIn().then((error) => {
      if (error) console.error(`lenig: ${error.message}`);
    });
  }
  return store;
}

/** The page's store for `config`, keeping the signed-in employee's profile name up to date: what `configure()` makes. */
export function storeFor(config: FirestoreStoreConfig): FirestoreStore {
  const store = createFirestoreStore(config);
  followSignInProfile(store);
  return store;
}
