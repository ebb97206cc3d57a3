/**
 * The exchange over HTTP, for Node's `http` server and for Cloud Functions (whose request and response
 * extend Node's). `POST` (or `GET`) with `Authorization: Bearer <Entra ID access token>` answers
 * `200 {"token", "uid"}`, or `401 {"error", "message"}` saying why the token was refused. CORS lets the
 * configured SharePoint origins call it; the bearer token is the credential, so no cookies are involved.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { configFromEnv, createExchange, type ExchangeConfig, type ExchangeResult } from './exchange.js';

export interface HttpOptions {
  /** Origins allowed to call the exchange from a browser, e.g. `https://contoso.sharepoint.com`; `*` for any. */
  origins: string[];
}

export function httpHandler(
  exchange: (authorization: string | undefined) => Promise<ExchangeResult>,
  options: HttpOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const origins = options.origins.map((o) => o.replace(/\/+$/, '').toLowerCase());
  const refused = new Set<string>();
  return (req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    res.setHeader('Cache-Control', 'no-store');
    if (origin && (origins.includes('*') || origins.includes(origin.toLowerCase()))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', '3600');
    } else if (origin && !refused.has(origin) && refused.size < 20) {
      // The browser only says "failed to fetch"; the operator finds the page's origin here, once (the first
      // 20 origins: a caller making up origins cannot fill the log or the memory).
      refused.add(origin);
      console.warn(`lenig token exchange: a page on ${origin} called, which LENIG_ALLOWED_ORIGINS (${origins.join(', ') || 'empty'}) does not list; its browser gets no answer`);
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

/**
 * The exchange as its settings in `env` describe it (LENIG_TENANTS, LENIG_AUDIENCE, …). Settings that
 * cannot work (no tenant, no audience) answer every call `500 {"error": "not-configured"}` naming the
 * missing one, with CORS for the origins that are set, and say it in the log — rather than failing
 * each request with a bare error page the browser cannot read.
 */
export function handlerFromEnv(env: NodeJS.ProcessEnv, mint: ExchangeConfig['mint']): ReturnType<typeof httpHandler> {
  const config = configFromEnv(env, mint);
  try {
    return httpHandler(createExchange(config), { origins: config.origins });
  } catch (e) {
    const message = (e as Error).message;
    console.error(`${message}; set it in functions/.env (or the host's environment) and deploy again`);
    return httpHandler(() => Promise.resolve({ status: 500, body: { error: 'not-configured', message } }), { origins: config.origins });
  }
}
