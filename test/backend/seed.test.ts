/**
 * (Every assert.ok carries a message: without one, Node re-parses the transpiled source to describe the
 * failure, which can take minutes.)
 *
 * The demo seed must look like data the library itself wrote: every count equal to the records it
 * counts, every key where docs/data-layout.md puts it. These checks recompute each derived number from
 * the raw records instead of trusting the builder.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSeed, SEED_USERS } from '../../scripts/seed-data.mjs';
import { decodeKey, encodeKey } from '../../src/data/keys.js';
import {
  DEFAULT_CATEGORIES,
  IDEA_STATUSES,
  MAX_COMMENT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_POST_LENGTH,
  MAX_TITLE_LENGTH,
  monthKey,
  parsePostTarget,
  postTarget,
} from '../../src/data/types.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const DAY = 86_400_000;
const { data, users } = buildSeed(NOW);

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const entries = (o: Rec | undefined): [string, any][] => Object.entries(o ?? {}); // eslint-disable-line @typescript-eslint/no-explicit-any

interface SeedPost {
  ch: string;
  id: string;
  post: Rec;
}
const posts: SeedPost[] = entries(data.posts).flatMap(([ch, byId]) => entries(byId).map(([id, post]) => ({ ch, id, post })));
const uids = new Set(users.map((u) => u.uid));
const PUSH_CHARS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

function pushIdTime(id: string): number {
  let t = 0;
  for (let i = 0; i < 8; i++) t = t * 64 + PUSH_CHARS.indexOf(id.charAt(i));
  return t;
}

describe('seed: people', () => {
  it('has five colleagues with fixed uids, sign-in details and one admin', () => {
    assert.equal(users.length, 5);
    assert.equal(uids.size, 5);
    assert.equal(new Set(users.map((u) => u.email)).size, 5);
    for (const u of users) {
      assert.match(u.email, /^[^@\s]+@[^@\s]+\.[a-z]+$/);
      assert.ok(u.password.length >= 6, 'the Auth emulator wants 6+ character passwords');
    }
    assert.deepEqual(users.map((u) => u.uid), buildSeed(NOW - DAY).users.map((u) => u.uid), 'uids do not depend on time');
    assert.deepEqual(Object.keys(data.admins), users.filter((u) => u.admin).map((u) => u.uid));
    assert.equal(Object.keys(data.admins).length, 1);
    assert.deepEqual(data.adminCount, { count: 1, cause: Object.keys(data.admins)[0] });
    assert.ok(Object.values(data.admins).every((v) => v === true), 'Object.values(data.admins).every((v) => v === true)');
    assert.ok(users.some((u) => /manager/i.test(u.jobTitle)), 'a manager');
  });

  it('gives each a profile with lower-cased names for prefix search and no photo', () => {
    assert.deepEqual(Object.keys(data.profiles).sort(), [...uids].sort());
    for (const u of users) {
      const p = data.profiles[u.uid];
      const words = u.name.toLowerCase().split(' ');
      const nameFrom = Object.fromEntries(words.slice(1, 4).map((_, i) => [`nameFrom${i + 2}`, words.slice(i + 1).join(' ')]));
      assert.deepEqual(Object.keys(p).sort(), ['department', 'jobTitle', 'name', 'nameLower', ...Object.keys(nameFrom)].sort());
      assert.equal(p.name, u.name);
      assert.equal(p.nameLower, u.name.toLowerCase());
      for (const [k, v] of Object.entries(nameFrom)) assert.equal(p[k], v, `${u.uid} ${k}`);
      assert.ok(p.jobTitle && p.department, 'p.jobTitle && p.department');
    }
  });
});

describe('seed: channels and posts', () => {
  it('has the company and team-sales channels with the default categories in order', () => {
    assert.deepEqual(Object.keys(data.channels).sort(), ['company', 'team-sales']);
    assert.equal(data.channels.company.name, 'Bedrijfsnieuws');
    for (const [, channel] of entries(data.channels)) {
      const order = Object.entries(channel.categories as Record<string, number>).sort((a, b) => a[1] - b[1]).map(([c]) => c);
      assert.deepEqual(order, [...DEFAULT_CATEGORIES]);
    }
  });

  it('has at least 34 posts over the last 60 days, every category in every channel', () => {
    assert.ok(posts.length >= 34, `${posts.length} posts`);
    for (const { ch, post } of posts) {
      assert.ok(post.createdAt <= NOW && post.createdAt >= NOW - 60 * DAY, `${ch} post at ${new Date(post.createdAt).toISOString()}`);
    }
    for (const ch of Object.keys(data.channels)) {
      const cats = new Set(posts.filter((p) => p.ch === ch).map((p) => p.post.category));
      assert.deepEqual([...cats].sort(), [...DEFAULT_CATEGORIES].sort(), ch);
    }
    // Spread out, not bunched: posts in at least 30 distinct days.
    assert.ok(new Set(posts.map((p) => Math.floor((NOW - p.post.createdAt) / DAY))).size >= 30, 'new Set(posts.map((p) => Math.floor((NOW - p.post.createdAt) / DAY))).size >= 30');
  });

  it('writes Dutch and English', () => {
    const dutch = posts.filter((p) => /\b(de|het|een|en|van)\b/.test(p.post.text) && !/\b(the|and|to)\b/.test(p.post.text));
    const english = posts.filter((p) => /\b(the|and|to)\b/.test(p.post.text) && !/\b(het|een|van)\b/.test(p.post.text));
    assert.ok(dutch.length >= 20, `${dutch.length} Dutch`);
    assert.ok(english.length >= 5, `${english.length} English`);
  });

  it('shapes every post as the layout says', () => {
    const base = ['author', 'byCat', 'category', 'commentCount', 'createdAt', 'likeCount', 'month', 'text'];
    // lastComment: the store writes it with each comment (the rules tie the count to it).
    for (const { ch, id, post } of posts) {
      const extra = post.category === 'idea' ? ['owner', 'status', 'statusEntry', 'title'] : [];
      const allowed = new Set([...base, ...extra, 'editedAt', 'lastComment']);
      for (const k of Object.keys(post)) assert.ok(allowed.has(k), `${ch}/${id} has ${k}`);
      for (const k of base) assert.ok(k in post, `${ch}/${id} lacks ${k}`);
      assert.ok(uids.has(post.author), 'uids.has(post.author)');
      assert.ok(post.text.length > 0 && post.text.length <= MAX_POST_LENGTH, 'post.text.length > 0 && post.text.length <= MAX_POST_LENGTH');
      assert.ok(ch in data.channels && post.category in data.channels[ch].categories, 'ch in data.channels && post.category in data.channels[ch].categories');
      assert.equal(post.month, monthKey(new Date(post.createdAt)));
      assert.deepEqual(post.byCat, { [post.category]: post.createdAt });
      if (post.editedAt !== undefined) assert.ok(post.editedAt > post.createdAt && post.editedAt <= NOW, 'post.editedAt > post.createdAt && post.editedAt <= NOW');
    }
  });

  it('uses push-id-like keys whose order is the order of createdAt', () => {
    for (const [, byId] of entries(data.posts)) {
      const ids = Object.keys(byId);
      for (const id of ids) {
        assert.match(id, /^[-0-9A-Za-z_]{20}$/);
        assert.equal(pushIdTime(id), byId[id].createdAt, `${id} encodes its time`);
      }
      const byKey = [...ids].sort();
      const byTime = [...ids].sort((a, b) => byId[a].createdAt - byId[b].createdAt);
      assert.deepEqual(byKey, byTime);
    }
    assert.equal(new Set(posts.map((p) => p.id)).size, posts.length, 'ids are unique across channels');
  });

  it('is the same tree for the same now', () => {
    assert.deepEqual(buildSeed(NOW).data, data);
  });
});

describe('seed: ideas', () => {
  const ideas = posts.filter((p) => p.post.category === 'idea');

  it('gives every idea a title and a known status, and some an owner and a history', () => {
    assert.ok(ideas.length >= 5, 'ideas.length >= 5');
    for (const { post } of ideas) {
      assert.ok(post.title.length > 0 && post.title.length <= MAX_TITLE_LENGTH, 'post.title.length > 0 && post.title.length <= MAX_TITLE_LENGTH');
      assert.ok((IDEA_STATUSES as readonly string[]).includes(post.status), post.status);
      if (post.owner !== undefined) assert.ok(uids.has(post.owner), 'uids.has(post.owner)');
    }
    assert.ok(new Set(ideas.map((i) => i.post.status)).size >= 4, 'several statuses on the board');
    assert.ok(ideas.filter((i) => i.post.owner).length >= 4, 'ideas.filter((i) => i.post.owner).length >= 4');
    for (const { post } of posts.filter((p) => p.post.category !== 'idea')) {
      assert.equal(post.title ?? post.status ?? post.owner, undefined);
    }
  });

  it('keeps the history consistent: statusEntry names the latest entry, which has the idea status', () => {
    let withHistory = 0;
    for (const { ch, id, post } of ideas) {
      const history = data.ideaHistory[ch]?.[id] as Rec | undefined;
      if (!history) {
        assert.equal(post.statusEntry, undefined);
        assert.equal(post.status, 'new', 'only a new idea has no history');
        continue;
      }
      withHistory++;
      const list = entries(history).sort((a, b) => a[1].at - b[1].at);
      assert.equal(post.statusEntry, list.at(-1)![0]);
      assert.equal(list.at(-1)![1].status, post.status);
      for (const [, e] of list) {
        assert.deepEqual(Object.keys(e).sort(), ['at', 'by', 'note', 'status']);
        assert.ok(uids.has(e.by), 'uids.has(e.by)');
        assert.ok(e.note.length > 0 && e.note.length <= MAX_NOTE_LENGTH, 'e.note.length > 0 && e.note.length <= MAX_NOTE_LENGTH');
        assert.ok(e.at > post.createdAt && e.at <= NOW, 'e.at > post.createdAt && e.at <= NOW');
      }
    }
    assert.ok(withHistory >= 4, 'withHistory >= 4');
    for (const [ch, byPost] of entries(data.ideaHistory)) {
      for (const id of Object.keys(byPost)) assert.equal(data.posts[ch]?.[id]?.category, 'idea', 'history only for ideas');
    }
  });
});

describe('seed: comments, likes and stats', () => {
  it('has commentCount equal to the comments stored, and lastComment naming the newest', () => {
    for (const { ch, id, post } of posts) {
      const comments = entries(data.comments[ch]?.[id]);
      assert.equal(post.commentCount, comments.length, `${ch}/${id}`);
      const newest = comments.sort((a, b) => b[1].createdAt - a[1].createdAt)[0]?.[0];
      assert.equal(post.lastComment, newest, `${ch}/${id} lastComment`);
    }
    for (const [ch, byPost] of entries(data.comments)) {
      for (const [id, comments] of entries(byPost)) {
        const post = data.posts[ch]?.[id];
        assert.ok(post, `comments on a post that exists (${ch}/${id})`);
        for (const [, c] of entries(comments)) {
          assert.deepEqual(Object.keys(c).sort(), ['author', 'createdAt', 'text']);
          assert.ok(uids.has(c.author), 'uids.has(c.author)');
          assert.ok(c.text.length > 0 && c.text.length <= MAX_COMMENT_LENGTH, 'c.text.length > 0 && c.text.length <= MAX_COMMENT_LENGTH');
          assert.ok(c.createdAt > post.createdAt && c.createdAt <= NOW, 'c.createdAt > post.createdAt && c.createdAt <= NOW');
        }
      }
    }
    assert.ok(posts.reduce((n, p) => n + p.post.commentCount, 0) >= 30);
  });

  it('uses valid, canonical target keys', () => {
    for (const key of [...Object.keys(data.likes), ...Object.keys(data.likeCounts)]) {
      assert.doesNotMatch(key, /[.$#[\]/]/);
      assert.equal(encodeKey(decodeKey(key)), key);
    }
    for (const { ch, id } of posts) {
      assert.equal(encodeKey(postTarget(ch, id)), `post:${ch}:${id}`, 'post keys need no escaping');
    }
    assert.ok(Object.keys(data.likeCounts).some((k) => decodeKey(k).startsWith('https://')), 'a page is liked too');
  });

  it('keeps likes, userLikes and counts in agreement', () => {
    for (const [key, likers] of entries(data.likes)) {
      for (const [uid, at] of entries(likers)) {
        assert.ok(uids.has(uid), 'uids.has(uid)');
        assert.equal(typeof at, 'number');
        assert.ok(at <= NOW, 'at <= NOW');
        assert.equal(data.userLikes[uid]?.[key], true, `userLikes/${uid}/${key}`);
      }
      const target = parsePostTarget(decodeKey(key));
      if (target) {
        const post = data.posts[target.channel]?.[target.post];
        assert.ok(post, `liked post exists: ${key}`);
        assert.equal(post.likeCount, Object.keys(likers).length, key);
        assert.equal(data.likeCounts[key], undefined, 'post counts live in the post');
        for (const at of Object.values<number>(likers)) assert.ok(at > post.createdAt, 'at > post.createdAt');
      } else {
        assert.equal(data.likeCounts[key], Object.keys(likers).length, key);
      }
    }
    for (const [uid, keys] of entries(data.userLikes)) {
      for (const [key, v] of entries(keys)) {
        assert.equal(v, true);
        assert.equal(typeof data.likes[key]?.[uid], 'number', `likes/${key}/${uid}`);
      }
    }
    for (const key of Object.keys(data.likeCounts)) assert.ok(data.likes[key], `likeCounts/${key} has likes`);
    for (const { ch, id, post } of posts) {
      assert.equal(post.likeCount, Object.keys(data.likes[encodeKey(postTarget(ch, id))] ?? {}).length);
    }
  });

  it('has stats equal to the posts and their likes, per channel, month and category', () => {
    const expected: Rec = {};
    const latest: Rec = {};
    for (const { ch, id, post } of posts) {
      const likes = data.likes[encodeKey(postTarget(ch, id))] ?? {};
      const s = (((expected[ch] ??= {})[post.month] ??= {})[post.category] ??= { posts: 0, likes: 0 });
      s.posts += 1;
      s.likes += Object.keys(likes).length;
      // `cause` names the post behind the stat's latest change: a post created or liked.
      const at = Math.max(post.createdAt, ...Object.values<number>(likes));
      const k = `${ch}/${post.month}/${post.category}`;
      if (!latest[k] || latest[k].at < at) latest[k] = { at, id };
      s.cause = latest[k].id;
    }
    assert.deepEqual(data.stats, expected);
  });

  it("makes managers' personal updates the most liked category", () => {
    const perCategory = new Map<string, { posts: number; likes: number }>();
    for (const { post } of posts) {
      const s = perCategory.get(post.category) ?? { posts: 0, likes: 0 };
      s.posts++;
      s.likes += post.likeCount;
      perCategory.set(post.category, s);
    }
    const avg = [...perCategory].map(([c, s]) => [c, s.likes / s.posts] as const).sort((a, b) => b[1] - a[1]);
    assert.equal(avg[0]![0], 'personal', JSON.stringify(avg));
  });
});

describe('seed: notifications and the whole tree', () => {
  it('notifies about things that happened', () => {
    const all = entries(data.notifications).flatMap(([to, byId]) => entries(byId).map(([id, n]) => ({ to, id, n })));
    assert.ok(all.length >= 4, 'all.length >= 4');
    assert.ok(new Set(all.map((a) => a.n.type)).size >= 3, 'new Set(all.map((a) => a.n.type)).size >= 3');
    for (const { to, n } of all) {
      assert.ok(uids.has(to) && uids.has(n.actor), 'uids.has(to) && uids.has(n.actor)');
      assert.notEqual(to, n.actor);
      assert.equal(typeof n.read, 'boolean');
      assert.ok(n.createdAt <= NOW, 'n.createdAt <= NOW');
      const post = data.posts[n.channel]?.[n.post];
      assert.ok(post, 'about a post that exists');
      switch (n.type) {
        case 'liked':
          assert.equal(post.author, to);
          assert.equal(typeof data.likes[encodeKey(postTarget(n.channel, n.post))]?.[n.actor], 'number');
          break;
        case 'commented':
          assert.equal(post.author, to);
          assert.ok(Object.values(data.comments[n.channel]?.[n.post] ?? {}).some((c: any) => c.author === n.actor), 'Object.values(data.comments[n.channel]?.[n.post] ?? {}).some((c: any) => c.author === n.actor)'); // eslint-disable-line @typescript-eslint/no-explicit-any
          break;
        case 'mentioned':
          assert.equal(post.author, n.actor);
          assert.ok(post.text.includes(data.profiles[to].name.split(' ')[0]), 'the text names who is mentioned');
          break;
        case 'idea-status': {
          assert.equal(post.author, to);
          const match = Object.values(data.ideaHistory[n.channel]?.[n.post] ?? {}).find(
            (e: any) => e.status === n.status && e.note === n.note && e.by === n.actor && e.at === n.createdAt, // eslint-disable-line @typescript-eslint/no-explicit-any
          );
          assert.ok(match, 'an idea-status notification repeats a history entry');
          break;
        }
        default:
          assert.fail(`unexpected notification type ${n.type}`);
      }
    }
  });

  it('uses only the top-level paths of the layout, valid keys and no client-side timestamps from the future', () => {
    const layout = ['admins', 'adminCount', 'profiles', 'channels', 'posts', 'comments', 'likes', 'likeCounts', 'userLikes', 'ideaHistory', 'notifications', 'reports', 'stats'];
    for (const k of Object.keys(data)) assert.ok(layout.includes(k), k);
    const walk = (v: unknown, p: string): void => {
      if (v === null || typeof v !== 'object') {
        assert.notEqual(v, undefined, p);
        return;
      }
      for (const [k, child] of Object.entries(v)) {
        // eslint-disable-next-line no-control-regex -- control characters are exactly what keys may not hold
        assert.doesNotMatch(k, /[.$#[\]/\u0000-\u001f\u007f]/, `${p}/${k}`);
        if (/(createdAt|editedAt|\/at)$/.test(`${p}/${k}`)) assert.ok((child as number) <= NOW, `${p}/${k}`);
        walk(child, `${p}/${k}`);
      }
    };
    walk(data, '');
    assert.equal(SEED_USERS, users);
  });
});
