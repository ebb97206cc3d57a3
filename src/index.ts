/**
 * lenig: social intranet widgets. Importing this module defines every element; configure the page once
 * with `<lenig-config>` or `configure()`.
 */
import { configureFromPage } from './config/configure.js';

export { configure, configurePending, whenStore } from './config/configure.js';
export type { LenigConfig, AuthMode, ConfigProblem, Database } from './config/page.js';
export * from './data/types.js';
export * from './data/store.js';
export { storeContext } from './data/context.js';
export { registerMessages, languages, type Lang } from './i18n/localize.js';
export type { MessageCatalog, MessagesForLanguage } from './i18n/catalog.js';
export type { LenigErrorDetail } from './components/shared/events.js';

export { LenigConfigElement } from './components/config/config.js';
export { LenigLikeButtonElement, type LikedDetail } from './components/like-button/like-button.js';
export { LenigLikeViewElement, type LikeToggleDetail, type LikeTargetDetail, type LikeIcon } from './components/like-button/like-view.js';
export { LenigComposerElement, type PostCreatedDetail } from './components/composer/composer.js';
export {
  LenigFeedElement,
  type FeedPostDetail,
  type FeedPostEditedDetail,
  type FeedPostHiddenDetail,
} from './components/feed/feed.js';
export {
  LenigPostCardElement,
  type PostRequestDetail,
  type PostEditRequestDetail,
  type PostReportRequestDetail,
  type PostHideRequestDetail,
} from './components/post-card/post-card.js';
export { LenigCommentsElement, type CommentCreatedDetail } from './components/comments/comments.js';
export {
  LenigIdeaBoardElement,
  type IdeaSubmittedDetail,
  type IdeaStatusChangedDetail,
  type IdeaAssignedDetail,
  type IdeaMergedDetail,
  type IdeaBoardView,
  type IdeaSort,
} from './components/idea-board/idea-board.js';
export { LenigIdeaCardElement, type IdeaOpenDetail, type IdeaPost } from './components/idea-card/idea-card.js';
export { LenigInsightsElement } from './components/insights/insights.js';
export {
  LenigNotificationsElement,
  type NotificationOpenDetail,
} from './components/notifications/notifications.js';

export {
  LenigAdminElement,
  type AdminTab,
  type ReportResolvedDetail,
  type ChannelSavedDetail,
  type SetUpDetail,
} from './components/admin/admin.js';

if (typeof document !== 'undefined') configureFromPage();
