#!/usr/bin/env node
/**
 * Restores a lenig export (docs/export.md) into an empty Realtime Database, with firebase-admin (which
 * the security rules do not bind).
 *
 *   node scripts/import.mjs lenig-export-2026-11-27.json --database-url https://<project>-default-rtdb.<region>.firebasedatabase.app
 *
 * Credentials: Application Default Credentials (`GOOGLE_APPLICATION_CREDENTIALS` pointing at a service
 * account key of the project, or `gcloud auth application-default login`). Against a local database set
 * `FIREBASE_DATABASE_EMULATOR_HOST=127.0.0.1:<port>`; then no credentials are needed.
 *
 * It refuses a database that already holds any of the export's top-level nodes (nothing is merged or
 * overwritten), rebuilds `/userLikes` from `/likes`, and writes node by node, printing its progress.
 * Options: `--project <id>` (default: from the database URL), `--dry-run` (check and count, write nothing).
 */
import { readFile } from 'node:fs/promises';
import { applicationDefault, deleteApp, initializeApp } from 'firebase-admin/app';
import { getDatabase } from 'firebase-admin/database';

const FORMAT = 'lenig-export';
const VERSION = 1;
/** What an export may hold (src/data/core/export.ts), plus what the import derives. */
const ROOTS = ['admins', 'adminCount', 'profiles', 'channels', 'posts', 'comments', 'ideaHistory', 'stats', 'likes', 'likeCounts', 'reports'];

class ImportError extends Error {}

function parseArgs(argv) {
  const out = { file: undefined, databaseURL: undefined, project: undefined, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--database-url') out.databaseURL = argv[++i];
    else if (a === '--project') out.project = argv[++i];
    else if (a === '--dry-run') out.dryRun = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (!a.startsWith('--') && out.file === undefined) out.file = a;
    else throw new ImportError(`unknown option ${a}`);
  }
  return out;
}

/** Checks the file is an export this script knows, and returns its data. */
export function checkExport(doc) {
  if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT) throw new ImportError('this is not a lenig export (format is not "lenig-export")');
  if (doc.version !== VERSION) throw new ImportError(`export version ${doc.version} is not supported (this script reads version ${VERSION})`);
  const data = doc.data;
  if (typeof data !== 'object' || data === null) throw new ImportError('the export holds no data');
  const unknown = Object.keys(data).filter((k) => !ROOTS.includes(k));
  if (unknown.length) throw new ImportError(`the export holds nodes this script does not know: ${unknown.join(', ')}`);
  return data;
}

/** `/userLikes/{uid}/{targetKey}` for every `/likes/{targetKey}/{uid}`. */
export function userLikesOf(likes) {
  const out = {};
  for (const [key, byUid] of Object.entries(likes ?? {})) {
    for (const uid of Object.keys(byUid ?? {})) (out[uid] ??= {})[key] = true;
  }
  return out;
}

/** The writes of an import, node by node (`root/child`), in a safe order: admins and channels first. */
export function importWrites(data) {
  const writes = [];
  const full = { ...data };
  if (data.likes) full.userLikes = userLikesOf(data.likes);
  for (const root of [...ROOTS, 'userLikes']) {
    const node = full[root];
    if (node === undefined || node === null) continue;
    if (typeof node !== 'object') writes.push([root, node]);
    else for (const [k, v] of Object.entries(node)) writes.push([`${root}/${k}`, v]);
  }
  return writes;
}

export async function importExport({ file, databaseURL, project, dryRun = false, log = console.log }) {
  if (!file) throw new ImportError('name the export file: node scripts/import.mjs <file> --database-url <url>');
  if (!databaseURL) throw new ImportError('--database-url is required');
  let doc;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new ImportError(`cannot read ${file}: ${e.message}`);
  }
  const data = checkExport(doc);
  const writes = importWrites(data);
  const emulated = Boolean(process.env.FIREBASE_DATABASE_EMULATOR_HOST);
  const url = new URL(databaseURL);
  const projectId = project ?? url.searchParams.get('ns') ?? url.hostname.split('.')[0].replace(/-default-rtdb$/, '');
  const app = initializeApp(emulated ? { databaseURL, projectId } : { databaseURL, projectId, credential: applicationDefault() }, `lenig-import-${Date.now()}`);
  const db = getDatabase(app);
  try {
    const taken = [];
    for (const root of [...ROOTS, 'userLikes']) {
      if ((await db.ref(root).limitToFirst(1).get()).exists()) taken.push(root);
    }
    if (taken.length) throw new ImportError(`the database is not empty (it holds ${taken.join(', ')}): import into a new, empty database`);
    log(`${file}: ${doc.channel ? `channel ${doc.channel}` : 'everything'}, exported ${doc.exportedAt}; ${writes.length} nodes to write`);
    if (dryRun) return { written: 0, nodes: writes.length };
    let done = 0;
    for (const [path, value] of writes) {
      await db.ref(path).set(value);
      done++;
      if (done % 50 === 0 || done === writes.length) log(`  ${done}/${writes.length}`);
    }
    return { written: done, nodes: writes.length };
  } finally {
    await db.goOffline?.();
    await deleteApp(app);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log('usage: node scripts/import.mjs <export.json> --database-url <url> [--project <id>] [--dry-run]');
    } else {
      const { written, nodes } = await importExport(args);
      console.log(args.dryRun ? `dry run: ${nodes} nodes would be written` : `imported ${written} nodes`);
    }
    process.exit(0);
  } catch (e) {
    console.error(`import: ${e instanceof ImportError ? e.message : e?.stack ?? e}`);
    process.exit(1);
  }
}
