/**
 * Reads spfx/sharepoint/solution/lenig.sppkg (an Open Packaging zip) as SharePoint's app catalog does:
 * the app manifest, one component manifest per web part, and the client-side assets it carries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export const SPPKG = new URL('../../spfx/sharepoint/solution/lenig.sppkg', import.meta.url);

export interface ComponentManifest {
  id: string;
  alias: string;
  componentType: string;
  version: string;
  supportedHosts: string[];
  supportsThemeVariants?: boolean;
  preconfiguredEntries: { title: Record<string, string>; properties: Record<string, unknown> }[];
  loaderConfig: { entryModuleId: string; exportName: string; scriptResources: Record<string, { type: string; path?: string }> };
}

export interface Package {
  files: Record<string, Uint8Array>;
  appManifest: string;
  components: ComponentManifest[];
  /** Client-side assets by file name. */
  assets: Record<string, Uint8Array>;
}

const unescapeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function packageBuilt(): boolean {
  return existsSync(SPPKG);
}

export function readPackage(): Package {
  const files = unzipSync(new Uint8Array(readFileSync(SPPKG)));
  const text = (name: string) => strFromU8(files[name]!);
  const components = Object.keys(files)
    .filter((f) => /\/WebPart_[0-9a-f-]+\.xml$/.test(f))
    .map((f) => {
      const m = /ComponentManifest="([^"]*)"/.exec(text(f));
      if (!m) throw new Error(`${f} has no ComponentManifest`);
      return JSON.parse(unescapeXml(m[1]!)) as ComponentManifest;
    });
  const assets = Object.fromEntries(
    Object.entries(files)
      .filter(([f]) => f.startsWith('ClientSideAssets/') && !f.endsWith('/'))
      .map(([f, bytes]) => [f.slice('ClientSideAssets/'.length), bytes]),
  );
  return { files, appManifest: text('AppManifest.xml'), components, assets };
}
