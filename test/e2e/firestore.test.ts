/**
 * The widgets on Cloud Firestore, in Chromium: a page with `<lenig-config database="firestore">` against
 * Google's Firestore emulator under firestore.rules (users signed in through the Auth emulator). Two
 * colleagues, each in a browser of their own: A posts, B sees it live and likes it, A sees the count move,
 * B comments and A sees the comment — and the document holds what the screens show.
 *
 * Run: npm test -- e2e/firestore   (skipped, with one line in the summary, where there is no emulator)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedAuthUsers, startBackend, type Backend } from '../../scripts/backend.mjs';
import { chromiumOptions } from '../../scripts/browser.mjs';
import { clearFirestore, fromValue, loadFirestoreRules, writeDocuments } from '../../scripts/firestore-emulator.mjs';
import { firestoreDocuments } from '../../scripts/seed-firestore.mjs';
import { buildSeed, SEED_USERS } from '../../scripts/seed-data.mjs';
import { createDemoServer } from '../../scripts/start.mjs';
import { commentsMessages } from '../../src/i18n/messages/comments.js';
import { composerMessages } from '../../src/i18n/messages/composer.js';
import { likeButtonMessages } from '../../src/i18n/messages/like-button.js';
import { postCardMessages } from '../../src/i18n/messages/post-card.js';
import { firestoreEmulator } from '../firestore/helpers.js';
import { leave, PEOPLE, shot, until, visit, WAIT_MS, type E2E, type Visit } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const composer = composerMessages.en;
const comments = commentsMessages.en;
const card = postCardMessages.en;
const like = likeButtonMessages.en;
const A = PEOPLE.marieke;
const B = PEOPLE.joost;
/** Its own project in the emulator: rules and data of other test files never meet these. */
const PROJECT = 'demo-lenig-e2e-firestore';

const emulator = await firestoreEmulator();
const skip = 'skip' in emulator ? emulator.skip : false;

let env: (Pick<E2E, 'browser' | 'base'> & { close(): Promise<void> }) | undefined;

before(async () => {
  if ('skip' in emulator) return;
  const closers: (() => Promise<unknown>)[] = [() => emulator.stop()];
  const close = async () => {
    for (const fn of closers.splice(0).reverse()) await fn().catch(() => {});
  };
  try {
    // The Auth emulator: the one `npm test` runs, or one of this file's own.
    const sharedAuth = process.env.LENIG_TEST_AUTH_URL;
    const backend: Backend = await startBackend({ dbPort: 0, authPort: 0, seed: false, auth: !sharedAuth, quiet: true });
    closers.push(() => backend.stop());
    const authURL = sharedAuth ?? backend.authURL!;
    await seedAuthUsers(authURL, SEED_USERS, backend.projectId);
    // The demo data laid out for Firestore (channels, profiles, the admin), under the project's rules.
    await clearFirestore(emulator.host, PROJECT);
    await loadFirestoreRules(emulator.host, PROJECT);
    await writeDocuments(emulator.host, PROJECT, firestoreDocuments(buildSeed().data));

    const pages = await createDemoServer({
      demoDir: path.join(ROOT, 'test', 'e2e', 'pages'),
      entry: path.join(ROOT, 'src', 'index.ts'),
      config: {
        database: 'firestore',
        firestoreHost: emulator.host,
        authEmulatorURL: authURL,
        projectId: PROJECT,
        apiKey: 'demo-lenig-key',
        users: SEED_USERS.map(({ uid, email, password, name }) => ({ uid, email, password, name })),
      },
    });
    closers.push(() => pages.close());
    await new Promise<void>((resolve, reject) => {
      pages.server.once('error', reject);
      pages.server.listen(0, '127.0.0.1', () => resolve());
    });
    const base = `http://127.0.0.1:${(pages.server.address() as AddressInfo).port}/`;
    const browser: Browser = await chromium.launch(chromiumOptions());
    closers.push(() => browser.close());
    env = { browser, base, close };
  } catch (e) {
    await close();
    throw e;
  }
});

after(async () => {
  await env?.close();
});

const postWith = (page: Page, text: string) => page.locator('lenig-feed').getByRole('article').filter({ hasText: text });
const likeName = (count: number) =>
  like.likeWithCount(count === 0 ? like.noLikes : (count === 1 ? like.countOne : like.countOther).replace('{n}', String(count)));

test('on Cloud Firestore: A posts, B sees it live and likes it, B comments, A sees both', { skip }, async () => {
  const e = env as unknown as E2E;
  // A channel of the seed, made empty for this test: a new one, written past the rules as an admin would.
  const channel = { id: `e2e-fs-${Date.now().toString(36)}`, name: 'E2E Firestore' };
  await writeDocuments((emulator as { host: string }).host, PROJECT, [
    { path: `channels/${channel.id}`, data: { name: channel.name, categories: { news: 0, idea: 1, question: 2, personal: 3, praise: 4 } } },
  ]);
  const a: Visit = await visit(e, A, channel.id, ['composer', 'feed']);
  const b: Visit = await visit(e, B, channel.id, ['feed']);
  // The page chose Firestore: its store is the Firestore one.
  const onFirestore = await a.page.evaluate(async () => {
    const { whenStore } = (await import('/lenig.js' as string)) as { whenStore(): Promise<{ connection?: { firestore?: unknown } }> };
    return Boolean((await whenStore()).connection?.firestore);
  });
  assert.ok(onFirestore, "the page's store is the Cloud Firestore one");

  const text = 'Firestore lunch: the canteen serves stamppot on Wednesday';
  const field = a.page.getByRole('combobox', { name: composer.label(channel.name), exact: true });
  await field.click({ timeout: WAIT_MS });
  await a.page.keyboard.type(text);
  await a.page.keyboard.press('Control+Enter');
  await until(() => field.inputValue(), (v) => v === '', "A's composer empties once the post is accepted");
  await postWith(a.page, text).waitFor({ timeout: WAIT_MS });

  // B's feed was empty and loaded: the post waits behind "1 new post", or is there if it came first.
  const newPosts = b.page.getByRole('button', { name: /^1 new post$/ });
  await Promise.race([newPosts.waitFor({ timeout: WAIT_MS }), postWith(b.page, text).waitFor({ timeout: WAIT_MS })]);
  if (await newPosts.count()) await newPosts.click();
  await postWith(b.page, text).waitFor({ timeout: WAIT_MS });

  const bLike = postWith(b.page, text).getByRole('button', { name: /^Like, / });
  await until(() => bLike.getAttribute('aria-label'), (n) => n === likeName(0), "B's like button starts at no likes");
  await bLike.click();
  await postWith(a.page, text).getByRole('button', { name: likeName(1), exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal(await postWith(a.page, text).getByRole('button', { name: likeName(1), exact: true }).getAttribute('aria-pressed'), 'false', "the like is B's");

  await postWith(b.page, text).getByRole('button', { name: card.commentNone, exact: true }).click();
  const reply = postWith(b.page, text).getByRole('textbox', { name: comments.replyLabel, exact: true });
  await reply.click({ timeout: WAIT_MS });
  await b.page.keyboard.type('Eet smakelijk!');
  await postWith(b.page, text).getByRole('button', { name: comments.send, exact: true }).click();
  await until(() => reply.inputValue(), (v) => v === '', "B's comment is accepted");

  // A sees the comment count, opens the comments and reads B's comment.
  const aComments = postWith(a.page, text).getByRole('button', { name: card.commentsOne.replace('{n}', '1'), exact: true });
  await aComments.waitFor({ timeout: WAIT_MS });
  await aComments.click();
  await postWith(a.page, text).getByText('Eet smakelijk!', { exact: true }).waitFor({ timeout: WAIT_MS });
  await shot(a.page, 'firestore-post-like-comment');

  // Stored as the screens say, through the rules: the post with B's like in its likers and one comment.
  const host = (emulator as { host: string }).host;
  const res = await fetch(`http://${host}/v1/projects/${PROJECT}/databases/(default)/documents/channels/${channel.id}/posts`, {
    headers: { authorization: 'Bearer owner' },
  });
  const listed = ((await res.json()) as { documents?: { name: string; fields: Record<string, unknown> }[] }).documents ?? [];
  assert.equal(listed.length, 1);
  const stored = fromValue({ mapValue: { fields: listed[0]!.fields } }) as { text: string; author: string; likeCount: number; likers: object; commentCount: number };
  assert.equal(stored.text, text);
  assert.equal(stored.author, A.uid);
  assert.equal(stored.likeCount, 1);
  assert.deepEqual(Object.keys(stored.likers), [B.uid]);
  assert.equal(stored.commentCount, 1);
  await leave(a);
  await leave(b);
});
