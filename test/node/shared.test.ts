// One database listener shared by many subscribers (src/firebase/shared.ts), over a stand-in listener.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Shared } from '../../src/firebase/shared.js';
import { StoreError } from '../../src/data/store.js';

/** A listener the test drives: how often it was opened and closed, and its latest callbacks. */
function listener() {
  const l = {
    opened: 0,
    closed: 0,
    emit: (_v: string) => {},
    fail: (_e: StoreError) => {},
  };
  const shared = new Shared<string>((emit, fail) => {
    l.opened++;
    l.emit = emit;
    l.fail = fail;
    return () => {
      l.closed++;
    };
  });
  return { l, shared };
}

describe('Shared', () => {
  it('gives a late subscriber the value it holds, within subscribe, on one listener', () => {
    const { l, shared } = listener();
    const first: string[] = [];
    shared.subscribe((v) => first.push(v));
    l.emit('a');
    const late: string[] = [];
    shared.subscribe((v) => late.push(v));
    assert.deepEqual(late, ['a']);
    assert.equal(l.opened, 1);
  });

  it('opens a refused listener anew for a late subscriber, which hears the value or the refusal', () => {
    const { l, shared } = listener();
    const errors: string[] = [];
    shared.subscribe(
      () => {},
      (e) => errors.push(e.code),
    );
    l.fail(new StoreError('permission-denied', 'refused'));
    assert.deepEqual(errors, ['permission-denied']);

    // The SDK dropped the refused listener: a widget mounted later must not wait for a value that cannot come.
    const late: string[] = [];
    const lateErrors: string[] = [];
    shared.subscribe(
      (v) => late.push(v),
      (e) => lateErrors.push(e.code),
    );
    assert.equal(l.opened, 2, 'opened again');
    assert.equal(l.closed, 1, 'the refused one closed');
    l.emit('b');
    assert.deepEqual(late, ['b']);
    l.fail(new StoreError('permission-denied', 'still refused'));
    assert.deepEqual(lateErrors, ['permission-denied']);
  });

  it('closes the listener after the last subscriber, and opens it again for the next', () => {
    const { l, shared } = listener();
    const stop = shared.subscribe(() => {});
    l.emit('a');
    stop();
    assert.equal(l.closed, 1);
    const seen: string[] = [];
    shared.subscribe((v) => seen.push(v));
    assert.equal(l.opened, 2);
    assert.deepEqual(seen, [], 'nothing stale from the closed listener');
  });
});
