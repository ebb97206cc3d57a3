/**
 * How people sign in: `anonymous`, `custom-token` (the intranet vouches), `microsoft` (Entra ID popup),
 * `host` (the host page's own Firebase sign-in), `email` (demo and tests). Declared once here (types.ts re-exports
 * it); the configuration checks it and the Firebase session implements it.
 */
export const AUTH_MODES = ['anonymous', 'custom-token', 'microsoft', 'host', 'email'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];
