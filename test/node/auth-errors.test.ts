// What the console says when Firebase Auth refuses a sign-in for a reason only the project's admin can
// fix: the message names the setting and where to change it, not just Firebase's code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toAuthError } from '../../src/firebase/session.js';

const authError = (code: string) => Object.assign(new Error(`Firebase: Error (${code}).`), { code });

test('Authentication never started in the Firebase console: says to click Get started', () => {
  // Firebase answers CONFIGURATION_NOT_FOUND to a custom token (or any sign-in) until then.
  const e = toAuthError(authError('auth/configuration-not-found'));
  assert.equal(e.code, 'unauthenticated');
  assert.match(e.message, /Firebase Authentication is not set up in this Firebase project \(auth\/configuration-not-found\)/);
  assert.match(e.message, /Authentication in the Firebase console and click Get started/);
});

test('a Web API key Firebase does not know: says where to copy the right one', () => {
  // The server's "API key not valid. Please pass a valid API key." becomes this code in the SDK.
  for (const code of ['auth/api-key-not-valid.-please-pass-a-valid-api-key.', 'auth/invalid-api-key']) {
    const e = toAuthError(authError(code));
    assert.match(e.message, /Firebase does not accept the Web API key/, code);
    assert.match(e.message, /Project settings → General → Your apps/, code);
  }
});

test('a custom token for another project, and codes without advice, keep their wording', () => {
  assert.match(toAuthError(authError('auth/custom-token-mismatch')).message, /Firebase refused the custom token \(auth\/custom-token-mismatch\)/);
  assert.equal(toAuthError(authError('auth/user-disabled')).message, 'lenig: sign-in failed (auth/user-disabled)');
});
