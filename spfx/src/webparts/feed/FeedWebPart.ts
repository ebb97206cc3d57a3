import { PropertyPaneSlider, PropertyPaneTextField, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { LenigWebPart, setAttr, wholeNumber, type LenigWebPartProps } from '../shared/LenigWebPart';
import type { PaneText } from '../shared/strings';

export interface FeedWebPartProps extends LenigWebPartProps {
  channel?: string;
  category?: string;
  pageSize?: number;
}

/** `<lenig-feed>`: the posts of one channel. */
export default class FeedWebPart extends LenigWebPart<FeedWebPartProps> {
  protected readonly tagName = 'lenig-feed';

  protected applyProperties(element: HTMLElement): void {
    setAttr(element, 'channel', this.properties.channel?.trim());
    setAttr(element, 'category', this.properties.category?.trim());
    setAttr(element, 'page-size', wholeNumber(this.properties.pageSize, 1, 100));
  }

  protected widgetFields(t: PaneText): IPropertyPaneField<unknown>[] {
    return [
      PropertyPaneTextField('channel', { label: t.channel, description: t.channelHelp }),
      PropertyPaneTextField('category', { label: t.category, description: t.categoryHelp }),
      PropertyPaneSlider('pageSize', { label: t.pageSize, min: 5, max: 50, step: 5 }),
    ];
  }
}
