/**
 * Firebase's popup sign-in: its popup/redirect helper and the Microsoft provider, ≈3.3 KB gz that only
 * the `microsoft` mode and the host page's own app use. A chunk of its own, which `loadPopup()`
 * (./auth-setup.ts) imports before Auth is set up for them; every other page does without it.
 */
import {
  browserLocalPersistence,
  browserPopupRedirectResolver,
  browserSessionPersistence,
  indexedDBLocalPersistence,
  OAuthProvider,
  signInWithPopup,
  type Auth,
  type Dependencies,
} from 'firebase/auth';
import { StoreError } from '../data/store.js';

export { browserPopupRedirectResolver };

/** What `getAuth()` sets up: for an app of the host page, whose Auth lenig shares rather than shapes. */
export const HOST_DEPENDENCIES: Dependencies = {
  popupRedirectResolver: browserPopupRedirectResolver,
  persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence],
};

/**
 * Opens the Microsoft sign-in popup, restricted to the organisation's `tenant`. Call it from a click
 * with nothing awaited before it: browsers allow a popup only during the click's user activation.
 */
export async function signInWithMicrosoft(auth: Auth, tenant: string): Promise<void> {
  const provider = new OAuthProvider('microsoft.com');
  // Only accounts of the organisation's own tenant, and let people pick among their accounts.
  provider.setCustomParameters({ tenant, prompt: 'select_account' });
  try {
    // The helper is given here too: the page's Auth may have been set up without it.
    await signInWithPopup(auth, provider, browserPopupRedirectResolver);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'auth/popup-blocked') throw new StoreError('unauthenticated', 'lenig: the browser blocked the sign-in window; allow popups for this site and try again');
    if (code === 'auth/popup-closed-by-user' || code === 'auth/cancelled-popup-request') throw new StoreError('unauthenticated', 'lenig: sign-in was cancelled');
    throw e;
  }
}
