/**
 * Demo data for the local backend: five colleagues at a Dutch energy company, two channels and two
 * months of posts, ideas, comments and likes, laid out exactly as docs/data-layout.md describes.
 *
 * Every derived number (likeCount, commentCount, likeCounts, stats) is computed from the records it
 * counts, so the seed is consistent by construction; test/backend/seed.test.ts checks that anyway.
 * The mix of categories follows the month of posts the project's categories come from: business news,
 * commercial improvement ideas (with feedback on what became of them), questions, managers' personal
 * updates (the most liked) and praise.
 */

/** Project id of the local backend. The `demo-` prefix tells firebase-tools never to reach Google. */
export const DEMO_PROJECT_ID = 'demo-lenig';

/** One password for every demo account: the demo page shows it, nothing here is secret. */
export const DEMO_PASSWORD = 'lenig-demo';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The demo colleagues. Fixed uids, so the database seed and the Auth emulator accounts match. */
export const SEED_USERS = Object.freeze([
  {
    uid: 'demo-marieke',
    email: 'marieke.devries@noorderlicht.example',
    name: 'Marieke de Vries',
    jobTitle: 'Manager Klantenservice',
    department: 'Klantenservice',
  },
  {
    uid: 'demo-joost',
    email: 'joost.bakker@noorderlicht.example',
    name: 'Joost Bakker',
    jobTitle: 'Accountmanager Zakelijke Markt',
    department: 'Sales',
  },
  {
    uid: 'demo-sanne',
    email: 'sanne.jansen@noorderlicht.example',
    name: 'Sanne Jansen',
    jobTitle: 'Engineer Slimme Netten',
    department: 'Techniek',
  },
  {
    uid: 'demo-thomas',
    email: 'thomas.visser@noorderlicht.example',
    name: 'Thomas Visser',
    jobTitle: 'Intranetbeheerder',
    department: 'Communicatie',
    admin: true,
  },
  {
    uid: 'demo-emily',
    email: 'emily.carter@noorderlicht.example',
    name: 'Emily Carter',
    jobTitle: 'Energy Trading Analyst',
    department: 'Trading',
  },
].map((u) => Object.freeze({ ...u, password: DEMO_PASSWORD, admin: u.admin === true })));

const M = 'demo-marieke';
const J = 'demo-joost';
const S = 'demo-sanne';
const T = 'demo-thomas';
const E = 'demo-emily';

/** The categories every seeded channel offers; the value is the display order. */
export const SEED_CATEGORIES = Object.freeze({ news: 0, idea: 1, question: 2, personal: 3, praise: 4 });

/** The seeded channels: the name, and the name per interface language where it differs. */
export const SEED_CHANNELS = Object.freeze({
  company: { name: 'Bedrijfsnieuws', names: { nl: 'Bedrijfsnieuws', en: 'Company news' } },
  'team-sales': { name: 'Team Sales' },
});

/**
 * The posts, oldest first is not required: `ago` is [days, hours] before `now`. `likes` lists who liked
 * it; `comments` are [author, text, minutes after the post]. Ideas carry `title`, `status`, `owner` and
 * `history` ([status, note, by, hours after the post]).
 */
const POSTS = [
  // --- company: business news ---------------------------------------------------------------------
  { ch: 'company', ago: [58, 3], author: T, category: 'news',
    text: 'Welkom op ons vernieuwde intranet! Vanaf vandaag kun je berichten liken, reageren en ideeën indienen. Laat vooral weten wat je mist.',
    likes: [M, J, S], comments: [[S, 'Eindelijk! Ziet er strak uit.', 45], [J, 'Top, ik heb meteen een idee klaarstaan 😉', 80]] },
  { ch: 'company', ago: [52, 5], author: S, category: 'news',
    text: 'De uitrol van slimme meters in regio Zwolle is afgerond: 12.400 aansluitingen in elf weken, twee weken eerder dan gepland.',
    likes: [M, T, E], comments: [[M, 'Knap werk. Merken we ook aan de telefoon: minder vragen over meterstanden.', 120]] },
  { ch: 'company', ago: [45, 2], author: E, category: 'news',
    text: "Trading update: we have hedged 85% of next year's expected household volume. Prices for the first quarter are fixed, so no surprises for our customers this winter.",
    likes: [J, T], comments: [] },
  { ch: 'company', ago: [38, 6], author: J, category: 'news',
    text: 'We hebben de aanbesteding van de gemeente Deventer gewonnen: veertig gemeentelijke gebouwen gaan over op groene stroom van ons windpark Eemshaven.',
    likes: [M, S, T, E], comments: [[T, 'Mooi nieuws, ik maak er een bericht van voor de nieuwsbrief.', 30], [E, 'Congratulations, great deal!', 95]] },
  { ch: 'company', ago: [24, 4], author: T, category: 'news',
    text: 'Per 1 januari gaan de variabele stroomtarieven omlaag met 3 cent per kWh. De klantbrief gaat volgende week de deur uit; de vragen en antwoorden staan onder Tarieven.',
    likes: [M, J], comments: [[M, 'Fijn dat de antwoorden er al staan, dan kan de klantenservice direct doorverwijzen.', 60]] },
  { ch: 'company', ago: [9, 1], author: T, category: 'news',
    text: 'Kerstborrel op donderdag 18 december vanaf 16.00 uur in de kantine. Collega’s die thuiswerken: er is ook een online quiz om 16.30 uur.',
    likes: [S, E], comments: [] },
  { ch: 'company', ago: [2, 3], author: S, category: 'news',
    text: 'Storing verholpen: het middenspanningsnet in Kampen draait weer normaal. 1.850 huishoudens zaten ruim twee uur zonder stroom; de oorzaak was een graafschade.',
    likes: [M], comments: [[J, 'Hebben zakelijke klanten een aparte brief nodig?', 40], [S, 'Nee, de netbeheerder informeert iedereen zelf.', 65]] },

  // --- company: ideas -------------------------------------------------------------------------------
  { ch: 'company', ago: [55, 7], author: M, category: 'idea', title: 'Klantbrieven in B1-taal',
    text: 'Veel klanten bellen omdat ze onze brieven niet begrijpen. Kunnen we alle standaardbrieven herschrijven op taalniveau B1?',
    status: 'done', owner: T,
    history: [['planned', 'Goed idee: communicatie herschrijft de twintig meest verstuurde brieven dit kwartaal.', T, 30],
      ['done', 'Alle standaardbrieven zijn herschreven. Vragen over onduidelijke brieven zijn met 30% gedaald.', T, 40 * 24]],
    likes: [J, S, T, E], comments: [[E, 'Could we do the same for the English letters?', 200]] },
  { ch: 'company', ago: [47, 2], author: J, category: 'idea', title: 'Zelf een terugbelmoment kiezen in de app',
    text: 'Klanten wachten nu gemiddeld zes minuten in de wachtrij. Laat ze in de app zelf een tijdstip kiezen waarop we terugbellen.',
    status: 'planned', owner: M,
    history: [['under-review', 'We kijken samen met IT wat dit vraagt van ons telefoniesysteem.', M, 20],
      ['planned', 'Het telefoniesysteem kan het aan. We starten in februari met een proef voor particuliere klanten.', M, 15 * 24]],
    likes: [M, S, E], comments: [[M, 'Sluit mooi aan bij ons doel om de wachttijd te halveren.', 60]] },
  { ch: 'company', ago: [33, 3], author: S, category: 'idea', title: 'Storing melden met een foto van de meter',
    text: 'Monteurs vragen bij elke storingsmelding eerst naar het type meter. Als klanten een foto meesturen, weten we dat meteen.',
    status: 'in-progress', owner: S,
    history: [['in-progress', 'De fotoknop zit in de volgende versie van de app; we testen hem nu met collega’s.', S, 6 * 24]],
    likes: [M, J], comments: [] },
  { ch: 'company', ago: [19, 5], author: E, category: 'idea', title: "Show tomorrow's dynamic prices in the app",
    text: "Customers with a dynamic contract ask us every day what tomorrow's prices are. The day-ahead prices are known at 13:00, so we could show them in the app.",
    status: 'under-review', owner: J,
    history: [['under-review', 'Sales bekijkt of dit ook voor zakelijke klanten interessant is.', J, 26]],
    likes: [S, T], comments: [[S, 'Met een melding als de prijs negatief wordt, graag!', 90]] },
  { ch: 'company', ago: [12, 2], author: S, category: 'idea', title: 'Laadpaalabonnement voor zakelijke klanten',
    text: 'Zakelijke klanten vragen steeds vaker naar laadpalen voor hun wagenpark. Een abonnement met installatie en stroom in één zou goed verkopen.',
    status: 'declined', owner: J,
    history: [['declined', 'Nu niet: door netcongestie kunnen we in de meeste regio’s geen extra aansluitingen garanderen. We komen erop terug zodra dat verandert.', J, 48]],
    likes: [E], comments: [] },
  { ch: 'company', ago: [4, 6], author: J, category: 'idea', title: 'Bundelkorting zonnepanelen en thuisbatterij',
    text: 'Wie zonnepanelen neemt, vraagt een jaar later vaak naar een thuisbatterij. Met een bundelkorting verkopen we ze in één keer.',
    status: 'new',
    likes: [M], comments: [] },

  // --- company: questions ------------------------------------------------------------------------------
  { ch: 'company', ago: [50, 4], author: E, category: 'question',
    text: 'Does anyone know who looks after the Dutch texts in the customer portal? I found a few tariff names that no longer match our price list.',
    likes: [], comments: [[T, 'Dat ben ik! Stuur me de lijst, dan pas ik ze deze week aan.', 35], [E, 'Thanks Thomas, sent!', 50]] },
  { ch: 'company', ago: [36, 2], author: S, category: 'question',
    text: 'Heeft iemand al gewerkt met de nieuwe planningstool voor monteurs? Ik zoek een handleiding.',
    likes: [], comments: [[M, 'De handleiding staat in de map Techniek > Planning.', 25]] },
  { ch: 'company', ago: [27, 6], author: J, category: 'question',
    text: 'Mogen we zakelijke klanten al een dynamisch contract aanbieden, of is dat alleen voor particulieren?',
    likes: [E], comments: [[E, 'From January on, yes: trading has the business profiles ready.', 70]] },
  { ch: 'company', ago: [6, 3], author: T, category: 'question',
    text: 'Welke onderwerpen willen jullie terugzien in de nieuwsbrief van januari? Reageer hieronder of stuur me een bericht.',
    likes: [M], comments: [[S, 'Een kijkje bij het storingsteam op een nachtdienst?', 50], [J, 'De cijfers van de zakelijke markt.', 120]] },

  // --- company: managers' personal updates ----------------------------------------------------------------
  { ch: 'company', ago: [57, 1], author: M, category: 'personal', tag: 'listening-day',
    text: 'Vandaag zat ik een ochtend naast Fatima aan de telefoon. Wat een geduld en vakmanschap. Ik neem me voor dit elke maand te doen: je leert meer over onze klanten dan uit welk rapport ook.',
    likes: [J, S, T, E], comments: [[T, 'Mooi om te lezen, Marieke.', 30], [S, 'Mag ik een keer mee?', 90]] },
  { ch: 'company', ago: [41, 4], author: M, category: 'personal', tag: 'marathon',
    text: 'Zondag mijn eerste marathon gelopen in Amsterdam: 4 uur en 12 minuten. De laatste vijf kilometer dacht ik aan onze wachtrij op maandagochtend — dat hielp 😄',
    likes: [J, S, T, E], comments: [[J, 'Gefeliciteerd!', 20], [E, 'Amazing, well done!', 45], [S, 'Respect!', 60]] },
  { ch: 'company', ago: [30, 2], author: J, category: 'personal',
    text: 'Vanaf maandag werk ik vier weken vanuit ons kantoor in Groningen. Zin om de collega’s daar beter te leren kennen — koffie staat klaar.',
    likes: [M, S, T], comments: [] },
  { ch: 'company', ago: [16, 3], author: E, category: 'personal',
    text: "Six months in the Netherlands today! I finally ordered 'een broodje kroket' without anyone switching to English. Thank you all for your patience with my Dutch.",
    likes: [M, J, S, T], comments: [[J, 'Je Nederlands is echt goed!', 30], [M, 'Welkom thuis 🙂', 55]] },
  { ch: 'company', ago: [3, 2], author: M, category: 'personal',
    text: 'Na twaalf jaar klantenservice ga ik na de zomer het nieuwe team Klantbeleving opzetten. Ik blijf gewoon in hetzelfde gebouw — en aan de telefoon als het druk is.',
    likes: [J, S, T, E], comments: [[T, 'Wat een mooie stap!', 15], [J, 'Verdiend.', 40]] },

  // --- company: praise --------------------------------------------------------------------------------------
  { ch: 'company', ago: [53, 2], author: M, category: 'praise',
    text: 'Een groot compliment voor het storingsteam: zaterdagnacht binnen twee uur 600 huishoudens in Hattem weer van stroom voorzien. Klanten belden ons om te bedanken!',
    likes: [J, S, T], comments: [[S, 'Ik geef het door aan de ploeg, dank!', 90]] },
  { ch: 'company', ago: [35, 5], author: E, category: 'praise', tag: 'shout-out',
    text: 'Shout-out to Sanne for explaining grid congestion to the trading team in plain words. Best lunch session this year.',
    likes: [M, J, T], comments: [] },
  { ch: 'company', ago: [21, 3], author: T, category: 'praise',
    text: 'Complimenten voor de klantenservice: de klanttevredenheid kwam dit kwartaal uit op een 8,4, de hoogste score ooit.',
    likes: [M, J, S, E], comments: [[M, 'Dank namens het hele team!', 25]] },
  { ch: 'company', ago: [1, 4], author: S, category: 'praise',
    text: 'Dank aan Joost en Emily: dankzij jullie uitleg kon ik de gemeente Deventer precies vertellen hoe hun groene stroom wordt ingekocht.',
    likes: [J, E], comments: [] },

  // --- team-sales ------------------------------------------------------------------------------------------------
  { ch: 'team-sales', ago: [56, 2], author: J, category: 'news',
    text: 'Nieuwe prijslijst zakelijke markt staat in de gedeelde map. Let op: de vaste leveringskosten voor kleinzakelijk zijn per 1 december gewijzigd.',
    likes: [M], comments: [] },
  { ch: 'team-sales', ago: [31, 3], author: J, category: 'news',
    text: 'Maandcijfers: 312 nieuwe zakelijke contracten, waarvan 41 met zonnepanelen. Het beste resultaat sinds de start van het team.',
    likes: [M, T, E], comments: [[M, 'Fantastisch!', 20]] },
  { ch: 'team-sales', ago: [8, 1], author: T, category: 'news',
    text: 'De nieuwe verkooppresentatie voor woningcorporaties is klaar en staat in de map Sales > Presentaties.',
    likes: [J], comments: [] },
  { ch: 'team-sales', ago: [44, 3], author: J, category: 'idea', title: 'Offerte voor zonnepanelen binnen 24 uur',
    text: 'Nu duurt een offerte gemiddeld vijf werkdagen. Met een standaardpakket per daktype kunnen we binnen een dag offreren.',
    status: 'in-progress', owner: J,
    history: [['under-review', 'Techniek rekent de standaardpakketten door.', M, 24],
      ['in-progress', 'Drie pakketten zijn klaar; de eerste offertes gaan deze week de deur uit.', J, 12 * 24]],
    likes: [M, S, E], comments: [[S, 'Ik lever de dakberekeningen aan.', 100]] },
  { ch: 'team-sales', ago: [14, 4], author: E, category: 'idea', title: 'Website leads straight into the CRM',
    text: 'Leads from the website form are now copied by hand into the CRM. Connecting them directly would save hours a week and nobody gets forgotten.',
    status: 'under-review', owner: M,
    history: [['under-review', 'IT maakt een inschatting; we bespreken het in het teamoverleg.', M, 30]],
    likes: [J, T], comments: [] },
  { ch: 'team-sales', ago: [26, 5], author: E, category: 'question',
    text: 'Could someone explain the new commission scheme in English? I want to make sure I read the tiers correctly.',
    likes: [], comments: [[J, 'Sure, I will walk you through it tomorrow at 10.', 40]] },
  { ch: 'team-sales', ago: [10, 2], author: M, category: 'question',
    text: 'Wie heeft de klantcase van woningcorporatie De Brug? Ik wil hem gebruiken in een training voor de klantenservice.',
    likes: [], comments: [[J, 'Staat in het CRM onder De Brug > Documenten.', 35]] },
  { ch: 'team-sales', ago: [18, 2], author: J, category: 'personal',
    text: 'Mijn laatste week voor drie weken vakantie: we gaan met de camper naar Noorwegen. Emily neemt mijn lopende offertes over — dank je!',
    likes: [M, S, T, E], comments: [[E, 'Have a great trip!', 30]] },
  { ch: 'team-sales', ago: [28, 1], author: M, category: 'praise',
    text: 'Top gedaan Joost: de aanbesteding van Deventer is de grootste zakelijke deal van dit jaar.',
    likes: [S, T, E], comments: [] },
  { ch: 'team-sales', ago: [5, 5], author: J, category: 'praise',
    text: 'Dank Emily voor het overnemen van mijn offertes: alle zes zijn getekend!',
    likes: [M, T], comments: [[E, 'Happy to help 🙂', 25]] },
];

/** Pages (not posts) liked through the like button on an ordinary intranet page. */
const PAGE_LIKES = [
  { url: 'https://intranet.noorderlicht.example/nieuws/jaarplan-2027', likes: [M, J, E], ago: [7, 2] },
  { url: 'https://intranet.noorderlicht.example/hr/thuiswerken', likes: [S], ago: [20, 1] },
];

/**
 * A few notifications about tagged posts (idea-status ones are derived from the idea history). Each
 * names something that really happened in the seed: the like, the comment, the mention in the text.
 */
const NOTIFICATIONS = [
  { to: M, type: 'liked', actor: J, tag: 'marathon', read: true },
  { to: M, type: 'commented', actor: S, tag: 'listening-day', read: false },
  { to: S, type: 'mentioned', actor: E, tag: 'shout-out', read: false },
];

// Characters of push ids, in the database's sort order.
const PUSH_CHARS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** A small seeded generator so the same `now` gives the same ids (reproducible demos and tests). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A push-id-like key: 8 characters of time, 12 random ones, so keys sort in creation order. */
function pushId(time, random) {
  let head = '';
  let t = time;
  for (let i = 0; i < 8; i++) {
    head = PUSH_CHARS.charAt(t % 64) + head;
    t = Math.floor(t / 64);
  }
  let tail = '';
  for (let i = 0; i < 12; i++) tail += PUSH_CHARS.charAt(Math.floor(random() * 64));
  return head + tail;
}

/** Same encoding as `encodeKey` in src/data/keys.ts (the seed test holds them to each other). */
export function encodeKey(target) {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what keys may not hold
  return target.replace(/[.$#[\]/%\u0000-\u001f\u007f]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

export function postTarget(channel, postId) {
  return `post:${channel}:${postId}`;
}

export function monthKey(time) {
  return new Date(time).toISOString().slice(0, 7);
}

/**
 * The name from its 2nd, 3rd and 4th word on, lower-cased, as the store writes them (nameFrom2…4) so
 * that a mention search for "vries" finds "Marieke de Vries".
 */
export function nameFrom(name) {
  const lower = name.toLowerCase();
  const starts = [...lower.matchAll(/\S+/g)].map((m) => m.index);
  const out = {};
  for (let i = 1; i <= 3 && i < starts.length; i++) out[`nameFrom${i + 1}`] = lower.slice(starts[i]);
  return out;
}

/**
 * Builds the database tree and the list of accounts.
 * @param {number} [now] epoch ms; every timestamp in the seed is at or before it.
 * @returns {{ data: Record<string, any>, users: typeof SEED_USERS }}
 */
export function buildSeed(now = Date.now()) {
  const random = mulberry32(20151001);
  // Keep every seeded time strictly in the past, and distinct, so ordering is unambiguous.
  const usedTimes = new Set();
  const at = (time) => {
    let t = Math.min(Math.round(time), now - MINUTE);
    while (usedTimes.has(t)) t -= 1;
    usedTimes.add(t);
    return t;
  };
  const ago = ([days, hours]) => now - days * DAY - hours * HOUR;

  const data = {
    admins: {},
    profiles: {},
    channels: {},
    posts: {},
    comments: {},
    likes: {},
    likeCounts: {},
    userLikes: {},
    ideaHistory: {},
    notifications: {},
    stats: {},
  };

  for (const u of SEED_USERS) {
    // photoURL left out on purpose: the widgets show initials, and nothing is fetched from outside.
    data.profiles[u.uid] = { name: u.name, nameLower: u.name.toLowerCase(), ...nameFrom(u.name), jobTitle: u.jobTitle, department: u.department };
    if (u.admin) data.admins[u.uid] = true;
  }
  // The admin count the rules keep in step with /admins (the last admin cannot be removed).
  const adminUids = Object.keys(data.admins);
  if (adminUids.length) data.adminCount = { count: adminUids.length, cause: adminUids[adminUids.length - 1] };
  for (const [id, channel] of Object.entries(SEED_CHANNELS)) {
    data.channels[id] = { ...structuredClone(channel), categories: { ...SEED_CATEGORIES } };
    data.posts[id] = {};
  }

  const like = (targetKey, uid, time) => {
    (data.likes[targetKey] ??= {})[uid] = time;
    (data.userLikes[uid] ??= {})[targetKey] = true;
  };

  // Ids are made in time order so that equal-millisecond ties cannot arise and keys sort like times.
  const specs = POSTS.map((spec, index) => ({ spec, index, createdAt: at(ago(spec.ago)) }))
    .sort((a, b) => a.createdAt - b.createdAt);
  const made = [];
  for (const { spec, index, createdAt } of specs) {
    const id = pushId(createdAt, random);
    const month = monthKey(createdAt);
    const post = {
      author: spec.author,
      text: spec.text,
      category: spec.category,
      createdAt,
      month,
      byCat: { [spec.category]: createdAt },
      likeCount: 0,
      commentCount: 0,
    };
    if (spec.category === 'idea') {
      post.title = spec.title;
      post.status = spec.status;
      if (spec.owner) post.owner = spec.owner;
    }
    data.posts[spec.ch][id] = post;
    made[index] = { ch: spec.ch, id, post, tag: spec.tag };

    const key = encodeKey(postTarget(spec.ch, id));
    spec.likes.forEach((uid, i) => {
      like(key, uid, at(createdAt + (i + 1) * 47 * MINUTE));
      post.likeCount += 1;
    });

    for (const [author, text, minutes] of spec.comments) {
      const time = at(createdAt + minutes * MINUTE);
      const commentId = pushId(time, random);
      ((data.comments[spec.ch] ??= {})[id] ??= {})[commentId] = { author, text, createdAt: time };
      post.commentCount += 1;
      // The store names the comment each count went up for; the newest is what remains.
      post.lastComment = commentId;
    }

    for (const [status, note, by, hours] of spec.history ?? []) {
      const time = at(createdAt + hours * HOUR);
      const entryId = pushId(time, random);
      ((data.ideaHistory[spec.ch] ??= {})[id] ??= {})[entryId] = { status, note, by, at: time };
      post.statusEntry = entryId;
      if (by !== spec.author) {
        const nid = pushId(time, random);
        (data.notifications[spec.author] ??= {})[nid] = {
          type: 'idea-status', actor: by, channel: spec.ch, post: id, createdAt: time, read: false, status, note,
        };
      }
    }
    // A post's likes count in the post's month and category.
    const stat = (((data.stats[spec.ch] ??= {})[month] ??= {})[spec.category] ??= { posts: 0, likes: 0 });
    stat.posts += 1;
    stat.likes += post.likeCount;
    // `cause` names the post of the stat's latest change (its creation or a like), as the store leaves it.
    const lastEvent = Math.max(createdAt, ...Object.values(data.likes[key] ?? {}));
    if (!(stat.causeAt > lastEvent)) {
      stat.causeAt = lastEvent;
      stat.cause = id;
    }
  }
  for (const byMonth of Object.values(data.stats)) {
    for (const byCat of Object.values(byMonth)) {
      for (const stat of Object.values(byCat)) delete stat.causeAt;
    }
  }

  // One post was edited after it was posted.
  const edited = made.find((m) => m.post.category === 'question' && m.post.author === J);
  if (edited) edited.post.editedAt = at(edited.post.createdAt + 20 * MINUTE);

  for (const page of PAGE_LIKES) {
    const key = encodeKey(page.url);
    const base = ago(page.ago);
    page.likes.forEach((uid, i) => like(key, uid, at(base + i * 3 * HOUR)));
    data.likeCounts[key] = page.likes.length;
  }

  for (const n of NOTIFICATIONS) {
    const target = made.find((m) => m.tag === n.tag);
    const time = at(target.post.createdAt + 2 * HOUR);
    (data.notifications[n.to] ??= {})[pushId(time, random)] = {
      type: n.type, actor: n.actor, channel: target.ch, post: target.id, createdAt: time, read: n.read,
    };
  }

  // Reports for the admin's inbox (demo/admin.html): a post and a comment still open, one handled.
  const ADMIN = SEED_USERS.find((u) => u.admin).uid;
  const reporterFor = (author) => SEED_USERS.find((u) => u.uid !== author && !u.admin).uid;
  const newest = [...made].filter((m) => m.post.category !== 'idea').sort((a, b) => b.post.createdAt - a.post.createdAt);
  const withComment = newest.find((m) => data.comments[m.ch]?.[m.id]);
  const reported = [
    { m: newest[0], reason: 'Hier staat een privételefoonnummer in.', after: 3 * HOUR },
    { m: withComment, comment: true, reason: 'Deze reactie is niet vriendelijk bedoeld.', after: 5 * HOUR },
    { m: newest[2], reason: 'Dubbel gepost.', after: 26 * HOUR, handled: 'dismissed' },
  ];
  data.reports = {};
  for (const r of reported) {
    if (!r.m) continue;
    const time = at(r.m.post.createdAt + r.after);
    const report = { channel: r.m.ch, post: r.m.id, by: reporterFor(r.m.post.author), reason: r.reason, createdAt: time };
    if (r.comment) report.comment = Object.keys(data.comments[r.m.ch][r.m.id])[0];
    if (r.handled) Object.assign(report, { resolvedBy: ADMIN, resolvedAt: at(time + HOUR), resolution: r.handled });
    data.reports[pushId(time, random)] = report;
  }

  return { data, users: SEED_USERS };
}
