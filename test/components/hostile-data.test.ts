/**
 * What colleagues and admins write reaches every widget: names, job titles, pictures, channel names in
 * each language, category keys, post and comment text, idea titles and status notes, report reasons and
 * the notifications about them. Each field below holds markup that would run script if any widget put it
 * into the page as HTML, an attribute it could break out of, a URL or a style. After every widget has
 * shown it: nothing ran, no element carries an event handler or a script URL, and the text reads as typed.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/admin/admin.js';
import '../../src/components/comments/comments.js';
import '../../src/components/feed/feed.js';
import '../../src/components/idea-board/idea-board.js';
import '../../src/components/insights/insights.js';
import '../../src/components/notifications/notifications.js';
import type { Profile } from '../../src/data/types.js';
import { MemoryBackend } from '../../src/memory/memory-store.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Markup for one field: HTML, an attribute break-out, a closing style, a template expression. */
const evil = (field: string) => `${field}<img src=x onerror=__pwned='${field}'>"'><svg onload=__pwned=1></style>\${__pwned=1}`;

const users: Profile[] = [
  { uid: 'ada', name: evil('name'), jobTitle: evil('job'), department: evil('dept') },
  { uid: 'bob', name: 'Bob', photoURL: 'https://x.example/a.png" onerror="__pwned=1' },
  { uid: 'cy', name: 'Cy' },
];
/** Pictures the stores and rules refuse, as a database edited by hand, or by an older version, may hold. */
const rawPictures: Record<string, string> = {
  ada: 'javascript:__pwned=1',
  cy: 'data:image/svg+xml,<svg onload=__pwned=1 xmlns="http://www.w3.org/2000/svg"/>',
};
const CH = 'general';
const IDEAS = 'ideas';
const CATEGORY = 'x"><img src=x onerror=__pwned=1>';
const POST_TEXT = `${evil('post')}\n[click](javascript:__pwned=1) [x](JaVaScRiPt:__pwned=1) [y](vbscript:x) [z](data:text/html,<script>__pwned=1</script>) [w](//evil.example) java\tscript:__pwned=1 &#106;avascript:__pwned=1 @[${evil('mention')}](ada)`;

function world(): { backend: MemoryBackend; post: string; idea: string } {
  const backend = new MemoryBackend({
    users,
    admins: ['ada'],
    channels: [
      { id: CH, name: evil('channel'), names: { en: evil('channel-en'), nl: evil('channel-nl') }, categories: ['news', CATEGORY] },
      { id: IDEAS, name: 'Ideas', categories: ['idea'] },
    ],
  });
  const post = backend.addPost({
    channel: CH,
    author: 'ada',
    text: POST_TEXT,
    category: CATEGORY,
    createdAt: new Date(Date.now() - 3600_000),
    likers: ['ada', 'bob', 'cy'],
    comments: [{ author: 'ada', text: evil('comment') }],
  }).id;
  const idea = backend.addPost({ channel: IDEAS, author: 'ada', title: evil('title'), text: evil('idea'), status: 'planned', owner: 'ada', likers: ['bob'] }).id;
  backend.addReport({ channel: CH, post, by: 'bob', reason: evil('reason') });
  backend.load({
    notifications: [
      { to: 'ada', type: 'idea-status', actor: 'bob', channel: IDEAS, post: idea, status: 'planned', note: evil('note') },
      { to: 'ada', type: 'commented', actor: 'ada', channel: CH, post },
    ],
  });
  const profiles = backend.data.tree.profiles as Record<string, Record<string, unknown>>;
  for (const [uid, url] of Object.entries(rawPictures)) profiles[uid]!.photoURL = url;
  return { backend, post, idea };
}

/** Every element under `root`, inside shadow roots too. */
function allElements(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (!(child instanceof Element)) continue;
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** The text of everything under `root`, shadow roots included. */
function allText(root: Node): string {
  let text = '';
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof Text) text += child.data;
      else if (child instanceof Element) {
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return text;
}

/** What a browser would run, or fetch as a script or document, from a URL attribute. */
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;

/** Fails on anything under `root` that could run script: handlers, script URLs, injected script or SVG. */
function expectInert(root: Node): void {
  expect(window.__pwned, 'script ran').to.equal(undefined);
  for (const el of allElements(root)) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `<${el.localName} ${attr.name}="${attr.value}">`).to.equal(false);
      // Browsers ignore ASCII white space and control characters in a URL's scheme.
      // eslint-disable-next-line no-control-regex
      const url = attr.value.replace(/[\u0000-\u0020]/g, '');
      if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'data'].includes(attr.name)) {
        expect(SCRIPT_URL.test(url), `<${el.localName} ${attr.name}="${attr.value}">`).to.equal(false);
      }
    }
    expect(['script', 'iframe', 'object', 'embed', 'style'].includes(el.localName) && el.closest('lenig-feed, lenig-comments') === null, `<${el.localName}>`).to.equal(false);
  }
}

async function settle(el: Element, shows: string): Promise<void> {
  await waitUntil(() => allText(el).includes(shows), `waiting for "${shows}" in: ${allText(el).replace(/\s+/g, ' ').slice(0, 400)}`, { timeout: 4000 });
  // Images and handlers get a moment to fire, if any were made.
  await new Promise((r) => setTimeout(r, 50));
}

describe('hostile text in every widget', () => {
  beforeEach(() => {
    delete window.__pwned;
  });

  for (const lang of ['en', 'nl']) {
    it(`the feed, a card and its likers (${lang}): names, job titles, pictures, channel names, categories, mentions, links`, async () => {
      const { backend } = world();
      const el = await fixture<HTMLElement>(html`<lenig-feed lang=${lang} channel=${CH} .store=${backend.session('bob')} style="width: 640px"></lenig-feed>`);
      await settle(el, evil('post'));
      expectInert(el);
      const text = allText(el);
      expect(text).to.include(evil('name'));
      expect(text).to.include('[click](javascript:__pwned=1)');
      expect(text).to.include('[z](data:text/html,<script>__pwned=1</script>)');
      // A mention reads as the person's name, which is shown as text too.
      expect(text).to.include(`@${evil('name')}`);
      // Only real links: none made of the script URLs or the protocol-relative one.
      const hrefs = allElements(el).flatMap((e) => (e.localName === 'a' && e.getAttribute('href') ? [e.getAttribute('href')!] : []));
      expect(hrefs.filter((h) => !h.startsWith('https://') && !h.startsWith('mailto:') && !h.startsWith('#'))).to.deep.equal([]);
    });
  }

  it('comments: the text and the commenter', async () => {
    const { backend, post } = world();
    const el = await fixture<HTMLElement>(html`<lenig-comments lang="en" channel=${CH} post=${post} .store=${backend.session('bob')}></lenig-comments>`);
    await settle(el, evil('comment'));
    expectInert(el);
    expect(allText(el)).to.include(evil('name'));
  });

  for (const view of ['columns', 'list']) {
    it(`the idea board (${view}) and an idea's details: title, text, status note, owner`, async () => {
      const { backend, idea } = world();
      const el = await fixture<HTMLElement>(html`<lenig-idea-board lang="en" channel=${IDEAS} view=${view} .store=${backend.session('ada')} style="width: 1000px"></lenig-idea-board>`);
      await settle(el, evil('title'));
      expectInert(el);
      el.setAttribute('idea', idea);
      await settle(el, evil('idea'));
      expectInert(el);
    });
  }

  it('notifications: the actor, the channel and the status note', async () => {
    const { backend } = world();
    const el = await fixture<HTMLElement>(html`<lenig-notifications lang="en" .store=${backend.session('ada')}></lenig-notifications>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="bell"]'), 'the bell');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="bell"]')!.click();
    await settle(el, evil('note'));
    expectInert(el);
  });

  for (const tab of ['reports', 'channels', 'people']) {
    it(`the administration, ${tab}: report reasons, reported text, channel names in each language, profiles`, async () => {
      const { backend } = world();
      const el = await fixture<HTMLElement>(html`<lenig-admin lang="en" tab=${tab} .store=${backend.session('ada')}></lenig-admin>`);
      await settle(el, tab === 'reports' ? evil('reason') : tab === 'channels' ? evil('channel-en') : evil('name'));
      expectInert(el);
    });
  }

  it('insights: category labels in the legend, the chart (SVG) and the table', async () => {
    const { backend } = world();
    const el = await fixture<HTMLElement>(html`<lenig-insights lang="en" channel=${CH} months="3" .store=${backend.session('ada')} style="width: 720px"></lenig-insights>`);
    await waitUntil(() => el.shadowRoot?.querySelector('svg rect[data-category]'), 'the chart', { timeout: 4000 });
    expectInert(el);
    const bar = el.shadowRoot!.querySelector(`svg rect[data-category="${CSS.escape(CATEGORY)}"]`);
    expect(bar, 'a bar for the category').to.not.equal(null);
    // Its colour is a spare one: the key cannot become part of a custom property name or a declaration.
    expect(bar!.closest('g')!.getAttribute('style')).to.match(/^--_bar:\s*var\(--_c-extra-\d\);?$/);
  });
});

describe('bidirectional controls in names', () => {
  /** Embedding, override and isolate controls: each turns the text after it around until its paragraph ends. */
  const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
  const RLO = '\u202e';

  function bidiWorld(): { backend: MemoryBackend; post: string } {
    const backend = new MemoryBackend({
      users: [
        { uid: 'eve', name: `${RLO}Eve`, jobTitle: `\u2067Boss`, department: `\u202bSales` },
        { uid: 'bob', name: 'Bob' },
      ],
      admins: ['bob', 'eve'],
      channels: [{ id: CH, name: `${RLO}News`, names: { en: `${RLO}News`, nl: `\u2066Nieuws` }, categories: ['news'] }],
    });
    const post = backend.addPost({ channel: CH, author: 'eve', text: 'hello', category: 'news', likers: ['eve'] }).id;
    backend.load({ notifications: [{ to: 'bob', type: 'commented', actor: 'eve', channel: CH, post }] });
    return { backend, post };
  }

  for (const lang of ['en', 'nl']) {
    it(`a colleague's name, job title and department, and a channel's name, reach no sentence with them (${lang})`, async () => {
      const { backend } = bidiWorld();
      const feed = await fixture<HTMLElement>(html`<lenig-feed lang=${lang} channel=${CH} .store=${backend.session('bob')}></lenig-feed>`);
      await settle(feed, 'hello');
      await settle(feed, 'Eve');
      expect(CONTROLS.test(allText(feed)), allText(feed).replace(/\s+/g, ' ')).to.equal(false);

      const bell = await fixture<HTMLElement>(html`<lenig-notifications lang=${lang} .store=${backend.session('bob')}></lenig-notifications>`);
      await waitUntil(() => bell.shadowRoot?.querySelector('[part~="bell"]'), 'the bell');
      bell.shadowRoot!.querySelector<HTMLButtonElement>('[part~="bell"]')!.click();
      await settle(bell, 'Eve');
      expect(allText(bell)).to.match(/Eve/);
      expect(CONTROLS.test(allText(bell)), allText(bell).replace(/\s+/g, ' ')).to.equal(false);
    });
  }

  it('the administration shows the names without them too', async () => {
    const { backend } = bidiWorld();
    const el = await fixture<HTMLElement>(html`<lenig-admin lang="en" tab="people" .store=${backend.session('bob')}></lenig-admin>`);
    await settle(el, 'Eve');
    expect(CONTROLS.test(allText(el)), allText(el).replace(/\s+/g, ' ')).to.equal(false);
  });
});

describe('invisible characters and blank names', () => {
  /** Marks, zero-width spaces, word joiners, invisible operators and the byte order mark. */
  const INVISIBLE = /[\u061c\u200b\u200e\u200f\u2060-\u2064\ufeff]/;

  it('a name reads without the invisible characters between its letters, and one that shows nothing as someone', async () => {
    const backend = new MemoryBackend({
      users: [
        { uid: 'eve', name: 'Eve' },
        { uid: 'gap', name: 'Gap' },
        { uid: 'rtl', name: 'Rtl' },
        { uid: 'bob', name: 'Bob' },
        // Spelled with a zero-width non-joiner, as Persian writes it; and an emoji joined by a zero-width joiner.
        { uid: 'fa', name: 'مهر\u200cناز' },
        { uid: 'zwj', name: 'Sam \u{1F469}\u200d\u{1F4BB}' },
        { uid: 'braille', name: 'Braille' },
        { uid: 'mark', name: 'Mark' },
      ],
      channels: [{ id: CH, name: 'News', categories: ['news'] }],
    });
    const post = backend.addPost({ channel: CH, author: 'bob', text: 'hello', category: 'news' }).id;
    backend.load({ notifications: ['eve', 'gap', 'rtl', 'fa', 'zwj', 'braille', 'mark'].map((actor) => ({ to: 'bob', type: 'commented' as const, actor, channel: CH, post })) });
    // As a database edited by hand, or another client, may hold them: the rules refuse a blank name, not these.
    const profiles = backend.data.tree.profiles as Record<string, Record<string, unknown>>;
    profiles.eve!.name = '\u200eE\u200bv\u2060e\ufeff\u200f';
    profiles.gap!.name = '\u3164\u200b';
    // Shows nothing too: the blank Braille pattern; a space left once a format character is out.
    profiles.braille!.name = '\u2800\u2800';
    profiles.mark!.name = '\u0600 ';
    // Right-to-left letters stay; the Arabic letter mark around them goes.
    profiles.rtl!.name = '\u061cنور\u200f';
    const bell = await fixture<HTMLElement>(html`<lenig-notifications lang="en" .store=${backend.session('bob')}></lenig-notifications>`);
    await waitUntil(() => bell.shadowRoot?.querySelector('[part~="bell"]'), 'the bell');
    bell.shadowRoot!.querySelector<HTMLButtonElement>('[part~="bell"]')!.click();
    await settle(bell, 'نور');
    const items = [...bell.shadowRoot!.querySelectorAll('[part~="item"]')].map((i) => allText(i).replace(/\s+/g, ' '));
    expect(items.join(' | ')).to.not.match(INVISIBLE);
    expect(items.filter((i) => i.includes('Eve commented'))).to.have.length(1);
    expect(items.filter((i) => i.includes('Someone commented'))).to.have.length(3);
    expect(items.filter((i) => i.includes('نور commented'))).to.have.length(1);
    // The joiners that spell a name stay.
    expect(items.filter((i) => i.includes('مهر\u200cناز commented'))).to.have.length(1);
    expect(items.filter((i) => i.includes('Sam \u{1F469}\u200d\u{1F4BB} commented'))).to.have.length(1);
  });
});

describe('records the rules would refuse', () => {
  it("an idea's history leaves out an entry whose status is none of the statuses (constructor)", async () => {
    const { backend, idea } = world();
    const history = (backend.data.tree.ideaHistory ??= {}) as Record<string, Record<string, Record<string, unknown>>>;
    ((history[IDEAS] ??= {})[idea] ??= {})['bad-entry'] = { status: 'constructor', note: 'a status of nothing', by: 'ada', at: Date.now() - 1000 };
    await backend.session('ada').setIdeaStatus(IDEAS, idea, 'in-progress', 'Ordered the panels');
    const el = await fixture<HTMLElement>(html`<lenig-idea-board lang="en" channel=${IDEAS} idea=${idea} .store=${backend.session('ada')} style="width: 1000px"></lenig-idea-board>`);
    await settle(el, 'Ordered the panels');
    const detail = el.shadowRoot!.querySelector('lenig-idea-detail')!;
    // Submitted, then the one real change.
    expect([...detail.shadowRoot!.querySelectorAll('.timeline li')].map((li) => li.getAttribute('data-status'))).to.deep.equal(['new', 'in-progress']);
    expect(allText(el)).to.not.include('a status of nothing').and.not.include('native code');
  });

  it('the bell lists no notification pointing at anything but plain ids, nor one with a status or note of another kind', async () => {
    const { backend, post, idea } = world();
    const mine = backend.data.tree.notifications as Record<string, Record<string, unknown>>;
    const base = { type: 'commented', actor: 'bob', channel: CH, post, createdAt: Date.now() - 1000, read: false };
    Object.assign(mine.ada!, {
      n1: { ...base, channel: '../admin' },
      n2: { ...base, post: 'x?y=javascript:1' },
      n3: { ...base, actor: { uid: 'bob' } },
      n4: { ...base, post: 42 },
      n5: { ...base, type: 'idea-status', channel: IDEAS, post: idea, status: 'constructor', note: 'odd status' },
      n6: { ...base, type: 'idea-status', channel: IDEAS, post: idea, status: 'done', note: { text: 'an object' } },
    });
    const el = await fixture<HTMLElement>(html`<lenig-notifications lang="en" .store=${backend.session('ada')}></lenig-notifications>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="bell"]'), 'the bell');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="bell"]')!.click();
    await settle(el, evil('note'));
    // The two the world made, and none of the six.
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
    expect(items).to.have.length(2);
    const opened: { channel: string; post: string }[] = [];
    el.addEventListener('lenig-notification-open', (e) => {
      e.preventDefault();
      opened.push({ channel: e.detail.channel, post: e.detail.post });
    });
    for (const item of items) item.click();
    expect(opened.map((o) => `${o.channel}/${o.post}`).sort()).to.deep.equal([`${CH}/${post}`, `${IDEAS}/${idea}`].sort());
  });
});
