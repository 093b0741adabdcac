import * as React from 'react';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { Dropdown, IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { HighContrastSelector, IStyle, ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { appetiteFor, HeatBand, hasMarks, heatMaps, HeatKind, IHeatCell, IHeatMap, riskMarks, riskScale } from '../../../model/risks';
import { IAction, IDomainReport, IRisk, IRiskSettings } from '../../../model/types';
import { ISelection } from './selection';

export interface IRiskHeatMapSectionProps {
  /** The cards on screen (year and filters applied): their risks are on the map. */
  shown: IDomainReport[];
  riskSettings?: IRiskSettings;
  /** Every action read: which risks an action treats (the "above the appetite, untreated" mark). */
  actions?: IAction[];
  /** Opens a risk's detail panel. */
  onOpen: (selection: ISelection) => void;
}

type HeatClassNames = Record<string, string>;

function heatStyles(theme: ITheme): HeatClassNames {
  const s = theme.semanticColors;
  const p = theme.palette;
  const cell = (bg: string): IStyle => ({
    background: bg,
    color: s.bodyText,
    border: `1px solid ${s.bodyDivider}`,
    verticalAlign: 'top',
    padding: 4,
    minWidth: 90,
    selectors: { [HighContrastSelector]: { background: 'Canvas', color: 'CanvasText', border: '1px solid CanvasText' } }
  });
  const names = mergeStyleSets<Record<string, IStyle>>({
    section: { margin: '8px 0 16px', color: s.bodyText },
    controls: { display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-end', margin: '8px 0' },
    scroll: { overflowX: 'auto', maxWidth: '100%' },
    table: { borderCollapse: 'collapse', fontSize: 13 },
    caption: { textAlign: 'left', padding: '4px 0', color: s.bodySubtext, captionSide: 'top' },
    head: { padding: 4, textAlign: 'left', fontWeight: 600, color: s.bodyText, border: `1px solid ${s.bodyDivider}` },
    above: cell(s.errorBackground),
    within: cell(s.successBackground),
    high: cell(s.errorBackground),
    medium: cell(s.warningBackground),
    low: cell(s.successBackground),
    score: { fontSize: 11, color: s.bodyText, display: 'block' },
    list: { listStyle: 'none', margin: 0, padding: 0 },
    risk: {
      background: 'none',
      border: 'none',
      padding: '2px 0',
      textAlign: 'left',
      // Body text, underlined: the link colour lacks contrast on the cells' tinted backgrounds.
      color: s.bodyText,
      cursor: 'pointer',
      textDecoration: 'underline',
      font: 'inherit',
      selectors: { ':focus-visible': { outline: `2px solid ${p.themePrimary}` }, [HighContrastSelector]: { color: 'LinkText' } }
    },
    note: { color: s.bodySubtext, margin: '4px 0' }
  });
  return names as unknown as HeatClassNames;
}

const BANDS: Record<HeatBand, string> = {
  above: strings.HeatMapBandAbove,
  within: strings.HeatMapBandWithin,
  high: strings.HeatMapBandHigh,
  medium: strings.HeatMapBandMedium,
  low: strings.HeatMapBandLow
};

/** Ids of the risks with a point of attention (src/model/risks riskMarks), shown with ⚠ and named for screen readers. */
const MarkedRisks = React.createContext<Record<number, true>>({});

function RiskButton(props: { risk: IRisk; cn: HeatClassNames; onOpen: (s: ISelection) => void }): JSX.Element {
  const marked = React.useContext(MarkedRisks)[props.risk.id];
  return (
    <button
      type="button"
      className={props.cn.risk}
      onClick={() => props.onOpen({ kind: 'risk', risk: props.risk })}
      data-testid="heatmap-risk"
      data-marked={marked ? 'true' : undefined}
      aria-label={marked ? `${props.risk.title} (${strings.MarkedRisk})` : undefined}
    >
      {marked ? `⚠ ${props.risk.title}` : props.risk.title}
    </button>
  );
}

function markedRisks(shown: IDomainReport[], settings: IRiskSettings | undefined, actions: IAction[]): Record<number, true> {
  const scale = riskScale(settings);
  const out: Record<number, true> = {};
  for (const d of shown) {
    const appetite = appetiteFor(settings, d.domain.title);
    for (const r of d.risks) if (hasMarks(riskMarks(r, actions, scale, appetite))) out[r.id] = true;
  }
  return out;
}

function Cell(props: { cell: IHeatCell; cn: HeatClassNames; onOpen: (s: ISelection) => void }): JSX.Element {
  const c = props.cell;
  const label = format(strings.HeatMapCellLabel, c.likelihood, c.impact, c.score, BANDS[c.band], c.risks.length);
  return (
    <td className={props.cn[c.band]} data-band={c.band} data-testid={`heatmap-cell-${c.likelihood}-${c.impact}`}>
      {/* The score and band as text: the colour is never the only signal. */}
      <span className={props.cn.score} title={label}>
        {c.band === 'above' ? '▲ ' : ''}
        {c.score}
        <span style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>{`, ${BANDS[c.band]}`}</span>
      </span>
      {c.risks.length > 0 && (
        <ul className={props.cn.list} aria-label={label}>
          {c.risks.map((r) => (
            <li key={r.id}>
              <RiskButton risk={r} cn={props.cn} onOpen={props.onOpen} />
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

/** One matrix as a table: rows likelihood (high first), columns impact; each cell lists its risks. */
export function HeatMapTable(props: { map: IHeatMap; scopeTitle: string; onOpen: (s: ISelection) => void }): JSX.Element {
  const theme = useTheme();
  const cn = React.useMemo(() => heatStyles(theme), [theme]);
  const m = props.map;
  const kind = m.kind === 'inherent' ? strings.HeatMapInherent : strings.HeatMapResidual;
  return (
    <div data-testid="heatmap">
      <div className={cn.scroll}>
        <table className={cn.table}>
          <caption className={cn.caption}>{format(strings.HeatMapCaption, props.scopeTitle, kind, m.scoredCount, m.unscored.length)}</caption>
          <thead>
            <tr>
              <th scope="col" className={cn.head}>
                {`${strings.HeatMapLikelihood} \\ ${strings.HeatMapImpact}`}
              </th>
              {m.scale.impactLabels.map((l, i) => (
                <th key={i} scope="col" className={cn.head}>{`${i + 1}. ${l}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((row) => (
              <tr key={row[0].likelihood}>
                <th scope="row" className={cn.head}>{`${row[0].likelihood}. ${m.scale.likelihoodLabels[row[0].likelihood - 1]}`}</th>
                {row.map((c) => (
                  <Cell key={c.impact} cell={c} cn={cn} onOpen={props.onOpen} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={cn.note}>{m.appetite !== undefined ? format(strings.HeatMapAppetite, m.appetite) : strings.HeatMapNoAppetite}</p>
      {m.unscored.length > 0 && (
        <details data-testid="heatmap-unscored">
          <summary>{format(strings.HeatMapUnscored, m.unscored.length)}</summary>
          <ul className={cn.list}>
            {m.unscored.map((r) => (
              <li key={r.id}>
                <RiskButton risk={r} cn={cn} onOpen={props.onOpen} /> ({r.priority}, {strings.RiskNotScored})
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * The toggle "Toon risicomatrix" on the cards page and, when on, the heat map of the risks on
 * screen: overall or one domain (its own appetite), inherent or residual.
 */
export function RiskHeatMapSection(props: IRiskHeatMapSectionProps): JSX.Element {
  const theme = useTheme();
  const cn = React.useMemo(() => heatStyles(theme), [theme]);
  const [open, setOpen] = React.useState(false);
  const [scope, setScope] = React.useState<string>('all');
  const [kind, setKind] = React.useState<HeatKind>('inherent');
  const maps = React.useMemo(() => (open ? heatMaps(props.shown, props.riskSettings) : undefined), [open, props.shown, props.riskSettings]);
  const marked = React.useMemo(
    () => (open ? markedRisks(props.shown, props.riskSettings, props.actions || []) : {}),
    [open, props.shown, props.riskSettings, props.actions]
  );
  const domain = maps ? maps.domains.filter((d) => String(d.domainId) === scope)[0] : undefined;
  const chosen = maps ? (domain ? domain : maps.overall) : undefined;
  const options: IDropdownOption[] = [{ key: 'all', text: strings.HeatMapOverall }].concat(
    maps ? maps.domains.map((d) => ({ key: String(d.domainId), text: d.title })) : []
  );
  return (
    // Not a landmark of its own: the cards are the page's regions; the table's caption names the map.
    <div className={cn.section} data-testid="heatmap-section">
      <Toggle label={strings.HeatMapToggle} inlineLabel={true} checked={open} onChange={(_e, c) => setOpen(!!c)} data-testid="heatmap-toggle" />
      {maps && chosen && (
        <>
          <div className={cn.controls} role="group" aria-label={strings.HeatMapTitle}>
            <Dropdown label={strings.HeatMapScope} options={options} selectedKey={domain ? scope : 'all'} onChange={(_e, o) => o && setScope(String(o.key))} styles={{ root: { minWidth: 220 } }} />
            <ChoiceGroup
              label={strings.HeatMapKind}
              selectedKey={kind}
              onChange={(_e, o) => o && setKind(o.key as HeatKind)}
              options={[
                { key: 'inherent', text: strings.HeatMapInherent },
                { key: 'residual', text: strings.HeatMapResidual }
              ]}
              styles={{ flexContainer: { display: 'flex', gap: 12 } }}
            />
          </div>
          {maps.overall.inherent.scoredCount === 0 && maps.overall.residual.scoredCount === 0 && <p className={cn.note}>{strings.HeatMapNoneScored}</p>}
          <MarkedRisks.Provider value={marked}>
            <HeatMapTable map={kind === 'inherent' ? chosen.inherent : chosen.residual} scopeTitle={domain ? domain.title : strings.HeatMapOverall} onOpen={props.onOpen} />
          </MarkedRisks.Provider>
        </>
      )}
    </div>
  );
}
