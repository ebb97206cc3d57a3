/**
 * Each database's code only where a page needs it: in the drop-in, a Realtime Database page never fetches
 * Cloud Firestore's SDK and a Firestore page never fetches the Realtime Database's; each one-file bundle
 * (for bundlers that take one file, such as the SharePoint package) carries one database and says which
 * file has the other. Reads dist/ (scripts/test.mjs builds it when stale).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const dist = new URL('../../dist/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dist), 'utf8');
// Strings only each SDK holds: Firestore's RPC service, and the Realtime Database's default domain.
const FIRESTORE_SDK = 'google.firestore.v1.Firestore';
const DATABASE_SDK = 'firebaseio.com';

describe('the drop-in loads one database per page', () => {
  const graph = JSON.parse(read('lenig/chunks.json')) as Record<string, { imports: string[]; module: string | null; modules: string[] }>;
  // A dynamic entry whose chunk also serves a chunk it loads lazily (the admin's export) has no facade:
  // it is the chunk that holds the module (as in scripts/size.mjs).
  const entry = (module: string) =>
    (Object.keys(graph).find((f) => graph[f]!.module === module) ?? Object.keys(graph).find((f) => graph[f]!.modules.includes(module)))!;
  /** A chunk and everything it imports: what the browser fetches to run it. */
  const closure = (file: string, seen = new Set<string>()) => {
    if (!seen.has(file)) {
      seen.add(file);
      for (const i of graph[file]!.imports) closure(i, seen);
    }
    return seen;
  };
  const text = (files: Set<string>) => [...files].map((f) => read(f)).join('\n');

  it('a Realtime Database page fetches no Firestore code', () => {
    const files = closure(entry('src/firebase/index.ts'));
    assert.ok(text(files).includes(DATABASE_SDK));
    assert.ok(!text(files).includes(FIRESTORE_SDK), `fetched: ${[...files].join(', ')}`);
    assert.ok(!files.has(entry('src/firestore/index.ts')));
  });

  it('a Cloud Firestore page fetches no Realtime Database code', () => {
    const files = closure(entry('src/firestore/index.ts'));
    assert.ok(text(files).includes(FIRESTORE_SDK));
    assert.ok(!text(files).includes(DATABASE_SDK), `fetched: ${[...files].join(', ')}`);
    assert.ok(!files.has(entry('src/firebase/index.ts')));
  });
});

describe('administration stays out of the pages that do not administer', () => {
  const graph = JSON.parse(read('lenig/chunks.json')) as Record<string, { imports: string[]; module: string | null; modules: string[] }>;
  const holding = (module: string) => Object.keys(graph).find((f) => graph[f]!.module === module || graph[f]!.modules.includes(module))!;
  const closure = (file: string, seen = new Set<string>()) => {
    if (!seen.has(file)) {
      seen.add(file);
      for (const i of graph[file]!.imports) closure(i, seen);
    }
    return seen;
  };
  const ADMIN = ['src/data/core/admin.ts', 'src/data/core/admin-commands.ts', 'src/data/core/export.ts', 'src/firestore/export-reader.ts'];

  for (const store of ['src/firebase/index.ts', 'src/firestore/index.ts']) {
    it(`${store}: the store's chunks hold no administration plans, commands or export`, () => {
      const modules = [...closure(holding(store))].flatMap((f) => graph[f]!.modules);
      for (const m of ADMIN) assert.ok(!modules.includes(m), `${m} is fetched with ${store}`);
    });
  }
});

describe('the one-file bundles', () => {
  it('dist/lenig.bundle.js carries the Realtime Database only, and names the file for Firestore', () => {
    const js = read('lenig.bundle.js');
    assert.ok(js.includes(DATABASE_SDK));
    assert.ok(!js.includes(FIRESTORE_SDK));
    assert.ok(/lenig\.bundle\.js has no code for database=\\?"firestore\\?": use dist\/lenig-firestore\.bundle\.js/.test(js), 'names lenig-firestore.bundle.js');
  });

  it('dist/lenig-firestore.bundle.js carries Cloud Firestore only, and names the file for the Realtime Database', () => {
    const js = read('lenig-firestore.bundle.js');
    assert.ok(js.includes(FIRESTORE_SDK));
    assert.ok(!js.includes(DATABASE_SDK));
    assert.ok(/lenig-firestore\.bundle\.js has no code for the Realtime Database: use dist\/lenig\.bundle\.js/.test(js), 'names lenig.bundle.js');
  });
});
