import { PropertyPaneTextField, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { LenigWebPart, setAttr, type LenigWebPartProps } from '../shared/LenigWebPart';
import type { PaneText } from '../shared/strings';

export interface ComposerWebPartProps extends LenigWebPartProps {
  channel?: string;
  categories?: string;
}

/** `<lenig-composer>`: write a post in one channel. */
export default class ComposerWebPart extends LenigWebPart<ComposerWebPartProps> {
  protected readonly tagName = 'lenig-composer';

  protected applyProperties(element: HTMLElement): void {
    setAttr(element, 'channel', this.properties.channel?.trim());
    setAttr(element, 'categories', this.properties.categories?.trim());
  }

  protected widgetFields(t: PaneText): IPropertyPaneField<unknown>[] {
    return [
      PropertyPaneTextField('channel', { label: t.channel, description: t.channelHelp }),
      PropertyPaneTextField('categories', { label: t.categories, description: t.categoriesHelp }),
    ];
  }
}
