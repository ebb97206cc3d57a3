// Two builds from one source tree:
//  1. the package build: one ES module per source module under dist/, dependencies left as bare
//     imports so an app's bundler dedupes lit and firebase with its own copies;
//  2. the drop-in, for a page that can only add `<script type="module" src=".../lenig.js">`: dist/lenig.js is
//     a small loader (src/dropin.ts) that imports a widget's chunk from dist/lenig/ when its tag first
//     appears; Lit is one shared chunk, Firebase another, loaded once the page's configuration needs a store.
//     The admin uploads dist/lenig.js with the dist/lenig/ folder next to it.
// Declarations come from `tsc -p tsconfig.build.json` (see the build script in package.json).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultStrategy } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';
import MagicString from 'magic-string';
import { splitFirebaseAuth, withoutFirebaseHeartbeat } from './scripts/split-firebase-auth.mjs';

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
/**
 * Each `import()` of a chunk a person can try again becomes a call of the loader's importer
 * (`Symbol.for('lenig.import')`, src/dropin.ts), which asks anew for a chunk whose import failed: most
 * browsers keep a failed import's failure, so Try again would otherwise fail until the page is reloaded.
 * @returns {import('rollup').Plugin}
 */
function retryableImports() {
  // A widget, the store, its content and administration code, a sign-in mode, the comments, the mention
  // list and the like button's tooltip on demand (without it an archived like's reason never shows to the
  // eye; the next hover asks anew). Not the Dutch strings (English shows instead): every call site costs
  // bytes in its chunk.
  const RETRIED = /[\\/]src[\\/](components[\\/]|firebase[\\/](index|email-sign-in|token-exchange|popup|store-content)\.|firestore[\\/](index|export-reader)\.|data[\\/]core[\\/](admin|admin-commands|export)\.)/;
  return {
    name: 'retryable-imports',
    renderDynamicImport: ({ targetChunk, targetModuleId }) =>
      targetChunk && RETRIED.test(targetModuleId ?? '') ? { left: 'globalThis[Symbol.for("lenig.import")](', right: ',import.meta.url)' } : null,
  };
}

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
      writePreloadTable.call(this, bundle, graph);
    },
  };
}

/**
 * Writes into the loader, for each tag (and each database's store), the chunk it imports and every chunk
 * that one imports statically: the loader asks for them all at once (`<link rel="modulepreload">`), so the
 * browser does not discover Lit and the shared chunks only after the widget's own chunk has arrived.
 * The tags come from the loader's own table in src/dropin.ts. Stored as a list of chunk names and, per
 * key, the indexes of its chunks, to keep the loader small.
 */
function writePreloadTable(bundle, graph) {
  const loader = bundle['lenig.js'];
  const placeholder = /JSON\.parse\((["'])__LENIG_CHUNK_DEPS__\1\)/;
  if (!loader || loader.type !== 'chunk' || !placeholder.test(loader.code)) this.error('the loader has no __LENIG_CHUNK_DEPS__ placeholder');
  const source = readFileSync('src/dropin.ts', 'utf8');
  // Each database's store, and the own chunk of each sign-in mode that signs in as the page loads (which the
  // session imports only in that mode), keyed by the mode's name as `<lenig-config auth>` spells it: the
  // loader asks for the mode's with the store's, so the sign-in does not wait for a download once the store
  // is made. (The Microsoft mode signs in on a click; its popup chunk is left out of the loader's bytes.)
  const modes = { email: 'src/firebase/email-sign-in.ts', 'custom-token': 'src/firebase/token-exchange.ts' };
  const modules = { '@realtime': 'src/firebase/index.ts', '@firestore': 'src/firestore/index.ts', ...modes };
  for (const [, tag, path] of source.matchAll(/'(lenig-[a-z-]+)': \(\) => import\('\.\/([^']+)\.js'\)/g)) modules[tag] = `src/${path}.ts`;
  const fileOf = (module) =>
    Object.keys(graph).find((f) => graph[f].module === module) ?? Object.keys(graph).find((f) => graph[f].modules.includes(module));
  const files = [];
  const table = {};
  // `lenig/x-hash.js` as `x-hash`: the loader puts the folder and extension back.
  const name = (f) => f.replace(/^lenig\//, '').replace(/\.js$/, '');
  /** The indexes of the chunk holding `module` and of every chunk it imports statically. */
  const chunksOf = (module) => {
    const start = fileOf(module);
    if (!start) this.error(`no chunk holds ${module}`);
    return chunksOfFiles([start]);
  };
  /** The indexes of `starts` and of every chunk they import statically. */
  const chunksOfFiles = (starts) => {
    const seen = new Set();
    const visit = (f) => {
      if (f === 'lenig.js' || seen.has(f)) return;
      seen.add(f);
      graph[f].imports.forEach(visit);
    };
    starts.forEach(visit);
    return [...seen].map(name).map((f) => (files.includes(f) ? files.indexOf(f) : files.push(f) - 1));
  };
  for (const [key, module] of Object.entries(modules)) table[key] = chunksOf(module);
  // A mode's chunk imports only Firebase Auth and the shared code, which both databases' lists hold: its own
  // file is enough (the loader stays within its bytes budget).
  for (const key of Object.keys(modes)) table[key] = table[key].filter((i) => !(table['@realtime'].includes(i) && table['@firestore'].includes(i)));
  // The store's content part (src/firebase/store-content.ts: feed, posts, comments, ideas, notifications,
  // stats) is imported by the store when a widget first subscribes to one of them: fetched alongside the
  // widget's chunk, that import then finds it loaded. Only the like button and its view do without it.
  const content = chunksOf('src/firebase/store-content.ts');
  for (const key of Object.keys(table)) {
    if (key.startsWith('lenig-') && !['lenig-config', 'lenig-like-button', 'lenig-like-view'].includes(key)) table[key] = [...new Set([...table[key], ...content])];
  }
  // A tag's Dutch strings: the Dutch chunks its chunks import lazily, which a page that shows Dutch fetches
  // alongside the widget's chunk rather than once it has run. Written after the tag's own, as `~index`
  // (negative), rather than under keys of their own (`tag@nl`: 0.1 KB gz more in the loader).
  for (const key of Object.keys(table)) {
    if (!key.startsWith('lenig-')) continue;
    const dutch = new Set();
    for (const i of table[key]) for (const d of graph[`lenig/${files[i]}.js`].dynamicImports) if (/^lenig\/nl-/.test(d)) dutch.add(d);
    // Only the Dutch chunks: what they import, the tag's own list has already.
    if (dutch.size) table[key] = [...table[key], ...chunksOfFiles([...dutch]).filter((i) => files[i].startsWith('nl-')).map((i) => ~i)];
  }
  // An object literal in place of the loader's `JSON.parse('__LENIG_CHUNK_DEPS__')`.
  loader.code = loader.code.replace(placeholder, () => JSON.stringify({ files, table }));
}

/** The modules src/dropin.ts imports statically (itself included): what dist/lenig.js holds. Per build. */
const loaderSets = new WeakMap();
function loaderModules(getModuleInfo) {
  let set = loaderSets.get(getModuleInfo);
  if (set) return set;
  set = new Set();
  const visit = (id) => {
    const info = set.has(id) ? null : getModuleInfo(id);
    if (!info) return;
    set.add(id);
    info.importedIds.forEach(visit);
  };
  visit(join(process.cwd(), 'src', 'dropin.ts'));
  loaderSets.set(getModuleInfo, set);
  return set;
}

/**
 * CSS without comments and with each run of white space one space, or none next to `{` `}` `;` `,` and
 * after `:` — except after a `${…}`'s stand-in (`@TEMPLATE_EXPRESSION();`), where the space may be a
 * descendant combinator: `${group} ${option} {` must not become one selector `${group}${option}`.
 */
function conservativeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{},]) ?/g, '$1')
    .replace(/(\(\))? ?; ?/g, (semicolon, call) => (call ? semicolon : ';'))
    .replace(/: /g, ':');
}

/** The one copy of the decorator helper every browser build's elements share (see `sharedDecorateHelper`). */
const DECORATE = '\0lenig-decorate-class';

/**
 * esbuild writes its `__decorateClass` helper into each module with decorators (every element): in the
 * drop-in that is one copy per widget chunk, about 80 B gz each (the like button's page held four, the
 * feed's and the composer's seven). This takes it out of each module and imports it from one module
 * instead, which the drop-in keeps in its core chunk.
 * @returns {import('rollup').Plugin}
 */
function sharedDecorateHelper() {
  const helper = /\nvar __decorateClass = \(decorators, target, key, kind\) => \{\n[\s\S]*?\n\};\n/;
  return {
    name: 'lenig-shared-decorate-class',
    resolveId: (id) => (id === DECORATE ? id : null),
    load(id) {
      if (id !== DECORATE) return null;
      // esbuild's own helper (TypeScript's experimental decorators), as it writes it.
      return `const __defProp = Object.defineProperty;
const __getOwnPropDesc = Object.getOwnPropertyDescriptor;
export const __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if (decorator = decorators[i])
      result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
};
`;
    },
    transform(code, id) {
      if (id === DECORATE || !code.includes('var __decorateClass')) return null;
      const found = helper.exec(code);
      if (!found) this.error(`esbuild's __decorateClass helper in ${id} is not the one expected`);
      const s = new MagicString(code);
      s.overwrite(found.index, found.index + found[0].length, `\nimport { __decorateClass } from ${JSON.stringify(DECORATE)};\n`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/** @type {import('rollup').RollupOptions[]} */
/** The plugins of a browser build: resolved for browsers, CSS minified, TypeScript, terser. */
const browserPlugins = () => [
  // `browser`: firebase and lit ship browser builds under that condition; lit's production
  // build is its default export condition, so no `development` condition here.
  nodeResolve({ browser: true }),
  // Firebase's usage heartbeat, which every app lenig makes replaces (see scripts/split-firebase-auth.mjs).
  withoutFirebaseHeartbeat(),
  // CSS in css`` templates, minified (Lightning CSS). In html`` templates only a line break with the
  // indentation around it becomes one line break: white space the browser shows as one space or none
  // (no template writes white space of its own into <pre>, <textarea> or a `white-space: pre` box). The
  // space between inline bindings, visible text, stays.
  minifyLiterals({
    include: ['src/**/*.ts'],
    // Its offline banner puts a token name into a declaration (`var(${…})`), which the CSS parser refuses.
    exclude: ['src/styles/shared.ts'],
    options: { strategy: { ...defaultStrategy, minifyHTML: (html) => html.replace(/[ \t]*\n\s*/g, '\n') } },
    failOnError: true,
  }),
  // That module's CSS builds rules around selectors and values it is handed, which the CSS parser cannot
  // read as written: only its comments go, and each run of white space becomes one space or, next to
  // braces, semicolons and commas and after a declaration's colon, none.
  minifyLiterals({
    include: ['src/styles/shared.ts'],
    options: { shouldMinify: () => false, strategy: { ...defaultStrategy, minifyCSS: conservativeCss } },
    failOnError: true,
  }),
  ts(),
  sharedDecorateHelper(),
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
    // A name missing from a module is an error, not a warning: the Auth split (below) leaves out of Firebase
    // Auth's module what src/ does not import, and a name it missed would otherwise build as `undefined`.
    onwarn(warning, warn) {
      if (warning.code === 'MISSING_EXPORT') throw new Error(warning.message);
      warn(warning);
    },
    // Firebase's popup sign-in in a chunk of its own (see scripts/split-firebase-auth.mjs): only the Microsoft
    // mode and the host page's app load it (src/firebase/auth-setup.ts), 3.3 KB gz less for every other page.
    plugins: [splitFirebaseAuth({ parts: ['src/firebase/popup.ts', 'src/firebase/token-exchange.ts', 'src/firebase/email-sign-in.ts'] }), ...browserPlugins(), chunkGraph(), retryableImports()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // Imported relative to the loader's own URL: same origin, so `script-src 'self'` holds.
      chunkFileNames: 'lenig/[name]-[hash:6].js',
      manualChunks(id, { getModuleInfo }) {
        // The loader's own modules stay in the loader (a manual chunk named like the entry is the entry):
        // without this, a manual chunk below that imports one of them would pull it out of dist/lenig.js.
        if (loaderModules(getModuleInfo).has(id)) return 'lenig';
        if (id === DECORATE) return 'core';
        // The "liked by" tooltip's look with the placement code it uses (which the notifications panel
        // imports too): one file at the first hover, not one that then asks for the other.
        if (/[\\/]src[\\/](controllers[\\/]popover|components[\\/]like-button[\\/]like-tooltip)\.ts$/.test(id)) return 'popover';
        // Lit's core (and the context consumer every widget uses) goes into the core chunk below; the
        // directives and the context provider only some widgets use (repeat, live, styleMap …) into a
        // chunk of their own, so a page with a like button does not fetch the feed's list machinery.
        if (/[\\/]node_modules[\\/](lit-html[\\/]directives?|lit-html[\\/]directive-helpers|@lit[\\/]context[\\/]lib[\\/](controllers[\\/]context-provider|value-notifier))/.test(id) && !/if-defined/.test(id)) {
          return 'widgets';
        }
        if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/.test(id)) return 'core';
        // Dutch strings (src/i18n/messages/nl/), fetched only by pages that show Dutch: those of every widget
        // (the common words and the like button's, which a feed's cards use too) in one chunk, the feed's and
        // the composer's in another, so a Dutch page with a like button does not fetch the composer's; each
        // other widget's in a chunk of its own.
        if (/[\\/]src[\\/]i18n[\\/]messages[\\/]nl[\\/](common|like-button)\.ts$/.test(id)) return 'nl-core';
        if (/[\\/]src[\\/]i18n[\\/]messages[\\/]nl[\\/](feed|post-card|composer|categories)\.ts$/.test(id)) return 'nl-widgets';
        const dutch = /[\\/]src[\\/]i18n[\\/]messages[\\/]nl[\\/]([a-z-]+)\.ts$/.exec(id);
        if (dutch) return `nl-${dutch[1]}`;
        // Each database's SDK stays with the one store that imports it (rollup puts it in that store's
        // chunk): a page loads the database it is configured for, and both share the app + auth chunk.
        if (/[\\/]node_modules[\\/]@?firebase[\\/](firestore|webchannel-wrapper|database)[\\/]/.test(id)) return undefined;
        if (/[\\/]node_modules[\\/](firebase|@firebase[\\/][^\\/]+)[\\/]/.test(id)) return 'firebase';
        // What both databases' stores share and always load with the SDK's app + auth: sign-in, the stores'
        // common base, and the parts of the domain core a like needs (the feed's, the board's and the
        // administration's parts are chunks of their own). One file with Firebase's rather than one more
        // (0.6 KB gz less for a page with a like button); no widget imports these.
        if (/[\\/]src[\\/](firebase[\\/](store-base|session|shared|auth-setup)|data[\\/]core[\\/](writes|records|checks|limits))\.ts$/.test(id)) return 'firebase';
        // The store's content part (src/firebase/store-content.ts) and the parts of the core only it and the
        // administration use: one chunk, loaded when a widget first needs it.
        if (/[\\/]src[\\/](firebase[\\/]store-content|data[\\/]core[\\/](commands|decoders|input-checks|people|feed-windows))\.ts$/.test(id)) return 'store-content';
        // What every widget needs (Lit, the widgets' base element, store port and types, subscriptions,
        // tokens, events, define(), common words, <lenig-config>): one chunk. Separate files cost more than
        // their sum in one (gzip starts each afresh): as six files these were 1.5 KB gz more. What a like
        // needs too (the like button's controls, styles and words, its optimistic state, the likers' names):
        // every widget's chunk imports it (a card, an idea, a notification, a chart shows likes or the like
        // button's words), and as a file of its own it cost every page 0.6 KB gz more.
        if (/[\\/]src[\\/](controllers[\\/](optimistic-likes|liker-names)|i18n[\\/]messages[\\/]like-button|components[\\/]like-button[\\/](like-control|like-view\.styles))\.ts$/.test(id)) return 'core';
        if (/[\\/]src[\\/](import-once|data[\\/](store|keys|context|types)|styles[\\/]tokens|components[\\/]shared[\\/](define|events|lenig-element)|controllers[\\/]subscription|i18n[\\/]messages[\\/]common|components[\\/]config[\\/]config)\.ts$/.test(id)) return 'core';
        // What most content widgets share (feed, composer, comments, idea board, notifications, insights,
        // admin) and a like button does not need: avatars, announcements, relative times, profiles,
        // category names, rich text, the shared styles, Lit's directives. One file rather than eight, for
        // the reason above (feed + composer 51.3 → 49.7 KB gz; insights alone 0.8 KB more, admin 1.1 less).
        // `data/core/stable.ts` too: the post card compares posts with it (in the store's content chunk it made the
        // feed's page fetch that chunk, and Firebase's with it, before rendering). The text field (post card,
        // comments) and the element observer (feed, insights) too, rather than files of their own (0.3 and
        // 0.2 KB): feed + composer 50.4 → 50.0 KB, idea board and comments 0.1 KB less, notifications and
        // admin, which use neither, 0.3 KB more. The on-demand controller too (the composer's mention list,
        // the post card's comments): as a file of its own, feed + composer 0.3 KB and a feed alone 0.5 KB
        // more; here a feed alone pays 0.2 KB, and the idea board, notifications, insights and admin, which
        // do not use it, 0.2 KB each (0.0 as a file of its own).
        // The text checks (data/text.ts) too: the composer, the store's content part and the administration,
        // which all import this chunk, use them (a file of its own cost the composer's page 0.1 KB more).
        // A feed's post cards are in the feed's chunk: the post card's tag alone is not used on its own
        // (feed + composer 0.8 KB gz less than with the cards as a file of their own).
        if (/[\\/]src[\\/]components[\\/](feed[\\/]feed|post-card[\\/]post-card)\.ts$/.test(id)) return 'feed';
        // The dates, relative times and channel names every content widget formats (i18n/formats.ts) too.
        if (/[\\/]src[\\/](data[\\/]text|i18n[\\/]formats|components[\\/]shared[\\/](avatar|rich-text|text-field|content-element|relay|style-props)|controllers[\\/](announcer|clock|profiles|element-observer|on-demand|write-wait|likes)|i18n[\\/]messages[\\/]categories|styles[\\/]shared|data[\\/]core[\\/]stable)\.ts$/.test(id)) return 'widgets';
        return undefined;
      },
      sourcemap: true,
    },
  },
  // The whole library in one file (every element, Lit, Firebase inlined): for a bundler that must take
  // one file and cannot follow the loader's chunks — the SharePoint package (scripts/build-spfx.mjs). One
  // file per database, each without the other's SDK: dist/lenig.bundle.js (Realtime Database) and
  // dist/lenig-firestore.bundle.js (Cloud Firestore).
  oneFile('dist/lenig.bundle.js', 'firestore'),
  oneFile('dist/lenig-firestore.bundle.js', 'realtime'),
];

/**
 * A one-file build that leaves out the store of `database` ('realtime' or 'firestore'): configure()
 * imports it from a stand-in that says which file to use instead, so the bundle never carries both SDKs.
 * @returns {import('rollup').RollupOptions}
 */
function oneFile(file, database) {
  const module = database === 'firestore' ? 'src/firestore/index.ts' : 'src/firebase/index.ts';
  const other = database === 'firestore' ? 'dist/lenig-firestore.bundle.js' : 'dist/lenig.bundle.js';
  const mine = file.replace(/^dist\//, '');
  const stub = '\0lenig-without-' + database;
  /** @type {import('rollup').Plugin} */
  const without = {
    name: 'lenig-without-' + database,
    async resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved && relative(process.cwd(), resolved.id).split(sep).join('/') === module ? stub : null;
    },
    load(id) {
      if (id !== stub) return null;
      const name = database === 'firestore' ? 'createFirestoreStore' : 'createFirebaseStore';
      const db = database === 'firestore' ? 'database="firestore"' : 'the Realtime Database';
      const message = `lenig: ${mine} has no code for ${db}: use ${other} (or the drop-in, dist/lenig.js)`;
      return `export function ${name}() { throw new Error(${JSON.stringify(message)}); }\nexport { ${name} as storeFor };\nexport function followSignInProfile() {}\nexport async function loadPopupFor() {}\n`;
    },
  };
  return { input: 'src/index.ts', plugins: [without, ...browserPlugins()], output: { file, format: 'es', inlineDynamicImports: true } };
}
