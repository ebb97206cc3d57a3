/**
 * `firebase deploy --only functions` as an admin runs it (docs/sharepoint.md, step 2): firebase-tools picks
 * the exchange's runtime from functions/package.json and refuses a runtime Google has decommissioned —
 * the deploy then stops before anything is uploaded. Checked with firebase-tools' own rules, today.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const functionsDir = fileURLToPath(new URL('../../functions/', import.meta.url));
const runtimes = require('firebase-tools/lib/deploy/functions/runtimes/supported/index.js') as {
  isDecommissioned(runtime: string, now?: Date): boolean;
  guardVersionSupport(runtime: string, now?: Date): void;
  RUNTIMES: Record<string, { status: string; deprecationDate: string }>;
};
const choice = require('firebase-tools/lib/deploy/functions/runtimes/node/parseRuntimeAndValidateSDK.js') as {
  getRuntimeChoice(sourceDir: string, runtimeFromConfig?: string): string;
};

test('firebase.json deploys functions/ as the exchange', () => {
  const config = JSON.parse(readFileSync(new URL('../../firebase.json', import.meta.url), 'utf8')) as {
    functions: { source: string; runtime?: string }[];
  };
  assert.deepEqual(config.functions.map((f) => f.source), ['functions']);
});

test('the exchange\'s runtime is one Cloud Functions still deploys, and not deprecated', () => {
  const config = JSON.parse(readFileSync(new URL('../../firebase.json', import.meta.url), 'utf8')) as {
    functions: { runtime?: string }[];
  };
  const runtime = choice.getRuntimeChoice(functionsDir, config.functions[0]?.runtime);
  assert.doesNotThrow(() => runtimes.guardVersionSupport(runtime), `firebase deploy refuses ${runtime}`);
  assert.equal(runtimes.isDecommissioned(runtime), false);
  const deprecation = new Date(runtimes.RUNTIMES[runtime]!.deprecationDate);
  assert.ok(deprecation > new Date(), `${runtime} is deprecated since ${runtimes.RUNTIMES[runtime]!.deprecationDate}: move functions/package.json "engines" on`);
});
