import { defineMessages } from '../localize.js';

/** Strings every widget shares: configuration problems, loading, offline, errors. */
export const commonMessages = defineMessages('common', {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'You are offline. Changes are kept and sent when the connection is back.',
    unconfigured: 'This widget is not configured. Add <lenig-config database-url="…"> to the page.',
    missingField: (field: string) => `This widget is not configured: "${field}" is missing.`,
    invalidField: (field: string) => `This widget is not configured: "${field}" is not valid.`,
    missingAttribute: (element: string, attribute: string) => `<${element}> needs a "${attribute}" attribute.`,
    connectFailed: 'Could not connect to the intranet service.',
    permissionDenied: 'You are not allowed to do that.',
    signInToContinue: 'Sign in to take part.',
    signIn: 'Sign in',
    somethingWrong: 'Something went wrong.',
    unknownPerson: 'Someone',
  },
  nl: {
    loading: 'Laden…',
    retry: 'Opnieuw proberen',
    offline: 'Je bent offline. Wijzigingen blijven bewaard en worden verstuurd zodra de verbinding terug is.',
    unconfigured: 'Deze widget is niet ingesteld. Voeg <lenig-config database-url="…"> toe aan de pagina.',
    missingField: (field: string) => `Deze widget is niet ingesteld: "${field}" ontbreekt.`,
    invalidField: (field: string) => `Deze widget is niet ingesteld: "${field}" is ongeldig.`,
    missingAttribute: (element: string, attribute: string) => `<${element}> heeft een "${attribute}"-attribuut nodig.`,
    connectFailed: 'Kan geen verbinding maken met de intranetdienst.',
    permissionDenied: 'Dat mag je niet doen.',
    signInToContinue: 'Log in om mee te doen.',
    signIn: 'Inloggen',
    somethingWrong: 'Er ging iets mis.',
    unknownPerson: 'Iemand',
  },
});
