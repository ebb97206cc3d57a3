// Types for scripts/seed-firestore.mjs.
export function firestoreDocuments(data: unknown): { path: string; data: Record<string, unknown> }[];
