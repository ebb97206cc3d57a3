import type { CategoryId, ChannelId } from '../../data/types.js';

/** What a reader had typed in a channel's composer, kept across reloads. */
export interface Draft {
  text: string;
  category?: CategoryId;
  title?: string;
}

/** The localStorage key of a channel's draft. */
export function draftKey(channel: ChannelId): string {
  return `lenig:draft:${channel}`;
}

/**
 * Reads a channel's draft. Storage can be missing (private mode, a sandboxed iframe), full, or hold
 * something unreadable; a draft is a convenience, so every such case is simply "no draft".
 */
export function loadDraft(channel: ChannelId): Draft | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(draftKey(channel));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Draft> | null;
    if (!value || typeof value.text !== 'string') return undefined;
    const draft: Draft = { text: value.text };
    if (typeof value.category === 'string') draft.category = value.category;
    if (typeof value.title === 'string') draft.title = value.title;
    return draft;
  } catch {
    return undefined;
  }
}

/** Saves a draft, or removes it when there is nothing worth keeping. Quota and access errors are ignored. */
export function saveDraft(channel: ChannelId, draft: Draft): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    if (!draft.text.trim() && !draft.title?.trim()) {
      storage.removeItem(draftKey(channel));
      return;
    }
    storage.setItem(draftKey(channel), JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // Full or forbidden storage: the text is still in the composer, which is what matters.
  }
}

export function clearDraft(channel: ChannelId): void {
  try {
    globalThis.localStorage?.removeItem(draftKey(channel));
  } catch {
    // As above.
  }
}
