// The page configuration names every problem an admin can fix, and nothing else.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkConfig, type LenigConfig } from '../../src/config/page.js';

const fields = (config: LenigConfig) => checkConfig(config).map((p) => `${p.problem} ${p.field}`);
const firebase = { apiKey: 'key', authDomain: 'acme.firebaseapp.com', databaseURL: 'https://acme-default-rtdb.firebaseio.com' };

describe('checkConfig', () => {
  it('accepts a complete anonymous configuration', () => {
    assert.deepEqual(fields({ firebase }), []);
  });

  it('names a missing database URL and API key', () => {
    assert.deepEqual(fields({ firebase: {} }), ['missing database-url', 'missing api-key']);
  });

  it('names a database URL that is not a URL', () => {
    assert.deepEqual(fields({ firebase: { ...firebase, databaseURL: 'acme-default-rtdb' } }), ['invalid database-url']);
  });

  it('asks custom-token for its token URL', () => {
    assert.deepEqual(fields({ firebase, auth: 'custom-token' }), ['missing token-url']);
  });

  it('asks Microsoft sign-in for the tenant and the auth domain its popup runs on', () => {
    assert.deepEqual(fields({ firebase: { ...firebase, authDomain: undefined }, auth: 'microsoft' }), ['missing tenant', 'missing auth-domain']);
    assert.deepEqual(fields({ firebase, auth: 'microsoft', tenant: 'acme.onmicrosoft.com' }), []);
  });

  it("lets host mode take the database and key from the page's own app", () => {
    assert.deepEqual(fields({ auth: 'host' }), []);
  });

  it('rejects an unknown sign-in method by name', () => {
    assert.deepEqual(fields({ firebase, auth: 'ldap' as never }), ['invalid auth']);
  });

  it('asks Cloud Firestore for the project id instead of a database URL', () => {
    assert.deepEqual(fields({ database: 'firestore', firebase: { apiKey: 'key', projectId: 'acme' } }), []);
    assert.deepEqual(fields({ database: 'firestore', firebase: { apiKey: 'key' } }), ['missing project-id']);
    assert.deepEqual(fields({ database: 'realtime', firebase: { apiKey: 'key', projectId: 'acme' } }), ['missing database-url']);
    assert.deepEqual(fields({ database: 'mongodb' as never, firebase }), ['invalid database']);
  });

  it('needs nothing when a store is handed in', () => {
    assert.deepEqual(fields({ store: {} as never }), []);
  });
});

describe('auth "host"', () => {
  it("says how to hand over the page's Firebase app when there is none", async () => {
    const { createFirebaseStore } = await import('../../src/firebase/index.js');
    assert.throws(() => createFirebaseStore({ auth: 'host' }), /needs the page's own Firebase app/);
    const { createFirestoreStore } = await import('../../src/firestore/index.js');
    assert.throws(() => createFirestoreStore({ auth: 'host' }), /needs the page's own Firebase app/);
  });

  it("says what to do when the page's app has no Auth yet and the popup sign-in's code is not loaded", async () => {
    // Auth for the page's own app is set up as getAuth() would, with the popup helper, which is a chunk of
    // its own: configure() loads it first; a store made directly must too (or the page calls getAuth first).
    const { initializeApp, deleteApp } = await import('firebase/app');
    const { createFirebaseStore } = await import('../../src/firebase/index.js');
    const app = initializeApp({ apiKey: 'k', projectId: 'host-no-auth', databaseURL: 'https://host-no-auth.firebaseio.com' }, 'host-no-auth');
    try {
      assert.throws(() => createFirebaseStore({ auth: 'host', app }), /call getAuth\(app\) before lenig, or await loadPopupFor\(config\)/);
    } finally {
      await deleteApp(app);
    }
  });
});

it('the VERSION constant matches package.json', async () => {
  const { VERSION } = await import('../../src/version.js');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(VERSION, pkg.version);
});
