/**
 * firestore.rules on Google's Firestore emulator (the production rules engine), through
 * @firebase/rules-unit-testing, with raw batched writes (not through a store, which validates first:
 * here the rules are the only guard).
 *
 * First every allowed path, with what it stores; then the attacks, the classes of the Realtime Database
 * suite (test/rules/) ported: identity, counts, ideas, privacy, escalation, validation, deletes,
 * one cause → one notification. Each attack is a legitimate write from ./fixtures.ts with one thing
 * changed; it must be refused with permission-denied and leave every document it touched as it was.
 *
 * Run: npm test -- firestore/rules   (or node --import tsx --test test/firestore/rules.test.ts)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import {
  collection,
  collectionGroup,
  query,
  where,
  deleteField,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  serverTimestamp,
  setDoc,
  setLogLevel,
  Timestamp,
  updateDoc,
  type Firestore,
} from 'firebase/firestore';
import { encodeKey, newId } from '../../src/data/keys.js';
import { BLANK_CHARACTERS, isBlank } from '../../src/data/text.js';
import { monthKey, pageTarget } from '../../src/data/types.js';
import {
  assign,
  CATEGORIES,
  CH,
  comment,
  commit,
  deletePost,
  like,
  likedId,
  likePage,
  mutate,
  newPost,
  notification,
  postPath,
  statPath,
  statusChange,
  tk,
  unlike,
  without,
  addAdmin,
  removeAdmin,
  firstRun,
  resolve,
  deleteComment,
  hidePost,
  ADMIN_COUNT,
  type Op,
  type PostInfo,
} from './fixtures.js';
import { firestoreEmulator } from './helpers.js';
import { readDocument } from '../../scripts/firestore-emulator.mjs';

setLogLevel('silent');

const A = 'test-alice';
const B = 'test-bob';
const C = 'test-carol';
const ADM = 'test-admin';

const PROJECT = 'demo-lenig-rules';
const emulator = await firestoreEmulator();
const skip = 'skip' in emulator ? emulator.skip : false;

// ---- seeded state: consistent, as the store would have written it -------------------------------------

const T0 = Date.now() - 60_000;
const M0 = monthKey(new Date(T0));
const ts = Timestamp.fromMillis(T0);
const ALICE_POST: PostInfo = { ch: CH, id: 'seed-alice-news', author: A, category: 'news', month: M0 };
const BOB_POST: PostInfo = { ch: CH, id: 'seed-bob-news', author: B, category: 'news', month: M0 };
const IDEA: PostInfo = { ch: CH, id: 'seed-idea', author: A, category: 'idea', month: M0 };
/** A deleted post whose like remains in carol's userLikes. */
const GHOST: PostInfo = { ch: CH, id: 'seed-deleted', author: A, category: 'news', month: M0 };
const SEED_COMMENT = 'seed-comment';
const SEED_ENTRY = 'seed-entry';
const SEED_NOTE = 'seed-notification';
/** An archived channel, and a post written before it was archived (and liked by carol then). */
const OLD = 'archive';
const OLD_POST: PostInfo = { ch: OLD, id: 'seed-old-news', author: A, category: 'news', month: M0 };
/** A post of alice's with two comments of bob's. */
const TWO: PostInfo = { ch: CH, id: 'seed-two-comments', author: A, category: 'news', month: M0 };
/** A page bob likes. */
const PAGE = encodeKey(pageTarget('https://intranet.example.com/seeded-page'));
/** Someone who was an admin and handled a report. */
const FORMER = 'test-dave';
/** The text of alice's seeded post, which a report of it holds. */
const ALICE_TEXT = `seeded ${ALICE_POST.id}`;
/**
 * A channel an admin deleted (its document only): alice's post liked by carol with bob's comment, alice's
 * idea owned by carol, a post of alice's liked by bob for the author to delete, and bob's report.
 */
const DELETED = 'closed';
const DELETED_POST: PostInfo = { ch: DELETED, id: 'seed-closed', author: A, category: 'news', month: M0 };
const DELETED_IDEA: PostInfo = { ch: DELETED, id: 'seed-closed-idea', author: A, category: 'idea', month: M0 };
const DELETED_DOOMED: PostInfo = { ch: DELETED, id: 'seed-closed-doomed', author: A, category: 'news', month: M0 };
const DELETED_COMMENT = 'seed-closed-comment';
const DELETED_TEXT = `seeded ${DELETED_POST.id}`;

const seedPost = (p: PostInfo, extra: Record<string, unknown> = {}) => ({
  author: p.author,
  text: `seeded ${p.id}`,
  category: p.category,
  createdAt: ts,
  month: M0,
  likeCount: 0,
  likers: {},
  commentCount: 0,
  ...extra,
});

const SEED: Record<string, Record<string, unknown>> = {
  [`admins/${ADM}`]: { admin: true },
  [`channels/${CH}`]: { name: 'General', categories: CATEGORIES },
  [`profiles/${A}`]: { name: 'Alice Vermeer', nameLower: 'alice vermeer', nameFrom2: 'vermeer' },
  [postPath(ALICE_POST)]: seedPost(ALICE_POST, { commentCount: 1, lastComment: SEED_COMMENT }),
  [postPath(BOB_POST)]: seedPost(BOB_POST, { likeCount: 1, likers: { [A]: ts } }),
  [postPath(IDEA)]: seedPost(IDEA, { title: 'Standing desks', status: 'new', owner: C, statusEntry: SEED_ENTRY }),
  [`${postPath(IDEA)}/history/${SEED_ENTRY}`]: { status: 'new', note: 'Received', by: C, at: ts, channel: CH },
  [`${postPath(ALICE_POST)}/comments/${SEED_COMMENT}`]: { author: B, text: 'Seeded comment', createdAt: ts },
  [`userLikes/${A}`]: { t: { [tk(BOB_POST)]: true }, last: tk(BOB_POST) },
  [`userLikes/${C}`]: { t: { [tk(GHOST)]: true, [tk(OLD_POST)]: true, [tk(DELETED_POST)]: true }, last: tk(DELETED_POST) },
  // GHOST was deleted: its id is marked gone.
  [`channels/${CH}/gone/${GHOST.id}`]: { at: ts },
  [`userLikes/${B}`]: { t: { [PAGE]: true, [tk(DELETED_DOOMED)]: true }, last: tk(DELETED_DOOMED) },
  [`likes/${PAGE}`]: { count: 1, likers: { [B]: ts } },
  [postPath(TWO)]: seedPost(TWO, { commentCount: 2, lastComment: 'seed-second' }),
  [`${postPath(TWO)}/comments/seed-first`]: { author: B, text: 'First', createdAt: ts },
  [`${postPath(TWO)}/comments/seed-second`]: { author: B, text: 'Second', createdAt: ts },
  [`users/${A}/notifications/${SEED_NOTE}`]: { type: 'commented', actor: B, channel: CH, post: ALICE_POST.id, createdAt: ts, read: false },
  'reports/seed-report': { channel: CH, post: ALICE_POST.id, by: B, reason: 'seeded', createdAt: ts },
  'reports/seed-comment-report': { channel: CH, post: ALICE_POST.id, comment: SEED_COMMENT, by: C, reason: 'rude', createdAt: ts },
  // Handled by a former admin (the post was hidden, and later shown again).
  'reports/seed-resolved': { channel: CH, post: BOB_POST.id, by: A, reason: 'seeded', createdAt: ts, resolvedBy: FORMER, resolvedAt: ts, resolution: 'hidden' },
  'meta/adminCount': { count: 1, cause: ADM },
  [`channels/${OLD}`]: { name: 'Archive', categories: CATEGORIES, archived: true },
  [postPath(OLD_POST)]: seedPost(OLD_POST, { likeCount: 1, likers: { [C]: ts } }),
  [statPath(CH, M0)]: { channel: CH, month: M0, cause: IDEA.id, c: { news: { posts: 3, likes: 1 }, idea: { posts: 1, likes: 0 } } },
  [statPath(OLD, M0)]: { channel: OLD, month: M0, cause: OLD_POST.id, c: { news: { posts: 1, likes: 1 } } },
  // The deleted channel (no channels/closed document).
  [postPath(DELETED_POST)]: seedPost(DELETED_POST, { likeCount: 1, likers: { [C]: ts }, commentCount: 1, lastComment: DELETED_COMMENT }),
  [`${postPath(DELETED_POST)}/comments/${DELETED_COMMENT}`]: { author: B, text: 'Said before the channel went', createdAt: ts },
  [postPath(DELETED_IDEA)]: seedPost(DELETED_IDEA, { title: 'Closed desks', status: 'new', owner: C }),
  [postPath(DELETED_DOOMED)]: seedPost(DELETED_DOOMED, { likeCount: 1, likers: { [B]: ts } }),
  [statPath(DELETED, M0)]: { channel: DELETED, month: M0, cause: DELETED_POST.id, c: { news: { posts: 2, likes: 2 }, idea: { posts: 1, likes: 0 } } },
  'reports/seed-closed-report': { channel: DELETED, post: DELETED_POST.id, by: B, reason: 'seeded', text: DELETED_TEXT, createdAt: ts },
};

let env: RulesTestEnvironment;
let alice: Firestore;
let bob: Firestore;
let carol: Firestore;
let admin: Firestore;
let nobody: Firestore;

const fs = (c: RulesTestContext) => c.firestore() as unknown as Firestore;

before(async () => {
  if (skip || 'skip' in emulator) return;
  env = await initializeTestEnvironment({
    projectId: PROJECT,
    firestore: { host: emulator.hostname, port: emulator.port, rules: readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8') },
  });
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = fs(ctx);
    for (const [path, data] of Object.entries(SEED)) await setDoc(doc(db, path), data);
  });
  alice = fs(env.authenticatedContext(A));
  bob = fs(env.authenticatedContext(B));
  carol = fs(env.authenticatedContext(C));
  admin = fs(env.authenticatedContext(ADM));
  nobody = fs(env.unauthenticatedContext());
});

after(async () => {
  await env?.cleanup();
  if (!('skip' in emulator)) await emulator.stop();
});

/** A document as stored, past the rules; null when there is none. Timestamps come back as Dates. */
const value = (path: string) => readDocument((emulator as { host: string }).host, PROJECT, path);

const allowed = (db: Firestore, ops: Op[]) => commit(db, ops);

// ---- attacks ------------------------------------------------------------------------------------------

let attempted = 0;
let refused = 0;
const names = new Set<string>();

/** One attack: the batch must be refused and every document it touches left as it was. */
type Who = 'alice' | 'bob' | 'carol' | 'admin' | 'nobody';
const dbs = (): Record<Who, Firestore> => ({ alice, bob, carol, admin, nobody });
type Ops = Op[] | (() => Op[] | Promise<Op[]>);
/** Every write attack by name, for the check that removing its rule lets it through. */
const attacks = new Map<string, { who: Who; ops: Ops }>();

function attack(name: string, who: Who, ops: Ops): void {
  assert.ok(!names.has(name), `attack names are unique: ${name}`);
  names.add(name);
  attacks.set(name, { who, ops });
  const db = () => dbs()[who];
  it(`attack ${names.size}: ${name} — denied`, { skip }, async () => {
    attempted++;
    const list = typeof ops === 'function' ? await ops() : ops;
    const paths = [...new Set(list.map((op) => op.path))];
    const before = await Promise.all(paths.map(value));
    await assertFails(commit(db(), list));
    assert.deepEqual(await Promise.all(paths.map(value)), before, 'the refused write left nothing behind');
    refused++;
  });
}

function attackRead(name: string, run: () => Promise<unknown>): void {
  assert.ok(!names.has(name), `attack names are unique: ${name}`);
  names.add(name);
  it(`attack ${names.size}: ${name} — denied`, { skip }, async () => {
    attempted++;
    await assertFails(run());
    refused++;
  });
}

after(() => {
  if (!skip) console.log(`# firestore rules: ${refused} of ${attempted} attacks denied (${names.size} attacks defined)`);
});

const count = async (path: string, cat: string, counter: 'posts' | 'likes') =>
  (((await value(path))?.c as Record<string, Record<string, number>> | undefined)?.[cat]?.[counter]) ?? 0;

// =========================================================================================================

describe('allowed paths', { skip }, () => {
  it('a signed-in user reads posts, channels, profiles, stats, comments, history, admins, their own likes and notifications', async () => {
    await getDocs(collection(bob, `channels/${CH}/posts`));
    await getDocs(collection(bob, 'channels'));
    await getDocs(collection(bob, 'profiles'));
    await getDocs(collection(bob, `channels/${CH}/stats`));
    await getDocs(collection(bob, `${postPath(ALICE_POST)}/comments`));
    await getDocs(collection(bob, `${postPath(IDEA)}/history`));
    await getDocs(collection(bob, 'admins'));
    assert.equal(((await getDoc(doc(alice, `userLikes/${A}`))).data()!.t as Record<string, boolean>)[tk(BOB_POST)], true);
    assert.equal((await getDocs(collection(alice, `users/${A}/notifications`))).docs[0]!.data().actor, B);
    // The likes of one page, by its key; the whole collection is the export's (admins).
    assert.equal((await getDoc(doc(carol, `likes/${PAGE}`))).data()!.count, 1);
    assert.ok((await getDocs(collection(admin, 'likes'))).docs.some((d) => d.id === PAGE));
  });

  it('creates a post with a server timestamp, counted in its month and category', async () => {
    const t = Date.now();
    const { info, ops } = newPost(A, { text: 'Fresh news' });
    const before = await count(statPath(CH, info.month), 'news', 'posts');
    await allowed(alice, ops);
    const stored = (await value(postPath(info)))!;
    assert.equal(stored.text, 'Fresh news');
    assert.equal(stored.author, A);
    const created = (stored.createdAt as Date).getTime();
    assert.ok(created >= t - 1000 && created <= Date.now() + 1000);
    assert.equal(await count(statPath(CH, info.month), 'news', 'posts'), before + 1);
    assert.equal((await value(statPath(CH, info.month)))!.cause, info.id);
  });

  it('creates an idea with a title and status new, and a post that mentions someone (notified once, by an id that follows from the post)', async () => {
    const idea = newPost(B, { category: 'idea', title: 'Bike shed' });
    await allowed(bob, idea.ops);
    assert.equal((await value(postPath(idea.info)))!.status, 'new');
    const mention = newPost(B, { text: '@Alice look', mentions: [A] });
    await allowed(bob, mention.ops);
    assert.equal((await value(`users/${A}/notifications/mentioned:${CH}:${mention.info.id}:${B}`))!.type, 'mentioned');
  });

  it('edits your own post, stamped by the server', async () => {
    const { info, ops } = newPost(A);
    await allowed(alice, ops);
    await allowed(alice, [{ kind: 'update', path: postPath(info), data: { text: 'Edited', editedAt: serverTimestamp() } }]);
    assert.equal((await value(postPath(info)))!.text, 'Edited');
    assert.ok((await value(postPath(info)))!.editedAt instanceof Date);
  });

  it('likes and unlikes a post: likers, count, userLikes, stat and one notification move together', async () => {
    const { info, ops } = newPost(A);
    await allowed(alice, ops);
    const before = await count(statPath(CH, info.month), 'news', 'likes');
    await allowed(bob, like(B, info));
    let post = (await value(postPath(info)))!;
    assert.equal(post.likeCount, 1);
    assert.ok((post.likers as Record<string, unknown>)[B] instanceof Date);
    assert.equal(((await value(`userLikes/${B}`))!.t as Record<string, boolean>)[tk(info)], true);
    assert.equal(await count(statPath(CH, info.month), 'news', 'likes'), before + 1);
    assert.equal((await value(`users/${A}/notifications/${likedId(B, info)}`))!.type, 'liked');
    await allowed(carol, like(C, info));
    assert.equal((await value(postPath(info)))!.likeCount, 2);
    await allowed(bob, unlike(B, info));
    post = (await value(postPath(info)))!;
    assert.equal(post.likeCount, 1);
    assert.equal((post.likers as Record<string, unknown>)[B], undefined);
    assert.equal(((await value(`userLikes/${B}`))!.t as Record<string, boolean>)[tk(info)], undefined);
    assert.equal(await count(statPath(CH, info.month), 'news', 'likes'), before + 1);
    // Liking again renews the same notification: one cause, one notification per recipient.
    await allowed(bob, like(B, info));
    const inbox = await getDocs(collection(alice, `users/${A}/notifications`));
    assert.equal(inbox.docs.filter((d) => d.data().type === 'liked' && d.data().post === info.id && d.data().actor === B).length, 1);
  });

  it('likes and unlikes a page', async () => {
    const key = encodeKey(pageTarget('https://intranet.example.com/news/a.b'));
    await allowed(bob, likePage(B, key, 1));
    await allowed(carol, likePage(C, key, 1));
    assert.equal((await value(`likes/${key}`))!.count, 2);
    await allowed(bob, likePage(B, key, -1));
    assert.equal((await value(`likes/${key}`))!.count, 1);
  });

  it('comments: the count goes up with the comment it names, and the author hears of it', async () => {
    const before = (await value(postPath(ALICE_POST)))!.commentCount as number;
    const { cid, ops } = comment(B, ALICE_POST, 'Agreed');
    await allowed(bob, ops);
    assert.equal((await value(postPath(ALICE_POST)))!.commentCount, before + 1);
    assert.equal((await value(`${postPath(ALICE_POST)}/comments/${cid}`))!.text, 'Agreed');
    assert.equal((await value(`users/${A}/notifications/commented:${CH}:${ALICE_POST.id}:${cid}`))!.actor, B);
  });

  it("the idea's owner moves its status with a history entry, telling the author and a voter", async () => {
    await allowed(bob, like(B, IDEA));
    const { eid, ops } = statusChange(C, IDEA, 'under-review', 'Looking into it', [A, B]);
    await allowed(carol, ops);
    const idea = (await value(postPath(IDEA)))!;
    assert.equal(idea.status, 'under-review');
    assert.equal(idea.statusEntry, eid);
    assert.equal((await value(`${postPath(IDEA)}/history/${eid}`))!.by, C);
    assert.equal((await value(`users/${B}/notifications/idea-status:${CH}:${IDEA.id}:${eid}`))!.note, 'Looking into it');
  });

  it('an admin moves a status, assigns an owner (who is told), and the owner hands it on', async () => {
    const idea = newPost(A, { category: 'idea', title: 'Plants' });
    await allowed(alice, idea.ops);
    await allowed(admin, statusChange(ADM, idea.info, 'planned', 'Yes', [A]).ops);
    await allowed(admin, assign(ADM, idea.info, B));
    assert.equal((await value(postPath(idea.info)))!.owner, B);
    assert.equal((await value(`users/${B}/notifications/assigned:${CH}:${idea.info.id}:${ADM}`))!.actor, ADM);
    await allowed(bob, assign(B, idea.info, C));
    assert.equal((await value(postPath(idea.info)))!.owner, C);
  });

  it('an admin hides and unhides a post', async () => {
    await allowed(admin, [{ kind: 'update', path: postPath(BOB_POST), data: { hidden: true } }]);
    assert.equal((await value(postPath(BOB_POST)))!.hidden, true);
    await allowed(admin, [{ kind: 'update', path: postPath(BOB_POST), data: { hidden: false } }]);
    assert.equal((await value(postPath(BOB_POST)))!.hidden, false);
  });

  it("an admin merges an idea, pooling other people's votes", async () => {
    const dup = newPost(B, { category: 'idea', title: 'Dup' });
    const keep = newPost(A, { category: 'idea', title: 'Keep' });
    await allowed(bob, dup.ops);
    await allowed(alice, keep.ops);
    await allowed(carol, like(C, dup.info));
    await allowed(admin, [
      { kind: 'update', path: postPath(keep.info), data: { likeCount: increment(1), [`likers.${C}`]: serverTimestamp() } },
      { kind: 'set', path: `userLikes/${C}`, data: { t: { [tk(keep.info)]: true }, last: tk(keep.info) }, merge: true },
      { kind: 'set', path: statPath(CH, keep.info.month), data: { channel: CH, month: keep.info.month, cause: keep.info.id, c: { idea: { likes: increment(1) } } }, merge: true },
      { kind: 'update', path: postPath(dup.info), data: { mergedInto: keep.info.id } },
    ]);
    assert.equal((await value(postPath(keep.info)))!.likeCount, 1);
    assert.equal((await value(postPath(dup.info)))!.mergedInto, keep.info.id);
  });

  it('the recipient marks a notification read and deletes it', async () => {
    await updateDoc(doc(alice, `users/${A}/notifications/${SEED_NOTE}`), { read: true });
    assert.equal((await value(`users/${A}/notifications/${SEED_NOTE}`))!.read, true);
    const { cid, ops } = comment(B, ALICE_POST);
    await allowed(bob, ops);
    const path = `users/${A}/notifications/commented:${CH}:${ALICE_POST.id}:${cid}`;
    await deleteDoc(doc(alice, path));
    assert.equal(await value(path), null);
  });

  it('anyone signed in reports a post; only admins read and clear reports', async () => {
    const id = newId();
    await setDoc(doc(bob, `reports/${id}`), { channel: CH, post: ALICE_POST.id, by: B, reason: 'Not okay', text: ALICE_TEXT, createdAt: serverTimestamp() });
    const all = await getDocs(collection(admin, 'reports'));
    assert.ok(all.docs.some((d) => d.id === id));
    await deleteDoc(doc(admin, `reports/${id}`));
    assert.equal(await value(`reports/${id}`), null);
  });

  it('writes your own profile, with the name suffixes the search uses', async () => {
    await setDoc(doc(bob, `profiles/${B}`), { name: 'Bob de Vries', nameLower: 'bob de vries', nameFrom2: 'de vries', nameFrom3: 'vries', jobTitle: 'Sales' });
    assert.equal((await value(`profiles/${B}`))!.nameFrom3, 'vries');
  });

  it('an admin adds an admin, counted; the new admin removes another, counted, leaving one', async () => {
    await allowed(admin, addAdmin(C));
    assert.equal((await value(`admins/${C}`))!.admin, true);
    assert.deepEqual(await value(ADMIN_COUNT), { count: 2, cause: C });
    await allowed(carol, removeAdmin(ADM));
    assert.deepEqual(await value(ADMIN_COUNT), { count: 1, cause: ADM });
    await allowed(carol, addAdmin(ADM));
    await allowed(admin, removeAdmin(C));
    assert.equal(await value(`admins/${C}`), null);
    assert.deepEqual(await value(ADMIN_COUNT), { count: 1, cause: C });
  });

  it('an admin creates, renames, describes, re-orders and archives a channel, and brings it back', async () => {
    await allowed(admin, [{ kind: 'set', path: 'channels/extra', data: { name: 'Extra', categories: { news: 0 }, description: 'More' } }]);
    await allowed(admin, [{ kind: 'update', path: 'channels/extra', data: { name: 'Extra news', description: deleteField(), categories: { question: 0, news: 1 } } }]);
    assert.deepEqual(await value('channels/extra'), { name: 'Extra news', categories: { question: 0, news: 1 } });
    await allowed(admin, [{ kind: 'update', path: 'channels/extra', data: { names: { nl: 'Meer nieuws', en: 'More news' } } }]);
    assert.deepEqual((await value('channels/extra'))!.names, { nl: 'Meer nieuws', en: 'More news' });
    await allowed(admin, [{ kind: 'update', path: 'channels/extra', data: { archived: true } }]);
    assert.equal((await value('channels/extra'))!.archived, true);
    await assertFails(commit(alice, newPost(A, { ch: 'extra' }).ops));
    await allowed(admin, [{ kind: 'update', path: 'channels/extra', data: { archived: deleteField() } }]);
    await allowed(alice, newPost(A, { ch: 'extra' }).ops);
  });

  it("reads every idea's history of a channel in one collection-group query", async () => {
    const entries = await getDocs(query(collectionGroup(bob, 'history'), where('channel', '==', CH)));
    assert.ok(entries.docs.some((d) => d.id === SEED_ENTRY));
  });

  it("an admin reads every post and comment in one collection-group query each, a deleted channel's too (the export); nobody else may", async () => {
    assert.ok((await getDocs(collectionGroup(admin, 'posts'))).docs.some((d) => d.ref.path === postPath(DELETED_POST)));
    assert.ok((await getDocs(collectionGroup(admin, 'comments'))).docs.some((d) => d.id === DELETED_COMMENT));
    await assertFails(getDocs(collectionGroup(bob, 'posts')));
    await assertFails(getDocs(collectionGroup(bob, 'comments')));
  });

  it('an archived channel stays readable; likes and unlikes there wait until it is reopened', async () => {
    assert.equal((await getDocs(collection(bob, `channels/${OLD}/posts`))).docs.length, 1);
    await allowed(admin, [{ kind: 'set', path: 'channels/reopened', data: { name: 'Reopened', categories: CATEGORIES } }]);
    const { info, ops } = newPost(A, { ch: 'reopened' });
    await allowed(alice, ops);
    await allowed(bob, like(B, info));
    await allowed(admin, [{ kind: 'update', path: 'channels/reopened', data: { archived: true } }]);
    await assertFails(commit(carol, like(C, info)));
    await assertFails(commit(bob, unlike(B, info)));
    assert.equal((await value(postPath(info)))!.likeCount, 1);
    await allowed(admin, [{ kind: 'update', path: 'channels/reopened', data: { archived: deleteField() } }]);
    await allowed(carol, like(C, info));
    await allowed(bob, unlike(B, info));
    assert.deepEqual(Object.keys((await value(postPath(info)))!.likers as object), [C]);
  });

  it('reports a comment; an admin handles it by deleting the comment, counted out, once', async () => {
    const { info, ops } = newPost(A);
    await allowed(alice, ops);
    const { cid, ops: c } = comment(B, info, 'Rude');
    await allowed(bob, c);
    const rid = newId();
    await setDoc(doc(carol, `reports/${rid}`), { channel: CH, post: info.id, comment: cid, by: C, reason: 'Rude', text: 'Rude', createdAt: serverTimestamp() });
    const t = Date.now();
    await allowed(admin, resolve(rid, ADM, 'comment-deleted', deleteComment(info, cid)));
    const r = (await value(`reports/${rid}`))!;
    assert.equal(r.resolvedBy, ADM);
    assert.equal(r.resolution, 'comment-deleted');
    assert.ok((r.resolvedAt as Date).getTime() >= t - 5000);
    assert.equal(await value(`${postPath(info)}/comments/${cid}`), null);
    assert.equal((await value(postPath(info)))!.commentCount, 0);
  });

  it('an admin handles a report by hiding the post, or dismisses one', async () => {
    const { info, ops } = newPost(B);
    await allowed(bob, ops);
    const [hide, dismiss] = [newId(), newId()];
    for (const rid of [hide, dismiss]) await setDoc(doc(alice, `reports/${rid}`), { channel: CH, post: info.id, by: A, reason: 'No', text: 'Hello colleagues', createdAt: serverTimestamp() });
    await allowed(admin, resolve(hide, ADM, 'hidden', [hidePost(info)]));
    assert.equal((await value(postPath(info)))!.hidden, true);
    await allowed(admin, resolve(dismiss, ADM, 'dismissed'));
    assert.equal((await value(`reports/${dismiss}`))!.resolution, 'dismissed');
  });

  it('an admin deletes a comment, the count going down with it', async () => {
    const { info, ops } = newPost(A);
    await allowed(alice, ops);
    const first = comment(B, info, 'One');
    await allowed(bob, first.ops);
    await allowed(carol, comment(C, info, 'Two').ops);
    await allowed(admin, deleteComment(info, first.cid));
    assert.equal((await value(postPath(info)))!.commentCount, 1);
    // The next comment is counted as before.
    await allowed(bob, comment(B, info, 'Three').ops);
    assert.equal((await value(postPath(info)))!.commentCount, 2);
  });

  it("an admin corrects someone's name and its search suffixes, the rest of the profile kept", async () => {
    await setDoc(doc(bob, `profiles/${B}`), { name: 'Bobby', nameLower: 'bobby', jobTitle: 'Sales' });
    await allowed(admin, [{ kind: 'set', path: `profiles/${B}`, data: { name: 'Bob de Vries', nameLower: 'bob de vries', nameFrom2: 'de vries', nameFrom3: 'vries', jobTitle: 'Sales' } }]);
    assert.equal((await value(`profiles/${B}`))!.name, 'Bob de Vries');
    assert.equal((await value(`profiles/${B}`))!.jobTitle, 'Sales');
  });

  it('deletes your own post with its comments and history, uncounted from its stat; an old like can still be withdrawn', async () => {
    const { info, ops } = newPost(A, { category: 'idea', title: 'Short-lived' });
    await allowed(alice, ops);
    await allowed(bob, like(B, info));
    const { cid, ops: commentOps } = comment(B, info);
    await allowed(bob, commentOps);
    const before = await count(statPath(CH, info.month), 'idea', 'posts');
    const likesBefore = await count(statPath(CH, info.month), 'idea', 'likes');
    // Its like must leave the stat with it.
    await assertFails(commit(alice, deletePost(info, [cid])));
    await allowed(alice, deletePost(info, [cid], [], 1));
    assert.equal(await value(postPath(info)), null);
    assert.equal(await value(`${postPath(info)}/comments/${cid}`), null);
    assert.equal(await count(statPath(CH, info.month), 'idea', 'posts'), before - 1);
    assert.equal(await count(statPath(CH, info.month), 'idea', 'likes'), likesBefore - 1);
    await allowed(bob, unlikeGone(B, info));
    assert.equal(((await value(`userLikes/${B}`))!.t as Record<string, boolean>)[tk(info)], undefined);
  });
});

/** Withdrawing the like of a post that is gone: only the viewer's own list changes. */
function unlikeGone(uid: string, p: PostInfo): Op[] {
  return unlike(uid, p).filter((op) => op.path.startsWith('userLikes/'));
}

// =========================================================================================================

describe('attacks on posts', () => {
  const fresh = (author = A, opts: Parameters<typeof newPost>[1] = {}) => newPost(author, opts);
  const edit = (p: PostInfo, data: Record<string, unknown>): Op[] => [{ kind: 'update', path: postPath(p), data }];
  const changePost = (opts: Parameters<typeof newPost>[1], change: (d: Record<string, unknown>) => void) => () => {
    const { info, ops } = fresh(A, opts);
    return mutate(ops, postPath(info), change);
  };

  attack('spoofed author (alice posts as bob)', 'alice', () => fresh(B).ops);
  attack('forged createdAt', 'alice', changePost({}, (p) => (p.createdAt = Timestamp.fromMillis(T0))));
  attack('createdAt as a client number', 'alice', changePost({}, (p) => (p.createdAt = Date.now())));
  attack('post counted in another month (2020-01)', 'alice', () => {
    const { info, ops } = fresh();
    return [
      { ...ops[0]!, data: { ...(ops[0] as { data: Record<string, unknown> }).data, month: '2020-01' } } as Op,
      { kind: 'set', path: statPath(CH, '2020-01'), data: { channel: CH, month: '2020-01', cause: info.id, c: { news: { posts: increment(1) } } }, merge: true },
    ];
  });
  attack('malformed month', 'alice', changePost({}, (p) => (p.month = '2026-13')));
  attack('oversize text (2001 characters)', 'alice', () => fresh(A, { text: 'x'.repeat(2001) }).ops);
  attack('empty text', 'alice', () => fresh(A, { text: '' }).ops);
  attack('whitespace-only text', 'alice', () => fresh(A, { text: '  \n\t ' }).ops);
  attack('unknown category', 'alice', () => fresh(A, { category: 'gossip' }).ops);
  attack('post in a channel that does not exist', 'alice', () => fresh(A, { ch: 'nowhere' }).ops);
  attack('post created with likeCount 5', 'alice', changePost({}, (p) => (p.likeCount = 5)));
  attack('post created with commentCount 3', 'alice', changePost({}, (p) => (p.commentCount = 3)));
  attack('post created with likers already in it', 'alice', changePost({}, (p) => (p.likers = { [B]: serverTimestamp() })));
  attack('idea created with an owner', 'alice', changePost({ category: 'idea' }, (p) => (p.owner = A)));
  attack('idea without a title', 'alice', changePost({ category: 'idea' }, (p) => delete p.title));
  attack('idea created with status done', 'alice', changePost({ category: 'idea' }, (p) => (p.status = 'done')));
  attack('news post with an idea status', 'alice', changePost({}, (p) => (p.status = 'new')));
  attack('unknown field on a post', 'alice', changePost({}, (p) => (p.pinned = true)));
  attack('post created hidden', 'alice', changePost({}, (p) => (p.hidden = false)));
  attack('post without its stat', 'alice', () => without(fresh().ops, '/stats/'));
  attack('post counted twice in its stat (+2)', 'alice', () => {
    const { info, ops } = fresh();
    return [ops[0]!, { kind: 'set', path: statPath(CH, info.month), data: { channel: CH, month: info.month, cause: info.id, c: { news: { posts: increment(2) } } }, merge: true }];
  });
  attack('post counted in another category', 'alice', () => {
    const { info, ops } = fresh();
    return [ops[0]!, { kind: 'set', path: statPath(CH, info.month), data: { channel: CH, month: info.month, cause: info.id, c: { praise: { posts: increment(1) } } }, merge: true }];
  });
  attack('stat naming another post as its cause', 'alice', () => {
    const { info, ops } = fresh();
    return mutate(ops, statPath(CH, info.month), (s) => (s.cause = ALICE_POST.id));
  });
  attack("editing someone else's post", 'bob', edit(ALICE_POST, { text: 'hijacked', editedAt: serverTimestamp() }));
  attack("an admin editing someone else's text", 'admin', edit(ALICE_POST, { text: 'moderated', editedAt: serverTimestamp() }));
  attack('forged editedAt on an edit', 'alice', edit(ALICE_POST, { text: 'edited', editedAt: Timestamp.fromMillis(T0) }));
  attack('edit without editedAt', 'alice', edit(ALICE_POST, { text: 'sneaky edit' }));
  attack('editedAt without an edit', 'alice', edit(ALICE_POST, { editedAt: serverTimestamp() }));
  attack('edit to an oversize text', 'alice', edit(ALICE_POST, { text: 'z'.repeat(2001), editedAt: serverTimestamp() }));
  attack('handing your post to someone else (author change)', 'alice', edit(ALICE_POST, { author: B }));
  attack('back-dating your post (createdAt change)', 'alice', edit(ALICE_POST, { createdAt: Timestamp.fromMillis(T0 - 1000) }));
  attack('moving your post to another category', 'alice', edit(ALICE_POST, { category: 'praise' }));
  attack('moving your post to another month', 'alice', edit(ALICE_POST, { month: '2020-01' }));
  attack('renaming an idea after it was posted', 'alice', edit(IDEA, { title: 'Sitting desks' }));
  attack("deleting someone else's post", 'bob', deletePost(ALICE_POST));
  attack('deleting your post without uncounting it', 'alice', [{ kind: 'delete', path: postPath(ALICE_POST) }]);
  attack('deleting your liked post, its likes kept in the stat', 'bob', deletePost(BOB_POST));
  // Rules cannot see whether a post's comments went with it, so a deleted post's id is marked gone and
  // never used again: old comments left behind by hand cannot show under a new text.
  attack('deleting your post without marking its id gone', 'alice', () => deletePost(ALICE_POST).filter((op) => !op.path.includes('/gone/')));
  attack('a post written under a deleted post\'s id', 'alice', () => newPost(A, { id: GHOST.id, text: 'Something else entirely' }).ops);
  attack('marking a post gone that still exists', 'alice', [{ kind: 'set', path: `channels/${CH}/gone/${ALICE_POST.id}`, data: { at: serverTimestamp() } }]);
  attack("un-marking a deleted post's id", 'alice', [{ kind: 'delete', path: `channels/${CH}/gone/${GHOST.id}` }]);
  attack("clearing someone else's comments", 'bob', [{ kind: 'delete', path: `${postPath(ALICE_POST)}/comments/${SEED_COMMENT}` }]);
  attack('hiding your own post as a non-admin', 'alice', edit(ALICE_POST, { hidden: true }));
  attack("hiding someone else's post as a non-admin", 'bob', edit(ALICE_POST, { hidden: true }));
  it('control: the same edit, made properly by the author, is allowed', { skip }, async () => {
    await allowed(alice, edit(ALICE_POST, { text: 'edited properly', editedAt: serverTimestamp() }));
    assert.equal((await value(postPath(ALICE_POST)))!.text, 'edited properly');
    // Back as it was: reports later in this file hold the seeded text.
    await allowed(alice, edit(ALICE_POST, { text: ALICE_TEXT, editedAt: serverTimestamp() }));
  });
});

describe('attacks on likes', () => {
  const countUp = (p: PostInfo, n: number, who: string): Op => ({
    kind: 'update',
    path: postPath(p),
    data: { likeCount: increment(n), [`likers.${who}`]: serverTimestamp() },
  });

  attack('double like (alice likes a post she already likes)', 'alice', like(A, BOB_POST, false));
  attack('inflated count (+2)', 'carol', () => [countUp(ALICE_POST, 2, C), ...like(C, ALICE_POST, false).slice(1)]);
  attack('count change without a like', 'carol', [{ kind: 'update', path: postPath(ALICE_POST), data: { likeCount: increment(1) } }]);
  attack('count set to an arbitrary number', 'alice', [{ kind: 'update', path: postPath(ALICE_POST), data: { likeCount: 42 } }]);
  attack('like without counting it', 'carol', () =>
    mutate(like(C, ALICE_POST, false), postPath(ALICE_POST), (d) => delete d.likeCount),
  );
  attack('like without userLikes', 'carol', () => without(like(C, ALICE_POST, false), 'userLikes/'));
  attack('like with a forged time', 'carol', () =>
    mutate(like(C, ALICE_POST, false), postPath(ALICE_POST), (d) => (d[`likers.${C}`] = Timestamp.fromMillis(T0))),
  );
  attack('like for someone else (carol likes as bob)', 'carol', like(B, ALICE_POST, false));
  attack('like without its stat', 'carol', () => without(like(C, ALICE_POST, false), '/stats/'));
  attack('like of a post that does not exist', 'carol', like(C, { ch: CH, id: 'no-such-post', author: A, category: 'news', month: M0 }, false));
  attack('like adding two likers at once', 'carol', () =>
    mutate(like(C, ALICE_POST, false), postPath(ALICE_POST), (d) => ((d[`likers.${B}`] = serverTimestamp()), (d.likeCount = increment(2)))),
  );
  attack('unlike that leaves the count', 'alice', () => mutate(unlike(A, BOB_POST), postPath(BOB_POST), (d) => delete d.likeCount));
  attack('unlike that leaves the liker in the post', 'alice', () =>
    mutate(unlike(A, BOB_POST), postPath(BOB_POST), (d) => delete d[`likers.${A}`]),
  );
  attack('count decrement while the like stays', 'alice', [{ kind: 'update', path: postPath(BOB_POST), data: { likeCount: increment(-1) } }]);
  attack("removing someone else's like", 'carol', unlike(A, BOB_POST));
  attack("marking someone else's userLikes", 'carol', [
    { kind: 'set', path: `userLikes/${A}`, data: { t: { [tk(ALICE_POST)]: true }, last: tk(ALICE_POST) }, merge: true },
  ]);
  attack('userLikes entry without a like', 'carol', [
    { kind: 'set', path: `userLikes/${C}`, data: { t: { [tk(ALICE_POST)]: true }, last: tk(ALICE_POST) }, merge: true },
  ]);
  attack('userLikes naming another target than the one it adds', 'carol', () =>
    mutate(like(C, ALICE_POST, false), `userLikes/${C}`, (d) => (d.last = tk(BOB_POST))),
  );
  attack('userLikes adding a second target along with the like', 'carol', () =>
    mutate(like(C, ALICE_POST, false), `userLikes/${C}`, (d) => (d.t = { [tk(ALICE_POST)]: true, [tk(IDEA)]: true })),
  );
  attack('page like counted twice (+2)', 'carol', () => {
    const key = encodeKey(pageTarget('https://intranet.example.com/attack'));
    return mutate(likePage(C, key, 1), `likes/${key}`, (d) => (d.count = increment(2)));
  });
  attack('page count without a like', 'carol', [
    { kind: 'set', path: `likes/${encodeKey('https://intranet.example.com/x')}`, data: { count: increment(1) }, merge: true },
  ]);
  attack('page like for someone else', 'carol', () => {
    const key = encodeKey(pageTarget('https://intranet.example.com/other'));
    return likePage(B, key, 1);
  });
  attack("a post's like kept in the page likes collection", 'carol', () => likePage(C, tk(ALICE_POST), 1));
  attackRead("reading someone else's likes list (userLikes)", () => getDoc(doc(bob, `userLikes/${A}`)));
  attackRead('listing everyone\'s likes lists (userLikes)', () => getDocs(collection(bob, 'userLikes')));
  it('control: the same likes and unlikes, made properly, are allowed', { skip }, async () => {
    await allowed(carol, like(C, ALICE_POST));
    assert.equal((await value(postPath(ALICE_POST)))!.likeCount, 1);
    await allowed(alice, unlike(A, BOB_POST));
    assert.equal((await value(postPath(BOB_POST)))!.likeCount, 0);
    await allowed(alice, like(A, BOB_POST));
    assert.equal((await value(postPath(BOB_POST)))!.likeCount, 1);
    const key = encodeKey(pageTarget('https://intranet.example.com/attack'));
    await allowed(carol, likePage(C, key, 1));
    assert.equal((await value(`likes/${key}`))!.count, 1);
  });
});

describe('attacks on stats', () => {
  const stat = (cause: string, c: Record<string, unknown>): Op => ({
    kind: 'set',
    path: statPath(CH, M0),
    data: { channel: CH, month: M0, cause, c },
    merge: true,
  });
  attack('stats +5 with a real post', 'alice', () => {
    const { info, ops } = newPost(A);
    return [ops[0]!, { ...stat(info.id, { news: { posts: increment(5) } }), path: statPath(CH, info.month), data: { channel: CH, month: info.month, cause: info.id, c: { news: { posts: increment(5) } } } }];
  });
  attack('stats without a post', 'alice', [stat(ALICE_POST.id, { news: { posts: increment(1) } })]);
  attack('stats without a like', 'carol', [stat(ALICE_POST.id, { news: { likes: increment(1) } })]);
  attack('stats like counted twice (+2)', 'carol', () =>
    mutate(like(C, ALICE_POST, false), statPath(CH, M0), (d) => (d.c = { news: { likes: increment(2) } })),
  );
  attack('stats decrement without an unlike', 'carol', [stat(BOB_POST.id, { news: { likes: increment(-1) } })]);
  attack('stats decrement without a deletion', 'alice', [stat(ALICE_POST.id, { news: { posts: increment(-1) } })]);
  attack('stats deleted', 'alice', [{ kind: 'delete', path: statPath(CH, M0) }]);
  attack('stats counter removed', 'alice', [{ kind: 'update', path: statPath(CH, M0), data: { c: { news: { posts: 2 } } } }]);
  attack('like counted in the wrong month', 'carol', () => [
    ...without(like(C, ALICE_POST, false), '/stats/'),
    { kind: 'set', path: statPath(CH, '2020-01'), data: { channel: CH, month: '2020-01', cause: ALICE_POST.id, c: { news: { likes: increment(1) } } }, merge: true },
  ]);
  attack('like counted in two categories', 'carol', () =>
    mutate(like(C, ALICE_POST, false), statPath(CH, M0), (d) => (d.c = { news: { likes: increment(1) }, praise: { likes: increment(1) } })),
  );
  attack('stat document for another channel', 'carol', () =>
    mutate(like(C, ALICE_POST, false), statPath(CH, M0), (d) => (d.channel = 'elsewhere')),
  );
});

describe('attacks on comments', () => {
  const cpath = (cid: string) => `${postPath(ALICE_POST)}/comments/${cid}`;
  attack('comment as another user', 'carol', () => {
    const { cid, ops } = comment(C, ALICE_POST);
    return mutate(ops, cpath(cid), (d) => (d.author = B));
  });
  attack('comment count inflation (+1 without a comment)', 'carol', [
    { kind: 'update', path: postPath(ALICE_POST), data: { commentCount: increment(1), lastComment: SEED_COMMENT } },
  ]);
  attack('comment count +2 for one comment', 'carol', () =>
    mutate(comment(C, ALICE_POST).ops, postPath(ALICE_POST), (d) => (d.commentCount = increment(2))),
  );
  attack('comment without counting it', 'carol', () => comment(C, ALICE_POST).ops.filter((op) => op.path.includes('/comments/')));
  attack('oversize comment', 'carol', () => comment(C, ALICE_POST, 'y'.repeat(1001)).ops);
  attack('empty comment', 'carol', () => comment(C, ALICE_POST, ' ').ops);
  attack('comment with a forged time', 'carol', () => {
    const { cid, ops } = comment(C, ALICE_POST);
    return mutate(ops, cpath(cid), (d) => (d.createdAt = Timestamp.fromMillis(T0)));
  });
  attack('comment on a post that does not exist', 'carol', () =>
    comment(C, { ch: CH, id: 'no-such-post', author: A, category: 'news', month: M0 }).ops,
  );
  attack("editing someone else's comment", 'carol', [{ kind: 'update', path: cpath(SEED_COMMENT), data: { text: 'changed' } }]);
  attack('comment with an unknown field', 'carol', () => {
    const { cid, ops } = comment(C, ALICE_POST);
    return mutate(ops, cpath(cid), (d) => (d.pinned = true));
  });
  it('control: the same comment, made properly, is allowed', { skip }, async () => {
    const { cid, ops } = comment(C, ALICE_POST, 'Proper comment');
    await allowed(carol, ops);
    assert.equal((await value(cpath(cid)))!.author, C);
  });
});

describe('attacks on ideas', () => {
  const p = postPath(IDEA);
  const hpath = (eid: string) => `${p}/history/${eid}`;
  attack('status change by a non-owner', 'bob', () => statusChange(B, IDEA, 'planned', 'I like it').ops);
  attack('status change by the author who is not the owner', 'alice', () => statusChange(A, IDEA, 'done', 'Mine').ops);
  attack('status change without a history entry', 'carol', [{ kind: 'update', path: p, data: { status: 'planned' } }]);
  attack('history entry with another status than the idea gets', 'carol', () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'note');
    return mutate(ops, hpath(eid), (d) => (d.status = 'done'));
  });
  attack('history entry signed by someone else', 'carol', () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'note');
    return mutate(ops, hpath(eid), (d) => (d.by = ADM));
  });
  attack('history entry with a forged time', 'carol', () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'note');
    return mutate(ops, hpath(eid), (d) => (d.at = Timestamp.fromMillis(T0)));
  });
  attack('history entry naming another channel', 'carol', () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'note');
    return mutate(ops, hpath(eid), (d) => (d.channel = OLD));
  });
  attack('history entry without a note', 'carol', () => statusChange(C, IDEA, 'planned', '  ').ops);
  attack('history entry without the status change', 'carol', [
    { kind: 'set', path: hpath(newId()), data: { status: 'planned', note: 'x', by: C, at: serverTimestamp(), channel: CH } },
  ]);
  attack('re-pointing the idea at an old history entry', 'carol', [
    { kind: 'update', path: p, data: { status: 'declined', statusEntry: SEED_ENTRY } },
  ]);
  attack('unknown status', 'carol', () => statusChange(C, IDEA, 'shipped', 'x').ops);
  attack('status on a post that is not an idea', 'admin', () => statusChange(ADM, ALICE_POST, 'planned', 'x').ops);
  attack('owner change by a non-admin who is not the owner', 'bob', [{ kind: 'update', path: p, data: { owner: B } }]);
  attack('merge by a non-owner', 'bob', [{ kind: 'update', path: p, data: { mergedInto: ALICE_POST.id } }]);
  attack('merge into itself', 'admin', [{ kind: 'update', path: p, data: { mergedInto: IDEA.id } }]);
  attack('merge into a post that does not exist', 'admin', [{ kind: 'update', path: p, data: { mergedInto: 'no-such-post' } }]);
  // Merging pools other people's votes, so it is for admins, not for the idea's owner.
  attack("merge by the idea's owner (merging is for admins)", 'carol', () => [
    { kind: 'update', path: p, data: { mergedInto: ALICE_POST.id } },
  ]);
  attack('merge by the owner together with an owner change', 'carol', [{ kind: 'update', path: p, data: { mergedInto: ALICE_POST.id, owner: B } }]);
  // Only ideas have owners and are merged (as on the Realtime Database).
  attack('an admin giving a news post an owner', 'admin', [{ kind: 'update', path: postPath(BOB_POST), data: { owner: C } }]);
  attack('an admin merging a news post into an idea', 'admin', [{ kind: 'update', path: postPath(BOB_POST), data: { mergedInto: IDEA.id } }]);
  attack('pooling votes (liking for others) without being an admin', 'carol', [
    { kind: 'update', path: postPath(ALICE_POST), data: { likeCount: increment(1), [`likers.${B}`]: serverTimestamp() } },
    { kind: 'set', path: `userLikes/${B}`, data: { t: { [tk(ALICE_POST)]: true }, last: tk(ALICE_POST) }, merge: true },
  ]);
  attack("clearing an idea's history while the idea stays", 'alice', [{ kind: 'delete', path: hpath(SEED_ENTRY) }]);
  it("control: the same status change, made properly by the idea's owner, is allowed", { skip }, async () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'On the plan', [A]);
    await allowed(carol, ops);
    assert.equal((await value(p))!.statusEntry, eid);
  });
});

describe('attacks on notifications: one cause, one notification, only by the write that causes it', () => {
  const npath = (to: string, id: string) => `users/${to}/notifications/${id}`;
  attackRead("reading another user's notifications", () => getDocs(collection(bob, `users/${A}/notifications`)));
  attackRead("reading another user's notification by id", () => getDoc(doc(bob, npath(A, SEED_NOTE))));
  attack('writing a notification as someone else (actor spoof)', 'carol', () => {
    const { cid, ops } = comment(C, ALICE_POST);
    return mutate(ops, npath(A, `commented:${CH}:${ALICE_POST.id}:${cid}`), (d) => (d.actor = B));
  });
  attack('invented notification (a like that did not happen)', 'carol', [
    { kind: 'set', path: npath(A, likedId(C, ALICE_POST)), data: notification('liked', C, ALICE_POST) },
  ]);
  attack('notification id that does not follow from its cause', 'carol', () => {
    const ops = like(C, ALICE_POST);
    return ops.map((op) => (op.path.startsWith('users/') ? { ...op, path: npath(A, newId()) } : op));
  });
  attack('a second notification for the same like (the liker as someone else)', 'carol', () => [
    ...like(C, ALICE_POST),
    { kind: 'set', path: npath(A, likedId(B, ALICE_POST)), data: notification('liked', C, ALICE_POST) },
  ]);
  attack('liked notification to someone who did not write the post', 'carol', () => [
    ...like(C, ALICE_POST, false),
    { kind: 'set', path: npath(B, likedId(C, ALICE_POST)), data: notification('liked', C, ALICE_POST) },
  ]);
  attack('notification created already read', 'carol', () => {
    const { cid, ops } = comment(C, ALICE_POST);
    return mutate(ops, npath(A, `commented:${CH}:${ALICE_POST.id}:${cid}`), (d) => (d.read = true));
  });
  attack('notification with a forged time', 'carol', () => {
    const { cid, ops } = comment(C, ALICE_POST);
    return mutate(ops, npath(A, `commented:${CH}:${ALICE_POST.id}:${cid}`), (d) => (d.createdAt = Timestamp.fromMillis(T0)));
  });
  attack('commented notification naming an old comment', 'carol', [
    { kind: 'set', path: npath(A, `commented:${CH}:${ALICE_POST.id}:${SEED_COMMENT}`), data: notification('commented', C, ALICE_POST) },
  ]);
  attack('mentioned notification for a post that already exists', 'bob', [
    { kind: 'set', path: npath(A, `mentioned:${CH}:${BOB_POST.id}:${B}`), data: notification('mentioned', B, BOB_POST) },
  ]);
  attack('mentioned notification for a post that is not written', 'bob', () => {
    const { info } = newPost(B, { mentions: [A] });
    return [{ kind: 'set', path: npath(A, `mentioned:${CH}:${info.id}:${B}`), data: notification('mentioned', B, info) }];
  });
  attack('mentioning someone who has no profile', 'bob', () => newPost(B, { mentions: [C] }).ops);
  attack('idea-status notification to someone who neither wrote nor voted', 'carol', () => statusChange(C, IDEA, 'planned', 'Plan', [ADM]).ops);
  attack('idea-status notification with another note than the history entry', 'carol', () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'Plan', [A]);
    return mutate(ops, npath(A, `idea-status:${CH}:${IDEA.id}:${eid}`), (d) => (d.note = 'Rejected, sorry'));
  });
  attack('idea-status notification with another status than the idea gets', 'carol', () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'Plan', [A]);
    return mutate(ops, npath(A, `idea-status:${CH}:${IDEA.id}:${eid}`), (d) => (d.status = 'done'));
  });
  attack('idea-status notification without a status change', 'carol', [
    { kind: 'set', path: npath(A, `idea-status:${CH}:${IDEA.id}:${SEED_ENTRY}`), data: { ...notification('idea-status', C, IDEA), status: 'new', note: 'Received' } },
  ]);
  attack('assigned notification without an assignment', 'carol', [
    { kind: 'set', path: npath(B, `assigned:${CH}:${IDEA.id}:${C}`), data: notification('assigned', C, IDEA) },
  ]);
  attack('assigned notification to someone other than the new owner', 'carol', () => [
    ...assign(C, IDEA, B).filter((op) => !op.path.startsWith('users/')),
    { kind: 'set', path: npath(A, `assigned:${CH}:${IDEA.id}:${C}`), data: notification('assigned', C, IDEA) },
  ]);
  attack('notification with an unknown type', 'carol', () => {
    const ops = like(C, ALICE_POST);
    return mutate(ops, npath(A, likedId(C, ALICE_POST)), (d) => (d.type = 'poked'));
  });
  attack("marking someone else's notification read", 'bob', [{ kind: 'update', path: npath(A, SEED_NOTE), data: { read: true } }]);
  attack("deleting someone else's notification", 'bob', [{ kind: 'delete', path: npath(A, SEED_NOTE) }]);
  attack('recipient rewriting who caused a notification', 'alice', [{ kind: 'update', path: npath(A, SEED_NOTE), data: { actor: C } }]);
  attack('the actor renewing a notification without its cause happening again', 'bob', [
    { kind: 'set', path: npath(A, SEED_NOTE), data: notification('commented', B, ALICE_POST) },
  ]);
});

describe('attacks on reports, admins, channels and profiles', () => {
  const report = (data: Record<string, unknown>): Op[] => [
    { kind: 'set', path: `reports/${newId()}`, data: { channel: CH, post: ALICE_POST.id, by: C, reason: 'r', text: ALICE_TEXT, createdAt: serverTimestamp(), ...data } },
  ];
  attackRead('reading reports as a non-admin', () => getDocs(collection(bob, 'reports')));
  attackRead('reading one report as a non-admin', () => getDoc(doc(bob, 'reports/seed-report')));
  attack('report as another user', 'carol', report({ by: B }));
  attack('report of a post that does not exist', 'carol', report({ post: 'no-such-post' }));
  attack('report with an oversize reason', 'carol', report({ reason: 'r'.repeat(501) }));
  attack('report with a forged time', 'carol', report({ createdAt: Timestamp.fromMillis(T0) }));
  attack("deleting someone's report as a non-admin", 'bob', [{ kind: 'delete', path: 'reports/seed-report' }]);
  attack('adding oneself as admin', 'bob', [{ kind: 'set', path: `admins/${B}`, data: { admin: true } }]);
  attack('removing an admin as a non-admin', 'bob', [{ kind: 'delete', path: `admins/${ADM}` }]);
  attack('creating a channel as a non-admin', 'bob', [{ kind: 'set', path: 'channels/mine', data: { name: 'Mine', categories: { news: 0 } } }]);
  attack('adding a category as a non-admin', 'bob', [{ kind: 'update', path: `channels/${CH}`, data: { 'categories.gossip': 9 } }]);
  attack('deleting a channel as a non-admin', 'bob', [{ kind: 'delete', path: `channels/${CH}` }]);
  attack('profile of someone else', 'bob', [{ kind: 'set', path: `profiles/${A}`, data: { name: 'Alice (fake)', nameLower: 'alice (fake)' } }]);
  attack('profile whose search name differs from its name', 'bob', [{ kind: 'set', path: `profiles/${B}`, data: { name: 'Bob', nameLower: 'the ceo' } }]);
  attack('profile search suffix that is not in the name', 'bob', [
    { kind: 'set', path: `profiles/${B}`, data: { name: 'Bob Smit', nameLower: 'bob smit', nameFrom2: 'director' } },
  ]);
  attack('profile with an unknown field', 'bob', [{ kind: 'set', path: `profiles/${B}`, data: { name: 'Bob', nameLower: 'bob', role: 'ceo' } }]);
  attack('profile with an empty name', 'bob', [{ kind: 'set', path: `profiles/${B}`, data: { name: ' ', nameLower: ' ' } }]);
});

describe('attacks on administration', () => {
  const rpath = (rid: string) => `reports/${rid}`;
  // ---- admins and their count (the seeded database has one admin, counted as one) ----
  attack('adding oneself as admin, counted', 'bob', addAdmin(B));
  attack('adding someone as admin as a non-admin, counted', 'bob', addAdmin(C));
  attack('removing an admin as a non-admin, counted', 'bob', removeAdmin(ADM));
  attack('removing the last admin', 'admin', removeAdmin(ADM));
  attack('removing the last admin, the count left as it is', 'admin', [{ kind: 'delete', path: `admins/${ADM}` }]);
  attack('adding an admin without counting', 'admin', [{ kind: 'set', path: `admins/${C}`, data: { admin: true } }]);
  attack('adding an admin counted twice', 'admin', () => mutate(addAdmin(C), ADMIN_COUNT, (d) => (d.count = increment(2))));
  attack('adding an admin, the count naming someone else', 'admin', () => mutate(addAdmin(C), ADMIN_COUNT, (d) => (d.cause = B)));
  attack('adding two admins counted as one', 'admin', () => [...addAdmin(C), { kind: 'set', path: `admins/${B}`, data: { admin: true } }]);
  attack('an admin document with more than the flag', 'admin', () => mutate(addAdmin(C), `admins/${C}`, (d) => (d.role = 'owner')));
  attack('raising the admin count alone', 'admin', [{ kind: 'set', path: ADMIN_COUNT, data: { count: increment(1), cause: C }, merge: true }]);
  attack('setting the admin count to a number', 'admin', [{ kind: 'set', path: ADMIN_COUNT, data: { count: 5, cause: ADM } }]);
  attack('deleting the admin count', 'admin', [{ kind: 'delete', path: ADMIN_COUNT }]);
  attack('a second first run', 'bob', firstRun(B, 'second'));
  attack('a second first run without the count', 'bob', () => without(firstRun(B, 'second'), ADMIN_COUNT));
  attack('a second first run, writing the count over', 'bob', () =>
    firstRun(B, 'second').map((op) => (op.path === ADMIN_COUNT ? { ...op, merge: false } : op)),
  );
  attack('a second first run by the admin, the count reset to one', 'admin', [{ kind: 'set', path: ADMIN_COUNT, data: { count: 1, cause: ADM } }]);
  // ---- channels ----
  attack('archiving a channel as a non-admin', 'bob', [{ kind: 'update', path: `channels/${CH}`, data: { archived: true } }]);
  attack('un-archiving a channel as a non-admin', 'alice', [{ kind: 'update', path: `channels/${OLD}`, data: { archived: false } }]);
  attack('renaming a channel as a non-admin', 'bob', [{ kind: 'update', path: `channels/${CH}`, data: { name: 'Bob TV' } }]);
  attack('a channel with an empty name', 'admin', [{ kind: 'set', path: 'channels/blank', data: { name: '  ', categories: { news: 0 } } }]);
  attack('a channel without categories', 'admin', [{ kind: 'set', path: 'channels/none', data: { name: 'None', categories: {} } }]);
  attack('a channel with 21 categories', 'admin', [
    { kind: 'set', path: 'channels/many', data: { name: 'Many', categories: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`c${i}`, i])) } },
  ]);
  attack('a channel with an unknown field', 'admin', [{ kind: 'set', path: 'channels/odd', data: { name: 'Odd', categories: { news: 0 }, owner: ADM } }]);
  attack('channel names as a string', 'admin', [{ kind: 'update', path: `channels/${CH}`, data: { names: 'Company news' } }]);
  attack('a channel named in 11 languages', 'admin', [
    { kind: 'update', path: `channels/${CH}`, data: { names: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`l${String.fromCharCode(97 + i)}`, `Name ${i}`])) } },
  ]);
  attack('a channel archived with a string', 'admin', [{ kind: 'update', path: `channels/${CH}`, data: { archived: 'yes' } }]);
  attack('a channel with an oversize description', 'admin', [{ kind: 'update', path: `channels/${CH}`, data: { description: 'd'.repeat(501) } }]);
  attack('posting in an archived channel', 'alice', () => newPost(A, { ch: OLD }).ops);
  attack('editing a post in an archived channel', 'alice', [{ kind: 'update', path: postPath(OLD_POST), data: { text: 'Edited', editedAt: serverTimestamp() } }]);
  attack('commenting in an archived channel', 'bob', () => comment(B, OLD_POST).ops);
  // ---- reports ----
  attack('resolving a report as a non-admin', 'bob', resolve('seed-report', B, 'dismissed'));
  attack('resolving a report as a non-admin, in the admin\'s name', 'bob', resolve('seed-report', ADM, 'dismissed'));
  attack("rewriting someone else's resolution", 'admin', resolve('seed-resolved', ADM, 'dismissed'));
  attack('changing the resolution of a handled report', 'admin', [{ kind: 'update', path: rpath('seed-resolved'), data: { resolution: 'dismissed' } }]);
  attack('resolving a report in the name of another admin', 'admin', resolve('seed-report', FORMER, 'dismissed'));
  attack('resolving a report with a forged time', 'admin', () => mutate(resolve('seed-report', ADM, 'dismissed'), rpath('seed-report'), (d) => (d.resolvedAt = Timestamp.fromMillis(T0))));
  attack('resolving a report with an unknown resolution', 'admin', resolve('seed-report', ADM, 'ignored'));
  attack('resolving a report as hidden without hiding the post', 'admin', resolve('seed-report', ADM, 'hidden'));
  attack('resolving a report as comment-deleted without deleting the comment', 'admin', resolve('seed-comment-report', ADM, 'comment-deleted'));
  attack('resolving a post report as comment-deleted', 'admin', resolve('seed-report', ADM, 'comment-deleted', deleteComment(ALICE_POST, SEED_COMMENT)));
  attack('resolving a report and rewriting its reason', 'admin', () => mutate(resolve('seed-report', ADM, 'dismissed'), rpath('seed-report'), (d) => (d.reason = 'nothing')));
  attack('resolving half: no time', 'admin', () => mutate(resolve('seed-report', ADM, 'dismissed'), rpath('seed-report'), (d) => delete d.resolvedAt));
  attack('a report created already resolved', 'carol', [
    { kind: 'set', path: rpath(newId()), data: { channel: CH, post: ALICE_POST.id, by: C, reason: 'r', text: ALICE_TEXT, createdAt: serverTimestamp(), resolvedBy: C, resolvedAt: serverTimestamp(), resolution: 'dismissed' } },
  ]);
  attack('report of a comment that does not exist', 'carol', [
    { kind: 'set', path: rpath(newId()), data: { channel: CH, post: ALICE_POST.id, comment: 'no-such-comment', by: C, reason: 'r', text: ALICE_TEXT, createdAt: serverTimestamp() } },
  ]);
  // ---- comments and their count ----
  attack('deleting a comment as a non-admin, counted out', 'bob', deleteComment(ALICE_POST, SEED_COMMENT));
  attack('an admin deleting a comment without counting it out', 'admin', [{ kind: 'delete', path: `${postPath(ALICE_POST)}/comments/${SEED_COMMENT}` }]);
  attack('an admin lowering a comment count without deleting a comment', 'admin', () => without(deleteComment(ALICE_POST, SEED_COMMENT), '/comments/'));
  attack('an admin deleting a comment, counting out two', 'admin', () => mutate(deleteComment(ALICE_POST, SEED_COMMENT), postPath(ALICE_POST), (d) => (d.commentCount = increment(-2))));
  attack('an admin deleting a comment, naming another', 'admin', () => mutate(deleteComment(ALICE_POST, SEED_COMMENT), postPath(ALICE_POST), (d) => (d.lastComment = 'no-such-comment')));
  // ---- profiles ----
  attack('correcting a name as a non-admin', 'bob', [{ kind: 'set', path: `profiles/${A}`, data: { name: 'Alice the Liar', nameLower: 'alice the liar', nameFrom2: 'the liar', nameFrom3: 'liar' } }]);
  attack("an admin changing more than someone's name", 'admin', [
    { kind: 'set', path: `profiles/${A}`, data: { name: 'Alice Vermeer', nameLower: 'alice vermeer', nameFrom2: 'vermeer', jobTitle: 'Intern' } },
  ]);
  attack('an admin making a profile for someone', 'admin', [{ kind: 'set', path: `profiles/${C}`, data: { name: 'Carol', nameLower: 'carol' } }]);
  attack('an admin correcting a name with a search name that differs', 'admin', [
    { kind: 'set', path: `profiles/${A}`, data: { name: 'Alice Vermeer', nameLower: 'the ceo', nameFrom2: 'vermeer' } },
  ]);
});

// =========================================================================================================
// The attacks of the Realtime Database suite (test/rules/) that had no counterpart here yet, ported to
// the Firestore layout, class by class.

describe('attacks: one cause gives one notification (copies, keys, contents)', () => {
  const npath = (to: string, id: string) => `users/${to}/notifications/${id}`;
  /** `n` copies of the operation's notification, each under an id of its own. */
  const copies = (op: Op, n: number): Op[] => Array.from({ length: n }, () => ({ ...op, path: npath(op.path.split('/')[1]!, newId()) }));
  const notificationOf = (ops: Op[]) => ops.find((op) => op.path.startsWith('users/'))!;
  attack('a like written with 50 copies of its notification', 'carol', () => {
    const ops = like(C, TWO);
    return [...ops, ...copies(notificationOf(ops), 50)];
  });
  attack('a like with one copy of its notification under another key', 'carol', () => {
    const ops = like(C, TWO);
    return [...ops, ...copies(notificationOf(ops), 1)];
  });
  attack('a comment written with 120 copies of its notification', 'carol', () => {
    const { ops } = comment(C, TWO);
    return [...ops, ...copies(notificationOf(ops), 120)];
  });
  attack('a comment written with its notification and one copy', 'carol', () => {
    const { ops } = comment(C, TWO);
    return [...ops, ...copies(notificationOf(ops), 1)];
  });
  attack('a new post written with 50 copies of its mention', 'bob', () => {
    const { ops } = newPost(B, { mentions: [A] });
    return [...ops, ...copies(notificationOf(ops), 50)];
  });
  attack('a status change written with copies of its notification to one voter', 'carol', () => {
    const { ops } = statusChange(C, IDEA, 'planned', 'Plan', [A]);
    return [...ops, ...copies(notificationOf(ops), 3)];
  });
  attack('an assignment written with copies of its notification', 'carol', () => {
    const ops = assign(C, IDEA, B);
    return [...ops, ...copies(notificationOf(ops), 3)];
  });
  attack("a comment's notification keyed as another comment's", 'carol', () => {
    const { ops } = comment(C, TWO);
    return ops.map((op) => (op.path.startsWith('users/') ? { ...op, path: npath(A, `commented:${CH}:${TWO.id}:seed-first`) } : op));
  });
  attack('a mention keyed as another post', 'bob', () => {
    const { ops } = newPost(B, { mentions: [A] });
    return ops.map((op) => (op.path.startsWith('users/') ? { ...op, path: npath(A, `mentioned:${CH}:${BOB_POST.id}:${B}`) } : op));
  });
  attack('a liked notification carrying a status and a free-text note', 'carol', () =>
    mutate(like(C, TWO), npath(A, likedId(C, TWO)), (d) => ((d.status = 'done'), (d.note = 'Click here'))),
  );
  attack('a commented notification carrying a note', 'carol', () => {
    const { cid, ops } = comment(C, TWO);
    return mutate(ops, npath(A, `commented:${CH}:${TWO.id}:${cid}`), (d) => (d.note = 'Click here'));
  });
  attack('an idea-status notification without its note', 'carol', () => {
    const { eid, ops } = statusChange(C, IDEA, 'planned', 'Plan', [A]);
    return mutate(ops, npath(A, `idea-status:${CH}:${IDEA.id}:${eid}`), (d) => delete d.note);
  });
});

describe('attacks: deletes of what is derived or kept', () => {
  const drop = (path: string, field: string): Op[] => [{ kind: 'update', path, data: { [field]: deleteField() } }];
  attack("removing a page's like count (its likers could never unlike)", 'carol', drop(`likes/${PAGE}`, 'count'));
  attack("removing a page's likes document as one of its likers", 'bob', [{ kind: 'delete', path: `likes/${PAGE}` }]);
  attack("removing someone's post's like count", 'carol', drop(postPath(ALICE_POST), 'likeCount'));
  attack("removing your own post's like count", 'alice', drop(postPath(ALICE_POST), 'likeCount'));
  attack("removing someone's post's comment count", 'carol', drop(postPath(ALICE_POST), 'commentCount'));
  attack("removing someone's post's lastComment", 'carol', drop(postPath(ALICE_POST), 'lastComment'));
  attack("removing your own post's lastComment", 'alice', drop(postPath(ALICE_POST), 'lastComment'));
  attack("removing a stat's cause", 'alice', drop(statPath(CH, M0), 'cause'));
  attack("removing a stat's post counter", 'alice', drop(statPath(CH, M0), 'c.news.posts'));
  attack("removing someone's comment", 'carol', [{ kind: 'delete', path: `${postPath(ALICE_POST)}/comments/${SEED_COMMENT}` }]);
  attack('removing the text of your own comment', 'bob', drop(`${postPath(ALICE_POST)}/comments/${SEED_COMMENT}`, 'text'));
  attack("removing an idea's history entry (by the owner who wrote it)", 'carol', [{ kind: 'delete', path: `${postPath(IDEA)}/history/${SEED_ENTRY}` }]);
  attack('removing the name from your own profile', 'alice', drop(`profiles/${A}`, 'name'));
  attack('removing your lastLike (userLikes `last`)', 'alice', drop(`userLikes/${A}`, 'last'));
  attack('an admin removing a field of a report', 'admin', drop('reports/seed-report', 'reason'));
  attack("an admin removing a channel's name", 'admin', drop(`channels/${CH}`, 'name'));
});

describe('attacks: counts and stats', () => {
  const statOp = (data: Record<string, unknown>, merge = true): Op => ({ kind: 'set', path: statPath(CH, M0), data: { channel: CH, month: M0, ...data }, merge });
  attack('deleting a liked post taking more likes out than it had', 'bob', () => deletePost(BOB_POST, [], [], 2));
  attack("a stat's cause rewritten without a counter moving", 'alice', [statOp({ cause: ALICE_POST.id })]);
  attack("a stat's cause set to 500,000 characters", 'alice', () => {
    const { info, ops } = newPost(A);
    return mutate(ops, statPath(CH, info.month), (d) => (d.cause = 'x'.repeat(500_000)));
  });
  attack("a stat's cause that is not an id", 'alice', () => {
    const { info, ops } = newPost(A);
    return mutate(ops, statPath(CH, info.month), (d) => (d.cause = `${info.id}/../x`));
  });
  attack('a stat written as a whole document (other categories dropped)', 'alice', async () => {
    const { info, ops } = newPost(A);
    const posts = await count(statPath(CH, info.month), 'news', 'posts');
    const likes = await count(statPath(CH, info.month), 'news', 'likes');
    return [ops[0]!, { kind: 'set', path: statPath(CH, info.month), data: { channel: CH, month: info.month, cause: info.id, c: { news: { posts: posts + 1, likes } } } }];
  });
});

describe('attacks: validation', () => {
  attack('a post of no-break spaces and zero-width joiners only', 'alice', () => newPost(A, { text: '\u00a0\u200d\u00a0\u200d' }).ops);
  attack('an idea title of zero-width characters only', 'alice', () => newPost(A, { category: 'idea', title: '\u200b\u200b' }).ops);
  attack('a title of 141 characters', 'alice', () => newPost(A, { category: 'idea', title: 't'.repeat(141) }).ops);
  attack("a profile's search name rewritten on its own", 'alice', [{ kind: 'update', path: `profiles/${A}`, data: { nameLower: 'the ceo' } }]);
});

describe('attacks: likes in bulk', () => {
  const pages = (n: number) => Array.from({ length: n }, (_, i) => encodeKey(pageTarget(`https://intranet.example.com/invented/${i}`)));
  const likeAll = (keys: string[]): Op[] => [
    ...keys.map((key): Op => ({ kind: 'set', path: `likes/${key}`, data: { count: increment(1), likers: { [C]: serverTimestamp() } }, merge: true })),
    { kind: 'set', path: `userLikes/${C}`, data: { t: Object.fromEntries(keys.map((k) => [k, true])), last: keys[0] }, merge: true },
  ];
  // Privacy: the likes of one page are public, the collection is not (its ids are every liked page's
  // address, and filtered by uid it lists one person's likes in one read, which userLikes keeps private).
  attackRead('listing every liked page (the likes collection)', () => getDocs(collection(carol, 'likes')));
  attackRead('listing the pages one person liked, through the likes collection', () =>
    getDocs(query(collection(carol, 'likes'), where(`likers.${B}`, '!=', null))),
  );
  attack('one write liking 300 invented page targets', 'carol', () => likeAll(pages(300)));
  attack('one write liking two pages', 'carol', () => likeAll(pages(2)));
  attack('a page like without naming it in userLikes (`last`)', 'carol', () => {
    const key = encodeKey(pageTarget('https://intranet.example.com/unnamed'));
    return mutate(likePage(C, key, 1), `userLikes/${C}`, (d) => delete d.last);
  });
});

describe('attacks: escalation through fields others may change', () => {
  attack("the idea's owner editing its text", 'carol', [{ kind: 'update', path: postPath(IDEA), data: { text: 'Owned now', editedAt: serverTimestamp() } }]);
  attack("the idea's owner removing its text", 'carol', [{ kind: 'update', path: postPath(IDEA), data: { text: deleteField() } }]);
  attack("an admin changing a post's author", 'admin', [{ kind: 'update', path: postPath(ALICE_POST), data: { author: ADM } }]);
});

describe('attacks: administration (ported), archived likes and counted-out comments', () => {
  attack('a non-admin lowering a comment count', 'alice', [{ kind: 'update', path: postPath(ALICE_POST), data: { commentCount: increment(-1) } }]);
  attack("an admin deleting someone's profile", 'admin', [{ kind: 'delete', path: `profiles/${A}` }]);
  attack('a non-admin naming a channel in English', 'bob', [{ kind: 'update', path: `channels/${CH}`, data: { 'names.en': 'Gossip' } }]);
  // Read-only includes likes, as on the Realtime Database.
  attack('liking a post in an archived channel', 'bob', like(B, OLD_POST));
  attack('unliking a post in an archived channel', 'carol', unlike(C, OLD_POST));
  attack('an admin deleting two comments, counted as one', 'admin', () => [
    ...deleteComment(TWO, 'seed-second'),
    { kind: 'delete', path: `${postPath(TWO)}/comments/seed-first` },
  ]);
  it('control: an admin deletes both comments, one write each, each counted out', { skip }, async () => {
    const { info, ops } = newPost(A);
    await allowed(alice, ops);
    const first = comment(B, info, 'First');
    await allowed(bob, first.ops);
    const second = comment(B, info, 'Second');
    await allowed(bob, second.ops);
    await allowed(admin, deleteComment(info, second.cid));
    await allowed(admin, deleteComment(info, first.cid));
    assert.equal((await value(postPath(info)))!.commentCount, 0);
  });
});

// ---- a deleted channel ------------------------------------------------------------------------------------
// An admin deleted the channel's document; its posts, comments, likes and reports remain. Nothing in it moves
// on, except what cleanup needs (as on the Realtime Database).

describe('attacks in a deleted channel', () => {
  const p = postPath(DELETED_POST);
  attack('posting in a deleted channel', 'alice', () => newPost(A, { ch: DELETED }).ops);
  attack('editing a post in a deleted channel', 'alice', [{ kind: 'update', path: p, data: { text: 'Changed after all', editedAt: serverTimestamp() } }]);
  attack('commenting in a deleted channel', 'bob', () => comment(B, DELETED_POST).ops);
  attack('liking a post in a deleted channel', 'bob', like(B, DELETED_POST));
  attack('unliking a post in a deleted channel', 'carol', unlike(C, DELETED_POST));
  attack("moving an idea's status in a deleted channel (its owner)", 'carol', () => statusChange(C, DELETED_IDEA, 'planned', 'Still on').ops);
  attack("moving an idea's status in a deleted channel (an admin)", 'admin', () => statusChange(ADM, DELETED_IDEA, 'done', 'Closed').ops);
  attack('assigning an idea in a deleted channel', 'admin', assign(ADM, DELETED_IDEA, B));
  attack('an admin moving likes in a deleted channel', 'admin', [{ kind: 'update', path: p, data: { likeCount: 2, [`likers.${ADM}`]: serverTimestamp() } }]);
  attack('merging an idea in a deleted channel', 'admin', [{ kind: 'update', path: postPath(DELETED_IDEA), data: { mergedInto: DELETED_POST.id } }]);
  it('control: the same writes in an open channel are allowed (edit, comment, like, unlike, report, status, assign)', { skip }, async () => {
    const { info, ops } = newPost(A, { category: 'idea', title: 'Open desks' });
    await allowed(alice, ops);
    await allowed(alice, [{ kind: 'update', path: postPath(info), data: { text: 'Changed after all', editedAt: serverTimestamp() } }]);
    await allowed(bob, comment(B, info).ops);
    await allowed(bob, like(B, info));
    await allowed(bob, unlike(B, info));
    await allowed(bob, [{ kind: 'set', path: `reports/${newId()}`, data: { channel: CH, post: info.id, by: B, reason: 'x', text: 'Changed after all', createdAt: serverTimestamp() } }]);
    await allowed(admin, statusChange(ADM, info, 'planned', 'On').ops);
    await allowed(admin, assign(ADM, info, B));
    assert.equal((await value(postPath(info)))!.owner, B);
  });
});

describe('a deleted channel: allowed paths (cleanup)', { skip }, () => {
  it('is still read', async () => {
    assert.ok((await getDoc(doc(bob, postPath(DELETED_POST)))).exists());
  });

  it('a post and a comment left in it are reported (admins hear of what stayed behind), each with the text stored', async () => {
    const rid = newId();
    await allowed(bob, [{ kind: 'set', path: `reports/${rid}`, data: { channel: DELETED, post: DELETED_POST.id, by: B, reason: 'x', text: DELETED_TEXT, createdAt: serverTimestamp() } }]);
    assert.equal((await value(`reports/${rid}`))!.text, DELETED_TEXT);
    await allowed(carol, [
      { kind: 'set', path: `reports/${newId()}`, data: { channel: DELETED, post: DELETED_POST.id, comment: DELETED_COMMENT, by: C, reason: 'x', text: 'Said before the channel went', createdAt: serverTimestamp() } },
    ]);
  });

  it('an admin hides a post of it, deletes a comment (counted out) and handles its report', async () => {
    await allowed(admin, resolve('seed-closed-report', ADM, 'hidden', [hidePost(DELETED_POST)]));
    assert.equal((await value('reports/seed-closed-report'))!.resolution, 'hidden');
    await allowed(admin, deleteComment(DELETED_POST, DELETED_COMMENT));
    assert.equal(await value(`${postPath(DELETED_POST)}/comments/${DELETED_COMMENT}`), null);
    assert.equal((await value(postPath(DELETED_POST)))!.commentCount, 0);
  });

  it('the author deletes their post, uncounted; then its liker withdraws the like', async () => {
    await allowed(alice, deletePost(DELETED_DOOMED, [], [], 1));
    assert.equal(await value(postPath(DELETED_DOOMED)), null);
    await allowed(bob, [{ kind: 'set', path: `userLikes/${B}`, data: { t: { [tk(DELETED_DOOMED)]: deleteField() }, last: tk(DELETED_DOOMED) }, merge: true }]);
    assert.equal(((await value(`userLikes/${B}`))!.t as Record<string, boolean>)[tk(DELETED_DOOMED)], undefined);
  });
});

// ---- a report holds the text it is about ----------------------------------------------------------------

describe('reports hold the reported text', () => {
  it("a post's report holds its text, and the author's edit afterwards leaves the report as it was", { skip }, async () => {
    const { info, ops } = newPost(A, { text: 'Something unkind' });
    await allowed(alice, ops);
    const rid = newId();
    await allowed(bob, [{ kind: 'set', path: `reports/${rid}`, data: { channel: CH, post: info.id, by: B, reason: 'Unkind', text: 'Something unkind', createdAt: serverTimestamp() } }]);
    await allowed(alice, [{ kind: 'update', path: postPath(info), data: { text: 'Something kind', editedAt: serverTimestamp() } }]);
    assert.equal((await value(`reports/${rid}`))!.text, 'Something unkind');
    assert.equal((await value(postPath(info)))!.text, 'Something kind');
  });

  it("a comment's report holds the comment's text; deleting the post leaves the report as it was", { skip }, async () => {
    const { info, ops } = newPost(A, { text: 'Harmless post' });
    await allowed(alice, ops);
    const c = comment(A, info, 'Unkind remark');
    await allowed(alice, c.ops);
    const rid = newId();
    await allowed(bob, [{ kind: 'set', path: `reports/${rid}`, data: { channel: CH, post: info.id, comment: c.cid, by: B, reason: 'x', text: 'Unkind remark', createdAt: serverTimestamp() } }]);
    await allowed(alice, deletePost(info, [c.cid]));
    assert.equal((await value(`reports/${rid}`))!.text, 'Unkind remark');
  });

  it('a report made before reports held their text is still read by admins and handled', { skip }, async () => {
    assert.equal((await value('reports/seed-report'))!.text, undefined);
    const { info, ops } = newPost(B);
    await allowed(bob, ops);
    const rid = newId();
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(fs(ctx), `reports/${rid}`), { channel: CH, post: info.id, by: A, reason: 'old', createdAt: ts }));
    assert.ok((await getDoc(doc(admin, `reports/${rid}`))).exists());
    await allowed(admin, resolve(rid, ADM, 'hidden', [hidePost(info)]));
    assert.equal((await value(`reports/${rid}`))!.resolution, 'hidden');
  });

  const report = (data: Record<string, unknown>, by = B): Op[] => [
    { kind: 'set', path: `reports/${newId()}`, data: { channel: CH, post: ALICE_POST.id, by, reason: 'x', text: ALICE_TEXT, createdAt: serverTimestamp(), ...data } },
  ];
  attack("a report putting words in the author's mouth (a text the post does not hold)", 'bob', report({ text: 'I hate everyone' }));
  attack('a report without the reported text', 'bob', [
    { kind: 'set', path: `reports/${newId()}`, data: { channel: CH, post: ALICE_POST.id, by: B, reason: 'x', createdAt: serverTimestamp() } },
  ]);
  attack('a report with the text as a number', 'bob', report({ text: 42 }));
  attack("a comment's report holding the post's text", 'carol', report({ comment: SEED_COMMENT }, C));
  attack("a post's report holding a comment's text", 'bob', report({ text: 'Seeded comment' }));
  attack('a report holding the text after an edit made in the same batch by someone else', 'bob', [
    ...report({ text: 'edited in passing' }),
    { kind: 'update', path: postPath(ALICE_POST), data: { text: 'edited in passing', editedAt: serverTimestamp() } },
  ]);
  attack('the reporter rewriting the text of their report', 'bob', [{ kind: 'update', path: 'reports/seed-closed-report', data: { text: 'Worse' } }]);
  attack('an admin rewriting the reported text', 'admin', [{ kind: 'update', path: 'reports/seed-comment-report', data: { text: 'Nothing to see' } }]);
  attack('an admin rewriting the reported text while resolving', 'admin', () =>
    mutate(resolve('seed-report', ADM, 'dismissed'), 'reports/seed-report', (d) => (d.text = 'Nothing to see')),
  );
  attackRead('reading a report with its text as the reporter', () => getDoc(doc(bob, 'reports/seed-closed-report')));
  it('control: the same report with the stored text is allowed (a post, a comment)', { skip }, async () => {
    await allowed(bob, report({}));
    await allowed(carol, report({ comment: SEED_COMMENT, text: 'Seeded comment' }, C));
  });
});

describe('the first run on an empty database (a project of its own each)', () => {
  let k = 0;
  /** An empty database under firestore.rules; `run` gets a signed-in database per uid. */
  const empty = async (run: (as: (uid: string) => Firestore, value: (path: string) => Promise<Record<string, unknown> | null>) => Promise<void>) => {
    const projectId = `demo-lenig-first-run-${++k}`;
    const e = await initializeTestEnvironment({
      projectId,
      firestore: { host: (emulator as { hostname: string }).hostname, port: (emulator as { port: number }).port, rules: readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8') },
    });
    try {
      await e.clearFirestore();
      await run((uid) => fs(e.authenticatedContext(uid)), (path) => readDocument((emulator as { host: string }).host, projectId, path));
    } finally {
      await e.cleanup();
    }
  };

  it('the first person becomes the only admin, counted as one, with the first channel; nobody after', { skip }, async () => {
    await empty(async (as, read) => {
      await assertFails(commit(as(B), without(firstRun(B), ADMIN_COUNT)));
      await assertFails(commit(as(B), mutate(firstRun(B), ADMIN_COUNT, (d) => (d.count = 2))));
      await assertFails(commit(as(B), mutate(firstRun(B), ADMIN_COUNT, (d) => (d.cause = C))));
      await assertFails(commit(as(B), [{ kind: 'set', path: `admins/${C}`, data: { admin: true } }, { kind: 'set', path: ADMIN_COUNT, data: { count: 1, cause: C } }]));
      await commit(as(A), firstRun(A));
      assert.deepEqual(await read(ADMIN_COUNT), { count: 1, cause: A });
      assert.equal((await read('channels/welcome'))!.name, 'Welcome');
      await assertFails(commit(as(B), firstRun(B, 'second')));
      await assertFails(commit(as(A), firstRun(A, 'again')));
      assert.equal(await read(`admins/${B}`), null);
      assert.equal(await read('channels/second'), null);
    });
  });

  for (const [first, second] of [[A, B], [B, A]] as const) {
    it(`two people racing (${first === A ? 'alice' : 'bob'} sends first): exactly one becomes admin`, { skip }, async () => {
      await empty(async (as, read) => {
        const dbs = [as(first), as(second)];
        // Both read an empty database, then write at once.
        await Promise.all(dbs.map((db) => getDoc(doc(db, ADMIN_COUNT))));
        const results = await Promise.allSettled([commit(dbs[0]!, firstRun(first, 'one')), commit(dbs[1]!, firstRun(second, 'two'))]);
        const won = results.map((r) => r.status === 'fulfilled');
        assert.equal(won.filter(Boolean).length, 1, `one wins: ${results.map((r) => r.status).join(', ')}`);
        const winner = won[0] ? first : second;
        const loser = won[0] ? second : first;
        assert.deepEqual(await read(ADMIN_COUNT), { count: 1, cause: winner });
        assert.equal((await read(`admins/${winner}`))!.admin, true);
        assert.equal(await read(`admins/${loser}`), null);
        assert.equal(await read(`channels/${won[0] ? 'two' : 'one'}`), null);
        // The loser trying again is refused too.
        await assertFails(commit(as(loser), firstRun(loser, 'three')));
      });
    });
  }
});

describe('attacks with blank texts and pictures from elsewhere (as the Realtime Database rules refuse them)', () => {
  attack('a post of only zero-width spaces', 'alice', () => newPost(A, { text: '\u200b\u200b\u200b' }).ops);
  attack('a comment of only ideographic spaces', 'bob', () => comment(B, ALICE_POST, '\u3000\u3000').ops);
  attack('a profile name of only Hangul fillers', 'bob', [{ kind: 'set', path: `profiles/${B}`, data: { name: '\u3164\u3164', nameLower: '\u3164\u3164' } }]);
  attack('a history note of only soft hyphens', 'carol', () => statusChange(C, IDEA, 'planned', '\u00ad\u00ad').ops);
  const picture = (photoURL: string): Op[] => [{ kind: 'set', path: `profiles/${B}`, data: { name: 'Bob', nameLower: 'bob', photoURL } }];
  attack('a profile picture over http:', 'bob', picture('http://example.com/bob.png'));
  attack('a profile picture as javascript:', 'bob', picture('javascript:alert(1)'));
  attack('a profile picture as data:', 'bob', picture('data:image/png;base64,AAAA'));
  attack('a profile picture hiding its host behind a user name', 'bob', picture('https://intranet.example.com@evil.example/bob.png'));

  // Every character the client counts as blank (src/data/text.ts: JavaScript's \s beyond ASCII, and the
  // invisible ones) is refused alone by the rules; with one visible character among them, a text is fine.
  // U+2028 and U+2029 are line breaks, which the client alone refuses, as on the Realtime Database.
  const unicodeSpaces = [...'\u000b\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff'];
  const client = [...new Set([...unicodeSpaces, ...BLANK_CHARACTERS])];
  it(`the rules and the client count the same ${client.length} characters as blank`, { skip }, async () => {
    for (const c of client) {
      assert.ok(isBlank(c), `the stores: U+${c.charCodeAt(0).toString(16)} is blank`);
      await assertFails(commit(alice, newPost(A, { text: `${c} ${c}` }).ops));
    }
    await allowed(alice, newPost(A, { text: `${client.join('')}.` }).ops);
  });
  it('control: an https: picture, with a path, is allowed', { skip }, async () => {
    await allowed(bob, picture('https://intranet.example.com/people/bob.png?size=64'));
    assert.equal((await value(`profiles/${B}`))!.photoURL, 'https://intranet.example.com/people/bob.png?size=64');
  });
});

describe('attacks while signed out', () => {
  attackRead('signed-out read of posts', () => getDocs(collection(nobody, `channels/${CH}/posts`)));
  attackRead('signed-out read of profiles', () => getDocs(collection(nobody, 'profiles')));
  attackRead('signed-out read of a channel', () => getDoc(doc(nobody, `channels/${CH}`)));
  attackRead('signed-out read of stats', () => getDocs(collection(nobody, `channels/${CH}/stats`)));
  attack('signed-out post', 'nobody', () => newPost(A).ops);
  attack('signed-out like', 'nobody', like(A, ALICE_POST, false));
  attack('signed-out comment', 'nobody', () => comment(A, BOB_POST).ops);
  it('control: signed in, the same post is allowed', { skip }, async () => {
    await allowed(alice, newPost(A).ops);
  });
});

// =========================================================================================================
// A refusal proves little if something else refused the write. For a sample of rules, the rule is taken
// out of firestore.rules (in a separate project of the same emulator) and its attack must then succeed.

const RULES = readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8');
const UIDS: Record<Exclude<Who, 'nobody'>, string> = { alice: A, bob: B, carol: C, admin: ADM };
const MUTANTS: { rule: string; from: string | string[]; to: string | string[]; attack: string }[] = [
  {
    rule: "a post's deletion marks its id gone",
    from: '\n          && existsAfter(goneDoc(ch, id));',
    to: ';',
    attack: 'deleting your post without marking its id gone',
  },
  {
    rule: "no post is written under a deleted post's id",
    from: '\n            && !exists(goneDoc(ch, id))',
    to: '',
    attack: "a post written under a deleted post's id",
  },
  { rule: 'a post is written by its author', from: '&& d.author == me()', to: '', attack: 'spoofed author (alice posts as bob)' },
  { rule: 'a post is counted in its stat', from: "&& statMoved(ch, id, d, 'posts', 1);", to: ';', attack: 'post without its stat' },
  { rule: "a post's month is the server's", from: '&& isNowMonth(d.month)', to: '', attack: 'post counted in another month (2020-01)' },
  { rule: 'likeCount is the size of likers', from: '&& d.likeCount == d.likers.size()', to: '', attack: 'like without counting it' },
  { rule: 'a like is in the liker\'s userLikes', from: '&& inMyLikesAfter(me(), tk)', to: '', attack: 'like without userLikes' },
  { rule: 'only admins hide', from: "(!keys.hasAny(['hidden']) || (isAdmin() && d.hidden is bool))", to: "(!keys.hasAny(['hidden']) || (d.hidden is bool))", attack: 'hiding your own post as a non-admin' },
  {
    rule: "a deleted post's likes leave its stat",
    from: '(before != null && after == null && posts == -1 && likes == -before.data.likeCount)',
    to: '(before != null && after == null && posts == -1)',
    attack: 'deleting your liked post, its likes kept in the stat',
  },
  { rule: 'a stat moves only with its post', from: '(posts == 1 && likes == 0 && before == null && after != null)', to: '(posts == 1 && likes == 0)', attack: 'stats without a post' },
  {
    rule: "a comment is counted (both ties: the count, and lastComment naming it)",
    from: ['&& getAfter(postDoc(ch, id)).data.commentCount == get(postDoc(ch, id)).data.commentCount + 1', '&& getAfter(postDoc(ch, id)).data.lastComment == cid;'],
    to: ['', ';'],
    attack: 'comment without counting it',
  },
  { rule: 'a notification starts unread', from: '&& n.read == false', to: '', attack: 'notification created already read' },
  { rule: "a liked notification's id follows from its cause", from: "nid == 'liked:' + key + ':' + me()", to: 'true', attack: 'notification id that does not follow from its cause' },
  {
    rule: 'only admins add admins (the admin and the count)',
    from: ['((isAdmin() && adminCountMoved(1))', 'allow update: if isAdmin() && countShape'],
    to: ['((adminCountMoved(1))', 'allow update: if countShape'],
    attack: 'adding oneself as admin, counted',
  },
  { rule: 'the admin count stays at one or more', from: '&& d.count is int && d.count >= 1', to: '&& d.count is int', attack: 'removing the last admin' },
  {
    rule: 'the admin count moves only with an admin added',
    from: '&& !exists(adminDoc(request.resource.data.cause)) && existsAfter(adminDoc(request.resource.data.cause)))',
    to: ')',
    attack: 'raising the admin count alone',
  },
  {
    rule: 'the first run creates the count, once',
    from: ['allow create: if countShape(request.resource.data) && becomingFirstAdmin();', 'return signedIn() && !exists(adminCountDoc()) && !exists(adminDoc(me()))'],
    to: ['allow create, update: if countShape(request.resource.data) && becomingFirstAdmin();', 'return signedIn() && !exists(adminDoc(me()))'],
    attack: 'a second first run',
  },
  { rule: 'only admins change channels', from: 'allow update: if isAdmin() && channelShape(', to: 'allow update: if channelShape(', attack: 'archiving a channel as a non-admin' },
  {
    rule: 'an archived channel takes no comments',
    from: '&& text(request.resource.data.text, 1000)\n            && isOpen()',
    to: '&& text(request.resource.data.text, 1000)',
    attack: 'commenting in an archived channel',
  },
  {
    rule: 'a deleted channel takes no status changes, assignments or merges',
    from: "&& (keys.hasOnly(['hidden', 'commentCount', 'lastComment']) || exists(channelDoc(ch)))",
    to: '',
    attack: "moving an idea's status in a deleted channel (its owner)",
  },
  {
    rule: "a report's text is the text stored",
    from: '&& request.resource.data.text == reportedText(request.resource.data);',
    to: ';',
    attack: "a report putting words in the author's mouth (a text the post does not hold)",
  },
  {
    rule: "a comment's report holds the comment's text",
    from: "return 'comment' in d ? get(commentDoc(d.channel, d.post, d.comment)).data.text : get(postDoc(d.channel, d.post)).data.text;",
    to: 'return get(postDoc(d.channel, d.post)).data.text;',
    attack: "a comment's report holding the post's text",
  },
  { rule: 'only admins resolve reports', from: 'allow update: if isAdmin() && resolution();', to: 'allow update: if resolution();', attack: 'resolving a report as a non-admin' },
  { rule: 'a resolution is never rewritten', from: "return !('resolvedBy' in o)\n          && ", to: 'return ', attack: "rewriting someone else's resolution" },
  {
    rule: "an admin's comment deletion is counted out",
    from: '&& getAfter(postDoc(ch, id)).data.commentCount == get(postDoc(ch, id)).data.commentCount - 1\n',
    to: '\n',
    attack: 'an admin deleting a comment without counting it out',
  },
  {
    rule: 'a lower comment count names a comment deleted in the same write',
    from: '&& exists(commentDoc(ch, id, d.lastComment))\n            && !existsAfter(commentDoc(ch, id, d.lastComment));\n        }\n\n        function ideaManager',
    to: ';\n        }\n\n        function ideaManager',
    attack: 'an admin lowering a comment count without deleting a comment',
  },
  { rule: 'a text of invisible characters is blank', from: '!s.matches(blank())', to: "!s.matches('\\\\s*')", attack: 'a post of only zero-width spaces' },
  {
    rule: 'a picture is an https: address',
    from: "&& (d.get('photoURL', '') == '' || d.photoURL.matches('(?s)https://[^/?#@]+([/?#].*)?'))",
    to: '',
    attack: 'a profile picture over http:',
  },
  {
    rule: 'an admin changes only the name of a profile',
    from: "&& request.resource.data.diff(resource.data).affectedKeys().hasOnly(['name', 'nameLower', 'nameFrom2', 'nameFrom3', 'nameFrom4']);",
    to: ';',
    attack: "an admin changing more than someone's name",
  },
  {
    rule: 'an archived channel takes no likes',
    from: '|| (likeMoved(d, o) && isOpen()) ||',
    to: '|| likeMoved(d, o) ||',
    attack: 'liking a post in an archived channel',
  },
  { rule: 'an archived channel takes no unlikes (the same guard)', from: '|| (likeMoved(d, o) && isOpen()) ||', to: '|| likeMoved(d, o) ||', attack: 'unliking a post in an archived channel' },
  {
    rule: 'a comment deleted by an admin is the one its post names',
    from: '\n                && getAfter(postDoc(ch, id)).data.lastComment == cid));',
    to: '));',
    attack: 'an admin deleting two comments, counted as one',
  },
  {
    rule: 'only admins merge ideas',
    from: "(!keys.hasAny(['mergedInto']) || (isAdmin() && o.category",
    to: "(!keys.hasAny(['mergedInto']) || (ideaManager(o) && o.category",
    attack: "merge by the idea's owner (merging is for admins)",
  },
  {
    rule: 'a stat moves only with what it counts',
    from: "&& !(me() in after.data.likers)));",
    to: '&& !(me() in after.data.likers))\n              || (posts == 0 && likes == 0));',
    attack: "a stat's cause rewritten without a counter moving",
  },
  {
    rule: 'one like per write (userLikes changes one target, the one `last` names)',
    from: ['&& diff.affectedKeys() == [tk].toSet()', ' && ul.data.last == tk;'],
    to: ['', ';'],
    attack: 'one write liking two pages',
  },
  {
    rule: 'a mention is keyed by its post',
    from: "(n.type == 'mentioned' && nid == 'mentioned:' + key + ':' + me()",
    to: "(n.type == 'mentioned'",
    attack: 'a new post written with 50 copies of its mention',
  },
  {
    rule: "only an idea-status notification carries a status and a note",
    from: ": !n.keys().hasAny(['status', 'note']))",
    to: ': true)',
    attack: 'a commented notification carrying a note',
  },
  {
    rule: "a post's author never changes",
    from: "return keys.hasOnly(['text',",
    to: "return keys.hasOnly(['author', 'text',",
    attack: "an admin changing a post's author",
  },
  {
    rule: 'a history entry is signed by its writer (checked by the entry and by the idea)',
    from: ['&& e.data.by == me()', '&& request.resource.data.by == me()\n            && request.resource.data.at'],
    to: ['', '&& request.resource.data.at'],
    attack: 'history entry signed by someone else',
  },
];

// Each mutant has a project of its own on the emulator, so four run at once.
describe('each sampled rule is what refuses its attack: taken out, the attack succeeds', { concurrency: 4 }, () => {
  MUTANTS.forEach((m, i) => {
    it(`without "${m.rule}": ${m.attack} — allowed`, { skip }, async () => {
      const froms = [m.from].flat();
      const tos = [m.to].flat();
      let rules = RULES;
      froms.forEach((from, k) => {
        assert.ok(rules.includes(from), `the rule text is in firestore.rules: ${from}`);
        rules = rules.replace(from, tos[k]!);
      });
      const found = attacks.get(m.attack);
      assert.ok(found, `an attack named ${m.attack}`);
      const mutant = await initializeTestEnvironment({
        projectId: `demo-lenig-mutant-${i}`,
        firestore: { host: (emulator as { hostname: string }).hostname, port: (emulator as { port: number }).port, rules },
      });
      try {
        await mutant.clearFirestore();
        await mutant.withSecurityRulesDisabled(async (ctx) => {
          const db = fs(ctx);
          await Promise.all(Object.entries(SEED).map(([path, data]) => setDoc(doc(db, path), data)));
        });
        const db = fs(found.who === 'nobody' ? mutant.unauthenticatedContext() : mutant.authenticatedContext(UIDS[found.who]));
        const ops = typeof found.ops === 'function' ? await found.ops() : found.ops;
        await assertSucceeds(commit(db, ops));
      } finally {
        await mutant.cleanup();
      }
    });
  });
});
