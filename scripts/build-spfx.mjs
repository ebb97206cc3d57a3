#!/usr/bin/env node
// `npm run build:spfx`: the SharePoint package, spfx/sharepoint/solution/lenig.sppkg.
//
//  1. builds lenig (dist/lenig.bundle.js, or with --firestore dist/lenig-firestore.bundle.js) when it is missing or older than src/;
//  2. copies that one-file bundle (not the drop-in loader, whose chunks webpack would not follow) into the SPFx project (spfx/src/lenig/lenig.js), so every web part
//     shares one copy of lenig and of Lit;
//  3. installs the SPFx toolchain in spfx/ when it is not there (`npm ci`, ≈800 MB, kept apart from the
//     library's own dependencies);
//  4. runs Heft: build --production, then package-solution --production;
//  5. prints the sizes an admin and a reader's browser care about.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spfx = join(root, 'spfx');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`build:spfx: ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  return (performance.now() - t0) / 1000;
}

function newest(dir) {
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) t = Math.max(t, statSync(join(dir, f)).mtimeMs);
  return t;
}

// One database per package: the Realtime Database by default, Cloud Firestore with `-- --firestore` (or
// LENIG_SPFX_DATABASE=firestore); the tenant property's "database" must match (docs/sharepoint.md).
const firestore = process.argv.includes('--firestore') || process.env.LENIG_SPFX_DATABASE === 'firestore';
const bundle = join(root, 'dist', firestore ? 'lenig-firestore.bundle.js' : 'lenig.bundle.js');
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest(join(root, 'src'))) {
  console.log(`build:spfx: dist/${firestore ? 'lenig-firestore.bundle.js' : 'lenig.bundle.js'} is missing or older than src/: npm run build`);
  run(npm, ['run', 'build'], root);
}
copyFileSync(bundle, join(spfx, 'src', 'lenig', 'lenig.js'));

if (!existsSync(join(spfx, 'node_modules', '@microsoft', 'spfx-web-build-rig'))) {
  console.log('build:spfx: installing the SharePoint Framework toolchain in spfx/ (once)');
  const s = run(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], spfx);
  console.log(`build:spfx: install ${s.toFixed(1)} s`);
}

const heft = join(spfx, 'node_modules', '.bin', process.platform === 'win32' ? 'heft.cmd' : 'heft');
const tBuild = run(heft, ['build', '--clean', '--production'], spfx);
const tPackage = run(heft, ['package-solution', '--production'], spfx);

const sppkg = join(spfx, 'sharepoint', 'solution', 'lenig.sppkg');
const assets = join(spfx, 'release', 'assets');
const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\nbuild:spfx: heft build ${tBuild.toFixed(1)} s, package-solution ${tPackage.toFixed(1)} s`);
console.log(`build:spfx: ${sppkg.slice(root.length + 1)} ${kb(statSync(sppkg).size)}`);
for (const f of js) {
  const bytes = readFileSync(join(assets, f));
  console.log(`build:spfx: web part bundle ${f} ${kb(bytes.length)} min, ${kb(gzipSync(bytes, { level: 9 }).length)} gz`);
}
