export class BrowserNotFound extends Error {}
export const INSTALL_HINT: string;
export const HEADLESS_BUILD: string;
export interface FoundBrowser {
  path: string;
  source: 'CHROME_PATH' | 'installed' | 'cache' | 'download' | 'apt-get';
}
export function findBrowser(options?: {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  say?: (line: string) => void;
}): Promise<FoundBrowser>;
