import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { LenigComposerElement, PostCreatedDetail } from '../../src/components/composer/composer.js';
import { draftKey } from '../../src/controllers/draft.js';
import '../../src/components/composer/composer.js';
import { MemoryBackend, MemoryStore } from '../../src/memory/memory-store.js';
import { StoreError } from '../../src/data/store.js';
import type { Notification, Post } from '../../src/data/types.js';

const users = [
  { uid: 'ann', name: 'Ann Smit', jobTitle: 'Editor' },
  { uid: 'maria', name: 'Maria de Vries', jobTitle: 'HR advisor' },
  { uid: 'mark', name: 'Mark Jansen' },
  { uid: 'marten', name: 'Marten Bos', department: 'Sales' },
];
const channels = [
  { id: 'general', name: 'General', categories: ['news', 'idea', 'question', 'personal', 'praise'] },
  { id: 'team', name: 'Team Noord', categories: ['news', 'question'] },
];

function newBackend(): MemoryBackend {
  return new MemoryBackend({ users, channels });
}

/** Ann's session on a fresh backend. */
function annStore(options: { latency?: number } = {}): MemoryStore {
  return newBackend().session('ann', options);
}

/** Where Ann's draft of `channel` is kept. */
function annDraft(channel = 'general'): string {
  return draftKey({ form: 'composer', user: 'ann', channel });
}

function shadow(el: LenigComposerElement): ShadowRoot {
  return el.shadowRoot!;
}
function textarea(el: LenigComposerElement): HTMLTextAreaElement {
  return shadow(el).querySelector('textarea')!;
}
function submitButton(el: LenigComposerElement): HTMLButtonElement {
  return shadow(el).querySelector('[part~="submit"]')!;
}
function liveText(el: LenigComposerElement): string {
  return shadow(el).querySelector('form [role="status"]')?.textContent?.trim() ?? '';
}
function countText(el: LenigComposerElement): string {
  return shadow(el).querySelector('#count [aria-hidden="true"]')!.textContent.trim();
}
function alertText(el: LenigComposerElement): string {
  return shadow(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
}
function visibleText(el: LenigComposerElement): string {
  return (shadow(el).querySelector('.lenig') as HTMLElement).innerText;
}

/** Every post in a channel, read back from the store as a second reader would. */
function postsOf(store: MemoryStore, channel = 'general'): Promise<Post[]> {
  return new Promise((resolve) => {
    const sub = store.subscribeFeed({ channel, pageSize: 50 }, (page) => {
      sub.unsubscribe();
      resolve(page.posts);
    });
  });
}

function notificationsOf(backend: MemoryBackend, uid: string): Promise<Notification[]> {
  return new Promise((resolve) => {
    const stop = backend.session(uid).subscribeNotifications((list) => {
      stop();
      resolve(list);
    });
  });
}

/**
 * axe on the widget. One rule is waived on purpose: the text field carries `role="combobox"` (the ARIA
 * 1.2 combobox pattern for the @mention list, which needs `aria-expanded`), and ARIA-in-HTML lists no
 * roles for `<textarea>`. Without the role, `aria-expanded` on a textarea fails a stricter rule
 * (aria-allowed-attr). Everything else axe checks stays on.
 */
async function expectAccessible(el: LenigComposerElement): Promise<void> {
  await expect(el).to.be.accessible({ ignoredRules: ['aria-allowed-role'] });
}

async function ready(el: LenigComposerElement): Promise<LenigComposerElement> {
  await waitUntil(() => shadow(el).querySelector('textarea'), 'the form did not appear');
  return el;
}

/**
 * A page stylesheet as a theming developer writes it: `::part(error)` red and underlined,
 * `::part(mention-error)` italic. Returns what removes it again.
 */
function themeErrorParts(): () => void {
  const style = document.createElement('style');
  style.textContent =
    'lenig-composer::part(error) { color: rgb(200, 0, 0); text-decoration-line: underline; } lenig-composer::part(mention-error) { font-style: italic; }';
  document.head.append(style);
  return () => style.remove();
}

/** How the page's part rules style an element: underlined (`error`), italic (`mention-error`). */
function partStyle(el: Element | null): { underlined: boolean; italic: boolean } {
  const style = getComputedStyle(el!);
  return { underlined: style.textDecorationLine === 'underline', italic: style.fontStyle === 'italic' };
}

async function composer(store: MemoryStore, channel = 'general'): Promise<LenigComposerElement> {
  return ready(await fixture<LenigComposerElement>(html`<lenig-composer channel=${channel} .store=${store}></lenig-composer>`));
}

/** Puts text in the field the way a paste does (typing 2,000 characters key by key takes seconds). */
function paste(el: LenigComposerElement, text: string): void {
  const ta = textarea(el);
  ta.focus();
  ta.value = text;
  ta.setSelectionRange(text.length, text.length);
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Ctrl+Enter as a person presses it: the launcher's keyboard takes one key at a time. */
async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

async function chooseCategory(el: LenigComposerElement, category: string): Promise<void> {
  const select = shadow(el).querySelector('select')!;
  select.value = category;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

// First in the file: the mention list's code must not have been loaded on this page yet (focusing the text
// field of any composer fetches it).
describe('<lenig-composer> mention list, its code fetched on demand', () => {
  /** Makes the mention list's code fail to download (503), or lets it through again. */
  const failMentionCode = (fail: boolean) => executeServerCommand('lenig-fail-requests', { pattern: fail ? '/mention-list\\.' : null });

  it('when its code cannot be loaded, says so under the text, which stays as typed (English and Dutch); Try again loads it', async () => {
    await failMentionCode(true);
    let el: LenigComposerElement;
    try {
      el = await composer(annStore());
      textarea(el).focus();
      await sendKeys({ type: 'Thanks @mar' });
      await waitUntil(() => alertText(el), 'no message that the list could not be loaded');
      expect(alertText(el)).to.equal('The list of people to mention could not be loaded. Your text is kept.');
      // A part of its own: a page styling the post's errors through ::part(error) leaves this one alone.
      const untheme = themeErrorParts();
      const message = shadow(el).querySelector('[role="alert"]');
      expect(message?.getAttribute('part')).to.equal('mention-error');
      expect(partStyle(message)).to.deep.equal({ underlined: false, italic: true });
      untheme();
      expect(shadow(el).querySelector<HTMLElement>('[role="listbox"]')!.hidden).to.equal(true);
      expect(textarea(el).getAttribute('aria-expanded')).to.equal('false');
      // Typing goes on as before.
      await sendKeys({ type: 'i' });
      expect(textarea(el).value).to.equal('Thanks @mari');
      await expectAccessible(el);

      const wrapper = await fixture<HTMLElement>(html`<div lang="nl"><lenig-composer channel="team" .store=${annStore()}></lenig-composer></div>`);
      const dutch = await ready(wrapper.querySelector<LenigComposerElement>('lenig-composer')!);
      textarea(dutch).focus();
      await sendKeys({ type: '@mar' });
      await waitUntil(() => alertText(dutch), 'no Dutch message that the list could not be loaded');
      expect(alertText(dutch)).to.equal('De lijst met mensen om te noemen kon niet worden geladen. Je tekst blijft bewaard.');
      expect(shadow(dutch).querySelector('.mention-status button')!.textContent.trim()).to.equal('Opnieuw proberen');
      expect(textarea(dutch).value).to.equal('@mar');
    } finally {
      await failMentionCode(false);
    }
    // Tab from the text reaches Try again; it loads the code, and the list opens for what was typed.
    textarea(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Try again');
    await sendKeys({ press: 'Enter' });
    const listbox = shadow(el).querySelector<HTMLElement>('[role="listbox"]')!;
    await waitUntil(() => !listbox.hidden, 'the mention list did not open after Try again');
    expect([...listbox.querySelectorAll('[role="option"] .name')].map((n) => n.textContent.trim())).to.deep.equal(['Maria de Vries']);
    expect(shadow(el).activeElement).to.equal(textarea(el), 'focus is back in the text');
    expect(alertText(el)).to.equal('');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(textarea(el).value).to.equal('Thanks @[Maria de Vries](maria) ');
  });
});

describe('<lenig-composer>', () => {
  beforeEach(() => localStorage.clear());

  it('shows a labelled field with the channel name, the categories and an empty count', async () => {
    const el = await composer(annStore());
    const ta = textarea(el);
    const label = shadow(el).querySelector(`label[for="${ta.id}"]`)!;
    expect(label.textContent.trim()).to.equal('Share something with General');
    expect(countText(el)).to.equal('0 / 2,000');
    const options = [...shadow(el).querySelectorAll('select option')].map((o) => o.textContent.trim());
    expect(options).to.deep.equal(['Business news', 'Improvement idea', 'Question', 'Personal update', 'Praise']);
    expect(shadow(el).querySelector('#title')).to.equal(null);
    await expectAccessible(el);
  });

  it('updates the count as you type, without announcing each keystroke', async () => {
    const el = await composer(annStore());
    textarea(el).focus();
    await sendKeys({ type: 'Hello team' });
    await el.updateComplete;
    expect(countText(el)).to.equal('10 / 2,000');
    expect(shadow(el).querySelector('#count')!.className).to.not.match(/warn|over/);
    expect(liveText(el)).to.equal('');
  });

  it('warns near the limit and announces it once', async () => {
    const el = await composer(annStore());
    paste(el, 'a'.repeat(1850));
    await el.updateComplete;
    await aTimeout(0);
    expect(countText(el)).to.equal('1,850 / 2,000');
    expect(shadow(el).querySelector('#count')!.classList.contains('warn')).to.equal(true);
    expect(liveText(el)).to.equal('150 characters left');
    expect(submitButton(el).disabled).to.equal(false);
    await expectAccessible(el);
  });

  it('over the limit: disables Post, says why, keeps every character and posts nothing', async () => {
    const store = annStore();
    const el = await composer(store);
    const text = 'b'.repeat(2013);
    paste(el, text);
    await el.updateComplete;
    await aTimeout(0);
    expect(countText(el)).to.equal('2,013 / 2,000');
    expect(submitButton(el).disabled).to.equal(true);
    expect(visibleText(el)).to.contain('Your post is 2,013 characters; the limit is 2,000.');
    expect(textarea(el).value.length).to.equal(2013);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(el).getAttribute('aria-describedby')).to.contain('limit');
    expect(liveText(el)).to.equal('13 characters over the limit');
    await ctrlEnter();
    await aTimeout(20);
    expect(await postsOf(store)).to.have.length(0);
    await expectAccessible(el);
  });

  it('Ctrl+Enter posts with the chosen category, clears the form, says "Posted" and fires lenig-post-created', async () => {
    const store = annStore();
    const el = await composer(store);
    await chooseCategory(el, 'question');
    textarea(el).focus();
    await sendKeys({ type: 'Who has the key to room 4?' });
    const created = oneEvent(el, 'lenig-post-created');
    await ctrlEnter();
    const event = (await created) as CustomEvent<PostCreatedDetail>;
    await el.updateComplete;
    await aTimeout(0);
    const posts = await postsOf(store);
    expect(posts).to.have.length(1);
    expect(posts[0]!.text).to.equal('Who has the key to room 4?');
    expect(posts[0]!.category).to.equal('question');
    expect(posts[0]!.author).to.equal('ann');
    expect(event.detail).to.deep.equal({ postId: posts[0]!.id, channel: 'general', category: 'question' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(textarea(el).value).to.equal('');
    expect(countText(el)).to.equal('0 / 2,000');
    expect(liveText(el)).to.equal('Posted');
    expect(shadow(el).activeElement).to.equal(textarea(el));
    expect(localStorage.getItem(annDraft())).to.equal(null);
    await expectAccessible(el);
  });

  it('the Post button posts too, and says "Posting…" without clearing until the store confirms', async () => {
    const store = annStore({ latency: 150 });
    const el = await composer(store);
    paste(el, 'Lunch is on the house today');
    await el.updateComplete;
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).textContent.trim()).to.equal('Posting…');
    expect(textarea(el).value).to.equal('Lunch is on the house today');
    expect(textarea(el).readOnly).to.equal(true);
    await expectAccessible(el);
    await waitUntil(() => textarea(el).value === '', 'the form was not cleared after the post was accepted');
    expect(submitButton(el).textContent.trim()).to.equal('Post');
    expect((await postsOf(store)).map((p) => p.text)).to.deep.equal(['Lunch is on the house today']);
  });

  it('a refused post keeps the text, names the reason and fires lenig-error', async () => {
    const store = annStore();
    store.failNext('createPost', new StoreError('permission-denied', 'rules said no'));
    const el = await composer(store);
    textarea(el).focus();
    await sendKeys({ type: 'Not allowed here' });
    const failed = oneEvent(el, 'lenig-error');
    await ctrlEnter();
    const event = (await failed) as CustomEvent<{ operation: string; error: StoreError }>;
    await el.updateComplete;
    expect(event.detail.operation).to.equal('createPost');
    expect(event.detail.error.code).to.equal('permission-denied');
    expect(textarea(el).value).to.equal('Not allowed here');
    expect(alertText(el)).to.contain('You are not allowed to post in General.');
    // Styled by a page's ::part(error), and not by the mention list's part.
    const untheme = themeErrorParts();
    expect(partStyle(shadow(el).querySelector('[role="alert"]'))).to.deep.equal({ underlined: true, italic: false });
    untheme();
    expect(submitButton(el).textContent.trim()).to.equal('Post');
    expect(await postsOf(store)).to.have.length(0);
    await expectAccessible(el);
    // Trying again after the failure works, and clears the message.
    await ctrlEnter();
    await waitUntil(() => textarea(el).value === '');
    expect(alertText(el)).to.equal('');
    expect(await postsOf(store)).to.have.length(1);
  });

  it('a validation failure from the store names the field and why', async () => {
    const store = annStore();
    store.failNext('createPost', new StoreError('validation-failed', 'text too long', 'text', 'too-long'));
    const el = await composer(store);
    paste(el, 'x'.repeat(1990));
    await ctrlEnter();
    await waitUntil(() => alertText(el));
    expect(alertText(el)).to.contain('Your post is 1,990 characters; the limit is 2,000.');
    expect(textarea(el).value.length).to.equal(1990);
  });

  it('offline: says the post will be sent later, keeps it pending, and sends it when the connection is back', async () => {
    const store = annStore();
    const el = await composer(store);
    store.setOnline(false);
    paste(el, 'Sent from the train');
    await ctrlEnter();
    await waitUntil(() => visibleText(el).includes('offline'));
    expect(visibleText(el)).to.contain('You’re offline — your post will be sent when the connection is back');
    expect(submitButton(el).textContent.trim()).to.equal('Posting…');
    expect(textarea(el).value).to.equal('Sent from the train');
    await waitUntil(() => liveText(el).includes('offline'));
    await expectAccessible(el);
    expect(await postsOf(newBackendView(store))).to.have.length(0);
    store.setOnline(true);
    await waitUntil(() => textarea(el).value === '', 'the pending post was not confirmed');
    expect(liveText(el)).to.equal('Posted');
    expect((await postsOf(store)).map((p) => p.text)).to.deep.equal(['Sent from the train']);
  });

  it('an offline refusal from the store is sent again when the connection is back', async () => {
    const store = annStore();
    const el = await composer(store);
    store.setOnline(false);
    store.failNext('createPost', new StoreError('offline', 'no connection'));
    paste(el, 'Retry me');
    const failed = oneEvent(el, 'lenig-error');
    await ctrlEnter();
    await failed;
    await el.updateComplete;
    expect(visibleText(el)).to.contain('You’re offline');
    expect(textarea(el).value).to.equal('Retry me');
    store.setOnline(true);
    await waitUntil(() => textarea(el).value === '', 'the post was not sent again');
    expect((await postsOf(store)).map((p) => p.text)).to.deep.equal(['Retry me']);
  });

  it('after a refused post the live region no longer says it will be sent', async () => {
    const store = annStore();
    const el = await composer(store);
    let refuse: (e: unknown) => void = () => undefined;
    store.createPost = () => new Promise((_resolve, reject) => (refuse = reject));
    store.setOnline(false);
    paste(el, 'Not allowed here');
    await ctrlEnter();
    await waitUntil(() => liveText(el).includes('offline'), 'the offline announcement');
    store.setOnline(true);
    refuse(new StoreError('permission-denied', 'refused'));
    await waitUntil(() => alertText(el) !== '', 'the refusal');
    expect(alertText(el)).to.equal('You are not allowed to post in General.');
    expect(liveText(el)).not.to.contain('offline');
    expect(visibleText(el)).not.to.contain('will be sent');
    expect(textarea(el).value).to.equal('Not allowed here');
  });

  it('posts @[x](…) that names no one as text: no mention, no failure; a real person gets their current name', async () => {
    const backend = newBackend();
    const store = backend.session('ann');
    const el = await composer(store);
    const typed = 'See @[the guide](https://example.org/guide.html) first, ask @[Boss](nobody) or @[HR](maria) or @[x](a.b#c$d)';
    paste(el, typed);
    await ctrlEnter();
    await waitUntil(() => textarea(el).value === '', `not sent: ${alertText(el)}`);
    const [post] = await postsOf(store);
    expect(post!.text).to.equal(
      'See @[the guide](https://example.org/guide.html) first, ask @[Boss](nobody) or @[Maria de Vries](maria) or @[x](a.b#c$d)',
    );
    expect((await notificationsOf(backend, 'maria')).map((n) => n.type)).to.deep.equal(['mentioned']);
    expect(await notificationsOf(backend, 'nobody')).to.have.length(0);
    expect(liveText(el)).to.equal('Posted');
  });

  it('counts what a person sees: a family emoji is one character, and the stored length still holds', async () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    const store = annStore();
    const el = await composer(store);
    paste(el, family.repeat(150));
    await el.updateComplete;
    expect(countText(el)).to.equal('150 / 2,000');
    expect(alertText(el)).to.equal('');
    // 182 of them read as 182, but take 2,002 UTF-16 units: more than the database stores.
    paste(el, family.repeat(182));
    await el.updateComplete;
    expect(countText(el)).to.equal('182 / 2,000');
    expect(visibleText(el)).to.contain('too many emoji or special symbols');
    expect(submitButton(el).disabled).to.equal(true);
    paste(el, family.repeat(150));
    await ctrlEnter();
    await waitUntil(() => textarea(el).value === '', `not sent: ${alertText(el)}`);
    expect((await postsOf(store))[0]!.text).to.equal(family.repeat(150));
  });

  it('a text of only zero-width characters is empty: it says so and sends nothing', async () => {
    const store = annStore();
    const el = await composer(store);
    paste(el, '\u200B\u200C\u200D\u2060 \uFEFF');
    await ctrlEnter();
    await waitUntil(() => alertText(el) !== '');
    expect(alertText(el)).to.equal('Write something before posting.');
    expect(await postsOf(store)).to.have.length(0);
  });

  it('says the database cannot be reached instead of loading forever', async () => {
    const store = annStore();
    const unreachable = Object.assign(Object.create(store) as MemoryStore, {
      subscribeChannel: () => () => undefined,
      subscribeConnection: (cb: (online: boolean) => void) => (cb(false), () => undefined),
    });
    const el = await fixture<LenigComposerElement>(html`<lenig-composer channel="general" .store=${unreachable}></lenig-composer>`);
    await waitUntil(() => visibleText(el).includes('You are offline'), `saw: ${visibleText(el)}`);
    expect(visibleText(el)).to.contain('You are offline. This appears as soon as the connection is back.');
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.contain('You are offline');
  });

  it('keeps a draft per channel across re-creating the element, with category and title', async () => {
    const store = annStore();
    let el = await composer(store);
    await chooseCategory(el, 'idea');
    const title = shadow(el).querySelector<HTMLInputElement>('#title')!;
    title.focus();
    await sendKeys({ type: 'Bike sheds' });
    textarea(el).focus();
    await sendKeys({ type: 'We need more of them' });
    await aTimeout(400);
    expect(JSON.parse(localStorage.getItem(annDraft())!)).to.include({
      text: 'We need more of them',
      category: 'idea',
      title: 'Bike sheds',
    });
    el.remove();
    el = await composer(store);
    expect(textarea(el).value).to.equal('We need more of them');
    expect(shadow(el).querySelector('select')!.value).to.equal('idea');
    expect(shadow(el).querySelector<HTMLInputElement>('#title')!.value).to.equal('Bike sheds');
    expect(countText(el)).to.equal('20 / 2,000');
    el.remove();
    const other = await composer(store, 'team');
    expect(textarea(other).value).to.equal('');
  });

  it('saves the draft when the element goes away before the typing pause ends', async () => {
    const el = await composer(annStore());
    textarea(el).focus();
    await sendKeys({ type: 'quick' });
    el.remove();
    expect(JSON.parse(localStorage.getItem(annDraft())!).text).to.equal('quick');
  });

  it('keeps drafts per person: the next person at a shared PC does not see the last one\'s text', async () => {
    const backend = newBackend();
    const store = backend.session('ann');
    const el = await composer(store);
    textarea(el).focus();
    await sendKeys({ type: 'Private thoughts of Ann' });
    // Ann signs out and Bob signs in on the same PC, in the same page.
    store.signInAs('bob');
    await waitUntil(() => textarea(el)?.value === '', 'Bob sees an empty composer');
    expect(visibleText(el)).not.to.contain('Private thoughts of Ann');
    expect(JSON.parse(localStorage.getItem(annDraft())!).text, 'Ann\'s draft was saved as she left').to.equal('Private thoughts of Ann');
    textarea(el).focus();
    await sendKeys({ type: 'Bob here' });
    // A reload as Bob shows Bob's own draft, never Ann's.
    el.remove();
    const again = await composer(store);
    expect(textarea(again).value).to.equal('Bob here');
    store.signInAs('ann');
    await waitUntil(() => textarea(again)?.value === 'Private thoughts of Ann', 'Ann gets her own draft back');
  });

  it('ignores storage that refuses writes', async () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const el = await composer(annStore());
      paste(el, 'still here');
      await aTimeout(400);
      expect(textarea(el).value).to.equal('still here');
      expect(alertText(el)).to.equal('');
    } finally {
      Storage.prototype.setItem = original;
    }
  });

  it('@mentions fully by keyboard: the list opens, arrows move, Enter inserts the markup, mentions are sent', async () => {
    const backend = newBackend();
    const store = backend.session('ann');
    const el = await composer(store);
    const ta = textarea(el);
    ta.focus();
    await sendKeys({ type: 'Thanks @mar' });
    const listbox = shadow(el).querySelector<HTMLElement>('[role="listbox"]')!;
    await waitUntil(() => !listbox.hidden, 'the mention list did not open');
    const names = [...listbox.querySelectorAll('[role="option"] .name')].map((n) => n.textContent.trim());
    expect(names).to.deep.equal(['Maria de Vries', 'Mark Jansen', 'Marten Bos']);
    expect(ta.getAttribute('role')).to.equal('combobox');
    expect(ta.getAttribute('aria-expanded')).to.equal('true');
    expect(ta.getAttribute('aria-autocomplete')).to.equal('list');
    expect(ta.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(ta.hasAttribute('aria-activedescendant')).to.equal(false);
    await waitUntil(() => liveText(el).startsWith('3 people found'));
    await expectAccessible(el);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const active = shadow(el).getElementById(ta.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).to.equal('true');
    expect(active.querySelector('.name')!.textContent).to.equal('Maria de Vries');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ta.value).to.equal('Thanks @[Maria de Vries](maria) ');
    expect(listbox.hidden).to.equal(true);
    expect(ta.getAttribute('aria-expanded')).to.equal('false');
    expect(ta.selectionStart).to.equal(ta.value.length);

    await sendKeys({ type: 'for the help' });
    await ctrlEnter();
    await waitUntil(() => ta.value === '');
    const [post] = await postsOf(store);
    expect(post!.text).to.equal('Thanks @[Maria de Vries](maria) for the help');
    const forMaria = await notificationsOf(backend, 'maria');
    expect(forMaria.map((n) => [n.type, n.post])).to.deep.equal([['mentioned', post!.id]]);
    expect(await notificationsOf(backend, 'mark')).to.have.length(0);
  });

  it('Escape closes the mention list and keeps the text; a click picks a person', async () => {
    const el = await composer(annStore());
    const ta = textarea(el);
    const listbox = shadow(el).querySelector<HTMLElement>('[role="listbox"]')!;
    ta.focus();
    await sendKeys({ type: '@mar' });
    await waitUntil(() => !listbox.hidden);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(listbox.hidden).to.equal(true);
    expect(ta.value).to.equal('@mar');
    // Further letters of the same dismissed mention do not reopen it.
    await sendKeys({ type: 'k' });
    await aTimeout(20);
    expect(listbox.hidden).to.equal(true);

    await sendKeys({ type: ' and @ma' });
    await waitUntil(() => !listbox.hidden);
    const mark = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent.includes('Mark Jansen'))!;
    mark.click();
    await el.updateComplete;
    expect(ta.value).to.equal('@mark and @[Mark Jansen](mark) ');
    expect(shadow(el).activeElement).to.equal(ta);
  });

  it('an idea needs a title: the reason is shown at the title field, then it posts as an idea', async () => {
    const store = annStore();
    const el = await composer(store);
    await chooseCategory(el, 'idea');
    const title = shadow(el).querySelector<HTMLInputElement>('#title')!;
    expect(shadow(el).querySelector(`label[for="title"]`)!.textContent.trim()).to.equal('Title of your idea');
    paste(el, 'Let us plant trees on the roof');
    await ctrlEnter();
    await el.updateComplete;
    expect(alertText(el)).to.contain('Your idea needs a title.');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(title);
    expect(await postsOf(store)).to.have.length(0);
    await expectAccessible(el);

    await sendKeys({ type: 'Roof garden' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textarea(el).value === '');
    const [post] = await postsOf(store);
    expect(post!.category).to.equal('idea');
    expect(post!.idea?.title).to.equal('Roof garden');
    expect(post!.text).to.equal('Let us plant trees on the roof');
  });

  it('categories="…" restricts and orders the picker, leaving out (and warning about) unknown ones', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (msg: string) => warnings.push(msg);
    try {
      const el = await ready(
        await fixture<LenigComposerElement>(
          html`<lenig-composer channel="general" categories="praise, question, bogus" .store=${annStore()}></lenig-composer>`,
        ),
      );
      const values = [...shadow(el).querySelectorAll('select option')].map((o) => (o as HTMLOptionElement).value);
      expect(values).to.deep.equal(['praise', 'question']);
      expect(warnings.join('\n')).to.contain('bogus');
    } finally {
      console.warn = warn;
    }
  });

  it('max-length lowers the limit', async () => {
    const el = await ready(
      await fixture<LenigComposerElement>(html`<lenig-composer channel="general" max-length="280" .store=${annStore()}></lenig-composer>`),
    );
    paste(el, 'c'.repeat(300));
    await el.updateComplete;
    expect(countText(el)).to.equal('300 / 280');
    expect(submitButton(el).disabled).to.equal(true);
  });

  it('without a channel attribute: names the problem in the widget and the console', async () => {
    const errors: string[] = [];
    const error = console.error;
    console.error = (msg: string) => errors.push(msg);
    try {
      const el = await fixture<LenigComposerElement>(html`<lenig-composer .store=${annStore()}></lenig-composer>`);
      await el.updateComplete;
      expect(alertText(el)).to.equal('<lenig-composer> needs a "channel" attribute.');
      expect(errors.join('\n')).to.contain('"channel"');
      await expect(el).to.be.accessible();
    } finally {
      console.error = error;
    }
  });

  it('signed out: invites to sign in instead of the form, then shows the form with focus in it', async () => {
    const store = newBackend().session(null, { signInAs: 'ann' });
    const el = await fixture<LenigComposerElement>(html`<lenig-composer channel="general" .store=${store}></lenig-composer>`);
    await waitUntil(() => shadow(el).querySelector('[part~="sign-in"]'));
    expect(shadow(el).querySelector('textarea')).to.equal(null);
    expect(visibleText(el)).to.contain('Sign in to share something with');
    await expectAccessible(el);
    const button = shadow(el).querySelector<HTMLButtonElement>('[part~="sign-in-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await ready(el);
    expect(shadow(el).activeElement).to.equal(textarea(el));
  });

  it('shows a loading placeholder while the store answers', async () => {
    const store = annStore({ latency: 300 });
    const el = await fixture<LenigComposerElement>(html`<lenig-composer channel="general" .store=${store}></lenig-composer>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
    expect(shadow(el).querySelector('[role="status"]')!.textContent.trim()).to.equal('Loading…');
    await expectAccessible(el);
    await ready(el);
  });

  it('names a channel that does not exist', async () => {
    const el = await fixture<LenigComposerElement>(html`<lenig-composer channel="nope" .store=${annStore()}></lenig-composer>`);
    await waitUntil(() => alertText(el));
    expect(alertText(el)).to.contain('The channel “nope” does not exist.');
    await expectAccessible(el);
  });

  it("names the channel in the reader's language where the channel has a name for it", async () => {
    const backend = new MemoryBackend({ users, channels: [{ id: 'company', name: 'Bedrijfsnieuws', names: { en: 'Company news' }, categories: ['news'] }] });
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <lenig-composer lang="en" channel="company" .store=${backend.session('ann')}></lenig-composer>
        <lenig-composer lang="nl" channel="company" .store=${backend.session('ann')}></lenig-composer>
        <lenig-composer lang="de" channel="company" .store=${backend.session('ann')}></lenig-composer>
      </div>`,
    );
    const [en, nl, de] = await Promise.all([...wrapper.querySelectorAll('lenig-composer')].map((el) => ready(el)));
    expect(shadow(en!).querySelector('label[for="text"]')!.textContent.trim()).to.equal('Share something with Company news');
    expect(shadow(nl!).querySelector('label[for="text"]')!.textContent.trim()).to.equal('Deel iets met Bedrijfsnieuws');
    // German is not a language lenig has: the English strings, with the channel's own English name.
    expect(shadow(de!).querySelector('label[for="text"]')!.textContent.trim()).to.equal('Share something with Company news');
  });

  it('in an archived channel says it is read-only, keeps the draft, and brings the form back when reopened', async () => {
    const backend = new MemoryBackend({ users, channels, admins: ['maria'] });
    const admin = backend.session('maria');
    const el = await composer(backend.session('ann'));
    paste(el, 'Half a thought about the canteen');
    await el.updateComplete;

    await admin.updateChannel('general', { archived: true });
    await waitUntil(() => !textarea(el), 'the form went away');
    const notice = shadow(el).querySelector('[role="status"]')!;
    expect(notice.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      'General is archived: you can read its posts, but no new ones can be added. Your draft is kept; it comes back if the channel is reopened.',
    );
    expect(submitButton(el), 'no post button in a read-only channel').to.equal(null);
    await waitUntil(() => localStorage.getItem(annDraft())?.includes('Half a thought about the canteen'), 'the draft is stored');
    await expectAccessible(el);

    await admin.updateChannel('general', { archived: false });
    await waitUntil(() => textarea(el)?.value === 'Half a thought about the canteen', 'the form came back with the draft');
  });

  it('says in Dutch that an archived channel is read-only, without a draft line when there is none', async () => {
    const backend = new MemoryBackend({ users, channels: [{ ...channels[0]!, archived: true }] });
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="nl"><lenig-composer channel="general" .store=${backend.session('ann')}></lenig-composer></div>`,
    );
    const el = wrapper.querySelector('lenig-composer')!;
    await waitUntil(() => shadow(el).querySelector('[role="status"]')?.textContent?.includes('gearchiveerd'), 'the notice appeared');
    expect(shadow(el).querySelector('[role="status"]')!.textContent.trim()).to.equal(
      'General is gearchiveerd: je kunt de berichten lezen, maar er kunnen geen nieuwe bij.',
    );
  });

  it('speaks Dutch under lang="nl", with Dutch number formatting', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="nl"><lenig-composer channel="general" .store=${annStore()}></lenig-composer></div>`,
    );
    const el = await ready(wrapper.querySelector('lenig-composer')!);
    expect(shadow(el).querySelector('label[for="text"]')!.textContent.trim()).to.equal('Deel iets met General');
    const options = [...shadow(el).querySelectorAll('select option')].map((o) => o.textContent.trim());
    expect(options).to.deep.equal(['Bedrijfsnieuws', 'Verbeteridee', 'Vraag', 'Persoonlijk', 'Compliment']);
    expect(submitButton(el).textContent.trim()).to.equal('Plaatsen');
    paste(el, 'd'.repeat(2013));
    await el.updateComplete;
    await aTimeout(0);
    expect(countText(el)).to.equal('2.013 / 2.000');
    expect(visibleText(el)).to.contain('Je bericht is 2.013 tekens; de limiet is 2.000.');
    expect(liveText(el)).to.equal('13 tekens te veel');
    await expectAccessible(el);
  });
});

/** The same backend seen by another signed-in reader: what has really reached the server. */
function newBackendView(store: MemoryStore): MemoryStore {
  return store.backend.session('maria');
}
