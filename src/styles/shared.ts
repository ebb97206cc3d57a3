import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Style fragments several widgets share, added to an element's `styles` after `tokens` (they use its
 * private `--_` variables). Each assigns no public token.
 */

/**
 * The loading placeholder's moving sheen: give a bone (a line, disc or bar standing in for content)
 * the class `shimmer`. Still for readers who ask for reduced motion. A bone's width is a class
 * (`w-30` … `w-95`), never an inline `style`, which a strict `style-src-attr` policy refuses.
 */
export const shimmer = css`
  .w-30 { width: 30%; }
  .w-40 { width: 40%; }
  .w-50 { width: 50%; }
  .w-60 { width: 60%; }
  .w-70 { width: 70%; }
  .w-80 { width: 80%; }
  .w-85 { width: 85%; }
  .w-90 { width: 90%; }
  .w-95 { width: 95%; }
  .shimmer {
    background: linear-gradient(90deg, var(--_surface-raised) 25%, var(--_border) 50%, var(--_surface-raised) 75%) 0 0 / 300% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: 0 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .shimmer {
      animation: none;
    }
  }
`;

/**
 * The `.offline` banner: a quiet box with an amber stripe whose colour the element's own public token
 * (e.g. `--lenig-feed-offline-color`) may change.
 */
export function offlineBanner(colorToken: `--lenig-${string}`): CSSResult {
  return css`
    .offline {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(${unsafeCSS(colorToken)}, light-dark(#9a6700, #d29922));
      border-radius: var(--_radius-m);
      background: var(--_surface-raised);
      font-size: 0.9em;
    }
  `;
}

/**
 * A multi-line text field that grows with its text (where the browser can) between the heights the
 * element sets on `textarea`, with its bold label and a red border while invalid.
 */
export const textField = css`
  label {
    font-weight: 600;
    font-size: 0.9em;
  }
  ${fieldBox('textarea')}
  textarea {
    width: 100%;
    field-sizing: content;
    padding: var(--_space-s);
    line-height: 1.5;
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;

/** One choice in a suggestion list (mentions, the assign and merge pickers): the active one is filled. */
export const listOption = css`
  .option {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-xs) var(--_space-s);
    border-radius: var(--_radius-s);
    cursor: pointer;
  }
  .option:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  /* Outlined as well as filled, so the active option stays visible in forced-colours mode. */
  .option[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    outline: 2px solid transparent;
  }
`;

/** A form's quiet hint and its error line. */
export const notes = css`
  .hint {
    color: var(--_text-quiet);
    font-size: 0.85em;
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
`;

/** A small form's row of controls, its hint and its error line (hidden while it says nothing). */
export const formNotes = [
  notes,
  css`
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-s);
    }
    .error:empty {
      display: none;
    }
  `,
];

/** A filter chip: a pill-shaped toggle button, filled while pressed (`aria-pressed="true"`). */
export const chip = css`
  .chip {
    min-height: 2rem;
    padding: 0 var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    font-size: 0.9em;
  }
  .chip:hover {
    background: var(--_surface-raised);
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
`;

/** `selector` as a vertical list without bullets: comments, cards. */
export function stack(selector: string): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--_space-s);
    }
  `;
}

/**
 * `selector` as a bordered panel on the widget's surface (forms, sign-in invitations, loading cards), or
 * on the raised surface (`raised`: items of a list such as the admin's reports, channels and people).
 */
export function panel(selector: string, surface: 'surface' | 'raised' = 'surface'): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      display: grid;
      gap: var(--_space-s);
      padding: var(--_space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
      background: ${surface === 'raised' ? css`var(--_surface-raised)` : css`var(--_surface)`};
    }
  `;
}

/** `selector` (a button) looking like a link in the text: "show the idea", "back to the board". */
export function linkButton(selector: string): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      padding: 0;
      border: 0;
      background: none;
      color: var(--_accent);
      font: inherit;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
  `;
}

/**
 * `selector` as a widget's outer box (the administration, insights): a bordered card on the widget's
 * surface whose parts stand in a grid a medium step apart.
 */
export function widgetBox(selector: string): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      display: grid;
      gap: var(--_space-m);
      padding: var(--_space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
      background: var(--_surface);
      color: var(--_text);
    }
  `;
}

/**
 * `selector` as a bordered column of parts a small step apart, with `space` of padding: the feed's
 * loading cards (`m`), the post card's report and delete panels (`s`).
 */
export function framedColumn(selector: string, space: 's' | 'm'): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      display: flex;
      flex-direction: column;
      gap: var(--_space-s);
      padding: ${space === 's' ? css`var(--_space-s)` : css`var(--_space-m)`};
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
    }
  `;
}

/**
 * `selector` as a row whose parts go to either end (a heading and its actions, a label and its counter),
 * wrapping when narrow; `align` lines them up across (`center`, or `baseline` for text of two sizes).
 */
export function spreadRow(selector: string, align: 'center' | 'baseline' = 'center'): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: ${unsafeCSS(align)};
      gap: var(--_space-s);
    }
  `;
}

/**
 * `selector` (a button) with its icon, label and count side by side on one line: the admin's tabs, a
 * post's actions. The element gives its height, padding, border and colours.
 */
export function inlineControl(selector: string): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-xs);
      cursor: pointer;
    }
  `;
}

/**
 * A segmented control: the `group` is one bordered pill of `option`s side by side, divided by lines,
 * the chosen one (`chosen`, e.g. `button[aria-pressed='true']` or `label:has(input:checked)`) filled with
 * the accent. `size` sets the corners and the options' padding. The element styles an option's inside.
 */
export function segmented(group: string, option: string, chosen: string, size: 's' | 'm'): CSSResult {
  const g = unsafeCSS(group);
  const o = unsafeCSS(option);
  return css`
    ${g} {
      display: inline-flex;
      border: 1px solid var(--_border);
      border-radius: ${size === 's' ? css`var(--_radius-s)` : css`var(--_radius-m)`};
      overflow: hidden;
    }
    ${g} ${o} {
      min-height: 2rem;
      padding: 0 ${size === 's' ? css`var(--_space-s)` : css`var(--_space-m)`};
      cursor: pointer;
    }
    ${g} ${o} + ${o} {
      border-inline-start: 1px solid var(--_border);
    }
    ${g} ${unsafeCSS(chosen)} {
      background: var(--_accent);
      color: var(--_on-accent);
    }
  `;
}

/** The colours and border of a form field (`input`, `textarea`, `select`); the element sizes it. */
export function fieldBox(selector: string): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-s);
    }
  `;
}

/** A grey bar standing in for a person's name while their profile loads, `width` long and `height` high. */
export function nameBone(selector: string, width: `${number}em`, height: `${number}em`): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      display: inline-block;
      width: ${unsafeCSS(width)};
      height: ${unsafeCSS(height)};
      border-radius: var(--_radius-s);
      background: var(--_border);
    }
  `;
}
