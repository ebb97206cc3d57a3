import { expect, fixture, html } from '@open-wc/testing';
import { parseRichText, plainText, renderRichText, richTextStyles, safeHref } from '../../src/components/shared/rich-text.js';

/** Renders text the way a post card does and returns the container. */
async function show(text: string): Promise<HTMLElement> {
  const host = await fixture<HTMLElement>(html`<div>
    <style>
      ${richTextStyles.cssText}
    </style>
    <div class="rich-text">${renderRichText(text)}</div>
  </div>`);
  return host.querySelector<HTMLElement>('.rich-text')!;
}

describe('rich text', () => {
  it('makes an https URL a link that opens safely in a new tab', async () => {
    const el = await show('Read https://intranet.example.com/news/42 today.');
    const links = el.querySelectorAll('a');
    expect(links).to.have.length(1);
    const a = links[0]!;
    expect(a.getAttribute('href')).to.equal('https://intranet.example.com/news/42');
    // The full stop after the URL belongs to the sentence, not to the link.
    expect(a.textContent).to.equal('https://intranet.example.com/news/42');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(a.getAttribute('target')).to.equal('_blank');
    expect(el.textContent).to.equal('Read https://intranet.example.com/news/42 today.');
  });

  it('does not make a javascript: link, neither bare nor as [label](url)', async () => {
    const el = await show(
      'Click [here](javascript:alert(document.cookie)) or javascript:alert(1) or [x](data:text/html,hi) or [y](javascript://x%0Aalert%281%29)',
    );
    expect(el.querySelectorAll('a')).to.have.length(0);
    expect(el.textContent).to.contain('[y](javascript://x%0Aalert%281%29)');
    expect(el.textContent).to.contain('[here](javascript:alert(document.cookie))');
    expect(el.textContent).to.contain('[x](data:text/html,hi)');
  });

  it('renders a [label](https://…) link with its label, and mailto links', async () => {
    const el = await show('See [the handbook](https://hr.example.com/handbook) or mail mailto:hr@example.com');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['the handbook', 'mailto:hr@example.com']);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://hr.example.com/handbook', 'mailto:hr@example.com']);
  });

  it('takes no @[x](…) whose parentheses hold . # $ [ ] / as a mention: it stays text', () => {
    for (const uid of ['https://example.org/guide.html', 'a.b', 'a#b', 'a$b', 'a/b']) {
      const text = `See @[the guide](${uid}) first`;
      expect(parseRichText(text).some((s) => s.kind === 'mention'), uid).to.equal(false);
    }
    expect(parseRichText('@[x](a[b])').some((s) => s.kind === 'mention')).to.equal(false);
  });

  it('shows a mention under the name the lookup gives, and markup naming nobody as typed', async () => {
    const people: Record<string, { name: string } | null> = { anna: { name: 'Anna de Vries' }, ghost: null };
    const host = await fixture<HTMLElement>(html`<div>${renderRichText('Hi @[CEO](anna) and @[Boss](ghost)', (uid) => people[uid])}</div>`);
    expect([...host.querySelectorAll('.mention')].map((m) => m.textContent)).to.deep.equal(['@Anna de Vries']);
    expect(host.textContent).to.equal('Hi @Anna de Vries and @[Boss](ghost)');
    expect(plainText('Hi @[CEO](anna)', (uid) => people[uid])).to.equal('Hi @Anna de Vries');
  });

  it('renders @[Name](uid) as a styled "@Name" mention', async () => {
    const el = await show('Thanks @[Anna de Vries](anna) and @[Bram Jansen](bram)!');
    const mentions = [...el.querySelectorAll('.mention')];
    expect(mentions.map((m) => m.textContent)).to.deep.equal(['@Anna de Vries', '@Bram Jansen']);
    expect(mentions.map((m) => m.getAttribute('data-uid'))).to.deep.equal(['anna', 'bram']);
    expect(el.textContent).to.equal('Thanks @Anna de Vries and @Bram Jansen!');
    expect(getComputedStyle(mentions[0]!).fontWeight).to.equal('600');
  });

  it('keeps line breaks and shows markup as text, never as HTML', async () => {
    const el = await show('line one\nline two\n<img src=x onerror=alert(1)><b>bold</b>');
    expect(el.querySelector('img, b')).to.equal(null);
    expect(el.textContent).to.equal('line one\nline two\n<img src=x onerror=alert(1)><b>bold</b>');
    expect(getComputedStyle(el).whiteSpace).to.equal('pre-wrap');
    // Three lines of text are taller than one.
    const one = await show('one line');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(one.getBoundingClientRect().height * 2.5);
  });

  it('keeps a bracket that belongs to the URL and drops one that closes the sentence', () => {
    const segs = parseRichText('(see https://en.wikipedia.org/wiki/Lenig_(tool)) and (https://x.example.com/a)');
    const hrefs = segs.flatMap((s) => (s.kind === 'link' ? [s.href] : []));
    expect(hrefs).to.deep.equal(['https://en.wikipedia.org/wiki/Lenig_(tool)', 'https://x.example.com/a']);
  });

  it('accepts only http, https and mailto in safeHref', () => {
    expect(safeHref('https://a.example.com/')).to.equal('https://a.example.com/');
    expect(safeHref('http://a.example.com/x')).to.equal('http://a.example.com/x');
    expect(safeHref('mailto:a@example.com')).to.equal('mailto:a@example.com');
    expect(safeHref('javascript:alert(1)')).to.equal(undefined);
    expect(safeHref('JaVaScRiPt:alert(1)')).to.equal(undefined);
    expect(safeHref('vbscript:x')).to.equal(undefined);
    // Has a "host", so only the scheme check stops it.
    expect(safeHref('javascript://x%0Aalert(1)')).to.equal(undefined);
    expect(safeHref('file:///etc/passwd')).to.equal(undefined);
    expect(safeHref('not a url')).to.equal(undefined);
  });

  it('gives plain text for previews', () => {
    expect(plainText('Hi @[Anna](anna), see [this](https://x.example.com)')).to.equal('Hi @Anna, see this');
  });
});
