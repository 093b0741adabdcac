import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { RichText } from '../../../components/RichText';
import { WRAPPING_PANEL_STYLES } from '../../../components/wrap';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { actionDeadlineState, recommendationsAnsweredBy } from '../../../model/audits';
import { auditLink, listFormUrl, safeUrl, versionHistoryUrl } from '../../../model/links';
import { cardTitle } from '../../../model/text';
import { IAction, IReportData, IRisk } from '../../../model/types';
import { RiskAssessment } from './RiskAssessment';
import { ISelection } from './selection';
import { IDomainCardsClassNames } from './styles';

export interface IDetailPanelProps {
  selection: ISelection | undefined;
  data: IReportData;
  /** The report year on screen. */
  year: number;
  /** First year the lists hold data for: an unknown year reads "vóór <that year>". */
  firstDataYear: number;
  showDescriptions: boolean;
  canEdit: boolean;
  siteUrl: string;
  classNames: IDomainCardsClassNames;
  onDismiss: () => void;
  openForm: (url: string) => void;
  /** Editors on a planning item: "Doorschuiven naar realisaties". */
  onRealise?: (action: IAction) => void;
  /** The Auditopvolging page or tab: a risk's audit opens there. */
  auditsUrl?: string;
  /** Today, for the deadline marks. */
  today: Date;
  /** Ids of the Acties and Risicos lists: the version history link needs them. */
  listIds?: { actions?: string; risks?: string };
  /** Every field of an item read with fewer (its description): read when its panel opens. */
  loadActionDetails?: (id: number) => Promise<IAction | undefined>;
  loadRiskDetails?: (id: number) => Promise<IRisk | undefined>;
  /** The full item, to keep it in the view. */
  onActionDetails?: (action: IAction) => void;
  onRiskDetails?: (risk: IRisk) => void;
  /** Below an action's fields: "Voortgang melden" and the review of its progress reports (ActionProgress). */
  renderActionExtras?: (action: IAction) => React.ReactNode;
  /** Reads the titles of actions read only to be counted (a risk's treating actions of older years). */
  onLoadTitles?: (ids: number[]) => Promise<void>;
}

const STATUS_LABELS: Record<string, string> = {
  Gepland: strings.StatusGepland,
  Lopend: strings.StatusLopend,
  Gerealiseerd: strings.StatusGerealiseerd,
  Geschrapt: strings.StatusGeschrapt,
  Open: strings.StatusOpen,
  Opgevolgd: strings.StatusOpgevolgd,
  Afgesloten: strings.StatusAfgesloten
};

const PRIORITY_LABELS: Record<string, string> = { Hoog: strings.PriorityHoog, Middel: strings.PriorityMiddel, Laag: strings.PriorityLaag };

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] || status;
}

export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleDateString(strings.DateLocale, { day: 'numeric', month: 'long', year: 'numeric' });
  } catch {
    return iso.slice(0, 10);
  }
}

/** A linked risk's title: count rows carry only its id, so the title is the risk's own (with its score state). */
function linkedRiskTitle(ref: { id: number; title: string }, data: IReportData): string {
  const risk = data.risks.filter((r) => r.id === ref.id)[0];
  return (risk && risk.title) || ref.title || `#${ref.id}`;
}

/** A labelled value (a term/definition pair); nothing when there is no value. */
function Field(props: { label: string; cn: IDomainCardsClassNames; children?: React.ReactNode }): JSX.Element {
  if (props.children === undefined || props.children === '' || props.children === false) return <React.Fragment />;
  return (
    <div className={props.cn.panelSection}>
      <dt className={props.cn.panelLabel}>{props.label}</dt>
      <dd className={props.cn.panelValue}>{props.children}</dd>
    </div>
  );
}

function Bullets(props: { items: string[] }): JSX.Element {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {props.items.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ul>
  );
}

/** Opens the list form through the host (new window by default); keeps the link usable without script. */
function FormLink(props: { url: string; text: string; primary?: boolean; openForm: (url: string) => void }): JSX.Element {
  const onClick = (e: React.MouseEvent<unknown>): void => {
    e.preventDefault();
    props.openForm(props.url);
  };
  const ariaLabel = `${props.text} (${strings.OpensInNewWindow})`;
  const href = safeUrl(props.url);
  return props.primary ? (
    <PrimaryButton href={href} target="_blank" rel="noopener noreferrer" text={props.text} ariaLabel={ariaLabel} onClick={onClick} />
  ) : (
    <DefaultButton href={href} target="_blank" rel="noopener noreferrer" text={props.text} ariaLabel={ariaLabel} onClick={onClick} />
  );
}

/** The deadline with "te laat" / "binnen 30 dagen" as text; a realised action is never late. */
export function DeadlineLine(props: { action: IAction; today: Date }): JSX.Element {
  const state = actionDeadlineState(props.action, props.today);
  const date = formatDate(props.action.deadline) || '';
  if (state === 'overdue') return <DeadlineTag state={state} text={format(strings.Overdue, date)} />;
  if (state === 'dueSoon') return <DeadlineTag state={state} text={format(strings.DueSoon, date)} />;
  return <>{date}</>;
}

/**
 * Who changed the item last and when (Editor, Modified), and a link to SharePoint's own
 * version history page of the item.
 */
export function HistoryLine(props: { modified?: string; modifiedBy?: string; historyUrl?: string; cn: IDomainCardsClassNames }): JSX.Element {
  const date = formatDate(props.modified);
  const historyUrl = safeUrl(props.historyUrl);
  if (!date && !historyUrl) return <React.Fragment />;
  return (
    <Field label={strings.History} cn={props.cn}>
      {date && (
        <span data-testid="last-modified">{props.modifiedBy ? format(strings.LastModifiedBy, props.modifiedBy, date) : format(strings.LastModifiedOn, date)}</span>
      )}
      {date && historyUrl && ' · '}
      {historyUrl && (
        <a href={historyUrl} target="_blank" rel="noopener noreferrer" aria-label={`${strings.VersionHistory} (${strings.OpensInNewWindow})`}>
          {strings.VersionHistory}
        </a>
      )}
    </Field>
  );
}

function ActionDetails(props: IDetailPanelProps & { action: IAction; isPlanning: boolean }): JSX.Element {
  const { action: a, data, classNames: cn, firstDataYear } = props;
  const domains = data.domains
    .filter((d) => a.domainIds.indexOf(d.id) >= 0)
    .sort((x, y) => x.order - y.order)
    .map((d) => d.title);
  const answered = recommendationsAnsweredBy(data, a.id);
  const planned = a.plannedYear !== undefined ? String(a.plannedYear) : format(strings.BeforeYear, firstDataYear);
  const realised =
    a.status === 'Gerealiseerd' ? (a.realisedYear !== undefined ? String(a.realisedYear) : format(strings.BeforeYear, firstDataYear)) : strings.NotRealised;
  return (
    <>
      <dl style={{ margin: 0 }}>
        {props.showDescriptions && !!a.description && !!a.description.trim() && (
          <Field label={strings.Description} cn={cn}>
            <RichText value={a.description} className={cn.richText} siteUrl={props.siteUrl} />
          </Field>
        )}
        {a.subItems.length > 0 && (
          <Field label={strings.SubItems} cn={cn}>
            <Bullets items={a.subItems} />
          </Field>
        )}
        {domains.length > 0 && (
          <Field label={strings.Domains} cn={cn}>
            <Bullets items={domains} />
          </Field>
        )}
        {a.risks.length > 0 && (
          <Field label={strings.LinkedRisks} cn={cn}>
            <Bullets items={a.risks.map((r) => linkedRiskTitle(r, data))} />
          </Field>
        )}
        <Field label={strings.Audit} cn={cn}>{a.audit ? a.audit.title : undefined}</Field>
        <Field label={strings.Owner} cn={cn}>
          {a.owner ? (a.owner.email ? <a href={`mailto:${a.owner.email}`}>{a.owner.title}</a> : a.owner.title) : undefined}
        </Field>
        <Field label={strings.Directie} cn={cn}>{a.directie}</Field>
        <Field label={strings.Afdeling} cn={cn}>{a.afdeling}</Field>
        <Field label={strings.Status} cn={cn}>{statusLabel(a.status)}</Field>
        <Field label={strings.YearPlanned} cn={cn}>{planned}</Field>
        <Field label={strings.YearRealised} cn={cn}>{realised}</Field>
        <Field label={strings.Deadline} cn={cn}>
          {a.deadline ? <DeadlineLine action={a} today={props.today} /> : undefined}
        </Field>
        {answered.length > 0 && (
          <Field label={strings.AnsweredRecommendations} cn={cn}>
            <Bullets items={answered.map((r) => `${r.title} (${r.priority}, ${r.status})`)} />
          </Field>
        )}
        {!!a.note && !!a.note.trim() && (
          <Field label={strings.Note} cn={cn}>
            <RichText value={a.note} className={cn.richText} siteUrl={props.siteUrl} />
          </Field>
        )}
        <HistoryLine
          modified={a.modified}
          modifiedBy={a.modifiedBy}
          historyUrl={props.listIds && props.listIds.actions ? versionHistoryUrl(props.siteUrl, props.listIds.actions, a.id) : undefined}
          cn={cn}
        />
      </dl>
      {props.renderActionExtras && props.renderActionExtras(a)}
      <div className={cn.panelActions}>
        {props.canEdit && props.isPlanning && props.onRealise && (
          <PrimaryButton text={strings.Realise} onClick={() => props.onRealise && props.onRealise(a)} />
        )}
        {props.canEdit && <FormLink url={listFormUrl(props.siteUrl, 'actions', 'EditForm', a.id)} text={strings.Edit} openForm={props.openForm} />}
        <FormLink url={listFormUrl(props.siteUrl, 'actions', 'DispForm', a.id)} text={strings.OpenInList} openForm={props.openForm} />
      </div>
    </>
  );
}

function RiskDetails(props: IDetailPanelProps & { risk: IRisk }): JSX.Element {
  const { risk: r, data, classNames: cn, firstDataYear, year } = props;
  const identified = r.yearIdentified !== undefined ? String(r.yearIdentified) : format(strings.BeforeYear, firstDataYear);
  const closed = r.yearClosed !== undefined && (r.status === 'Afgesloten' || r.yearClosed <= year) ? String(r.yearClosed) : strings.NotClosed;
  // Undefined for an empty or refused page setting: the audit's title as plain text then.
  const auditHref = r.audit ? auditLink(props.auditsUrl, r.audit.id) : undefined;
  return (
    <>
      <dl style={{ margin: 0 }}>
        <Field label={strings.Source} cn={cn}>{r.source}</Field>
        <Field label={strings.Audit} cn={cn}>
          {r.audit ? (
            auditHref ? (
              <a href={auditHref} aria-label={format(strings.OpenAudit, r.audit.title)} data-testid="risk-audit-link">
                {r.audit.title}
              </a>
            ) : (
              r.audit.title
            )
          ) : undefined}
        </Field>
        <Field label={strings.Priority} cn={cn}>{PRIORITY_LABELS[r.priority] || r.priority}</Field>
        <Field label={strings.Status} cn={cn}>{statusLabel(r.status)}</Field>
        <Field label={strings.YearIdentified} cn={cn}>{identified}</Field>
        <Field label={strings.YearClosed} cn={cn}>{closed}</Field>
        <RiskAssessment risk={r} data={data} cn={cn} statusText={statusLabel} onLoadTitles={props.onLoadTitles} />
        {props.showDescriptions && !!r.notes && !!r.notes.trim() && (
          <Field label={strings.Note} cn={cn}>
            <RichText value={r.notes} className={cn.richText} siteUrl={props.siteUrl} />
          </Field>
        )}
        <HistoryLine
          modified={r.modified}
          modifiedBy={r.modifiedBy}
          historyUrl={props.listIds && props.listIds.risks ? versionHistoryUrl(props.siteUrl, props.listIds.risks, r.id) : undefined}
          cn={cn}
        />
      </dl>
      <div className={cn.panelActions}>
        {props.canEdit && <FormLink url={listFormUrl(props.siteUrl, 'risks', 'EditForm', r.id)} text={strings.Edit} openForm={props.openForm} />}
        <FormLink url={listFormUrl(props.siteUrl, 'risks', 'DispForm', r.id)} text={strings.OpenInList} openForm={props.openForm} />
      </div>
    </>
  );
}

type DetailState = { key: string; status: 'loading' | 'failed' | 'done'; action?: IAction; risk?: IRisk };

function selectionKey(sel: ISelection | undefined): string {
  return !sel ? '' : sel.kind === 'risk' ? `risk:${sel.risk.id}` : `action:${sel.action.id}`;
}

/** Reads the selected item's remaining fields (description, notes, links, ETag) when it was read with fewer. */
function useDetails(props: IDetailPanelProps): { state: DetailState | undefined; retry: () => void } {
  const sel = props.selection;
  const key = selectionKey(sel);
  const partial = !!sel && (sel.kind === 'risk' ? sel.risk.detail !== undefined : sel.action.detail !== undefined);
  const [state, setState] = React.useState<DetailState | undefined>(undefined);
  const [attempt, setAttempt] = React.useState(0);
  const { loadActionDetails, loadRiskDetails, onActionDetails, onRiskDetails } = props;
  React.useEffect(() => {
    if (!sel || !partial) return;
    let live = true;
    setState({ key, status: 'loading' });
    const done = (action?: IAction, risk?: IRisk): void => {
      if (!live) return;
      setState({ key, status: 'done', action, risk });
      if (action && onActionDetails) onActionDetails(action);
      if (risk && onRiskDetails) onRiskDetails(risk);
    };
    const fail = (): void => {
      if (live) setState({ key, status: 'failed' });
    };
    if (sel.kind === 'action' && loadActionDetails) loadActionDetails(sel.action.id).then((a) => done(a, undefined), fail);
    else if (sel.kind === 'risk' && loadRiskDetails) loadRiskDetails(sel.risk.id).then((r) => done(undefined, r), fail);
    else setState(undefined);
    return () => {
      live = false;
    };
    // Once per selected item (or retry).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, partial, attempt]);
  return { state: state && state.key === key ? state : undefined, retry: () => setAttempt(attempt + 1) };
}

/** Everything about one item, with the links to its list form. */
export function DetailPanel(props: IDetailPanelProps): JSX.Element {
  const { state, retry } = useDetails(props);
  const picked = props.selection;
  // The full item once read; until then the card fields.
  const sel: ISelection | undefined =
    picked && state && state.status === 'done'
      ? picked.kind === 'action' && state.action
        ? { ...picked, action: state.action }
        : picked.kind === 'risk' && state.risk
          ? { kind: 'risk', risk: state.risk }
          : picked
      : picked;
  const title = !sel ? '' : sel.kind === 'risk' ? sel.risk.title : cardTitle(sel.action);
  return (
    <Panel
      isOpen={!!sel}
      type={PanelType.medium}
      isLightDismiss={true}
      styles={WRAPPING_PANEL_STYLES}
      headerText={title}
      closeButtonAriaLabel={strings.Close}
      onDismiss={props.onDismiss}
    >
      {state && state.status === 'loading' && (
        <p className={props.classNames.panelLabel} role="status">
          {strings.LoadingDetails}
        </p>
      )}
      {state && state.status === 'failed' && (
        <p role="alert">
          {strings.DetailsError}{' '}
          <DefaultButton text={strings.Retry} onClick={retry} />
        </p>
      )}
      {sel && sel.kind === 'action' && (
        <ActionDetails
          {...props}
          action={sel.action}
          isPlanning={sel.section === 'planning' && sel.action.status !== 'Gerealiseerd'}
          // Moving an item needs its ETag (If-Match): only once its details are read.
          onRealise={sel.action.etag !== undefined || sel.action.detail === undefined ? props.onRealise : undefined}
        />
      )}
      {sel && sel.kind === 'risk' && <RiskDetails {...props} risk={sel.risk} />}
    </Panel>
  );
}
