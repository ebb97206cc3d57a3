import { LitElement } from 'lit';
import { configure, refuseConfiguration } from '../../config/configure.js';
import type { AuthMode, Database, LenigConfig } from '../../config/page.js';
import { warnOnce } from '../../log.js';
import { languages } from '../../i18n/localize.js';
import { define } from '../shared/define.js';

/**
 * Configures every lenig widget on the page, wherever they stand (SharePoint renders each web part in its
 * own subtree). Put one on the page; it renders nothing. The values are the Firebase web app's config
 * from the Firebase console.
 *
 * ```html
 * <lenig-config database-url="https://acme-intranet-default-rtdb.europe-west1.firebasedatabase.app"
 *   api-key="AIza…" auth-domain="acme-intranet.firebaseapp.com" project-id="acme-intranet"
 *   auth="microsoft" tenant="acme.onmicrosoft.com"></lenig-config>
 * ```
 *
 * On Cloud Firestore: `<lenig-config database="firestore" project-id="acme-intranet" api-key="AIza…" …>`.
 *
 * Missing or wrong values are named in the console and in each widget.
 *
 * @summary Page-level configuration: Firebase project, sign-in method, language.
 */
export class LenigConfigElement extends LitElement {
  // Declared as Lit's static properties rather than with one decorator call each: the core chunk every
  // page loads is smaller.
  static override properties = {
    database: {},
    databaseUrl: { attribute: 'database-url' },
    apiKey: { attribute: 'api-key' },
    authDomain: { attribute: 'auth-domain' },
    projectId: { attribute: 'project-id' },
    appId: { attribute: 'app-id' },
    auth: {},
    tokenUrl: { attribute: 'token-url' },
    tenant: {},
    language: { attribute: 'language' },
    emulatorDatabase: { attribute: 'emulator-database' },
    emulatorAuth: { attribute: 'emulator-auth' },
    emulatorFirestore: { attribute: 'emulator-firestore' },
  };

  /**
   * Where the data lives: `realtime` (default; needs `database-url`) or `firestore` (Cloud Firestore; needs
   * `project-id`). The page loads the code of that database only.
   */
  declare database?: Database;
  /** The Realtime Database URL. Required unless `database="firestore"`. */
  declare databaseUrl?: string;
  /** The Firebase Web API key. Required unless `auth="host"` or a local backend is used. */
  declare apiKey?: string;
  /** The Firebase auth domain, e.g. `acme-intranet.firebaseapp.com`. Required for `auth="microsoft"` (its sign-in popup runs there). */
  declare authDomain?: string;
  /** The Firebase project id, e.g. `acme-intranet`. */
  declare projectId?: string;
  /** The Firebase Web app id (Project settings → General → Your apps). Optional. */
  declare appId?: string;
  /** How employees sign in: `anonymous` (default), `custom-token`, `microsoft`, `host` (the page's own Firebase app) or `email`. */
  declare auth?: AuthMode;
  /** For `auth="custom-token"`: the intranet endpoint that returns a Firebase custom token. Cookies are sent. */
  declare tokenUrl?: string;
  /** For `auth="microsoft"`: the Entra ID tenant id or domain. */
  declare tenant?: string;
  /** Forces `en` or `nl` for every widget; by default each follows its nearest `lang` attribute. */
  declare language?: string;
  /** Local backend: the database emulator URL, e.g. `ws://127.0.0.1:9000?ns=demo-lenig`. */
  declare emulatorDatabase?: string;
  /** Local backend: the Auth emulator URL, e.g. `http://127.0.0.1:9099`. */
  declare emulatorAuth?: string;
  /** Local backend with `database="firestore"`: the Firestore emulator's host and port, e.g. `127.0.0.1:8080`. */
  declare emulatorFirestore?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.hidden = true;
    configElements.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    configElements.delete(this);
    // The one that stays (if two disagreed) now configures the page alone.
    if (configElements.size > 0) scheduleConfigure();
  }

  // Configure after the first batch of attribute changes, not once per attribute.
  protected override updated(): void {
    scheduleConfigure();
  }

  /** The configuration these attributes describe. */
  toConfig(): LenigConfig {
    const known = languages();
    const lang = known.find((l) => l === this.language?.toLowerCase());
    if (this.language && !lang) warnOnce(`<lenig-config language="${this.language}"> — use ${known.map((l) => `"${l}"`).join(' or ')}; following the page's lang instead.`);
    return {
      ...(this.database ? { database: this.database } : {}),
      firebase: {
        databaseURL: this.emulatorDatabase ?? this.databaseUrl,
        apiKey: this.apiKey,
        authDomain: this.authDomain,
        projectId: this.projectId,
        appId: this.appId,
      },
      auth: this.auth,
      tokenUrl: this.tokenUrl,
      tenant: this.tenant,
      lang,
      emulator:
        this.emulatorDatabase || this.emulatorAuth || this.emulatorFirestore
          ? { database: this.emulatorDatabase, auth: this.emulatorAuth, ...(this.emulatorFirestore ? { firestore: this.emulatorFirestore } : {}) }
          : undefined,
    };
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}

/** Every connected `<lenig-config>` on the page, across copies of lenig (SharePoint may load two). */
const configElements: Set<LenigConfigElement> = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.config-elements')] ??=
  new Set<LenigConfigElement>()) as Set<LenigConfigElement>;
let scheduled = false;

function scheduleConfigure(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    configureFromElements();
  });
}

/**
 * One `<lenig-config>` configures the page. Several that say the same (two web parts each carrying
 * one) are fine; several that differ are a conflict, named instead of letting the last one win.
 */
function configureFromElements(): void {
  const elements = [...configElements].filter((e) => e.isConnected);
  if (elements.length === 0) return;
  const attributes = (LenigConfigElement as unknown as { observedAttributes: string[] }).observedAttributes;
  const differ = attributes.filter((name) => new Set(elements.map((e) => e.getAttribute(name))).size > 1);
  if (differ.length === 0) {
    configure(elements[0]!.toConfig());
    return;
  }
  const fields = differ.join(', ');
  refuseConfiguration([
    {
      field: fields,
      problem: 'conflict',
      detail: `the page has ${elements.length} <lenig-config> elements that differ in ${fields}; remove all but one`,
    },
  ]);
}

define('lenig-config', LenigConfigElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-config': LenigConfigElement;
  }
}
