/**
 * The exchange on any Node host: `PORT=8080 LENIG_TENANTS=… LENIG_AUDIENCE=… node lib/server.js`.
 * Put it behind HTTPS (a reverse proxy or the platform's front end).
 */
import { createServer } from 'node:http';
import { configFromEnv, createExchange } from './exchange.js';
import { httpHandler } from './http.js';
import { firebaseMint } from './mint.js';

const config = configFromEnv(process.env, firebaseMint());
const server = createServer(httpHandler(createExchange(config), { origins: config.origins }));
const port = Number(process.env.PORT ?? 8080);
server.listen(port, () => console.log(`lenig token exchange listening on port ${port}`));
