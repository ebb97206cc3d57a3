import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What a widget says to screen readers through its polite live region (`role="status"`), which the
 * host renders with `announcer.text` inside. `announce()` empties the region first and fills it after
 * the next render, so the same sentence twice in a row ("Posted", "Posted") is read both times.
 */
export class AnnouncerController implements ReactiveController {
  /** The sentence in the live region now. */
  text = '';
  private seq = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.seq++;
    this.text = '';
  }

  /** Says `message`; resolves once it is in the live region. */
  async announce(message: string): Promise<void> {
    const seq = ++this.seq;
    this.text = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    // A newer announcement (or a disconnect) meanwhile wins.
    if (seq !== this.seq) return;
    this.text = message;
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  /** Empties the live region. */
  clear(): void {
    this.seq++;
    this.text = '';
    this.host.requestUpdate();
  }
}
