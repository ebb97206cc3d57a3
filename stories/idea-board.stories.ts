import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { playground } from './playground.js';
import '../src/components/idea-board/idea-board.js';
import { draftKey } from '../src/controllers/draft.js';
import { MemoryBackend, type MemoryStore, type SeedPost } from '../src/memory/memory-store.js';
import { StoreError } from '../src/data/store.js';
import type { IdeaStatus, Profile } from '../src/data/types.js';

const PEOPLE: Profile[] = [
  { uid: 'anouk', name: 'Anouk de Vries', jobTitle: 'Communications advisor' },
  { uid: 'bram', name: 'Bram Jansen', jobTitle: 'Service engineer' },
  { uid: 'chantal', name: 'Chantal Smit', jobTitle: 'HR business partner' },
  { uid: 'daan', name: 'Daan Bakker', jobTitle: 'Facility manager' },
  { uid: 'eline', name: 'Eline Visser', jobTitle: 'Account manager' },
  { uid: 'priya', name: 'Priya Raman', jobTitle: 'Product owner' },
  { uid: 'tom', name: "Tom O'Neill", jobTitle: 'Finance controller' },
];
/** Colleagues who only vote. */
const CROWD = Array.from({ length: 40 }, (_, i) => `colleague-${i}`);
const CHANNEL = { id: 'ideas', name: 'Ideas', categories: ['idea'] };

const ago = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);
const H = 60;
const D = 24 * H;

/** A month of improvement ideas in a mid-sized company, at every stage, in English and Dutch. */
function ideas(): SeedPost[] {
  return [
    {
      id: 'shed',
      author: 'daan',
      title: 'Cover the bicycle shed at the back entrance',
      text: 'With autumn coming: can we put a roof over the bicycle shed by the back door? A quote is ready and it fits this year’s facilities budget.',
      createdAt: ago(9 * D),
      likers: ['bram', 'anouk', 'chantal', ...CROWD.slice(0, 9)],
      status: 'planned',
      owner: 'daan',
      comments: [
        { author: 'bram', text: 'Yes please — my saddle has been wet all week.', createdAt: ago(8 * D) },
        { author: 'eline', text: 'Could it get a few charging points for e-bikes too?', createdAt: ago(6 * D) },
      ],
    },
    {
      id: 'soup',
      author: 'anouk',
      title: 'Soup in the canteen on Fridays',
      text: 'A warm lunch option at the end of the week, especially in winter.',
      createdAt: ago(5 * H),
      likers: ['bram', 'eline'],
    },
    {
      id: 'buddy',
      author: 'priya',
      title: 'A buddy for every new colleague',
      text: 'Pair each new starter with a buddy for their first month, so nobody eats lunch alone or gets lost in the building.',
      createdAt: ago(12 * D),
      likers: CROWD.slice(0, 21),
      status: 'in-progress',
      owner: 'chantal',
    },
    {
      id: 'laadpalen',
      author: 'bram',
      title: 'Laadpalen op de parkeerplaats',
      text: 'Vier van onze poolauto’s zijn elektrisch, maar we hebben maar één laadpaal.',
      createdAt: ago(20 * D),
      likers: CROWD.slice(0, 6),
      status: 'under-review',
    },
    {
      id: 'desks',
      author: 'eline',
      title: 'Standing desks on the 3rd floor',
      text: 'Several of us would like to stand for part of the day.',
      createdAt: ago(40 * D),
      likers: CROWD.slice(0, 14),
      status: 'done',
      owner: 'daan',
    },
    {
      id: 'fax',
      author: 'tom',
      title: 'Bring back the fax machine',
      text: 'Two suppliers still ask for one.',
      createdAt: ago(30 * D),
      likers: ['bram'],
      status: 'declined',
    },
    {
      id: 'plants',
      author: 'eline',
      title: 'More plants in the office',
      text: 'Green makes people happier, and the 2nd floor echoes.',
      createdAt: ago(3 * D),
      likers: ['anouk'],
    },
  ];
}

/** Status changes with their feedback notes, as the owners and admins wrote them. */
const HISTORY: [id: string, by: string, status: IdeaStatus, note: string, at: Date][] = [
  ['fax', 'tom', 'declined', 'We send PDFs instead; both suppliers agreed.', ago(25 * D)],
  ['desks', 'daan', 'done', 'Twelve standing desks are in on the 3rd floor. Enjoy!', ago(10 * D)],
  ['shed', 'tom', 'under-review', 'Facilities is getting a second quote; we decide at the budget meeting on the 14th.', ago(7 * D)],
  ['buddy', 'chantal', 'in-progress', 'HR drafts the buddy guide; the first buddies start in March.', ago(5 * D)],
  ['shed', 'daan', 'planned', 'Approved! The roof goes up in week 44. I coordinate with the contractor.', ago(2 * D)],
];

interface Setup {
  posts?: SeedPost[];
  /** Signed in as; `null` for signed out. Default anouk (submitted "Soup"). */
  viewer?: string | null;
  latency?: number;
  prepare?: (store: MemoryStore, backend: MemoryBackend) => void;
}

/** A fresh backend per story, so what one story does never shows in another. */
function storeFor({ posts = ideas(), viewer = 'anouk', latency = 120, prepare }: Setup): MemoryStore {
  // The server clock is wound back while the history is written, so each note carries its own date.
  let clock: Date | undefined;
  const backend = new MemoryBackend({ users: PEOPLE, admins: ['tom'], channels: [CHANNEL], seed: { posts }, now: () => clock ?? new Date(), publicReads: viewer === null });
  const ids = new Set(posts.map((p) => p.id));
  void (async () => {
    for (const [id, by, status, note, at] of HISTORY) {
      if (!ids.has(id)) continue;
      clock = at;
      await backend.session(by).setIdeaStatus('ideas', id, status, note);
    }
    clock = undefined;
  })();
  const store = backend.session(viewer, { latency, signInAs: 'anouk' });
  prepare?.(store, backend);
  return store;
}

interface Attrs {
  view?: 'columns' | 'list';
  idea?: string;
  width?: string;
  sort?: string;
}

function board(setup: Setup = {}, attrs: Attrs = {}): TemplateResult {
  const store = storeFor(setup);
  return html`<div style="max-width: ${attrs.width ?? '100%'}">
    <lenig-idea-board channel="ideas" view=${attrs.view ?? 'columns'} sort=${attrs.sort ?? 'top'} idea=${attrs.idea ?? ''} .store=${store}></lenig-idea-board>
  </div>`;
}

const meta: Meta = {
  title: 'Widgets/Idea board',
  component: 'lenig-idea-board',
  parameters: {
    docs: {
      description: {
        component:
          'Improvement ideas by status (New → Under review → Planned → In progress → Done / Declined) or as a list; vote (a like), submit with duplicate suggestions while the title is typed, open an idea for its history and comments. Owners and admins move ideas with a required feedback note and assign owners; admins merge duplicates. Runs on the in-memory store here (120 ms latency).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Seven ideas at every stage, seen by Anouk (who submitted "Soup"). */
/** The controls: every public attribute of `<lenig-idea-board>`, on the ideas above. */
export const Playground: Story = playground(
  'lenig-idea-board',
  { channel: 'ideas', view: 'columns', sort: 'top', idea: '', 'no-form': false },
  () => storeFor({}),
  '100%',
);

export const Columns: Story = { render: () => board() };

export const List: Story = { render: () => board({}, { view: 'list' }) };

/** "Trending" ranks by votes / (age in days + 2)^1.5: fresh ideas with votes rise. */
export const Trending: Story = { render: () => board({}, { view: 'list', sort: 'trending' }) };

export const Empty: Story = { render: () => board({ posts: [] }) };

/** The ideas never arrive: skeleton columns, `aria-busy="true"`. */
export const Loading: Story = { render: () => board({ latency: 1e9 }) };

/** Reading fails; "Try again" subscribes afresh (and works). */
export const LoadError: Story = {
  name: 'Error',
  render: () => board({ prepare: (s) => s.failNext('subscribeIdeas', new StoreError('unknown', 'The database did not answer.')) }),
};

/** The connection dropped: the banner shows; an idea submitted now shows at once and is sent later. */
export const Offline: Story = { render: () => board({ prepare: (s) => setTimeout(() => s.setOnline(false), 300) }) };

/** Daan owns the bicycle shed idea: its dialog has "Move to", the feedback note and assign (merging is for admins). */
export const OwnerView: Story = { render: () => board({ viewer: 'daan' }, { idea: 'shed' }) };

/** Tom is an admin: he can manage every idea, here a New one that still needs an owner. */
export const AdminView: Story = { render: () => board({ viewer: 'tom' }, { idea: 'plants' }) };

/** A voter opens an idea: the whole text, the history with every note, the comments — no controls. */
export const DetailWithHistory: Story = { render: () => board({ viewer: 'bram' }, { idea: 'shed' }) };

/** A merged idea opened directly (a link from a notification) says where its votes went. */
export const MergedIdeaOpened: Story = {
  render: () =>
    board(
      {
        viewer: 'bram',
        posts: [...ideas(), { id: 'roof', author: 'bram', title: 'Roof over the bike racks', text: 'Same as the shed idea, I think.', createdAt: ago(2 * D), mergedInto: 'shed' }],
      },
      { idea: 'roof' },
    ),
};

/**
 * Bram starts typing a title that is already on the board: the similar ideas are offered, each with its
 * vote button. (The title comes from a saved draft, as after a reload.)
 */
export const SimilarWhileTyping: Story = {
  render: () => {
    try {
      // Drafts are kept per person: this is Bram's.
      const key = draftKey({ form: 'idea-board', user: 'bram', channel: 'ideas' });
      localStorage.setItem(key, JSON.stringify({ title: 'Roof over the bicycle shed', text: '' }));
      // Read once Bram is known to be signed in; removed again so other stories start empty.
      setTimeout(() => localStorage.removeItem(key), 1500);
    } catch {
      // No storage (sandboxed frame): the story then shows an empty form.
    }
    return board({ viewer: 'bram' }, { width: '48rem' });
  },
};

export const SignedOut: Story = { render: () => board({ viewer: null }) };

export const Dark: Story = {
  render: () => html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">${board()}</div>`,
};

export const DarkDetail: Story = {
  render: () => html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">${board({ viewer: 'daan' }, { idea: 'shed' })}</div>`,
};

export const Dutch: Story = { render: () => html`<div lang="nl">${board()}</div>` };

/** A narrow SharePoint column: columns scroll sideways, the next one peeks in. */
export const Narrow: Story = { render: () => board({}, { width: '320px' }) };
