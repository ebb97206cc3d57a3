/**
 * The SharePoint theme as lenig's public tokens. SharePoint hands each web part its section's theme
 * (a section may have a strong or neutral background), so the widget matches where it stands.
 */
import type { IReadonlyTheme } from '@microsoft/sp-component-base';

export function themeTokens(theme: IReadonlyTheme): Record<string, string | undefined> {
  const c = theme.semanticColors ?? {};
  const p = theme.palette ?? {};
  return {
    '--lenig-color-text': c.bodyText,
    '--lenig-color-text-quiet': c.bodySubtext,
    '--lenig-color-surface': c.bodyBackground,
    '--lenig-color-surface-raised': c.bodyStandoutBackground ?? c.bodyBackground,
    '--lenig-color-border': c.bodyDivider ?? c.inputBorder,
    '--lenig-color-accent': c.primaryButtonBackground ?? p.themePrimary,
    '--lenig-color-on-accent': c.primaryButtonText ?? p.white,
    '--lenig-color-danger': c.errorText,
  };
}
