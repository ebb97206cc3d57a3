/**
 * Property pane texts in English and Dutch, chosen by SharePoint's interface language, and the web
 * part's own messages about a set-up that cannot work, in the web part's language. Kept in code (not
 * SPFx's localized resource modules) so the package carries one bundle and no extra requests.
 *
 * In a message, `backquoted` words are names to type as they are (a tenant property, a JSON field): the
 * web part shows them as code.
 */
export interface PaneText {
  description: string;
  widgetGroup: string;
  channel: string;
  channelHelp: string;
  category: string;
  categoryHelp: string;
  categories: string;
  categoriesHelp: string;
  pageSize: string;
  target: string;
  targetHelp: string;
  icon: string;
  iconThumb: string;
  iconHeart: string;
  view: string;
  viewColumns: string;
  viewList: string;
  sort: string;
  sortTop: string;
  sortNew: string;
  months: string;
  tab: string;
  tabReports: string;
  tabChannels: string;
  tabPeople: string;
  tabExport: string;
  languageGroup: string;
  language: string;
  followPage: string;
  connectionGroup: string;
  signIn: string;
  signInEntra: string;
  signInAnonymous: string;
  signInPopup: string;
  databaseURL: string;
  apiKey: string;
  projectId: string;
  authDomain: string;
  tokenUrl: string;
  apiResource: string;
  fromTenant: (value: string) => string;
  notSetInTenant: string;
  /** Under a connection field the tenant property sets (shown, not editable). */
  setForTenant: string;
  /** Under a connection field while the tenant property is not set. */
  trialOnly: string;

  /** What readers see in place of a widget that is not set up: short, and nothing about the set-up. */
  notSetUp: string;
  /** Headings of the message editors see (edit mode, or the property pane open). */
  setUpTitle: string;
  signInTitle: string;
  editorsOnly: string;
  editorsOnlySignIn: string;
  /** A link to the guide, which opens in a new tab. */
  guide: string;
  tenantUnset: string;
  tenantUnreadable: (status: string) => string;
  tenantFix: string;
  tenantInvalid: (detail: string) => string;
  tenantInvalidFix: string;
  /** `fields`: the property pane's names with the JSON fields, e.g. Realtime Database URL (`firebase.databaseURL`). */
  missing: (fields: string) => string;
  missingFix: string;
  apiResourceMissing: string;
  apiResourceFix: string;
  tokenUnknownApi: (resource: string, code: string) => string;
  tokenUnknownApiFix: string;
  tokenNotApproved: (code: string) => string;
  tokenNotApprovedFix: string;
  tokenRefused: (resource: string, detail: string) => string;
  tokenRefusedFix: string;
}

/** The guide an admin follows (docs/sharepoint.md); its sections are linked by their headings' anchors. */
export const GUIDE = 'https://github.com/lenig/lenig/blob/main/docs/sharepoint.md';

const en: PaneText = {
  description: 'lenig: your intranet\'s own social widgets. The connection is set once for the whole tenant (tenant property lenig-connection); until it is, the Connection group lets you try lenig on this page.',
  widgetGroup: 'Widget',
  channel: 'Channel',
  channelHelp: 'The channel id, e.g. news',
  category: 'Category',
  categoryHelp: 'Show only this category (empty: all)',
  categories: 'Categories offered',
  categoriesHelp: 'Comma-separated category ids, in this order (empty: the channel\'s own)',
  pageSize: 'Posts per page',
  target: 'What is liked',
  targetHelp: 'Empty: this page',
  icon: 'Icon',
  iconThumb: 'Thumb',
  iconHeart: 'Heart',
  view: 'View',
  viewColumns: 'Columns by status',
  viewList: 'List',
  sort: 'Order',
  sortTop: 'Most votes first',
  sortNew: 'Newest first',
  months: 'Months shown',
  tab: 'Opens on',
  tabReports: 'Reports',
  tabChannels: 'Channels',
  tabPeople: 'People',
  tabExport: 'Export',
  languageGroup: 'Language',
  language: 'Language',
  followPage: 'Follow the page',
  connectionGroup: 'Connection',
  signIn: 'Sign-in',
  signInEntra: 'Microsoft Entra ID, silently (token exchange)',
  signInAnonymous: 'Anonymous',
  signInPopup: 'Microsoft, in a window',
  databaseURL: 'Realtime Database URL',
  apiKey: 'Firebase Web API key',
  projectId: 'Firebase project id',
  authDomain: 'Firebase auth domain',
  tokenUrl: 'Token exchange URL',
  apiResource: 'API app (Application ID URI)',
  fromTenant: (value) => `Tenant setting: ${value}`,
  notSetInTenant: 'Not set for the tenant',
  setForTenant: 'Set for the whole tenant (lenig-connection); a page cannot change it.',
  trialOnly: 'Only while the tenant property lenig-connection is not set: to try lenig on this page.',

  notSetUp: 'This part of the page is not set up yet.',
  setUpTitle: 'lenig is not connected yet',
  signInTitle: 'lenig cannot sign people in',
  editorsOnly: 'Only people editing this page see this message. Readers see: “This part of the page is not set up yet.”',
  editorsOnlySignIn: 'Only people editing this page see this message. Readers see the widget’s own “Could not connect to the intranet service.”, with Try again.',
  guide: 'How to fix this, in the lenig SharePoint guide (opens in a new tab)',
  tenantUnset: 'The tenant property `lenig-connection` is not set, or this site cannot read it.',
  tenantUnreadable: (status) => `The tenant property \`lenig-connection\` could not be read (${status}).`,
  tenantFix: 'A SharePoint admin sets it once for the whole tenant, in the tenant app catalog. To try lenig on this page only until then, fill in the Connection group of this web part’s property pane (people sign in anonymously or with Microsoft in a window; signing in silently needs the tenant property).',
  tenantInvalid: (detail) => `The tenant property \`lenig-connection\` is not valid JSON: ${detail}`,
  tenantInvalidFix: 'A SharePoint admin sets it again with valid JSON: double quotes around every name and text, no comma after the last field.',
  missing: (fields) => `The connection lacks: ${fields}.`,
  missingFix: 'A SharePoint admin adds what is missing to the tenant property `lenig-connection`.',
  apiResourceMissing: 'Signing people in silently needs the Application ID URI of the lenig API app (`apiResource`, e.g. `api://…`), and none is set.',
  apiResourceFix: 'Copy it from the API app’s Expose an API page in Microsoft Entra ID into `apiResource` in the tenant property `lenig-connection`.',
  tokenUnknownApi: (resource, code) => `SharePoint could not get a sign-in token: no API app in this tenant has the Application ID URI \`${resource}\` (${code}).`,
  tokenUnknownApiFix: 'Copy the Application ID URI from the lenig API app’s Expose an API page in Microsoft Entra ID into `apiResource` in the tenant property `lenig-connection`.',
  tokenNotApproved: (code) => `SharePoint could not get a sign-in token: the API permission “lenig — user_impersonation” has not been approved (${code}).`,
  tokenNotApprovedFix: 'A SharePoint admin approves it in the SharePoint admin centre → Advanced → API access. The API app must be named exactly `lenig`.',
  tokenRefused: (resource, detail) => `SharePoint could not get a sign-in token for \`${resource}\`: ${detail}`,
  tokenRefusedFix: 'Check `apiResource`, and that the API permission “lenig — user_impersonation” is approved (SharePoint admin centre → Advanced → API access).',
};

const nl: PaneText = {
  description: 'lenig: de eigen sociale widgets van je intranet. De verbinding wordt één keer voor de hele tenant ingesteld (tenanteigenschap lenig-connection); tot die er is, kun je lenig met de groep Verbinding op deze pagina proberen.',
  widgetGroup: 'Widget',
  channel: 'Kanaal',
  channelHelp: 'De id van het kanaal, bijv. nieuws',
  category: 'Categorie',
  categoryHelp: 'Alleen deze categorie tonen (leeg: alle)',
  categories: 'Aangeboden categorieën',
  categoriesHelp: 'Categorie-id\'s met komma\'s ertussen, in deze volgorde (leeg: die van het kanaal)',
  pageSize: 'Berichten per pagina',
  target: 'Wat wordt geliket',
  targetHelp: 'Leeg: deze pagina',
  icon: 'Pictogram',
  iconThumb: 'Duim',
  iconHeart: 'Hart',
  view: 'Weergave',
  viewColumns: 'Kolommen per status',
  viewList: 'Lijst',
  sort: 'Volgorde',
  sortTop: 'Meeste stemmen eerst',
  sortNew: 'Nieuwste eerst',
  months: 'Getoonde maanden',
  tab: 'Opent op',
  tabReports: 'Gemelde berichten',
  tabChannels: 'Kanalen',
  tabPeople: 'Mensen',
  tabExport: 'Exporteren',
  languageGroup: 'Taal',
  language: 'Taal',
  followPage: 'Volg de pagina',
  connectionGroup: 'Verbinding',
  signIn: 'Aanmelden',
  signInEntra: 'Microsoft Entra ID, automatisch (tokenuitwisseling)',
  signInAnonymous: 'Anoniem',
  signInPopup: 'Microsoft, in een venster',
  databaseURL: 'URL van de Realtime Database',
  apiKey: 'Firebase Web API-sleutel',
  projectId: 'Firebase-project-id',
  authDomain: 'Firebase-auth-domein',
  tokenUrl: 'URL van de tokenuitwisseling',
  apiResource: 'API-app (Application ID URI)',
  fromTenant: (value) => `Tenantinstelling: ${value}`,
  notSetInTenant: 'Niet ingesteld voor de tenant',
  setForTenant: 'Ingesteld voor de hele tenant (lenig-connection); een pagina kan dit niet wijzigen.',
  trialOnly: 'Alleen zolang de tenanteigenschap lenig-connection niet is ingesteld: om lenig op deze pagina te proberen.',

  notSetUp: 'Dit deel van de pagina is nog niet ingesteld.',
  setUpTitle: 'lenig is nog niet verbonden',
  signInTitle: 'lenig kan niemand aanmelden',
  editorsOnly: 'Alleen wie deze pagina bewerkt, ziet deze melding. Lezers zien: “Dit deel van de pagina is nog niet ingesteld.”',
  editorsOnlySignIn: 'Alleen wie deze pagina bewerkt, ziet deze melding. Lezers zien de eigen melding van de widget, “Kan geen verbinding maken met de intranetdienst.”, met Opnieuw proberen.',
  guide: 'Zo los je dit op, in de SharePoint-handleiding van lenig (opent in een nieuw tabblad)',
  tenantUnset: 'De tenanteigenschap `lenig-connection` is niet ingesteld, of deze site kan haar niet lezen.',
  tenantUnreadable: (status) => `De tenanteigenschap \`lenig-connection\` kon niet worden gelezen (${status}).`,
  tenantFix: 'Een SharePoint-beheerder stelt haar één keer in voor de hele tenant, in de tenant-appcatalogus. Om lenig tot dan alleen op deze pagina te proberen, vul je de groep Verbinding in het eigenschappenvenster van dit webonderdeel in (mensen melden zich dan anoniem aan of met Microsoft in een venster; automatisch aanmelden vraagt de tenanteigenschap).',
  tenantInvalid: (detail) => `De tenanteigenschap \`lenig-connection\` is geen geldige JSON: ${detail}`,
  tenantInvalidFix: 'Een SharePoint-beheerder stelt haar opnieuw in met geldige JSON: dubbele aanhalingstekens om elke naam en tekst, geen komma na het laatste veld.',
  missing: (fields) => `De verbinding mist: ${fields}.`,
  missingFix: 'Een SharePoint-beheerder vult aan wat ontbreekt in de tenanteigenschap `lenig-connection`.',
  apiResourceMissing: 'Automatisch aanmelden heeft de Application ID URI van de lenig-API-app nodig (`apiResource`, bijv. `api://…`), en die is niet ingesteld.',
  apiResourceFix: 'Kopieer die van de pagina Expose an API van de API-app in Microsoft Entra ID naar `apiResource` in de tenanteigenschap `lenig-connection`.',
  tokenUnknownApi: (resource, code) => `SharePoint kon geen aanmeldtoken krijgen: geen API-app in deze tenant heeft de Application ID URI \`${resource}\` (${code}).`,
  tokenUnknownApiFix: 'Kopieer de Application ID URI van de pagina Expose an API van de lenig-API-app in Microsoft Entra ID naar `apiResource` in de tenanteigenschap `lenig-connection`.',
  tokenNotApproved: (code) => `SharePoint kon geen aanmeldtoken krijgen: de API-machtiging “lenig — user_impersonation” is niet goedgekeurd (${code}).`,
  tokenNotApprovedFix: 'Een SharePoint-beheerder keurt die goed in het SharePoint-beheercentrum → Geavanceerd → API-toegang. De API-app moet precies `lenig` heten.',
  tokenRefused: (resource, detail) => `SharePoint kon geen aanmeldtoken krijgen voor \`${resource}\`: ${detail}`,
  tokenRefusedFix: 'Controleer `apiResource`, en of de API-machtiging “lenig — user_impersonation” is goedgekeurd (SharePoint-beheercentrum → Geavanceerd → API-toegang).',
};

/** The texts for SharePoint's interface language, e.g. `nl-NL`. */
export function paneText(culture: string | undefined): PaneText {
  return /^nl\b/i.test(culture ?? '') ? nl : en;
}
