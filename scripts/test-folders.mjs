// Which runner a test file belongs to is decided by its folder under test/: the *.test.ts files of these
// folders run in Node (node --test), every other *.test.ts runs in Chromium (web-test-runner).
// scripts/test.mjs and web-test-runner.config.mjs both read this one list.
export const NODE_TEST_DIRS = ['node', 'backend', 'rules', 'contract', 'e2e', 'dist', 'functions', 'spfx', 'firestore', 'package'];
