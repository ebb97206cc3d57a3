import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/like-button/like-button.js';
import type { LenigLikeButtonElement } from '../../src/components/like-button/like-button.js';
import { OptimisticLikes } from '../../src/controllers/optimistic-likes.js';
import { MemoryBackend, type MemoryStore } from '../../src/memory/memory-store.js';
import { StoreError } from '../../src/data/store.js';
import { DEFAULT_CATEGORIES, pageTarget, postTarget, type LikeState, type LikeTarget, type Profile } from '../../src/data/types.js';

const TARGET = 'campaign-2026';

const USERS: Profile[] = [
  { uid: 'alice', name: 'Alice de Vries' },
  { uid: 'bob', name: 'Bob Jansen' },
  { uid: 'carla', name: 'Carla Smit' },
  { uid: 'dirk', name: 'Dirk Bakker' },
  { uid: 'eva', name: 'Eva Visser' },
  { uid: 'femke', name: 'Femke de Boer' },
  { uid: 'gijs', name: 'Gijs Mulder' },
  { uid: 'hanna', name: 'Hanna Bos' },
  { uid: 'ivo', name: 'Ivo Peters' },
];

/** A backend with `likers` already liking TARGET, and alice's session on it. */
function setup(options: { likers?: string[]; latency?: number; viewer?: string | null } = {}): {
  backend: MemoryBackend;
  store: MemoryStore;
} {
  const backend = new MemoryBackend({
    users: USERS,
    // A signed-out reader sees the count, as on a project whose rules let signed-out people read.
    publicReads: options.viewer === null,
    seed: options.likers ? { likes: [{ target: TARGET, users: options.likers }] } : {},
  });
  const store = backend.session(options.viewer === undefined ? 'alice' : options.viewer, { latency: options.latency ?? 0 });
  return { backend, store };
}

/** What the server holds for a target, read through a session of its own (not the element's). */
async function stored(backend: MemoryBackend, target: LikeTarget): Promise<LikeState> {
  const observer = backend.session('ivo');
  return new Promise((resolve) => {
    const stop = observer.subscribeLikes(target, (state) => {
      queueMicrotask(() => stop());
      resolve(state);
    });
  });
}

/** The like button's shadow root, which holds the like control itself. */
function viewOf(el: LenigLikeButtonElement): { shadowRoot: ShadowRoot } {
  return { shadowRoot: el.shadowRoot! };
}
/** Whether the control invites to sign in (its "Sign in to like" label shows). */
const signedOut = (el: LenigLikeButtonElement) => el.shadowRoot!.querySelector('[part="label"]') !== null;
/** Whether the control shows its target as archived (dimmed and aria-disabled). */
const archived = (el: LenigLikeButtonElement) => buttonOf(el).getAttribute('aria-disabled') === 'true';
function buttonOf(el: LenigLikeButtonElement): HTMLButtonElement {
  return viewOf(el).shadowRoot!.querySelector('button')!;
}
function tooltipOf(el: LenigLikeButtonElement): HTMLElement {
  return viewOf(el).shadowRoot!.querySelector('[role="tooltip"]')!;
}
function statusOf(el: LenigLikeButtonElement): HTMLElement {
  return el.shadowRoot!.querySelector('[role="status"]')!;
}
const pressed = (el: LenigLikeButtonElement) => buttonOf(el).getAttribute('aria-pressed');
const visibleCount = (el: LenigLikeButtonElement) =>
  viewOf(el).shadowRoot!.querySelector('[part="count"]')!.textContent.trim();

async function ready(el: LenigLikeButtonElement): Promise<void> {
  await waitUntil(() => {
    const button = viewOf(el)?.shadowRoot?.querySelector('button');
    return button && !button.hasAttribute('aria-busy');
  }, 'the like button never finished loading');
}

async function mount(store: MemoryStore, target: string | null = TARGET, lang?: string): Promise<LenigLikeButtonElement> {
  const wrapper = await fixture(
    html`<div lang=${lang ?? 'en'}>
      <lenig-like-button .store=${store} target=${target ?? nothing}></lenig-like-button>
    </div>`,
  );
  const el = wrapper.querySelector('lenig-like-button')!;
  await ready(el);
  return el;
}

/** Records every like and unlike the element sends to the store, in order. */
function spyWrites(store: MemoryStore): string[] {
  const writes: string[] = [];
  const like = store.like.bind(store);
  const unlike = store.unlike.bind(store);
  store.like = (target) => (writes.push('like'), like(target));
  store.unlike = (target) => (writes.push('unlike'), unlike(target));
  return writes;
}

/** Lets the like button render. */
async function settle(el: LenigLikeButtonElement): Promise<void> {
  await el.updateComplete;
}

/**
 * The button as assistive technology gets it: its name (aria-label), pressed state and description (the
 * text of the element aria-describedby points to, which is read even while the tooltip is hidden).
 */
function accessible(el: LenigLikeButtonElement): { name: string | null; pressed: string | null; description: string | null } {
  const button = buttonOf(el);
  const ids = button.getAttribute('aria-describedby');
  const root = viewOf(el).shadowRoot!;
  const description = ids ? ids.split(' ').map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ') : null;
  return { name: button.getAttribute('aria-label'), pressed: button.getAttribute('aria-pressed'), description };
}

afterEach(async () => {
  await resetMouse();
  document.head.querySelectorAll('link[rel="canonical"]').forEach((l) => l.remove());
});

describe('<lenig-like-button>', () => {
  it('names the button with the action and the count, and shows the count', async () => {
    const { store } = setup({ likers: ['bob', 'carla', 'dirk'] });
    const el = await mount(store);
    expect(accessible(el).name).to.equal('Like, 3 likes');
    expect(accessible(el).pressed).to.equal('false');
    expect(visibleCount(el)).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('flips aria-pressed at once and the store ends with exactly one like by the viewer', async () => {
    const { backend, store } = setup({ latency: 150 });
    const el = await mount(store);
    expect(pressed(el)).to.equal('false');
    buttonOf(el).click();
    await settle(el);
    // Shown before the store has answered (its latency is 150 ms).
    expect(pressed(el)).to.equal('true');
    expect(buttonOf(el).getAttribute('aria-label')).to.equal('Like, 1 like');
    expect((await stored(backend, TARGET)).count, 'not written yet').to.equal(0);
    await oneEvent(el, 'lenig-liked');
    const state = await stored(backend, TARGET);
    expect(state.count).to.equal(1);
    expect(state.likers).to.deep.equal(['alice']);
    expect(pressed(el)).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('raises the count live when someone else likes it', async () => {
    const { backend, store } = setup({ likers: ['carla'] });
    const el = await mount(store);
    expect(visibleCount(el)).to.equal('1');
    await backend.session('bob').like(TARGET);
    await waitUntil(() => visibleCount(el) === '2', 'the count did not follow the other session');
    expect(buttonOf(el).getAttribute('aria-label')).to.equal('Like, 2 likes');
    expect(pressed(el)).to.equal('false');
  });

  it('ends a double click where the user left it, and the store agrees', async () => {
    const { backend, store } = setup({ latency: 60, likers: ['bob'] });
    const el = await mount(store);
    const writes = spyWrites(store);
    const seen: string[] = [];
    buttonOf(el).click();
    await settle(el);
    seen.push(pressed(el)!, visibleCount(el));
    buttonOf(el).click();
    await settle(el);
    seen.push(pressed(el)!, visibleCount(el));
    expect(seen).to.deep.equal(['true', '2', 'false', '1']);
    await oneEvent(el, 'lenig-unliked');
    await aTimeout(150);
    expect(pressed(el)).to.equal('false');
    expect(visibleCount(el)).to.equal('1');
    const state = await stored(backend, TARGET);
    expect(state.count).to.equal(1);
    expect(state.likers).to.deep.equal(['bob']);
    // The unlike waited for the like to land: sent in order, never overlapping.
    expect(writes).to.deep.equal(['like', 'unlike']);
  });

  it('ends a triple click liked, with one like stored', async () => {
    const { backend, store } = setup({ latency: 60 });
    const el = await mount(store);
    const writes = spyWrites(store);
    const liked = oneEvent(el, 'lenig-liked');
    for (let i = 0; i < 3; i++) buttonOf(el).click();
    await settle(el);
    expect(pressed(el)).to.equal('true');
    const event = await liked;
    expect(event.detail).to.deep.equal({ target: TARGET, count: 1 });
    await aTimeout(150);
    expect(pressed(el)).to.equal('true');
    const state = await stored(backend, TARGET);
    expect(state.count).to.equal(1);
    expect(state.likers).to.deep.equal(['alice']);
    // Clicks two and three cancel out while the first is in flight: only the first write is sent.
    expect(writes).to.deep.equal(['like']);
  });

  it('rolls back a failed like, says why, and fires lenig-error', async () => {
    const { backend, store } = setup({ latency: 30, likers: ['bob'] });
    const el = await mount(store);
    store.failNext('like', new StoreError('permission-denied', 'rules said no'));
    const failed = oneEvent(el, 'lenig-error');
    buttonOf(el).click();
    await settle(el);
    expect(pressed(el)).to.equal('true');
    const event = await failed;
    expect(event.detail.operation).to.equal('like');
    expect(event.detail.error.code).to.equal('permission-denied');
    await settle(el);
    expect(pressed(el)).to.equal('false');
    expect(visibleCount(el)).to.equal('1');
    const status = statusOf(el);
    expect(status.textContent).to.equal('Your like could not be saved. You are not allowed to do that.');
    expect(status.checkVisibility()).to.be.true;
    expect((await stored(backend, TARGET)).count).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('lets the page cancel a toggle', async () => {
    const { backend, store } = setup();
    const el = await mount(store);
    el.addEventListener('lenig-like-toggle', (e) => e.preventDefault());
    buttonOf(el).click();
    await aTimeout(30);
    expect(pressed(el)).to.equal('false');
    expect((await stored(backend, TARGET)).count).to.equal(0);
  });

  it('says so, in the widget and once in the console, when the database cannot be reached', async () => {
    const { store } = setup();
    // A database that never answers, and a connection the store reports down (the Firebase store does
    // so 4 s after start without one).
    const unreachable = Object.assign(Object.create(store) as MemoryStore, {
      subscribeLikes: () => () => undefined,
      subscribeConnection: (cb: (online: boolean) => void) => (cb(false), () => undefined),
    });
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
    try {
      for (const [lang, sentence] of [
        ['en', 'You are offline. This appears as soon as the connection is back.'],
        ['nl', 'Je bent offline. Dit verschijnt zodra de verbinding terug is.'],
      ] as const) {
        const wrapper = await fixture(html`<div lang=${lang}><lenig-like-button .store=${unreachable} target=${TARGET}></lenig-like-button></div>`);
        const el = wrapper.querySelector('lenig-like-button')!;
        // The fixture is the wrapper: the button may not have rendered yet.
        await waitUntil(() => statusOf(el)?.textContent.trim() === sentence, `saw: "${statusOf(el)?.textContent}"`);
      }
    } finally {
      console.warn = warn;
    }
    expect(warned.filter((w) => w.startsWith('lenig:') && w.includes('no connection to the database'))).to.have.length(1);
  });

  it('invites a signed-out reader to sign in instead of writing', async () => {
    const { backend, store } = setup({ viewer: null, likers: ['bob', 'carla'] });
    const el = await mount(store);
    expect(accessible(el).name).to.equal('Sign in to like, 2 likes');
    expect(accessible(el).pressed, 'not a toggle while signed out').to.equal(null);
    const label = viewOf(el).shadowRoot!.querySelector('[part="label"]')!;
    expect(label.textContent).to.equal('Sign in to like');
    expect(label.checkVisibility()).to.be.true;
    await expect(el).to.be.accessible();

    // Cancelled: nothing happens at all.
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('lenig-sign-in-request', cancel);
    const request = oneEvent(el, 'lenig-sign-in-request');
    buttonOf(el).click();
    expect((await request).detail.target).to.equal(TARGET);
    await aTimeout(30);
    expect(signedOut(el)).to.be.true;
    el.removeEventListener('lenig-sign-in-request', cancel);

    // Not cancelled: the store signs in; still no like was written.
    buttonOf(el).click();
    await waitUntil(() => !signedOut(el), 'the click did not sign in');
    expect(pressed(el)).to.equal('false');
    expect((await stored(backend, TARGET)).count).to.equal(2);
  });

  describe('on a post in an archived channel', () => {
    const POST = postTarget('news', 'p1');
    const ARCHIVED_EN = 'This channel is archived: likes can no longer be added or taken back.';
    const ARCHIVED_NL = 'Dit kanaal is gearchiveerd: je kunt geen likes meer geven of intrekken.';

    /** Alice's session; the post in `news` is liked by bob, carla and alice herself. */
    function archivedSetup(archived = true): { backend: MemoryBackend; store: MemoryStore } {
      const backend = new MemoryBackend({
        users: USERS,
        admins: ['ivo'],
        channels: [{ id: 'news', name: 'News', categories: [...DEFAULT_CATEGORIES], archived }],
        seed: { posts: [{ id: 'p1', channel: 'news', author: 'bob', text: 'Old news', likers: ['bob', 'carla', 'alice'] }] },
      });
      return { backend, store: backend.session('alice') };
    }

    /** Counts the requests to like the button fires; an archived button must fire none. */
    function spyToggles(el: LenigLikeButtonElement): string[] {
      const toggles: string[] = [];
      el.addEventListener('lenig-like-toggle', (e) => toggles.push(e.type));
      return toggles;
    }

    it('shows the count on a dimmed, aria-disabled button that says why, and a click writes nothing', async () => {
      const { backend, store } = archivedSetup();
      const writes = spyWrites(store);
      const el = await mount(store, POST);
      const toggles = spyToggles(el);
      const button = buttonOf(el);
      expect(visibleCount(el)).to.equal('3');
      expect(accessible(el).name).to.equal('Like, 3 likes');
      expect(accessible(el).pressed, 'her own like still shows').to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(archived(el)).to.be.true;
      // Dimmed, and not the pointer of something clickable.
      expect(Number(getComputedStyle(button).opacity)).to.be.below(1);
      expect(getComputedStyle(button).cursor).to.equal('not-allowed');
      // The reason is the button's description, read on focus even while the tooltip is hidden.
      expect(accessible(el).description).to.match(new RegExp(`^${ARCHIVED_EN}`));
      expect(tooltipOf(el).checkVisibility()).to.be.false;
      await expect(el).to.be.accessible();

      // A click shows the reason, and nothing else happens.
      button.click();
      await settle(el);
      await waitUntil(() => tooltipOf(el).checkVisibility(), 'a click did not show why');
      await waitUntil(() => accessible(el).description === `${ARCHIVED_EN}Liked by you, Carla Smit, and Bob Jansen`, `described as "${accessible(el).description}"`);
      await aTimeout(30);
      expect(pressed(el)).to.equal('true');
      expect(visibleCount(el)).to.equal('3');
      expect(statusOf(el).textContent.trim(), 'no failure to report').to.equal('');
      // Still focusable: a keyboard user reaches it and hears why; Enter and Space do nothing either.
      button.focus();
      expect(viewOf(el).shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      await aTimeout(30);
      expect(toggles).to.deep.equal([]);
      expect(writes).to.deep.equal([]);
      const state = await stored(backend, POST);
      expect(state.count).to.equal(3);
      expect(state.archived).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(tooltipOf(el).checkVisibility(), 'Escape hides the reason').to.be.false;
    });

    it('says why in Dutch under lang="nl"', async () => {
      const { store } = archivedSetup();
      const el = await mount(store, POST, 'nl');
      await waitUntil(() => accessible(el).description?.startsWith(ARCHIVED_NL) === true, `described as "${accessible(el).description}"`);
      expect(accessible(el).name).to.equal('Vind ik leuk, 3 keer');
      expect(buttonOf(el).getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('closes when the channel is archived while shown, and opens again when it is reopened', async () => {
      const { backend, store } = archivedSetup(false);
      const admin = backend.session('ivo');
      const el = await mount(store, POST);
      expect(buttonOf(el).hasAttribute('aria-disabled')).to.be.false;
      await admin.updateChannel('news', { archived: true });
      await waitUntil(() => buttonOf(el).getAttribute('aria-disabled') === 'true', 'archiving did not close the button');
      const writes = spyWrites(store);
      buttonOf(el).click();
      await aTimeout(30);
      expect(writes).to.deep.equal([]);
      await admin.updateChannel('news', { archived: false });
      await waitUntil(() => !buttonOf(el).hasAttribute('aria-disabled'), 'reopening did not open the button');
      expect(accessible(el).description).not.to.contain(ARCHIVED_EN);
      buttonOf(el).click();
      await oneEvent(el, 'lenig-unliked');
      expect(writes).to.deep.equal(['unlike']);
      expect((await stored(backend, POST)).count).to.equal(2);
    });

    it('shows why after a click that leaves no focus behind (touch, Safari) for a while, and not once the channel reopens', async () => {
      const { backend, store } = archivedSetup();
      const admin = backend.session('ivo');
      const el = await mount(store, POST);
      // A script's click focuses nothing, as a tap in Safari does not: no focusout will ever close it.
      buttonOf(el).click();
      await waitUntil(() => tooltipOf(el).checkVisibility(), 'a click did not show why');
      expect(viewOf(el).shadowRoot!.activeElement).to.equal(null);
      await waitUntil(() => !tooltipOf(el).checkVisibility(), 'the reason stayed over the page', { timeout: 9000 });

      buttonOf(el).click();
      await waitUntil(() => tooltipOf(el).checkVisibility(), 'a second click did not show why');
      await admin.updateChannel('news', { archived: false });
      await waitUntil(() => !buttonOf(el).hasAttribute('aria-disabled'), 'reopening did not open the button');
      await waitUntil(() => !tooltipOf(el).checkVisibility(), 'the reason stayed after the channel reopened');
    });

    it('closes when the channel is deleted while shown, and says the channel no longer exists, in English and Dutch', async () => {
      const { backend, store } = archivedSetup(false);
      const el = await mount(store, POST);
      const nl = await mount(backend.session('carla'), POST, 'nl');
      expect(buttonOf(el).hasAttribute('aria-disabled')).to.be.false;
      // An admin removes the channel's record (the Firebase console); its posts and likes stay.
      backend.deleteChannel('news');
      await waitUntil(() => buttonOf(el).getAttribute('aria-disabled') === 'true', 'deleting the channel did not close the button');
      expect(accessible(el).name, 'the count still shows').to.equal('Like, 3 likes');
      await waitUntil(
        () => accessible(el).description?.startsWith('This channel no longer exists: likes can no longer be added or taken back.') === true,
        `described as "${accessible(el).description}"`,
      );
      expect(accessible(el).description).not.to.contain(ARCHIVED_EN);
      await waitUntil(
        () => accessible(nl).description?.startsWith('Dit kanaal bestaat niet meer: je kunt geen likes meer geven of intrekken.') === true,
        `described as "${accessible(nl).description}"`,
      );
      const writes = spyWrites(store);
      buttonOf(el).click();
      await aTimeout(30);
      expect(writes).to.deep.equal([]);
      expect(pressed(el), 'her like stays').to.equal('true');
      expect((await stored(backend, POST)).count).to.equal(3);
      await expect(el).to.be.accessible();
    });

    it('never calls a page archived', async () => {
      const { store } = archivedSetup();
      const el = await mount(store, pageTarget('https://intranet.example.com/news/archived-channel'));
      expect(buttonOf(el).hasAttribute('aria-disabled')).to.be.false;
      expect(archived(el)).to.be.false;
    });
  });

  it('toggles with Enter and Space', async () => {
    const { backend, store } = setup();
    const el = await mount(store);
    buttonOf(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pressed(el) === 'true', 'Enter did not like');
    await waitUntil(async () => (await stored(backend, TARGET)).count === 1, 'Enter did not store the like');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => pressed(el) === 'false', 'Space did not unlike');
    await waitUntil(async () => (await stored(backend, TARGET)).count === 0, 'Space did not remove the like');
    expect(viewOf(el).shadowRoot!.activeElement).to.equal(buttonOf(el));
  });

  it('shows who liked it on focus (five names and a count of others) and hides it with Escape', async () => {
    // Liked oldest first: hanna is the newest liker.
    const { store } = setup({ likers: ['bob', 'carla', 'dirk', 'eva', 'femke', 'gijs', 'hanna', 'ivo'] });
    const el = await mount(store);
    const tip = tooltipOf(el);
    expect(tip.checkVisibility()).to.be.false;
    buttonOf(el).focus();
    const expected = 'Liked by Ivo Peters, Hanna Bos, Gijs Mulder, Femke de Boer, Eva Visser, and 3 others';
    await waitUntil(() => tip.textContent.trim() === expected, `tooltip said "${tip.textContent.trim()}"`);
    // Its placement code is loaded at the first focus or hover.
    await waitUntil(() => tip.checkVisibility(), 'focus did not open the tooltip');
    expect(buttonOf(el).getAttribute('aria-describedby')).to.equal(tip.id);
    expect(accessible(el).description).to.equal(expected);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(tip.checkVisibility()).to.be.false;
    expect(viewOf(el).shadowRoot!.activeElement, 'focus stays on the button').to.equal(buttonOf(el));
  });

  it('shows the tooltip on hover and lists the viewer as "you" once liked', async () => {
    const { store } = setup({ likers: ['bob'] });
    const el = await mount(store);
    const r = buttonOf(el).getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
    const tip = tooltipOf(el);
    await waitUntil(() => tip.checkVisibility(), 'hover did not open the tooltip');
    // Its look came with the code the hover fetched: a bordered box next to the button (below it here, at
    // the top of the window), not the browser's own popover box in the middle of the window.
    const box = tip.getBoundingClientRect();
    expect(getComputedStyle(tip).borderTopWidth).to.equal('1px');
    expect(Math.min(Math.abs(r.top - box.bottom), Math.abs(box.top - r.bottom)), 'next to the button').to.be.below(12);
    expect(Math.abs(box.left - r.left), 'lined up with its start').to.be.below(2);
    await waitUntil(() => tip.textContent.trim() === 'Liked by Bob Jansen');
    buttonOf(el).click();
    await waitUntil(() => tip.textContent.trim() === 'Liked by you and Bob Jansen', `tooltip said "${tip.textContent.trim()}"`);
    await sendMouse({ type: 'move', position: [r.x + 400, r.y + 300] });
    await waitUntil(() => !tip.checkVisibility(), 'leaving did not close the tooltip');
  });

  it('speaks Dutch under lang="nl"', async () => {
    const { store } = setup({ likers: ['bob', 'carla', 'dirk', 'eva', 'femke', 'gijs', 'hanna'] });
    const el = await mount(store, TARGET, 'nl');
    expect(buttonOf(el).getAttribute('aria-label')).to.equal('Vind ik leuk, 7 keer');
    buttonOf(el).focus();
    const tip = tooltipOf(el);
    await waitUntil(
      () => tip.textContent.trim() === 'Leuk gevonden door Hanna Bos, Gijs Mulder, Femke de Boer, Eva Visser, Dirk Bakker en nog 2 personen',
      `tooltip said "${tip.textContent.trim()}"`,
    );
    store.failNext('like', new StoreError('permission-denied', 'no'));
    buttonOf(el).click();
    await waitUntil(() => statusOf(el).textContent === 'Je like kon niet worden opgeslagen. Dat mag je niet doen.');
    await expect(el).to.be.accessible();
  });

  it('formats large counts per language', async () => {
    const likers = Array.from({ length: 12345 }, (_, i) => `user-${i}`);
    const { store } = setup({ likers });
    const en = await mount(store);
    expect(visibleCount(en)).to.equal('12,345');
    expect(buttonOf(en).getAttribute('aria-label')).to.equal('Like, 12,345 likes');
    en.closest('div')!.setAttribute('lang', 'nl');
    await waitUntil(() => visibleCount(en) === '12.345', 'did not follow the lang change');
    expect(buttonOf(en).getAttribute('aria-label')).to.equal('Vind ik leuk, 12.345 keer');
  });

  it('likes the canonical page when it has no target', async () => {
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://intranet.example.com/news/summer-party/?utm_source=mail#photos';
    document.head.append(link);
    const { backend, store } = setup();
    const el = await mount(store, null);
    buttonOf(el).click();
    await oneEvent(el, 'lenig-liked');
    const state = await stored(backend, 'https://intranet.example.com/news/summer-party');
    expect(state.count).to.equal(1);
    expect(state.likers).to.deep.equal(['alice']);
  });

  it("likes the page's own address when there is neither a target nor a canonical link", async () => {
    const { backend, store } = setup();
    const el = await mount(store, null);
    buttonOf(el).click();
    const event = await oneEvent(el, 'lenig-liked');
    expect(event.detail.target).to.equal(pageTarget(location.href));
    expect((await stored(backend, pageTarget(location.href))).likers).to.deep.equal(['alice']);
  });

  it('shows a loading placeholder until the count is known', async () => {
    const { store } = setup({ latency: 400, likers: ['bob'] });
    const wrapper = await fixture(html`<div><lenig-like-button .store=${store} target=${TARGET}></lenig-like-button></div>`);
    const el = wrapper.querySelector('lenig-like-button')!;
    await settle(el);
    const button = buttonOf(el);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-label')).to.equal('Loading likes');
    expect(button.disabled).to.be.true;
    expect(viewOf(el).shadowRoot!.querySelector('.skeleton')).to.exist;
    await expect(el).to.be.accessible();
    await ready(el);
    expect(visibleCount(el)).to.equal('1');
  });

  it('says when the likes cannot be loaded, and retries', async () => {
    const { store } = setup({ likers: ['bob'] });
    store.failNext('subscribeLikes', new StoreError('permission-denied', 'no'));
    const failed = new Promise<CustomEvent>((resolve) => document.addEventListener('lenig-error', resolve as EventListener, { once: true }));
    const wrapper = await fixture(html`<div><lenig-like-button .store=${store} target=${TARGET}></lenig-like-button></div>`);
    const el = wrapper.querySelector('lenig-like-button')!;
    expect((await failed).detail.operation).to.equal('subscribeLikes');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Likes could not be loaded.');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.load-error button')!.click();
    await ready(el);
    expect(visibleCount(el)).to.equal('1');
  });

  it('likes offline at once and saves it when the connection is back', async () => {
    const { backend, store } = setup({ likers: ['bob'] });
    const el = await mount(store);
    store.setOnline(false);
    buttonOf(el).click();
    await settle(el);
    expect(pressed(el)).to.equal('true');
    expect(visibleCount(el)).to.equal('2');
    await waitUntil(() => statusOf(el).textContent === 'Saved when you are back online');
    expect((await stored(backend, TARGET)).count, 'nothing reached the server').to.equal(1);
    await expect(el).to.be.accessible();
    store.setOnline(true);
    await oneEvent(el, 'lenig-liked');
    const state = await stored(backend, TARGET);
    expect(state.count).to.equal(2);
    expect(state.likers).to.deep.equal(['alice', 'bob']);
    await waitUntil(() => statusOf(el).textContent === '');
  });
});

describe('OptimisticLikes', () => {
  it('counts likes by others that arrive while a write is pending', async () => {
    const { backend, store } = setup({ latency: 80 });
    let server: LikeState = { target: TARGET, count: 0, mine: false, likers: [] };
    const stop = store.subscribeLikes(TARGET, (s) => (server = s));
    await aTimeout(100);
    const likes = new OptimisticLikes(() => store, () => undefined);
    const done = likes.toggle(TARGET, server.count, server.mine);
    expect(likes.view(TARGET, server.count, server.mine)).to.deep.equal({ count: 1, pressed: true, pending: true });
    await backend.session('bob').like(TARGET);
    await aTimeout(0);
    expect(server.count, 'bob is on the server, alice not yet').to.equal(1);
    expect(likes.view(TARGET, server.count, server.mine)).to.deep.equal({ count: 2, pressed: true, pending: true });
    await done;
    expect(likes.view(TARGET, server.count, server.mine)).to.deep.equal({ count: 2, pressed: true, pending: false });
    stop();
  });

  it('rejects only the last promise of a burst when the write fails, and rolls back', async () => {
    const { store } = setup({ latency: 40 });
    store.failNext('like', new StoreError('offline', 'gone'));
    const likes = new OptimisticLikes(() => store, () => undefined);
    const first = likes.toggle(TARGET, 0, false);
    const second = likes.toggle(TARGET, 0, false);
    const third = likes.toggle(TARGET, 0, false);
    expect(likes.view(TARGET, 0, false).pressed).to.be.true;
    const results = await Promise.allSettled([first, second, third]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'fulfilled', 'rejected']);
    expect(((results[2] as PromiseRejectedResult).reason as StoreError).code).to.equal('offline');
    expect(likes.view(TARGET, 0, false)).to.deep.equal({ count: 0, pressed: false, pending: false });
  });
});
