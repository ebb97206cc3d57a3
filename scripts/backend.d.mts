// Types for scripts/backend.mjs (a plain ES module so `npm start` needs no compile step).
import type { SeedUser } from './seed-data.mjs';

export class BackendError extends Error {}

export interface BackendOptions {
  /** 0 or undefined: a free port. */
  dbPort?: number;
  authPort?: number;
  hubPort?: number;
  loggingPort?: number;
  /** Default: database.rules.json at the project root. */
  rulesPath?: string;
  /** Seed the database and the Auth accounts. Default true. */
  seed?: boolean;
  /** Initial database content instead of the seed (the Auth accounts are still seeded when `seed`). */
  data?: unknown;
  quiet?: boolean;
  /** Start the Auth emulator. Default true. */
  auth?: boolean;
  /** The seed's "now", epoch ms. */
  now?: number;
  /** Also start the Cloud Firestore emulator, seeded with the same data (docs/data-layout-firestore.md). */
  firestore?: boolean;
  /** 0 or undefined: a free port. */
  firestorePort?: number;
}

/** The parts of the firebase-server instance tests look at. */
export interface DatabaseServer {
  baseRef: { child(path: string): unknown; set(value: unknown): Promise<void> };
  getValue(ref?: unknown): Promise<unknown>;
  setRules(rules: { rules: object }): void;
}

export interface Backend {
  /** ws://127.0.0.1:PORT?ns=demo-lenig */
  databaseURL: string;
  dbPort: number;
  /** Undefined when started with `auth: false`. */
  authPort: number | undefined;
  /** http://127.0.0.1:PORT */
  authURL: string | undefined;
  projectId: 'demo-lenig';
  namespace: string;
  users: readonly SeedUser[];
  server: DatabaseServer;
  /** The Auth emulator's process id (and process group id); undefined with `auth: false`. */
  authPid: number | undefined;
  /** 127.0.0.1:PORT; undefined unless started with `firestore: true`. */
  firestoreHost: string | undefined;
  timings: { database: number; auth: number };
  stop(): Promise<void>;
}

export function loadRules(rulesPath: string): Promise<{ rules: object }>;
export function seedAuthUsers(
  authURL: string,
  users: readonly { uid: string; email: string; password: string; name?: string }[],
  projectId?: string,
): Promise<void>;
export function startBackend(options?: BackendOptions): Promise<Backend>;
