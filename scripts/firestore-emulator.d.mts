// Types for scripts/firestore-emulator.mjs.
export const FIRESTORE_EMULATOR_HINT: string;
export class FirestoreEmulatorError extends Error {}
export interface FoundEmulator {
  kind: 'script' | 'gcloud' | 'firebase-tools';
  command: string;
}
export function findFirestoreEmulator(env?: NodeJS.ProcessEnv): FoundEmulator | undefined;
export interface FirestoreEmulator {
  kind: FoundEmulator['kind'];
  /** 127.0.0.1:PORT */
  host: string;
  hostname: string;
  port: number;
  pid: number;
  startMs: number;
  stop(): Promise<void>;
}
export function startFirestoreEmulator(options?: {
  port?: number;
  rulesPath?: string;
  quiet?: boolean;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<FirestoreEmulator>;
export function loadFirestoreRules(host: string, projectId: string, rulesPath?: string): Promise<void>;
export function clearFirestore(host: string, projectId: string): Promise<void>;
export function toValue(v: unknown): object;
export function writeDocuments(host: string, projectId: string, docs: { path: string; data: object }[]): Promise<void>;
export function fromValue(v: object): unknown;
/** Timestamps are returned as Dates. */
export function readDocument(host: string, projectId: string, docPath: string): Promise<Record<string, unknown> | null>;
