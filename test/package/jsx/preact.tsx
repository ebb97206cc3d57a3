// Preact with lenig's generated JSX types: tags, properties, attributes and on<event> handlers typed.
import type {} from 'lenig/jsx/preact';
import type { LikedDetail } from 'lenig';

export const likes: LikedDetail[] = [];
export const page = (
  <main>
    <lenig-feed channel="company" pageSize={5} no-filters onlenig-error={(e) => console.error(e.detail.operation)} />
    <lenig-like-button icon="heart" onlenig-liked={(e) => likes.push(e.detail)} />
  </main>
);
// @ts-expect-error pageSize is a number
export const wrongType = <lenig-feed pageSize="five" />;
// @ts-expect-error the detail of lenig-liked has no `operation`
export const wrongEvent = <lenig-like-button onlenig-liked={(e) => e.detail.operation} />;
