/**
 * Shared set-up for the feed, post card and comments tests: a small company on a MemoryBackend, and
 * helpers that read what a person sees inside the shadow roots and what the store holds.
 */
import { waitUntil } from '@open-wc/testing';
import type { LenigFeedElement } from '../../src/components/feed/feed.js';
import type { LenigPostCardElement } from '../../src/components/post-card/post-card.js';
import type { LenigStore } from '../../src/data/store.js';
import { MemoryBackend, type SeedPost } from '../../src/memory/memory-store.js';
import type { Comment, Post, Profile } from '../../src/data/types.js';

export const users: Profile[] = [
  { uid: 'anna', name: 'Anna de Vries', jobTitle: 'HR advisor' },
  { uid: 'bram', name: 'Bram Jansen', jobTitle: 'Service engineer' },
  { uid: 'carla', name: 'Carla Smit', jobTitle: 'Intranet editor' },
];

export const minutesAgo = (m: number): Date => new Date(Date.now() - m * 60_000);

/** A backend with three people (Carla is an admin) and the given posts in channel `general`. */
export function company(posts: SeedPost[] = []): MemoryBackend {
  return new MemoryBackend({ users, admins: ['carla'], seed: { posts } });
}

/** Three posts, newest first once sorted: Bram's question (5 min), Anna's news (2 h), Carla's praise (3 days). */
export function threePosts(): SeedPost[] {
  return [
    { id: 'p-news', author: 'anna', text: 'The canteen opens at 8 tomorrow.', category: 'news', createdAt: minutesAgo(120), likers: ['bram'] },
    { id: 'p-praise', author: 'carla', text: 'Hats off to the service team!', category: 'praise', createdAt: minutesAgo(3 * 24 * 60) },
    { id: 'p-question', author: 'bram', text: 'Who has the key of room 2.14?', category: 'question', createdAt: minutesAgo(5) },
  ];
}

export function cards(feed: LenigFeedElement): LenigPostCardElement[] {
  return [...feed.shadowRoot!.querySelectorAll('lenig-post-card')];
}

export function inCard<T extends Element = HTMLElement>(card: Element, selector: string): T | null {
  return card.shadowRoot!.querySelector<T>(selector);
}

/** What a card says in its header and body, normalised. */
export function cardSummary(card: LenigPostCardElement): { author: string; time: string; text: string } {
  const t = (s: string) => (inCard(card, s)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { author: t('#author'), time: t('time'), text: t('#body') };
}

export function feedButton(feed: LenigFeedElement, text: RegExp): HTMLButtonElement | undefined {
  return [...feed.shadowRoot!.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''));
}

export function cardButton(card: LenigPostCardElement, text: RegExp): HTMLButtonElement | undefined {
  return [...card.shadowRoot!.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''));
}

export async function postsShown(feed: LenigFeedElement, n: number): Promise<LenigPostCardElement[]> {
  await waitUntil(() => cards(feed).length === n, `expected ${n} posts, saw ${cards(feed).length}`);
  await feed.updateComplete;
  await Promise.all(cards(feed).map((c) => c.updateComplete));
  return cards(feed);
}

/** The first value a subscription gives, then stop: reads the store back. */
export function readOnce<T>(subscribe: (cb: (v: T) => void) => () => void): Promise<T> {
  return new Promise((resolve) => {
    let done = false;
    // Stopped in a microtask: the first value may arrive before `subscribe` has returned `stop`.
    const stop = subscribe((v) => {
      if (done) return;
      done = true;
      queueMicrotask(() => stop());
      resolve(v);
    });
  });
}

export const readPost = (store: LenigStore, id: string): Promise<Post | null> =>
  readOnce<Post | null>((cb) => store.subscribePost('general', id, cb));

export const readComments = (store: LenigStore, id: string): Promise<Comment[]> =>
  readOnce<Comment[]>((cb) => store.subscribeComments('general', id, cb));

/** Sets a text field's value as typing would, firing `input`. */
export function typeInto(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The element focused now, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
