/**
 * The part of lenig's one-file bundle (dist/lenig.js, copied here by `npm run build:spfx`) that the web
 * parts use. Importing it defines every lenig element once per page.
 */
export type AuthMode = 'anonymous' | 'custom-token' | 'microsoft' | 'host' | 'email';

export interface LenigConfig {
  /** `realtime` (default) or `firestore`: the package carries one of them (build:spfx -- --firestore). */
  database?: 'realtime' | 'firestore';
  firebase?: { apiKey?: string; authDomain?: string; databaseURL?: string; projectId?: string; appId?: string };
  auth?: AuthMode;
  tokenUrl?: string;
  tokenSource?: () => Promise<string>;
  tokenTimeout?: number;
  tenant?: string;
  lang?: 'en' | 'nl';
  emulator?: { database?: string; auth?: string; firestore?: string };
}

export function configure(config: LenigConfig): void;

/** A configuration is on its way: widgets show loading instead of "not configured". */
export function configurePending(): void;
