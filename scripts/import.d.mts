// Types for scripts/import.mjs.
export function checkExport(doc: unknown): Record<string, unknown>;
export function userLikesOf(likes: Record<string, Record<string, unknown>> | undefined): Record<string, Record<string, true>>;
export function importWrites(data: Record<string, unknown>): [string, unknown][];
export function importExport(options: {
  file: string;
  databaseURL: string;
  project?: string;
  dryRun?: boolean;
  log?: (line: string) => void;
}): Promise<{ written: number; nodes: number }>;
