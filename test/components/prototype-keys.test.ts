/**
 * Any database key can be an id: a post, an idea or a person may be called `constructor` or `toString`.
 * Looked up in a plain object, such an id finds Object.prototype's member instead of nothing; the widgets
 * must show these ideas and posts like any other, without errors.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/feed/feed.js';
import '../../src/components/idea-board/idea-board.js';
import type { Profile } from '../../src/data/types.js';
import { MemoryBackend } from '../../src/memory/memory-store.js';

const KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
const users: Profile[] = [{ uid: 'ada', name: 'Ada' }, ...KEYS.map((k) => ({ uid: k, name: `Person ${k}` }))];

function backend(): MemoryBackend {
  const b = new MemoryBackend({ users, admins: ['ada'], channels: [{ id: 'ideas', name: 'Ideas', categories: ['idea', 'news'] }] });
  // One idea with a note, so the board reads the channel's notes.
  b.addPost({ id: 'first', channel: 'ideas', author: 'ada', title: 'First', text: 'first idea', status: 'planned', likers: KEYS });
  for (const k of KEYS) {
    b.addPost({ id: k, channel: 'ideas', author: k, title: `Idea ${k}`, text: `text ${k}`, likers: ['ada'] });
    b.addPost({ id: `news-${k}`, channel: 'ideas', category: 'news', author: k, text: `news ${k}`, likers: KEYS });
  }
  return b;
}

describe('ids that are names of Object.prototype members', () => {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  beforeEach(() => {
    errors.length = 0;
    window.addEventListener('error', onError);
  });
  afterEach(() => window.removeEventListener('error', onError));

  it('the idea board shows each such idea with its title and no note', async () => {
    const b = backend();
    await b.session('ada').setIdeaStatus('ideas', 'first', 'in-progress', 'Ordered the panels');
    const el = await fixture<HTMLElement>(html`<lenig-idea-board lang="en" channel="ideas" .store=${b.session('ada')} style="width: 1000px"></lenig-idea-board>`);
    await waitUntil(() => (el.shadowRoot?.querySelectorAll('lenig-idea-card').length ?? 0) === KEYS.length + 1, 'every card', { timeout: 4000 });
    await waitUntil(() => el.shadowRoot!.querySelector('lenig-idea-card[data-id="first"]')?.shadowRoot?.textContent?.includes('Ordered the panels'), 'the note');
    for (const k of KEYS) {
      const card = el.shadowRoot!.querySelector(`lenig-idea-card[data-id="${k}"]`)!;
      expect(card.shadowRoot!.querySelector('[part="card-title"]')?.textContent?.trim(), k).to.equal(`Idea ${k}`);
      expect(card.shadowRoot!.querySelector('[part="note"]'), k).to.equal(null);
    }
    expect(errors.map(String)).to.deep.equal([]);
  });

  it('the feed shows posts by such people, liked by them', async () => {
    const el = await fixture<HTMLElement>(html`<lenig-feed lang="en" channel="ideas" .store=${backend().session('ada')}></lenig-feed>`);
    await waitUntil(() => (el.shadowRoot?.querySelectorAll('lenig-post-card').length ?? 0) === 2 * KEYS.length + 1, 'every post', { timeout: 4000 });
    const text = [...el.shadowRoot!.querySelectorAll('lenig-post-card')].map((c) => c.shadowRoot!.textContent!).join(' ');
    for (const k of KEYS) expect(text, k).to.include(`Person ${k}`).and.include(`news ${k}`);
    expect(errors.map(String)).to.deep.equal([]);
  });
});
