/**
 * Property pane texts in English and Dutch, chosen by SharePoint's interface language. Kept in code
 * (not SPFx's localized resource modules) so the package carries one bundle and no extra requests.
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
}

const en: PaneText = {
  description: 'lenig: your intranet\'s own social widgets. The connection is set once for the whole tenant; change it here only to try a different one on this page.',
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
};

const nl: PaneText = {
  description: 'lenig: de eigen sociale widgets van je intranet. De verbinding wordt één keer voor de hele tenant ingesteld; wijzig die hier alleen om op deze pagina een andere te proberen.',
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
};

/** The texts for SharePoint's interface language, e.g. `nl-NL`. */
export function paneText(culture: string | undefined): PaneText {
  return /^nl\b/i.test(culture ?? '') ? nl : en;
}
