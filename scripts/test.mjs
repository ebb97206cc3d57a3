#!/usr/bin/env node
// The one test command (`npm test`). It finds a browser (scripts/browser.mjs: CHROME_PATH, an installed
// Chrome/Chromium/Edge, or one it fetches or installs and says so), starts the local backend (Realtime
// Database protocol server and Auth emulator) on free ports, runs the Node-side tests with node's own
// runner, then the browser tests with web-test-runner, stops the backend (also on failure or Ctrl-C), and
// ends with one line `N passed, N failed, N skipped` over both runners. `npm test -- --help` explains.
//
// Which runner a file belongs to is decided by its folder (scripts/test-folders.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NODE_TEST_DIRS } from './test-folders.mjs';
import { BrowserNotFound, findBrowser } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** Node 20 applies --test-timeout to each test FILE as a whole. A file may drive two browsers and a
 *  backend through dozens of tests on a busy 2-core machine; past this it is stuck, not slow. */
const NODE_TEST_TIMEOUT_MS = 300_000;

const USAGE = `Usage: npm test [-- [options] [word ...]]

  word ...          run only the test files whose path contains one of these words
                    (npm test -- like-button feed)
  --node-only       only the tests node --test runs (backend, rules, store contract, end to end, package)
  --browser-only    only the tests web-test-runner runs in Chromium (test/components, …)
  --no-backend      do not start the local backend (tests that need it are skipped or fail)
  --no-build        do not rebuild dist/ for the drop-in test when it is older than src/
  --help, -h        this text

Browser: CHROME_PATH if set, else an installed Chrome, Chromium or Edge, else a headless Chrome
downloaded once into ~/.cache/puppeteer, else (root on Debian/Ubuntu) apt-get install chromium.
To watch a component test in a visible browser: npx wtr --config web-test-runner.config.mjs --manual
(see CONTRIBUTING.md).`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const flags = new Set(args.filter((a) => a.startsWith('--')));
const filters = args.filter((a) => !a.startsWith('--'));
for (const f of flags) {
  if (!['--node-only', '--browser-only', '--no-backend', '--no-build'].includes(f)) {
    console.error(`unknown option ${f}\n\n${USAGE}`);
    process.exit(2);
  }
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f).split(sep).join('/'))
    .filter((f) => !f.includes('/node_modules/'));
}

const allTests = walk('test').filter((f) => f.endsWith('.test.ts')).sort();
const matches = (f) => filters.length === 0 || filters.some((w) => f.includes(w));
const isNodeTest = (f) => NODE_TEST_DIRS.includes(f.split('/')[1] ?? '');
const nodeFiles = flags.has('--browser-only') ? [] : allTests.filter((f) => isNodeTest(f) && matches(f));
const browserFiles = flags.has('--node-only') ? [] : allTests.filter((f) => !isNodeTest(f) && matches(f));

if (nodeFiles.length + browserFiles.length === 0) {
  console.error(`No test files matched (${allTests.length} under test/).`);
  console.log('0 passed, 0 failed');
  process.exit(1);
}

/** A Node-run file drives a browser when it, or a helper beside it, uses playwright-core. */
const drivesBrowser = (file) =>
  walk(dirname(file))
    .filter((f) => f.endsWith('.ts') && (f === file || !f.endsWith('.test.ts')))
    .some((f) => /from 'playwright-core'/.test(readFileSync(f, 'utf8')));
if (browserFiles.length > 0 || nodeFiles.some(drivesBrowser)) {
  try {
    const browser = await findBrowser();
    // Every runner and test reads CHROME_PATH (web-test-runner.config.mjs, playwright-core launches).
    process.env.CHROME_PATH = browser.path;
    console.log(`browser: ${browser.path}${browser.source === 'CHROME_PATH' ? ' (CHROME_PATH)' : ''}`);
  } catch (e) {
    if (!(e instanceof BrowserNotFound)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

const tmpDir = join(root, '.tmp', `test-${process.pid}`);
mkdirSync(tmpDir, { recursive: true });

let backend = null;
let firestore = null;
/** One line for the summary when the Firestore tests could not run here. */
let firestoreNote = null;
let child = null;
let stopping = false;

async function cleanup() {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  if (firestore) {
    const f = firestore;
    firestore = null;
    await f.stop().catch((e) => console.error('stopping the Firestore emulator failed:', e));
  }
  if (backend) {
    const b = backend;
    backend = null;
    try {
      await b.stop();
    } catch (e) {
      console.error('stopping the backend failed:', e);
    }
  }
  rmSync(tmpDir, { recursive: true, force: true });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${sig}: stopping tests and backend`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** Runs a command; with `capture`, its stdout is collected (not shown) and passed to `capture`. */
function run(cmd, cmdArgs, env = {}, capture = null) {
  return new Promise((resolve) => {
    child = spawn(cmd, cmdArgs, {
      stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    const chunks = [];
    child.stdout?.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => {
      capture?.(Buffer.concat(chunks).toString('utf8'));
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (e) => {
      console.error(`could not start ${cmd}:`, e.message);
      resolve(1);
    });
  });
}

const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** Newest modification time of any file below these paths. */
function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const files = statSync(p).isDirectory() ? walk(p) : [p];
    for (const f of files) newest = Math.max(newest, statSync(f).mtimeMs);
  }
  return newest;
}

/** The drop-in and package tests use dist/: build first when it is missing or older than its sources. */
async function ensureBuild() {
  if (flags.has('--no-build') || !nodeFiles.some((f) => f.startsWith('test/dist/') || f.startsWith('test/package/'))) return 0;
  const built = ['dist/lenig.js', 'dist/custom-elements.json'];
  const oldestBuilt = Math.min(...built.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (oldestBuilt > newestMtime(['src', 'rollup.config.js', 'tsconfig.json', 'package.json'])) return 0;
  console.log('dist/lenig.js is missing or older than src/: npm run build');
  const t0 = performance.now();
  const code = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
  console.log(`build: ${seconds(t0)}`);
  return code;
}

async function startBackend() {
  if (flags.has('--no-backend')) return {};
  const modulePath = join(root, 'scripts', 'backend.mjs');
  if (!existsSync(modulePath)) {
    console.warn('scripts/backend.mjs not found: running without a local backend; tests that need one will fail.');
    return {};
  }
  const t0 = performance.now();
  const { startBackend: start } = await import(pathToFileURL(modulePath).href);
  backend = await start({
    dbPort: 0,
    authPort: 0,
    rulesPath: join(root, 'database.rules.json'),
    seed: false,
    quiet: true,
  });
  const dbPort = String(backend.dbPort ?? new URL(backend.databaseURL.replace(/^ws/, 'http')).port);
  console.log(`backend: database ${backend.databaseURL}, auth ${backend.authURL} (${seconds(t0)})`);
  return {
    LENIG_TEST_DATABASE_URL: backend.databaseURL,
    LENIG_TEST_AUTH_URL: backend.authURL,
    LENIG_TEST_DB_PORT: dbPort,
    ...(backend.projectId ? { LENIG_TEST_PROJECT_ID: backend.projectId } : {}),
  };
}

/** Files that need the Cloud Firestore emulator: the Firestore rules, contract and e2e tests. */
const needsFirestore = (f) => f.startsWith('test/firestore/') || /firestore/i.test(f.split('/').pop() ?? '');

/**
 * Starts Google's Firestore emulator once for the run (each file uses its own project in it). Where there
 * is none, the files skip their tests, and the run says so in one line; under CI=true that is a failure.
 */
async function startFirestore() {
  const files = nodeFiles.filter(needsFirestore);
  // An emulator given from outside (LENIG_TEST_FIRESTORE_HOST) is used as it is.
  if (files.length === 0 || process.env.LENIG_TEST_FIRESTORE_HOST) return {};
  const { findFirestoreEmulator, startFirestoreEmulator, FIRESTORE_EMULATOR_HINT } = await import(
    pathToFileURL(join(root, 'scripts', 'firestore-emulator.mjs')).href
  );
  if (!findFirestoreEmulator()) {
    firestoreNote = process.env.CI === 'true'
      ? `Firestore: CI=true but ${FIRESTORE_EMULATOR_HINT}`
      : `Firestore: ${files.length} file(s) skipped — ${FIRESTORE_EMULATOR_HINT}`;
    console.log(firestoreNote);
    return {};
  }
  const t0 = performance.now();
  firestore = await startFirestoreEmulator({ port: 0 });
  console.log(`firestore: emulator ${firestore.host} (${firestore.kind}, ${seconds(t0)})`);
  return { LENIG_TEST_FIRESTORE_HOST: firestore.host };
}

/** Reads the totals node's TAP reporter writes last: `# pass N`, `# fail N`, … */
function parseTap(text) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const num = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  if (!/^# tests \d+$/m.test(text)) return null;
  totals.passed = num('pass');
  totals.failed = num('fail') + num('cancelled');
  totals.skipped = num('skipped') + num('todo');
  return totals;
}

async function main() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const add = (t) => {
    totals.passed += t.passed;
    totals.failed += t.failed;
    totals.skipped += t.skipped;
  };

  if ((await ensureBuild()) !== 0) {
    console.error('build failed: the drop-in test cannot run');
    totals.failed++;
  }

  const env = { ...(await startBackend()), ...(await startFirestore()) };
  // Under CI the emulator is part of the machine: its absence fails the run (the files fail too).
  if (firestoreNote && process.env.CI === 'true') totals.failed++;

  if (nodeFiles.length > 0 && !stopping) {
    console.log(`\n── node --test: ${nodeFiles.length} file(s)`);
    let tap = '';
    const t0 = performance.now();
    const code = await run(
      process.execPath,
      [
        '--import', 'tsx',
        '--test',
        `--test-timeout=${NODE_TEST_TIMEOUT_MS}`,
        // A file whose tests and after() hooks are done must not then wait on a handle it leaked
        // (an SDK socket kept open): that counted as a 'timed out' failure minutes later.
        '--test-force-exit',
        // People read the spec reporter (on stderr); the counts come from TAP on the stdout pipe.
        // Not a TAP file: --test-force-exit ends the process before a file stream is flushed.
        '--test-reporter=spec', '--test-reporter-destination=stderr',
        '--test-reporter=tap', '--test-reporter-destination=stdout',
        ...nodeFiles,
      ],
      env,
      (out) => (tap = out),
    );
    const t = parseTap(tap);
    if (!t) {
      console.error(`node --test exited ${code} without a summary`);
      totals.failed++;
    } else {
      add(t);
      // A crash that the runner did not count as a test must still fail the run.
      if (code !== 0 && t.failed === 0) totals.failed++;
      console.log(`node --test: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${seconds(t0)}`);
    }
  }

  if (browserFiles.length > 0 && !stopping) {
    console.log(`\n── web-test-runner: ${browserFiles.length} file(s)`);
    const summary = join(tmpDir, 'wtr.json');
    const t0 = performance.now();
    const code = await run(
      process.execPath,
      [join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js'), '--config', 'web-test-runner.config.mjs'],
      { ...env, LENIG_WTR_FILES: JSON.stringify(browserFiles), LENIG_WTR_SUMMARY: summary },
    );
    if (!existsSync(summary)) {
      console.error(`web-test-runner exited ${code} without a summary`);
      totals.failed++;
    } else {
      const t = JSON.parse(readFileSync(summary, 'utf8'));
      add(t);
      if (code !== 0 && t.failed === 0) totals.failed++;
      console.log(`web-test-runner: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${seconds(t0)}`);
    }
  }
  return totals;
}

let totals = { passed: 0, failed: 1, skipped: 0 };
try {
  totals = await main();
} catch (e) {
  console.error(e);
} finally {
  await cleanup();
}
if (totals.passed + totals.failed === 0) console.error('No test ran.');
if (firestoreNote) console.log(`\n${firestoreNote}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 || totals.passed + totals.failed === 0 ? 1 : 0);
