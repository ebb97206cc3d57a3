/**
 * A page's Content-Security-Policy may leave the Firebase hosts out of `connect-src`. The browser then
 * refuses the connection and the SDK only ever looks offline. The browser does tell the page, through a
 * `securitypolicyviolation` event: this module listens for the hosts lenig talks to, so widgets can say
 * that the page's policy blocks the connection, and to which host, instead of "You are offline".
 */

export interface CspBlock {
  /** The host the policy refused (with its port if it has one), e.g. `acme-default-rtdb.europe-west1.firebasedatabase.app`. */
  host: string;
  /** The directive that refused it, e.g. `connect-src`. */
  directive: string;
}

interface CspRegistry {
  blocked: CspBlock | undefined;
  hosts: Set<string>;
  listeners: Set<(block: CspBlock | undefined) => void>;
  listening: boolean;
}

/** Hosts every Firebase project uses: the database, Auth and its token service. */
const FIREBASE_HOSTS = /(^|\.)(firebaseio\.com|firebasedatabase\.app|identitytoolkit\.googleapis\.com|securetoken\.googleapis\.com)$/;

/** One registry per page (two copies of lenig share it), like the page configuration. */
const registry: CspRegistry = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.csp')] ??= {
  blocked: undefined,
  hosts: new Set<string>(),
  listeners: new Set(),
  listening: false,
}) as CspRegistry;

/** The first connection the page's policy refused, if any. */
export function cspBlock(): CspBlock | undefined {
  return registry.blocked;
}

/** Calls back now and whenever the page's policy is found to block a lenig connection. */
export function watchCspBlock(cb: (block: CspBlock | undefined) => void): () => void {
  registry.listeners.add(cb);
  cb(registry.blocked);
  return () => registry.listeners.delete(cb);
}

/** The host name and the host (with its port) of a URL string; undefined for `inline`, `eval` …. */
function hostOf(url: string | undefined): { name: string; host: string } | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.hostname ? { name: u.hostname, host: u.host } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts listening (once per page) for policy violations against `urls` (the configured database, Auth
 * emulator or token endpoint) and the Firebase hosts.
 */
export function watchForCspBlocks(urls: (string | undefined)[], doc: Document = document): void {
  for (const url of urls) {
    const host = hostOf(url);
    if (host) registry.hosts.add(host.name);
  }
  if (registry.listening) return;
  registry.listening = true;
  doc.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const blocked = hostOf(e.blockedURI);
      if (!blocked || registry.blocked || !(registry.hosts.has(blocked.name) || FIREBASE_HOSTS.test(blocked.name))) return;
      const host = blocked.host;
      const block = { host, directive: e.effectiveDirective || e.violatedDirective };
      registry.blocked = block;
      console.error(
        `lenig: the page's Content-Security-Policy (${block.directive}) blocks the connection to ${host}; ` +
          `allow ${host} in ${block.directive} (see README, "Content security policy").`,
      );
      for (const listener of [...registry.listeners]) listener(block);
    },
    true,
  );
}
