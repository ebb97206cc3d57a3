import { PropertyPaneDropdown, PropertyPaneTextField, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { LenigWebPart, setAttr, type LenigWebPartProps } from '../shared/LenigWebPart';
import type { PaneText } from '../shared/strings';

export interface LikeButtonWebPartProps extends LenigWebPartProps {
  target?: string;
  icon?: 'thumb' | 'heart';
}

/** `<lenig-like-button>`: like the page it stands on (or any target). */
export default class LikeButtonWebPart extends LenigWebPart<LikeButtonWebPartProps> {
  protected readonly tagName = 'lenig-like-button';

  protected applyProperties(element: HTMLElement): void {
    // Without a target the button likes the page, by its address: the same page in every web part.
    setAttr(element, 'target', this.properties.target?.trim());
    setAttr(element, 'icon', this.properties.icon === 'heart' ? 'heart' : undefined);
  }

  protected widgetFields(t: PaneText): IPropertyPaneField<unknown>[] {
    return [
      PropertyPaneTextField('target', { label: t.target, description: t.targetHelp }),
      PropertyPaneDropdown('icon', {
        label: t.icon,
        options: [
          { key: 'thumb', text: t.iconThumb },
          { key: 'heart', text: t.iconHeart },
        ],
      }),
    ];
  }
}
