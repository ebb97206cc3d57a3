/**
 * lenig's `custom-token` mode with a token source, end to end in Node: the page's Entra ID token (from a
 * local stand-in for Entra) is posted to the real token exchange, which mints with firebase-admin against
 * the Auth emulator; the store signs in as the object id and the profile carries the person's name.
 * Also: an exchange that never answers ends in a named failure within the stated bound, a refusal is
 * passed on with the exchange's reason, and a kept session of another employee is not reused.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deleteApp as deleteAdminApp, initializeApp as initializeAdminApp, type App } from 'firebase-admin/app';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { deleteApp } from 'firebase/app';
import { goOffline } from 'firebase/database';
import { isStoreError } from '../../src/data/store.js';
import type { Profile, Viewer } from '../../src/data/types.js';
import { configure, whenStore } from '../../src/config/configure.js';
import { pageState } from '../../src/config/page.js';
import { createFirebaseStore, FirebaseStore, followSignInProfile, type FirebaseStoreConfig } from '../../src/firebase/index.js';
import { createExchange } from '../../functions/src/exchange.js';
import { httpHandler } from '../../functions/src/http.js';
import { startTestBackend, type TestBackend } from '../rules/helpers.js';
import { until } from '../contract/contract.js';
import { API_APP, PERSON, TENANT, startEntraIssuer, type EntraIssuer } from './entra-issuer.js';

let backend: TestBackend;
let issuer: EntraIssuer;
let adminApp: App;
let exchangeServer: Server;
let exchangeUrl: string;
let silentServer: Server;
let silentUrl: string;
const stores: FirebaseStore[] = [];

before(async () => {
  backend = await startTestBackend({});
  issuer = await startEntraIssuer();
  process.env['FIREBASE_AUTH_EMULATOR_HOST'] = new URL(backend.authURL).host;
  adminApp = initializeAdminApp({ projectId: backend.projectId }, 'exchange-sign-in');
  const exchange = createExchange({
    tenants: [TENANT],
    audiences: [API_APP],
    jwksUrl: issuer.jwksUrl,
    mint: (uid, claims) => getAdminAuth(adminApp).createCustomToken(uid, claims),
  });
  exchangeServer = createServer(httpHandler(exchange, { origins: ['*'] }));
  await new Promise<void>((r) => exchangeServer.listen(0, '127.0.0.1', r));
  exchangeUrl = `http://127.0.0.1:${(exchangeServer.address() as AddressInfo).port}/token`;
  // Accepts the request and never answers.
  silentServer = createServer(() => undefined);
  await new Promise<void>((r) => silentServer.listen(0, '127.0.0.1', r));
  silentUrl = `http://127.0.0.1:${(silentServer.address() as AddressInfo).port}/token`;
});

after(async () => {
  for (const s of stores) {
    await s.signOut().catch(() => undefined);
    goOffline(s.connection.database);
    await deleteApp(s.connection.app).catch(() => undefined);
  }
  silentServer.closeAllConnections();
  await new Promise<void>((r) => silentServer.close(() => r()));
  await new Promise<void>((r) => exchangeServer.close(() => r()));
  await deleteAdminApp(adminApp);
  await issuer.stop();
  await backend.stop();
});

function config(appName: string, extra: Partial<FirebaseStoreConfig>): FirebaseStoreConfig {
  return {
    firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
    emulator: { auth: backend.authURL },
    appName,
    auth: 'custom-token',
    tokenUrl: exchangeUrl,
    ...extra,
  };
}

function track(store: FirebaseStore): FirebaseStore {
  stores.push(store);
  return store;
}

async function viewerOf(store: FirebaseStore, ok: (v: Viewer) => boolean = () => true): Promise<Viewer> {
  let viewer: Viewer | null = null;
  const stop = store.subscribeViewer((v) => (viewer = v));
  await until(() => viewer !== null && ok(viewer), 'the viewer');
  stop();
  return viewer!;
}

test('the Entra token is posted as a bearer to the exchange; the person is signed in as their object id, with their name in the profile', async () => {
  const bearers: string[] = [];
  const store = track(
    createFirebaseStore(
      config('sso-entra', {
        tokenSource: async () => {
          const t = await issuer.sign();
          bearers.push(t);
          return t;
        },
      }),
    ),
  );
  followSignInProfile(store);
  const viewer = await viewerOf(store, (v) => v.profile?.name === PERSON.name);
  assert.equal(viewer.uid, PERSON.oid);
  assert.equal(viewer.anonymous, false);
  assert.equal(viewer.profile?.name, PERSON.name);
  assert.ok(bearers.length >= 1);
  // Stored on the server, in the shape every profile has (so a search by any word of the name finds it).
  let stored: Record<string, string> | null = null;
  const read = async () => (stored = (await backend.value(`profiles/${PERSON.oid}`)) as Record<string, string> | null);
  await read();
  for (let i = 0; i < 50 && !stored; i++) await new Promise((r) => setTimeout(r, 100)).then(read);
  assert.ok(stored, 'the profile is stored');
  assert.equal(stored['name'], PERSON.name);
  assert.equal(stored['nameLower'], PERSON.name.toLowerCase());
});

test('on a later sign-in the profile name follows Entra, keeping what the person added', async () => {
  const oid = '7a1b2c3d-0000-4000-8000-00000000aaaa';
  let name = 'Jan Jansen';
  const store = track(createFirebaseStore(config('sso-refresh', { tokenSource: () => issuer.sign({ oid, name }) })));
  followSignInProfile(store);
  await viewerOf(store, (v) => v.profile?.name === 'Jan Jansen');
  await store.updateMyProfile({ name: 'Jan Jansen', jobTitle: 'Planner' });
  await store.signOut();
  // Renamed in Entra ID: the next sign-in brings the new name; the job title stays.
  name = 'Jan de Jong-Jansen';
  assert.equal(await store.session.autoSignIn(), undefined);
  const viewer = await viewerOf(store, (v) => v.profile?.name === name);
  assert.equal(viewer.profile?.jobTitle, 'Planner');
});

test('a kept session of another employee (a shared PC) is not reused', async () => {
  let oid = '1b1b1b1b-0000-4000-8000-000000000001';
  const store = track(createFirebaseStore(config('sso-shared-pc', { tokenSource: () => issuer.sign({ oid, name: 'Eerste Medewerker' }) })));
  assert.equal((await viewerOf(store)).uid, oid);
  oid = '2c2c2c2c-0000-4000-8000-000000000002';
  assert.equal(await store.session.autoSignIn(), undefined);
  assert.equal(store.session.user?.uid, oid);
});

test('a refusal by the exchange is passed on with its reason', async () => {
  const store = track(new FirebaseStore(config('sso-refused', { tokenSource: () => issuer.sign({ aud: 'api://someone-else' }) })));
  const error = await store.session.autoSignIn();
  assert.ok(isStoreError(error));
  assert.equal(error.code, 'unauthenticated');
  assert.match(error.message, /refused the sign-in: The token is not meant for the lenig API app/);
  assert.equal(store.session.user, null);
});

test('a token source that fails says what an admin checks', async () => {
  const store = track(new FirebaseStore(config('sso-no-token', { tokenSource: () => Promise.reject(new Error('AADSTS65001: consent required')) })));
  const error = await store.session.autoSignIn();
  assert.ok(isStoreError(error));
  assert.match(error.message, /AADSTS65001.*approves lenig's API permission/);
});

test('an exchange that never answers fails within tokenTimeout, naming the endpoint', async () => {
  const store = track(new FirebaseStore(config('sso-silent', { tokenUrl: silentUrl, tokenTimeout: 300, tokenSource: () => issuer.sign() })));
  const error = await store.session.autoSignIn();
  assert.ok(isStoreError(error));
  assert.equal(error.code, 'offline');
  assert.match(error.message, new RegExp(`token exchange ${silentUrl} did not answer within 0.3 s`));
});

test('configure(): widgets are told the page cannot connect (not left loading) when the exchange never answers; the console says why once', async () => {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
  try {
    configure({
      firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
      emulator: { auth: backend.authURL },
      auth: 'custom-token',
      tokenUrl: silentUrl,
      tokenTimeout: 300,
      tokenSource: () => issuer.sign(),
    });
    await assert.rejects(whenStore(), /failed/);
    const state = pageState();
    assert.equal(state.status, 'failed');
    assert.match(state.status === 'failed' ? state.detail : '', /did not answer within 0.3 s/);
    assert.equal(errors.filter((e) => /did not answer/.test(e)).length, 1);
  } finally {
    console.error = original;
  }
});

test('configure(): with the exchange answering, the page is ready and signed in', async () => {
  configure({
    firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
    emulator: { auth: backend.authURL },
    auth: 'custom-token',
    tokenUrl: exchangeUrl,
    tokenSource: () => issuer.sign({ oid: '3d3d3d3d-0000-4000-8000-000000000003', name: 'Derde Medewerker' }),
  });
  const store = (await whenStore()) as FirebaseStore;
  track(store);
  const viewer = await viewerOf(store, (v) => v.profile?.name === 'Derde Medewerker');
  assert.equal(viewer.uid, '3d3d3d3d-0000-4000-8000-000000000003');
});

test('a profile is read back as the person sees it', async () => {
  // The stored shape is the one updateMyProfile writes, so search by any word of the name finds them.
  const store = stores[0]!;
  const found: Profile[] = await store.searchProfiles('vries');
  assert.ok(found.some((p) => p.uid === PERSON.oid));
});
