/**
 * The exchange over HTTP, for Node's `http` server and for Cloud Functions (whose request and response
 * extend Node's). `POST` (or `GET`) with `Authorization: Bearer <Entra ID access token>` answers
 * `200 {"token", "uid"}`, or `401 {"error", "message"}` saying why the token was refused. CORS lets the
 * configured SharePoint origins call it; the bearer token is the credential, so no cookies are involved.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExchangeResult } from './exchange.js';

export interface HttpOptions {
  /** Origins allowed to call the exchange from a browser, e.g. `https://contoso.sharepoint.com`; `*` for any. */
  origins: string[];
}

export function httpHandler(
  exchange: (authorization: string | undefined) => Promise<ExchangeResult>,
  options: HttpOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const origins = options.origins.map((o) => o.replace(/\/+$/, '').toLowerCase());
  return (req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    res.setHeader('Cache-Control', 'no-store');
    if (origin && (origins.includes('*') || origins.includes(origin.toLowerCase()))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', '3600');
    }
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    const send = (result: ExchangeResult) => {
      res.statusCode = result.status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      if (result.status === 401) res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      res.end(JSON.stringify(result.body));
    };
    if (req.method !== 'POST' && req.method !== 'GET') {
      send({ status: 405, body: { error: 'method-not-allowed', message: 'Use POST with an Authorization: Bearer header.' } });
      return;
    }
    // The body, if any, is not used; drain it so the connection can be reused.
    req.resume();
    exchange(req.headers.authorization).then(send, (e: unknown) => {
      console.error('lenig token exchange: unexpected failure:', (e as Error).message);
      send({ status: 500, body: { error: 'mint-failed', message: 'The exchange failed; its log says why.' } });
    });
  };
}
