import { HighContrastSelector, ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { WRAP_ANYWHERE } from '../../../components/wrap';

export type AuditClassNames = { [K in
  | 'root' | 'toolbar' | 'filters' | 'filter' | 'live' | 'group' | 'groupTitle' | 'list' | 'audit' | 'auditTitle' | 'meta' | 'line'
  | 'rate' | 'track' | 'fill' | 'open' | 'muted' | 'panelSection' | 'label' | 'value' | 'recs' | 'rec' | 'recTitle' | 'tags' | 'actions'
  | 'pager' | 'linkButton' | 'richText' | 'messages']: string };

export function getClassNames(theme: ITheme): AuditClassNames {
  const s = theme.semanticColors;
  const p = theme.palette;
  const f = theme.fonts;
  const focus = { outline: `2px solid ${s.focusBorder || p.neutralSecondary}`, outlineOffset: 1 };
  return mergeStyleSets({
    // Every text inside wraps (inherited): audit and recommendation titles without a space included.
    root: [{ color: s.bodyText, fontFamily: f.medium.fontFamily, fontSize: f.medium.fontSize, minWidth: 0 }, WRAP_ANYWHERE],
    toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 8 },
    filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 8, margin: '8px 0' },
    filter: { minWidth: 120, flex: '1 1 120px', maxWidth: 200 },
    live: { color: s.bodySubtext, fontSize: f.small.fontSize, minHeight: '1em', margin: '4px 0' },
    messages: { display: 'flex', flexDirection: 'column', gap: 8, margin: '8px 0' },
    group: { margin: '16px 0' },
    groupTitle: { ...f.large, fontWeight: 600, margin: '0 0 8px', color: s.bodyText },
    list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 },
    audit: {
      border: `1px solid ${s.bodyDivider}`,
      borderLeft: `4px solid ${p.themePrimary}`,
      borderRadius: 4,
      padding: '8px 12px',
      background: s.bodyStandoutBackground || s.bodyBackground,
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText', borderLeft: '4px solid CanvasText' } }
    },
    auditTitle: { ...f.mediumPlus, fontWeight: 600, margin: '0 0 2px', color: s.bodyText },
    meta: { margin: '0 0 4px', fontSize: f.small.fontSize, color: s.bodySubtext },
    line: { margin: '2px 0' },
    rate: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '2px 8px', margin: '2px 0' },
    track: {
      flex: '0 0 120px',
      height: 8,
      borderRadius: 4,
      border: `1px solid ${s.bodyDivider}`,
      background: s.bodyBackground,
      overflow: 'hidden',
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText', forcedColorAdjust: 'none', background: 'Canvas' } }
    },
    fill: { height: '100%', background: p.themePrimary, selectors: { [HighContrastSelector]: { background: 'Highlight' } } },
    open: { marginTop: 4 },
    muted: { color: s.bodySubtext, fontStyle: 'italic' },
    panelSection: { margin: '12px 0 0' },
    label: { display: 'block', fontWeight: 600, marginBottom: 2 },
    value: { margin: 0 },
    recs: { listStyle: 'none', margin: 0, padding: 0 },
    rec: { padding: '6px 0', borderTop: `1px solid ${s.bodyDivider}`, selectors: { [HighContrastSelector]: { borderTop: '1px solid CanvasText' } } },
    recTitle: { fontWeight: 600 },
    tags: { display: 'flex', flexWrap: 'wrap', gap: '2px 8px', fontSize: f.small.fontSize, margin: '2px 0' },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 },
    pager: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginTop: 8 },
    linkButton: {
      background: 'transparent',
      border: 'none',
      padding: 0,
      font: 'inherit',
      color: s.linkHovered,
      textDecoration: 'underline',
      cursor: 'pointer',
      textAlign: 'left',
      selectors: { ':focus-visible': focus, [HighContrastSelector]: { color: 'LinkText' } }
    },
    richText: { overflowWrap: 'anywhere', selectors: { a: { color: s.link } } }
  });
}
