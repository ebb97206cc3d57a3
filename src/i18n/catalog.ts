/**
 * The names and shapes of lenig's string tables, for `registerMessages()`. Type-only: nothing here is
 * bundled, so a page that shows one widget still loads only that widget's strings.
 */
import type { Messages, MessageTable } from './localize.js';
import type { categoryGroupNames, categoryNames } from './messages/categories.js';
import type { adminMessages } from './messages/admin.js';
import type { commentsMessages } from './messages/comments.js';
import type { commonMessages } from './messages/common.js';
import type { composerMessages } from './messages/composer.js';
import type { contentMessages } from './messages/content.js';
import type { feedMessages } from './messages/feed.js';
import type { ideaBoardMessages } from './messages/idea-board.js';
import type { ideaCardMessages } from './messages/idea-card.js';
import type { insightsMessages } from './messages/insights.js';
import type { likeButtonMessages } from './messages/like-button.js';
import type { loaderMessages } from './messages/loader.js';
import type { notificationsMessages } from './messages/notifications.js';
import type { postCardMessages } from './messages/post-card.js';

type TableOf<M> = M extends Messages<infer T extends MessageTable> ? T : never;

/** Every table, by the name `registerMessages()` takes. */
export interface MessageCatalog {
  admin: TableOf<typeof adminMessages>;
  common: TableOf<typeof commonMessages>;
  categories: TableOf<typeof categoryNames>;
  categoryGroups: TableOf<typeof categoryGroupNames>;
  comments: TableOf<typeof commentsMessages>;
  composer: TableOf<typeof composerMessages>;
  content: TableOf<typeof contentMessages>;
  feed: TableOf<typeof feedMessages>;
  ideaBoard: TableOf<typeof ideaBoardMessages>;
  ideaCard: TableOf<typeof ideaCardMessages>;
  insights: TableOf<typeof insightsMessages>;
  likeButton: TableOf<typeof likeButtonMessages>;
  loader: TableOf<typeof loaderMessages>;
  notifications: TableOf<typeof notificationsMessages>;
  postCard: TableOf<typeof postCardMessages>;
}

/** What a page hands `registerMessages()`: any tables, any of their strings. */
export type MessagesForLanguage = { [K in keyof MessageCatalog]?: Partial<MessageCatalog[K]> };
