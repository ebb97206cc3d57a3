// `cem analyze` reads this file: the manifest lists the elements (one per folder under src/components)
// with the API their JSDoc headers declare; Storybook, the JSX types, editors and IDEs read it. Plugins
// below add what the analyzer cannot see by itself: lenig's define(), the global tokens every element
// honours, each custom property's default, which elements are internal, and dist/ module paths.
import { readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';

/**
 * Elements register through lenig's own `define(tag, Class)` (it tolerates a second copy of lenig on the
 * page), which the analyzer does not know as it knows `customElements.define`: teach it.
 */
function lenigDefine() {
  const found = new Map(); // module path → [tag, class name][]
  return {
    name: 'lenig-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag) || !ts.isIdentifier(cls)) return;
      const list = found.get(moduleDoc.path) ?? [];
      list.push([tag.text, cls.text]);
      found.set(moduleDoc.path, list);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const [tagName, name] of found.get(moduleDoc.path) ?? []) {
        const declaration = moduleDoc.declarations?.find((d) => d.name === name);
        if (!declaration) continue;
        declaration.customElement = true;
        declaration.tagName = tagName;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          { kind: 'custom-element-definition', name: tagName, declaration: { name, module: moduleDoc.path } },
        ];
      }
    },
  };
}

/** Elements that are parts of others: pages do not place them, and the JSX types and editor data leave them out. */
const INTERNAL = {
  'lenig-post-card': 'lenig-feed',
  'lenig-like-view': 'lenig-like-button, lenig-post-card and lenig-idea-card',
  'lenig-idea-card': 'lenig-idea-board',
  'lenig-idea-detail': 'lenig-idea-board',
  'lenig-comments': 'lenig-post-card',
};

/** The contents of a `var(--name, …)` fallback, parentheses balanced. */
function fallbacks(css) {
  const out = new Map();
  const re = /var\(\s*(--[\w-]+)\s*,/g;
  for (let m = re.exec(css); m; m = re.exec(css)) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < css.length && depth > 0; i++) {
      if (css[i] === '(') depth++;
      else if (css[i] === ')') depth--;
    }
    if (!out.has(m[1])) out.set(m[1], css.slice(re.lastIndex, i - 1).trim());
  }
  return out;
}

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Every stylesheet's source: src/styles/ and the elements' *.styles.ts. */
function allStyles() {
  const files = ['src/styles', 'src/components'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && (dir === 'src/styles' || f.endsWith('.styles.ts')))
      .map((f) => `${dir}/${f}`),
  );
  return files.map(read).join('\n');
}

/**
 * Every element honours the global tokens (documented and defaulted in src/styles/tokens.ts): list them on
 * each. Each custom property gets its `default`: the fallback the styles give it, with private `--_x`
 * variables named by the public token they come from, else the "Default: …" its description states.
 */
function tokensAndDefaults() {
  return {
    name: 'lenig-tokens-and-defaults',
    packageLinkPhase({ customElementsManifest }) {
      const css = allStyles();
      const defaults = fallbacks(css);
      const privateToPublic = new Map([...css.matchAll(/(--_[\w-]+):\s*var\((--lenig-[\w-]+)/g)].map((m) => [m[1], m[2]]));
      const publicTerms = (value) =>
        value.replace(/var\((--_[\w-]+)\)/g, (all, v) => (privateToPublic.has(v) ? `var(${privateToPublic.get(v)})` : all));
      const withDefault = (p) => {
        if (p.default !== undefined) return p;
        const fromCss = defaults.get(p.name);
        const stated = /\bdefault:?\s*`?([^`.;]+?)`?(?:\.|;|$)/i.exec(p.description ?? '')?.[1];
        return fromCss ? { ...p, default: publicTerms(fromCss) } : stated ? { ...p, default: stated.trim() } : p;
      };
      const tokens = [...read('src/styles/tokens.ts').matchAll(/@cssproperty\s+(--lenig-[\w-]+)\s+-\s+(.+)/g)].map(([, name, description]) =>
        withDefault({ name, description: description.trim() }),
      );
      for (const mod of customElementsManifest.modules ?? []) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement || !d.tagName) continue;
          const own = (d.cssProperties ?? []).map(withDefault);
          const names = new Set(own.map((p) => p.name));
          d.cssProperties = [...own, ...tokens.filter((t) => !names.has(t.name))];
        }
      }
    },
  };
}

/** Constants used as defaults (`DEFAULT_PAGE_SIZE`) become their values; attributes take their field's type. */
function resolvedDefaults() {
  return {
    name: 'lenig-resolved-defaults',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        const source = read(mod.path);
        const constant = (value) =>
          /^[A-Z][A-Z0-9_]*$/.test(value ?? '') ? (new RegExp(`const ${value}\\s*(?::[^=]+)?=\\s*([^;\\n]+);`).exec(source)?.[1]?.trim() ?? value) : value;
        for (const d of mod.declarations ?? []) {
          for (const m of d.members ?? []) if (m.default !== undefined) m.default = constant(m.default);
          for (const a of d.attributes ?? []) {
            if (a.default !== undefined) a.default = constant(a.default);
            const field = a.fieldName && d.members?.find((m) => m.name === a.fieldName);
            if (field?.type && !a.type) a.type = field.type;
            if (field?.default !== undefined && a.default === undefined) a.default = field.default;
          }
        }
      }
    },
  };
}

/** Internal elements are marked (`"internal": true`) and say whose part they are. */
function internalElements() {
  return {
    name: 'lenig-internal',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const d of mod.declarations ?? []) {
          const owner = d.customElement && INTERNAL[d.tagName];
          if (!owner) continue;
          d.internal = true;
          d.description = `${d.description ?? ''}\n\nInternal: part of ${owner.replace(/lenig-[\w-]+/g, (t) => `\`<${t}>\``)}; pages do not place it.`.trim();
        }
      }
    },
  };
}

/** The manifest ships in dist/ and describes dist/: module paths name the published .js files. */
function distPaths() {
  const toDist = (path) => (typeof path === 'string' ? path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js') : path);
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        if ((key === 'path' || key === 'module') && typeof node[key] === 'string') node[key] = toDist(node[key]);
        else walk(node[key]);
      }
    }
  };
  return {
    name: 'lenig-dist-paths',
    // Last, after the plugins above have read the sources by their src/ paths.
    packageLinkPhase({ customElementsManifest }) {
      // A re-export names its module relative to the re-exporting one (`./idea-detail.js`): make it whole.
      for (const mod of customElementsManifest.modules ?? []) {
        for (const e of mod.exports ?? []) {
          const ref = e.declaration?.module;
          if (ref?.startsWith('.')) e.declaration.module = posix.join(posix.dirname(mod.path), ref).replace(/\.js$/, '.ts');
        }
      }
      walk(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/**/*.d.ts'],
  // Inside dist/: a build output like the rest, ignored by git, shipped in the package.
  outdir: 'dist',
  litelement: true,
  // Only this package's own sources, not the packages in node_modules.
  dependencies: false,
  packagejson: true,
  plugins: [lenigDefine(), tokensAndDefaults(), resolvedDefaults(), internalElements(), distPaths()],
};
