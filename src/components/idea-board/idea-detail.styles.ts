import { css } from 'lit';
import { fieldBox, linkButton, listOption, notes } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { richTextStyles } from '../shared/rich-text.js';
import { statusStyles } from '../idea-card/idea-card.styles.js';

/** The combobox of the assign and merge pickers, in the composer's mention-list look. */
export const comboboxStyles = css`
  .combo {
    position: relative;
  }
  .combo input {
    width: 100%;
  }
  .listbox {
    position: absolute;
    z-index: 10;
    top: calc(100% + 2px);
    left: 0;
    width: 100%;
    max-height: 16rem;
    overflow-y: auto;
    padding: var(--_space-xs);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    box-shadow: 0 6px 20px light-dark(rgb(0 0 0 / 0.14), rgb(0 0 0 / 0.5));
  }
  .listbox[hidden] {
    display: none;
  }
  .option[aria-selected='true'] .status-badge,
  .option[aria-selected='true'] .quiet {
    color: inherit;
  }
  .option-main {
    display: grid;
    min-width: 0;
    flex: 1;
  }
  .option-main > span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .combo-empty {
    margin: var(--_space-xs) 0 0;
    color: var(--_text-quiet);
    font-size: 0.875em;
  }
  .combo-empty:empty {
    margin: 0;
  }
`;

/** Form fields shared by the board's submit form and the detail's management forms (after `notes`). */
export const fieldStyles = css`
  label,
  .label {
    font-weight: 600;
    font-size: 0.9375em;
  }
  ${fieldBox("input[type='text'], textarea, select")}
  input[type='text'],
  textarea,
  select {
    padding: var(--_space-xs) var(--_space-s);
    min-height: 2.25rem;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    resize: vertical;
    line-height: 1.45;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    margin: 0;
  }
  .quiet {
    color: var(--_text-quiet);
  }
`;

export const ideaDetailStyles = [
  tokens,
  statusStyles,
  richTextStyles,
  notes,
  fieldStyles,
  listOption,
  comboboxStyles,
  linkButton('.link'),
  css`
    .detail {
      display: flex;
      flex-direction: column;
      gap: var(--_space-m);
      min-width: 0;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-xs);
      align-items: center;
    }
    .heading {
      margin: 0;
      font-size: 1.25rem;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }
    /* Focus lands on the title when the dialog opens, for screen readers; it is not a control, so no ring. */
    .heading:focus,
    .heading:focus-visible {
      outline: none;
    }
    .meta {
      margin: 0;
      color: var(--_text-quiet);
      font-size: 0.9em;
    }
    .text {
      margin: 0;
    }
    .merged,
    .closed {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius-m);
      background: var(--_surface-raised);
    }
    .link {
      font-weight: 600;
    }
    .vote-row {
      display: flex;
      align-items: center;
      gap: var(--_space-s);
    }

    section,
    .comments {
      display: flex;
      flex-direction: column;
      gap: var(--_space-s);
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    h3:focus {
      outline: none;
    }

    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 var(--_space-s);
      border-inline-start: 2px solid var(--_border);
      display: flex;
      flex-direction: column;
      gap: var(--_space-s);
    }
    .timeline li {
      position: relative;
      padding-inline-start: var(--_space-m);
      display: grid;
      gap: 0.15rem;
    }
    .timeline li::before {
      content: '';
      position: absolute;
      inset-inline-start: calc(-1 * var(--_space-s) - 6px);
      top: 0.45em;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--_status, var(--_border));
      border: 2px solid var(--_surface);
    }
    .entry-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-xs) var(--_space-s);
      font-size: 0.9em;
    }
    .entry-head time {
      color: var(--_text-quiet);
      white-space: nowrap;
    }
    .entry-note {
      margin: 0;
      padding: var(--_space-xs) var(--_space-s);
      background: var(--_surface-raised);
      border-radius: var(--_radius-s);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .manage {
      padding: var(--_space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
      background: var(--_surface-raised);
      gap: var(--_space-m);
    }
    .manage form,
    .manage .field {
      display: grid;
      gap: var(--_space-xs);
    }
    .manage select {
      justify-self: start;
    }
    .manage .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s);
      align-items: center;
    }
    .confirm {
      display: grid;
      gap: var(--_space-s);
      padding: var(--_space-s) var(--_space-m);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius-m);
      background: var(--_surface);
    }
    .confirm p {
      margin: 0;
    }
    .button.danger {
      background: var(--_danger);
      border-color: var(--_danger);
      color: var(--_on-accent);
    }
    .current-owner {
      margin: 0;
      font-size: 0.9em;
    }
    .skeleton-line {
      width: 60%;
      height: 0.9rem;
      border-radius: var(--_radius-s);
      background: var(--_border);
    }
  `,
];
