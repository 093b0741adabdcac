import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'AuditFollowUpWebPartStrings';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { format } from '../../../components/format';
import { EmptyView, ErrorView, LoadingView } from '../../../components/StatusView';
import { useReportData } from '../../../components/useReportData';
import { useFormOpener } from '../../../components/useFormOpener';
import { IOrgRepository, IPermissions } from '../../../data/IOrgRepository';
import { isServerBusy } from '../../../data/errors';
import {
  auditFilterOptions, auditFiltersActive, auditsFeedingDomain, auditsWithoutDomain, deadlinesByDomain, executionRate, filterAudits, groupAuditsByYear,
  hasFindings, IAuditFilters, isRecommendationDone, isStated, myItems, NOT_STATED_KEY, recommendationsOf
} from '../../../model/audits';
import { buildFigures, myFigures } from '../../../model/figures';
import { listFormUrl } from '../../../model/links';
import { cardTitle } from '../../../model/text';
import { IAudit, IPerson, IReportData } from '../../../model/types';
import { AuditPanel, FormLink } from './AuditPanel';
import { AuditsExport } from './AuditsExport';
import { ExecutionRate } from './ExecutionRate';
import { IProgressState, OwnerProgress, PendingReviews, useProgressReports } from './ProgressReports';
import { IProgressService } from '../../../data/progressService';
import { IOwnerAssignment } from '../../../data/ownerAssignment';
import { deadlineText, findingsText, kindLabel, notStated, statusLabel } from './labels';
import { AuditClassNames, getClassNames } from './styles';

export type AuditView = 'audits' | 'domains' | 'mine';

export interface IAuditFollowUpProps {
  repository: IOrgRepository;
  theme?: ITheme;
  isTeams: boolean;
  /** First screen: the Teams personal app opens on "Mijn acties". */
  initialView?: AuditView;
  /** Deep link (`?audit=<id>` / Teams sub entity `audit-<id>`): open this audit. */
  initialAuditId?: number;
  /** The domain cards page or tab: risks from an audit link to their domain's card. */
  cardsUrl?: string;
  /** Host override; default window.open(url, '_blank'). The data reloads when the page regains focus. */
  openForm?: (url: string) => void;
  /** Injectable for tests. */
  today?: Date;
  /** Progress reports: "Voortgang melden" under Mijn acties, the control team's review. Absent: not shown. */
  progress?: IProgressService;
  /** Control team: owners and deadlines for an audit's recommendations at once. Absent: not shown. */
  owners?: IOwnerAssignment;
}

const READER: IPermissions = { canEdit: false, canManageLists: false, canFinalise: false };

function usePermissions(repository: IOrgRepository): IPermissions {
  const [p, setP] = React.useState<IPermissions>(READER);
  React.useEffect(() => {
    let live = true;
    repository
      .getPermissions()
      .then((x) => live && setP(x))
      .catch(() => live && setP(READER));
    return () => {
      live = false;
    };
  }, [repository]);
  return p;
}

type UserState = { user: IPerson | undefined; failed: boolean };

function useCurrentUser(repository: IOrgRepository): UserState {
  const [state, setState] = React.useState<UserState>({ user: undefined, failed: false });
  React.useEffect(() => {
    let live = true;
    repository
      .getCurrentUser()
      .then((user) => live && setState({ user, failed: false }))
      .catch(() => live && setState({ user: undefined, failed: true }));
    return () => {
      live = false;
    };
  }, [repository]);
  return state;
}

function optionText(kind: keyof IAuditFilters, v: string): string {
  if (v === NOT_STATED_KEY) return strings.NotStated;
  if (kind === 'status') return statusLabel(v);
  if (kind === 'kind') return kindLabel(v);
  return v;
}

function FilterBar(props: { audits: IAudit[]; filters: IAuditFilters; onChange: (f: IAuditFilters) => void; cn: AuditClassNames }): JSX.Element {
  const { filters, onChange, cn } = props;
  const options = React.useMemo(() => auditFilterOptions(props.audits), [props.audits]);
  const dropdown = (key: keyof IAuditFilters, label: string, values: string[]): JSX.Element | undefined =>
    values.length === 0 ? undefined : (
      <Dropdown
        className={cn.filter}
        label={label}
        selectedKey={filters[key] || ''}
        options={[{ key: '', text: strings.AllOption }].concat(values.map((v) => ({ key: v, text: optionText(key, v) })))}
        onChange={(_e, o) => onChange({ ...filters, [key]: o && o.key !== '' ? String(o.key) : undefined })}
      />
    );
  return (
    <div className={cn.filters} role="search" aria-label={strings.FiltersLabel}>
      {dropdown('year', strings.FilterYear, options.years)}
      {dropdown('status', strings.FilterStatus, options.statuses)}
      {dropdown('kind', strings.FilterKind, options.kinds)}
      {dropdown('type', strings.FilterType, options.types)}
      {dropdown('auditor', strings.FilterAuditor, options.auditors)}
      <DefaultButton text={strings.ClearFilters} disabled={!auditFiltersActive(filters)} onClick={() => onChange({})} />
    </div>
  );
}

function AuditItem(props: { audit: IAudit; data: IReportData; cn: AuditClassNames; onOpen: (id: number) => void }): JSX.Element {
  const { audit: a, cn } = props;
  const titleId = `audit-${a.id}-title`;
  const recommendations = recommendationsOf(props.data, a.id);
  const meta = [
    `${strings.Auditor}: ${notStated(a.auditor)}`,
    `${strings.Kind}: ${kindLabel(a.kind)}`,
    `${strings.Type}: ${notStated(a.type)}`,
    `${strings.Status}: ${statusLabel(a.status)}`
  ].join(' · ');
  return (
    <li className={cn.audit} data-audit-id={a.id}>
      <article aria-labelledby={titleId}>
        <h3 id={titleId} className={cn.auditTitle}>
          {a.title}
        </h3>
        <p className={cn.meta}>{meta}</p>
        {/* Only what is known: audits without figures are said once above the list. */}
        {hasFindings(a) && (
          <p className={cn.line} data-testid="findings">
            {strings.Findings}: {findingsText(a)}
          </p>
        )}
        {a.followUpOf && (
          <p className={cn.line}>
            {strings.FollowUpOf}:{' '}
            <button type="button" className={cn.linkButton} onClick={() => props.onOpen(a.followUpOf!.id)}>
              {a.followUpOf.title}
            </button>
          </p>
        )}
        {recommendations.length > 0 ? (
          <ExecutionRate rate={executionRate(recommendations)} cn={cn} />
        ) : isStated(a.highRecommendations) && (a.highRecommendations as number) > 0 ? (
          <p className={cn.line} data-testid="execution-rate">
            {format(strings.HighKnownNotListed, a.highRecommendations as number)}
          </p>
        ) : null}
        <DefaultButton className={cn.open} text={strings.OpenAudit} ariaLabel={format(strings.OpenAuditLabel, a.title)} onClick={() => props.onOpen(a.id)} />
      </article>
    </li>
  );
}

function AuditsView(props: { data: IReportData; cn: AuditClassNames; onOpen: (id: number) => void; today: Date }): JSX.Element {
  const { data, cn } = props;
  const [filters, setFilters] = React.useState<IAuditFilters>({});
  const shown = filterAudits(data.audits, filters);
  const groups = groupAuditsByYear(shown);
  // Said once for the list, not on every card.
  const unrecorded = shown.filter((a) => !hasFindings(a) && recommendationsOf(data, a.id).length === 0).length;
  // The one definition (src/model/figures), as on the widget and the Viva card; it does not depend on the year.
  const openRecommendations = React.useMemo(() => buildFigures(data, props.today.getFullYear(), props.today).totals.openRecommendations, [data, props.today]);
  return (
    <>
      <FilterBar audits={data.audits} filters={filters} onChange={setFilters} cn={cn} />
      <AuditsExport audits={([] as IAudit[]).concat(...groups.map((g) => g.audits))} data={data} today={props.today} />
      <div className={cn.live} role="status" aria-live="polite" data-testid="audit-count">
        {format(strings.FilterResults, shown.length, data.audits.length)}
      </div>
      <p className={cn.meta} data-testid="open-recommendations">
        {format(strings.OpenRecommendationsTotal, openRecommendations)}
      </p>
      {unrecorded > 0 && (
        <p className={cn.muted} data-testid="audits-unrecorded">
          {format(strings.AuditsUnrecorded, unrecorded, shown.length)}
        </p>
      )}
      {shown.length === 0 && <p className={cn.muted}>{strings.NoResults}</p>}
      {groups.map((g) => {
        const id = `audits-year-${g.year === undefined ? 'none' : g.year}`;
        return (
          <section key={id} className={cn.group} aria-labelledby={id}>
            <h2 id={id} className={cn.groupTitle}>
              {g.year === undefined ? strings.YearNotStated : format(strings.AuditsInYear, g.year)}
            </h2>
            <ul className={cn.list}>
              {g.audits.map((a) => (
                <AuditItem key={a.id} audit={a} data={data} cn={cn} onOpen={props.onOpen} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function DomainsView(props: { data: IReportData; today: Date; cn: AuditClassNames; onOpen: (id: number) => void }): JSX.Element {
  const { data, cn } = props;
  const deadlines = deadlinesByDomain(data, props.today);
  const domains = data.domains.filter((d) => d.active).sort((a, b) => a.order - b.order || a.id - b.id);
  const figures = buildFigures(data, props.today.getFullYear(), props.today);
  const openRecs = (id: number): number => (figures.domains.filter((f) => f.domainId === id)[0] || { openRecommendations: 0 }).openRecommendations;
  return (
    <>
      {domains.map((d) => {
        const audits = auditsFeedingDomain(data, d.id);
        const id = `audit-domain-${d.id}`;
        const counts = deadlines[d.id] || { overdue: 0, dueSoon: 0 };
        return (
          <section key={d.id} className={cn.group} aria-labelledby={id} data-domain-id={d.id}>
            <h2 id={id} className={cn.groupTitle}>
              {d.title}
            </h2>
            <p className={cn.meta}>
              {format(strings.DomainDeadlines, counts.overdue, counts.dueSoon)} · {format(strings.DomainOpenRecommendations, openRecs(d.id))}
            </p>
            {audits.length === 0 ? (
              <p className={cn.muted}>{strings.DomainNoAudits}</p>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }} aria-label={format(strings.DomainAudits, audits.length)}>
                {audits.map((a) => (
                  <li key={a.id}>
                    <button type="button" className={cn.linkButton} onClick={() => props.onOpen(a.id)}>
                      {a.title}
                    </button>{' '}
                    {[isStated(a.year) ? `(${a.year})` : '', hasFindings(a) ? `— ${findingsText(a)}` : ''].filter((x) => !!x).join(' ')}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <NoDomain data={data} cn={cn} onOpen={props.onOpen} />
    </>
  );
}

/** Audits linked to no domain, said once in plain words (not "(niet vermeld) — niet vermeld" per line). */
function NoDomain(props: { data: IReportData; cn: AuditClassNames; onOpen: (id: number) => void }): JSX.Element {
  const { data, cn } = props;
  const audits = auditsWithoutDomain(data);
  if (audits.length === 0) return <></>;
  const ids = audits.map((a) => a.id);
  const open = (data.recommendations || []).filter((r) => r.auditId !== undefined && ids.indexOf(r.auditId) >= 0 && !isRecommendationDone(r)).length;
  return (
    <section className={cn.group} aria-labelledby="audit-domain-none" data-testid="no-domain">
      <h2 id="audit-domain-none" className={cn.groupTitle}>
        {strings.NoDomainTitle}
      </h2>
      <p className={cn.meta}>{format(strings.NoDomainIntro, audits.length, open)}</p>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {audits.map((a) => (
          <li key={a.id}>
            <button type="button" className={cn.linkButton} onClick={() => props.onOpen(a.id)}>
              {a.title}
            </button>
            {isStated(a.year) ? ` (${a.year})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MineView(props: {
  data: IReportData;
  today: Date;
  user: UserState;
  siteUrl: string;
  cn: AuditClassNames;
  onOpen: (id: number) => void;
  openForm: (url: string) => void;
  progress?: IProgressState;
}): JSX.Element {
  const { data, cn, user } = props;
  if (user.failed) return <MessageBar messageBarType={MessageBarType.warning}>{strings.MineNoUser}</MessageBar>;
  if (!user.user) return <LoadingView label={strings.MineLoadingUser} lines={3} />;
  const items = myItems(data, user.user.id, props.today);
  // The reminder rule (src/model): overdue and due within 30 days, which myItems already puts first.
  const due = myFigures(data, user.user.id, props.today);
  return (
    <section aria-labelledby="mine-title" className={cn.group}>
      <h2 id="mine-title" className={cn.groupTitle}>
        {strings.TabMine}
      </h2>
      <p className={cn.meta}>{format(strings.MineIntro, user.user.title)}</p>
      {due.items.length > 0 && (
        <p className={cn.meta} data-testid="mine-due">
          {format(strings.MineSummary, due.overdue, due.dueSoon)}
        </p>
      )}
      {items.length === 0 ? (
        <EmptyView title={strings.TabMine} message={strings.MineEmpty} />
      ) : (
        <ul className={cn.list} data-testid="mine-list">
          {items.map((i) => {
            const isAction = i.kind === 'action';
            const title = i.kind === 'action' ? cardTitle(i.action) : i.recommendation.title;
            const deadline = i.kind === 'action' ? i.action.deadline : i.recommendation.deadline;
            const status = i.kind === 'action' ? i.action.status : i.recommendation.status;
            const id = i.kind === 'action' ? i.action.id : i.recommendation.id;
            const url = listFormUrl(props.siteUrl, isAction ? 'actions' : 'recommendations', 'DispForm', id);
            return (
              <li key={`${i.kind}-${id}`} className={cn.audit} data-mine={i.kind}>
                <span className={cn.recTitle}>{title}</span>
                <div className={cn.tags}>
                  <span>{isAction ? strings.KindAction : strings.KindRecommendation}</span>
                  <span>
                    {strings.Status}: {statusLabel(status)}
                  </span>
                  {deadline ? (
                    <DeadlineTag state={i.state === 'none' ? 'later' : i.state} text={deadlineText(i.state, deadline)} />
                  ) : (
                    <span>
                      {strings.Deadline}: {strings.NoDeadline}
                    </span>
                  )}
                  {i.kind === 'recommendation' && i.audit && (
                    <button type="button" className={cn.linkButton} onClick={() => props.onOpen(i.audit!.id)}>
                      {format(strings.FromAudit, i.audit.title)}
                    </button>
                  )}
                </div>
                <FormLink url={url} text={strings.OpenInList} subject={title} openForm={props.openForm} />
                {props.progress && user.user && (
                  <OwnerProgress progress={props.progress} target={{ kind: i.kind, id }} item={i.kind === 'action' ? i.action : i.recommendation} title={title} userId={user.user.id} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AuditFollowUpView(props: IAuditFollowUpProps): JSX.Element {
  const { repository } = props;
  const theme = useTheme();
  const cn = React.useMemo(() => getClassNames(theme), [theme]);
  const { data, refreshing, error, reload } = useReportData(repository);
  const permissions = usePermissions(repository);
  const user = useCurrentUser(repository);
  const progress = useProgressReports(props.progress);
  const today = React.useMemo(() => props.today || new Date(), [props.today]);
  const [view, setView] = React.useState<AuditView>(props.initialView || 'audits');
  const [openId, setOpenId] = React.useState<number | undefined>(props.initialAuditId);

  const openForm = useFormOpener(reload, props.openForm);

  const openAudit = data && openId !== undefined ? data.audits.filter((a) => a.id === openId)[0] : undefined;
  const missingAudit = data && openId !== undefined && !openAudit && openId === props.initialAuditId;

  let body: React.ReactNode;
  if (!data) {
    body = error ? (
      <ErrorView message={isServerBusy(error) ? strings.LoadErrorBusy : strings.LoadError} retryLabel={strings.Retry} onRetry={reload} detailsLabel={strings.TechnicalDetails} error={error} />
    ) : (
      <LoadingView label={strings.Loading} blocks={3} lines={4} />
    );
  } else if (view === 'mine') {
    body = <MineView data={data} today={today} user={user} siteUrl={repository.siteUrl} cn={cn} onOpen={setOpenId} openForm={openForm} progress={progress} />;
  } else if (data.audits.length === 0) {
    body = (
      <EmptyView
        title={strings.EmptyTitle}
        message={permissions.canEdit ? strings.EmptyEditor : strings.EmptyReader}
        actionLabel={permissions.canEdit ? strings.NewAudit : undefined}
        onAction={permissions.canEdit ? () => openForm(listFormUrl(repository.siteUrl, 'audits', 'NewForm')) : undefined}
      />
    );
  } else if (view === 'domains') {
    body = <DomainsView data={data} today={today} cn={cn} onOpen={setOpenId} />;
  } else {
    body = <AuditsView data={data} cn={cn} onOpen={setOpenId} today={today} />;
  }

  return (
    <div className={cn.root} data-teams={props.isTeams ? 'true' : undefined}>
      <div className={cn.toolbar}>
        <Pivot
          aria-label={strings.ViewsLabel}
          selectedKey={view}
          headersOnly={true}
          onLinkClick={(item) => item && item.props.itemKey && setView(item.props.itemKey as AuditView)}
        >
          <PivotItem itemKey="audits" headerText={strings.TabAudits} />
          <PivotItem itemKey="domains" headerText={strings.TabDomains} />
          <PivotItem itemKey="mine" headerText={strings.TabMine} />
        </Pivot>
        {data && <DefaultButton text={strings.Refresh} onClick={reload} disabled={refreshing} allowDisabledFocus />}
        {permissions.canEdit && <FormLink url={listFormUrl(repository.siteUrl, 'audits', 'NewForm')} text={strings.NewAudit} openForm={openForm} />}
        <span className={cn.live} role="status">
          {refreshing ? strings.Refreshing : ''}
        </span>
      </div>
      {((data && error) || missingAudit) && (
        <div className={cn.messages}>
          {data && error && (
            <ErrorView warning={true} message={strings.RefreshError} retryLabel={strings.Retry} onRetry={reload} detailsLabel={strings.TechnicalDetails} error={error} />
          )}
          {missingAudit && <MessageBar messageBarType={MessageBarType.warning}>{format(strings.AuditNotFound, openId as number)}</MessageBar>}
        </div>
      )}
      {data && progress && permissions.canEdit && <PendingReviews progress={progress} data={data} onChanged={reload} />}
      {body}
      {data && (
        <AuditPanel
          audit={openAudit}
          data={data}
          today={today}
          canEdit={permissions.canEdit}
          siteUrl={repository.siteUrl}
          cardsUrl={props.cardsUrl}
          cn={cn}
          onDismiss={() => setOpenId(undefined)}
          onOpenAudit={setOpenId}
          openForm={openForm}
          owners={props.owners}
          onChanged={reload}
        />
      )}
    </div>
  );
}

/**
 * Auditopvolging: audits by year with their findings and execution rate, per domain the
 * audits that feed it, "Mijn acties", and per audit its recommendations, risks and actions.
 */
export function AuditFollowUp(props: IAuditFollowUpProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <AuditFollowUpView {...props} />
    </ThemeProvider>
  );
}
