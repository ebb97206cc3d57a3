import { PropertyPaneDropdown, PropertyPaneTextField, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { LenigWebPart, setAttr, type LenigWebPartProps } from '../shared/LenigWebPart';
import type { PaneText } from '../shared/strings';

export interface IdeaBoardWebPartProps extends LenigWebPartProps {
  channel?: string;
  view?: 'columns' | 'list';
  sort?: 'top' | 'new';
}

/** `<lenig-idea-board>`: ideas of one channel, with votes and statuses. */
export default class IdeaBoardWebPart extends LenigWebPart<IdeaBoardWebPartProps> {
  protected readonly tagName = 'lenig-idea-board';

  protected applyProperties(element: HTMLElement): void {
    setAttr(element, 'channel', this.properties.channel?.trim());
    setAttr(element, 'view', this.properties.view === 'list' ? 'list' : undefined);
    setAttr(element, 'sort', this.properties.sort === 'new' ? 'new' : undefined);
  }

  protected widgetFields(t: PaneText): IPropertyPaneField<unknown>[] {
    return [
      PropertyPaneTextField('channel', { label: t.channel, description: t.channelHelp }),
      PropertyPaneDropdown('view', {
        label: t.view,
        options: [
          { key: 'columns', text: t.viewColumns },
          { key: 'list', text: t.viewList },
        ],
      }),
      PropertyPaneDropdown('sort', {
        label: t.sort,
        options: [
          { key: 'top', text: t.sortTop },
          { key: 'new', text: t.sortNew },
        ],
      }),
    ];
  }
}
