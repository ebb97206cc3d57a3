/**
 * lenig: social intranet widgets. Importing this module defines every element; configure the page once
 * with `<lenig-config>` or `configure()`.
 */
import { configureFromPage } from './config/configure.js';

export { configure } from './config/configure.js';
export type { LenigConfig, AuthMode, ConfigProblem } from './config/page.js';
export * from './data/types.js';
export * from './data/store.js';
export { storeContext } from './data/context.js';
export { MemoryStore } from './data/memory-store.js';

export { LenigConfigElement } from './components/config/config.js';

if (typeof document !== 'undefined') configureFromPage();
