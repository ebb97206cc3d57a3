// How `npm test` gets a browser on a fresh machine (scripts/browser.mjs), with every place it looks
// pointed at empty folders, a download server that is not there and an installer that fails or works.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserNotFound, findBrowser } from '../../scripts/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const isRootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;

let work: string;
let blocked: NodeJS.ProcessEnv;

/** A port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function script(file: string, body: string): string {
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'lenig-browser-'));
  for (const d of ['installed', 'cache']) mkdirSync(path.join(work, d));
  const env = { ...process.env };
  delete env['CHROME_PATH'];
  blocked = {
    ...env,
    LENIG_BROWSER_DIRS: path.join(work, 'installed'),
    LENIG_BROWSER_CACHE: path.join(work, 'cache'),
    LENIG_BROWSER_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
    LENIG_APT_GET: script(path.join(work, 'apt-get-fails'), 'echo "E: Unable to locate package chromium" >&2; exit 100'),
  };
});

after(() => rmSync(work, { recursive: true, force: true }));

describe('finding a browser for the tests', () => {
  it('takes CHROME_PATH first, and names it when it is wrong', async () => {
    const fake = script(path.join(work, 'my-chrome'), 'exit 0');
    assert.deepEqual(await findBrowser({ env: { ...blocked, CHROME_PATH: fake }, say: () => {} }), { path: fake, source: 'CHROME_PATH' });
    await assert.rejects(findBrowser({ env: { ...blocked, CHROME_PATH: path.join(work, 'nope') }, say: () => {} }), (e: Error) => {
      assert.ok(e instanceof BrowserNotFound);
      assert.match(e.message, /^CHROME_PATH is .*nope, which is not an executable file/);
      return true;
    });
  });

  it('finds an installed Chromium where it looks', async () => {
    const dir = path.join(work, 'with-chromium');
    mkdirSync(dir);
    const chromium = script(path.join(dir, 'chromium'), 'exit 0');
    assert.deepEqual(await findBrowser({ env: { ...blocked, LENIG_BROWSER_DIRS: dir }, say: () => {} }), { path: chromium, source: 'installed' });
  });

  it('installs the distribution chromium when nothing else works, and says so', { skip: !isRootOnLinux && 'needs root on Linux' }, async () => {
    const dir = path.join(work, 'after-apt');
    mkdirSync(dir);
    const installer = script(
      path.join(work, 'apt-get-works'),
      `if [ "$1" = install ]; then printf '#!/bin/sh\\nexit 0\\n' > "${dir}/chromium"; chmod +x "${dir}/chromium"; fi; exit 0`,
    );
    const said: string[] = [];
    const found = await findBrowser({ env: { ...blocked, LENIG_BROWSER_DIRS: dir, LENIG_APT_GET: installer }, say: (l) => said.push(l) });
    assert.deepEqual(found, { path: path.join(dir, 'chromium'), source: 'apt-get' });
    assert.equal(said.length, 2, said.join('\n'));
    assert.match(said[0]!, /downloading Chrome Headless Shell .* into /);
    assert.match(said[1]!, /^Installing the distribution's chromium with .*apt-get-works/);
  });

  it('npm test with every source blocked: one line saying what to install, exit 1, no stack trace', { timeout: 60_000 }, async () => {
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'scripts', 'test.mjs'), '--browser-only', 'like-button'], { env: blocked, cwd: ROOT }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, out: `${stdout}${stderr}` }),
      );
    });
    assert.equal(code, 1, out);
    const lines = out.trim().split('\n');
    const verdict = lines.filter((l) => l.startsWith('No browser for the tests'));
    assert.equal(verdict.length, 1, out);
    assert.match(verdict[0]!, /install Google Chrome or Chromium \(Debian\/Ubuntu: sudo apt-get install chromium/);
    assert.match(verdict[0]!, /download failed \(connect ECONNREFUSED/);
    if (isRootOnLinux) assert.match(verdict[0]!, /apt-get-fails failed \(E: Unable to locate package chromium\)/);
    // Besides the verdict, only the announcements of what was tried: a download, an install.
    assert.ok(lines.length <= 3, out);
    assert.ok(!lines.some((l) => /^\s+at /.test(l) || /Error:/.test(l)), `no stack trace:\n${out}`);
  });

  it('npm test -- --help prints the usage and exits 0', async () => {
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'scripts', 'test.mjs'), '--help'], (error, stdout) =>
        resolve({ code: error ? Number(error.code) : 0, out: stdout }),
      );
    });
    assert.equal(code, 0);
    assert.match(out, /^Usage: npm test/);
    assert.match(out, /--browser-only/);
  });
});
