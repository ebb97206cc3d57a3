import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { useFakeTimers } from 'sinon';

async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}
import '../../src/components/comments/comments.js';
import type { LenigCommentsElement } from '../../src/components/comments/comments.js';
import { StoreError } from '../../src/data/store.js';
import { MAX_COMMENT_LENGTH } from '../../src/data/types.js';
import type { MemoryStore } from '../../src/memory/memory-store.js';
import { company, deepActive, minutesAgo, readComments, readPost, typeInto } from './feed-helpers.js';

function withComments(): ReturnType<typeof company> {
  return company([
    {
      id: 'p1',
      author: 'bram',
      text: 'Who has the key of room 2.14?',
      category: 'question',
      createdAt: minutesAgo(30),
      comments: [
        { author: 'anna', text: 'Reception has a spare', createdAt: minutesAgo(20) },
        { author: 'carla', text: 'See https://facilities.example.com/keys', createdAt: minutesAgo(10) },
      ],
    },
    { id: 'p2', author: 'anna', text: 'Quiet post', createdAt: minutesAgo(5) },
  ]);
}

async function comments(store: MemoryStore, post = 'p1', lang = 'en'): Promise<LenigCommentsElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} style="width: 480px">
    <lenig-comments channel="general" post=${post} .store=${store}></lenig-comments>
  </div>`);
  return wrapper.querySelector('lenig-comments')!;
}

const $ = <T extends Element = HTMLElement>(el: LenigCommentsElement, s: string) => el.shadowRoot!.querySelector<T>(s);
const text = (el: LenigCommentsElement) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

describe('<lenig-comments>', () => {
  it('lists comments oldest first with names, times and rich text', async () => {
    const el = await comments(withComments().session('bram'));
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length === 2 && !text(el).includes('…'), 'comments');
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.name')!.textContent)).to.deep.equal(['Anna de Vries', 'Carla Smit']);
    expect(items.map((li) => li.querySelector('time')!.textContent)).to.deep.equal(['20 minutes ago', '10 minutes ago']);
    expect(items[1]!.querySelector('a')!.getAttribute('href')).to.equal('https://facilities.example.com/keys');
    expect($(el, 'section')!.getAttribute('aria-label')).to.equal('Comments');
    expect($(el, 'label[for="reply"]')!.textContent).to.equal('Write a comment');
    await expect(el).to.be.accessible();
  });

  it('wraps a long name without spaces inside its bubble', async () => {
    const backend = withComments();
    (backend.data.tree.profiles as Record<string, Record<string, unknown>>).anna!.name = 'W'.repeat(100);
    const el = await comments(backend.session('bram'));
    await waitUntil(() => el.shadowRoot!.querySelector('li .name')?.textContent === 'W'.repeat(100), 'the long name');
    const li = el.shadowRoot!.querySelector('li')!;
    const bubble = li.querySelector('.bubble')!.getBoundingClientRect();
    const name = li.querySelector('.name')!.getBoundingClientRect();
    expect(name.right, 'the name ends inside the bubble').to.be.at.most(bubble.right + 0.5);
    expect(el.shadowRoot!.querySelector('section')!.scrollWidth, 'nothing sticks out sideways').to.be.at.most(el.getBoundingClientRect().width + 0.5);
  });

  it('says there are no comments yet', async () => {
    const el = await comments(withComments().session('bram'), 'p2');
    await waitUntil(() => text(el).includes('No comments yet.'), 'empty');
    await expect(el).to.be.accessible();
  });

  it('sends with Ctrl+Enter, stores the comment, announces it and clears the box', async () => {
    const store = withComments().session('bram');
    const el = await comments(store);
    await waitUntil(() => $(el, 'textarea'), 'reply box');
    $(el, 'textarea')!.focus();
    await sendKeys({ type: 'Thanks both!' });
    const created = oneEvent(el, 'lenig-comment-created');
    await ctrlEnter();
    const { detail } = await created;
    expect(detail).to.include({ channel: 'general', post: 'p1' });
    const stored = await readComments(store, 'p1');
    expect(stored.map((c) => [c.author, c.text])).to.deep.equal([
      ['anna', 'Reception has a spare'],
      ['carla', 'See https://facilities.example.com/keys'],
      ['bram', 'Thanks both!'],
    ]);
    expect(stored.find((c) => c.text === 'Thanks both!')!.id).to.equal(detail.comment);
    expect((await readPost(store, 'p1'))?.commentCount).to.equal(3);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length === 3, 'listed');
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('');
    expect(deepActive()).to.equal($(el, 'textarea'));
    const live = [...el.shadowRoot!.querySelectorAll('[role="status"]')].map((s) => s.textContent.trim());
    expect(live).to.include('Comment added');
  });

  it('asks for text instead of sending an empty comment', async () => {
    const store = withComments().session('bram');
    const el = await comments(store);
    await waitUntil(() => $(el, 'textarea'), 'reply box');
    typeInto($<HTMLTextAreaElement>(el, 'textarea')!, '   ');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#reply-error')!.textContent).to.equal('Write something first.');
    expect($(el, 'textarea')!.getAttribute('aria-invalid')).to.equal('true');
    expect(await readComments(store, 'p1')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('keeps a too-long comment and says how long it may be', async () => {
    const store = withComments().session('bram');
    const el = await comments(store);
    await waitUntil(() => $(el, 'textarea'), 'reply box');
    const long = 'y'.repeat(MAX_COMMENT_LENGTH + 5);
    typeInto($<HTMLTextAreaElement>(el, 'textarea')!, long);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#reply-error')!.textContent).to.equal('Your comment is 1,005 characters; the limit is 1,000.');
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal(long);
    expect(await readComments(store, 'p1')).to.have.length(2);
  });

  it('keeps the text and reports a refused comment', async () => {
    const store = withComments().session('bram');
    const el = await comments(store);
    await waitUntil(() => $(el, 'textarea'), 'reply box');
    store.failNext('comment', new StoreError('permission-denied', 'no'));
    typeInto($<HTMLTextAreaElement>(el, 'textarea')!, 'Let me in');
    const failed = oneEvent(el, 'lenig-error');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    expect((await failed).detail.operation).to.equal('comment');
    await waitUntil(() => $(el, '#reply-error')!.textContent, 'reason');
    expect($(el, '#reply-error')!.textContent).to.equal('You are not allowed to do that.');
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Let me in');
  });

  it('shows a loading state, then an error with a retry that works', async () => {
    const store = withComments().session('bram');
    store.failNext('subscribeComments', new StoreError('unknown', 'boom'));
    const el = await comments(store);
    await waitUntil(() => $(el, '[role="alert"]'), 'error');
    expect($(el, '[role="alert"]')!.textContent).to.contain('The comments could not be loaded.');
    await expect(el).to.be.accessible();
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.includes('Try again'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length === 2, 'loaded after retry');
  });

  /** Anna, offline, sends "Sent from the train" on post p2: the box is free again while it waits. */
  async function commentSentOffline() {
    const backend = withComments();
    const store = backend.session('anna');
    store.setOnline(false);
    const el = await comments(store, 'p2');
    await waitUntil(() => $(el, 'textarea'), 'the form');
    typeInto($<HTMLTextAreaElement>(el, 'textarea')!, 'Sent from the train');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await waitUntil(() => $<HTMLTextAreaElement>(el, 'textarea')!.value === '', 'the box is free while offline');
    return { backend, store, el };
  }

  it('a comment written offline and refused once the connection is back gives its text back, with the reason', async () => {
    const { backend, store, el } = await commentSentOffline();
    // Meanwhile its author deleted the post: the comment cannot be stored.
    await backend.session('anna').deletePost('general', 'p2');
    store.setOnline(true);
    await waitUntil(() => $<HTMLTextAreaElement>(el, 'textarea')!.value === 'Sent from the train', `the text back: ${text(el)}`);
    expect(text(el)).to.contain('This post no longer exists.');
    await expect(el).to.be.accessible();
  });

  it('a comment written offline and refused after its box closed: the text comes back in the next box, and in lenig-error', async () => {
    const { backend, store, el } = await commentSentOffline();
    // The reader closes the comments (the card takes the box away), and the post is deleted meanwhile.
    el.remove();
    await backend.session('anna').deletePost('general', 'p2');
    const refused = oneEvent(document, 'lenig-error');
    store.setOnline(true);
    const { detail } = await refused;
    expect([detail.operation, detail.error.code, detail.text]).to.deep.equal(['comment', 'not-found', 'Sent from the train']);
    // Someone else's box for that post does not get it; the writer's next one does, with the reason.
    const other = await comments(backend.session('bram'), 'p2');
    await waitUntil(() => $(other, 'textarea'), 'Bram’s form');
    expect($<HTMLTextAreaElement>(other, 'textarea')!.value).to.equal('');
    const again = await comments(store, 'p2');
    await waitUntil(() => $<HTMLTextAreaElement>(again, 'textarea')?.value === 'Sent from the train', `the text back: ${text(again)}`);
    expect(text(again)).to.contain('This post no longer exists.');
    await expect(again).to.be.accessible();
    // Once: a box opened after that starts empty.
    const third = await comments(store, 'p2');
    await waitUntil(() => $(third, 'textarea'), 'the form');
    expect($<HTMLTextAreaElement>(third, 'textarea')!.value).to.equal('');
  });

  it('says why the comments do not come instead of loading forever: offline at once, else after 8 s (English and Dutch)', async () => {
    // A database that never answers the comments; the store reports the connection down (the Firebase store
    // does so 4 s after start without one), or up.
    const never = (online: boolean) =>
      Object.assign(Object.create(withComments().session('bram')) as MemoryStore, {
        subscribeComments: () => () => undefined,
        subscribeConnection: (cb: (online: boolean) => void) => (cb(online), () => undefined),
      });
    const status = (el: LenigCommentsElement) => $(el, '[part="status"]')!;
    for (const [lang, sentence] of [
      ['en', 'You are offline. This appears as soon as the connection is back.'],
      ['nl', 'Je bent offline. Dit verschijnt zodra de verbinding terug is.'],
    ] as const) {
      const el = await comments(never(false), 'p1', lang);
      await waitUntil(() => $(el, '[part="status"]')?.textContent === sentence, `saw: ${text(el)}`);
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(status(el).className, 'shown, not only announced').to.not.contain('visually-hidden');
      await expect(el).to.be.accessible();
    }

    const clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.now(), shouldClearNativeTimers: true });
    try {
      for (const [lang, loading, sentence] of [
        ['en', 'Loading comments…', 'The intranet service cannot be reached yet. Still trying…'],
        ['nl', 'Reacties laden…', 'De intranetdienst is nog niet bereikbaar. We blijven het proberen…'],
      ] as const) {
        const el = await comments(never(true), 'p1', lang);
        await el.updateComplete;
        expect(status(el).textContent).to.equal(loading);
        expect(status(el).className, 'only announced while it is short').to.contain('visually-hidden');
        clock.tick(7_999);
        await el.updateComplete;
        expect(status(el).textContent).to.equal(loading);
        clock.tick(1);
        await el.updateComplete;
        expect(status(el).textContent).to.equal(sentence);
        expect(status(el).className).to.not.contain('visually-hidden');
      }
    } finally {
      clock.restore();
    }
  });

  it('invites a signed-out reader to sign in instead of showing the box', async () => {
    const store = withComments().session(null);
    const el = await comments(store);
    await waitUntil(() => text(el).includes('Sign in to take part.'), 'invite');
    expect($(el, 'textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names a missing post attribute', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const el = await fixture<LenigCommentsElement>(html`<lenig-comments channel="general" .store=${withComments().session('bram')}></lenig-comments>`);
      expect(el.shadowRoot!.textContent).to.contain('<lenig-comments> needs a "post" attribute.');
    } finally {
      console.error = original;
    }
  });

  it('speaks Dutch', async () => {
    const el = await comments(withComments().session('bram'), 'p2', 'nl');
    await waitUntil(() => text(el).includes('Nog geen reacties.'), 'empty');
    expect($(el, 'label[for="reply"]')!.textContent).to.equal('Schrijf een reactie');
    expect($(el, 'button[type="submit"]')!.textContent.trim()).to.equal('Versturen');
    expect($(el, 'section')!.getAttribute('aria-label')).to.equal('Reacties');
  });
});
