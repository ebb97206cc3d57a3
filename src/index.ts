/**
 * lenig: social intranet widgets. Importing this module defines every element; configure the page once
 * with `<lenig-config>` or `configure()`.
 */
import { configureFromPage } from './config/configure.js';

export { configure, whenStore } from './config/configure.js';
export type { LenigConfig, AuthMode, ConfigProblem } from './config/page.js';
export * from './data/types.js';
export * from './data/store.js';
export { storeContext } from './data/context.js';
export { MemoryStore } from './data/memory-store.js';

export { LenigConfigElement } from './components/config/config.js';
export { LenigLikeButtonElement, type LikedDetail, type LenigErrorDetail } from './components/like-button/like-button.js';
export { LenigLikeViewElement, type LikeToggleDetail, type LikeTargetDetail, type LikeIcon } from './components/like-button/like-view.js';
export { LenigComposer, type PostCreatedDetail, type ComposerErrorDetail } from './components/composer/composer.js';
export { OptimisticLikes, type LikeView } from './components/like-button/optimistic-likes.js';

if (typeof document !== 'undefined') configureFromPage();
