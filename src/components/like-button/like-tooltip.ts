import { css } from 'lit';

export { AnchoredPopoverController, TOOLTIP_PLACEMENT } from '../../controllers/popover.js';

/**
 * The "liked by" tooltip's look, which comes with its placement code at the first hover or focus: a
 * like control adds it to its host's shadow root before the tooltip first shows (until then the tooltip
 * is hidden, see likeControlStyles; its text is the button's description all along). Pages with like
 * buttons nobody points at never fetch it.
 */
const tooltipStyles = css`
  /* The tooltip lives in the top layer (popover) so a clipping SharePoint column cannot cut it off;
     without popover support it falls back to sitting above the button. */
  .like .tip {
    position: absolute;
    bottom: calc(100% + 6px);
    left: 0;
    z-index: 10;
    width: max-content;
    max-width: min(18rem, calc(100vw - 16px));
    padding: var(--_space-xs) var(--_space-s);
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--lenig-like-button-tooltip-background, var(--_surface-raised));
    color: var(--_text);
    font-family: var(--lenig-font-family, inherit);
    font-size: 0.875em;
    line-height: 1.35;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    overflow-wrap: anywhere;
  }
  .like .tip.open {
    display: block;
  }
  .like .tip:popover-open {
    position: fixed;
    inset: auto;
    display: block;
  }
  .like .tip .invite {
    display: block;
    font-weight: 600;
  }
`;

/** Adds the tooltip's look to `root` (a like control's host's shadow root), once. */
export function styleTooltip(root: ShadowRoot): void {
  const sheet = tooltipStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
