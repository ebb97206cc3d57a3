/**
 * One way to register a lenig element, safe when a page holds two copies of lenig.
 *
 * SharePoint puts several web parts on one page, each with its own bundle; two copies of lenig then try to
 * define the same tags, and `customElements.define` throws `NotSupportedError` on the second. `define()`
 * leaves an existing definition alone: the first copy's elements serve the whole page, and because page
 * state, the Firebase connection and the store context are all keyed across copies (`Symbol.for`, string
 * context keys), the second copy's configuration reaches them. When the two copies differ in version, the
 * console says so once.
 */
import { VERSION } from '../../version.js';

interface DefinedBy {
  /** tag → the version of lenig that defined it */
  tags: Map<string, string>;
  /** versions already warned about */
  warned: Set<string>;
}

const registry: DefinedBy = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.define')] ??= {
  tags: new Map<string, string>(),
  warned: new Set<string>(),
}) as DefinedBy;

/**
 * Defines `tag` as `constructor` unless the tag is already defined (by this or another copy of lenig, or
 * by anything else on the page). Returns true when this call defined it.
 */
export function define(tag: string, constructor: CustomElementConstructor): boolean {
  if (typeof customElements === 'undefined') return false;
  if (customElements.get(tag)) {
    const other = registry.tags.get(tag);
    if (other === undefined) {
      warnOnce(`foreign:${tag}`, `lenig: <${tag}> is already defined by another script on this page; lenig ${VERSION} leaves it alone.`);
    } else if (other !== VERSION) {
      warnOnce(
        `version:${other}`,
        `lenig: two versions are on this page (${other} and ${VERSION}); the elements of ${other}, loaded first, are used.`,
      );
    }
    return false;
  }
  customElements.define(tag, constructor);
  registry.tags.set(tag, VERSION);
  return true;
}

function warnOnce(key: string, message: string): void {
  if (registry.warned.has(key)) return;
  registry.warned.add(key);
  console.warn(message);
}
