/**
 * Styles from the host's Fluent theme: only semantic slots and palette roles, so the
 * SharePoint section variants and Teams' default/dark/contrast themes all read well.
 * In forced-colors mode (Windows high contrast) borders and system colours take over.
 */
import { HighContrastSelector, ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { WRAP_ANYWHERE } from '../../../components/wrap';

export interface IDomainCardsClassNames {
  root: string;
  toolbar: string;
  toolbarRow: string;
  yearPicker: string;
  refreshing: string;
  filters: string;
  search: string;
  filterDropdown: string;
  liveRegion: string;
  nav: string;
  navLink: string;
  messages: string;
  cards: string;
  card: string;
  cardHeader: string;
  cardTitle: string;
  cardCounts: string;
  cardActions: string;
  quadrants: string;
  quadrant: string;
  quadrantHeader: string;
  quadrantTitle: string;
  list: string;
  subList: string;
  item: string;
  itemButton: string;
  itemTitle: string;
  newTag: string;
  meta: string;
  nothing: string;
  toggle: string;
  criteriaText: string;
  panelSection: string;
  panelLabel: string;
  panelValue: string;
  panelActions: string;
  richText: string;
}

const focusRing = (theme: ITheme): object => ({
  outline: `2px solid ${theme.semanticColors.focusBorder || theme.palette.neutralSecondary}`,
  outlineOffset: 1
});

export function getClassNames(theme: ITheme): IDomainCardsClassNames {
  const s = theme.semanticColors;
  const p = theme.palette;
  const f = theme.fonts;
  const focus = focusRing(theme);
  return mergeStyleSets({
    // Every text inside wraps (inherited): titles and meta lines of 255 characters without a space included.
    root: [{ color: s.bodyText, fontFamily: f.medium.fontFamily, fontSize: f.medium.fontSize, minWidth: 0 }, WRAP_ANYWHERE],
    toolbar: { display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 16 },
    toolbarRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 8 },
    yearPicker: { minWidth: 120 },
    refreshing: { color: s.bodySubtext, fontSize: f.small.fontSize, alignSelf: 'center' },
    filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 8 },
    search: { minWidth: 200, flex: '1 1 220px', maxWidth: 360 },
    filterDropdown: { minWidth: 140, flex: '1 1 140px', maxWidth: 240 },
    liveRegion: { color: s.bodySubtext, fontSize: f.small.fontSize, minHeight: '1em' },
    nav: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', margin: 0, padding: 0, listStyle: 'none' },
    // At least 24 px high (WCAG 2.2 target size): wrapped on a phone, the links sit in rows close together.
    navLink: { color: s.link, fontSize: f.small.fontSize, display: 'inline-flex', alignItems: 'center', minHeight: 24, padding: '0 2px', selectors: { ':focus-visible': focus } },
    messages: { display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 12 },
    cards: { display: 'flex', flexDirection: 'column', gap: 16 },
    card: {
      background: s.bodyStandoutBackground || s.bodyBackground,
      color: s.bodyText,
      border: `1px solid ${s.bodyDivider}`,
      borderTop: `4px solid ${p.themePrimary}`,
      borderRadius: 4,
      padding: '12px 16px 16px',
      scrollMarginTop: 16,
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText', borderTop: '4px solid CanvasText' } }
    },
    cardHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: 8, marginBottom: 8 },
    cardTitle: { ...f.xLarge, fontWeight: 600, margin: 0, color: s.bodyText, selectors: { ':focus-visible': focus } },
    cardCounts: { margin: '4px 0 0', color: s.bodySubtext, fontSize: f.small.fontSize },
    cardActions: { display: 'flex', flexWrap: 'wrap', gap: 8 },
    // 1 column on a phone-sized card, 2 quadrants per row when the card is wide enough.
    quadrants: {
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, max(280px, calc(50% - 8px))), 1fr))',
      gap: 16
    },
    quadrant: {
      minWidth: 0,
      borderTop: `2px solid ${s.bodyDivider}`,
      paddingTop: 8,
      selectors: { [HighContrastSelector]: { borderTop: '2px solid CanvasText' } }
    },
    quadrantHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 4 },
    quadrantTitle: { ...f.mediumPlus, fontWeight: 600, margin: '0 0 4px', color: s.bodyText },
    list: { margin: 0, padding: 0, listStyle: 'none' },
    subList: { margin: '0 0 4px 28px', padding: 0, listStyle: 'disc', fontSize: f.small.fontSize, color: s.bodySubtext },
    item: { margin: '2px 0' },
    itemButton: {
      display: 'flex',
      alignItems: 'baseline',
      flexWrap: 'wrap',
      gap: 6,
      width: '100%',
      textAlign: 'left',
      background: 'transparent',
      border: '1px solid transparent',
      borderRadius: 2,
      padding: '3px 4px',
      color: s.bodyText,
      font: 'inherit',
      cursor: 'pointer',
      selectors: {
        ':hover': { background: s.listItemBackgroundHovered, color: s.bodyText },
        ':focus-visible': focus,
        '::before': { content: '"•"', color: p.themePrimary, marginRight: 2 },
        [HighContrastSelector]: { selectors: { ':hover': { border: '1px solid Highlight' } } }
      }
    },
    // Basis 0: a long title wraps in place instead of dropping below the bullet.
    itemTitle: { flex: '1 1 0%', minWidth: 0, overflowWrap: 'anywhere' },
    // "Nieuw" is a text label with a border: never colour alone.
    newTag: {
      flex: '0 0 auto',
      fontSize: f.small.fontSize,
      fontWeight: 600,
      lineHeight: '16px',
      padding: '0 6px',
      borderRadius: 2,
      border: `1px solid ${p.themePrimary}`,
      background: p.themeLighter,
      color: p.themeDarker,
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText', background: 'Canvas', color: 'CanvasText' } }
    },
    meta: { display: 'block', width: '100%', paddingLeft: 12, fontSize: f.small.fontSize, color: s.bodySubtext },
    nothing: { margin: '4px 0', fontStyle: 'italic', color: s.bodySubtext },
    toggle: {
      background: 'transparent',
      border: 'none',
      padding: '4px',
      margin: '4px 0',
      // The theme's link colour is only 4.3:1 on the card background of SharePoint's default theme.
      color: s.linkHovered,
      font: 'inherit',
      cursor: 'pointer',
      selectors: { ':hover': { textDecoration: 'underline', color: s.linkHovered }, ':focus-visible': focus, [HighContrastSelector]: { color: 'LinkText' } }
    },
    criteriaText: { marginTop: 8, fontSize: f.small.fontSize },
    panelSection: { margin: '16px 0 0' },
    panelLabel: { display: 'block', fontWeight: 600, marginBottom: 2 },
    panelValue: { margin: 0 },
    panelActions: { display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 16 },
    richText: { overflowWrap: 'anywhere', selectors: { a: { color: s.link }, 'p:first-child': { marginTop: 0 } } }
  });
}
