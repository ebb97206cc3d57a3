/**
 * E-mail and password sign-in, for the demo's "signed in as" switcher and tests against the Auth emulator:
 * a chunk of its own, which the session loads only when it signs in that way.
 */
import { signInWithEmailAndPassword, type Auth } from 'firebase/auth';

export async function signInWithEmail(auth: Auth, email: string, password: string): Promise<void> {
  await signInWithEmailAndPassword(auth, email, password);
}
