/**
 * `npm start`: the local backend (database + Auth emulator, seeded) and the demo page, on one machine,
 * offline. Prints one line with the address to open; Ctrl+C stops everything.
 *
 * Ports: LENIG_DEMO_PORT (8080), LENIG_DB_PORT (9000), LENIG_AUTH_PORT (9099); LENIG_HUB_PORT and
 * LENIG_LOGGING_PORT (emulator internals) default to any free port. 0 means any free port.
 *
 * `npm start -- --firestore` (or LENIG_DATABASE=firestore) runs the demo on Cloud Firestore instead: Google's
 * Firestore emulator on LENIG_FIRESTORE_PORT (8180), seeded with the same data.
 *
 * The demo server is @web/dev-server (static files, types, caching, no path outside demo/) with two small
 * middlewares: `/lenig.js` is src/index.ts bundled by esbuild on request (so an edit shows on reload, and a
 * compile error shows in the browser console), and `/demo-config.js` tells the page where the backend is.
 *
 * Demo pages share their top bar, navigation and footer: a line `<!-- include: partials/header.html -->`
 * becomes that file of demo/partials/ (its own leading comment left out), with the page's link in the
 * navigation marked `aria-current="page"`.
 *
 * `npm start -- --dist` serves the built library instead (`npm run build` first): `/lenig.js` is the
 * drop-in loader of dist/, which fetches each widget's chunk from `/lenig/` when its tag appears — the
 * bytes and requests a real intranet page gets.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import http2 from 'node:http2';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DevServer } from '@web/dev-server-core';
import { BackendError, startBackend } from './backend.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';

/** Used when the project has no tsconfig.json yet; mirrors the decorator settings the library needs. */
const FALLBACK_TSCONFIG = {
  compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, target: 'ES2022' },
};

function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new BackendError(`${name}=${raw} is not a port number (0–65535; 0 picks a free port)`);
  }
  return n;
}

/**
 * Bundles one entry point on request. esbuild's incremental context makes a rebuild after an edit take
 * milliseconds, and the page always gets the current source.
 */
async function createBundler(entry) {
  const esbuild = await import('esbuild');
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const ctx = await esbuild.context({
    entryPoints: { lenig: entry },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    sourcemap: 'linked',
    outdir: path.join(ROOT, '.tmp', 'demo-bundle'), // not written (write: false); names the outputs
    write: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    ...(existsSync(tsconfig) ? { tsconfig } : { tsconfigRaw: FALLBACK_TSCONFIG }),
  });
  return {
    /** @returns {Promise<Map<string, Uint8Array>>} file name → contents */
    async build() {
      const result = await ctx.rebuild();
      return new Map(result.outputFiles.map((f) => [path.basename(f.path), f.contents]));
    },
    dispose: () => ctx.dispose(),
  };
}

/** The dev server's log: quiet, but errors reach the terminal. */
const quietLogger = {
  log() {},
  debug() {},
  group() {},
  groupEnd() {},
  warn: (...m) => process.stderr.write(`${m.join(' ')}\n`),
  error: (...m) => process.stderr.write(`${m.join(' ')}\n`),
  logSyntaxError: (e) => process.stderr.write(`${e.filePath}:${e.line}:${e.column} ${e.message}\n`),
};

/**
 * The demo server: @web/dev-server serving `demoDir`, plus the bundled library and the generated
 * config. `config` may be a function, so the server can listen before the backend it describes is up.
 * Returns a Node HTTP server that is not listening yet. With `tls` (a key and certificate), it speaks HTTP/2
 * over TLS, as intranets and CDNs serve files: every file the page asks for is in flight at once, where
 * HTTP/1.1 fetches six at a time.
 * @param {{ demoDir: string, entry: string, config: object | (() => object | undefined), dist?: string, tls?: { key: string, cert: string } }} options
 */
export async function createDemoServer({ demoDir, entry, config, dist, tls }) {
  let bundler;

  /** Answers with JavaScript (or its source map) that is never cached. */
  const send = (ctx, body, status = 200, type = 'js') => {
    ctx.status = status;
    ctx.type = type;
    ctx.body = body;
  };

  async function library(ctx, name) {
    if (!existsSync(entry)) {
      const message = `${path.relative(ROOT, entry)} does not exist yet, so there is no library to serve.`;
      return send(ctx, `console.error(${JSON.stringify(message)});\n`, 500);
    }
    try {
      bundler ??= await createBundler(entry);
      const body = (await bundler.build()).get(name);
      if (!body) return send(ctx, 'Not found\n', 404, 'text');
      send(ctx, Buffer.from(body), 200, name.endsWith('.map') ? 'json' : 'js');
    } catch (e) {
      // A compile error shows in the browser console (where the developer is looking) and here.
      const message = (e.errors ?? []).map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''} ${m.text}`).join('\n') || e.message;
      process.stderr.write(`lenig.js did not build:\n${message}\n`);
      send(ctx, `console.error(${JSON.stringify(`lenig.js did not build:\n${message}`)});\n`, 500);
    }
  }

  /** A file of the built library (`dist`): the loader at `/lenig.js`, its chunks under `/lenig/`. */
  async function built(ctx) {
    const file = path.resolve(dist, `.${ctx.path}`);
    if (!file.startsWith(path.resolve(dist) + path.sep) || !existsSync(file)) {
      const hint = existsSync(path.join(dist, 'lenig.js')) ? '' : ' (run `npm run build` first)';
      return send(ctx, `console.error(${JSON.stringify(`${ctx.path} is not in the built library${hint}.`)});\n`, 404);
    }
    send(ctx, await readFile(file), 200, file.endsWith('.map') || file.endsWith('.json') ? 'json' : 'js');
  }

  /**
   * A demo page with its shared parts put in: each `<!-- include: partials/NAME.html -->` line becomes
   * that file (only files of demoDir/partials/), and the navigation link to the page itself is marked.
   */
  async function withPartials(body, pagePath) {
    const partials = path.join(demoDir, 'partials');
    const page = path.basename(pagePath) === '' || pagePath.endsWith('/') ? 'index.html' : path.basename(pagePath);
    const parts = await Promise.all(
      [...body.matchAll(/^[ \t]*<!-- include: partials\/([\w-]+\.html) -->[ \t]*$/gm)].map(async ([line, name]) => {
        const text = await readFile(path.join(partials, name), 'utf8').catch(() => `<!-- ${name} is missing from demo/partials/ -->`);
        return [line, text.replace(/^<!--[\s\S]*?-->\n/, '').replace(/\n$/, '')];
      }),
    );
    let out = body;
    for (const [line, text] of parts) out = out.replace(line, () => text);
    const self = page === 'index.html' ? './' : page;
    return out.replace(new RegExp(`(<li><a href="${self.replace('.', '\\.')}")`), '$1 aria-current="page"');
  }

  /** @type {import('koa').Middleware[]} */
  const middleware = [
    async (ctx, next) => {
      // Nothing is cached: an edit in demo/ shows on the next reload.
      ctx.set('cache-control', 'no-store');
      try {
        await next();
      } catch (e) {
        // A refused path (`/../secret`) is the client's mistake: answer it, do not log a stack.
        if (!(e.status >= 400 && e.status < 500)) throw e;
        send(ctx, `${e.status === 404 ? 'Not found' : 'Forbidden'}: ${ctx.path}\n`, e.status, 'text');
      }
    },
    async (ctx, next) => {
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return send(ctx, '', 405, 'text');
      if (ctx.path === '/demo-config.js') {
        const value = typeof config === 'function' ? config() : config;
        if (!value) return send(ctx, 'console.error("The backend is still starting; reload in a moment.");\n', 503);
        return send(
          ctx,
          `// Generated by scripts/start.mjs: where the local backend runs and who can sign in.\n` +
            `window.LENIG_DEMO = ${JSON.stringify(value, null, 2)};\n`,
        );
      }
      if (dist && (ctx.path === '/lenig.js' || ctx.path === '/lenig.js.map' || ctx.path.startsWith('/lenig/'))) return built(ctx);
      if (ctx.path === '/lenig.js' || ctx.path === '/lenig.js.map') return library(ctx, ctx.path.slice(1));
      return next();
    },
  ];

  const dev = new DevServer(
    {
      rootDir: demoDir,
      hostname: HOST,
      port: 0,
      // This process owns the HTTP server (and so its port and its errors): the dev server is its handler.
      middlewareMode: true,
      injectWebSocket: false,
      plugins: [
        {
          name: 'lenig-demo-partials',
          async transform(context) {
            if (context.response.is('html') && typeof context.body === 'string' && context.body.includes('<!-- include: ')) {
              return { body: await withPartials(context.body, context.path) };
            }
            return undefined;
          },
        },
      ],
      middleware,
    },
    quietLogger,
  );
  await dev.start();
  const server = tls ? http2.createSecureServer({ ...tls, allowHTTP1: true }, dev.koaApp.callback()) : http.createServer(dev.koaApp.callback());
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    server,
    async close() {
      await bundler?.dispose();
      for (const s of sockets) s.destroy();
      await Promise.all([dev.stop(), new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))]);
    },
  };
}

function listen(server, port, envName) {
  return new Promise((resolve, reject) => {
    server.once('error', (e) => reject(e.code === 'EADDRINUSE'
      ? new BackendError(`port ${port} is in use — set ${envName} to another port`)
      : e));
    server.listen(port, HOST, () => resolve(server.address().port));
  });
}

async function main() {
  const demoPort = envPort('LENIG_DEMO_PORT', 8080);
  const dbPort = envPort('LENIG_DB_PORT', 9000);
  const authPort = envPort('LENIG_AUTH_PORT', 9099);
  const hubPort = envPort('LENIG_HUB_PORT', 0);
  const loggingPort = envPort('LENIG_LOGGING_PORT', 0);
  const useFirestore = process.argv.includes('--firestore') || process.env.LENIG_DATABASE === 'firestore';
  const firestorePort = envPort('LENIG_FIRESTORE_PORT', 8180);
  const dist = process.argv.includes('--dist') ? path.join(ROOT, 'dist') : undefined;
  if (dist && !existsSync(path.join(dist, 'lenig.js'))) {
    process.stderr.write('npm start -- --dist serves the built library, and dist/lenig.js does not exist yet: run `npm run build` first.\n');
    process.exit(1);
  }

  let backend;
  let demo;
  let stopping;
  const stop = (code) => {
    stopping ??= (async () => {
      await demo?.close().catch(() => {});
      await backend?.stop().catch(() => {});
      process.exit(code);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      // A second Ctrl+C while stopping means "now": the backend's exit hook still ends the emulator.
      if (stopping) process.exit(130);
      void stop(0);
    });
  }

  try {
    let config;
    demo = await createDemoServer({
      demoDir: path.join(ROOT, 'demo'),
      entry: path.join(ROOT, 'src', 'index.ts'),
      config: () => config,
      dist,
    });
    // The demo port first: a taken port is then reported before the slow emulator start.
    const actualDemoPort = await listen(demo.server, demoPort, 'LENIG_DEMO_PORT');
    backend = await startBackend({ dbPort, authPort, hubPort, loggingPort, seed: true, quiet: true, firestore: useFirestore, firestorePort });
    config = {
      database: useFirestore ? 'firestore' : 'realtime',
      ...(backend.firestoreHost ? { firestoreHost: backend.firestoreHost } : {}),
      databaseURL: backend.databaseURL,
      authEmulatorURL: backend.authURL,
      projectId: backend.projectId,
      // Any string works as the API key against the emulator; the SDK only insists that one is set.
      apiKey: 'demo-lenig-key',
      users: backend.users.map(({ uid, email, password, name, jobTitle, department, admin }) =>
        ({ uid, email, password, name, jobTitle, department, admin })),
    };
    const where = backend.firestoreHost ? `Cloud Firestore ${backend.firestoreHost}` : `database ${backend.databaseURL}`;
    const library = dist ? ', the built library from dist/' : '';
    process.stdout.write(`lenig demo: http://${HOST}:${actualDemoPort}/ (${where}, auth ${backend.authURL}${library}; Ctrl+C stops)\n`);
  } catch (e) {
    process.stderr.write(e instanceof BackendError ? `${e.message}\n` : `${e.stack ?? e}\n`);
    await stop(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main();
}
