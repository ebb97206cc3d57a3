import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** Style properties by their CSS names (`height`, `--_bar`); an undefined value removes the property. */
export type StyleProps = Readonly<Record<string, string | undefined>>;

/**
 * Lit's `styleMap`, written through the element's style object (CSSOM) from the first render on.
 * `styleMap` writes its first render as a `style` attribute, which a page's strict `style-src` policy
 * refuses (without 'unsafe-inline'): avatars lost their colour and a long feed's gaps their height. A
 * policy never refuses the CSSOM.
 */
export class StylePropsDirective extends Directive {
  private names = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') throw new Error('styleProps() belongs in a style attribute');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const style = (part.element as Element & ElementCSSInlineStyle).style;
    const names = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      names.add(name);
    }
    for (const name of this.names) if (!names.has(name)) style.removeProperty(name);
    this.names = names;
    return noChange;
  }
}

/** `style=${styleProps({ height: '12px', '--_bar': colour })}`: see `StylePropsDirective`. */
export const styleProps = directive(StylePropsDirective);
