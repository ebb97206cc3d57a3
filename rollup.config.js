// Two builds from one source tree:
//  1. the package build: one ES module per source module under dist/, dependencies left as bare
//     imports so an app's bundler dedupes lit and firebase with its own copies;
//  2. the drop-in: dist/lenig.js, a single minified ES module with lit, @lit/context, firebase and
//     every element inside, for a page that can only add `<script type="module" src=".../lenig.js">`.
// Declarations come from `tsc -p tsconfig.build.json` (see the build script in package.json).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const srcFiles = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
  .map((f) => join('src', f));

const ts = () =>
  esbuild({
    tsconfig: 'tsconfig.json',
    // Matches tsconfig: SPFx's webpack cannot parse newer syntax such as `accessor`.
    target: 'es2022',
    sourceMap: true,
  });

const isDependency = (id) => /^(lit|@lit\/|@lit-labs\/|firebase|@firebase\/)/.test(id);

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: srcFiles,
    external: isDependency,
    plugins: [ts()],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },
  {
    input: 'src/index.ts',
    plugins: [
      // `browser`: firebase and lit ship browser builds under that condition; lit's production
      // build is its default export condition, so no `development` condition here.
      nodeResolve({ browser: true }),
      ts(),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    output: {
      file: 'dist/lenig.js',
      format: 'es',
      // The config layer may load firebase with a dynamic import(); an admin uploads one file,
      // so that code is inlined instead of becoming a chunk that would have to sit next to it.
      inlineDynamicImports: true,
      // Written for local debugging but neither referenced nor published: it is 2 MB of mostly the
      // Firebase SDK's sources, and a file an admin uploads must not point at a map that is not there.
      sourcemap: 'hidden',
    },
  },
];
