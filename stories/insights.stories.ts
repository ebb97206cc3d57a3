import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { playground } from './playground.js';
import '../src/components/insights/insights.js';
import { MemoryBackend, type MemoryStore, type SeedPost } from '../src/memory/memory-store.js';
import { StoreError } from '../src/data/store.js';

/**
 * A year of an energy company's intranet, shaped like the seed's hand count: plenty of business news,
 * few personal updates by managers, and those liked most per post. Per month back: posts and typical
 * likes per post for each category.
 */
const YEAR: Record<string, [posts: number, likesPerPost: number]>[] = [
  { news: [14, 3], idea: [5, 6], question: [6, 2], personal: [7, 11], praise: [4, 7] },
  { news: [16, 3], idea: [4, 5], question: [8, 2], personal: [6, 10], praise: [5, 8] },
  { news: [12, 4], idea: [6, 7], question: [5, 1], personal: [8, 12], praise: [3, 6] },
  { news: [15, 2], idea: [3, 4], question: [7, 2], personal: [5, 9], praise: [6, 7] },
  { news: [13, 3], idea: [5, 5], question: [6, 3], personal: [7, 11], praise: [4, 9] },
  { news: [11, 3], idea: [4, 6], question: [4, 2], personal: [5, 10], praise: [2, 6] },
  { news: [10, 3], idea: [4, 6], question: [4, 2], personal: [5, 10], praise: [2, 6] },
  { news: [10, 3], idea: [3, 5], question: [5, 2], personal: [4, 9], praise: [2, 5] },
  { news: [12, 3], idea: [4, 6], question: [4, 2], personal: [5, 10], praise: [3, 6] },
  { news: [9, 3], idea: [5, 6], question: [4, 2], personal: [6, 10], praise: [2, 6] },
  { news: [8, 3], idea: [4, 6], question: [3, 2], personal: [5, 10], praise: [2, 7] },
  { news: [7, 3], idea: [4, 6], question: [4, 2], personal: [4, 10], praise: [2, 6] },
];
const CROWD = Array.from({ length: 40 }, (_, i) => `colleague-${i}`);

function monthsAgo(n: number, day: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, day, 12));
}

function yearOfPosts(channel = 'general', categories?: Record<string, string>): SeedPost[] {
  const posts: SeedPost[] = [];
  YEAR.forEach((month, ago) => {
    for (const [category, [count, perPost]] of Object.entries(month)) {
      for (let i = 0; i < count; i++) {
        // A little spread around the typical number, the same on every load.
        const likes = Math.max(0, perPost + ((i * 7) % 5) - 2);
        posts.push({
          channel,
          author: 'anouk',
          text: `${category} ${i}`,
          category: categories?.[category] ?? category,
          createdAt: monthsAgo(ago, 1 + (i % 27)),
          likers: CROWD.slice(0, likes),
        });
      }
    }
  });
  return posts;
}

interface Setup {
  posts?: SeedPost[];
  latency?: number;
  prepare?: (store: MemoryStore) => void;
}

/** A fresh backend per story, so nothing one story does shows up in another. */
function storeFor({ posts = yearOfPosts(), latency = 300, prepare }: Setup = {}): MemoryStore {
  const backend = new MemoryBackend({
    users: [{ uid: 'anouk', name: 'Anouk de Vries' }],
    channels: [
      { id: 'general', name: 'General', categories: ['news', 'idea', 'question', 'personal', 'praise'] },
      { id: 'plant-noord', name: 'Plant Noord', categories: ['news', 'safety-moment', 'town-hall', 'personal'] },
    ],
    seed: { posts },
  });
  const store = backend.session('anouk', { latency });
  prepare?.(store);
  return store;
}

const frame = (content: TemplateResult, width = '48rem') => html`<div style="max-width: ${width}">${content}</div>`;

const meta: Meta = {
  title: 'Widgets/Insights',
  component: 'lenig-insights',
  parameters: {
    docs: {
      description: {
        component:
          'Posts and likes per category per month, from the monthly totals the store keeps (one subscription, whatever the number of posts). Runs on the in-memory store here with a year of made-up posts; switch the period, the measure and the table.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The controls: every public attribute of `<lenig-insights>` (no channel: every channel). */
export const Playground: Story = playground('lenig-insights', { channel: 'general', months: 6 }, () => storeFor());

export const Default: Story = {
  name: 'Last 6 months, one channel',
  render: () => frame(html`<lenig-insights .store=${storeFor()} channel="general"></lenig-insights>`),
};

export const TwelveMonths: Story = {
  name: 'Last 12 months',
  render: () => frame(html`<lenig-insights .store=${storeFor()} channel="general" months="12"></lenig-insights>`),
};

export const AllChannels: Story = {
  name: 'All channels (channel="*")',
  render: () =>
    frame(
      html`<lenig-insights
        .store=${storeFor({ posts: [...yearOfPosts(), ...yearOfPosts('plant-noord', { idea: 'safety-moment', question: 'town-hall', praise: 'personal' })] })}
        channel="*"
      ></lenig-insights>`,
    ),
};

export const OwnCategories: Story = {
  name: "A channel's own categories",
  render: () =>
    frame(
      html`<lenig-insights
        .store=${storeFor({ posts: yearOfPosts('plant-noord', { idea: 'safety-moment', question: 'town-hall', praise: 'personal' }) })}
        channel="plant-noord"
      ></lenig-insights>`,
    ),
};

export const Table: Story = {
  name: 'As a table',
  render: () => frame(html`<lenig-insights .store=${storeFor()} channel="general"></lenig-insights>`),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('lenig-insights')!;
    await new Promise((r) => setTimeout(r, 400));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
  },
};

export const Loading: Story = {
  render: () => frame(html`<lenig-insights .store=${storeFor({ latency: 60 * 60 * 1000 })} channel="general"></lenig-insights>`),
};

export const Empty: Story = {
  name: 'Empty (no posts in this period)',
  render: () => frame(html`<lenig-insights .store=${storeFor({ posts: [] })} channel="general"></lenig-insights>`),
};

export const FewPosts: Story = {
  name: 'Few posts (the ranking says so)',
  render: () =>
    frame(
      html`<lenig-insights
        .store=${storeFor({
          posts: [
            { author: 'anouk', text: 'a', category: 'news', likers: CROWD.slice(0, 3) },
            { author: 'anouk', text: 'b', category: 'personal', likers: CROWD.slice(0, 9) },
          ],
        })}
        channel="general"
        months="3"
      ></lenig-insights>`,
    ),
};

export const LoadError: Story = {
  name: 'Error (retry works)',
  render: () =>
    frame(
      html`<lenig-insights
        .store=${storeFor({ prepare: (s) => s.failNext('subscribeStats', new StoreError('permission-denied', 'Rules refused the read.')) })}
        channel="general"
      ></lenig-insights>`,
    ),
};

export const Offline: Story = {
  render: () => frame(html`<lenig-insights .store=${storeFor({ prepare: (s) => s.setOnline(false) })} channel="general"></lenig-insights>`),
};

export const Dark: Story = {
  render: () =>
    html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">
      ${frame(html`<lenig-insights .store=${storeFor()} channel="general" months="12"></lenig-insights>`)}
    </div>`,
};

export const Dutch: Story = {
  render: () => html`<div lang="nl">${frame(html`<lenig-insights .store=${storeFor()} channel="general"></lenig-insights>`)}</div>`,
};

export const Narrow: Story = {
  name: 'Narrow column (320px)',
  render: () => frame(html`<lenig-insights .store=${storeFor()} channel="general" months="12"></lenig-insights>`, '320px'),
};

export const Themed: Story = {
  name: 'Own colours (tokens)',
  render: () =>
    html`<div
      style="--lenig-insights-color-news: #5b6770; --lenig-insights-color-personal: #e4003a; --lenig-insights-color-idea: #ffb000; --lenig-insights-color-praise: #00a19a; --lenig-insights-color-question: #7c3aed"
    >
      ${frame(html`<lenig-insights .store=${storeFor()} channel="general"></lenig-insights>`)}
    </div>`,
};
