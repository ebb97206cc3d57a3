import { defineMessages } from '../localize.js';

/** Strings every widget shares: configuration problems, loading, offline, errors. */
const en = {
  loading: 'Loading…',
  retry: 'Try again',
  offline: 'You are offline. Changes are kept and sent when the connection is back.',
  unconfigured: 'This widget is not configured. Add <lenig-config database-url="…"> to the page.',
  missingField: (field: string) => `This widget is not configured: "${field}" is missing.`,
  invalidField: (field: string) => `This widget is not configured: "${field}" is not valid.`,
  conflictingConfig: (fields: string) => `This widget is not configured: the page has two <lenig-config> elements that differ in ${fields}. Keep one.`,
  missingAttribute: (element: string, attribute: string) => `<${element}> needs a "${attribute}" attribute.`,
  connectFailed: 'Could not connect to the intranet service.',
  permissionDenied: 'You are not allowed to do that.',
  signInToContinue: 'Sign in to take part.',
  signIn: 'Sign in',
  somethingWrong: 'Something went wrong.',
  unknownPerson: 'Someone',
  waitingOffline: 'You are offline. This appears as soon as the connection is back.',
  waitingSlow: 'The intranet service cannot be reached yet. Still trying…',
  cspBlocked: (host: string) =>
    `This page’s content security policy blocks the connection to ${host}. Ask the site’s administrator to allow it.`,
};
/** The table's shape, which the Dutch module (./nl/common.ts) must match key for key. */
export type CommonTable = typeof en;

export const commonMessages = defineMessages('common', { en: en, nl: () => import('./nl/common.js') });
