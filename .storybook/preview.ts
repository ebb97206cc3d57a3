/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { html } from 'lit';
// Written by `cem analyze` (the storybook scripts run it first): the docs pages' descriptions, attribute,
// property, event, part and CSS property tables all come from this one manifest. A glob, so that type
// checking does not need a build.
const found = Object.values(import.meta.glob('../dist/custom-elements.json', { eager: true, import: 'default' }));
if (!found.length) throw new Error('dist/custom-elements.json is missing: run `npx cem analyze` (npm run storybook does).');
const manifest = found[0] as { modules: { declarations?: Declaration[] }[] };
setCustomElementsManifest(manifest);

interface Declaration {
  events?: { name?: string }[];
}
/** Every `lenig-*` event any element fires (they bubble and are composed, so the document hears them). */
const lenigEvents = [
  ...new Set(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => d.events ?? [])
      .map((e) => e.name)
      .filter((name): name is string => !!name?.startsWith('lenig-')),
  ),
].sort();
// Each one is logged in the Actions panel, with its detail, for every story and docs page.
for (const name of lenigEvents) {
  document.addEventListener(name, (e) => {
    action(name)((e as CustomEvent<unknown>).detail);
  });
}

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
  tags: ['autodocs'],
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
    docs: { toc: true },
  },
};

export default preview;
