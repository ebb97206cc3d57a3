// Browser tests: every test/**/*.test.ts outside the Node-run folders, in headless Chromium.
// `npm test` (scripts/test.mjs) starts the local backend, passes its URLs in through env vars and
// reads the counts this config's summary reporter writes; `npx wtr` also works on its own.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { CHROME_ARGS } from './scripts/browser.mjs';
import { NODE_TEST_DIRS } from './scripts/test-folders.mjs';

/** LENIG_WTR_FILES (a JSON array, set by scripts/test.mjs) narrows the run to chosen files. */
const files = process.env.LENIG_WTR_FILES
  ? JSON.parse(process.env.LENIG_WTR_FILES)
  : ['test/**/*.test.ts', ...NODE_TEST_DIRS.map((d) => `!test/${d}/**`)];

/** What the tests see as `window.LENIG_TEST`: the backend started for this run, if any. */
const testEnv = {
  databaseURL: process.env.LENIG_TEST_DATABASE_URL ?? null,
  authURL: process.env.LENIG_TEST_AUTH_URL ?? null,
  dbPort: process.env.LENIG_TEST_DB_PORT ? Number(process.env.LENIG_TEST_DB_PORT) : null,
  projectId: process.env.LENIG_TEST_PROJECT_ID ?? null,
};

/**
 * Counts passed / failed / skipped tests over all sessions and writes them to LENIG_WTR_SUMMARY,
 * so scripts/test.mjs can add them to the Node runner's counts without scraping the console.
 * A file that fails to load or errors outside a test counts as one failure.
 */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const out = process.env.LENIG_WTR_SUMMARY;
      if (!out) return;
      const totals = { passed: 0, failed: 0, skipped: 0, files: sessions.length };
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) totals.skipped++;
          else if (t.passed) totals.passed++;
          else totals.failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const s of sessions) {
        const before = totals.failed;
        if (s.testResults) walk(s.testResults);
        if (s.passed === false && totals.failed === before) totals.failed++;
      }
      writeFileSync(out, JSON.stringify(totals));
    },
  };
}

/**
 * Requests whose path matches this fail (503), as a dropped connection or a failed upload makes code
 * loaded on demand fail: a test sets it with `executeServerCommand('lenig-fail-requests', { pattern })`
 * and lifts it with `{ pattern: null }`. Keep the pattern to code that only the test's own file loads:
 * two test files run at once.
 */
let failing = null;
const failRequests = {
  name: 'lenig-fail-requests',
  executeCommand({ command, payload }) {
    if (command !== 'lenig-fail-requests') return undefined;
    failing = payload?.pattern ? new RegExp(payload.pattern) : null;
    return true;
  },
};

/**
 * Requests of the calling test file's own page whose URL matches `pattern` (a glob, `*` for any text) fail
 * as a dropped connection does (`answer: 'fail'`) or get no answer, as on a stalled network or behind a
 * proxy holding them (`answer: 'hold'`), until the test lifts it with
 * `executeServerCommand('lenig-page-requests', { pattern: null })`, which lets held requests through (a new
 * call with `answer: 'fail'` fails them instead).
 * Unlike lenig-fail-requests it reaches code that other test files load too: it acts on this page only,
 * with its cache off meanwhile, so code another page already fetched is asked for again.
 */
const pageRequests = {
  name: 'lenig-page-requests',
  /** By test session: the DevTools session pausing the matching requests, and the ones held. */
  sessions: new Map(),
  async executeCommand({ command, payload, session }) {
    if (command !== 'lenig-page-requests') return undefined;
    const page = session.browser.getPage(session.id);
    const previous = this.sessions.get(session.id);
    if (previous) {
      this.sessions.delete(session.id);
      const fail = payload?.pattern && payload.answer === 'fail';
      await Promise.all(
        previous.held.map((requestId) =>
          previous.cdp
            .send(fail ? 'Fetch.failRequest' : 'Fetch.continueRequest', fail ? { requestId, errorReason: 'ConnectionReset' } : { requestId })
            .catch(() => undefined),
        ),
      );
      await previous.cdp.send('Fetch.disable');
      await previous.cdp.detach();
      await page.setCacheEnabled(true);
    }
    if (!payload?.pattern) return true;
    const cdp = await page.createCDPSession();
    const held = [];
    cdp.on('Fetch.requestPaused', ({ requestId }) => {
      if (payload.answer === 'hold') held.push(requestId);
      else void cdp.send('Fetch.failRequest', { requestId, errorReason: 'ConnectionReset' }).catch(() => undefined);
    });
    await page.setCacheEnabled(false);
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: payload.pattern, requestStage: 'Request' }] });
    this.sessions.set(session.id, { cdp, held });
    return true;
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files,
  nodeResolve: {
    browser: true,
    // `development` is the test runner's default: Lit's dev build warns about real mistakes.
    exportConditions: ['browser', 'development'],
  },
  concurrency: 2,
  // Per test file. The default 120 s proved too short for a file of two dozen accessible-in-every-
  // state tests on a loaded 2-core machine; a hung file still ends here.
  testsFinishTimeout: 300_000,
  middleware: [
    (ctx, next) => {
      if (!failing?.test(ctx.path)) return next();
      // Answered here rather than through Koa: the test runner marks every file it serves cacheable for a
      // year, and the browser would keep serving this failure after the test lifts it.
      ctx.respond = false;
      ctx.res.writeHead(503, { 'cache-control': 'no-store' });
      ctx.res.end();
      return undefined;
    },
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), failRequests, pageRequests],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: CHROME_ARGS,
      },
      // Each test file in its own window, not a background tab: with two files at once the tab in
      // the background gets no animation frames, and fixtures that wait for one never settle.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  testFramework: { config: { ui: 'bdd', timeout: 10000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <script>
      window.LENIG_TEST = ${JSON.stringify(testEnv)};
      // Lit's dev build announces itself once per page; say it was heard, keep the other warnings.
      (globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), countingReporter()],
};
