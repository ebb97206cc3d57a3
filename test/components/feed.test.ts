import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/feed/feed.js';
import type { LenigFeedElement } from '../../src/components/feed/feed.js';
import type { LenigPostCardElement } from '../../src/components/post-card/post-card.js';
import type { LenigCommentsElement } from '../../src/components/comments/comments.js';
import { StoreError } from '../../src/data/store.js';
import { MAX_POST_LENGTH, postTarget } from '../../src/data/types.js';
import type { MemoryStore } from '../../src/memory/memory-store.js';
import {
  cardButton,
  cards,
  cardSummary,
  company,
  deepActive,
  feedButton,
  inCard,
  minutesAgo,
  postsShown,
  readComments,
  readOnce,
  readPost,
  threePosts,
  typeInto,
} from './feed-helpers.js';

async function feedFor(store: MemoryStore, attrs: { category?: string; pageSize?: number; noScroll?: boolean; lang?: string } = {}) {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${attrs.lang ?? 'en'} style="width: 640px">
    <lenig-feed
      channel="general"
      category=${attrs.category ?? ''}
      page-size=${attrs.pageSize ?? 20}
      ?no-infinite-scroll=${attrs.noScroll ?? false}
      .store=${store}
    ></lenig-feed>
  </div>`);
  return wrapper.querySelector('lenig-feed')!;
}

const ARCHIVED_LIKE_EN = 'This channel is archived: likes can no longer be added or taken back.';
const ARCHIVED_LIKE_NL = 'Dit kanaal is gearchiveerd: je kunt geen likes meer geven of intrekken.';

function likeButtonOf(card: LenigPostCardElement): HTMLButtonElement {
  return inCard<HTMLButtonElement>(card, '[part~="like-button"]')!;
}

function likeTooltipOf(card: LenigPostCardElement): HTMLElement {
  return inCard(card, '[role="tooltip"]')!;
}

/** The like button's description as assistive technology reads it: the text of what aria-describedby names. */
function likeDescription(card: LenigPostCardElement): string {
  const ids = likeButtonOf(card).getAttribute('aria-describedby') ?? '';
  return ids
    .split(' ')
    .filter(Boolean)
    .map((id) => card.shadowRoot!.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

function feedRegion(feed: LenigFeedElement): HTMLElement | null {
  return feed.shadowRoot!.querySelector('[role="feed"]');
}

function statusText(feed: LenigFeedElement): string {
  return (feed.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** How often each card renders from now on, by post id. */
function countRenders(shown: LenigPostCardElement[]): Map<string, number> {
  return countCalls(shown, 'renderLike');
}

/**
 * How often each card calls its method `name` from now on: `renderLike` runs on every render of a card
 * (also when only its like control renders), `update` on every render of the whole card.
 */
function countCalls(shown: LenigPostCardElement[], name: 'renderLike' | 'update'): Map<string, number> {
  const calls = new Map(shown.map((c) => [c.post!.id, 0]));
  for (const card of shown) {
    const method = (card[name] as (...args: unknown[]) => unknown).bind(card);
    (card as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.set(card.post!.id, calls.get(card.post!.id)! + 1);
      return method(...args);
    };
  }
  return calls;
}

/**
 * The memory store, answering a subscription at once with what an earlier one of the same query
 * received — as the Firebase store does with what its SDK holds — and then as usual.
 */
function holding(store: MemoryStore): MemoryStore {
  const held = new Map<string, unknown>();
  return new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = value as (...a: unknown[]) => unknown;
      if (typeof prop !== 'string' || !prop.startsWith('subscribe')) return fn.bind(target);
      return (...args: unknown[]) => {
        const at = args.findIndex((a) => typeof a === 'function');
        const key = `${prop} ${JSON.stringify(args.slice(0, at))}`;
        const cb = args[at] as (v: unknown) => void;
        if (held.has(key)) cb(held.get(key));
        args[at] = (v: unknown) => (held.set(key, v), cb(v));
        return fn.apply(target, args);
      };
    },
  });
}

describe('<lenig-feed>', () => {
  it('shows posts newest first with author names, job titles and relative times', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const shown = await postsShown(feed, 3);
    await waitUntil(() => cardSummary(shown[0]!).author !== '', 'author names');
    const summaries = shown.map(cardSummary);
    expect(summaries.map((s) => s.author)).to.deep.equal(['Bram Jansen', 'Anna de Vries', 'Carla Smit']);
    expect(summaries.map((s) => s.time)).to.deep.equal(['5 minutes ago', '2 hours ago', '3 days ago']);
    expect(summaries[0]!.text).to.equal('Who has the key of room 2.14?');
    expect(inCard(shown[0]!, '.job')?.textContent).to.equal('Service engineer');
    const time = inCard<HTMLTimeElement>(shown[1]!, 'time')!;
    expect(new Date(time.dateTime).getTime()).to.be.closeTo(minutesAgo(120).getTime(), 5000);
    expect(time.title).to.match(/\d{4}/);
    // Category badges in English.
    expect(shown.map((c) => inCard(c, '[part="category"]')?.textContent)).to.deep.equal(['Question', 'Business news', 'Praise']);
    await expect(feed).to.be.accessible();
  });

  it('follows the ARIA feed pattern: role feed, articles with posinset, setsize and a label', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const shown = await postsShown(feed, 3);
    const region = feedRegion(feed)!;
    expect(region.getAttribute('aria-busy')).to.equal('false');
    expect(region.getAttribute('aria-label')).to.equal('Posts in General');
    const articles = shown.map((c) => inCard(c, 'article')!);
    expect(articles.map((a) => a.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3']);
    // Everything is loaded, so the size is known.
    expect(articles.map((a) => a.getAttribute('aria-setsize'))).to.deep.equal(['3', '3', '3']);
    expect(articles.every((a) => a.tabIndex === 0)).to.equal(true);
    const labelIds = articles[0]!.getAttribute('aria-labelledby')!.split(' ');
    expect(labelIds.map((id) => inCard(shown[0]!, `#${id}`)?.textContent?.trim())).to.deep.equal(['Bram Jansen', '5 minutes ago']);
  });

  it('holds two listeners for the likes and posts of a 20-post page, and reads each distinct author once', async () => {
    const authors = ['anna', 'bram', 'carla'];
    const posts = Array.from({ length: 25 }, (_, i) => ({ author: authors[i % 3]!, text: `Post ${i}`, createdAt: minutesAgo(100 - i), likers: ['bram'] }));
    const store = company(posts).session('anna');
    const open = new Map<string, number>();
    const calls = new Map<string, number>();
    for (const op of ['subscribeFeed', 'subscribeMyLikes', 'subscribeLikes', 'subscribeProfile', 'subscribePost'] as const) {
      const original = (store[op] as (...a: unknown[]) => unknown).bind(store);
      (store as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => {
        calls.set(op, (calls.get(op) ?? 0) + 1);
        open.set(op, (open.get(op) ?? 0) + 1);
        const sub = original(...args) as (() => void) | { unsubscribe: () => void; more: () => Promise<void> };
        const close = () => open.set(op, open.get(op)! - 1);
        if (typeof sub === 'function') return () => (close(), sub());
        return { ...sub, more: sub.more, unsubscribe: () => (close(), sub.unsubscribe()) };
      };
    }
    const feed = await feedFor(store);
    await postsShown(feed, 20);
    await waitUntil(() => cardSummary(cards(feed)[19]!).author !== '', 'names');
    expect(open.get('subscribeFeed')).to.equal(1);
    expect(open.get('subscribeMyLikes')).to.equal(1);
    expect(calls.get('subscribeLikes') ?? 0).to.equal(0);
    expect(calls.get('subscribePost') ?? 0).to.equal(0);
    expect(calls.get('subscribeProfile'), 'one read per distinct author').to.equal(authors.length);
    expect(open.get('subscribeProfile'), 'no profile held open').to.equal(0);
    // Every post still shows its count.
    const label = inCard(cards(feed)[0]!, '[part~="like-button"]')!.getAttribute('aria-label');
    expect(label).to.contain('1');
    feed.remove();
    expect([...open.values()].every((n) => n === 0)).to.equal(true, 'all closed when the feed leaves the page');
  });

  it('is complete when append() returns if the store holds its posts already: cards, names, like buttons', async () => {
    const store = holding(company(threePosts()).session('anna'));
    const first = await feedFor(store);
    const shown = await postsShown(first, 3);
    await waitUntil(() => shown.every((c) => cardSummary(c).author !== ''), 'author names');
    const second = document.createElement('lenig-feed');
    second.channel = 'general';
    second.store = store;
    first.parentElement!.append(second);
    // No await: what a host page measuring the feed right after adding it sees.
    expect(cards(second).map((c) => cardSummary(c).author)).to.deep.equal(['Bram Jansen', 'Anna de Vries', 'Carla Smit']);
    const likes = cards(second).map((c) => inCard(c, '[part~="like-button"]')?.getAttribute('aria-label'));
    expect(likes[1]).to.contain('1');
    second.remove();
  });

  it('shows a skeleton with aria-busy while loading', async () => {
    const backend = company(threePosts());
    const store = backend.session('anna', { latency: 400 });
    const feed = await feedFor(store);
    const region = feedRegion(feed)!;
    expect(region.getAttribute('aria-busy')).to.equal('true');
    expect(feed.shadowRoot!.querySelectorAll('.skeleton').length).to.be.greaterThan(0);
    const announced = [...feed.shadowRoot!.querySelectorAll('[role="status"]')].map((s) => s.textContent.trim());
    expect(announced).to.include('Loading posts…');
    await expect(feed).to.be.accessible();
    await postsShown(feed, 3);
    expect(feed.shadowRoot!.querySelectorAll('.skeleton').length).to.equal(0);
  });

  it('holds another person’s new post behind "1 new post" until asked, then focuses it', async () => {
    const backend = company(threePosts());
    const anna = backend.session('anna');
    const bram = backend.session('bram');
    const feed = await feedFor(anna);
    await postsShown(feed, 3);

    const id = await bram.createPost({ channel: 'general', text: 'Fresh coffee on floor 3', category: 'personal' });
    await waitUntil(() => feedButton(feed, /new post/), 'the new posts button');
    const button = feedButton(feed, /new post/)!;
    expect(button.textContent.trim()).to.equal('1 new post');
    // Not shown yet: the reader's posts stay where they were.
    expect(cards(feed).map((c) => c.post!.id)).to.deep.equal(['p-question', 'p-news', 'p-praise']);
    // The button sits in a live region, so its arrival is announced.
    expect(button.closest('[role="status"]')).to.not.equal(null);
    await expect(feed).to.be.accessible();

    await bram.createPost({ channel: 'general', text: 'And cake', category: 'personal' });
    await waitUntil(() => feedButton(feed, /new posts/)?.textContent?.trim() === '2 new posts', 'plural');

    feedButton(feed, /new posts/)!.click();
    const shown = await postsShown(feed, 5);
    expect(shown[1]!.post!.id).to.equal(id);
    expect(cardSummary(shown[0]!).text).to.equal('And cake');
    expect(feedButton(feed, /new post/)).to.equal(undefined);
    // Focus is on the first new post.
    expect(deepActive()).to.equal(inCard(shown[0]!, 'article'));
    await expect(feed).to.be.accessible();
  });

  it('shows the viewer’s own new post at once', async () => {
    const backend = company(threePosts());
    const anna = backend.session('anna');
    const feed = await feedFor(anna);
    await postsShown(feed, 3);
    await anna.createPost({ channel: 'general', text: 'My own news', category: 'news' });
    const shown = await postsShown(feed, 4);
    expect(cardSummary(shown[0]!).text).to.equal('My own news');
    expect(feedButton(feed, /new post/)).to.equal(undefined);
  });

  it('never pushes loaded posts out when the viewer posts: page size 6, ten posts, three of one’s own', async () => {
    const older = Array.from({ length: 10 }, (_, i) => ({
      id: `p-${String(i).padStart(2, '0')}`,
      author: 'bram',
      text: `Post ${i}`,
      category: 'news',
      createdAt: minutesAgo(100 - i),
    }));
    const backend = company(older);
    const anna = backend.session('anna');
    const feed = await feedFor(anna, { pageSize: 6, noScroll: true });
    const first = (await postsShown(feed, 6)).map((c) => c.post!.id);
    for (const text of ['Mine 1', 'Mine 2', 'Mine 3']) {
      await anna.createPost({ channel: 'general', text, category: 'news' });
    }
    await waitUntil(() => cards(feed).length >= 9, `saw ${cards(feed).length} posts`);
    const ids = cards(feed).map((c) => c.post!.id);
    // Every post the reader had loaded is still there, below her own three.
    for (const id of first) expect(ids).to.include(id);
    expect(cards(feed).slice(0, 3).map((c) => cardSummary(c).text)).to.deep.equal(['Mine 3', 'Mine 2', 'Mine 1']);
  });

  it('shows mentions under the person’s current name; markup naming nobody, or a URL, stays text', async () => {
    const backend = company([
      {
        id: 'p-m',
        author: 'bram',
        text: 'Ask @[The Director](anna) or @[Boss](no-such-user), see @[the guide](https://example.org/guide.html) first',
        category: 'news',
        createdAt: minutesAgo(1),
      },
    ]);
    const feed = await feedFor(backend.session('carla'));
    const [card] = await postsShown(feed, 1);
    await waitUntil(() => inCard(card!, '.mention')?.textContent === '@Anna de Vries', 'the current name');
    const body = inCard(card!, '#body')!;
    expect([...body.querySelectorAll('.mention')].map((m) => m.textContent)).to.deep.equal(['@Anna de Vries']);
    expect(body.textContent).to.contain('@[Boss](no-such-user)');
    expect(body.textContent).not.to.contain('The Director');
    expect(body.querySelector('a')?.getAttribute('href')).to.equal('https://example.org/guide.html');

    // Once the names are there, another render of the feed hands the card nothing new: the row's guard
    // sees the same mentioned profiles and leaves the row alone.
    await aTimeout(50);
    let handed = 0;
    const proto = Object.getPrototypeOf(card) as object;
    const accessor = Object.getOwnPropertyDescriptor(proto, 'mentions') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(proto), 'mentions')!;
    Object.defineProperty(card, 'mentions', {
      configurable: true,
      get() {
        return accessor.get!.call(this);
      },
      set(v: unknown) {
        handed++;
        accessor.set!.call(this, v);
      },
    });
    feed.requestUpdate();
    await feed.updateComplete;
    expect(handed, 'mentions handed to the card again').to.equal(0);
  });

  it('keeps an edit made offline open until the server has answered', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const mine = (await postsShown(feed, 3))[1]!;
    cardButton(mine, /^\s*Edit\s*$/)!.click();
    await mine.updateComplete;
    store.setOnline(false);
    await waitUntil(() => statusText(feed).includes('You are offline'), 'offline banner');
    typeInto(inCard<HTMLTextAreaElement>(mine, 'textarea')!, 'Opens at 7:30.');
    cardButton(mine, /^\s*Save\s*$/)!.click();
    await aTimeout(50);
    await mine.updateComplete;
    // No verdict yet: the box and the text stay, so a refusal would still find them.
    expect(inCard<HTMLTextAreaElement>(mine, 'textarea')?.value).to.equal('Opens at 7:30.');
    store.setOnline(true);
    await waitUntil(() => !inCard(cards(feed)[1]!, 'textarea'), 'the box closes once the server has the edit');
    expect((await readPost(store, 'p-news'))?.text).to.equal('Opens at 7:30.');
  });

  it('invites a signed-out reader to sign in where reading needs it, instead of an error', async () => {
    const backend = company(threePosts());
    const store = backend.session(null);
    store.setFailure('subscribeFeed', new StoreError('unauthenticated', 'Sign in to see this.'));
    const signIn = store.signIn.bind(store);
    store.signIn = async () => {
      store.setFailure('subscribeFeed', null);
      await signIn();
    };
    const feed = await feedFor(store);
    await waitUntil(() => statusText(feed).includes('Sign in to see this.'), `saw: ${statusText(feed)}`);
    expect(feed.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(statusText(feed)).not.to.contain('could not be loaded');
    await expect(feed).to.be.accessible();
    feedButton(feed, /^\s*Sign in\s*$/)!.click();
    await postsShown(feed, 3);
  });

  it('names a channel that does not exist, with the fix for an admin and whom to tell for others', async () => {
    const backend = company(threePosts());
    for (const [uid, sentence] of [
      ['carla', 'The channel “nope” does not exist. Create it here (with the default categories), or correct this widget’s channel attribute.'],
      ['anna', 'The channel “nope” does not exist. Let the intranet team know.'],
    ] as const) {
      const store = backend.session(uid);
      store.failNext('subscribeFeed', new StoreError('not-found', 'No channel nope.'));
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><lenig-feed channel="nope" .store=${store}></lenig-feed></div>`);
      const feed = wrapper.querySelector('lenig-feed')!;
      await waitUntil(() => statusText(feed).includes('does not exist'), `saw: ${statusText(feed)}`);
      expect(statusText(feed)).to.contain(sentence);
      // Only the admin is offered to create it.
      expect(Boolean(feedButton(feed, /Create this channel/)), uid).to.equal(uid === 'carla');
      await expect(feed).to.be.accessible();
    }
  });

  it('lets an admin create a missing channel from the feed, which then shows it', async () => {
    const backend = company(threePosts());
    const store = backend.session('carla');
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><lenig-feed channel="hr-news" .store=${store}></lenig-feed></div>`);
    const feed = wrapper.querySelector('lenig-feed')!;
    await waitUntil(() => feedButton(feed, /Create this channel/), `saw: ${statusText(feed)}`);
    feedButton(feed, /Create this channel/)!.click();
    await waitUntil(() => !statusText(feed).includes('does not exist'), `saw: ${statusText(feed)}`);
    const channel = await new Promise<string[]>((r) => backend.session('anna').subscribeChannel('hr-news', (c) => r(c.categories)));
    expect(channel).to.deep.equal(['news', 'idea', 'question', 'personal', 'praise']);
  });

  it('shows the channel, with no failure, when a colleague creates it while the admin’s Create is on its way', async () => {
    const backend = company(threePosts());
    const store = backend.session('carla', { latency: 150 });
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><lenig-feed channel="hr-news" .store=${store}></lenig-feed></div>`);
    const feed = wrapper.querySelector('lenig-feed')!;
    await waitUntil(() => feedButton(feed, /Create this channel/), `saw: ${statusText(feed)}`, { timeout: 3000 });
    const errors: string[] = [];
    feed.addEventListener('lenig-error', (e) => errors.push(String(e.detail.error.reason ?? e.detail.error.code)));
    feedButton(feed, /Create this channel/)!.click();
    // A colleague's create (an admin session of its own, without latency) lands first; Carla's is refused as taken.
    await backend.session('carla').createChannel({ id: 'hr-news', name: 'HR news' });
    await waitUntil(() => !statusText(feed).includes('does not exist') && !feedButton(feed, /Creat/), `saw: ${statusText(feed)}`, { timeout: 3000 });
    // Carla's refused create answers after its latency: it is no failure either.
    await aTimeout(400);
    expect(errors, 'no failure').to.deep.equal([]);
    expect(statusText(feed)).to.contain('No posts yet');
  });

  it('keeps a page’s inherited text settings (text-align: center, capitals) out of the posts', async () => {
    const store = company(threePosts()).session('anna');
    const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="text-align: center; text-transform: uppercase; letter-spacing: 4px">
      <lenig-feed channel="general" .store=${store}></lenig-feed>
    </div>`);
    const feed = wrapper.querySelector('lenig-feed')!;
    const [card] = await postsShown(feed, 3);
    const body = inCard(card!, '#body')!;
    const style = getComputedStyle(body);
    expect(style.textAlign).to.equal('start');
    expect(style.textTransform).to.equal('none');
    expect(style.letterSpacing).to.equal('normal');
  });

  it('marks the viewer’s post written offline as "Sending…" until the connection is back', async () => {
    const backend = company(threePosts());
    const anna = backend.session('anna');
    const feed = await feedFor(anna);
    await postsShown(feed, 3);
    anna.setOnline(false);
    const written = anna.createPost({ channel: 'general', text: 'Written on the train', category: 'personal' });
    const shown = await postsShown(feed, 4);
    expect(inCard(shown[0]!, '.header')!.textContent).to.contain('Sending…');
    expect(shown[0]!.pending).to.equal(true);
    expect(statusText(feed)).to.contain('You are offline');
    await expect(feed).to.be.accessible();
    anna.setOnline(true);
    await written;
    await waitUntil(() => !cards(feed)[0]!.pending, 'sent');
    expect(inCard(cards(feed)[0]!, '.header')!.textContent).to.not.contain('Sending…');
    expect(statusText(feed)).to.not.contain('You are offline');
  });

  it('edits the viewer’s own post: the store and the view change, focus returns to Edit', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const shown = await postsShown(feed, 3);
    const mine = shown[1]!;
    expect(cardButton(shown[0]!, /^\s*Edit\s*$/)).to.equal(undefined, 'no Edit on someone else’s post');
    cardButton(mine, /^\s*Edit\s*$/)!.click();
    await mine.updateComplete;
    const textarea = inCard<HTMLTextAreaElement>(mine, 'textarea')!;
    expect(textarea.value).to.equal('The canteen opens at 8 tomorrow.');
    expect(deepActive()).to.equal(textarea);
    await expect(feed).to.be.accessible();
    typeInto(textarea, 'The canteen opens at 7:30 tomorrow.');
    const edited = oneEvent(feed, 'lenig-post-edited');
    cardButton(mine, /^\s*Save\s*$/)!.click();
    expect((await edited).detail).to.deep.equal({ channel: 'general', post: 'p-news', text: 'The canteen opens at 7:30 tomorrow.' });
    await waitUntil(() => cardSummary(cards(feed)[1]!).text === 'The canteen opens at 7:30 tomorrow.', 'new text shown');
    const stored = await readPost(store, 'p-news');
    expect(stored?.text).to.equal('The canteen opens at 7:30 tomorrow.');
    expect(stored?.editedAt).to.be.instanceOf(Date);
    await cards(feed)[1]!.updateComplete;
    expect(inCard(cards(feed)[1]!, '.meta')!.textContent).to.contain('edited');
    expect(deepActive()?.textContent?.trim()).to.equal('Edit');
  });

  it('keeps the text and says why when an edit is refused as too long', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const mine = (await postsShown(feed, 3))[1]!;
    cardButton(mine, /^\s*Edit\s*$/)!.click();
    await mine.updateComplete;
    const long = 'x'.repeat(MAX_POST_LENGTH + 1);
    typeInto(inCard<HTMLTextAreaElement>(mine, 'textarea')!, long);
    const failed = oneEvent(feed, 'lenig-error');
    cardButton(mine, /^\s*Save\s*$/)!.click();
    const { detail } = await failed;
    expect(detail.operation).to.equal('editPost');
    expect(detail.error.reason).to.equal('too-long');
    await waitUntil(() => inCard(mine, '[role="alert"]')?.textContent, 'the reason');
    const textarea = inCard<HTMLTextAreaElement>(mine, 'textarea')!;
    expect(textarea.value).to.equal(long);
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(inCard(mine, '[role="alert"]')!.textContent).to.equal('A post can be at most 2,000 characters.');
    expect((await readPost(store, 'p-news'))?.text).to.equal('The canteen opens at 8 tomorrow.');
    await expect(feed).to.be.accessible();
  });

  it('cancels an edit with Escape and returns focus to Edit, the text unchanged', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const mine = (await postsShown(feed, 3))[1]!;
    cardButton(mine, /^\s*Edit\s*$/)!.click();
    await mine.updateComplete;
    await sendKeys({ type: ' extra' });
    await sendKeys({ press: 'Escape' });
    await mine.updateComplete;
    expect(inCard(mine, 'textarea')).to.equal(null);
    expect(cardSummary(mine).text).to.equal('The canteen opens at 8 tomorrow.');
    expect(deepActive()?.id).to.equal('edit');
    expect((await readPost(store, 'p-news'))?.text).to.equal('The canteen opens at 8 tomorrow.');
  });

  it('deletes the viewer’s post after a confirm step and focuses the next post', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const mine = (await postsShown(feed, 3))[1]!;
    cardButton(mine, /^\s*Delete\s*$/)!.click();
    await mine.updateComplete;
    expect(inCard(mine, '[role="group"][aria-labelledby="delete-question"]')!.textContent).to.contain('Delete this post?');
    expect(deepActive()?.id).to.equal('delete-cancel');
    await expect(feed).to.be.accessible();
    const deleted = oneEvent(feed, 'lenig-post-deleted');
    cardButton(mine, /Delete post/)!.click();
    expect((await deleted).detail).to.deep.equal({ channel: 'general', post: 'p-news' });
    const left = await postsShown(feed, 2);
    expect(left.map((c) => c.post!.id)).to.deep.equal(['p-question', 'p-praise']);
    expect(await readPost(store, 'p-news')).to.equal(null);
    await waitUntil(() => deepActive() === inCard(cards(feed)[1]!, 'article'), 'focus on the post that took its place');
  });

  it('reports someone else’s post with a reason and thanks the reporter', async () => {
    const backend = company(threePosts());
    const store = backend.session('anna');
    const feed = await feedFor(store);
    const theirs = (await postsShown(feed, 3))[0]!;
    cardButton(theirs, /^\s*Report\s*$/)!.click();
    await theirs.updateComplete;
    const reason = inCard<HTMLTextAreaElement>(theirs, '#report-reason')!;
    expect(deepActive()).to.equal(reason);
    expect(inCard(theirs, 'label[for="report-reason"]')!.textContent).to.contain('Why are you reporting');
    await expect(feed).to.be.accessible();
    typeInto(reason, 'Shares a door code');
    const reported = oneEvent(feed, 'lenig-post-reported');
    cardButton(theirs, /Send report/)!.click();
    expect((await reported).detail).to.deep.equal({ channel: 'general', post: 'p-question' });
    await waitUntil(() => inCard(theirs, '[role="status"]')!.textContent, 'thanks');
    expect(inCard(theirs, '[role="status"]')!.textContent).to.equal('Thanks — an admin will look at it.');
    const reports = backend.reports();
    expect(reports).to.have.length(1);
    expect(reports[0]).to.include({ channel: 'general', post: 'p-question', by: 'anna', reason: 'Shares a door code' });
    expect(deepActive()?.id).to.equal('report');
  });

  it('lets an admin hide a post: greyed for them, gone for others, and back', async () => {
    const backend = company(threePosts());
    const carla = backend.session('carla');
    const anna = backend.session('anna');
    const feed = await feedFor(carla);
    const annasFeed = await feedFor(anna);
    await postsShown(annasFeed, 3);
    const target = (await postsShown(feed, 3))[0]!;
    const hidden = oneEvent(feed, 'lenig-post-hidden');
    cardButton(target, /^\s*Hide\s*$/)!.click();
    expect((await hidden).detail).to.deep.equal({ channel: 'general', post: 'p-question', hidden: true });
    expect((await readPost(carla, 'p-question'))?.hidden).to.equal(true);
    await waitUntil(() => inCard(cards(feed)[0]!, '.header')?.textContent?.includes('Hidden for others'), 'marked hidden');
    expect(inCard(cards(feed)[0]!, 'article')!.classList.contains('hidden')).to.equal(true);
    expect(cardButton(cards(feed)[0]!, /Show again/)).to.not.equal(undefined);
    await expect(feed).to.be.accessible();
    // Anna no longer sees it.
    await postsShown(annasFeed, 2);
    expect(cards(annasFeed).map((c) => c.post!.id)).to.not.include('p-question');

    cardButton(cards(feed)[0]!, /Show again/)!.click();
    await waitUntil(async () => (await readPost(carla, 'p-question'))?.hidden === false, 'unhidden in the store');
    await postsShown(annasFeed, 3);
    // It comes back where it was, not behind "new posts": Anna had read it before.
    expect(cards(annasFeed)[0]!.post!.id).to.equal('p-question');
  });

  it('shows no moderation actions to a non-admin, and only Report on others’ posts', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const [theirs, mine] = await postsShown(feed, 3);
    const labels = (c: Element) => [...c.shadowRoot!.querySelectorAll('.end button')].map((b) => b.textContent.trim());
    expect(labels(theirs!)).to.deep.equal(['Report']);
    expect(labels(mine!)).to.deep.equal(['Edit', 'Delete']);
  });

  it('pages through older posts with the button: page size 5 over 12 posts', async () => {
    const posts = Array.from({ length: 12 }, (_, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      author: i % 2 ? 'anna' : 'bram',
      text: `Post number ${i}`,
      createdAt: minutesAgo(100 - i),
    }));
    const store = company(posts).session('anna');
    const feed = await feedFor(store, { pageSize: 5, noScroll: true });
    let shown = await postsShown(feed, 5);
    expect(shown.map((c) => c.post!.text)).to.deep.equal(['Post number 11', 'Post number 10', 'Post number 9', 'Post number 8', 'Post number 7']);
    expect(inCard(shown[0]!, 'article')!.getAttribute('aria-setsize')).to.equal('-1');
    feedButton(feed, /Show older posts/)!.click();
    shown = await postsShown(feed, 10);
    expect(shown[5]!.post!.text).to.equal('Post number 6');
    // Focus goes to the first of the older posts.
    await waitUntil(() => deepActive() === inCard(cards(feed)[5]!, 'article'), 'focus on the first older post');
    feedButton(feed, /Show older posts/)!.click();
    shown = await postsShown(feed, 12);
    expect(shown[11]!.post!.text).to.equal('Post number 0');
    await feed.updateComplete;
    expect(feedButton(feed, /Show older posts/)).to.equal(undefined);
    await shown[0]!.updateComplete;
    expect(inCard(shown[0]!, 'article')!.getAttribute('aria-setsize')).to.equal('12');
    expect(statusText(feed)).to.contain('You have seen every post');
    await expect(feed).to.be.accessible();
  });

  it('loads older posts by itself when the end scrolls into view', async () => {
    const posts = Array.from({ length: 8 }, (_, i) => ({ author: 'bram', text: `Scroll ${i}`, createdAt: minutesAgo(50 - i) }));
    const store = company(posts).session('anna');
    const wrapper = await fixture<HTMLElement>(html`<div style="height: 300px; overflow: auto; width: 480px">
      <lenig-feed channel="general" page-size="3" .store=${store}></lenig-feed>
    </div>`);
    const feed = wrapper.querySelector('lenig-feed')!;
    await postsShown(feed, 3);
    // 3 posts overflow 300px, so the end is not in view: nothing more loads by itself.
    await aTimeout(100);
    expect(cards(feed)).to.have.length(3);
    wrapper.scrollTop = wrapper.scrollHeight;
    await postsShown(feed, 6);
    wrapper.scrollTop = wrapper.scrollHeight;
    await postsShown(feed, 8);
  });

  it('filters by category with toggle chips, and the category attribute pre-selects', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    await postsShown(feed, 3);
    await waitUntil(() => feed.shadowRoot!.querySelector('.chip'), 'chips');
    const chips = () => [...feed.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')];
    expect(chips().map((c) => c.textContent.trim())).to.deep.equal([
      'All',
      'Business news',
      'Improvement idea',
      'Question',
      'Personal update',
      'Praise',
    ]);
    expect(chips().map((c) => c.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false', 'false', 'false', 'false']);
    chips()[3]!.click();
    await postsShown(feed, 1);
    expect(cards(feed)[0]!.post!.id).to.equal('p-question');
    expect(chips()[3]!.getAttribute('aria-pressed')).to.equal('true');
    expect(chips()[0]!.getAttribute('aria-pressed')).to.equal('false');
    await expect(feed).to.be.accessible();
    // An empty category says so.
    chips()[2]!.click();
    await waitUntil(() => statusText(feed).includes('No posts in this category'), 'empty category');
    await expect(feed).to.be.accessible();
    // Pressing the pressed chip again shows everything.
    chips()[2]!.click();
    await postsShown(feed, 3);

    const preselected = await feedFor(company(threePosts()).session('anna'), { category: 'praise' });
    await postsShown(preselected, 1);
    expect(cards(preselected)[0]!.post!.id).to.equal('p-praise');
    await waitUntil(() => preselected.shadowRoot!.querySelector('.chip[aria-pressed="true"]'), 'chips');
    expect(preselected.shadowRoot!.querySelector('.chip[aria-pressed="true"]')!.textContent.trim()).to.equal('Praise');
  });

  it('moves focus between posts with Page Down and Page Up', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const shown = await postsShown(feed, 3);
    const article = (i: number) => inCard(shown[i]!, 'article');
    shown[0]!.focus();
    expect(deepActive()).to.equal(article(0));
    await sendKeys({ press: 'PageDown' });
    expect(deepActive()).to.equal(article(1));
    await sendKeys({ press: 'PageDown' });
    expect(deepActive()).to.equal(article(2));
    await sendKeys({ press: 'PageDown' });
    expect(deepActive()).to.equal(article(2), 'stays on the last post');
    await sendKeys({ press: 'PageUp' });
    expect(deepActive()).to.equal(article(1));
    // From a button inside a post too.
    cardButton(shown[1]!, /Comment/)!.focus();
    await sendKeys({ press: 'PageUp' });
    expect(deepActive()).to.equal(article(0));
    await sendKeys({ press: 'End' });
    expect(deepActive()).to.equal(article(2));
    await sendKeys({ press: 'Home' });
    expect(deepActive()).to.equal(article(0));
  });

  it('likes a post: count and pressed state in the view, the like in the store', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const shown = await postsShown(feed, 3);
    const button = () => inCard(shown[0]!, '[part~="like-button"]')!;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    button().click();
    await waitUntil(() => button().getAttribute('aria-pressed') === 'true', 'pressed');
    expect(button().getAttribute('aria-label')).to.contain('1');
    const target = postTarget('general', 'p-question');
    expect((await readPost(store, 'p-question'))?.likeCount).to.equal(1);
    expect([...(await readOnce<ReadonlySet<string>>((cb) => store.subscribeMyLikes(cb)))]).to.include(target);
    // The post Bram liked before shows his like.
    expect(inCard(shown[1]!, '[part~="like-button"]')!.getAttribute('aria-label')).to.contain('1');
    await expect(feed).to.be.accessible();
  });

  describe('the "liked by" names of a post', () => {
    afterEach(() => resetMouse());

    /** Rests the pointer on the card's like button, once the feed has stopped moving, which opens its tooltip. */
    async function hoverLike(card: LenigPostCardElement): Promise<void> {
      const button = likeButtonOf(card);
      button.scrollIntoView({ block: 'center' });
      // Names, job titles and the category chips arriving move the cards down.
      let at = '';
      await waitUntil(async () => {
        const was = at;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        at = JSON.stringify(button.getBoundingClientRect());
        return at === was && cardSummary(card).author !== '';
      }, 'the feed kept moving');
      const r = button.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
      await waitUntil(() => likeTooltipOf(card).checkVisibility(), 'hover did not open the tooltip');
    }

    /** What the tooltip shows and what a screen reader hears as the button's description. */
    function likedBy(card: LenigPostCardElement): { shown: string; described: string } {
      return { shown: likeTooltipOf(card).textContent!.trim(), described: likeDescription(card) };
    }

    /** Anna's feed (in `lang`) with the pointer on the like button of p-news, which Bram liked. */
    async function hoveringNews(store: MemoryStore, lang = 'en'): Promise<{ feed: LenigFeedElement; card: LenigPostCardElement }> {
      const feed = await feedFor(store, { lang });
      await postsShown(feed, 3);
      const card = cards(feed).find((c) => c.post?.id === 'p-news')!;
      await hoverLike(card);
      return { feed, card };
    }

    async function saysLikedBy(card: LenigPostCardElement, text: string, why: string): Promise<void> {
      await waitUntil(() => likedBy(card).shown === text).catch(() => undefined);
      expect(likedBy(card), why).to.deep.equal({ shown: text, described: text });
    }

    it('names the reader "you", first, from the moment they like until they unlike; a colleague by name', async () => {
      const store = company(threePosts()).session('anna');
      // Anna's like is held until released, to see what she sees before the store has answered.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const like = store.like.bind(store);
      store.like = async (target) => (await held, like(target));
      const { feed, card } = await hoveringNews(store);
      await saysLikedBy(card, 'Liked by Bram Jansen', 'before liking');

      likeButtonOf(card).click();
      await saysLikedBy(card, 'Liked by you and Bram Jansen', 'liked, not yet saved');
      expect((await readPost(store, 'p-news'))?.likeCount, 'not saved yet').to.equal(1);
      release();
      await waitUntil(async () => (await readPost(store, 'p-news'))?.likeCount === 2, 'the like was not saved');
      await aTimeout(50);
      await saysLikedBy(card, 'Liked by you and Bram Jansen', 'liked and saved');
      expect(likedBy(card).shown).not.to.contain('Anna');

      likeButtonOf(card).click();
      await saysLikedBy(card, 'Liked by Bram Jansen', 'unliked');
      await waitUntil(async () => (await readPost(store, 'p-news'))?.likeCount === 1, 'the unlike was not saved');
      await aTimeout(50);
      await saysLikedBy(card, 'Liked by Bram Jansen', 'unliked and saved');
      await expect(feed).to.be.accessible();
    });

    it('names the reader "you" on a post they liked before, and re-renders only that card', async () => {
      const posts = threePosts();
      posts[0]!.likers = ['anna', 'bram'];
      const { feed, card } = await hoveringNews(company(posts).session('anna'));
      const shown = cards(feed);
      await waitUntil(() => shown.every((c) => cardSummary(c).author !== ''), 'author names');
      await waitUntil(() => likeButtonOf(card).getAttribute('aria-pressed') === 'true', 'her earlier like');
      await saysLikedBy(card, 'Liked by you and Bram Jansen', 'an earlier like');
      // Once the names are there, the rows are left alone: the names are not handed over afresh.
      await aTimeout(50);
      const renders = countRenders(shown);
      feed.requestUpdate();
      await feed.updateComplete;
      await aTimeout(50);
      expect(Object.fromEntries(renders)).to.deep.equal({ 'p-question': 0, 'p-news': 0, 'p-praise': 0 });
    });

    it('says "jou" under lang="nl" (the object form, after "door")', async () => {
      const store = company(threePosts()).session('anna');
      const { feed, card } = await hoveringNews(store, 'nl');
      await saysLikedBy(card, 'Leuk gevonden door Bram Jansen', 'before liking');
      likeButtonOf(card).click();
      await saysLikedBy(card, 'Leuk gevonden door jou en Bram Jansen', 'liked');
      await expect(feed).to.be.accessible();
    });
  });

  it("renders only the liked card again when a colleague likes a post", async () => {
    const backend = company(threePosts());
    const feed = await feedFor(backend.session('anna'));
    const shown = await postsShown(feed, 3);
    await waitUntil(() => shown.every((c) => cardSummary(c).author !== ''), 'author names');
    await aTimeout(50);
    const renders = countRenders(shown);
    const whole = countCalls(shown, 'update');
    await backend.session('carla').like(postTarget('general', 'p-news'));
    const count = () => inCard(shown[1]!, '[part~="like-button"]')!.getAttribute('aria-label');
    await waitUntil(() => count()?.includes('2'), 'the colleague’s like on the card');
    await aTimeout(50);
    expect(Object.fromEntries(renders)).to.deep.equal({ 'p-question': 0, 'p-news': 1, 'p-praise': 0 });
    // Of the liked card, only the like control: the rest of it shows the same.
    expect(Object.fromEntries(whole)).to.deep.equal({ 'p-question': 0, 'p-news': 0, 'p-praise': 0 });
    expect(count()).to.equal('Like, 2 likes');
  });

  it('moves relative times on with the clock, rendering only the posts of the last day again', async () => {
    const feed = await feedFor(company(threePosts()).session('anna'));
    const shown = await postsShown(feed, 3);
    await waitUntil(() => shown.every((c) => cardSummary(c).author !== ''), 'author names');
    await aTimeout(50);
    const renders = countRenders(shown);
    feed['clock'].tick(new Date(Date.now() + 2 * 60_000));
    await waitUntil(() => cardSummary(shown[0]!).time === '7 minutes ago', 'the clock moved on');
    await aTimeout(50);
    expect(shown.map((c) => cardSummary(c).time)).to.deep.equal(['7 minutes ago', '2 hours ago', '3 days ago']);
    expect(Object.fromEntries(renders)).to.deep.equal({ 'p-question': 1, 'p-news': 1, 'p-praise': 0 });
  });

  it('adds a comment from the inline comments: count +1 in the view and the store', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    const card = (await postsShown(feed, 3))[0]!;
    const toggle = cardButton(card, /Comment/)!;
    expect(toggle.textContent.trim()).to.equal('Comment');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await card.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const comments = inCard<LenigCommentsElement>(card, 'lenig-comments')!;
    // The comments' code comes when they are first opened; until then they say they are loading.
    expect(inCard(card, '.comments-wait [role="status"]')?.textContent).to.equal('Loading…');
    await waitUntil(() => comments.shadowRoot?.querySelector('textarea'), 'reply box');
    await expect(feed).to.be.accessible();
    typeInto(comments.shadowRoot!.querySelector('textarea')!, 'I have it, come by');
    comments.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => cardButton(cards(feed)[0]!, /1 comment/), 'count in the view');
    expect((await readPost(store, 'p-question'))?.commentCount).to.equal(1);
    expect((await readComments(store, 'p-question')).map((c) => [c.author, c.text])).to.deep.equal([['anna', 'I have it, come by']]);
    await waitUntil(() => comments.shadowRoot!.querySelector('li')?.textContent?.includes('I have it, come by'), 'comment listed');
  });

  it('says above the posts that an archived channel is read-only, and stops saying it once reopened', async () => {
    const backend = company(threePosts());
    const feed = await feedFor(backend.session('anna'), { lang: 'nl' });
    await postsShown(feed, 3);
    const notice = () => feed.shadowRoot!.querySelector('[part="archived"]')?.textContent?.trim();
    expect(notice(), 'an open channel has no notice').to.equal(undefined);
    await backend.session('carla').updateChannel('general', { archived: true });
    await waitUntil(() => notice(), 'the notice appeared');
    expect(notice()).to.equal('General is gearchiveerd: je kunt de berichten lezen, maar er kunnen geen nieuwe berichten, reacties of likes bij.');
    expect(cards(feed).length, 'the posts stay readable').to.equal(3);
    // Anna's own post: its like button says it is closed, Edit is gone, and its comments take no reply.
    const own = cards(feed).find((c) => c.post?.id === 'p-news')!;
    await waitUntil(() => likeButtonOf(own).getAttribute('aria-disabled') === 'true', 'the like button is closed');
    expect(likeButtonOf(own).disabled, 'closed, yet focusable').to.equal(false);
    expect(inCard(own, '[part~="like-button"]')!.getAttribute('aria-label'), 'the count still shows').to.contain('1');
    expect(cardButton(own, /^Bewerken$/), 'no Edit in a read-only channel').to.equal(undefined);
    expect(cardButton(own, /^Verwijderen$/), 'her post can still be deleted').to.not.equal(undefined);
    cardButton(own, /^Reageren$/)!.click();
    const comments = () => inCard<LenigCommentsElement>(own, 'lenig-comments')?.shadowRoot;
    await waitUntil(() => comments()?.querySelector('.closed')?.textContent?.includes('gearchiveerd'), 'the comments say they are closed', { timeout: 5000 });
    expect(comments()!.querySelector('textarea'), 'no reply box').to.equal(null);
    expect(comments()!.querySelector('.closed')!.textContent).to.equal('Dit kanaal is gearchiveerd: er kunnen geen reacties meer bij.');
    await expect(feed).to.be.accessible();
    await backend.session('carla').updateChannel('general', { archived: false });
    await waitUntil(() => notice() === undefined, 'the notice went away');
    await waitUntil(() => comments()?.querySelector('textarea'), 'the reply box is back');
    await waitUntil(() => !likeButtonOf(own).hasAttribute('aria-disabled'), 'the like button works again');
    expect(likeDescription(own)).not.to.contain(ARCHIVED_LIKE_NL);
    expect(cardButton(own, /^Bewerken$/), 'Edit is back').to.not.equal(undefined);
  });

  it('says above the posts of a deleted channel that it no longer exists, and closes likes, Edit and replies as in an archived one', async () => {
    const backend = company(threePosts());
    const feed = await feedFor(backend.session('anna'));
    await postsShown(feed, 3);
    const notice = () => feed.shadowRoot!.querySelector('[part="archived"]')?.textContent?.trim();
    // An admin removes the channel's record (the Firebase console); its posts stay, and take no new writes.
    backend.deleteChannel('general');
    await waitUntil(() => notice(), 'the notice appeared');
    expect(notice()).to.equal('This channel no longer exists: you can read its posts, but no new posts, comments or likes can be added.');
    expect(cards(feed).length, 'the posts stay readable').to.equal(3);
    const own = cards(feed).find((c) => c.post?.id === 'p-news')!;
    await waitUntil(() => likeButtonOf(own).getAttribute('aria-disabled') === 'true', 'the like button is closed');
    expect(likeDescription(own)).to.match(/^This channel no longer exists: likes can no longer be added or taken back\./);
    expect(cardButton(own, /^Edit$/), 'no Edit').to.equal(undefined);
    expect(cardButton(own, /^Delete$/), 'her post can still be deleted').to.not.equal(undefined);
    cardButton(own, /^Comment/)!.click();
    const comments = () => inCard<LenigCommentsElement>(own, 'lenig-comments')?.shadowRoot;
    await waitUntil(() => comments()?.querySelector('.closed'), 'the comments say they are closed', { timeout: 5000 });
    expect(comments()!.querySelector('.closed')!.textContent).to.equal('This channel no longer exists: no new comments can be added.');
    expect(comments()!.querySelector('textarea'), 'no reply box').to.equal(null);
    await expect(feed).to.be.accessible();
  });

  describe('the like button of a post in an archived channel', () => {
    /** The feed of `general`, archived before it is shown, as Anna sees it; Bram liked her post p-news. */
    async function archivedFeed(lang = 'en') {
      const backend = company(threePosts());
      await backend.session('carla').updateChannel('general', { archived: true });
      const store = backend.session('anna');
      const feed = await feedFor(store, { lang });
      await postsShown(feed, 3);
      await waitUntil(() => feed.shadowRoot!.querySelector('[part="archived"]'), 'the archived notice');
      const card = cards(feed).find((c) => c.post?.id === 'p-news')!;
      await waitUntil(() => likeButtonOf(card).getAttribute('aria-disabled') === 'true', 'the like button is closed');
      return { backend, store, feed, card };
    }

    it('is focusable and aria-disabled, says why, and a click, Enter or Space writes nothing', async () => {
      const { store, feed, card } = await archivedFeed();
      const writes: string[] = [];
      for (const op of ['like', 'unlike'] as const) {
        const write = store[op].bind(store);
        store[op] = (target) => (writes.push(op), write(target));
      }
      const toggles: string[] = [];
      feed.addEventListener('lenig-like-toggle', (e) => toggles.push(e.type));
      card.addEventListener('lenig-like-toggle', (e) => toggles.push(e.type));
      const button = likeButtonOf(card);
      expect(feed.shadowRoot!.querySelector('[part="archived"]')!.textContent!.trim(), 'the channel notice stays').to.equal(
        'General is archived: you can read its posts, but no new posts, comments or likes can be added.',
      );
      expect(button.disabled).to.equal(false);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.getAttribute('aria-label')).to.equal('Like, 1 like');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(Number(getComputedStyle(button).opacity), 'dimmed').to.be.below(1);
      expect(getComputedStyle(button).cursor).to.equal('not-allowed');
      // The reason is the button's description, read on focus even while the tooltip is hidden.
      expect(likeDescription(card)).to.match(new RegExp(`^${ARCHIVED_LIKE_EN}`));
      expect(likeTooltipOf(card).checkVisibility()).to.equal(false);
      await expect(feed).to.be.accessible();

      // A click shows the reason, and nothing else happens.
      button.click();
      await card.updateComplete;
      await waitUntil(() => likeTooltipOf(card).checkVisibility(), 'a click did not show why');
      await waitUntil(() => likeDescription(card) === `${ARCHIVED_LIKE_EN}Liked by Bram Jansen`, `described as "${likeDescription(card)}"`);
      // A keyboard user reaches it, hears why, and Enter or Space do nothing either.
      button.focus();
      expect(deepActive()).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      await aTimeout(30);
      expect(deepActive(), 'focus stays on the button').to.equal(button);
      expect(toggles).to.deep.equal([]);
      expect(writes).to.deep.equal([]);
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(inCard(card, '[part~="like-count"]')!.textContent!.trim(), 'the count is unchanged').to.equal('1');
      expect((await readPost(store, 'p-news'))?.likeCount).to.equal(1);
      await expect(feed).to.be.accessible();
    });

    it('says why in Dutch under lang="nl"', async () => {
      const { store, feed, card } = await archivedFeed('nl');
      const button = likeButtonOf(card);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.getAttribute('aria-label')).to.equal('Vind ik leuk, 1 keer');
      await waitUntil(() => likeDescription(card).startsWith(ARCHIVED_LIKE_NL), `described as "${likeDescription(card)}"`);
      button.focus();
      expect(deepActive()).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => likeTooltipOf(card).checkVisibility(), 'Enter did not show why');
      expect(likeTooltipOf(card).textContent).to.contain(ARCHIVED_LIKE_NL);
      expect((await readPost(store, 'p-news'))?.likeCount).to.equal(1);
      expect(inCard(card, '[part~="like-count"]')!.textContent!.trim()).to.equal('1');
      await expect(feed).to.be.accessible();
    });
  });

  it('says so when the channel has no posts', async () => {
    const store = company().session('anna');
    const feed = await feedFor(store);
    await waitUntil(() => statusText(feed).includes('No posts yet in this channel'), 'empty message');
    expect(feedRegion(feed)).to.equal(null);
    await expect(feed).to.be.accessible();
  });

  it('shows an error with a retry that works', async () => {
    const store = company(threePosts()).session('anna');
    store.failNext('subscribeFeed', new StoreError('permission-denied', 'No access'));
    const failed = new Promise<CustomEvent>((resolve) => document.addEventListener('lenig-error', resolve as EventListener, { once: true }));
    const feed = await feedFor(store);
    expect((await failed).detail.operation).to.equal('subscribeFeed');
    await waitUntil(() => feed.shadowRoot!.querySelector('[role="alert"]'), 'error shown');
    expect(feed.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('The posts could not be loaded.');
    await expect(feed).to.be.accessible();
    feedButton(feed, /Try again/)!.click();
    await postsShown(feed, 3);
    expect(feed.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('names a channel that does not exist', async () => {
    const store = company().session('anna');
    const wrapper = await fixture<HTMLElement>(html`<div><lenig-feed channel="nope" .store=${store}></lenig-feed></div>`);
    const feed = wrapper.querySelector('lenig-feed')!;
    await waitUntil(() => statusText(feed).includes('“nope” does not exist'), 'not found message');
  });

  it('shows an offline banner that goes away when the connection is back', async () => {
    const store = company(threePosts()).session('anna');
    const feed = await feedFor(store);
    await postsShown(feed, 3);
    expect(feed.shadowRoot!.querySelector('.offline')).to.equal(null);
    store.setOnline(false);
    await waitUntil(() => feed.shadowRoot!.querySelector('.offline'), 'banner');
    const banner = feed.shadowRoot!.querySelector('.offline')!;
    expect(banner.textContent).to.contain('You are offline');
    expect(banner.closest('[role="status"]')).to.not.equal(null);
    await expect(feed).to.be.accessible();
    store.setOnline(true);
    await waitUntil(() => !feed.shadowRoot!.querySelector('.offline'), 'banner gone');
  });

  it('names the missing channel attribute', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const feed = await fixture<LenigFeedElement>(html`<lenig-feed .store=${company().session('anna')}></lenig-feed>`);
      expect(feed.shadowRoot!.textContent).to.contain('<lenig-feed> needs a "channel" attribute.');
      await expect(feed).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('speaks Dutch under lang="nl"', async () => {
    const backend = company(threePosts());
    const store = backend.session('anna');
    const feed = await feedFor(store, { lang: 'nl' });
    const shown = await postsShown(feed, 3);
    await waitUntil(() => cardSummary(shown[0]!).author !== '', 'names');
    expect(cardSummary(shown[0]!).time).to.equal('5 minuten geleden');
    expect(cardSummary(shown[1]!).time).to.equal('2 uur geleden');
    expect(shown.map((c) => inCard(c, '[part="category"]')?.textContent)).to.deep.equal(['Vraag', 'Bedrijfsnieuws', 'Compliment']);
    expect(feedRegion(feed)!.getAttribute('aria-label')).to.equal('Berichten in General');
    expect(cardButton(shown[1]!, /Bewerken/)).to.not.equal(undefined);
    expect(cardButton(shown[0]!, /Melden/)).to.not.equal(undefined);
    expect(cardButton(shown[0]!, /Reageren/)).to.not.equal(undefined);
    await waitUntil(() => feed.shadowRoot!.querySelector('.chip'), 'chips');
    expect([...feed.shadowRoot!.querySelectorAll('.chip')].map((c) => c.textContent.trim())).to.deep.equal([
      'Alles',
      'Bedrijfsnieuws',
      'Verbeteridee',
      'Vraag',
      'Persoonlijk',
      'Compliment',
    ]);
    await backend.session('bram').createPost({ channel: 'general', text: 'Nieuw!', category: 'news' });
    await waitUntil(() => feedButton(feed, /nieuw bericht/), 'Dutch new posts button');
    expect(feedButton(feed, /nieuw bericht/)!.textContent.trim()).to.equal('1 nieuw bericht');
    await backend.session('bram').createPost({ channel: 'general', text: 'Nog een', category: 'news' });
    await waitUntil(() => feedButton(feed, /nieuwe berichten/)?.textContent?.trim() === '2 nieuwe berichten', 'Dutch plural');
    await expect(feed).to.be.accessible();

    const empty = await feedFor(company().session('anna'), { lang: 'nl' });
    await waitUntil(() => statusText(empty).includes('Nog geen berichten in dit kanaal'), 'Dutch empty');
  });

  describe('with a long feed', () => {
    /** `n` posts by Bram, "Post number 0" the oldest; all of them loaded, a page of 100 at a time. */
    async function longFeed(n: number): Promise<LenigFeedElement> {
      const posts = Array.from({ length: n }, (_, i) => ({
        id: `p${String(i).padStart(4, '0')}`,
        author: i % 2 ? 'anna' : 'bram',
        text: `Post number ${i}`,
        createdAt: minutesAgo(10 * n - 10 * i),
      }));
      const feed = await feedFor(company(posts).session('carla'), { pageSize: 100, noScroll: true });
      await waitUntil(() => cards(feed).length > 0, 'the first page');
      for (let i = 0; i < n / 100 && feedButton(feed, /Show older posts/); i++) await feed.loadMore();
      await waitUntil(() => statusText(feed).includes('You have seen every post'), 'everything loaded');
      await nextFrames();
      return feed;
    }

    /** Two frames and the updates they bring: the window follows a scroll in the next frame. */
    async function nextFrames(feed?: LenigFeedElement): Promise<void> {
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        await feed?.updateComplete;
      }
    }

    /** Every node a person's browser holds for the feed, its cards' shadow roots included. */
    function nodesIn(root: Node): number {
      let n = 1;
      const sr = (root as Element).shadowRoot;
      if (sr) n += nodesIn(sr);
      for (let c = root.firstChild; c; c = c.nextSibling) n += nodesIn(c);
      return n;
    }

    /** What a screen reader gets from each rendered article: its position, the set size, the text. */
    function articlesRead(feed: LenigFeedElement) {
      return cards(feed).map((c) => ({
        posinset: Number(inCard(c, 'article')!.getAttribute('aria-posinset')),
        setsize: inCard(c, 'article')!.getAttribute('aria-setsize'),
        text: cardSummary(c).text,
      }));
    }

    function cardAt(feed: LenigFeedElement, posinset: number): LenigPostCardElement | undefined {
      return cards(feed).find((c) => inCard(c, 'article')!.getAttribute('aria-posinset') === String(posinset));
    }

    afterEach(() => window.scrollTo(0, 0));

    it('keeps the DOM bounded with 2,000 posts loaded, with posinset and setsize right after scrolling', async () => {
      const feed = await longFeed(2000);
      // 2,000 cards of some 80 nodes each would be 160,000 nodes.
      expect(nodesIn(feed)).to.be.below(5000);
      expect(cards(feed).length).to.be.within(3, 60);
      const height = document.documentElement.scrollHeight;
      // The gaps keep the scroll height of the whole feed: some 2,000 × 100 px at least.
      expect(height).to.be.above(200_000);
      window.scrollTo(0, height / 2);
      await nextFrames(feed);
      const read = articlesRead(feed);
      expect(read.length).to.be.within(3, 60);
      // Consecutive positions; each article's position is its place in the feed (the newest is 1).
      expect(read.map((r) => r.posinset)).to.deep.equal(read.map((_, i) => read[0]!.posinset + i));
      for (const r of read) {
        expect(r.setsize).to.equal('2000');
        expect(r.text).to.equal(`Post number ${2000 - r.posinset}`);
      }
      // The cards rendered are the ones on screen, about half-way down.
      const onScreen = cards(feed).filter((c) => {
        const box = c.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
      expect(onScreen.length).to.be.above(0);
      expect(Number(inCard(onScreen[0]!, 'article')!.getAttribute('aria-posinset'))).to.be.within(700, 1300);
      expect(nodesIn(feed)).to.be.below(5000);
      // Scrolling back to the top shows the newest post again.
      window.scrollTo(0, 0);
      await nextFrames(feed);
      expect(articlesRead(feed)[0]).to.deep.include({ posinset: 1, text: 'Post number 1999' });
      await expect(feed).to.be.accessible();
    });

    it('after a jump shows the screen at once, then fills a screen either side over the next frames', async () => {
      const feed = await longFeed(2000);
      /** The part of the feed above and below the viewport (px) covered by rendered cards. */
      const covered = () => {
        const boxes = cards(feed).map((c) => c.getBoundingClientRect());
        return { above: -Math.min(...boxes.map((b) => b.top)), below: Math.max(...boxes.map((b) => b.bottom)) - innerHeight, count: boxes.length };
      };
      /** Whether a gap (a stand-in for cards not rendered) shows anywhere on screen. */
      const gapOnScreen = () =>
        [...feed.shadowRoot!.querySelectorAll('.gap')].some((g) => {
          const box = g.getBoundingClientRect();
          return box.bottom > 1 && box.top < innerHeight - 1;
        });
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
      await new Promise((r) => requestAnimationFrame(r));
      await feed.updateComplete;
      // The frame after the jump: the screen is covered by cards, and little beyond it was rendered.
      expect(gapOnScreen()).to.equal(false, 'a gap on screen right after the jump');
      const first = covered();
      expect(first.above).to.be.below(innerHeight / 2);
      expect(first.below).to.be.below(innerHeight / 2);
      // The next frames add the cards within a screen either side, without the reader scrolling.
      for (let i = 0; i < 12; i++) await nextFrames(feed);
      const later = covered();
      expect(later.count).to.be.above(first.count);
      expect(later.above).to.be.at.least(innerHeight / 2);
      expect(later.below).to.be.at.least(innerHeight / 2);
      expect(gapOnScreen()).to.equal(false, 'a gap on screen after filling');
    });

    it('moves focus with Page Down, End and Home across the edge of the window', async () => {
      const feed = await longFeed(300);
      const article = (posinset: number) => inCard(cardAt(feed, posinset)!, 'article');
      const rendered = cards(feed).length;
      expect(rendered).to.be.below(60);
      // The last card rendered, then Page Down to the first one that was not.
      // (Compared as booleans: a failing comparison of elements would print the whole object graph.)
      cardAt(feed, rendered)!.focus({ preventScroll: true });
      await nextFrames(feed);
      expect(cardAt(feed, rendered + 1) === undefined).to.equal(true, 'not rendered before Page Down');
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => deepActive() === article(rendered + 1), 'focus on the next post');
      await sendKeys({ press: 'End' });
      await waitUntil(() => deepActive() === article(300), 'focus on the last post');
      expect(cardSummary(cardAt(feed, 300)!).text).to.equal('Post number 0');
      await nextFrames(feed);
      await sendKeys({ press: 'PageUp' });
      await waitUntil(() => deepActive() === article(299), 'focus on the post before');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => deepActive() === article(1), 'focus on the first post');
      expect(cards(feed).length).to.be.below(60);
    });

    it('keeps the focused card, and focus on it, when the reader scrolls it far out of the window', async () => {
      const feed = await longFeed(300);
      const first = cardAt(feed, 1)!;
      first.focus();
      const focused = deepActive();
      expect(focused === inCard(first, 'article')).to.equal(true);
      for (const y of [0.3, 0.6, 1]) {
        window.scrollTo(0, document.documentElement.scrollHeight * y);
        await nextFrames(feed);
        expect(first.isConnected).to.equal(true, 'the focused card stays');
        expect(deepActive() === focused).to.equal(true, 'focus stays');
      }
      expect(cardAt(feed, 2) === undefined).to.equal(true, 'its neighbours have left');
      expect(cards(feed).length).to.be.below(60);
      // Page Down goes on from the focused post, not from what is on screen.
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => cardAt(feed, 2) && deepActive() === inCard(cardAt(feed, 2)!, 'article'), 'focus on post 2');
      // The last card of the window, focused, then left far behind: the cards around it change on both
      // sides at once.
      window.scrollTo(0, 0);
      await nextFrames(feed);
      const last = cards(feed).at(-1)!;
      last.focus({ preventScroll: true });
      const lastFocused = deepActive();
      window.scrollTo(0, document.documentElement.scrollHeight * 0.6);
      await nextFrames(feed);
      expect(last.isConnected).to.equal(true, 'the focused card stays');
      expect(deepActive() === lastFocused).to.equal(true, 'focus stays on the last card');
    });
  });
});
