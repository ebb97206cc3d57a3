/**
 * `lenig/config`: configuration without elements. A page or app that loads only the widgets it shows
 * (`lenig/components/like-button/like-button.js`, …) configures them from here; importing this module
 * defines no element and does not load Firebase (that happens in `configure()`, on demand).
 */
export { configure, configureFromPage, whenStore } from './configure.js';
export type { AuthMode, ConfigProblem, Database, LenigConfig } from './page.js';
export type { LenigStore, StoreErrorCode } from '../data/store.js';
export type { Lang } from '../i18n/localize.js';
