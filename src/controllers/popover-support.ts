/**
 * Whether this browser has the Popover API (top layer); without it the popup gets the class `open`.
 * A module of its own so that an element can render its popup before it loads the placement code
 * (controllers/popover.ts), which it may do only when the popup is first wanted.
 */
export const supportsPopover = typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';
