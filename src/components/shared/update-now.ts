import type { ReactiveElement } from 'lit';

/**
 * Runs `el`'s pending update now rather than in the microtask Lit schedules it for, then those of the
 * elements matching `inner` that this made (Lit documents calling `performUpdate()` for exactly this: an
 * update needed synchronously). The update Lit queued then finds nothing to do. One level: the inner
 * elements' own first renders make no more of them (a card holds no cards), and looking inside each of
 * a feed's cards for some was a query per card.
 *
 * A container whose data is already there when it is attached uses it, so that it is complete — cards,
 * names, like buttons — when `append()` returns: a host page that measures it, or the same task's layout,
 * sees the whole feed instead of an empty box and a frame later the cards.
 */
export function updateNow(el: ReactiveElement, inner?: string): void {
  if (el.isUpdatePending) (el as unknown as { performUpdate(): void }).performUpdate();
  if (!inner) return;
  for (const child of el.renderRoot.querySelectorAll<ReactiveElement>(inner)) updateNow(child);
}
