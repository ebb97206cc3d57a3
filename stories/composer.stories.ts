import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { playground } from './playground.js';
import '../src/components/composer/composer.js';
import type { LenigComposerElement } from '../src/components/composer/composer.js';
import { draftKey } from '../src/controllers/draft.js';
import { MemoryBackend, type MemoryStore } from '../src/memory/memory-store.js';
import { StoreError } from '../src/data/store.js';
import { DEFAULT_CATEGORIES, type Profile } from '../src/data/types.js';

const PEOPLE: Profile[] = [
  { uid: 'anouk', name: 'Anouk de Vries', jobTitle: 'Communications' },
  { uid: 'maria', name: 'Maria Jansen', jobTitle: 'HR advisor', department: 'People' },
  { uid: 'mark', name: 'Mark Bakker', jobTitle: 'Facility manager' },
  { uid: 'marten', name: 'Marten Smit', department: 'Sales' },
  { uid: 'eline', name: 'Eline Visser' },
];

const ALL_HANDS = 'Our quarterly all-hands moves to the big hall on the ground floor. Coffee and cake from 15:30. ';

interface Setup {
  /** Each story writes to its own channel id, so a draft typed in one story never shows up in another. */
  channel: string;
  viewer?: string | null;
  latency?: number;
  /** The channel is archived: read-only. */
  archived?: boolean;
  /** Put in localStorage before the element reads it, as if typed before a reload. */
  draft?: { text: string; category?: string; title?: string };
  prepare?: (store: MemoryStore) => void;
}

/** The store of one story, on its own backend. */
function storeFor({ channel, viewer = 'anouk', latency = 300, archived, prepare }: Setup): MemoryStore {
  const backend = new MemoryBackend({
    users: PEOPLE,
    channels: [{ id: channel, name: 'General', categories: [...DEFAULT_CATEGORIES], ...(archived ? { archived } : {}) }],
    // The signed-out stories show what a project that lets signed-out people read looks like.
    publicReads: viewer === null,
  });
  const store = backend.session(viewer, { latency, signInAs: 'anouk' });
  prepare?.(store);
  return store;
}

/** A fresh backend per story: posting in one story never changes another. */
function composer(setup: Setup): TemplateResult {
  const { channel, viewer = 'anouk', draft } = setup;
  const store = storeFor(setup);
  // Drafts are kept per person: this one is the signed-in viewer's.
  const key = draftKey({ form: 'composer', user: viewer ?? 'anouk', channel });
  if (draft) localStorage.setItem(key, JSON.stringify(draft));
  else localStorage.removeItem(key);
  return html`<div style="max-width: 40rem">
    <lenig-composer channel=${channel} .store=${store}></lenig-composer>
  </div>`;
}

/** The composer of a story, once its form is on screen. */
async function formOf(canvas: HTMLElement): Promise<LenigComposerElement> {
  const el = canvas.querySelector('lenig-composer')!;
  while (!el.shadowRoot?.querySelector('textarea')) await new Promise((r) => setTimeout(r, 20));
  return el;
}

/** Types into the text field as a paste would, leaving the caret at the end. */
function type(el: LenigComposerElement, text: string): void {
  const ta = el.shadowRoot!.querySelector('textarea')!;
  ta.focus();
  ta.value = text;
  ta.setSelectionRange(text.length, text.length);
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const meta: Meta = {
  title: 'Widgets/Composer',
  component: 'lenig-composer',
  parameters: {
    docs: {
      description: {
        component:
          'Write a post in a channel: live character count, category, a title for ideas, @mentions (type `@mar`), Ctrl+Enter to post, a draft kept across reloads. Runs on the in-memory store here (300 ms latency).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The controls: every public attribute of `<lenig-composer>`. */
export const Playground: Story = playground(
  'lenig-composer',
  { channel: 'story-playground', categories: '', 'max-length': 2000, placeholder: '' },
  () => storeFor({ channel: 'story-playground' }),
  '40rem',
);

export const Empty: Story = {
  render: () => composer({ channel: 'story-empty' }),
};

export const WithDraft: Story = {
  name: 'With a restored draft',
  render: () =>
    composer({ channel: 'story-draft', draft: { text: 'Half-written thoughts about the new coffee machine…', category: 'question' } }),
};

export const NearLimit: Story = {
  name: 'Near the limit (1,880 / 2,000)',
  render: () => composer({ channel: 'story-near', draft: { text: ALL_HANDS.repeat(20).slice(0, 1880) } }),
};

export const OverLimit: Story = {
  name: 'Over the limit (2,013 / 2,000)',
  render: () => composer({ channel: 'story-over', draft: { text: ALL_HANDS.repeat(22).slice(0, 2013) } }),
};

export const IdeaWithTitle: Story = {
  name: 'Idea with title',
  render: () =>
    composer({
      channel: 'story-idea',
      draft: { category: 'idea', title: 'Roof garden on building B', text: 'Let us plant the flat roof: cooler offices in summer, and a place for lunch.' },
    }),
};

export const MentionListOpen: Story = {
  name: 'Mention list open',
  render: () => composer({ channel: 'story-mention', latency: 0 }),
  play: async ({ canvasElement }) => {
    type(await formOf(canvasElement), 'Big thanks to @mar');
  },
};

export const Sending: Story = {
  name: 'Sending (slow connection)',
  render: () => composer({ channel: 'story-sending', latency: 0 }),
  play: async ({ canvasElement }) => {
    const el = await formOf(canvasElement);
    type(el, 'Who has the key to meeting room 4?');
    // Slow from here on: the form stays in "Posting…" for a minute.
    (el.store as MemoryStore).setLatency(60_000);
    void el.submit();
  },
};

export const Failed: Story = {
  name: 'Failed (post refused)',
  render: () =>
    composer({
      channel: 'story-failed',
      latency: 0,
      prepare: (s) => s.failNext('createPost', new StoreError('permission-denied', 'Rules refused the write.')),
    }),
  play: async ({ canvasElement }) => {
    const el = await formOf(canvasElement);
    type(el, 'Who has the key to meeting room 4?');
    await el.submit();
  },
};

export const Offline: Story = {
  name: 'Offline (post waits for the connection)',
  render: () => composer({ channel: 'story-offline', latency: 0 }),
  play: async ({ canvasElement }) => {
    const el = await formOf(canvasElement);
    (el.store as MemoryStore).setOnline(false);
    type(el, 'Sent from the train.');
    void el.submit();
  },
};

export const SignedOut: Story = {
  name: 'Signed out',
  render: () => composer({ channel: 'story-signed-out', viewer: null }),
};

export const Archived: Story = {
  name: 'Archived channel (read-only, draft kept)',
  render: () => composer({ channel: 'story-archived', archived: true, draft: { text: 'Half-written thoughts about the new coffee machine…' } }),
};

export const Loading: Story = {
  render: () => composer({ channel: 'story-loading', latency: 60 * 60 * 1000 }),
};

export const Dark: Story = {
  render: () =>
    html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">
      ${composer({ channel: 'story-dark', draft: { text: ALL_HANDS.repeat(20).slice(0, 1880) } })}
    </div>`,
};

export const Dutch: Story = {
  render: () =>
    html`<div lang="nl">
      ${composer({ channel: 'story-dutch', draft: { text: ALL_HANDS.repeat(22).slice(0, 2013) } })}
    </div>`,
};

export const Narrow: Story = {
  name: 'Narrow column (320px), idea',
  render: () =>
    html`<div style="width: 320px; border: 1px dashed #999; padding: 8px">
      ${composer({
        channel: 'story-narrow',
        draft: { category: 'idea', title: 'Roof garden', text: 'Let us plant the flat roof: cooler offices in summer.' },
      })}
    </div>`,
};

export const Themed: Story = {
  name: 'Themed with tokens',
  render: () =>
    html`<div style="--lenig-color-accent: #7a2e8e; --lenig-radius-m: 0; --lenig-composer-min-height: 10rem; --lenig-font-family: Georgia, serif">
      ${composer({ channel: 'story-themed' })}
    </div>`,
};
