import * as React from 'react';
import { HighContrastSelector, ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'SummaryWebPartStrings';
import { format } from '../../../components/format';
import { EmptyView, ErrorView, LoadingView } from '../../../components/StatusView';
import { useReportData } from '../../../components/useReportData';
import { IOrgRepository } from '../../../data/IOrgRepository';
import { domainCardLink, isTeamsDeepLink, teamsDomainLink } from '../../../model/links';
import { defaultReportYear } from '../../../model/report';
import { buildSummary, IDomainSummary } from '../../../model/summary';
import { deadlinesByDomain } from '../../../model/audits';
import { IDomain } from '../../../model/types';

export interface ISummaryProps {
  repository: IOrgRepository;
  /** From the property pane; undefined/0 -> defaultReportYear. */
  reportYear?: number;
  /** The page or Teams tab with the domain cards; empty -> the domain cards in the Teams personal app. */
  cardsUrl?: string;
  theme?: ITheme;
  /** Injectable for tests. */
  today?: Date;
}

type SummaryClassNames = { [K in 'root' | 'header' | 'title' | 'refreshing' | 'overall' | 'list' | 'row' | 'name' | 'link' | 'figures' | 'figure' | 'number' | 'progress' | 'track' | 'fill' | 'footer']: string };

function getClassNames(theme: ITheme): SummaryClassNames {
  const s = theme.semanticColors;
  const p = theme.palette;
  const f = theme.fonts;
  return mergeStyleSets({
    root: { color: s.bodyText, fontSize: f.medium.fontSize },
    header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: 8 },
    title: { ...f.large, fontWeight: 600, margin: '0 0 4px' },
    refreshing: { fontSize: f.small.fontSize, color: s.bodySubtext },
    overall: { margin: '0 0 8px' },
    list: { listStyle: 'none', margin: 0, padding: 0 },
    row: {
      padding: '8px 0',
      borderTop: `1px solid ${s.bodyDivider}`,
      selectors: { [HighContrastSelector]: { borderTop: '1px solid CanvasText' } }
    },
    name: { fontWeight: 600, display: 'block', marginBottom: 2 },
    link: { color: s.link, selectors: { ':hover': { color: s.linkHovered }, ':focus-visible': { outline: `2px solid ${s.focusBorder}`, outlineOffset: 1 } } },
    figures: { display: 'flex', flexWrap: 'wrap', gap: '2px 12px', margin: 0, padding: 0, listStyle: 'none', fontSize: f.small.fontSize },
    figure: { whiteSpace: 'nowrap' },
    number: { fontWeight: 600, fontSize: f.medium.fontSize },
    progress: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '2px 8px', marginTop: 4, fontSize: f.small.fontSize, color: s.bodySubtext },
    track: {
      flex: '1 1 80px',
      maxWidth: 160,
      height: 8,
      borderRadius: 4,
      border: `1px solid ${s.bodyDivider}`,
      background: s.bodyBackground,
      overflow: 'hidden',
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText', forcedColorAdjust: 'none', background: 'Canvas' } }
    },
    fill: {
      height: '100%',
      background: p.themePrimary,
      selectors: { [HighContrastSelector]: { background: 'Highlight' } }
    },
    footer: { marginTop: 8, fontSize: f.small.fontSize }
  });
}

function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}

/** Realised share of the year's planning: a bar for the eye, the sentence for everyone. */
function ProgressBar(props: { part: number; total: number; year: number; cn: SummaryClassNames; quietWhenEmpty: boolean }): JSX.Element {
  const { part, total, year, cn } = props;
  if (total === 0) {
    // When no domain has planning for the year the overall sentence says so once.
    return props.quietWhenEmpty ? <React.Fragment /> : <div className={cn.progress}>{format(strings.DomainNoPlanning, year)}</div>;
  }
  const pct = percent(part, total);
  return (
    <div className={cn.progress}>
      <div className={cn.track} aria-hidden="true">
        <div className={cn.fill} style={{ width: `${pct}%` }} />
      </div>
      <span>{format(strings.DomainPlanning, year, part, total, pct)}</span>
    </div>
  );
}

function linkTarget(url: string): { target?: string; rel?: string } {
  // Teams deep links leave the intranet page; page links stay in the same tab.
  return isTeamsDeepLink(url) ? { target: '_blank', rel: 'noopener noreferrer' } : {};
}


function DomainRow(props: {
  d: IDomainSummary;
  domain: IDomain | undefined;
  year: number;
  cardsUrl: string | undefined;
  cn: SummaryClassNames;
  anyPlanning: boolean;
  /** Open actions and recommendations of the domain past their deadline. */
  overdue: number;
}): JSX.Element {
  const { d, year, cardsUrl, cn } = props;
  const key = props.domain && props.domain.key ? props.domain.key : String(d.domainId);
  const href = cardsUrl ? domainCardLink(cardsUrl, key) : undefined;
  return (
    <li className={cn.row} data-domain-id={d.domainId}>
      {href ? (
        <a className={`${cn.name} ${cn.link}`} href={href} title={d.title} aria-label={format(strings.ToDomain, d.title)} {...linkTarget(href)}>
          {d.shortTitle}
        </a>
      ) : (
        <span className={cn.name} title={d.title}>
          {d.shortTitle}
        </span>
      )}
      <ul className={cn.figures}>
        <li className={cn.figure} data-figure="risks">
          <span className={cn.number}>{d.openHighRisks}</span> {d.openHighRisks === 1 ? strings.HighRisksOne : strings.HighRisksMany}
        </li>
        <li className={cn.figure} data-figure="realised">
          <span className={cn.number}>{d.realisedThisYear}</span> {format(strings.RealisedIn, year)}
        </li>
        <li className={cn.figure} data-figure="planned">
          <span className={cn.number}>{d.newPlanning}</span> {format(strings.NewPlanning, year + 1)}
        </li>
        <li className={cn.figure} data-figure="overdue">
          <span className={cn.number}>{props.overdue}</span> {strings.Overdue}
        </li>
      </ul>
      <ProgressBar part={d.plannedForYearRealised} total={d.plannedForYear} year={year} cn={cn} quietWhenEmpty={!props.anyPlanning} />
    </li>
  );
}

/**
 * Years with a final report (Rapporten): the widget opens on the same year as the cards. One
 * request, sent next to the data's $batch (not after it); undefined while it is on its way, when
 * cached figures are shown as they are (as the cards do) rather than waiting.
 */
function useFinalYears(repository: IOrgRepository): number[] | undefined {
  const [years, setYears] = React.useState<number[] | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    setYears(undefined);
    repository
      .getStoredReports()
      .then((r) => live && setYears(r.map((x) => x.year)))
      // Unknown: as if nothing were final, like the cards.
      .catch(() => live && setYears([]));
    return () => {
      live = false;
    };
  }, [repository]);
  return years;
}

function SummaryView(props: ISummaryProps): JSX.Element {
  const theme = useTheme();
  const cn = React.useMemo(() => getClassNames(theme), [theme]);
  const { data, refreshing, error, reload } = useReportData(props.repository);
  const today = React.useMemo(() => props.today || new Date(), [props.today]);
  const configured = props.reportYear && props.reportYear > 0 ? props.reportYear : undefined;
  const finalYears = useFinalYears(props.repository);
  // The cards' rule (src/model defaultReportYear): after the latest final report, once that year has ended.
  const year = defaultReportYear(data, configured, today, finalYears || []);
  const summary = React.useMemo(() => (data ? buildSummary(data, year) : undefined), [data, year]);
  const deadlines = React.useMemo(() => (data ? deadlinesByDomain(data, today) : {}), [data, today]);
  // Without a configured page the links go into the Teams personal app, generated from the
  // app manifest's ids: nobody has to paste a deep link for the widget to lead somewhere.
  const cardsUrl = props.cardsUrl && props.cardsUrl.trim() ? props.cardsUrl.trim() : teamsDomainLink();

  if (!data || !summary) {
    return error ? (
      <ErrorView message={strings.LoadError} retryLabel={strings.Retry} onRetry={reload} detailsLabel={strings.TechnicalDetails} error={error} />
    ) : (
      <LoadingView label={strings.Loading} lines={8} />
    );
  }

  const heading = format(strings.Title, year);
  if (summary.domains.length === 0) {
    return (
      <div className={cn.root}>
        <EmptyView title={strings.EmptyTitle} message={strings.EmptyMessage} />
      </div>
    );
  }
  const t = summary.totals;
  return (
    <section className={cn.root} aria-labelledby="org-summary-title">
      <div className={cn.header}>
        <h2 id="org-summary-title" className={cn.title}>
          {cardsUrl ? (
            <a className={cn.link} href={cardsUrl} {...linkTarget(cardsUrl)}>
              {heading}
            </a>
          ) : (
            heading
          )}
        </h2>
        <span className={cn.refreshing} role="status">
          {refreshing ? strings.Refreshing : ''}
        </span>
      </div>
      {error && <ErrorView warning={true} message={strings.RefreshError} retryLabel={strings.Retry} onRetry={reload} detailsLabel={strings.TechnicalDetails} error={error} />}
      <p className={cn.overall} data-testid="summary-overall">
        {summary.planningRealisedRatio === undefined
          ? format(strings.OverallNoPlanning, year)
          : format(strings.OverallRealised, t.plannedForYearRealised, t.plannedForYear, year, percent(t.plannedForYearRealised, t.plannedForYear))}
      </p>
      {summary.planningRealisedRatio !== undefined && (
        <div className={cn.progress} aria-hidden="true">
          <div className={cn.track}>
            <div className={cn.fill} style={{ width: `${percent(t.plannedForYearRealised, t.plannedForYear)}%` }} />
          </div>
        </div>
      )}
      <ul className={cn.list} aria-label={format(strings.ListLabel, year)}>
        {summary.domains.map((d) => (
          <DomainRow key={d.domainId} d={d} domain={data.domains.filter((x) => x.id === d.domainId)[0]} year={year} cardsUrl={cardsUrl} cn={cn} anyPlanning={summary.planningRealisedRatio !== undefined} overdue={deadlines[d.domainId] ? deadlines[d.domainId].overdue : 0} />
        ))}
      </ul>
      <p className={cn.footer} data-testid="summary-totals">
        {format(strings.Totals, t.openHighRisks, t.realisedThisYear, year, t.newPlanning, year + 1)}
      </p>
      {cardsUrl && (
        <p className={cn.footer}>
          <a className={cn.link} href={cardsUrl} {...linkTarget(cardsUrl)}>
            {strings.ToCards}
          </a>
        </p>
      )}
    </section>
  );
}

/** Homepage widget: per domain the open high risks, the year's realisations and new planning. */
export function Summary(props: ISummaryProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <SummaryView {...props} />
    </ThemeProvider>
  );
}
