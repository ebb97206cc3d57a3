/**
 * The custom-token sign-in's request: the intranet's token endpoint, or — with a token source (SharePoint,
 * Teams) — the token exchange, which takes the page's Entra ID access token and answers a Firebase
 * custom token. A chunk of its own, loaded by the session only in the `custom-token` mode: anonymous,
 * Microsoft and e-mail pages never fetch it.
 */
import { signInWithCustomToken, type Auth } from 'firebase/auth';
import { StoreError } from '../data/store.js';
import { DEFAULT_TOKEN_TIMEOUT_MS, type SessionConfig } from './session.js';

/** Signs in with the custom token the intranet gives for the employee. */
export async function signInWithToken(auth: Auth, config: SessionConfig): Promise<void> {
  await signInWithCustomToken(auth, await customToken(config));
}

/** The custom token, within `tokenTimeout`: a token endpoint that never answers must not hang the page. */
export async function customToken(config: SessionConfig): Promise<string> {
  const url = config.tokenUrl;
  if (!url) throw new StoreError('unauthenticated', 'lenig: auth "custom-token" needs a token-url');
  const ms = config.tokenTimeout ?? DEFAULT_TOKEN_TIMEOUT_MS;
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      const what = config.tokenSource ? `the page's token source and the token exchange ${url}` : `the token endpoint ${url}`;
      reject(new StoreError('offline', `lenig: ${what} did not answer within ${ms / 1000} s; check that the endpoint is up and reachable from this page`));
    }, ms);
  });
  try {
    return await Promise.race([fetchCustomToken(config.tokenSource, url, abort.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The custom token from the intranet's endpoint, with errors that say what to fix. */
async function fetchCustomToken(source: SessionConfig['tokenSource'], url: string, signal: AbortSignal): Promise<string> {
  let init: RequestInit;
  if (source) {
    // The page's token is a credential for the person: never over plain http to another machine.
    const target = new URL(url, globalThis.location?.href);
    if (target.protocol !== 'https:' && !/^(localhost|127\.0\.0\.1|\[::1\])$/.test(target.hostname)) {
      throw new StoreError('unauthenticated', `lenig: the token exchange ${url} is not an https:// address; the page's token is sent only over https`);
    }
    let bearer: string;
    try {
      bearer = await source();
    } catch (e) {
      throw new StoreError('unauthenticated', `lenig: the page could not give a token for the token exchange (${(e as Error).message}); in SharePoint, an admin approves lenig's API permission in the SharePoint admin centre`);
    }
    // The bearer token is the credential: no cookies, so the exchange needs no credentialed CORS.
    init = { method: 'POST', credentials: 'omit', headers: { accept: 'application/json', authorization: `Bearer ${bearer}` }, signal };
  } else {
    // The intranet knows the employee by their session cookie: send it.
    init = { credentials: 'include', headers: { accept: 'application/json, text/plain' }, signal };
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (signal.aborted) throw new StoreError('offline', `lenig: the token endpoint ${url} did not answer in time`);
    // The browser hides why: a wrong URL, an exchange not deployed and a refused origin look the same.
    const check = source
      ? `open ${url} in a browser tab: a running token exchange answers "missing-token"; if it does, its LENIG_ALLOWED_ORIGINS must list ${globalThis.location?.origin ?? 'this page\'s origin'}`
      : 'check the URL and that it allows this page (CORS with credentials)';
    throw new StoreError('offline', `lenig: the token endpoint ${url} could not be reached (${(e as Error).message}); ${check}`);
  }
  const body = (await res.text()).trim();
  if (res.status === 401 || res.status === 403) {
    // The exchange names its reason: `{"error": "wrong-audience", "message": "…"}`.
    const reason = readJson(body)?.message;
    throw new StoreError(
      'unauthenticated',
      source && typeof reason === 'string'
        ? `lenig: the token exchange ${url} refused the sign-in: ${reason}`
        : `lenig: the token endpoint ${url} answered ${res.status}: the intranet does not know who you are — sign in to the intranet first`,
    );
  }
  if (!res.ok) {
    // The exchange says why in its body (`{"error": "mint-failed", "message": "…"}`); a 404 is nobody there.
    const reason = readJson(body)?.message;
    const why = typeof reason === 'string' ? `: ${reason}` : res.status === 404 ? ': nothing answers at this address; check the URL and that the exchange is deployed' : '';
    // Over HTTP/2 (Cloud Functions) there is no status text.
    throw new StoreError('unknown', `lenig: the token endpoint ${url} answered ${[res.status, res.statusText].join(' ').trim()}${why}`);
  }
  let token = body;
  if ((res.headers.get('content-type') ?? '').includes('json') || body.startsWith('{')) {
    const json = readJson(body);
    if (!json) throw new StoreError('unknown', `lenig: the token endpoint ${url} answered JSON that cannot be read`);
    token = typeof json.token === 'string' ? json.token.trim() : '';
  }
  // A custom token is a JWT: three base64url parts.
  if (!/^[\w-]+\.[\w-]*\.[\w-]*$/.test(token)) {
    throw new StoreError('unknown', `lenig: the token endpoint ${url} did not answer a token — expected {"token": "<custom token>"} or the token as plain text`);
  }
  return token;
}

function readJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * With a token source, whether the kept Firebase session `uid` belongs to the person the page knows (the
 * token's object id, read without verifying: it only decides whether to ask the exchange again).
 */
export async function sameEmployee(config: SessionConfig, uid: string): Promise<boolean> {
  try {
    const payload = (await config.tokenSource!()).split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { oid?: unknown };
    return typeof claims.oid !== 'string' || claims.oid === uid;
  } catch {
    return true;
  }
}
