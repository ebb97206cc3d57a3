// A rollup plugin for the drop-in build: puts the parts of Firebase Auth that only some sign-in modes use into
// the chunks of the modules that use them, so the pages of the other modes do not fetch them: the popup
// sign-in (src/firebase/popup.ts, the Microsoft mode and the host page's app), the custom token's
// (src/firebase/token-exchange.ts) and e-mail and password (src/firebase/email-sign-in.ts).
//
// @firebase/auth ships its browser build as one module (dist/esm/index-<hash>.js) and rollup never splits a
// module between chunks: whatever any chunk uses of it lands in the chunk that holds it, with the app + auth
// chunk every Firebase page loads. So this plugin makes several modules of it before rollup sees it:
//   - the module itself, keeping the top-level statements that lenig's other imports from 'firebase/auth'
//     need (found by reading src/), its side effects (the component registration) and what they reach;
//   - for each part, a module of its own that the part's `import … from 'firebase/auth'` gets, holding what
//     only that part's names reach and importing the rest from the first (what two parts share stays there).
// It works on the bundled module's top-level statements and the names they mention (over-counting a name a
// statement declares for itself only keeps more in the first module, never less). A statement that assigns
// a top-level variable stays with that variable. Anything lenig does not import is left out of the first
// module's exports; importing it from 'firebase/auth' elsewhere in src/ puts it back there, and importing a
// name that only a part has anywhere else fails the build ("… is not exported by …").
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import MagicString from 'magic-string';

const PART_MODULE = '\0lenig-firebase-auth:';

/**
 * @param {{ parts: string[] }} options `parts`: the modules whose imports from 'firebase/auth' get a module
 *   of their own (paths from the project root).
 * @returns {import('rollup').Plugin}
 */
export function splitFirebaseAuth({ parts }) {
  const partPaths = parts.map((p) => resolve(p));
  /** @type {{ facadeId: string, baseId: string, base: { code: string, map: object }, parts: { code: string, map: object }[], kept: Set<string> } | undefined} */
  let split;

  /** The names `files` import from 'firebase/auth' (not types). */
  function importedNames(files) {
    const found = new Set();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const forms = text.match(/import\s*(?:type\s*)?\{[^}]*\}\s*from\s*'firebase\/auth'/g)?.length ?? 0;
      // `import * as`, a default import, `export … from`, a dynamic import or other quotes: names this scan
      // cannot see, which would be left out of the module.
      if ((text.match(/['"]firebase\/auth['"]/g)?.length ?? 0) !== forms) {
        throw new Error(`${f}: imports 'firebase/auth' in a form the Auth split does not read; use import { … } from 'firebase/auth'`);
      }
      for (const [, list] of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'firebase\/auth'/g)) {
        for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!item.startsWith('type ')) found.add(item.split(/\s+as\s+/)[0].trim());
        }
      }
    }
    return found;
  }
  /** What src/ imports from 'firebase/auth', outside the parts: the names the first module keeps. */
  const baseNames = () =>
    importedNames(
      readdirSync('src', { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !partPaths.includes(resolve('src', f)))
        .map((f) => join('src', f)),
    );

  async function analyse(ctx) {
    if (split) return split;
    const facade = await ctx.resolve('@firebase/auth', partPaths[0], { skipSelf: true });
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
    for (const node of ast.body) {
      if (node.type === 'ImportDeclaration') continue;
      if (node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source) {
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
    let base = closure([...sideEffects, ...wanted.map((n) => declaredBy.get(localOf(n)))]);
    const partNames = partPaths.map((p) => [...importedNames([p])]);
    /** Per part, the statements only it reaches; what two parts reach stays in the first module. */
    let moved;
    for (;;) {
      moved = partNames.map((names) => new Set([...closure(names.map((n) => declaredBy.get(localOf(n))))].filter((n) => !base.has(n))));
      const seen = new Set();
      const twice = moved.flatMap((m) => [...m].filter((n) => seen.has(n) || (seen.add(n), false)));
      if (twice.length === 0) break;
      base = closure([...base, ...twice]);
    }

    // Moving a statement makes it run when its part loads, and leaving one out makes it never run: only right
    // for a declaration whose making does nothing else. Anything else fails the build, so a Firebase update
    // that adds such a statement is looked at rather than shipped (REVIEWED: those checked by hand).
    const movedAll = new Set(moved.flatMap((m) => [...m]));
    for (const i of info) {
      if (base.has(i.node) || inert(i.node) || i.declares.every((n) => REVIEWED.has(n))) continue;
      ctx.error(
        `${baseId}: ${i.declares.join(', ')} would ${movedAll.has(i.node) ? 'run only when its sign-in part loads' : 'never run'}, and making it may do more than declare it (line ${code.slice(0, i.node.start).split('\n').length}); check it and add it to REVIEWED in scripts/split-firebase-auth.mjs, or keep it in the first module`,
      );
    }

    // The first module: its own statements, its exports limited to what it still declares.
    const b = new MagicString(code);
    for (const i of info) if (!base.has(i.node)) b.remove(i.node.start, i.node.end);
    const baseDeclared = new Set(info.filter((i) => base.has(i.node)).flatMap((i) => i.declares));
    const kept = new Set([...exportToLocal].filter(([, local]) => baseDeclared.has(local)).map(([e]) => e));
    // What each part needs from the first module (its names the first module keeps too, since other code
    // uses them), exported under names of their own.
    const shared = moved.map((m, k) => {
      const need = new Set();
      for (const node of m) for (const n of infoOf.get(node).mentions) if (baseDeclared.has(n)) need.add(n);
      for (const n of partNames[k]) if (!m.has(declaredBy.get(localOf(n)))) need.add(localOf(n));
      return need;
    });
    const allShared = new Set(shared.flatMap((n) => [...n]));
    const exportList = [...kept].map((e) => `${exportToLocal.get(e)} as ${e}`).concat([...allShared].map((n) => `${n} as __split_${n}`));
    b.overwrite(exportStatement.start, exportStatement.end, `export { ${exportList.join(', ')} };`);

    // Each part's module: its statements, the first module's imports, and the part's names.
    const partModules = moved.map((m, k) => {
      const p = new MagicString(code);
      for (const i of info) if (!m.has(i.node)) p.remove(i.node.start, i.node.end);
      p.overwrite(exportStatement.start, exportStatement.end, `export { ${partNames[k].map((n) => `${localOf(n)} as ${n}`).join(', ')} };`);
      if (shared[k].size) p.prepend(`import { ${[...shared[k]].map((n) => `__split_${n} as ${n}`).join(', ')} } from ${JSON.stringify(baseId)};\n`);
      return { code: p.toString(), map: p.generateMap({ hires: true, source: baseId, includeContent: true }) };
    });

    split = {
      facadeId,
      baseId,
      kept,
      base: { code: b.toString(), map: b.generateMap({ hires: true, source: baseId, includeContent: true }) },
      parts: partModules,
    };
    return split;
  }

  return {
    name: 'lenig-split-firebase-auth',
    async resolveId(source, importer) {
      const k = source === 'firebase/auth' && importer ? partPaths.indexOf(resolve(importer)) : -1;
      return k >= 0 ? PART_MODULE + k : null;
    },
    async load(id) {
      if (!id.startsWith(PART_MODULE)) return null;
      const s = await analyse(this);
      return s.parts[Number(id.slice(PART_MODULE.length))];
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

/**
 * Top-level declarations of @firebase/auth (1.13) whose initializer calls something, checked by hand: each
 * only makes a value that nothing outside its own part reads — a pair of delays (`new Delay(…)`), a table,
 * an encoded constant, a callback name, a setting read from the page's Firebase defaults.
 */
const REVIEWED = new Set([
  // Moved into a part.
  'NETWORK_TIMEOUT',
  'PING_TIMEOUT',
  'EID_FROM_APIHOST',
  'FIREBASE_APP_CHECK_FRAGMENT_ID',
  // Left out: nothing lenig imports reaches them.
  '_JSLOAD_CALLBACK',
  'NETWORK_TIMEOUT_DELAY',
  'authIdTokenMaxAge',
]);

/** The constructors whose `new X()` only makes an empty container. */
const CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);

/**
 * Whether making a top-level statement's declarations does nothing else: functions; classes without static
 * blocks or static fields that compute; variables initialised with literals, functions, classes, names,
 * empty containers, and objects, arrays, templates and operators made of those.
 */
function inert(node) {
  if (node.type === 'FunctionDeclaration') return true;
  if (node.type === 'ClassDeclaration') return inertClass(node);
  if (node.type === 'VariableDeclaration') return node.declarations.every((d) => d.id.type === 'Identifier' && (!d.init || inertValue(d.init)));
  return false;
}

function inertClass(node) {
  if (node.superClass && node.superClass.type !== 'Identifier') return false;
  return node.body.body.every((m) => m.type !== 'StaticBlock' && !(m.type === 'PropertyDefinition' && m.static && m.value && !inertValue(m.value)) && !m.computed);
}

function inertValue(e) {
  switch (e.type) {
    case 'Literal':
    case 'Identifier':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return true;
    case 'ClassExpression':
      return inertClass(e);
    case 'TemplateLiteral':
      return e.expressions.every(inertValue);
    case 'UnaryExpression':
      return e.operator !== 'delete' && inertValue(e.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return inertValue(e.left) && inertValue(e.right);
    case 'ConditionalExpression':
      return inertValue(e.test) && inertValue(e.consequent) && inertValue(e.alternate);
    case 'ArrayExpression':
      return e.elements.every((x) => !x || (x.type !== 'SpreadElement' && inertValue(x)));
    case 'ObjectExpression':
      return e.properties.every((p) => p.type === 'Property' && !p.computed && inertValue(p.value));
    case 'NewExpression':
      return e.callee.type === 'Identifier' && CONTAINERS.has(e.callee.name) && e.arguments.length === 0;
    default:
      return false;
  }
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

/**
 * A rollup plugin for the browser builds: leaves Firebase's usage heartbeat out of @firebase/app. The app
 * package registers it on every app (with an IndexedDB store, the `idb` library and a table of every
 * Firebase package's name: 1.2 KB gz), but every app lenig makes replaces it at once with one that does
 * nothing (`withoutHeartbeatStore`, src/firebase/auth-setup.ts), and the only reader, Auth, asks for it as
 * optional. A host page's own app comes from the page's own copy of Firebase, whose registration this
 * does not touch.
 * @returns {import('rollup').Plugin}
 */
export function withoutFirebaseHeartbeat() {
  const registration = /^\s*_registerComponent\(new Component\('(heartbeat|platform-logger)',.*$/gm;
  return {
    name: 'lenig-without-firebase-heartbeat',
    transform(code, id) {
      if (!/[\\/]@firebase[\\/]app[\\/]dist[\\/]esm[\\/]index\.esm\.js$/.test(id)) return null;
      const m = new MagicString(code);
      let found = 0;
      m.replace(registration, () => (found++, ''));
      if (found !== 2) this.error(`${id}: expected the heartbeat and platform-logger registrations, found ${found}; has @firebase/app changed?`);
      return { code: m.toString(), map: m.generateMap({ hires: true }) };
    },
  };
}
