// The bench's demo server in a thread of its own (see demo-server.ts): files are answered as soon as they
// are asked for, not after the local database has evaluated its rules for a burst of listens.
import { parentPort, workerData } from 'node:worker_threads';
import { createDemoServer } from '../scripts/start.mjs';

const server = await createDemoServer(workerData);
await new Promise((resolve) => server.server.listen(0, '127.0.0.1', resolve));
parentPort.postMessage({ port: server.server.address().port });
parentPort.once('message', async () => {
  await server.close();
  parentPort.postMessage({ closed: true });
});
