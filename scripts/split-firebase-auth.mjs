// A rollup plugin for the drop-in build: puts the popup sign-in part of Firebase Auth into the chunk of the
// one module that uses it (src/firebase/popup.ts), so the pages that never open a popup do not fetch it.
//
// @firebase/auth ships its browser build as one module (dist/esm/index-<hash>.js) and rollup never splits a
// module between chunks: whatever any chunk uses of it lands in the chunk that holds it, with the app + auth
// chunk every Firebase page loads. So this plugin makes two modules of it before rollup sees it:
//   - the module itself, keeping the top-level statements that lenig's other imports from 'firebase/auth'
//     need (found by reading src/), its side effects (the component registration) and what they reach;
//   - a module of its own for src/firebase/popup.ts's `import … from 'firebase/auth'`, holding the rest of
//     what popup.ts's names reach, importing the shared part from the first.
// It works on the bundled module's top-level statements and the names they mention (over-counting a name a
// statement declares for itself only keeps more in the first module, never less). A statement that assigns
// a top-level variable stays with that variable. Anything lenig does not import is left out of the first
// module's exports; importing it from 'firebase/auth' in src/ (outside popup.ts) puts it back, and importing
// a popup name anywhere but popup.ts fails the build ("… is not exported by …").
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import MagicString from 'magic-string';

const POPUP_MODULE = '\0lenig-firebase-auth-popup';

/**
 * @param {{ part: string, names: string[] }} options `part`: the module whose imports from 'firebase/auth'
 *   go to the second module (a path from the project root); `names`: what it imports from there.
 * @returns {import('rollup').Plugin}
 */
export function splitFirebaseAuth({ part, names }) {
  const partPath = resolve(part);
  /** @type {{ facadeId: string, baseId: string, base: { code: string, map: object }, popup: { code: string, map: object }, kept: Set<string> } | undefined} */
  let split;

  /** What src/ imports from 'firebase/auth', outside `part`: the names the first module keeps. */
  function baseNames() {
    const found = new Set();
    for (const f of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts') || resolve('src', f) === partPath) continue;
      const text = readFileSync(join('src', f), 'utf8');
      for (const [, list] of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'firebase\/auth'/g)) {
        for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!item.startsWith('type ')) found.add(item.split(/\s+as\s+/)[0].trim());
        }
      }
    }
    return found;
  }

  async function analyse(ctx) {
    if (split) return split;
    const facade = await ctx.resolve('@firebase/auth', partPath, { skipSelf: true });
    if (!facade) ctx.error('@firebase/auth not found');
    const facadeId = facade.id;
    const facadeCode = readFileSync(facadeId, 'utf8');
    const baseFile = /from '(\.\/index-[\w-]+\.js)'/.exec(facadeCode)?.[1];
    if (!baseFile) ctx.error(`${facadeId}: the module it re-exports was not found; has @firebase/auth changed its layout?`);
    const baseId = join(dirname(facadeId), baseFile);
    const code = readFileSync(baseId, 'utf8');
    const ast = ctx.parse(code);

    // The facade's public names → the base module's export names (letters) → local names.
    const publicToExport = new Map();
    for (const [, list] of facadeCode.matchAll(/export\s*\{([^}]*)\}\s*from/g)) {
      for (const item of list.split(',')) {
        const [exported, pub] = item.trim().split(/\s+as\s+/);
        if (pub) publicToExport.set(pub.trim(), exported.trim());
      }
    }
    const exportToLocal = new Map();
    let exportStatement;
    const statements = [];
    const imports = [];
    for (const node of ast.body) {
      if (node.type === 'ImportDeclaration') imports.push(node);
      else if (node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source) {
        exportStatement = node;
        for (const s of node.specifiers) exportToLocal.set(s.exported.name, s.local.name);
      } else if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration' || node.type === 'ExportAllDeclaration') {
        ctx.error(`${baseId}: an export form this plugin does not handle (${node.type}); has @firebase/auth changed its layout?`);
      } else statements.push(node);
    }
    const localOf = (pub) => {
      const local = exportToLocal.get(publicToExport.get(pub));
      if (!local) ctx.error(`@firebase/auth has no export "${pub}"`);
      return local;
    };

    // Per statement: the names it declares, mentions and assigns.
    const declaredBy = new Map();
    const info = statements.map((node) => {
      const declares = declaredNames(node);
      for (const n of declares) declaredBy.set(n, node);
      const { mentions, assigns } = namesIn(node);
      return { node, declares, mentions, assigns };
    });
    const infoOf = new Map(info.map((i) => [i.node, i]));
    // A statement that assigns a top-level variable goes where the variable goes.
    const assignedBy = new Map();
    for (const i of info) {
      for (const n of i.assigns) {
        const d = declaredBy.get(n);
        if (d && d !== i.node) (assignedBy.get(d) ?? assignedBy.set(d, []).get(d)).push(i.node);
      }
    }
    const closure = (roots) => {
      const seen = new Set();
      const visit = (node) => {
        if (!node || seen.has(node)) return;
        seen.add(node);
        for (const n of infoOf.get(node).mentions) visit(declaredBy.get(n));
        for (const a of assignedBy.get(node) ?? []) visit(a);
      };
      roots.forEach(visit);
      return seen;
    };
    const wanted = [...baseNames()];
    const sideEffects = info.filter((i) => i.declares.length === 0).map((i) => i.node);
    const base = closure([...sideEffects, ...wanted.map((n) => declaredBy.get(localOf(n)))]);
    const popupAll = closure(names.map((n) => declaredBy.get(localOf(n))));
    const moved = new Set([...popupAll].filter((n) => !base.has(n)));

    // The first module: its own statements, its exports limited to what it still declares.
    const b = new MagicString(code);
    for (const i of info) if (!base.has(i.node)) b.remove(i.node.start, i.node.end);
    const baseDeclared = new Set(info.filter((i) => base.has(i.node)).flatMap((i) => i.declares));
    const kept = new Set([...exportToLocal].filter(([, local]) => baseDeclared.has(local)).map(([e]) => e));
    // What the second module needs from the first, exported under names of their own.
    const shared = new Set();
    for (const node of moved) for (const n of infoOf.get(node).mentions) if (baseDeclared.has(n)) shared.add(n);
    const exportList = [...kept].map((e) => `${exportToLocal.get(e)} as ${e}`).concat([...shared].map((n) => `${n} as __split_${n}`));
    b.overwrite(exportStatement.start, exportStatement.end, `export { ${exportList.join(', ')} };`);

    // The second module: the moved statements, the first module's imports, and popup.ts's names.
    const p = new MagicString(code);
    for (const i of info) if (!moved.has(i.node)) p.remove(i.node.start, i.node.end);
    p.overwrite(exportStatement.start, exportStatement.end, `export { ${names.map((n) => `${localOf(n)} as ${n}`).join(', ')} };`);
    if (shared.size) p.prepend(`import { ${[...shared].map((n) => `__split_${n} as ${n}`).join(', ')} } from ${JSON.stringify(baseId)};\n`);
    for (const n of names) if (!moved.has(declaredBy.get(localOf(n))) && !shared.has(localOf(n))) ctx.error(`"${n}" stayed in the shared module`);

    split = {
      facadeId,
      baseId,
      kept,
      base: { code: b.toString(), map: b.generateMap({ hires: true, source: baseId, includeContent: true }) },
      popup: { code: p.toString(), map: p.generateMap({ hires: true, source: baseId, includeContent: true }) },
      movedCount: moved.size,
    };
    void imports;
    return split;
  }

  return {
    name: 'lenig-split-firebase-auth',
    async resolveId(source, importer) {
      if (source === 'firebase/auth' && importer && resolve(importer) === partPath) return POPUP_MODULE;
      return null;
    },
    async load(id) {
      if (id !== POPUP_MODULE) return null;
      const s = await analyse(this);
      return s.popup;
    },
    async transform(code, id) {
      if (!/[\\/]@firebase[\\/]auth[\\/]dist[\\/]esm[\\/]index/.test(id)) return null;
      const s = await analyse(this);
      if (id === s.baseId) return s.base;
      if (id === s.facadeId) {
        // The facade re-exports only what the first module still exports.
        const m = new MagicString(code);
        m.replace(/export\s*\{([^}]*)\}\s*from\s*'\.\/index-[\w-]+\.js'/, (whole, list) =>
          whole.replace(list, list.split(',').filter((item) => s.kept.has(item.trim().split(/\s+as\s+/)[0].trim())).join(',')),
        );
        return { code: m.toString(), map: m.generateMap({ hires: true }) };
      }
      return null;
    },
  };
}

/** The top-level names a statement declares. */
function declaredNames(node) {
  if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) return [node.id.name];
  if (node.type === 'VariableDeclaration') return node.declarations.flatMap((d) => patternNames(d.id));
  return [];
}

function patternNames(p) {
  switch (p?.type) {
    case 'Identifier':
      return [p.name];
    case 'ObjectPattern':
      return p.properties.flatMap((q) => patternNames(q.type === 'RestElement' ? q.argument : q.value));
    case 'ArrayPattern':
      return p.elements.flatMap((e) => patternNames(e));
    case 'AssignmentPattern':
      return patternNames(p.left);
    case 'RestElement':
      return patternNames(p.argument);
    default:
      return [];
  }
}

/** Every name a statement mentions (property names and keys left out) and the names it assigns to. */
function namesIn(root) {
  const mentions = new Set();
  const assigns = new Set();
  const visit = (node, parent, key) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier') {
      const isProperty =
        (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
        ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && key === 'key' && !parent.computed) ||
        ((parent?.type === 'LabeledStatement' || parent?.type === 'BreakStatement' || parent?.type === 'ContinueStatement') && key === 'label');
      if (!isProperty) mentions.add(node.name);
      return;
    }
    if (node.type === 'AssignmentExpression') for (const n of patternNames(node.left)) assigns.add(n);
    if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') assigns.add(node.argument.name);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'type' || k === 'start' || k === 'end') continue;
      if (Array.isArray(v)) for (const c of v) visit(c, node, k);
      else if (v && typeof v === 'object') visit(v, node, k);
    }
  };
  visit(root, undefined, undefined);
  return { mentions, assigns };
}
