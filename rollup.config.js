// Two builds from one source tree:
//  1. the package build: one ES module per source module under dist/, dependencies left as bare
//     imports so an app's bundler dedupes lit and firebase with its own copies;
//  2. the drop-in, for a page that can only add `<script type="module" src=".../lenig.js">`: dist/lenig.js is
//     a small loader (src/dropin.ts) that imports a widget's chunk from dist/lenig/ when its tag first
//     appears; Lit is one shared chunk, Firebase another, loaded once the page's configuration needs a store.
//     The admin uploads dist/lenig.js with the dist/lenig/ folder next to it.
// Declarations come from `tsc -p tsconfig.build.json` (see the build script in package.json).
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

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

/**
 * Writes dist/lenig/chunks.json: for each drop-in chunk, its static and dynamic imports and its entry
 * module. scripts/size.mjs follows it to weigh what each kind of page fetches.
 * @returns {import('rollup').Plugin}
 */
function chunkGraph() {
  return {
    name: 'lenig-chunk-graph',
    generateBundle(_options, bundle) {
      const graph = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        graph[file] = {
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          module: chunk.facadeModuleId ? relative(process.cwd(), chunk.facadeModuleId).split(sep).join('/') : null,
          // The modules it holds: a dynamic entry whose chunk also serves a chunk it imports lazily (the
          // Firebase store and the administration core) has no facade, but is still found by its module.
          modules: chunk.moduleIds.filter((m) => !m.includes('node_modules') && !m.startsWith('\0')).map((m) => relative(process.cwd(), m).split(sep).join('/')),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'lenig/chunks.json', source: JSON.stringify(graph, null, 1) });
    },
  };
}

/** @type {import('rollup').RollupOptions[]} */
/** The plugins of a browser build: resolved for browsers, CSS minified, TypeScript, terser. */
const browserPlugins = () => [
  // `browser`: firebase and lit ship browser builds under that condition; lit's production
  // build is its default export condition, so no `development` condition here.
  nodeResolve({ browser: true }),
  // CSS in css`` templates, minified (Lightning CSS). HTML templates are left as written: whitespace
  // between inline bindings is visible text there.
  minifyLiterals({
    include: ['src/**/*.ts'],
    // Its offline banner puts a token name into a declaration (`var(${…})`), which the CSS parser refuses.
    exclude: ['src/styles/shared.ts'],
    options: { shouldMinify: () => false },
    failOnError: true,
  }),
  ts(),
  terser({ format: { comments: false }, compress: { passes: 2 } }),
];

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
    input: { lenig: 'src/dropin.ts' },
    // The code every chunk shares with the loader (page state, define()) stays in dist/lenig.js and chunks
    // import it from there, rather than the loader being a facade over one more file to wait for.
    preserveEntrySignatures: 'allow-extension',
    plugins: [...browserPlugins(), chunkGraph()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // Imported relative to the loader's own URL: same origin, so `script-src 'self'` holds.
      chunkFileNames: 'lenig/[name]-[hash].js',
      manualChunks(id) {
        if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/.test(id)) return 'lit';
        if (/[\\/]node_modules[\\/](firebase|@firebase[\\/][^\\/]+)[\\/]/.test(id)) return 'firebase';
        // What every widget needs (store port and types, subscriptions, tokens, events, define(), common
        // words): one chunk, so a page fetches a few files rather than a dozen and gzip sees them together.
        if (/[\\/]src[\\/](data[\\/](store|keys|context)|styles[\\/]tokens|components[\\/]shared[\\/](define|events))\.ts$/.test(id)) return 'shared';
        return undefined;
      },
      sourcemap: true,
    },
  },
  {
    // The whole library in one file (every element, Lit, Firebase inlined): for a bundler that must take
    // one file and cannot follow the loader's chunks — the SharePoint package (scripts/build-spfx.mjs).
    input: 'src/index.ts',
    plugins: browserPlugins(),
    output: { file: 'dist/lenig.bundle.js', format: 'es', inlineDynamicImports: true },
  },
];
