import { css, html, nothing, type TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { styleProps, type StylePropsDirective } from './style-props.js';
import type { UserId } from '../../data/types.js';

/**
 * Backgrounds for initials. Every one has at least 4.5:1 contrast with white text, in light and dark
 * pages alike, so the initials stay readable whichever colour a uid lands on.
 */
const PALETTE = ['#0f6cbd', '#8a3ffc', '#b4009e', '#c4314b', '#a4262c', '#8e562e', '#0e7a0d', '#00777a', '#005b70', '#4f52b2', '#5c2e91', '#605e5c'];

/** A stable colour for a uid: the same person has the same colour on every page and in every widget. */
export function avatarColor(uid: UserId): string {
  // FNV-1a: cheap, and spreads similar uids (push ids share their time prefix) over the palette.
  let h = 0x811c9dc5;
  for (let i = 0; i < uid.length; i++) {
    h ^= uid.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return PALETTE[(h >>> 0) % PALETTE.length]!;
}

/** "Anna de Vries" → "AV"; "Jan" → "J"; "" → "?". Letters, not UTF-16 halves, so "Émile Östlund" → "ÉÖ". */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0]!;
  // Dutch surnames start after their particles ("de", "van der"): the last word carries the family name.
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0]! : '';
  return (first + last).toLocaleUpperCase();
}

/** What an avatar shows: its inline style (size, colour) and its content (the photo, initials, or nothing). */
export function avatarParts(
  person: { uid: UserId; name?: string | undefined; photoURL?: string | undefined },
  size = '2.5rem',
): { style: DirectiveResult<typeof StylePropsDirective>; content: TemplateResult | string | typeof nothing } {
  // Only an https picture, as the stores and rules accept (checkPhotoURL): a `javascript:`, `data:` or
  // `http:` address in an old or hand-edited profile shows the initials instead. (Checked here rather
  // than with the store's check, which would tie every widget's code to the store's.)
  const photo = person.photoURL && /^https:\/\//i.test(person.photoURL) ? person.photoURL : undefined;
  // While the profile is loading (no name yet) a neutral disc holds the place, so nothing jumps.
  const background = photo ? 'transparent' : person.name === undefined ? 'var(--_border)' : avatarColor(person.uid);
  return {
    style: styleProps({ '--_avatar-size': size, background }),
    content: photo
      ? html`<img src=${photo} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
      : person.name === undefined
        ? nothing
        : initials(person.name),
  };
}

/**
 * An avatar: the photo, or initials on the uid's colour. Decorative (`aria-hidden`): the name always
 * stands next to it. `size` is a CSS length. (A post card writes the same span into its own template with
 * `avatarParts`, which saves a template per card.)
 */
export function renderAvatar(person: { uid: UserId; name?: string | undefined; photoURL?: string | undefined }, size = '2.5rem'): TemplateResult {
  const { style, content } = avatarParts(person, size);
  return html`<span class="avatar" part="avatar" aria-hidden="true" style=${style}>${content}</span>`;
}

export const avatarStyles = css`
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: var(--_avatar-size, 2.5rem);
    height: var(--_avatar-size, 2.5rem);
    border-radius: 50%;
    overflow: hidden;
    color: #fff;
    font-weight: 600;
    font-size: calc(var(--_avatar-size, 2.5rem) * 0.4);
    line-height: 1;
    user-select: none;
  }
  .avatar img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;
