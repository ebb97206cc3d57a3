// An app that loads only what it shows: the light configuration entry and two elements.
import { configure, whenStore, type LenigConfig } from 'lenig/config';
import { LenigFeedElement } from 'lenig/components/feed';
import 'lenig/components/like-button/like-button.js';

const params = new URLSearchParams(location.search);
const database = params.get('database') ?? undefined;
const config: LenigConfig = {
  firebase: { apiKey: 'demo-key', projectId: params.get('project') ?? 'demo-lenig', databaseURL: database },
  emulator: { database, auth: params.get('auth') ?? undefined },
};
configure(config);

// Tags are typed: querySelector and createElement know the element classes.
const feed: LenigFeedElement | null = document.querySelector('lenig-feed');
const like = document.querySelector('lenig-like-button');
if (feed && like) {
  // Properties are typed.
  feed.pageSize = 5;
  const icon: 'heart' | 'thumb' = like.icon;
  // @ts-expect-error pageSize is a number
  feed.pageSize = 'five';
  // Events are typed: `detail` is the documented detail type, not `any`.
  feed.addEventListener('lenig-error', (event) => {
    const operation: string = event.detail.operation;
    document.body.dataset['error'] = operation;
  });
  like.addEventListener('lenig-liked', (event) => {
    document.body.dataset['liked'] = event.detail.target;
  });
  document.body.dataset['icon'] = icon;
}
void whenStore().then(() => (document.body.dataset['store'] = 'ready'));
