import { css } from 'lit';
import { chip, framedColumn, offlineBanner, shimmer } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

export const feedStyles = [
  tokens,
  shimmer,
  offlineBanner('--lenig-feed-offline-color'),
  chip,
  framedColumn('.skeleton', 'm'),
  css`
    .feed-root {
      display: flex;
      flex-direction: column;
      gap: var(--_space-m);
    }

    .live:empty {
      position: absolute;
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-xs);
    }

    /* The "N new posts" pill stays in reach while the reader scrolls down the feed. */
    .new-posts-region {
      position: sticky;
      top: var(--_space-s);
      z-index: 1;
      display: flex;
      justify-content: center;
    }
    .new-posts-region:empty {
      position: absolute;
    }
    .new-posts {
      min-height: 2.25rem;
      padding: 0 var(--_space-l);
      border: 0;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
      cursor: pointer;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
    }

    .feed {
      display: flex;
      flex-direction: column;
      gap: var(--_space-m);
    }
    /* Posts out of view skip style, layout and paint (and keep their last size for the scrollbar):
       mounting or growing a long feed lays out only what is on screen. Nothing leaves the DOM, so
       reading, find in page, focus and Page Up / Down work as before; a focused post is rendered.
       The clip margin keeps the focus ring drawn outside each article. */
    lenig-post-card {
      display: block;
      content-visibility: auto;
      contain-intrinsic-size: auto 12rem;
      overflow-clip-margin: 0.5rem;
    }
    /* A long feed renders only the cards near the viewport (see WINDOW_FROM in feed.ts): those are laid
       out in full, so that each is measured at its real height, and gaps stand in for the rest. */
    .windowed lenig-post-card {
      content-visibility: visible;
    }
    .gap {
      flex: none;
    }

    .skeleton .line,
    .skeleton .disc {
      border-radius: var(--_radius-s);
    }
    .skeleton .top {
      display: flex;
      gap: var(--_space-s);
      align-items: center;
    }
    .skeleton .disc {
      width: 2.5rem;
      height: 2.5rem;
      border-radius: 50%;
      flex: none;
    }
    .skeleton .line {
      height: 0.85rem;
    }

    .state {
      margin: 0;
    }
    .state.error {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: var(--_space-s);
    }
    .state.error p {
      margin: 0;
    }

    .more-row {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: var(--_space-s);
    }
    .end {
      margin: 0;
      color: var(--_text-quiet);
      font-size: 0.9em;
    }
    .more-error {
      margin: 0;
      color: var(--_danger);
      font-size: 0.9em;
    }
    .sentinel {
      height: 1px;
      margin-top: -1px;
    }
  `,
];
