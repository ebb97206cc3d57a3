import type { Profile, UserId } from '../../data/types.js';

/**
 * The @mention markup in post text: `@[Display Name](uid)`. The feed renders it as "@Display Name"; the
 * uid survives a rename and is what `createPost({mentions})` notifies. Plain text keeps the post readable
 * wherever the markup is not understood (an e-mail digest, the database console).
 */
// The uid is a database key: `. # $ [ ] /` cannot be in one, so `@[the guide](https://…/guide.html)` is text.
const MENTION = /@\[([^\][\n]{1,100})\]\(([^()\s.#$/[\]]{1,128})\)/g;

/** The uids mentioned in `text`, each once, in order of first appearance. */
export function mentionedUids(text: string): UserId[] {
  const uids = new Set<UserId>();
  for (const m of text.matchAll(MENTION)) uids.add(m[2]!);
  return [...uids];
}

/**
 * `text` with each mention of a known person labelled with their current name, and the uids that stay
 * mentions. Markup naming anyone not in `people` is left exactly as typed: it is text, notifies nobody.
 */
export function resolveMentions(text: string, people: ReadonlyMap<UserId, Pick<Profile, 'uid' | 'name'>>): { text: string; mentions: UserId[] } {
  const mentions = new Set<UserId>();
  const out = text.replace(MENTION, (whole, _label: string, uid: string) => {
    const person = people.get(uid);
    if (!person) return whole;
    mentions.add(uid);
    return mentionMarkup(person).trimEnd();
  });
  return { text: out, mentions: [...mentions] };
}

/** The markup for one person, followed by a space so typing simply continues. */
export function mentionMarkup(profile: Pick<Profile, 'uid' | 'name'>): string {
  // Brackets or a line break in a name would end the markup early; a name never needs them.
  const name = profile.name.replace(/[[\]\n\r]/g, ' ').replace(/\s+/g, ' ').trim() || profile.uid;
  return `@[${name}](${profile.uid}) `;
}

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** What was typed after the `@`, up to the caret. */
  query: string;
}

/**
 * The mention being typed just before the caret, if any: an `@` at the start or after white space or an
 * opening bracket or quote, followed by at least one character that can be part of a name. An `@` inside
 * an e-mail address (`jan@acme.nl`) does not count, nor does finished markup (`@[…](…)`).
 */
export function mentionAt(text: string, caret: number): MentionQuery | undefined {
  const before = text.slice(0, caret);
  const m = /(^|[\s({"'“‘])@([^\s@[\]()]{1,40})$/u.exec(before);
  if (!m) return undefined;
  const query = m[2]!;
  return { start: caret - query.length - 1, query };
}

/** `text` with the mention query at `at` replaced by the markup for `profile`, and where the caret goes. */
export function insertMention(text: string, at: MentionQuery, profile: Pick<Profile, 'uid' | 'name'>): { text: string; caret: number } {
  const markup = mentionMarkup(profile);
  const end = at.start + 1 + at.query.length;
  // Swallow one space that already follows, so accepting in the middle of text leaves no double space.
  const rest = text.slice(end).replace(/^ /, '');
  return { text: text.slice(0, at.start) + markup + rest, caret: at.start + markup.length };
}
