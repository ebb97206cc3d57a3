/** The demo pages on the built library (dist/: loader + chunks), as an intranet page loads it, for the bench. */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Backend } from '../scripts/backend.mjs';
import { SEED_USERS } from '../scripts/seed-data.mjs';
import { createDemoServer } from '../scripts/start.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Serves `demoDir` (default demo/) with the library of `dist` (default dist/) on a free port. */
export async function startDemoServer(backend: Backend, dirs: { demoDir?: string; dist?: string } = {}): Promise<{ base: string; close(): Promise<void> }> {
  const server = await createDemoServer({
    demoDir: dirs.demoDir ?? path.join(ROOT, 'demo'),
    entry: path.join(ROOT, 'src', 'index.ts'),
    dist: dirs.dist ?? path.join(ROOT, 'dist'),
    config: {
      databaseURL: backend.databaseURL,
      authEmulatorURL: backend.authURL,
      projectId: backend.projectId,
      apiKey: 'demo-lenig-key',
      users: SEED_USERS.map(({ uid, email, password, name, jobTitle, department, admin }) => ({ uid, email, password, name, jobTitle, department, admin })),
    },
  });
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`, close: () => server.close() };
}
