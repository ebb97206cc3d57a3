import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/notifications/notifications.js';
import type { LenigNotificationsElement, NotificationOpenDetail } from '../../src/components/notifications/notifications.js';
import { MemoryBackend, type MemoryStore } from '../../src/memory/memory-store.js';
import { StoreError } from '../../src/data/store.js';
import { postTarget, type Notification } from '../../src/data/types.js';

const USERS = [
  { uid: 'anna', name: 'Anna de Vries' },
  { uid: 'bram', name: 'Bram Jansen' },
  { uid: 'carla', name: 'Carla Smit' },
  { uid: 'pieter', name: 'Pieter van der Berg' },
];

interface World {
  backend: MemoryBackend;
  /** Anna's session: the one the element uses. */
  store: MemoryStore;
  postId: string;
  ideaId: string;
}

/** Anna with one post and one idea; `seed` notifications for her, oldest first. */
function world(options: { viewer?: string | null; latency?: number; seed?: Omit<Notification, 'id' | 'read' | 'createdAt' | 'channel' | 'post'>[]; read?: number } = {}): World {
  const backend = new MemoryBackend({ users: USERS, admins: ['pieter'] });
  const post = backend.addPost({ author: 'anna', text: 'My first week at the plant', category: 'personal', createdAt: new Date(Date.now() - 3600_000) });
  const idea = backend.addPost({ author: 'anna', text: 'Solar panels on the bike shed', title: 'Solar panels', createdAt: new Date(Date.now() - 3600_000) });
  const seed = options.seed ?? [];
  backend.load({
    notifications: seed.map((n, i) => ({
      ...n,
      to: 'anna',
      channel: 'general',
      post: post.id,
      createdAt: new Date(Date.now() - (seed.length - i) * 60_000),
      read: i < (options.read ?? 0),
    })),
  });
  const store = backend.session(options.viewer === undefined ? 'anna' : options.viewer, { latency: options.latency ?? 0 });
  return { backend, store, postId: post.id, ideaId: idea.id };
}

/**
 * The element itself is the fixture's root (with its own `lang`): a wrapper that is not a Lit element
 * makes the fixture wait for an animation frame, which never comes while the test page is in the
 * background (tests run two pages at once).
 */
async function mount(store: MemoryStore, lang = 'en'): Promise<LenigNotificationsElement> {
  return fixture<LenigNotificationsElement>(html`<lenig-notifications lang=${lang} .store=${store} style="margin: 8px"></lenig-notifications>`);
}

const root = (el: LenigNotificationsElement) => el.shadowRoot!;
const bell = (el: LenigNotificationsElement) => root(el).querySelector<HTMLButtonElement>('[part~="bell"]')!;
const badge = (el: LenigNotificationsElement) => root(el).querySelector('[part~="badge"]')?.textContent?.trim() ?? null;
const panel = (el: LenigNotificationsElement) => root(el).querySelector<HTMLElement>('[part~="panel"]')!;
const items = (el: LenigNotificationsElement) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="item"]')];
/** What a sighted reader sees of each notification: its sentence (the screen-reader "Unread:" left out). */
const sentences = (el: LenigNotificationsElement) =>
  items(el).map((b) => {
    const s = b.querySelector('.sentence')!.cloneNode(true) as HTMLElement;
    s.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
    return s.textContent.trim();
  });
const live = (el: LenigNotificationsElement) => root(el).querySelector('.lenig > [role="status"]')?.textContent?.trim() ?? '';
const isOpen = (el: LenigNotificationsElement) => panel(el).matches(':popover-open');
/** The element focused inside the widget's shadow root, if any. */
const focused = (el: LenigNotificationsElement) => (document.activeElement === el ? root(el).activeElement : null);

async function ready(el: LenigNotificationsElement): Promise<void> {
  await waitUntil(() => bell(el) && bell(el).getAttribute('aria-busy') !== 'true' , 'the bell never finished loading');
}

async function openPanel(el: LenigNotificationsElement): Promise<void> {
  bell(el).click();
  await waitUntil(() => isOpen(el), 'the panel did not open');
  await el.updateComplete;
}

/** Anna's notifications as the server holds them, read through a session of her own. */
function storedFor(backend: MemoryBackend, uid = 'anna'): Promise<Notification[]> {
  return new Promise((resolve) => {
    const stop = backend.session(uid).subscribeNotifications((list) => {
      queueMicrotask(() => stop());
      resolve(list);
    });
  });
}

afterEach(async () => {
  await resetMouse();
});

describe('<lenig-notifications>', () => {
  it('raises the count live when a colleague likes your post, lists and announces it', async () => {
    const { backend, store, postId } = world();
    const el = await mount(store);
    await ready(el);
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications');
    expect(badge(el), 'no badge at 0').to.equal(null);
    await expect(el).to.be.accessible();

    await backend.session('bram').like(postTarget('general', postId));
    await waitUntil(() => badge(el) === '1', 'the count did not go to 1');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 1 unread');
    await waitUntil(() => live(el) === 'New notification: Bram Jansen liked your post', `announced: "${live(el)}"`);

    await openPanel(el);
    expect(sentences(el)).to.deep.equal(['Bram Jansen liked your post']);
    // Unread is said, not only shown.
    expect(items(el)[0]!.textContent).to.contain('Unread:');
    expect(items(el)[0]!.getAttribute('part')).to.contain('unread');
    expect(items(el)[0]!.querySelector('time')!.textContent.trim()).to.equal('now');
    await expect(el).to.be.accessible();
  });

  it('says a vote on your idea is a vote, in English and Dutch', async () => {
    for (const [lang, sentence] of [
      ['en', 'Bram Jansen voted for your idea'],
      ['nl', 'Bram Jansen heeft op je idee gestemd'],
    ] as const) {
      const { backend, store, ideaId } = world();
      const el = await mount(store, lang);
      await ready(el);
      await backend.session('bram').like(postTarget('general', ideaId));
      await waitUntil(() => badge(el) === '1', 'the count did not go to 1');
      await waitUntil(() => live(el).endsWith(sentence), `announced: "${live(el)}"`);
      await openPanel(el);
      expect(sentences(el)).to.deep.equal([sentence]);
      el.remove();
    }
  });

  it('quotes the feedback note when an admin changes the status of your idea', async () => {
    const { backend, store, ideaId } = world();
    const el = await mount(store);
    await ready(el);
    await backend.session('pieter').setIdeaStatus('general', ideaId, 'planned', 'Facilities will install them in spring.');
    await waitUntil(() => badge(el) === '1');
    await openPanel(el);
    expect(sentences(el)).to.deep.equal(['Pieter van der Berg set an idea you follow to “Planned”']);
    expect(items(el)[0]!.querySelector('q[part~="note"]')!.textContent).to.equal('Facilities will install them in spring.');
    await expect(el).to.be.accessible();
  });

  it('lists every kind newest first, with actor names', async () => {
    const { store } = world({
      seed: [
        { type: 'assigned', actor: 'pieter' },
        { type: 'mentioned', actor: 'carla' },
        { type: 'commented', actor: 'bram' },
      ],
    });
    const el = await mount(store);
    await ready(el);
    expect(badge(el)).to.equal('3');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 3 unread');
    await openPanel(el);
    await waitUntil(() => !sentences(el).some((s) => s.startsWith('Someone')), 'names did not load');
    expect(sentences(el)).to.deep.equal([
      'Bram Jansen commented on your post',
      'Carla Smit mentioned you in a post',
      'Pieter van der Berg made you owner of an idea',
    ]);
  });

  it('marks one read when opened: the count drops, the store has read=true, and the page hears where to go', async () => {
    const { backend, store, postId } = world({ seed: [{ type: 'liked', actor: 'bram' }, { type: 'commented', actor: 'carla' }] });
    const el = await mount(store);
    await ready(el);
    expect(badge(el)).to.equal('2');
    await openPanel(el);
    const newest = items(el)[0]!;
    const opened = oneEvent(el, 'lenig-notification-open');
    newest.click();
    const event = (await opened) as CustomEvent<NotificationOpenDetail>;
    expect(event.detail.channel).to.equal('general');
    expect(event.detail.post).to.equal(postId);
    expect(event.detail.notification.type).to.equal('commented');
    expect(event.detail.notification.actor).to.equal('carla');
    await el.updateComplete;
    expect(badge(el)).to.equal('1');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 1 unread');
    // The panel closed and focus is back on the bell, for the page to navigate from.
    expect(isOpen(el)).to.equal(false);
    expect(focused(el) === bell(el), 'focus is on the bell').to.equal(true);
    const stored = await storedFor(backend);
    expect(stored.map((n) => [n.type, n.read])).to.deep.equal([
      ['commented', true],
      ['liked', false],
    ]);
  });

  it('says a notification whose channel an admin deleted leads nowhere: opening it marks it read and says so, in English and Dutch', async () => {
    for (const [lang, line, said] of [
      ['en', 'This channel no longer exists', 'There is nothing to open: this channel no longer exists.'],
      ['nl', 'Dit kanaal bestaat niet meer', 'Er is niets om te openen: dit kanaal bestaat niet meer.'],
    ] as const) {
      const { backend, store } = world({ seed: [{ type: 'commented', actor: 'carla' }] });
      // An admin removes the channel's record (the Firebase console); its posts and notifications stay.
      backend.deleteChannel('general');
      const el = await mount(store, lang);
      await ready(el);
      await openPanel(el);
      const item = () => items(el)[0]!;
      await waitUntil(() => item().querySelector('[part="gone"]'), `${lang}: the item says its channel is gone`);
      expect(item().querySelector('[part="gone"]')!.textContent.trim()).to.equal(line);
      await expect(el).to.be.accessible();
      let opened = 0;
      el.addEventListener('lenig-notification-open', () => opened++);
      item().focus();
      item().click();
      await waitUntil(() => root(el).querySelector('[role="alert"]')?.textContent?.trim() === said, `${lang}: said on opening`);
      expect(opened, 'no page to go to').to.equal(0);
      expect(isOpen(el), 'the panel stays').to.equal(true);
      expect(focused(el) === item(), 'focus stays on the notification').to.equal(true);
      await waitUntil(() => badge(el) === null, 'marked read');
      expect((await storedFor(backend)).map((n) => n.read)).to.deep.equal([true]);
      await expect(el).to.be.accessible();
    }
  });

  it('keeps the panel open when the page cancels lenig-notification-open', async () => {
    const { store } = world({ seed: [{ type: 'liked', actor: 'bram' }] });
    const el = await mount(store);
    await ready(el);
    el.addEventListener('lenig-notification-open', (e) => e.preventDefault(), { once: true });
    await openPanel(el);
    items(el)[0]!.click();
    await el.updateComplete;
    expect(isOpen(el)).to.equal(true);
    expect(items(el)[0]!.textContent).to.not.contain('Unread:');
  });

  it('marks all as read, says so, and the store agrees', async () => {
    const { backend, store } = world({
      seed: [{ type: 'liked', actor: 'bram' }, { type: 'commented', actor: 'carla' }, { type: 'mentioned', actor: 'pieter' }],
      read: 1,
    });
    const el = await mount(store);
    await ready(el);
    expect(badge(el)).to.equal('2');
    await openPanel(el);
    const markAll = root(el).querySelector<HTMLButtonElement>('[part~="mark-all"]')!;
    expect(markAll.textContent.trim()).to.equal('Mark all as read');
    markAll.click();
    await el.updateComplete;
    expect(badge(el)).to.equal(null);
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications');
    expect(root(el).querySelector('[part~="mark-all"]') === null, 'absent').to.equal(true);
    expect(items(el).every((b) => !b.textContent.includes('Unread:'))).to.equal(true);
    await waitUntil(() => live(el) === 'All notifications marked as read');
    // Focus did not fall out of the widget when the button went away.
    expect(root(el).activeElement === panel(el), 'focus is on the panel').to.equal(true);
    const stored = await storedFor(backend);
    expect(stored.map((n) => n.read)).to.deep.equal([true, true, true]);
    await expect(el).to.be.accessible();
  });

  it('closes on Escape and returns focus to the bell; aria-expanded follows', async () => {
    const { store } = world({ seed: [{ type: 'liked', actor: 'bram' }] });
    const el = await mount(store);
    await ready(el);
    bell(el).focus();
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).getElementById(bell(el).getAttribute('aria-controls')!) === panel(el), 'aria-controls names the panel').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => isOpen(el));
    expect(bell(el).getAttribute('aria-expanded')).to.equal('true');
    // Focus moved into the panel, to the first notification.
    expect(focused(el) === items(el)[0], 'focus is on the first notification').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el) === bell(el), 'focus is on the bell').to.equal(true);
  });

  it('closes on a click outside, and focus comes back to the bell', async () => {
    const { store } = world({ seed: [{ type: 'liked', actor: 'bram' }] });
    const el = await mount(store);
    await ready(el);
    await openPanel(el);
    await sendMouse({ type: 'click', position: [5, 590] });
    await waitUntil(() => !isOpen(el), 'the panel stayed open');
    await waitUntil(() => focused(el) === bell(el), 'focus did not come back to the bell');
  });

  it('closes when Tab moves focus past the last notification, leaving focus where it went', async () => {
    const { store } = world({ seed: [{ type: 'liked', actor: 'bram' }] });
    const el = await mount(store);
    const after = document.createElement('button');
    after.textContent = 'Next thing on the page';
    el.after(after);
    try {
      await ready(el);
      bell(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => isOpen(el));
      expect(focused(el) === items(el)[0], 'focus is on the notification').to.equal(true);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      expect(document.activeElement === after, 'focus moved on to the page').to.equal(true);
    } finally {
      after.remove();
    }
  });

  it('shows "You’re all caught up" when there is nothing', async () => {
    const { store } = world();
    const el = await mount(store);
    await ready(el);
    await openPanel(el);
    expect(panel(el).textContent).to.contain('You’re all caught up');
    expect(items(el).length).to.equal(0);
    expect(root(el).querySelector('[part~="mark-all"]') === null, 'absent').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows loading while the list is on its way', async () => {
    const { store } = world({ latency: 500 });
    const el = await mount(store);
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-busy')).to.equal('true');
    await openPanel(el);
    expect(root(el).querySelector('[part~="panel"] [role="status"]')!.textContent.trim()).to.equal('Loading notifications…');
    await expect(el).to.be.accessible();
    await waitUntil(() => root(el).textContent?.includes('You’re all caught up') || panel(el).textContent.includes('caught up'), 'never loaded', {
      timeout: 3000,
    });
  });

  it('reports a failed load with a retry that works', async () => {
    const { store } = world({ seed: [{ type: 'liked', actor: 'bram' }] });
    store.failNext('subscribeNotifications', new StoreError('permission-denied', 'no'));
    const el = await mount(store);
    await waitUntil(() => bell(el).getAttribute('aria-label') === 'Notifications, could not be loaded');
    await openPanel(el);
    const alert = root(el).querySelector('[part~="panel"] [role="alert"]')!;
    expect(alert.textContent).to.contain('Your notifications could not be loaded.');
    await expect(el).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitUntil(() => items(el).length === 1, 'retry did not load the list');
    expect(badge(el)).to.equal('1');
  });

  it('rolls back a mark-read the store refuses, and says so', async () => {
    const { backend, store } = world({ seed: [{ type: 'liked', actor: 'bram' }] });
    store.failNext('markNotificationsRead', new StoreError('permission-denied', 'no'));
    const el = await mount(store);
    await ready(el);
    el.addEventListener('lenig-notification-open', (e) => e.preventDefault());
    await openPanel(el);
    const failed = oneEvent(el, 'lenig-error');
    items(el)[0]!.click();
    expect((await failed).detail.operation).to.equal('markNotificationsRead');
    await el.updateComplete;
    expect(badge(el)).to.equal('1');
    expect(root(el).querySelector('[part~="panel"] [role="alert"]')!.textContent).to.contain('Could not mark as read.');
    expect((await storedFor(backend))[0]!.read).to.equal(false);
  });

  it('caps the badge at 99+ but names the real count', async () => {
    const seed = Array.from({ length: 120 }, () => ({ type: 'liked' as const, actor: 'bram' }));
    const { store } = world({ seed });
    const el = await mount(store);
    await ready(el);
    expect(badge(el)).to.equal('99+');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 120 unread');
    await openPanel(el);
    expect(items(el).length).to.equal(50);
    expect(panel(el).textContent).to.contain('Showing the newest 50 of 120');
  });

  it('invites a signed-out reader to sign in, and shows the bell once signed in', async () => {
    const { store, backend } = world({ viewer: null });
    backend.load({ notifications: [{ to: 'anna', type: 'liked', actor: 'bram', channel: 'general', post: 'x' }] });
    const el = await mount(store);
    await waitUntil(() => bell(el)?.getAttribute('aria-label') === 'Sign in to see notifications');
    expect(bell(el).hasAttribute('aria-expanded')).to.equal(false);
    await expect(el).to.be.accessible();
    bell(el).click();
    await waitUntil(() => badge(el) === '1', 'signing in did not bring the list');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 1 unread');
  });

  it('offline: marks read at once and says changes are sent later', async () => {
    const { backend, store } = world({ seed: [{ type: 'liked', actor: 'bram' }] });
    const el = await mount(store);
    await ready(el);
    store.setOnline(false);
    el.addEventListener('lenig-notification-open', (e) => e.preventDefault());
    await openPanel(el);
    expect(root(el).querySelector('[part~="offline"]')!.textContent).to.contain('You are offline');
    items(el)[0]!.click();
    await el.updateComplete;
    expect(badge(el)).to.equal(null);
    await expect(el).to.be.accessible();
    expect((await storedFor(backend))[0]!.read, 'not on the server while offline').to.equal(false);
    store.setOnline(true);
    await waitUntil(async () => (await storedFor(backend))[0]!.read, 'the read was not sent when back online');
  });

  it('speaks Dutch', async () => {
    const { backend, store, ideaId } = world({ seed: [{ type: 'liked', actor: 'bram' }, { type: 'commented', actor: 'carla' }] });
    const el = await mount(store, 'nl');
    await ready(el);
    expect(bell(el).getAttribute('aria-label')).to.equal('Meldingen, 2 ongelezen');
    await backend.session('pieter').setIdeaStatus('general', ideaId, 'declined', 'Te duur voor dit jaar.');
    await waitUntil(() => live(el).startsWith('Nieuwe melding:'), 'not announced');
    expect(live(el)).to.equal('Nieuwe melding: Pieter van der Berg heeft een idee dat je volgt op „Afgewezen” gezet');
    await openPanel(el);
    expect(sentences(el)).to.deep.equal([
      'Pieter van der Berg heeft een idee dat je volgt op „Afgewezen” gezet',
      'Carla Smit heeft gereageerd op je bericht',
      'Bram Jansen vindt je bericht leuk',
    ]);
    expect(items(el)[0]!.textContent).to.contain('Ongelezen:');
    expect(root(el).querySelector('[part~="mark-all"]')!.textContent.trim()).to.equal('Alles als gelezen markeren');
    await expect(el).to.be.accessible();
  });
});
