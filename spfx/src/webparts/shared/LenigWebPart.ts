/**
 * What every lenig web part shares: it puts one lenig element on the page, connects the page to the
 * organisation's Firebase project once (however many lenig web parts the page holds), signs the
 * employee in silently with their Microsoft Entra ID token, follows the page's language and the
 * SharePoint theme, and offers the property pane's language and connection settings.
 *
 * The connection is set once per tenant (see docs/sharepoint.md): a tenant property `lenig-connection`,
 * JSON, read here from SharePoint's REST API. A web part may override it, which is meant for trying
 * lenig on one page before the tenant setting exists.
 */
import { Version } from '@microsoft/sp-core-library';
import {
  PropertyPaneDropdown,
  PropertyPaneTextField,
  type IPropertyPaneConfiguration,
  type IPropertyPaneField,
  type IPropertyPaneGroup,
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { configure, configurePending, type AuthMode, type LenigConfig } from '../../lenig/lenig.js';
import { paneText, type PaneText } from './strings';
import { themeTokens } from './theme';

/** The web part properties every lenig web part has. */
export interface LenigWebPartProps {
  /** `page` (follow the page's language), `nl` or `en`. */
  language?: 'page' | 'nl' | 'en';
  /** Per-web-part connection overrides; empty means the tenant setting. */
  databaseURL?: string;
  apiKey?: string;
  authDomain?: string;
  projectId?: string;
  auth?: AuthMode | '';
  tokenUrl?: string;
  apiResource?: string;
}

/** The tenant property's value: the page-level configuration, plus the API app to ask Entra ID for. */
export interface ConnectionSettings {
  /**
   * `realtime` (default) or `firestore`. A package built for the other database says so in the console:
   * build it with `npm run build:spfx -- --firestore` for Cloud Firestore (docs/sharepoint.md).
   */
  database?: LenigConfig['database'];
  firebase?: LenigConfig['firebase'];
  auth?: AuthMode;
  /** The token exchange (auth `custom-token`). */
  tokenUrl?: string;
  /** The API app's Application ID URI, e.g. `api://…`: the web part asks Entra ID for a token for it. */
  apiResource?: string;
  /** For auth `microsoft`: the tenant. */
  tenant?: string;
  /** For a local backend (development and tests only). */
  emulator?: LenigConfig['emulator'];
}

// Evaluated with the bundle, before SharePoint initialises any web part: until a web part has read the
// tenant's settings and configured the page, lenig's widgets show "Loading…", not "not configured".
configurePending();

/** The tenant property that holds the connection settings. */
export const SETTINGS_KEY = 'lenig-connection';

interface PageRegistry {
  settings?: Promise<ConnectionSettings | undefined>;
  configured?: string;
}

/** Shared by every lenig web part on the page, also across two versions of this package. */
function page(): PageRegistry {
  const g = globalThis as unknown as Record<symbol, PageRegistry | undefined>;
  return (g[Symbol.for('lenig.spfx')] ??= {});
}

/** The tenant's lenig settings, read once per page. Undefined when the admin has not set them. */
function tenantSettings(webUrl: string): Promise<ConnectionSettings | undefined> {
  const registry = page();
  registry.settings ??= fetch(`${webUrl}/_api/web/GetStorageEntity('${SETTINGS_KEY}')`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json;odata=nometadata' },
  })
    .then(async (res) => {
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const value = ((await res.json()) as { Value?: string | null }).Value;
      return value ? (JSON.parse(value) as ConnectionSettings) : undefined;
    })
    .catch((e: unknown) => {
      console.error(`lenig: the tenant property "${SETTINGS_KEY}" could not be read (${(e as Error).message}); see docs/sharepoint.md`);
      return undefined;
    });
  return registry.settings;
}

export abstract class LenigWebPart<P extends LenigWebPartProps> extends BaseClientSideWebPart<P> {
  /** The lenig element this web part shows, e.g. `lenig-feed`. */
  protected abstract readonly tagName: string;
  /** Sets the element's attributes from the web part's properties. */
  protected abstract applyProperties(element: HTMLElement): void;
  /** The widget's own property pane fields (channel, category, page size …). */
  protected abstract widgetFields(t: PaneText): IPropertyPaneField<unknown>[];

  private root: HTMLDivElement | undefined;
  private element: HTMLElement | undefined;
  private theme: IReadonlyTheme | undefined;
  private settings: ConnectionSettings | undefined;

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.settings = await tenantSettings(this.context.pageContext.web.absoluteUrl);
    this.connect();
  }

  public render(): void {
    if (!this.root || !this.element) {
      // Created with the DOM API: SharePoint's content security policy allows no inline script.
      this.root = document.createElement('div');
      this.root.className = 'lenig-web-part';
      this.element = document.createElement(this.tagName);
      this.root.append(this.element);
      this.domElement.replaceChildren(this.root);
    }
    const language = this.properties.language ?? 'page';
    this.root.lang = language === 'page' ? this.context.pageContext.cultureInfo.currentUICultureName : language;
    this.applyProperties(this.element);
    this.applyTheme();
    this.connect();
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this.theme = theme;
    this.applyTheme();
  }

  protected onDispose(): void {
    this.root?.remove();
    this.root = undefined;
    this.element = undefined;
  }

  /** The page-level configuration from the tenant setting and this web part's overrides. */
  private connection(): LenigConfig {
    const s = this.settings ?? {};
    const p = this.properties;
    const firebase = {
      ...s.firebase,
      ...(p.databaseURL ? { databaseURL: p.databaseURL } : {}),
      ...(p.apiKey ? { apiKey: p.apiKey } : {}),
      ...(p.authDomain ? { authDomain: p.authDomain } : {}),
      ...(p.projectId ? { projectId: p.projectId } : {}),
    };
    const auth = p.auth || s.auth || 'custom-token';
    const tokenUrl = p.tokenUrl || s.tokenUrl;
    const apiResource = p.apiResource || s.apiResource;
    const config: LenigConfig = { ...(s.database ? { database: s.database } : {}), firebase, auth, tokenUrl, tenant: s.tenant, emulator: s.emulator };
    if (auth === 'custom-token' && apiResource) {
      // The employee is signed in to SharePoint or Teams already: SPFx gives their Entra ID token for the
      // lenig API app (the admin approved that permission once), which the exchange trades.
      config.tokenSource = () => this.context.aadTokenProviderFactory.getTokenProvider().then((provider) => provider.getToken(apiResource));
    }
    return config;
  }

  /** Configures lenig for the page, once per distinct connection however many web parts call it. */
  private connect(): void {
    const config = this.connection();
    const key = JSON.stringify({ ...config, tokenSource: config.tokenSource ? 'entra' : undefined });
    const registry = page();
    if (registry.configured === key) return;
    if (registry.configured !== undefined) {
      console.warn('lenig: web parts on this page are set to different connections; the last one changed is used for all of them');
    }
    registry.configured = key;
    configure(config);
  }

  /**
   * Maps the SharePoint theme (the section's variant included) onto lenig's tokens, on this web part's
   * own wrapper — never on lenig's elements — and only the tokens the page has not set itself.
   */
  private applyTheme(): void {
    if (!this.root || !this.theme) return;
    const pageStyle = getComputedStyle(document.documentElement);
    for (const [token, value] of Object.entries(themeTokens(this.theme))) {
      if (!value || pageStyle.getPropertyValue(token).trim()) this.root.style.removeProperty(token);
      else this.root.style.setProperty(token, value);
    }
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const t = paneText(this.context.pageContext.cultureInfo.currentUICultureName);
    const fromTenant = (value: string | undefined) => (value ? t.fromTenant(value) : t.notSetInTenant);
    const s = this.settings ?? {};
    const widget = this.widgetFields(t);
    const groups: IPropertyPaneGroup[] = [
      ...(widget.length ? [{ groupName: t.widgetGroup, groupFields: widget }] : []),
      {
        groupName: t.languageGroup,
        groupFields: [
          PropertyPaneDropdown('language', {
            label: t.language,
            options: [
              { key: 'page', text: t.followPage },
              { key: 'nl', text: 'Nederlands' },
              { key: 'en', text: 'English' },
            ],
            selectedKey: this.properties.language ?? 'page',
          }),
        ],
      },
      {
        groupName: t.connectionGroup,
        isCollapsed: true,
        groupFields: [
          PropertyPaneDropdown('auth', {
            label: t.signIn,
            options: [
              { key: '', text: fromTenant(s.auth) },
              { key: 'custom-token', text: t.signInEntra },
              { key: 'anonymous', text: t.signInAnonymous },
              { key: 'microsoft', text: t.signInPopup },
            ],
            selectedKey: this.properties.auth ?? '',
          }),
          PropertyPaneTextField('databaseURL', { label: t.databaseURL, description: fromTenant(s.firebase?.databaseURL) }),
          PropertyPaneTextField('apiKey', { label: t.apiKey, description: fromTenant(s.firebase?.apiKey) }),
          PropertyPaneTextField('projectId', { label: t.projectId, description: fromTenant(s.firebase?.projectId) }),
          PropertyPaneTextField('authDomain', { label: t.authDomain, description: fromTenant(s.firebase?.authDomain) }),
          PropertyPaneTextField('tokenUrl', { label: t.tokenUrl, description: fromTenant(s.tokenUrl) }),
          PropertyPaneTextField('apiResource', { label: t.apiResource, description: fromTenant(s.apiResource) }),
        ],
      },
    ];
    return { pages: [{ header: { description: t.description }, groups }] };
  }
}

/** A whole number from `min` to `max`, or undefined (the widget's default). */
export function wholeNumber(value: unknown, min: number, max: number): string | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? String(n) : undefined;
}

/** Sets or removes an attribute. */
export function setAttr(element: HTMLElement, name: string, value: string | undefined): void {
  if (value) element.setAttribute(name, value);
  else element.removeAttribute(name);
}
