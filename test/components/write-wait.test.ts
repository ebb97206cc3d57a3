/**
 * A write the service never answers while the connection looks up (a stalled network, a proxy holding
 * the socket, an overloaded server): the SDKs wait for ever, so a widget must say, within its bound
 * (8 s), that the write is not confirmed yet — in English and Dutch — keep what was typed, refuse a second
 * click, and drop the notice once the answer comes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { useFakeTimers, type SinonFakeTimers } from 'sinon';
import '../../src/components/composer/composer.js';
import '../../src/components/comments/comments.js';
import '../../src/components/idea-board/idea-board.js';
import '../../src/components/admin/admin.js';
import '../../src/components/feed/feed.js';
import type { LenigFeedElement } from '../../src/components/feed/feed.js';
import type { LenigPostCardElement } from '../../src/components/post-card/post-card.js';
import type { LenigAdminElement } from '../../src/components/admin/admin.js';
import type { LenigIdeaBoardElement } from '../../src/components/idea-board/idea-board.js';
import type { LenigComposerElement } from '../../src/components/composer/composer.js';
import type { LenigCommentsElement } from '../../src/components/comments/comments.js';
import { MemoryBackend, type MemoryStore } from '../../src/memory/memory-store.js';
import { WriteWaitController } from '../../src/controllers/write-wait.js';

const SENTENCES = {
  en: 'The intranet service cannot be reached yet. Still trying…',
  nl: 'De intranetdienst is nog niet bereikbaar. We blijven het proberen…',
} as const;

/** A session whose `operation` is held: the call is counted and answered only when the test says so. */
function held<K extends keyof MemoryStore>(store: MemoryStore, operation: K): { calls: () => number; answer: () => Promise<void> } {
  const real = (store[operation] as (...args: unknown[]) => Promise<unknown>).bind(store);
  const waiting: (() => void)[] = [];
  let calls = 0;
  (store as unknown as Record<string, unknown>)[operation] = (...args: unknown[]) => {
    calls++;
    return new Promise((resolve, reject) => waiting.push(() => void real(...args).then(resolve, reject)));
  };
  return {
    calls: () => calls,
    answer: async () => {
      waiting.splice(0).forEach((go) => go());
      await new Promise((r) => setTimeout(r));
    },
  };
}

function backend(): MemoryBackend {
  return new MemoryBackend({
    users: [
      { uid: 'ann', name: 'Ann Smit' },
      { uid: 'bram', name: 'Bram Visser' },
    ],
    channels: [{ id: 'general', name: 'General', categories: ['news', 'idea', 'question'] }],
  });
}

const inside = <T extends HTMLElement>(lang: string, tpl: unknown) =>
  fixture<HTMLElement>(html`<div lang=${lang}>${tpl}</div>`).then((d) => d.firstElementChild as T);
const shownText = (el: HTMLElement) => (el.shadowRoot!.querySelector('.lenig') as HTMLElement).innerText.replace(/\s+/g, ' ');
/** What a field shows after typing `value` (one input event, as a paste makes). */
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

let clock: SinonFakeTimers | undefined;
afterEach(() => {
  clock?.restore();
  clock = undefined;
});
/** Waits for `ok` over microtasks only (fake timers stop `waitUntil`, which polls with setTimeout). */
async function soon(ok: () => unknown, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (ok()) return;
    await Promise.resolve();
  }
  throw new Error(`not seen: ${what}`);
}

/** Fake timers from now on (installed after the widget has loaded, so its own start-up runs for real). */
function fakeTimers(): SinonFakeTimers {
  clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
  return clock;
}

type Held = ReturnType<typeof held>;
/**
 * Sends with `submit` (fake timers from here) and follows the wait: nothing said before 8 s; at 8 s the
 * sentence shown (`shown`) and announced (`announced`); what was typed kept in `field`; more clicks send
 * nothing; accessible; and once the service answers, `done` (by default: the field emptied) and the
 * sentence gone.
 */
async function followLateWrite(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  lang: 'en' | 'nl',
  o: {
    write: Held;
    submit: HTMLButtonElement;
    field?: HTMLInputElement | HTMLTextAreaElement;
    shown: () => string;
    announced: () => boolean;
    done?: () => boolean;
    a11y?: { ignoredRules: string[] };
  },
): Promise<void> {
  const typed = o.field?.value;
  const t = fakeTimers();
  o.submit.click();
  await soon(() => o.write.calls() === 1, 'the write sent');
  t.tick(7_999);
  await el.updateComplete;
  expect(o.shown()).to.not.contain(SENTENCES[lang]);
  t.tick(1);
  await el.updateComplete;
  expect(o.shown()).to.contain(SENTENCES[lang]);
  await soon(o.announced, 'announced');
  expect(o.field?.value).to.equal(typed);
  o.submit.click();
  o.submit.click();
  await el.updateComplete;
  expect(o.write.calls(), 'one click, one write').to.equal(1);
  t.restore();
  await expect(el).to.be.accessible(o.a11y);
  await o.write.answer();
  await waitUntil(o.done ?? (() => o.field!.value === ''), 'the write confirmed');
  expect(o.shown()).to.not.contain(SENTENCES[lang]);
}

describe('a write the service does not answer', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`composer: says the post is not confirmed after 8 s, keeps the text, posts once (${lang})`, async () => {
      const store = backend().session('ann');
      const createPost = held(store, 'createPost');
      const el = await inside<LenigComposerElement>(lang, html`<lenig-composer channel="general" .store=${store}></lenig-composer>`);
      await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'the form');
      const ta = el.shadowRoot!.querySelector('textarea')!;
      ta.value = 'Lunch at noon';
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await followLateWrite(el, lang, {
        write: createPost,
        submit: el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!,
        field: ta,
        shown: () => shownText(el),
        announced: () => el.shadowRoot!.querySelector('form [role="status"]')!.textContent === SENTENCES[lang],
        a11y: { ignoredRules: ['aria-allowed-role'] },
      });
    });

    it(`comments: says the comment is not confirmed after 8 s, keeps the text, sends once (${lang})`, async () => {
      const b = backend();
      const post = b.addPost({ channel: 'general', author: 'bram', text: 'Who has the key?' });
      const store = b.session('ann');
      const comment = held(store, 'comment');
      const el = await inside<LenigCommentsElement>(lang, html`<lenig-comments channel="general" post=${post.id} .store=${store}></lenig-comments>`);
      await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'the form');
      const ta = el.shadowRoot!.querySelector('textarea')!;
      ta.value = 'Reception has one';
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await followLateWrite(el, lang, {
        write: comment,
        submit: el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!,
        field: ta,
        shown: () => shownText(el),
        announced: () => [...el.shadowRoot!.querySelectorAll('[role="status"]')].some((s) => s.textContent === SENTENCES[lang]),
      });
    });

    it(`idea board: says the idea is not confirmed after 8 s, keeps it, submits once (${lang})`, async () => {
      const store = backend().session('ann');
      const createPost = held(store, 'createPost');
      const el = await inside<LenigIdeaBoardElement>(lang, html`<lenig-idea-board channel="general" .store=${store}></lenig-idea-board>`);
      await waitUntil(() => el.shadowRoot!.querySelector('#idea-title'), 'the form');
      const title = el.shadowRoot!.querySelector<HTMLInputElement>('#idea-title')!;
      type(title, 'A bicycle shed');
      type(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#idea-text')!, 'Covered, near the entrance.');
      await followLateWrite(el, lang, {
        write: createPost,
        submit: el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!,
        field: title,
        shown: () => el.shadowRoot!.querySelector('form')!.innerText.replace(/\s+/g, ' '),
        announced: () => el.shadowRoot!.querySelector('.announce')!.textContent === SENTENCES[lang],
      });
    });

    it(`admin: says a change is not confirmed after 8 s, and handles a report once (${lang})`, async () => {
      const b = new MemoryBackend({ users: [{ uid: 'ada', name: 'Ada Beheer' }, { uid: 'anna', name: 'Anna de Vries' }], admins: ['ada'] });
      const post = b.addPost({ author: 'anna', text: 'Everyone in sales is lazy' });
      b.addReport({ channel: 'general', post: post.id, by: 'anna', reason: 'Insulting' });
      const store = b.session('ada');
      const resolve = held(store, 'resolveReport');
      const el = await inside<LenigAdminElement>(lang, html`<lenig-admin tab="reports" .store=${store}></lenig-admin>`);
      const dismiss = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.reports button')].find((x) => /Dismiss|Afwijzen|Negeren/.test(x.textContent!));
      await waitUntil(() => dismiss(), 'the report');
      const button = dismiss()!;
      const t = fakeTimers();
      button.click();
      await el.updateComplete;
      t.tick(7_999);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
      t.tick(1);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.equal(SENTENCES[lang]);
      await soon(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent === SENTENCES[lang], 'announced');
      button.click();
      await el.updateComplete;
      expect(resolve.calls(), 'one click, one resolution').to.equal(1);
      t.restore();
      await expect(el).to.be.accessible();
      await resolve.answer();
      await waitUntil(() => !el.shadowRoot!.querySelector('[part="notice"]'), 'the resolution confirmed');
    });
  }

  for (const lang of ['en', 'nl'] as const) {
    it(`idea detail: says a status change is not confirmed after 8 s, keeps the note, moves once (${lang})`, async () => {
      // Ann administers, so she manages every idea.
      const b = new MemoryBackend({ users: [{ uid: 'ann', name: 'Ann Smit' }], admins: ['ann'], channels: [{ id: 'general', name: 'General', categories: ['idea'] }] });
      const store = b.session('ann');
      const id = await store.createPost({ channel: 'general', category: 'idea', title: 'A bicycle shed', text: 'Covered, near the entrance.' });
      const setIdeaStatus = held(store, 'setIdeaStatus');
      const board = await inside<LenigIdeaBoardElement>(lang, html`<lenig-idea-board channel="general" .store=${store}></lenig-idea-board>`);
      const card = () => board.shadowRoot!.querySelector(`lenig-idea-card[data-id="${id}"]`);
      await waitUntil(() => card()?.shadowRoot?.querySelector('[part="card-title"]'), 'the idea');
      card()!.shadowRoot!.querySelector<HTMLButtonElement>('[part="card-title"]')!.click();
      await waitUntil(() => board.shadowRoot!.querySelector('lenig-idea-detail')?.shadowRoot?.querySelector('#note'), 'the management form');
      const detail = board.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('lenig-idea-detail')!;
      const note = detail.shadowRoot!.querySelector<HTMLTextAreaElement>('#note')!;
      type(note, 'We are looking into it.');
      await detail.updateComplete;
      await followLateWrite(detail, lang, {
        write: setIdeaStatus,
        submit: detail.shadowRoot!.querySelector<HTMLButtonElement>('#move-submit')!,
        field: note,
        shown: () => detail.shadowRoot!.querySelector<HTMLElement>('.manage')!.innerText.replace(/\s+/g, ' '),
        announced: () => detail.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent === SENTENCES[lang],
      });
    });
  }

  describe('a post card in a feed', () => {
    const POST = 'The canteen opens at 8 tomorrow.';
    /** A feed in `lang` for `viewer`, with one post by Ann; the card once shown. */
    async function cardFor(lang: string, viewer: string) {
      const b = backend();
      b.addPost({ channel: 'general', author: 'ann', text: POST });
      const store = b.session(viewer);
      const feed = await inside<LenigFeedElement>(lang, html`<lenig-feed channel="general" .store=${store}></lenig-feed>`);
      await waitUntil(() => feed.shadowRoot!.querySelector('lenig-post-card')?.shadowRoot?.querySelector('#body')?.textContent?.includes('canteen'), 'the post');
      const card = feed.shadowRoot!.querySelector<LenigPostCardElement>('lenig-post-card')!;
      const $ = <T extends HTMLElement>(selector: string) => card.shadowRoot!.querySelector<T>(selector)!;
      /** Opens a panel with the action button `id` and waits for it. */
      const open = async (id: string) => {
        $<HTMLButtonElement>(id).click();
        await card.updateComplete;
      };
      return {
        feed,
        card,
        store,
        $,
        open,
        shown: () => $('article').innerText.replace(/\s+/g, ' '),
        announced: () => $('[role="status"]').textContent === SENTENCES[lang as 'en' | 'nl'],
      };
    }

    for (const lang of ['en', 'nl'] as const) {
      it(`edit: says the change is not confirmed after 8 s, keeps the text, saves once (${lang})`, async () => {
        const c = await cardFor(lang, 'ann');
        const editPost = held(c.store, 'editPost');
        await c.open('#edit');
        const field = c.$<HTMLTextAreaElement>('#edit-text');
        type(field, 'The canteen opens at 7:30 tomorrow.');
        await c.card.updateComplete;
        await followLateWrite(c.card, lang, {
          write: editPost,
          submit: c.$<HTMLButtonElement>('form button[type="submit"]'),
          field,
          shown: c.shown,
          announced: c.announced,
          done: () => c.$('#body').textContent!.includes('7:30'),
        });
      });

      it(`delete: says the deletion is not confirmed after 8 s, deletes once (${lang})`, async () => {
        const c = await cardFor(lang, 'ann');
        const deletePost = held(c.store, 'deletePost');
        await c.open('#delete');
        await followLateWrite(c.card, lang, {
          write: deletePost,
          submit: c.$<HTMLButtonElement>('#delete-confirm'),
          shown: c.shown,
          announced: c.announced,
          done: () => !c.feed.shadowRoot!.querySelector('lenig-post-card'),
        });
      });

      it(`report: says the report is not confirmed after 8 s, keeps the reason, reports once (${lang})`, async () => {
        const c = await cardFor(lang, 'bram');
        const report = held(c.store, 'report');
        await c.open('#report');
        const field = c.$<HTMLTextAreaElement>('#report-reason');
        type(field, 'Not for this channel');
        await c.card.updateComplete;
        await followLateWrite(c.card, lang, {
          write: report,
          submit: c.$<HTMLButtonElement>('form button[type="submit"]'),
          field,
          shown: c.shown,
          announced: c.announced,
          done: () => !c.card.shadowRoot!.querySelector('#report-reason'),
        });
      });
    }
  });

  it('a widget moved in the page while its write waits still says so after 8 s', () => {
    const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
    let said = 0;
    const wait = new WriteWaitController(host, () => said++);
    const t = fakeTimers();
    void wait.watch(new Promise(() => undefined));
    t.tick(4_000);
    // A page that moves the widget (into a tab, a dialog) disconnects and connects it again.
    wait.hostDisconnected();
    wait.hostConnected();
    t.tick(7_999);
    expect(wait.late).to.equal(false);
    t.tick(1);
    expect([wait.late, said]).to.deep.equal([true, 1]);
  });

  it('admin: a change made while offline says at once that it waits for the connection', async () => {
    const b = new MemoryBackend({ users: [{ uid: 'ada', name: 'Ada Beheer' }, { uid: 'anna', name: 'Anna de Vries' }], admins: ['ada'] });
    const post = b.addPost({ author: 'anna', text: 'Everyone in sales is lazy' });
    b.addReport({ channel: 'general', post: post.id, by: 'anna', reason: 'Insulting' });
    const store = b.session('ada');
    const el = await inside<LenigAdminElement>('en', html`<lenig-admin tab="reports" .store=${store}></lenig-admin>`);
    const dismiss = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.reports button')].find((x) => x.textContent!.trim() === 'Dismiss');
    await waitUntil(() => dismiss(), 'the report');
    store.setOnline(false);
    dismiss()!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="notice"]'), 'the offline notice');
    expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.equal('You are offline. Changes are kept and sent when the connection is back.');
    store.setOnline(true);
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="notice"]'), 'sent when back');
    expect(b.reports()[0]!.resolved).to.not.equal(undefined);
  });
});
