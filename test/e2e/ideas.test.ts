/**
 * An idea's way through the board with three colleagues in browsers of their own, against the local
 * backend under the real security rules: A submits it, B votes, admin C plans it with a note — A's bell
 * brings the note, the board shows it planned, and the insights count the post and the vote once each.
 *
 * Run: node --import tsx --test test/e2e/ideas.test.ts
 * Screenshots (docs/screenshots/e2e-*.png): LENIG_E2E_SCREENSHOTS=1 node --import tsx --test test/e2e/ideas.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { postTarget, type IdeaStatus } from '../../src/data/types.js';
import { ideaBoardMessages } from '../../src/i18n/messages/idea-board.js';
import { ideaCardMessages } from '../../src/i18n/messages/idea-card.js';
import { insightsMessages } from '../../src/i18n/messages/insights.js';
import { likeButtonMessages } from '../../src/i18n/messages/like-button.js';
import { notificationsMessages } from '../../src/i18n/messages/notifications.js';
import { leave, PEOPLE, shot, startE2E, until, visit, WAIT_MS, type E2E } from './helpers.js';

const board = ideaBoardMessages.en;
const status = ideaCardMessages.en.status;
const like = likeButtonMessages.en;
const insights = insightsMessages.en;
const bell = notificationsMessages.en;

const A = PEOPLE.marieke;
const B = PEOPLE.joost;
const C = PEOPLE.thomas; // the seed's admin

let env: E2E;

before(async () => {
  env = await startE2E();
});

after(async () => {
  await env?.close();
});

/**
 * A status column of the board, found by its heading ("Planned, 1 idea"; Chromium reads a space before
 * the comma, as the count is a visually hidden element of its own), optionally with `count` ideas.
 */
const column = (page: Page, s: IdeaStatus, count?: number) => {
  const ideas = count === undefined ? '' : `${board[count === 1 ? 'ideasOne' : 'ideasOther'].replace('{n}', String(count))}$`;
  return page.locator('lenig-idea-board').getByRole('region', { name: new RegExp(`^${status(s)}, ${ideas}`) });
};

/** The card of the idea titled `title` on the page's board. */
const cardOf = (page: Page, title: string) => page.locator('lenig-idea-card').filter({ has: page.getByRole('button', { name: title, exact: true }) });

interface Counts {
  ideaPosts: number;
  ideaLikes: number;
  allPosts: number;
  allLikes: number;
}

/** The insights table's totals row, as the reader sees it: improvement ideas, and every category together. */
async function readTotals(page: Page): Promise<Counts> {
  const total = page.locator('lenig-insights tfoot tr');
  const cell = async (category: string, measure: 'posts' | 'likes') => {
    const text = await total.locator(`td[data-category="${category}"][data-measure="${measure}"]`).innerText({ timeout: 1000 });
    const n = Number(text.trim().replace(/[^\d]/g, ''));
    if (text.trim() === '' || Number.isNaN(n)) throw new Error(`the ${category} ${measure} cell reads "${text}"`);
    return n;
  };
  return {
    ideaPosts: await cell('idea', 'posts'),
    ideaLikes: await cell('idea', 'likes'),
    allPosts: await cell('*', 'posts'),
    allLikes: await cell('*', 'likes'),
  };
}

const same = (a: Counts, b: Counts) => JSON.stringify(a) === JSON.stringify(b);

test('an idea is submitted, voted for and planned: notification with the note, Planned column, insights +1', async () => {
  const channel = await env.newChannel('ideas');
  // Something on the board already, so the insights have a table to read before anything happens: an
  // earlier idea by Emily with Sanne's vote, made through the store and the rules.
  const emily = await env.storeAs(PEOPLE.emily);
  const earlier = await emily.createPost({
    channel: channel.id,
    category: 'idea',
    title: 'Standing desks in the control room',
    text: 'Eight-hour shifts at a desk are long; a few standing desks would help.',
  });
  await (await env.storeAs(PEOPLE.sanne)).like(postTarget(channel.id, earlier));

  const c = await visit(env, C, channel.id, ['ideas', 'insights']);
  const a = await visit(env, A, channel.id, ['ideas', 'notifications']);
  const b = await visit(env, B, channel.id, ['ideas']);

  // C reads the insights as a table: every number, no chart to decode.
  await c.page.getByRole('button', { name: insights.showTable, exact: true }).click();
  const start = await until(() => readTotals(c.page), (n) => n.ideaPosts === 1 && n.ideaLikes === 1, 'the insights count the earlier idea and its vote');

  // A shares an idea on the board.
  const title = 'Shared electric cars for site visits';
  const description = 'Engineers drive their own cars to substations; a few shared EVs would save costs and emissions.';
  const titleField = a.page.getByRole('textbox', { name: board.titleLabel, exact: true });
  await titleField.click();
  await a.page.keyboard.type(title);
  await a.page.getByRole('textbox', { name: board.descriptionLabel, exact: true }).click();
  await a.page.keyboard.type(description);
  await a.page.getByRole('button', { name: board.submit, exact: true }).click();
  await until(() => titleField.inputValue(), (v) => v === '', "A's form empties once the idea is accepted");
  await column(a.page, 'new').getByRole('button', { name: title, exact: true }).waitFor({ timeout: WAIT_MS });

  // The insights count one more idea post and nothing else.
  const submitted = { ...start, ideaPosts: start.ideaPosts + 1, allPosts: start.allPosts + 1 };
  await until(() => readTotals(c.page), (n) => same(n, submitted), `the insights move to ${JSON.stringify(submitted)}`);

  // B votes for it.
  const vote = cardOf(b.page, title).getByRole('button', { name: /^Like, / });
  await until(() => vote.getAttribute('aria-label'), (name) => name === like.likeWithCount(like.noLikes), "B sees A's new idea without votes");
  await vote.click();
  assert.equal(await vote.getAttribute('aria-pressed'), 'true');
  const voted = { ...submitted, ideaLikes: submitted.ideaLikes + 1, allLikes: submitted.allLikes + 1 };
  await until(() => readTotals(c.page), (n) => same(n, voted), `the insights move to ${JSON.stringify(voted)}`);
  await shot(c.page.locator('lenig-insights'), 'ideas-insights-table');

  // Admin C opens the idea and moves it to Planned with a note for the author and the voters.
  const note = 'Approved for the 2027 budget: four shared EVs, first at the Groningen and Zwolle sites.';
  await cardOf(c.page, title).getByRole('button', { name: title, exact: true }).click();
  const dialog = c.page.getByRole('dialog', { name: board.detailLabel(title), exact: true });
  await dialog.waitFor({ timeout: WAIT_MS });
  await dialog.getByRole('combobox', { name: board.moveTo, exact: true }).selectOption({ label: status('planned') });
  await dialog.getByRole('textbox', { name: board.noteLabel, exact: true }).fill(note);
  await dialog.getByRole('button', { name: board.moveSubmit(status('planned')), exact: true }).click();
  await dialog.getByText(note, { exact: true }).first().waitFor({ timeout: WAIT_MS });
  await dialog.getByRole('button', { name: board.close, exact: true }).click();

  // A's bell brings it: who, which status, and the note.
  const bellButton = a.page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await bellButton.waitFor({ timeout: WAIT_MS });
  await bellButton.click();
  // (The seed left A other notifications, some about other ideas; this one carries the note.)
  const item = a.page
    .locator('lenig-notifications')
    .getByRole('button')
    .filter({ hasText: bell.ideaStatus(C.name, status('planned')) })
    .filter({ hasText: note });
  await item.waitFor({ timeout: WAIT_MS });
  assert.equal(await item.count(), 1, 'one notification of the move');
  assert.equal((await item.locator('q').innerText()).replace(/^[“"]|[”"]$/g, ''), note, 'the note is quoted in full');
  assert.match((await item.getAttribute('part')) ?? '', /\bunread\b/, 'and it is new to A');
  await shot(a.page.locator('lenig-notifications [part~="panel"]'), 'ideas-notification-note');

  // Every board shows it in the Planned column, with B's one vote; the New column no longer has it.
  for (const v of [a, b, c]) {
    // The column is named by its heading: "Planned, 1 idea"; the visible count says 1.
    const planned = column(v.page, 'planned', 1);
    await planned.getByRole('button', { name: title, exact: true }).waitFor({ timeout: WAIT_MS });
    assert.equal(await planned.locator('lenig-idea-card').count(), 1, `${v.user.name}: one idea in Planned`);
    assert.equal((await planned.locator('[part~="column-header"] .count').innerText()).trim(), '1');
    const votes = cardOf(v.page, title).getByRole('button', { name: /^Like, / });
    assert.equal(await votes.getAttribute('aria-label'), like.likeWithCount(like.countOne.replace('{n}', '1')), `${v.user.name}: one vote`);
    assert.equal(await column(v.page, 'new').getByRole('button', { name: title, exact: true }).count(), 0);
  }
  await shot(column(b.page, 'planned'), 'ideas-planned-column');
  // Planning is not a post or a like: the insights did not move again.
  assert.deepEqual(await readTotals(c.page), voted);

  await leave(a);
  await leave(b);
  await leave(c);
});
