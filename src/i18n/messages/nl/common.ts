import type { CommonTable } from '../common.js';

/** Dutch strings of the `common` table, fetched only by pages that show Dutch (see `defineMessages`). */
const nl: CommonTable = {
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
  waitingOffline: 'Je bent offline. Dit verschijnt zodra de verbinding terug is.',
  waitingSlow: 'De intranetdienst is nog niet bereikbaar. We blijven het proberen…',
  cspBlocked: (host: string) =>
    `Het beveiligingsbeleid (content security policy) van deze pagina blokkeert de verbinding met ${host}. Vraag de beheerder van de site om die toe te staan.`,
};
export default nl;
