import type { IPropertyPaneField } from '@microsoft/sp-property-pane';
import { LenigWebPart, type LenigWebPartProps } from '../shared/LenigWebPart';
import type { PaneText } from '../shared/strings';

/** `<lenig-notifications>`: the signed-in employee's bell. */
export default class NotificationsWebPart extends LenigWebPart<LenigWebPartProps> {
  protected readonly tagName = 'lenig-notifications';

  protected applyProperties(): void {
    // The bell has nothing to set: it shows the signed-in person's notifications.
  }

  protected widgetFields(_t: PaneText): IPropertyPaneField<unknown>[] {
    return [];
  }
}
