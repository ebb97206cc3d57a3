/**
 * lenig on Firebase: the Realtime Database store, sign-in and the page's one connection. The only part
 * of lenig that imports the Firebase SDK; loaded on demand by `configure()`.
 */
export { connectFirebase, databaseNamespace, emulatorDatabaseURL } from './connect.js';
export type { ConnectConfig, FirebaseConnection, FirebaseWebConfig } from './connect.js';
export { DEFAULT_TOKEN_TIMEOUT_MS, Session, followSignInProfile, toAuthError } from './session.js';
export type { AuthMode, SessionConfig } from './session.js';
export { FirebaseStore } from './firebase-store.js';
export { createFirebaseStore, storeFor } from './create.js';
export { fromFirebaseError } from './errors.js';
export type { FirebaseStoreConfig, FirebaseStoreOptions, StoreProbe } from './firebase-store.js';
export { loadPopupFor } from './auth-setup.js';
