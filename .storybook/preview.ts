import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Toolbar switches for what a host page decides: the language (lenig reads the nearest `lang`
 * attribute) and the colour scheme (lenig's tokens use `light-dark()`, driven by `color-scheme`).
 */
const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'nl', title: 'Nederlands' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme of the page',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en', theme: 'light' },
  decorators: [
    (story, context) => {
      const lang = String(context.globals['lang'] ?? 'en');
      const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
      // Canvas/CanvasText follow color-scheme, so the page behind the widget turns dark as well.
      return html`<div
        class="lenig-story-root"
        lang=${lang}
        style="color-scheme: ${theme}; background: Canvas; color: CanvasText; padding: 1rem; min-height: 100vh; box-sizing: border-box;"
      >
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
