/**
 * The token exchange (functions/) against a local stand-in for Entra ID: a valid access token becomes a
 * Firebase custom token for the person's object id, with their name; every kind of bad token gets a
 * 401 with a reason and mints nothing. Served over HTTP as a browser would call it. With the Auth
 * emulator that scripts/test.mjs starts (LENIG_TEST_AUTH_URL), the minted token really signs in.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, base64url } from 'jose';
import { createExchange } from '../../functions/src/exchange.js';
import { httpHandler } from '../../functions/src/http.js';
import { API_APP, OTHER_TENANT, PERSON, SHAREPOINT_CLIENT, TENANT, startEntraIssuer, type EntraIssuer } from './entra-issuer.js';

const ORIGIN = 'https://contoso.sharepoint.com';
let issuer: EntraIssuer;
let server: Server;
let url: string;
const minted: { uid: string; claims: Record<string, string> }[] = [];

async function call(authorization?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(url, { method: 'POST', headers, ...init });
  return { status: res.status, body: (await res.json()) as Record<string, string>, headers: res.headers };
}

before(async () => {
  issuer = await startEntraIssuer();
  const exchange = createExchange({
    tenants: [TENANT],
    audiences: [API_APP],
    jwksUrl: issuer.jwksUrl,
    mint: (uid, claims) => {
      minted.push({ uid, claims });
      return Promise.resolve(`minted.${uid}.sig`);
    },
  });
  server = createServer(httpHandler(exchange, { origins: [ORIGIN] }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await issuer.stop();
});

test('a valid Entra ID token is exchanged for a custom token for the object id, with name and e-mail', async () => {
  minted.length = 0;
  const res = await call(`Bearer ${await issuer.sign()}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { token: `minted.${PERSON.oid}.sig`, uid: PERSON.oid });
  assert.deepEqual(minted, [{ uid: PERSON.oid, claims: { tid: TENANT, name: PERSON.name, mail: PERSON.upn } }]);
  assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('a v2.0 token (issuer login.microsoftonline.com/…/v2.0) is accepted too, name from given and family name', async () => {
  minted.length = 0;
  const token = await issuer.sign({
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    ver: '2.0',
    name: undefined,
    given_name: 'Sem',
    family_name: 'Bakker',
    upn: undefined,
    preferred_username: 'sem@contoso.example',
  });
  const res = await call(`Bearer ${token}`);
  assert.equal(res.status, 200);
  assert.deepEqual(minted[0]?.claims, { tid: TENANT, name: 'Sem Bakker', mail: 'sem@contoso.example' });
});

test('a preflight from an allowed origin is answered; another origin gets no CORS permission', async () => {
  const pre = await fetch(url, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-headers': 'authorization' } });
  assert.equal(pre.status, 204);
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  const other = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

describe('bad tokens: 401, a clear reason, nothing minted', () => {
  const b64 = (o: unknown) => base64url.encode(JSON.stringify(o));
  const cases: [string, () => Promise<string | undefined>, string, RegExp][] = [
    ['no Authorization header', () => Promise.resolve(undefined), 'missing-token', /Authorization: Bearer/],
    ['not a bearer token', () => Promise.resolve('Basic dXNlcjpwYXNz'), 'missing-token', /Bearer/],
    ['garbage', () => Promise.resolve('Bearer not-a-token'), 'malformed', /not a JSON Web Token/],
    ['wrong tenant (properly signed, for another organisation)', () => issuer.sign({ tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` }).then((t) => `Bearer ${t}`), 'tenant-not-allowed', /tenant .* does not serve/],
    ['no tenant claim', () => issuer.sign({ tid: undefined }).then((t) => `Bearer ${t}`), 'tenant-not-allowed', /no tid claim/],
    ['wrong issuer', () => issuer.sign({ iss: `https://evil.example/${TENANT}/` }).then((t) => `Bearer ${t}`), 'wrong-issuer', /not issued by Microsoft Entra ID/],
    ['wrong audience', () => issuer.sign({ aud: 'api://some-other-api' }).then((t) => `Bearer ${t}`), 'wrong-audience', /not meant for the lenig API app/],
    ['a token for another app (Microsoft Graph)', () => issuer.sign({ aud: '00000003-0000-0000-c000-000000000000', scp: 'User.Read' }).then((t) => `Bearer ${t}`), 'wrong-audience', /lenig API app/],
    ['expired', () => issuer.sign({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }).then((t) => `Bearer ${t}`), 'expired', /expired/],
    ['not yet valid', () => issuer.sign({ nbf: now() + 3600, exp: now() + 7200 }).then((t) => `Bearer ${t}`), 'not-yet-valid', /not valid yet/],
    ['alg none', async () => {
      const [, payload] = (await issuer.sign()).split('.');
      return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    }, 'algorithm-not-allowed', /alg none/],
    ['HS256 signed with the public key as secret', async () => {
      const [, payload] = (await issuer.sign()).split('.');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
      const t = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' }).sign(new TextEncoder().encode(issuer.publicKeyPem));
      return `Bearer ${t}`;
    }, 'algorithm-not-allowed', /alg HS256/],
    ['unknown key id', () => issuer.sign({}, { kid: 'not-published', key: issuer.otherKey }).then((t) => `Bearer ${t}`), 'unknown-key', /key Microsoft does not publish/],
    ['signed by another key under the published key id', () => issuer.sign({}, { key: issuer.otherKey }).then((t) => `Bearer ${t}`), 'bad-signature', /signature/],
    ['tampered payload (another object id, same signature)', async () => {
      const [header, payload, signature] = (await issuer.sign()).split('.');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
      return `Bearer ${header}.${b64({ ...claims, oid: 'admin-0000' })}.${signature}`;
    }, 'bad-signature', /signature/],
    ['missing oid', () => issuer.sign({ oid: undefined }).then((t) => `Bearer ${t}`), 'missing-object-id', /object id/],
    ['an application token (no person)', () => issuer.sign({ idtyp: 'app', oid: 'f0e1d2c3-0000-0000-0000-000000000000' }).then((t) => `Bearer ${t}`), 'missing-object-id', /a person/],
  ];
  for (const [name, make, reason, message] of cases) {
    test(name, async () => {
      minted.length = 0;
      const res = await call(await make());
      assert.equal(res.status, 401);
      assert.equal(res.body.error, reason);
      assert.match(res.body.message ?? '', message);
      // A refusal says why and nothing more: no stack, no library internals.
      assert.doesNotMatch(JSON.stringify(res.body), /at \w+ \(|node_modules|Error:/);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
      assert.deepEqual(minted, []);
    });
  }
});

test('with allowed clients set, a token requested by another client is refused', async () => {
  const exchange = createExchange({
    tenants: [TENANT],
    audiences: [API_APP],
    clients: [SHAREPOINT_CLIENT],
    jwksUrl: issuer.jwksUrl,
    mint: () => Promise.reject(new Error('must not mint')),
  });
  const res = await exchange(`Bearer ${await issuer.sign({ appid: '11111111-2222-3333-4444-555555555555' })}`);
  assert.equal(res.status, 401);
  assert.equal((res.body as { error: string }).error, 'client-not-allowed');
});

test('a configuration that cannot work is refused at start, naming the setting', () => {
  const mint = () => Promise.resolve('');
  assert.throws(() => createExchange({ tenants: [], audiences: [API_APP], mint }), /LENIG_TENANTS/);
  assert.throws(() => createExchange({ tenants: [TENANT], audiences: [], mint }), /LENIG_AUDIENCE/);
  assert.throws(() => createExchange({ tenants: [TENANT], audiences: [API_APP], algorithms: ['HS256'], mint }), /public-key/);
});

test('when minting fails the browser gets a short JSON error, not the cause', async () => {
  const exchange = createExchange({
    tenants: [TENANT],
    audiences: [API_APP],
    jwksUrl: issuer.jwksUrl,
    mint: () => Promise.reject(new Error('Permission iam.serviceAccounts.signBlob denied on resource')),
  });
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => void logged.push(a);
  try {
    const res = await exchange(`Bearer ${await issuer.sign()}`);
    assert.equal(res.status, 500);
    assert.equal((res.body as { error: string }).error, 'mint-failed');
    assert.doesNotMatch(JSON.stringify(res.body), /signBlob/);
    assert.match(JSON.stringify(logged), /signBlob/);
  } finally {
    console.error = original;
  }
});

test('with firebase-admin and the Auth emulator, the minted token signs the person in as their object id', { skip: !process.env['LENIG_TEST_AUTH_URL'] && 'needs the Auth emulator (npm test starts it)' }, async () => {
  const authURL = new URL(process.env['LENIG_TEST_AUTH_URL']!);
  const projectId = process.env['LENIG_TEST_PROJECT_ID'] ?? 'demo-lenig';
  process.env['FIREBASE_AUTH_EMULATOR_HOST'] = authURL.host;
  const { initializeApp, deleteApp } = await import('firebase-admin/app');
  const { getAuth } = await import('firebase-admin/auth');
  const app = initializeApp({ projectId }, `exchange-test-${process.pid}`);
  try {
    const exchange = createExchange({
      tenants: [TENANT],
      audiences: [API_APP],
      jwksUrl: issuer.jwksUrl,
      mint: (uid, claims) => getAuth(app).createCustomToken(uid, claims),
    });
    const res = await exchange(`Bearer ${await issuer.sign()}`);
    assert.equal(res.status, 200);
    const { token } = res.body as { token: string };
    const signIn = await fetch(`${authURL.origin}/identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=demo-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, returnSecureToken: true }),
    });
    assert.equal(signIn.status, 200);
    const { idToken } = (await signIn.json()) as { idToken: string };
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(idToken.split('.')[1]!))) as Record<string, unknown>;
    assert.equal(claims['user_id'], PERSON.oid);
    assert.equal(claims['name'], PERSON.name);
    assert.equal(claims['mail'], PERSON.upn);
  } finally {
    await deleteApp(app);
    delete process.env['FIREBASE_AUTH_EMULATOR_HOST'];
  }
});

function now(): number {
  return Math.floor(Date.now() / 1000);
}
