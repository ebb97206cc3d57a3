import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

/**
 * The like control's own rules, scoped to its wrapper `.like`, so a host that renders the control into
 * its shadow root (a post card) can take them alongside its own. The public tokens are only ever read.
 */
export const likeControlStyles = css`
    .like {
      display: inline-block;
      line-height: 1.2;
      /* Component tokens resolved once; the public ones are only ever read, never assigned here. */
      --_like-color: var(--lenig-like-button-color, var(--_text-quiet));
      --_like-active: var(--lenig-like-button-active-color, var(--_accent));
      --_like-active-bg: var(
        --lenig-like-button-active-background,
        color-mix(in srgb, var(--_like-active) 12%, transparent)
      );
      --_like-size: var(--lenig-like-button-icon-size, 1.25em);
      position: relative;
    }
    .like button {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-xs);
      /* 44px is the touch-target minimum; 2.25rem keeps it compact on desktop while still ≥ 24px. */
      min-height: 2.25rem;
      min-width: 2.75rem;
      padding: 0 var(--_space-s);
      /* A quiet outline, so a lone like button on a page still reads as a button. */
      border: 1px solid var(--lenig-like-button-border-color, var(--_border));
      border-radius: 999px;
      background: transparent;
      color: var(--_like-color);
      cursor: pointer;
      font-size: inherit;
      font-variant-numeric: tabular-nums;
      text-align: start;
      transition:
        background-color 120ms ease,
        color 120ms ease;
    }
    .like button:hover:not(:disabled, [aria-disabled='true']) {
      background: color-mix(in srgb, currentColor 8%, transparent);
    }
    .like button[aria-pressed='true'] {
      color: var(--_like-active);
      background: var(--_like-active-bg);
      border-color: color-mix(in srgb, var(--_like-active) 45%, transparent);
    }
    .like button:disabled {
      cursor: default;
    }
    .like.disabled > button {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .like svg {
      width: var(--_like-size);
      height: var(--_like-size);
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    /* The template holds both icons; the svg's class says which one shows. */
    .like svg.thumb .heart,
    .like svg.heart .thumb {
      display: none;
    }
    .like button[aria-pressed='true'] svg .shape {
      fill: currentColor;
    }
    @media (prefers-reduced-motion: no-preference) {
      .like button[aria-pressed='true'] svg {
        animation: like-pop 260ms ease-out;
      }
    }
    @keyframes like-pop {
      40% {
        transform: scale(1.25);
      }
    }
    .like .count:empty {
      display: none;
    }
    .like .label {
      color: var(--_accent);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .like .skeleton {
      display: inline-block;
      width: 1.5em;
      height: 0.9em;
      border-radius: var(--_radius-s);
      background: color-mix(in srgb, currentColor 18%, transparent);
    }
    @media (prefers-reduced-motion: no-preference) {
      .like .skeleton {
        animation: like-pulse 1.2s ease-in-out infinite;
      }
    }
    @keyframes like-pulse {
      50% {
        opacity: 0.45;
      }
    }
    .like.pending .count {
      opacity: 0.8;
    }

    /* Hidden until its look and placement code arrive (like-tooltip.ts), at the first hover or focus. */
    .like .tip {
      display: none;
    }
`;

export const likeViewStyles = [
  tokens,
  css`
    :host {
      display: inline-block;
      vertical-align: middle;
      line-height: 1.2;
    }
  `,
  likeControlStyles,
];
