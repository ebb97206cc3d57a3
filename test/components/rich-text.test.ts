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

  it('never links a label that names another address than the link opens, nor a user name before the host', () => {
    // [text, the links it may make (href → label)]
    const table: [string, [string, string][]][] = [
      ['[https://intranet.example.com/login](https://evil.example/x)', []],
      ['[intranet.example.com](https://evil.example)', []],
      ['[ intranet.example.com/hr ](https://intranet.example.com.evil.example)', []],
      ['[hr@example.com](mailto:hr@evil.example)', []],
      // A Cyrillic "а" that looks like the Latin one: the label must name the host in the letters it is reached by.
      ['[\u0430pple.com](https://xn--pple-43d.com)', []],
      // A zero-width space inside the label does not hide a different host.
      ['[intranet.exa\u200bmple.com](https://evil.example)', []],
      // Bidirectional controls would turn the label's letters around.
      ['[\u202emoc.elgoog](https://evil.example)', []],
      ['https://intranet.example.com@evil.example/', []],
      ['[the intranet](https://intranet.example.com:8443@evil.example/)', []],
      // What may stay a link: a label naming the link's own host (with or without www.), or no address at all.
      ['[intranet.example.com](https://intranet.example.com/a)', [['https://intranet.example.com/a', 'intranet.example.com']]],
      ['[example.com](https://www.example.com)', [['https://www.example.com/', 'example.com']]],
      ['[Jaarverslag 2026](https://x.example.com/a.pdf)', [['https://x.example.com/a.pdf', 'Jaarverslag 2026']]],
      ['[hr@example.com](mailto:hr@example.com)', [['mailto:hr@example.com', 'hr@example.com']]],
    ];
    for (const [text, links] of table) {
      const made = parseRichText(text).flatMap((s) => (s.kind === 'link' ? [[s.href, s.label]] : []));
      expect(made, text).to.deep.equal(links);
      expect(plainText(text), text).to.equal(links.length ? text.replace(/\[([^\]]*)\]\([^)]*\)/, '$1') : text);
    }
  });

  it('links a mail address label only to that one recipient: not one hidden behind ?, #, a comma or to=/cc=/bcc=', async () => {
    const spoofs = [
      '[hr@example.com](mailto:hr@evil.example?cc=@example.com)',
      '[hr@example.com](mailto:hr@evil.example#@example.com)',
      '[hr@example.com](mailto:hr@evil.example,x@example.com)',
      '[hr@example.com](mailto:hr@example.com,hr@evil.example)',
      '[hr@example.com](mailto:hr@example.com?bcc=spy@evil.example)',
      '[hr@example.com](mailto:hr@example.com?subject=Hi&To=spy@evil.example)',
      // A mail program decodes the field's name and the addresses.
      '[hr@example.com](mailto:hr@example.com?%74o=spy@evil.example)',
      '[hr@example.com](mailto:hr%40evil.example)',
      '[example.com](mailto:hr@example.com%2Cspy@evil.example)',
    ];
    for (const text of spoofs) {
      // Shown as typed, so the address it mails can be read.
      const el = await show(`Mail ${text} please`);
      expect(el.querySelectorAll('a'), text).to.have.length(0);
      expect(el.textContent, text).to.equal(`Mail ${text} please`);
    }
    // A label naming the one recipient stays a link; a subject or body changes nobody.
    const el = await show('[hr@example.com](mailto:hr@example.com?subject=Hi&body=x) [HR@Example.com](mailto:hr@example.com) [hr@example.com](mailto:hr%40example.com)');
    expect([...el.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
      ['mailto:hr@example.com?subject=Hi&body=x', 'hr@example.com'],
      ['mailto:hr@example.com', 'HR@Example.com'],
      ['mailto:hr%40example.com', 'hr@example.com'],
    ]);
  });

  it("takes another script's full stop in a label for a dot: example。com names example.com, not the link's host", () => {
    for (const dot of ['\u3002', '\uff0e', '\uff61', '\u2024']) {
      for (const text of [`[intranet${dot}example${dot}com](https://evil.example)`, `[hr@example${dot}com](mailto:hr@evil.example)`]) {
        expect(parseRichText(text), text).to.deep.equal([{ kind: 'text', text }]);
      }
      expect(parseRichText(`[example${dot}com](https://example.com/a)`)[0], dot).to.deep.equal({ kind: 'link', href: 'https://example.com/a', label: `example${dot}com` });
    }
  });

  it('shows a bare URL whose host the browser reads otherwise as the browser goes to it, and a mail address in other letters encoded', () => {
    const links = (text: string) => parseRichText(text).flatMap((s) => (s.kind === 'link' ? [[s.href, s.label]] : []));
    // %E3%80%82 is "。", which the browser takes for a dot: this goes to example.com.evil.example.
    expect(links('See https://example.com%E3%80%82evil.example/login now')).to.deep.equal([['https://example.com.evil.example/login', 'https://example.com.evil.example/login']]);
    expect(links('https://0x7f.1/admin')).to.deep.equal([['https://127.0.0.1/admin', 'https://127.0.0.1/admin']]);
    // A Cyrillic "а" in a mail address: shown as the address the mail program is given, not as "apple.com".
    expect(links('Mail mailto:hr@\u0430pple.com today')).to.deep.equal([['mailto:hr@%D0%B0pple.com', 'mailto:hr@%D0%B0pple.com']]);
    // What the browser goes to as typed reads as typed: capitals in the host, a subject, a path in any letters.
    expect(links('https://Intranet.Example.com/Nieuws mailto:hr@example.com?subject=Hallo https://x.example.com/ĳs')).to.deep.equal([
      ['https://intranet.example.com/Nieuws', 'https://Intranet.Example.com/Nieuws'],
      ['mailto:hr@example.com?subject=Hallo', 'mailto:hr@example.com?subject=Hallo'],
      ['https://x.example.com/%C4%B3s', 'https://x.example.com/ĳs'],
    ]);
  });

  it('shows a bare URL with an international host as the browser goes to it, and ends it at an invisible character', () => {
    const lookalike = parseRichText('Log in at https://\u0430pple.com/id today');
    expect(lookalike.flatMap((s) => (s.kind === 'link' ? [[s.href, s.label]] : []))).to.deep.equal([['https://xn--pple-43d.com/id', 'https://xn--pple-43d.com/id']]);
    // A right-to-left override would make "…/\u202emoc.elgoog" read as "google.com": the link ends before it.
    const reversed = parseRichText('https://evil.example/\u202emoc.elgoog');
    expect(reversed).to.deep.equal([
      { kind: 'link', href: 'https://evil.example/', label: 'https://evil.example/' },
      { kind: 'text', text: '\u202emoc.elgoog' },
    ]);
    expect(parseRichText('https://intranet.example.com/a\u200bb')[0]).to.deep.equal({ kind: 'link', href: 'https://intranet.example.com/a', label: 'https://intranet.example.com/a' });
    // Ordinary non-ASCII in a path reads as typed.
    expect(parseRichText('https://nl.wikipedia.org/wiki/Ĳsselmeer')[0]).to.deep.equal({ kind: 'link', href: 'https://nl.wikipedia.org/wiki/%C4%B2sselmeer', label: 'https://nl.wikipedia.org/wiki/Ĳsselmeer' });
  });

  it('keeps the letters of a link and a mention in order after a right-to-left override in the text', async () => {
    const el = await show('\u202eSee https://intranet.example.com/ and @[Anna de Vries](anna) now');
    for (const part of [el.querySelector('a')!, el.querySelector('.mention')!]) {
      expect(getComputedStyle(part).unicodeBidi).to.equal('isolate');
      // Each letter stands to the right of the one before it, as it is read.
      const text = [...part.childNodes].filter((n): n is Text => n instanceof Text).sort((a, b) => a.length - b.length).pop()!;
      const xs = [0, 1, 2, 3].map((i) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      });
      expect(xs, part.textContent!).to.deep.equal([...xs].sort((a, b) => a - b));
    }
  });

  it('parses hostile lengths in linear time: 100,000 closing brackets, @, *, [ and nested markup', () => {
    // The old bracket trimming counted the whole URL again for every ")" it dropped: this took minutes.
    const brackets = 'https://a.example.com/x' + ')'.repeat(100_000);
    expect(parseRichText(brackets)[0]).to.deep.equal({ kind: 'link', href: 'https://a.example.com/x', label: 'https://a.example.com/x' });
    for (const text of ['@'.repeat(100_000), '*'.repeat(100_000), '@['.repeat(50_000), '[a]('.repeat(25_000), '[a](' + 'x'.repeat(100_000), '(('.repeat(50_000) + 'https://a.example.com/' + '))'.repeat(50_000)]) {
      expect(plainText(text).length).to.equal(text.length);
    }
  });

  it('gives plain text for previews', () => {
    expect(plainText('Hi @[Anna](anna), see [this](https://x.example.com)')).to.equal('Hi @Anna, see this');
  });
});
