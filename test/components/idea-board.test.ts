import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LenigIdeaBoardElement } from '../../src/components/idea-board/idea-board.js';
import '../../src/components/idea-board/idea-board.js';
import type { LenigIdeaDetailElement } from '../../src/components/idea-board/idea-detail.js';
import { sortIdeas, trendingScore } from '../../src/components/idea-board/ranking.js';
import type { LenigIdeaCardElement } from '../../src/components/idea-card/idea-card.js';
import { draftKey } from '../../src/controllers/draft.js';
import { PROFILE_REFRESH_MS } from '../../src/controllers/profiles.js';
import { MemoryBackend, type MemoryStore, type SeedPost } from '../../src/memory/memory-store.js';
import { StoreError } from '../../src/data/store.js';
import { postTarget, type Idea, type IdeaHistoryEntry, type IdeaStatus, type Notification, type Profile } from '../../src/data/types.js';

// A (anna) submits, B (bram) votes, C (carla) is an admin; D (daan) owns ideas he is assigned.
const users: Profile[] = [
  { uid: 'anna', name: 'Anna de Vries', jobTitle: 'HR advisor' },
  { uid: 'bram', name: 'Bram Jansen', jobTitle: 'Service engineer' },
  { uid: 'carla', name: 'Carla Smit', jobTitle: 'Intranet editor' },
  { uid: 'daan', name: 'Daan Bakker', jobTitle: 'Facility manager' },
];
const CH = 'ideas';
const channels = [{ id: CH, name: 'Improvement ideas', categories: ['idea', 'news'] }];

const daysAgo = (d: number): Date => new Date(Date.now() - d * 86_400_000);

function company(posts: SeedPost[] = [], options: { publicReads?: boolean } = {}): MemoryBackend {
  return new MemoryBackend({ users, admins: ['carla'], channels, seed: { posts: posts.map((p) => ({ channel: CH, ...p })) }, ...options });
}

const shed: SeedPost = {
  id: 'shed',
  author: 'anna',
  title: 'Cover the bicycle shed',
  text: 'A roof over the bicycle shed by the back door, so bikes stay dry.',
  createdAt: daysAgo(3),
};

async function boardFor(store: MemoryStore, attrs: { view?: string; lang?: string; idea?: string; width?: number } = {}): Promise<LenigIdeaBoardElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${attrs.lang ?? 'en'} style="width: ${attrs.width ?? 1100}px">
    <lenig-idea-board channel=${CH} view=${attrs.view ?? 'columns'} idea=${attrs.idea ?? ''} .store=${store}></lenig-idea-board>
  </div>`);
  const board = wrapper.querySelector('lenig-idea-board')!;
  // A Dutch board renders first once its Dutch strings have arrived (fetched on demand): until then it shows nothing busy.
  await board.updateComplete;
  await waitUntil(() => !board.shadowRoot!.querySelector('[aria-busy="true"]'), 'the board to load');
  return board;
}

/** Two boards on one page, each signed in as someone else on the same backend. */
async function twoBoards(a: MemoryStore, b: MemoryStore): Promise<[LenigIdeaBoardElement, LenigIdeaBoardElement]> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="width: 1100px">
    <lenig-idea-board id="a" channel=${CH} .store=${a}></lenig-idea-board>
    <lenig-idea-board id="b" channel=${CH} .store=${b}></lenig-idea-board>
  </div>`);
  const boards = [wrapper.querySelector<LenigIdeaBoardElement>('#a')!, wrapper.querySelector<LenigIdeaBoardElement>('#b')!] as const;
  for (const board of boards) await waitUntil(() => !board.shadowRoot!.querySelector('[aria-busy="true"]'), 'the boards to load');
  return [boards[0], boards[1]];
}

const $ = <T extends Element = HTMLElement>(board: Element, selector: string): T | null => board.shadowRoot!.querySelector<T>(selector);

function column(board: LenigIdeaBoardElement, status: IdeaStatus): HTMLElement | null {
  return $(board, `section.column[data-status="${status}"]`);
}

function cards(root: Element | null): LenigIdeaCardElement[] {
  return [...(root?.querySelectorAll<LenigIdeaCardElement>('lenig-idea-card') ?? [])];
}

function titleOf(card: LenigIdeaCardElement): string {
  return card.shadowRoot!.querySelector('[part="card-title"]')?.textContent?.trim() ?? '';
}

function titlesIn(board: LenigIdeaBoardElement, status?: IdeaStatus): string[] {
  return cards(status ? column(board, status) : board.shadowRoot!.querySelector('.board')).map(titleOf);
}

function cardFor(board: LenigIdeaBoardElement, id: string): LenigIdeaCardElement | null {
  return $(board, `lenig-idea-card[data-id="${id}"]`);
}

function voteButton(host: Element): HTMLButtonElement {
  return host.shadowRoot!.querySelector('lenig-like-view')!.shadowRoot!.querySelector('button')!;
}

/** The count a person sees on a vote button. */
function voteCount(host: Element): string {
  return voteButton(host).querySelector('[part="count"]')?.textContent?.trim() ?? '';
}

/**
 * Whether an element is there. Tests compare this boolean, never elements: chai's failure message for an
 * element inside a Lit shadow tree takes forever to build, which hangs the browser instead of failing.
 */
function shown(el: Element | null): boolean {
  return el !== null;
}

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text a screen reader gets: the element's text without what is hidden from it. */
function spokenText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return text(copy);
}

function visibleText(board: Element): string {
  return (board.shadowRoot!.querySelector('.board') as HTMLElement).innerText;
}

/** Sets a field's value as typing would. */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The first value a subscription gives: reads the store back as another reader would. */
function readOnce<T>(subscribe: (cb: (v: T) => void) => () => void): Promise<T> {
  return new Promise((resolve) => {
    let done = false;
    const stop = subscribe((v) => {
      if (done) return;
      done = true;
      queueMicrotask(() => stop());
      resolve(v);
    });
  });
}
const readIdeas = (store: MemoryStore): Promise<Idea[]> => readOnce((cb) => store.subscribeIdeas(CH, cb));
const readIdea = async (store: MemoryStore, id: string): Promise<Idea | undefined> => (await readIdeas(store)).find((i) => i.id === id);
const readHistory = (store: MemoryStore, id: string): Promise<IdeaHistoryEntry[]> => readOnce((cb) => store.subscribeIdeaHistory(CH, id, cb));
const readNotifications = (store: MemoryStore): Promise<Notification[]> => readOnce((cb) => store.subscribeNotifications(cb));

/** Opens an idea from its card's title, as a person would, and returns the detail in the dialog. */
async function openDetail(board: LenigIdeaBoardElement, id: string): Promise<LenigIdeaDetailElement> {
  const card = cardFor(board, id)!;
  card.shadowRoot!.querySelector<HTMLButtonElement>('[part="card-title"]')!.click();
  await waitUntil(() => $<HTMLDialogElement>(board, 'dialog')?.open, 'the dialog to open');
  const detail = $<LenigIdeaDetailElement>(board, 'lenig-idea-detail')!;
  await detail.updateComplete;
  return detail;
}

const d$ = <T extends Element = HTMLElement>(detail: LenigIdeaDetailElement, selector: string): T | null => detail.shadowRoot!.querySelector<T>(selector);

describe('<lenig-idea-board>', () => {
  // The form keeps drafts in localStorage (saved as a board leaves the page); one test's draft must not
  // show up in the next.
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('lenig:draft:')) localStorage.removeItem(key);
  });

  it('shows ideas in labelled status columns with counts, and the card details', async () => {
    const backend = company([
      { ...shed, likers: ['bram', 'carla'], comments: [{ author: 'bram', text: 'Yes please' }] },
      { id: 'desk', author: 'bram', title: 'Standing desks', text: 'On the third floor.', status: 'planned', owner: 'daan', createdAt: daysAgo(10) },
    ]);
    await backend.session('carla').setIdeaStatus(CH, 'desk', 'planned', 'Budget approved for Q3.');
    const board = await boardFor(backend.session('anna'));
    await waitUntil(() => text(cardFor(board, 'desk')!.shadowRoot!.querySelector('[part="owner"]')) === 'Owner: Daan Bakker', 'owner name');
    const names = [...board.shadowRoot!.querySelectorAll('section.column')].map((s) => {
      const id = s.getAttribute('aria-labelledby')!;
      return spokenText($(board, `#${id}`)!);
    });
    expect(names).to.deep.equal(['New, 1 idea', 'Under review, 0 ideas', 'Planned, 1 idea', 'In progress, 0 ideas', 'Done, 0 ideas', 'Declined, 0 ideas']);
    expect(titlesIn(board, 'new')).to.deep.equal(['Cover the bicycle shed']);
    expect(titlesIn(board, 'planned')).to.deep.equal(['Standing desks']);
    const card = cardFor(board, 'shed')!;
    const inCard = (s: string) => text(card.shadowRoot!.querySelector(s));
    expect(inCard('[part="excerpt"]')).to.equal('A roof over the bicycle shed by the back door, so bikes stay dry.');
    await waitUntil(() => inCard('[part="author"]') === 'by Anna de Vries', 'author');
    expect(inCard('[part="timestamp"]')).to.equal('3 days ago');
    expect(inCard('[part="owner"]')).to.equal('No owner yet');
    expect(inCard('[part="comments"]')).to.equal('1 comment');
    expect(voteCount(card)).to.equal('2');
    // The latest feedback note, from the history.
    const desk = cardFor(board, 'desk')!;
    await waitUntil(() => text(desk.shadowRoot!.querySelector('[part="note"]')).includes('Budget approved for Q3.'), 'latest note on the card');
    expect(text(desk.shadowRoot!.querySelector('[part="note"]'))).to.contain('Carla Smit');
    await expect(board).to.be.accessible();
  });

  it("holds no listener per author, and shows a colleague's new name at the next refresh, not while the page is hidden", async () => {
    const backend = company([
      shed,
      { id: 'desk', author: 'bram', title: 'Standing desks', text: 'On the third floor.', createdAt: daysAgo(10) },
      { id: 'bins', author: 'daan', title: 'More bins', text: 'By the canteen.', createdAt: daysAgo(12) },
    ]);
    const store = backend.session('carla');
    // Counts the profile subscriptions left open, and catches the board's refresh timer to run it by hand.
    let open = 0;
    const subscribe = store.subscribeProfile.bind(store);
    store.subscribeProfile = (uid, cb, onError) => {
      open++;
      const stop = subscribe(uid, cb, onError);
      let stopped = false;
      return () => {
        if (!stopped) open--;
        stopped = true;
        stop();
      };
    };
    const realSetInterval = window.setInterval;
    let refresh: (() => void) | undefined;
    window.setInterval = ((fn: () => void, ms?: number) => {
      if (ms === PROFILE_REFRESH_MS) {
        refresh = fn;
        return 0;
      }
      return realSetInterval(fn, ms);
    }) as typeof window.setInterval;
    let board: LenigIdeaBoardElement;
    try {
      board = await boardFor(store);
    } finally {
      window.setInterval = realSetInterval;
    }
    const author = (id: string) => text(cardFor(board, id)!.shadowRoot!.querySelector('[part="author"]'));
    await waitUntil(() => author('shed') === 'by Anna de Vries' && author('desk') === 'by Bram Jansen' && author('bins') === 'by Daan Bakker', 'authors');
    expect(open, 'profile subscriptions still open with three authors shown').to.equal(0);

    await backend.session('anna').updateMyProfile({ name: 'Anna Visser' });
    expect(refresh, 'a refresh is scheduled while profiles are shown').to.be.a('function');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      refresh!();
      await aTimeout(50);
      expect(author('shed'), 'no reads while the page is hidden').to.equal('by Anna de Vries');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => author('shed') === 'by Anna Visser', 'the new name once the page shows again');
    expect(open).to.equal(0);
    await expect(board).to.be.accessible();
  });

  it('submits an idea: it appears in the New column and is stored', async () => {
    const backend = company();
    const store = backend.session('anna');
    const board = await boardFor(store);
    expect(text($(board, '[part="status"]'))).to.equal('No ideas yet — be the first');
    await expect(board).to.be.accessible();
    $<HTMLInputElement>(board, '#idea-title')!.focus();
    await sendKeys({ type: 'Soup on Fridays' });
    $<HTMLTextAreaElement>(board, '#idea-text')!.focus();
    await sendKeys({ type: 'A warm lunch at the end of the week.' });
    const submitted = oneEvent(board, 'lenig-idea-submitted');
    $<HTMLButtonElement>(board, '[part="submit"]')!.click();
    const { detail } = await submitted;
    expect(detail.title).to.equal('Soup on Fridays');
    await waitUntil(() => titlesIn(board, 'new').includes('Soup on Fridays'), 'the new card');
    const stored = await readIdea(backend.session('bram'), detail.idea);
    expect(stored?.idea.title).to.equal('Soup on Fridays');
    expect(stored?.text).to.equal('A warm lunch at the end of the week.');
    expect(stored?.idea.status).to.equal('new');
    expect(stored?.author).to.equal('anna');
    // The form is empty again, focus is back in the title, and the outcome was announced.
    expect($<HTMLInputElement>(board, '#idea-title')!.value).to.equal('');
    expect($<HTMLTextAreaElement>(board, '#idea-text')!.value).to.equal('');
    expect(deepActive()?.id).to.equal('idea-title');
    await waitUntil(() => text($(board, '.announce')) === 'Your idea "Soup on Fridays" is on the board.', 'announced');
    await expect(board).to.be.accessible();
  });

  it('keeps the text and names the field when an idea is refused', async () => {
    const backend = company();
    const store = backend.session('anna');
    const board = await boardFor(store);
    typeInto($<HTMLInputElement>(board, '#idea-title')!, 'Soup on Fridays');
    $<HTMLButtonElement>(board, '[part="submit"]')!.click();
    await waitUntil(() => text($(board, '#text-error')) === 'Describe your idea in a few words.', 'description required');
    expect($(board, '#idea-text')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id).to.equal('idea-text');
    expect($<HTMLInputElement>(board, '#idea-title')!.value).to.equal('Soup on Fridays');
    // The store refuses too: the text stays, the reason shows, the page hears lenig-error.
    store.failNext('createPost', new StoreError('permission-denied', 'no'));
    typeInto($<HTMLTextAreaElement>(board, '#idea-text')!, 'A warm lunch.');
    const error = oneEvent(board, 'lenig-error');
    $<HTMLButtonElement>(board, '[part="submit"]')!.click();
    expect((await error).detail.operation).to.equal('createPost');
    await waitUntil(() => visibleText(board).includes('You are not allowed to do that.'), 'refusal shown');
    expect($<HTMLTextAreaElement>(board, '#idea-text')!.value).to.equal('A warm lunch.');
    expect(await readIdeas(store)).to.have.length(0);
    await expect(board).to.be.accessible();
  });

  it('keeps what was typed as a draft for the channel, and restores it', async () => {
    const key = draftKey({ form: 'idea-board', user: 'anna', channel: 'ideas' });
    localStorage.setItem(key, JSON.stringify({ title: 'Half-written idea', text: 'To be continued' }));
    const store = company().session('anna');
    const board = await boardFor(store);
    expect($<HTMLInputElement>(board, '#idea-title')!.value).to.equal('Half-written idea');
    expect($<HTMLTextAreaElement>(board, '#idea-text')!.value).to.equal('To be continued');
    typeInto($<HTMLInputElement>(board, '#idea-title')!, 'Half-written idea, now longer');
    await waitUntil(() => JSON.parse(localStorage.getItem(key) ?? '{}').title === 'Half-written idea, now longer', 'draft saved');
    // The composer's draft of the same channel is another key: the two never overwrite each other.
    expect(localStorage.getItem(draftKey({ form: 'composer', user: 'anna', channel: 'ideas' }))).to.equal(null);
    // Someone else signing in on this PC does not see Anna's draft.
    store.signInAs('bram');
    await waitUntil(() => $<HTMLInputElement>(board, '#idea-title')?.value === '', 'Bram sees an empty form');
  });

  it('lists similar ideas while the title is typed, each with a vote button', async () => {
    const backend = company([shed, { id: 'soup', author: 'bram', title: 'Soup in the canteen', text: 'Warm lunch.', createdAt: daysAgo(1) }]);
    const store = backend.session('bram');
    const board = await boardFor(store);
    expect(shown($(board, '[part="similar"]'))).to.equal(false);
    $<HTMLInputElement>(board, '#idea-title')!.focus();
    await sendKeys({ type: 'Roof over the bicycle shed' });
    await waitUntil(() => $(board, '[part="similar"]'), 'similar ideas');
    const similar = $(board, '[part="similar"]')!;
    expect(text(similar.querySelector('h4'))).to.equal('Similar ideas — vote for one instead?');
    const items = [...similar.querySelectorAll('li')];
    expect(items.map((li) => text(li.querySelector('.link')))).to.deep.equal(['Cover the bicycle shed']);
    await waitUntil(() => text($(board, '.announce')) === '1 similar idea found', 'announced');
    // Voting from the suggestion is a real vote.
    items[0]!.querySelector('lenig-like-view')!.shadowRoot!.querySelector('button')!.click();
    await waitUntil(async () => (await readIdea(backend.session('anna'), 'shed'))?.likeCount === 1, 'vote stored');
    await waitUntil(() => voteCount(cardFor(board, 'shed')!) === '1', 'card count');
    // The title is kept, and an unrelated title lists nothing.
    expect($<HTMLInputElement>(board, '#idea-title')!.value).to.equal('Roof over the bicycle shed');
    typeInto($<HTMLInputElement>(board, '#idea-title')!, 'Free parking on weekends');
    await board.updateComplete;
    expect(shown($(board, '[part="similar"]'))).to.equal(false);
    await expect(board).to.be.accessible();
  });

  it("shows B's vote live on A's board", async () => {
    const backend = company([shed]);
    const [a, b] = await twoBoards(backend.session('anna'), backend.session('bram'));
    expect(voteCount(cardFor(a, 'shed')!)).to.equal('');
    voteButton(cardFor(b, 'shed')!).click();
    await waitUntil(() => voteCount(cardFor(a, 'shed')!) === '1', "A sees B's vote");
    expect(voteButton(cardFor(b, 'shed')!).getAttribute('aria-pressed')).to.equal('true');
    expect(voteButton(cardFor(a, 'shed')!).getAttribute('aria-pressed')).to.equal('false');
    expect(voteButton(cardFor(a, 'shed')!).getAttribute('aria-label')).to.equal('Like, 1 like');
    expect((await readIdea(backend.session('carla'), 'shed'))?.likeCount).to.equal(1);
  });

  it('names the viewer "you" among the voters, from their vote until they take it back', async () => {
    const board = await boardFor(company([{ ...shed, likers: ['daan'] }]).session('anna'));
    const card = cardFor(board, 'shed')!;
    const button = () => voteButton(card);
    // Who voted is the button's description, as a screen reader reads it (and its tooltip).
    const described = () => text((button().getRootNode() as ShadowRoot).getElementById(button().getAttribute('aria-describedby') ?? ''));
    button().focus();
    await waitUntil(() => described() === 'Liked by Daan Bakker', `before voting: "${described()}"`);
    button().click();
    await waitUntil(() => described() === 'Liked by you and Daan Bakker', 'voted');
    button().click();
    await waitUntil(() => described() === 'Liked by Daan Bakker', 'vote taken back');
    expect(described()).not.to.contain('Anna');
  });

  it('rolls a refused vote back and says so', async () => {
    const backend = company([shed]);
    const store = backend.session('bram');
    const board = await boardFor(store);
    store.failNext('like', new StoreError('permission-denied', 'no'));
    const error = oneEvent(board, 'lenig-error');
    voteButton(cardFor(board, 'shed')!).click();
    expect((await error).detail.operation).to.equal('like');
    await waitUntil(() => text($(board, '.announce')) === 'Your like could not be saved.', 'announced');
    expect(voteCount(cardFor(board, 'shed')!)).to.equal('');
    expect(voteButton(cardFor(board, 'shed')!).getAttribute('aria-pressed')).to.equal('false');
    expect((await readIdea(store, 'shed'))?.likeCount).to.equal(0);
  });

  it('lets an admin move an idea with a note: the card moves, the history shows it, author and voters are told', async () => {
    const backend = company([{ ...shed, likers: ['bram'] }]);
    const anna = backend.session('anna');
    const [a, c] = await twoBoards(anna, backend.session('carla'));
    const detail = await openDetail(c, 'shed');
    choose(d$<HTMLSelectElement>(detail, '#move-to')!, 'planned');
    await detail.updateComplete;
    expect(text(d$(detail, '#move-submit'))).to.equal('Move to Planned');
    d$<HTMLTextAreaElement>(detail, '#note')!.focus();
    await sendKeys({ type: 'Facilities build it in week 44.' });
    const changed = oneEvent(c, 'lenig-idea-status-changed');
    d$<HTMLButtonElement>(detail, '#move-submit')!.click();
    const { detail: event } = await changed;
    expect(event).to.deep.equal({ channel: CH, idea: 'shed', status: 'planned', note: 'Facilities build it in week 44.' });
    // Both boards move the card to Planned.
    for (const board of [a, c]) {
      await waitUntil(() => titlesIn(board, 'planned').includes('Cover the bicycle shed'), 'card in Planned');
      expect(titlesIn(board, 'new')).to.deep.equal([]);
    }
    // The history in the dialog shows the change, who made it and the note.
    await waitUntil(() => detail.shadowRoot!.querySelectorAll('.timeline li').length === 2, 'history entry');
    const entry = detail.shadowRoot!.querySelectorAll('.timeline li')[1]!;
    expect(text(entry)).to.match(/^Planned by Carla Smit (just )?now Facilities build it in week 44\.$/);
    // The note appears on A's card too.
    await waitUntil(() => text(cardFor(a, 'shed')!.shadowRoot!.querySelector('[part="note"]')).includes('Facilities build it in week 44.'), 'note on card');
    // The store notified the author and the voter, with the note.
    for (const uid of ['anna', 'bram']) {
      const n = (await readNotifications(backend.session(uid))).find((x) => x.type === 'idea-status');
      expect(n, uid).to.include({ actor: 'carla', post: 'shed', status: 'planned', note: 'Facilities build it in week 44.' });
    }
    expect(d$<HTMLTextAreaElement>(detail, '#note')!.value).to.equal('');
    await waitUntil(() => text(d$(detail, '.detail > [role="status"]')).startsWith('Moved to Planned'), 'announced');
    await expect(c).to.be.accessible();
  });

  it('refuses a status change without a note, in the form, and stores nothing', async () => {
    const backend = company([shed]);
    const board = await boardFor(backend.session('carla'));
    const detail = await openDetail(board, 'shed');
    d$<HTMLTextAreaElement>(detail, '#note')!.value = '   ';
    d$<HTMLTextAreaElement>(detail, '#note')!.dispatchEvent(new Event('input'));
    d$<HTMLButtonElement>(detail, '#move-submit')!.click();
    await waitUntil(() => text(d$(detail, '#note-error')) === 'Write a feedback note: the author and the voters will read it.', 'message');
    expect(d$(detail, '#note-error')!.getAttribute('role')).to.equal('alert');
    expect(d$(detail, '#note')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id).to.equal('note');
    await aTimeout(50);
    expect(await readHistory(backend.session('anna'), 'shed')).to.deep.equal([]);
    expect((await readIdea(backend.session('anna'), 'shed'))?.idea.status).to.equal('new');
    expect(titlesIn(board, 'new')).to.deep.equal(['Cover the bicycle shed']);
    await expect(board).to.be.accessible();
  });

  it('shows no management controls to a voter; the idea owner moves and assigns but does not merge', async () => {
    const backend = company([{ ...shed, owner: 'daan' }]);
    const [b, d] = await twoBoards(backend.session('bram'), backend.session('daan'));
    const forVoter = await openDetail(b, 'shed');
    expect(shown(d$(forVoter, '.manage'))).to.equal(false);
    expect(shown(d$(forVoter, '#move-to'))).to.equal(false);
    expect(shown(d$(forVoter, '#assign'))).to.equal(false);
    expect(shown(d$(forVoter, '#merge'))).to.equal(false);
    expect(text(d$(forVoter, '.detail'))).to.contain('Owner: Daan Bakker');
    await expect(b).to.be.accessible();
    const forOwner = await openDetail(d, 'shed');
    expect(shown(d$(forOwner, '#move-to'))).to.equal(true);
    expect(shown(d$(forOwner, '#assign'))).to.equal(true);
    // Merging pools other people's votes: admins only, as the store and the rules say.
    expect(shown(d$(forOwner, '#merge'))).to.equal(false);
    await expect(d).to.be.accessible();
  });

  it('assigns an owner by keyboard through the people combobox', async () => {
    const backend = company([shed]);
    const board = await boardFor(backend.session('carla'));
    const detail = await openDetail(board, 'shed');
    const input = d$<HTMLInputElement>(detail, '#assign')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    input.focus();
    await sendKeys({ type: 'bra' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'list opens');
    const options = [...detail.shadowRoot!.querySelectorAll('#assign-list [role="option"]')];
    expect(options.map((o) => text(o.querySelector('.option-main > span')))).to.deep.equal(['Bram Jansen']);
    await sendKeys({ press: 'ArrowDown' });
    await detail.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).to.equal('true');
    await expect(board).to.be.accessible();
    const assigned = oneEvent(board, 'lenig-idea-assigned');
    await sendKeys({ press: 'Enter' });
    expect((await assigned).detail).to.deep.equal({ channel: CH, idea: 'shed', owner: 'bram' });
    expect((await readIdea(backend.session('anna'), 'shed'))?.idea.owner).to.equal('bram');
    await waitUntil(() => text(cardFor(board, 'shed')!.shadowRoot!.querySelector('[part="owner"]')) === 'Owner: Bram Jansen', 'card owner');
    expect(text(d$(detail, '.owner'))).to.equal('Owner: Bram Jansen');
    expect((await readNotifications(backend.session('bram'))).some((n) => n.type === 'assigned' && n.post === 'shed')).to.equal(true);
    await waitUntil(() => text(d$(detail, '.detail > [role="status"]')) === 'Bram Jansen now owns this idea.', 'announced');
    expect(deepActive()?.id).to.equal('assign');
    await expect(board).to.be.accessible();
  });

  it('merges into a similar idea after confirming, pooling votes without double counting', async () => {
    const backend = company([
      { ...shed, likers: ['bram', 'daan'] },
      { id: 'bikes', author: 'bram', title: 'Covered bicycle shed', text: 'Dry bikes please.', createdAt: daysAgo(5), likers: ['bram', 'anna'] },
      { id: 'soup', author: 'bram', title: 'Soup in the canteen', text: 'Warm lunch.', createdAt: daysAgo(1), likers: ['anna', 'daan', 'carla'] },
    ]);
    const board = await boardFor(backend.session('carla'));
    const detail = await openDetail(board, 'shed');
    const input = d$<HTMLInputElement>(detail, '#merge')!;
    input.focus();
    // ArrowDown on the empty field offers the channel's ideas, the similar one first.
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'list opens');
    const options = [...detail.shadowRoot!.querySelectorAll('#merge-list [role="option"]')].map((o) => text(o));
    expect(options[0]).to.equal('Covered bicycle shed New · 2 votes · similar');
    expect(options[1]).to.match(/^Soup in the canteen/);
    expect(options.some((o) => o.startsWith('Cover the bicycle shed'))).to.equal(false, 'not itself');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => d$(detail, '#merge-question'), 'confirmation');
    expect(text(d$(detail, '#merge-question'))).to.equal('Merge "Cover the bicycle shed" into "Covered bicycle shed"?');
    expect(deepActive()?.id).to.equal('merge-cancel');
    await expect(board).to.be.accessible();
    const merged = oneEvent(board, 'lenig-idea-merged');
    d$<HTMLButtonElement>(detail, '#merge-confirm')!.click();
    expect((await merged).detail).to.deep.equal({ channel: CH, idea: 'shed', into: 'bikes' });
    // bram voted for both: counted once. {bram, daan} ∪ {bram, anna} = 3.
    const stored = await readIdeas(backend.session('anna'));
    expect(stored.find((i) => i.id === 'bikes')?.likeCount).to.equal(3);
    expect(stored.find((i) => i.id === 'shed')?.idea.mergedInto).to.equal('bikes');
    await waitUntil(() => !cardFor(board, 'shed'), 'the merged card is gone');
    await waitUntil(() => voteCount(cardFor(board, 'bikes')!) === '3', 'pooled count on the card');
    // The dialog follows the votes to the surviving idea.
    await waitUntil(() => text(d$(detail, '#heading')) === 'Covered bicycle shed', 'detail shows the survivor');
    expect(deepActive()?.id).to.equal('heading');
  });

  it('says "Merged into …" when a merged idea is opened directly', async () => {
    const backend = company([
      { ...shed, mergedInto: 'bikes' },
      { id: 'bikes', author: 'bram', title: 'Covered bicycle shed', text: 'Dry bikes please.', createdAt: daysAgo(5) },
    ]);
    const board = await boardFor(backend.session('anna'), { idea: 'shed' });
    await waitUntil(() => $<HTMLDialogElement>(board, 'dialog')?.open, 'opened from the attribute');
    expect(titlesIn(board)).to.deep.equal(['Covered bicycle shed']);
    const detail = $<LenigIdeaDetailElement>(board, 'lenig-idea-detail')!;
    await waitUntil(() => d$(detail, '.merged'), 'merged notice');
    expect(text(d$(detail, '.merged'))).to.equal('This idea was merged into Covered bicycle shed');
    d$<HTMLButtonElement>(detail, '.merged button')!.click();
    await waitUntil(() => text(d$(detail, '#heading')) === 'Covered bicycle shed', 'follows the link');
    expect(shown(d$(detail, '.merged'))).to.equal(false);
    await expect(board).to.be.accessible();
  });

  it('returns focus to the card when the dialog closes with Escape', async () => {
    const backend = company([shed]);
    const board = await boardFor(backend.session('bram'));
    const title = cardFor(board, 'shed')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="card-title"]')!;
    title.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(board, 'dialog')?.open, 'open');
    await waitUntil(() => deepActive()?.id === 'heading', 'focus on the idea title');
    expect($(board, 'dialog')!.getAttribute('aria-label')).to.equal('Idea: Cover the bicycle shed');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$<HTMLDialogElement>(board, 'dialog')!.open, 'closed');
    await waitUntil(() => deepActive() === title, 'focus back on the title');
  });

  it('sorts by votes, by date and by trending (votes weighted by recency)', async () => {
    const crowd = (n: number) => Array.from({ length: n }, (_, i) => `voter-${i}`);
    const backend = company([
      { id: 'old', author: 'bram', title: 'Old favourite', text: '10 votes, a month old.', createdAt: daysAgo(30), likers: crowd(10) },
      { id: 'fresh', author: 'bram', title: 'Fresh and rising', text: '3 votes, a day old.', createdAt: daysAgo(1), likers: crowd(3) },
      { id: 'week', author: 'anna', title: 'Steady', text: '5 votes, 5 days old.', createdAt: daysAgo(5), likers: crowd(5) },
      { id: 'newest', author: 'anna', title: 'Just in', text: 'no votes yet.', createdAt: daysAgo(0.04) },
    ]);
    const board = await boardFor(backend.session('anna'), { view: 'list' });
    expect(titlesIn(board)).to.deep.equal(['Old favourite', 'Steady', 'Fresh and rising', 'Just in']);
    choose($<HTMLSelectElement>(board, '#sort')!, 'new');
    await board.updateComplete;
    expect(titlesIn(board)).to.deep.equal(['Just in', 'Fresh and rising', 'Steady', 'Old favourite']);
    choose($<HTMLSelectElement>(board, '#sort')!, 'trending');
    await board.updateComplete;
    // 3/3^1.5 = 0.58 > 5/7^1.5 = 0.27 > 10/32^1.5 = 0.055 > 0
    expect(titlesIn(board)).to.deep.equal(['Fresh and rising', 'Steady', 'Old favourite', 'Just in']);
    expect(text($(board, '#sort-hint'))).to.equal('Trending: votes, weighted towards recent ideas');
    await expect(board).to.be.accessible();
  });

  it('ranks trending by votes / (age in days + 2)^1.5', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
    expect(trendingScore(10, at(7), now)).to.be.closeTo(10 / 27, 1e-9);
    expect(trendingScore(1, at(0), now)).to.be.closeTo(1 / Math.pow(2, 1.5), 1e-9);
    // A future date (a skewed clock) counts as age 0, never as a bonus.
    expect(trendingScore(1, at(-3), now)).to.be.closeTo(1 / Math.pow(2, 1.5), 1e-9);
    const idea = (id: string, votes: number, days: number) => ({ id, likeCount: votes, createdAt: at(days) }) as Idea;
    expect(sortIdeas([idea('a', 1, 0), idea('b', 10, 30)], 'trending', now).map((i) => i.id)).to.deep.equal(['a', 'b']);
    expect(sortIdeas([idea('a', 1, 0), idea('b', 10, 30)], 'top', now).map((i) => i.id)).to.deep.equal(['b', 'a']);
  });

  it('filters to my ideas and to one status', async () => {
    const backend = company([
      shed,
      { id: 'soup', author: 'bram', title: 'Soup in the canteen', text: 'Warm lunch.', createdAt: daysAgo(1) },
      { id: 'desk', author: 'anna', title: 'Standing desks', text: 'Third floor.', createdAt: daysAgo(2), status: 'planned' },
    ]);
    const board = await boardFor(backend.session('anna'), { view: 'list' });
    expect(titlesIn(board).sort()).to.deep.equal(['Cover the bicycle shed', 'Soup in the canteen', 'Standing desks']);
    const mine = $<HTMLButtonElement>(board, '[part="filter-mine"]')!;
    mine.click();
    await board.updateComplete;
    expect(mine.getAttribute('aria-pressed')).to.equal('true');
    expect(titlesIn(board).sort()).to.deep.equal(['Cover the bicycle shed', 'Standing desks']);
    expect(cards($(board, '.board')).every((c) => c.own)).to.equal(true);
    choose($<HTMLSelectElement>(board, '#status-filter')!, 'planned');
    await board.updateComplete;
    expect(titlesIn(board)).to.deep.equal(['Standing desks']);
    choose($<HTMLSelectElement>(board, '#status-filter')!, 'done');
    await board.updateComplete;
    expect(text($(board, '[part="status"]'))).to.equal('No ideas match these filters. Show all ideas');
    await expect(board).to.be.accessible();
    $<HTMLButtonElement>(board, '[part="status"] button')!.click();
    await board.updateComplete;
    expect(titlesIn(board)).to.have.length(3);
    // In columns, the status filter leaves one column.
    $<HTMLButtonElement>(board, '[part="view-toggle"] button')!.click();
    choose($<HTMLSelectElement>(board, '#status-filter')!, 'planned');
    await board.updateComplete;
    expect([...board.shadowRoot!.querySelectorAll('section.column')].map((s) => s.getAttribute('data-status'))).to.deep.equal(['planned']);
  });

  it('keeps focus on the vote button when voting re-sorts the cards', async () => {
    const backend = company([
      { id: 'a', author: 'anna', title: 'First', text: 'x', createdAt: daysAgo(1), likers: ['daan'] },
      { id: 'b', author: 'anna', title: 'Second', text: 'y', createdAt: daysAgo(2), likers: ['daan'] },
      { id: 'c', author: 'anna', title: 'Third', text: 'z', createdAt: daysAgo(3) },
    ]);
    const store = backend.session('bram');
    const board = await boardFor(store, { view: 'list' });
    expect(titlesIn(board)).to.deep.equal(['First', 'Second', 'Third']);
    const button = voteButton(cardFor(board, 'c')!);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => voteCount(cardFor(board, 'c')!) === '1', 'voted');
    expect(titlesIn(board)).to.deep.equal(['First', 'Second', 'Third']);
    // One more vote lifts Third from the bottom to the top in one step — its element is the one moved —
    // while bram's focus is on its button.
    await backend.session('carla').like(postTarget(CH, 'c'));
    await waitUntil(() => titlesIn(board)[0] === 'Third', 're-sorted');
    await board.updateComplete;
    // Compared as a boolean: chai's message for two unequal elements is too big to build.
    expect(deepActive() === button).to.equal(true, 'focus stayed on the vote button');
  });

  /** Two ideas still New, two past it. */
  const fourIdeas = (): SeedPost[] => [
    shed,
    { id: 'soup', author: 'bram', title: 'Soup', text: 'x', createdAt: daysAgo(1) },
    { id: 'desk', author: 'anna', title: 'Desks', text: 'y', createdAt: daysAgo(2), status: 'planned' },
    { id: 'fax', author: 'anna', title: 'Fax', text: 'z', createdAt: daysAgo(2), status: 'declined' },
  ];

  it('holds one subscription for the notes of all ideas, and none per idea', async () => {
    const backend = company(fourIdeas());
    const store = backend.session('anna');
    const opened: string[] = [];
    const original = store.subscribeIdeaHistory.bind(store);
    store.subscribeIdeaHistory = (channel, id, cb, onError) => {
      opened.push(id);
      return original(channel, id, cb, onError);
    };
    const boards: string[] = [];
    const originalNotes = store.subscribeLatestNotes.bind(store);
    store.subscribeLatestNotes = (channel, cb, onError) => {
      boards.push(channel);
      return originalNotes(channel, cb, onError);
    };
    const board = await boardFor(store);
    await aTimeout(20);
    expect(opened).to.deep.equal([]);
    expect(boards).to.deep.equal([CH]);
    expect(titlesIn(board)).to.have.length(4);
    // A new status note reaches its card through that one subscription.
    await backend.session('carla').setIdeaStatus(CH, 'soup', 'under-review', 'Tasting it first');
    await waitUntil(() => text(cardFor(board, 'soup')!.shadowRoot!.querySelector('[part~="note"]')).includes('Tasting it first'), 'the note on the card');
    expect(boards).to.deep.equal([CH]);
  });

  it('with a store that cannot list the notes of a board, holds one history listener per idea that has left New', async () => {
    const backend = company(fourIdeas());
    const store = backend.session('anna') as MemoryStore & { subscribeLatestNotes?: unknown };
    Object.defineProperty(store, 'subscribeLatestNotes', { value: undefined });
    const opened: string[] = [];
    const original = store.subscribeIdeaHistory.bind(store);
    store.subscribeIdeaHistory = (channel, id, cb, onError) => {
      opened.push(id);
      return original(channel, id, cb, onError);
    };
    const board = await boardFor(store);
    await aTimeout(20);
    expect(opened.sort()).to.deep.equal(['desk', 'fax']);
    expect(titlesIn(board)).to.have.length(4);
  });

  it('shows a skeleton while loading', async () => {
    const store = company([shed]).session('anna', { latency: 2000 });
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><lenig-idea-board channel=${CH} .store=${store}></lenig-idea-board></div>`);
    const board = wrapper.querySelector('lenig-idea-board')!;
    await board.updateComplete;
    expect(shown($(board, '[aria-busy="true"]'))).to.equal(true);
    expect(board.shadowRoot!.querySelectorAll('.skeleton-card').length).to.be.greaterThan(0);
    expect(text($(board, '[role="status"][part="status"]'))).to.equal('Loading ideas…');
    await expect(board).to.be.accessible();
  });

  it('shows an error with a retry that works', async () => {
    const store = company([shed]).session('anna');
    store.failNext('subscribeIdeas', new StoreError('unknown', 'boom'));
    const error = new Promise<CustomEvent>((resolve) => document.addEventListener('lenig-error', (e) => resolve(e as CustomEvent), { once: true }));
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><lenig-idea-board channel=${CH} .store=${store}></lenig-idea-board></div>`);
    const board = wrapper.querySelector('lenig-idea-board')!;
    expect((await error).detail.operation).to.equal('subscribeIdeas');
    await waitUntil(() => $(board, '[role="alert"][part="status"]'), 'error shown');
    expect(text($(board, '[role="alert"][part="status"] p'))).to.equal('The ideas could not be loaded.');
    await expect(board).to.be.accessible();
    $<HTMLButtonElement>(board, '[role="alert"][part="status"] button')!.click();
    await waitUntil(() => titlesIn(board).includes('Cover the bicycle shed'), 'loaded after retry');
  });

  it('tells that it is offline, and an idea submitted offline shows at once and is sent when back', async () => {
    const backend = company();
    const store = backend.session('anna');
    const board = await boardFor(store);
    store.setOnline(false);
    await waitUntil(() => $(board, '[part="offline"]'), 'offline banner');
    expect(text($(board, '[part="offline"]'))).to.equal('You are offline. Changes are kept and sent when the connection is back.');
    typeInto($<HTMLInputElement>(board, '#idea-title')!, 'Offline idea');
    typeInto($<HTMLTextAreaElement>(board, '#idea-text')!, 'Written on the train.');
    $<HTMLButtonElement>(board, '[part="submit"]')!.click();
    await waitUntil(() => titlesIn(board, 'new').includes('Offline idea'), 'shown locally');
    await waitUntil(() => visibleText(board).includes('Your idea is sent as soon as the connection is back.'), 'waiting notice');
    await expect(board).to.be.accessible();
    expect(await readIdeas(backend.session('bram'))).to.have.length(0);
    store.setOnline(true);
    await waitUntil(async () => (await readIdeas(backend.session('bram'))).length === 1, 'sent when back');
    await waitUntil(() => !$(board, '[part="offline"]') && $<HTMLInputElement>(board, '#idea-title')!.value === '', 'form cleared');
  });

  it('lets signed-out readers read, and invites them to sign in to vote and submit', async () => {
    // A project whose rules let signed-out people read (lenig's own rules ask for a sign-in first).
    const backend = company([{ ...shed, likers: ['bram'] }], { publicReads: true });
    const board = await boardFor(backend.session(null));
    expect(shown($(board, '[part="form"]'))).to.equal(false);
    expect(text($(board, '[part="sign-in"] p'))).to.equal('Everyone can read the ideas. Sign in to vote and to share your own.');
    expect(titlesIn(board, 'new')).to.deep.equal(['Cover the bicycle shed']);
    expect(voteButton(cardFor(board, 'shed')!).getAttribute('aria-label')).to.equal('Sign in to like, 1 like');
    expect(shown($(board, '[part="filter-mine"]'))).to.equal(false);
    await expect(board).to.be.accessible();
    const detail = await openDetail(board, 'shed');
    expect(shown(d$(detail, '.manage'))).to.equal(false);
  });

  it('speaks Dutch inside lang="nl"', async () => {
    const backend = company([{ ...shed, likers: ['bram', 'carla'] }]);
    const board = await boardFor(backend.session('anna'), { lang: 'nl' });
    const headings = [...board.shadowRoot!.querySelectorAll('.column-header')].map(spokenText);
    expect(headings).to.deep.equal([
      'Nieuw, 1 idee',
      'In behandeling, 0 ideeën',
      'Gepland, 0 ideeën',
      'In uitvoering, 0 ideeën',
      'Gerealiseerd, 0 ideeën',
      'Afgewezen, 0 ideeën',
    ]);
    expect(text($(board, '#share-heading'))).to.equal('Deel een idee');
    expect(text($(board, '[part="submit"]'))).to.equal('Idee indienen');
    const card = cardFor(board, 'shed')!;
    expect(text(card.shadowRoot!.querySelector('[part="owner"]'))).to.equal('Nog geen eigenaar');
    expect(text(card.shadowRoot!.querySelector('[part="timestamp"]'))).to.equal('3 dagen geleden');
    expect(text(card.shadowRoot!.querySelector('[part="comments"]'))).to.equal('Geen reacties');
    expect($(board, '.board')!.getAttribute('aria-label')).to.equal('Ideeën in Improvement ideas');
    await expect(board).to.be.accessible();
  });

  describe('in a closed channel', () => {
    /** The description a screen reader gets for a vote button (and its tooltip shows). */
    const described = (host: Element): string => {
      const button = voteButton(host);
      return text((button.getRootNode() as ShadowRoot).getElementById(button.getAttribute('aria-describedby') ?? ''));
    };
    const notice = (board: LenigIdeaBoardElement): string => text($(board, '[part="closed"]'));

    it('says above the ideas of a deleted channel that it no longer exists, and offers no form, vote, reply or status change', async () => {
      const backend = company([{ ...shed, likers: ['bram'], comments: [{ author: 'bram', text: 'Yes please' }] }]);
      const anna = backend.session('anna');
      const carla = backend.session('carla');
      const [a, c] = await twoBoards(anna, carla);
      // Anna is writing an idea when an admin removes the channel's record; its ideas stay.
      $<HTMLInputElement>(a, '#idea-title')!.focus();
      await sendKeys({ type: 'A second bike shed' });
      backend.deleteChannel(CH);
      const said = 'This channel no longer exists: you can read its ideas, but no new ideas, votes, comments or status changes can be added.';
      for (const board of [a, c]) await waitUntil(() => notice(board) === said, `the notice, not "${notice(board)}"`);
      // Said in a live region, so whoever is on the board hears it; focus goes from the vanished form to it.
      expect($(a, '[part="closed"]')!.closest('[role="status"]')).to.not.equal(null);
      expect(deepActive()).to.equal($(a, '[part="closed"]'));
      for (const board of [a, c]) {
        expect(titlesIn(board, 'new'), 'the ideas stay readable').to.deep.equal(['Cover the bicycle shed']);
        expect(shown($(board, '[part="form"]')), 'no form').to.equal(false);
        expect(shown($(board, '[part="sign-in"]'))).to.equal(false);
        const card = cardFor(board, 'shed')!;
        await waitUntil(() => voteButton(card).getAttribute('aria-disabled') === 'true', 'the vote button is closed');
        expect(voteCount(card), 'the votes still show').to.equal('1');
        expect(described(card)).to.match(/^This channel no longer exists: likes can no longer be added or taken back\./);
      }
      // A click votes nothing.
      voteButton(cardFor(a, 'shed')!).click();
      await aTimeout(50);
      expect((await readIdea(carla, 'shed'))?.likeCount).to.equal(1);
      expect(voteButton(cardFor(a, 'shed')!).getAttribute('aria-pressed')).to.equal('false');
      await expect(a).to.be.accessible();
      // The admin opens the idea: it says why, and offers no status change, assignment, merge or reply.
      const detail = await openDetail(c, 'shed');
      expect(text(d$(detail, '[part="closed"]'))).to.equal(said);
      expect(shown(d$(detail, '.manage')), 'no management').to.equal(false);
      expect(shown(d$(detail, '#move-to'))).to.equal(false);
      expect(voteButton(detail).getAttribute('aria-disabled')).to.equal('true');
      const comments = () => d$(detail, 'lenig-comments')?.shadowRoot;
      await waitUntil(() => comments()?.querySelector('.closed'), 'the comments say they are closed', { timeout: 5000 });
      expect(text(comments()!.querySelector('.closed'))).to.equal('This channel no longer exists: no new comments can be added.');
      expect(comments()!.querySelector('textarea'), 'no reply box').to.equal(null);
      expect(text(comments()!.querySelector('li, .comment'))).to.contain('Yes please');
      await expect(c).to.be.accessible();
    });

    it('says so in Dutch', async () => {
      const backend = company([shed]);
      backend.deleteChannel(CH);
      const board = await boardFor(backend.session('anna'), { lang: 'nl' });
      await waitUntil(() => notice(board), 'the notice');
      expect(notice(board)).to.equal('Dit kanaal bestaat niet meer: je kunt de ideeën lezen, maar er kunnen geen nieuwe ideeën, stemmen, reacties of statuswijzigingen bij.');
      expect(titlesIn(board, 'new')).to.deep.equal(['Cover the bicycle shed']);
      expect(shown($(board, '[part="form"]'))).to.equal(false);
      await waitUntil(() => described(cardFor(board, 'shed')!).startsWith('Dit kanaal bestaat niet meer: je kunt geen likes meer geven of intrekken.'), 'the vote says why');
      await expect(board).to.be.accessible();
    });

    it('in an archived channel, offers no form, vote or reply, and lets an admin still move an idea', async () => {
      const backend = company([shed]);
      const carla = backend.session('carla');
      await carla.updateChannel(CH, { archived: true });
      const board = await boardFor(carla);
      await waitUntil(() => notice(board), 'the notice');
      expect(notice(board)).to.equal('Improvement ideas is archived: you can read its ideas, but no new ideas, votes or comments can be added.');
      expect(shown($(board, '[part="form"]'))).to.equal(false);
      const card = cardFor(board, 'shed')!;
      await waitUntil(() => voteButton(card).getAttribute('aria-disabled') === 'true', 'the vote button is closed');
      expect(described(card)).to.match(/^This channel is archived: likes can no longer be added or taken back\./);
      const detail = await openDetail(board, 'shed');
      expect(text(d$(detail, '[part="closed"]'))).to.equal(notice(board));
      const comments = () => d$(detail, 'lenig-comments')?.shadowRoot;
      await waitUntil(() => comments()?.querySelector('.closed'), 'the comments say they are closed', { timeout: 5000 });
      expect(comments()!.querySelector('textarea'), 'no reply box').to.equal(null);
      // The rules let an admin move an idea in an archived channel: the form is there, and works.
      d$<HTMLTextAreaElement>(detail, '#note')!.focus();
      await sendKeys({ type: 'Done before the archive.' });
      d$<HTMLButtonElement>(detail, '#move-submit')!.click();
      await waitUntil(async () => (await readIdea(carla, 'shed'))?.idea.status === 'under-review', 'moved');
      await expect(board).to.be.accessible();
    });
  });

  it('says the empty state in Dutch too', async () => {
    const board = await boardFor(company().session('anna'), { lang: 'nl' });
    expect(text($(board, '[part="status"]'))).to.equal('Nog geen ideeën — wees de eerste');
    await expect(board).to.be.accessible();
  });
});
