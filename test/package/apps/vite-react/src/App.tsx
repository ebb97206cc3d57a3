import { useRef, useState } from 'react';
import type { LenigFeedElement, LikedDetail } from 'lenig';
// For React 18 too: @lit/react components with on<Event> props.
import { LenigLikeButton } from 'lenig/react';

export function App() {
  const [liked, setLiked] = useState<LikedDetail | null>(null);
  const [error, setError] = useState('');
  const feed = useRef<LenigFeedElement>(null);
  return (
    <main>
      <h1>Company news</h1>
      <lenig-like-button
        target="page:vite-react"
        icon="heart"
        // The handler gets the element's own event: detail is LikedDetail.
        onlenig-liked={(event) => setLiked(event.detail)}
        onlenig-error={(event) => setError(event.detail.operation)}
      />
      <p role="status">{liked ? `Liked ${liked.target} (${liked.count})` : 'Not liked yet'}</p>
      {error && <p role="alert">{error}</p>}
      <lenig-feed ref={feed} channel="company" pageSize={5} no-filters />
      <footer>
        Was this page useful? <LenigLikeButton target="page:vite-react-footer" icon="thumb" onLenigLiked={(e) => setLiked(e.detail)} />
      </footer>
    </main>
  );
}

// Wrong props do not compile.
// @ts-expect-error pageSize is a number
export const wrong = <lenig-feed pageSize="five" />;
