/**
 * The demo pages' own script — what an intranet developer might write around the widgets:
 *
 * - says so when the local backend that `npm start` runs is not there (config.js configures lenig for it);
 * - the "Signed in as" switcher: signs in as a seeded colleague through the Auth emulator
 *   (`store.signIn({email, password})`) and remembers the choice for this tab;
 * - the language toggle (sets <html lang>; the widgets follow it live) and the page's own words;
 * - the dark-mode toggle (sets `color-scheme`; the theme's light-dark() tokens follow).
 *
 * The widgets themselves need nothing of this: a <lenig-config> and their tags are enough.
 */
import { whenStore } from '/lenig.js';

const root = document.documentElement;
const SIGNED_OUT = 'signed-out';
const remember = (name, value) => {
  try {
    sessionStorage.setItem(`lenig-demo:${name}`, value);
  } catch {
    // Storage blocked (private mode, policy): the choice lasts until the page is left.
  }
};
const recall = (name) => {
  try {
    return sessionStorage.getItem(`lenig-demo:${name}`);
  } catch {
    return null;
  }
};

// --- the page's own words --------------------------------------------------------------------------------
// Dutch is written in the HTML; English sits next to it in data-en (text) and data-en-<attr> (attributes).
// Longer passages come in pairs: <div data-lang-block="nl"> and <div data-lang-block="en" hidden>.
const TRANSLATED_ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'content'];

for (const el of document.querySelectorAll('[data-en]')) el.dataset.nl = el.textContent.trim();
for (const attr of TRANSLATED_ATTRIBUTES) {
  for (const el of document.querySelectorAll(`[data-en-${attr}]`)) el.setAttribute(`data-nl-${attr}`, el.getAttribute(attr) ?? '');
}

/** Words demo.js itself writes, in both languages. */
const words = {
  nl: {
    signedOut: 'Uitgelogd',
    signingIn: (name) => `Inloggen als ${name}…`,
    signedInAs: (name) => `Ingelogd als ${name}`,
    signInFailed: (name, why) => `Inloggen als ${name} is niet gelukt: ${why}`,
    welcome: (first) => `Welkom, ${first}`,
    welcomeGuest: 'Welkom op het intranet',
    guestHint: 'Kies rechtsboven een collega om in te loggen, of lees mee als gast.',
    noBackend:
      'Deze pagina hoort bij de lokale demo-omgeving. Start die met "npm start" en open het adres dat wordt getoond.',
    notReady: 'De widgets konden geen verbinding maken met de lokale backend. Draait "npm start" nog?',
    today: { locale: 'nl-NL' },
  },
  en: {
    signedOut: 'Signed out',
    signingIn: (name) => `Signing in as ${name}…`,
    signedInAs: (name) => `Signed in as ${name}`,
    signInFailed: (name, why) => `Could not sign in as ${name}: ${why}`,
    welcome: (first) => `Welcome, ${first}`,
    welcomeGuest: 'Welcome to the intranet',
    guestHint: 'Pick a colleague at the top right to sign in, or read along as a guest.',
    noBackend: 'This page belongs to the local demo. Start it with "npm start" and open the address it prints.',
    notReady: 'The widgets could not connect to the local backend. Is "npm start" still running?',
    today: { locale: 'en-GB' },
  },
};
const lang = () => (root.lang === 'en' ? 'en' : 'nl');
const w = () => words[lang()];

/**
 * Today's date in the page's language. The formatter is made on first use, not as this script loads: the
 * first Intl object a page makes costs the browser 30–40 ms (its locale data), and made here it held up the
 * library's configuration, which runs after this script, on the way to the first post.
 */
function today() {
  const t = w().today;
  t.format ??= new Intl.DateTimeFormat(t.locale, { weekday: 'long', day: 'numeric', month: 'long' });
  return t.format.format(new Date());
}
function renderToday() {
  for (const el of document.querySelectorAll('[data-today]')) el.textContent = today();
}
/** Shows the date, and again in the other language when it changes. */
function showToday() {
  rerenders.push(renderToday);
  renderToday();
}

const rerenders = [];
function applyLanguage() {
  const l = lang();
  for (const el of document.querySelectorAll('[data-en]')) el.textContent = l === 'en' ? el.dataset.en : el.dataset.nl;
  for (const attr of TRANSLATED_ATTRIBUTES) {
    for (const el of document.querySelectorAll(`[data-en-${attr}]`)) {
      el.setAttribute(attr, el.getAttribute(l === 'en' ? `data-en-${attr}` : `data-nl-${attr}`) ?? '');
    }
  }
  for (const block of document.querySelectorAll('[data-lang-block]')) block.hidden = block.dataset.langBlock !== l;
  for (const button of document.querySelectorAll('[data-set-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.setLang === l));
  }
  for (const fn of rerenders) fn();
}

for (const button of document.querySelectorAll('[data-set-lang]')) {
  button.addEventListener('click', () => {
    root.lang = button.dataset.setLang;
    remember('lang', root.lang);
    applyLanguage();
  });
}

// The search box is part of the intranet's look only.
for (const form of document.querySelectorAll('form[role="search"]')) form.addEventListener('submit', (e) => e.preventDefault());

// --- dark mode -------------------------------------------------------------------------------------------
function applyScheme() {
  const dark = root.dataset.scheme === 'dark';
  for (const button of document.querySelectorAll('[data-toggle-scheme]')) button.setAttribute('aria-pressed', String(dark));
}
for (const button of document.querySelectorAll('[data-toggle-scheme]')) {
  button.addEventListener('click', () => {
    root.dataset.scheme = root.dataset.scheme === 'dark' ? 'light' : 'dark';
    remember('scheme', root.dataset.scheme);
    applyScheme();
  });
}
applyScheme();

// The turbines turn, unless the visitor asked for less motion.
if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
  for (const svg of document.querySelectorAll('svg[data-animated]')) svg.pauseAnimations();
}

// --- links between the pages ------------------------------------------------------------------------
// A notification names a post; ideas open on the idea board, other posts in their channel's feed.
document.addEventListener('lenig-notification-open', (event) => {
  const { channel, post, notification } = event.detail;
  const isIdea = notification.type === 'idea-status' || notification.type === 'assigned';
  if (isIdea) location.href = `ideas.html?idea=${encodeURIComponent(post)}`;
  else location.href = channel === 'team-sales' ? './#team-sales' : './#bedrijfsnieuws';
});
// ideas.html?idea=… opens that idea, as a link from a notification or an e-mail would.
const askedIdea = new URLSearchParams(location.search).get('idea');
if (askedIdea) for (const board of document.querySelectorAll('lenig-idea-board')) board.setAttribute('idea', askedIdea);

// --- the local backend -----------------------------------------------------------------------------------
const demo = window.LENIG_DEMO;
const users = Array.isArray(demo?.users) ? demo.users : [];
const problem = document.querySelector('#demo-problem');
const showProblem = (key) => {
  if (!problem) return;
  problem.dataset.key = key;
  problem.textContent = w()[key];
  problem.hidden = false;
};
rerenders.push(() => problem && !problem.hidden && (problem.textContent = w()[problem.dataset.key]));

// The <lenig-config> itself is put on the page by config.js, before the library looks for it.
if (!demo) {
  showProblem('noBackend');
}

// --- who is signed in ------------------------------------------------------------------------------------
const select = document.querySelector('#signed-in-as');
const status = document.querySelector('#account-status');
const failure = document.querySelector('#account-error');
let viewer;
let pendingName;

function fillSwitcher() {
  if (!select) return;
  const chosen = select.value;
  select.replaceChildren(
    ...users.map((u) => new Option(u.jobTitle ? `${u.name} — ${u.jobTitle}` : u.name, u.uid)),
    new Option(w().signedOut, SIGNED_OUT),
  );
  if (chosen) select.value = chosen;
}

const initials = (name) =>
  name
    .split(/\s+/)
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part[0])
    .filter((_, i, all) => i === 0 || i === all.length - 1)
    .join('');

function renderViewer() {
  const name = viewer?.profile?.name;
  const first = name?.split(/\s+/)[0];
  for (const el of document.querySelectorAll('[data-viewer-initials]')) {
    el.textContent = name ? initials(name) : '';
    el.hidden = !name;
  }
  for (const el of document.querySelectorAll('[data-greeting]')) el.textContent = first ? w().welcome(first) : w().welcomeGuest;
  for (const el of document.querySelectorAll('[data-greeting-hint]')) {
    el.textContent = viewer?.profile ? (viewer.profile.jobTitle ?? '') : w().guestHint;
  }
  root.toggleAttribute('data-signed-in', Boolean(viewer));
}
rerenders.push(fillSwitcher, renderViewer);

function announce(text) {
  if (status) status.textContent = text;
}

function showFailure(text) {
  if (!failure) return;
  failure.textContent = text;
  failure.hidden = !text;
}

/** Signs in as the chosen colleague (or out), unless that is who is signed in already. */
async function become(choice) {
  const store = await whenStore();
  showFailure('');
  if (choice === SIGNED_OUT) {
    try {
      if (viewer) await store.signOut();
      announce(w().signedOut);
    } catch (error) {
      showFailure(error instanceof Error ? error.message : String(error));
    }
    return;
  }
  const user = users.find((u) => u.uid === choice);
  if (!user || viewer?.uid === user.uid) return;
  pendingName = user.name;
  announce(w().signingIn(user.name));
  select?.setAttribute('aria-busy', 'true');
  try {
    await store.signIn({ email: user.email, password: user.password });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    showFailure(w().signInFailed(user.name, why));
    announce('');
  } finally {
    select?.removeAttribute('aria-busy');
  }
}

// A signed-out reader clicked a like: in this demo, signing in means picking a colleague, so send them
// to the switcher instead of letting the widget call store.signIn() without credentials.
document.addEventListener('lenig-sign-in-request', (event) => {
  if (!select || select.disabled) return;
  event.preventDefault();
  select.focus();
});

// The composer's own "Sign in" button calls store.signIn() without credentials and, unlike the like
// button, offers no event to take over. Catch its click on the way down and do the same as above.
document.addEventListener(
  'click',
  (event) => {
    if (!select || select.disabled) return;
    const button = event.composedPath().find((el) => el instanceof Element && el.matches('[part~="sign-in-button"]'));
    if (!button) return;
    event.stopPropagation();
    select.focus();
  },
  { capture: true },
);

async function start() {
  fillSwitcher();
  applyLanguage();
  if (!demo) {
    if (select) select.disabled = true;
    showToday();
    return;
  }
  let store;
  try {
    store = await whenStore();
  } catch {
    showProblem('notReady');
    if (select) select.disabled = true;
    showToday();
    return;
  }
  // Wait for the first answer about who is signed in (Firebase restores a session from the last visit),
  // so the switcher does not sign in again as the person who is already signed in.
  await new Promise((resolve) => {
    let first = true;
    store.subscribeViewer((v) => {
      viewer = v;
      renderViewer();
      if (v && pendingName && v.profile?.name === pendingName) {
        announce(w().signedInAs(pendingName));
        pendingName = undefined;
      }
      if (first) {
        first = false;
        resolve();
      }
    });
  });
  const kept = recall('viewer');
  // A page for administrators (<body data-demo-viewer="admin">) starts as the seeded admin.
  const first = document.body.dataset.demoViewer === 'admin' ? users.find((u) => u.admin) ?? users[0] : users[0];
  const choice = kept === SIGNED_OUT || users.some((u) => u.uid === kept) ? kept : first?.uid ?? SIGNED_OUT;
  if (select) {
    select.value = choice;
    select.disabled = false;
    select.addEventListener('change', () => {
      remember('viewer', select.value);
      void become(select.value);
    });
  }
  const signingIn = become(choice);
  // The date once the sign-in's request is on its way and the widgets' code has run: the page waits for
  // the network then (a browser without idle callbacks shows it once signed in).
  if (typeof requestIdleCallback === 'function') requestIdleCallback(showToday, { timeout: 2000 });
  else void signingIn.finally(showToday);
  await signingIn;
}

void start();
