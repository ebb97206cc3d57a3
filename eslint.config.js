// Flat config. Type-aware rules run on TypeScript; plain JS/MJS config files get the
// syntax-only rules (they are outside any tsconfig project).
//
// `npm run lint` also runs `lit-analyzer src --strict` for template bindings, with one rule off:
// no-invalid-css, whose CSS data predates container queries and `field-sizing` and so reports
// valid modern CSS.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// Where code lives decides what it may import (README, "Architecture"):
//  - elements (src/components) and controllers (src/controllers) work through the store port and the
//    store context, never through Firebase or a store implementation;
//  - store implementations never import an element or a controller;
//  - src/data (the port, the plain types, the domain core every store shares) imports neither.
const storeImplementations = ['firebase', 'firebase/*', '@firebase/*', '**/firebase/**', '**/firestore/**', '**/memory/**', '**/memory-store', '**/memory-store.js'];
const elementsAndControllers = ['**/components/**', '**/controllers/**'];
const restrict = (group, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });
export const architecture = [
  {
    files: ['src/components/**/*.ts', 'src/controllers/**/*.ts'],
    rules: restrict(storeImplementations, 'Elements and controllers use the store port (src/data/store.ts) and the store context, never Firebase or a store implementation.'),
  },
  {
    files: ['src/firebase/**/*.ts', 'src/firestore/**/*.ts', 'src/memory/**/*.ts'],
    rules: restrict(elementsAndControllers, 'A store never imports an element or a controller.'),
  },
  {
    files: ['src/data/**/*.ts'],
    rules: restrict(
      [...elementsAndControllers, ...storeImplementations],
      'src/data is the port and the shared domain core: it imports no element, controller, Firebase or store implementation.',
    ),
  },
];

export default tseslint.config(
  {
    // spfx/ is checked by its own build (Heft's TypeScript, strict) once its toolchain is installed;
    // functions/lib/ is the exchange's compiled output; test/fixtures holds files that break the rules on
    // purpose (test/node/architecture.test.ts lints them); test/package/{apps,jsx} have their own tsconfigs.
    ignores: ['dist/**', 'storybook-static/**', 'coverage/**', '.tmp/**', 'node_modules/**', '**/*.d.ts', 'spfx/**', 'functions/lib/**', 'test/fixtures/**', 'test/package/apps/**', 'test/package/jsx/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/recommended'],
    // Elements extend LitElement directly or through the shared base in src/components/shared/.
    settings: { wc: { elementBaseClasses: ['LitElement', 'LenigElement'] } },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Lit binds event listeners to the host itself (`@click=${this.onClick}`), which this rule
      // cannot see, so it reports every template handler.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's test()/describe() return promises the runner itself awaits.
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'skip', 'todo', 'only', 'before', 'after', 'beforeEach', 'afterEach'] },
            // @open-wc/semantic-dom-diff types chai's every `.equal()` as returning a Promise, though
            // only its `.dom` snapshots are async; `expect(el).to.be.accessible()` stays checked.
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' },
          ],
        },
      ],
    },
  },
  {
    // Tests and stories poke at internals and build fixtures loosely; keep the checks that catch
    // real mistakes (floating promises, unused vars) and drop the `any`-flow noise.
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A `!` in a test states an expectation (this element is rendered) even where the DOM types
      // already say non-null; a wrong expectation fails the test at that line, which is the point.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Chai's `expect(x).to.be.true` is a property access by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  ...architecture,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    // The demo page's scripts run in the browser.
    files: ['demo/**/*.js', 'demo/**/*.mjs', 'test/spfx/stub/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
