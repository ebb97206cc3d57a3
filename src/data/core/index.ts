/**
 * The domain core every store shares. A store (`src/memory/`, `src/firebase/`, `src/firestore/`) does
 * three things only: read what a command needs, apply the `Writes` the core plans, and decode what a
 * subscription delivers with the core's decoders. Everything that must not differ between stores is
 * here, once:
 *
 * - **Limits** (`limits.ts`): `MAX_LIKERS`, `MAX_NAME_LENGTH`, `MAX_PROFILE_FIELD_LENGTH` (500),
 *   `NOTIFICATION_LIMIT`, `DEFAULT_PAGE_SIZE`, `MAX_PAGE_SIZE`, `MAX_KEY_BYTES` (768), `ID_PATTERN`,
 *   `UID_PATTERN`. Text limits shown by widgets stay in `../types.ts`.
 * - **Checks** (`checks.ts`), each throwing `StoreError('validation-failed', …, field, reason)`:
 *   `checkText`, `checkId` (channel/post/comment ids), `checkUid`, `checkCategory`, `checkPageSize`,
 *   `checkTarget(target, uid?)` (the key and the whole `userLikes/{uid}/{key}` path within 768 bytes;
 *   `post:…` targets must name a channel and a post), `checkMentions` (an array, or refused; bad entries,
 *   duplicates and the author dropped). `invalid()` and `notFound()` make the errors.
 * - **Records** (`records.ts`): the stored shapes of docs/data-layout.md (`PostRecord`, `CommentRecord`,
 *   `HistoryRecord`, `NotificationRecord`, `ProfileRecord`, `ChannelRecord`, `StatRecord`, `ReportRecord`)
 *   and their decoders, which take `unknown` and never throw: `decodePost` (null when not a post),
 *   `decodeProfile`, `decodeChannel` (categories in display order), `decodeComments` (oldest first),
 *   `decodeHistory` (oldest first), `decodeNotifications` (newest first, `limit`), `decodeLikers` (newest
 *   first, ties by uid descending as the database orders them, `limit`), `sumStats` + `statRows` (one row
 *   per month and category, summed over channels), `newestFirst`, `compareKeys`.
 * - **People** (`people.ts`): the @mention search (`searchKey`, `nameMatches`, `rankProfiles`,
 *   `NAME_SEARCH_FIELDS` — the fields a database orders by), `profileRecord` (validated, with
 *   `nameLower`/`nameFromN`), permissions with one message each (`requireSignedIn`, `requireAuthor`,
 *   `requireAdmin`, `requireIdeaManager`, `requireMerger` — merging is for admins) and
 *   `ideaStatusRecipients` (author + voters − actor).
 * - **Commands as data** (`commands.ts`; `writes.ts` holds the markers, `planLike` and `planUnlike`, all a
 *   like button needs): `planCreatePost`, `planEditPost`, `planDeletePost`,
 *   `planHidePost`, `planReport`, `planComment`, `planLike`, `planUnlike`, `planSetIdeaStatus`,
 *   `planAssignIdea`, `planMergeIdea`, `planMarkRead`. Each takes what the store read (the post record or
 *   null, `admin`, voters, `liked` …) plus client-made ids, throws the same `StoreError` on every store, and
 *   returns `{ writes, result }`: `writes` maps a path (docs/data-layout.md) to a value, `null` to delete,
 *   `SERVER_TIME` for the server's clock and `increment(n)` for an atomic add. All paths of one plan are
 *   applied together or not at all (they are what the rules check as one write). Notifications come from
 *   `notificationWrite(to, type, actor, channel, post, cause)`, keyed by
 *   `notificationKey` (`../keys.ts`): one cause, one notification per recipient.
 * - **Administration** (`admin.ts`): `planResolveReport` (who, when and how, with its effect in the same
 *   write), `planDeleteComment`, `planCreateChannel`, `planUpdateChannel` (`checkCategories`),
 *   `planAddAdmin` / `planRemoveAdmin` (with `/adminCount`, never below one), `planSetProfileName`, and
 *   `planSetUp`, the first run on an empty database.
 * - **Feed paging** (`feed-windows.ts`): `FeedWindows` over a `FeedHost` (`listen(WindowSpec)`,
 *   `watchAdmin`, `channelExists`) — live windows that page older without ever dropping what is loaded,
 *   and report an unknown channel as `not-found`. A delivery decodes only its own window, and unchanged
 *   posts keep their objects, so a page costs the same at 5,000 loaded posts as at 100.
 * - **Stable objects** (`stable.ts`): `StableById` hands an unchanged post out as the object handed out
 *   before, so a view comparing by identity re-renders only what changed; every store passes the posts
 *   of its idea and post subscriptions (and the memory store its feed) through one per subscription.
 *
 * A store applying plans: read → `plan…(…)` → apply `writes` (translating `SERVER_TIME` / `increment`)
 * → on a refusal that may be a lost acknowledgement, read back whether the write with the client-chosen id
 * landed as planned (see the Realtime Database store's `confirm…` helpers) and answer success once.
 */
export * from './limits.js';
export * from './checks.js';
export * from './input-checks.js';
export * from './records.js';
export * from './decoders.js';
export * from './people.js';
export * from './writes.js';
export * from './commands.js';
export * from './admin.js';
export * from './export.js';
export * from './feed-windows.js';
export * from './stable.js';
