#!/usr/bin/env node
// The readable source of database.rules.json. Rules are one-line expressions inside JSON, which allows
// no comments and no reuse; here each rule is built from named pieces and explained where it is made.
//
//   node rules/database.rules.src.mjs          writes database.rules.json
//   node rules/database.rules.src.mjs --check  exits 1 when database.rules.json is out of date
//
// Layout: docs/data-layout.md. What the rules cannot express, and what that leaves open: docs/rules.md.
//
// Four facts about Realtime Database rules shape everything below:
// - `.write` cascades down: once a node grants a write, nothing deeper can take it back. Grants are
//   therefore placed as deep as possible, and what a grant must not allow is refused by `.validate`.
// - `.validate` never runs for a deletion. Whatever guards a deletion lives in `.write`: every grant
//   below says whether it allows deleting (most say `newData.exists()`).
// - Whether `.validate` of an *ancestor* of the written path runs differs between rule engines (the
//   local server runs it; reports on Firebase disagree). So nothing here relies on it: a node whose
//   grant covers writes to its children repeats its own invariant in that grant (`.write` is evaluated
//   at the granting node, with `newData` = that node after the write), and a child with a grant of its
//   own checks everything it needs itself. `.validate` at the written node and below always runs.
// - In one multi-path update, every rule sees the whole result: `newData` walked up with `parent()` is
//   the tree after the write, `root` the tree before it. That is how a count is tied to its like.
//
// Constructs avoided because engines may differ (docs/rules.md, "Tested on a simulator"): `\s` and
// `\uXXXX` in regular expressions (blank characters are listed literally), `+` with a value that may be
// null (every value is checked to be a string before it is joined into a path or key), and lengths of
// text with characters outside the Basic Multilingual Plane (the limit is on UTF-16 code units, which
// the client checks too, and an engine counting code points can only count fewer).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const IDEA_STATUSES = ['new', 'under-review', 'planned', 'in-progress', 'done', 'declined'];
/** Categories that get a feed index. Others still work; the server then sorts them without an index. */
const DEFAULT_CATEGORIES = ['news', 'idea', 'question', 'personal', 'praise'];
// Keep in step with src/data/types.ts.
const MAX_POST_LENGTH = 2000;
const MAX_COMMENT_LENGTH = 1000;
const MAX_TITLE_LENGTH = 140;
const MAX_NOTE_LENGTH = 1000;
const MAX_REASON_LENGTH = 500;
const MAX_NAME_LENGTH = 100;
const MAX_DESCRIPTION_LENGTH = 500;
const REPORT_ACTIONS = ['dismissed', 'hidden', 'comment-deleted'];
const MAX_PROFILE_FIELD_LENGTH = 500;

// ---- building blocks ---------------------------------------------------------------------------------

const and = (...parts) => parts.filter(Boolean).map((p) => `(${p})`).join(' && ');
const or = (...parts) => parts.filter(Boolean).map((p) => `(${p})`).join(' || ');

const signedIn = 'auth != null';
const isAdmin = "(auth != null && root.child('admins/' + auth.uid).val() === true)";

/** The tree after the write, seen from a node `depth` levels below the root. */
const after = (depth) => 'newData' + '.parent()'.repeat(depth);
/** The tree before the write. */
const before = 'root';
/** A number node's value, 0 when it holds nothing. */
const numOr0 = (snap) => `(${snap}.exists() ? ${snap}.val() : 0)`;

// Ids become parts of paths inside rules (`child('posts/' + channel + …)`), so anything that is used
// that way must be a plain key: no `/`, which would walk somewhere else, and no `:`, which separates
// the parts of a like target. Nor `__proto__`: the SDK's `val()` makes a child of that name the object's
// prototype, so the record would be missing from every export and every list read whole.
// (Cloud Firestore reserves ids of the form `__…__` itself.)
const ID = '/^[A-Za-z0-9_-]{1,64}$/';
const UID = '/^[A-Za-z0-9_-]{1,128}$/';
const isId = (expr) => `(${expr}.matches(${ID}) && ${expr} !== '__proto__')`;
const isUid = (expr) => `${expr}.matches(${UID})`;

/**
 * Characters that show nothing: white space and the zero-width and invisible formatting characters.
 * Keep in step with BLANK_CHARACTERS in src/data/text.ts. Listed as literal characters, not as `\s` or `\uXXXX`,
 * whose meaning differs between regular-expression engines; ASCII white space stays `\s`, which every
 * engine reads the same way, because a literal line break may not appear inside a regular expression.
 * U+2028 and U+2029 are line breaks for that reason too, and are left to the client.
 */
const BLANK_CHARS = [
  '\u000b', '\u00a0', '\u00ad', '\u115f', '\u1160', '\u1680', '\u180e',
  '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u202f',
  '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u2800', '\u3000', '\u3164', '\ufeff', '\uffa0',
].join('');
const BLANK = `/^[\\s${BLANK_CHARS}]*$/`;

/**
 * A string node of 1…max UTF-16 code units that is not only blank characters. The stores check the same
 * length (src/data/validation.ts) and the composer shows what a person sees and stops at this too. An
 * engine that counted code points instead would count fewer, so it can never refuse what the client sends.
 */
const text = (max) =>
  `newData.isString() && newData.val().length >= 1 && newData.val().length <= ${max} && !newData.val().matches(${BLANK})`;
const optionalString = (max) => `newData.isString() && newData.val().length <= ${max}`;

/** The key of a post's like target: `post:{ch}:{id}` (ids cannot contain `:`, `%` or `/`). */
const postTargetKey = (ch, id) => `'post:' + ${ch} + ':' + ${id}`;

const statuses = `/^(${IDEA_STATUSES.join('|')})$/`;
const month = '/^[0-9]{4}-(0[1-9]|1[0-2])$/';

const nothingElse = { $other: { '.validate': false } };

/** A child of the written node: after and before the write, and whether it stayed as it was. */
const N = (child) => `newData.child('${child}')`;
const D = (child) => `data.child('${child}')`;
const same = (child) => `${N(child)}.val() === ${D(child)}.val()`;

// ---- admins, profiles, channels ----------------------------------------------------------------------

// `/adminCount` holds how many admins there are (`count`) and whose addition or removal moved it last
// (`cause`): every change to `/admins` moves the count by one and names itself, so the count stays
// true and can be held at one or more — the last admin cannot be removed. Rules sit at depth 2.
const COUNT_AFTER = `${after(2)}.child('adminCount/count')`;
const COUNT_BEFORE = `${before}.child('adminCount/count')`;
const adminCountMoved = (delta) =>
  and(`${COUNT_AFTER}.val() === ${numOr0(COUNT_BEFORE)} + ${delta}`, `${after(2)}.child('adminCount/cause').val() === $uid`);

/**
 * The first run: on a database nobody has set up (no admins, no count), a signed-in person may make
 * themselves its first admin, counted as one. Once that write lands, `/admins` is no longer empty, so a
 * second person racing them is refused; and the count, never below one, keeps it from happening again.
 */
const firstRun = and(
  signedIn,
  '$uid === auth.uid',
  `!${before}.child('admins').exists()`,
  `!${before}.child('adminCount').exists()`,
  "newData.val() === true",
  `${COUNT_AFTER}.val() === 1`,
  `${after(2)}.child('adminCount/cause').val() === $uid`,
);

const admins = {
  // Every widget asks "am I an admin" of its own node; an empty list is what starts the first run.
  // Listing admins reveals nothing a colleague could not learn from the moderators' names.
  '.read': signedIn,
  $uid: {
    '.write': or(
      and(isAdmin, '!data.exists()', 'newData.val() === true', adminCountMoved(1)),
      and(isAdmin, 'data.exists()', '!newData.exists()', adminCountMoved(-1)),
      firstRun,
    ),
    '.validate': 'newData.val() === true',
  },
};

const ADMIN_CAUSE = "newData.parent().child('cause').val()";

const adminCount = {
  '.read': signedIn,
  // Never deleted, never written whole: each field has its grant, and moves only with an admin.
  count: {
    '.write': and(
      signedIn,
      'newData.exists()',
      'newData.isNumber()',
      'newData.val() >= 1',
      "newData.parent().child('cause').isString()",
      isUid(ADMIN_CAUSE),
      or(
        'newData.val() === data.val()',
        and(
          `newData.val() === ${numOr0('data')} + 1`,
          `!${before}.child('admins/' + ${ADMIN_CAUSE}).exists()`,
          `${after(2)}.child('admins/' + ${ADMIN_CAUSE}).val() === true`,
        ),
        and(
          'newData.val() === data.val() - 1',
          `${before}.child('admins/' + ${ADMIN_CAUSE}).exists()`,
          `!${after(2)}.child('admins/' + ${ADMIN_CAUSE}).exists()`,
        ),
      ),
    ),
  },
  cause: {
    '.write': and(
      signedIn,
      'newData.exists()',
      'newData.isString()',
      isUid('newData.val()'),
      or('newData.val() === data.val()', `${COUNT_AFTER}.val() !== ${COUNT_BEFORE}.val()`),
    ),
  },
  ...nothingElse,
};

/** The name from a later word on, for finding people by any word of their name (docs/data-layout.md). */
const nameFrom = {
  '.validate': and(
    'newData.isString()',
    'newData.val().length >= 1',
    "newData.parent().child('nameLower').val().endsWith(newData.val())",
  ),
};

/** What a saved profile must be; repeated in the grant, so a write to one field is held to it too. */
const profileWhole = and(
  isUid('$uid'),
  "newData.hasChildren(['name', 'nameLower'])",
  "newData.child('name').isString()",
  // The lower-cased copy is what the @mention search orders by; it must match the name.
  "newData.child('nameLower').val() === newData.child('name').val().toLowerCase()",
);

/**
 * What an admin's name correction leaves as it was: the rest of the profile is its owner's (as on Cloud
 * Firestore, where an admin's update may touch the name fields only).
 */
const ownersFields = and(...['photoURL', 'jobTitle', 'department'].map(same));

const profiles = {
  '.read': signedIn,
  '.indexOn': ['nameLower', 'nameFrom2', 'nameFrom3', 'nameFrom4'],
  $uid: {
    // Your own profile: written whole and consistent, or removed. An admin may correct someone's name
    // (the whole profile, kept consistent, its picture, job title and department as they were), not
    // remove it.
    '.write': or(
      and('auth != null && auth.uid === $uid', or('!newData.exists()', profileWhole)),
      and(isAdmin, 'data.exists()', 'newData.exists()', profileWhole, ownersFields),
    ),
    '.validate': profileWhole,
    name: { '.validate': text(MAX_NAME_LENGTH) },
    nameLower: { '.validate': 'newData.isString()' },
    nameFrom2: nameFrom,
    nameFrom3: nameFrom,
    nameFrom4: nameFrom,
    // A picture is fetched by every viewer's browser: https only (no mixed content, no `data:` or
    // `javascript:`), and no user name or password in the address. Which host is not checked
    // (docs/rules.md).
    photoURL: {
      '.validate': and(
        optionalString(MAX_PROFILE_FIELD_LENGTH),
        "newData.val() === '' || newData.val().matches(/^https:[/][/][^/?#@]+([/?#].*)?$/)",
      ),
    },
    jobTitle: { '.validate': optionalString(MAX_PROFILE_FIELD_LENGTH) },
    department: { '.validate': optionalString(MAX_PROFILE_FIELD_LENGTH) },
    ...nothingElse,
  },
};

const channelWhole = and(isId('$ch'), "newData.hasChildren(['name', 'categories'])");

/**
 * An admin after this write: an admin already, or the first person setting the database up in this
 * same write (whose `/admins` entry its own rule checks). Depth 2.
 */
const adminAfter = `auth != null && ${after(2)}.child('admins/' + auth.uid).val() === true`;

const channels = {
  '.read': signedIn,
  $ch: {
    '.write': and(adminAfter, or('!newData.exists()', channelWhole)),
    '.validate': channelWhole,
    name: { '.validate': text(MAX_NAME_LENGTH) },
    // The name per interface language, keyed by a lower-case language tag (nl, en, pt-br).
    names: {
      // An object: a plain string here would skip the checks below.
      '.validate': 'newData.hasChildren()',
      $lang: { '.validate': and('$lang.matches(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/)', text(MAX_NAME_LENGTH)) },
    },
    description: { '.validate': optionalString(MAX_DESCRIPTION_LENGTH) },
    // An archived channel is read-only: the post, comment and like-count rules refuse new posts, edits,
    // comments, likes and unlikes.
    archived: { '.validate': 'newData.isBoolean()' },
    categories: {
      $cat: { '.validate': and('newData.isNumber()', '$cat.matches(/^[a-z0-9-]{1,32}$/)') },
    },
    ...nothingElse,
  },
};

/**
 * Whether channel `ch` (an expression) still exists. A deleted channel's posts stay where they were (an
 * admin deletes the channel's record only), but nothing in it moves on: no edits, comments, likes,
 * unlikes, status changes, assignments, merges or reports. What cleanup needs stays allowed: the author
 * deletes their post (which also lets its likers withdraw their likes), an admin hides a post, deletes a
 * comment and handles the reports already made (docs/rules.md).
 */
const channelExists = (ch) => `${before}.child('channels/' + ${ch}).exists()`;
/** Whether channel `ch` (an expression) is open for writing: it exists and is not archived. */
const channelOpen = (ch) => and(channelExists(ch), `${before}.child('channels/' + ${ch} + '/archived').val() !== true`);

// ---- posts -------------------------------------------------------------------------------------------
// Rules below sit at /posts/$ch/$id (depth 3) or its children (depth 4).

const POST = "'posts/' + $ch + '/' + $id";
/** The viewer's like of this post, as a path from the root. */
const myLikeOfPost = `'likes/' + ${postTargetKey('$ch', '$id')} + '/' + auth.uid`;

/** From a child of the post: the post after / before the write. */
const postAfter = `${after(4)}.child(${POST})`;
const postBefore = `${before}.child(${POST})`;

/**
 * A stat node `stats/{ch}/{month}/{category}` of this post, before and after the write. `post` is a
 * snapshot of the post whose month and category decide which stat node counts it.
 */
const statOf = (tree, post) =>
  `${tree}.child('stats/' + $ch + '/' + ${post}.child('month').val() + '/' + ${post}.child('category').val())`;

/** The post's likes stat moved by `delta` and names this post as its cause. */
const likesStatMoved = (delta, post) =>
  and(
    `${statOf(after(4), post)}.child('likes').val() === ${numOr0(`${statOf(before, post)}.child('likes')`)} + ${delta}`,
    `${statOf(after(4), post)}.child('cause').val() === $id`,
  );


/**
 * What every post is after any write that keeps it: all its fields, typed where they are joined into
 * paths, and `byCat` holding its own category's time (each `byCat/$cat` checks that it is the one).
 */
const postShape = and(
  "newData.hasChildren(['author', 'text', 'category', 'createdAt', 'month', 'byCat', 'likeCount', 'commentCount'])",
  `${N('author')}.isString() && ${N('category')}.isString() && ${N('month')}.isString() && ${N('createdAt')}.isNumber()`,
  "newData.child('byCat').hasChildren()",
  `newData.child('byCat/' + ${N('category')}.val()).val() === ${N('createdAt')}.val()`,
);

/** A new history entry named by `statusEntry`: written by this user, now, with the new status. */
const newHistoryEntry = (() => {
  const entry = `${after(3)}.child('ideaHistory/' + $ch + '/' + $id + '/' + ${N('statusEntry')}.val())`;
  return and(
    `${N('statusEntry')}.isString()`,
    isId(`${N('statusEntry')}.val()`),
    `!(${same('statusEntry')})`,
    `!${before}.child('ideaHistory/' + $ch + '/' + $id + '/' + ${N('statusEntry')}.val()).exists()`,
    `${entry}.child('status').val() === ${N('status')}.val()`,
    `${entry}.child('by').val() === auth.uid`,
  );
})();

const postCreate = and(
  `${N('author')}.val() === auth.uid`,
  `${N('createdAt')}.val() === now`,
  `!${N('editedAt')}.exists()`,
  `!${N('hidden')}.exists()`,
  `!${N('owner')}.exists()`,
  `!${N('mergedInto')}.exists()`,
  `!${N('statusEntry')}.exists()`,
  `!${N('lastComment')}.exists()`,
  `${N('likeCount')}.val() === 0`,
  `${N('commentCount')}.val() === 0`,
  // The category must be one the channel offers, and the channel must not be archived.
  `${before}.child('channels/' + $ch + '/categories/' + ${N('category')}.val()).exists()`,
  channelOpen('$ch'),
  // An idea has a title and starts as new; other posts have neither.
  `${N('category')}.val() === 'idea' ? (${N('title')}.exists() && ${N('status')}.val() === 'new') : (!${N('title')}.exists() && !${N('status')}.exists())`,
  // A re-used id would meet what its predecessor left: likes (counts would go wrong), comments and
  // history (they would hang under the new post while its counts say 0).
  `!${before}.child('likes/' + ${postTargetKey('$ch', '$id')}).exists()`,
  `!${before}.child('comments/' + $ch + '/' + $id).exists()`,
  `!${before}.child('ideaHistory/' + $ch + '/' + $id).exists()`,
  // The post is counted in its month's stat, which names it as the cause.
  `${after(3)}.child('stats/' + $ch + '/' + ${N('month')}.val() + '/' + ${N('category')}.val() + '/posts').val() === ` +
    `${numOr0(`${before}.child('stats/' + $ch + '/' + ${N('month')}.val() + '/' + ${N('category')}.val() + '/posts')`)} + 1`,
  `${after(3)}.child('stats/' + $ch + '/' + ${N('month')}.val() + '/' + ${N('category')}.val() + '/cause').val() === $id`,
);

const postChange = and(
  same('author'),
  same('createdAt'),
  same('month'),
  same('category'),
  same('title'),
  // Only the author edits the text, an edit is stamped by the server, and archived channels are read-only.
  `${same('text')} ? ${same('editedAt')} : (auth.uid === ${D('author')}.val() && ${N('editedAt')}.val() === now && ${channelOpen('$ch')})`,
  `${same('hidden')} || ${isAdmin}`,
  // lastComment only moves with a comment (its own rule); it is never removed.
  `!${D('lastComment')}.exists() || ${N('lastComment')}.exists()`,
  // An idea is assigned and moved on by its owner or an admin; merging (which pools other people's votes)
  // is for admins only. Only ideas have an owner or are merged (as on Cloud Firestore): an owner of
  // another post could hand it on from colleague to colleague, notifying each.
  `${same('owner')} || ((${isAdmin} || ${D('owner')}.val() === auth.uid) && ${D('category')}.val() === 'idea' && ${channelExists('$ch')})`,
  `${same('mergedInto')} || (${isAdmin} && ${D('category')}.val() === 'idea' && ${channelExists('$ch')})`,
  // A status moves only with a new history entry that records who did it (the entry's own rules
  // repeat the owner-or-admin check).
  or(
    and(same('status'), same('statusEntry')),
    and(`${isAdmin} || ${D('owner')}.val() === auth.uid`, `${D('category')}.val() === 'idea'`, channelExists('$ch'), newHistoryEntry),
  ),
);

/**
 * Deleting a post takes it out of its month's stat, with its likes (so the unlike of a deleted post,
 * which moves nothing, leaves the stat right), and takes its comments and history with it.
 */
const postDelete = (() => {
  const stat = `'stats/' + $ch + '/' + ${D('month')}.val() + '/' + ${D('category')}.val()`;
  return and(
    `${D('month')}.isString() && ${D('category')}.isString() && ${D('likeCount')}.isNumber()`,
    `${after(3)}.child(${stat} + '/posts').val() === ${before}.child(${stat} + '/posts').val() - 1`,
    `${numOr0(`${after(3)}.child(${stat} + '/likes')`)} === ${numOr0(`${before}.child(${stat} + '/likes')`)} - ${D('likeCount')}.val()`,
    `${after(3)}.child(${stat} + '/cause').val() === $id`,
    `!${after(3)}.child('comments/' + $ch + '/' + $id).exists()`,
    `!${after(3)}.child('ideaHistory/' + $ch + '/' + $id).exists()`,
  );
})();

/** A field of an existing post that some write other than its creation may set (never delete). */
const kept = and('data.exists()', 'newData.exists()');

const post = {
  '.write': and(
    signedIn,
    or(
      // create your own (the whole post is checked here, as the post's own .validate does)
      and('!data.exists()', postShape, postCreate),
      // delete your own, uncounted, with its comments and history
      and('data.exists()', '!newData.exists()', `${D('author')}.val() === auth.uid`, postDelete),
      // change: the author edits, an admin hides, assigns, merges or moves a status, the idea's owner
      // assigns, merges or moves a status. What each may change is in postChange.
      and(
        'data.exists()',
        'newData.exists()',
        `${D('author')}.val() === auth.uid || ${isAdmin} || ${D('owner')}.val() === auth.uid`,
        postShape,
        postChange,
      ),
    ),
  ),
  '.validate': and(isId('$id'), postShape, `data.exists() ? (${postChange}) : (${postCreate})`),
  author: { '.validate': 'newData.isString()' },
  text: { '.validate': text(MAX_POST_LENGTH) },
  category: { '.validate': 'newData.isString()' },
  createdAt: { '.validate': 'newData.isNumber()' },
  editedAt: { '.validate': 'newData.isNumber()' },
  month: { '.validate': `newData.isString() && newData.val().matches(${month})` },
  // `byCat/<category>` = createdAt: the category feed orders by it. Exactly one child, the post's own.
  byCat: {
    '.validate': 'newData.hasChildren()',
    $cat: {
      '.validate': and(
        "$cat === newData.parent().parent().child('category').val()",
        "newData.val() === newData.parent().parent().child('createdAt').val()",
      ),
    },
  },
  likeCount: {
    // Anyone signed in may move the count, but only as its own like or unlike in the same write,
    // together with the post's likes stat. Never deleted: the post keeps a count until it goes.
    '.write': and(signedIn, kept),
    '.validate': and(
      'newData.isNumber() && newData.val() >= 0',
      `!data.exists() ? newData.val() === 0 : (${or(
        'newData.val() === data.val()',
        // An archived channel is read-only, likes included: the like's own rule needs this count to move.
        and(
          'newData.val() === data.val() + 1',
          `!${before}.child(${myLikeOfPost}).exists()`,
          `${after(4)}.child(${myLikeOfPost}).exists()`,
          likesStatMoved(1, postAfter),
          channelOpen('$ch'),
        ),
        and(
          'newData.val() === data.val() - 1',
          `${before}.child(${myLikeOfPost}).exists()`,
          `!${after(4)}.child(${myLikeOfPost}).exists()`,
          likesStatMoved(-1, postAfter),
          channelOpen('$ch'),
        ),
        // Merging ideas pools other people's votes: only admins may move counts freely (not in a deleted
        // channel, where nothing can be merged).
        and(isAdmin, channelExists('$ch')),
      )})`,
    ),
  },
  commentCount: {
    '.write': and(signedIn, kept),
    // +1 only with a comment that this write creates; `lastComment` names it.
    '.validate': and(
      'newData.isNumber()',
      `!data.exists() ? newData.val() === 0 : (${or(
        'newData.val() === data.val()',
        // An admin deleting a comment counts it out (the comment's rule requires this); `lastComment`
        // names the comment, which this write deletes, so the count cannot go down on its own.
        and(
          isAdmin,
          'newData.val() === data.val() - 1',
          'newData.val() >= 0',
          "newData.parent().child('lastComment').isString()",
          isId("newData.parent().child('lastComment').val()"),
          `${before}.child('comments/' + $ch + '/' + $id + '/' + newData.parent().child('lastComment').val()).exists()`,
          `!${after(4)}.child('comments/' + $ch + '/' + $id + '/' + newData.parent().child('lastComment').val()).exists()`,
        ),
        and(
          'newData.val() === data.val() + 1',
          "newData.parent().child('lastComment').isString()",
          isId("newData.parent().child('lastComment').val()"),
          `!${before}.child('comments/' + $ch + '/' + $id + '/' + newData.parent().child('lastComment').val()).exists()`,
          `${after(4)}.child('comments/' + $ch + '/' + $id + '/' + newData.parent().child('lastComment').val()).exists()`,
        ),
      )})`,
    ),
  },
  lastComment: {
    // Set by each new comment, and by an admin's deletion of one; never removed while the post exists.
    '.write': and(signedIn, 'newData.exists()', `${postBefore}.exists()`),
    '.validate': and(
      'newData.isString()',
      or(
        'newData.val() === data.val()',
        and(
          isId('newData.val()'),
          `!${before}.child('comments/' + $ch + '/' + $id + '/' + newData.val()).exists()`,
          `${after(4)}.child('comments/' + $ch + '/' + $id + '/' + newData.val()).exists()`,
        ),
        and(
          isAdmin,
          isId('newData.val()'),
          `${before}.child('comments/' + $ch + '/' + $id + '/' + newData.val()).exists()`,
          `!${after(4)}.child('comments/' + $ch + '/' + $id + '/' + newData.val()).exists()`,
        ),
      ),
    ),
  },
  hidden: { '.validate': 'newData.isBoolean()' },
  title: { '.validate': text(MAX_TITLE_LENGTH) },
  status: { '.validate': `newData.isString() && newData.val().matches(${statuses})` },
  owner: { '.validate': and('newData.isString()', isUid('newData.val()')) },
  mergedInto: {
    '.validate': and(
      'newData.isString()',
      isId('newData.val()'),
      'newData.val() !== $id',
      `${after(4)}.child('posts/' + $ch + '/' + newData.val()).exists()`,
    ),
  },
  statusEntry: { '.validate': and('newData.isString()', isId('newData.val()')) },
  ...nothingElse,
};

const posts = {
  // Hidden posts are filtered by the client: rules cannot filter a list (docs/rules.md).
  '.read': signedIn,
  $ch: {
    '.indexOn': ['createdAt', ...DEFAULT_CATEGORIES.map((c) => `byCat/${c}`)],
    $id: post,
  },
};

// ---- comments ----------------------------------------------------------------------------------------

/** A new comment, counted: the post's count goes up by one and names it. Depth 4. */
const commentWhole = and(
  "newData.hasChildren(['author', 'text', 'createdAt'])",
  "newData.child('author').val() === auth.uid",
  "newData.child('createdAt').val() === now",
  `${after(4)}.child('posts/' + $ch + '/' + $pid + '/commentCount').val() === ${before}.child('posts/' + $ch + '/' + $pid + '/commentCount').val() + 1`,
  `${after(4)}.child('posts/' + $ch + '/' + $pid + '/lastComment').val() === $cid`,
  channelOpen('$ch'),
);

/** An admin deletes a comment, counted out of its post in the same write, which names it. Depth 4. */
const commentRemoval = and(
  isAdmin,
  'data.exists()',
  '!newData.exists()',
  `${after(4)}.child('posts/' + $ch + '/' + $pid + '/commentCount').val() === ${before}.child('posts/' + $ch + '/' + $pid + '/commentCount').val() - 1`,
  `${after(4)}.child('posts/' + $ch + '/' + $pid + '/lastComment').val() === $cid`,
);

const comments = {
  '.read': signedIn,
  $ch: {
    $pid: {
      // A post's author clears its comments when deleting it, in the same write.
      '.write': and(
        signedIn,
        '!newData.exists()',
        `!${after(3)}.child('posts/' + $ch + '/' + $pid).exists()`,
        `${before}.child('posts/' + $ch + '/' + $pid + '/author').val() === auth.uid`,
      ),
      '.indexOn': ['createdAt'],
      $cid: {
        '.write': or(and(signedIn, '!data.exists()', commentWhole), commentRemoval),
        '.validate': and(isId('$pid'), isId('$cid'), commentWhole),
        author: { '.validate': 'newData.isString()' },
        text: { '.validate': text(MAX_COMMENT_LENGTH) },
        createdAt: { '.validate': 'newData.isNumber()' },
        ...nothingElse,
      },
    },
  },
};

// ---- likes -------------------------------------------------------------------------------------------
// A like target key is `post:{ch}:{id}` or an encoded page URL. Rules have no substring function, but
// `replace` replaces every occurrence: a key cannot contain `/`, so '/post:' occurs in '/' + key at
// most once, at the start, and the remaining ':' separate channel and post id.

const isPostTarget = "$tk.beginsWith('post:')";
const postPathOfTarget = "('/' + $tk).replace('/post:', 'posts/').replace(':', '/')";

/** From likes/$tk/$uid (depth 3): the count of the liked thing moved by `delta`. */
const countMoved = (delta) => {
  const postNew = `${after(3)}.child(${postPathOfTarget})`;
  const postOld = `${before}.child(${postPathOfTarget})`;
  const pageNew = `${after(3)}.child('likeCounts/' + $tk)`;
  const pageOld = `${before}.child('likeCounts/' + $tk)`;
  const postCount =
    delta > 0
      ? `${postNew}.child('likeCount').val() === ${postOld}.child('likeCount').val() + 1`
      : // Unliking a deleted post moves nothing: its deletion took its likes out of count and stat.
        `!${postNew}.exists() || ${postNew}.child('likeCount').val() === ${postOld}.child('likeCount').val() - 1`;
  const pageCount = `${pageNew}.val() === ${numOr0(pageOld)} + ${delta}`;
  return `${isPostTarget} ? (${postCount}) : (${pageCount})`;
};

// Who likes one target is public within the organisation (docs/rules.md); the whole tree is not. Its keys
// are the addresses of every page anyone liked, intranet sites a reader may have no access to among
// them, and it would list one person's likes in one read, which `userLikes` is private to prevent. A
// reader asks for one target at a time; the export (admins) reads the whole tree.
const likes = {
  '.read': isAdmin,
  $tk: {
    '.read': signedIn,
    // "Liked by" shows the newest likers first.
    '.indexOn': ['.value'],
    $uid: {
      '.write': and(
        signedIn,
        `auth.uid === $uid || ${isAdmin}`,
        or(
          // like: once, stamped now, mirrored in userLikes and counted; one like per write (lastLike
          // names it), so one write cannot like hundreds of invented targets
          and(
            '!data.exists()',
            'newData.val() === now',
            `${after(3)}.child('userLikes/' + $uid + '/' + $tk).val() === true`,
            `${isAdmin} || (${and(countMoved(1), `${after(3)}.child('lastLike/' + $uid).val() === $tk`)})`,
          ),
          // unlike: removed from userLikes too, and uncounted
          and(
            'data.exists()',
            '!newData.exists()',
            `!${after(3)}.child('userLikes/' + $uid + '/' + $tk).exists()`,
            `${isAdmin} || (${countMoved(-1)})`,
          ),
        ),
      ),
      '.validate': 'newData.isNumber()',
    },
  },
};

const likeCounts = {
  // One target at a time, as for `likes`: the keys are the addresses of liked pages.
  '.read': isAdmin,
  $tk: {
    '.read': signedIn,
    // Never deleted: the likers' unlikes count down from it.
    '.write': and(signedIn, 'newData.exists()'),
    // Post counts live in the post; this is for every other target. Moves by one with the writer's
    // own like or unlike of the same target.
    '.validate': and(
      `!${isPostTarget}`,
      'newData.isNumber() && newData.val() >= 0',
      or(
        'newData.val() === data.val()',
        and(
          `newData.val() === ${numOr0('data')} + 1`,
          `!${before}.child('likes/' + $tk + '/' + auth.uid).exists()`,
          `${after(2)}.child('likes/' + $tk + '/' + auth.uid).exists()`,
        ),
        and(
          'newData.val() === data.val() - 1',
          `${before}.child('likes/' + $tk + '/' + auth.uid).exists()`,
          `!${after(2)}.child('likes/' + $tk + '/' + auth.uid).exists()`,
        ),
        isAdmin,
      ),
    ),
  },
};

const userLikes = {
  $uid: {
    // Which targets someone likes is theirs to see; who likes a target is public (likes/).
    '.read': 'auth != null && auth.uid === $uid',
    $tk: {
      '.write': and(
        signedIn,
        `auth.uid === $uid || ${isAdmin}`,
        or(
          and(
            'newData.val() === true',
            '!data.exists()',
            `${after(3)}.child('likes/' + $tk + '/' + $uid).exists()`,
          ),
          and('!newData.exists()', `!${after(3)}.child('likes/' + $tk + '/' + $uid).exists()`),
        ),
      ),
      '.validate': 'newData.val() === true',
    },
  },
};

/** `lastLike/{uid}`: the key of the target this user liked last, written with each like. */
const lastLike = {
  $uid: {
    '.read': 'auth != null && auth.uid === $uid',
    // Written with each like (whose rule checks that it names that like); never removed. A database key
    // is at most 768 bytes.
    '.write': and('auth != null && auth.uid === $uid', 'newData.exists()'),
    '.validate': 'newData.isString() && newData.val().length <= 768',
  },
};

// ---- ideas -------------------------------------------------------------------------------------------

const historyEntryWhole = and(
  "newData.hasChildren(['status', 'note', 'by', 'at'])",
  "newData.child('by').val() === auth.uid",
  "newData.child('at').val() === now",
  `${after(4)}.child('posts/' + $ch + '/' + $pid + '/statusEntry').val() === $eid`,
);

const ideaHistory = {
  '.read': signedIn,
  $ch: {
    $pid: {
      // Cleared with its post, like comments.
      '.write': and(
        signedIn,
        '!newData.exists()',
        `!${after(3)}.child('posts/' + $ch + '/' + $pid).exists()`,
        `${before}.child('posts/' + $ch + '/' + $pid + '/author').val() === auth.uid`,
      ),
      '.indexOn': ['at'],
      $eid: {
        // Written once, by the idea's owner or an admin, in the same write that points the idea at it
        // (the post's rules check the other direction).
        '.write': and(
          signedIn,
          '!data.exists()',
          `${isAdmin} || ${before}.child('posts/' + $ch + '/' + $pid + '/owner').val() === auth.uid`,
          historyEntryWhole,
        ),
        '.validate': and(isId('$pid'), isId('$eid'), historyEntryWhole),
        status: { '.validate': `newData.isString() && newData.val().matches(${statuses})` },
        note: { '.validate': text(MAX_NOTE_LENGTH) },
        by: { '.validate': 'newData.isString()' },
        at: { '.validate': 'newData.isNumber()' },
        ...nothingElse,
      },
    },
  },
};

// ---- notifications -----------------------------------------------------------------------------------
// Rules at notifications/$uid/$nid (depth 3). A notification may only be created by the write that
// causes it, so nobody can flood a colleague's inbox with invented events; and its key is made from that
// cause (`{type}:{channel}:{post}:{cause}`, src/data/keys.ts notificationKey), so one cause gives one
// recipient one notification: a write cannot hold two children under one key.

const NCH = "newData.child('channel').val()";
const NPID = "newData.child('post').val()";
const NPOST = `'posts/' + ${NCH} + '/' + ${NPID}`;
const npostAfter = `${after(3)}.child(${NPOST})`;
const npostBefore = `${before}.child(${NPOST})`;
const actorLike = `'likes/' + ${postTargetKey(NCH, NPID)} + '/' + auth.uid`;
/** The key this notification must have, given the id of its cause. */
const keyIs = (type, cause) => `$nid === '${type}:' + ${NCH} + ':' + ${NPID} + ':' + ${cause}`;

const notificationCause = or(
  // liked: the actor's like of the recipient's post is new in this write
  and(
    "newData.child('type').val() === 'liked'",
    keyIs('liked', 'auth.uid'),
    `${npostAfter}.child('author').val() === $uid`,
    `!${before}.child(${actorLike}).exists()`,
    `${after(3)}.child(${actorLike}).exists()`,
  ),
  // commented: the recipient's post gains a comment by the actor in this write
  and(
    "newData.child('type').val() === 'commented'",
    `${npostAfter}.child('lastComment').isString()`,
    keyIs('commented', `${npostAfter}.child('lastComment').val()`),
    `${npostAfter}.child('author').val() === $uid`,
    `${npostAfter}.child('commentCount').val() === ${npostBefore}.child('commentCount').val() + 1`,
    `${after(3)}.child('comments/' + ${NCH} + '/' + ${NPID} + '/' + ${npostAfter}.child('lastComment').val() + '/author').val() === auth.uid`,
  ),
  // mentioned: the actor's post is created in this write (rules cannot read the mention in the text);
  // only someone with a profile can be mentioned (the composer offers people from the profiles)
  and(
    "newData.child('type').val() === 'mentioned'",
    keyIs('mentioned', 'auth.uid'),
    `!${npostBefore}.exists()`,
    `${npostAfter}.child('author').val() === auth.uid`,
    `${before}.child('profiles/' + $uid).exists()`,
  ),
  // idea-status: the idea's status moves in this write; the author and the voters hear of it
  and(
    "newData.child('type').val() === 'idea-status'",
    `${npostAfter}.child('statusEntry').isString()`,
    keyIs('idea-status', `${npostAfter}.child('statusEntry').val()`),
    `${npostAfter}.child('statusEntry').val() !== ${npostBefore}.child('statusEntry').val()`,
    `newData.child('status').val() === ${npostAfter}.child('status').val()`,
    // and says what the history entry says
    `newData.child('note').val() === ${after(3)}.child('ideaHistory/' + ${NCH} + '/' + ${NPID} + '/' + ${npostAfter}.child('statusEntry').val() + '/note').val()`,
    `${npostAfter}.child('author').val() === $uid || ${before}.child('likes/' + ${postTargetKey(NCH, NPID)} + '/' + $uid).exists()`,
  ),
  // assigned: the idea is given to the recipient in this write
  and(
    "newData.child('type').val() === 'assigned'",
    keyIs('assigned', 'auth.uid'),
    `${npostAfter}.child('owner').val() === $uid`,
    `${npostBefore}.child('owner').val() !== $uid`,
  ),
);

/** A notification as its actor writes it: caused by this write, keyed by its cause, unread. */
const notificationNew = and(
  "newData.hasChildren(['type', 'actor', 'channel', 'post', 'createdAt', 'read'])",
  // Ids first: they are used to build paths and the key in the cause checks.
  isId(NCH),
  isId(NPID),
  "newData.child('actor').val() === auth.uid",
  "newData.child('createdAt').val() === now",
  "newData.child('read').val() === false",
  // Only a status change carries a status and a note: no free text in anyone else's inbox.
  "newData.child('type').val() === 'idea-status' ? newData.hasChildren(['status', 'note']) : (!newData.child('status').exists() && !newData.child('note').exists())",
  notificationCause,
);

const notifications = {
  $uid: {
    '.read': 'auth != null && auth.uid === $uid',
    '.indexOn': ['createdAt'],
    $nid: {
      '.write': and(
        signedIn,
        or(
          // the recipient deletes (marking read is granted on `read` itself)
          'auth.uid === $uid && !newData.exists()',
          // anyone creates one, as themselves; the same actor writes over it when the cause happens
          // again (a like after an unlike); never deletes one
          and(
            "newData.child('actor').val() === auth.uid",
            "!data.exists() || data.child('actor').val() === auth.uid",
            notificationNew,
          ),
        ),
      ),
      '.validate': `data.exists() && auth.uid === $uid ? (${and(
        ...['type', 'actor', 'channel', 'post', 'createdAt', 'status', 'note'].map(same),
      )}) : (${notificationNew})`,
      type: { '.validate': "newData.isString() && newData.val().matches(/^(liked|commented|mentioned|idea-status|assigned)$/)" },
      actor: { '.validate': 'newData.isString()' },
      channel: { '.validate': 'newData.isString()' },
      post: { '.validate': 'newData.isString()' },
      createdAt: { '.validate': 'newData.isNumber()' },
      // The recipient marks an existing notification read (or unread); nothing else of it changes.
      read: { '.write': 'auth != null && auth.uid === $uid && data.exists() && newData.exists()', '.validate': 'newData.isBoolean()' },
      status: { '.validate': `newData.isString() && newData.val().matches(${statuses})` },
      note: { '.validate': text(MAX_NOTE_LENGTH) },
      ...nothingElse,
    },
  },
};

// ---- reports -----------------------------------------------------------------------------------------

/** What every report is, new or handled. */
const reportShape = and(
  "newData.hasChildren(['channel', 'post', 'by', 'reason', 'createdAt'])",
  isId("newData.child('channel').val()"),
  isId("newData.child('post').val()"),
  "!newData.child('comment').exists() || (newData.child('comment').isString() && newData.child('comment').val().matches(/^[A-Za-z0-9_-]{1,64}$/))",
);

const RPOST = "'posts/' + newData.child('channel').val() + '/' + newData.child('post').val()";
const RCOMMENT = "'comments/' + newData.child('channel').val() + '/' + newData.child('post').val() + '/' + newData.child('comment').val()";

/**
 * A new report: of a post (or a comment of it) that exists, made now, open —
 * and holding the reported text as it is at that moment (`text`: the comment's when a comment is
 * reported, else the post's). An author who edits the post afterwards, or deletes it, cannot change
 * what the admins read; and a reporter cannot put words in someone's mouth, because the text must be
 * the one stored.
 */
const reportNew = and(
  reportShape,
  `root.child(${RPOST}).exists()`,
  `!newData.child('comment').exists() || root.child(${RCOMMENT}).exists()`,
  "newData.child('text').isString()",
  `newData.child('text').val() === (newData.child('comment').exists() ? root.child(${RCOMMENT} + '/text').val() : root.child(${RPOST} + '/text').val())`,
  "newData.child('createdAt').val() === now",
  "!newData.child('resolvedBy').exists() && !newData.child('resolvedAt').exists() && !newData.child('resolution').exists()",
);

/**
 * Handling a report (depth 3, at each of its three fields): an admin, once, as themselves, now, in one of
 * the known ways — and its effect in the same write: `hidden` hides the post, `comment-deleted` removes
 * the reported comment.
 */
const R = (child) => `newData.parent().child('${child}')`;
const resolution = and(
  isAdmin,
  '!data.exists()',
  'newData.exists()',
  `${before}.child('reports/' + $id).exists()`,
  `!${before}.child('reports/' + $id + '/resolvedBy').exists()`,
  `${R('resolvedBy')}.val() === auth.uid`,
  `${R('resolvedAt')}.val() === now`,
  `${R('resolution')}.isString() && ${R('resolution')}.val().matches(/^(${REPORT_ACTIONS.join('|')})$/)`,
  `${R('resolution')}.val() !== 'hidden' || ${after(3)}.child('posts/' + ${R('channel')}.val() + '/' + ${R('post')}.val() + '/hidden').val() === true`,
  `${R('resolution')}.val() !== 'comment-deleted' || (${R('comment')}.isString() && ${before}.child('comments/' + ${R('channel')}.val() + '/' + ${R('post')}.val() + '/' + ${R('comment')}.val()).exists() && !${after(3)}.child('comments/' + ${R('channel')}.val() + '/' + ${R('post')}.val() + '/' + ${R('comment')}.val()).exists())`,
);

const reports = {
  '.read': isAdmin,
  $id: {
    '.write': and(
      signedIn,
      or(and('!data.exists()', "newData.child('by').val() === auth.uid", reportNew), `${isAdmin} && !newData.exists()`),
    ),
    '.validate': and(isId('$id'), reportShape),
    channel: { '.validate': 'newData.isString()' },
    post: { '.validate': 'newData.isString()' },
    comment: { '.validate': 'newData.isString()' },
    by: { '.validate': 'newData.isString()' },
    reason: { '.validate': optionalString(MAX_REASON_LENGTH) },
    // The reported text when it was reported (reportNew ties it to the stored text); reports made before
    // it was kept have none.
    text: { '.validate': optionalString(MAX_POST_LENGTH) },
    createdAt: { '.validate': 'newData.isNumber()' },
    resolvedBy: { '.write': resolution, '.validate': 'newData.isString()' },
    resolvedAt: { '.write': resolution, '.validate': 'newData.isNumber()' },
    resolution: { '.write': resolution, '.validate': 'newData.isString()' },
    ...nothingElse,
  },
};

// ---- stats -------------------------------------------------------------------------------------------
// stats/$ch/$month/$cat = {posts, likes, cause}. Counters move by one, and only in the write that creates
// or deletes the post, or adds or removes the like, they count; a deleted post also takes its likes out.
// `cause` names that post: rules cannot search a write for "some new post of this month", but they can
// check the one the writer names. Each of the three is granted on its own and never deleted: a stat is
// history, and a grant on the stat node would cover deleting its children, which .validate cannot see.

const CAUSE = "newData.parent().child('cause').val()";
const causePost = (tree) => `${tree}.child('posts/' + $ch + '/' + ${CAUSE})`;
const causeFits = (tree) =>
  and(
    `${causePost(tree)}.child('month').val() === $month`,
    `${causePost(tree)}.child('category').val() === $cat`,
  );
const causeLike = `'likes/' + ${postTargetKey('$ch', CAUSE)} + '/' + auth.uid`;
const causeNamed = and(`newData.parent().child('cause').isString()`, isId(CAUSE));
const statGrant = and(signedIn, 'newData.exists()', `$month.matches(${month})`);
const moved = (field) => `newData.parent().child('${field}').val() !== data.parent().child('${field}').val()`;

const stats = {
  '.read': signedIn,
  $ch: {
    $month: {
      $cat: {
        '.validate': and(`$month.matches(${month})`, "newData.hasChild('posts')"),
        posts: {
          '.write': statGrant,
          '.validate': and(
            'newData.isNumber() && newData.val() >= 0',
            or(
              'newData.val() === data.val()',
              and(
                `newData.val() === ${numOr0('data')} + 1`,
                causeNamed,
                `!${causePost(before)}.exists()`,
                causeFits(after(5)),
              ),
              and(
                'newData.val() === data.val() - 1',
                causeNamed,
                `!${causePost(after(5))}.exists()`,
                causeFits(before),
              ),
            ),
          ),
        },
        likes: {
          '.write': statGrant,
          '.validate': and(
            'newData.isNumber() && newData.val() >= 0',
            or(
              'newData.val() === data.val()',
              and(
                `newData.val() === ${numOr0('data')} + 1`,
                causeNamed,
                `!${before}.child(${causeLike}).exists()`,
                `${after(5)}.child(${causeLike}).exists()`,
                causeFits(after(5)),
              ),
              and(
                'newData.val() === data.val() - 1',
                causeNamed,
                `${before}.child(${causeLike}).exists()`,
                `!${after(5)}.child(${causeLike}).exists()`,
                causeFits(before),
              ),
              // the cause post is deleted in this write: its likes leave with it
              and(
                causeNamed,
                `${causePost(before)}.exists()`,
                `!${causePost(after(5))}.exists()`,
                causeFits(before),
                `newData.val() === ${numOr0('data')} - ${causePost(before)}.child('likeCount').val()`,
              ),
              // Merging ideas pools votes: admins only, as for the counts.
              isAdmin,
            ),
          ),
        },
        cause: {
          '.write': statGrant,
          // A post id, changed only in a write that moves a counter (whose rule checks it).
          '.validate': and('newData.isString()', isId('newData.val()'), or('newData.val() === data.val()', moved('posts'), moved('likes'))),
        },
        ...nothingElse,
      },
    },
  },
};

// ---- the whole tree ----------------------------------------------------------------------------------

export const rules = {
  rules: {
    // Nothing is readable or writable unless a node below grants it.
    admins,
    adminCount,
    profiles,
    channels,
    posts,
    comments,
    likes,
    likeCounts,
    userLikes,
    lastLike,
    ideaHistory,
    notifications,
    reports,
    stats,
  },
};

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'database.rules.json');
const json = JSON.stringify(rules, null, 2) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outFile, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== json) {
      console.error('database.rules.json is out of date: run node rules/database.rules.src.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(outFile, json);
    console.log(`wrote ${outFile} (${json.length} bytes)`);
  }
}
