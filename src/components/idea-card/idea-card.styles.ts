import { css } from 'lit';
import { nameBone } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

/**
 * Status badges, shared by the card, the board's columns and the idea detail. Each status has its own
 * hue; text and background are chosen per scheme so the text keeps at least 4.5:1 contrast on both.
 */
export const statusStyles = css`
  .status-badge {
    --_status: light-dark(#3d4752, #c3cbd4);
    --_status-bg: light-dark(#eef1f4, #2c3137);
    display: inline-block;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    border: 1px solid color-mix(in srgb, var(--_status) 35%, transparent);
    background: var(--_status-bg);
    color: var(--_status);
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.6;
    white-space: nowrap;
  }
  [data-status='under-review'] {
    --_status: light-dark(#6b2fb3, #d2b3ff);
    --_status-bg: light-dark(#f3ecfc, #33274a);
  }
  [data-status='planned'] {
    --_status: light-dark(#0b5aa0, #9ccbff);
    --_status-bg: light-dark(#e8f2fc, #1d3147);
  }
  [data-status='in-progress'] {
    --_status: light-dark(#8a4b00, #f5c27a);
    --_status-bg: light-dark(#fdf1e0, #40301a);
  }
  [data-status='done'] {
    --_status: light-dark(#0e6b2e, #8fdca6);
    --_status-bg: light-dark(#e7f6ec, #1c3a27);
  }
  [data-status='declined'] {
    --_status: light-dark(#a4262c, #ffaaa9);
    --_status-bg: light-dark(#fbeaea, #442226);
  }
`;

export const ideaCardStyles = [
  tokens,
  statusStyles,
  nameBone('.name-skeleton', '6em', '0.8em'),
  css`
    .card {
      /* Contains the visually hidden texts, which would otherwise escape a scrolling column. */
      position: relative;
      display: flex;
      flex-direction: column;
      gap: var(--_space-xs);
      padding: var(--_space-s) var(--_space-m) var(--_space-s);
      background: var(--lenig-idea-card-background, var(--_surface));
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_status, var(--_border));
      border-radius: var(--_radius-m);
      color: var(--_text);
      min-width: 0;
    }
    .card.merged {
      border-style: dashed;
    }

    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-xs);
      align-items: center;
    }
    .mine {
      font-size: 0.8em;
      color: var(--_text-quiet);
    }

    .heading {
      margin: 0;
      font-size: 1rem;
      font-weight: 600;
      line-height: 1.35;
    }
    .open {
      display: inline;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    .open:hover {
      color: var(--_accent);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }

    .excerpt {
      margin: 0;
      color: var(--_text);
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--lenig-idea-card-excerpt-lines, 3);
      line-clamp: var(--lenig-idea-card-excerpt-lines, 3);
      overflow: hidden;
      overflow-wrap: anywhere;
      line-height: 1.45;
      font-size: 0.9375em;
    }

    .meta,
    .owner {
      margin: 0;
      color: var(--_text-quiet);
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .meta time {
      white-space: nowrap;
    }
    .owner.none {
      font-style: italic;
    }
    .name-skeleton {
      vertical-align: middle;
    }

    .note {
      margin: var(--_space-xs) 0 0;
      padding: var(--_space-xs) var(--_space-s);
      border-radius: var(--_radius-s);
      background: var(--_surface-raised);
      border-inline-start: 3px solid var(--_status, var(--_border));
      font-size: 0.875em;
    }
    .note-head {
      margin: 0;
      color: var(--_text-quiet);
      font-size: 0.9em;
    }
    .note-head strong {
      color: var(--_text);
      font-weight: 600;
    }
    .note-text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 4;
      line-clamp: 4;
      overflow: hidden;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-xs);
      margin-top: var(--_space-xs);
      margin-inline: calc(var(--_space-xs) * -1);
    }
    .comments {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      min-height: 2rem;
      padding: 0 var(--_space-s);
      border: 0;
      border-radius: var(--_radius-m);
      background: none;
      color: var(--_text-quiet);
      cursor: pointer;
      font-size: 0.9em;
    }
    .comments:hover {
      background: var(--_surface-raised);
      color: var(--_text);
    }
    .comments svg {
      width: 1.1em;
      height: 1.1em;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linejoin: round;
    }
  `,
];
