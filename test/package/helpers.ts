/**
 * What the package tests share: packing the package, fresh apps made from the templates in apps/ (as
 * `npm create vite` makes them) in a folder outside this checkout, so that nothing resolves from the
 * repository's own node_modules, and serving a built app to Chromium against a local backend.
 *
 * The apps' packages come from the npm cache first (`--prefer-offline`): their versions are the ones this
 * repository's lockfile installs (vite, typescript, react, …), so `npm ci` here has cached them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedAuthUsers, startBackend, type Backend } from '../../scripts/backend.mjs';
import { SEED_USERS } from '../../scripts/seed-data.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APPS = path.join(ROOT, 'test', 'package', 'apps');
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Run {
  code: number;
  out: string;
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  // npm_config_* of the `npm test` that started us would leak into the apps' installs.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd, env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, out: `${stdout}\n${stderr}` }),
    );
  });
}

const version = (name: string): string =>
  (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

export const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

export interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** `npm pack --json` in `cwd`, the tarball written to `dest`. */
export async function pack(cwd: string, dest: string, extra: string[] = []): Promise<Packed & { tarball: string }> {
  const result = await run(NPM, ['pack', '--json', '--pack-destination', dest, ...extra], cwd);
  assert.equal(result.code, 0, `npm pack failed:\n${result.out.slice(-3000)}`);
  const json = result.out.slice(result.out.indexOf('\n[') + 1, result.out.lastIndexOf(']') + 1);
  const [packed] = JSON.parse(json) as Packed[];
  return { ...packed!, tarball: path.join(dest, packed!.filename) };
}

/** Copies an app template, points it at the tarball and at the versions this repository installs. */
function makeApp(name: AppName, work: string, tarball: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(APPS, name), dir, { recursive: true });
  const devDependencies: Record<string, string> = { typescript: version('typescript'), vite: version('vite') };
  const dependencies: Record<string, string> = { [pkg.name]: `file:${tarball}` };
  if (name === 'vite-react') {
    for (const d of ['react', 'react-dom']) dependencies[d] = `^${version(d)}`;
    for (const d of ['@types/react', '@types/react-dom', '@vitejs/plugin-react']) devDependencies[d] = version(d);
  }
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: `lenig-${name}-app`,
        private: true,
        version: '0.0.0',
        type: 'module',
        scripts: { build: 'tsc --noEmit && vite build' },
        dependencies,
        devDependencies,
        // npm 11 runs a dependency's install scripts only when allowed: allow lenig's, so that one it
        // shipped would run (and fail here, as it would for everyone with an older npm).
        allowScripts: { [pkg.name]: true },
      },
      null,
      2,
    ),
  );
  return dir;
}

/** Serves a built app's dist/ as a static site (index.html for unknown paths). */
async function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(dir, path.normalize(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || url.pathname === '/') file = path.join(dir, 'index.html');
    res.writeHead(200, { 'content-type': `${types[path.extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export type AppName = 'vite-ts' | 'vite-react';

/**
 * The tests of one fresh app: install the package (built dist/, packed as published) with install scripts
 * allowed, `tsc --noEmit`, `vite build`, then the built app in Chromium showing the seeded company feed.
 * `inBrowser` checks what is particular to the app once the feed shows.
 */
export function appSuite(name: AppName, title: string, inBrowser: (page: Page) => Promise<void>): void {
  describe(`a fresh ${title} app`, () => {
    let work: string;
    let dir: string;
    let backend: Backend | undefined;
    let authURL: string | undefined;
    let browser: Browser | undefined;

    before(() => {
      work = mkdtempSync(path.join(tmpdir(), `lenig-${name}-`));
    });
    after(async () => {
      await browser?.close();
      await backend?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    test('installs the packed package with install scripts allowed', { timeout: 240_000 }, async () => {
      // dist/ is built (npm test builds it when it is older than src/); pack.test.ts proves that a
      // fresh checkout's `npm pack` builds it itself.
      const { tarball } = await pack(ROOT, work, ['--ignore-scripts']);
      dir = makeApp(name, work, tarball);
      const install = await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
      assert.equal(install.code, 0, `npm install failed:\n${install.out.slice(-3000)}`);
      assert.ok(existsSync(path.join(dir, 'node_modules', pkg.name, 'dist', 'index.js')));
    });

    test('type-checks: typed tags, properties and events; a wrong property type is refused', { timeout: 120_000 }, async () => {
      const tsc = await run(process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], dir);
      assert.equal(tsc.code, 0, `tsc --noEmit:\n${tsc.out}`);
    });

    test('builds for production', { timeout: 120_000 }, async () => {
      const build = await run(process.execPath, [path.join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], dir);
      assert.equal(build.code, 0, `vite build:\n${build.out}`);
      assert.ok(existsSync(path.join(dir, 'dist', 'index.html')));
    });

    test(
      'shows the company feed from the local backend in Chromium',
      { timeout: 120_000, skip: process.env['LENIG_TEST_DATABASE_URL'] ? false : 'no local backend (run through npm test)' },
      async () => {
        // The seeded company channel, in a database of this suite's own; the Auth emulator npm test started.
        const sharedAuth = process.env['LENIG_TEST_AUTH_URL'];
        backend = await startBackend({ dbPort: 0, authPort: 0, seed: true, auth: !sharedAuth, quiet: true });
        authURL = sharedAuth ?? backend.authURL;
        if (sharedAuth) await seedAuthUsers(sharedAuth, SEED_USERS, backend.projectId);
        browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] || '/usr/bin/chromium', args: CHROME_ARGS });

        const { origin, server } = await serve(path.join(dir, 'dist'));
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          const query = new URLSearchParams({ database: backend.databaseURL, auth: authURL!, project: backend.projectId });
          await page.goto(`${origin}/?${query}`);
          // Playwright's locators pierce the open shadow roots: the posts as a person sees them.
          const posts = page.getByRole('feed').getByRole('article');
          await posts.first().waitFor({ timeout: 30_000 });
          assert.ok((await posts.count()) >= 1, 'at least one post in the feed');
          await inBrowser(page);
          assert.deepEqual(errors, [], 'no uncaught errors on the page');
        } finally {
          await context.close();
          await new Promise((resolve) => server.close(resolve));
        }
      },
    );
  });
}
