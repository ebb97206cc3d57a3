import { css } from 'lit';
import { chip, linkButton, notes, offlineBanner, panel, segmented, shimmer, spreadRow, stack } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { statusStyles } from '../idea-card/idea-card.styles.js';
import { fieldStyles } from './idea-detail.styles.js';

export const ideaBoardStyles = [
  tokens,
  shimmer,
  offlineBanner('--lenig-idea-board-offline-color'),
  statusStyles,
  notes,
  fieldStyles,
  chip,
  panel('.share, .sign-in, .skeleton-card'),
  linkButton('.link'),
  stack('.cards'),
  spreadRow('.label-row', 'baseline'),
  segmented('.segmented', 'button', "button[aria-pressed='true']", 'm'),
  css`
    .lenig {
      --_column-width: var(--lenig-idea-board-column-width, 17rem);
      --_column-background: var(--lenig-idea-board-column-background, var(--_surface-raised));
      container-type: inline-size;
    }
    .board {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: var(--_space-m);
      min-width: 0;
    }

    .live:empty,
    .announce:empty {
      position: absolute;
    }

    /* --- the share form ---------------------------------------------------------------------------- */
    .share h3 {
      margin: 0;
      font-size: 1.0625rem;
    }
    .field {
      display: grid;
      gap: var(--_space-xs);
      min-width: 0;
    }
    .field input {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-s);
    }
    .waiting {
      margin: 0;
      font-size: 0.9em;
      color: var(--_text-quiet);
    }
    .sign-in p {
      margin: 0;
    }
    .sign-in .button {
      justify-self: start;
    }

    .similar {
      display: grid;
      gap: var(--_space-xs);
      padding: var(--_space-s) var(--_space-m);
      border: 1px solid color-mix(in srgb, var(--_accent) 45%, var(--_border));
      border-radius: var(--_radius-m);
      background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
    }
    .similar h4 {
      margin: 0;
      font-size: 0.9375em;
    }
    .similar ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space-xs);
    }
    .similar li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-xs) var(--_space-s);
    }
    .similar .similar-title {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .link {
      overflow-wrap: anywhere;
    }

    /* --- the toolbar ------------------------------------------------------------------------------- */
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-s) var(--_space-m);
    }
    .segmented button {
      border: 0;
      background: var(--_surface);
    }
    .control {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-xs);
      font-weight: 400;
      font-size: 0.9375em;
    }
    .control select {
      min-height: 2rem;
    }
    .chip {
      font-size: 0.9375em;
    }
    .sort-hint {
      flex-basis: 100%;
    }

    /* --- columns and list -------------------------------------------------------------------------- */
    .columns {
      position: relative;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(var(--_column-width), 1fr);
      gap: var(--_space-s);
      overflow-x: auto;
      overscroll-behavior-x: contain;
      scroll-snap-type: x proximity;
      padding-bottom: var(--_space-s);
      align-items: start;
    }
    /* In a narrow column of a page, a column takes most of the width and the next one peeks in. */
    @container (max-width: 36rem) {
      .columns {
        grid-auto-columns: min(85%, var(--_column-width));
        scroll-snap-type: x mandatory;
      }
    }
    .column {
      display: flex;
      flex-direction: column;
      gap: var(--_space-s);
      min-width: 0;
      padding: var(--_space-s);
      border-radius: var(--_radius-m);
      background: var(--_column-background);
      border-top: 4px solid var(--_status, var(--_border));
      scroll-snap-align: start;
    }
    .column-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space-s);
      margin: 0;
      padding: 0 var(--_space-xs);
      font-size: 0.9375rem;
    }
    .count {
      min-width: 1.6em;
      padding: 0 0.45em;
      border-radius: 999px;
      background: var(--_surface);
      border: 1px solid var(--_border);
      color: var(--_text-quiet);
      font-size: 0.85em;
      text-align: center;
      font-weight: 600;
    }
    .column-empty {
      margin: 0;
      padding: var(--_space-m) var(--_space-s);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius-m);
      color: var(--_text-quiet);
      font-size: 0.875em;
      text-align: center;
    }
    .list {
      gap: var(--_space-s);
    }

    .state {
      margin: 0;
    }
    .state.error,
    .state.filtered {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: var(--_space-s);
    }
    .state p {
      margin: 0;
    }

    .bone {
      height: 0.85rem;
      border-radius: var(--_radius-s);
    }
    .bone.title {
      height: 1.1rem;
    }

    /* --- the detail dialog ------------------------------------------------------------------------- */
    dialog {
      width: min(44rem, calc(100vw - 2rem));
      max-height: calc(100dvh - 2rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .dialog-bar {
      position: sticky;
      top: 0;
      z-index: 2;
      display: flex;
      justify-content: flex-end;
      padding: var(--_space-s) var(--_space-s) 0;
      background: var(--_surface);
    }
    .dialog-body {
      padding: 0 var(--_space-l) var(--_space-l);
    }
    @media (max-width: 30rem) {
      .dialog-body {
        padding: 0 var(--_space-m) var(--_space-m);
      }
    }
  `,
];
