import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/admin/admin.js';
import { MemoryBackend, type MemoryStore } from '../src/memory/memory-store.js';
import { StoreError } from '../src/data/store.js';

const PEOPLE = [
  { uid: 'thomas', name: 'Thomas Visser', jobTitle: 'Intranet administrator' },
  { uid: 'marieke', name: 'Marieke de Vries', jobTitle: 'Communications' },
  { uid: 'joost', name: 'Joost Bakker', jobTitle: 'Sales' },
  { uid: 'sanne', name: 'Sanne Jansen', jobTitle: 'Engineer' },
];
const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

interface Setup {
  viewer?: string | null;
  admins?: string[];
  latency?: number;
  empty?: boolean;
  /** Open reports; false leaves only the handled one. */
  open?: boolean;
  prepare?: (store: MemoryStore, backend: MemoryBackend) => void;
}

/** Thomas administers; Joost's post and a comment on Sanne's were reported, one report was dismissed. */
function storeFor({ viewer = 'thomas', admins = ['thomas'], latency = 250, empty = false, open = true, prepare }: Setup = {}): MemoryStore {
  if (empty) return new MemoryBackend({ users: PEOPLE, channels: [] }).session(viewer, { latency });
  const backend = new MemoryBackend({
    users: PEOPLE,
    admins,
    channels: [
      { id: 'general', name: 'Company news', categories: ['news', 'idea', 'question', 'personal', 'praise'], description: 'News for everyone at Noorderlicht' },
      { id: 'team-sales', name: 'Team Sales', categories: ['news', 'question'] },
      { id: 'old-projects', name: 'Old projects', categories: ['news'], archived: true },
    ],
  });
  // Joost took his number out after Marieke reported it: the report keeps the text she saw.
  const post = backend.addPost({ author: 'joost', text: 'Call me for the new tariffs.', createdAt: ago(5 * HOUR) });
  const other = backend.addPost({
    author: 'sanne',
    text: 'The grid in Kampen is back to normal after two hours.',
    createdAt: ago(30 * HOUR),
    comments: [{ author: 'joost', text: 'Took you long enough.' }],
  });
  const comment = backend.commentIds('general', other.id)[0]!;
  if (open) {
    backend.addReport({
      channel: 'general',
      post: post.id,
      by: 'marieke',
      reason: 'A private phone number.',
      text: 'Call me on 06-12345678 for the new tariffs.',
      createdAt: ago(2 * HOUR),
    });
    backend.addReport({ channel: 'general', post: other.id, comment, by: 'sanne', reason: 'Not kind.', createdAt: ago(20 * HOUR) });
  }
  backend.addReport({ channel: 'general', post: other.id, by: 'joost', reason: 'Posted twice.', createdAt: ago(28 * HOUR), resolved: { by: 'thomas', at: ago(27 * HOUR), action: 'dismissed' } });
  const store = backend.session(viewer, { latency });
  prepare?.(store, backend);
  return store;
}

function page(store: MemoryStore, tab = 'reports', lang = 'en'): TemplateResult {
  return html`<div style="max-width: 56rem; font: 15px/1.4 system-ui, sans-serif" lang=${lang}><lenig-admin tab=${tab} .store=${store}></lenig-admin></div>`;
}

const meta: Meta = {
  title: 'Widgets/Admin',
  component: 'lenig-admin',
  parameters: {
    docs: {
      description: {
        component:
          'The administration of the intranet: reports inbox, channels, people and export, and the set-up panel on an empty database. Runs on the in-memory store here (250 ms latency).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Reports: Story = { name: 'Reports inbox', render: () => page(storeFor()) };
export const NoReports: Story = { name: 'No open reports', render: () => page(storeFor({ open: false })) };
export const Channels: Story = { name: 'Channels', render: () => page(storeFor(), 'channels') };
export const People: Story = { name: 'People (only admin cannot be removed)', render: () => page(storeFor(), 'people') };
export const Export: Story = { name: 'Export', render: () => page(storeFor(), 'export') };
export const Loading: Story = { name: 'Loading', render: () => page(storeFor({ latency: 1e9 })) };
export const Failed: Story = {
  name: 'Reports could not be loaded',
  render: () => page(storeFor({ prepare: (s) => s.setFailure('subscribeReports', new StoreError('offline', 'The connection is down.')) })),
};
export const NotAdmin: Story = { name: 'Not an administrator', render: () => page(storeFor({ viewer: 'joost' })) };
export const SignedOut: Story = { name: 'Signed out', render: () => page(storeFor({ viewer: null })) };
export const FirstRun: Story = { name: 'First run on an empty database', render: () => page(storeFor({ empty: true, viewer: 'marieke' })) };
export const Dutch: Story = { name: 'Dutch', render: () => page(storeFor(), 'reports', 'nl') };

/** Types `query` into the People tab's search and opens "Posts and comments" for `name`. */
async function openActivity(canvas: HTMLElement, query: string, name: string, label = 'Posts and comments'): Promise<void> {
  const admin = canvas.querySelector('lenig-admin')!;
  const find = <T extends Element>(selector: string, test: (e: T) => boolean = () => true) =>
    new Promise<T>((resolve) => {
      const look = () => {
        const hit = [...admin.shadowRoot!.querySelectorAll<T>(selector)].find(test);
        if (hit) resolve(hit);
        else setTimeout(look, 50);
      };
      look();
    });
  const search = await find<HTMLInputElement>('input[type=search]');
  search.value = query;
  search.dispatchEvent(new Event('input'));
  (await find<HTMLButtonElement>('button', (b) => b.getAttribute('aria-label') === `${label}: ${name}`)).click();
}

export const PersonActivity: Story = {
  name: 'People: what a person wrote',
  render: () => page(storeFor(), 'people'),
  play: ({ canvasElement }) => openActivity(canvasElement, 'Joo', 'Joost Bakker'),
};
export const PersonActivityDutch: Story = {
  name: 'People: what a person wrote (Dutch)',
  render: () => page(storeFor(), 'people', 'nl'),
  play: ({ canvasElement }) => openActivity(canvasElement, 'Joo', 'Joost Bakker', 'Berichten en reacties'),
};
export const PersonActivityLoading: Story = {
  name: 'People: what a person wrote, still reading',
  render: () => page(storeFor({ latency: 1500 }), 'people'),
  play: ({ canvasElement }) => openActivity(canvasElement, 'Joo', 'Joost Bakker'),
};
export const PersonActivityFailed: Story = {
  name: 'People: what a person wrote, could not be read',
  render: () => page(storeFor({ prepare: (s) => s.setFailure('exportPerson', new StoreError('offline', 'The connection is down.')) }), 'people'),
  play: ({ canvasElement }) => openActivity(canvasElement, 'Joo', 'Joost Bakker'),
};
