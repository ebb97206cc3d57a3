/**
 * The demo as a visitor meets it: `npm start` (scripts/start.mjs) on free ports, the intranet page opened
 * in Chromium. It must sign in through the Auth emulator as the switcher says, show the seeded company
 * feed, like the page itself through the security rules, follow the language toggle — and log no console
 * error on the way. Expected values come from the seed (scripts/seed-data.mjs) and the page itself, not
 * from copies written here.
 *
 * LENIG_DEMO_URL=http://127.0.0.1:8080/ runs it against a demo that is already up (a fresh `npm start`:
 * one test adds a like, so a second run against the same backend counts one more than the seed).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumOptions } from '../../scripts/browser.mjs';
import { buildSeed, encodeKey, SEED_USERS } from '../../scripts/seed-data.mjs';
import { composerMessages } from '../../src/i18n/messages/composer.js';
import composerNl from '../../src/i18n/messages/nl/composer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The emulator starts in ≈9 s on a quiet machine; a loaded CI runner may need much longer. */
const START_TIMEOUT_MS = 120_000;
const WAIT_MS = 30_000;

const seed = buildSeed(Date.now()).data;
const manager = SEED_USERS[0]!;

let server: ChildProcess | undefined;
let serverOutput = '';
let base = '';
let browser: Browser | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForDemo(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null || server?.signalCode !== null) {
      throw new Error(`npm start exited before the demo was up:\n${serverOutput}`);
    }
    try {
      const res = await fetch(new URL('demo-config.js', url), { signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      if (res.ok && body.includes('LENIG_DEMO')) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the demo did not answer on ${url} within ${START_TIMEOUT_MS / 1000} s:\n${serverOutput}`);
}

before(async () => {
  if (process.env.LENIG_DEMO_URL) {
    base = new URL(process.env.LENIG_DEMO_URL).href;
  } else {
    await startDemo();
  }
  browser = await chromium.launch(chromiumOptions());
});

async function startDemo(): Promise<void> {
  const [db, auth, demo] = [await freePort(), await freePort(), await freePort()];
  server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, LENIG_DB_PORT: String(db), LENIG_AUTH_PORT: String(auth), LENIG_DEMO_PORT: String(demo) },
    // Its own process group, so the emulator it starts goes down with it even if it does not clean up.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    serverOutput = (serverOutput + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  base = `http://127.0.0.1:${demo}/`;
  await waitForDemo(base);
}

after(async () => {
  await browser?.close();
  const child = server;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Ctrl-C, as a person stops it; then make sure nothing of the group is left.
  process.kill(-child.pid, 'SIGINT');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
});

interface Visit {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and failed requests, as they happen. */
  errors: string[];
}

/** A fresh visitor (own session storage and auth state) on one demo page. */
async function visit(path = '', query = ''): Promise<Visit> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(new URL(path + query, base).href);
  return { context, page, errors };
}

async function finish(v: Visit): Promise<void> {
  // Give late subscriptions a moment to fail loudly before the page is judged.
  await v.page.waitForTimeout(300);
  await v.context.close();
  assert.deepEqual(v.errors, [], 'the page logged errors');
}

async function greetingContains(page: Page, text: string): Promise<void> {
  try {
    await page.waitForFunction(
      (t) => document.querySelector('[data-greeting]')?.textContent?.includes(t) ?? false,
      text,
      { timeout: WAIT_MS },
    );
  } catch {
    // Say what the visitor sees instead: the greeting and the switcher's failure message, if any.
    const seen = await page.evaluate(() => ({
      greeting: document.querySelector('[data-greeting]')?.textContent,
      failure: document.querySelector('#account-error:not([hidden])')?.textContent,
      problem: document.querySelector('#demo-problem:not([hidden])')?.textContent,
    }));
    assert.fail(`expected the greeting to name ${text}; the page shows ${JSON.stringify(seen)}`);
  }
}

const firstName = (name: string) => name.split(' ')[0]!;

async function choose(page: Page, value: string): Promise<void> {
  await page.locator('#signed-in-as').selectOption(value);
}

/** What the like button for this page should count: the seeded likes of its canonical address. */
async function seededPageLikes(page: Page): Promise<{ key: string; count: number; likers: string[] }> {
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  assert.ok(canonical, 'the page names its canonical address');
  const key = encodeKey(canonical);
  return { key, count: Number(seed.likeCounts[key] ?? 0), likers: Object.keys(seed.likes[key] ?? {}) };
}

test('signs in as the first colleague by default and offers every colleague plus "signed out"', async () => {
  const v = await visit();
  await greetingContains(v.page, firstName(manager.name));
  const options = await v.page.locator('#signed-in-as option').allTextContents();
  assert.equal(options.length, SEED_USERS.length + 1);
  for (const user of SEED_USERS) assert.ok(options.some((o) => o.includes(user.name)), `${user.name} is offered`);
  assert.equal(await v.page.locator('#signed-in-as').inputValue(), manager.uid);
  // Signed in, the composer offers its text field instead of the sign-in invitation.
  await v.page.locator('lenig-composer textarea').waitFor({ timeout: WAIT_MS });
  await finish(v);
});

test('the company feed shows the seeded posts, newest first', async () => {
  const v = await visit();
  const company = Object.values(seed.posts.company as Record<string, { text: string; createdAt: number; hidden?: boolean }>)
    .filter((p) => !p.hidden)
    .sort((a, b) => b.createdAt - a.createdAt);
  const feed = v.page.locator('lenig-feed[channel="company"]');
  const cards = feed.locator('lenig-post-card');
  await cards.first().waitFor({ timeout: WAIT_MS });
  await v.page.waitForFunction(() => document.querySelector('lenig-feed[channel="company"]')?.shadowRoot?.querySelector('[role="feed"][aria-busy="false"]'), null, { timeout: WAIT_MS });
  const pageSize = Number(await feed.getAttribute('page-size'));
  assert.equal(await cards.count(), Math.min(pageSize, company.length));
  const firstWords = company[0]!.text.slice(0, 40);
  const shown = await cards.first().locator('[part~="body"]').innerText();
  assert.ok(shown.includes(firstWords), `the newest post ("${firstWords}…") comes first, not "${shown.slice(0, 60)}…"`);
  // The team channel in the sidebar is its own feed.
  await v.page.locator('lenig-feed[channel="team-sales"] lenig-post-card').first().waitFor({ timeout: WAIT_MS });
  await finish(v);
});

test("the page's like button counts the page's likes and saves a new one", async () => {
  const v = await visit();
  const { count, likers } = await seededPageLikes(v.page);
  const button = v.page.locator('article lenig-like-button [part~="button"]');
  const shownCount = v.page.locator('article lenig-like-button [part~="count"]');
  await greetingContains(v.page, firstName(manager.name));
  await v.page.waitForFunction(
    (n) => document.querySelector('article lenig-like-button')?.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() === String(n),
    count,
    { timeout: WAIT_MS },
  ).catch(async () => assert.fail(`expected ${count} likes, the button shows "${await shownCount.textContent()}"`));

  // Someone who has not liked the page yet likes it: through the rules, into the database.
  const newcomer = SEED_USERS.find((u) => !likers.includes(u.uid));
  assert.ok(newcomer, 'the seed leaves someone who has not liked the page');
  await choose(v.page, newcomer.uid);
  await greetingContains(v.page, firstName(newcomer.name));
  await v.page.waitForFunction(
    () => document.querySelector('article lenig-like-button')?.shadowRoot?.querySelector('[part~="button"]')?.getAttribute('aria-pressed') === 'false',
    null,
    { timeout: WAIT_MS },
  );
  // Listen before clicking: `lenig-liked` says the database accepted the like.
  const saved = v.page.locator('article lenig-like-button').evaluate(
    (el, ms) =>
      new Promise<number>((resolve, reject) => {
        el.addEventListener('lenig-liked', (e) => resolve((e as CustomEvent<{ count: number }>).detail.count), { once: true });
        el.addEventListener('lenig-error', () => reject(new Error('lenig-error while liking')), { once: true });
        setTimeout(() => reject(new Error('the like was not saved in time')), ms);
      }),
    WAIT_MS,
  );
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  assert.equal(await saved, count + 1);
  assert.equal((await shownCount.textContent())?.trim(), String(count + 1));
  await finish(v);

  // A new visitor sees the stored like.
  const again = await visit();
  await again.page.waitForFunction(
    (n) => document.querySelector('article lenig-like-button')?.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() === String(n),
    count + 1,
    { timeout: WAIT_MS },
  );
  await finish(again);
});

test('switching to another colleague and to "signed out" changes who the widgets see', async () => {
  const v = await visit();
  await greetingContains(v.page, firstName(manager.name));
  const other = SEED_USERS[1]!;
  await choose(v.page, other.uid);
  await greetingContains(v.page, firstName(other.name));
  assert.equal(await v.page.locator('[data-viewer-initials]').first().isVisible(), true);

  await choose(v.page, 'signed-out');
  await v.page.waitForFunction(() => !document.documentElement.hasAttribute('data-signed-in'), null, { timeout: WAIT_MS });
  // Signed out, the composer invites to sign in instead of offering its text field.
  await v.page.locator('lenig-composer [part~="sign-in"]').waitFor({ timeout: WAIT_MS });
  assert.equal(await v.page.locator('lenig-composer textarea').count(), 0);

  // The choice lasts for the tab: after a reload the visitor is still signed out.
  await v.page.reload();
  await v.page.locator('lenig-composer [part~="sign-in"]').waitFor({ timeout: WAIT_MS });
  assert.equal(await v.page.locator('#signed-in-as').inputValue(), 'signed-out');
  await finish(v);
});

test('the language toggle switches the page and the widgets without a reload', async () => {
  const v = await visit();
  const submit = v.page.locator('lenig-composer [part~="submit"]');
  await submit.waitFor({ timeout: WAIT_MS });
  assert.equal((await submit.textContent())?.trim(), composerNl.post);
  await v.page.locator('[data-set-lang="en"]').click();
  assert.equal(await v.page.locator('html').getAttribute('lang'), 'en');
  await v.page.waitForFunction(
    (label) => document.querySelector('lenig-composer')?.shadowRoot?.querySelector('[part~="submit"]')?.textContent?.trim() === label,
    composerMessages.en.post,
    { timeout: WAIT_MS },
  );
  assert.equal(await v.page.locator('[data-set-lang="en"]').getAttribute('aria-pressed'), 'true');
  assert.match((await v.page.locator('[data-greeting]').textContent()) ?? '', /^Welcome/);
  await finish(v);
});

test('the dark-mode toggle sets the colour scheme the widgets follow', async () => {
  const v = await visit('', '?scheme=light');
  const scheme = () => v.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  assert.equal(await scheme(), 'light');
  const toggle = v.page.locator('[data-toggle-scheme]');
  await toggle.click();
  assert.equal(await scheme(), 'dark');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  // The feed's surface follows through the theme's light-dark() tokens.
  await v.page.locator('lenig-feed[channel="company"] lenig-post-card').first().waitFor({ timeout: WAIT_MS });
  const cardBackground = await v.page.evaluate(() => {
    const card = document.querySelector('lenig-feed[channel="company"]')?.shadowRoot?.querySelector('lenig-post-card');
    const article = card?.shadowRoot?.querySelector('article') ?? card;
    return article ? getComputedStyle(article).backgroundColor : '';
  });
  const [r, g, b] = (cardBackground.match(/\d+/g) ?? []).map(Number);
  assert.ok(r! + g! + b! < 3 * 96, `a post card is dark in dark mode (got ${cardBackground})`);
  await finish(v);
});

test('the WordPress page shows the same widgets, signed in, with its own like target', async () => {
  const v = await visit('wordpress.html');
  await greetingContains(v.page, firstName(manager.name));
  await v.page.locator('lenig-feed[channel="company"] lenig-post-card').first().waitFor({ timeout: WAIT_MS });
  await v.page.locator('lenig-feed[channel="team-sales"] lenig-post-card').first().waitFor({ timeout: WAIT_MS });
  const { count } = await seededPageLikes(v.page);
  await v.page.waitForFunction(
    (n) => document.querySelector('article lenig-like-button')?.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() === String(n),
    count,
    { timeout: WAIT_MS },
  );
  await finish(v);
});

test("the bell counts the manager's unread notifications from the seed", async () => {
  const v = await visit();
  await greetingContains(v.page, firstName(manager.name));
  const unread = Object.values(seed.notifications[manager.uid] as Record<string, { read: boolean }>).filter((n) => !n.read).length;
  assert.ok(unread > 0, 'the seed leaves the manager something unread');
  const badge = v.page.locator('lenig-notifications [part~="badge"]');
  await badge.waitFor({ timeout: WAIT_MS });
  await v.page.waitForFunction(
    (n) => document.querySelector('lenig-notifications')?.shadowRoot?.querySelector('[part~="badge"]')?.textContent?.trim() === String(n),
    unread,
    { timeout: WAIT_MS },
  ).catch(async () => assert.fail(`expected ${unread} unread, the badge shows "${await badge.textContent()}"`));
  await finish(v);
});

test('the ideas page shows every seeded company idea; the insights page draws its charts', async () => {
  const ideas = await visit('ideas.html');
  const titles = Object.values(seed.posts.company as Record<string, { category: string; title?: string; mergedInto?: string; hidden?: boolean }>)
    .filter((p) => p.category === 'idea' && !p.mergedInto && !p.hidden)
    .map((p) => p.title!);
  assert.ok(titles.length > 0);
  const board = ideas.page.locator('lenig-idea-board');
  // The cards' titles, read through the board's shadow trees (locators pierce them).
  const cardTitles = board.locator('[part~="card-title"]');
  await cardTitles.first().waitFor({ timeout: WAIT_MS });
  const deadline = Date.now() + WAIT_MS;
  let shown: string[] = [];
  do {
    shown = (await cardTitles.allInnerTexts()).map((t) => t.trim());
    if (titles.every((t) => shown.includes(t))) break;
    await ideas.page.waitForTimeout(200);
  } while (Date.now() < deadline);
  assert.deepEqual([...shown].sort(), [...titles].sort(), 'the board shows exactly the seeded ideas');
  assert.equal(await board.count(), 1);
  await finish(ideas);

  const insights = await visit('insights.html');
  const charts = await insights.page.locator('lenig-insights').all();
  assert.ok(charts.length > 0);
  for (const chart of charts) {
    // At least one bar with a height: the seeded stats reached the chart.
    const bars = chart.locator('svg rect[data-category]');
    await bars.first().waitFor({ state: 'attached', timeout: WAIT_MS });
    const deadline = Date.now() + WAIT_MS;
    let tallest = 0;
    do {
      tallest = Math.max(0, ...(await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))))));
      if (tallest > 0) break;
      await insights.page.waitForTimeout(200);
    } while (Date.now() < deadline);
    assert.ok(tallest > 0, 'the chart draws the seeded posts and likes');
  }
  await finish(insights);
});

test('both pages have the landmarks and the skip link', async () => {
  for (const path of ['', 'wordpress.html']) {
    const v = await visit(path);
    for (const selector of ['body > header', 'nav', 'main#main', 'aside', 'body > footer']) {
      assert.equal(await v.page.locator(selector).count() > 0, true, `${path || 'index'} has ${selector}`);
    }
    const skip = v.page.locator('a.skip-link');
    assert.equal(await skip.getAttribute('href'), '#main');
    await v.page.keyboard.press('Tab');
    assert.equal(await v.page.evaluate(() => document.activeElement?.classList.contains('skip-link')), true, 'Tab reaches the skip link first');
    await finish(v);
  }
});
