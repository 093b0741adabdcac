import { createTheme, ITheme } from '@fluentui/react/lib/Styling';

export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** Teams' theme names as the Teams SDK reports them ('default', 'dark', 'contrast'). */
export function normaliseTeamsTheme(name: string | undefined): TeamsThemeName {
  return name === 'dark' || name === 'contrast' ? name : 'default';
}

/**
 * Fluent themes matching Teams' three themes, so the cards look native in a tab.
 * Colours follow the Teams palettes; the contrast theme uses Windows high-contrast
 * style colours (yellow accents and focus on black).
 */
export function teamsTheme(name: TeamsThemeName): ITheme {
  if (name === 'dark') {
    return createTheme({
      isInverted: true,
      palette: {
        themePrimary: '#7f85f5',
        themeLighterAlt: '#050509',
        themeLighter: '#141527',
        themeLight: '#262849',
        themeTertiary: '#4c4f92',
        themeSecondary: '#7075d6',
        themeDarkAlt: '#8c91f6',
        themeDark: '#9fa3f7',
        themeDarker: '#babdf9',
        neutralLighterAlt: '#262626',
        neutralLighter: '#2e2e2e',
        neutralLight: '#3b3b3b',
        neutralQuaternaryAlt: '#444444',
        neutralQuaternary: '#4b4b4b',
        neutralTertiaryAlt: '#6a6a6a',
        neutralTertiary: '#c8c8c8',
        neutralSecondary: '#d0d0d0',
        neutralPrimaryAlt: '#dadada',
        neutralPrimary: '#ffffff',
        neutralDark: '#f4f4f4',
        black: '#f8f8f8',
        white: '#1f1f1f'
      }
    });
  }
  if (name === 'contrast') {
    return createTheme({
      isInverted: true,
      palette: {
        themePrimary: '#ffff01',
        themeLighterAlt: '#000000',
        themeLighter: '#1a1a00',
        themeLight: '#333300',
        themeTertiary: '#999900',
        themeSecondary: '#e6e600',
        themeDarkAlt: '#ffff33',
        themeDark: '#ffff66',
        themeDarker: '#ffff99',
        neutralLighterAlt: '#000000',
        neutralLighter: '#0a0a0a',
        neutralLight: '#1a1a1a',
        neutralQuaternaryAlt: '#262626',
        neutralQuaternary: '#ffffff',
        neutralTertiaryAlt: '#ffffff',
        neutralTertiary: '#ffffff',
        neutralSecondary: '#ffffff',
        neutralPrimaryAlt: '#ffffff',
        neutralPrimary: '#ffffff',
        neutralDark: '#ffffff',
        black: '#ffffff',
        white: '#000000'
      },
      semanticColors: {
        bodyBackground: '#000000',
        bodyText: '#ffffff',
        link: '#ffff01',
        linkHovered: '#1aebff',
        focusBorder: '#1aebff',
        inputBorder: '#ffffff',
        buttonBorder: '#ffffff',
        bodyDivider: '#ffffff',
        cardStandoutBackground: '#000000'
      }
    });
  }
  return createTheme({
    palette: {
      themePrimary: '#6264a7',
      themeLighterAlt: '#f7f7fb',
      themeLighter: '#e1e1f1',
      themeLight: '#c8c9e4',
      themeTertiary: '#989ac9',
      themeSecondary: '#7173b0',
      themeDarkAlt: '#585a95',
      themeDark: '#4a4c7e',
      themeDarker: '#37385d',
      neutralPrimary: '#242424',
      neutralSecondary: '#424242',
      neutralTertiary: '#616161',
      white: '#ffffff',
      neutralLighterAlt: '#f5f5f5'
    }
  });
}
