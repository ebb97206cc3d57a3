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
    conflictingConfig: (fields: string) => `This widget is not configured: the page has two <lenig-config> elements that differ in ${fields}. Keep one.`,
    missingAttribute: (element: string, attribute: string) => `<${element}> needs a "${attribute}" attribute.`,
    connectFailed: 'Could not connect to the intranet service.',
    permissionDenied: 'You are not allowed to do that.',
    signInToContinue: 'Sign in to take part.',
    signIn: 'Sign in',
    somethingWrong: 'Something went wrong.',
    unknownPerson: 'Someone',
    signInToRead: 'Sign in to see this.',
    channelMissing: (channel: string) => `The channel “${channel}” does not exist. Let the intranet team know.`,
    channelMissingAdmin: (channel: string) =>
      `The channel “${channel}” does not exist. Create it here (with the default categories), or correct this widget’s channel attribute.`,
    createChannel: 'Create this channel',
    creatingChannel: 'Creating the channel…',
    waitingOffline: 'You are offline. This appears as soon as the connection is back.',
    waitingSlow: 'The intranet service cannot be reached yet. Still trying…',
    cspBlocked: (host: string) =>
      `This page’s content security policy blocks the connection to ${host}. Ask the site’s administrator to allow it.`,
  },
  nl: {
    loading: 'Laden…',
    retry: 'Opnieuw proberen',
    offline: 'Je bent offline. Wijzigingen blijven bewaard en worden verstuurd zodra de verbinding terug is.',
    unconfigured: 'Deze widget is niet ingesteld. Voeg <lenig-config database-url="…"> toe aan de pagina.',
    missingField: (field: string) => `Deze widget is niet ingesteld: "${field}" ontbreekt.`,
    invalidField: (field: string) => `Deze widget is niet ingesteld: "${field}" is ongeldig.`,
    conflictingConfig: (fields: string) => `Deze widget is niet ingesteld: de pagina heeft twee <lenig-config>-elementen die verschillen in ${fields}. Houd er één over.`,
    missingAttribute: (element: string, attribute: string) => `<${element}> heeft een "${attribute}"-attribuut nodig.`,
    connectFailed: 'Kan geen verbinding maken met de intranetdienst.',
    permissionDenied: 'Dat mag je niet doen.',
    signInToContinue: 'Log in om mee te doen.',
    signIn: 'Inloggen',
    somethingWrong: 'Er ging iets mis.',
    unknownPerson: 'Iemand',
    signInToRead: 'Log in om dit te zien.',
    channelMissing: (channel: string) => `Het kanaal “${channel}” bestaat niet. Laat het intranetteam het weten.`,
    channelMissingAdmin: (channel: string) =>
      `Het kanaal “${channel}” bestaat niet. Maak het hier aan (met de standaardcategorieën), of verbeter het channel-attribuut van deze widget.`,
    createChannel: 'Maak dit kanaal aan',
    creatingChannel: 'Kanaal aanmaken…',
    waitingOffline: 'Je bent offline. Dit verschijnt zodra de verbinding terug is.',
    waitingSlow: 'De intranetdienst is nog niet bereikbaar. We blijven het proberen…',
    cspBlocked: (host: string) =>
      `Het beveiligingsbeleid (content security policy) van deze pagina blokkeert de verbinding met ${host}. Vraag de beheerder van de site om die toe te staan.`,
  },
});
