/**
 * The JSX types and React components generated from the manifest (scripts/generate-types.mjs) type-check
 * as a Preact, Solid or React developer uses them — test/package/jsx/*.tsx against the built dist/, reached
 * through package.json "exports" — and refuse a wrong property type and a wrong event detail.
 * (React 19's own JSX types are checked by the fresh React app in vite-react.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, run } from './helpers.js';

const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

for (const [fixture, what] of [
  ['preact', 'Preact JSX (lenig/jsx/preact)'],
  ['solid', 'Solid JSX (lenig/jsx/solid)'],
  ['react-wrappers', 'the @lit/react components (lenig/react)'],
] as const) {
  test(`${what} type-check`, { timeout: 120_000 }, async () => {
    const result = await run(process.execPath, [tsc, '-p', path.join('test', 'package', 'jsx', `tsconfig.${fixture}.json`)], ROOT);
    assert.equal(result.code, 0, result.out);
  });
}
