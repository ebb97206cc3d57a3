/**
 * Export → import → the same tree. The demo month (scripts/seed-data.mjs) plus reports, on the local
 * database under the project's rules, is exported by an admin through the store (what `<lenig-admin>`
 * downloads); scripts/import.mjs restores the file with firebase-admin into an empty database; the two
 * trees must be equal, node for node — every count, post, comment, like, history entry, stat, report and
 * profile — except what an export leaves out on purpose (notifications and `lastLike`, which are private;
 * `userLikes`, which the import rebuilds from `likes`, is compared too).
 *
 * The target database runs with rules that let everything through and takes firebase-admin's emulator
 * credential: on Firebase, firebase-admin is not bound by rules either.
 *
 * Run: node --import tsx --test test/backend/export-import.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deleteApp } from 'firebase/app';
import { goOffline } from 'firebase/database';
import { importExport } from '../../scripts/import.mjs';
import { FirebaseStore } from '../../src/firebase/index.js';
import type { ExportProgress, LenigExport } from '../../src/data/types.js';
import { startTestBackend, USERS, type TestBackend } from '../rules/helpers.js';
import { exportSeed } from './export-seed.js';

const { data, firstChannel, firstPost } = exportSeed();

let source: TestBackend;
let target: TestBackend;
let tmp: string;
let store: FirebaseStore;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lenig-export-'));
  const openRules = path.join(tmp, 'open.rules.json');
  await writeFile(openRules, JSON.stringify({ rules: { '.read': true, '.write': true } }));
  [source, target] = await Promise.all([startTestBackend(data), startTestBackend(null, openRules)]);
  // firebase-admin presents "owner" to an emulator.
  target.acceptCredential('owner');
  store = new FirebaseStore({
    firebase: { apiKey: 'demo-key', projectId: source.projectId, databaseURL: source.databaseURL },
    emulator: { auth: source.authURL },
    appName: 'export-admin',
    auth: 'email',
    credentials: { email: USERS.admin.email, password: USERS.admin.password },
  });
  await store.signIn();
});

after(async () => {
  await store?.signOut().catch(() => {});
  if (store) {
    goOffline(store.connection.database);
    await deleteApp(store.connection.app).catch(() => {});
  }
  await Promise.all([source?.stop(), target?.stop()]);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The database URL firebase-admin takes for the local server, with the emulator host it needs. */
function adminTarget(b: TestBackend): { databaseURL: string; host: string } {
  const url = new URL(b.databaseURL.replace(/^ws/, 'http'));
  return { databaseURL: `http://${url.host}?ns=${b.projectId}`, host: url.host };
}

async function runImport(file: string, b: TestBackend): Promise<{ written: number; nodes: number }> {
  const { databaseURL, host } = adminTarget(b);
  const previous = process.env.FIREBASE_DATABASE_EMULATOR_HOST;
  process.env.FIREBASE_DATABASE_EMULATOR_HOST = host;
  try {
    return await importExport({ file, databaseURL, log: () => {} });
  } finally {
    if (previous === undefined) delete process.env.FIREBASE_DATABASE_EMULATOR_HOST;
    else process.env.FIREBASE_DATABASE_EMULATOR_HOST = previous;
  }
}

describe('export and import', () => {
  let exported: LenigExport;
  const progress: ExportProgress[] = [];

  it('exports everything an admin may read, with progress, and nothing private', async () => {
    exported = await store.exportData({}, (p) => progress.push(p));
    assert.equal(exported.format, 'lenig-export');
    assert.equal(exported.version, 1);
    assert.deepEqual(Object.keys(exported.data).sort(), ['adminCount', 'admins', 'channels', 'comments', 'ideaHistory', 'likeCounts', 'likes', 'posts', 'profiles', 'reports', 'stats'].filter((k) => k in exported.data).sort());
    assert.equal(exported.data.notifications, undefined);
    assert.equal(exported.data.userLikes, undefined);
    assert.ok(progress.length > 10, `${progress.length} progress reports`);
    const last = progress[progress.length - 1]!;
    assert.equal(last.done, last.total);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.done >= progress[i - 1]!.done, 'progress never goes back');
  });

  it('restores into an empty database: every count, post, like and history entry equal', async () => {
    const file = path.join(tmp, 'export.json');
    await writeFile(file, JSON.stringify(exported, null, 2));
    const { written } = await runImport(file, target);
    assert.ok(written > 0);
    const restored = (await target.value('')) as Record<string, unknown>;
    const original = (await source.value('')) as Record<string, unknown>;
    const { notifications: _n, lastLike: _l, ...expected } = original;
    assert.deepEqual(restored, expected);
    // Spot checks that would show a shallow copy: a post's counts, a history entry, a stat.
    const posts = (restored.posts as Record<string, Record<string, { likeCount: number; commentCount: number }>>)[firstChannel]!;
    assert.equal(posts[firstPost]!.likeCount, data.posts[firstChannel][firstPost].likeCount);
    assert.ok(Object.keys(restored.ideaHistory as object).length > 0, 'idea history restored');
    assert.deepEqual(restored.stats, data.stats);
  });

  it('refuses a database that is not empty, and a file that is not an export', async () => {
    const file = path.join(tmp, 'export.json');
    await assert.rejects(runImport(file, target), /not empty/);
    const bad = path.join(tmp, 'bad.json');
    await writeFile(bad, JSON.stringify({ format: 'something-else', data: {} }));
    await assert.rejects(runImport(bad, target), /not a lenig export/);
  });

  it('exports one channel: its posts, comments, likes and reports only', async () => {
    const one = await store.exportData({ channel: firstChannel });
    assert.equal(one.channel, firstChannel);
    assert.deepEqual(Object.keys(one.data.posts as object), [firstChannel]);
    assert.ok(Object.keys(one.data.likes as object).every((k) => k.startsWith(`post:${firstChannel}:`)));
    assert.equal(one.data.profiles, undefined);
    assert.equal(Object.keys(one.data.reports as object).length, 2);
  });

  it('refuses an export to someone who is not an admin', async () => {
    const alice = new FirebaseStore({
      firebase: { apiKey: 'demo-key', projectId: source.projectId, databaseURL: source.databaseURL },
      emulator: { auth: source.authURL },
      appName: 'export-alice',
      auth: 'email',
      credentials: { email: USERS.alice.email, password: USERS.alice.password },
    });
    try {
      await alice.signIn();
      await assert.rejects(alice.exportData(), (e: Error & { code?: string }) => e.code === 'permission-denied');
    } finally {
      await alice.signOut().catch(() => {});
      goOffline(alice.connection.database);
      await deleteApp(alice.connection.app).catch(() => {});
    }
  });
});
