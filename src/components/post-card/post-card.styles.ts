import { css, unsafeCSS } from 'lit';
import { formNotes, framedColumn, inlineControl, nameBone, textField } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { avatarStyles } from '../shared/avatar.js';
import { likeControlStyles } from '../like-button/like-view.styles.js';
import { richTextStyles } from '../shared/rich-text.js';

/**
 * One style sheet, not an array of them: each card of a feed has its own shadow root, and the browser
 * sets up every adopted sheet of every root for each card. The parts are the project's own constant CSS.
 */
export const postCardStyles = unsafeCSS(
  [
    tokens,
    textField,
    ...formNotes,
    avatarStyles,
    richTextStyles,
    inlineControl('.action'),
    nameBone('.name-skeleton', '8em', '0.9em'),
    framedColumn('.panel', 's'),
    likeControlStyles,
    css`
    .card {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: var(--_space-s);
      padding: var(--_space-m);
      background: var(--lenig-post-card-background, var(--_surface));
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
      color: var(--_text);
      scroll-margin-block: var(--_space-l);
    }
    .card:focus-visible {
      outline: var(--_focus-ring);
      outline-offset: 2px;
    }
    .card.hidden {
      border-style: dashed;
      background: var(--_surface-raised);
    }
    /* Greyed without opacity, so the text keeps its contrast for the admin who still reads it. */
    .card.hidden .body,
    .card.hidden .idea-title {
      color: var(--_text-quiet);
    }
    .card.hidden .avatar {
      filter: grayscale(1);
    }
    .card.pending {
      border-style: dashed;
    }

    .header {
      display: flex;
      align-items: flex-start;
      gap: var(--_space-s);
      min-width: 0;
    }
    .who {
      display: flex;
      flex-direction: column;
      min-width: 0;
      flex: 1;
    }
    .author {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    /* Always in the template (one template per card); a person without a job title has it empty. */
    .job:empty {
      display: none;
    }
    .job,
    .meta {
      color: var(--_text-quiet);
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .meta time,
    .meta .edited {
      white-space: nowrap;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--_space-xs);
      max-width: 50%;
    }
    .badge {
      display: inline-block;
      padding: 0.1em 0.6em;
      border-radius: 999px;
      font-size: 0.8em;
      line-height: 1.6;
      white-space: nowrap;
      background: var(--_surface-raised);
      border: 1px solid var(--_border);
      color: var(--_text-quiet);
    }
    .badge.flag {
      border-style: dashed;
      color: var(--_text);
    }

    .idea-title {
      margin: 0;
      font-weight: 600;
    }
    .body {
      margin: 0;
    }
    .body.editing {
      display: none;
    }
    .body.collapsed {
      max-height: calc(1.5em * 9);
      overflow: hidden;
      mask-image: linear-gradient(to bottom, #000 70%, transparent);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-xs);
      margin-inline: calc(var(--_space-xs) * -1);
    }
    .actions .end {
      margin-inline-start: auto;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-xs);
    }
    .action {
      min-height: 2rem;
      padding: 0 var(--_space-s);
      border: 1px solid transparent;
      border-radius: var(--_radius-m);
      background: transparent;
      color: var(--_text-quiet);
      font-size: 0.9em;
    }
    .action:hover:not(:disabled) {
      background: var(--_surface-raised);
      color: var(--_text);
    }
    .action[aria-expanded='true'] {
      color: var(--_accent);
    }
    .action:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .action svg {
      width: 1.15em;
      height: 1.15em;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .more {
      align-self: flex-start;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_accent);
      cursor: pointer;
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }

    .panel {
      background: var(--_surface-raised);
    }
    .panel p {
      margin: 0;
    }
    textarea {
      min-height: 4.5em;
      max-height: 24em;
    }
    .button.danger {
      background: var(--_danger);
      border-color: var(--_danger);
      color: var(--_on-accent);
    }
    /* An empty live region must stay in the accessibility tree to announce what is put in it later,
       but must not add a flex gap. */
    .status:empty {
      position: absolute;
    }
    .status {
      margin: 0;
      color: var(--_text-quiet);
      font-size: 0.9em;
    }
  `,
  ]
    .map((part) => part.cssText)
    .join('\n'),
);
