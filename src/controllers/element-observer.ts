import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What ResizeObserver and IntersectionObserver have in common. */
interface ElementObserver {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

/**
 * One element of the host's shadow tree watched by an observer (the feed's infinite-scroll sentinel, the
 * chart's frame), which a re-render may replace. The observer is made on first use and disconnected in
 * `hostDisconnected`, so a host taken off the page holds no observer.
 */
export class ElementObserverController<O extends ElementObserver> implements ReactiveController {
  private observer: O | undefined;
  private observed: Element | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly create: () => O,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = null;
  }

  /** Watches `element` (null: nothing) instead of the one before; the same element again changes nothing. */
  observe(element: Element | null): void {
    if (element === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = element;
    if (!element) return;
    this.observer ??= this.create();
    this.observer.observe(element);
  }

  /** Watches the same element afresh, so an IntersectionObserver reports where it is now once more. */
  again(): void {
    if (!this.observer || !this.observed) return;
    this.observer.unobserve(this.observed);
    this.observer.observe(this.observed);
  }
}
