/**
 * The SharePoint package as an admin uploads it: `npm run build:spfx` makes spfx/sharepoint/solution/
 * lenig.sppkg. Its manifests must keep the ids SharePoint knows the web parts by (a changed id orphans
 * every web part already on a page), carry the version, serve SharePoint pages and Teams, ask for the
 * API permission the silent sign-in needs, and hold exactly one web part per lenig widget.
 *
 * Without the package (the SPFx toolchain is a separate ≈800 MB install) the tests are skipped, except
 * in CI, which builds it first (.ci/run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { packageBuilt, readPackage } from './sppkg.js';

/** The ids pages refer to. Never change one: SharePoint would no longer find that web part. */
const WEB_PARTS: Record<string, { id: string; tag: string }> = {
  FeedWebPart: { id: 'ab385973-91e3-4088-901e-693e89428d4e', tag: 'lenig-feed' },
  ComposerWebPart: { id: 'f7964968-22b2-4f36-897e-15fc385ec9f9', tag: 'lenig-composer' },
  LikeButtonWebPart: { id: '8a5d9b36-5b11-4692-a4e2-79e66184f6da', tag: 'lenig-like-button' },
  IdeaBoardWebPart: { id: '030b18ea-759d-4423-90aa-87199d9e44e1', tag: 'lenig-idea-board' },
  InsightsWebPart: { id: '50c4c526-c8bd-44b6-ac36-d02f743291fe', tag: 'lenig-insights' },
  NotificationsWebPart: { id: '22cf5e67-1911-4752-94e8-4357caef894f', tag: 'lenig-notifications' },
  AdminWebPart: { id: '412d1b6f-a328-4640-974c-aa596a02bffa', tag: 'lenig-admin' },
};
const SOLUTION_ID = 'af47a85a-76c7-40b0-a883-41e174976d1d';

const skip = packageBuilt() ? false : process.env['CI'] ? false : 'spfx/sharepoint/solution/lenig.sppkg is not built (npm run build:spfx)';

test('the app manifest: stable solution id, the package version, the API permission for the silent sign-in', { skip }, () => {
  const { appManifest } = readPackage();
  const solution = JSON.parse(readFileSync(new URL('../../spfx/config/package-solution.json', import.meta.url), 'utf8')) as {
    solution: { version: string };
  };
  const spfxVersion = (JSON.parse(readFileSync(new URL('../../spfx/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  assert.match(appManifest, new RegExp(`ProductID="${SOLUTION_ID}"`));
  assert.match(appManifest, new RegExp(`Version="${solution.solution.version.replace(/\./g, '\\.')}"`));
  assert.equal(solution.solution.version, `${spfxVersion}.0`, 'package-solution.json and spfx/package.json agree on the version');
  // Offered to every site at once ("make this solution available to all sites").
  assert.match(appManifest, /SkipFeatureDeployment="true"/);
  assert.match(appManifest, /<WebApiPermissionRequest ResourceId="lenig" Scope="user_impersonation">/);
});

test('one web part per widget, each with its stable id, the version, and SharePoint + Teams as hosts', { skip }, () => {
  const { components } = readPackage();
  const spfxVersion = (JSON.parse(readFileSync(new URL('../../spfx/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  assert.deepEqual(components.map((c) => c.alias).sort(), Object.keys(WEB_PARTS).sort());
  for (const c of components) {
    const expected = WEB_PARTS[c.alias]!;
    assert.equal(c.id, expected.id, `${c.alias} keeps its id`);
    assert.equal(c.componentType, 'WebPart');
    assert.equal(c.version, spfxVersion);
    assert.deepEqual([...c.supportedHosts].sort(), ['SharePointWebPart', 'TeamsPersonalApp', 'TeamsTab']);
    assert.equal(c.supportsThemeVariants, true, `${c.alias} follows the section's theme`);
    const entry = c.preconfiguredEntries[0]!;
    assert.ok(entry.title['default'] && entry.title['nl-NL'], `${c.alias} has an English and a Dutch title`);
    assert.equal(entry.properties['language'], 'page');
  }
});

test('all web parts share one bundle, carried in the package, holding lenig once', { skip }, () => {
  const { components, assets } = readPackage();
  const paths = new Set(components.map((c) => c.loaderConfig.scriptResources[c.loaderConfig.entryModuleId]?.path));
  assert.equal(paths.size, 1, 'one bundle for every web part: a page with three web parts loads lenig once');
  const [path] = [...paths];
  const js = assets[path!];
  assert.ok(js, `the package carries ${path} (includeClientSideAssets)`);
  const text = Buffer.from(js).toString('utf8');
  for (const { tag } of Object.values(WEB_PARTS)) assert.ok(text.includes(`"${tag}"`), `the bundle creates <${tag}>`);
  // One copy of Lit: each copy registers its version once.
  assert.equal(text.split('litHtmlVersions').length - 1, 1, 'one copy of lit-html');
  assert.equal(text.split('litElementVersions').length - 1, 1, 'one copy of LitElement');
});
