// Solid with lenig's generated JSX types: properties, prop:/attr: and on:<event> typed.
import type {} from 'lenig/jsx/solid';
import type { LikedDetail } from 'lenig';

export const likes: LikedDetail[] = [];
export const page = (
  <main>
    <lenig-feed channel="company" pageSize={5} attr:no-filters="" on:lenig-error={(e) => console.error(e.detail.operation)} />
    <lenig-like-button prop:icon="heart" on:lenig-liked={(e) => likes.push(e.detail)} />
  </main>
);
// @ts-expect-error pageSize is a number
export const wrongType = <lenig-feed pageSize="five" />;
// @ts-expect-error the detail of lenig-liked has no `operation`
export const wrongEvent = <lenig-like-button on:lenig-liked={(e) => e.detail.operation} />;
