import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { likeControlStyles } from './like-view.styles.js';

export const likeButtonStyles = [
  tokens,
  css`
    :host {
      /* Inline: a page like button sits in a line of text or an article footer. */
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-xs) var(--_space-s);
      vertical-align: middle;
      max-width: 100%;
    }
    .message {
      font-size: 0.875em;
      color: var(--_text-quiet);
    }
    .message.error {
      color: var(--_danger);
    }
    .message:empty {
      display: none;
    }
    .load-error {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-xs) var(--_space-s);
      font-size: 0.875em;
      color: var(--_danger);
    }
    .load-error .button {
      min-height: 1.75rem;
      padding: 0 var(--_space-s);
      font-size: inherit;
    }
    .notice {
      /* The shared notice is a block; a like button's configuration problem stays small and inline. */
      display: inline-block;
      margin: 0;
      padding: var(--_space-xs) var(--_space-s);
      font-size: 0.875em;
    }
  `,
  likeControlStyles,
];
