import { PropertyPaneSlider, PropertyPaneTextField, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { LenigWebPart, setAttr, wholeNumber, type LenigWebPartProps } from '../shared/LenigWebPart';
import type { PaneText } from '../shared/strings';

export interface InsightsWebPartProps extends LenigWebPartProps {
  channel?: string;
  months?: number;
}

/** `<lenig-insights>`: activity per month and category. */
export default class InsightsWebPart extends LenigWebPart<InsightsWebPartProps> {
  protected readonly tagName = 'lenig-insights';

  protected applyProperties(element: HTMLElement): void {
    setAttr(element, 'channel', this.properties.channel?.trim());
    setAttr(element, 'months', wholeNumber(this.properties.months, 1, 36));
  }

  protected widgetFields(t: PaneText): IPropertyPaneField<unknown>[] {
    return [
      PropertyPaneTextField('channel', { label: t.channel, description: t.channelHelp }),
      PropertyPaneSlider('months', { label: t.months, min: 1, max: 36, step: 1 }),
    ];
  }
}
