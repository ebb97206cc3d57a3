// `lenig/react`: @lit/react components for React 18 and 19, with typed props and on<Event> handlers.
import { LenigFeed, LenigLikeButton } from 'lenig/react';
import type { LikedDetail } from 'lenig';

export const likes: LikedDetail[] = [];
export const page = (
  <main>
    <LenigFeed channel="company" pageSize={5} noFilters onLenigError={(e) => console.error(e.detail.operation)} />
    <LenigLikeButton icon="heart" onLenigLiked={(e) => likes.push(e.detail)} />
  </main>
);
// @ts-expect-error pageSize is a number
export const wrongType = <LenigFeed pageSize="five" />;
// @ts-expect-error the detail of lenig-liked has no `operation`
export const wrongEvent = <LenigLikeButton onLenigLiked={(e) => e.detail.operation} />;
