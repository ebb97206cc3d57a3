/**
 * Who is signed in, and how they sign in. One `Session` per Auth instance (the connection caches it).
 *
 * Modes:
 * - `anonymous`: every visitor gets an anonymous Firebase account, signed in without asking.
 * - `custom-token`: the intranet vouches for the employee: `tokenUrl` answers a Firebase custom token,
 *   as JSON `{ "token": "…" }` or as plain text. Silent too. Without `tokenSource` the URL is fetched
 *   with the intranet's cookies; with one (SharePoint, Teams) the token it gives — an Entra ID access
 *   token — is posted to `tokenUrl`, the token exchange, as a bearer token. Either way the whole
 *   exchange has `tokenTimeout` to answer, so a silent endpoint cannot keep widgets loading.
 * - `microsoft`: Microsoft Entra ID through Firebase's `microsoft.com` provider, restricted to `tenant`,
 *   in a popup (so it needs a click: `signIn()`). The only mode that loads Firebase's popup helper
 *   (a chunk of lenig's, ./popup.ts, and a script from apis.google.com), before the store is made.
 * - `host`: the host page signs in with its own Firebase app; lenig only watches.
 * - `email`: e-mail and password, for the demo's "signed in as" switcher and tests (Auth emulator).
 */
import { onAuthStateChanged, signInAnonymously, signOut, type Auth, type User } from 'firebase/auth';
import { isStoreError, StoreError, type LenigStore, type Unsubscribe } from '../data/store.js';
import type { AuthMode } from '../data/types.js';
import { importOnce } from '../import-once.js';
import { loadPopup, loadedPopup } from './auth-setup.js';

export type { AuthMode };

export interface SessionConfig {
  /** Default `anonymous`. */
  auth?: AuthMode;
  /** For `custom-token`: the endpoint that answers a Firebase custom token (with `tokenSource`: the token exchange). */
  tokenUrl?: string;
  /**
   * For `custom-token`: gives the token the page already has for the employee (in SharePoint, an Entra ID
   * access token for the lenig API app), posted to `tokenUrl` as `Authorization: Bearer …`.
   */
  tokenSource?: () => Promise<string>;
  /** For `custom-token`: milliseconds the token source and endpoint together may take. Default 10 000. */
  tokenTimeout?: number;
  /** For `microsoft`: the Entra ID tenant id or domain. */
  tenant?: string;
  /** For `email`: whom `signIn()` signs in. */
  credentials?: { email: string; password: string };
}

/**
 * A sign-in mode's code, a chunk of its own that only that mode fetches: imported once; a failed download
 * is said as offline and forgotten, so the next sign-in (Try again) fetches it anew rather than failing
 * until a reload.
 */
function signInCode<T>(load: () => Promise<T>): () => Promise<T> {
  return importOnce(() =>
    load().catch((e: unknown) => {
      throw new StoreError('offline', `lenig: could not load the sign-in code (${e instanceof Error ? e.message : String(e)})`);
    }),
  );
}

/** E-mail and password sign-in (the demo's switcher, tests): ./email-sign-in.ts. */
const emailSignIn = signInCode(() => import('./email-sign-in.js'));

export class Session {
  readonly mode: AuthMode;
  private signingIn: Promise<void> | undefined;
  /** Whether Firebase has settled who is signed in (a restored session included): `currentUser` is then true. */
  private settled = false;

  constructor(
    readonly auth: Auth,
    private readonly config: SessionConfig = {},
  ) {
    this.mode = config.auth ?? 'anonymous';
    void auth.authStateReady().then(
      () => (this.settled = true),
      () => undefined,
    );
    // The mode's own code is fetched now, while Auth restores the kept session, so a sign-in does not
    // wait for it. Failing to load is reported by the sign-in that needs it.
    if (this.mode === 'custom-token') this.exchange().catch(() => undefined);
    if (this.mode === 'email') emailSignIn().catch(() => undefined);
  }

  /** The signed-in user once known (`ready()`), or null. */
  get user(): User | null {
    return this.auth.currentUser;
  }

  /** Resolves once Firebase knows whether someone is signed in (persisted sessions are restored first). */
  ready(): Promise<void> {
    return this.auth.authStateReady();
  }

  /** Calls back with the user now (once known) and whenever someone signs in or out. */
  onChange(cb: (user: User | null) => void): Unsubscribe {
    return onAuthStateChanged(this.auth, cb);
  }

  /** The sign-in under way (started by `signIn` or `autoSignIn`), if any. */
  get pending(): Promise<void> | undefined {
    return this.signingIn;
  }

  /** The signed-in user's uid, or `unauthenticated`. A command made while the page signs in waits for it. */
  async uid(): Promise<string> {
    await this.ready();
    if (!this.user) await this.pending?.catch(() => undefined);
    const user = this.user;
    if (!user) throw new StoreError('unauthenticated', 'Sign in first.');
    return user.uid;
  }

  /**
   * Runs `start` for the signed-in user and again whenever someone else signs in; while nobody is
   * signed in, `signedOut` runs (default: an `unauthenticated` error, since the rules refuse reads).
   * What every store's subscriptions do.
   *
   * When someone signs in, the subscriptions marked `first` start before the others, so their reads go
   * to the database ahead of them (it answers a connection's reads in the order they came): the feed's
   * posts, which a reader came for, before the viewer's admin flag and profile, likes and channels.
   * Firebase calls each sign-in listener in a microtask of its own, all queued together; the others
   * start in one more microtask, after all of them.
   */
  whileSignedIn(start: (uid: string) => Unsubscribe, onError?: (e: StoreError) => void, signedOut?: () => void, first = false): Unsubscribe {
    let stop: Unsubscribe | undefined;
    let current: string | null | undefined;
    let closed = false;
    /**
     * Starts the subscription for `uid`; one that throws (a bug) is reported where its failures go — the
     * subscriber's `onError`, a microtask later as every failure, and the console with its stack — and
     * never escapes: started from a microtask of its own, it would be an uncaught exception.
     */
    const run = (uid: string): Unsubscribe | undefined => {
      try {
        return start(uid);
      } catch (e) {
        // Not through ../log.js: importing it here would pull Firebase into the chunk every widget loads first.
        console.error(`lenig: a subscription could not start for the signed-in user: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        const error = isStoreError(e) ? e : new StoreError('unknown', `lenig: a subscription could not start (${e instanceof Error ? e.message : String(e)})`);
        queueMicrotask(() => {
          if (!closed && current === uid) onError?.(error);
        });
        return undefined;
      }
    };
    // Someone known to be signed in: start now rather than when Auth calls back (a microtask later), so
    // what the SDK already holds reaches a widget before its first render, and a feed of cards renders
    // once with its authors instead of a skeleton, then cards, then names. Auth's first call back names
    // the same user and is skipped below.
    const known = this.settled ? this.auth.currentUser : null;
    if (known) {
      current = known.uid;
      stop = run(known.uid);
    }
    const off = this.onChange((user) => {
      const uid = user?.uid ?? null;
      if (closed || uid === current) return;
      current = uid;
      stop?.();
      stop = undefined;
      if (uid) {
        if (first) stop = run(uid);
        else
          queueMicrotask(() => {
            if (!closed && current === uid && !stop) stop = run(uid);
          });
        return;
      }
      const pending = this.pending;
      if (pending) {
        // Signing in is under way: the next call brings the user, or the failure is reported here.
        pending.catch((e: unknown) => {
          if (closed || current !== null) return;
          if (signedOut) signedOut();
          else onError?.(isStoreError(e) ? e : new StoreError('unauthenticated', String(e)));
        });
      } else if (signedOut) signedOut();
      else onError?.(new StoreError('unauthenticated', 'Sign in to see this.'));
    });
    return () => {
      closed = true;
      off();
      stop?.();
      stop = undefined;
    };
  }

  /**
   * For the silent modes (`anonymous`, `custom-token`): signs in if nobody is. Failures are returned,
   * not thrown, so the caller decides whom to tell. Counts as under way from the moment it is called,
   * so nothing reports "signed out" while it runs.
   */
  autoSignIn(): Promise<StoreError | undefined> {
    if (this.mode !== 'anonymous' && this.mode !== 'custom-token') return Promise.resolve(undefined);
    return this.track(async () => {
      await this.ready();
      // A shared PC: the session kept from the last visit may be a colleague's. With a token source, the token
      // exchange's code tells (a chunk only this mode loads). If that code cannot load, the kept session is
      // not trusted: it is signed out, and the sign-in after it says the exchange's code did not come.
      const user = this.user;
      const someoneElse = user && this.mode === 'custom-token' && this.config.tokenSource && !(await this.exchange().then((m) => m.sameEmployee(this.config, user.uid), () => false));
      if (someoneElse) await signOut(this.auth);
      if (!this.user) await this.doSignIn();
    }).then(
      () => undefined,
      (e: unknown) => toAuthError(e),
    );
  }

  /**
   * The token exchange's code: a chunk of its own, which only the custom-token mode (and so SharePoint)
   * loads — fetched as the session is made, while Auth restores the kept session.
   */
  private readonly exchange = signInCode(() => import('./token-exchange.js'));

  /** Signs in with the configured mode. Concurrent calls share one attempt. */
  signIn(): Promise<void> {
    return this.track(() => this.doSignIn());
  }

  private track(task: () => Promise<void>): Promise<void> {
    this.signingIn ??= task().finally(() => {
      this.signingIn = undefined;
    });
    return this.signingIn;
  }

  private async doSignIn(): Promise<void> {
    try {
      switch (this.mode) {
        case 'anonymous':
          await signInAnonymously(this.auth);
          return;
        case 'custom-token':
          await (await this.exchange()).signInWithToken(this.auth, this.config);
          return;
        case 'microsoft': {
          if (!this.config.tenant) throw new StoreError('unauthenticated', 'lenig: auth "microsoft" needs a tenant (the Entra ID tenant id or domain)');
          // Loaded before the store was made (configure() waits for it), so nothing is awaited between the
          // click and the popup. A store made without it waits for the download here: the browser may
          // then refuse the popup, which is reported as such (auth/popup-blocked).
          await (loadedPopup() ?? (await loadPopup())).signInWithMicrosoft(this.auth, this.config.tenant);
          return;
        }
        case 'email': {
          const c = this.config.credentials;
          if (!c) throw new StoreError('unauthenticated', 'lenig: auth "email" has no credentials to sign in with; call signInWithEmail()');
          await (await emailSignIn()).signInWithEmail(this.auth, c.email, c.password);
          return;
        }
        case 'host':
          throw new StoreError('unauthenticated', 'lenig: auth "host" — this page signs people in with its own Firebase app; lenig only follows it');
      }
    } catch (e) {
      throw toAuthError(e);
    }
  }

  async signInWithEmail(email: string, password: string): Promise<void> {
    try {
      await (await emailSignIn()).signInWithEmail(this.auth, email, password);
    } catch (e) {
      throw toAuthError(e);
    }
  }

  async signOut(): Promise<void> {
    try {
      await signOut(this.auth);
    } catch (e) {
      throw toAuthError(e);
    }
  }
}

/** How long a custom-token sign-in may take, token source and endpoint together, by default. */
export const DEFAULT_TOKEN_TIMEOUT_MS = 10_000;

/** What `followSignInProfile` needs of a store. */
export interface ProfileStore {
  readonly session: Session;
  readonly connection: { readonly shared: Map<string, unknown> };
  subscribeProfile: LenigStore['subscribeProfile'];
  updateMyProfile: LenigStore['updateMyProfile'];
}

/**
 * Keeps the signed-in employee's `/profiles/{uid}` in step with what their sign-in says about them (see
 * ./sign-in-profile.ts): in the modes whose sign-in names the person, `custom-token` and `microsoft`. Their
 * code is a chunk of its own, which the other modes never fetch.
 */
export function followSignInProfile(store: ProfileStore): void {
  if (store.session.mode !== 'custom-token' && store.session.mode !== 'microsoft') return;
  import('./sign-in-profile.js').then(
    (m) => m.keepProfileName(store),
    (e: unknown) => console.warn(`lenig: could not load the code that saves your name to your profile (${(e as Error).message})`),
  );
}

/** Firebase Auth errors as StoreErrors, keeping Firebase's code in the message for whoever debugs. */
export function toAuthError(e: unknown): StoreError {
  if (isStoreError(e)) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'auth/network-request-failed') return new StoreError('offline', `lenig: cannot reach Firebase Auth (${code})`);
  if (code === 'auth/invalid-custom-token' || code === 'auth/custom-token-mismatch') {
    return new StoreError('unauthenticated', `lenig: Firebase refused the custom token (${code}); is it made for this Firebase project?`);
  }
  if (code === 'auth/configuration-not-found') {
    // Authentication was never started in the Firebase console: every sign-in fails so, a custom token's too.
    return new StoreError('unauthenticated', `lenig: Firebase Authentication is not set up in this Firebase project (${code}); open Authentication in the Firebase console and click Get started`);
  }
  if (code === 'auth/invalid-api-key' || code.startsWith('auth/api-key-not-valid')) {
    return new StoreError('unauthenticated', `lenig: Firebase does not accept the Web API key (${code}); copy apiKey from the Firebase console, Project settings → General → Your apps`);
  }
  if (code === 'auth/operation-not-allowed' || code === 'auth/admin-restricted-operation') {
    return new StoreError('unauthenticated', `lenig: this sign-in method is not enabled in the Firebase project (${code}); enable it under Authentication → Sign-in method`);
  }
  if (code.startsWith('auth/')) return new StoreError('unauthenticated', `lenig: sign-in failed (${code})`);
  return new StoreError('unknown', message);
}
