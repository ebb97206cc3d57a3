/**
 * Who is signed in, and how they sign in. One `Session` per Auth instance (the connection caches it).
 *
 * Modes:
 * - `anonymous`: every visitor gets an anonymous Firebase account, signed in without asking.
 * - `custom-token`: the intranet vouches for the employee: `tokenUrl` (fetched with the intranet's
 *   cookies) answers a Firebase custom token, as JSON `{ "token": "…" }` or as plain text. Silent too.
 * - `microsoft`: Microsoft Entra ID through Firebase's `microsoft.com` provider, restricted to `tenant`,
 *   in a popup (so it needs a click: `signIn()`).
 * - `host`: the host page signs in with its own Firebase app; lenig only watches.
 * - `email`: e-mail and password, for the demo's "signed in as" switcher and tests (Auth emulator).
 */
import {
  OAuthProvider,
  onAuthStateChanged,
  signInAnonymously,
  signInWithCustomToken,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut,
  type Auth,
  type User,
} from 'firebase/auth';
import { StoreError, type Unsubscribe } from '../data/store.js';

export type AuthMode = 'anonymous' | 'custom-token' | 'microsoft' | 'host' | 'email';

export interface SessionConfig {
  /** Default `anonymous`. */
  auth?: AuthMode;
  /** For `custom-token`. */
  tokenUrl?: string;
  /** For `microsoft`: the Entra ID tenant id or domain. */
  tenant?: string;
  /** For `email`: whom `signIn()` signs in. */
  credentials?: { email: string; password: string };
}

export class Session {
  readonly mode: AuthMode;
  private signingIn: Promise<void> | undefined;

  constructor(
    readonly auth: Auth,
    private readonly config: SessionConfig = {},
  ) {
    this.mode = config.auth ?? 'anonymous';
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

  /**
   * For the silent modes (`anonymous`, `custom-token`): signs in if nobody is. Failures are returned,
   * not thrown, so the caller decides whom to tell. Counts as under way from the moment it is called,
   * so nothing reports "signed out" while it runs.
   */
  autoSignIn(): Promise<StoreError | undefined> {
    if (this.mode !== 'anonymous' && this.mode !== 'custom-token') return Promise.resolve(undefined);
    return this.track(async () => {
      await this.ready();
      if (!this.user) await this.doSignIn();
    }).then(
      () => undefined,
      (e: unknown) => toAuthError(e),
    );
  }

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
          await signInWithCustomToken(this.auth, await this.fetchCustomToken());
          return;
        case 'microsoft': {
          if (!this.config.tenant) throw new StoreError('unauthenticated', 'lenig: auth "microsoft" needs a tenant (the Entra ID tenant id or domain)');
          const provider = new OAuthProvider('microsoft.com');
          // Only accounts of the organisation's own tenant, and let people pick among their accounts.
          provider.setCustomParameters({ tenant: this.config.tenant, prompt: 'select_account' });
          await signInWithPopup(this.auth, provider);
          return;
        }
        case 'email': {
          const c = this.config.credentials;
          if (!c) throw new StoreError('unauthenticated', 'lenig: auth "email" has no credentials to sign in with; call signInWithEmail()');
          await signInWithEmailAndPassword(this.auth, c.email, c.password);
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
      await signInWithEmailAndPassword(this.auth, email, password);
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

  /** The custom token from the intranet's endpoint, with errors that say what to fix. */
  private async fetchCustomToken(): Promise<string> {
    const url = this.config.tokenUrl;
    if (!url) throw new StoreError('unauthenticated', 'lenig: auth "custom-token" needs a token-url');
    let res: Response;
    try {
      // The intranet knows the employee by their session cookie: send it.
      res = await fetch(url, { credentials: 'include', headers: { accept: 'application/json, text/plain' } });
    } catch (e) {
      throw new StoreError('offline', `lenig: the token endpoint ${url} could not be reached (${(e as Error).message}); check the URL and that it allows this page (CORS with credentials)`);
    }
    if (res.status === 401 || res.status === 403) {
      throw new StoreError('unauthenticated', `lenig: the token endpoint ${url} answered ${res.status}: the intranet does not know who you are — sign in to the intranet first`);
    }
    if (!res.ok) throw new StoreError('unknown', `lenig: the token endpoint ${url} answered ${res.status} ${res.statusText}`);
    const body = (await res.text()).trim();
    let token = body;
    if ((res.headers.get('content-type') ?? '').includes('json') || body.startsWith('{')) {
      try {
        const t = (JSON.parse(body) as { token?: unknown }).token;
        token = typeof t === 'string' ? t.trim() : '';
      } catch {
        throw new StoreError('unknown', `lenig: the token endpoint ${url} answered JSON that cannot be read`);
      }
    }
    // A custom token is a JWT: three base64url parts.
    if (!/^[\w-]+\.[\w-]*\.[\w-]*$/.test(token)) {
      throw new StoreError('unknown', `lenig: the token endpoint ${url} did not answer a token — expected {"token": "<custom token>"} or the token as plain text`);
    }
    return token;
  }
}

/** Firebase Auth errors as StoreErrors, keeping Firebase's code in the message for whoever debugs. */
export function toAuthError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'auth/network-request-failed') return new StoreError('offline', `lenig: cannot reach Firebase Auth (${code})`);
  if (code === 'auth/popup-blocked') return new StoreError('unauthenticated', 'lenig: the browser blocked the sign-in window; allow popups for this site and try again');
  if (code === 'auth/popup-closed-by-user' || code === 'auth/cancelled-popup-request') {
    return new StoreError('unauthenticated', 'lenig: sign-in was cancelled');
  }
  if (code === 'auth/invalid-custom-token' || code === 'auth/custom-token-mismatch') {
    return new StoreError('unauthenticated', `lenig: Firebase refused the custom token (${code}); is it made for this Firebase project?`);
  }
  if (code === 'auth/operation-not-allowed' || code === 'auth/admin-restricted-operation') {
    return new StoreError('unauthenticated', `lenig: this sign-in method is not enabled in the Firebase project (${code}); enable it under Authentication → Sign-in method`);
  }
  if (code.startsWith('auth/')) return new StoreError('unauthenticated', `lenig: sign-in failed (${code})`);
  return new StoreError('unknown', message);
}
