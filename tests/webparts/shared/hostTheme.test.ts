/** The host layer's theme following: Teams (tab, personal app, live theme changes) vs a SharePoint page (theme variants). */
// SPFx's runtime packages need the SharePoint page; the theme provider's key is all hostTheme takes from them.
jest.mock('@microsoft/sp-component-base', () => ({ ThemeProvider: { serviceKey: 'ThemeProvider' } }));
jest.mock('@microsoft/sp-webpart-base', () => ({}));

import { followHostTheme } from '../../../src/webparts/shared/hostTheme';
import { teamsTheme } from '../../../src/webparts/shared/teamsThemes';

type Handler = (arg: unknown) => void;

function teamsWebPart(ctx: Record<string, unknown>): { webPart: never; changeTheme: (name: string) => void } {
  let onTheme: Handler = () => undefined;
  const teamsJs = {
    app: {
      getContext: () => Promise.resolve(ctx),
      registerOnThemeChangeHandler: (h: Handler) => { onTheme = h; }
    }
  };
  const webPart = { context: { sdks: { microsoftTeams: { teamsJs } } } };
  return { webPart: webPart as never, changeTheme: (name) => onTheme(name) };
}

function pageWebPart(palette: Record<string, string> | undefined): { webPart: never; fire: (p: Record<string, string>) => void; removed: () => boolean } {
  let handler: Handler | undefined;
  let removed = false;
  const provider = {
    tryGetTheme: () => (palette ? { palette, semanticColors: {} } : undefined),
    themeChangedEvent: {
      add: (_owner: unknown, h: Handler) => { handler = h; },
      remove: () => { removed = true; }
    }
  };
  const webPart = { context: { sdks: {}, serviceScope: { consume: () => provider } } };
  return {
    webPart: webPart as never,
    fire: (p) => handler && handler({ theme: { palette: p, semanticColors: {} } }),
    removed: () => removed
  };
}

describe('followHostTheme', () => {
  it('in a Teams channel tab: the Teams theme, the deep link, live changes to dark', async () => {
    const { webPart, changeTheme } = teamsWebPart({ app: { theme: 'default' }, page: { subPageId: 'ict' }, team: {}, channel: {} });
    const seen: unknown[] = [];
    const host = await followHostTheme(webPart, (t) => seen.push(t));
    expect(host.isTeams).toBe(true);
    expect(host.subEntityId).toBe('ict');
    expect(host.isPersonal).toBe(false);
    changeTheme('dark');
    expect(seen).toEqual([teamsTheme('default'), teamsTheme('dark')]);
  });

  it('as a Teams personal app (no team, channel or chat): personal', async () => {
    const { webPart } = teamsWebPart({ app: { theme: 'contrast' }, page: {} });
    const host = await followHostTheme(webPart, () => undefined);
    expect(host.isPersonal).toBe(true);
    expect(host.subEntityId).toBeUndefined();
  });

  it('on a SharePoint page: the section variant, its changes, and no handler left after dispose', async () => {
    const { webPart, fire, removed } = pageWebPart({ themePrimary: '#0078d4' });
    const seen: Array<{ palette: { themePrimary: string } } | undefined> = [];
    const host = await followHostTheme(webPart, (t) => seen.push(t as never));
    expect(host.isTeams).toBe(false);
    fire({ themePrimary: '#a4262c' });
    expect(seen.map((t) => t && t.palette.themePrimary)).toEqual(['#0078d4', '#a4262c']);
    host.dispose();
    expect(removed()).toBe(true);
  });

  it('on a page without a theme: no theme (Fluent defaults)', async () => {
    const { webPart } = pageWebPart(undefined);
    const seen: unknown[] = [];
    await followHostTheme(webPart, (t) => seen.push(t));
    expect(seen).toEqual([undefined]);
  });
});
