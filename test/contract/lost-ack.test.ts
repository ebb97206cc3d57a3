/**
 * Lost acknowledgements on the Realtime Database store. The server applies a write, then the connection
 * drops before its "ok" reaches the client (here: the server's answer to that one request is swallowed and
 * the socket cut). The SDK sends the write again on reconnect, and the rules refuse the copy — the post
 * exists already, `createdAt` is no longer `now`. The person clicked once: the store must report success
 * once, and nothing may be stored twice.
 *
 * Run: node --import tsx --test test/contract/lost-ack.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deleteApp } from 'firebase/app';
import { goOffline } from 'firebase/database';
import { seedAuthUsers, startBackend, type Backend } from '../../scripts/backend.mjs';
import { DEFAULT_CATEGORIES, monthKey } from '../../src/data/types.js';
import { FirebaseStore } from '../../src/firebase/index.js';
import { RULES_PATH, USERS } from '../rules/helpers.js';

const CH = 'company';

interface Socket {
  prependListener(event: 'message', cb: (data: unknown) => void): void;
  send(payload: unknown, ...rest: unknown[]): void;
  terminate(): void;
}

/** Which update to cut off: a predicate on its paths. */
let cutWhen: ((paths: string[]) => boolean) | undefined;
let cuts = 0;

let backend: Backend;
let authURL: string;
let alice: FirebaseStore;
let admin: FirebaseStore;

async function value(path: string): Promise<unknown> {
  const server = backend.server as unknown as { getValue(ref: unknown): Promise<unknown>; baseRef: { child(p: string): unknown } };
  return server.getValue(server.baseRef.child(path));
}

/** Runs `command` with the acknowledgement of the first update matching `when` lost. */
async function withLostAck<T>(when: (paths: string[]) => boolean, command: () => Promise<T>): Promise<T> {
  const before = cuts;
  cutWhen = when;
  try {
    return await command();
  } finally {
    cutWhen = undefined;
    assert.equal(cuts, before + 1, 'the acknowledgement was cut');
  }
}

before(async () => {
  const sharedAuth = process.env.LENIG_TEST_AUTH_URL;
  backend = await startBackend({
    dbPort: 0,
    authPort: 0,
    rulesPath: RULES_PATH,
    seed: false,
    quiet: true,
    auth: !sharedAuth,
    data: {
      channels: { [CH]: { name: 'Company', categories: Object.fromEntries(DEFAULT_CATEGORIES.map((c, i) => [c, i])) } },
      admins: { [USERS.admin.uid]: true },
      adminCount: { count: 1 },
    },
  });
  authURL = sharedAuth ?? backend.authURL!;
  await seedAuthUsers(authURL, [USERS.alice, USERS.bob, USERS.admin].map((u) => ({ uid: u.uid, email: u.email, password: u.password, name: u.name })), backend.projectId);
  const wss = (backend.server as unknown as { wss: { on(e: 'connection', cb: (ws: Socket) => void): void } }).wss;
  wss.on('connection', (ws) => {
    const swallow = new Set<number>();
    // Before the server's own listener: decide which request's answer is lost.
    ws.prependListener('message', (data) => {
      try {
        const frame = JSON.parse(String(data)) as { t?: string; d?: { r?: number; a?: string; b?: { p?: string; d?: Record<string, unknown> } } };
        const d = frame.d;
        // An update ('m') names its paths in its data; a put ('p', a transaction's compare-and-set) at its path.
        const paths = d?.a === 'm' ? Object.keys(d.b?.d ?? {}) : d?.a === 'p' ? [String(d.b?.p ?? '').replace(/^\//, '')] : undefined;
        if (frame.t === 'd' && paths && d?.r !== undefined && cutWhen?.(paths)) {
          swallow.add(d.r);
          cutWhen = undefined;
        }
      } catch {
        // a frame count: not a request
      }
    });
    const send = ws.send.bind(ws);
    ws.send = (payload: unknown, ...rest: unknown[]) => {
      try {
        const frame = JSON.parse(String(payload)) as { t?: string; d?: { r?: number; b?: { s?: string } } };
        if (frame.t === 'd' && frame.d?.r !== undefined && swallow.has(frame.d.r) && frame.d.b?.s === 'ok') {
          // The write is applied on the server; its answer never arrives.
          swallow.delete(frame.d.r);
          cuts++;
          ws.terminate();
          return;
        }
      } catch {
        // a frame count
      }
      send(payload, ...rest);
    };
  });
  /** A store of its own app for `who`, signed in. */
  const signedIn = async (who: 'alice' | 'admin'): Promise<FirebaseStore> => {
    const store = new FirebaseStore({
      firebase: { apiKey: 'demo-key', projectId: backend.projectId, databaseURL: backend.databaseURL },
      emulator: { auth: authURL },
      appName: `lost-ack-${who}`,
      auth: 'email',
      credentials: { email: USERS[who].email, password: USERS[who].password },
    });
    await store.signIn();
    return store;
  };
  alice = await signedIn('alice');
  admin = await signedIn('admin');
});

after(async () => {
  for (const store of [alice, admin]) {
    if (!store) continue;
    await store.signOut().catch(() => {});
    goOffline(store.connection.database);
    await deleteApp(store.connection.app).catch(() => {});
  }
  await backend?.stop();
});

const postsOf = async () => Object.entries(((await value(`posts/${CH}`)) ?? {}) as Record<string, { text: string; editedAt?: number }>);
const month = () => monthKey(new Date());

describe('Firebase store: a lost acknowledgement', () => {
  it('createPost reports success once and stores one post', async () => {
    const id = await withLostAck(
      (paths) => paths.some((p) => p.startsWith(`posts/${CH}/`)),
      () => alice.createPost({ channel: CH, text: 'Saved, unheard', category: 'news' }),
    );
    const posts = (await postsOf()).filter(([, p]) => p.text === 'Saved, unheard');
    assert.deepEqual(posts.map(([k]) => k), [id]);
    assert.equal(await value(`stats/${CH}/${month()}/news/posts`), 1);
  });

  it('comment reports success once and stores one comment', async () => {
    const postId = await alice.createPost({ channel: CH, text: 'Discuss', category: 'news' });
    const id = await withLostAck(
      (paths) => paths.some((p) => p.startsWith(`comments/${CH}/${postId}/`)),
      () => alice.comment(CH, postId, 'A comment'),
    );
    const comments = Object.keys(((await value(`comments/${CH}/${postId}`)) ?? {}) as object);
    assert.deepEqual(comments, [id]);
    assert.equal(await value(`posts/${CH}/${postId}/commentCount`), 1);
  });

  it('editPost reports success once and keeps the new text', async () => {
    const postId = await alice.createPost({ channel: CH, text: 'Draft', category: 'news' });
    await withLostAck(
      (paths) => paths.includes(`posts/${CH}/${postId}/text`),
      () => alice.editPost(CH, postId, 'Final'),
    );
    assert.equal(await value(`posts/${CH}/${postId}/text`), 'Final');
  });

  it('deletePost reports success once and takes the post out of its stat once', async () => {
    const postId = await alice.createPost({ channel: CH, text: 'Short-lived', category: 'praise' });
    assert.equal(await value(`stats/${CH}/${month()}/praise/posts`), 1);
    await withLostAck(
      (paths) => paths.includes(`posts/${CH}/${postId}`),
      () => alice.deletePost(CH, postId),
    );
    assert.equal(await value(`posts/${CH}/${postId}`), null);
    assert.equal(await value(`stats/${CH}/${month()}/praise/posts`), 0);
  });
});

/**
 * The commands that are not create/comment/edit/delete: each writes something the rules accept once
 * (`!data.exists()`, `createdAt == now`), so the SDK's resend after a lost answer is refused although the
 * first write landed. One click must still be one success, not "not allowed" for what was done.
 */
describe('Firebase store: a lost acknowledgement on the other commands', () => {
  const reportIds = async () => Object.keys(((await value('reports')) ?? {}) as object);

  it('report reports success once and stores one report', async () => {
    const postId = await alice.createPost({ channel: CH, text: 'Reported once', category: 'news' });
    const before = await reportIds();
    await withLostAck(
      (paths) => paths.some((p) => p.startsWith('reports/')),
      () => alice.report(CH, postId, 'Off topic'),
    );
    const added = (await reportIds()).filter((id) => !before.includes(id));
    assert.equal(added.length, 1);
  });

  it('setIdeaStatus reports success once and writes one history entry', async () => {
    const ideaId = await alice.createPost({ channel: CH, text: 'Bike shed', category: 'idea', title: 'A bike shed' });
    await withLostAck(
      (paths) => paths.some((p) => p.startsWith(`ideaHistory/${CH}/${ideaId}/`)),
      () => admin.setIdeaStatus(CH, ideaId, 'planned', 'Next spring'),
    );
    assert.equal(await value(`posts/${CH}/${ideaId}/status`), 'planned');
    assert.equal(Object.keys(((await value(`ideaHistory/${CH}/${ideaId}`)) ?? {}) as object).length, 1);
  });

  it('resolveReport reports success once and resolves the report', async () => {
    const postId = await alice.createPost({ channel: CH, text: 'Resolve me', category: 'news' });
    const before = await reportIds();
    await alice.report(CH, postId, 'Spam');
    const [reportId] = (await reportIds()).filter((id) => !before.includes(id));
    await withLostAck(
      (paths) => paths.some((p) => p.startsWith(`reports/${reportId!}/`)),
      () => admin.resolveReport(reportId!, 'dismissed'),
    );
    assert.equal(await value(`reports/${reportId!}/resolution`), 'dismissed');
  });

  it('createChannel reports success once and creates the channel', async () => {
    await withLostAck(
      (paths) => paths.some((p) => p.startsWith('channels/sales')),
      () => admin.createChannel({ id: 'sales', name: 'Sales' }),
    );
    assert.equal(((await value('channels/sales')) as { name?: string } | null)?.name, 'Sales');
  });

  it('addAdmin and removeAdmin report success once and count the admins once', async () => {
    await withLostAck(
      (paths) => paths.includes(`admins/${USERS.bob.uid}`),
      () => admin.addAdmin(USERS.bob.uid),
    );
    assert.equal(await value(`admins/${USERS.bob.uid}`), true);
    assert.equal(await value('adminCount/count'), 2);
    await withLostAck(
      (paths) => paths.includes(`admins/${USERS.bob.uid}`),
      () => admin.removeAdmin(USERS.bob.uid),
    );
    assert.equal(await value(`admins/${USERS.bob.uid}`), null);
    assert.equal(await value('adminCount/count'), 1);
  });

  it('hidePost reports success once and hides the post', async () => {
    const postId = await alice.createPost({ channel: CH, text: 'Hide me', category: 'news' });
    await withLostAck(
      (paths) => paths.some((p) => p.startsWith(`posts/${CH}/${postId}`)),
      () => admin.hidePost(CH, postId, true),
    );
    assert.equal(await value(`posts/${CH}/${postId}/hidden`), true);
  });

  it('deleteComment reports success once and counts the comment out once', async () => {
    const postId = await alice.createPost({ channel: CH, text: 'With a comment', category: 'news' });
    const commentId = await alice.comment(CH, postId, 'Remove me');
    await withLostAck(
      (paths) => paths.some((p) => p.startsWith(`comments/${CH}/${postId}/${commentId}`)),
      () => admin.deleteComment(CH, postId, commentId),
    );
    assert.equal(await value(`comments/${CH}/${postId}/${commentId}`), null);
    assert.equal(await value(`posts/${CH}/${postId}/commentCount`), 0);
  });
});
