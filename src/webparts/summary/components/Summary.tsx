/**
 * The homepage widget, kept light: no Fluent UI components (plain elements styled from the
 * host's theme colours) and no report or card code, so its bundle stays small on a page
 * every employee opens. It reads counts only (ISummarySource).
 */
import * as React from 'react';
import { useCachedData } from '../../../components/useCachedData';
import type { ITheme } from '@fluentui/react/lib/Styling';
import * as strings from 'SummaryWebPartStrings';
import { format } from '../../../components/format';
import { ISummarySource } from '../../../data/ISummarySource';
import { domainCardLink, isTeamsDeepLink, safeUrl, teamsDomainLink } from '../../../model/links';
import { defaultReportYear } from '../../../model/report';
import { buildFigures, IDomainFigures } from '../../../model/figures';
import { IReportData } from '../../../model/types';

export interface ISummaryProps {
  repository: ISummarySource;
  /** From the property pane; undefined/0 -> defaultReportYear. */
  reportYear?: number;
  /** The page or Teams tab with the domain cards; empty -> the domain cards in the Teams personal app. */
  cardsUrl?: string;
  theme?: ITheme;
  /** Injectable for tests. */
  today?: Date;
}

const CSS = `
.orgb-sum{color:var(--orgb-text);font-size:14px;min-width:0;overflow-wrap:anywhere;word-break:break-word}
.orgb-sum *{box-sizing:border-box}
.orgb-sum-header{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:8px}
.orgb-sum-title{font-size:18px;font-weight:600;margin:0 0 4px}
.orgb-sum-sub{font-size:12px;color:var(--orgb-subtext)}
.orgb-sum-overall{margin:0 0 8px}
.orgb-sum-list{list-style:none;margin:0;padding:0}
.orgb-sum-row{padding:8px 0;border-top:1px solid var(--orgb-divider)}
.orgb-sum-name{font-weight:600;display:block;margin-bottom:2px}
.orgb-sum-link{color:var(--orgb-link)}
.orgb-sum-link:hover{color:var(--orgb-link-hover)}
.orgb-sum-link:focus-visible,.orgb-sum-button:focus-visible{outline:2px solid var(--orgb-focus);outline-offset:1px}
.orgb-sum-figures{display:flex;flex-wrap:wrap;gap:2px 12px;margin:0;padding:0;list-style:none;font-size:12px}
.orgb-sum-figure{white-space:nowrap}
.orgb-sum-number{font-weight:600;font-size:14px}
.orgb-sum-progress{display:flex;align-items:center;flex-wrap:wrap;gap:2px 8px;margin-top:4px;font-size:12px;color:var(--orgb-subtext)}
.orgb-sum-track{flex:1 1 80px;max-width:160px;height:8px;border-radius:4px;border:1px solid var(--orgb-divider);background:var(--orgb-bg);overflow:hidden}
.orgb-sum-fill{height:100%;background:var(--orgb-primary)}
.orgb-sum-footer{margin-top:8px;font-size:12px}
.orgb-sum-message{padding:8px 12px;border-left:4px solid var(--orgb-error);background:var(--orgb-bg)}
.orgb-sum-message.warning{border-left-color:var(--orgb-warning)}
.orgb-sum-button{font:inherit;font-weight:600;margin-left:8px;padding:2px 10px;border:1px solid var(--orgb-text);border-radius:2px;background:transparent;color:var(--orgb-text);cursor:pointer}
.orgb-sum-empty{padding:16px;border:1px dashed var(--orgb-divider)}
.orgb-sum-bar{height:12px;margin:0 0 10px;border-radius:2px;background:var(--orgb-divider)}
.orgb-sum-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);border:0}
@media (forced-colors: active){
.orgb-sum-row,.orgb-sum-track{border-color:CanvasText}
.orgb-sum-track{forced-color-adjust:none;background:Canvas}
.orgb-sum-fill{background:Highlight}
}`;

/** Colours of the host theme (SharePoint section, Teams) as CSS variables; defaults are SharePoint's. */
function themeVars(theme: ITheme | undefined): React.CSSProperties {
  const s = theme ? theme.semanticColors : undefined;
  const p = theme ? theme.palette : undefined;
  return {
    '--orgb-text': (s && s.bodyText) || '#323130',
    '--orgb-subtext': (s && s.bodySubtext) || '#605e5c',
    '--orgb-divider': (s && s.bodyDivider) || '#edebe9',
    '--orgb-bg': (s && s.bodyBackground) || '#ffffff',
    '--orgb-link': (s && s.link) || '#0078d4',
    '--orgb-link-hover': (s && s.linkHovered) || '#004578',
    '--orgb-focus': (s && s.focusBorder) || '#605e5c',
    '--orgb-primary': (p && p.themePrimary) || '#0078d4',
    '--orgb-error': (s && s.errorIcon) || '#a4262c',
    '--orgb-warning': (s && s.warningIcon) || '#797775'
  } as React.CSSProperties;
}

function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}

function technicalDetail(error: Error | undefined): string {
  if (!error) return '';
  const status = (error as Error & { status?: number }).status;
  return [error.name && error.name !== 'Error' ? error.name : '', status ? `HTTP ${status}` : '', error.message].filter((s) => !!s).join(' — ');
}

function Message(props: { text: string; error: Error | undefined; warning?: boolean; onRetry: () => void }): JSX.Element {
  const detail = technicalDetail(props.error);
  return (
    <div className={`orgb-sum-message${props.warning ? ' warning' : ''}`} role={props.warning ? 'status' : 'alert'}>
      <span>{props.text}</span>
      <button type="button" className="orgb-sum-button" onClick={props.onRetry}>
        {strings.Retry}
      </button>
      {detail && (
        <details>
          <summary>{strings.TechnicalDetails}</summary>
          <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{detail}</code>
        </details>
      )}
    </div>
  );
}

/** Realised share of the year's planning: a bar for the eye, the sentence for everyone. */
function ProgressBar(props: { part: number; total: number; year: number; quietWhenEmpty: boolean }): JSX.Element {
  const { part, total, year } = props;
  if (total === 0) {
    // When no domain has planning for the year the overall sentence says so once.
    return props.quietWhenEmpty ? <React.Fragment /> : <div className="orgb-sum-progress">{format(strings.DomainNoPlanning, year)}</div>;
  }
  const pct = percent(part, total);
  return (
    <div className="orgb-sum-progress">
      <div className="orgb-sum-track" aria-hidden="true">
        <div className="orgb-sum-fill" style={{ width: `${pct}%` }} />
      </div>
      <span>{format(strings.DomainPlanning, year, part, total, pct)}</span>
    </div>
  );
}

function linkTarget(url: string): { target?: string; rel?: string } {
  // Teams deep links leave the intranet page; page links stay in the same tab.
  return isTeamsDeepLink(url) ? { target: '_blank', rel: 'noopener noreferrer' } : {};
}

function DomainRow(props: { d: IDomainFigures; year: number; cardsUrl: string | undefined; anyPlanning: boolean }): JSX.Element {
  const { d, year, cardsUrl } = props;
  const key = d.key;
  const href = domainCardLink(cardsUrl, key);
  return (
    <li className="orgb-sum-row" data-domain-id={d.domainId}>
      {href ? (
        <a className="orgb-sum-name orgb-sum-link" href={href} title={d.title} aria-label={format(strings.ToDomain, d.title)} {...linkTarget(href)}>
          {d.shortTitle}
        </a>
      ) : (
        <span className="orgb-sum-name" title={d.title}>
          {d.shortTitle}
        </span>
      )}
      <ul className="orgb-sum-figures">
        <li className="orgb-sum-figure" data-figure="risks">
          <span className="orgb-sum-number">{d.openHighRisks}</span> {d.openHighRisks === 1 ? strings.HighRisksOne : strings.HighRisksMany}
        </li>
        <li className="orgb-sum-figure" data-figure="realised">
          <span className="orgb-sum-number">{d.realised}</span> {format(strings.RealisedIn, year)}
        </li>
        <li className="orgb-sum-figure" data-figure="planned">
          <span className="orgb-sum-number">{d.newPlanning}</span> {format(strings.NewPlanning, year + 1)}
        </li>
        <li className="orgb-sum-figure" data-figure="earlierPlanning">
          <span className="orgb-sum-number">{d.earlierPlanning}</span> {strings.EarlierPlanning}
        </li>
        <li className="orgb-sum-figure" data-figure="overdue">
          <span className="orgb-sum-number">{d.overdue}</span> {strings.Overdue}
        </li>
        <li className="orgb-sum-figure" data-figure="openRecommendations">
          <span className="orgb-sum-number">{d.openRecommendations}</span> {d.openRecommendations === 1 ? strings.OpenRecommendationsOne : strings.OpenRecommendationsMany}
        </li>
      </ul>
      <ProgressBar part={d.plannedForYearRealised} total={d.plannedForYear} year={year} quietWhenEmpty={!props.anyPlanning} />
    </li>
  );
}

interface IState {
  data: IReportData | undefined;
  busy: boolean;
  error: Error | undefined;
}

/** Cached figures first (no request before the first paint), then one fresh read (the one cached loader). */
function useSummaryData(source: ISummarySource): IState & { reload: () => void } {
  const load = React.useCallback(() => source.loadSummary(), [source]);
  const s = useCachedData(source, () => source.getCachedSummary(), load);
  return { data: s.data, busy: s.loading || s.refreshing, error: s.error, reload: s.reload };
}

/** Homepage widget: per domain the open high risks, the year's realisations and new planning. */
export function Summary(props: ISummaryProps): JSX.Element {
  const { data, busy, error, reload } = useSummaryData(props.repository);
  const today = React.useMemo(() => props.today || new Date(), [props.today]);
  const configured = props.reportYear && props.reportYear > 0 ? props.reportYear : undefined;
  // The cards' rule (src/model defaultReportYear): after the latest final report, once that year has ended.
  const year = defaultReportYear(data, configured, today, (data && data.finalYears) || []);
  // The one definition of every figure (src/model/figures), as on the cards and the Viva card.
  const summary = React.useMemo(() => (data ? buildFigures(data, year, today) : undefined), [data, year, today]);
  // Without a configured page the links go into the Teams personal app, generated from the
  // app manifest's ids: nobody has to paste a deep link for the widget to lead somewhere.
  // A setting the link rule refuses (javascript:, data:, ...) counts as none.
  const cardsUrl = safeUrl(props.cardsUrl) || teamsDomainLink();

  let body: JSX.Element;
  if (!data || !summary) {
    body = error ? (
      <Message text={strings.LoadError} error={error} onRetry={reload} />
    ) : (
      <div role="status" aria-live="polite" aria-busy="true" data-testid="loading-view">
        <span className="orgb-sum-hidden">{strings.Loading}</span>
        <div aria-hidden="true">
          {[50, 90, 77, 64, 90, 77, 64, 90].map((w, i) => (
            <div key={i} className="orgb-sum-bar" style={{ width: `${w}%`, height: i === 0 ? 20 : 12 }} />
          ))}
        </div>
      </div>
    );
  } else if (summary.domains.length === 0) {
    body = (
      <div className="orgb-sum-empty">
        <h2 className="orgb-sum-title">{strings.EmptyTitle}</h2>
        <p>{strings.EmptyMessage}</p>
      </div>
    );
  } else {
    const heading = format(strings.Title, year);
    const t = summary.totals;
    const anyPlanning = t.plannedForYear > 0;
    body = (
      <section aria-labelledby="org-summary-title">
        <div className="orgb-sum-header">
          <h2 id="org-summary-title" className="orgb-sum-title">
            {cardsUrl ? (
              <a className="orgb-sum-link" href={cardsUrl} {...linkTarget(cardsUrl)}>
                {heading}
              </a>
            ) : (
              heading
            )}
          </h2>
          <span className="orgb-sum-sub" role="status">
            {busy ? strings.Refreshing : ''}
          </span>
        </div>
        {error && <Message text={strings.RefreshError} error={error} warning={true} onRetry={reload} />}
        <p className="orgb-sum-overall" data-testid="summary-overall">
          {anyPlanning
            ? format(strings.OverallRealised, t.plannedForYearRealised, t.plannedForYear, year, percent(t.plannedForYearRealised, t.plannedForYear))
            : format(strings.OverallNoYearPlanning, year, t.earlierPlanning, t.newPlanning, year + 1)}
        </p>
        {anyPlanning && (
          <div className="orgb-sum-progress" aria-hidden="true">
            <div className="orgb-sum-track">
              <div className="orgb-sum-fill" style={{ width: `${percent(t.plannedForYearRealised, t.plannedForYear)}%` }} />
            </div>
          </div>
        )}
        <ul className="orgb-sum-list" aria-label={format(strings.ListLabel, year)}>
          {summary.domains.map((d) => (
            <DomainRow key={d.domainId} d={d} year={year} cardsUrl={cardsUrl} anyPlanning={anyPlanning} />
          ))}
        </ul>
        <p className="orgb-sum-footer" data-testid="summary-totals">
          {format(strings.Totals, t.openHighRisks, t.realised, year, t.newPlanning, year + 1, t.earlierPlanning, t.overdue, t.openRecommendations)}
        </p>
        {summary.mentions.realised !== t.realised || summary.mentions.earlierPlanning !== t.earlierPlanning || summary.mentions.newPlanning !== t.newPlanning ? (
          <p className="orgb-sum-footer" data-testid="summary-mentions">
            {format(strings.Mentions, summary.domainsWith.realised, summary.mentions.realised, summary.mentions.newPlanning, summary.mentions.earlierPlanning)}
          </p>
        ) : null}
        {cardsUrl && (
          <p className="orgb-sum-footer">
            <a className="orgb-sum-link" href={cardsUrl} {...linkTarget(cardsUrl)}>
              {strings.ToCards}
            </a>
          </p>
        )}
      </section>
    );
  }
  return (
    <div className="orgb-sum" style={themeVars(props.theme)}>
      <style>{CSS}</style>
      {body}
    </div>
  );
}
