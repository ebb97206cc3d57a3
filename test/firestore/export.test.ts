/**
 * The export on Cloud Firestore is the Realtime Database's export: the demo month plus reports, laid out as
 * Firestore documents (scripts/seed-firestore.mjs), exported by an admin through the Firestore store, must
 * be the very tree the Realtime Database holds for the same seed — so scripts/import.mjs, which restores a
 * Realtime Database export (test/backend/export-import.test.ts), restores a Firestore one too. Left out on
 * purpose, as on the Realtime Database: notifications, `lastLike`, `userLikes`; and a stat's `cause`,
 * which Firestore keeps once per month rather than per category.
 *
 * Run: npm test -- firestore/export
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deleteApp } from 'firebase/app';
import { firestoreDocuments } from '../../scripts/seed-firestore.mjs';
import { clearFirestore, loadFirestoreRules, writeDocuments } from '../../scripts/firestore-emulator.mjs';
import { FirestoreStore } from '../../src/firestore/index.js';
import type { ExportProgress, LenigExport } from '../../src/data/types.js';
import { firestoreEmulator } from './helpers.js';
import { startTestBackend, USERS, type TestBackend } from '../rules/helpers.js';
import { exportSeed } from '../backend/export-seed.js';

const { data, firstChannel } = exportSeed();

const emulator = await firestoreEmulator();
const skip = 'skip' in emulator ? emulator.skip : false;
let auth: TestBackend | undefined;
const stores: FirestoreStore[] = [];
/**
 * A Firestore project of this file's own: the emulator is shared by the test files running in parallel,
 * and the contract suite works in the backend's project, which clearing it here would wipe mid-test.
 */
const project = () => `${auth!.projectId}-export`;

async function signedIn(user: 'admin' | 'alice'): Promise<FirestoreStore> {
  const { host } = emulator as { host: string };
  const store = new FirestoreStore({
    firebase: { apiKey: 'demo-key', projectId: project() },
    emulator: { firestore: host, auth: auth!.authURL },
    appName: `export-fs-${user}`,
    auth: 'email',
    credentials: { email: USERS[user].email, password: USERS[user].password },
  });
  stores.push(store);
  await store.signIn();
  return store;
}

before(async () => {
  if (skip) return;
  const { host } = emulator as { host: string };
  auth = await startTestBackend({});
  await clearFirestore(host, project());
  await loadFirestoreRules(host, project());
  await writeDocuments(host, project(), firestoreDocuments(data));
});

after(async () => {
  for (const s of stores) {
    await s.signOut().catch(() => {});
    await s.close();
    await deleteApp(s.connection.app).catch(() => {});
  }
  await auth?.stop();
  if (!('skip' in emulator)) await emulator.stop();
});

/** The seed's tree without what an export leaves out, and stats without their `cause`. */
function expectedTree(): Record<string, unknown> {
  const { notifications: _n, lastLike: _l, userLikes: _u, ...rest } = structuredClone(data);
  for (const months of Object.values(rest.stats as Record<string, Record<string, Record<string, Record<string, unknown>>>>)) {
    for (const cats of Object.values(months)) for (const s of Object.values(cats)) delete s.cause;
  }
  return rest;
}

describe('the export on Cloud Firestore', { skip }, () => {
  let exported: LenigExport;
  const progress: ExportProgress[] = [];

  it("is the Realtime Database's tree of the same data, with progress", async () => {
    const admin = await signedIn('admin');
    exported = await admin.exportData({}, (p) => progress.push(p));
    assert.equal(exported.format, 'lenig-export');
    assert.deepEqual(exported.data, expectedTree());
    const last = progress[progress.length - 1]!;
    assert.equal(last.done, last.total);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.done >= progress[i - 1]!.done, 'progress never goes back');
  });

  it('exports one channel: its posts, comments, likes and reports only', async () => {
    const admin = await signedIn('admin');
    const one = await admin.exportData({ channel: firstChannel });
    const all = expectedTree() as Record<string, Record<string, unknown>>;
    assert.equal(one.channel, firstChannel);
    assert.deepEqual(one.data.posts, { [firstChannel]: all.posts![firstChannel] });
    assert.deepEqual(one.data.comments, { [firstChannel]: all.comments![firstChannel] });
    const likes = Object.fromEntries(Object.entries(all.likes!).filter(([k]) => k.startsWith(`post:${firstChannel}:`)));
    assert.deepEqual(one.data.likes, likes);
    assert.equal(one.data.profiles, undefined);
    assert.equal(Object.keys(one.data.reports as object).length, 2);
  });

  it('is refused to someone who is not an admin', async () => {
    const alice = await signedIn('alice');
    await assert.rejects(alice.exportData(), (e: Error & { code?: string }) => e.code === 'permission-denied');
  });

  it('leaves out the comments and history a deleted post left behind, as the Realtime Database export does', async () => {
    const { host } = emulator as { host: string };
    const at = `channels/${firstChannel}/posts/gone-post`;
    await writeDocuments(host, project(), [
      { path: `${at}/comments/left-comment`, data: { author: 'someone', text: 'Left behind by a deleted post', createdAt: 1 } },
      { path: `${at}/history/left-entry`, data: { channel: firstChannel, by: 'someone', status: 'planned', note: 'Left behind too', at: 1 } },
    ]);
    const admin = await signedIn('admin');
    const again = await admin.exportData({});
    assert.deepEqual(again.data, expectedTree());
    assert.ok(!JSON.stringify(again.data).includes('Left behind'), 'no garbage of a deleted post');
  });
});
