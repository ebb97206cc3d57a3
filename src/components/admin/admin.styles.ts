import { css } from 'lit';
import { inlineControl, panel, spreadRow, widgetBox } from '../../styles/shared.js';
import { avatarStyles } from '../shared/avatar.js';
import { tokens } from '../../styles/tokens.js';

export const adminStyles = [
  tokens,
  avatarStyles,
  panel('.report, .channel, .person', 'raised'),
  widgetBox('.lenig'),
  inlineControl('.tab'),
  spreadRow('.activity-head'),
  css`
    .lenig {
      --_count: var(--lenig-admin-count-color, var(--_danger));
      line-height: 1.45;
    }
    .title {
      margin: 0;
      font-size: 1.125rem;
      font-weight: 600;
    }
    .subtitle {
      margin: var(--_space-m) 0 var(--_space-s);
      font-size: 1rem;
      font-weight: 600;
    }
    .quiet,
    .hint {
      color: var(--_text-quiet);
      font-size: 0.9em;
      margin: 0;
    }
    .deleted-channels {
      display: block;
      margin-top: var(--_space-xs);
    }
    .error-text {
      color: var(--_danger);
      font-size: 0.9em;
      margin: 0;
    }
    .error-text:empty {
      display: none;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    p {
      margin: 0;
    }

    /* tabs */
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-xs);
      border-bottom: 1px solid var(--_border);
    }
    .tab {
      min-height: 2.5rem;
      padding: 0 var(--_space-m);
      border: 0;
      border-bottom: 3px solid transparent;
      background: none;
      color: var(--_text-quiet);
    }
    .tab[aria-selected='true'] {
      border-bottom-color: var(--_accent);
      color: var(--_text);
      font-weight: 600;
    }
    .count {
      display: inline-grid;
      place-items: center;
      min-width: 1.4em;
      padding: 0 0.35em;
      border-radius: 999px;
      background: var(--_count);
      color: var(--_on-accent);
      font-size: 0.8em;
      font-weight: 600;
    }
    .panel {
      display: grid;
      gap: var(--_space-m);
    }
    .panel > .button {
      justify-self: start;
    }
    .panel:focus-visible {
      outline-offset: 4px;
    }

    /* reports */
    .reports,
    .channels,
    .people,
    .handled {
      display: grid;
      gap: var(--_space-s);
    }
    .handled li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--_space-xs) var(--_space-m);
      padding: var(--_space-s) 0;
      border-bottom: 1px solid var(--_border);
    }
    .label {
      font-weight: 600;
    }
    blockquote {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      border-inline-start: 3px solid var(--_border);
      background: var(--_surface);
      border-radius: var(--_radius-s);
      display: grid;
      gap: var(--_space-xs);
    }
    blockquote.comment {
      border-inline-start-color: var(--_danger);
    }
    .reported-text {
      display: grid;
      gap: var(--_space-xs);
    }
    blockquote.snapshot {
      border-inline-start-style: dashed;
    }
    .author {
      display: flex;
      align-items: center;
      gap: var(--_space-s);
      font-weight: 600;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .hidden-note {
      color: var(--_text-quiet);
      font-style: italic;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s);
      align-items: center;
    }
    .button.danger {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    .badge {
      display: inline-block;
      padding: 0 var(--_space-s);
      border: 1px solid var(--_border);
      border-radius: 999px;
      font-size: 0.8em;
      color: var(--_text-quiet);
    }

    /* channels and people */
    .channel,
    .person {
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: start;
    }
    .person {
      grid-template-columns: auto minmax(0, 1fr) auto;
    }
    .person .last {
      grid-column: 1 / -1;
    }
    .who {
      display: grid;
      gap: 2px;
      justify-items: start;
    }
    .channel > form {
      grid-column: 1 / -1;
    }

    /* what a person wrote */
    .activity {
      display: grid;
      gap: var(--_space-s);
      margin-top: var(--_space-m);
      padding: var(--_space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
    }
    .activity-head .subtitle {
      margin: 0;
    }
    .activity-list {
      display: grid;
      gap: var(--_space-s);
    }
    .activity-item {
      display: grid;
      gap: var(--_space-xs);
      justify-items: start;
      padding: var(--_space-s) 0;
      border-bottom: 1px solid var(--_border);
    }
    a.button {
      text-decoration: none;
      width: fit-content;
    }

    /* forms */
    form,
    .setup {
      display: grid;
      gap: var(--_space-m);
    }
    .field {
      display: grid;
      gap: 2px;
      max-width: 32rem;
    }
    label,
    legend {
      font-weight: 600;
      font-size: 0.9em;
    }
    input:not([type='checkbox']),
    select {
      min-height: 2.25rem;
      padding: 0 var(--_space-s);
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-s);
    }
    input[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    fieldset {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
      display: grid;
      gap: var(--_space-xs);
      max-width: 32rem;
    }
    fieldset[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    fieldset li {
      display: flex;
      align-items: center;
      gap: var(--_space-xs);
      min-height: 2rem;
    }
    fieldset li label {
      flex: 1;
      font-weight: normal;
      font-size: 1em;
      display: flex;
      gap: var(--_space-s);
      align-items: center;
    }
    .icon-button {
      width: 2rem;
      height: 2rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-s);
      background: var(--_surface);
      cursor: pointer;
    }
    .icon-button:disabled {
      opacity: 0.4;
      cursor: not-allowed;
    }
    .progress {
      display: grid;
      gap: var(--_space-xs);
      max-width: 32rem;
    }
    progress {
      width: 100%;
      accent-color: var(--_accent);
    }
    a {
      color: var(--_accent);
    }
  `,
];
