/**
 * A fresh Vite + React 19 app (test/package/apps/vite-react) with lenig's generated JSX types
 * (`lenig/jsx/react`) installs the packed package, type-checks, builds, and shows the company feed from a
 * local backend in Chromium; the `onlenig-liked` handler React attached gets the element's typed event, and
 * so does the `onLenigLiked` prop of the @lit/react component from `lenig/react`.
 */
import { appSuite } from './helpers.js';

appSuite('vite-react', 'Vite + React 19', async (page) => {
  await page.getByRole('button', { name: /like/i }).first().click();
  await page.getByRole('status').filter({ hasText: 'Liked page:vite-react (1)' }).waitFor({ timeout: 15_000 });
  // The @lit/react component from lenig/react, below the feed: its onLenigLiked prop is called too.
  await page.getByRole('button', { name: /like/i }).last().click();
  await page.getByRole('status').filter({ hasText: 'Liked page:vite-react-footer (1)' }).waitFor({ timeout: 15_000 });
});
