import type { LenigStore } from '../data/store.js';
import type { Lang } from '../i18n/localize.js';

import { AUTH_MODES, type AuthMode } from '../data/auth-modes.js';

export { AUTH_MODES, type AuthMode };

/** The databases lenig can keep its data in. */
export const DATABASES = ['realtime', 'firestore'] as const;
export type Database = (typeof DATABASES)[number];

/** The page-level configuration an admin writes once; every lenig widget on the page uses it. */
export interface LenigConfig {
  /**
   * Where the data lives: `realtime` (default, the Realtime Database at `firebase.databaseURL`) or
   * `firestore` (Cloud Firestore of `firebase.projectId`). A page loads the code of the one it names only.
   */
  database?: Database;
  /**
   * The Firebase web app config (from the Firebase console). `databaseURL` is required for the Realtime
   * Database, `projectId` for Cloud Firestore.
   */
  firebase?: {
    apiKey?: string;
    authDomain?: string;
    databaseURL?: string;
    projectId?: string;
    appId?: string;
  };
  /** Sign-in method. Default `anonymous`. */
  auth?: AuthMode;
  /**
   * For `custom-token`: the endpoint that returns a Firebase custom token — the intranet's (its cookies are
   * sent), or with `tokenSource` the token exchange (see docs/sharepoint.md).
   */
  tokenUrl?: string;
  /**
   * For `custom-token`: gives a token the page already holds for the employee — in SharePoint and Teams
   * an Entra ID access token — which is posted to `tokenUrl` as `Authorization: Bearer …`.
   */
  tokenSource?: () => Promise<string>;
  /** For `custom-token`: how long (ms) the token source and endpoint may take together. Default 10 000. */
  tokenTimeout?: number;
  /** For `microsoft`: the Entra ID tenant id or domain. */
  tenant?: string;
  /** Forces one language; by default each widget follows its nearest `lang` attribute. */
  lang?: Lang;
  /**
   * The local backend, for the demo and tests: `ws://127.0.0.1:9000?ns=demo-lenig`, `http://127.0.0.1:9099`,
   * and for Cloud Firestore its emulator's `127.0.0.1:8080`.
   */
  emulator?: { database?: string; auth?: string; firestore?: string };
  /** A store of your own (an in-memory store for a prototype, or a custom backend); skips Firebase. */
  store?: LenigStore;
  /**
   * With `auth: 'host'`: the page's own Firebase app (a `FirebaseApp`), whose sign-in lenig follows.
   * Default: the page's `[DEFAULT]` app. Typed loosely so this module stays free of Firebase types.
   */
  app?: object;
}

/** A configuration problem, named so an admin can fix it: which attribute, and what is wrong. */
export interface ConfigProblem {
  /** The attribute or JSON field at fault, e.g. `database-url`. */
  field: string;
  /** `conflict`: two sources (two `<lenig-config>` elements) say different things. */
  problem: 'missing' | 'invalid' | 'conflict';
  /** English detail for the console. */
  detail: string;
}

export type PageState =
  | { status: 'waiting' }
  | { status: 'unconfigured' }
  | { status: 'invalid'; problems: ConfigProblem[] }
  | { status: 'loading' }
  | { status: 'ready'; store: LenigStore }
  /** `retry`: what Try again runs, where trying again can help (a silent sign-in that failed). */
  | { status: 'failed'; detail: string; retry?: () => void };

interface PageRegistry {
  state: PageState;
  listeners: Set<(state: PageState) => void>;
}

/**
 * One registry per page, on a `Symbol.for` key: SharePoint renders each web part in its own subtree and
 * may load two copies of lenig, and all of them must share one configuration and one store.
 */
const registry: PageRegistry = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.page')] ??= {
  state: { status: 'waiting' },
  listeners: new Set(),
}) as PageRegistry;

export function pageState(): PageState {
  return registry.state;
}

export function setPageState(state: PageState): void {
  registry.state = state;
  for (const listener of [...registry.listeners]) listener(state);
}

/** Calls back now and on every change of the page's configuration state. */
export function watchPageState(cb: (state: PageState) => void): () => void {
  registry.listeners.add(cb);
  cb(registry.state);
  return () => registry.listeners.delete(cb);
}

/** Checks a configuration and names every problem; empty when it can be used. */
export function checkConfig(config: LenigConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (config.store) return problems;
  const url = config.firebase?.databaseURL;
  const auth = config.auth ?? 'anonymous';
  const database = config.database ?? 'realtime';
  if (!DATABASES.includes(database)) {
    problems.push({ field: 'database', problem: 'invalid', detail: `"${String(database)}" is not one of ${DATABASES.join(', ')}` });
  } else if (database === 'firestore') {
    // In host mode the page's own app brings its project id.
    if (!config.firebase?.projectId && auth !== 'host') {
      problems.push({ field: 'project-id', problem: 'missing', detail: 'the Firebase project id (Project settings → General): Cloud Firestore is found by it' });
    }
  } else if (!url && auth !== 'host') {
    // In host mode the page's own app brings its database URL.
    problems.push({ field: 'database-url', problem: 'missing', detail: 'the Realtime Database URL, e.g. https://my-intranet-default-rtdb.europe-west1.firebasedatabase.app' });
  } else if (url && !/^(https|wss?):\/\//.test(url)) {
    problems.push({ field: 'database-url', problem: 'invalid', detail: `"${url}" is not an https:// or ws:// URL` });
  }
  if (!AUTH_MODES.includes(auth)) {
    problems.push({ field: 'auth', problem: 'invalid', detail: `"${String(auth)}" is not one of ${AUTH_MODES.join(', ')}` });
  }
  if (auth !== 'host' && !config.firebase?.apiKey && !config.emulator?.auth) {
    problems.push({ field: 'api-key', problem: 'missing', detail: 'the Web API key of the Firebase app (Project settings → General)' });
  }
  if (auth === 'custom-token' && !config.tokenUrl) {
    problems.push({
      field: 'token-url',
      problem: 'missing',
      detail: config.tokenSource ? 'the token exchange that trades the token source\'s token for a Firebase custom token' : 'the intranet endpoint that returns a Firebase custom token',
    });
  }
  if (config.tokenSource !== undefined && typeof config.tokenSource !== 'function') {
    problems.push({ field: 'tokenSource', problem: 'invalid', detail: 'must be a function that returns a promise of a token' });
  }
  if (config.tokenTimeout !== undefined && !(Number.isFinite(config.tokenTimeout) && config.tokenTimeout > 0)) {
    problems.push({ field: 'tokenTimeout', problem: 'invalid', detail: `"${String(config.tokenTimeout)}" is not a positive number of milliseconds` });
  }
  if (auth === 'microsoft' && !config.tenant) {
    problems.push({ field: 'tenant', problem: 'missing', detail: 'the Microsoft Entra ID tenant (id or domain)' });
  }
  if (auth === 'microsoft' && !config.firebase?.authDomain) {
    problems.push({ field: 'auth-domain', problem: 'missing', detail: 'the Firebase auth domain (e.g. my-intranet.firebaseapp.com): the Microsoft sign-in popup runs there' });
  }
  return problems;
}
