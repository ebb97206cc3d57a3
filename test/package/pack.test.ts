/**
 * `npm pack` in a fresh checkout — no dist/ yet, as a maintainer about to publish has it — must build the
 * package itself (`prepack`) and give a package that installs anywhere: no install scripts (npm would run
 * them in every app that installs lenig, where this repository's dev tools such as patch-package are
 * absent), the build inside, and no source map comment pointing at a file that is not shipped.
 * The checkout is a copy of the tracked files in a temporary folder, sharing this node_modules.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pack, ROOT, run, type Packed } from './helpers.js';

let work: string;
let checkout: string;
let packed: Packed & { tarball: string };

/** The files a clone has: tracked and new-but-not-ignored ones (minus screenshots, which nothing builds from). */
function checkoutFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && !f.startsWith('docs/screenshots/') && existsSync(path.join(ROOT, f)));
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'lenig-pack-'));
  checkout = path.join(work, 'lenig');
  for (const f of checkoutFiles()) {
    mkdirSync(path.dirname(path.join(checkout, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(checkout, f));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'junction');
  assert.ok(!existsSync(path.join(checkout, 'dist')), 'the fresh checkout has no dist/');
  packed = await pack(checkout, work);
  console.log(
    `# package: ${(packed.size / 1000).toFixed(0)} KB packed, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${packed.files.length} files`,
  );
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('npm pack in a fresh checkout builds dist/ and packs it', () => {
  const files = new Set(packed.files.map((f) => f.path));
  for (const f of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/config/index.js',
    'dist/config/index.d.ts',
    'dist/lenig.js',
    'dist/custom-elements.json',
    'dist/jsx/react.d.ts',
    'dist/web-types.json',
    'dist/vscode.html-custom-data.json',
  ]) {
    assert.ok(files.has(f), `${f} is in the package`);
  }
  assert.ok(![...files].some((f) => f.startsWith('src/') || f.startsWith('test/')), 'sources and tests stay out');
});

test('the published package.json runs nothing on install', async () => {
  const unpacked = path.join(work, 'unpacked');
  mkdirSync(unpacked);
  const untar = await run('tar', ['-xzf', packed.tarball, '-C', unpacked], work);
  assert.equal(untar.code, 0, untar.out);
  const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package', 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  // npm runs these for a registry or tarball dependency (`prepare` only for git and folder dependencies).
  for (const hook of ['preinstall', 'install', 'postinstall']) {
    assert.equal(manifest.scripts?.[hook], undefined, `the published package.json has a ${hook} script`);
  }
});

test('every source map a shipped file points at is shipped', () => {
  const dist = path.join(work, 'unpacked', 'package', 'dist');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(m?js|d\.ts|css)$/.test(f));
  const dangling = files.flatMap((f) => {
    const ref = /[#@] sourceMappingURL=(\S+)\s*(?:\*\/)?\s*$/.exec(readFileSync(path.join(dist, f), 'utf8'))?.[1];
    return ref && !ref.startsWith('data:') && !existsSync(path.join(dist, path.dirname(f), ref)) ? [`${f} → ${ref}`] : [];
  });
  assert.deepEqual(dangling, [], 'source maps referenced but not shipped');
});
