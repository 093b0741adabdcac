import * as React from 'react';
import { MessageBar } from '@fluentui/react/lib/MessageBar';
import { useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { formatDelta, formatScore, IRoundResults, radarLabels, radarPoints } from '../../../model/maturity';
import { MaturityClassNames } from './styles';

/** Wider than high: the labels left and right need the room (they are never cut, see radarLabels). */
export const RADAR_WIDTH = 640;
export const RADAR_HEIGHT = 420;
const C = RADAR_WIDTH / 2;
const CY = RADAR_HEIGHT / 2;
const R = 130;
const LABEL_CHARS = 22;
const LINE = 14;

function polygon(points: { x: number; y: number }[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

/** Plain SVG radar: one axis per theme, this round's averages and the previous round's (dashed). */
export function RadarChart(props: { results: IRoundResults; cn: MaturityClassNames; locale: string }): JSX.Element {
  const theme = useTheme();
  const { results } = props;
  const max = results.round.scaleMax;
  const items = results.themes;
  const titleId = `radar-title-${results.round.id}`;
  const descId = `radar-desc-${results.round.id}`;
  const rings: JSX.Element[] = [];
  for (let l = 1; l <= max; l++) {
    rings.push(<polygon key={l} points={polygon(radarPoints(items.map(() => l), 0, max, C, CY, R))} fill="none" stroke={theme.semanticColors.bodyDivider} strokeWidth={1} />);
  }
  const outer = radarPoints(items.map(() => max), 0, max, C, CY, R);
  const labels = radarLabels(items.map((t) => `${t.theme.number}. ${t.theme.title}`), C, CY, R, LABEL_CHARS, LINE);
  const now = radarPoints(items.map((t) => t.average), 0, max, C, CY, R);
  const hasPrev = items.some((t) => t.previous);
  const hasTarget = items.some((t) => t.target !== undefined);
  const target = radarPoints(items.map((t) => t.target), 0, max, C, CY, R);
  const prev = radarPoints(items.map((t) => (t.previous ? t.previous.average : undefined)), 0, max, C, CY, R);
  const text = theme.semanticColors.bodyText;
  return (
    <figure style={{ margin: 0 }}>
      <svg className={props.cn.chart} viewBox={`0 0 ${RADAR_WIDTH} ${RADAR_HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} data-testid="radar">
        <title id={titleId}>{strings.ChartTitle}</title>
        <desc id={descId}>{format(strings.ChartSummary, items.length, max)}</desc>
        {rings}
        {outer.map((p, i) => (
          <line key={i} x1={C} y1={CY} x2={p.x} y2={p.y} stroke={theme.semanticColors.bodyDivider} strokeWidth={1} />
        ))}
        {hasTarget && <polygon points={polygon(target)} fill="none" stroke={theme.palette.green} strokeWidth={2} strokeDasharray="2 3" data-series="target" />}
        {hasPrev && <polygon points={polygon(prev)} fill="none" stroke={theme.semanticColors.bodySubtext} strokeWidth={2} strokeDasharray="6 4" data-series="previous" />}
        <polygon points={polygon(now)} fill={theme.palette.themePrimary} fillOpacity={0.18} stroke={theme.palette.themePrimary} strokeWidth={3} data-series="current" />
        {now.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={4} fill={theme.palette.themePrimary} />
        ))}
        {items.map((t, i) => {
          const l = labels[i];
          return (
            <text key={t.theme.id} x={l.x} y={l.y} textAnchor={l.anchor} dominantBaseline="middle" fontSize={12} fill={text} data-testid="radar-label">
              {l.lines.map((line, j) => (
                <tspan key={j} x={l.x} dy={j === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      </svg>
      <figcaption>
        <ul className={props.cn.legend}>
          <li className={props.cn.legendItem}>
            <span className={props.cn.swatch} aria-hidden="true" />
            {format(strings.ChartThisRound, results.round.title)}
          </li>
          {hasPrev && (
            <li className={props.cn.legendItem}>
              <span className={props.cn.swatchPrev} aria-hidden="true" />
              {strings.ChartPrevious} ({results.previousRounds.map((r) => r.title).join(', ')})
            </li>
          )}
          {hasTarget && (
            <li className={props.cn.legendItem}>
              <span className={props.cn.swatchTarget} aria-hidden="true" />
              {strings.ChartTarget}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The same figures as a table (the chart's text alternative), with the deltas. */
export function ResultsTable(props: { results: IRoundResults; cn: MaturityClassNames; locale: string }): JSX.Element {
  const { results, cn, locale } = props;
  const r = results.round;
  const levels: number[] = [];
  for (let l = r.scaleMin; l <= r.scaleMax; l++) levels.push(l);
  return (
    <div className={cn.tableWrap} role="region" aria-label={strings.TableCaption} tabIndex={0}>
    <table className={cn.table} data-testid="results-table">
      <caption>{strings.TableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{strings.Theme}</th>
          <th scope="col" className={cn.numeric}>
            {strings.Average}
          </th>
          <th scope="col" className={cn.numeric}>
            {strings.Target}
          </th>
          <th scope="col">{strings.Distribution}</th>
          <th scope="col" className={cn.numeric}>
            {strings.Previous}
          </th>
          <th scope="col" className={cn.numeric}>
            {strings.Delta}
          </th>
        </tr>
      </thead>
      <tbody>
        {results.themes.map((t) => (
          <tr key={t.theme.id} data-theme-number={t.theme.number}>
            <th scope="row">
              {t.theme.number}. {t.theme.title}
            </th>
            <td className={cn.numeric}>
              {formatScore(t.average, locale)} <span className={cn.meta}>({format(strings.ScoredOf, t.scored, t.total)})</span>
            </td>
            <td className={cn.numeric} data-testid="target">
              {t.target === undefined ? strings.NoTarget : formatScore(t.target, locale)}
            </td>
            <td>
              {levels
                .map((l, i) => ({ l, n: t.distribution[i] }))
                .filter((x) => x.n > 0)
                .map((x) => format(strings.DistributionItem, x.n, x.l))
                .join(', ') || '–'}
            </td>
            <td className={cn.numeric}>{t.previous ? `${formatScore(t.previous.average, locale)} (${t.previous.round.year ?? t.previous.round.title})` : strings.NoPrevious}</td>
            <td className={cn.numeric} data-testid="delta">
              {formatDelta(t.delta, locale)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{strings.Overall}</th>
          <td className={cn.numeric}>{formatScore(results.overall, locale)}</td>
          <td />
          <td />
          <td />
          <td />
        </tr>
      </tfoot>
    </table>
    </div>
  );
}

export function ResultsView(props: { results: IRoundResults; cn: MaturityClassNames; locale: string }): JSX.Element {
  const any = props.results.themes.some((t) => t.average !== undefined);
  return (
    <div data-testid="results-view">
      <p>{strings.ResultsIntro}</p>
      {!any ? (
        <MessageBar>{strings.ResultsNotYet}</MessageBar>
      ) : (
        <>
          <RadarChart {...props} />
          <ResultsTable {...props} />
        </>
      )}
    </div>
  );
}
