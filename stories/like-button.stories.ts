import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { playground } from './playground.js';
import '../src/components/like-button/like-button.js';
import { MemoryBackend, type MemoryStore } from '../src/memory/memory-store.js';
import { StoreError } from '../src/data/store.js';
import { DEFAULT_CATEGORIES, postTarget, type Profile } from '../src/data/types.js';

const TARGET = 'https://intranet.example.com/news/summer-party';

const PEOPLE: Profile[] = [
  { uid: 'anouk', name: 'Anouk de Vries', jobTitle: 'Communications' },
  { uid: 'bram', name: 'Bram Jansen' },
  { uid: 'chantal', name: 'Chantal Smit' },
  { uid: 'daan', name: 'Daan Bakker' },
  { uid: 'eline', name: 'Eline Visser' },
  { uid: 'floor', name: 'Floor de Boer' },
  { uid: 'gerrit', name: 'Gerrit Mulder' },
  { uid: 'hanneke', name: 'Hanneke Bos' },
];

interface Setup {
  /** Who already likes the target (oldest first). */
  likers?: string[];
  /** The viewer; `null` for signed out. Default anouk. */
  viewer?: string | null;
  latency?: number;
  prepare?: (store: MemoryStore) => void;
}

/** A fresh backend per story, so clicking in one story never changes another. */
function storeFor({ likers = ['bram', 'chantal', 'daan'], viewer = 'anouk', latency = 250, prepare }: Setup): MemoryStore {
  const backend = new MemoryBackend({ users: PEOPLE, seed: { likes: [{ target: TARGET, users: likers }] }, publicReads: viewer === null });
  const store = backend.session(viewer, { latency });
  prepare?.(store);
  return store;
}

function sentence(store: MemoryStore, extra?: TemplateResult): TemplateResult {
  return html`<p style="max-width: 40rem; font: 16px/1.5 system-ui, sans-serif">
      The summer party is on 4 July at the harbour. Bring your family!
    </p>
    <lenig-like-button .store=${store} target=${TARGET}></lenig-like-button>
    ${extra ?? ''}`;
}

const meta: Meta = {
  title: 'Widgets/Like button',
  component: 'lenig-like-button',
  parameters: {
    docs: {
      description: {
        component:
          'A like button for a post, an idea or the page it stands on. Optimistic, live, with "liked by" names on hover and focus. Runs on the in-memory store here (250 ms latency); click it, hover it, tab to it.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The controls: every public attribute of `<lenig-like-button>`. */
export const Playground: Story = playground('lenig-like-button', { target: TARGET, icon: 'thumb' }, () => storeFor({}));

export const Default: Story = {
  render: () => sentence(storeFor({})),
};

export const Liked: Story = {
  render: () => sentence(storeFor({ likers: ['bram', 'chantal', 'anouk'] })),
};

export const ManyLikes: Story = {
  name: 'Many likes (12,345)',
  render: () => {
    const crowd = Array.from({ length: 12345 - PEOPLE.length + 1 }, (_, i) => `colleague-${i}`);
    return sentence(storeFor({ likers: [...crowd, 'floor', 'gerrit', 'hanneke', 'eline', 'daan', 'chantal', 'bram'] }));
  },
};

export const Loading: Story = {
  render: () => sentence(storeFor({ latency: 60 * 60 * 1000 })),
};

export const LoadError: Story = {
  name: 'Error (cannot load; retry works)',
  render: () =>
    sentence(storeFor({ prepare: (s) => s.failNext('subscribeLikes', new StoreError('permission-denied', 'Rules refused the read.')) })),
};

export const SaveFails: Story = {
  name: 'Error (saving fails, rolls back)',
  render: () =>
    sentence(storeFor({ prepare: (s) => s.setFailure('like', new StoreError('permission-denied', 'Rules refused the write.')) })),
};

export const Offline: Story = {
  render: () => sentence(storeFor({ prepare: (s) => s.setOnline(false) })),
};

export const SignedOut: Story = {
  render: () => sentence(storeFor({ viewer: null })),
};

export const ArchivedChannel: Story = {
  name: 'A post in an archived channel (read-only)',
  render: () => {
    const backend = new MemoryBackend({
      users: PEOPLE,
      channels: [{ id: 'news', name: 'News', categories: [...DEFAULT_CATEGORIES], archived: true }],
      seed: { posts: [{ id: 'party', channel: 'news', author: 'bram', text: 'The summer party is on 4 July.', likers: ['bram', 'chantal', 'anouk'] }] },
    });
    return html`<lenig-like-button .store=${backend.session('anouk')} target=${postTarget('news', 'party')}></lenig-like-button>`;
  },
};

export const Heart: Story = {
  render: () => {
    const store = storeFor({ likers: ['bram', 'anouk'] });
    return html`<lenig-like-button .store=${store} target=${TARGET} icon="heart"></lenig-like-button>`;
  },
};

export const Dark: Story = {
  render: () =>
    html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">
      ${sentence(storeFor({ likers: ['bram', 'chantal', 'anouk'] }))}
    </div>`,
};

export const Dutch: Story = {
  render: () =>
    html`<div lang="nl">${sentence(storeFor({ likers: ['bram', 'chantal', 'daan', 'eline', 'floor', 'gerrit', 'hanneke'] }))}</div>`,
};

export const Themed: Story = {
  name: 'Themed with tokens',
  render: () =>
    html`<div style="--lenig-like-button-active-color: #c4314b; --lenig-like-button-icon-size: 1.5em; --lenig-font-family: Georgia, serif">
      ${sentence(storeFor({ likers: ['bram', 'anouk'] }))}
    </div>`,
};

export const NarrowColumn: Story = {
  name: 'Narrow column (320px), signed out',
  render: () =>
    html`<div style="width: 320px; border: 1px dashed #999; padding: 8px" lang="nl">
      ${sentence(storeFor({ viewer: null, likers: PEOPLE.slice(1).map((p) => p.uid) }))}
    </div>`,
};
