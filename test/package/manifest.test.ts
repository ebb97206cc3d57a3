/**
 * dist/custom-elements.json as tools read it (Storybook's docs pages, the JSX types, VS Code, JetBrains):
 * every public element documents each attribute, property, event (with its detail type), part, slot and
 * CSS custom property, with defaults; the global tokens are listed; module paths name shipped files;
 * elements that are parts of others are marked internal. Needs `npm run build` (npm test runs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  fieldName?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  internal?: boolean;
  description?: string;
  summary?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
  slots?: Item[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { declaration: { module?: string } }[] }[];
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'custom-elements.json'), 'utf8')) as Manifest;
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName));
const publicElements = elements.filter((d) => !d.internal);
const GLOBAL_TOKENS = [
  '--lenig-font-family',
  ...['text', 'text-quiet', 'surface', 'surface-raised', 'border', 'accent', 'on-accent', 'danger'].map((c) => `--lenig-color-${c}`),
  ...['xs', 's', 'm', 'l'].map((s) => `--lenig-space-${s}`),
  '--lenig-radius-s',
  '--lenig-radius-m',
  '--lenig-focus-ring',
];

/** Names of the items that miss what `ok` asks, as `tag kind name`. */
function missing(kind: string, pick: (d: Declaration) => Item[] | undefined, ok: (i: Item) => boolean): string[] {
  return publicElements.flatMap((d) => (pick(d) ?? []).filter((i) => !ok(i)).map((i) => `${d.tagName} ${kind} ${i.name}`));
}
const described = (i: Item) => Boolean(i.description?.trim());

test('the public and internal elements', () => {
  assert.deepEqual(
    elements.filter((d) => d.internal).map((d) => d.tagName).sort(),
    ['lenig-comments', 'lenig-idea-card', 'lenig-idea-detail', 'lenig-like-view', 'lenig-post-card'],
  );
  for (const d of publicElements) assert.ok(d.summary ?? d.description, `${d.tagName} has a description`);
});

test('every public attribute has a description and a type', () => {
  assert.deepEqual(missing('attribute', (d) => d.attributes, (a) => described(a) && Boolean(a.type?.text)), []);
});

test('every public property has a description and a type', () => {
  const fields = (d: Declaration) =>
    d.members?.filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'));
  assert.deepEqual(missing('property', fields, (m) => described(m) && Boolean(m.type?.text)), []);
});

test('every event has a description and a CustomEvent<Detail> type', () => {
  assert.deepEqual(missing('event', (d) => d.events, (e) => described(e) && /^CustomEvent<.+>$/.test(e.type?.text ?? '')), []);
});

test('every part, slot and CSS custom property is described, every custom property with its default', () => {
  assert.deepEqual(missing('part', (d) => d.cssParts, described), []);
  assert.deepEqual(missing('slot', (d) => d.slots, described), []);
  assert.deepEqual(missing('css property', (d) => d.cssProperties, (p) => described(p) && p.default !== undefined), []);
});

test('the 16 global tokens are listed on every element', () => {
  for (const d of publicElements) {
    const names = new Set((d.cssProperties ?? []).map((p) => p.name));
    assert.deepEqual(GLOBAL_TOKENS.filter((t) => !names.has(t)), [], d.tagName);
  }
});

test('module paths name files in the package', () => {
  const paths = manifest.modules.map((m) => m.path);
  const refs = manifest.modules.flatMap((m) => (m.exports ?? []).map((e) => e.declaration.module).filter((p): p is string => Boolean(p)));
  const wrong = [...paths, ...refs].filter((p) => !p.startsWith('dist/') || !existsSync(path.join(ROOT, p)));
  assert.deepEqual([...new Set(wrong)], []);
});
