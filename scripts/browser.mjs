// Finds a Chromium-family browser for the tests, the way developers expect one to be found:
//   1. CHROME_PATH, when set;
//   2. an installed Chrome, Chromium or Edge (chrome-launcher's lookup, the PATH, the usual folders);
//   3. a headless Chrome already fetched into the user's cache (Puppeteer's cache, ~/.cache/puppeteer);
//   4. that headless Chrome fetched now with @puppeteer/browsers, announced in one line;
//   5. as root on Debian/Ubuntu, the distribution's chromium through apt-get, announced in one line.
// When every way fails, `findBrowser` throws a BrowserNotFound whose message is one line saying what to
// install. scripts/test.mjs calls it and hands the path to every test as CHROME_PATH.
//
// Where it looks can be pointed elsewhere, which is how its own test makes every way fail:
//   LENIG_BROWSER_DIRS      folders (path-delimited) to search instead of PATH and the usual install places
//   LENIG_BROWSER_CACHE     the download cache (default $PUPPETEER_CACHE_DIR or ~/.cache/puppeteer)
//   LENIG_BROWSER_BASE_URL  where to download from (default: Chrome for Testing)
//   LENIG_APT_GET           the apt-get command to run (default apt-get)
//   LENIG_BROWSER_DOWNLOAD=0 / LENIG_BROWSER_APT=0 skip those ways
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const require = createRequire(import.meta.url);

export class BrowserNotFound extends Error {
  name = 'BrowserNotFound';
}

/** What to tell a person who has none of the ways above. */
export const INSTALL_HINT =
  'install Google Chrome or Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask google-chrome; ' +
  'Windows: winget install Google.Chrome), or set CHROME_PATH to a Chrome, Chromium or Edge executable';

/** The Chrome build Puppeteer (in node_modules, through @web/test-runner-chrome) is made for. */
export const HEADLESS_BUILD = '156.0.8078.47';

const NAMES = [
  'google-chrome-stable',
  'google-chrome',
  'chromium',
  'chromium-browser',
  'microsoft-edge-stable',
  'microsoft-edge',
  'chrome',
  'chrome.exe',
  'msedge.exe',
];

function usualFolders(env, platform) {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS',
      '/Applications/Chromium.app/Contents/MacOS',
      '/Applications/Microsoft Edge.app/Contents/MacOS',
      join(homedir(), 'Applications/Google Chrome.app/Contents/MacOS'),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((r) => [join(r, 'Google/Chrome/Application'), join(r, 'Chromium/Application'), join(r, 'Microsoft/Edge/Application')]);
  }
  return ['/usr/bin', '/usr/local/bin', '/snap/bin', '/opt/google/chrome', '/opt/microsoft/msedge', '/usr/lib/chromium'];
}

const macNames = ['Google Chrome', 'Chromium', 'Microsoft Edge'];

function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An installed browser in `folders`, or null. */
function searchFolders(folders) {
  for (const dir of folders) {
    for (const name of [...NAMES, ...macNames]) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** chrome-launcher knows the registry and LaunchServices places; it does not know Edge. */
function chromeLauncherInstallations() {
  try {
    const { Launcher } = require('chrome-launcher');
    return Launcher.getInstallations().filter(isExecutable);
  } catch {
    return [];
  }
}

function cacheDirOf(env) {
  return env.LENIG_BROWSER_CACHE || env.PUPPETEER_CACHE_DIR || join(homedir(), '.cache', 'puppeteer');
}

async function fromCache(browsers, cacheDir) {
  if (!existsSync(cacheDir)) return null;
  const installed = await browsers.getInstalledBrowsers({ cacheDir }).catch(() => []);
  const usable = installed
    .filter((b) => b.browser === browsers.Browser.CHROMEHEADLESSSHELL || b.browser === browsers.Browser.CHROME)
    .map((b) => b.executablePath)
    .filter(isExecutable);
  return usable[0] ?? null;
}

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms).unref())]);

/** First line of an error, without the stack: what a person reads. */
const reason = (e) => String(e?.message ?? e).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '))
  .filter((l) => !/^All providers failed/.test(l)).join(' ').replace(/^- \w+: /, '').slice(0, 160);

function runQuiet(cmd, args, env) {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const last = `${stderr}\n${stdout}`.trim().split('\n').filter(Boolean).pop() ?? '';
      resolve(error ? { ok: false, detail: last || error.message } : { ok: true });
    });
  });
}

/**
 * The path of a browser to test in. `say` receives the one-line announcements (a download, an install).
 * Throws BrowserNotFound (one line) when there is none and none could be had.
 */
export async function findBrowser({ env = process.env, platform = process.platform, say = console.log } = {}) {
  if (env.CHROME_PATH) {
    if (isExecutable(env.CHROME_PATH)) return { path: env.CHROME_PATH, source: 'CHROME_PATH' };
    throw new BrowserNotFound(`CHROME_PATH is ${env.CHROME_PATH}, which is not an executable file: fix it or unset it, or ${INSTALL_HINT}.`);
  }
  const custom = env.LENIG_BROWSER_DIRS !== undefined;
  const installed = () =>
    custom
      ? searchFolders(env.LENIG_BROWSER_DIRS.split(delimiter).filter(Boolean))
      : (chromeLauncherInstallations()[0] ?? searchFolders([...(env.PATH ?? '').split(delimiter).filter(Boolean), ...usualFolders(env, platform)]));

  const found = installed();
  if (found) return { path: found, source: 'installed' };

  const tried = [];
  let browsers;
  try {
    browsers = await import('@puppeteer/browsers');
  } catch (e) {
    tried.push(`@puppeteer/browsers could not load (${reason(e)})`);
  }
  const cacheDir = cacheDirOf(env);
  if (browsers) {
    const cached = await fromCache(browsers, cacheDir);
    if (cached) return { path: cached, source: 'cache' };
  }

  if (browsers && env.LENIG_BROWSER_DOWNLOAD !== '0') {
    const options = {
      browser: browsers.Browser.CHROMEHEADLESSSHELL,
      buildId: HEADLESS_BUILD,
      cacheDir,
      ...(env.LENIG_BROWSER_BASE_URL ? { baseUrl: env.LENIG_BROWSER_BASE_URL } : {}),
    };
    say(`No Chrome, Chromium or Edge installed: downloading Chrome Headless Shell ${HEADLESS_BUILD} into ${cacheDir} (once, about 100 MB)…`);
    try {
      const installedBrowser = await withTimeout(browsers.install(options), 10 * 60_000, 'the download');
      if (isExecutable(installedBrowser.executablePath)) return { path: installedBrowser.executablePath, source: 'download' };
      tried.push('the downloaded browser is not executable');
    } catch (e) {
      tried.push(`download failed (${reason(e)})`);
    }
  }

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = env.LENIG_APT_GET || 'apt-get';
  if (platform === 'linux' && env.LENIG_BROWSER_APT !== '0' && (env.LENIG_APT_GET || existsSync('/etc/debian_version'))) {
    if (!isRoot) {
      tried.push('apt-get needs root');
    } else {
      say(`Installing the distribution's chromium with ${aptGet} (${tried.at(-1) ?? 'no download'})…`);
      const update = await runQuiet(aptGet, ['update', '-qq'], env);
      const result = update.ok ? await runQuiet(aptGet, ['install', '-y', '-qq', 'chromium'], env) : update;
      if (result.ok) {
        const after = installed();
        if (after) return { path: after, source: 'apt-get' };
        tried.push(`${aptGet} install chromium left no chromium where the tests look`);
      } else {
        tried.push(`${aptGet} failed (${reason(result.detail)})`);
      }
    }
  }

  throw new BrowserNotFound(`No browser for the tests (${['no Chrome, Chromium or Edge installed', ...tried].join('; ')}): ${INSTALL_HINT}.`);
}
