import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LOAD_NOTICE_MS } from '../components/shared/lenig-element.js';

/**
 * The writes a widget has sent and the store has not answered yet. The Firebase SDKs never give up on a
 * write: while the connection looks up but the service does not answer (a stalled network, a proxy
 * holding the socket, an overloaded server), "Sending…" would stay for ever. Past LOAD_NOTICE_MS (the
 * bound every widget keeps for a first load) `late` turns true, the host renders again and `onLate` runs
 * (to announce it); `late` turns false when the last watched write settles. Writes at once count as one
 * wait, from the first.
 */
export class WriteWaitController implements ReactiveController {
  /** A watched write has waited longer than the bound and is still open. */
  late = false;
  private open = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onLate: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page while a write was open: its wait goes on from the start of the bound.
    if (this.open && !this.late) this.start();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Watches `write` until it settles, and hands it back. */
  watch<T>(write: Promise<T>): Promise<T> {
    if (!this.open++) this.start();
    const settled = () => {
      if (--this.open) return;
      clearTimeout(this.timer);
      this.late = false;
      this.host.requestUpdate();
    };
    write.then(settled, settled);
    return write;
  }

  private start(): void {
    this.timer = setTimeout(() => {
      this.late = true;
      this.host.requestUpdate();
      this.onLate();
    }, LOAD_NOTICE_MS);
  }
}
