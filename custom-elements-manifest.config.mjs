// `cem analyze` reads this file: the manifest lists the public elements (one per folder under
// src/components) with the API their JSDoc headers declare; Storybook and IDEs read it.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/**/*.d.ts'],
  // Inside dist/: a build output like the rest, ignored by git, shipped in the package.
  outdir: 'dist',
  litelement: true,
  // Only this package's own sources, not the packages in node_modules.
  dependencies: false,
  packagejson: true,
};
