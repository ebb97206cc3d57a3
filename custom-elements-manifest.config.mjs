// `cem analyze` reads this file: the manifest lists the public elements (one per folder under
// src/components) with the API their JSDoc headers declare; Storybook and IDEs read it.

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

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/**/*.d.ts'],
  // Inside dist/: a build output like the rest, ignored by git, shipped in the package.
  outdir: 'dist',
  litelement: true,
  // Only this package's own sources, not the packages in node_modules.
  dependencies: false,
  packagejson: true,
  plugins: [lenigDefine()],
};
