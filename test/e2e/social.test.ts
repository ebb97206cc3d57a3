/**
 * Colleagues using the feed at the same time, each in a browser of their own, against the local backend
 * under the real security rules: a post reaches the other's feed live, a like reaches the author's count,
 * an edit and a delete reach the reader, and a post the database refuses stays in the writer's composer.
 *
 * Run: node --import tsx --test test/e2e/social.test.ts
 * Screenshots (docs/screenshots/e2e-*.png): LENIG_E2E_SCREENSHOTS=1 node --import tsx --test test/e2e/social.test.ts
 *
 * Every test works in a channel of its own, made by the admin; the people are the seeded colleagues.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { encodeKey } from '../../scripts/seed-data.mjs';
import { postTarget } from '../../src/data/types.js';
import { categoryNames } from '../../src/i18n/messages/categories.js';
import { composerMessages } from '../../src/i18n/messages/composer.js';
import { feedMessages } from '../../src/i18n/messages/feed.js';
import { likeButtonMessages } from '../../src/i18n/messages/like-button.js';
import { postCardMessages } from '../../src/i18n/messages/post-card.js';
import { leave, PEOPLE, shot, StaleView, startE2E, until, visit, WAIT_MS, type Channel, type E2E, type Visit } from './helpers.js';

const composer = composerMessages.en;
const feed = feedMessages.en;
const card = postCardMessages.en;
const like = likeButtonMessages.en;

const A = PEOPLE.marieke;
const B = PEOPLE.joost;

let env: E2E;

before(async () => {
  env = await startE2E();
});

after(async () => {
  await env?.close();
});

/** The text field of the composer for `channel`, found as a screen reader user finds it: by its label. */
const textField = (page: Page, channel: Channel) => page.getByRole('combobox', { name: composer.label(channel.name), exact: true });

/** The post in the page's feed whose text contains `text`. */
const postWith = (page: Page, text: string) => page.locator('lenig-feed').getByRole('article').filter({ hasText: text });

const likeName = (count: number) =>
  like.likeWithCount(count === 0 ? like.noLikes : (count === 1 ? like.countOne : like.countOther).replace('{n}', String(count)));

/** Types `text` into the composer and posts it with Ctrl+Enter; resolves once the form has emptied (accepted). */
async function post(v: Visit, channel: Channel, text: string): Promise<void> {
  const field = textField(v.page, channel);
  await field.click({ timeout: WAIT_MS });
  await v.page.keyboard.type(text);
  await v.page.keyboard.press('Control+Enter');
  await until(() => field.inputValue(), (value) => value === '', `${v.user.name}'s composer empties once the post is accepted`);
}

/** A visit whose feed has loaded (its empty state or its first post is on screen). */
async function feedLoaded(v: Visit, empty: boolean): Promise<void> {
  const loaded = empty ? v.page.getByText(feed.empty, { exact: true }) : v.page.locator('lenig-feed').getByRole('article').first();
  await loaded.waitFor({ timeout: WAIT_MS });
}

/** Marks the page, so a test can tell afterwards that it was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark === 1);

test("A's new post appears live in B's feed, behind the \"1 new post\" button", async () => {
  const channel = await env.newChannel('live');
  const a = await visit(env, A, channel.id, ['composer', 'feed']);
  const b = await visit(env, B, channel.id, ['feed']);
  // B has read the channel (empty so far): whatever arrives now is news to B.
  await feedLoaded(b, true);
  await markPage(b.page);

  const text = `Lunch lecture on grid batteries moved to Thursday`;
  await post(a, channel, text);
  // A's own feed shows it at once; B's holds it back behind the button, so B's reading is not disturbed.
  await postWith(a.page, text).waitFor({ timeout: WAIT_MS });
  const newPosts = b.page.getByRole('button', { name: feed.newPostsOne.replace('{n}', '1'), exact: true });
  await newPosts.waitFor({ timeout: WAIT_MS });
  assert.equal(await postWith(b.page, text).count(), 0, 'the new post waits behind the button until B asks for it');
  await shot(b.page.locator('lenig-feed'), 'new-post-waiting');

  await newPosts.click();
  const shown = postWith(b.page, text);
  await shown.waitFor({ timeout: WAIT_MS });
  assert.match(await shown.locator('[part~="author"]').innerText(), new RegExp(A.name));
  assert.equal(await newPosts.count(), 0, 'the button is gone once the post is shown');
  assert.ok(await stillSamePage(b.page), 'B never reloaded');
  await leave(a);
  await leave(b);
});

test("B's like reaches A's like count without a reload", async () => {
  const channel = await env.newChannel('like');
  const a = await visit(env, A, channel.id, ['composer', 'feed']);
  const text = `Who else saw the northern lights over the Eemshaven last night?`;
  await post(a, channel, text);
  const b = await visit(env, B, channel.id, ['feed']);
  await feedLoaded(b, false);

  const aLike = postWith(a.page, text).getByRole('button', { name: /^Like, / });
  await until(() => aLike.getAttribute('aria-label'), (name) => name === likeName(0), "A's like button starts at no likes");
  assert.equal(await aLike.getAttribute('aria-pressed'), 'false');
  await markPage(a.page);

  // Found by role; its name carries the count, which the click changes.
  const bLike = postWith(b.page, text).getByRole('button', { name: /^Like, / });
  assert.equal(await bLike.getAttribute('aria-label'), likeName(0));
  await bLike.click();
  assert.equal(await bLike.getAttribute('aria-pressed'), 'true', "B's button shows B's like at once");

  // A sees the count move from 0 to 1 in the accessible name and on screen, and is not the liker.
  await postWith(a.page, text).getByRole('button', { name: likeName(1), exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal((await postWith(a.page, text).locator('[part~="like-count"]').innerText()).trim(), '1');
  assert.equal(await aLike.getAttribute('aria-pressed'), 'false', 'the like is B\'s, not A\'s');
  assert.ok(await stillSamePage(a.page), 'A never reloaded');
  await shot(postWith(a.page, text), 'like-reached-author');

  // And it is stored: the post's count and B's like, through the rules.
  const stored = (await env.stored(`posts/${channel.id}`)) as Record<string, { likeCount: number; text: string }>;
  const [id, saved] = Object.entries(stored).find(([, p]) => p.text === text)!;
  assert.equal(saved.likeCount, 1);
  assert.equal(typeof (await env.stored(`likes/${encodeKey(postTarget(channel.id, id))}/${B.uid}`)), 'number', "B's like is stored");
  await leave(a);
  await leave(b);
});

test('A edits the post and B sees the new text, marked edited; A deletes it and it leaves B\'s feed', async () => {
  const channel = await env.newChannel('edit');
  const a = await visit(env, A, channel.id, ['composer', 'feed']);
  const before = `Parking garage closed on Friday for maintenance`;
  const edited = `Parking garage open as usual: the maintenance moved to next month`;
  await post(a, channel, before);
  const b = await visit(env, B, channel.id, ['feed']);
  await postWith(b.page, before).waitFor({ timeout: WAIT_MS });
  await markPage(b.page);
  assert.equal(await postWith(b.page, before).getByText(card.edited, { exact: true }).count(), 0, 'not marked edited before the edit');

  const mine = postWith(a.page, before);
  await mine.getByRole('button', { name: card.edit, exact: true }).click();
  const editor = a.page.getByRole('textbox', { name: card.editLabel, exact: true });
  await editor.press('Control+A');
  await editor.pressSequentially(edited);
  await a.page.getByRole('button', { name: card.save, exact: true }).click();

  const seen = postWith(b.page, edited);
  await seen.waitFor({ timeout: WAIT_MS });
  await seen.getByText(card.edited, { exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal(await postWith(b.page, before).count(), 0, 'the old text is gone from B\'s feed');
  assert.equal(await b.page.locator('lenig-feed').getByRole('article').count(), 1, 'still one post, not a second');
  await shot(seen, 'edited-seen-by-reader');

  const afterEdit = postWith(a.page, edited);
  await afterEdit.getByRole('button', { name: card.remove, exact: true }).click();
  await afterEdit.getByRole('button', { name: card.removeConfirm, exact: true }).click();

  await until(() => postWith(b.page, edited).count(), (n) => n === 0, "the deleted post leaves B's feed");
  await b.page.getByText(feed.empty, { exact: true }).waitFor({ timeout: WAIT_MS });
  assert.ok(await stillSamePage(b.page), 'B never reloaded');
  assert.equal(await env.stored(`posts/${channel.id}`), null, 'the post is gone from the database');
  await leave(a);
  await leave(b);
});

test('a post the rules refuse keeps its text in the composer, with the reason', async () => {
  const channel = await env.newChannel('refused', ['news', 'idea']);
  // A's connection is slow to bring news about the channel: A keeps seeing the categories it had.
  const stale = new StaleView([`channels/${channel.id}`]);
  const a = await visit(env, A, channel.id, ['composer', 'feed'], (page) => stale.install(page));
  const category = a.page.getByRole('combobox', { name: composer.category, exact: true });
  await category.waitFor({ timeout: WAIT_MS });
  await feedLoaded(a, true);

  // The admin retires the idea category. The database has it at once; A's page has not heard yet.
  stale.hold();
  await env.setCategories(channel.id, ['news']);
  assert.deepEqual(await env.stored(`channels/${channel.id}/categories`), { news: 0 });
  await until(() => Promise.resolve(stale.held), (n) => n > 0, "the database tells A's page about the change (held back)");

  // A still finds "Improvement idea" in the list, writes an idea and posts it.
  await category.selectOption({ label: categoryNames.en.idea });
  const title = 'Charging points for e-bikes at every site';
  const text = `Most of us cycle in; a charger at each entrance would help`;
  await a.page.getByRole('textbox', { name: composer.ideaTitle, exact: true }).fill(title);
  await textField(a.page, channel).click();
  await a.page.keyboard.type(text);
  await a.page.keyboard.press('Control+Enter');

  // The rules refuse it (the channel has no idea category any more): A reads why, and nothing is lost.
  const reason = a.page.locator('lenig-composer').getByRole('alert');
  await until(() => reason.innerText(), (t) => t.trim() === composer.permissionDenied(channel.name), 'the composer names the refusal');
  assert.equal(await textField(a.page, channel).inputValue(), text, 'the text is still in the composer');
  assert.equal(await a.page.getByRole('textbox', { name: composer.ideaTitle, exact: true }).inputValue(), title, 'so is the title');
  assert.equal(await a.page.getByRole('button', { name: composer.post, exact: true }).isEnabled(), true, 'A can try again');
  await shot(a.page.locator('lenig-composer'), 'refused-post-kept');

  // Nothing reached the database, and A's own feed does not pretend otherwise.
  assert.equal(await env.stored(`posts/${channel.id}`), null);
  assert.equal(await env.stored(`stats/${channel.id}`), null);
  await until(() => postWith(a.page, text).count(), (n) => n === 0, "the refused post is not left in A's feed");
  stale.release();
  await leave(a);
});
