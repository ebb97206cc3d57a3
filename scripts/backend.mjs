/**
 * The local Firebase backend for the demo and the tests, without Java, an account or the internet:
 *
 * - Realtime Database: `firebase-server` (patched, see patches/) on 127.0.0.1, evaluating the project's
 *   security rules, data in memory, seeded at start.
 * - Auth: the firebase-tools Auth emulator (`firebase emulators:start --only auth`), run from a
 *   generated config in a temporary folder, so its log file and state never land in the checkout.
 * - Cloud Firestore (with `firestore: true`): Google's Firestore emulator (scripts/firestore-emulator.mjs),
 *   evaluating firestore.rules, seeded with the same demo data laid out for Firestore.
 *
 *   const backend = await startBackend({ rulesPath: 'database.rules.json' });
 *   … backend.databaseURL, backend.authURL …
 *   await backend.stop();
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeed, DEMO_PROJECT_ID } from './seed-data.mjs';
import { startFirestoreEmulator, writeDocuments } from './firestore-emulator.mjs';
import { firestoreDocuments } from './seed-firestore.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';

/** An error meant for a person at a terminal: its message is the whole story, no stack needed. */
export class BackendError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BackendError';
  }
}

/**
 * Reads a rules file. Firebase accepts comments in database.rules.json, so they are stripped here
 * (outside strings only: rule expressions and regular expressions live inside strings).
 */
export async function loadRules(rulesPath) {
  let text;
  try {
    text = await readFile(rulesPath, 'utf8');
  } catch {
    throw new BackendError(`cannot read the rules file ${rulesPath}`);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  let rules;
  try {
    rules = JSON.parse(out);
  } catch (e) {
    throw new BackendError(`the rules file ${rulesPath} is not valid JSON: ${e.message}`);
  }
  if (!rules || typeof rules.rules !== 'object') {
    throw new BackendError(`the rules file ${rulesPath} has no top-level "rules" object`);
  }
  return rules;
}

/** Listens on `port` (0: any free port) on 127.0.0.1 and resolves with the server and its port. */
function listen(server, port, envName) {
  return new Promise((resolve, reject) => {
    const onError = (e) => {
      server.off('listening', onListening);
      reject(e.code === 'EADDRINUSE'
        ? new BackendError(`port ${port} is in use — set ${envName} to another port`)
        : e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/**
 * A port for a child process to bind: the requested one if it is free (else a clear error), or any
 * free one. The probe closes before the child binds; the gap is a few hundred milliseconds.
 */
async function reservePort(port, envName) {
  const probe = net.createServer();
  const found = await listen(probe, port || 0, envName);
  await new Promise((resolve) => probe.close(resolve));
  return found;
}

async function waitForHttp(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new BackendError(`the Auth emulator exited before it was ready:\n${output.join('')}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new BackendError(`the Auth emulator did not answer on ${url} within ${timeoutMs / 1000} s:\n${output.join('')}`);
}

function emulatorEnv() {
  const env = {
    ...process.env,
    // No update check and no message-of-the-day fetch (both skipped under CI): nothing leaves the machine.
    CI: 'true',
    NO_UPDATE_NOTIFIER: '1',
    FORCE_COLOR: '0',
  };
  // A stray emulator address from the caller's shell must not redirect this one.
  delete env.FIREBASE_AUTH_EMULATOR_HOST;
  delete env.FIREBASE_DATABASE_EMULATOR_HOST;
  delete env.FIREBASE_EMULATOR_HUB;
  return env;
}

/**
 * Creates accounts in the Auth emulator with fixed uids and passwords, so that the uids in the seeded
 * database are the uids you sign in as. `Bearer owner` is the emulator's admin credential.
 * @param {string} authURL e.g. http://127.0.0.1:9099
 * @param {{uid: string, email: string, password: string, name?: string}[]} users
 * @param {string} [projectId]
 */
export async function seedAuthUsers(authURL, users, projectId = DEMO_PROJECT_ID) {
  const res = await fetch(`${authURL}/identitytoolkit.googleapis.com/v1/projects/${projectId}/accounts:batchCreate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer owner' },
    body: JSON.stringify({
      allowOverwrite: true,
      users: users.map((u) => ({
        localId: u.uid,
        email: u.email,
        emailVerified: true,
        rawPassword: u.password,
        displayName: u.name,
        // Without this the account has a password hash but no "password" sign-in method listed.
        providerUserInfo: [],
      })),
    }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || (body.error && body.error.length)) {
    throw new BackendError(`creating the demo accounts failed: ${JSON.stringify(body.error ?? body)}`);
  }
}

/**
 * Starts the database and the Auth emulator.
 *
 * @param {object} [options]
 * @param {number} [options.dbPort]  0 or undefined: a free port
 * @param {number} [options.authPort] 0 or undefined: a free port
 * @param {number} [options.hubPort] the emulator hub; 0 or undefined: a free port
 * @param {number} [options.loggingPort] the emulator log stream; 0 or undefined: a free port
 * @param {string} [options.rulesPath] default database.rules.json at the project root
 * @param {boolean} [options.seed] seed the database and the Auth accounts (default true)
 * @param {object} [options.data] initial data instead of the seed
 * @param {boolean} [options.quiet] keep the emulator's output to itself (it is shown if start fails)
 * @param {boolean} [options.auth] start the Auth emulator (default true)
 * @param {number} [options.now] the seed's "now"
 * @param {boolean} [options.firestore] also start the Cloud Firestore emulator, seeded like the database
 * @param {number} [options.firestorePort] 0 or undefined: a free port
 */
export async function startBackend({
  dbPort,
  authPort,
  hubPort,
  loggingPort,
  rulesPath = path.join(ROOT, 'database.rules.json'),
  seed = true,
  data,
  quiet = false,
  auth = true,
  now = Date.now(),
  firestore = false,
  firestorePort,
} = {}) {
  const started = performance.now();
  const rules = await loadRules(rulesPath);
  const seeded = seed ? buildSeed(now) : undefined;
  const initialData = data ?? seeded?.data ?? null;
  const cleanups = [];
  const stopAll = async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      await fn().catch(() => {});
    }
  };

  try {
    // --- Realtime Database ------------------------------------------------------------------------------
    const FirebaseServer = require('firebase-server');
    const httpServer = http.createServer((req, res) => {
      // The SDK falls back to long-polling over plain HTTP, which this server does not speak.
      res.writeHead(426, { 'content-type': 'text/plain' });
      res.end('Connect with a ws:// databaseURL (e.g. ws://127.0.0.1:9000?ns=demo-lenig).\n');
    });
    const sockets = new Set();
    httpServer.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    const actualDbPort = await listen(httpServer, dbPort || 0, 'LENIG_DB_PORT');
    cleanups.push(() => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      httpServer.close(() => resolve());
    }));
    // The name is sent to clients as the host to reconnect to, so it must be this address.
    const server = new FirebaseServer({ server: httpServer }, `${HOST}:${actualDbPort}`, initialData);
    try {
      server.setRules(rules);
    } catch (e) {
      throw new BackendError(`the rules in ${rulesPath} could not be loaded: ${e.message}`);
    }
    cleanups.push(() => server.close());
    const dbReady = performance.now();

    // --- Auth emulator ------------------------------------------------------------------------------------
    let actualAuthPort;
    let authURL;
    let authPid;
    let authReady = dbReady;
    if (auth) {
      actualAuthPort = await reservePort(authPort, 'LENIG_AUTH_PORT');
      const actualHubPort = await reservePort(hubPort, 'LENIG_HUB_PORT');
      const actualLoggingPort = await reservePort(loggingPort, 'LENIG_LOGGING_PORT');
      authURL = `http://${HOST}:${actualAuthPort}`;
      const dir = await mkdtemp(path.join(os.tmpdir(), 'lenig-auth-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      await writeFile(path.join(dir, 'firebase.json'), JSON.stringify({
        emulators: {
          auth: { host: HOST, port: actualAuthPort },
          hub: { host: HOST, port: actualHubPort },
          logging: { host: HOST, port: actualLoggingPort },
          // The emulator UI is downloaded on first use: it cannot work offline.
          ui: { enabled: false },
          singleProjectMode: true,
        },
      }, null, 2));
      const output = [];
      const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'firebase'),
        ['emulators:start', '--project', DEMO_PROJECT_ID, '--only', 'auth', '--config', path.join(dir, 'firebase.json')], {
          cwd: dir, // firebase-debug.log goes here, not into the checkout
          // Its own process group, so stop() can end the CLI and everything it started at once.
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          // TMPDIR: the hub writes a per-project locator file to the temp folder; a private one keeps
          // two backends for the same project (two test runs) from seeing each other.
          env: { ...emulatorEnv(), TMPDIR: dir },
        });
      const collect = (stream) => stream.on('data', (chunk) => {
        output.push(chunk.toString());
        if (output.length > 200) output.shift();
        if (!quiet) process.stderr.write(chunk);
      });
      authPid = child.pid;
      collect(child.stdout);
      collect(child.stderr);
      // If this process dies without calling stop() (a crashed test), do not leave the emulator behind.
      const killOnExit = () => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      };
      process.on('exit', killOnExit);
      cleanups.push(async () => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          return;
        }
        const timer = setTimeout(killOnExit, 5000);
        await exited;
        clearTimeout(timer);
        // The CLI may exit before a grandchild does; make sure the whole group is gone.
        killOnExit();
      });
      await waitForHttp(`${authURL}/`, child, output, 60_000);
      authReady = performance.now();
      if (seeded) await seedAuthUsers(authURL, seeded.users);
    }

    // --- Cloud Firestore emulator -------------------------------------------------------------------------
    let firestoreEmulator;
    if (firestore) {
      firestoreEmulator = await startFirestoreEmulator({ port: firestorePort || 0, quiet });
      cleanups.push(() => firestoreEmulator.stop());
      if (seeded) await writeDocuments(firestoreEmulator.host, DEMO_PROJECT_ID, firestoreDocuments(seeded.data));
    }

    let stopped;
    return {
      databaseURL: `ws://${HOST}:${actualDbPort}?ns=${DEMO_PROJECT_ID}`,
      dbPort: actualDbPort,
      authPort: actualAuthPort,
      authURL,
      projectId: DEMO_PROJECT_ID,
      namespace: DEMO_PROJECT_ID,
      users: seeded?.users ?? [],
      /** The firebase-server instance, for tests that look at what is stored (`getValue()`). */
      server,
      /** The Auth emulator's process id, which is also its process group id. */
      authPid,
      /** 127.0.0.1:PORT of the Firestore emulator; undefined without `firestore: true`. */
      firestoreHost: firestoreEmulator?.host,
      /** Milliseconds from the call until the database listened, and until the Auth emulator answered. */
      timings: { database: Math.round(dbReady - started), auth: Math.round(authReady - started) },
      stop() {
        stopped ??= stopAll();
        return stopped;
      },
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
