/**
 * The administrator's console against the local backend under the real security rules, each person in a
 * browser of their own: a report reaches the admin's inbox live, hiding the post takes it out of the
 * colleagues' feeds and files the report as handled by the admin; a colleague who opens the admin page
 * gets a sentence and no data; and on an empty database two people racing through the first run leave
 * exactly one administrator, whoever is first.
 *
 * Run: node --import tsx --test test/e2e/admin.test.ts
 * Screenshots (docs/screenshots/e2e-admin-*.png): LENIG_E2E_SCREENSHOTS=1 node --import tsx --test test/e2e/admin.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { adminMessages } from '../../src/i18n/messages/admin.js';
import { feedMessages } from '../../src/i18n/messages/feed.js';
import { postCardMessages } from '../../src/i18n/messages/post-card.js';
import { leave, PEOPLE, shot, StaleView, startE2E, until, visit, WAIT_MS, type E2E } from './helpers.js';

const t = adminMessages.en;
const card = postCardMessages.en;
const feed = feedMessages.en;

const A = PEOPLE.marieke;
const B = PEOPLE.joost;
const ADMIN = PEOPLE.thomas;
const OTHER = PEOPLE.sanne;

let env: E2E;

before(async () => {
  env = await startE2E();
});

after(async () => {
  await env?.close();
});

const admin = (page: Page) => page.locator('lenig-admin');
const postWith = (page: Page, text: string) => page.locator('lenig-feed').getByRole('article').filter({ hasText: text });
/** The reports inbox's entry for the reported post (by its text). */
const reportOf = (page: Page, text: string) => admin(page).locator('[part~="report"]').filter({ hasText: text });

/** Every text the database sent the page, for "this page never received X". */
function received(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  return frames;
}

/** Each test's own limit, so one that hangs says so instead of running into the file's. */
const LIMIT = { timeout: 120_000 };

test("A reports B's post: the admin sees it live, hides it, A's and B's feeds lose it, the report is handled by the admin", LIMIT, async () => {
  const channel = await env.newChannel('report');
  const text = 'Everyone on the third floor should be ashamed of the kitchen';
  await (await env.storeAs(B)).createPost({ channel: channel.id, text, category: 'news' });

  const boss = await visit(env, ADMIN, channel.id, ['admin']);
  await admin(boss.page).getByRole('heading', { name: t.handled, exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal(await reportOf(boss.page, text).count(), 0, 'nobody has reported it yet');
  const a = await visit(env, A, channel.id, ['feed']);
  const b = await visit(env, B, channel.id, ['feed']);
  await postWith(a.page, text).waitFor({ timeout: WAIT_MS });
  await postWith(b.page, text).waitFor({ timeout: WAIT_MS });

  // A reports the post from the feed, with a reason.
  const reason = 'Blames a whole floor by name';
  await postWith(a.page, text).getByRole('button', { name: card.report, exact: true }).click();
  await a.page.getByRole('textbox', { name: card.reportLabel, exact: true }).fill(reason);
  await a.page.getByRole('button', { name: card.sendReport, exact: true }).click();
  await postWith(a.page, text).getByText(card.reported, { exact: true }).waitFor({ timeout: WAIT_MS });

  // The admin's open inbox shows it without a reload: the post in context, who reported it, why; the tab counts it.
  const entry = reportOf(boss.page, text);
  await entry.waitFor({ timeout: WAIT_MS });
  assert.match(await entry.innerText(), new RegExp(`Reported by ${A.name}`));
  assert.match(await entry.innerText(), new RegExp(reason));
  assert.match(await entry.locator('blockquote.post').innerText(), new RegExp(B.name), 'the post shows its author');
  await shot(admin(boss.page), 'admin-report-live');

  // The admin hides it.
  await entry.getByRole('button', { name: t.hidePost, exact: true }).click();
  await until(() => reportOf(boss.page, text).count(), (n) => n === 0, 'the report leaves the open reports');
  const handled = admin(boss.page).locator('ul.handled li').filter({ hasText: reason });
  await handled.waitFor({ timeout: WAIT_MS });
  assert.match(await handled.innerText(), new RegExp(`${t.actionHidden} by ${ADMIN.name}, (now|\\d+ seconds? ago)`));
  await shot(admin(boss.page), 'admin-report-handled');

  // Hidden posts leave everyone's feed but the admins' — the reporter's and the author's alike, live.
  await until(() => postWith(a.page, text).count(), (n) => n === 0, "the hidden post leaves A's feed");
  await until(() => postWith(b.page, text).count(), (n) => n === 0, "the hidden post leaves B's feed (the author's too)");
  await a.page.getByText(feed.empty, { exact: true }).waitFor({ timeout: WAIT_MS });

  // What was stored: the post hidden; the report resolved by the admin, with the server's time.
  const posts = (await env.stored(`posts/${channel.id}`)) as Record<string, { text: string; hidden?: boolean }>;
  assert.equal(Object.values(posts).find((p) => p.text === text)?.hidden, true);
  const reports = (await env.stored('reports')) as Record<string, { channel: string; by: string; resolvedBy?: string; resolvedAt?: number; resolution?: string }>;
  const stored = Object.values(reports).find((r) => r.channel === channel.id)!;
  assert.equal(stored.by, A.uid);
  assert.equal(stored.resolvedBy, ADMIN.uid);
  assert.equal(stored.resolution, 'hidden');
  assert.ok(Math.abs(Date.now() - stored.resolvedAt!) < 60_000, 'resolved just now');
  await leave(a);
  await leave(b);
  await leave(boss);
});

test('a colleague who opens the admin page reads why, and the database sends their page no reports', LIMIT, async () => {
  const reasons = Object.values((await env.stored('reports')) as Record<string, { reason: string }>).map((r) => r.reason).filter(Boolean);
  assert.ok(reasons.length > 0, 'the database holds reports to keep from them');
  let frames: string[] = [];
  const v = await visit(env, OTHER, '', ['admin'], (page) => {
    frames = received(page);
    return Promise.resolve();
  });
  await admin(v.page).getByText(t.notAdmin, { exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal(await admin(v.page).getByRole('tablist').count(), 0, 'no console');
  await shot(admin(v.page), 'admin-not-admin');

  // The widget does not ask; if the page asks anyway, the rules refuse it.
  const refused = await v.page.evaluate(async () => {
    const { whenStore } = (await import('/lenig.js' as string)) as typeof import('../../src/index.js');
    const store = await whenStore();
    return new Promise<string>((resolve) => {
      const stop = store.subscribeReports(
        () => resolve('data'),
        (e) => resolve(e.code),
      );
      setTimeout(() => (stop(), resolve('no answer')), 10_000);
    });
  });
  assert.equal(refused, 'permission-denied');
  const leaked = reasons.filter((r) => frames.some((f) => f.includes(r)));
  assert.deepEqual(leaked, [], 'no report reason reached the page');
  await leave(v);
});

/** The first-run form's submit button, by its name. */
const setUpButton = (page: Page) => admin(page).getByRole('button', { name: t.setUpSubmit, exact: true });

/**
 * The first run on an empty database: `first` and `second` both see the set-up panel; `second`'s page
 * does not hear that `first` finished (its news about the admins is held back) and submits too.
 */
async function race(first: typeof A, second: typeof A, channelName: string): Promise<void> {
  await env.wipe();
  const stale = new StaleView(['admins', 'adminCount']);
  const one = await visit(env, first, '', ['admin']);
  const two = await visit(env, second, '', ['admin'], (page) => stale.install(page));
  await setUpButton(one.page).waitFor({ timeout: WAIT_MS });
  await setUpButton(two.page).waitFor({ timeout: WAIT_MS });
  await shot(admin(two.page), 'admin-first-run');

  stale.hold();
  const name = admin(one.page).getByRole('textbox', { name: t.channelName, exact: true });
  await name.fill(channelName);
  await setUpButton(one.page).click();
  await admin(one.page).getByRole('heading', { name: t.title, exact: true }).waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await env.stored('admins'), { [first.uid]: true });

  // The second person's page still offers set-up; they submit and are told, in words, that someone was first.
  await setUpButton(two.page).click();
  const why = admin(two.page).getByRole('alert');
  await until(() => why.innerText(), (s) => s.trim() === t.setUpTaken, `${second.name} reads that someone else set up the intranet`);
  await shot(admin(two.page), 'admin-first-run-taken');
  stale.release();
  await admin(two.page).getByText(t.notAdmin, { exact: true }).waitFor({ timeout: WAIT_MS });

  // One administrator, one channel: the first person's.
  assert.deepEqual(await env.stored('admins'), { [first.uid]: true });
  assert.deepEqual(Object.keys((await env.stored('channels')) as object), [channelName.toLowerCase()]);
  assert.equal(((await env.stored('adminCount')) as { count: number }).count, 1);
  await leave(one);
  await leave(two);
}

// These two run last: they empty the database the tests above work in.
test('first run, A first: A becomes the only administrator; B, a moment later, reads that someone was first', LIMIT, async () => {
  await race(A, B, 'Algemeen');
});

test('first run, B first: B becomes the only administrator; A is told', LIMIT, async () => {
  await race(B, A, 'General');
});

test('first run, both at the same moment: the rules let exactly one of them become administrator', LIMIT, async () => {
  await env.wipe();
  const one = await visit(env, A, '', ['admin']);
  const two = await visit(env, B, '', ['admin']);
  await setUpButton(one.page).waitFor({ timeout: WAIT_MS });
  await setUpButton(two.page).waitFor({ timeout: WAIT_MS });
  // Different channels, so the channel cannot be what stops the second. Both pages read "nobody is
  // admin" before either writes: only the rules' guard on /admins can stop the second write.
  await admin(one.page).getByRole('textbox', { name: t.channelName, exact: true }).fill('Kantine');
  await admin(two.page).getByRole('textbox', { name: t.channelName, exact: true }).fill('Parkeren');
  // A page that hears of the winner before its own click lands swaps the form for a sentence: that click
  // then has nothing to press, which is one of the outcomes, not a failure.
  const clicks = await Promise.allSettled([setUpButton(one.page).click({ timeout: 3000 }), setUpButton(two.page).click({ timeout: 3000 })]);
  assert.ok(clicks.some((c) => c.status === 'fulfilled'), 'at least one of them submitted');
  const admins = await until(() => env.stored('admins'), (v) => v !== null, 'someone becomes administrator');
  const [winner] = Object.keys(admins as object);
  assert.equal(Object.keys(admins as object).length, 1, 'one administrator');
  const [won, lost] = winner === A.uid ? [one, two] : [two, one];
  await admin(won.page).getByRole('heading', { name: t.title, exact: true }).waitFor({ timeout: WAIT_MS });
  // The other reads either sentence, depending on whether their page heard first or their write was refused.
  await until(
    () => admin(lost.page).evaluate((e) => e.shadowRoot!.textContent!.replace(/\s+/g, ' ')),
    (s) => s.includes(t.setUpTaken) || s.includes(t.notAdmin),
    `${lost.user.name} reads that someone else is administrator`,
  );
  assert.deepEqual(await env.stored('admins'), { [winner!]: true });
  assert.equal(((await env.stored('adminCount')) as { count: number }).count, 1);
  assert.deepEqual(Object.keys((await env.stored('channels')) as object), [winner === A.uid ? 'kantine' : 'parkeren'], "only the winner's channel");
  await leave(one);
  await leave(two);
});
