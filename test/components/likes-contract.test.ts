/**
 * The feed, the idea board and the like button share one likes controller and one event contract:
 * a request the page cancels changes nothing, and a new viewer gets their own "did I like it" — the
 * same in every container.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/feed/feed.js';
import '../../src/components/idea-board/idea-board.js';
import '../../src/components/like-button/like-button.js';
import { MemoryBackend, type MemoryStore } from '../../src/memory/memory-store.js';
import type { Unsubscribe } from '../../src/data/store.js';
import { postTarget, type LikeTarget, type Profile } from '../../src/data/types.js';

const users: Profile[] = [
  { uid: 'anna', name: 'Anna de Vries' },
  { uid: 'bram', name: 'Bram Jansen' },
];
const hoursAgo = (h: number): Date => new Date(Date.now() - h * 3_600_000);

/** A company with one post in `general` and one idea in `ideas`, each liked by Bram. */
function company(): MemoryBackend {
  return new MemoryBackend({
    users,
    channels: [
      { id: 'general', name: 'General', categories: ['news'] },
      { id: 'ideas', name: 'Ideas', categories: ['idea'] },
    ],
    seed: {
      posts: [
        { id: 'post', channel: 'general', author: 'anna', text: 'The canteen opens at 8.', category: 'news', createdAt: hoursAgo(2), likers: ['bram'] },
        { id: 'idea', channel: 'ideas', author: 'anna', title: 'A roof over the bike shed', text: 'So bikes stay dry.', category: 'idea', createdAt: hoursAgo(30), likers: ['bram'] },
      ],
    },
  });
}

interface Container {
  name: string;
  target: LikeTarget;
  mount: (store: MemoryStore) => Promise<HTMLElement>;
}

const containers: Container[] = [
  {
    name: '<lenig-feed>',
    target: postTarget('general', 'post'),
    mount: async (store) => fixture(html`<lenig-feed lang="en" channel="general" .store=${store}></lenig-feed>`),
  },
  {
    name: '<lenig-idea-board>',
    target: postTarget('ideas', 'idea'),
    mount: async (store) => fixture(html`<lenig-idea-board lang="en" channel="ideas" no-form .store=${store}></lenig-idea-board>`),
  },
];

/**
 * The like button of `target` below `root`, through shadow roots: a `lenig-like-view`'s, or a post
 * card's or a `lenig-like-button`'s own (each renders its like control in its shadow root).
 */
function likeButton(root: Element | ShadowRoot, target: LikeTarget): HTMLButtonElement | null {
  if (root instanceof ShadowRoot && root.host.localName === 'lenig-like-button' && (root.host as HTMLElement & { target: string }).target === target) {
    return root.querySelector<HTMLButtonElement>('.like > button');
  }
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.localName === 'lenig-like-view' && (el as HTMLElement & { target: string }).target === target) return el.shadowRoot?.querySelector('button') ?? null;
    const post = el.localName === 'lenig-post-card' ? (el as HTMLElement & { post?: { channel: string; id: string } }).post : undefined;
    if (post && postTarget(post.channel, post.id) === target) return el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="like-button"]') ?? null;
    const inner = el.shadowRoot && likeButton(el.shadowRoot, target);
    if (inner) return inner;
  }
  return null;
}

/** The like button a person sees for `target`: its pressed state and its count. */
function seen(host: HTMLElement, target: LikeTarget): { pressed: string | null; count: string } | undefined {
  const button = likeButton(host.shadowRoot!, target);
  if (!button) return undefined;
  return { pressed: button.getAttribute('aria-pressed'), count: button.querySelector('.count')?.textContent?.trim() ?? '' };
}

function buttonFor(host: HTMLElement, target: LikeTarget): HTMLButtonElement {
  return likeButton(host.shadowRoot!, target)!;
}

/** Counts the "which do I like" subscriptions a store has opened and still has open. */
function spyMyLikes(store: MemoryStore): { opened: number; open: number } {
  const counts = { opened: 0, open: 0 };
  const original = store.subscribeMyLikes.bind(store);
  store.subscribeMyLikes = (cb, onError): Unsubscribe => {
    counts.opened++;
    counts.open++;
    const stop = original(cb, onError);
    let stopped = false;
    return () => {
      if (!stopped) counts.open--;
      stopped = true;
      stop();
    };
  };
  return counts;
}

async function likersOf(store: MemoryStore, target: LikeTarget): Promise<readonly string[]> {
  return new Promise((resolve) => {
    const stop = store.subscribeLikes(target, (s) => {
      queueMicrotask(() => stop());
      resolve(s.likers);
    });
  });
}

for (const c of containers) {
  describe(`likes in ${c.name}`, () => {
    it('a lenig-like-toggle the page cancels changes nothing on screen or in the store', async () => {
      const store = company().session('anna');
      const host = await c.mount(store);
      await waitUntil(() => seen(host, c.target)?.count === '1', 'the like shows');
      const heard: CustomEvent[] = [];
      document.addEventListener('lenig-like-toggle', (e) => {
        heard.push(e);
        e.preventDefault();
      }, { once: true });
      buttonFor(host, c.target).click();
      await aTimeout(50);
      expect(heard.length, 'the page heard the request once').to.equal(1);
      expect(heard[0]!.target, 'from the container itself').to.equal(host);
      expect(heard[0]!.cancelable).to.equal(true);
      expect(heard[0]!.detail).to.deep.equal({ target: c.target, liked: true });
      expect(seen(host, c.target)).to.deep.equal({ pressed: 'false', count: '1' });
      expect(await likersOf(store, c.target)).to.deep.equal(['bram']);
      // Not cancelled, the same click likes.
      buttonFor(host, c.target).click();
      await waitUntil(() => seen(host, c.target)?.pressed === 'true', 'the like shows at once');
      expect(seen(host, c.target)!.count).to.equal('2');
      await waitUntil(async () => (await likersOf(store, c.target)).includes('anna'), 'the like is stored');
    });

    it('follows the viewer: another person signing in sees their own likes', async () => {
      const store = company().session('bram');
      const subs = spyMyLikes(store);
      const host = await c.mount(store);
      await waitUntil(() => seen(host, c.target)?.pressed === 'true', 'Bram sees his like');
      store.signInAs('anna');
      await waitUntil(() => seen(host, c.target)?.pressed === 'false', 'Anna does not see Bram\'s like as hers');
      expect(seen(host, c.target)!.count).to.equal('1');
      store.signInAs('bram');
      await waitUntil(() => seen(host, c.target)?.pressed === 'true', 'Bram again');
      // "Which do I like" belongs to whoever is signed in: one subscription per viewer, the old one closed.
      expect(subs).to.deep.equal({ opened: 3, open: 1 });
    });
  });
}

describe('likes in <lenig-like-button>', () => {
  it('a lenig-like-toggle the page cancels changes nothing on screen or in the store', async () => {
    const store = company().session('anna');
    const target = postTarget('general', 'post');
    const host = await fixture<HTMLElement>(html`<lenig-like-button lang="en" target=${target} .store=${store}></lenig-like-button>`);
    await waitUntil(() => seen(host, target)?.count === '1', 'the like shows');
    const heard: CustomEvent[] = [];
    document.addEventListener('lenig-like-toggle', (e) => {
      heard.push(e);
      e.preventDefault();
    }, { once: true });
    buttonFor(host, target).click();
    await aTimeout(50);
    expect(heard.length).to.equal(1);
    expect(heard[0]!.target).to.equal(host);
    expect(seen(host, target)).to.deep.equal({ pressed: 'false', count: '1' });
    expect(await likersOf(store, target)).to.deep.equal(['bram']);
  });
});
