import { css } from 'lit';
import { fieldBox, panel } from '../../styles/shared.js';

export const composerStyles = [
  panel('form, .skeleton, .sign-in'),
  css`
  .lenig {
    --_min-height: var(--lenig-composer-min-height, 6rem);
    --_max-height: var(--lenig-composer-max-height, 20rem);
    --_listbox-max-height: var(--lenig-composer-listbox-max-height, 16rem);
    --_warn: light-dark(#8a5300, #f0b35a);
    container-type: inline-size;
    color: var(--_text);
  }

  .label {
    font-weight: 600;
    font-size: 1.0625rem;
  }

  .small-label {
    font-size: 0.875rem;
    color: var(--_text-quiet);
  }

  .row .message {
    flex-basis: 100%;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }

  ${fieldBox('select, input, textarea')}

  select {
    min-height: 2rem;
    padding: 0 var(--_space-s);
    max-width: 100%;
  }

  .title-field {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_space-xs) var(--_space-s);
    align-items: center;
  }
  .title-field .small-label {
    grid-column: 1 / -1;
  }
  .title-field input {
    min-height: 2.25rem;
    padding: 0 var(--_space-s);
    min-width: 0;
  }
  .title-field .message {
    grid-column: 1 / -1;
  }

  .field {
    position: relative;
  }

  textarea {
    display: block;
    width: 100%;
    min-height: var(--_min-height);
    max-height: var(--_max-height);
    /* Grows with its text where the browser can; otherwise the reader drags the corner. */
    field-sizing: content;
    resize: vertical;
    padding: var(--_space-s);
    line-height: 1.45;
  }
  textarea::placeholder,
  input::placeholder {
    color: var(--_text-quiet);
    opacity: 1;
  }
  textarea[readonly],
  input[readonly] {
    color: var(--_text-quiet);
  }
  textarea[aria-invalid='true'],
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  [role='listbox'] {
    position: absolute;
    z-index: 10;
    top: calc(100% + 2px);
    left: 0;
    width: min(100%, 22rem);
    max-height: var(--_listbox-max-height);
    overflow-y: auto;
    margin: 0;
    padding: var(--_space-xs);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    box-shadow: 0 6px 20px light-dark(rgb(0 0 0 / 0.14), rgb(0 0 0 / 0.5));
  }
  [role='listbox'][hidden] {
    display: none;
  }

  .who {
    display: grid;
    min-width: 0;
  }
  .name,
  .job {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .job {
    font-size: 0.8125rem;
    color: var(--_text-quiet);
  }
  .option[aria-selected='true'] .job {
    color: inherit;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  .footer .button {
    margin-inline-start: auto;
    min-height: 2.25rem;
    font-weight: 600;
  }

  .count {
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
    color: var(--_text-quiet);
  }
  .count.warn {
    color: var(--_warn);
    font-weight: 600;
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .hint {
    font-size: 0.8125rem;
    color: var(--_text-quiet);
  }

  .message {
    margin: 0;
    font-size: 0.9375rem;
  }
  .message.error {
    color: var(--_danger);
  }
  .message.error::before {
    content: '⚠ ';
  }
  .mention-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin-block-start: var(--_space-s);
  }
  p.mention-status {
    color: var(--_text-quiet);
  }
  .message.offline {
    padding: var(--_space-s);
    border-radius: var(--_radius-s);
    background: color-mix(in srgb, var(--_warn) 14%, var(--_surface));
  }

  .sign-in {
    justify-items: start;
  }
  .sign-in p {
    margin: 0;
  }

  .notice p {
    margin: 0 0 var(--_space-s);
  }
  .notice p:last-child {
    margin-bottom: 0;
  }

  .bone {
    border-radius: var(--_radius-s);
  }
  .label-bone {
    width: 45%;
    height: 1.1rem;
  }
  .field-bone {
    height: var(--_min-height);
  }
  .button-bone {
    justify-self: end;
    width: 5rem;
    height: 2.25rem;
  }

  /* A narrow SharePoint column: the shortcut hint is the first thing to go. */
  @container (max-width: 360px) {
    .hint {
      display: none;
    }
    form {
      padding: var(--_space-s);
    }
  }

  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }
`,
];
