/**
 * The exchange as an admin deploys it, with settings that cannot work: a missing LENIG_TENANTS or
 * LENIG_AUDIENCE is named in every answer and in the log, and a page whose origin LENIG_ALLOWED_ORIGINS
 * leaves out is named in the log — the browser itself only says "failed to fetch".
 */
import { after, afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handlerFromEnv } from '../../functions/src/http.js';

const ORIGIN = 'https://contoso.sharepoint.com';
const servers: Server[] = [];
const logged: string[] = [];
const { error, warn } = console;
console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
console.warn = console.error;
after(() => {
  console.error = error;
  console.warn = warn;
});
afterEach(async () => {
  logged.length = 0;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(env: Record<string, string>): Promise<string> {
  const server = createServer(handlerFromEnv(env, () => Promise.reject(new Error('no minting here'))));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/lenigToken`;
}

test('no tenant set: every call answers 500 not-configured naming LENIG_TENANTS, readable by the allowed page', async () => {
  const url = await serve({ LENIG_AUDIENCE: 'api://lenig', LENIG_ALLOWED_ORIGINS: ORIGIN });
  assert.match(logged.join('\n'), /no tenant configured \(LENIG_TENANTS\); set it in functions\/\.env .* and deploy again/);
  const res = await fetch(url, { method: 'POST', headers: { origin: ORIGIN, authorization: 'Bearer x.y.z' } });
  assert.equal(res.status, 500);
  assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
  assert.deepEqual(await res.json(), { error: 'not-configured', message: 'lenig token exchange: no tenant configured (LENIG_TENANTS)' });
});

test('no audience set: named as LENIG_AUDIENCE', async () => {
  const url = await serve({ LENIG_TENANTS: '00000000-0000-0000-0000-000000000001', LENIG_ALLOWED_ORIGINS: ORIGIN });
  const res = await fetch(url);
  assert.equal(res.status, 500);
  assert.match(((await res.json()) as { message: string }).message, /LENIG_AUDIENCE/);
});

test('a page on an origin LENIG_ALLOWED_ORIGINS does not list: the log names that origin, once', async () => {
  const url = await serve({ LENIG_TENANTS: '00000000-0000-0000-0000-000000000001', LENIG_AUDIENCE: 'api://lenig', LENIG_ALLOWED_ORIGINS: ORIGIN });
  for (let i = 0; i < 2; i++) {
    const res = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://fabrikam.sharepoint.com' } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  }
  const ok = await fetch(url, { method: 'OPTIONS', headers: { origin: ORIGIN } });
  assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
  assert.deepEqual(logged, [
    `lenig token exchange: a page on https://fabrikam.sharepoint.com called, which LENIG_ALLOWED_ORIGINS (${ORIGIN}) does not list; its browser gets no answer`,
  ]);
});

test('set up right: a call without a token is the exchange\'s own "missing-token", what the docs say to look for', async () => {
  const url = await serve({ LENIG_TENANTS: '00000000-0000-0000-0000-000000000001', LENIG_AUDIENCE: 'api://lenig', LENIG_ALLOWED_ORIGINS: ORIGIN });
  const res = await fetch(url);
  assert.equal(res.status, 401);
  assert.equal(((await res.json()) as { error: string }).error, 'missing-token');
  assert.deepEqual(logged, []);
});
