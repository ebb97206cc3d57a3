/**
 * The exchange as a Cloud Function for Firebase (2nd gen): `firebase deploy --only functions`.
 * Settings come from functions/.env (see .env.example): LENIG_TENANTS, LENIG_AUDIENCE,
 * LENIG_ALLOWED_ORIGINS and optionally LENIG_ALLOWED_CLIENTS.
 */
import { onRequest } from 'firebase-functions/v2/https';
import { handlerFromEnv, type httpHandler } from './http.js';
import { firebaseMint } from './mint.js';

let handler: ReturnType<typeof httpHandler> | undefined;

export const lenigToken = onRequest({ invoker: 'public', maxInstances: 10 }, (req, res) => {
  // Built on the first request, when the deployed environment is there (not at deploy-time analysis).
  handler ??= handlerFromEnv(process.env, firebaseMint());
  handler(req, res);
});
