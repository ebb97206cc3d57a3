import { css, html, type TemplateResult } from 'lit';
import type { Profile, UserId } from '../../data/types.js';

/**
 * Post and comment text as people see it. The stored text is plain text with two kinds of markup:
 *
 * - mentions `@[Display Name](uid)` (written by the composer) → a styled "@Display Name";
 * - links: bare `https://…`, `http://…`, `mailto:…`, and `[label](url)`.
 *
 * Everything is rendered as Lit template parts, never as HTML, so text can contain `<script>` or quotes
 * safely. Only http, https and mailto become links; anything else (`javascript:`, `data:` …) stays text.
 * A link never reads as another address than the one it opens: a label that is itself an address must
 * name the link's host (a mail link's: its one recipient), a link with a user name before its host
 * (`https://intranet.example@evil.example`) stays text, a bare URL ends at an invisible or bidirectional
 * control character, and a bare URL whose host the browser reads otherwise than typed (an international
 * host, `%E3%80%82` for a dot) is shown the way the browser will go to it (`xn--…`). Links and mentions are
 * bidi-isolated, so text around them cannot reorder their letters.
 * Line breaks are kept by the container's `white-space: pre-wrap` (see `richTextStyles`).
 */

export type RichSegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; href: string; label: string }
  | { kind: 'mention'; uid: UserId; name: string };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// One pass over the text, earliest match first: a mention, a [label](url) link, or a bare URL.
// Mention markup is the composer's (src/components/composer/mentions.ts); keep the two in step. A uid is
// a database key, so `. # $ [ ] /` never appear in one: `@[x](https://…)` is text (with a link), not a
// mention.
const TOKEN =
  /@\[([^\][\n]{1,100})\]\(([^()\s.#$/[\]]{1,128})\)|\[([^\][\n]{1,200})\]\(([^()\s]{1,2000})\)|\b((?:https?:\/\/|mailto:)[^\s<>"\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+)/gi;

/**
 * Characters that reorder the letters after them or hide between them (bidirectional controls, zero-width
 * spaces, soft hyphens; not the joiner inside emoji): a label holding one is not trusted.
 */
const HIDDEN = /[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
/**
 * A label that is an address as a whole: "intranet.example.com", "https://x.example/a", "hr@example.com"
 * (groups: the name before `@`, the host).
 */
const ADDRESS_LABEL = /^\s*(?:[a-z][\w+.-]*:(?:\/\/)?)?(?:([^\s/?#@]*)@)?([^\s/?#@:.]+(?:\.[^\s/?#@:.]+)+)\.?(?:[/?#:]\S*)?\s*$/i;
/** Dots of other scripts that read as a full stop ("example。com"); browsers go to some of them as one. */
const DOTS = /[\u2024\u3002\uff0e\uff61]/g;

/** The URL if it may be a link (http, https, mailto and well-formed), else undefined. */
export function safeHref(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // (An http or https URL always has a host: the parser refuses `https://` and `https://:443`.)
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return undefined;
  // `https://intranet.example.com@evil.example/` goes to evil.example: a name before the host only misleads.
  if (parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/**
 * Whether a `[label](href)` may be shown as its label: no hidden characters in it, and when the label
 * reads as an address (other scripts' full stops read as dots), it names the host the link goes to (with
 * or without `www.`), in ASCII, so a lookalike letter (Cyrillic "а" in "аpple.com") cannot pose as the
 * real host either. A mail link's label must name its one recipient: `mailto:hr@evil.example?cc=@example.com`
 * mails evil.example, and `mailto:a@evil.example,hr@example.com` two people.
 */
function honestLabel(label: string, href: string): boolean {
  if (HIDDEN.test(label)) return false;
  const m = ADDRESS_LABEL.exec(label.replace(DOTS, '.').toLowerCase());
  if (!m) return true;
  const [, name = '', host = ''] = m;
  const bare = (h: string) => h.replace(/^www\./, '');
  try {
    return (
      !/[^ -~]/.test(name + host) &&
      (href.startsWith('m')
        ? // The recipients: the addresses before `?` and in `to=`, `cc=` and `bcc=` after it, each part decoded as a
          // mail program does (the names of the fields too): one, and the label's.
          ('to=' + href.slice(7))
            .toLowerCase()
            .split(/[?&#]/)
            .map(decodeURIComponent)
            .filter((p) => /^(to|b?cc)=/.test(p))
            .join() === `to=${name}@${host}`
        : bare(host) === bare(new URL(href).hostname))
    );
  } catch {
    return false;
  }
}

/** A URL's scheme with its host, or with a mail link's addresses, lower-cased. */
const head = (url: string) => /^[^:]*:(\/\/[^/?#]*|[^?#]*)/.exec(url.toLowerCase())![0];

/**
 * A bare URL usually ends before trailing punctuation ("see https://x.nl/a."): drop `.,;:!?'"` at the end,
 * and a closing bracket that has no opening one inside the URL (`(https://x.nl/a)`).
 */
function trimUrl(url: string): string {
  // Brackets counted once, not again for each one dropped: a URL ending in thousands of `)` stays linear.
  const open = url.split('(').length;
  let close = url.split(')').length;
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (c && '.,;:!?\'"’”'.includes(c)) {
      end--;
      continue;
    }
    if (c === ')' && close > open) {
      end--;
      close--;
      continue;
    }
    break;
  }
  return url.slice(0, end);
}

/** Splits text into plain text, safe links and mentions. Adjacent text is merged. */
export function parseRichText(text: string): RichSegment[] {
  const out: RichSegment[] = [];
  const pushText = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += s;
    else out.push({ kind: 'text', text: s });
  };
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    pushText(text.slice(at, start));
    const [whole, mentionName, mentionUid, linkLabel, linkUrl, bare] = m;
    if (mentionName !== undefined && mentionUid !== undefined) {
      out.push({ kind: 'mention', uid: mentionUid, name: mentionName });
      at = start + whole.length;
    } else if (linkLabel !== undefined && linkUrl !== undefined) {
      const href = safeHref(linkUrl);
      // An unsafe [label](javascript:…), or a label naming another address, is shown exactly as typed,
      // so nobody is misled by the label.
      if (href && honestLabel(linkLabel, href)) out.push({ kind: 'link', href, label: linkLabel });
      else pushText(whole);
      at = start + whole.length;
    } else if (bare !== undefined) {
      const url = trimUrl(bare);
      const href = safeHref(url);
      // What the browser goes to (the scheme and host, a mail link's addresses) reads as the browser goes
      // to it when that is not as typed: an international host as xn--…, whose letters may only look like
      // another's; `example.com%E3%80%82evil.example` as example.com.evil.example.
      if (href) out.push({ kind: 'link', href, label: head(url) === head(href) ? url : href });
      else pushText(url);
      at = start + url.length;
    }
  }
  pushText(text.slice(at));
  return out;
}

/**
 * Who a mention names, as far as it is known: the profile, `null` when there is no such person, or
 * `undefined` while it is being looked up. A label typed into the markup is never trusted on its own.
 */
export type MentionLookup = (uid: UserId) => Pick<Profile, 'name'> | null | undefined;

/**
 * How one mention reads: the person's current name once known; the markup exactly as typed when there
 * is no such person (so `@[Director](nobody)` cannot pose as someone); the typed label while looking up.
 */
function mentionName(s: Extract<RichSegment, { kind: 'mention' }>, lookup: MentionLookup | undefined): string | null {
  if (!lookup) return s.name;
  const profile = lookup(s.uid);
  if (profile === null) return null;
  return profile?.name ?? s.name;
}

/** The text as a person reads it: mentions as "@Name", links as their label. For previews and names. */
export function plainText(text: string, lookup?: MentionLookup): string {
  return parseRichText(text)
    .map((s) => {
      if (s.kind === 'text') return s.text;
      if (s.kind === 'link') return s.label;
      const name = mentionName(s, lookup);
      return name === null ? `@[${s.name}](${s.uid})` : `@${name}`;
    })
    .join('');
}

/**
 * Renders text with safe links (new tab, no opener, no referrer) and mentions (part `mention`). Put the
 * result in an element styled with `richTextStyles` (class `rich-text`). With `lookup`, mentions show
 * each person's current name, and markup naming nobody stays plain text.
 */
export function renderRichText(text: string, lookup?: MentionLookup): TemplateResult | string {
  const segments = parsed(text);
  // Most posts are plain text: one text node, without a template and a list part around it (four
  // comment markers per card of a feed).
  if (segments.length === 0) return '';
  if (segments.length === 1 && segments[0]!.kind === 'text') return segments[0]!.text;
  return html`${segments.map((s) => {
    switch (s.kind) {
      case 'text':
        return s.text;
      case 'link':
        return html`<a part="link" href=${s.href} target="_blank" rel="noopener noreferrer">${s.label}</a>`;
      case 'mention': {
        const name = mentionName(s, lookup);
        if (name === null) return `@[${s.name}](${s.uid})`;
        return html`<span part="mention" class="mention" data-uid=${s.uid}>@${name}</span>`;
      }
    }
  })}`;
}

/**
 * The segments of texts seen lately: a card renders its text again for every like or tick of the clock,
 * and the text rarely changes. Cleared when full, so it holds no more than a few screens of posts.
 */
const parsedTexts = new Map<string, readonly RichSegment[]>();
const PARSED_MAX = 500;
function parsed(text: string): readonly RichSegment[] {
  let segments = parsedTexts.get(text);
  if (!segments) {
    if (parsedTexts.size >= PARSED_MAX) parsedTexts.clear();
    parsedTexts.set(text, (segments = parseRichText(text)));
  }
  return segments;
}

/** The uids a text mentions, each once — for looking up their current names. */
export function mentionedIn(text: string): UserId[] {
  const uids = new Set<UserId>();
  for (const s of parsed(text)) if (s.kind === 'mention') uids.add(s.uid);
  return [...uids];
}

/** Styles for a `.rich-text` container: kept line breaks, long URLs that wrap, links and mentions. */
export const richTextStyles = css`
  .rich-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.5;
  }
  .rich-text a {
    /* Isolated, as mentions are: a bidirectional control in the text around cannot turn their letters around. */
    unicode-bidi: isolate;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .rich-text .mention {
    unicode-bidi: isolate;
    color: var(--_accent);
    font-weight: 600;
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
    border-radius: var(--_radius-s);
    padding: 0 0.15em;
  }
`;
