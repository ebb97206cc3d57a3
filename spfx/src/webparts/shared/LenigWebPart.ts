/**
 * What every lenig web part shares: it puts one lenig element on the page, connects the page to the
 * organisation's Firebase project once (however many lenig web parts the page holds), signs the
 * employee in silently with their Microsoft Entra ID token, follows the page's language and the
 * SharePoint theme, and offers the property pane's language and connection settings.
 *
 * The connection is set once per tenant (see docs/sharepoint.md): a tenant property `lenig-connection`,
 * JSON, read here from SharePoint's REST API, which only app catalog admins can change. Where it is set, it is
 * the whole connection: a page editor cannot point this page's readers at another database, token exchange or
 * API app, which would hand the exchange (or another server) their tokens. Where it is not set, a web part's
 * own Connection fields let an editor try lenig on one page, without the silent sign-in: the token exchange
 * and the API app come from the tenant property only.
 *
 * A set-up that cannot work (the property not set, not JSON, a field missing, no API app to ask Entra ID
 * for, or Entra ID refusing the token) is said in the page: to someone editing the page, what is wrong
 * and where to fix it; to readers, only that this part is not set up yet.
 */
import { DisplayMode, Version } from '@microsoft/sp-core-library';
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
import { GUIDE, paneText, type PaneText } from './strings';
import { themeTokens } from './theme';

/** The web part properties every lenig web part has. */
export interface LenigWebPartProps {
  /** `page` (follow the page's language), `nl` or `en`. */
  language?: 'page' | 'nl' | 'en';
  /**
   * The connection for trying lenig on one page while the tenant property is not set; ignored where it is.
   * `tokenUrl` and `apiResource` are never taken from here (kept so that older pages still load).
   */
  databaseURL?: string;
  apiKey?: string;
  authDomain?: string;
  projectId?: string;
  auth?: AuthMode | '';
  tokenUrl?: string;
  apiResource?: string;
}

/** The web part properties that hold a page's own connection. */
const CONNECTION_PROPERTIES = ['databaseURL', 'apiKey', 'authDomain', 'projectId', 'auth', 'tokenUrl', 'apiResource'] as const;

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

/** What reading the tenant property gave: its settings, or why there are none. */
interface TenantRead {
  settings?: ConnectionSettings;
  /** `unset`: no value where this site looks; `unreadable`: the REST call failed; `invalid`: not a JSON object. */
  problem?: 'unset' | 'unreadable' | 'invalid';
  detail?: string;
}

/** Entra ID's last refusal of a token for the API app, until a token comes. */
interface TokenRefusal {
  resource: string;
  detail: string;
}

interface PageRegistry {
  /** Not `settings`: an older package on the same page keeps the bare settings there. */
  tenant?: Promise<TenantRead>;
  configured?: string;
  tokenRefusal?: TokenRefusal;
  /** Every web part on the page, told when the token's outcome changes (the connection is shared). */
  watchers?: Set<() => void>;
}

/** Shared by every lenig web part on the page, also across two versions of this package. */
function page(): PageRegistry {
  const g = globalThis as unknown as Record<symbol, PageRegistry | undefined>;
  return (g[Symbol.for('lenig.spfx')] ??= {});
}

/** The tenant's lenig settings, read once per page, or why there are none. */
function tenantSettings(webUrl: string): Promise<TenantRead> {
  const registry = page();
  registry.tenant ??= fetch(`${webUrl}/_api/web/GetStorageEntity('${SETTINGS_KEY}')`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json;odata=nometadata' },
  })
    .then(async (res): Promise<TenantRead> => {
      if (!res.ok) return { problem: 'unreadable', detail: `HTTP ${res.status} ${res.statusText}`.trim() };
      const value = ((await res.json()) as { Value?: string | null }).Value;
      if (!value) return { problem: 'unset' };
      try {
        const settings = JSON.parse(value) as unknown;
        if (!settings || typeof settings !== 'object' || Array.isArray(settings)) throw new Error('the value is not a JSON object { … }');
        return { settings: settings as ConnectionSettings };
      } catch (e) {
        return { problem: 'invalid', detail: (e as Error).message };
      }
    })
    .catch((e: unknown): TenantRead => ({ problem: 'unreadable', detail: (e as Error).message }))
    .then((read) => {
      if (read.problem === 'unreadable' || read.problem === 'invalid') {
        console.error(`lenig: the tenant property "${SETTINGS_KEY}" could not be read (${read.detail ?? ''}); see docs/sharepoint.md`);
      }
      return read;
    });
  return registry.tenant;
}

function refuseToken(refusal: TokenRefusal | undefined): void {
  const registry = page();
  if (registry.tokenRefusal?.detail === refusal?.detail && registry.tokenRefusal?.resource === refusal?.resource) return;
  registry.tokenRefusal = refusal;
  for (const watcher of [...(registry.watchers ?? [])]) watcher();
}

/** What a set-up that cannot work lacks, or why Entra ID refused the token. */
type SetupProblem =
  | { kind: 'tenant'; problem: NonNullable<TenantRead['problem']>; detail?: string }
  | { kind: 'missing'; fields: ConnectionField[] }
  | { kind: 'token'; resource: string; detail: string };

/** A connection field by its property pane name, with its place in the tenant property's JSON. */
type ConnectionField = [pane: 'databaseURL' | 'projectId' | 'apiKey' | 'tokenUrl' | 'apiResource', json: string];

/** Keeps backquotes in a detail from being taken for code in a message. */
const plain = (text: string) => text.replace(/`/g, "'");

export abstract class LenigWebPart<P extends LenigWebPartProps> extends BaseClientSideWebPart<P> {
  /** The lenig element this web part shows, e.g. `lenig-feed`. */
  protected abstract readonly tagName: string;
  /** Sets the element's attributes from the web part's properties. */
  protected abstract applyProperties(element: HTMLElement): void;
  /** The widget's own property pane fields (channel, category, page size …). */
  protected abstract widgetFields(t: PaneText): IPropertyPaneField<unknown>[];

  private root: HTMLDivElement | undefined;
  private element: HTMLElement | undefined;
  private notice: HTMLDivElement | undefined;
  /** What the notice says, so a re-render with the same problem does not announce it again. */
  private noticeKey = '';
  private theme: IReadonlyTheme | undefined;
  private settings: ConnectionSettings | undefined;
  private tenantProblem: Pick<TenantRead, 'problem' | 'detail'> = {};
  private paneOpen = false;
  private readonly onPageChange = () => this.showSetup();

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    const { settings, ...problem } = await tenantSettings(this.context.pageContext.web.absoluteUrl);
    this.settings = settings;
    this.tenantProblem = problem;
    (page().watchers ??= new Set()).add(this.onPageChange);
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
    this.showSetup();
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this.theme = theme;
    this.applyTheme();
  }

  protected onPropertyPaneConfigurationStart(): void {
    this.paneOpen = true;
    this.showSetup();
  }

  protected onPropertyPaneConfigurationComplete(): void {
    // Also called 5 s after the last change while the pane stays open.
    this.paneOpen = this.context.propertyPane.isPropertyPaneOpen();
    this.showSetup();
  }

  protected onDispose(): void {
    page().watchers?.delete(this.onPageChange);
    this.root?.remove();
    this.root = undefined;
    this.element = undefined;
    this.notice = undefined;
    this.noticeKey = '';
  }

  /**
   * The page-level configuration: the tenant setting where there is one, else this web part's own
   * connection fields (a trial on one page, without the silent sign-in).
   */
  private connection(): LenigConfig {
    const s = this.settings ?? {};
    // Where the tenant property is set, nothing on the page changes where readers' tokens go; nor where it
    // is there but could not be read this time (throttled, a typo in its JSON): that is said to editors.
    const trial = this.trial();
    const p: LenigWebPartProps = trial ? this.properties : {};
    const firebase = {
      ...s.firebase,
      ...(p.databaseURL ? { databaseURL: p.databaseURL } : {}),
      ...(p.apiKey ? { apiKey: p.apiKey } : {}),
      ...(p.authDomain ? { authDomain: p.authDomain } : {}),
      ...(p.projectId ? { projectId: p.projectId } : {}),
    };
    // A trial signs in anonymously or with Microsoft in a window: the silent sign-in is the tenant's.
    const auth = !trial ? s.auth || 'custom-token' : p.auth === 'microsoft' ? 'microsoft' : 'anonymous';
    const { tokenUrl, apiResource } = s;
    const config: LenigConfig = { ...(s.database ? { database: s.database } : {}), firebase, auth, tokenUrl, tenant: s.tenant, emulator: s.emulator };
    if (auth === 'custom-token' && apiResource) {
      // The employee is signed in to SharePoint or Teams already: SPFx gives their Entra ID token for the
      // lenig API app (the admin approved that permission once), which the exchange trades.
      // Entra ID's refusal (AADSTS…) is kept for the message editors see; lenig names it in the console.
      config.tokenSource = () =>
        this.context.aadTokenProviderFactory
          .getTokenProvider()
          .then((provider) => provider.getToken(apiResource))
          .then(
            (token) => {
              refuseToken(undefined);
              return token;
            },
            (error: unknown) => {
              refuseToken({ resource: apiResource, detail: error instanceof Error ? error.message : String(error) });
              throw error;
            },
          );
    }
    return config;
  }

  /** What keeps this web part's set-up from working, most basic first; undefined when nothing does. */
  private setupProblem(): SetupProblem | undefined {
    const config = this.connection();
    const firebase = config.firebase ?? {};
    const fields: ConnectionField[] = [];
    if (config.auth !== 'host') {
      if (config.database === 'firestore') {
        if (!firebase.projectId) fields.push(['projectId', 'firebase.projectId']);
      } else if (!firebase.databaseURL) fields.push(['databaseURL', 'firebase.databaseURL']);
      if (!firebase.apiKey && !config.emulator?.auth) fields.push(['apiKey', 'firebase.apiKey']);
    }
    if (config.auth === 'custom-token') {
      if (!config.tokenUrl) fields.push(['tokenUrl', 'tokenUrl']);
      // Without it the web part has no Entra ID token to send, and the exchange refuses every call.
      if (!config.tokenSource) fields.push(['apiResource', 'apiResource']);
    }
    if (fields.length) {
      const { problem, detail } = this.tenantProblem;
      return problem ? { kind: 'tenant', problem, detail } : { kind: 'missing', fields };
    }
    const refusal = page().tokenRefusal;
    return refusal && { kind: 'token', ...refusal };
  }

  /** Editors get the what and where; so does anyone with the property pane open (Teams has no edit mode). */
  private editing(): boolean {
    return this.displayMode === DisplayMode.Edit || this.paneOpen;
  }

  /**
   * Shows the set-up problem, if any, above the widget: to editors what is wrong and where to fix it, to
   * readers one neutral sentence in place of the widget. Entra ID's refusal is for editors only: readers
   * see the widget's own "Could not connect", with Try again.
   */
  private showSetup(): void {
    if (!this.root || !this.element) return;
    const problem = this.setupProblem();
    const editing = this.editing();
    this.element.style.display = problem && problem.kind !== 'token' ? 'none' : '';
    const lang = this.root.lang;
    const key = problem && (editing || problem.kind !== 'token') ? JSON.stringify([lang, editing, problem]) : '';
    if (key === this.noticeKey) return;
    this.noticeKey = key;
    this.notice?.remove();
    this.notice = undefined;
    if (!problem || !key) return;
    const t = paneText(lang);
    const notice = document.createElement('div');
    notice.className = 'lenig-setup';
    if (!editing) {
      notice.setAttribute('role', 'status');
      notice.style.cssText = 'color:var(--lenig-color-text-quiet,#605e5c);font-family:var(--lenig-font-family,inherit);padding:8px 0';
      notice.textContent = t.notSetUp;
    } else {
      const [text, fix, section] = this.explain(problem, t);
      notice.setAttribute('role', 'alert');
      notice.style.cssText =
        'color:var(--lenig-color-text,#242424);background:var(--lenig-color-surface-raised,#faf9f8);font-family:var(--lenig-font-family,inherit);' +
        'line-height:1.45;padding:12px 16px;margin-block-end:12px;border:1px solid var(--lenig-color-border,#e1dfdd);border-inline-start:4px solid var(--lenig-color-danger,#a4262c);border-radius:4px';
      const title = document.createElement('strong');
      title.textContent = problem.kind === 'token' ? t.signInTitle : t.setUpTitle;
      const link = document.createElement('a');
      link.href = `${GUIDE}#${section}`;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = t.guide;
      link.style.cssText = 'color:var(--lenig-color-accent,#0f6cbd);text-decoration:underline';
      notice.append(title, paragraph(text), paragraph(fix), paragraph(link), paragraph(problem.kind === 'token' ? t.editorsOnlySignIn : t.editorsOnly, 'color:var(--lenig-color-text-quiet,#605e5c)'));
    }
    this.notice = notice;
    this.root.prepend(notice);
  }

  /** The problem, its fix and the guide's section, in the web part's language. */
  private explain(problem: SetupProblem, t: PaneText): [string, string, string] {
    const connection = '3-store-the-connection-once-for-the-tenant';
    const approval = '4-upload-the-package-and-approve-the-api-permission';
    switch (problem.kind) {
      case 'tenant':
        if (problem.problem === 'invalid') return [t.tenantInvalid(plain(problem.detail ?? '')), t.tenantInvalidFix, connection];
        return [problem.problem === 'unset' ? t.tenantUnset : t.tenantUnreadable(plain(problem.detail ?? '')), t.tenantFix, connection];
      case 'missing':
        if (problem.fields.length === 1 && problem.fields[0]![0] === 'apiResource') return [t.apiResourceMissing, t.apiResourceFix, connection];
        return [t.missing(problem.fields.map(([pane, json]) => `${t[pane]} (\`${json}\`)`).join(', ')), t.missingFix, connection];
      case 'token': {
        const code = /AADSTS\d+/.exec(problem.detail)?.[0];
        const resource = plain(problem.resource);
        if (code === 'AADSTS500011' || code === 'AADSTS50001') return [t.tokenUnknownApi(resource, code), t.tokenUnknownApiFix, connection];
        if (/AADSTS(65001|65004|90094)\b|consent/i.test(problem.detail)) return [t.tokenNotApproved(code ?? 'consent'), t.tokenNotApprovedFix, approval];
        const detail = plain(problem.detail.split('\n')[0]!.slice(0, 240));
        return [t.tokenRefused(resource, detail), t.tokenRefusedFix, 'what-to-check-when-it-does-not-work'];
      }
    }
  }

  /** Whether this page tries lenig with its own connection: only while the tenant property is not set at all. */
  private trial(): boolean {
    return !this.settings && this.tenantProblem.problem === 'unset';
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
    const s = this.trial() ? undefined : (this.settings ?? {});
    // Set for the tenant: shown, not editable (see connection()), and the page's own values from a trial or an
    // older version go (a pane shows a page's value rather than `value`). Not set: a trial on this page.
    if (s) for (const key of CONNECTION_PROPERTIES) delete this.properties[key];
    const field = (key: 'databaseURL' | 'apiKey' | 'projectId' | 'authDomain', label: string, value: string | undefined) =>
      PropertyPaneTextField(key, s ? { label, disabled: true, value: value ?? '', description: value ? t.setForTenant : t.notSetInTenant } : { label, description: t.trialOnly });
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
          s
            ? PropertyPaneDropdown('auth', {
                label: t.signIn,
                disabled: true,
                options: [{ key: '', text: t.fromTenant(s.auth === 'anonymous' ? t.signInAnonymous : s.auth === 'microsoft' ? t.signInPopup : t.signInEntra) }],
                selectedKey: '',
              })
            : PropertyPaneDropdown('auth', {
                label: t.signIn,
                // The silent sign-in needs the tenant property's token exchange and API app.
                options: [
                  { key: 'anonymous', text: t.signInAnonymous },
                  { key: 'microsoft', text: t.signInPopup },
                ],
                selectedKey: this.properties.auth === 'microsoft' ? 'microsoft' : 'anonymous',
              }),
          field('databaseURL', t.databaseURL, s?.firebase?.databaseURL),
          field('apiKey', t.apiKey, s?.firebase?.apiKey),
          field('projectId', t.projectId, s?.firebase?.projectId),
          field('authDomain', t.authDomain, s?.firebase?.authDomain),
        ],
      },
    ];
    return { pages: [{ header: { description: t.description }, groups }] };
  }
}

/** A paragraph of a message; `backquoted` words become code. */
function paragraph(content: string | Node, style = ''): HTMLParagraphElement {
  const p = document.createElement('p');
  p.style.cssText = `margin:8px 0 0;${style}`;
  if (typeof content !== 'string') p.append(content);
  else
    content.split('`').forEach((part, i) => {
      if (i % 2 === 0) return p.append(part);
      const code = document.createElement('code');
      code.textContent = part;
      code.style.cssText = 'font-family:Consolas,Menlo,monospace;font-size:.95em';
      p.append(code);
    });
  return p;
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
