import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/post-card/post-card.js';
import type { PostRequestDetail } from '../src/components/post-card/post-card.js';
import { StoreError } from '../src/data/store.js';
import type { Post, Profile, Viewer } from '../src/data/types.js';

const anouk: Profile = { uid: 'anouk', name: 'Anouk de Vries', jobTitle: 'Communications advisor' };
const bram: Profile = { uid: 'bram', name: 'Bram Jansen', jobTitle: 'Service engineer' };
const asAnouk: Viewer = { uid: 'anouk', anonymous: false, admin: false, profile: anouk };
const asAdmin: Viewer = { uid: 'tom', anonymous: false, admin: true };

const ago = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);

function post(over: Partial<Post> = {}): Post {
  return {
    id: 'story-post',
    channel: 'general',
    author: 'anouk',
    category: 'news',
    text: 'The canteen opens at 7:30 from Monday. Breakfast menu: https://intranet.example.com/canteen\nThanks @[Bram Jansen](bram) for arranging it!',
    createdAt: ago(42),
    likeCount: 7,
    commentCount: 2,
    hidden: false,
    ...over,
  };
}

interface Setup {
  post?: Post;
  author?: Profile | null;
  viewer?: Viewer | null;
  liked?: boolean;
  pending?: boolean;
  /** The post's channel is archived (read-only). */
  archived?: boolean;
  /** How requests are answered: `ok` after 600 ms, or `fail` with a StoreError. Default ok. */
  answer?: 'ok' | 'fail';
}

/**
 * A card on its own. Its requests (edit, delete, report, hide) are answered here the way the feed would,
 * after a short wait, so every state of the forms can be seen.
 */
function card({ post: p = post(), author = anouk, viewer = asAnouk, liked = false, pending = false, archived = false, answer = 'ok' }: Setup): TemplateResult {
  const respond = (e: CustomEvent<PostRequestDetail>) =>
    e.detail.respondWith(
      new Promise((resolve, reject) =>
        setTimeout(() => (answer === 'ok' ? resolve(undefined) : reject(new StoreError('validation-failed', 'too long', 'text', 'too-long'))), 600),
      ),
    );
  return html`<div style="max-width: 40rem">
    <lenig-post-card
      .post=${p}
      .author=${author}
      .viewer=${viewer}
      .likeCount=${p.likeCount}
      .liked=${liked}
      .likers=${['Bram Jansen', 'Chantal Smit']}
      ?pending=${pending}
      ?archived=${archived}
      @lenig-post-edit=${respond}
      @lenig-post-delete=${respond}
      @lenig-post-report=${respond}
      @lenig-post-hide=${respond}
    ></lenig-post-card>
  </div>`;
}

const meta: Meta = {
  title: 'Widgets/Post card',
  component: 'lenig-post-card',
  parameters: {
    docs: {
      description: {
        component:
          'One post as the feed shows it. A leaf: it takes the post, the author profile, the viewer and the like state as properties and asks for changes with `lenig-post-edit`, `lenig-post-delete`, `lenig-post-report` and `lenig-post-hide`, each answered with `respondWith(promise)`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The viewer's own post: Edit and Delete. */
export const OwnPost: Story = { render: () => card({}) };

/** Someone else's post: Report. */
export const OthersPost: Story = { render: () => card({ post: post({ author: 'bram', category: 'question', text: 'Who has the key of room 2.14?' }), author: bram }) };

export const Liked: Story = { render: () => card({ liked: true, post: post({ likeCount: 8 }) }) };

/** In an archived channel: no Edit; the like count shows on a dimmed, focusable button that says why (click or focus it). */
export const Archived: Story = { name: 'In an archived channel (read-only)', render: () => card({ archived: true, liked: true }) };

export const Edited: Story = { render: () => card({ post: post({ editedAt: ago(5) }) }) };

/** Not on the server yet (offline): "Sending…", likes and comments wait. */
export const Sending: Story = { render: () => card({ pending: true, post: post({ likeCount: 0, commentCount: 0, createdAt: new Date() }) }) };

/** Every save is refused as too long: the text stays and the reason shows. */
export const SaveRefused: Story = { render: () => card({ answer: 'fail' }) };

/** An admin's view of a hidden post. */
export const HiddenForAdmin: Story = { render: () => card({ viewer: asAdmin, post: post({ hidden: true, author: 'bram' }), author: bram }) };

/** A person without a profile. */
export const UnknownAuthor: Story = { render: () => card({ author: null, viewer: null, post: post({ author: 'gone' }) }) };

export const LongText: Story = {
  render: () =>
    card({
      post: post({
        text: Array.from({ length: 18 }, (_, i) => `Paragraph ${i + 1}: what changes on the new campus and what to do before the move.`).join('\n'),
      }),
    }),
};

export const UnknownCategory: Story = { render: () => card({ post: post({ category: 'safety-first' }) }) };

export const Dutch: Story = { render: () => html`<div lang="nl">${card({ post: post({ editedAt: ago(3) }) })}</div>` };

export const Dark: Story = {
  render: () => html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">${card({ liked: true })}</div>`,
};
