import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
 */
export class WindowingController implements ReactiveController {
  /** Measured block size of each item, by key. */
  private readonly sizes = new Map<string, number>();
  private measuredSum = 0;
  /** Offsets of the items of the last render from the container's top: `prefix[i]` is where item i starts. */
  private prefix = new Float64Array(1);
  private count = 0;
  private gap = 0;
  private start = 0;
  private end = 0;
  private observer: ResizeObserver | undefined;
  private observed = new WeakSet<Element>();
  /** Whether the last slice was windowed (the list longer than `from`). */
  active = false;

  private readonly onScroll = (): void => {
    if (this.active && !this.covers()) this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: WindowingOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
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
    const container = this.options.container();
    if (container) this.gap = parseFloat(getComputedStyle(container).rowGap) || 0;
    const keys = items.map(keyOf);
    const mean = this.sizes.size ? this.measuredSum / this.sizes.size : this.options.estimate;
    if (this.prefix.length !== n + 1) this.prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.prefix[i + 1] = this.prefix[i]! + (this.sizes.get(keys[i]!) ?? mean) + this.gap;
    this.count = n;
    if (!this.covers()) this.place();

    const pin = pinned === undefined ? -1 : keys.indexOf(pinned);
    const ranges: [number, number][] = [[this.start, this.end]];
    if (pin >= 0 && (pin < this.start || pin >= this.end)) ranges.push([pin, pin + 1]);
    ranges.sort((a, b) => a[0] - b[0]);
    const out: WindowSegment<T>[] = [];
    let at = 0;
    for (const [from, to] of ranges) {
      // Gaps keyed by what they follow, so a gap is reused rather than moved about.
      if (from > at) out.push({ key: `\u0000gap:${at}`, gap: this.span(at, from) });
      for (let i = from; i < to; i++) out.push({ key: keys[i]!, item: items[i]!, index: i });
      at = to;
    }
    if (at < n) out.push({ key: '\u0000gap:end', gap: this.span(at, n) });
    return out;
  }

  // --- internals -------------------------------------------------------------------------------------

  /** Height of items `from`..`to`-1 laid out in a column with `gap` between. */
  private span(from: number, to: number): number {
    return this.prefix[to]! - this.prefix[from]! - this.gap;
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

  /** Moves the window to cover the viewport and a screen beyond each side. */
  private place(): void {
    const n = this.count;
    const [top, bottom] = this.view();
    const from = top - window.innerHeight;
    const to = bottom + window.innerHeight;
    // First item ending below `from`; first item starting below `to`.
    const first = (y: number, lo = 0): number => {
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.prefix[mid + 1]! - this.gap < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const start = Math.min(first(from), n - 1);
    let end = start;
    while (end < n && this.prefix[end]! <= to) end++;
    this.start = Math.max(0, start);
    this.end = Math.max(end, this.start + 1);
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
    if (changed) this.host.requestUpdate();
  }
}
