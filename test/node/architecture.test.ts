// Lint keeps each kind of code in its room: elements never reach Firebase or a store implementation,
// stores never import elements, src/data imports neither. The fixtures break these rules on purpose.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'lint', name), 'utf8');

/** The imports lint refuses in `code` when it stands at `path` (relative to the repository). */
async function refused(code: string, path: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    // Only the architecture rule: the file is not on disk, so type-aware rules have no program for it.
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  assert.ok(result, 'lint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], 'the fixture parses');
  const lines = code.split('\n');
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => /from '([^']+)'/.exec(lines[m.line - 1] ?? '')?.[1] ?? '?');
}

describe('architecture lint', () => {
  it('fails an element that imports firebase, the Firebase store or the memory store', async () => {
    const imports = await refused(fixture('element-imports-firebase.ts'), 'src/components/lint-fixture/lint-fixture.ts');
    assert.deepEqual(imports, ['firebase/database', '../../firebase/firebase-store.js', '../../memory/memory-store.js']);
  });

  it('fails a controller that imports firebase', async () => {
    const imports = await refused(fixture('element-imports-firebase.ts'), 'src/controllers/lint-fixture.ts');
    assert.ok(imports.includes('firebase/database'), imports.join(', '));
  });

  it('fails a store, and src/data, that import an element or a controller', async () => {
    for (const path of ['src/firebase/lint-fixture.ts', 'src/memory/lint-fixture.ts', 'src/data/lint-fixture.ts']) {
      const imports = await refused(fixture('store-imports-element.ts'), path);
      assert.deepEqual(imports, ['../components/feed/feed.js', '../controllers/likes.js'], path);
    }
  });

  it('lets an element use the store port, the context and other elements', async () => {
    const code = [
      "import type { LenigStore } from '../../data/store.js';",
      "import { storeContext } from '../../data/context.js';",
      "import { LikesController } from '../../controllers/likes.js';",
      "import '../like-button/like-view.js';",
      'export const parts: unknown[] = [storeContext, LikesController];',
      'export type Store = LenigStore;',
    ].join('\n');
    assert.deepEqual(await refused(code, 'src/components/lint-fixture/lint-fixture.ts'), []);
  });
});
