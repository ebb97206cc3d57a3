/**
 * `npm start` (scripts/start.mjs): the demo server on its own with fixture files, then the real
 * command end to end: one line of output, a working backend behind /demo-config.js, and Ctrl+C
 * leaving no process behind.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { createDemoServer } from '../../scripts/start.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface DemoConfig {
  databaseURL: string;
  authEmulatorURL: string;
  projectId: string;
  apiKey: string;
  users: { uid: string; email: string; password: string; name: string; jobTitle: string }[];
}

/** Runs /demo-config.js the way a page would and returns what it put on window. */
function runConfig(js: string): DemoConfig {
  const window: { LENIG_DEMO?: DemoConfig } = {};
  vm.runInNewContext(js, { window });
  assert.ok(window.LENIG_DEMO, 'the script sets window.LENIG_DEMO');
  // Out of the vm's realm, so deepStrictEqual compares plain objects of this one.
  return JSON.parse(JSON.stringify(window.LENIG_DEMO)) as DemoConfig;
}

describe('the demo server', () => {
  let dir: string;
  let base: string;
  let demo: Awaited<ReturnType<typeof createDemoServer>>;
  let config: object | undefined;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lenig-demo-server-'));
    await mkdir(path.join(dir, 'demo', 'site'), { recursive: true });
    await writeFile(path.join(dir, 'demo', 'index.html'), '<!doctype html><title>fixture</title>');
    await writeFile(path.join(dir, 'demo', 'site', 'style.css'), 'body{}');
    await mkdir(path.join(dir, 'demo', 'partials'), { recursive: true });
    await writeFile(
      path.join(dir, 'demo', 'partials', 'nav.html'),
      '<!-- about this partial -->\n<nav><ul><li><a href="./">Home</a></li><li><a href="ideas.html">Ideas</a></li></ul></nav>\n',
    );
    await writeFile(path.join(dir, 'demo', 'ideas.html'), '<!doctype html>\n  <!-- include: partials/nav.html -->\n  <!-- include: partials/gone.html -->\n<main></main>');
    await writeFile(path.join(dir, 'secret.txt'), 'outside demo/');
    // Experimental decorators (what the library uses) call a property decorator with (prototype, name);
    // standard decorators would call it with (undefined, context).
    await writeFile(
      path.join(dir, 'entry.ts'),
      `const seen: unknown[] = [];
       function prop(target: object, name: string) { seen.push(typeof target, name); }
       export class Fixture { @prop label = 'x'; }
       (globalThis as { __lenigFixture?: unknown[] }).__lenigFixture = seen;`,
    );
    demo = await createDemoServer({ demoDir: path.join(dir, 'demo'), entry: path.join(dir, 'entry.ts'), config: () => config });
    await new Promise<void>((resolve) => demo.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(demo.server.address() as net.AddressInfo).port}`;
  });

  after(async () => {
    await demo?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves demo/ with the right types, index.html for /, and nothing outside demo/', async () => {
    const index = await fetch(`${base}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(await index.text(), '<!doctype html><title>fixture</title>');
    const css = await fetch(`${base}/site/style.css`);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.equal((await fetch(`${base}/missing.html`)).status, 404);
    for (const sneaky of ['/../secret.txt', '/%2e%2e/secret.txt', '/site/..%2f..%2fsecret.txt']) {
      const res = await fetch(`${base}${sneaky}`);
      assert.notEqual(res.status, 200, sneaky);
      assert.doesNotMatch(await res.text(), /outside demo/, sneaky);
    }
  });

  it("puts the shared partials into a page and marks the page's own link", async () => {
    const ideas = await (await fetch(`${base}/ideas.html`)).text();
    assert.equal(
      ideas,
      '<!doctype html>\n<nav><ul><li><a href="./">Home</a></li><li><a href="ideas.html" aria-current="page">Ideas</a></li></ul></nav>\n' +
        '<!-- gone.html is missing from demo/partials/ -->\n<main></main>',
    );
  });

  it('serves /demo-config.js once the backend is known', async () => {
    config = undefined;
    assert.equal((await fetch(`${base}/demo-config.js`)).status, 503);
    config = { databaseURL: 'ws://127.0.0.1:1?ns=demo-lenig', authEmulatorURL: 'http://127.0.0.1:2', projectId: 'demo-lenig', apiKey: 'k', users: [] };
    const res = await fetch(`${base}/demo-config.js`);
    assert.equal(res.status, 200);
    assert.deepEqual(runConfig(await res.text()), config);
  });

  it('bundles the entry with experimental decorators into /lenig.js, with a source map', async () => {
    const res = await fetch(`${base}/lenig.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    const js = await res.text();
    assert.match(js, /sourceMappingURL=lenig\.js\.map/);
    // Without the map comment: a data: URL has no base to resolve lenig.js.map against.
    const runnable = js.replace(/\/\/# sourceMappingURL=.*$/m, '');
    await import(`data:text/javascript;base64,${Buffer.from(runnable).toString('base64')}`);
    assert.deepEqual((globalThis as { __lenigFixture?: unknown[] }).__lenigFixture, ['object', 'label']);
    const map = (await (await fetch(`${base}/lenig.js.map`)).json()) as { sources: string[] };
    assert.ok(map.sources.some((s) => s.endsWith('entry.ts')), 'the map points at the TypeScript source');
  });

  it('rebuilds on the next request after an edit, and reports a compile error in the browser console', async () => {
    const entry = path.join(dir, 'entry.ts');
    const original = await readFile(entry, 'utf8');
    await writeFile(entry, `${original}\nexport const edited = 'na de wijziging';\n`);
    assert.match(await (await fetch(`${base}/lenig.js`)).text(), /na de wijziging/);
    await writeFile(entry, 'export const broken = ;\n');
    const stderrWrite = process.stderr.write;
    process.stderr.write = () => true; // the server also tells the terminal; keep the test output clean
    try {
      const res = await fetch(`${base}/lenig.js`);
      assert.equal(res.status, 500);
      assert.match(await res.text(), /^console\.error\(.*entry\.ts:1 /);
    } finally {
      process.stderr.write = stderrWrite;
      await writeFile(entry, original);
    }
  });
});

describe('the demo server on a built library (npm start -- --dist)', () => {
  let dir: string;
  let base: string;
  let demo: Awaited<ReturnType<typeof createDemoServer>>;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lenig-demo-dist-'));
    await mkdir(path.join(dir, 'demo'), { recursive: true });
    await mkdir(path.join(dir, 'dist', 'lenig'), { recursive: true });
    await writeFile(path.join(dir, 'demo', 'index.html'), '<!doctype html><title>fixture</title>');
    await writeFile(path.join(dir, 'dist', 'lenig.js'), "import('./lenig/feed-abc.js');");
    await writeFile(path.join(dir, 'dist', 'lenig', 'feed-abc.js'), 'export const feed = 1;');
    await writeFile(path.join(dir, 'secret.txt'), 'outside dist/');
    demo = await createDemoServer({ demoDir: path.join(dir, 'demo'), entry: path.join(dir, 'no-entry.ts'), config: {}, dist: path.join(dir, 'dist') });
    await new Promise<void>((resolve) => demo.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(demo.server.address() as net.AddressInfo).port}`;
  });

  after(async () => {
    await demo?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the loader at /lenig.js and its chunks under /lenig/, as JavaScript, and nothing else', async () => {
    const loader = await fetch(`${base}/lenig.js`);
    assert.equal(loader.status, 200);
    assert.match(loader.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await loader.text(), "import('./lenig/feed-abc.js');");
    assert.equal(await (await fetch(`${base}/lenig/feed-abc.js`)).text(), 'export const feed = 1;');
    const missing = await fetch(`${base}/lenig/missing.js`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /not in the built library/);
    for (const sneaky of ['/lenig/../../secret.txt', '/lenig/%2e%2e/%2e%2e/secret.txt']) {
      const res = await fetch(`${base}${sneaky}`);
      assert.notEqual(res.status, 200, sneaky);
      assert.doesNotMatch(await res.text(), /outside dist/, sneaky);
    }
  });
});

/** Pids of a process and all its descendants, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startCommand(env: Record<string, string>): { child: ChildProcess; stdout: string[]; stderr: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, LENIG_DEMO_PORT: '0', LENIG_DB_PORT: '0', LENIG_AUTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.on('data', (d: Buffer) => stdout.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exited };
}

async function waitFor<T>(what: string, fn: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  it('prints one line with the address, serves demo/ and the config, signs in a seeded person, and Ctrl+C leaves nothing running', async () => {
    const run = startCommand({});
    try {
      const line = await waitFor('the address line', () => (run.stdout.join('').includes('\n') ? run.stdout.join('') : undefined), 60_000);
      const url = /^lenig demo: (http:\/\/127\.0\.0\.1:\d+\/) /.exec(line)?.[1];
      assert.ok(url, `the line starts with the address: ${line}`);
      assert.equal(line.split('\n').filter(Boolean).length, 1, 'one line');

      const config = runConfig(await (await fetch(`${url}demo-config.js`)).text());
      assert.match(config.databaseURL, /^ws:\/\/127\.0\.0\.1:\d+\?ns=demo-lenig$/);
      assert.equal(config.projectId, 'demo-lenig');
      assert.equal(config.users.length, 5);
      const [person] = config.users;
      const signIn = await fetch(`${config.authEmulatorURL}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=${config.apiKey}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: person!.email, password: person!.password, returnSecureToken: true }),
      });
      assert.equal(((await signIn.json()) as { localId: string }).localId, person!.uid);

      const indexFile = path.join(ROOT, 'demo', 'index.html');
      const index = await fetch(url);
      if (existsSync(indexFile)) {
        // The page as written, with its shared header (demo/partials/) put in.
        const served = await index.text();
        const written = await readFile(indexFile, 'utf8');
        assert.ok(!served.includes('<!-- include: '), 'every include was put in');
        assert.match(served, /<li><a href="\.\/" aria-current="page">Home<\/a><\/li>/);
        const [head, tail] = written.split(/^.*<!-- include: partials\/header\.html -->.*$/m);
        assert.ok(head && tail && served.startsWith(head) && served.endsWith(tail), 'the rest of the page as written');
      } else assert.equal(index.status, 404);

      const lib = await fetch(`${url}lenig.js`);
      if (existsSync(path.join(ROOT, 'src', 'index.ts'))) {
        assert.equal(lib.status, 200, await lib.clone().text().then((t) => t.slice(0, 500)));
        assert.match(await lib.text(), /customElements/);
      } else {
        assert.match(await lib.text(), /src\/index\.ts does not exist/);
      }

      const pids = descendants(run.child.pid!);
      assert.ok(pids.length >= 2, 'the Auth emulator runs under it');
      run.child.kill('SIGINT');
      assert.equal(await run.exited, 0, run.stderr.join(''));
      await waitFor('every process gone', () => (pids.every((p) => !alive(p)) ? true : undefined), 10_000);
      assert.equal(run.stdout.join('').split('\n').filter(Boolean).length, 1, 'still one line after stopping');
      await assert.rejects(fetch(url), 'the demo port is closed');
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });

  it('says in one line which port is taken and exits with 1', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const run = startCommand({ LENIG_DEMO_PORT: String(port) });
      assert.equal(await run.exited, 1);
      assert.equal(run.stderr.join(''), `port ${port} is in use — set LENIG_DEMO_PORT to another port\n`);
      assert.equal(run.stdout.join(''), '');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
