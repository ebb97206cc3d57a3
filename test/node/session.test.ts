// The session's subscriptions over a stand-in for Firebase Auth (what `onAuthStateChanged(auth, cb)` and
// the session read of it: `onAuthStateChanged`, `authStateReady`, `currentUser`). No emulator, no timers.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Auth } from 'firebase/auth';
import { Session } from '../../src/firebase/session.js';
import type { StoreError } from '../../src/data/store.js';

class FakeAuth {
  currentUser: { uid: string; isAnonymous: boolean } | null = null;
  private readonly observers = new Set<(user: unknown) => void>();

  authStateReady(): Promise<void> {
    return Promise.resolve();
  }

  /** As Firebase does: the current user a microtask later, then every change. */
  onAuthStateChanged(cb: (user: unknown) => void): () => void {
    this.observers.add(cb);
    queueMicrotask(() => this.observers.has(cb) && cb(this.currentUser));
    return () => this.observers.delete(cb);
  }

  signIn(uid: string): void {
    this.currentUser = { uid, isAnonymous: false };
    for (const cb of [...this.observers]) cb(this.currentUser);
  }
}

/** Lets every queued microtask and callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A session whose user is known (Firebase has settled it): subscriptions start within `whileSignedIn`. */
async function knownSession(): Promise<Session> {
  const auth = new FakeAuth();
  auth.currentUser = { uid: 'u1', isAnonymous: false };
  const session = new Session(auth as unknown as Auth);
  await session.ready();
  await settle();
  return session;
}

const boom = () => {
  throw new Error('boom in start');
};

describe('Session.whileSignedIn', () => {
  let uncaught: unknown[];
  let logged: string[];
  const consoleError = console.error;
  const onUncaught = (e: unknown) => void uncaught.push(e);

  beforeEach(() => {
    uncaught = [];
    logged = [];
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    process.on('uncaughtException', onUncaught);
  });
  afterEach(() => {
    console.error = consoleError;
    process.off('uncaughtException', onUncaught);
  });

  it('reports a start that throws when someone signs in to onError and the console, not as an uncaught exception', async () => {
    const auth = new FakeAuth();
    const session = new Session(auth as unknown as Auth);
    const errors: StoreError[] = [];
    const stop = session.whileSignedIn(boom, (e) => errors.push(e));
    // Signed in after subscribing: the subscription starts in a microtask of its own.
    auth.signIn('u1');
    await settle();
    assert.deepEqual(uncaught, []);
    assert.equal(errors.length, 1, `errors: ${errors.map((e) => e.message).join('; ')}`);
    assert.equal(errors[0]!.code, 'unknown');
    assert.match(errors[0]!.message, /^lenig: a subscription could not start \(boom in start\)$/);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /^lenig: a subscription could not start for the signed-in user: Error: boom in start/);
    stop();
  });

  it('reports it the same way when the user is known at once, without throwing at the subscriber', async () => {
    const session = await knownSession();
    const errors: StoreError[] = [];
    let stop: (() => void) | undefined;
    assert.doesNotThrow(() => (stop = session.whileSignedIn(boom, (e) => errors.push(e))));
    // A failure arrives after subscribe has returned, as every subscription failure does.
    assert.equal(errors.length, 0);
    await settle();
    assert.deepEqual(uncaught, []);
    assert.deepEqual(
      errors.map((e) => e.code),
      ['unknown'],
    );
    assert.equal(logged.length, 1);
    stop?.();
  });

  it('says nothing to a subscriber that stopped before the failure was reported', async () => {
    const session = await knownSession();
    const errors: StoreError[] = [];
    session.whileSignedIn(boom, (e) => errors.push(e))();
    await settle();
    assert.deepEqual(errors, []);
    assert.deepEqual(uncaught, []);
  });
});
