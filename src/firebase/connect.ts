/**
 * One Firebase app, one database connection and one Auth instance per page, however many lenig widgets
 * (or copies of lenig) it holds. They are kept on a page-wide registry under a `Symbol.for` key, so two
 * bundles of lenig on one SharePoint page find each other's connection instead of opening a second one.
 */
import { deleteApp, getApps, initializeApp, type FirebaseApp, type FirebaseOptions } from 'firebase/app';
import { connectAuthEmulator, type Auth } from 'firebase/auth';
import { getDatabase, goOnline, type Database } from 'firebase/database';
import { authFor, withoutHeartbeatStore } from './auth-setup.js';

/** The Firebase web app config, as the Firebase console shows it. `databaseURL` is required. */
export interface FirebaseWebConfig {
  apiKey?: string;
  authDomain?: string;
  databaseURL?: string;
  projectId?: string;
  appId?: string;
}

export interface ConnectConfig {
  /** Connect with this config (lenig makes its own app, named `appName`). */
  firebase?: FirebaseWebConfig;
  /** Or use the host page's own Firebase app (its Auth is then shared with the page). */
  app?: FirebaseApp;
  /** The local backend: `{ database: 'ws://127.0.0.1:9000?ns=demo-lenig' | '127.0.0.1:9000', auth: 'http://127.0.0.1:9099' }`. */
  emulator?: { database?: string; auth?: string };
  /** Same as `emulator.database`. */
  databaseEmulator?: string;
  /** Same as `emulator.auth`. */
  authEmulator?: string;
  /**
   * The sign-in mode. Only `microsoft` (a popup) gets Firebase's popup helper, which loads a script and
   * an iframe from Google on every page view; the other modes never need it.
   */
  auth?: 'anonymous' | 'custom-token' | 'microsoft' | 'host' | 'email';
  /**
   * Name of the app lenig creates. Default `lenig`, so the host page's `[DEFAULT]` app is never touched.
   * Tests and the demo's user switcher use different names to be several users at once.
   */
  appName?: string;
}

export interface FirebaseConnection {
  readonly app: FirebaseApp;
  readonly database: Database;
  readonly auth: Auth;
  /** The registry key: equal configs give the same connection. */
  readonly key: string;
  /** Things built on the connection once per page (the store), keyed by what they are. */
  readonly shared: Map<string, unknown>;
}

interface Registry {
  connections: Map<string, FirebaseConnection>;
}

const REGISTRY = Symbol.for('lenig.firebase');

function registry(): Registry {
  const g = globalThis as Record<symbol, unknown>;
  return (g[REGISTRY] ??= { connections: new Map() }) as Registry;
}

/** Namespace of a database URL: `?ns=` if given, else the first label of the host name. */
export function databaseNamespace(url: string | undefined, fallback: string): string {
  if (!url) return fallback;
  try {
    const u = new URL(url);
    return u.searchParams.get('ns') ?? u.hostname.split('.')[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * The URL the SDK should use for an emulated database. `host:port` becomes `ws://host:port?ns=NAME`: the
 * local server speaks WebSocket only, and the SDK opens a WebSocket straight away for a `ws://` URL
 * (with `connectDatabaseEmulator` it may start with long-polling, which the local server refuses).
 */
export function emulatorDatabaseURL(emulator: string, namespace: string): string {
  if (/^wss?:\/\//.test(emulator)) {
    const u = new URL(emulator);
    if (!u.searchParams.has('ns')) u.searchParams.set('ns', namespace);
    return u.toString();
  }
  if (/^https?:\/\//.test(emulator)) {
    const u = new URL(emulator);
    return `ws://${u.host}?ns=${encodeURIComponent(u.searchParams.get('ns') ?? namespace)}`;
  }
  return `ws://${emulator}?ns=${encodeURIComponent(namespace)}`;
}

function keyOf(config: ConnectConfig, dbURL: string | undefined, authEmulator: string | undefined): string {
  const app = config.app ? `app:${config.app.name}` : `config:${config.appName ?? 'lenig'}:${JSON.stringify(config.firebase ?? {})}`;
  return `${app}|db:${dbURL ?? ''}|auth:${authEmulator ?? ''}`;
}

/**
 * The page's connection for `config`, made on first use. Throws (with a message naming the setting)
 * when the config cannot work.
 */
export function connectFirebase(config: ConnectConfig): FirebaseConnection {
  const dbEmulator = config.databaseEmulator ?? config.emulator?.database;
  const authEmulator = config.authEmulator ?? config.emulator?.auth;
  const options = config.app?.options ?? config.firebase ?? {};
  const namespace = databaseNamespace(options.databaseURL, options.projectId ?? 'demo-lenig');
  const dbURL = dbEmulator ? emulatorDatabaseURL(dbEmulator, namespace) : undefined;
  if (!config.app && !config.firebase?.databaseURL && !dbURL) {
    throw new Error('database-url is missing: give the Realtime Database URL of your Firebase project');
  }
  const key = keyOf(config, dbURL, authEmulator);
  const known = registry().connections.get(key);
  if (known) return known;

  let app: FirebaseApp;
  if (config.app) {
    app = config.app;
  } else {
    const name = config.appName ?? 'lenig';
    const firebaseOptions: FirebaseOptions = {
      // The Auth emulator accepts any key; a real project needs its own.
      apiKey: config.firebase?.apiKey ?? (authEmulator ? 'demo-key' : undefined),
      projectId: config.firebase?.projectId ?? (dbURL ? namespace : undefined),
      ...withoutUndefined(config.firebase ?? {}),
    };
    // Another copy of lenig may have made this app already: use it if it has the same options, else
    // make one of our own under a name derived from the config.
    const existing = getApps().find((a) => a.name === name);
    if (!existing) app = withoutHeartbeatStore(initializeApp(firebaseOptions, name));
    else if (JSON.stringify(existing.options) === JSON.stringify(firebaseOptions)) app = existing;
    else app = getApps().find((a) => a.name === `${name}-${hash(key)}`) ?? withoutHeartbeatStore(initializeApp(firebaseOptions, `${name}-${hash(key)}`));
  }
  const database = dbURL ? getDatabase(app, dbURL) : getDatabase(app);
  // Own apps keep the session in localStorage: IndexedDB, Firebase's default, costs a page's first load
  // two database opens (one to test that it works, one to read) before Auth can answer who is signed
  // in — measured 50–150 ms on the critical path to the first card.
  const auth = authFor(app, { hostApp: !!config.app, mode: config.auth });
  if (authEmulator && !auth.emulatorConfig) connectAuthEmulator(auth, authEmulator, { disableWarnings: true });
  // Open the WebSocket now rather than at the first listen, which waits for sign-in: the handshake then
  // runs while Auth signs in, and the token goes out on the open socket as soon as Firebase has it.
  goOnline(database);

  const connection: FirebaseConnection = { app, database, auth, key, shared: new Map() };
  registry().connections.set(key, connection);
  return connection;
}

/**
 * Closes a connection: equal configs connect anew afterwards, and the app lenig made for it is deleted
 * (its WebSocket closes). The host page's own app (`config.app`) is left alone.
 */
export async function disconnectFirebase(connection: FirebaseConnection, ownApp: boolean): Promise<void> {
  const connections = registry().connections;
  if (connections.get(connection.key) === connection) connections.delete(connection.key);
  connection.shared.clear();
  if (ownApp) await deleteApp(connection.app).catch(() => undefined);
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** A short, stable name suffix for a config. */
function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
