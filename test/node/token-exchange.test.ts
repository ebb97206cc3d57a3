// What the console says when the token exchange answers with something other than a token: an admin
// reads it to know whether the exchange is missing, misconfigured or refusing the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { customToken } from '../../src/firebase/token-exchange.js';
import { isStoreError } from '../../src/data/store.js';

let server: Server;
let base: string;
const source = () => Promise.resolve('entra.access.token');

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/mint-failed') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'mint-failed', message: 'The Firebase custom token could not be made; the exchange\'s log says why.' }));
    } else res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Page not found</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(tokenUrl: string): Promise<Error & { code: string }> {
  try {
    await customToken({ auth: 'custom-token', tokenUrl, tokenSource: source });
  } catch (e) {
    assert.ok(isStoreError(e));
    return e;
  }
  throw new Error('expected the sign-in to fail');
}

test('an exchange that cannot mint: its own reason is passed on', async () => {
  const e = await failure(`${base}/mint-failed`);
  assert.match(e.message, /answered 500 Internal Server Error: The Firebase custom token could not be made; the exchange's log says why\./);
});

test('an address where no exchange is deployed: says to check the URL and the deploy', async () => {
  const e = await failure(`${base}/lenigToken`);
  assert.match(e.message, /answered 404 Not Found: nothing answers at this address; check the URL and that the exchange is deployed/);
});

test('an exchange the browser cannot reach: says how to tell a missing exchange from a refused origin', async () => {
  const e = await failure('http://127.0.0.1:1/lenigToken');
  assert.equal(e.code, 'offline');
  assert.match(e.message, /could not be reached/);
  assert.match(e.message, /open http:\/\/127\.0\.0\.1:1\/lenigToken in a browser tab: a running token exchange answers "missing-token"; if it does, its LENIG_ALLOWED_ORIGINS must list/);
});

test("an exchange at a plain http address on another machine: the page's token is not sent", async () => {
  let asked = 0;
  const counting = () => {
    asked++;
    return source();
  };
  for (const url of ['http://intranet.example/lenigToken', 'http://10.0.0.5:8080/lenigToken', 'ftp://intranet.example/lenigToken']) {
    try {
      await customToken({ auth: 'custom-token', tokenUrl: url, tokenSource: counting });
      assert.fail('expected the sign-in to fail');
    } catch (e) {
      assert.ok(isStoreError(e));
      assert.equal(e.code, 'unauthenticated');
      assert.match(e.message, /is not an https:\/\/ address; the page's token is sent only over https/);
    }
  }
  assert.equal(asked, 0, 'no token was asked for');
});
