/**
 * A stand-in for Microsoft Entra ID in tests: a generated RSA key pair whose public half is served as a
 * JWKS on a local port, and `sign()` to make access tokens shaped like Entra's v1.0 tokens for an API app.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyObject } from 'jose';

export const TENANT = '6d1e3d1b-6f0a-4c55-9b1e-2f6a7d1c0a11';
export const OTHER_TENANT = '0f3b6c2e-1111-4a2b-8c3d-9e8f7a6b5c4d';
export const API_APP = 'api://5b7c1a2e-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
/** SharePoint Online Web Client Extensibility: the client that asks for tokens on behalf of web parts. */
export const SHAREPOINT_CLIENT = '08e18876-6177-487e-b8b5-cf950c1e598c';
export const PERSON = { oid: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Anouk de Vries', upn: 'anouk@contoso.example' };

export interface EntraIssuer {
  jwksUrl: string;
  publicKeyPem: string;
  /** An access token for `PERSON`, with `claims` overriding (undefined removes a claim). */
  sign(claims?: Record<string, unknown>, options?: { kid?: string; key?: KeyObject | CryptoKey }): Promise<string>;
  /** A key pair Microsoft does not publish. */
  otherKey: CryptoKey | KeyObject;
  stop(): Promise<void>;
}

export async function startEntraIssuer(): Promise<EntraIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' };
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const { createPublicKey } = await import('node:crypto');
  const publicKeyPem = createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();

  return {
    jwksUrl: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    publicKeyPem,
    otherKey: other.privateKey,
    async sign(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        aud: API_APP,
        iss: `https://sts.windows.net/${TENANT}/`,
        iat: now - 60,
        nbf: now - 60,
        exp: now + 3600,
        tid: TENANT,
        oid: PERSON.oid,
        sub: 'k3n1Xh2m',
        name: PERSON.name,
        upn: PERSON.upn,
        appid: SHAREPOINT_CLIENT,
        scp: 'user_impersonation',
        ver: '1.0',
        ...claims,
      };
      for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
      return new SignJWT(payload as JWTPayload)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'test-key-1' })
        .sign(options.key ?? privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
