/**
 * Words on a page with many widgets: one language observer for the whole page, Intl formatters built
 * once, and a third language a page adds without changing lenig.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/feed/feed.js';
import type { LenigFeedElement } from '../../src/components/feed/feed.js';
import type { SeedPost } from '../../src/memory/memory-store.js';
import { registerMessages } from '../../src/index.js';
import { LitElement, html as litHtml } from 'lit';
import { LocalizeController, defineMessages } from '../../src/i18n/localize.js';
import { cards, company, minutesAgo, postsShown } from './feed-helpers.js';

function twentyPosts(): SeedPost[] {
  return Array.from({ length: 20 }, (_, i) => ({
    id: `p${i}`,
    author: ['anna', 'bram', 'carla'][i % 3]!,
    text: `Post number ${i + 1}`,
    category: 'news',
    createdAt: minutesAgo(10 + i * 90),
    likers: i % 2 ? ['anna'] : [],
    comments: i % 4 ? [] : [{ author: 'bram', text: 'Nice' }],
  }));
}

async function feedOf(posts: SeedPost[], lang = 'en'): Promise<LenigFeedElement> {
  const store = company(posts).session('anna');
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><lenig-feed channel="general" .store=${store}></lenig-feed></div>`);
  return wrapper.querySelector('lenig-feed')!;
}

const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('localization', () => {
  it('watches the page language with at most two MutationObservers on a feed of 20 posts', async () => {
    const Original = window.MutationObserver;
    let created = 0;
    window.MutationObserver = class extends Original {
      constructor(cb: MutationCallback) {
        super(cb);
        created++;
      }
    };
    try {
      const feed = await feedOf(twentyPosts());
      await postsShown(feed, 20);
      expect(created).to.be.at.most(2);
      // The one observer still follows <html lang>: every card switches to Dutch.
      const root = feed.parentElement!;
      root.removeAttribute('lang');
      const before = document.documentElement.lang;
      document.documentElement.lang = 'nl';
      try {
        await waitUntil(() => cards(feed).every((c) => /geleden|zojuist|gisteren/.test(text(c))), 'every card in Dutch');
      } finally {
        document.documentElement.lang = before;
      }
    } finally {
      window.MutationObserver = Original;
    }
  });

  it('builds no Intl formatter while a feed of 20 posts renders again', async () => {
    const feed = await feedOf(twentyPosts());
    const shown = await postsShown(feed, 20);
    const kinds = ['DateTimeFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat'] as const;
    const originals = kinds.map((k) => Intl[k]);
    const built: string[] = [];
    kinds.forEach((k, i) => {
      (Intl as Record<string, unknown>)[k] = new Proxy(originals[i]!, {
        construct(target, args: unknown[]) {
          built.push(k);
          return Reflect.construct(target, args) as object;
        },
      });
    });
    try {
      feed.requestUpdate();
      for (const card of shown) card.requestUpdate();
      await feed.updateComplete;
      await Promise.all(shown.map((c) => c.updateComplete));
      expect(text(shown[0]!)).to.contain('Post number 1');
    } finally {
      kinds.forEach((k, i) => ((Intl as Record<string, unknown>)[k] = originals[i]));
    }
    expect(built).to.deep.equal([]);
  });

  it('speaks a third language that the page registers, with English for what it leaves out', async () => {
    registerMessages('de', {
      feed: {
        feedLabel: (channel: string) => `Beiträge in ${channel}`,
        empty: 'Noch keine Beiträge in diesem Kanal',
      },
      postCard: { commentNone: 'Kommentieren' },
    });
    const empty = await feedOf([], 'de-AT');
    await waitUntil(() => text(empty).includes('Noch keine Beiträge in diesem Kanal'), 'the German empty state');

    const feed = await feedOf([{ id: 'p', author: 'bram', text: 'Hallo', category: 'news', createdAt: minutesAgo(5) }], 'de');
    const [card] = await postsShown(feed, 1);
    expect(feed.shadowRoot!.querySelector('[role="feed"]')!.getAttribute('aria-label')).to.equal('Beiträge in General');
    // Relative times come from Intl in the page's language; strings the page did not give are English.
    expect(text(card!)).to.contain('vor 5 Minuten');
    expect(text(card!)).to.contain('Kommentieren');
    expect(text(card!)).to.contain('Business news');
  });
});

describe('Dutch strings loaded on demand', () => {
  /** An element with one string, from a table whose Dutch arrives when the test says so. */
  function greeting(tag: string, dutch: () => Promise<{ default: { hello: string } }>): void {
    const table = defineMessages('testGreeting', { en: { hello: 'Hello' }, nl: dutch });
    class Greeting extends LitElement {
      private readonly i18n = new LocalizeController(this, table);
      override render() {
        return litHtml`<p>${this.i18n.t.hello}</p>`;
      }
    }
    customElements.define(tag, Greeting);
  }
  const shown = (el: Element) => (el.shadowRoot?.textContent ?? '').trim();

  it('a Dutch element shows nothing until its Dutch strings have arrived, then Dutch: no English first', async () => {
    let arrive!: () => void;
    greeting('test-greeting-first', () => new Promise((resolve) => (arrive = () => resolve({ default: { hello: 'Hallo' } }))));
    const el = await fixture<LitElement>(html`<div lang="nl"><test-greeting-first></test-greeting-first></div>`).then((d) => d.firstElementChild as LitElement);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown(el)).to.equal('');
    arrive();
    await el.updateComplete;
    expect(shown(el)).to.equal('Hallo');
  });

  it('an element whose lang becomes Dutch keeps its English until the Dutch has arrived', async () => {
    let arrive!: () => void;
    greeting('test-greeting-switch', () => new Promise((resolve) => (arrive = () => resolve({ default: { hello: 'Hallo' } }))));
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><test-greeting-switch></test-greeting-switch></div>`);
    const el = wrapper.firstElementChild as LitElement;
    await el.updateComplete;
    expect(shown(el)).to.equal('Hello');
    wrapper.lang = 'nl';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown(el)).to.equal('Hello');
    arrive();
    await waitUntil(() => shown(el) === 'Hallo', 'Dutch once it has arrived');
  });

  it('when the Dutch cannot be fetched, the element shows English rather than waiting', async () => {
    greeting('test-greeting-offline', () => Promise.reject(new Error('offline')));
    const el = await fixture<LitElement>(html`<div lang="nl"><test-greeting-offline></test-greeting-offline></div>`).then((d) => d.firstElementChild as LitElement);
    await waitUntil(() => shown(el) === 'Hello', 'English');
  });
});
