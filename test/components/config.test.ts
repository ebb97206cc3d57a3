import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/config/config.js';
import '../../src/components/like-button/like-button.js';
import { configure } from '../../src/config/configure.js';
import { pageState } from '../../src/config/page.js';
import { MemoryBackend } from '../../src/memory/memory-store.js';

// Local addresses where nothing listens: a configuration that is accepted connects nowhere.
const DB = 'ws://127.0.0.1:9?ns=config-test';
const AUTH = 'http://127.0.0.1:9';

function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('page configuration', () => {
  afterEach(() => {
    // Leave the page on a store of its own, so nothing keeps trying to connect.
    configure({ store: new MemoryBackend().session(null) });
  });

  it('names two <lenig-config> elements that disagree instead of letting the last one win', async () => {
    const errors: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      const page = await fixture<HTMLElement>(html`<div lang="en">
        <lenig-config database-url=${DB} emulator-auth=${AUTH} project-id="a"></lenig-config>
        <lenig-config database-url="ws://127.0.0.1:8?ns=other" emulator-auth=${AUTH} project-id="a"></lenig-config>
        <lenig-like-button target="https://intranet.example/a"></lenig-like-button>
      </div>`);
      const button = page.querySelector('lenig-like-button')!;
      await waitUntil(() => text(button).includes('<lenig-config>'), `saw: ${text(button)}`);
      expect(text(button)).to.equal('This widget is not configured: the page has two <lenig-config> elements that differ in database-url. Keep one.');
      expect(errors.filter((e) => e.includes('<lenig-config> elements that differ in database-url'))).to.have.length(1);
      // Removing the stray one lets the other configure the page.
      page.querySelectorAll('lenig-config')[1]!.remove();
      await waitUntil(() => pageState().status !== 'invalid', 'still refused');
    } finally {
      console.error = error;
    }
  });

  it('accepts two <lenig-config> elements that say the same (two web parts, one setting)', async () => {
    await fixture<HTMLElement>(html`<div>
      <lenig-config emulator-database=${DB} emulator-auth=${AUTH}></lenig-config>
      <lenig-config emulator-database=${DB} emulator-auth=${AUTH}></lenig-config>
    </div>`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pageState().status).to.be.oneOf(['loading', 'ready', 'failed']);
  });

  it('configure({ emulator }) behaves like <lenig-config emulator-*>: no "database-url is missing"', () => {
    configure({ emulator: { database: DB, auth: AUTH } });
    expect(pageState().status).to.not.equal('invalid');
  });
});
