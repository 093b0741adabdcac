import { createTheme, ITheme } from '@fluentui/react/lib/Styling';
import { IReadonlyTheme, ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { normaliseTeamsTheme, teamsTheme } from './teamsThemes';

/** SharePoint's theme (incl. section background variants) as a Fluent theme. */
export function fluentFromSharePoint(theme: IReadonlyTheme | undefined): ITheme | undefined {
  if (!theme || !theme.palette) return undefined;
  return createTheme({
    palette: theme.palette as ITheme['palette'],
    semanticColors: theme.semanticColors as ITheme['semanticColors'],
    isInverted: !!theme.isInverted
  });
}

export interface IHostInfo {
  isTeams: boolean;
  /** Teams deep link sub entity (a domain key), if any. */
  subEntityId?: string;
  /** Teams personal app (no team, channel or chat): its first screen may differ. */
  isPersonal?: boolean;
}

/**
 * Follows the host's theme: Teams (default/dark/contrast, live changes) when the web
 * part runs as a tab, else SharePoint theme variants (section backgrounds).
 * Calls onChange with the new theme; returns host facts and a disposer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function followHostTheme(webPart: BaseClientSideWebPart<any>, onChange: (theme: ITheme | undefined) => void): Promise<IHostInfo & { dispose: () => void }> {
  const teams = webPart.context.sdks.microsoftTeams;
  if (teams) {
    const ctx = await teams.teamsJs.app.getContext();
    onChange(teamsTheme(normaliseTeamsTheme(ctx.app.theme)));
    teams.teamsJs.app.registerOnThemeChangeHandler((name: string) => onChange(teamsTheme(normaliseTeamsTheme(name))));
    return {
      isTeams: true,
      subEntityId: ctx.page && ctx.page.subPageId ? ctx.page.subPageId : undefined,
      isPersonal: !ctx.team && !ctx.channel && !ctx.chat,
      dispose: () => undefined
    };
  }
  const provider = webPart.context.serviceScope.consume(ThemeProvider.serviceKey);
  onChange(fluentFromSharePoint(provider.tryGetTheme()));
  const handler = (args: ThemeChangedEventArgs): void => onChange(fluentFromSharePoint(args.theme));
  provider.themeChangedEvent.add(webPart, handler);
  return { isTeams: false, dispose: () => provider.themeChangedEvent.remove(webPart, handler) };
}
