/** Firebase custom tokens from firebase-admin, with the credentials the host provides. */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';

/**
 * Mints with the default app: on Cloud Functions the function's service account (it needs the
 * "Service Account Token Creator" role to sign), elsewhere GOOGLE_APPLICATION_CREDENTIALS. With
 * FIREBASE_AUTH_EMULATOR_HOST set, tokens are made for the Auth emulator and need no credentials.
 */
export function firebaseMint(): (uid: string, claims: Record<string, string>) => Promise<string> {
  const app = getApps()[0] ?? initializeApp();
  return (uid, claims) => getAuth(app).createCustomToken(uid, claims);
}
