/**
 * Console messages for the people who put lenig on a page: said once per distinct message, whichever
 * element or copy of lenig says it, and always with one `lenig:` prefix (a message that already starts
 * with it, such as a store error's text, does not get a second).
 */
const said: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('lenig.warned')] ??= new Set<string>()) as Set<string>;

const PREFIX = 'lenig: ';

/** `message` with exactly one `lenig: ` in front. */
export function prefixed(message: string): string {
  let text = message;
  while (text.startsWith(PREFIX)) text = text.slice(PREFIX.length);
  return PREFIX + text;
}

/**
 * Warns once for `key` (default: the message itself): a wrong attribute read on every render must
 * not flood the console. Returns true when it warned now.
 */
export function warnOnce(message: string, key: string = message): boolean {
  return once('warn', message, key);
}

/** As `warnOnce`, as an error: for what keeps a widget from working at all. */
export function errorOnce(message: string, key: string = message): boolean {
  return once('error', message, key);
}

/** An error said every time (a failure that happened again is news). */
export function logError(message: string): void {
  console.error(prefixed(message));
}

function once(level: 'warn' | 'error', message: string, key: string): boolean {
  const k = `${level}:${key}`;
  if (said.has(k)) return false;
  said.add(k);
  console[level](prefixed(message));
  return true;
}
