import { PropertyPaneDropdown, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { LenigWebPart, setAttr, type LenigWebPartProps } from '../shared/LenigWebPart';
import type { PaneText } from '../shared/strings';

export interface AdminWebPartProps extends LenigWebPartProps {
  tab?: 'reports' | 'channels' | 'people' | 'export';
}

const TABS = ['reports', 'channels', 'people', 'export'] as const;

/**
 * `<lenig-admin>`: the intranet's administration (reports, channels, people, export) on a SharePoint page.
 * Administrators get the console; everyone else a sentence and no data, so the page need not be hidden.
 * On an intranet nobody has set up yet, the first employee to complete its set-up becomes administrator.
 */
export default class AdminWebPart extends LenigWebPart<AdminWebPartProps> {
  protected readonly tagName = 'lenig-admin';

  protected applyProperties(element: HTMLElement): void {
    const tab = this.properties.tab;
    setAttr(element, 'tab', tab && tab !== 'reports' && (TABS as readonly string[]).includes(tab) ? tab : undefined);
  }

  protected widgetFields(t: PaneText): IPropertyPaneField<unknown>[] {
    return [
      PropertyPaneDropdown('tab', {
        label: t.tab,
        options: [
          { key: 'reports', text: t.tabReports },
          { key: 'channels', text: t.tabChannels },
          { key: 'people', text: t.tabPeople },
          { key: 'export', text: t.tabExport },
        ],
      }),
    ];
  }
}
