#!/usr/bin/env node
/**
 * What lenig's actions cost on Cloud Firestore, measured on Google's emulator under firestore.rules with
 * the layout of docs/data-layout-firestore.md: document reads per action (Firestore bills each document a
 * query or get returns, and at least one per query), the writes of a like, and the gzip size of the
 * Firestore SDK chunk next to the Realtime Database one.
 *
 *   npm run bench:firestore
 *
 * Uses LENIG_TEST_FIRESTORE_HOST when set, else starts the emulator (scripts/firestore-emulator.mjs).
 * Exits 1 when a target is missed: feed page ≤ 22 reads, insights for 12 months ≤ 12, a like ≤ 3 writes
 * (the author's notification is counted on its own line).
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initializeApp, deleteApp } from 'firebase/app';
import {
  collection,
  connectFirestoreEmulator,
  deleteField,
  doc,
  documentId,
  getDoc,
  getDocs,
  getFirestore,
  increment,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setLogLevel,
  terminate,
  where,
  writeBatch,
} from 'firebase/firestore';
import { FIRESTORE_EMULATOR_HINT, findFirestoreEmulator, loadFirestoreRules, startFirestoreEmulator, writeDocuments } from '../scripts/firestore-emulator.mjs';

setLogLevel('silent');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = 'demo-lenig-bench';
const CH = 'bench';
const VIEWER = 'bench-viewer';
const AUTHORS = ['bench-anna', 'bench-bram', 'bench-cato', 'bench-dirk'];
const DAY = 86_400_000;

const monthKey = (t) => new Date(t).toISOString().slice(0, 7);

/** A channel with 60 posts over 14 months, a third of them liked by the viewer, and one busy idea. */
function benchDocuments(now) {
  const docs = [];
  const stats = new Map();
  const userLikes = {};
  docs.push({ path: `channels/${CH}`, data: { name: 'Bench', categories: { news: 0, idea: 1, question: 2, personal: 3, praise: 4 } } });
  for (const uid of [VIEWER, ...AUTHORS]) docs.push({ path: `profiles/${uid}`, data: { name: uid, nameLower: uid } });
  let idea;
  for (let i = 0; i < 60; i++) {
    const t = now - i * 7 * DAY - 3_600_000;
    const id = `post-${String(i).padStart(3, '0')}`;
    const category = ['news', 'question', 'personal', 'praise', 'idea'][i % 5];
    const likers = {};
    AUTHORS.slice(0, 1 + (i % 4)).forEach((u, k) => (likers[u] = new Date(t + (k + 1) * 60_000)));
    if (i % 3 === 0) {
      likers[VIEWER] = new Date(t + 600_000);
      userLikes[`post:${CH}:${id}`] = true;
    }
    const post = {
      author: AUTHORS[i % AUTHORS.length],
      text: `Post ${i}: ${'lorem ipsum '.repeat(12)}`,
      category,
      createdAt: new Date(t),
      month: monthKey(t),
      likers,
      likeCount: Object.keys(likers).length,
      commentCount: 0,
    };
    if (category === 'idea') Object.assign(post, { title: `Idea ${i}`, status: 'new' });
    if (!idea && category === 'idea') idea = { id, post };
    docs.push({ path: `channels/${CH}/posts/${id}`, data: post });
    const s = stats.get(post.month) ?? {};
    s[category] ??= { posts: 0, likes: 0 };
    s[category].posts += 1;
    s[category].likes += post.likeCount;
    stats.set(post.month, s);
  }
  // The idea people open: 3 status changes and 6 comments.
  const ideaPath = `channels/${CH}/posts/${idea.id}`;
  ['under-review', 'planned', 'in-progress'].forEach((status, k) => {
    docs.push({ path: `${ideaPath}/history/entry-${k}`, data: { status, note: `Step ${k}`, by: AUTHORS[1], at: new Date(now - (3 - k) * DAY), channel: CH } });
    idea.post.status = status;
    idea.post.statusEntry = `entry-${k}`;
  });
  for (let k = 0; k < 6; k++) {
    docs.push({ path: `${ideaPath}/comments/comment-${k}`, data: { author: AUTHORS[k % 4], text: `Comment ${k}`, createdAt: new Date(now - (6 - k) * 3_600_000) } });
  }
  idea.post.commentCount = 6;
  idea.post.lastComment = 'comment-5';
  docs.push({ path: `userLikes/${VIEWER}`, data: { t: userLikes, last: Object.keys(userLikes)[0] } });
  for (const [month, c] of stats) docs.push({ path: `channels/${CH}/stats/${month}`, data: { channel: CH, month, c, cause: 'post-000' } });
  return { docs, idea: idea.id };
}

/** Billed reads of a query: the documents it returns, and at least one. */
const billed = (snap) => Math.max(1, snap.size);

async function measure(host) {
  const now = Date.now();
  const { docs, idea } = benchDocuments(now);
  await loadFirestoreRules(host, PROJECT, path.join(ROOT, 'firestore.rules'));
  await fetch(`http://${host}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`, { method: 'DELETE' });
  await writeDocuments(host, PROJECT, docs);

  const app = initializeApp({ projectId: PROJECT, apiKey: 'bench' }, `bench-${now}`);
  const db = getFirestore(app);
  const [hostname, port] = host.split(':');
  connectFirestoreEmulator(db, hostname, Number(port), { mockUserToken: { sub: VIEWER, user_id: VIEWER } });
  const rows = [];
  try {
    // A feed page: 20 posts (+1 to know whether there are more) and the viewer's likes, one document.
    const page = await getDocs(query(collection(db, `channels/${CH}/posts`), orderBy('createdAt', 'desc'), limit(21)));
    const mine = await getDoc(doc(db, `userLikes/${VIEWER}`));
    const liked = page.docs.slice(0, 20).filter((d) => mine.data().t[`post:${CH}:${d.id}`]).length;
    rows.push({ action: `feed page of 20 posts with like state (${liked} liked)`, reads: billed(page) + 1, target: 22 });

    // Opening an idea: the idea, its history and its comments.
    const opened = await getDoc(doc(db, `channels/${CH}/posts/${idea}`));
    const history = await getDocs(query(collection(db, `channels/${CH}/posts/${idea}/history`), orderBy('at')));
    const comments = await getDocs(query(collection(db, `channels/${CH}/posts/${idea}/comments`), orderBy('createdAt'), limit(50)));
    rows.push({ action: `opening an idea (${history.size} history entries, ${comments.size} comments)`, reads: (opened.exists() ? 1 : 1) + billed(history) + billed(comments) });

    // Insights for the 12 months up to now: one range query on the stat documents' ids.
    const to = monthKey(now);
    const fromDate = new Date(now);
    fromDate.setUTCDate(1);
    fromDate.setUTCMonth(fromDate.getUTCMonth() - 11);
    const from = monthKey(fromDate.getTime());
    const insights = await getDocs(query(collection(db, `channels/${CH}/stats`), where(documentId(), '>=', from), where(documentId(), '<=', to)));
    rows.push({ action: `insights, 12 months (${from} … ${to}), ${insights.size} stat documents`, reads: billed(insights), target: 12 });

    // A like, as the store writes it: one batch, accepted by firestore.rules.
    const target = page.docs.find((d) => !d.data().likers[VIEWER]);
    const p = target.data();
    const key = `post:${CH}:${target.id}`;
    // Counted as the batch is built, so the figure is what was committed.
    const batch = writeBatch(db);
    let writes = 0;
    const counted = (b) => ({
      update: (...a) => (writes++, b.update(...a)),
      set: (...a) => (writes++, b.set(...a)),
    });
    const like = counted(batch);
    like.update(target.ref, { likeCount: increment(1), [`likers.${VIEWER}`]: serverTimestamp() });
    like.set(doc(db, `userLikes/${VIEWER}`), { t: { [key]: true }, last: key }, { merge: true });
    like.set(doc(db, `channels/${CH}/stats/${p.month}`), { channel: CH, month: p.month, cause: target.id, c: { [p.category]: { likes: increment(1) } } }, { merge: true });
    const likeWrites = writes;
    like.set(doc(db, `users/${p.author}/notifications/liked:${CH}:${target.id}:${VIEWER}`), {
      type: 'liked', actor: VIEWER, channel: CH, post: target.id, createdAt: serverTimestamp(), read: false,
    });
    await batch.commit();
    rows.push({ action: 'a like of a post (post + userLikes + stat, one batch)', writes: likeWrites, target: 3 });
    rows.push({ action: "  + the author's notification, in the same batch", writes: writes - likeWrites });
    const unlike = writeBatch(db);
    unlike.update(target.ref, { likeCount: increment(-1), [`likers.${VIEWER}`]: deleteField() });
    unlike.set(doc(db, `userLikes/${VIEWER}`), { t: { [key]: deleteField() }, last: key }, { merge: true });
    unlike.set(doc(db, `channels/${CH}/stats/${p.month}`), { channel: CH, month: p.month, cause: target.id, c: { [p.category]: { likes: increment(-1) } } }, { merge: true });
    await unlike.commit();
    rows.push({ action: 'an unlike (post + userLikes + stat)', writes: 3 });
  } finally {
    await terminate(db);
    await deleteApp(app);
  }
  return rows;
}

/** Minified, gzipped size of an entry bundled with esbuild (Lit left out: the page has it already). */
async function gzipSize(contents, resolveDir) {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external: ['lit', 'lit/*', '@lit/*'],
    logLevel: 'silent',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
  });
  return gzipSync(out.outputFiles[0].contents, { level: 9 }).length;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  let emulator;
  let host = process.env.LENIG_TEST_FIRESTORE_HOST;
  if (!host) {
    if (!findFirestoreEmulator()) {
      console.error(FIRESTORE_EMULATOR_HINT);
      process.exit(process.env.CI === 'true' ? 1 : 0);
    }
    emulator = await startFirestoreEmulator({ port: 0 });
    host = emulator.host;
  }
  let failed = false;
  try {
    const rows = await measure(host);
    console.log('Cloud Firestore, per action (emulator, firestore.rules):');
    for (const r of rows) {
      const n = r.reads ?? r.writes;
      const unit = r.reads !== undefined ? 'reads' : 'writes';
      const ok = r.target === undefined || n <= r.target;
      if (!ok) failed = true;
      console.log(`  ${r.action.padEnd(66)} ${String(n).padStart(3)} ${unit}${r.target !== undefined ? `  (target ≤ ${r.target}${ok ? '' : ' — MISSED'})` : ''}`);
    }
  } finally {
    await emulator?.stop();
  }

  // What a page downloads for its store: the Realtime Database store as built today, and the Firestore
  // SDK with the functions the Firestore layout uses (app, auth and firestore), each minified and gzipped.
  const rtdbStore = await gzipSize(`export * from './src/firebase/index.ts';`, ROOT);
  const rtdbSdk = await gzipSize(
    `export { initializeApp } from 'firebase/app'; export { getAuth, onAuthStateChanged, signInAnonymously, signInWithEmailAndPassword, signOut } from 'firebase/auth';
     export { getDatabase, ref, onValue, update, get, query, orderByChild, limitToLast, startAt, endBefore, serverTimestamp, increment } from 'firebase/database';`,
    ROOT,
  );
  const firestoreSdk = await gzipSize(
    `export { initializeApp } from 'firebase/app'; export { getAuth, onAuthStateChanged, signInAnonymously, signInWithEmailAndPassword, signOut } from 'firebase/auth';
     export { getFirestore, connectFirestoreEmulator, doc, collection, collectionGroup, query, where, orderBy, limit, startAfter, endBefore, documentId,
       onSnapshot, getDoc, getDocs, writeBatch, serverTimestamp, increment, deleteField, Timestamp } from 'firebase/firestore';`,
    ROOT,
  );
  console.log('\nChunk sizes (esbuild --minify, gzip -9, Lit excluded):');
  console.log(`  Realtime Database store chunk (src/firebase, SDK included)          ${kb(rtdbStore)}`);
  console.log(`  Realtime Database SDK: app + auth + database functions used          ${kb(rtdbSdk)}`);
  console.log(`  Cloud Firestore SDK: app + auth + firestore functions the layout uses ${kb(firestoreSdk)}  (${(firestoreSdk / rtdbSdk).toFixed(2)}× the Realtime Database SDK)`);
  if (failed) process.exit(1);
}

await main();
