/**
 * The page's one Cloud Firestore connection: one app, one Firestore instance and one Auth per config,
 * shared by every widget and every copy of lenig on the page (a `Symbol.for` registry), as the Realtime
 * Database connection is (`../firebase/connect.ts`). Never imports `firebase/database`.
 */
import { getApps, initializeApp, type FirebaseApp, type FirebaseOptions } from 'firebase/app';
import { connectAuthEmulator, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import type { AuthMode } from '../data/types.js';
import { authFor, withoutHeartbeatStore } from '../firebase/auth-setup.js';

export interface FirestoreConnectConfig {
  firebase?: { apiKey?: string; authDomain?: string; projectId?: string; appId?: string; databaseURL?: string };
  /** The host page's own Firebase app. */
  app?: FirebaseApp;
  /** The local backend: `{ firestore: '127.0.0.1:8180', auth: 'http://127.0.0.1:9099' }`. */
  emulator?: { firestore?: string; auth?: string; database?: string };
  appName?: string;
  /** The sign-in mode: Auth is set up with only what it needs (see `authFor`). */
  auth?: AuthMode;
}

export interface FirestoreConnection {
  readonly app: FirebaseApp;
  readonly firestore: Firestore;
  readonly auth: Auth;
  readonly key: string;
  readonly shared: Map<string, unknown>;
}

const REGISTRY = Symbol.for('lenig.firestore');

function registry(): Map<string, FirestoreConnection> {
  const g = globalThis as Record<symbol, unknown>;
  return (g[REGISTRY] ??= new Map()) as Map<string, FirestoreConnection>;
}

export function connectFirestore(config: FirestoreConnectConfig): FirestoreConnection {
  const fsEmulator = config.emulator?.firestore;
  const authEmulator = config.emulator?.auth;
  const projectId = config.app?.options.projectId ?? config.firebase?.projectId;
  if (!projectId) throw new Error('project-id is missing: Cloud Firestore needs the Firebase project id');
  const key = `${config.app ? `app:${config.app.name}` : `config:${config.appName ?? 'lenig'}:${JSON.stringify(config.firebase ?? {})}`}|fs:${fsEmulator ?? ''}|auth:${authEmulator ?? ''}`;
  const known = registry().get(key);
  if (known) return known;
  let app: FirebaseApp;
  if (config.app) app = config.app;
  else {
    const options: FirebaseOptions = { apiKey: config.firebase?.apiKey ?? (authEmulator ? 'demo-key' : undefined), ...config.firebase, projectId };
    const base = config.appName ?? 'lenig';
    // A name of its own per config, so a Realtime Database app of the same page is never reused with other options.
    const name = `${base}-firestore-${[...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7).toString(36)}`;
    app = getApps().find((a) => a.name === name) ?? withoutHeartbeatStore(initializeApp(options, name));
  }
  const firestore = getFirestore(app);
  if (fsEmulator) {
    const [host, port] = fsEmulator.replace(/^https?:\/\//, '').split(':');
    try {
      connectFirestoreEmulator(firestore, host!, Number(port));
    } catch {
      // already connected by another copy of lenig
    }
  }
  const auth = authFor(app, { hostApp: !!config.app, mode: config.auth });
  if (authEmulator && !auth.emulatorConfig) connectAuthEmulator(auth, authEmulator, { disableWarnings: true });
  const connection: FirestoreConnection = { app, firestore, auth, key, shared: new Map() };
  registry().set(key, connection);
  return connection;
}
