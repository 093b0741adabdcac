import { HighContrastSelector, ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { WRAP_ANYWHERE } from '../../../components/wrap';

export type MaturityClassNames = { [K in
  | 'root' | 'header' | 'headerRow' | 'meta' | 'steps' | 'step' | 'stepCurrent' | 'toolbar' | 'messages' | 'live' | 'group' | 'groupTitle'
  | 'unit' | 'unitTitle' | 'unitCode' | 'row' | 'muted' | 'progress' | 'tag' | 'table' | 'numeric' | 'chart' | 'legend' | 'legendItem'
  | 'swatch' | 'swatchPrev' | 'actions' | 'form' | 'saveBar' | 'tableWrap' | 'swatchTarget']: string };

export function getClassNames(theme: ITheme): MaturityClassNames {
  const s = theme.semanticColors;
  const p = theme.palette;
  const f = theme.fonts;
  const cell = { borderBottom: `1px solid ${s.bodyDivider}`, padding: '4px 8px', textAlign: 'left' as const, verticalAlign: 'top' as const };
  return mergeStyleSets({
    // Every text inside wraps (inherited): theme titles and 10,000-character comments included.
    root: [{ color: s.bodyText, fontFamily: f.medium.fontFamily, fontSize: f.medium.fontSize, minWidth: 0 }, WRAP_ANYWHERE],
    header: { margin: '0 0 8px' },
    headerRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12 },
    meta: { margin: '4px 0', color: s.bodySubtext, fontSize: f.small.fontSize },
    steps: { display: 'flex', flexWrap: 'wrap', gap: 4, listStyle: 'none', padding: 0, margin: '8px 0' },
    step: {
      padding: '2px 8px',
      border: `1px solid ${s.bodyDivider}`,
      borderRadius: 12,
      fontSize: f.small.fontSize,
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText' } }
    },
    stepCurrent: { fontWeight: 600, borderColor: p.themePrimary, borderWidth: 2, selectors: { [HighContrastSelector]: { border: '2px solid Highlight' } } },
    toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '8px 0' },
    messages: { display: 'flex', flexDirection: 'column', gap: 8, margin: '8px 0' },
    live: { color: s.bodySubtext, fontSize: f.small.fontSize, minHeight: '1em', margin: '4px 0' },
    group: { margin: '16px 0' },
    groupTitle: { ...f.large, fontWeight: 600, margin: '0 0 8px', color: s.bodyText },
    unit: {
      border: `1px solid ${s.bodyDivider}`,
      borderLeft: `4px solid ${p.themePrimary}`,
      borderRadius: 4,
      padding: '8px 12px',
      margin: '0 0 8px',
      background: s.bodyStandoutBackground || s.bodyBackground,
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText', borderLeft: '4px solid CanvasText' } }
    },
    unitTitle: { ...f.mediumPlus, fontWeight: 600, margin: '0 0 4px', color: s.bodyText },
    unitCode: { marginRight: 8 },
    row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12 },
    muted: { color: s.bodySubtext, fontStyle: 'italic' },
    progress: { margin: '4px 0 12px', paddingLeft: 20 },
    tag: {
      display: 'inline-block',
      padding: '0 6px',
      borderRadius: 2,
      border: `1px solid ${s.errorText}`,
      color: s.bodyText,
      fontSize: f.small.fontSize,
      fontWeight: 600,
      marginLeft: 8,
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText' } }
    },
    table: {
      borderCollapse: 'collapse',
      margin: '8px 0',
      minWidth: 'min(280px, 100%)',
      // Never wider than its room: cells wrap (root) instead of widening the table.
      maxWidth: '100%',
      selectors: { th: { ...cell, fontWeight: 600 }, td: cell, caption: { textAlign: 'left', fontWeight: 600, padding: '4px 0' } }
    },
    numeric: { textAlign: 'right !important' as 'right', fontVariantNumeric: 'tabular-nums' },
    chart: { maxWidth: 640, width: '100%', height: 'auto', display: 'block', margin: '8px 0' },
    legend: { display: 'flex', gap: 16, flexWrap: 'wrap', listStyle: 'none', padding: 0, margin: '4px 0', fontSize: f.small.fontSize },
    legendItem: { display: 'flex', alignItems: 'center', gap: 6 },
    swatch: { display: 'inline-block', width: 16, height: 0, borderTop: `3px solid ${p.themePrimary}`, selectors: { [HighContrastSelector]: { borderTopColor: 'Highlight' } } },
    swatchPrev: { display: 'inline-block', width: 16, height: 0, borderTop: `3px dashed ${s.bodySubtext}`, selectors: { [HighContrastSelector]: { borderTopColor: 'CanvasText' } } },
    swatchTarget: { display: 'inline-block', width: 16, height: 0, borderTop: `3px dotted ${p.green}`, selectors: { [HighContrastSelector]: { borderTopColor: 'CanvasText' } } },
    actions: { margin: '4px 0', paddingLeft: 20 },
    form: { display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8, maxWidth: 560 },
    // One "Bewaren" for all of a rater's scores: always in reach while scrolling through the themes.
    saveBar: {
      position: 'sticky',
      bottom: 0,
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: 12,
      padding: '8px 0',
      background: s.bodyBackground,
      borderTop: `1px solid ${s.bodyDivider}`,
      zIndex: 1
    },
    // A table wider than a narrow tab (Teams mobile, 390 px) scrolls inside its own box instead of widening the page.
    tableWrap: { maxWidth: '100%', overflowX: 'auto' }
  });
}
