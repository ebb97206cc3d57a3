import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/notifications/notifications.js';
import type { LenigNotificationsElement } from '../src/components/notifications/notifications.js';
import { MemoryBackend, type MemorySeed, type MemoryStore } from '../src/memory/memory-store.js';
import { StoreError } from '../src/data/store.js';
import { postTarget } from '../src/data/types.js';

const PEOPLE = [
  { uid: 'anouk', name: 'Anouk de Vries', jobTitle: 'Communications' },
  { uid: 'marieke', name: 'Marieke Jansen', jobTitle: 'Plant manager' },
  { uid: 'joost', name: 'Joost Bakker' },
  { uid: 'fatima', name: 'Fatima El Amrani' },
  { uid: 'pieter', name: 'Pieter van der Berg', jobTitle: 'Facilities' },
];
const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

type SeedNotification = NonNullable<MemorySeed['notifications']>[number];

interface Setup {
  /** Notifications for Anouk beyond the usual five. */
  extra?: (post: string, idea: string) => SeedNotification[];
  none?: boolean;
  viewer?: string | null;
  latency?: number;
  prepare?: (store: MemoryStore, backend: MemoryBackend, ids: { post: string; idea: string }) => void;
}

/** A fresh backend per story: Anouk's post and idea, and what colleagues did with them. */
function storeFor({ extra, none, viewer = 'anouk', latency = 250, prepare }: Setup = {}): MemoryStore {
  const backend = new MemoryBackend({ users: PEOPLE, admins: ['pieter'] });
  const post = backend.addPost({ author: 'anouk', text: 'My first week at Plant Noord', category: 'personal', createdAt: ago(2 * 24 * 60 * MINUTE) });
  const idea = backend.addPost({ author: 'anouk', text: 'Solar panels on the bike shed', title: 'Solar panels on the bike shed', createdAt: ago(9 * 24 * 60 * MINUTE) });
  const base = { to: 'anouk', channel: 'general' };
  const usual: SeedNotification[] = [
    { ...base, type: 'assigned', actor: 'pieter', post: idea.id, createdAt: ago(4 * 24 * 60 * MINUTE), read: true },
    { ...base, type: 'mentioned', actor: 'fatima', post: post.id, createdAt: ago(26 * 60 * MINUTE), read: true },
    { ...base, type: 'commented', actor: 'joost', post: post.id, createdAt: ago(3 * 60 * MINUTE) },
    {
      ...base,
      type: 'idea-status',
      actor: 'pieter',
      post: idea.id,
      status: 'planned',
      note: 'Great idea — facilities will install the panels in spring. We will keep you posted on the budget.',
      createdAt: ago(50 * MINUTE),
    },
    { ...base, type: 'liked', actor: 'marieke', post: post.id, createdAt: ago(2 * MINUTE) },
  ];
  backend.load({ notifications: none ? [] : [...usual, ...(extra?.(post.id, idea.id) ?? [])] });
  const store = backend.session(viewer, { latency });
  prepare?.(store, backend, { post: post.id, idea: idea.id });
  return store;
}

/** A header bar like an intranet's, with the bell at the end. */
function bar(store: MemoryStore, width = '100%'): TemplateResult {
  return html`<div
    style="max-width: ${width}; display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: 0.5rem 1rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 20%, transparent); font: 15px/1.4 system-ui, sans-serif"
  >
    <strong>Intranet</strong>
    <lenig-notifications .store=${store} @lenig-notification-open=${(e: CustomEvent) => console.log('open', e.detail)}></lenig-notifications>
  </div>`;
}

/** Opens the panel once the list is there, for stories about what is inside it. */
const openPanel: Story['play'] = async ({ canvasElement }) => {
  await new Promise((r) => setTimeout(r, 400));
  canvasElement.querySelector<LenigNotificationsElement>('lenig-notifications')?.show();
};

const meta: Meta = {
  title: 'Widgets/Notifications',
  component: 'lenig-notifications',
  parameters: {
    docs: {
      description: {
        component:
          'A bell with the unread count and a panel of what happened to your posts and ideas. Runs on the in-memory store here (250 ms latency); press the bell, Escape closes, opening a notification marks it read and logs `lenig-notification-open`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Closed: Story = {
  name: 'Bell with 3 unread',
  render: () => bar(storeFor()),
};

export const Open: Story = {
  name: 'Panel open',
  render: () => bar(storeFor()),
  play: openPanel,
};

export const Live: Story = {
  name: 'Live (a colleague likes every 5 s)',
  render: () =>
    bar(
      storeFor({
        prepare: (_store, backend, { post }) => {
          const fans = ['joost', 'fatima', 'marieke', 'pieter'];
          let i = 0;
          const timer = setInterval(() => {
            const who = fans[i++ % fans.length]!;
            void backend.session(who).unlike(postTarget('general', post)).then(() => backend.session(who).like(postTarget('general', post)));
            if (i > 40) clearInterval(timer);
          }, 5000);
        },
      }),
    ),
};

export const Empty: Story = {
  name: 'Empty (all caught up)',
  render: () => bar(storeFor({ none: true })),
  play: openPanel,
};

export const Loading: Story = {
  render: () => bar(storeFor({ latency: 60 * 60 * 1000 })),
  play: openPanel,
};

export const LoadError: Story = {
  name: 'Error (retry works)',
  render: () => bar(storeFor({ prepare: (s) => s.failNext('subscribeNotifications', new StoreError('permission-denied', 'Rules refused the read.')) })),
  play: openPanel,
};

export const Offline: Story = {
  render: () => bar(storeFor({ prepare: (s) => s.setOnline(false) })),
  play: openPanel,
};

export const SignedOut: Story = {
  render: () => bar(storeFor({ viewer: null })),
};

export const ManyUnread: Story = {
  name: 'Many unread (99+)',
  render: () =>
    bar(
      storeFor({
        extra: (post) =>
          Array.from({ length: 130 }, (_, i) => ({
            to: 'anouk',
            channel: 'general',
            type: 'liked' as const,
            actor: PEOPLE[i % PEOPLE.length]!.uid,
            post,
            createdAt: ago((10 + i) * 60 * MINUTE),
          })),
      }),
    ),
};

export const LongNote: Story = {
  name: 'Long feedback note',
  render: () =>
    bar(
      storeFor({
        extra: (_post, idea) => [
          {
            to: 'anouk',
            channel: 'general',
            type: 'idea-status',
            actor: 'pieter',
            post: idea,
            status: 'declined',
            note: 'We looked at this carefully with the works council and the safety department. The roof of the bike shed cannot carry the weight of the panels without reinforcement, and reinforcing it costs more than the panels would save in ten years. We will look again when the shed is replaced in 2028, and we have added your idea to that project.',
            createdAt: ago(MINUTE),
          },
        ],
      }),
    ),
  play: openPanel,
};

export const Dark: Story = {
  render: () => html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; min-height: 32rem">${bar(storeFor())}</div>`,
  play: openPanel,
};

export const Dutch: Story = {
  render: () => html`<div lang="nl" style="min-height: 32rem">${bar(storeFor())}</div>`,
  play: openPanel,
};

export const Narrow: Story = {
  name: 'Narrow column (320px)',
  render: () => html`<div style="min-height: 32rem">${bar(storeFor(), '320px')}</div>`,
  play: openPanel,
};
