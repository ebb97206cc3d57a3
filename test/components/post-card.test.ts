import { ContextProvider } from '@lit/context';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { useFakeTimers } from 'sinon';

async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}
import '../../src/components/post-card/post-card.js';
import type { LenigPostCardElement, PostEditRequestDetail } from '../../src/components/post-card/post-card.js';
import { avatarColor, initials } from '../../src/components/shared/avatar.js';
import { storeContext } from '../../src/data/context.js';
import { StoreError } from '../../src/data/store.js';
import { postTarget, type Post, type Profile, type Viewer } from '../../src/data/types.js';
import { cardButton, company, deepActive, inCard, minutesAgo, typeInto } from './feed-helpers.js';

const anna: Profile = { uid: 'anna', name: 'Anna de Vries', jobTitle: 'HR advisor' };
const annaViewer: Viewer = { uid: 'anna', anonymous: false, admin: false, profile: anna };
const adminViewer: Viewer = { uid: 'carla', anonymous: false, admin: true };

function post(over: Partial<Post> = {}): Post {
  return {
    id: 'p1',
    channel: 'general',
    author: 'anna',
    text: 'Hello team',
    category: 'news',
    createdAt: minutesAgo(10),
    likeCount: 2,
    commentCount: 0,
    hidden: false,
    ...over,
  };
}

async function card(props: {
  post?: Post;
  author?: Profile | null;
  viewer?: Viewer | null;
  pending?: boolean;
  archived?: boolean;
  lang?: string;
}): Promise<LenigPostCardElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${props.lang ?? 'en'} style="width: 560px">
    <lenig-post-card
      .post=${props.post ?? post()}
      .author=${'author' in props ? props.author : anna}
      .viewer=${props.viewer ?? null}
      .likeCount=${2}
      ?pending=${props.pending ?? false}
      ?archived=${props.archived ?? false}
    ></lenig-post-card>
  </div>`);
  const el = wrapper.querySelector('lenig-post-card')!;
  await el.updateComplete;
  return el;
}

/**
 * Makes this page's requests for the comments' code fail, or hold them unanswered, or lets them (and those
 * held) through again with `null`. Acts on this page only and bypasses its cache, so it works even when
 * another test file's page fetched that code already.
 */
const commentsCode = (answer: 'fail' | 'hold' | null) =>
  executeServerCommand('lenig-page-requests', answer ? { pattern: '*/src/components/comments/comments.ts*', answer } : { pattern: null });

/** What a card shows in place of its comments while their code is not there, as one line. */
function waiting(el: LenigPostCardElement): string {
  return (inCard(el, '.comments-wait')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
const commentsAlert = (el: LenigPostCardElement) => inCard(el, '.comments-wait [role="alert"]');

// First in the file: the comments' code must not have been loaded on this page yet (once it is, every
// card's comments render at once).
describe('<lenig-post-card> comments, their code fetched on demand', () => {
  it('says "Loading…", and after 10 s without an answer that the comments could not be loaded, with Try again (English and Dutch)', async () => {
    const en = await card({ viewer: annaViewer });
    const nl = await card({ viewer: annaViewer, lang: 'nl' });
    await waitUntil(() => cardButton(nl, /Reageren/), 'the Dutch card');
    await commentsCode('hold');
    const clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    try {
      cardButton(en, /Comment/)!.click();
      cardButton(nl, /Reageren/)!.click();
      await Promise.all([en.updateComplete, nl.updateComplete]);
      expect(inCard(en, '.comments-wait [role="status"]')!.textContent).to.equal('Loading…');
      expect(inCard(nl, '.comments-wait [role="status"]')!.textContent).to.equal('Laden…');
      clock.tick(9_999);
      await Promise.all([en.updateComplete, nl.updateComplete]);
      expect(waiting(en)).to.equal('Loading…');
      expect(commentsAlert(en)).to.equal(null);
      clock.tick(1);
      await Promise.all([en.updateComplete, nl.updateComplete]);
    } finally {
      clock.restore();
    }
    expect(waiting(en)).to.equal('The comments could not be loaded. Try again');
    expect(commentsAlert(en)!.querySelector('p')!.textContent).to.equal('The comments could not be loaded.');
    expect(commentsAlert(en)!.querySelector('button')!.textContent).to.equal('Try again');
    expect(waiting(nl)).to.equal('De reacties konden niet worden geladen. Opnieuw proberen');
    expect(inCard(en, '#comments-toggle')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(en).to.be.accessible();
    await expect(nl).to.be.accessible();
    // The held download fails now, so the comments' code stays undefined for the next test.
    await commentsCode('fail');
    await commentsCode(null);
  });

  it('says when the download failed, with Try again reached by keyboard; Try again fetches the code anew, taken even after 10 s', async () => {
    const store = company([
      { id: 'p1', author: 'bram', text: 'Who has the key of room 2.14?', createdAt: minutesAgo(30), comments: [{ author: 'carla', text: 'Reception has a spare', createdAt: minutesAgo(20) }] },
    ]).session('anna');
    const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="width: 560px">
      <lenig-post-card .post=${post({ author: 'bram', text: 'Who has the key of room 2.14?', commentCount: 1 })} .viewer=${annaViewer}></lenig-post-card>
    </div>`);
    // The comments find their store as on a page: from a provider above the card.
    new ContextProvider(wrapper, { context: storeContext, initialValue: store });
    const el = wrapper.querySelector('lenig-post-card')!;
    await el.updateComplete;
    const toggle = inCard<HTMLButtonElement>(el, '#comments-toggle')!;
    await commentsCode('fail');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => commentsAlert(el), 'no message that the comments could not be loaded');
    expect(waiting(el)).to.equal('The comments could not be loaded. Try again');
    await expect(el).to.be.accessible();

    // Report, then Try again; pressed while the download still fails, it says so again, and focus goes
    // back to the Comments button rather than to the page.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.equal('Try again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => commentsAlert(el) && deepActive() === toggle, 'the failure said again, focus on the Comments button');

    // Now the download hangs: Try again fetches it anew and says "Loading…", after 10 s that it could not
    // be loaded — and when it comes after all, the comments show.
    await commentsCode('hold');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.equal('Try again');
    const clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    try {
      (deepActive() as HTMLButtonElement).click();
      await el.updateComplete;
      expect(waiting(el)).to.equal('Loading…');
      clock.tick(10_000);
      await el.updateComplete;
      expect(waiting(el)).to.equal('The comments could not be loaded. Try again');
    } finally {
      clock.restore();
    }
    expect(deepActive()).to.equal(toggle);
    // The code comes after all while Try again has focus: the comments take its place, and focus goes
    // to the Comments button rather than to the page.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.equal('Try again');
    await commentsCode(null);
    const comments = inCard(el, 'lenig-comments')!;
    await waitUntil(() => comments.shadowRoot?.textContent?.includes('Reception has a spare'), 'the comments did not show once their code came', { timeout: 10_000 });
    expect(inCard(el, '.comments-wait'), 'the card\'s own messages are gone').to.equal(null);
    await waitUntil(() => deepActive() === toggle, `focus on ${deepActive()?.outerHTML ?? 'nothing'}, not on the Comments button`);
    await expect(el).to.be.accessible();
  });
});

describe('<lenig-post-card>', () => {
  it('shows initials on a colour taken from the uid when there is no photo', async () => {
    const el = await card({});
    const avatar = inCard(el, '[part="avatar"]')!;
    expect(avatar.textContent.trim()).to.equal('AV');
    expect(avatar.getAttribute('aria-hidden')).to.equal('true');
    const expected = document.createElement('div');
    expected.style.color = avatarColor('anna');
    document.body.append(expected);
    expect(getComputedStyle(avatar).backgroundColor).to.equal(getComputedStyle(expected).color);
    expected.remove();
    expect(avatarColor('anna')).to.equal(avatarColor('anna'));
    expect(new Set(['anna', 'bram', 'carla', 'dirk', 'eva', 'fleur'].map(avatarColor)).size).to.be.greaterThan(2);
    await expect(el).to.be.accessible();
  });

  it('shows the photo when there is one', async () => {
    // An address that does not resolve: the src is what counts (only https pictures are shown).
    const photo = 'https://photos.invalid/anna.jpg';
    const el = await card({ author: { ...anna, photoURL: photo } });
    const img = inCard<HTMLImageElement>(el, '[part="avatar"] img')!;
    expect(img.getAttribute('src')).to.equal(photo);
    expect(img.alt).to.equal('');
  });

  it('makes initials from letters', () => {
    expect(initials('Anna de Vries')).to.equal('AV');
    expect(initials('jan')).to.equal('J');
    expect(initials('Émile Östlund')).to.equal('ÉÖ');
    expect(initials('  ')).to.equal('?');
  });

  it('says "Someone" for a person without a profile', async () => {
    const el = await card({ author: null });
    expect(inCard(el, '#author')!.textContent.trim()).to.equal('Someone');
  });

  it('marks an edited post, with the edit date as its title', async () => {
    const el = await card({ post: post({ editedAt: minutesAgo(2) }) });
    const edited = inCard(el, '.edited')!;
    expect(edited.textContent).to.equal('edited');
    expect(edited.getAttribute('title')).to.match(/^Edited .*\d{4}/);
  });

  it('shows an unknown category by its key', async () => {
    const el = await card({ post: post({ category: 'safety-first' }) });
    expect(inCard(el, '[part="category"]')!.textContent).to.equal('safety-first');
  });

  it('shows a post not yet sent as "Sending…" with likes and comments held back', async () => {
    const el = await card({ pending: true, viewer: annaViewer });
    expect(inCard(el, '.header')!.textContent).to.contain('Sending…');
    expect(inCard(el, 'article')!.getAttribute('aria-busy')).to.equal('true');
    expect(inCard<HTMLButtonElement>(el, '[part~="like-button"]')!.disabled).to.equal(true);
    expect(cardButton(el, /Comment/)!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('asks to save an edit and shows the reason when the answer is a refusal', async () => {
    const el = await card({ viewer: annaViewer });
    cardButton(el, /^\s*Edit\s*$/)!.click();
    await el.updateComplete;
    typeInto(inCard<HTMLTextAreaElement>(el, 'textarea')!, 'Hello everyone');
    let request: CustomEvent<PostEditRequestDetail> | undefined;
    // The answer must be given while the event is dispatched, as a container does.
    el.addEventListener('lenig-post-edit', (e) => {
      request = e;
      e.detail.respondWith(Promise.reject(new StoreError('permission-denied', 'no')));
    });
    cardButton(el, /^\s*Save\s*$/)!.click();
    expect(request!.detail.text).to.equal('Hello everyone');
    expect(request!.detail.post.id).to.equal('p1');
    expect(request!.cancelable).to.equal(true);
    expect(request!.composed).to.equal(true);
    await waitUntil(() => inCard(el, '[role="alert"]')?.textContent, 'reason');
    expect(inCard(el, '[role="alert"]')!.textContent).to.equal('You are not allowed to do that.');
    expect(inCard<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Hello everyone');
    await expect(el).to.be.accessible();
  });

  it('shows "Saving…" while the answer is pending and closes the editor when it succeeds', async () => {
    const el = await card({ viewer: annaViewer });
    cardButton(el, /^\s*Edit\s*$/)!.click();
    await el.updateComplete;
    // The editor stands in the text's place: the text is not shown twice.
    expect(inCard(el, '#body')!.checkVisibility(), 'the text while editing').to.equal(false);
    typeInto(inCard<HTMLTextAreaElement>(el, 'textarea')!, 'Changed');
    let finish!: () => void;
    el.addEventListener('lenig-post-edit', (e) => e.detail.respondWith(new Promise<void>((r) => (finish = r))), { once: true });
    cardButton(el, /^\s*Save\s*$/)!.click();
    await el.updateComplete;
    expect(cardButton(el, /Saving…/)!.disabled).to.equal(true);
    finish();
    await waitUntil(() => !inCard(el, 'textarea'), 'editor closed');
    expect(deepActive()?.id).to.equal('edit');
    expect(inCard(el, '#body')!.checkVisibility(), 'the text again').to.equal(true);
    expect(inCard(el, '#body')!.textContent).to.equal('Hello team');
  });

  it('saves with Ctrl+Enter', async () => {
    const el = await card({ viewer: annaViewer });
    cardButton(el, /^\s*Edit\s*$/)!.click();
    await el.updateComplete;
    await sendKeys({ type: '!' });
    setTimeout(() => void ctrlEnter());
    const { detail } = await oneEvent(el, 'lenig-post-edit');
    expect(detail.text).to.equal('Hello team!');
  });

  it('cancels the delete step with Escape and returns focus to Delete', async () => {
    const el = await card({ viewer: annaViewer });
    let asked = false;
    el.addEventListener('lenig-post-delete', () => (asked = true));
    cardButton(el, /^\s*Delete\s*$/)!.click();
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('delete-cancel');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(inCard(el, '#delete-question')).to.equal(null);
    expect(deepActive()?.id).to.equal('delete');
    expect(asked).to.equal(false);
  });

  it('offers Hide to an admin and asks with the new state', async () => {
    const el = await card({ viewer: adminViewer });
    const hide = cardButton(el, /^\s*Hide\s*$/)!;
    expect(hide.getAttribute('aria-pressed')).to.equal('false');
    setTimeout(() => hide.click());
    const { detail } = await oneEvent(el, 'lenig-post-hide');
    expect(detail.hidden).to.equal(true);
  });

  it('shows a hidden post greyed, marked "Hidden for others", with "Show again"', async () => {
    const el = await card({ viewer: adminViewer, post: post({ hidden: true }) });
    expect(inCard(el, 'article')!.classList.contains('hidden')).to.equal(true);
    expect(inCard(el, '.header')!.textContent).to.contain('Hidden for others');
    expect(cardButton(el, /Show again/)!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('holds its like button in its own shadow root: named with the count, pressed state, liked-by tooltip, keyboard', async () => {
    const el = await card({ viewer: annaViewer });
    // No like-view element of its own: a feed pays for one per post.
    expect(el.shadowRoot!.querySelector('lenig-like-view')).to.equal(null);
    const like = inCard<HTMLButtonElement>(el, 'button[part~="like-button"]')!;
    expect(like.getAttribute('aria-label')).to.equal('Like, 2 likes');
    expect(like.getAttribute('aria-pressed')).to.equal('false');
    expect(inCard(el, '[part~="like-count"]')!.textContent).to.equal('2');
    // The tooltip is the button's description, asked for at the first focus, and names who liked it.
    const asked = oneEvent(el, 'lenig-likers-request');
    like.focus();
    expect((await asked).detail.target).to.equal(postTarget('general', 'p1'));
    el.likers = ['Bram Jansen', 'Carla Smit'];
    await el.updateComplete;
    const tip = el.shadowRoot!.getElementById(like.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(tip.textContent).to.contain('Bram Jansen');
    // Enter asks to like, from the card, cancelable; the card does not change by itself.
    const toggle = oneEvent(el, 'lenig-like-toggle');
    await sendKeys({ press: 'Enter' });
    const e = await toggle;
    expect(e.detail).to.deep.equal({ target: postTarget('general', 'p1'), liked: true });
    expect(e.cancelable && e.composed && e.bubbles).to.equal(true);
    expect(like.getAttribute('aria-pressed')).to.equal('false');
    el.liked = true;
    el.likeCount = 3;
    await el.updateComplete;
    expect(like.getAttribute('aria-pressed')).to.equal('true');
    expect(like.getAttribute('aria-label')).to.equal('Like, 3 likes');
    await expect(el).to.be.accessible();
  });

  it('in an archived channel, keeps its like button focusable and aria-disabled, says why, asks nothing, and still renders a new count alone', async () => {
    const el = await card({ viewer: annaViewer, archived: true });
    const like = inCard<HTMLButtonElement>(el, 'button[part~="like-button"]')!;
    expect(like.disabled).to.equal(false);
    expect(like.getAttribute('aria-disabled')).to.equal('true');
    const tip = () => el.shadowRoot!.getElementById(like.getAttribute('aria-describedby')!)!;
    expect(tip().textContent).to.match(/^This channel is archived: likes can no longer be added or taken back\./);
    const toggles: Event[] = [];
    el.addEventListener('lenig-like-toggle', (e) => toggles.push(e));
    like.focus();
    expect(el.shadowRoot!.activeElement).to.equal(like);
    await sendKeys({ press: 'Enter' });
    like.click();
    await el.updateComplete;
    expect(toggles).to.deep.equal([]);
    // Shown once the tooltip's look and placement have arrived (fetched at the focus above).
    await waitUntil(() => tip().checkVisibility(), 'the reason shows');
    // A colleague's like arriving later (the count alone changed) renders the like control alone, still closed.
    const update = el['update'].bind(el);
    let whole = 0;
    (el as unknown as { update: typeof update }).update = (...args) => (whole++, update(...args));
    el.likeCount = 3;
    await el.updateComplete;
    expect(whole).to.equal(0);
    expect(like.getAttribute('aria-label')).to.equal('Like, 3 likes');
    expect(like.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('offers no actions but the like (as sign-in) to a signed-out reader', async () => {
    const el = await card({ viewer: null });
    expect(el.shadowRoot!.querySelectorAll('.end button')).to.have.length(0);
    const like = inCard<HTMLButtonElement>(el, '[part~="like-button"]')!;
    expect(like.getAttribute('aria-label')).to.match(/^Sign in to like/);
    expect(like.hasAttribute('aria-pressed'), 'no pressed state to announce while signed out').to.equal(false);
  });

  it('folds long text behind "Show more"', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}`).join('\n');
    const el = await card({ post: post({ text: long }) });
    const body = inCard(el, '#body')!;
    const more = cardButton(el, /Show more/)!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    const folded = body.getBoundingClientRect().height;
    more.click();
    await el.updateComplete;
    expect(body.getBoundingClientRect().height).to.be.greaterThan(folded * 2);
    expect(cardButton(el, /Show less/)!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('unfolds long text when a link in its folded part gets focus, so the focus can be seen', async () => {
    const long = [...Array.from({ length: 30 }, (_, i) => `Line ${i + 1}`), 'Read https://intranet.example.com/policy'].join('\n');
    const el = await card({ post: post({ text: long }) });
    const body = inCard(el, '#body')!;
    const folded = body.getBoundingClientRect().height;
    inCard<HTMLAnchorElement>(el, '#body a')!.focus();
    await el.updateComplete;
    expect(body.getBoundingClientRect().height).to.be.greaterThan(folded * 2);
    expect(cardButton(el, /Show less/)!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('speaks Dutch', async () => {
    const el = await card({ viewer: annaViewer, lang: 'nl', post: post({ commentCount: 3, editedAt: minutesAgo(1) }) });
    expect(inCard(el, 'time')!.textContent).to.equal('10 minuten geleden');
    expect(inCard(el, '.edited')!.textContent).to.equal('bewerkt');
    expect(cardButton(el, /reacties/)!.textContent.trim()).to.equal('3 reacties');
    expect(inCard(el, '[part="category"]')!.textContent).to.equal('Bedrijfsnieuws');
    expect(cardButton(el, /Verwijderen/)).to.not.equal(undefined);
  });

  it("follows a change of the page's language, the like button included", async () => {
    const el = await card({ viewer: annaViewer });
    expect(inCard(el, '[part="category"]')!.textContent).to.equal('Business news');
    el.parentElement!.lang = 'nl';
    await waitUntil(() => inCard(el, '[part="category"]')!.textContent === 'Bedrijfsnieuws', 'the category in Dutch');
    expect(inCard(el, '[part~="like-button"]')!.getAttribute('aria-label')).to.equal('Vind ik leuk, 2 keer');
    expect(cardButton(el, /Verwijderen/)).to.not.equal(undefined);
  });

  it('shows its like button when the post arrives after the first render, and after it is taken away and given back', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><lenig-post-card .viewer=${annaViewer}></lenig-post-card></div>`);
    const el = wrapper.querySelector('lenig-post-card')!;
    await el.updateComplete;
    el.post = post();
    el.likeCount = 2;
    await el.updateComplete;
    expect(inCard(el, '[part~="like-button"]')?.getAttribute('aria-label')).to.equal('Like, 2 likes');
    el.post = undefined;
    await el.updateComplete;
    el.post = post({ id: 'p2' });
    el.likeCount = 5;
    await el.updateComplete;
    expect(inCard(el, '[part~="like-button"]')?.getAttribute('aria-label')).to.equal('Like, 5 likes');
  });
});
