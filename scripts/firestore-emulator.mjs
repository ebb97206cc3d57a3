/**
 * The Cloud Firestore emulator for the demo and the tests: Google's own emulator, which evaluates
 * firestore.rules with the same rules engine as production.
 *
 * Found, in this order, as
 *   1. LENIG_FIRESTORE_EMULATOR — a path to a `cloud_firestore_emulator` start script;
 *   2. `cloud_firestore_emulator` on the PATH or inside a Cloud SDK (`gcloud components install
 *      cloud-firestore-emulator`, or the Debian/RPM package google-cloud-cli-firestore-emulator);
 *   3. `gcloud emulators firestore start` (which asks for that component when it is missing);
 *   4. firebase-tools' own Firestore emulator, which needs Java 21 or newer and downloads its jar once.
 * The start script runs on Java 17; only firebase-tools' wrapper insists on 21.
 *
 *   const emulator = await startFirestoreEmulator({ port: 0, rulesPath: 'firestore.rules' });
 *   … emulator.host ('127.0.0.1:PORT') …
 *   await emulator.stop();   // ends the start script and the java process it started
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const SCRIPT = 'cloud_firestore_emulator';
const SDK_DIRS = [
  '/usr/lib/google-cloud-sdk',
  '/usr/share/google-cloud-sdk',
  '/opt/google-cloud-sdk',
  '/snap/google-cloud-cli/current',
  path.join(os.homedir(), 'google-cloud-sdk'),
];

/** One line that says how to get the emulator, for a person at a terminal or in a test summary. */
export const FIRESTORE_EMULATOR_HINT =
  'no Cloud Firestore emulator found: run `gcloud components install cloud-firestore-emulator` ' +
  '(or install Java 21 for firebase-tools\' emulator), or set LENIG_FIRESTORE_EMULATOR to a cloud_firestore_emulator script';

export class FirestoreEmulatorError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BackendError';
  }
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

function javaMajor(env) {
  const r = spawnSync(env.JAVA ?? 'java', ['-version'], { encoding: 'utf8', env });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr ?? ''}${r.stdout ?? ''}`);
  if (!m) return 0;
  // "1.8.0" is Java 8.
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/**
 * How the emulator would be started on this machine, or `undefined` when it cannot be.
 * @returns {{ kind: 'script' | 'gcloud' | 'firebase-tools', command: string } | undefined}
 */
export function findFirestoreEmulator(env = process.env) {
  const given = env.LENIG_FIRESTORE_EMULATOR;
  if (given) return executable(given) ? { kind: 'script', command: given } : undefined;
  const script = onPath(SCRIPT, env);
  if (script) return { kind: 'script', command: script };
  const gcloud = onPath('gcloud', env);
  const sdkDirs = [...SDK_DIRS];
  if (gcloud) {
    try {
      // …/google-cloud-sdk/bin/gcloud → …/google-cloud-sdk
      sdkDirs.unshift(path.dirname(path.dirname(realpathSync(gcloud))));
    } catch {
      // a dangling link: ignore
    }
  }
  for (const dir of sdkDirs) {
    const file = path.join(dir, 'platform', 'cloud-firestore-emulator', SCRIPT);
    if (executable(file)) return { kind: 'script', command: file };
  }
  if (gcloud) return { kind: 'gcloud', command: gcloud };
  const firebase = path.join(ROOT, 'node_modules', '.bin', 'firebase');
  if (existsSync(firebase) && javaMajor(env) >= 21) return { kind: 'firebase-tools', command: firebase };
  return undefined;
}

async function freePort(port) {
  const probe = net.createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', (e) => reject(e.code === 'EADDRINUSE'
      ? new FirestoreEmulatorError(`port ${port} is in use — set LENIG_FIRESTORE_PORT to another port`)
      : e));
    probe.listen(port || 0, HOST, resolve);
  });
  const found = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  return found;
}

/**
 * Starts the emulator on 127.0.0.1.
 * @param {{ port?: number, rulesPath?: string, quiet?: boolean, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 */
export async function startFirestoreEmulator({
  port = 0,
  rulesPath = path.join(ROOT, 'firestore.rules'),
  quiet = true,
  timeoutMs = 60_000,
  env = process.env,
} = {}) {
  const found = findFirestoreEmulator(env);
  if (!found) throw new FirestoreEmulatorError(FIRESTORE_EMULATOR_HINT);
  const started = performance.now();
  const actualPort = await freePort(port);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lenig-firestore-'));
  let command = found.command;
  let args;
  if (found.kind === 'script') {
    args = ['start', `--host=${HOST}`, `--port=${actualPort}`, `--rules=${rulesPath}`];
  } else if (found.kind === 'gcloud') {
    args = ['emulators', 'firestore', 'start', `--host-port=${HOST}:${actualPort}`, `--rules=${rulesPath}`, '--quiet'];
  } else {
    await writeFile(path.join(dir, 'firebase.json'), JSON.stringify({
      firestore: { rules: rulesPath },
      emulators: { firestore: { host: HOST, port: actualPort }, ui: { enabled: false }, singleProjectMode: false },
    }));
    args = ['emulators:start', '--only', 'firestore', '--project', 'demo-lenig', '--config', path.join(dir, 'firebase.json')];
  }
  const output = [];
  const child = spawn(command, args, {
    cwd: dir,
    // Its own process group: the start script runs java as a child, and stop() must end both.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, CI: 'true', NO_UPDATE_NOTIFIER: '1', TMPDIR: dir },
  });
  const collect = (stream) => stream.on('data', (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
    if (!quiet) process.stderr.write(chunk);
  });
  collect(child.stdout);
  collect(child.stderr);
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.on('exit', killOnExit);

  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        killGroup('SIGTERM');
        const timer = setTimeout(killOnExit, 5000);
        await exited;
        clearTimeout(timer);
      }
      // The script may exit before its java child does: wait for the whole group to be gone (java got
      // the SIGTERM too), and kill what is left after 5 s.
      const groupGone = () => {
        try {
          process.kill(-child.pid, 0);
          return false;
        } catch {
          return true;
        }
      };
      for (const until = Date.now() + 5000; !groupGone() && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 50));
      }
      killOnExit();
      for (const until = Date.now() + 2000; !groupGone() && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    })();
    return stopped;
  };

  const url = `http://${HOST}:${actualPort}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new FirestoreEmulatorError(`the Firestore emulator (${found.kind}) exited before it was ready:\n${output.join('')}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new FirestoreEmulatorError(`the Firestore emulator did not answer on ${url} within ${timeoutMs / 1000} s:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    kind: found.kind,
    host: `${HOST}:${actualPort}`,
    hostname: HOST,
    port: actualPort,
    /** The process group of the start script and its java child. */
    pid: child.pid,
    startMs: Math.round(performance.now() - started),
    stop,
  };
}

/** Loads rules for one project (each test file uses its own project, so rules and data stay apart). */
export async function loadFirestoreRules(host, projectId, rulesPath = path.join(ROOT, 'firestore.rules')) {
  const content = await readFile(rulesPath, 'utf8');
  const res = await fetch(`http://${host}/emulator/v1/projects/${projectId}:securityRules`, {
    method: 'PUT',
    body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content }] } }),
  });
  const body = await res.text();
  const errors = res.ok ? (JSON.parse(body || '{}').issues ?? []).filter((i) => i.severity === 'ERROR') : [];
  if (!res.ok || errors.length) {
    throw new FirestoreEmulatorError(`${path.basename(rulesPath)} was refused by the emulator: ${errors.length ? errors.map((i) => `line ${i.sourcePosition?.line}: ${i.description}`).join('; ') : body}`);
  }
}

/** Deletes every document of one project. */
export async function clearFirestore(host, projectId) {
  const res = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, { method: 'DELETE' });
  if (!res.ok) throw new FirestoreEmulatorError(`clearing the emulator failed: ${await res.text()}`);
}

// ---- writing documents past the rules (the seed) ------------------------------------------------------

/** A Firestore REST value. Dates become timestamps; integers stay integers. */
export function toValue(v) {
  if (v === null || v === undefined) return { nullValue: null };
  if (v instanceof Date) return { timestampValue: v.toISOString() };
  if (typeof v === 'boolean') return { booleanValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { integerValue: String(v) } : { doubleValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(toValue) } };
  return { mapValue: { fields: toFields(v) } };
}

function toFields(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, x]) => x !== undefined).map(([k, x]) => [k, toValue(x)]));
}

/** A plain value from a Firestore REST value; timestamps become Dates. */
export function fromValue(v) {
  if ('nullValue' in v) return null;
  if ('booleanValue' in v) return v.booleanValue;
  if ('integerValue' in v) return Number(v.integerValue);
  if ('doubleValue' in v) return v.doubleValue;
  if ('stringValue' in v) return v.stringValue;
  if ('timestampValue' in v) return new Date(v.timestampValue);
  if ('arrayValue' in v) return (v.arrayValue.values ?? []).map(fromValue);
  if ('mapValue' in v) return Object.fromEntries(Object.entries(v.mapValue.fields ?? {}).map(([k, x]) => [k, fromValue(x)]));
  return v;
}

/** One document as stored, read past the rules; null when there is none. */
export async function readDocument(host, projectId, docPath) {
  const res = await fetch(`http://${host}/v1/projects/${projectId}/databases/(default)/documents/${docPath.split('/').map(encodeURIComponent).join('/')}`, {
    headers: { authorization: 'Bearer owner' },
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new FirestoreEmulatorError(`reading ${docPath} failed: ${await res.text()}`);
  const body = await res.json();
  return fromValue({ mapValue: { fields: body.fields ?? {} } });
}

/**
 * Writes documents as the emulator's owner, past the rules (`Authorization: Bearer owner`), 500 per commit.
 * @param {string} host 127.0.0.1:PORT
 * @param {string} projectId
 * @param {{ path: string, data: object }[]} docs
 */
export async function writeDocuments(host, projectId, docs) {
  const base = `projects/${projectId}/databases/(default)/documents`;
  for (let i = 0; i < docs.length; i += 500) {
    const writes = docs.slice(i, i + 500).map((d) => ({ update: { name: `${base}/${d.path}`, fields: toFields(d.data) } }));
    const res = await fetch(`http://${host}/v1/${base}:commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer owner' },
      body: JSON.stringify({ writes }),
    });
    if (!res.ok) throw new FirestoreEmulatorError(`seeding Firestore failed: ${await res.text()}`);
  }
}
