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
import { warnOnce } from '../../log.js';
import { VERSION } from '../../version.js';

interface DefinedBy {
  /** tag → the version of lenig that defined it */
  tags: Map<string, string>;
  /** Warned keys of earlier copies, which read this same object; kept so they keep working. */
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
      warnOnce(`<${tag}> is already defined by another script on this page; lenig ${VERSION} leaves it alone.`, `define:foreign:${tag}`);
    } else if (other !== VERSION) {
      warnOnce(`two versions are on this page (${other} and ${VERSION}); the elements of ${other}, loaded first, are used.`, `define:version:${other}`);
    }
    return false;
  }
  customElements.define(tag, constructor);
  registry.tags.set(tag, VERSION);
  return true;
}
