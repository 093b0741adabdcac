import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'AuditFollowUpWebPartStrings';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { format } from '../../../components/format';
import { RichText } from '../../../components/RichText';
import { WRAPPING_PANEL_STYLES } from '../../../components/wrap';
import {
  actionsFromAudit, executionRate, followUpChain, linkedActions, pageOf, recommendationDeadlineState, recommendationsOf, risksFromAudit
} from '../../../model/audits';
import { domainCardLink, listFormUrl, safeUrl } from '../../../model/links';
import { cardTitle } from '../../../model/text';
import { IAudit, IDomain, IRecommendation, IReportData } from '../../../model/types';
import { ExecutionRate } from './ExecutionRate';
import { RecommendationsAssign } from './RecommendationsAssign';
import { IOwnerAssignment } from '../../../data/ownerAssignment';
import { dateText, deadlineText, findingsText, kindLabel, notStated, priorityLabel, statusLabel } from './labels';
import { AuditClassNames } from './styles';

/** Recommendations per page in the panel: 500 on one audit stay usable. */
export const RECOMMENDATIONS_PAGE_SIZE: number = 25;

export interface IAuditPanelProps {
  audit: IAudit | undefined;
  data: IReportData;
  today: Date;
  canEdit: boolean;
  siteUrl: string;
  cardsUrl?: string;
  cn: AuditClassNames;
  onDismiss: () => void;
  onOpenAudit: (id: number) => void;
  openForm: (url: string) => void;
  /** Control team: "Eigenaar en deadline toewijzen" for the audit's open recommendations. Absent: not shown. */
  owners?: IOwnerAssignment;
  /** Something was written there: read the data again. */
  onChanged?: () => void;
}

function Field(props: { label: string; cn: AuditClassNames; children: React.ReactNode }): JSX.Element {
  return (
    <div className={props.cn.panelSection}>
      <dt className={props.cn.label}>{props.label}</dt>
      <dd className={props.cn.value}>{props.children}</dd>
    </div>
  );
}

/** `subject`: the item's title, so a list of such links does not read as the same link over and over. */
export function FormLink(props: { url: string; text: string; subject?: string; openForm: (url: string) => void }): JSX.Element {
  return (
    <DefaultButton
      href={safeUrl(props.url)}
      target="_blank"
      rel="noopener noreferrer"
      text={props.text}
      ariaLabel={`${props.text}${props.subject ? `: ${props.subject}` : ''} (${strings.OpensInNewWindow})`}
      onClick={(e) => {
        e.preventDefault();
        props.openForm(props.url);
      }}
    />
  );
}

function domainTitles(domains: IDomain[], ids: number[]): string[] {
  return domains
    .filter((d) => ids.indexOf(d.id) >= 0)
    .sort((a, b) => a.order - b.order)
    .map((d) => d.title);
}

function AuditRefs(props: { audits: IAudit[]; cn: AuditClassNames; onOpen: (id: number) => void }): JSX.Element {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {props.audits.map((a) => (
        <li key={a.id}>
          <button type="button" className={props.cn.linkButton} onClick={() => props.onOpen(a.id)}>
            {a.title}
          </button>{' '}
          ({notStated(a.year)})
        </li>
      ))}
    </ul>
  );
}

function RecommendationItem(props: { r: IRecommendation; data: IReportData; today: Date; canEdit: boolean; siteUrl: string; cn: AuditClassNames; openForm: (url: string) => void }): JSX.Element {
  const { r, cn } = props;
  const state = recommendationDeadlineState(r, props.today);
  const { found, missing } = linkedActions(props.data, r);
  return (
    <li className={cn.rec} data-recommendation-id={r.id}>
      <span className={cn.recTitle}>{r.title}</span>
      <div className={cn.tags}>
        <span>
          {strings.Priority}: {priorityLabel(r.priority)}
        </span>
        <span>
          {strings.Status}: {statusLabel(r.status)}
        </span>
        <span>
          {strings.Owner}: {r.owner ? r.owner.title : strings.NoOwner}
        </span>
        {r.deadline ? (
          state === 'overdue' || state === 'dueSoon' ? (
            <DeadlineTag state={state} text={deadlineText(state, r.deadline)} />
          ) : (
            <span>
              {strings.Deadline}: {dateText(r.deadline)}
            </span>
          )
        ) : (
          <span>
            {strings.Deadline}: {strings.NoDeadline}
          </span>
        )}
        {r.executionPercent !== undefined && <span>{format(strings.ExecutionPercent, r.executionPercent)}</span>}
      </div>
      {(found.length > 0 || missing.length > 0) && (
        <div className={cn.tags}>
          <span>{strings.LinkedActions}:</span>
          {found.map((a) => (
            <span key={a.id}>
              {cardTitle(a)} ({statusLabel(a.status)})
            </span>
          ))}
          {missing.map((m) => (
            <span key={`m${m.id}`} className={cn.muted}>
              {format(strings.DeletedAction, m.title || `#${m.id}`)}
            </span>
          ))}
        </div>
      )}
      {props.canEdit && (
        <button
          type="button"
          className={cn.linkButton}
          aria-label={`${strings.Edit}: ${r.title} (${strings.OpensInNewWindow})`}
          onClick={() => props.openForm(listFormUrl(props.siteUrl, 'recommendations', 'EditForm', r.id))}
        >
          {strings.Edit}
        </button>
      )}
    </li>
  );
}

function Recommendations(props: Omit<IAuditPanelProps, 'audit'> & { audit: IAudit }): JSX.Element {
  const { cn } = props;
  const all = React.useMemo(() => recommendationsOf(props.data, props.audit.id), [props.data, props.audit.id]);
  const [page, setPage] = React.useState(0);
  React.useEffect(() => setPage(0), [props.audit.id]);
  const shown = pageOf(all, page, RECOMMENDATIONS_PAGE_SIZE);
  return (
    <section aria-labelledby="audit-recs-title" className={cn.panelSection}>
      <h3 id="audit-recs-title" className={cn.label}>
        {format(strings.Recommendations, all.length)}
      </h3>
      {all.length === 0 ? (
        <p className={cn.muted}>{strings.NoRecommendations}</p>
      ) : (
        <>
          <ul className={cn.recs}>
            {shown.items.map((r) => (
              <RecommendationItem key={r.id} r={r} data={props.data} today={props.today} canEdit={props.canEdit} siteUrl={props.siteUrl} cn={cn} openForm={props.openForm} />
            ))}
          </ul>
          {shown.pages > 1 && (
            <div className={cn.pager}>
              <DefaultButton text={strings.Previous} disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)} />
              <span role="status">{format(strings.PageStatus, shown.page + 1, shown.pages, all.length)}</span>
              <DefaultButton text={strings.Next} disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.page + 1)} />
            </div>
          )}
        </>
      )}
      {props.canEdit && (
        <div className={cn.actions}>
          <FormLink url={listFormUrl(props.siteUrl, 'recommendations', 'NewForm')} text={strings.NewRecommendation} openForm={props.openForm} />
        </div>
      )}
    </section>
  );
}

function AuditDetails(props: Omit<IAuditPanelProps, 'audit'> & { audit: IAudit }): JSX.Element {
  const { audit: a, data, cn } = props;
  const chain = followUpChain(data.audits, a);
  const domains = domainTitles(data.domains, a.domainIds);
  const risks = risksFromAudit(data, a.id);
  const actions = actionsFromAudit(data, a.id);
  const domainOf = (id: number | undefined): IDomain | undefined => data.domains.filter((d) => d.id === id)[0];
  const cardLink = (d: IDomain | undefined): string | undefined => (d ? domainCardLink(props.cardsUrl, d.key || String(d.id)) : undefined);
  return (
    <>
      <dl style={{ margin: 0 }}>
        <Field label={strings.Year} cn={cn}>{notStated(a.year)}</Field>
        <Field label={strings.Auditor} cn={cn}>{notStated(a.auditor)}</Field>
        <Field label={strings.Kind} cn={cn}>{kindLabel(a.kind)}</Field>
        <Field label={strings.Type} cn={cn}>{notStated(a.type)}</Field>
        <Field label={strings.Status} cn={cn}>{statusLabel(a.status)}</Field>
        <Field label={strings.Findings} cn={cn}>{findingsText(a)}</Field>
        <Field label={strings.Conclusion} cn={cn}>{notStated(a.conclusion)}</Field>
        <Field label={strings.Domains} cn={cn}>{domains.length ? domains.join(', ') : strings.NotStated}</Field>
        {chain.before.length > 0 && (
          <Field label={strings.FollowUpOf} cn={cn}>
            <AuditRefs audits={chain.before} cn={cn} onOpen={props.onOpenAudit} />
          </Field>
        )}
        {chain.after.length > 0 && (
          <Field label={strings.FollowedUpBy} cn={cn}>
            <AuditRefs audits={chain.after} cn={cn} onOpen={props.onOpenAudit} />
          </Field>
        )}
        <Field label={strings.Execution} cn={cn}>
          <ExecutionRate rate={executionRate(recommendationsOf(data, a.id))} cn={cn} />
        </Field>
        {!!a.notes && (
          <Field label={strings.Notes} cn={cn}>
            <RichText value={a.notes} className={cn.richText} siteUrl={props.siteUrl} />
          </Field>
        )}
      </dl>
      <Recommendations {...props} audit={a} />
      <section className={cn.panelSection} aria-labelledby="audit-risks-title">
        <h3 id="audit-risks-title" className={cn.label}>
          {strings.RisksFromAudit}
        </h3>
        {risks.length === 0 ? (
          <p className={cn.muted}>{strings.NoneYet}</p>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="audit-risks">
            {risks.map((r) => {
              const d = domainOf(r.domainId);
              const href = cardLink(d);
              const text = format(strings.InDomain, r.title, d ? d.title : strings.NotStated);
              return <li key={r.id}>{href ? <a href={href}>{text}</a> : text}</li>;
            })}
          </ul>
        )}
      </section>
      <section className={cn.panelSection} aria-labelledby="audit-actions-title">
        <h3 id="audit-actions-title" className={cn.label}>
          {strings.ActionsFromAudit}
        </h3>
        {actions.length === 0 ? (
          <p className={cn.muted}>{strings.NoneYet}</p>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="audit-actions">
            {actions.map((x) => (
              <li key={x.id}>{format(strings.InDomain, cardTitle(x), statusLabel(x.status))}</li>
            ))}
          </ul>
        )}
      </section>
      <div className={cn.actions}>
        {props.canEdit && <FormLink url={listFormUrl(props.siteUrl, 'audits', 'EditForm', a.id)} text={strings.Edit} openForm={props.openForm} />}
        <FormLink url={listFormUrl(props.siteUrl, 'audits', 'DispForm', a.id)} text={strings.OpenInList} openForm={props.openForm} />
        {props.canEdit && props.owners && <RecommendationsAssign audit={a} data={data} owners={props.owners} onChanged={props.onChanged || (() => undefined)} />}
      </div>
    </>
  );
}

/** Everything about one audit: facts ("niet vermeld" where unknown), chain, recommendations, risks, actions. */
export function AuditPanel(props: IAuditPanelProps): JSX.Element {
  return (
    <Panel
      isOpen={!!props.audit}
      type={PanelType.medium}
      isLightDismiss={true}
      styles={WRAPPING_PANEL_STYLES}
      headerText={props.audit ? props.audit.title : ''}
      closeButtonAriaLabel={strings.Close}
      onDismiss={props.onDismiss}
    >
      {props.audit && <AuditDetails {...props} audit={props.audit} />}
    </Panel>
  );
}
