/**
 * The local Cloud Firestore backend: the emulator starts and stops with its java process, the demo seed
 * lands laid out as docs/data-layout-firestore.md says (every count equal to what it counts), and a
 * machine without an emulator skips the Firestore tests with one visible line — or fails under CI=true.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument, startFirestoreEmulator, writeDocuments } from '../../scripts/firestore-emulator.mjs';
import { firestoreDocuments } from '../../scripts/seed-firestore.mjs';
import { buildSeed } from '../../scripts/seed-data.mjs';
import { firestoreEmulator } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const emulator = await firestoreEmulator();
const skip = 'skip' in emulator ? emulator.skip : false;
after(async () => {
  if (!('skip' in emulator)) await emulator.stop();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the Firestore emulator', { skip }, () => {
  it('starts on a free port and stop() ends the start script and its java child', async () => {
    const own = await startFirestoreEmulator({ port: 0 });
    const group = spawnSync('pgrep', ['-g', String(own.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
    assert.ok(group.length >= 1, 'the emulator runs in its own process group');
    const res = await fetch(`http://${own.host}/`);
    assert.equal(res.status, 200);
    await own.stop();
    assert.deepEqual(group.filter(alive), [], 'no process of the group is left');
  });

  it('is seeded with the demo data, every count equal to what it counts', async () => {
    const host = (emulator as { host: string }).host;
    const project = 'demo-lenig-seed';
    const { data } = buildSeed(Date.UTC(2026, 10, 20, 12));
    const docs = firestoreDocuments(data);
    await writeDocuments(host, project, docs);
    const posts = docs.filter((d) => /^channels\/[^/]+\/posts\/[^/]+$/.test(d.path));
    assert.ok(posts.length > 20, `${posts.length} posts`);
    const stats = new Map<string, { posts: number; likes: number }>();
    for (const p of posts) {
      const stored = (await readDocument(host, project, p.path))!;
      assert.equal(stored.likeCount, Object.keys(stored.likers as object).length, `${p.path}: likeCount is the number of likers`);
      const comments = docs.filter((d) => d.path.startsWith(`${p.path}/comments/`)).length;
      assert.equal(stored.commentCount, comments, `${p.path}: commentCount`);
      assert.ok(stored.createdAt instanceof Date);
      const ch = p.path.split('/')[1]!;
      const key = `${ch}/${String(stored.month)}/${String(stored.category)}`;
      const s = stats.get(key) ?? { posts: 0, likes: 0 };
      s.posts += 1;
      s.likes += stored.likeCount as number;
      stats.set(key, s);
    }
    for (const [key, expected] of stats) {
      const [ch, month, cat] = key.split('/');
      const stat = (await readDocument(host, project, `channels/${ch}/stats/${month}`))!;
      assert.deepEqual((stat.c as Record<string, unknown>)[cat!], expected, `stat ${key}`);
    }
    // Every like of a post is in the liker's own list, and nothing else is.
    for (const d of docs.filter((x) => x.path.startsWith('userLikes/'))) {
      const uid = d.path.split('/')[1]!;
      for (const key of Object.keys((d.data.t as object) ?? {})) {
        const m = /^post:([^:]+):([^:]+)$/.exec(key);
        const likers = m
          ? ((await readDocument(host, project, `channels/${m[1]}/posts/${m[2]}`))!.likers as object)
          : ((await readDocument(host, project, `likes/${key}`))!.likers as object);
        assert.ok(uid in likers, `${uid} likes ${key}`);
      }
    }
  });
});

/** The test runner marks its children (NODE_TEST_CONTEXT); a nested `npm test` must not inherit that. */
function withoutTestContext(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_TEST_CONTEXT;
  return copy;
}

describe('without an emulator', () => {
  const run = (ci: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'test.mjs'), '--no-backend', '--node-only', 'firestore/rules'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...withoutTestContext(process.env), CI: ci, LENIG_FIRESTORE_EMULATOR: path.join(ROOT, 'no-such-emulator'), LENIG_TEST_FIRESTORE_HOST: '' },
      timeout: 120_000,
    });

  it('a developer machine skips the Firestore tests and says so in one line of the summary', () => {
    const r = run('');
    const lines = r.stdout.split('\n');
    const note = lines.filter((l) => l.startsWith('Firestore: 1 file(s) skipped — no Cloud Firestore emulator found'));
    assert.equal(note.length, 2, `the line before the run and in the summary:\n${r.stdout}`);
    // In the summary: right above the totals.
    const filled = lines.filter((l) => l.trim() !== '');
    assert.match(filled.at(-2) ?? '', /skipped — no Cloud Firestore emulator found: run `gcloud components install cloud-firestore-emulator`/);
    assert.match(r.stdout, /0 failed, \d+ skipped/);
  });

  it('CI=true fails the run', () => {
    const r = run('true');
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /Firestore: CI=true but no Cloud Firestore emulator found/);
    assert.match(r.stdout, /[1-9]\d* failed/);
  });
});
