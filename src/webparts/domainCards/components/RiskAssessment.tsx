import * as React from 'react';
import * as strings from 'DomainCardsWebPartStrings';
import { formatDate } from '../../../components/format';
import { appetiteFor, riskMarks, riskScale, treatingActions } from '../../../model/risks';
import { cardTitle } from '../../../model/text';
import { IAction, IReportData, IRisk } from '../../../model/types';
import { idsWithoutTitle } from '../../../model/yearView';
import { markTexts, scoreLine, treatmentLabel } from './riskText';
import { IDomainCardsClassNames } from './styles';

/** Loads the titles the list lacks once per set of ids; 'failed' shows the ids instead of "Titels laden…" forever. */
function useMissingTitles(actions: IAction[], load: ((ids: number[]) => Promise<void>) | undefined): 'loading' | 'failed' | 'done' {
  const missing = idsWithoutTitle(actions);
  const key = missing.join(',');
  const [state, setState] = React.useState<{ key: string; failed: boolean }>({ key: '', failed: false });
  React.useEffect(() => {
    if (!key || !load) return;
    let live = true;
    load(key.split(',').map(Number)).then(
      () => live && setState({ key, failed: false }),
      () => live && setState({ key, failed: true })
    );
    return () => {
      live = false;
    };
  }, [key, load]);
  if (!key) return 'done';
  return !load || (state.key === key && state.failed) ? 'failed' : 'loading';
}

function Row(props: { label: string; cn: IDomainCardsClassNames; testId?: string; children?: React.ReactNode }): JSX.Element {
  if (props.children === undefined || props.children === '') return <React.Fragment />;
  return (
    <div className={props.cn.panelSection} data-testid={props.testId}>
      <dt className={props.cn.panelLabel}>{props.label}</dt>
      <dd className={props.cn.panelValue}>{props.children}</dd>
    </div>
  );
}

/**
 * A risk's assessment in its detail panel: inherent and residual score on the site's scale (or
 * "niet gescoord"), owner, review date, treatment and acceptance, the marks as text, and the
 * actions that treat it with their state.
 */
export function RiskAssessment(props: {
  risk: IRisk;
  data: IReportData;
  cn: IDomainCardsClassNames;
  statusText: (s: string) => string;
  /** Reads the titles of actions read only to be counted (older years), so the list names them. */
  onLoadTitles?: (ids: number[]) => Promise<void>;
}): JSX.Element {
  const { risk: r, data, cn } = props;
  const scale = riskScale(data.riskSettings);
  const domain = data.domains.filter((d) => d.id === r.domainId)[0];
  const appetite = appetiteFor(data.riskSettings, domain ? domain.title : undefined);
  const actions = treatingActions(r, data.actions);
  const titles = useMissingTitles(actions, props.onLoadTitles);
  const marks = markTexts(riskMarks(r, data.actions, scale, appetite), scale, appetite);
  const person = (p: IRisk['owner']): React.ReactNode => (p ? p.email ? <a href={`mailto:${p.email}`}>{p.title}</a> : p.title : undefined);
  return (
    <>
      <Row label={strings.RiskInherent} cn={cn} testId="risk-inherent">{scoreLine(r.likelihood, r.impact, scale)}</Row>
      <Row label={strings.RiskResidual} cn={cn} testId="risk-residual">{scoreLine(r.residualLikelihood, r.residualImpact, scale)}</Row>
      <Row label={strings.RiskOwner} cn={cn}>{person(r.owner)}</Row>
      <Row label={strings.RiskReviewDate} cn={cn}>{r.reviewDate ? formatDate(r.reviewDate, strings.DateLocale) : undefined}</Row>
      <Row label={strings.RiskTreatment} cn={cn}>{treatmentLabel(r.treatment)}</Row>
      <Row label={strings.RiskAcceptedBy} cn={cn}>{person(r.acceptedBy)}</Row>
      <Row label={strings.RiskAcceptanceReason} cn={cn}>{r.acceptanceReason}</Row>
      {marks.length > 0 && (
        <Row label={strings.RiskMarks} cn={cn} testId="risk-marks">
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {marks.map((m) => (
              <li key={m}>⚠ {m}</li>
            ))}
          </ul>
        </Row>
      )}
      {actions.length > 0 && (
        <Row label={strings.LinkedActions} cn={cn} testId="risk-actions">
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {actions.map((a) => (
              <li key={a.id}>{`${cardTitle(a) || (titles === 'failed' ? `#${a.id}` : strings.LoadingTitles)} (${props.statusText(a.status)})`}</li>
            ))}
          </ul>
        </Row>
      )}
    </>
  );
}
