#!/usr/bin/env node
// Size check (`npm run size`, after `npm run build`). Measures, gzip level 9:
//   - dist/lenig.js, the drop-in an admin loads with one script tag (everything, Firebase included);
//   - "widgets + lit without firebase": src/index.ts bundled and minified without the Firebase SDK
//     and without src/firebase/ (the adapter that configure() imports on demand, only for Firebase),
//     i.e. what a page pays when it brings its own store. The adapter's own size is printed apart.
//   - the pages in SCENARIOS below, built from dist/ through the package's exports as an app would;
// Fails when the first two are over the budget stated in README.md, in a line such as
//   Budget: drop-in ≤ 95 KB gz, widgets + lit without firebase ≤ 25 KB gz
// (KB = 1000 bytes), so the budget lives where readers see it and changing it is a reviewed edit.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function readBudget() {
  const readme = join(root, 'README.md');
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
  const m = text.match(
    /Budget:\s*drop-in\s*(?:≤|<=)\s*([\d.]+)\s*KB\s*gz,\s*widgets \+ lit without firebase\s*(?:≤|<=)\s*([\d.]+)\s*KB\s*gz/i,
  );
  if (!m) {
    console.error(
      'README.md has no budget line. Add one to its "Size budget" section, e.g.:\n' +
        '  Budget: drop-in ≤ 95 KB gz, widgets + lit without firebase ≤ 25 KB gz',
    );
    process.exit(1);
  }
  return { dropin: Number(m[1]) * 1000, widgets: Number(m[2]) * 1000 };
}

const budget = readBudget();

const dropinPath = join(root, 'dist', 'lenig.js');
if (!existsSync(dropinPath)) {
  console.error('dist/lenig.js not found: run `npm run build` first.');
  process.exit(1);
}
const dropin = readFileSync(dropinPath);

const firebaseDir = join(root, 'src', 'firebase');
/** Bundles src/index.ts, minified, without the Firebase SDK; optionally without src/firebase/ too. */
async function bundle({ withAdapter }) {
  const result = await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    external: ['firebase', 'firebase/*', '@firebase/*'],
    write: false,
    logLevel: 'error',
    legalComments: 'none',
    plugins: withAdapter
      ? []
      : [
          {
            name: 'leave-out-firebase-adapter',
            setup(b) {
              b.onResolve({ filter: /^\.\.?\/.*firebase/ }, (args) => {
                const path = join(args.resolveDir, args.path);
                return path.startsWith(firebaseDir) ? { path: args.path, external: true } : undefined;
              });
            },
          },
        ],
  });
  return result.outputFiles[0].contents;
}
const widgets = await bundle({ withAdapter: false });
const withAdapter = await bundle({ withAdapter: true });

/**
 * Pages a developer builds from the package: each `entry` is an app's entry module, bundled and minified
 * from dist/ as an app's bundler would, Firebase left out (configure() loads it on demand, and the SDK's
 * own size is not lenig's to cut). Add a page here to give it a budget.
 */
const SCENARIOS = [
  {
    name: 'page with one like button',
    entry: `import { configure } from 'lenig/config';
import 'lenig/components/like-button/like-button.js';
configure({ firebase: { apiKey: 'k', databaseURL: 'https://x.firebaseio.com' } });`,
    budget: 20_000,
  },
];

const distDir = join(root, 'dist');
async function bundleScenario(entry) {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    legalComments: 'none',
    external: ['firebase', 'firebase/*', '@firebase/*'],
    // `lenig/…` resolves through package.json "exports" (esbuild follows a package's own name) to dist/;
    // dist/firebase/ is the adapter configure() imports on demand.
    plugins: [
      {
        name: 'leave-out-firebase-adapter',
        setup(b) {
          b.onResolve({ filter: /firebase\/index\.js$/ }, (args) =>
            join(args.resolveDir, args.path).startsWith(join(distDir, 'firebase')) ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
  });
  return result.outputFiles[0].contents;
}

const rows = [
  ['dist/lenig.js (drop-in)', dropin.length, gz(dropin), budget.dropin],
  ['widgets + lit without firebase', widgets.length, gz(widgets), budget.widgets],
];
for (const { name, entry, budget: limit } of SCENARIOS) {
  const out = await bundleScenario(entry);
  rows.push([name, out.length, gz(out), limit]);
}
let over = false;
for (const [name, raw, zipped, limit] of rows) {
  const ok = zipped <= limit;
  over ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(32)} ${kb(zipped).padStart(9)} gz (${kb(raw)} min), budget ${kb(limit)}`,
  );
}
console.log(
  `     ${'(src/firebase adapter, on demand)'.padEnd(32)} ${kb(gz(withAdapter) - gz(widgets)).padStart(9)} gz more, not budgeted apart`,
);
if (over) {
  console.log('Over the size budget in README.md.');
  process.exit(1);
}
