// Types for scripts/start.mjs (`npm start`).
import type { Server } from 'node:http';

export interface DemoServerOptions {
  /** Served at `/`. */
  demoDir: string;
  /** Bundled to `/lenig.js` on request. */
  entry: string;
  /** Written to `/demo-config.js` as `window.LENIG_DEMO`; a function may return undefined until known. */
  config: object | (() => object | undefined);
  /** A built library (dist/): `/lenig.js` and `/lenig/…` are served from it instead of bundling `entry`. */
  dist?: string;
}

export function createDemoServer(options: DemoServerOptions): Promise<{ server: Server; close(): Promise<void> }>;
