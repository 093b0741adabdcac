import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { RichText } from '../../../components/RichText';
import { cardTitle } from '../../../model/text';
import { IAction, IDomainReport } from '../../../model/types';
import { IDomainCardsClassNames } from './styles';
import { DeadlineLine, formatDate } from './DetailPanel';
import { ISelection, PlanningOrRealisation } from './selection';
import { IChangedAfterFinal, IDomainComparison } from '../../../model/finalReport';
import { actionDeadlineState, IDeadlineCounts } from '../../../model/audits';
import { idsWithoutTitle } from '../../../model/yearView';
import { highRisksOf } from '../../../model/figures';

export type { ISelection, PlanningOrRealisation } from './selection';

export interface IDomainCardProps {
  /** The domain's report with the toolbar filters applied. */
  report: IDomainReport;
  /** Unfiltered: the header counts are facts about the domain, not about the filter. */
  full: IDomainReport;
  year: number;
  planningYear: number;
  anchorId: string;
  classNames: IDomainCardsClassNames;
  canEdit: boolean;
  /** Filters are active: show older items too, or matches would hide behind a toggle. */
  expandOlder: boolean;
  onOpen: (selection: ISelection) => void;
  /** Reads the titles of items that were read only to be counted (a toggle opens). */
  onLoadTitles?: (ids: number[]) => Promise<void>;
  onNewAction?: () => void;
  onNewRisk?: () => void;
  /** Today, for the deadline marks on planned actions. */
  today: Date;
  /** Open actions and recommendations of the domain past or near their deadline. */
  deadlines?: IDeadlineCounts;
  /** In Teams: share a deep link to this domain through Teams' share dialog. */
  onShare?: () => void;
  /** The year is final: items changed after its final report (id -> date of the change). */
  changed?: IChangedAfterFinal;
  /** "Toon definitief rapport": the year's final report next to today's data (read-only). */
  final?: { year: number; loading: boolean; error: boolean; comparison?: IDomainComparison };
  /** A message about a change the user made on this card ("Doorschuiven"): shown here, where they work. */
  notice?: React.ReactNode;
  /** More in the card's header (control team: reports to review, "Eigenaar en deadline toewijzen"). */
  headerActions?: React.ReactNode;
}

/** "gewijzigd na definitief rapport (<datum>)": as text, not only a colour. */
function ChangedMark(props: { date: string | undefined; cn: IDomainCardsClassNames }): JSX.Element {
  if (!props.date) return <React.Fragment />;
  return (
    <span className={props.cn.meta} data-testid="changed-after-final">
      {format(strings.ChangedAfterFinal, formatDate(props.date) || props.date)}
    </span>
  );
}

/** The final report of the year for this domain, read-only, next to today's quadrants. */
function FinalSnapshot(props: { id: string; final: NonNullable<IDomainCardProps['final']>; cn: IDomainCardsClassNames }): JSX.Element {
  const { final, cn } = props;
  const c = final.comparison;
  const titles = (items: Array<{ title: string; shortTitle?: string }>): JSX.Element =>
    items.length === 0 ? (
      <p className={cn.nothing}>{strings.NothingYet}</p>
    ) : (
      <ul className={cn.subList} style={{ marginLeft: 20, fontSize: 'inherit', color: 'inherit' }}>
        {items.map((a, i) => (
          <li key={i}>{a.shortTitle || a.title}</li>
        ))}
      </ul>
    );
  let body: React.ReactNode;
  if (final.loading) body = <p className={cn.nothing}>{strings.FinalSnapshotLoading}</p>;
  else if (final.error) body = <p className={cn.nothing}>{strings.FinalSnapshotError}</p>;
  else if (!c || !c.final || !c.finalCounts) body = <p className={cn.nothing}>{strings.FinalSnapshotNoDomain}</p>;
  else {
    body = (
      <>
        <p className={cn.cardCounts}>{format(strings.FinalSnapshotCounts, c.finalCounts.risks, c.finalCounts.realisationsNew, final.year, c.finalCounts.planningNew, final.year + 1)}</p>
        <h4 className={cn.quadrantTitle}>{strings.Risks}</h4>
        {titles(c.final.risks)}
        <h4 className={cn.quadrantTitle}>{format(strings.FinalSnapshotRealised, final.year)}</h4>
        {titles(c.final.realisationsNew)}
        <h4 className={cn.quadrantTitle}>{format(strings.FinalSnapshotPlanned, final.year + 1)}</h4>
        {titles(c.final.planningNew)}
      </>
    );
  }
  return (
    <div className={cn.quadrant} role="group" aria-labelledby={`${props.id}-h`} data-testid="final-snapshot">
      <div className={cn.quadrantHeader}>
        <h3 id={`${props.id}-h`} className={cn.quadrantTitle}>
          {format(strings.FinalSnapshotHeading, final.year)}
        </h3>
      </div>
      {body}
    </div>
  );
}

function NewTag(props: { className: string }): JSX.Element {
  return <span className={props.className}>{strings.New}</span>;
}

/** `filtered`: the quadrant has items, only none that match the filters; say that, not that nothing was entered. */
function Nothing(props: { cn: IDomainCardsClassNames; filtered?: boolean }): JSX.Element {
  return <p className={props.cn.nothing}>{props.filtered ? strings.NothingMatches : strings.NothingYet}</p>;
}

function ActionItems(props: {
  actions: IAction[];
  isNew: boolean;
  section: PlanningOrRealisation;
  cn: IDomainCardsClassNames;
  onOpen: (s: ISelection) => void;
  label?: string;
  today: Date;
  changed?: Record<number, string>;
}): JSX.Element {
  const { cn } = props;
  if (props.actions.length === 0) return <React.Fragment />;
  return (
    <ul className={cn.list} aria-label={props.label}>
      {props.actions.map((a) => (
        <li key={a.id} className={cn.item} data-item-id={a.id}>
          <button
            type="button"
            className={cn.itemButton}
            onClick={() => props.onOpen({ kind: 'action', action: a, section: props.section, isNew: props.isNew })}
          >
            <span className={cn.itemTitle}>{cardTitle(a)}</span>
            {props.isNew && <NewTag className={cn.newTag} />}
            {props.section === 'planning' && actionDeadlineState(a, props.today) !== 'later' && actionDeadlineState(a, props.today) !== 'none' && (
              <DeadlineLine action={a} today={props.today} />
            )}
            <ChangedMark date={props.changed ? props.changed[a.id] : undefined} cn={cn} />
          </button>
          {a.subItems.length > 0 && (
            <ul className={cn.subList}>
              {a.subItems.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Older items folded behind a button that says how many there are. */
function OlderItems(props: {
  id: string;
  label: string;
  actions: IAction[];
  section: PlanningOrRealisation;
  defaultOpen: boolean;
  cn: IDomainCardsClassNames;
  onOpen: (s: ISelection) => void;
  onLoadTitles?: (ids: number[]) => Promise<void>;
  today: Date;
  changed?: Record<number, string>;
}): JSX.Element {
  const [open, setOpen] = React.useState<boolean | undefined>(undefined);
  const [failed, setFailed] = React.useState(false);
  const [attempt, setAttempt] = React.useState(0);
  const isOpen = open === undefined ? props.defaultOpen : open;
  const missing = React.useMemo(() => idsWithoutTitle(props.actions), [props.actions]);
  const toggleRef = React.useRef<HTMLButtonElement>(null);
  const { onLoadTitles } = props;
  // Which ids lack a title: a reload (back from a list form, after "Doorschuiven") reads the older
  // items again only to be counted, so an open toggle must read their titles again too.
  const missingKey = missing.join(',');
  // The ids a read answered for: ones it did not find (deleted meanwhile) are not "loading" for ever.
  const [answered, setAnswered] = React.useState<string | undefined>(undefined);
  const loadingNow = isOpen && missing.length > 0 && !!onLoadTitles && !failed && answered !== missingKey;
  React.useEffect(() => {
    if (!isOpen || missing.length === 0 || !onLoadTitles) return;
    let live = true;
    setFailed(false);
    onLoadTitles(missing).then(
      () => live && setAnswered(missingKey),
      () => live && setFailed(true)
    );
    return () => {
      live = false;
    };
    // Once per opening, retry or new set of untitled ids (not again when the same ids stay untitled).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen, attempt, onLoadTitles, missingKey]);
  const retry = (): void => {
    setAttempt(attempt + 1);
    // The retry button goes away with the message: keep the keyboard on this toggle.
    if (toggleRef.current) toggleRef.current.focus();
  };
  if (props.actions.length === 0) return <React.Fragment />;
  const withTitle = props.actions.filter((a) => a.detail !== 'count');
  return (
    <div>
      <button ref={toggleRef} type="button" className={props.cn.toggle} aria-expanded={isOpen} aria-controls={props.id} onClick={() => setOpen(!isOpen)}>
        <span aria-hidden="true">{isOpen ? '▾ ' : '▸ '}</span>
        {props.label}
      </button>
      <div id={props.id} hidden={!isOpen} aria-busy={loadingNow ? true : undefined}>
        {isOpen && <ActionItems actions={withTitle} isNew={false} section={props.section} cn={props.cn} onOpen={props.onOpen} today={props.today} changed={props.changed} />}
        {isOpen && loadingNow && (
          <p className={props.cn.nothing} role="status">
            {strings.LoadingTitles}
          </p>
        )}
        {isOpen && failed && missing.length > 0 && (
          <p className={props.cn.nothing} role="alert">
            {strings.TitlesError}{' '}
            <button type="button" className={props.cn.toggle} onClick={retry}>
              {strings.Retry}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}

/** A realisations or planning quadrant: the report year's items marked new, older ones behind their toggle. */
function ActionsBody(props: {
  section: PlanningOrRealisation;
  newItems: IAction[];
  older: IAction[];
  olderLabel: string;
  anchorId: string;
  cn: IDomainCardsClassNames;
  onOpen: (s: ISelection) => void;
  onLoadTitles?: (ids: number[]) => Promise<void>;
  today: Date;
  changed?: Record<number, string>;
  expandOlder: boolean;
  /** Items of this quadrant before the filters. */
  unfilteredCount: number;
}): JSX.Element {
  const { cn, section } = props;
  const id = `${props.anchorId}-${section === 'realisation' ? 'realisations' : 'planning'}-older`;
  return (
    <React.Fragment>
      {props.newItems.length + props.older.length === 0 && <Nothing cn={cn} filtered={props.expandOlder && props.unfilteredCount > 0} />}
      <ActionItems actions={props.newItems} isNew={true} section={section} cn={cn} onOpen={props.onOpen} today={props.today} changed={props.changed} />
      <OlderItems
        id={id}
        label={format(props.olderLabel, props.older.length)}
        actions={props.older}
        section={section}
        defaultOpen={props.expandOlder}
        cn={cn}
        onOpen={props.onOpen}
        onLoadTitles={props.onLoadTitles}
        today={props.today}
        changed={props.changed}
      />
    </React.Fragment>
  );
}

function Quadrant(props: {
  id: string;
  title: string;
  cn: IDomainCardsClassNames;
  action?: JSX.Element;
  children: React.ReactNode;
}): JSX.Element {
  const headingId = `${props.id}-h`;
  return (
    <div className={props.cn.quadrant} role="group" aria-labelledby={headingId} data-quadrant={props.id}>
      <div className={props.cn.quadrantHeader}>
        <h3 id={headingId} className={props.cn.quadrantTitle}>
          {props.title}
        </h3>
        {props.action}
      </div>
      {props.children}
    </div>
  );
}

/** The domain's criteria as bullets, the full criteria text behind "Meer". */
function CriteriaQuadrant(props: { anchorId: string; domain: IDomainReport['domain']; cn: IDomainCardsClassNames }): JSX.Element {
  const { anchorId, domain, cn } = props;
  const [criteriaOpen, setCriteriaOpen] = React.useState(false);
  const criteriaTextId = `${anchorId}-criteria-text`;
  const hasCriteriaText = !!(domain.criteriaText && domain.criteriaText.trim());
  return (
        <Quadrant id={`${anchorId}-criteria`} title={strings.Criteria} cn={cn}>
          {domain.criteria.length > 0 && (
            <ul className={cn.subList} style={{ marginLeft: 20, fontSize: 'inherit', color: 'inherit' }}>
              {domain.criteria.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
          {domain.criteria.length === 0 && !hasCriteriaText && <Nothing cn={cn} />}
          {hasCriteriaText && (
            <>
              <button
                type="button"
                className={cn.toggle}
                aria-expanded={criteriaOpen}
                aria-controls={criteriaTextId}
                onClick={() => setCriteriaOpen(!criteriaOpen)}
              >
                <span aria-hidden="true">{criteriaOpen ? '▾ ' : '▸ '}</span>
                {criteriaOpen ? strings.Less : strings.More}
              </button>
              <div id={criteriaTextId} hidden={!criteriaOpen}>
                {criteriaOpen && <RichText value={domain.criteriaText} className={`${cn.criteriaText} ${cn.richText}`} />}
              </div>
            </>
          )}
        </Quadrant>
  );
}

/** The open risks with their source; "Nieuw risico" for editors. */
function RisksQuadrant(props: IDomainCardProps): JSX.Element {
  const { report, full, classNames: cn, anchorId, onOpen } = props;
  return (
        <Quadrant
          id={`${anchorId}-risks`}
          title={strings.Risks}
          cn={cn}
          action={props.canEdit && props.onNewRisk ? <DefaultButton text={strings.NewRisk} onClick={props.onNewRisk} styles={{ root: { height: 28, padding: '0 8px', minWidth: 0 } }} /> : undefined}
        >
          {report.risks.length === 0 ? (
            <Nothing cn={cn} filtered={props.expandOlder && full.risks.length > 0} />
          ) : (
            <ul className={cn.list}>
              {report.risks.map((r) => {
                const source = r.audit ? r.audit.title : r.source;
                return (
                  <li key={r.id} className={cn.item} data-risk-id={r.id}>
                    <button type="button" className={cn.itemButton} onClick={() => onOpen({ kind: 'risk', risk: r })}>
                      <span className={cn.itemTitle}>{r.title}</span>
                      {source && <span className={cn.meta}>{format(strings.SourceLabel, source)}</span>}
                      <ChangedMark date={props.changed ? props.changed.risks[r.id] : undefined} cn={cn} />
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </Quadrant>
  );
}

/** One domain: a landmark section with the four quadrants of the council report. */
export function DomainCard(props: IDomainCardProps): JSX.Element {
  const { report, full, classNames: cn, year, planningYear, anchorId, onOpen } = props;
  const domain = report.domain;
  const titleId = `${anchorId}-title`;

  const bodyProps = { anchorId, cn, onOpen, onLoadTitles: props.onLoadTitles, today: props.today, changed: props.changed && props.changed.actions, expandOlder: props.expandOlder };

  return (
    <section id={anchorId} className={cn.card} aria-labelledby={titleId} data-domain-id={domain.id}>
      <div className={cn.cardHeader}>
        <div>
          <h2 id={titleId} className={cn.cardTitle} tabIndex={-1}>
            {domain.title}
          </h2>
          <p className={cn.cardCounts}>
            {format(strings.CardCounts, highRisksOf(full).length, full.realisationsNew.length, year, full.planningNew.length, planningYear)}
          </p>
          {props.deadlines && (props.deadlines.overdue > 0 || props.deadlines.dueSoon > 0) && (
            <p className={cn.cardCounts} data-testid="card-deadlines">
              {format(strings.CardDeadlines, props.deadlines.overdue, props.deadlines.dueSoon)}
            </p>
          )}
        </div>
        {props.onShare && (
          <DefaultButton
            text={strings.ShareDomain}
            ariaLabel={format(strings.ShareDomainLabel, domain.title)}
            iconProps={{ iconName: 'Share' }}
            onClick={props.onShare}
            styles={{ root: { height: 28, padding: '0 8px', minWidth: 0, flexShrink: 0 } }}
          />
        )}
        {props.headerActions}
      </div>
      {props.notice && (
        <div className={cn.messages} data-testid="card-notice">
          {props.notice}
        </div>
      )}
      <div className={cn.quadrants}>
        <CriteriaQuadrant anchorId={anchorId} domain={domain} cn={cn} />
        <RisksQuadrant {...props} />

        <Quadrant id={`${anchorId}-realisations`} title={strings.Realisations} cn={cn}>
          <ActionsBody
            section="realisation"
            newItems={report.realisationsNew}
            older={report.realisationsOlder}
            olderLabel={strings.OlderRealisations}
            unfilteredCount={full.realisationsNew.length + full.realisationsOlder.length}
            {...bodyProps}
          />
        </Quadrant>

        <Quadrant
          id={`${anchorId}-planning`}
          title={format(strings.Planning, planningYear)}
          cn={cn}
          action={props.canEdit && props.onNewAction ? <DefaultButton text={strings.NewAction} onClick={props.onNewAction} styles={{ root: { height: 28, padding: '0 8px', minWidth: 0 } }} /> : undefined}
        >
          <ActionsBody
            section="planning"
            newItems={report.planningNew}
            older={report.planningOlder}
            olderLabel={strings.OlderPlanning}
            unfilteredCount={full.planningNew.length + full.planningOlder.length}
            {...bodyProps}
          />
        </Quadrant>
        {props.final && <FinalSnapshot id={`${anchorId}-final`} final={props.final} cn={cn} />}
      </div>
    </section>
  );
}
