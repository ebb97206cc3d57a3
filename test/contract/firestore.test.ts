/**
 * The Cloud Firestore store on Google's Firestore emulator under firestore.rules, users signed in through
 * the Auth emulator: the shared contract suite, held to the same behaviour as the memory and Realtime
 * Database stores. Skipped (with one line in the test summary) where there is no emulator; fails under CI.
 *
 * Run: npm test -- contract/firestore
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collection, deleteDoc, doc, getDocs } from 'firebase/firestore';
import { deleteApp } from 'firebase/app';
import { clearFirestore, loadFirestoreRules, writeDocuments } from '../../scripts/firestore-emulator.mjs';
import { DEFAULT_CATEGORIES, type FeedPage, type Report } from '../../src/data/types.js';
import { FirestoreStore } from '../../src/firestore/index.js';
import { firestoreEmulator } from '../firestore/helpers.js';
import { startTestBackend, USERS, type TestBackend } from '../rules/helpers.js';
import type { ContractUser } from './contract.js';

// The Firestore emulator is a JVM: its first answers on a busy machine take seconds, not milliseconds.
process.env.CONTRACT_TIMEOUT ??= '15000';
const { contractSuite, until } = await import('./contract.js');
const emulator = await firestoreEmulator();

if ('skip' in emulator) {
  const { it } = await import('node:test');
  it('LenigStore contract: firestore', { skip: emulator.skip }, () => {});
} else {
  let authStarted: Promise<TestBackend> | undefined;
  // The Auth emulator (reused from `npm test` when it runs one); its project is the Firestore project too.
  const auth = () => (authStarted ??= startTestBackend({}));
  after(async () => {
    await (await authStarted)?.stop();
    await emulator.stop();
  });

  contractSuite('firestore', async () => {
    const b = await auth();
    const project = b.projectId;
    await clearFirestore(emulator.host, project);
    await loadFirestoreRules(emulator.host, project);
    // The admin is listed (and counted) before anyone signs in; everything else the tests make through the stores.
    await writeDocuments(emulator.host, project, [
      { path: `admins/${USERS.admin.uid}`, data: { admin: true } },
      { path: 'meta/adminCount', data: { count: 1, cause: USERS.admin.uid } },
    ]);
    const stores = new Map<ContractUser, Promise<FirestoreStore>>();
    const accounts = { alice: USERS.alice, bob: USERS.bob, admin: USERS.admin } as const;
    const make = async (user: ContractUser): Promise<FirestoreStore> => {
      const account = user === 'anon' ? undefined : accounts[user];
      const store = new FirestoreStore({
        firebase: { apiKey: 'demo-key', projectId: project },
        emulator: { firestore: emulator.host, auth: b.authURL },
        appName: `contract-fs-${user}`,
        auth: 'email',
        ...(account ? { credentials: { email: account.email, password: account.password } } : {}),
      });
      if (account) await store.signIn();
      else await store.session.ready();
      return store;
    };
    const as = (user: ContractUser) => {
      let s = stores.get(user);
      if (!s) stores.set(user, (s = make(user)));
      return s;
    };
    let n = 0;
    return {
      users: { alice: USERS.alice.uid, bob: USERS.bob.uid, admin: USERS.admin.uid },
      as,
      newChannel: async () => {
        const id = `ch${++n}`;
        await writeDocuments(emulator.host, project, [
          { path: `channels/${id}`, data: { name: `Channel ${n}`, categories: Object.fromEntries(DEFAULT_CATEGORIES.map((c, i) => [c, i])) } },
        ]);
        return id;
      },
      deleteChannel: async (channel) => {
        const admin = await as('admin');
        // An admin may delete a channel's document (the rules allow it); its posts stay.
        await deleteDoc(doc(admin.connection.firestore, 'channels', channel));
      },
      reports: async () => {
        const admin = await as('admin');
        const snap = await getDocs(collection(admin.connection.firestore, 'reports'));
        return snap.docs.map((d) => {
          const r = d.data() as Omit<Report, 'id' | 'createdAt'> & { createdAt: { toMillis(): number } };
          return { ...r, id: d.id, createdAt: new Date(r.createdAt.toMillis()) };
        });
      },
      cleanup: async () => {
        for (const s of stores.values()) {
          const store = await s.catch(() => undefined);
          if (!store) continue;
          await store.signOut().catch(() => {});
          await store.close();
          await deleteApp(store.connection.app).catch(() => {});
        }
      },
    };
  });

  describe('Firestore store: a write still on its way', () => {
    it('reads its server time as the millisecond it was written, not the second', async () => {
      const b = await auth();
      const project = `${b.projectId}-pending`;
      await clearFirestore(emulator.host, project);
      await loadFirestoreRules(emulator.host, project);
      await writeDocuments(emulator.host, project, [{ path: 'channels/general', data: { name: 'General', categories: { news: 0 } } }]);
      const store = new FirestoreStore({
        firebase: { apiKey: 'demo-key', projectId: project },
        emulator: { firestore: emulator.host, auth: b.authURL },
        appName: 'pending-time',
        auth: 'email',
        credentials: { email: USERS.alice.email, password: USERS.alice.password },
      });
      let sub: { unsubscribe(): void } | undefined;
      try {
        await store.signIn();
        const pages: FeedPage[] = [];
        sub = store.subscribeFeed({ channel: 'general' }, (p) => pages.push(p));
        // A new client's first answer may wait for a busy emulator (a JVM) well past the usual timeout.
        await until(() => pages.length > 0, 'the first page', 60_000);
        // Write in the middle of a second, so a time cut to the whole second is ≥ 300 ms early.
        await until(() => Date.now() % 1000 >= 300 && Date.now() % 1000 < 600, 'the middle of a second');
        const before = Date.now();
        const id = await store.createPost({ channel: 'general', text: 'on its way', category: 'news' });
        const first = pages.find((p) => p.posts.some((x) => x.id === id));
        assert.ok(first, 'the post was shown');
        const shown = first.posts.find((x) => x.id === id)!.createdAt.getTime();
        assert.ok(shown >= before, `shown at ${shown}, written at ${before}`);
      } finally {
        sub?.unsubscribe();
        await store.close();
        await deleteApp(store.connection.app).catch(() => {});
      }
    });
  });
}
