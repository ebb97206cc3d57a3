import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/insights/insights.js';
import type { LenigInsightsElement } from '../../src/components/insights/insights.js';
import { addMonths, buildGrid, monthRange, mostLiked, niceTicks } from '../../src/components/insights/insights-model.js';
import { MemoryBackend, type MemoryStore, type SeedPost } from '../../src/memory/memory-store.js';
import { StoreError, type LenigStore } from '../../src/data/store.js';
import { monthKey, type MonthKey } from '../../src/data/types.js';

const USERS = [
  { uid: 'anna', name: 'Anna de Vries' },
  { uid: 'bram', name: 'Bram Jansen' },
];
const CHANNELS = [
  { id: 'general', name: 'General', categories: ['news', 'idea', 'question', 'personal', 'praise'] },
  { id: 'team', name: 'Team Noord', categories: ['news', 'personal'] },
];

const THIS_MONTH = monthKey(new Date());
/** A date in the month `ago` months back, on `day` (UTC noon, well inside the month). */
function inMonth(ago: number, day = 10): Date {
  const [y, m] = addMonths(THIS_MONTH, -ago).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, day, 12));
}
const crowd = (n: number) => Array.from({ length: n }, (_, i) => `fan-${i}`);

/** `count` posts of one category in one month, each liked by `likes` people. */
function posts(count: number, category: string, ago: number, likes: number, channel = 'general'): SeedPost[] {
  return Array.from({ length: count }, (_, i) => ({
    channel,
    author: 'anna',
    text: `${category} ${i}`,
    category,
    createdAt: inMonth(ago, 1 + i),
    likers: crowd(likes),
  }));
}

/**
 * Three months across categories, chosen so that the three possible "most liked" rules disagree:
 * news has the most likes (30) and posts, personal the most likes per post among categories with
 * enough posts (6.0), praise the most per post of all (10, but on one post).
 */
function threeMonths(): SeedPost[] {
  return [
    ...posts(4, 'news', 2, 3), // 4 posts, 12 likes
    ...posts(2, 'personal', 2, 6), // 2 posts, 12 likes
    ...posts(3, 'news', 1, 2), // 3 posts, 6 likes
    ...posts(1, 'question', 1, 1), // 1 post, 1 like
    ...posts(3, 'news', 0, 4), // 3 posts, 12 likes
    ...posts(2, 'personal', 0, 6), // 2 posts, 12 likes
    ...posts(1, 'praise', 0, 10), // 1 post, 10 likes
  ];
}

function setup(options: { seed?: SeedPost[]; latency?: number } = {}): { backend: MemoryBackend; store: MemoryStore } {
  const backend = new MemoryBackend({ users: USERS, channels: CHANNELS, seed: { posts: options.seed ?? threeMonths() } });
  return { backend, store: backend.session('anna', { latency: options.latency ?? 0 }) };
}

async function mount(
  store: LenigStore,
  attrs: { channel?: string; months?: string; lang?: string } = {},
): Promise<LenigInsightsElement> {
  // The element is the fixture's root: a plain wrapper would make the fixture wait for an animation
  // frame, which a background test page (two run at once) does not get.
  return fixture<LenigInsightsElement>(html`<lenig-insights
    lang=${attrs.lang ?? 'en'}
    style="width: 720px"
    .store=${store}
    channel=${attrs.channel ?? 'general'}
    months=${attrs.months ?? '3'}
  ></lenig-insights>`);
}

const root = (el: LenigInsightsElement) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: LenigInsightsElement, sel: string) => root(el).querySelector<T>(sel);

async function ready(el: LenigInsightsElement): Promise<void> {
  await waitUntil(() => q(el, '[part~="chart"], [part~="table"], .notice'), 'the insights never finished loading');
  await el.updateComplete;
}

async function showTable(el: LenigInsightsElement): Promise<void> {
  const toggle = q<HTMLButtonElement>(el, '[part~="toggle"]')!;
  expect(toggle.textContent.trim()).to.equal('Show as table');
  toggle.click();
  await el.updateComplete;
  expect(q(el, 'table'), 'the table did not appear').to.exist;
}

/**
 * The table as a screen reader reads it: every data cell keyed by the text of the headers it names
 * (`headers` attribute) — "row header|column group|column" → the number shown.
 */
function readTable(el: LenigInsightsElement): Map<string, string> {
  const table = q<HTMLTableElement>(el, 'table')!;
  const out = new Map<string, string>();
  for (const td of table.querySelectorAll('td[headers]')) {
    const key = td
      .getAttribute('headers')!
      .split(' ')
      .map((id) => root(el).getElementById(id)!.textContent.trim())
      .join('|');
    out.set(key, td.textContent.trim());
  }
  return out;
}

const monthName = (month: MonthKey, lang = 'en') => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
};
const M0 = monthName(THIS_MONTH);
const M1 = monthName(addMonths(THIS_MONTH, -1));
const M2 = monthName(addMonths(THIS_MONTH, -2));

function rowHeaders(el: LenigInsightsElement): string[] {
  return [...q(el, 'table')!.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent.trim());
}

/** Counts every call the element makes on the store, by method name. */
function counting(store: MemoryStore): { store: LenigStore; calls: Map<string, unknown[][]> } {
  const calls = new Map<string, unknown[][]>();
  const proxy = new Proxy(store, {
    get(target, prop, _receiver) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(prop, [...(calls.get(prop) ?? []), args]);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

describe('<lenig-insights>', () => {
  it('names a channel that does not exist instead of showing no figures', async () => {
    const { store } = setup();
    store.failNext('subscribeStats', new StoreError('not-found', 'No channel nope.'));
    const el = await mount(store, { channel: 'nope' });
    await waitUntil(() => root(el).textContent?.includes('does not exist'), `saw: ${root(el).textContent}`);
    expect(root(el).textContent).to.contain('The channel “nope” does not exist. Let the intranet team know.');
  });

  it('shows the exact posts and likes per category per month in the table', async () => {
    const { store } = setup();
    const el = await mount(store);
    await ready(el);
    await showTable(el);
    expect(rowHeaders(el)).to.deep.equal([M2, M1, M0]);
    const cells = readTable(el);
    const expected: [string, string, string, string][] = [
      [M2, 'Business news', 'Posts', '4'],
      [M2, 'Business news', 'Likes', '12'],
      [M2, 'Personal updates', 'Posts', '2'],
      [M2, 'Personal updates', 'Likes', '12'],
      [M2, 'Questions', 'Posts', '0'],
      [M1, 'Business news', 'Posts', '3'],
      [M1, 'Business news', 'Likes', '6'],
      [M1, 'Questions', 'Posts', '1'],
      [M1, 'Questions', 'Likes', '1'],
      [M1, 'Praise', 'Likes', '0'],
      [M0, 'Business news', 'Likes', '12'],
      [M0, 'Personal updates', 'Likes', '12'],
      [M0, 'Praise', 'Posts', '1'],
      [M0, 'Praise', 'Likes', '10'],
      [M0, 'All categories', 'Posts', '6'],
      [M0, 'All categories', 'Likes', '34'],
      ['Total', 'Business news', 'Posts', '10'],
      ['Total', 'Business news', 'Likes', '30'],
      ['Total', 'Personal updates', 'Likes', '24'],
      ['Total', 'All categories', 'Posts', '16'],
      ['Total', 'All categories', 'Likes', '65'],
    ];
    for (const [month, category, measure, value] of expected) {
      expect(cells.get(`${month}|${category}|${measure}`), `${month} / ${category} / ${measure}`).to.equal(value);
    }
    // Only categories that had posts get columns; idea had none.
    const groups = [...q(el, 'table')!.querySelectorAll('th[scope="colgroup"]')].map((th) => th.textContent.trim());
    expect(groups).to.deep.equal(['Business news', 'Questions', 'Personal updates', 'Praise', 'All categories']);
    expect(q(el, 'caption')!.textContent.trim()).to.match(/^Posts and likes per category, /);
    await expect(el).to.be.accessible();
  });

  it('names the category with the most likes per post (at least 3 posts), in words', async () => {
    const { store } = setup({
      seed: [...threeMonths(), ...posts(1, 'personal', 1, 6)], // personal: 5 posts, 30 likes — 6 per post
    });
    const el = await mount(store);
    await ready(el);
    const callout = q(el, '[part~="callout"]')!;
    // News has as many likes (30) but on 10 posts; praise has 10 per post but on one post.
    expect(callout.querySelector('strong')!.textContent.trim()).to.equal(
      'Most liked: Personal updates — 30 likes on 5 posts (6 per post)',
    );
    expect(callout.textContent).to.contain('Ranked by likes per post, among categories with at least 3 posts');
    await expect(el).to.be.accessible();
  });

  it('draws an accessible grouped bar chart: one bar per month and category, each with a title', async () => {
    const { store } = setup();
    const el = await mount(store);
    await ready(el);
    const svg = q<SVGSVGElement>(el, 'svg[part~="chart"]')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const title = root(el).getElementById(svg.getAttribute('aria-labelledby')!)!;
    expect(title.tagName.toLowerCase()).to.equal('title');
    expect(title.textContent).to.match(/^Likes per category, /);
    const summary = root(el).getElementById(svg.getAttribute('aria-describedby')!)!.textContent;
    expect(summary).to.contain('Business news, Questions, Personal updates, Praise');
    expect(summary).to.contain(`Highest: Business news in ${M2}, 12 likes.`);
    const bars = svg.querySelectorAll('rect');
    expect(bars.length).to.equal(3 * 4);
    const praiseNow = svg.querySelector(`rect[data-month="${THIS_MONTH}"][data-category="praise"]`)!;
    expect(praiseNow.querySelector('title')!.textContent).to.equal(`Praise, ${M0}: 10 likes`);
    // Taller bar for more likes: praise (10) this month is shorter than news (12).
    const newsNow = svg.querySelector(`rect[data-month="${THIS_MONTH}"][data-category="news"]`)!;
    expect(Number(praiseNow.getAttribute('height'))).to.be.lessThan(Number(newsNow.getAttribute('height')));
    expect(Number(praiseNow.getAttribute('height'))).to.be.greaterThan(0);
    const legend = [...q(el, '[part~="legend"]')!.querySelectorAll('li')].map((li) => li.textContent.trim());
    expect(legend).to.deep.equal(['Business news', 'Questions', 'Personal updates', 'Praise']);

    // The measure switch redraws the bars as posts.
    const postsRadio = [...root(el).querySelectorAll<HTMLInputElement>('input[name="measure"]')].find((r) => r.value === 'posts')!;
    postsRadio.click();
    await el.updateComplete;
    expect(svg.querySelector(`rect[data-month="${THIS_MONTH}"][data-category="praise"] title`)!.textContent).to.equal(`Praise, ${M0}: 1 post`);
    await expect(el).to.be.accessible();
  });

  it('changes the months shown with the period picker, by keyboard', async () => {
    const { store } = setup({ seed: [...threeMonths(), ...posts(2, 'idea', 7, 1)] });
    const el = await mount(store);
    await ready(el);
    await showTable(el);
    expect(rowHeaders(el)).to.have.length(3);
    expect(readTable(el).has(`${M0}|Improvement ideas|Posts`), 'ideas from 7 months ago are outside 3 months').to.equal(false);

    const select = q<HTMLSelectElement>(el, 'select[part~="period"]')!;
    expect(root(el).querySelector(`label[for="${select.id}"]`)!.textContent.trim()).to.equal('Period');
    expect([...select.options].map((o) => o.textContent.trim())).to.deep.equal(['Last 3 months', 'Last 6 months', 'Last 12 months']);
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => q(el, 'table') && rowHeaders(el).length === 12, 'the table did not grow to 12 months');
    const rows = rowHeaders(el);
    expect(rows[0]).to.equal(monthName(addMonths(THIS_MONTH, -11)));
    expect(rows[11]).to.equal(M0);
    const cells = readTable(el);
    expect(cells.get(`${monthName(addMonths(THIS_MONTH, -7))}|Improvement ideas|Posts`)).to.equal('2');
    expect(cells.get('Total|Improvement ideas|Posts')).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('moves exactly the right cell by one when a colleague posts or likes, live', async () => {
    const seed = threeMonths();
    const { backend, store } = setup({ seed });
    const el = await mount(store);
    await ready(el);
    await showTable(el);
    let before = readTable(el);

    // Bram posts a question now: this month's question posts go 0 → 1, nothing else moves.
    await backend.session('bram').createPost({ channel: 'general', text: 'Who has the key to room 4?', category: 'question' });
    await waitUntil(() => readTable(el).get(`${M0}|Questions|Posts`) === '1', 'the new post did not arrive');
    let after = readTable(el);
    const changed = (a: Map<string, string>, b: Map<string, string>) =>
      [...b].filter(([k, v]) => a.get(k) !== v).map(([k, v]) => `${k}: ${a.get(k) ?? '–'} → ${v}`);
    expect(changed(before, after)).to.deep.equal([
      `${M0}|Questions|Posts: 0 → 1`,
      `${M0}|All categories|Posts: 6 → 7`,
      'Total|Questions|Posts: 1 → 2',
      'Total|All categories|Posts: 16 → 17',
    ]);

    // Bram likes one of the news posts of two months ago: that month's news likes 12 → 13.
    const oldNews = backend.addPost({ channel: 'general', author: 'anna', text: 'old', category: 'news', createdAt: inMonth(2, 20) });
    await waitUntil(() => readTable(el).get(`${M2}|Business news|Posts`) === '5');
    before = readTable(el);
    await backend.session('bram').like(`post:general:${oldNews.id}`);
    await waitUntil(() => readTable(el).get(`${M2}|Business news|Likes`) === '13', 'the like did not arrive');
    after = readTable(el);
    expect(changed(before, after)).to.deep.equal([
      `${M2}|Business news|Likes: 12 → 13`,
      `${M2}|All categories|Likes: 24 → 25`,
      'Total|Business news|Likes: 30 → 31',
      'Total|All categories|Likes: 65 → 66',
    ]);
  });

  it('needs one stats subscription for 12 months of a channel with 10,000 posts, and reads no posts', async () => {
    // 10,000 posts over 12 months: the element must not care how many there are.
    const many: SeedPost[] = Array.from({ length: 10_000 }, (_, i) => ({
      channel: 'general',
      author: 'anna',
      text: 'p',
      category: ['news', 'idea', 'question', 'personal', 'praise'][i % 5]!,
      createdAt: inMonth(i % 12, 1 + (i % 27)),
    }));
    const { store: memory } = setup({ seed: many });
    const { store, calls } = counting(memory);
    const el = await mount(store, { months: '12' });
    await ready(el);
    await showTable(el);
    expect(readTable(el).get('Total|All categories|Posts')).to.equal('10,000');

    const stats = calls.get('subscribeStats') ?? [];
    expect(stats, 'stats subscriptions').to.have.length(1);
    expect(stats[0]![0]).to.deep.equal({ channel: 'general', from: addMonths(THIS_MONTH, -11), to: THIS_MONTH });
    // Besides the stats, only the connection flag (local to the SDK, not a database read).
    expect([...calls.keys()].sort()).to.deep.equal(['subscribeConnection', 'subscribeStats']);
    // Switching to the table and back costs nothing more.
    q<HTMLButtonElement>(el, '[part~="toggle"]')!.click();
    await el.updateComplete;
    expect(calls.get('subscribeStats')).to.have.length(1);
  });

  it('counts every channel when channel is absent or "*"', async () => {
    const { store } = setup({ seed: [...threeMonths(), ...posts(3, 'personal', 0, 2, 'team')] });
    const el = await mount(store, { channel: '*' });
    await ready(el);
    await showTable(el);
    const cells = readTable(el);
    expect(cells.get(`${M0}|Personal updates|Posts`)).to.equal('5');
    expect(cells.get(`${M0}|Personal updates|Likes`)).to.equal('18');
  });

  it('shows a loading skeleton, announced, until the stats arrive', async () => {
    const { store } = setup({ latency: 400 });
    const el = await mount(store);
    await el.updateComplete;
    expect(q(el, '[aria-busy="true"]')).to.exist;
    expect(q(el, '[role="status"][part~="status"]')!.textContent.trim()).to.equal('Loading statistics…');
    expect(q<HTMLButtonElement>(el, '[part~="toggle"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await ready(el);
    expect(q(el, '[aria-busy="true"]') === null, 'absent').to.equal(true);
  });

  it('says so when the period has no posts', async () => {
    const { store } = setup({ seed: posts(2, 'news', 8, 1) });
    const el = await mount(store, { months: '6' });
    await ready(el);
    expect(q(el, '.notice')!.textContent).to.contain('No posts in this period');
    expect(q(el, 'svg') === null, 'absent').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reports a failed read with a retry that works, and fires lenig-error', async () => {
    const { store } = setup();
    store.failNext('subscribeStats', new StoreError('permission-denied', 'rules said no'));
    const errors: unknown[] = [];
    const el = await fixture<LenigInsightsElement>(
      html`<lenig-insights .store=${store} channel="general" months="3" @lenig-error=${(e: CustomEvent) => errors.push(e.detail)}></lenig-insights>`,
    );
    await ready(el);
    const alert = q(el, '[role="alert"]')!;
    expect(alert.textContent).to.contain('The statistics could not be loaded.');
    expect(errors).to.have.length(1);
    expect((errors[0] as { operation: string }).operation).to.equal('subscribeStats');
    await expect(el).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitUntil(() => q(el, 'svg[part~="chart"]'), 'retry did not load the chart');
  });

  it('tells the reader when offline that the figures may be out of date', async () => {
    const { store } = setup();
    const el = await mount(store);
    await ready(el);
    expect(q(el, '[part~="offline"]') === null, 'absent').to.equal(true);
    store.setOnline(false);
    await waitUntil(() => q(el, '[part~="offline"]'));
    expect(q(el, '[part~="offline"]')!.textContent).to.equal('You are offline. The figures may be out of date.');
    expect(q(el, '[part~="offline"]')!.closest('[role="status"]')).to.exist;
    expect(q(el, 'svg[part~="chart"]'), 'the last known figures stay').to.exist;
    await expect(el).to.be.accessible();
  });

  it('speaks Dutch: month names, callout, table headers', async () => {
    const { store } = setup({ seed: [...threeMonths(), ...posts(1, 'personal', 1, 6)] });
    const el = await mount(store, { lang: 'nl' });
    await ready(el);
    expect(q(el, '[part~="callout"] strong')!.textContent.trim()).to.equal(
      'Meest geliket: Persoonlijke updates — 30 likes op 5 berichten (6 per bericht)',
    );
    const toggle = q<HTMLButtonElement>(el, '[part~="toggle"]')!;
    expect(toggle.textContent.trim()).to.equal('Als tabel tonen');
    toggle.click();
    await el.updateComplete;
    expect(rowHeaders(el)).to.deep.equal([2, 1, 0].map((ago) => monthName(addMonths(THIS_MONTH, -ago), 'nl')));
    const cells = readTable(el);
    expect(cells.get(`Totaal|Persoonlijke updates|Likes`)).to.equal('30');
    expect(cells.get(`Totaal|Alle categorieën|Berichten`)).to.equal('17');
    await expect(el).to.be.accessible();
  });

  it('warns about a bad months attribute and uses 6', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const { store } = setup();
      const el = await mount(store, { months: 'lots' });
      await ready(el);
      await showTable(el);
      expect(rowHeaders(el)).to.have.length(6);
      expect(warnings.some((w) => w.includes('months="NaN"') || w.includes('months='))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});

describe('insights model', () => {
  it('counts months back across a year boundary', () => {
    expect(addMonths('2026-01', -1)).to.equal('2025-12');
    expect(addMonths('2025-11', 3)).to.equal('2026-02');
    expect(monthRange('2026-02', 4)).to.deep.equal(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('picks round axis steps, whole ones for counts', () => {
    expect(niceTicks(96, 5)).to.deep.equal([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(3, 4)).to.deep.equal([0, 1, 2, 3]);
    expect(niceTicks(0)).to.deep.equal([0, 1]);
    expect(niceTicks(0.9, 4, false)).to.deep.equal([0, 0.5, 1]);
    expect(niceTicks(12.4, 5, false)).to.deep.equal([0, 5, 10, 15]);
  });

  it('ranks by likes per post, falls back to every category when none has 3 posts, and has no winner without likes', () => {
    const months = ['2026-10'];
    const few = buildGrid(
      [
        { month: '2026-10', category: 'news', posts: 2, likes: 4 },
        { month: '2026-10', category: 'praise', posts: 1, likes: 3 },
      ],
      months,
    );
    expect(mostLiked(few)).to.deep.include({ category: 'praise', perPost: 3, qualified: false });
    const tie = buildGrid(
      [
        { month: '2026-10', category: 'news', posts: 4, likes: 8 },
        { month: '2026-10', category: 'personal', posts: 5, likes: 10 },
      ],
      months,
    );
    // Same 2.0 per post: more likes wins.
    expect(mostLiked(tie)?.category).to.equal('personal');
    expect(mostLiked(buildGrid([{ month: '2026-10', category: 'news', posts: 4, likes: 0 }], months))).to.equal(undefined);
  });
});
