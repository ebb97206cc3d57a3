import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Items added to the window per frame beyond those in the viewport. */
const STEP = 3;
/** Measurements made while scrolling re-render this long after the last scroll event. */
const SETTLE_MS = 150;

/** One piece of a windowed list: an item to render, or a gap standing in for the items it replaces. */
export type WindowSegment<T> = { key: string; item: T; index: number; gap?: undefined } | { key: string; gap: number; item?: undefined };

export interface WindowingOptions {
  /** Lists up to this many items are rendered whole (every item in the DOM). */
  from: () => number;
  /** The element whose children are the rendered items (each with `data-id`) and gaps. */
  container: () => HTMLElement | null;
  /** Size in px of an item not measured yet, until some are measured (then their mean). */
  estimate: number;
}

/**
 * Keeps a long list's DOM bounded: only the items near the viewport are rendered, with gaps the height of
 * the items they replace, so the scroll height and the scrollbar stay those of the whole list. Items are
 * measured as they render (ResizeObserver) and their sizes remembered by key; one item can be pinned
 * (the focused one), which stays rendered wherever the window goes.
 *
 * The window follows the viewport: it re-renders when the viewport comes within half a screen of its edge
 * and then covers a screen either side. A scroll of any ancestor counts (scroll events captured at the
 * document).
 *
 * A frame renders only what it must: the items in the viewport, plus at most `STEP` more towards that
 * screen either side, and the next frames add the rest a few at a time. A jump (a scrollbar drag, a fling,
 * End) renders just the viewport's items, so a fast scroll creates a screen of items per frame rather than
 * three. While the reader scrolls, new measurements wait until the scrolling stops (or the next render
 * the scroll brings), so a frame lays its items out once rather than again for their measured heights.
 */
export class WindowingController implements ReactiveController {
  /** Measured block size of each item, by key. */
  private readonly sizes = new Map<string, number>();
  private measuredSum = 0;
  /** Offsets of the items of the last render from the container's top: `prefix[i]` is where item i starts. */
  private prefix = new Float64Array(1);
  private count = 0;
  /** The container's row gap (read once, again after a resize: reading it forces a style recalculation). */
  private gap = NaN;
  private start = 0;
  private end = 0;
  private observer: ResizeObserver | undefined;
  private observed = new WeakSet<Element>();
  /** The viewport's top at the last placement, for the direction of scrolling. */
  private lastTop = 0;
  /** When the last scroll event came (performance.now()). */
  private scrolledAt = -Infinity;
  /** A frame that goes on filling the window, or a timer that renders measurements after a scroll. */
  private fillFrame = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the last slice was windowed (the list longer than `from`). */
  active = false;

  private readonly onScroll = (): void => {
    this.scrolledAt = performance.now();
    if (this.active && !this.covers()) this.host.requestUpdate();
  };

  private readonly onResize = (): void => {
    this.gap = NaN;
    this.onScroll();
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: WindowingOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onResize, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onResize);
    cancelAnimationFrame(this.fillFrame);
    this.fillFrame = 0;
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.gap = NaN;
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = new WeakSet();
  }

  hostUpdated(): void {
    if (!this.active) return;
    const container = this.options.container();
    if (!container) return;
    this.observer ??= new ResizeObserver((entries) => this.measured(entries));
    for (const el of container.children) {
      if (!el.hasAttribute('data-id') || this.observed.has(el)) continue;
      this.observed.add(el);
      this.observer.observe(el);
    }
  }

  /**
   * What to render of `items`: all of them up to `from`, else the window around the viewport (and the
   * item keyed `pinned`) with gaps between. Call it from `render()`.
   */
  slice<T>(items: readonly T[], keyOf: (item: T) => string, pinned?: string): WindowSegment<T>[] {
    const n = items.length;
    this.active = n > this.options.from();
    if (!this.active) return items.map((item, index) => ({ key: keyOf(item), item, index }));
    if (Number.isNaN(this.gap)) {
      const container = this.options.container();
      if (container) this.gap = parseFloat(getComputedStyle(container).rowGap) || 0;
    }
    const gap = this.gap || 0;
    const mean = this.sizes.size ? this.measuredSum / this.sizes.size : this.options.estimate;
    if (this.prefix.length !== n + 1) this.prefix = new Float64Array(n + 1);
    // No array of keys: this runs on every render of a scroll, over every item, and garbage while
    // scrolling is collected in the frames the scroll needs.
    let pin = -1;
    for (let i = 0; i < n; i++) {
      const key = keyOf(items[i]!);
      if (key === pinned) pin = i;
      this.prefix[i + 1] = this.prefix[i]! + (this.sizes.get(key) ?? mean) + gap;
    }
    this.count = n;
    if (!this.covers()) this.place();

    const ranges: [number, number][] = [[this.start, this.end]];
    if (pin >= 0 && (pin < this.start || pin >= this.end)) ranges.push([pin, pin + 1]);
    ranges.sort((a, b) => a[0] - b[0]);
    const out: WindowSegment<T>[] = [];
    let at = 0;
    for (const [from, to] of ranges) {
      // Gaps keyed by what they follow, so a gap is reused rather than moved about.
      if (from > at) out.push({ key: `\u0000gap:${at}`, gap: this.span(at, from) });
      for (let i = from; i < to; i++) out.push({ key: keyOf(items[i]!), item: items[i]!, index: i });
      at = to;
    }
    if (at < n) out.push({ key: '\u0000gap:end', gap: this.span(at, n) });
    return out;
  }

  // --- internals -------------------------------------------------------------------------------------

  /** Height of items `from`..`to`-1 laid out in a column with `gap` between. */
  private span(from: number, to: number): number {
    return this.prefix[to]! - this.prefix[from]! - (this.gap || 0);
  }

  /** The viewport, in px from the top of the list. */
  private view(): [number, number] {
    const top = (this.options.container() ?? this.host).getBoundingClientRect().top;
    return [-top, window.innerHeight - top];
  }

  /** Whether the rendered window covers the viewport and half a screen beyond each side. */
  private covers(): boolean {
    const n = this.count;
    if (this.end <= this.start || this.end > n) return false;
    const [top, bottom] = this.view();
    const margin = window.innerHeight / 2;
    return (this.start === 0 || this.prefix[this.start]! <= top - margin) && (this.end === n || this.prefix[this.end]! >= bottom + margin);
  }

  /**
   * Moves the window towards covering the viewport and a screen beyond each side: the viewport's items
   * now, with what is already rendered there, and at most `STEP` more (none after a jump); while it falls
   * short, the next frame goes on.
   */
  private place(): void {
    const n = this.count;
    const [top, bottom] = this.view();
    const screen = window.innerHeight;
    const [wantStart, wantEnd] = this.range(top - screen, bottom + screen);
    const [viewStart, viewEnd] = this.range(top, bottom);
    const down = top >= this.lastTop;
    this.lastTop = top;
    let start = viewStart;
    let end = Math.max(viewEnd, viewStart);
    // What is rendered already and still wanted stays, joined to the viewport's items if they touch.
    const keepStart = Math.max(this.start, wantStart);
    const keepEnd = Math.min(this.end, wantEnd, n);
    const joined = keepStart < keepEnd && keepStart <= end && keepEnd >= start;
    if (joined) {
      start = Math.min(start, keepStart);
      end = Math.max(end, keepEnd);
    }
    // A few more towards the screen either side, the way the reader is going first; all of them the first
    // time, none after a jump.
    let budget = this.end <= this.start ? Infinity : joined ? STEP : 0;
    const grow = (forward: boolean) => {
      const more = Math.min(budget, forward ? wantEnd - end : start - wantStart);
      if (more <= 0) return;
      if (forward) end += more;
      else start -= more;
      budget -= more;
    };
    grow(down);
    grow(!down);
    start = Math.max(0, Math.min(start, n - 1));
    end = Math.min(n, Math.max(end, start + 1));
    this.start = start;
    this.end = end;
    if ((start > wantStart || end < wantEnd) && !this.fillFrame) this.fillLater();
  }

  /**
   * Goes on filling the window in a frame without scrolling: while the reader scrolls, each scroll's own
   * render places the window, and a fill on top would render twice in one frame.
   */
  private fillLater(): void {
    const scheduled = performance.now();
    this.fillFrame = requestAnimationFrame(() => {
      this.fillFrame = 0;
      if (!this.active || this.covers()) return;
      if (this.scrolledAt > scheduled) this.fillLater();
      else this.host.requestUpdate();
    });
  }

  /** The items that overlap `from`..`to` (px from the list's top): the first index and one past the last. */
  private range(from: number, to: number): [number, number] {
    const n = this.count;
    const gap = this.gap || 0;
    // The first index in lo..n whose `edge(i)` is at or past `y`.
    const search = (y: number, edge: (i: number) => number): number => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edge(mid) < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // First item ending at or below `from`; first item starting at or below `to`.
    const first = search(from, (i) => this.prefix[i + 1]! - gap);
    const last = search(to, (i) => this.prefix[i]!);
    return [first, Math.max(first, last)];
  }

  private measured(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const el = entry.target;
      if (!el.isConnected) {
        this.observer?.unobserve(el);
        this.observed.delete(el);
        continue;
      }
      const size = entry.borderBoxSize[0]?.blockSize ?? 0;
      const key = el.getAttribute('data-id');
      if (!size || key === null) continue;
      const old = this.sizes.get(key);
      if (old !== undefined && Math.abs(old - size) < 0.5) continue;
      this.measuredSum += size - (old ?? 0);
      this.sizes.set(key, size);
      changed = true;
    }
    if (!changed) return;
    // While the reader scrolls, the next render the scroll brings uses the new sizes; a render of its own
    // now would lay the frame out a second time. After the scrolling stops, one render places the gaps.
    const since = performance.now() - this.scrolledAt;
    if (since >= SETTLE_MS) {
      this.host.requestUpdate();
    } else if (this.settleTimer === undefined) {
      const settle = () => {
        const wait = SETTLE_MS - (performance.now() - this.scrolledAt);
        if (wait > 0) {
          this.settleTimer = setTimeout(settle, wait);
          return;
        }
        this.settleTimer = undefined;
        this.host.requestUpdate();
      };
      this.settleTimer = setTimeout(settle, SETTLE_MS - since);
    }
  }
}
