/**
 * database.rules.json against the local Realtime Database server, with users signed in through the Auth
 * emulator and raw writes through the modular SDK (not through the store, which validates first: here
 * the rules are the only guard).
 *
 * First every allowed path, with what it stores; then the attacks. Each attack is a legitimate write
 * from test/rules/fixtures.ts with one thing changed, so the refusal comes from the rule under test; it
 * must be refused with permission_denied and leave the whole database as it was.
 *
 * Run: node --import tsx --test test/rules/rules.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLANK_CHARACTERS, isBlank, looksEmpty } from '../../src/data/text.js';
import { get, increment, ref, remove, serverTimestamp, set, update } from 'firebase/database';
import { encodeKey, newId } from '../../src/data/keys.js';
import { monthKey, pageTarget } from '../../src/data/types.js';
import { client, closeClients, RULES_PATH, startTestBackend, USERS, within, type Client, type TestBackend } from './helpers.js';
import {
  CATEGORIES,
  CH,
  comment,
  deletePost,
  like,
  likePage,
  newPost,
  nkey,
  notification,
  statusChange,
  tk,
  unlike,
  type PostInfo,
  type Updates,
} from './fixtures.js';

const A = USERS.alice.uid;
const B = USERS.bob.uid;
const C = USERS.carol.uid;
const ADM = USERS.admin.uid;

// ---- seeded state: consistent, as the store would have written it -------------------------------------

const T0 = Date.now() - 60_000;
const M0 = monthKey(new Date(T0));
const seedPost = (id: string, author: string, category: string, extra: Record<string, unknown> = {}) => ({
  author,
  text: `seeded ${id}`,
  category,
  createdAt: T0,
  month: M0,
  byCat: { [category]: T0 },
  likeCount: 0,
  commentCount: 0,
  ...extra,
});
const ALICE_POST: PostInfo = { ch: CH, id: 'seed-alice-news', author: A, category: 'news', month: M0 };
const BOB_POST: PostInfo = { ch: CH, id: 'seed-bob-news', author: B, category: 'news', month: M0 };
const IDEA: PostInfo = { ch: CH, id: 'seed-idea', author: A, category: 'idea', month: M0 };
/** A deleted post whose like remains. */
const GHOST: PostInfo = { ch: CH, id: 'seed-deleted', author: A, category: 'news', month: M0 };
const SEED_COMMENT = 'seed-comment';
/** The text of alice's seeded post, which a report of it holds. */
const ALICE_TEXT = `seeded ${ALICE_POST.id}`;
const SEED_NOTE = 'seed-notification';
/** Alice's post that Bob likes, with the notification that like gave her. */
const BOB_LIKED: PostInfo = { ch: CH, id: 'seed-alice-liked', author: A, category: 'news', month: M0 };
/** Alice's post that nobody likes, nor ever does in these tests: like attacks after the controls use it. */
const UNLIKED: PostInfo = { ch: CH, id: 'seed-alice-unliked', author: A, category: 'news', month: M0 };
/** A page Bob likes. */
const PAGE = encodeKey(pageTarget('https://intranet.example.com/seeded-page'));
/** Comments, and history, left behind by posts deleted by hand before these rules. */
const ORPHAN_COMMENTS = 'seed-orphan-comments';
const ORPHAN_HISTORY = 'seed-orphan-history';

/** An archived channel with one post of alice's, liked by carol before it was archived. */
const ARCHIVED = 'old-news';
const ARCHIVED_POST: PostInfo = { ch: ARCHIVED, id: 'seed-archived', author: A, category: 'news', month: M0 };
/** A report of the seeded comment on alice's post (carol reported bob's comment). */
const COMMENT_REPORT = 'seed-comment-report';

/**
 * A channel an admin deleted (its record only): alice's post liked by carol with bob's comment, alice's
 * idea owned by carol, a post of alice's liked and commented by bob for the author to delete, and bob's
 * report of the first post.
 */
const DELETED = 'closed';
const DELETED_POST: PostInfo = { ch: DELETED, id: 'seed-closed', author: A, category: 'news', month: M0 };
const DELETED_IDEA: PostInfo = { ch: DELETED, id: 'seed-closed-idea', author: A, category: 'idea', month: M0 };
const DELETED_DOOMED: PostInfo = { ch: DELETED, id: 'seed-closed-doomed', author: A, category: 'news', month: M0 };
const DELETED_COMMENT = 'seed-closed-comment';
const DELETED_REPORT = 'seed-closed-report';

const DATA = {
  admins: { [ADM]: true },
  adminCount: { count: 1, cause: ADM },
  channels: { [CH]: { name: 'General', categories: CATEGORIES }, [ARCHIVED]: { name: 'Old news', categories: CATEGORIES, archived: true } },
  profiles: {
    [A]: { name: 'Alice Vermeer', nameLower: 'alice vermeer', nameFrom2: 'vermeer' },
    [B]: { name: 'Bob Verhoeven', nameLower: 'bob verhoeven', nameFrom2: 'verhoeven' },
  },
  posts: {
    [CH]: {
      [ALICE_POST.id]: seedPost(ALICE_POST.id, A, 'news', { commentCount: 1, lastComment: SEED_COMMENT }),
      // liked by alice
      [BOB_POST.id]: seedPost(BOB_POST.id, B, 'news', { likeCount: 1 }),
      [BOB_LIKED.id]: seedPost(BOB_LIKED.id, A, 'news', { likeCount: 1 }),
      [UNLIKED.id]: seedPost(UNLIKED.id, A, 'news'),
      // alice's idea, owned by carol
      [IDEA.id]: seedPost(IDEA.id, A, 'idea', { title: 'Standing desks', status: 'new', owner: C }),
    },
    [ARCHIVED]: { [ARCHIVED_POST.id]: seedPost(ARCHIVED_POST.id, A, 'news', { likeCount: 1 }) },
    [DELETED]: {
      [DELETED_POST.id]: seedPost(DELETED_POST.id, A, 'news', { likeCount: 1, commentCount: 1, lastComment: DELETED_COMMENT }),
      [DELETED_IDEA.id]: seedPost(DELETED_IDEA.id, A, 'idea', { title: 'Closed desks', status: 'new', owner: C }),
      [DELETED_DOOMED.id]: seedPost(DELETED_DOOMED.id, A, 'news', { likeCount: 1, commentCount: 1, lastComment: 'seed-doomed-comment' }),
    },
  },
  comments: {
    [CH]: {
      [ALICE_POST.id]: { [SEED_COMMENT]: { author: B, text: 'Seeded comment', createdAt: T0 } },
      [ORPHAN_COMMENTS]: { 'old-comment': { author: B, text: 'Left behind', createdAt: T0 } },
    },
    [DELETED]: {
      [DELETED_POST.id]: { [DELETED_COMMENT]: { author: B, text: 'Said before the channel went', createdAt: T0 } },
      [DELETED_DOOMED.id]: { 'seed-doomed-comment': { author: B, text: 'Going too', createdAt: T0 } },
    },
  },
  ideaHistory: { [CH]: { [ORPHAN_HISTORY]: { 'old-entry': { status: 'planned', note: 'Left behind', by: ADM, at: T0 } } } },
  likes: {
    [tk(BOB_POST)]: { [A]: T0 },
    [tk(GHOST)]: { [C]: T0 },
    [tk(BOB_LIKED)]: { [B]: T0 },
    [PAGE]: { [B]: T0 },
    [tk(ARCHIVED_POST)]: { [C]: T0 },
    [tk(DELETED_POST)]: { [C]: T0 },
    [tk(DELETED_DOOMED)]: { [B]: T0 },
  },
  likeCounts: { [PAGE]: 1 },
  userLikes: {
    [A]: { [tk(BOB_POST)]: true },
    [B]: { [tk(BOB_LIKED)]: true, [PAGE]: true, [tk(DELETED_DOOMED)]: true },
    [C]: { [tk(GHOST)]: true, [tk(ARCHIVED_POST)]: true, [tk(DELETED_POST)]: true },
  },
  lastLike: { [B]: PAGE },
  notifications: {
    [A]: {
      [SEED_NOTE]: { type: 'commented', actor: B, channel: CH, post: ALICE_POST.id, createdAt: T0, read: false },
      [nkey('liked', BOB_LIKED, B)]: { type: 'liked', actor: B, channel: CH, post: BOB_LIKED.id, createdAt: T0, read: false },
    },
  },
  reports: {
    'seed-report': { channel: CH, post: ALICE_POST.id, by: B, reason: 'seeded', createdAt: T0 },
    [COMMENT_REPORT]: { channel: CH, post: ALICE_POST.id, comment: SEED_COMMENT, by: C, reason: 'rude', createdAt: T0 },
    [DELETED_REPORT]: { channel: DELETED, post: DELETED_POST.id, by: B, reason: 'seeded', text: `seeded ${DELETED_POST.id}`, createdAt: T0 },
  },
  stats: {
    [CH]: { [M0]: { news: { posts: 4, likes: 2 }, idea: { posts: 1, likes: 0 } } },
    [ARCHIVED]: { [M0]: { news: { posts: 1, likes: 1 } } },
    [DELETED]: { [M0]: { news: { posts: 2, likes: 2 }, idea: { posts: 1, likes: 0 } } },
  },
};

let backend: TestBackend;
let alice: Client;
let bob: Client;
let carol: Client;
let admin: Client;
let nobody: Client;

before(async () => {
  backend = await startTestBackend(DATA);
  [alice, bob, carol, admin, nobody] = await Promise.all([
    client(backend, 'alice'),
    client(backend, 'bob'),
    client(backend, 'carol'),
    client(backend, 'admin'),
    client(backend, null),
  ]);
});

after(async () => {
  await closeClients();
  await backend?.stop();
});

const write = (c: Client, updates: Updates) => within(update(ref(c.db), updates), 'update');
const value = (p: string) => backend.value(p);

async function allowed(c: Client, updates: Updates): Promise<void> {
  await write(c, updates);
}

// ---- attacks ------------------------------------------------------------------------------------------

let attempted = 0;
let refused = 0;
const names = new Set<string>();

/**
 * One attack: the write must be refused and the database left exactly as it was. `setup` makes the
 * legitimate writes the attack starts from (they must be allowed); its result is handed to `run`.
 */
function attack<T = void>(name: string, run: (setup: T) => Promise<unknown>, setup?: () => Promise<T>): void {
  assert.ok(!names.has(name), `attack names are unique: ${name}`);
  names.add(name);
  const n = names.size;
  it(`attack ${n}: ${name} — denied`, async () => {
    attempted++;
    const prepared = (await setup?.()) as T;
    const before = await value('');
    await assert.rejects(within(run(prepared), name), (e: unknown) => {
      assert.match(String((e as Error).message ?? e), /permission.denied/i);
      return true;
    });
    assert.deepEqual(await value(''), before, 'the refused write left nothing behind');
    refused++;
  });
}

function attackRead(name: string, run: () => Promise<unknown>): void {
  assert.ok(!names.has(name), `attack names are unique: ${name}`);
  names.add(name);
  const n = names.size;
  it(`attack ${n}: ${name} — denied`, async () => {
    attempted++;
    await assert.rejects(within(run(), name), /permission.denied/i);
    refused++;
  });
}

after(() => {
  console.log(`# rules: ${refused} of ${attempted} attacks denied (${names.size} attacks defined)`);
});

// =========================================================================================================

it('database.rules.json is what rules/database.rules.src.mjs makes', () => {
  const source = fileURLToPath(new URL('../../rules/database.rules.src.mjs', import.meta.url));
  const check = spawnSync(process.execPath, [source, '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

it('every record keyed by an id refuses the id __proto__ (the local server loses such a child before the rules see it)', () => {
  type Node = { [k: string]: Node | string };
  const json = JSON.parse(readFileSync(RULES_PATH, 'utf8')) as { rules: Node };
  const at = (...path: string[]) => path.reduce<Node>((n, k) => n[k] as Node, json.rules)['.validate'] as string;
  const keyed: [string, string[], string[]][] = [
    ['a channel', ['channels', '$ch'], ['$ch']],
    ['a post', ['posts', '$ch', '$id'], ['$id']],
    ['a comment', ['comments', '$ch', '$pid', '$cid'], ['$pid', '$cid']],
    ['a history entry', ['ideaHistory', '$ch', '$pid', '$eid'], ['$pid', '$eid']],
    ['a report', ['reports', '$id'], ['$id']],
  ];
  for (const [what, path, vars] of keyed) {
    for (const v of vars) assert.ok(at(...path).includes(`${v} !== '__proto__'`), `${what}: ${path.join('/')} checks ${v}`);
  }
});

it('the rules and the client count the same characters as blank', () => {
  const json = JSON.parse(readFileSync(RULES_PATH, 'utf8')) as { rules: { posts: { $ch: { $id: { text: { '.validate': string } } } } } };
  const rule = json.rules.posts.$ch.$id.text['.validate'];
  const listed = /\/\^\[\\s([^\]]*)\]\*\$\//.exec(rule)?.[1];
  assert.ok(listed, `a blank character class in ${rule}`);
  // Every character JavaScript's \s covers beyond ASCII, and the invisible ones, is listed literally in
  // the rules (where \s may mean ASCII only); U+2028 and U+2029 cannot be (line breaks), so the client
  // alone refuses them.
  const unicodeSpaces = [...'\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff'];
  const client = new Set(['\u000b', ...unicodeSpaces, ...BLANK_CHARACTERS]);
  assert.deepEqual([...new Set(listed)].sort(), [...client].sort());
  for (const c of client) {
    assert.ok(isBlank(c), `the stores: U+${c.charCodeAt(0).toString(16)} is blank`);
    assert.ok(looksEmpty(c), `the composer: U+${c.charCodeAt(0).toString(16)} looks empty`);
  }
});

describe('allowed paths', () => {
  it('a signed-in user reads posts, channels, likes, profiles, stats, their own likes and notifications', async () => {
    for (const p of ['posts', `posts/${CH}`, 'channels', `likes/${tk(BOB_POST)}`, `likes/${PAGE}`, `likeCounts/${PAGE}`, 'profiles', 'stats', 'admins', 'ideaHistory', `comments/${CH}`]) {
      await within(get(ref(bob.db, p)), `read ${p}`);
    }
    assert.equal((await get(ref(alice.db, `userLikes/${A}`))).val()[tk(BOB_POST)], true);
    assert.equal((await get(ref(alice.db, `notifications/${A}/${SEED_NOTE}`))).val().actor, B);
  });

  it('creates a post with a server timestamp, counted in its month and category', async () => {
    const before = (await value(`stats/${CH}/${M0}/news/posts`)) as number;
    const t = Date.now();
    const { info, updates } = newPost(A, { text: 'Fresh news' });
    await allowed(alice, updates);
    const stored = (await value(`posts/${CH}/${info.id}`)) as Record<string, unknown>;
    assert.equal(stored.text, 'Fresh news');
    assert.equal(stored.author, A);
    assert.ok((stored.createdAt as number) >= t - 5 && (stored.createdAt as number) <= Date.now());
    assert.deepEqual(stored.byCat, { news: stored.createdAt });
    if (info.month === M0) assert.equal(await value(`stats/${CH}/${M0}/news/posts`), before + 1);
    assert.equal(await value(`stats/${CH}/${info.month}/news/cause`), info.id);
  });

  it('creates an idea with a title and status new, and a post that mentions someone', async () => {
    const idea = newPost(B, { category: 'idea', title: 'Bike shed' });
    await allowed(bob, idea.updates);
    assert.equal(await value(`posts/${CH}/${idea.info.id}/status`), 'new');
    const mention = newPost(B, { text: '@Alice look' });
    await allowed(bob, { ...mention.updates, [`notifications/${A}/${nkey('mentioned', mention.info, B)}`]: notification('mentioned', B, mention.info) });
  });

  it('edits your own post, stamped by the server', async () => {
    const { info, updates } = newPost(A);
    await allowed(alice, updates);
    await allowed(alice, { [`posts/${CH}/${info.id}/text`]: 'Edited', [`posts/${CH}/${info.id}/editedAt`]: serverTimestamp() });
    assert.equal(await value(`posts/${CH}/${info.id}/text`), 'Edited');
    assert.equal(typeof (await value(`posts/${CH}/${info.id}/editedAt`)), 'number');
  });

  it('likes and unlikes a post: count, userLikes, stat and notification move together', async () => {
    const { info, updates } = newPost(A);
    await allowed(alice, updates);
    const stat = `stats/${CH}/${info.month}/news/likes`;
    const before = ((await value(stat)) as number | null) ?? 0;
    await allowed(bob, like(B, info));
    assert.equal(await value(`posts/${CH}/${info.id}/likeCount`), 1);
    assert.equal(await value(`userLikes/${B}/${tk(info)}`), true);
    assert.equal(typeof (await value(`likes/${tk(info)}/${B}`)), 'number');
    assert.equal(await value(stat), before + 1);
    const inbox = (await value(`notifications/${A}`)) as Record<string, { type: string; post: string }>;
    assert.ok(Object.values(inbox).some((n) => n.type === 'liked' && n.post === info.id));
    await allowed(carol, like(C, info));
    assert.equal(await value(`posts/${CH}/${info.id}/likeCount`), 2);
    await allowed(bob, unlike(B, info));
    assert.equal(await value(`posts/${CH}/${info.id}/likeCount`), 1);
    assert.equal(await value(`likes/${tk(info)}/${B}`), null);
    assert.equal(await value(`userLikes/${B}/${tk(info)}`), null);
    assert.equal(await value(stat), before + 1);
  });

  it('likes and unlikes a page', async () => {
    const key = encodeKey(pageTarget('https://intranet.example.com/news/a.b'));
    await allowed(bob, likePage(B, key, 1));
    await allowed(carol, likePage(C, key, 1));
    assert.equal(await value(`likeCounts/${key}`), 2);
    await allowed(bob, likePage(B, key, -1));
    assert.equal(await value(`likeCounts/${key}`), 1);
  });

  it('comments: the count goes up with the comment it names, and the author hears of it', async () => {
    const { cid, updates } = comment(B, ALICE_POST, 'Agreed');
    const before = (await value(`posts/${CH}/${ALICE_POST.id}/commentCount`)) as number;
    await allowed(bob, updates);
    assert.equal(await value(`posts/${CH}/${ALICE_POST.id}/commentCount`), before + 1);
    assert.equal(await value(`comments/${CH}/${ALICE_POST.id}/${cid}/text`), 'Agreed');
  });

  it("the idea's owner moves its status with a history entry, telling the author and a voter", async () => {
    await allowed(bob, like(B, IDEA));
    const { eid, updates } = statusChange(C, IDEA, 'under-review', 'Looking into it', [A, B]);
    await allowed(carol, updates);
    assert.equal(await value(`posts/${CH}/${IDEA.id}/status`), 'under-review');
    assert.equal(await value(`posts/${CH}/${IDEA.id}/statusEntry`), eid);
    assert.equal(await value(`ideaHistory/${CH}/${IDEA.id}/${eid}/by`), C);
  });

  it('an admin moves a status, assigns an owner (who is told), and the owner hands it on', async () => {
    const idea = newPost(A, { category: 'idea', title: 'Plants' });
    await allowed(alice, idea.updates);
    await allowed(admin, statusChange(ADM, idea.info, 'planned', 'Yes', [A]).updates);
    await allowed(admin, {
      [`posts/${CH}/${idea.info.id}/owner`]: B,
      [`notifications/${B}/${nkey('assigned', idea.info, ADM)}`]: notification('assigned', ADM, idea.info),
    });
    assert.equal(await value(`posts/${CH}/${idea.info.id}/owner`), B);
    await allowed(bob, { [`posts/${CH}/${idea.info.id}/owner`]: C });
    assert.equal(await value(`posts/${CH}/${idea.info.id}/owner`), C);
  });

  it('an admin hides and unhides a post', async () => {
    await allowed(admin, { [`posts/${CH}/${BOB_POST.id}/hidden`]: true });
    assert.equal(await value(`posts/${CH}/${BOB_POST.id}/hidden`), true);
    await allowed(admin, { [`posts/${CH}/${BOB_POST.id}/hidden`]: false });
    assert.equal(await value(`posts/${CH}/${BOB_POST.id}/hidden`), false);
  });

  it("an admin merges an idea, pooling other people's votes", async () => {
    const dup = newPost(B, { category: 'idea', title: 'Dup' });
    const keep = newPost(A, { category: 'idea', title: 'Keep' });
    await allowed(bob, dup.updates);
    await allowed(alice, keep.updates);
    await allowed(carol, like(C, dup.info));
    await allowed(admin, {
      [`likes/${tk(keep.info)}/${C}`]: serverTimestamp(),
      [`userLikes/${C}/${tk(keep.info)}`]: true,
      [`posts/${CH}/${keep.info.id}/likeCount`]: increment(1),
      [`stats/${CH}/${keep.info.month}/idea/likes`]: increment(1),
      [`posts/${CH}/${dup.info.id}/mergedInto`]: keep.info.id,
    });
    assert.equal(await value(`posts/${CH}/${keep.info.id}/likeCount`), 1);
    assert.equal(await value(`posts/${CH}/${dup.info.id}/mergedInto`), keep.info.id);
  });

  it('the recipient marks a notification read and deletes it', async () => {
    await allowed(alice, { [`notifications/${A}/${SEED_NOTE}/read`]: true });
    assert.equal(await value(`notifications/${A}/${SEED_NOTE}/read`), true);
    const { cid, updates } = comment(B, ALICE_POST);
    const id = nkey('commented', ALICE_POST, cid);
    await allowed(bob, updates);
    assert.equal(await value(`notifications/${A}/${id}/actor`), B);
    await within(remove(ref(alice.db, `notifications/${A}/${id}`)), 'delete notification');
    assert.equal(await value(`notifications/${A}/${id}`), null);
  });

  it('anyone signed in reports a post; only admins read and clear reports', async () => {
    const id = newId();
    await allowed(bob, { [`reports/${id}`]: { channel: CH, post: ALICE_POST.id, by: B, reason: 'Not okay', text: ALICE_TEXT, createdAt: serverTimestamp() } });
    const all = (await within(get(ref(admin.db, 'reports')), 'admin reads reports')).val() as Record<string, unknown>;
    assert.ok(all[id]);
    await within(remove(ref(admin.db, `reports/${id}`)), 'admin clears a report');
    assert.equal(await value(`reports/${id}`), null);
  });

  it('writes your own profile, with the name suffixes the search uses', async () => {
    await within(
      set(ref(bob.db, `profiles/${B}`), { name: 'Bob de Vries', nameLower: 'bob de vries', nameFrom2: 'de vries', nameFrom3: 'vries', jobTitle: 'Sales' }),
      'profile',
    );
    assert.equal(await value(`profiles/${B}/nameFrom3`), 'vries');
  });

  it('an admin adds an admin (counted) and a channel, and removes the admin again', async () => {
    await allowed(admin, { [`admins/${C}`]: true, 'adminCount/count': increment(1), 'adminCount/cause': C, 'channels/extra': { name: 'Extra', categories: { news: 0 } } });
    assert.equal(await value(`admins/${C}`), true);
    assert.deepEqual(await value('adminCount'), { count: 2, cause: C });
    await allowed(admin, { [`admins/${C}`]: null, 'adminCount/count': increment(-1), 'adminCount/cause': C });
    assert.equal(await value(`admins/${C}`), null);
    assert.deepEqual(await value('adminCount'), { count: 1, cause: C });
  });

  it('deletes your own post with its comments and history, uncounted from its stat; an old like can still be withdrawn', async () => {
    const { info, updates } = newPost(A, { category: 'idea', title: 'Short-lived' });
    await allowed(alice, updates);
    await allowed(bob, like(B, info));
    await allowed(bob, comment(B, info).updates);
    const before = (await value(`stats/${CH}/${info.month}/idea/posts`)) as number;
    await allowed(alice, deletePost(info, 1));
    assert.equal(await value(`posts/${CH}/${info.id}`), null);
    assert.equal(await value(`comments/${CH}/${info.id}`), null);
    assert.equal(await value(`stats/${CH}/${info.month}/idea/posts`), before - 1);
    await allowed(bob, { [`likes/${tk(info)}/${B}`]: null, [`userLikes/${B}/${tk(info)}`]: null });
    assert.equal(await value(`likes/${tk(info)}`), null);
  });
});

// =========================================================================================================

describe('attacks on posts', () => {
  const mutate = (u: Updates, path: string, change: (v: Record<string, unknown>) => void): Updates => {
    const copy = structuredClone({ ...u, [path]: u[path] }) as Updates;
    // structuredClone keeps the server-value objects as plain objects, which is what the SDK sends.
    change(copy[path] as Record<string, unknown>);
    return copy;
  };
  const fresh = (author = A, opts: Parameters<typeof newPost>[1] = {}) => newPost(author, opts);
  const postPath = (i: PostInfo) => `posts/${i.ch}/${i.id}`;

  attack('spoofed author (alice posts as bob)', () => {
    const { info, updates } = fresh(B);
    return write(alice, updates).then(() => info);
  });
  attack('forged createdAt', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => ((p.createdAt = T0), (p.byCat = { news: T0 }))));
  });
  attack('byCat time differing from createdAt', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => (p.byCat = { news: T0 })));
  });
  attack('byCat naming another category', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => (p.byCat = { news: serverTimestamp(), praise: serverTimestamp() })));
  });
  attack('malformed month', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => (p.month = '2026-13')));
  });
  attack('oversize text (2001 characters)', () => write(alice, fresh(A, { text: 'x'.repeat(2001) }).updates));
  attack('empty text', () => write(alice, fresh(A, { text: '' }).updates));
  attack('whitespace-only text', () => write(alice, fresh(A, { text: '  \n\t ' }).updates));
  attack('unknown category', () => write(alice, fresh(A, { category: 'gossip' }).updates));
  attack('post created with likeCount 5', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => (p.likeCount = 5)));
  });
  attack('post created with commentCount 3', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => (p.commentCount = 3)));
  });
  attack('idea created with an owner', () => {
    const { info, updates } = fresh(A, { category: 'idea' });
    return write(alice, mutate(updates, postPath(info), (p) => (p.owner = A)));
  });
  attack('idea without a title', () => {
    const { info, updates } = fresh(A, { category: 'idea' });
    return write(alice, mutate(updates, postPath(info), (p) => delete p.title));
  });
  attack('idea created with status done', () => {
    const { info, updates } = fresh(A, { category: 'idea' });
    return write(alice, mutate(updates, postPath(info), (p) => (p.status = 'done')));
  });
  attack('news post with an idea status', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => (p.status = 'new')));
  });
  attack('unknown field on a post', () => {
    const { info, updates } = fresh();
    return write(alice, mutate(updates, postPath(info), (p) => (p.pinned = true)));
  });
  attack('post without its stat', () => {
    const { info, updates } = fresh();
    return write(alice, { [postPath(info)]: updates[postPath(info)] });
  });
  attack('post counted twice in its stat (+2)', () => {
    const { updates } = fresh();
    return write(alice, { ...updates, [`stats/${CH}/${monthKey(new Date())}/news/posts`]: increment(2) });
  });
  attack('post counted in another category', () => {
    const { info, updates } = fresh();
    return write(alice, {
      [postPath(info)]: updates[postPath(info)],
      [`stats/${CH}/${info.month}/praise/posts`]: increment(1),
      [`stats/${CH}/${info.month}/praise/cause`]: info.id,
    });
  });
  attack("re-using a deleted post's id that still has likes", () =>
    // A new post under that id would start at 0 with a like already present, and the unlike would count down.
    write(alice, newPost(A, { id: GHOST.id }).updates),
  );
  attack("editing someone else's post", () =>
    write(bob, { [`${postPath(ALICE_POST)}/text`]: 'hijacked', [`${postPath(ALICE_POST)}/editedAt`]: serverTimestamp() }),
  );
  attack("an admin editing someone else's text", () =>
    write(admin, { [`${postPath(ALICE_POST)}/text`]: 'moderated', [`${postPath(ALICE_POST)}/editedAt`]: serverTimestamp() }),
  );
  attack('forged editedAt on an edit', () => write(alice, { [`${postPath(ALICE_POST)}/text`]: 'edited', [`${postPath(ALICE_POST)}/editedAt`]: T0 }));
  attack('edit without editedAt', () => write(alice, { [`${postPath(ALICE_POST)}/text`]: 'sneaky edit' }));
  attack('editedAt without an edit', () => write(alice, { [`${postPath(ALICE_POST)}/editedAt`]: serverTimestamp() }));
  attack('handing your post to someone else (author change)', () => write(alice, { [`${postPath(ALICE_POST)}/author`]: B }));
  attack('back-dating your post (createdAt change)', () => write(alice, { [`${postPath(ALICE_POST)}/createdAt`]: T0 - 1000 }));
  attack('moving your post to another category', () =>
    write(alice, { [`${postPath(ALICE_POST)}/category`]: 'praise', [`${postPath(ALICE_POST)}/byCat`]: { praise: T0 } }),
  );
  attack("deleting someone else's post", () => write(bob, deletePost(ALICE_POST)));
  attack('deleting your post without uncounting it', () => write(alice, { [postPath(ALICE_POST)]: null }));
  attack("clearing someone else's comments", () => write(bob, { [`comments/${CH}/${ALICE_POST.id}`]: null }));
  attack('hiding your own post as a non-admin', () => write(alice, { [`${postPath(ALICE_POST)}/hidden`]: true }));
  attack("hiding someone else's post as a non-admin", () => write(bob, { [`${postPath(ALICE_POST)}/hidden`]: true }));
  it('control: the same edit, made properly by the author, is allowed', async () => {
    await allowed(alice, { [`${postPath(ALICE_POST)}/text`]: 'edited properly', [`${postPath(ALICE_POST)}/editedAt`]: serverTimestamp() });
    assert.equal(await value(`${postPath(ALICE_POST)}/text`), 'edited properly');
    // Back as it was: reports later in this file hold the seeded text.
    await allowed(alice, { [`${postPath(ALICE_POST)}/text`]: ALICE_TEXT, [`${postPath(ALICE_POST)}/editedAt`]: serverTimestamp() });
  });
});

describe('attacks on likes', () => {
  const without = (u: Updates, ...keys: string[]) => Object.fromEntries(Object.entries(u).filter(([k]) => !keys.some((x) => k.includes(x))));
  const countPath = (p: PostInfo) => `posts/${p.ch}/${p.id}/likeCount`;

  attack('double like (alice likes a post she already likes)', () => write(alice, like(A, BOB_POST, false)));
  attack('inflated count (+2)', () => write(carol, { ...like(C, ALICE_POST, false), [countPath(ALICE_POST)]: increment(2) }));
  attack('count change without a like', () => write(carol, { [countPath(ALICE_POST)]: increment(1) }));
  attack('count set to an arbitrary number', () => write(alice, { [countPath(ALICE_POST)]: 42 }));
  attack('like without counting it', () => write(carol, without(like(C, ALICE_POST, false), 'likeCount')));
  attack('like without userLikes', () => write(carol, without(like(C, ALICE_POST, false), 'userLikes')));
  attack('like with a forged time', () => write(carol, { ...like(C, ALICE_POST, false), [`likes/${tk(ALICE_POST)}/${C}`]: T0 }));
  attack('like for someone else (carol likes as bob)', () => write(carol, like(B, ALICE_POST, false)));
  attack('like without its stat', () => write(carol, without(like(C, ALICE_POST, false), 'stats/')));
  attack('like of a post that does not exist', () =>
    write(carol, like(C, { ch: CH, id: 'no-such-post', author: A, category: 'news', month: M0 }, false)),
  );
  attack('unlike that leaves the count', () => write(alice, without(unlike(A, BOB_POST), 'likeCount')));
  attack('count decrement while the like stays', () => write(alice, { [countPath(BOB_POST)]: increment(-1) }));
  attack("removing someone else's like", () => write(carol, unlike(A, BOB_POST)));
  attack("marking someone else's userLikes", () => write(carol, { [`userLikes/${A}/${tk(ALICE_POST)}`]: true }));
  attack('userLikes entry without a like', () => write(carol, { [`userLikes/${C}/${tk(ALICE_POST)}`]: true }));
  attack('page like counted twice (+2)', () => {
    const key = encodeKey(pageTarget('https://intranet.example.com/attack'));
    return write(carol, { ...likePage(C, key, 1), [`likeCounts/${key}`]: increment(2) });
  });
  attack('page count without a like', () => write(carol, { [`likeCounts/${encodeKey('https://intranet.example.com/x')}`]: increment(1) }));
  attack('a post count kept in likeCounts', () =>
    write(carol, { ...without(like(C, ALICE_POST, false), 'likeCount'), [`likeCounts/${tk(ALICE_POST)}`]: increment(1) }),
  );
  attackRead("reading someone else's likes list (userLikes)", () => get(ref(bob.db, `userLikes/${A}`)));
  it('control: the same likes and unlikes, made properly, are allowed', async () => {
    await allowed(carol, like(C, ALICE_POST));
    assert.equal(await value(countPath(ALICE_POST)), 1);
    await allowed(alice, unlike(A, BOB_POST));
    assert.equal(await value(countPath(BOB_POST)), 0);
    await allowed(alice, like(A, BOB_POST));
    assert.equal(await value(countPath(BOB_POST)), 1);
    const key = encodeKey(pageTarget('https://intranet.example.com/attack'));
    await allowed(carol, likePage(C, key, 1));
    assert.equal(await value(`likeCounts/${key}`), 1);
  });
});

describe('attacks on stats', () => {
  const stat = `stats/${CH}/${M0}/news`;
  attack('stats +5 with a real post', () => {
    const { info, updates } = newPost(A);
    return write(alice, { ...updates, [`stats/${CH}/${info.month}/news/posts`]: increment(5) });
  });
  attack('stats without a post', () => write(alice, { [`${stat}/posts`]: increment(1), [`${stat}/cause`]: ALICE_POST.id }));
  attack('stats without a like', () => write(carol, { [`${stat}/likes`]: increment(1), [`${stat}/cause`]: ALICE_POST.id }));
  attack('stats like counted twice (+2)', () => write(carol, { ...like(C, UNLIKED, false), [`${stat}/likes`]: increment(2) }));
  attack('stats decrement without an unlike', () => write(carol, { [`${stat}/likes`]: increment(-1), [`${stat}/cause`]: BOB_POST.id }));
  attack('stats decrement without a deletion', () => write(alice, { [`${stat}/posts`]: increment(-1), [`${stat}/cause`]: ALICE_POST.id }));
  attack('stats deleted', () => write(alice, { [stat]: null }));
  attack('stats counter removed', () => write(alice, { [`${stat}/likes`]: null }));
  attack('like counted in the wrong month', () => {
    const u = like(C, UNLIKED, false);
    delete u[`stats/${CH}/${M0}/news/likes`];
    delete u[`stats/${CH}/${M0}/news/cause`];
    return write(carol, { ...u, [`stats/${CH}/2020-01/news/likes`]: increment(1), [`stats/${CH}/2020-01/news/posts`]: 0, [`stats/${CH}/2020-01/news/cause`]: UNLIKED.id });
  });
});

describe('attacks on comments', () => {
  attack('comment as another user', () => {
    const { cid, updates } = comment(C, ALICE_POST);
    updates[`comments/${CH}/${ALICE_POST.id}/${cid}`] = { author: B, text: 'I am bob', createdAt: serverTimestamp() };
    return write(carol, updates);
  });
  attack('comment count inflation (+1 without a comment)', () =>
    write(carol, { [`posts/${CH}/${ALICE_POST.id}/commentCount`]: increment(1), [`posts/${CH}/${ALICE_POST.id}/lastComment`]: SEED_COMMENT }),
  );
  attack('comment count +2 for one comment', () => {
    const { updates } = comment(C, ALICE_POST);
    return write(carol, { ...updates, [`posts/${CH}/${ALICE_POST.id}/commentCount`]: increment(2) });
  });
  attack('comment without counting it', () => {
    const { updates } = comment(C, ALICE_POST);
    delete updates[`posts/${CH}/${ALICE_POST.id}/commentCount`];
    return write(carol, updates);
  });
  attack('oversize comment', () => write(carol, comment(C, ALICE_POST, 'y'.repeat(1001)).updates));
  attack('empty comment', () => write(carol, comment(C, ALICE_POST, ' ').updates));
  attack('comment with a forged time', () => {
    const { cid, updates } = comment(C, ALICE_POST);
    updates[`comments/${CH}/${ALICE_POST.id}/${cid}`] = { author: C, text: 'back-dated', createdAt: T0 };
    return write(carol, updates);
  });
  attack('comment on a post that does not exist', () =>
    write(carol, comment(C, { ch: CH, id: 'no-such-post', author: A, category: 'news', month: M0 }).updates),
  );
  attack("editing someone else's comment", () => write(carol, { [`comments/${CH}/${ALICE_POST.id}/${SEED_COMMENT}/text`]: 'changed' }));
  it('control: the same comment, made properly, is allowed', async () => {
    const { cid, updates } = comment(C, ALICE_POST, 'Proper comment');
    await allowed(carol, updates);
    assert.equal(await value(`comments/${CH}/${ALICE_POST.id}/${cid}/author`), C);
  });
});

describe('attacks on ideas', () => {
  const p = `posts/${CH}/${IDEA.id}`;
  attack('status change by a non-owner', () => write(bob, statusChange(B, IDEA, 'planned', 'I like it').updates));
  attack('status change by the author who is not the owner', () => write(alice, statusChange(A, IDEA, 'done', 'Mine').updates));
  attack('status change without a history entry', () => write(carol, { [`${p}/status`]: 'planned' }));
  attack('history entry with another status than the idea gets', () => {
    const { eid, updates } = statusChange(C, IDEA, 'planned', 'note');
    updates[`ideaHistory/${CH}/${IDEA.id}/${eid}`] = { status: 'done', note: 'note', by: C, at: serverTimestamp() };
    return write(carol, updates);
  });
  attack('history entry signed by someone else', () => {
    const { eid, updates } = statusChange(C, IDEA, 'planned', 'note');
    updates[`ideaHistory/${CH}/${IDEA.id}/${eid}`] = { status: 'planned', note: 'note', by: ADM, at: serverTimestamp() };
    return write(carol, updates);
  });
  attack('history entry without a note', () => write(carol, statusChange(C, IDEA, 'planned', '  ').updates));
  attack('history entry without the status change', () =>
    write(carol, { [`ideaHistory/${CH}/${IDEA.id}/${newId()}`]: { status: 'planned', note: 'x', by: C, at: serverTimestamp() } }),
  );
  attack('re-pointing the idea at an old history entry', async () => {
    const entries = (await value(`ideaHistory/${CH}/${IDEA.id}`)) as Record<string, unknown> | null;
    const old = Object.keys(entries ?? { missing: 1 })[0]!;
    return write(carol, { [`${p}/status`]: 'declined', [`${p}/statusEntry`]: old });
  });
  attack('unknown status', () => write(carol, statusChange(C, IDEA, 'shipped', 'x').updates));
  attack('owner change by a non-admin who is not the owner', () => write(bob, { [`${p}/owner`]: B }));
  attack('merge by a non-owner', () => write(bob, { [`${p}/mergedInto`]: ALICE_POST.id }));
  attack('merge by the idea\'s owner (merging is for admins)', () => write(carol, { [`${p}/mergedInto`]: ALICE_POST.id }));
  attack('merge by the owner together with an owner change', () =>
    write(carol, { [`${p}/owner`]: C, [`${p}/mergedInto`]: ALICE_POST.id }),
  );
  // Only ideas have owners and are merged (as on Cloud Firestore): the owner of a news post could hand it
  // on from colleague to colleague, each hand-over an `assigned` notification.
  attack('an admin giving a news post an owner', () =>
    write(admin, {
      [`posts/${CH}/${BOB_POST.id}/owner`]: C,
      [`notifications/${C}/${nkey('assigned', BOB_POST, ADM)}`]: notification('assigned', ADM, BOB_POST),
    }),
  );
  attack('an admin merging a news post into an idea', () => write(admin, { [`posts/${CH}/${BOB_POST.id}/mergedInto`]: IDEA.id }));
  attack('pooling votes (liking for others) without being an admin', () =>
    write(carol, {
      [`likes/${tk(ALICE_POST)}/${B}`]: serverTimestamp(),
      [`userLikes/${B}/${tk(ALICE_POST)}`]: true,
      [`posts/${CH}/${ALICE_POST.id}/likeCount`]: increment(1),
    }),
  );
  it("control: the same status change, made properly by the idea's owner, is allowed", async () => {
    const { eid, updates } = statusChange(C, IDEA, 'planned', 'On the plan', [A, B]);
    await allowed(carol, updates);
    assert.equal(await value(`posts/${CH}/${IDEA.id}/statusEntry`), eid);
  });
});

describe('attacks on notifications, reports, admins, channels and profiles', () => {
  attackRead("reading another user's notifications", () => get(ref(bob.db, `notifications/${A}`)));
  attack('writing a notification as someone else (actor spoof)', () => {
    const u = comment(C, ALICE_POST).updates;
    for (const k of Object.keys(u)) if (k.startsWith('notifications/')) u[k] = notification('commented', B, ALICE_POST);
    return write(carol, u);
  });
  attack('invented notification (a like that did not happen)', () =>
    write(carol, { [`notifications/${A}/${nkey('liked', ALICE_POST, C)}`]: notification('liked', C, ALICE_POST) }),
  );
  attack('notification created already read', () => {
    const u = comment(C, ALICE_POST).updates;
    for (const k of Object.keys(u)) if (k.startsWith('notifications/')) u[k] = { ...notification('commented', C, ALICE_POST), read: true };
    return write(carol, u);
  });
  attack('idea-status notification to someone who neither wrote nor voted', () => {
    const { updates } = statusChange(C, IDEA, 'planned', 'Plan', [ADM]);
    return write(carol, updates);
  });
  attack('idea-status notification with another note than the history entry', () => {
    const { updates } = statusChange(C, IDEA, 'planned', 'Plan', [A]);
    for (const k of Object.keys(updates)) if (k.startsWith('notifications/')) (updates[k] as Record<string, unknown>).note = 'Rejected, sorry';
    return write(carol, updates);
  });
  attack("marking someone else's notification read", () => write(bob, { [`notifications/${A}/${SEED_NOTE}/read`]: true }));
  attack("deleting someone else's notification", () => write(bob, { [`notifications/${A}/${SEED_NOTE}`]: null }));
  attack('recipient rewriting who caused a notification', () => write(alice, { [`notifications/${A}/${SEED_NOTE}/actor`]: C }));
  attackRead('reading reports as a non-admin', () => get(ref(bob.db, 'reports')));
  attack('report as another user', () =>
    write(carol, { [`reports/${newId()}`]: { channel: CH, post: ALICE_POST.id, by: B, reason: 'framed', text: ALICE_TEXT, createdAt: serverTimestamp() } }),
  );
  attack("deleting someone's report as a non-admin", () => write(bob, { 'reports/seed-report': null }));
  attack('adding oneself as admin', () => write(bob, { [`admins/${B}`]: true }));
  attack('removing an admin as a non-admin', () => write(bob, { [`admins/${ADM}`]: null }));
  attack('creating a channel as a non-admin', () => write(bob, { 'channels/mine': { name: 'Mine', categories: { news: 0 } } }));
  attack('adding a category as a non-admin', () => write(bob, { [`channels/${CH}/categories/gossip`]: 9 }));
  attack('profile of someone else', () => write(bob, { [`profiles/${A}`]: { name: 'Alice (fake)', nameLower: 'alice (fake)' } }));
  attack('profile whose search name differs from its name', () => write(bob, { [`profiles/${B}`]: { name: 'Bob', nameLower: 'the ceo' } }));
  attack('profile search suffix that is not in the name', () =>
    write(bob, { [`profiles/${B}`]: { name: 'Bob Smit', nameLower: 'bob smit', nameFrom2: 'director' } }),
  );
});

describe('attacks while signed out', () => {
  attackRead('signed-out read of posts', () => get(ref(nobody.db, `posts/${CH}`)));
  attackRead('signed-out read of profiles', () => get(ref(nobody.db, 'profiles')));
  attack('signed-out post', () => write(nobody, newPost(A).updates));
  attack('signed-out like', () => write(nobody, like(A, ALICE_POST, false)));
  it('control: signed in, the same post is allowed', async () => {
    await allowed(alice, newPost(A).updates);
  });
});

// ---- one cause, one effect ---------------------------------------------------------------------------
// A notification's key is made from its cause (notificationKey), so a write cannot hold two of them for
// one recipient and one cause: the copies below are what a flood would need.

describe('attacks: one cause gives one notification', () => {
  const copies = (n: number, note: Record<string, unknown>, to: string): Updates =>
    Object.fromEntries(Array.from({ length: n }, () => [`notifications/${to}/${newId()}`, note]));

  attack('a like written with 50 copies of its notification', () =>
    write(carol, { ...like(C, UNLIKED, false), ...copies(50, notification('liked', C, UNLIKED), A) }),
  );
  attack('a like with one copy of its notification under another key', () =>
    write(carol, { ...like(C, UNLIKED), ...copies(1, notification('liked', C, UNLIKED), A) }),
  );
  attack('a comment written with 120 copies of its notification', () => {
    const { updates } = comment(C, ALICE_POST);
    for (const k of Object.keys(updates)) if (k.startsWith('notifications/')) delete updates[k];
    return write(carol, { ...updates, ...copies(120, notification('commented', C, ALICE_POST), A) });
  });
  attack('a comment written with its notification and one copy', () => {
    const { updates } = comment(C, ALICE_POST);
    return write(carol, { ...updates, ...copies(1, notification('commented', C, ALICE_POST), A) });
  });
  attack('a new post written with 50 copies of its mention', () => {
    const { info, updates } = newPost(C);
    return write(carol, { ...updates, ...copies(50, notification('mentioned', C, info), A) });
  });
  attack('a status change written with copies of its notification to one voter', () => {
    const { updates } = statusChange(C, IDEA, 'planned', 'Plan');
    return write(carol, { ...updates, ...copies(5, { ...notification('idea-status', C, IDEA), status: 'planned', note: 'Plan' }, A) });
  });
  attack('an assignment written with copies of its notification', () => {
    const p = `posts/${CH}/${IDEA.id}`;
    return write(carol, { [`${p}/owner`]: B, ...copies(3, notification('assigned', C, IDEA), B) });
  });
  attack("a like's notification keyed as another actor's", () => {
    const u = like(C, UNLIKED, false);
    return write(carol, { ...u, [`notifications/${A}/${nkey('liked', UNLIKED, B)}`]: notification('liked', C, UNLIKED) });
  });
  attack("a comment's notification keyed as another comment's", () => {
    const { updates } = comment(C, ALICE_POST);
    for (const k of Object.keys(updates)) if (k.startsWith('notifications/')) delete updates[k];
    return write(carol, { ...updates, [`notifications/${A}/${nkey('commented', ALICE_POST, SEED_COMMENT)}`]: notification('commented', C, ALICE_POST) });
  });
  attack('a mention keyed as another post', () => {
    const { info, updates } = newPost(C);
    return write(carol, { ...updates, [`notifications/${A}/${nkey('mentioned', ALICE_POST, C)}`]: notification('mentioned', C, info) });
  });
  attack("a liked notification written over someone else's (another actor, same post)", () =>
    // Bob's like notification to Alice exists; Carol's like of the same post may not take its place.
    write(carol, { ...like(C, BOB_LIKED, false), [`notifications/${A}/${nkey('liked', BOB_LIKED, B)}`]: notification('liked', C, BOB_LIKED) }),
  );
  attack('a notification rewritten without its cause happening again', async () => {
    // Bob liked Alice's post in the control below; writing the same notification again needs a new like.
    return write(bob, { [`notifications/${A}/${nkey('liked', BOB_LIKED, B)}`]: notification('liked', B, BOB_LIKED) });
  });
  attack('the actor deleting the notification they caused', () =>
    write(bob, { [`notifications/${A}/${nkey('liked', BOB_LIKED, B)}`]: null }),
  );
  attack('a liked notification carrying a status and a free-text note', () =>
    write(carol, {
      ...like(C, UNLIKED, false),
      [`notifications/${A}/${nkey('liked', UNLIKED, C)}`]: { ...notification('liked', C, UNLIKED), status: 'done', note: 'Your account is locked: sign in at https://evil.example' },
    }),
  );
  attack('a commented notification carrying a note', () => {
    const { cid, updates } = comment(C, ALICE_POST);
    return write(carol, { ...updates, [`notifications/${A}/${nkey('commented', ALICE_POST, cid)}`]: { ...notification('commented', C, ALICE_POST), note: 'Call 0800-SCAM' } });
  });
  attack('an idea-status notification without its note', () => {
    const { eid, updates } = statusChange(C, IDEA, 'planned', 'Plan', [A]);
    return write(carol, { ...updates, [`notifications/${A}/${nkey('idea-status', IDEA, eid)}`]: { ...notification('idea-status', C, IDEA), status: 'planned' } });
  });
  attack('a mention of someone without a profile', () => {
    const { info, updates } = newPost(C);
    return write(carol, { ...updates, [`notifications/no-such-person/${nkey('mentioned', info, C)}`]: notification('mentioned', C, info) });
  });

  it('control: like, unlike and like again give the author one notification, unread again', async () => {
    const key = nkey('liked', BOB_LIKED, B);
    await allowed(alice, { [`notifications/${A}/${key}/read`]: true });
    await allowed(bob, unlike(B, BOB_LIKED));
    await allowed(bob, like(B, BOB_LIKED));
    const inbox = (await value(`notifications/${A}`)) as Record<string, { type: string; post: string; read: boolean }>;
    const about = Object.entries(inbox).filter(([, n]) => n.type === 'liked' && n.post === BOB_LIKED.id);
    assert.deepEqual(about.map(([k, n]) => [k, n.read]), [[key, false]]);
  });
  it('control: one post mentioning two people notifies each once', async () => {
    const { info, updates } = newPost(C);
    await allowed(carol, {
      ...updates,
      [`notifications/${A}/${nkey('mentioned', info, C)}`]: notification('mentioned', C, info),
      [`notifications/${B}/${nkey('mentioned', info, C)}`]: notification('mentioned', C, info),
    });
    assert.equal(await value(`notifications/${B}/${nkey('mentioned', info, C)}/actor`), C);
  });
});

// ---- deletes: .validate never runs for a deletion, so each grant must refuse it itself ------------------

describe('attacks: deletes', () => {
  const post = (p: PostInfo) => `posts/${p.ch}/${p.id}`;
  attack("removing a page's like count (its likers could never unlike)", () => remove(ref(carol.db, `likeCounts/${PAGE}`)));
  attack("removing a page's like count as one of its likers", () => remove(ref(bob.db, `likeCounts/${PAGE}`)));
  attack("removing someone's post's like count", () => write(carol, { [`${post(BOB_POST)}/likeCount`]: null }));
  attack("removing your own post's like count", () => write(alice, { [`${post(ALICE_POST)}/likeCount`]: null }));
  attack("removing someone's post's comment count", () => write(carol, { [`${post(ALICE_POST)}/commentCount`]: null }));
  attack("removing someone's post's lastComment", () => write(carol, { [`${post(ALICE_POST)}/lastComment`]: null }));
  attack("removing your own post's lastComment", () => write(alice, { [`${post(ALICE_POST)}/lastComment`]: null }));
  attack("removing your own post's byCat (it leaves its category feed)", () => write(alice, { [`${post(ALICE_POST)}/byCat`]: null }));
  attack("removing a stat's cause", () => write(carol, { [`stats/${CH}/${M0}/news/cause`]: null }));
  attack("removing a stat's post counter", () => write(carol, { [`stats/${CH}/${M0}/news/posts`]: null }));
  attack("removing a stat's likes counter", () => write(carol, { [`stats/${CH}/${M0}/news/likes`]: null }));
  attack("removing someone's comment", () => write(carol, { [`comments/${CH}/${ALICE_POST.id}/${SEED_COMMENT}`]: null }));
  attack('removing your own comment (comments cannot be deleted on their own)', () =>
    write(bob, { [`comments/${CH}/${ALICE_POST.id}/${SEED_COMMENT}`]: null }),
  );
  attack("removing the text of your own comment", () => write(bob, { [`comments/${CH}/${ALICE_POST.id}/${SEED_COMMENT}/text`]: null }));
  attack("removing an idea's history entry", () => write(carol, { [`ideaHistory/${CH}/${ORPHAN_HISTORY}/old-entry`]: null }));
  attack('removing the name from your own profile', () => write(alice, { [`profiles/${A}/name`]: null }));
  attack('removing your lastLike', () => write(bob, { [`lastLike/${B}`]: null }));
  attack('an admin removing a field of a report', () => write(admin, { 'reports/seed-report/reason': null }));
  attack("an admin removing a channel's name", () => write(admin, { [`channels/${CH}/name`]: null }));
  it('control: the recipient still deletes a notification, a person their profile, an admin a report', async () => {
    const id = nkey('liked', BOB_LIKED, B);
    await allowed(alice, { [`notifications/${A}/${id}`]: null });
    assert.equal(await value(`notifications/${A}/${id}`), null);
    await within(set(ref(carol.db, `profiles/${C}`), { name: 'Carol', nameLower: 'carol' }), 'carol saves');
    await within(remove(ref(carol.db, `profiles/${C}`)), 'carol removes her profile');
    assert.equal(await value(`profiles/${C}`), null);
  });
});

// ---- counts and stats: a deleted post takes its likes with it -----------------------------------------

describe('attacks: counts and stats', () => {
  /** A post of Carol's in an old month, liked by Carol: the start of the inflation cycle. */
  const liked = async (month = '2020-03') => {
    const { info, updates } = newPost(C);
    const p = { ...info, month };
    const u = structuredClone(updates) as Updates;
    (u[`posts/${CH}/${p.id}`] as Record<string, unknown>).month = month;
    for (const k of Object.keys(u)) if (k.startsWith('stats/')) delete u[k];
    await allowed(carol, { ...u, [`stats/${CH}/${month}/news/posts`]: increment(1), [`stats/${CH}/${month}/news/cause`]: p.id });
    await allowed(carol, like(C, p));
    return p;
  };
  const oldDelete = (p: PostInfo) => deletePost(p); // as the store wrote it before: the likes stay counted

  attack(
    'deleting a liked post together with the unlike, keeping the like in the stat',
    (p) => write(carol, { ...oldDelete(p), [`likes/${tk(p)}/${C}`]: null, [`userLikes/${C}/${tk(p)}`]: null }),
    () => liked(),
  );
  attack('deleting a liked post without taking its likes out of the stat', (p) => write(carol, oldDelete(p)), () => liked('2020-04'));
  attack(
    'deleting a liked post taking more likes out than it had',
    (p) => write(carol, { ...oldDelete(p), [`stats/${CH}/${p.month}/news/likes`]: increment(-2) }),
    () => liked('2020-05'),
  );
  attack("a stat's cause rewritten without a counter moving", () => write(carol, { [`stats/${CH}/${M0}/news/cause`]: BOB_POST.id }));
  attack("a stat's cause set to 500,000 characters", () => write(carol, { [`stats/${CH}/${M0}/news/cause`]: 'x'.repeat(500_000) }));
  attack("a stat's cause that is not an id", () => write(carol, { [`stats/${CH}/${M0}/news/cause`]: 'a/b' }));
  attack('a stat written as a whole node', () => write(carol, { [`stats/${CH}/${M0}/praise`]: { posts: 0, cause: ALICE_POST.id } }));
  it('control: create, like, delete, unlike leaves the stat where it was', async () => {
    const month = '2020-06';
    const before = await value(`stats/${CH}/${month}/news`);
    assert.equal(before, null);
    const p = await liked(month);
    assert.equal(await value(`stats/${CH}/${month}/news/likes`), 1);
    await allowed(carol, deletePost(p, 1));
    await allowed(carol, { [`likes/${tk(p)}/${C}`]: null, [`userLikes/${C}/${tk(p)}`]: null });
    assert.deepEqual(await value(`stats/${CH}/${month}/news`), { posts: 0, likes: 0, cause: p.id });
    assert.equal(await value(`likes/${tk(p)}`), null);
  });
  it('control: deleting a liked post together with the unlike is allowed when the stat loses the like once', async () => {
    const p = await liked('2020-07');
    await allowed(carol, { ...deletePost(p, 1), [`likes/${tk(p)}/${C}`]: null, [`userLikes/${C}/${tk(p)}`]: null });
    assert.equal(await value(`stats/${CH}/2020-07/news/likes`), 0);
  });
});

// ---- a post's id, re-used: nothing of its predecessor may hang under it -------------------------------

describe('attacks: re-used post ids and hand-made deletes', () => {
  attack(
    'deleting your post but leaving its comments',
    (info) => {
      const u = deletePost(info);
      delete u[`comments/${CH}/${info.id}`];
      return write(alice, u);
    },
    async () => {
      const { info, updates } = newPost(A);
      await allowed(alice, updates);
      await allowed(bob, comment(B, info).updates);
      return info;
    },
  );
  attack(
    'deleting your idea but leaving its history',
    (info) => {
      const u = deletePost(info);
      delete u[`ideaHistory/${CH}/${info.id}`];
      return write(alice, u);
    },
    async () => {
      const { info, updates } = newPost(A, { category: 'idea', title: 'Gone soon' });
      await allowed(alice, updates);
      await allowed(admin, statusChange(ADM, info, 'planned', 'Yes').updates);
      return info;
    },
  );
  attack('re-creating a post under an id whose old comments remain', () => write(alice, newPost(A, { id: ORPHAN_COMMENTS }).updates));
  attack('re-creating an idea under an id whose old history remains', () =>
    write(bob, newPost(B, { id: ORPHAN_HISTORY, category: 'idea', title: 'Again' }).updates),
  );
  it('control: deleting a commented idea with its comments and history, then a new post, is allowed', async () => {
    const { info, updates } = newPost(A, { category: 'idea', title: 'Round trip' });
    await allowed(alice, updates);
    await allowed(bob, comment(B, info).updates);
    await allowed(admin, statusChange(ADM, info, 'planned', 'Yes').updates);
    await allowed(alice, deletePost(info));
    assert.equal(await value(`comments/${CH}/${info.id}`), null);
    assert.equal(await value(`ideaHistory/${CH}/${info.id}`), null);
  });
});

// ---- validation ----------------------------------------------------------------------------------------

describe('attacks: validation', () => {
  const post = (p: PostInfo) => `posts/${p.ch}/${p.id}`;
  const ZW = '\u200b\u200c\u200d\u2060\ufeff';
  attack('byCat written as a plain string', () => {
    const { info, updates } = newPost(A);
    (updates[post(info)] as Record<string, unknown>).byCat = 'news';
    return write(alice, updates);
  });
  attack('byCat rewritten as a string on an existing post', () => write(alice, { [`${post(ALICE_POST)}/byCat`]: 'news' }));
  attack('byCat with no child for its category', () => {
    const { info, updates } = newPost(A);
    (updates[post(info)] as Record<string, unknown>).byCat = true;
    return write(alice, updates);
  });
  attack('a post of zero-width characters only', () => write(alice, newPost(A, { text: ZW }).updates));
  attack('a post of no-break spaces and zero-width joiners only', () => write(alice, newPost(A, { text: '\u00a0\u200d\u3000\u2800' }).updates));
  attack('a comment of zero-width characters only', () => write(carol, comment(C, ALICE_POST, '\u200b\u200b').updates));
  attack('an idea title of zero-width characters only', () => write(alice, newPost(A, { category: 'idea', title: '\u2060' }).updates));
  attack('a status note of bidirectional marks only', () => write(carol, statusChange(C, IDEA, 'planned', '\u200e\u202e\u2066').updates));
  attack('a name of zero-width characters only', () => write(bob, { [`profiles/${B}`]: { name: '\u200b', nameLower: '\u200b' } }));
  attack('a title of 141 characters', () => write(alice, newPost(A, { category: 'idea', title: 't'.repeat(141) }).updates));
  attack('182 family emoji: 2,002 UTF-16 code units, over the stored limit the client also checks', () =>
    write(alice, newPost(A, { text: '👨‍👩‍👧‍👦'.repeat(182) }).updates),
  );
  attack('a photo over http (mixed content)', () =>
    write(bob, { [`profiles/${B}`]: { name: 'Bob', nameLower: 'bob', photoURL: 'http://tracker.example/p.gif' } }),
  );
  attack('a photo as a data: URL', () => write(bob, { [`profiles/${B}`]: { name: 'Bob', nameLower: 'bob', photoURL: 'data:image/svg+xml,<svg/>' } }));
  attack('a photo as a javascript: URL', () => write(bob, { [`profiles/${B}`]: { name: 'Bob', nameLower: 'bob', photoURL: 'javascript:alert(1)' } }));
  attack('a photo address with a user name in it', () =>
    write(bob, { [`profiles/${B}`]: { name: 'Bob', nameLower: 'bob', photoURL: 'https://intranet.example.com@evil.example/p.png' } }),
  );
  attack("a profile's search name rewritten on its own", () => write(bob, { [`profiles/${B}/nameLower`]: 'the ceo' }));
  it('control: text with a visible character among zero-width ones, 181 family emoji, and an https photo are allowed', async () => {
    await allowed(alice, newPost(A, { text: `${ZW}a${ZW}` }).updates);
    const family = '👨‍👩‍👧‍👦'.repeat(181); // 1,991 UTF-16 code units, 181 characters as a person sees them
    assert.equal(family.length, 1991);
    const { info, updates } = newPost(A, { text: family });
    await allowed(alice, updates);
    assert.equal(await value(`${post(info)}/text`), family);
    await within(
      set(ref(bob.db, `profiles/${B}`), { name: 'Bob Verhoeven', nameLower: 'bob verhoeven', nameFrom2: 'verhoeven', photoURL: 'https://intranet.example.com/people/bob.jpg' }),
      'profile with photo',
    );
  });
});

// ---- one write, one like: no bulk likes of invented targets --------------------------------------------

// The SDK reads a child named __proto__ as the object's prototype (`val()`), so such a record would be
// left out of every export without a word: no id may be __proto__. The local server loses such a child
// itself, so it refuses these writes with or without the rules' check (which the test near the top of
// this file looks for); on Firebase the rules' check is what refuses them.
describe('attacks: __proto__ as an id', () => {
  const P = '__proto__';
  attack('a post with the id __proto__', () => write(alice, newPost(A, { id: P }).updates));
  attack('a comment with the id __proto__', () => write(carol, comment(C, ALICE_POST, 'Nice one', P).updates));
  attack('a comment under the post id __proto__', () =>
    write(carol, comment(C, { ch: CH, id: P, author: A, category: 'news', month: M0 }).updates),
  );
  attack('a report with the id __proto__', () =>
    write(bob, { [`reports/${P}`]: { channel: CH, post: ALICE_POST.id, by: B, reason: 'Not okay', text: ALICE_TEXT, createdAt: serverTimestamp() } }),
  );
  attack('a status change whose history entry has the id __proto__', () => write(carol, statusChange(C, IDEA, 'planned', 'Soon', [], P).updates));
  attack('a channel with the id __proto__', () => write(admin, { [`channels/${P}`]: { name: 'Prototype', categories: { news: 0 } } }));
  it('control: the same post, comment, report and status change under other ids, and a post id that merely holds "proto", are allowed', async () => {
    const post = newPost(A, { id: '__proto' });
    await allowed(alice, post.updates);
    await allowed(carol, comment(C, post.info, 'Nice one', 'proto__').updates);
    await allowed(bob, { [`reports/_proto_`]: { channel: CH, post: post.info.id, by: B, reason: 'Not okay', text: 'Hello colleagues', createdAt: serverTimestamp() } });
    const idea = newPost(A, { category: 'idea', id: 'proto-idea' });
    await allowed(alice, idea.updates);
    await allowed(admin, statusChange(ADM, idea.info, 'planned', 'Soon', [], '__proto___').updates);
    assert.equal(await value(`comments/${CH}/__proto/proto__/text`), 'Nice one');
  });
});

describe('attacks: likes in bulk', () => {
  const page = (n: number) => encodeKey(pageTarget(`https://intranet.example.com/invented/${n}`));
  attack('one write liking 300 invented page targets', () => {
    const u: Updates = {};
    for (let i = 0; i < 300; i++) Object.assign(u, likePage(C, page(i), 1));
    return write(carol, u);
  });
  attack('one write liking two pages', () => write(carol, { ...likePage(C, page(1000), 1), ...likePage(C, page(1001), 1), [`lastLike/${C}`]: page(1001) }));
  attack('a page like without lastLike', () => {
    const u = likePage(C, page(1002), 1);
    delete u[`lastLike/${C}`];
    return write(carol, u);
  });
  attack("writing someone else's lastLike", () => write(carol, { [`lastLike/${B}`]: page(1) }));
  attackRead("reading someone else's lastLike", () => get(ref(carol.db, `lastLike/${B}`)));
  // Privacy: the likes of one target are public, the whole tree is not (its keys are every liked page's
  // address, and filtered by uid it lists one person's likes in one read, which userLikes keeps private).
  attackRead('listing every like of everything (the whole likes tree)', () => get(ref(carol.db, 'likes')));
  attackRead('listing every liked page through the like counts', () => get(ref(carol.db, 'likeCounts')));
  it('control: one page like per write, one after the other', async () => {
    await allowed(carol, likePage(C, page(2000), 1));
    await allowed(carol, likePage(C, page(2001), 1));
    assert.equal(await value(`likeCounts/${page(2001)}`), 1);
    assert.equal(await value(`lastLike/${C}`), page(2001));
  });
});

// ---- escalation through a child path: what a grant on a post allows one person is all it allows -------

describe('attacks: escalation through child paths', () => {
  const idea = `posts/${CH}/${IDEA.id}`;
  attack("the idea's owner editing its text", () => write(carol, { [`${idea}/text`]: 'Owner rewrote this', [`${idea}/editedAt`]: serverTimestamp() }));
  attack("the idea's owner removing its text", () => write(carol, { [`${idea}/text`]: null }));
  attack("an admin changing a post's author", () => write(admin, { [`posts/${CH}/${ALICE_POST.id}/author`]: ADM }));
  attack('a post created field by field, back-dated and uncounted', () => {
    const id = newId();
    const p = `posts/${CH}/${id}`;
    return write(alice, {
      [`${p}/author`]: A,
      [`${p}/text`]: 'Field by field',
      [`${p}/category`]: 'news',
      [`${p}/createdAt`]: T0,
      [`${p}/month`]: M0,
      [`${p}/byCat/news`]: T0,
      [`${p}/likeCount`]: 0,
      [`${p}/commentCount`]: 0,
    });
  });
  attack('a comment created field by field, uncounted', () => {
    const c = `comments/${CH}/${ALICE_POST.id}/${newId()}`;
    return write(carol, { [`${c}/author`]: C, [`${c}/text`]: 'Sneaky', [`${c}/createdAt`]: serverTimestamp() });
  });
  attack('a history entry created field by field, without its status change', () => {
    const e = `ideaHistory/${CH}/${IDEA.id}/${newId()}`;
    return write(carol, { [`${e}/status`]: 'done', [`${e}/by`]: C });
  });
  attack('a notification created field by field without a cause', () => {
    const n = `notifications/${A}/${nkey('liked', ALICE_POST, C)}`;
    return write(carol, {
      [`${n}/type`]: 'liked',
      [`${n}/actor`]: C,
      [`${n}/channel`]: CH,
      [`${n}/post`]: ALICE_POST.id,
      [`${n}/createdAt`]: serverTimestamp(),
      [`${n}/read`]: false,
    });
  });
  attack('a report created field by field about no post', () =>
    write(carol, { 'reports/r1/channel': CH, 'reports/r1/post': 'no-such-post', 'reports/r1/by': C, 'reports/r1/reason': 'x', 'reports/r1/createdAt': serverTimestamp() }),
  );
});

// ---- administration ------------------------------------------------------------------------------------

const resolve = (id: string, by: string, resolution: string): Updates => ({
  [`reports/${id}/resolvedBy`]: by,
  [`reports/${id}/resolvedAt`]: serverTimestamp(),
  [`reports/${id}/resolution`]: resolution,
});
/** A fresh report by bob of alice's post, so each test handles its own. */
async function freshReport(extra: Record<string, unknown> = {}): Promise<string> {
  const id = newId();
  await allowed(bob, { [`reports/${id}`]: { channel: CH, post: ALICE_POST.id, by: B, reason: 'Not okay', text: ALICE_TEXT, createdAt: serverTimestamp(), ...extra } });
  return id;
}
/** A fresh comment by bob on alice's post, reported by carol. */
async function reportedComment(): Promise<{ cid: string; report: string }> {
  const { cid, updates } = comment(B, ALICE_POST, 'Rude remark');
  await allowed(bob, updates);
  const report = newId();
  await allowed(carol, { [`reports/${report}`]: { channel: CH, post: ALICE_POST.id, comment: cid, by: C, reason: 'rude', text: 'Rude remark', createdAt: serverTimestamp() } });
  return { cid, report };
}
const channelPath = (ch: string) => `channels/${ch}`;
/** A fresh post of alice's with two comments of bob's (written through `a` and `b`). */
async function twoComments(a: Client, b: Client): Promise<{ post: PostInfo; first: string; second: string }> {
  const { info, updates } = newPost(A);
  await write(a, updates);
  const first = comment(B, info, 'First');
  await write(b, first.updates);
  const second = comment(B, info, 'Second');
  await write(b, second.updates);
  return { post: info, first: first.cid, second: second.cid };
}
/** An admin deletes a comment: gone, its post's count down by one, naming it (as `planDeleteComment`). */
const removeComment = (p: PostInfo, cid: string): Updates => ({
  [`comments/${p.ch}/${p.id}/${cid}`]: null,
  [`posts/${p.ch}/${p.id}/commentCount`]: increment(-1),
  [`posts/${p.ch}/${p.id}/lastComment`]: cid,
});

describe('administration: allowed paths', () => {
  it('an admin dismisses a report: who and when are kept with it', async () => {
    const id = await freshReport();
    const t = Date.now();
    await allowed(admin, resolve(id, ADM, 'dismissed'));
    const r = (await value(`reports/${id}`)) as Record<string, unknown>;
    assert.equal(r.resolvedBy, ADM);
    assert.equal(r.resolution, 'dismissed');
    assert.ok((r.resolvedAt as number) >= t - 5);
  });

  it('an admin hides the reported post and resolves the report in one write, and unhides it later', async () => {
    const id = await freshReport();
    await allowed(admin, { ...resolve(id, ADM, 'hidden'), [`posts/${CH}/${ALICE_POST.id}/hidden`]: true });
    assert.equal(await value(`posts/${CH}/${ALICE_POST.id}/hidden`), true);
    await allowed(admin, { [`posts/${CH}/${ALICE_POST.id}/hidden`]: false });
  });

  it('anyone signed in reports a comment; an admin deletes it, counted out, resolving the report', async () => {
    const { cid, report } = await reportedComment();
    const count = (await value(`posts/${CH}/${ALICE_POST.id}/commentCount`)) as number;
    await allowed(admin, {
      ...resolve(report, ADM, 'comment-deleted'),
      ...removeComment(ALICE_POST, cid),
    });
    assert.equal(await value(`comments/${CH}/${ALICE_POST.id}/${cid}`), null);
    assert.equal(await value(`posts/${CH}/${ALICE_POST.id}/commentCount`), count - 1);
  });

  it('an admin deletes a comment, counted out and named by the post; the next comment is counted as before', async () => {
    const { info, updates } = newPost(A);
    await allowed(alice, updates);
    const first = comment(B, info, 'One');
    await allowed(bob, first.updates);
    await allowed(carol, comment(C, info, 'Two').updates);
    await allowed(admin, removeComment(info, first.cid));
    assert.equal(await value(`comments/${CH}/${info.id}/${first.cid}`), null);
    assert.equal(await value(`posts/${CH}/${info.id}/commentCount`), 1);
    assert.equal(await value(`posts/${CH}/${info.id}/lastComment`), first.cid);
    await allowed(bob, comment(B, info, 'Three').updates);
    assert.equal(await value(`posts/${CH}/${info.id}/commentCount`), 2);
  });

  it('an admin creates, renames, describes, orders the categories of, archives and reopens a channel', async () => {
    await allowed(admin, { [channelPath('hr-news')]: { name: 'HR news', description: 'From HR', categories: { news: 0, question: 1 } } });
    await allowed(admin, {
      [`${channelPath('hr-news')}/name`]: 'People news',
      [`${channelPath('hr-news')}/description`]: 'From the people team',
      [`${channelPath('hr-news')}/categories`]: { question: 0, news: 1, praise: 2 },
      [`${channelPath('hr-news')}/archived`]: true,
    });
    assert.deepEqual(await value(channelPath('hr-news')), {
      name: 'People news',
      description: 'From the people team',
      categories: { question: 0, news: 1, praise: 2 },
      archived: true,
    });
    await allowed(admin, { [`${channelPath('hr-news')}/archived`]: null });
  });

  it('an archived channel is read, and its post may still be hidden by an admin or deleted by its author', async () => {
    assert.ok((await within(get(ref(bob.db, `posts/${ARCHIVED}`)), 'read archived')).exists());
    await allowed(admin, { [`posts/${ARCHIVED}/${ARCHIVED_POST.id}/hidden`]: true });
    await allowed(admin, { [`posts/${ARCHIVED}/${ARCHIVED_POST.id}/hidden`]: null });
  });

  it('a reopened channel takes likes and unlikes again; archived, it keeps its likes as they are', async () => {
    const { info, updates } = newPost(A, { ch: 'reopened' });
    await allowed(admin, { [channelPath('reopened')]: { name: 'Reopened', categories: CATEGORIES } });
    await allowed(alice, updates);
    await allowed(bob, like(B, info));
    await allowed(admin, { [`${channelPath('reopened')}/archived`]: true });
    await assert.rejects(write(carol, like(C, info)), /permission.denied/i);
    await assert.rejects(write(bob, unlike(B, info)), /permission.denied/i);
    assert.equal(await value(`posts/reopened/${info.id}/likeCount`), 1);
    await allowed(admin, { [`${channelPath('reopened')}/archived`]: null });
    await allowed(carol, like(C, info));
    await allowed(bob, unlike(B, info));
    assert.equal(await value(`posts/reopened/${info.id}/likeCount`), 1);
    assert.equal(await value(`likes/${tk(info)}/${B}`), null);
  });

  it("an admin corrects someone's display name, keeping the profile consistent", async () => {
    await allowed(admin, { [`profiles/${A}`]: { name: 'Alice van Vermeer', nameLower: 'alice van vermeer', nameFrom2: 'van vermeer', nameFrom3: 'vermeer' } });
    assert.equal(await value(`profiles/${A}/name`), 'Alice van Vermeer');
    await allowed(alice, { [`profiles/${A}`]: { name: 'Alice Vermeer', nameLower: 'alice vermeer', nameFrom2: 'vermeer' } });
  });

  it("an admin's name correction keeps the picture, job title and department as they were", async () => {
    const rest = { photoURL: 'https://intranet.example.com/people/carol.jpg', jobTitle: 'Planner', department: 'Logistics' };
    await allowed(carol, { [`profiles/${C}`]: { name: 'Carol Smit', nameLower: 'carol smit', nameFrom2: 'smit', ...rest } });
    await allowed(admin, { [`profiles/${C}`]: { name: 'Carol de Smit', nameLower: 'carol de smit', nameFrom2: 'de smit', nameFrom3: 'smit', ...rest } });
    assert.deepEqual(await value(`profiles/${C}`), { name: 'Carol de Smit', nameLower: 'carol de smit', nameFrom2: 'de smit', nameFrom3: 'smit', ...rest });
    await allowed(carol, { [`profiles/${C}`]: null });
  });

  it('an admin reads the whole likes tree and every like count (the export)', async () => {
    assert.ok((await within(get(ref(admin.db, 'likes')), 'read likes')).exists());
    assert.ok((await within(get(ref(admin.db, 'likeCounts')), 'read like counts')).exists());
  });

  it('anyone signed in reads the admin list and count (the first run starts from an empty one)', async () => {
    assert.ok((await within(get(ref(bob.db, 'adminCount')), 'read count')).exists());
  });
});

describe('channel names per language', () => {
  it('an admin names a channel in other languages, and removes the names', async () => {
    await allowed(admin, { [`channels/${CH}/names`]: { en: 'Company news', nl: 'Bedrijfsnieuws', 'pt-br': 'Notícias' } });
    assert.deepEqual(await value(`channels/${CH}/names`), { en: 'Company news', nl: 'Bedrijfsnieuws', 'pt-br': 'Notícias' });
    await allowed(admin, { [`channels/${CH}/names`]: null });
  });
  attack('a non-admin naming a channel in English', () => write(bob, { [`channels/${CH}/names/en`]: 'Gossip' }));
  attack('names written as a plain string', () => write(admin, { [`channels/${CH}/names`]: 'Company news' }));
  attack('a name under something that is no language tag', () => write(admin, { [`channels/${CH}/names/Not a tag`]: 'X' }));
  attack('a name under an upper-case tag', () => write(admin, { [`channels/${CH}/names/EN`]: 'X' }));
  attack('a blank name in a language', () => write(admin, { [`channels/${CH}/names/en`]: '\u200b \u00a0' }));
  attack('a name of 101 characters', () => write(admin, { [`channels/${CH}/names/en`]: 'x'.repeat(101) }));
  attack('a name that is a number', () => write(admin, { [`channels/${CH}/names/en`]: 42 }));
});

describe('attacks on administration', () => {
  attack('a non-admin dismissing a report', (id) => write(bob, resolve(id, B, 'dismissed')), () => freshReport());
  attack('an admin resolving a report in someone else’s name', (id) => write(admin, resolve(id, C, 'dismissed')), () => freshReport());
  attack('a resolution with a forged time', (id) => write(admin, { ...resolve(id, ADM, 'dismissed'), [`reports/${id}/resolvedAt`]: T0 }), () => freshReport());
  attack(
    'resolving a report twice (rewriting who handled it)',
    (id) => write(admin, resolve(id, ADM, 'hidden')),
    async () => {
      const id = await freshReport();
      await allowed(admin, resolve(id, ADM, 'dismissed'));
      return id;
    },
  );
  attack("resolving as 'hidden' without hiding the post", (id) => write(admin, resolve(id, ADM, 'hidden')), () => freshReport());
  attack("resolving as 'comment-deleted' without deleting the comment", (r) => write(admin, resolve(r.report, ADM, 'comment-deleted')), () => reportedComment());
  attack('an unknown resolution', (id) => write(admin, resolve(id, ADM, 'ignored')), () => freshReport());
  attack('half a resolution (no time)', (id) => write(admin, { [`reports/${id}/resolvedBy`]: ADM, [`reports/${id}/resolution`]: 'dismissed' }), () => freshReport());
  attack('a report created already resolved', () =>
    write(bob, { [`reports/${newId()}`]: { channel: CH, post: ALICE_POST.id, by: B, reason: 'x', text: ALICE_TEXT, createdAt: serverTimestamp(), resolvedBy: B, resolvedAt: serverTimestamp(), resolution: 'dismissed' } }),
  );
  attack('a report of a comment that does not exist', () =>
    write(bob, { [`reports/${newId()}`]: { channel: CH, post: ALICE_POST.id, comment: 'no-such-comment', by: B, reason: 'x', text: ALICE_TEXT, createdAt: serverTimestamp() } }),
  );
  attack('a non-admin deleting a comment (counted out)', () => write(alice, removeComment(ALICE_POST, SEED_COMMENT)));
  attack('an admin deleting a comment without counting it out', () => write(admin, { [`comments/${CH}/${ALICE_POST.id}/${SEED_COMMENT}`]: null }));
  attack('a non-admin lowering a comment count', () => write(alice, { [`posts/${CH}/${ALICE_POST.id}/commentCount`]: increment(-1) }));
  // The count must name the comment it goes down for, and that comment must go in the same write.
  attack('an admin lowering a comment count without deleting a comment', () => write(admin, { [`posts/${CH}/${ALICE_POST.id}/commentCount`]: increment(-1) }));
  attack('an admin deleting a comment, naming another', () =>
    write(admin, { ...removeComment(ALICE_POST, SEED_COMMENT), [`posts/${CH}/${ALICE_POST.id}/lastComment`]: 'no-such-comment' }),
  );
  attack(
    'an admin deleting two comments, counted as one',
    (two) => write(admin, { ...removeComment(two.post, two.second), [`comments/${CH}/${two.post.id}/${two.first}`]: null }),
    () => twoComments(alice, bob),
  );
  attack('an admin deleting a comment, counting out two', () =>
    write(admin, { ...removeComment(ALICE_POST, SEED_COMMENT), [`posts/${CH}/${ALICE_POST.id}/commentCount`]: increment(-2) }),
  );
  attack('a non-admin creating a channel', () => write(bob, { [channelPath('bobs')]: { name: "Bob's", categories: { news: 0 } } }));
  attack('a stranger archiving a channel', () => write(bob, { [`${channelPath(CH)}/archived`]: true }));
  attack('a stranger renaming a channel', () => write(bob, { [`${channelPath(CH)}/name`]: 'Mine now' }));
  attack('a channel description of 501 characters', () => write(admin, { [`${channelPath(CH)}/description`]: 'x'.repeat(501) }));
  attack('archived set to a string', () => write(admin, { [`${channelPath(CH)}/archived`]: 'yes' }));
  attack('posting in an archived channel', () => write(alice, newPost(A, { ch: ARCHIVED }).updates));
  attack('editing a post in an archived channel', () =>
    write(alice, { [`posts/${ARCHIVED}/${ARCHIVED_POST.id}/text`]: 'Changed', [`posts/${ARCHIVED}/${ARCHIVED_POST.id}/editedAt`]: serverTimestamp() }),
  );
  attack('commenting in an archived channel', () => write(bob, comment(B, ARCHIVED_POST).updates));
  // Read-only includes likes: a like or unlike there is refused, as on Cloud Firestore.
  attack('liking a post in an archived channel', () => write(bob, like(B, ARCHIVED_POST)));
  attack('unliking a post in an archived channel', () => write(carol, unlike(C, ARCHIVED_POST)));
  attack('a non-admin making themselves admin', () => write(bob, { [`admins/${B}`]: true, 'adminCount/count': increment(1), 'adminCount/cause': B }));
  attack('an admin adding an admin without counting', () => write(admin, { [`admins/${C}`]: true }));
  attack('an admin adding an admin counted twice', () => write(admin, { [`admins/${C}`]: true, 'adminCount/count': increment(2), 'adminCount/cause': C }));
  attack('an admin adding two admins counted once', () =>
    write(admin, { [`admins/${B}`]: true, [`admins/${C}`]: true, 'adminCount/count': increment(1), 'adminCount/cause': C }),
  );
  attack('removing the last admin', () => write(admin, { [`admins/${ADM}`]: null, 'adminCount/count': increment(-1), 'adminCount/cause': ADM }));
  attack('removing the last admin without the count', () => write(admin, { [`admins/${ADM}`]: null }));
  attack('the count moved without an admin', () => write(admin, { 'adminCount/count': 5, 'adminCount/cause': C }));
  attack('the count deleted', () => write(admin, { adminCount: null }));
  attack('a non-admin removing an admin', () => write(bob, { [`admins/${ADM}`]: null, 'adminCount/count': increment(-1), 'adminCount/cause': ADM }));
  attack('the first run on a database that has an admin', () =>
    write(bob, { [`admins/${B}`]: true, 'adminCount/count': 1, 'adminCount/cause': B }),
  );
  attack("a non-admin renaming someone else", () =>
    write(bob, { [`profiles/${A}`]: { name: 'Alice the Liar', nameLower: 'alice the liar', nameFrom2: 'the liar', nameFrom3: 'liar' } }),
  );
  attack("an admin deleting someone's profile", () => write(admin, { [`profiles/${A}`]: null }));
  attack('an admin writing an inconsistent name', () => write(admin, { [`profiles/${A}`]: { name: 'Alice', nameLower: 'someone else' } }));
  // Spoofing through the name correction: the rest of the profile is its owner's (as on Cloud Firestore).
  const corrected = { name: 'Alice Vermeer', nameLower: 'alice vermeer', nameFrom2: 'vermeer' };
  attack("an admin giving someone a picture while correcting their name", () =>
    write(admin, { [`profiles/${A}`]: { ...corrected, photoURL: 'https://intranet.example.com/people/someone-else.jpg' } }),
  );
  attack("an admin giving someone a job title while correcting their name", () => write(admin, { [`profiles/${A}`]: { ...corrected, jobTitle: 'Intern' } }));
  attack("an admin changing someone's department field by field", () => write(admin, { [`profiles/${B}/department`]: 'Nowhere' }));
  attackRead('a non-admin reading reports', () => get(ref(bob.db, 'reports')));
});

// ---- a deleted channel -----------------------------------------------------------------------------------
// An admin deleted the channel's record; its posts, comments, likes and reports remain. Nothing in it moves
// on, except what cleanup needs (as on Cloud Firestore, where every rule that reads the channel fails).

const DELETED_TEXT = `seeded ${DELETED_POST.id}`;

describe('attacks in a deleted channel', () => {
  const p = `posts/${DELETED}/${DELETED_POST.id}`;
  const idea = `posts/${DELETED}/${DELETED_IDEA.id}`;
  attack('posting in a deleted channel', () => write(alice, newPost(A, { ch: DELETED }).updates));
  attack('editing a post in a deleted channel', () => write(alice, { [`${p}/text`]: 'Changed after all', [`${p}/editedAt`]: serverTimestamp() }));
  attack('commenting in a deleted channel', () => write(bob, comment(B, DELETED_POST).updates));
  attack('liking a post in a deleted channel', () => write(bob, like(B, DELETED_POST)));
  attack('unliking a post in a deleted channel', () => write(carol, unlike(C, DELETED_POST)));
  attack("moving an idea's status in a deleted channel (its owner)", () => write(carol, statusChange(C, DELETED_IDEA, 'planned', 'Still on').updates));
  attack("moving an idea's status in a deleted channel (an admin)", () => write(admin, statusChange(ADM, DELETED_IDEA, 'done', 'Closed').updates));
  attack('assigning an idea in a deleted channel', () => write(admin, { [`${idea}/owner`]: B }));
  attack('merging an idea in a deleted channel', () => write(admin, { [`${idea}/mergedInto`]: DELETED_POST.id }));
  attack('an admin moving a like count in a deleted channel', () => write(admin, { [`${p}/likeCount`]: 5 }));
  it('control: the same writes in an open channel are allowed (edit, comment, like, unlike, report, status, assign)', async () => {
    const { info, updates } = newPost(A, { category: 'idea', title: 'Open desks' });
    await allowed(alice, updates);
    await allowed(alice, { [`posts/${CH}/${info.id}/text`]: 'Changed after all', [`posts/${CH}/${info.id}/editedAt`]: serverTimestamp() });
    await allowed(bob, comment(B, info).updates);
    await allowed(bob, like(B, info));
    await allowed(bob, unlike(B, info));
    await allowed(bob, { [`reports/${newId()}`]: { channel: CH, post: info.id, by: B, reason: 'x', text: 'Changed after all', createdAt: serverTimestamp() } });
    await allowed(admin, statusChange(ADM, info, 'planned', 'On').updates);
    await allowed(admin, { [`posts/${CH}/${info.id}/owner`]: B });
    assert.equal(await value(`posts/${CH}/${info.id}/owner`), B);
  });
});

describe('a deleted channel: allowed paths (cleanup)', () => {
  it('is still read', async () => {
    assert.ok((await within(get(ref(bob.db, `posts/${DELETED}/${DELETED_POST.id}`)), 'read')).exists());
  });

  it("a post and a comment left in it are reported (admins hear of what stayed behind), each with the text stored", async () => {
    const rid = newId();
    await allowed(bob, { [`reports/${rid}`]: { channel: DELETED, post: DELETED_POST.id, by: B, reason: 'x', text: DELETED_TEXT, createdAt: serverTimestamp() } });
    assert.equal(await value(`reports/${rid}/text`), DELETED_TEXT);
    await allowed(carol, {
      [`reports/${newId()}`]: { channel: DELETED, post: DELETED_POST.id, comment: DELETED_COMMENT, by: C, reason: 'x', text: 'Said before the channel went', createdAt: serverTimestamp() },
    });
  });

  it('an admin hides a post of it, deletes a comment (counted out) and handles its report', async () => {
    await allowed(admin, {
      [`posts/${DELETED}/${DELETED_POST.id}/hidden`]: true,
      ...resolve(DELETED_REPORT, ADM, 'hidden'),
    });
    assert.equal(await value(`reports/${DELETED_REPORT}/resolution`), 'hidden');
    await allowed(admin, removeComment(DELETED_POST, DELETED_COMMENT));
    assert.equal(await value(`comments/${DELETED}/${DELETED_POST.id}/${DELETED_COMMENT}`), null);
    assert.equal(await value(`posts/${DELETED}/${DELETED_POST.id}/commentCount`), 0);
  });

  it('the author deletes their post with its comments, uncounted; then its liker withdraws the like', async () => {
    await allowed(alice, deletePost(DELETED_DOOMED, 1));
    assert.equal(await value(`posts/${DELETED}/${DELETED_DOOMED.id}`), null);
    assert.equal(await value(`comments/${DELETED}/${DELETED_DOOMED.id}`), null);
    await allowed(bob, { [`likes/${tk(DELETED_DOOMED)}/${B}`]: null, [`userLikes/${B}/${tk(DELETED_DOOMED)}`]: null });
    assert.equal(await value(`likes/${tk(DELETED_DOOMED)}`), null);
  });
});

// ---- a report holds the text it is about ----------------------------------------------------------------

describe('reports hold the reported text', () => {
  it("a post's report holds its text, and the author's edit afterwards leaves the report as it was", async () => {
    const { info, updates } = newPost(A, { text: 'Something unkind' });
    await allowed(alice, updates);
    const rid = newId();
    await allowed(bob, { [`reports/${rid}`]: { channel: CH, post: info.id, by: B, reason: 'Unkind', text: 'Something unkind', createdAt: serverTimestamp() } });
    await allowed(alice, { [`posts/${CH}/${info.id}/text`]: 'Something kind', [`posts/${CH}/${info.id}/editedAt`]: serverTimestamp() });
    assert.equal(await value(`reports/${rid}/text`), 'Something unkind');
    assert.equal(await value(`posts/${CH}/${info.id}/text`), 'Something kind');
  });

  it("a comment's report holds the comment's text; deleting the post leaves the report as it was", async () => {
    const { info, updates } = newPost(A, { text: 'Harmless post' });
    await allowed(alice, updates);
    const c = comment(A, info, 'Unkind remark');
    await allowed(alice, c.updates);
    const rid = newId();
    await allowed(bob, { [`reports/${rid}`]: { channel: CH, post: info.id, comment: c.cid, by: B, reason: 'x', text: 'Unkind remark', createdAt: serverTimestamp() } });
    await allowed(alice, deletePost(info));
    assert.equal(await value(`reports/${rid}/text`), 'Unkind remark');
  });

  it('a report made before reports held their text is still handled', async () => {
    assert.equal(await value('reports/seed-report/text'), null);
    const { cid, report } = await reportedComment();
    await allowed(admin, { ...removeComment(ALICE_POST, cid), ...resolve(report, ADM, 'comment-deleted') });
    await allowed(admin, { [`posts/${CH}/${ALICE_POST.id}/hidden`]: true, ...resolve('seed-report', ADM, 'hidden') });
    await allowed(admin, { [`posts/${CH}/${ALICE_POST.id}/hidden`]: null });
    assert.equal(await value('reports/seed-report/resolution'), 'hidden');
  });

  const report = (extra: Record<string, unknown>): Updates => ({
    [`reports/${newId()}`]: { channel: CH, post: ALICE_POST.id, by: B, reason: 'x', text: ALICE_TEXT, createdAt: serverTimestamp(), ...extra },
  });
  attack("a report putting words in the author's mouth (a text the post does not hold)", () => write(bob, report({ text: 'I hate everyone' })));
  attack('a report without the reported text', () => write(bob, report({ text: null })));
  attack('a report with the text as a number', () => write(bob, report({ text: 42 })));
  attack("a comment's report holding the post's text", () => write(carol, report({ comment: SEED_COMMENT })));
  attack("a post's report holding a comment's text", () => write(bob, report({ text: 'Seeded comment' })));
  attack('a report holding the text after an edit made in the same write by someone else', () =>
    write(bob, { ...report({ text: 'edited in passing' }), [`${`posts/${CH}/${ALICE_POST.id}`}/text`]: 'edited in passing', [`posts/${CH}/${ALICE_POST.id}/editedAt`]: serverTimestamp() }),
  );
  attack('the reporter rewriting the text of their report', () => write(bob, { [`reports/${DELETED_REPORT}/text`]: 'Worse' }));
  attack('an admin rewriting the reported text', () => write(admin, { [`reports/${COMMENT_REPORT}/text`]: 'Nothing to see' }));
  attack('an admin removing the reported text', () => write(admin, { [`reports/${DELETED_REPORT}/text`]: null }));
  attack('a report created field by field with invented text', () =>
    write(carol, {
      'reports/r2/channel': CH,
      'reports/r2/post': ALICE_POST.id,
      'reports/r2/by': C,
      'reports/r2/reason': 'x',
      'reports/r2/text': 'Invented',
      'reports/r2/createdAt': serverTimestamp(),
    }),
  );
  it('control: the same report with the stored text, and field by field, is allowed', async () => {
    await allowed(bob, report({}));
    await allowed(carol, report({ by: C, comment: SEED_COMMENT, text: 'Seeded comment' }));
    await allowed(carol, {
      'reports/r2/channel': CH,
      'reports/r2/post': ALICE_POST.id,
      'reports/r2/by': C,
      'reports/r2/reason': 'x',
      'reports/r2/text': ALICE_TEXT,
      'reports/r2/createdAt': serverTimestamp(),
    });
  });
});

// ---- the first run: an empty database -------------------------------------------------------------------
// Its own database, with no admins: the first person to set up becomes admin and creates the first
// channel in one write; anyone after them, racing or not, is refused.

describe('first run', () => {
  let empty: TestBackend;
  let one: Client;
  let two: Client;
  const setUp = (uid: string, ch = 'general'): Updates => ({
    [`admins/${uid}`]: true,
    'adminCount/count': 1,
    'adminCount/cause': uid,
    [`channels/${ch}`]: { name: 'General', categories: CATEGORIES },
  });
  before(async () => {
    empty = await startTestBackend({});
    [one, two] = await Promise.all([client(empty, 'alice'), client(empty, 'bob')]);
  });
  after(() => empty?.stop());

  it('refuses a first run that names someone else, or counts two, or lacks the count', async () => {
    for (const u of [
      { [`admins/${B}`]: true, 'adminCount/count': 1, 'adminCount/cause': B },
      { ...setUp(A), 'adminCount/count': 2 },
      { [`admins/${A}`]: true },
      { [`channels/x`]: { name: 'X', categories: { news: 0 } } },
    ]) {
      attempted++;
      await assert.rejects(within(update(ref(one.db), u), 'first run attack'), /permission.denied/i);
      assert.equal(await empty.value(''), null, 'nothing written');
      refused++;
    }
  });

  it('the first person becomes admin with the first channel; the second, racing, is refused (both orders)', async () => {
    const results = await Promise.allSettled([within(update(ref(one.db), setUp(A)), 'alice sets up'), within(update(ref(two.db), setUp(B, 'bobs')), 'bob sets up')]);
    const won = results.filter((r) => r.status === 'fulfilled').length;
    assert.equal(won, 1, 'exactly one set-up lands');
    const winner = results[0]!.status === 'fulfilled' ? A : B;
    assert.deepEqual(await empty.value('admins'), { [winner]: true });
    assert.deepEqual(await empty.value('adminCount'), { count: 1, cause: winner });
    assert.equal(Object.keys((await empty.value('channels')) as object).length, 1);
    // Later, the loser tries again: refused.
    attempted++;
    const loser = winner === A ? two : one;
    await assert.rejects(within(update(ref(loser.db), setUp(loser.uid!, 'again')), 'second first run'), /permission.denied/i);
    refused++;
  });
});

// ---- a re-sent write after a lost acknowledgement ------------------------------------------------------
// The SDK sends a write again when the connection drops before the server's answer. The copy is refused
// (the post, comment or like exists; `createdAt == now` cannot hold twice); the store then reads back
// whether its first write was saved. Those reads must be allowed to the writer.

describe('a write sent twice', () => {
  const sentTwice = async (c: Client, updates: Updates) => {
    await allowed(c, updates);
    await assert.rejects(write(c, updates), /permission.denied/i);
  };
  it('a post, comment, edit, like and delete sent again are refused, and the writer reads back each', async () => {
    const { info, updates } = newPost(A, { text: 'Sent twice' });
    await sentTwice(alice, updates);
    assert.equal((await get(ref(alice.db, `posts/${CH}/${info.id}`))).val().text, 'Sent twice');
    assert.equal(await value(`stats/${CH}/${info.month}/news/cause`), info.id);

    const { cid, updates: c } = comment(B, info, 'Once only');
    await sentTwice(bob, c);
    assert.equal((await get(ref(bob.db, `comments/${CH}/${info.id}/${cid}`))).val().text, 'Once only');
    assert.equal((await get(ref(bob.db, `posts/${CH}/${info.id}/commentCount`))).val(), 1);

    const edit = { [`posts/${CH}/${info.id}/text`]: 'Edited once', [`posts/${CH}/${info.id}/editedAt`]: serverTimestamp() };
    await sentTwice(alice, edit);
    assert.equal((await get(ref(alice.db, `posts/${CH}/${info.id}/text`))).val(), 'Edited once');

    await sentTwice(carol, like(C, info));
    assert.equal(typeof (await get(ref(carol.db, `likes/${tk(info)}/${C}`))).val(), 'number');
    assert.equal((await get(ref(carol.db, `userLikes/${C}/${tk(info)}`))).val(), true);
    assert.equal((await get(ref(carol.db, `lastLike/${C}`))).val(), tk(info));
    assert.equal((await get(ref(carol.db, `posts/${CH}/${info.id}/likeCount`))).val(), 1);

    await sentTwice(alice, deletePost(info, 1));
    assert.equal((await get(ref(alice.db, `posts/${CH}/${info.id}`))).val(), null);
  });
});

// =========================================================================================================
// A refusal proves little if something else refused the write. For the guards added with the comment
// count, likes in archived and deleted channels, and reports (their channel, their text), the guard is
// taken out of database.rules.json (on a server of its own, with the same data) and its attack must then
// go through.

type Rules = {
  rules: {
    posts: { $ch: { $id: Record<string, Record<string, string>> } };
    comments: { $ch: { $pid: { $cid: Record<string, string> } } };
    reports: { $id: Record<string, string> };
  };
};
const ARCHIVED_OPEN = " && (root.child('channels/' + $ch + '/archived').val() !== true)";
const COUNT_NAMES_DELETED =
  " && (newData.parent().child('lastComment').isString()) && ((newData.parent().child('lastComment').val().matches(/^[A-Za-z0-9_-]{1,64}$/) && newData.parent().child('lastComment').val() !== '__proto__'))" +
  " && (root.child('comments/' + $ch + '/' + $id + '/' + newData.parent().child('lastComment').val()).exists())" +
  " && (!newData.parent().parent().parent().parent().child('comments/' + $ch + '/' + $id + '/' + newData.parent().child('lastComment').val()).exists()))";
const CHANNEL_EXISTS = "(root.child('channels/' + $ch).exists()) && ";
const REPORT_TEXT_IS_STORED =
  " && (newData.child('text').val() === (newData.child('comment').exists() ? root.child('comments/' + newData.child('channel').val() + '/' + newData.child('post').val() + '/' + newData.child('comment').val() + '/text').val()" +
  " : root.child('posts/' + newData.child('channel').val() + '/' + newData.child('post').val() + '/text').val()))";
const REMOVAL_NAMED = " && (newData.parent().parent().parent().parent().child('posts/' + $ch + '/' + $pid + '/lastComment').val() === $cid)";

const RTDB_MUTANTS: {
  rule: string;
  /** The rule string the guard is in, and the guard's text (taken out everywhere in that string). */
  at: (r: Rules['rules']) => [Record<string, string>, string];
  guard: string;
  replacement?: string;
  attack: string;
  run: (c: Record<'alice' | 'bob' | 'carol' | 'admin', Client>) => Promise<unknown>;
}[] = [
  {
    rule: 'an archived channel takes no likes (the like count moves only in an open channel)',
    at: (r) => [r.posts.$ch.$id.likeCount!, '.validate'],
    guard: ARCHIVED_OPEN,
    attack: 'liking a post in an archived channel',
    run: (c) => write(c.bob, like(B, ARCHIVED_POST)),
  },
  {
    rule: 'an archived channel takes no unlikes (the same guard)',
    at: (r) => [r.posts.$ch.$id.likeCount!, '.validate'],
    guard: ARCHIVED_OPEN,
    attack: 'unliking a post in an archived channel',
    run: (c) => write(c.carol, unlike(C, ARCHIVED_POST)),
  },
  {
    rule: 'a deleted channel takes no likes (the like count moves only in a channel that exists)',
    at: (r) => [r.posts.$ch.$id.likeCount!, '.validate'],
    guard: CHANNEL_EXISTS,
    attack: 'liking a post in a deleted channel',
    run: (c) => write(c.bob, like(B, DELETED_POST)),
  },
  {
    rule: 'a deleted channel takes no unlikes (the same guard)',
    at: (r) => [r.posts.$ch.$id.likeCount!, '.validate'],
    guard: CHANNEL_EXISTS,
    attack: 'unliking a post in a deleted channel',
    run: (c) => write(c.carol, unlike(C, DELETED_POST)),
  },
  {
    rule: "a report's text is the text stored",
    at: (r) => [r.reports.$id, '.write'],
    guard: REPORT_TEXT_IS_STORED,
    attack: "a report putting words in the author's mouth (a text the post does not hold)",
    run: (c) => write(c.bob, { [`reports/${newId()}`]: { channel: CH, post: ALICE_POST.id, by: B, reason: 'x', text: 'I hate everyone', createdAt: serverTimestamp() } }),
  },
  {
    rule: "an admin's lower comment count names a comment deleted in the same write",
    at: (r) => [r.posts.$ch.$id.commentCount!, '.validate'],
    guard: COUNT_NAMES_DELETED,
    replacement: ')',
    attack: 'an admin lowering a comment count without deleting a comment',
    run: (c) => write(c.admin, { [`posts/${CH}/${ALICE_POST.id}/commentCount`]: increment(-1) }),
  },
  {
    rule: 'a comment deleted by an admin is the one its post names',
    at: (r) => [r.comments.$ch.$pid.$cid, '.write'],
    guard: REMOVAL_NAMED,
    attack: 'an admin deleting two comments, counted as one',
    run: async (c) => {
      const two = await twoComments(c.alice, c.bob);
      return write(c.admin, { ...removeComment(two.post, two.second), [`comments/${CH}/${two.post.id}/${two.first}`]: null });
    },
  },
];

describe('each new guard is what refuses its attack: taken out, the attack succeeds', () => {
  const json = readFileSync(RULES_PATH, 'utf8');
  RTDB_MUTANTS.forEach((m, i) => {
    it(`without "${m.rule}": ${m.attack} — allowed`, async () => {
      assert.ok(names.has(m.attack), `an attack named ${m.attack}`);
      const rules = JSON.parse(json) as Rules;
      const [node, key] = m.at(rules.rules);
      assert.ok(node[key]!.includes(m.guard), `the guard is in the rule: ${m.guard}`);
      node[key] = node[key]!.split(m.guard).join(m.replacement ?? '');
      const dir = mkdtempSync(join(tmpdir(), `lenig-rules-mutant-${i}-`));
      const file = join(dir, 'database.rules.json');
      writeFileSync(file, JSON.stringify(rules));
      // The accounts are the same: share the Auth emulator of the suite's backend rather than start one.
      const shared = process.env.LENIG_TEST_AUTH_URL;
      process.env.LENIG_TEST_AUTH_URL = backend.authURL;
      const mutant = await startTestBackend(structuredClone(DATA), file).finally(() => {
        if (shared === undefined) delete process.env.LENIG_TEST_AUTH_URL;
      });
      try {
        const [a, b, c, adm] = await Promise.all((['alice', 'bob', 'carol', 'admin'] as const).map((u) => client(mutant, u)));
        await within(m.run({ alice: a!, bob: b!, carol: c!, admin: adm! }), m.attack);
      } finally {
        await mutant.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
