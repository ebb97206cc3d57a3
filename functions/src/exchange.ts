/**
 * The token exchange: a Microsoft Entra ID access token in, a Firebase custom token out.
 *
 * Inside SharePoint and Teams the employee is already signed in to Microsoft. The lenig web part asks
 * SharePoint for an access token for the organisation's lenig API app and posts it here as a bearer
 * token; this checks it against Microsoft's published signing keys and answers a Firebase custom token
 * whose uid is the employee's Entra object id (`oid`, the same in every app of the tenant) and whose
 * claims carry their name (`name`) and e-mail address (`mail`).
 *
 * Framework-free: `exchange()` takes the Authorization header and answers status + JSON, so the same
 * code runs as a Cloud Function (index.ts), on a plain Node server (server.ts) and in tests.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** Why a token was refused; stable strings a client (and a test) can match on. */
export type Refusal =
  | 'missing-token'
  | 'malformed'
  | 'algorithm-not-allowed'
  | 'tenant-not-allowed'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'client-not-allowed'
  | 'expired'
  | 'not-yet-valid'
  | 'unknown-key'
  | 'bad-signature'
  | 'missing-object-id';

export interface ExchangeConfig {
  /** Entra ID tenant ids (GUIDs) whose employees may sign in. */
  tenants: string[];
  /** Accepted audiences: the API app's Application ID URI (`api://…`) and/or its client id. */
  audiences: string[];
  /**
   * Client app ids (`azp` in v2 tokens, `appid` in v1) allowed to ask for the token. Empty: any client
   * the tenant's admin approved for the API app (SharePoint's client, once the permission is approved).
   */
  clients?: string[];
  /** Signature algorithms accepted. Entra ID signs access tokens with RS256. */
  algorithms?: string[];
  /** Where Microsoft publishes its signing keys. Replaced in tests by a local issuer. */
  jwksUrl?: string;
  /** Or the keys themselves (a key set function from `jose`). */
  keys?: JWTVerifyGetKey;
  /** Clock skew tolerated on `exp` and `nbf`, in seconds. */
  clockToleranceSeconds?: number;
  /** Mints the Firebase custom token (firebase-admin's `createCustomToken`). */
  mint: (uid: string, claims: Record<string, string>) => Promise<string>;
}

export interface ExchangeResult {
  status: number;
  body: { token: string; uid: string } | { error: Refusal | 'keys-unavailable' | 'mint-failed' | 'method-not-allowed' | 'not-configured'; message: string };
}

/** Microsoft's keys for every tenant in the public cloud. */
export const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

const MESSAGES: Record<Refusal, string> = {
  'missing-token': 'Send the Microsoft Entra ID access token as "Authorization: Bearer <token>".',
  malformed: 'The bearer token is not a JSON Web Token.',
  'algorithm-not-allowed': 'The token is not signed with an allowed algorithm.',
  'tenant-not-allowed': 'The token comes from a Microsoft Entra ID tenant this exchange does not serve.',
  'wrong-issuer': 'The token was not issued by Microsoft Entra ID for an allowed tenant.',
  'wrong-audience': 'The token is not meant for the lenig API app: request it for the API app\'s Application ID URI.',
  'client-not-allowed': 'The token was requested by an application this exchange does not accept.',
  expired: 'The token has expired; the page asks for a new one.',
  'not-yet-valid': 'The token is not valid yet; check the clock of the machine that runs the exchange.',
  'unknown-key': 'The token is signed with a key Microsoft does not publish.',
  'bad-signature': 'The token\'s signature does not match its content.',
  'missing-object-id': 'The token carries no object id (oid): it must be a token for a person.',
};

export class Refused extends Error {
  constructor(readonly reason: Refusal, detail?: string) {
    super(detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason]);
    this.name = 'Refused';
  }
}

/** Microsoft's key set could not be fetched: nothing is known about the token yet. */
class KeysUnavailable extends Error {}

/** The issuers Entra ID uses for a tenant: v1.0 and v2.0 access tokens. */
export function issuersFor(tenant: string): string[] {
  return [`https://sts.windows.net/${tenant}/`, `https://login.microsoftonline.com/${tenant}/v2.0`];
}

/** Builds the exchange from a configuration; fails at once on a configuration that cannot work. */
export function createExchange(config: ExchangeConfig): (authorization: string | undefined) => Promise<ExchangeResult> {
  const tenants = config.tenants.map((t) => t.trim().toLowerCase()).filter(Boolean);
  const audiences = config.audiences.map((a) => a.trim()).filter(Boolean);
  const clients = (config.clients ?? []).map((c) => c.trim().toLowerCase()).filter(Boolean);
  const algorithms = config.algorithms ?? ['RS256'];
  if (!tenants.length) throw new Error('lenig token exchange: no tenant configured (LENIG_TENANTS)');
  if (!audiences.length) throw new Error('lenig token exchange: no audience configured (LENIG_AUDIENCE)');
  if (algorithms.some((a) => a === 'none' || a.startsWith('HS'))) {
    throw new Error('lenig token exchange: only public-key algorithms can verify Microsoft\'s tokens');
  }
  // jose caches the keys and fetches again (at most every 30 s) when a token names a key it has not seen,
  // which is how Microsoft's key rollover reaches us.
  const keys = config.keys ?? createRemoteJWKSet(new URL(config.jwksUrl ?? MICROSOFT_JWKS_URL), { timeoutDuration: 5000 });

  async function verify(token: string): Promise<JWTPayload> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new Refused('malformed');
    }
    if (!header.alg || !algorithms.includes(header.alg)) throw new Refused('algorithm-not-allowed', `alg ${String(header.alg)}`);
    // The tenant picks the issuer to expect; it is checked again, signed, below.
    const tid = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    if (!tenants.includes(tid)) throw new Refused('tenant-not-allowed', tid ? `tenant ${tid}` : 'no tid claim');
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms,
        issuer: issuersFor(tid),
        audience: audiences,
        clockTolerance: config.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'aud', 'tid'],
      });
      return payload;
    } catch (e) {
      throw refusalOf(e) ?? new KeysUnavailable((e as Error).message);
    }
  }

  return async (authorization) => {
    try {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match?.[1]) throw new Refused('missing-token');
      const payload = await verify(match[1]);
      const client = payload.azp ?? payload['appid'];
      const azp = typeof client === 'string' ? client.toLowerCase() : '';
      if (clients.length && !clients.includes(azp)) throw new Refused('client-not-allowed', azp ? `client ${azp}` : 'no azp/appid claim');
      // Application tokens (client credentials) have no person behind them: no oid, or oid === sub with idtyp app.
      const oid = typeof payload.oid === 'string' ? payload.oid : '';
      if (!/^[A-Za-z0-9-]{1,128}$/.test(oid) || payload.idtyp === 'app') throw new Refused('missing-object-id');
      const claims = personClaims(payload);
      let token: string;
      try {
        token = await config.mint(oid, claims);
      } catch (e) {
        // The operator reads the cause in the function's log; the browser gets no internals.
        console.error('lenig token exchange: minting the Firebase custom token failed:', (e as Error).message);
        return { status: 500, body: { error: 'mint-failed', message: 'The Firebase custom token could not be made; the exchange\'s log says why.' } };
      }
      return { status: 200, body: { token, uid: oid } };
    } catch (e) {
      if (e instanceof Refused) return { status: 401, body: { error: e.reason, message: e.message } };
      if (e instanceof KeysUnavailable) {
        console.error('lenig token exchange: Microsoft\'s signing keys could not be fetched:', e.message);
        return { status: 503, body: { error: 'keys-unavailable', message: 'Microsoft\'s signing keys could not be fetched; try again in a minute.' } };
      }
      console.error('lenig token exchange: unexpected failure:', (e as Error).message);
      return { status: 401, body: { error: 'malformed', message: MESSAGES.malformed } };
    }
  };
}

/** Name, e-mail and tenant for the Firebase token; only what lenig shows or needs. */
function personClaims(p: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = { tid: String(p.tid) };
  const given = typeof p.given_name === 'string' ? p.given_name : '';
  const family = typeof p.family_name === 'string' ? p.family_name : '';
  const name = typeof p.name === 'string' && p.name.trim() ? p.name.trim() : `${given} ${family}`.trim();
  if (name) claims.name = name.slice(0, 100);
  // v2 tokens: preferred_username / email; v1: upn / unique_name. All are the sign-in address in practice.
  const email = [p.email, p.preferred_username, p.upn, p.unique_name].find((v): v is string => typeof v === 'string' && v.includes('@'));
  // Not `email`: Firebase keeps that claim for the account's own verified address and drops it from
  // custom tokens.
  if (email) claims.mail = email.slice(0, 320);
  return claims;
}

/** The refusal a verification error means; undefined when the keys could not be fetched at all. */
function refusalOf(e: unknown): Refused | undefined {
  const err = e as { code?: string; claim?: string; message?: string };
  switch (err.code) {
    case 'ERR_JWT_EXPIRED':
      return new Refused('expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (err.claim === 'nbf') return new Refused('not-yet-valid');
      if (err.claim === 'iss') return new Refused('wrong-issuer');
      if (err.claim === 'aud') return new Refused('wrong-audience');
      return new Refused('malformed', `claim ${String(err.claim)}`);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new Refused('algorithm-not-allowed');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new Refused('unknown-key');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new Refused('bad-signature');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JWK_INVALID':
      return new Refused('malformed');
    default:
      // ERR_JWKS_TIMEOUT, ERR_JWKS_INVALID, a network failure: nothing is wrong with the token.
      return undefined;
  }
}

/** Reads the exchange's settings from the environment (LENIG_TENANTS, LENIG_AUDIENCE, …). */
export function configFromEnv(env: NodeJS.ProcessEnv, mint: ExchangeConfig['mint']): ExchangeConfig & { origins: string[] } {
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    tenants: list(env.LENIG_TENANTS),
    audiences: list(env.LENIG_AUDIENCE),
    clients: list(env.LENIG_ALLOWED_CLIENTS),
    jwksUrl: env.LENIG_JWKS_URL || undefined,
    origins: list(env.LENIG_ALLOWED_ORIGINS),
    mint,
  };
}
