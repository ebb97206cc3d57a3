// Types for scripts/seed-data.mjs.
export interface SeedUser {
  readonly uid: string;
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly admin: boolean;
}

export const DEMO_PROJECT_ID: 'demo-lenig';
export const DEMO_PASSWORD: string;
export const SEED_USERS: readonly SeedUser[];
export const SEED_CATEGORIES: Readonly<Record<string, number>>;
export const SEED_CHANNELS: Readonly<Record<string, { name: string; names?: Readonly<Record<string, string>> }>>;

export function encodeKey(target: string): string;
export function postTarget(channel: string, postId: string): string;
export function monthKey(time: number): string;

/** The database tree follows docs/data-layout.md; it is loosely typed because tests walk it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function buildSeed(now?: number): { data: Record<string, any>; users: readonly SeedUser[] };
