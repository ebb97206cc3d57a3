/**
 * scripts/backend.mjs: ports, seeding, rules loading, clear errors, and a stop that leaves nothing
 * running. Two of these tests start the Auth emulator (seconds each); the rest run without it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { deleteApp, initializeApp, setLogLevel, type FirebaseApp } from 'firebase/app';
import { get, getDatabase, ref, set } from 'firebase/database';
import { BackendError, loadRules, startBackend, type Backend } from '../../scripts/backend.mjs';
import { buildSeed } from '../../scripts/seed-data.mjs';

// Refused writes are expected here; the SDK would print a warning for each.
setLogLevel('error');

const tmp = await mkdtemp(path.join(os.tmpdir(), 'lenig-backend-test-'));
const running: Backend[] = [];
const apps: FirebaseApp[] = [];

after(async () => {
  await Promise.all(apps.map((a) => deleteApp(a).catch(() => {})));
  await Promise.all(running.map((b) => b.stop()));
  await rm(tmp, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startBackend>[0]): Promise<Backend> {
  const b = await startBackend({ quiet: true, ...options });
  running.push(b);
  return b;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signIn(authURL: string, email: string, password: string): Promise<{ localId: string; idToken: string }> {
  const res = await fetch(`${authURL}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await res.json()) as { localId: string; idToken: string; error?: { message: string } };
  assert.equal(res.status, 200, JSON.stringify(body.error));
  return body;
}

/** Holds a port on 127.0.0.1 as another program would. */
async function occupy(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function writeRules(name: string, text: string): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, text);
  return file;
}

describe('startBackend with the Auth emulator', () => {
  it('starts on free ports, seeds the database, and the seeded people can sign in with their fixed uids', async () => {
    const now = Date.UTC(2026, 10, 20, 9, 30);
    const b = await start({ now });
    assert.match(b.databaseURL, /^ws:\/\/127\.0\.0\.1:\d+\?ns=demo-lenig$/);
    assert.equal(b.databaseURL, `ws://127.0.0.1:${b.dbPort}?ns=demo-lenig`);
    assert.equal(b.authURL, `http://127.0.0.1:${b.authPort}`);
    assert.equal(b.projectId, 'demo-lenig');
    assert.equal(b.namespace, 'demo-lenig');
    assert.notEqual(b.dbPort, 9000, 'port 0 means a free port, not the default');

    assert.deepEqual(await b.server.getValue(), buildSeed(now).data);
    assert.equal(b.users.length, 5);
    for (const u of b.users) {
      const session = await signIn(b.authURL, u.email, u.password);
      assert.equal(session.localId, u.uid);
    }
  });

  it('runs a second backend next to the first, and stop() ends the emulator and frees the ports', async () => {
    const first = running[0];
    assert.ok(first, 'the first backend is still running');
    const second = await start({ seed: false });
    assert.notEqual(second.dbPort, first.dbPort);
    assert.notEqual(second.authPort, first.authPort);
    // Both answer, each with its own accounts.
    await signIn(first.authURL!, first.users[0]!.email, first.users[0]!.password);
    const res = await fetch(`${second.authURL}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=k`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: first.users[0]!.email, password: first.users[0]!.password }),
    });
    assert.equal(res.status, 400, 'the unseeded second emulator does not know the seeded people');

    const pid = second.authPid!;
    assert.ok(isAlive(pid), 'emulator running before stop');
    await second.stop();
    assert.equal(isAlive(pid), false, 'emulator process gone');
    let groupAlive = true;
    try {
      process.kill(-pid, 0);
    } catch {
      groupAlive = false;
    }
    assert.equal(groupAlive, false, 'nothing left in its process group');
    await assert.rejects(fetch(`${second.authURL}/`), 'auth port closed');
    // The database port is free again.
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(second.dbPort, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => probe.close(resolve));
    await second.stop(); // twice is harmless
  });
});

describe('startBackend errors', () => {
  it('reports a taken database port in one line naming the variable to change', async () => {
    const held = await occupy();
    try {
      await assert.rejects(startBackend({ dbPort: held.port, auth: false, quiet: true }), (e: Error) => {
        assert.ok(e instanceof BackendError, 'a BackendError');
        assert.equal(e.message, `port ${held.port} is in use — set LENIG_DB_PORT to another port`);
        return true;
      });
    } finally {
      await held.close();
    }
  });

  it('reports a taken Auth port before starting the emulator', async () => {
    const held = await occupy();
    const started = Date.now();
    try {
      await assert.rejects(startBackend({ authPort: held.port, quiet: true }), {
        name: 'BackendError',
        message: `port ${held.port} is in use — set LENIG_AUTH_PORT to another port`,
      });
      assert.ok(Date.now() - started < 3000, 'fails fast, without waiting for an emulator');
    } finally {
      await held.close();
    }
  });

  it('names the rules file when it is missing or broken', async () => {
    await assert.rejects(loadRules(path.join(tmp, 'nope.json')), /cannot read the rules file .*nope\.json/);
    await assert.rejects(loadRules(await writeRules('broken.json', '{"rules": {')), /broken\.json is not valid JSON/);
    await assert.rejects(loadRules(await writeRules('norules.json', '{"read": true}')), /no top-level "rules"/);
    await assert.rejects(
      startBackend({ rulesPath: await writeRules('bad-expr.json', '{"rules": {".read": "auth.uid ==="}}'), auth: false, quiet: true }),
      /bad-expr\.json could not be loaded/,
    );
  });
});

describe('startBackend rules', () => {
  it('loads the rules file it is given, comments allowed, and enforces it', async () => {
    const rulesPath = await writeRules(
      'commented.json',
      `// Firebase accepts comments in rules files.
      {
        "rules": {
          /* everyone reads */
          ".read": true,
          "open": { ".write": true },
          "pattern": { ".write": true, ".validate": "newData.val().matches(/^a\\\\/b$/)" } // not a comment: in a string
        }
      }`,
    );
    const rules = await loadRules(rulesPath);
    assert.equal((rules.rules as Record<string, { '.validate'?: string }>).pattern?.['.validate'], 'newData.val().matches(/^a\\/b$/)');

    const b = await start({ rulesPath, auth: false, seed: false, data: { closed: 1 } });
    assert.equal(b.authURL, undefined);
    const app = initializeApp({ databaseURL: b.databaseURL, projectId: b.projectId, apiKey: 'k' }, 'rules-test');
    apps.push(app);
    const db = getDatabase(app);
    await set(ref(db, 'open/x'), 1);
    await set(ref(db, 'pattern'), 'a/b');
    await assert.rejects(set(ref(db, 'pattern'), 'a-b'), /permission_denied/i);
    await assert.rejects(set(ref(db, 'closed'), 2), /permission_denied/i);
    assert.equal((await get(ref(db, 'closed'))).val(), 1);
  });

  it("loads the project's database.rules.json with the seed", async () => {
    const b = await start({ auth: false });
    const value = (await b.server.getValue()) as { profiles: Record<string, unknown> };
    assert.equal(Object.keys(value.profiles).length, 5);
  });
});
