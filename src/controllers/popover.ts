import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { supportsPopover } from './popover-support.js';

export { supportsPopover };

export interface AnchoredPopoverOptions {
  /** The element the popup belongs to (a button). */
  anchor: () => HTMLElement | null | undefined;
  /** The popup, rendered with `popover="manual"` where supported. */
  popup: () => HTMLElement | null | undefined;
  /** The side the popup prefers: `block-start` (above, a tooltip) or `block-end` (below, a panel). */
  side: 'block-start' | 'block-end';
  /** Which edges line up: the popup's and the anchor's inline start, or their inline end. */
  align: 'start' | 'end';
  /** Room the popup needs on its preferred side before it moves to the other. Default: its height. */
  need?: number;
  /** Space between anchor and popup, and between popup and viewport edge (px). */
  gap?: number;
  edge?: number;
  /** Sets `--_room` on the popup: the height available on the chosen side (for a scrolling panel). */
  room?: { min: number };
  /** Escape pressed anywhere on the page while open; return true when it was handled (then it goes no further). */
  onEscape?: () => boolean;
  /** A pointer went down outside the host while open. */
  onOutsidePointer?: (e: PointerEvent) => void;
}

/** Where the two kinds of popup sit. A tooltip: above its button, start edges lined up, close to the edge. */
export const TOOLTIP_PLACEMENT = { side: 'block-start', align: 'start', gap: 6, edge: 4 } as const satisfies Partial<AnchoredPopoverOptions>;
/**
 * A panel (the notifications list): below its button, end edges lined up (a bell sits at the end of a
 * bar), above when there is more room there; `room` lets it scroll within the height it gets.
 */
export const PANEL_PLACEMENT = { side: 'block-end', align: 'end', need: 240, gap: 6, edge: 8, room: { min: 160 } } as const satisfies Partial<AnchoredPopoverOptions>;

/**
 * A popup anchored to an element: the "liked by" tooltip and the notifications panel. Shown in the
 * browser's top layer (Popover API), so an intranet column with `overflow: hidden` cannot clip it, and
 * placed next to its anchor with logical properties (`inset-inline-start`, `inset-block-start/end`), so a
 * right-to-left page mirrors it. Placement is set through the CSSOM, which a strict `style-src` policy
 * allows. While open it follows scrolling and resizing; the listeners go when it closes or the host
 * disconnects.
 */
export class AnchoredPopoverController implements ReactiveController {
  private shown = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AnchoredPopoverOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.listen(false);
    this.shown = false;
  }

  /** Whether the popup is showing. */
  get open(): boolean {
    return this.shown;
  }

  /** Shows the popup (or keeps it shown) and places it. */
  show(): void {
    const popup = this.options.popup();
    if (!popup) return;
    if (!this.shown) {
      this.shown = true;
      this.listen(true);
    }
    if (!supportsPopover) {
      popup.classList.add('open');
      return;
    }
    if (!popup.matches(':popover-open')) popup.showPopover();
    this.place();
  }

  /** Hides the popup. */
  hide(): void {
    if (this.shown) {
      this.shown = false;
      this.listen(false);
    }
    const popup = this.options.popup();
    if (!popup) return;
    if (!supportsPopover) popup.classList.remove('open');
    else if (popup.matches(':popover-open')) popup.hidePopover();
  }

  /** Puts the popup next to its anchor again (after its content changed size). */
  place(): void {
    const popup = this.options.popup();
    const anchor = this.options.anchor();
    if (!this.shown || !supportsPopover || !popup || !anchor) return;
    const { gap = 6, edge = 8, side, align } = this.options;
    const a = anchor.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    const width = popup.offsetWidth;
    const height = popup.offsetHeight;
    const rtl = getComputedStyle(anchor).direction === 'rtl';

    // Inline axis, measured from the inline-start edge of the viewport.
    const anchorStart = rtl ? vw - a.right : a.left;
    const anchorEnd = rtl ? vw - a.left : a.right;
    let start = align === 'end' ? anchorEnd - width : anchorStart;
    if (align === 'end' && start < edge) start = anchorStart;
    start = Math.max(edge, Math.min(start, vw - width - edge));

    // Block axis: the preferred side while it has the room (or more room than the other side).
    const before = a.top - gap - edge;
    const after = vh - a.bottom - gap - edge;
    const need = this.options.need ?? height;
    const preferred = side === 'block-start' ? before : after;
    const other = side === 'block-start' ? after : before;
    const onPreferred = preferred >= need || preferred >= other;
    const above = side === 'block-start' ? onPreferred : !onPreferred;

    const s = popup.style;
    s.setProperty('inset-inline-start', `${Math.round(start)}px`);
    s.setProperty('inset-inline-end', 'auto');
    if (above) {
      s.setProperty('inset-block-start', 'auto');
      s.setProperty('inset-block-end', `${Math.round(vh - a.top + gap)}px`);
    } else {
      s.setProperty('inset-block-start', `${Math.round(a.bottom + gap)}px`);
      s.setProperty('inset-block-end', 'auto');
    }
    if (this.options.room) s.setProperty('--_room', `${Math.round(Math.max(this.options.room.min, above ? before : after))}px`);
  }

  private listen(on: boolean): void {
    if (on) {
      window.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
      window.addEventListener('resize', this.onViewportChange, { passive: true });
      if (this.options.onEscape) document.addEventListener('keydown', this.onKeydown, true);
      if (this.options.onOutsidePointer) document.addEventListener('pointerdown', this.onPointerDown, true);
    } else {
      window.removeEventListener('scroll', this.onViewportChange, { capture: true });
      window.removeEventListener('resize', this.onViewportChange);
      document.removeEventListener('keydown', this.onKeydown, true);
      document.removeEventListener('pointerdown', this.onPointerDown, true);
    }
  }

  private readonly onViewportChange = (): void => this.place();

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.shown) return;
    // Only swallowed when it did something, so a dialog around the anchor still closes on the next one.
    if (this.options.onEscape?.()) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  private readonly onPointerDown = (e: PointerEvent): void => {
    if (!this.shown || e.composedPath().includes(this.host)) return;
    this.options.onOutsidePointer?.(e);
  };
}
