/**
 * The demo pages on the built library (dist/: loader + chunks), as an intranet page loads it, for the bench.
 *
 * The server runs in a worker thread. In this process the local database evaluates its security rules
 * for every listen, which holds the event loop for tens of milliseconds while a page signs in; a file
 * server sharing that loop answered the widgets' last chunks only after it (measured: the feed's chunks
 * arrived 300–450 ms after they were asked for under load). An intranet serves its files from other
 * machines than Firebase's.
 *
 * It speaks HTTP/2 over TLS (a certificate made for 127.0.0.1 by `openssl` at start; browsers open the page
 * with certificate errors ignored), as SharePoint Online, CDNs and most intranet servers do: over HTTP/1.1 a
 * browser fetches six files at a time, and the loader's 19 chunks came in three waves. `LENIG_BENCH_HTTP=1.1`
 * (or no `openssl` on the PATH) serves HTTP/1.1, to compare.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Backend } from '../scripts/backend.mjs';
import { SEED_USERS } from '../scripts/seed-data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A key and self-signed certificate for 127.0.0.1, or undefined without `openssl`. */
function certificate(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'lenig-bench-'));
  try {
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    if (made.status !== 0) return undefined;
    return { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How the bench's demo server speaks: HTTP/2 unless asked for HTTP/1.1 or no certificate can be made. */
export const DEMO_TLS = process.env['LENIG_BENCH_HTTP'] === '1.1' ? undefined : certificate();

/**
 * Serves `demoDir` (default demo/) with the library of `dist` (default dist/) on a free port. Open its
 * pages in a browser context with `ignoreHTTPSErrors: true` (its certificate is its own).
 */
export async function startDemoServer(backend: Backend, dirs: { demoDir?: string; dist?: string } = {}): Promise<{ base: string; close(): Promise<void> }> {
  const worker = new Worker(new URL('./demo-server-worker.mjs', import.meta.url), {
    workerData: {
      demoDir: dirs.demoDir ?? path.join(ROOT, 'demo'),
      entry: path.join(ROOT, 'src', 'index.ts'),
      dist: dirs.dist ?? path.join(ROOT, 'dist'),
      tls: DEMO_TLS,
      config: {
        databaseURL: backend.databaseURL,
        authEmulatorURL: backend.authURL,
        projectId: backend.projectId,
        apiKey: 'demo-lenig-key',
        users: SEED_USERS.map(({ uid, email, password, name, jobTitle, department, admin }) => ({ uid, email, password, name, jobTitle, department, admin })),
      },
    },
  });
  // `once` rejects when the worker emits 'error' first (it could not start the server).
  const [{ port }] = (await once(worker, 'message')) as [{ port: number }];
  return {
    base: `${DEMO_TLS ? 'https' : 'http'}://127.0.0.1:${port}/`,
    async close() {
      worker.postMessage('close');
      await once(worker, 'message');
      await worker.terminate();
    },
  };
}
