import { css } from 'lit';
import { formNotes, stack, textField } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { avatarStyles } from '../shared/avatar.js';
import { richTextStyles } from '../shared/rich-text.js';

export const commentsStyles = [
  tokens,
  textField,
  ...formNotes,
  stack('ul'),
  avatarStyles,
  richTextStyles,
  css`
    .comments {
      display: flex;
      flex-direction: column;
      gap: var(--_space-s);
      padding-block-start: var(--_space-s);
      border-block-start: 1px solid var(--_border);
    }
    li {
      display: flex;
      gap: var(--_space-s);
      align-items: flex-start;
    }
    .bubble {
      flex: 1;
      min-width: 0;
      padding: var(--_space-xs) var(--_space-s);
      border-radius: var(--_radius-m);
      background: var(--_surface-raised);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_space-s);
      align-items: baseline;
    }
    .name {
      font-weight: 600;
      font-size: 0.9em;
      /* A long name without spaces wraps inside the bubble. */
      overflow-wrap: anywhere;
    }
    time {
      color: var(--_text-quiet);
      font-size: 0.8em;
    }
    .text {
      margin: 0;
    }
    .quiet {
      margin: 0;
      color: var(--_text-quiet);
      font-size: 0.9em;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: var(--_space-xs);
    }
    textarea {
      min-height: 2.75em;
      max-height: 16em;
    }
    .notice {
      padding: var(--_space-s);
    }
    .skeleton {
      height: 2.5rem;
      border-radius: var(--_radius-m);
      background: var(--_surface-raised);
    }
  `,
];
