import { emit, type DetailOf, type LenigEventName } from './events.js';

/**
 * The container's side of the one event contract. A leaf's request (`lenig-like-toggle`,
 * `lenig-sign-in-request` …) stops at the container that acts on it, is fired again, cancelable, from the
 * container's own element, and `act` runs only when nobody called `preventDefault()` there. A refused
 * request is refused at the leaf too, so a leaf that waits for an answer knows. Returns whether it acted.
 */
export function relay<K extends LenigEventName>(host: EventTarget, event: GlobalEventHandlersEventMap[K] & CustomEvent<DetailOf<K>>, act: (detail: DetailOf<K>) => void): boolean {
  event.stopPropagation();
  if (!emit(host, event.type as K, event.detail, { cancelable: true })) {
    event.preventDefault();
    return false;
  }
  act(event.detail);
  return true;
}
