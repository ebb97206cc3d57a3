/**
 * Making the page's Cloud Firestore store: once per connection and sign-in set-up, so every widget and
 * every copy of lenig on the page shares it, signing in at once for the silent auth modes.
 */
import { connectFirestore } from './connect.js';
import { FirestoreStore, firestoreAuthKey, type FirestoreStoreConfig } from './firestore-store.js';

export function createFirestoreStore(config: FirestoreStoreConfig): FirestoreStore {
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
