/**
 * A local backend for the rules, contract and listener tests: firebase-server (patched) loading
 * database.rules.json with the data a test needs, and the firebase-tools Auth emulator with fixed test
 * accounts, so a test can seed `/admins/{uid}` before anyone signs in.
 *
 * When `npm test` has already started an Auth emulator (LENIG_TEST_AUTH_URL) it is reused: the emulator
 * takes seconds to start, the database a fraction of one, and each test file wants its own data.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deleteApp, initializeApp, setLogLevel, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword, signOut, type Auth } from 'firebase/auth';
import { getDatabase, goOffline, type Database } from 'firebase/database';
import { seedAuthUsers, startBackend, type Backend } from '../../scripts/backend.mjs';

// Refused writes are what these tests are about; the SDK would log a warning for each one.
setLogLevel('error');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RULES_PATH = path.join(ROOT, 'database.rules.json');

export type TestUser = 'alice' | 'bob' | 'carol' | 'admin';

/** Fixed accounts: their uids can be written into the data before the server starts. */
export const USERS: Record<TestUser, { uid: string; email: string; password: string; name: string }> = {
  alice: { uid: 'test-alice', email: 'alice@lenig.test', password: 'alice-password', name: 'Alice Vermeer' },
  bob: { uid: 'test-bob', email: 'bob@lenig.test', password: 'bob-password', name: 'Bob Verhoeven' },
  carol: { uid: 'test-carol', email: 'carol@lenig.test', password: 'carol-password', name: 'Carol Smit' },
  admin: { uid: 'test-admin', email: 'admin@lenig.test', password: 'admin-password', name: 'Ada Beheer' },
};

interface WebSocketServerLike {
  on(event: 'connection', cb: (socket: { on(event: 'message', cb: (data: unknown) => void): void }) => void): void;
}

export interface TestBackend {
  databaseURL: string;
  authURL: string;
  projectId: string;
  /** The server's own view of the data, unaffected by rules. */
  value(p: string): Promise<unknown>;
  /**
   * Calls back with every request a client sends from now on (`{r, a, b}`: `a` is the action — `q`
   * listen, `n` unlisten, `g` get, `m` update, `p` set, `auth` …). What the server sees, not what the
   * SDK was asked.
   */
  onRequest(cb: (request: { a: string; b?: { p?: string; q?: unknown } }, connection: number) => void): () => void;
  /**
   * Accepts `credential` as the server's own secret, as firebase-admin sends it against an emulator
   * (`"owner"`); such a client then writes as `auth == null`, so pair it with rules that allow that.
   */
  acceptCredential(credential: string): void;
  stop(): Promise<void>;
}

/** Starts a database with `data` under the project's rules, and makes sure the test accounts exist. */
export async function startTestBackend(data: unknown, rulesPath = RULES_PATH): Promise<TestBackend> {
  const sharedAuth = process.env.LENIG_TEST_AUTH_URL;
  const backend: Backend = await startBackend({
    dbPort: 0,
    authPort: 0,
    rulesPath,
    seed: false,
    data,
    quiet: true,
    auth: !sharedAuth,
  });
  const authURL = sharedAuth ?? backend.authURL!;
  await seedAuthUsers(
    authURL,
    Object.values(USERS).map((u) => ({ uid: u.uid, email: u.email, password: u.password, name: u.name })),
    backend.projectId,
  );
  return {
    databaseURL: backend.databaseURL,
    authURL,
    projectId: backend.projectId,
    value: async (p) => backend.server.getValue(p ? backend.server.baseRef.child(p) : backend.server.baseRef),
    onRequest: (cb) => {
      const wss = (backend.server as unknown as { wss: WebSocketServerLike }).wss;
      let active = true;
      let connections = 0;
      wss.on('connection', (socket) => {
        const connection = ++connections;
        socket.on('message', (data) => {
          if (!active) return;
          try {
            const frame = JSON.parse(String(data)) as { t?: string; d?: { a?: string; b?: { p?: string; q?: unknown } } };
            if (frame.t === 'd' && frame.d?.a) cb({ a: frame.d.a, b: frame.d.b }, connection);
          } catch {
            // a frame count or part of a long message: requests that matter here fit in one frame
          }
        });
      });
      return () => {
        active = false;
      };
    },
    acceptCredential: (credential) => (backend.server as unknown as { setAuthSecret(s: string): void }).setAuthSecret(credential),
    stop: () => backend.stop(),
  };
}

export interface Client {
  app: FirebaseApp;
  db: Database;
  auth: Auth;
  /** Null for a signed-out client. */
  uid: string | null;
}

const clients: Client[] = [];
let n = 0;

/** A client with its own app (its own connection), signed in as `user`, or signed out with `null`. */
export async function client(backend: TestBackend, user: TestUser | null): Promise<Client> {
  const app = initializeApp(
    { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
    `test-client-${++n}-${user ?? 'signed-out'}`,
  );
  const auth = getAuth(app);
  connectAuthEmulator(auth, backend.authURL, { disableWarnings: true });
  let uid: string | null = null;
  if (user) {
    const cred = await within(signInWithEmailAndPassword(auth, USERS[user].email, USERS[user].password), `sign in as ${user}`);
    uid = cred.user.uid;
  }
  const c = { app, db: getDatabase(app), auth, uid };
  clients.push(c);
  return c;
}

/** Closes every client made by `client()`. */
export async function closeClients(): Promise<void> {
  for (const c of clients.splice(0)) {
    // Signing out stops the SDK's token refresh timer, which would keep the process alive.
    await signOut(c.auth).catch(() => {});
    goOffline(c.db);
    await deleteApp(c.app).catch(() => {});
  }
}

/** Fails instead of hanging when the server never answers. */
export function within<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}
