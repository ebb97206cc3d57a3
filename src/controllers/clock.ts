import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The one timer every clock on the page shares; its tick is the finest period any clock asks for. */
const TICK_MS = 30_000;

interface Ticker {
  clocks: Set<ClockController>;
  timer: ReturnType<typeof setInterval> | undefined;
}

const ticker: Ticker = { clocks: new Set(), timer: undefined };

function join(clock: ClockController): void {
  ticker.clocks.add(clock);
  ticker.timer ??= setInterval(() => {
    const now = new Date();
    for (const c of ticker.clocks) c.tick(now);
  }, TICK_MS);
}

function leave(clock: ClockController): void {
  ticker.clocks.delete(clock);
  if (ticker.clocks.size === 0 && ticker.timer !== undefined) {
    clearInterval(ticker.timer);
    ticker.timer = undefined;
  }
}

/** How many clocks are running on the page (for tests and diagnostics). */
export function runningClocks(): number {
  return ticker.clocks.size;
}

export interface ClockOptions {
  /** How often `now` moves on, in ms (rounded up to the shared tick of 30 s). Default 30 s. */
  period?: number;
  /** While this says false the clock stands still (e.g. a closed panel shows no times). */
  when?: () => boolean;
}

/**
 * "Now", for relative times ("3 minutes ago"): moves on every `period` while the host is connected and
 * re-renders it. Every clock on the page runs on one shared timer, so a page with a feed, an idea board
 * and a bell has one interval, not three, and none once they are gone.
 */
export class ClockController implements ReactiveController {
  now = new Date();
  private readonly period: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ClockOptions = {},
  ) {
    this.period = Math.max(TICK_MS, options.period ?? TICK_MS);
    host.addController(this);
  }

  hostConnected(): void {
    this.now = new Date();
    join(this);
  }

  hostDisconnected(): void {
    leave(this);
  }

  /** Sets `now` to the present at once (e.g. when a panel opens) and re-renders the host. */
  refresh(): void {
    this.now = new Date();
    this.host.requestUpdate();
  }

  /** Called by the shared timer. */
  tick(now: Date): void {
    if (this.options.when && !this.options.when()) return;
    // A little slack, so a 60 s clock moves on every second tick rather than every third.
    if (now.getTime() - this.now.getTime() < this.period - 1000) return;
    this.now = now;
    this.host.requestUpdate();
  }
}
