import { css } from 'lit';

/**
 * The global tokens, resolved once into private `--_` variables on each element's inner wrapper
 * (`.lenig`). Public tokens are never assigned on `:host`, so a page's `:root { --lenig-color-accent: … }`
 * always wins; the fallbacks follow `color-scheme` through `light-dark()`, so a dark page gets a dark
 * widget without a theme.
 *
 * @cssproperty --lenig-font-family - Font of every widget. Default: the page's own (`inherit`).
 * @cssproperty --lenig-color-text - Main text.
 * @cssproperty --lenig-color-text-quiet - Secondary text: times, counts, hints.
 * @cssproperty --lenig-color-surface - Background of a widget.
 * @cssproperty --lenig-color-surface-raised - Cards, menus and popovers.
 * @cssproperty --lenig-color-border - Borders and dividers.
 * @cssproperty --lenig-color-accent - Buttons, links, the active like.
 * @cssproperty --lenig-color-on-accent - Text on the accent colour.
 * @cssproperty --lenig-color-danger - Errors and destructive actions.
 * @cssproperty --lenig-space-xs - The smallest spacing step.
 * @cssproperty --lenig-space-s - The small spacing step.
 * @cssproperty --lenig-space-m - The medium spacing step.
 * @cssproperty --lenig-space-l - The largest spacing step.
 * @cssproperty --lenig-radius-s - The small corner radius.
 * @cssproperty --lenig-radius-m - Corner radius of cards and buttons.
 * @cssproperty --lenig-focus-ring - Outline of the focused control.
 */
export const tokens = css`
  :host {
    display: block;
    font-family: var(--lenig-font-family, inherit);
    /* Text settings a page sets on a container (a centred column, capitals, spaced letters) inherit into
       shadow roots: reset them. The font and the custom properties (the tokens) still inherit. */
    text-align: start; text-indent: 0; text-transform: none; letter-spacing: normal; word-spacing: normal;
    white-space: normal; font-style: normal; font-weight: normal; line-height: normal; text-shadow: none;
  }
  :host([hidden]) {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  .lenig,
  :host {
    --_text: var(--lenig-color-text, light-dark(#1f2328, #e6e6e6));
    --_text-quiet: var(--lenig-color-text-quiet, light-dark(#59636e, #a0a7b0));
    --_surface: var(--lenig-color-surface, light-dark(#ffffff, #1b1d21));
    --_surface-raised: var(--lenig-color-surface-raised, light-dark(#f6f8fa, #25282d));
    --_border: var(--lenig-color-border, light-dark(#d1d9e0, #3a3f46));
    --_accent: var(--lenig-color-accent, light-dark(#0f6cbd, #4ea1f3));
    --_on-accent: var(--lenig-color-on-accent, light-dark(#ffffff, #0b1a2a));
    --_danger: var(--lenig-color-danger, light-dark(#c4314b, #ff7b8a));
    --_space-xs: var(--lenig-space-xs, 0.25rem);
    --_space-s: var(--lenig-space-s, 0.5rem);
    --_space-m: var(--lenig-space-m, 1rem);
    --_space-l: var(--lenig-space-l, 1.5rem);
    --_radius-s: var(--lenig-radius-s, 0.25rem);
    --_radius-m: var(--lenig-radius-m, 0.5rem);
    --_focus-ring: var(--lenig-focus-ring, 2px solid var(--_accent));
    color: var(--_text);
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: inherit;
  }
  /* Written out rather than shared with styles/shared.ts's inlineControl: importing that module here
     would put every widget's shared fragments into the chunk the smallest widget loads. */
  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-height: 2rem;
    padding: 0 var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-m);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .notice {
    padding: var(--_space-m);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius-m);
    color: var(--_text-quiet);
    text-align: center;
  }
  .notice.error {
    border-style: solid;
    border-color: var(--_danger);
    color: var(--_danger);
  }
`;
