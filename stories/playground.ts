import type { Args, StoryObj } from '@storybook/web-components-vite';
import type { LenigStore } from '../src/data/store.js';

/**
 * A story whose controls are the element's public attributes (their descriptions and types come from the
 * custom-elements manifest): change one in the Controls panel and the element is rebuilt with it, on a
 * fresh in-memory store. Attributes that are `false`, empty or unset are left off, as in HTML.
 */
export function playground(tag: string, args: Args, store: () => LenigStore, maxWidth = '48rem'): StoryObj {
  return {
    name: 'Playground',
    args,
    render: (current) => {
      const el = document.createElement(tag) as HTMLElement & { store?: LenigStore };
      for (const [name, value] of Object.entries(current)) {
        if (value === false || value === undefined || value === null || value === '') continue;
        el.setAttribute(name, value === true ? '' : String(value));
      }
      el.store = store();
      const frame = document.createElement('div');
      frame.style.maxWidth = maxWidth;
      frame.append(el);
      return frame;
    },
  };
}
