import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { playground } from './playground.js';
import '../src/components/feed/feed.js';
import { MemoryBackend, type MemoryStore, type SeedPost } from '../src/memory/memory-store.js';
import { StoreError } from '../src/data/store.js';
import type { Profile } from '../src/data/types.js';

const PEOPLE: Profile[] = [
  { uid: 'anouk', name: 'Anouk de Vries', jobTitle: 'Communications advisor' },
  { uid: 'bram', name: 'Bram Jansen', jobTitle: 'Service engineer' },
  { uid: 'chantal', name: 'Chantal Smit', jobTitle: 'HR business partner' },
  { uid: 'daan', name: 'Daan Bakker', jobTitle: 'Facility manager' },
  { uid: 'eline', name: 'Eline Visser', jobTitle: 'Account manager' },
  { uid: 'priya', name: 'Priya Raman', jobTitle: 'Product owner' },
  { uid: 'tom', name: "Tom O'Neill", jobTitle: 'Finance controller' },
];
/** Colleagues who only like things, for the "many likes" story. */
const CROWD: Profile[] = Array.from({ length: 60 }, (_, i) => ({ uid: `colleague-${i}`, name: `Colleague ${i + 1}` }));

const ago = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);
const H = 60;
const D = 24 * H;

/** A week in a mid-sized company's general channel, in English and Dutch. */
function weekOfPosts(): SeedPost[] {
  return [
    {
      author: 'anouk',
      category: 'news',
      createdAt: ago(25),
      text: 'Our Q3 results are in: revenue is up 12% on last year, and customer satisfaction reached 8.4.\nThank you all — the full update is at https://intranet.example.com/news/q3-results',
      likers: ['bram', 'chantal', 'daan', 'eline', 'priya', 'tom'],
      comments: [
        { author: 'tom', text: 'Great quarter. Details per region follow on Friday.', createdAt: ago(20) },
        { author: 'priya', text: 'Well deserved, everyone!', createdAt: ago(12) },
      ],
    },
    {
      author: 'bram',
      category: 'question',
      createdAt: ago(2 * H),
      text: 'Weet iemand waar de reservesleutel van vergaderruimte 2.14 ligt? @[Daan Bakker](daan) misschien?',
      comments: [{ author: 'daan', text: 'Ligt bij de receptie, in het kastje achter de balie.', createdAt: ago(90) }],
    },
    {
      author: 'chantal',
      category: 'praise',
      createdAt: ago(5 * H),
      text: 'Huge thanks to @[Eline Visser](eline) for closing the Rotterdam deal after months of work. Drinks on Friday! 🎉',
      likers: ['anouk', 'bram', 'daan', 'priya', 'tom', 'eline'],
    },
    {
      author: 'daan',
      category: 'idea',
      title: 'Fietsenstalling overdekken',
      createdAt: ago(1 * D + 3 * H),
      text: 'Met de herfst voor de deur: kunnen we de fietsenstalling bij de achteringang overdekken? Een offerte ligt klaar.',
      likers: ['bram', 'chantal', 'anouk'],
    },
    {
      author: 'priya',
      category: 'personal',
      createdAt: ago(3 * D),
      text: 'Back from parental leave! Thanks for the warm welcome and the cake on my desk. Come and say hi on the 4th floor.',
      likers: ['anouk', 'chantal'],
    },
    {
      author: 'tom',
      category: 'news',
      createdAt: ago(4 * D),
      editedAt: ago(4 * D - 30),
      text: 'De declaratietool is vernieuwd. Bonnetjes uploaden kan nu ook vanaf je telefoon: https://intranet.example.com/declareren',
    },
  ];
}

interface Setup {
  posts?: SeedPost[];
  /** Signed in as; `null` for signed out. Default anouk. */
  viewer?: string | null;
  admins?: string[];
  latency?: number;
  users?: Profile[];
  prepare?: (store: MemoryStore, backend: MemoryBackend) => void;
}

/** A fresh backend per story, so what one story does never shows in another. */
function storeFor({ posts = weekOfPosts(), viewer = 'anouk', admins = ['tom'], latency = 150, users = PEOPLE, prepare }: Setup): MemoryStore {
  // The signed-out story shows a project whose rules let signed-out people read.
  const backend = new MemoryBackend({ users, admins, seed: { posts }, publicReads: viewer === null });
  const store = backend.session(viewer, { latency, signInAs: 'anouk' });
  prepare?.(store, backend);
  return store;
}

function feed(setup: Setup = {}, attrs: { category?: string; pageSize?: number; width?: string } = {}): TemplateResult {
  const store = storeFor(setup);
  return html`<div style="max-width: ${attrs.width ?? '40rem'}">
    <lenig-feed channel="general" category=${attrs.category ?? ''} page-size=${attrs.pageSize ?? 20} .store=${store}></lenig-feed>
  </div>`;
}

const meta: Meta = {
  title: 'Widgets/Feed',
  component: 'lenig-feed',
  parameters: {
    docs: {
      description: {
        component:
          'A live channel feed: category chips, "N new posts" instead of jumping content, Show older posts + infinite scroll, likes, inline comments, edit / delete / report, admin hide. Page Down / Page Up move between posts. Runs on the in-memory store here (150 ms latency).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Six posts in two languages and five categories, seen by Anouk (who wrote the first). */
/** The controls: every public attribute of `<lenig-feed>`, on the week of posts above. */
export const Playground: Story = playground(
  'lenig-feed',
  { channel: 'general', category: '', 'page-size': 20, 'no-infinite-scroll': false, 'no-filters': false },
  () => storeFor({}),
  '40rem',
);

export const Populated: Story = { render: () => feed() };

/** The first page never arrives: skeleton cards, `aria-busy="true"`. */
export const Loading: Story = { render: () => feed({ latency: 1e9 }) };

export const Empty: Story = { render: () => feed({ posts: [] }) };

export const EmptyCategory: Story = {
  render: () => feed({ posts: weekOfPosts().filter((p) => p.category !== 'praise') }, { category: 'praise' }),
};

/** Reading fails (here: no permission); "Try again" subscribes afresh. */
export const LoadError: Story = {
  name: 'Error',
  render: () => feed({ prepare: (s) => s.failNext('subscribeFeed', new StoreError('permission-denied', 'Permission denied')) }),
};

/**
 * An administrator archived the channel: its posts stay readable, and the feed says nothing can be added;
 * each like button shows its count dimmed and, when focused or clicked, says why.
 */
export const Archived: Story = {
  name: 'Archived channel (read-only)',
  render: () => feed({ prepare: (_store, backend) => void backend.session('tom').updateChannel('general', { archived: true }) }),
};

/** The connection dropped: the banner shows, writes are kept and sent later (post something to see "Sending…"). */
export const Offline: Story = {
  render: () =>
    feed({
      prepare: (s) => {
        // After the first page, so the feed has something to show.
        setTimeout(() => {
          s.setOnline(false);
          void s.createPost({ channel: 'general', text: 'Written on the train — will go out when we are back in range.', category: 'personal' });
        }, 400);
      },
    }),
};

export const LongText: Story = {
  render: () =>
    feed({
      posts: [
        {
          author: 'anouk',
          category: 'news',
          createdAt: ago(40),
          text: Array.from(
            { length: 14 },
            (_, i) =>
              `${i + 1}. ${['Parking', 'Canteen', 'Security badges', 'Printers', 'Wi-Fi', 'Meeting rooms', 'Lockers'][i % 7]} — what changes on the new campus and what you need to do before the move on 1 December. Details: https://intranet.example.com/campus/faq#item-${i + 1}`,
          ).join('\n'),
        },
        { author: 'bram', category: 'question', createdAt: ago(80), text: 'Kortom: wanneer krijgen we de nieuwe pasjes?' },
      ],
    }),
};

export const ManyLikes: Story = {
  render: () =>
    feed({
      users: [...PEOPLE, ...CROWD],
      posts: [
        {
          author: 'chantal',
          category: 'praise',
          createdAt: ago(3 * H),
          text: 'The support team answered 1,204 tickets this month with an average first response of 9 minutes. Amazing work!',
          likers: [...CROWD.map((c) => c.uid), 'bram', 'eline'],
          comments: [{ author: 'bram', text: 'Proud of this team.' }],
        },
        ...weekOfPosts().slice(1, 3),
      ],
    }),
};

/** Tom is an admin: he sees a hidden post greyed ("Hidden for others") and can hide or show any post. */
export const AdminWithHiddenPost: Story = {
  render: () =>
    feed({
      viewer: 'tom',
      posts: [
        ...weekOfPosts().slice(0, 2),
        { author: 'bram', category: 'personal', createdAt: ago(3 * H), hidden: true, text: 'Selling my old car, DM me — €2.500.' },
        ...weekOfPosts().slice(2, 4),
      ],
    }),
};

export const SignedOut: Story = { render: () => feed({ viewer: null }) };

export const CategoryPreselected: Story = { render: () => feed({}, { category: 'news' }) };

/** Three per page: "Show older posts" and infinite scroll. */
export const Paging: Story = { render: () => feed({}, { pageSize: 3 }) };

/**
 * 1,000 posts, a page of 100 loading as the end comes into view: past 100 posts only the cards near the
 * viewport are in the DOM (gaps keep the scroll height), so scrolling stays smooth however far one goes.
 */
export const LongFeed: Story = {
  render: () => {
    const base = weekOfPosts();
    const posts = Array.from({ length: 1000 }, (_, i) => ({ ...base[i % base.length]!, createdAt: ago((1000 - i) * 7), likers: [] }));
    return feed({ posts, latency: 50 }, { pageSize: 100 });
  },
};

/** Someone else posts every 6 seconds: they wait behind "N new posts" instead of pushing the feed down. */
export const NewPostsArrive: Story = {
  render: () =>
    feed({
      prepare: (_s, backend) => {
        const bram = backend.session('bram');
        let n = 0;
        const timer = setInterval(() => {
          if (!document.body.contains(document.querySelector('lenig-feed'))) return clearInterval(timer);
          n++;
          void bram.createPost({ channel: 'general', text: `Update ${n} from the service desk: all systems running.`, category: 'news' });
          if (n >= 5) clearInterval(timer);
        }, 6000);
      },
    }),
};

export const Dark: Story = {
  render: () => html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">${feed()}</div>`,
};

export const Dutch: Story = { render: () => html`<div lang="nl">${feed()}</div>` };

/** A narrow SharePoint column. */
export const Narrow: Story = { render: () => feed({}, { width: '320px' }) };
