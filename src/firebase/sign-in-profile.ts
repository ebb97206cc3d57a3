/**
 * The signed-in employee's profile name, kept in step with their sign-in (`followSignInProfile`,
 * ./session.ts): a chunk of its own, loaded only in the modes whose sign-in names the person.
 */
import type { Unsubscribe } from '../data/store.js';
import type { Profile } from '../data/types.js';
import { shownName } from '../data/core/records.js';
import type { ProfileStore } from './session.js';

/**
 * Keeps the signed-in employee's `/profiles/{uid}` in step with what their sign-in says about them — the
 * `name` claim the token exchange puts in the custom token, or the Microsoft account's name in the popup
 * mode — so nobody shows up as "Someone". Creates the profile on first sign-in and refreshes the name
 * when it changed; other fields (photo, job title) are kept. Anonymous visitors have no name to give.
 * Once per store, however many copies of lenig call it.
 */
export function keepProfileName(store: ProfileStore): void {
  const key = 'sign-in-profile';
  if (store.connection.shared.has(key)) return;
  store.connection.shared.set(key, true);
  // Once per sign-in: the callback also runs when a copy of lenig subscribes late.
  let last: string | undefined;
  store.session.onChange((user) => {
    if (user?.uid === last) return;
    last = user?.uid;
    if (!user || user.isAnonymous) return;
    void (async () => {
      const claims = (await user.getIdTokenResult()).claims;
      const name = (typeof claims['name'] === 'string' ? claims['name'] : user.displayName ?? '').trim().slice(0, 100);
      if (!name) return;
      const current = await new Promise<Profile | null>((resolve, reject) => {
        let stop: Unsubscribe | undefined = undefined;
        let settled = false;
        stop = store.subscribeProfile(
          user.uid,
          (p) => {
            settled = true;
            resolve(p);
            queueMicrotask(() => stop?.());
          },
          (e) => reject(e),
        );
        if (settled) stop();
      });
      // As read back: a name's bidirectional controls are not shown (shownName), so compare without them.
      if (current?.name === shownName(name)) return;
      const { uid: _uid, ...rest } = current ?? { uid: user.uid, name };
      await store.updateMyProfile({ ...rest, name });
    })().catch((e: unknown) => {
      console.warn(`lenig: could not save your name to your profile (${(e as Error).message})`);
    });
  });
}

