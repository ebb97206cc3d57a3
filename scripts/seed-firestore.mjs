/**
 * The demo seed (scripts/seed-data.mjs, laid out for the Realtime Database) as Cloud Firestore documents,
 * laid out as docs/data-layout-firestore.md describes. The same people, posts, likes and numbers: only
 * the shape differs.
 */

const ts = (ms) => (typeof ms === 'number' ? new Date(ms) : undefined);

/** Decodes a Realtime Database key (`encodeKey`): Firestore keeps the same encoded target keys. */
const POST_KEY = /^post:([^:]+):([^:]+)$/;

/**
 * @param {ReturnType<import('./seed-data.mjs').buildSeed>['data']} data
 * @returns {{ path: string, data: object }[]}
 */
export function firestoreDocuments(data) {
  const docs = [];
  const add = (path, doc) => docs.push({ path, data: doc });

  for (const uid of Object.keys(data.admins ?? {})) add(`admins/${uid}`, { admin: true });
  // The admin count (firestore.rules: never below one; its absence means "not set up yet").
  if (data.adminCount) add('meta/adminCount', data.adminCount);
  for (const [uid, p] of Object.entries(data.profiles ?? {})) add(`profiles/${uid}`, p);
  for (const [ch, c] of Object.entries(data.channels ?? {})) add(`channels/${ch}`, c);

  // Likes of posts live in the post (`likers`); every other target has a `likes/{key}` document.
  const postLikers = new Map();
  for (const [key, byUid] of Object.entries(data.likes ?? {})) {
    const m = POST_KEY.exec(key);
    const likers = Object.fromEntries(Object.entries(byUid).map(([uid, t]) => [uid, ts(t)]));
    if (m) postLikers.set(`${m[1]}/${m[2]}`, likers);
    else add(`likes/${key}`, { count: Object.keys(likers).length, likers });
  }
  for (const [uid, targets] of Object.entries(data.userLikes ?? {})) {
    add(`userLikes/${uid}`, { t: Object.fromEntries(Object.keys(targets).map((k) => [k, true])) });
  }

  for (const [ch, posts] of Object.entries(data.posts ?? {})) {
    for (const [id, p] of Object.entries(posts)) {
      // byCat is the Realtime Database's category index; Firestore queries `category` directly.
      const { createdAt, editedAt, ...rest } = p;
      delete rest.byCat;
      const likers = postLikers.get(`${ch}/${id}`) ?? {};
      add(`channels/${ch}/posts/${id}`, {
        ...rest,
        createdAt: ts(createdAt),
        ...(editedAt ? { editedAt: ts(editedAt) } : {}),
        likers,
        likeCount: Object.keys(likers).length,
      });
    }
  }
  for (const [ch, byPost] of Object.entries(data.comments ?? {})) {
    for (const [pid, comments] of Object.entries(byPost)) {
      for (const [cid, c] of Object.entries(comments)) {
        add(`channels/${ch}/posts/${pid}/comments/${cid}`, { ...c, createdAt: ts(c.createdAt) });
      }
    }
  }
  for (const [ch, byPost] of Object.entries(data.ideaHistory ?? {})) {
    for (const [pid, entries] of Object.entries(byPost)) {
      for (const [eid, e] of Object.entries(entries)) {
        add(`channels/${ch}/posts/${pid}/history/${eid}`, { ...e, at: ts(e.at), channel: ch });
      }
    }
  }
  for (const [uid, notes] of Object.entries(data.notifications ?? {})) {
    for (const [nid, n] of Object.entries(notes)) {
      add(`users/${uid}/notifications/${notificationId(n, nid)}`, { ...n, createdAt: ts(n.createdAt) });
    }
  }
  for (const [id, r] of Object.entries(data.reports ?? {})) {
    add(`reports/${id}`, r.resolvedAt === undefined ? { ...r, createdAt: ts(r.createdAt) } : { ...r, createdAt: ts(r.createdAt), resolvedAt: ts(r.resolvedAt) });
  }
  for (const [ch, byMonth] of Object.entries(data.stats ?? {})) {
    for (const [month, byCat] of Object.entries(byMonth)) {
      const c = {};
      let cause;
      for (const [cat, s] of Object.entries(byCat)) {
        c[cat] = { posts: s.posts ?? 0, likes: s.likes ?? 0 };
        cause ??= s.cause;
      }
      add(`channels/${ch}/stats/${month}`, { channel: ch, month, c, ...(cause ? { cause } : {}) });
    }
  }
  return docs;
}

/**
 * A notification's id follows from its cause (src/data/keys.ts notificationKey), so one cause reaches a
 * recipient at most once. The seed's history and comment notifications keep their ids: their cause
 * (an entry, a comment) is not recorded in the Realtime Database seed.
 */
function notificationId(n, fallback) {
  switch (n.type) {
    case 'liked':
      return `liked:${n.channel}:${n.post}:${n.actor}`;
    case 'mentioned':
      return `mentioned:${n.channel}:${n.post}:${n.actor}`;
    case 'assigned':
      return `assigned:${n.channel}:${n.post}:${n.actor}`;
    default:
      return fallback;
  }
}
