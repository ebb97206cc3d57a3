/**
 * The Cloud Firestore emulator for the tests. `npm test` starts it once for the whole run and passes
 * its address in LENIG_TEST_FIRESTORE_HOST; a file run on its own starts one itself. Each file uses its
 * own project id, so rules and data of two files never meet.
 *
 * Without an emulator the Firestore tests are skipped on a developer's machine (scripts/test.mjs prints
 * one line saying so and how to get it) and fail under CI=true, where the emulator must be present.
 */
import { findFirestoreEmulator, FIRESTORE_EMULATOR_HINT, startFirestoreEmulator } from '../../scripts/firestore-emulator.mjs';

export interface EmulatorHandle {
  host: string;
  hostname: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The running emulator, or a reason to skip. Throws under CI=true when there is none: CI must run
 * these tests.
 */
export async function firestoreEmulator(): Promise<EmulatorHandle | { skip: string }> {
  const given = process.env.LENIG_TEST_FIRESTORE_HOST;
  if (given) {
    const [hostname, port] = given.split(':');
    return { host: given, hostname: hostname!, port: Number(port), stop: async () => {} };
  }
  if (!findFirestoreEmulator()) {
    if (process.env.CI === 'true') throw new Error(`CI=true and ${FIRESTORE_EMULATOR_HINT}`);
    return { skip: FIRESTORE_EMULATOR_HINT };
  }
  return startFirestoreEmulator({ port: 0 });
}
