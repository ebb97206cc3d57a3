/**
 * lenig on Cloud Firestore: the store, its connection and sign-in. Loaded on demand by `configure()` when
 * the page says `database="firestore"`, as its own chunk: a Realtime Database page never loads it.
 */
export { connectFirestore } from './connect.js';
export type { FirestoreConnectConfig, FirestoreConnection } from './connect.js';
export { FirestoreStore, fromFirestoreError } from './firestore-store.js';
export type { FirestoreStoreConfig } from './firestore-store.js';
export { createFirestoreStore, storeFor } from './create.js';
export { followSignInProfile } from '../firebase/session.js';
export { loadPopupFor } from '../firebase/auth-setup.js';
