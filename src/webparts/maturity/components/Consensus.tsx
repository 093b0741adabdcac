import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { IMaturityRepository } from '../../../data/IMaturityRepository';
import { actionUrl, createImprovementAction, defaultDomain, ICreatedAction } from '../../../app/maturity/improvementAction';
import { formatScore, IConsensus, IMaturityObjective, IMaturityRound, IMaturityTheme, improvementProposals, IUnitScores, ROUND_STAGES, scaleLevels } from '../../../model/maturity';
import { Proposals } from './Proposals';
import { recordConsensus } from '../../../app/maturity/consensus';
import { useWrite } from './useWrite';
import { ILookupRef } from '../../../model/types';
import { MaturityClassNames } from './styles';
import { levelText, unitName } from './texts';
import { LiveMessage } from '../../../components/LiveMessage';

interface IRowProps {
  repository: IMaturityRepository;
  round: IMaturityRound;
  row: IUnitScores;
  theme?: IMaturityTheme;
  domains: ILookupRef[];
  canRecord: boolean;
  cn: MaturityClassNames;
  onSaved: (c: IConsensus) => void;
  onConflict: () => void;
}

function ActionForm(props: IRowProps & { consensus: IConsensus }): JSX.Element {
  const { round, row, domains } = props;
  const [open, setOpen] = React.useState(false);
  const [title, setTitle] = React.useState('');
  const [domainId, setDomainId] = React.useState<number | undefined>(defaultDomain(props.theme, domains));
  const [created, setCreated] = React.useState<ICreatedAction | undefined>(undefined);
  const write = useWrite(round, props.onConflict);
  const status = (
    <>
      <LiveMessage message={write.message} />
      {created && (
        <a href={created.url} target="_blank" rel="noopener noreferrer" data-testid="created-action">
          {format(strings.OpenAction, created.action.title)}
        </a>
      )}
    </>
  );
  if (!open) {
    return (
      <div>
        <DefaultButton text={strings.NewAction} ariaLabel={`${strings.NewAction}: ${unitName(row.unit)}`} onClick={() => setOpen(true)} />
        {status}
      </div>
    );
  }
  const create = (): void => {
    write
      .run(
        () => createImprovementAction(props.repository, { round, unit: row.unit, consensus: props.consensus, title, domainId }),
        (c) => {
          setCreated(c);
          setTitle('');
          setOpen(false);
          props.onSaved(c.consensus);
          return format(strings.ActionCreated, c.action.title);
        }
      )
      .catch(() => undefined);
  };
  return (
    <div className={props.cn.form}>
      <TextField label={strings.ActionTitle} value={title} onChange={(_e, v) => setTitle(v || '')} required={true} />
      {domains.length === 0 ? (
        <MessageBar messageBarType={MessageBarType.warning}>{strings.NoDomains}</MessageBar>
      ) : (
        <Dropdown
          label={strings.ActionDomain}
          selectedKey={domainId}
          options={domains.map((d) => ({ key: d.id, text: d.title }))}
          onChange={(_e, o) => o && setDomainId(Number(o.key))}
        />
      )}
      <div className={props.cn.toolbar}>
        <PrimaryButton text={strings.CreateAction} disabled={write.busy || !title.trim() || domainId === undefined} onClick={create} />
        <DefaultButton text={strings.Cancel} onClick={() => setOpen(false)} />
      </div>
      {status}
    </div>
  );
}

function ConsensusRow(props: IRowProps): JSX.Element {
  const { round, row, cn } = props;
  const c = row.consensus;
  const [value, setValue] = React.useState<number | undefined>(c ? c.score : undefined);
  const [comment, setComment] = React.useState((c && c.comment) || '');
  const write = useWrite(round, props.onConflict);
  React.useEffect(() => {
    setValue(c ? c.score : undefined);
    setComment((c && c.comment) || '');
  }, [c && c.etag, c && c.id]);
  const titleId = `consensus-${row.unit.key.replace(':', '-')}-title`;
  const editable = props.canRecord && ROUND_STAGES[round.status].consensusOpen;
  const save = (): void => {
    if (value === undefined) return;
    write
      .run(
        () => recordConsensus(props.repository, { round, unit: row.unit, score: value, comment, existing: c }),
        (saved) => {
          props.onSaved(saved);
          return format(strings.ConsensusRecorded, value);
        }
      )
      .catch(() => undefined);
  };
  return (
    <li className={cn.unit} data-unit={row.unit.key} data-discuss={row.discuss}>
      <h4 id={titleId} className={cn.unitTitle}>
        <span className={cn.unitCode}>{row.unit.code}</span>{' '}
        {row.unit.text}
        {row.discuss && <span className={cn.tag}>{format(strings.DiscussFirst, row.spread === undefined ? '' : row.spread)}</span>}
      </h4>
      {row.scores.length === 0 ? (
        <p className={cn.muted}>{strings.NoScores}</p>
      ) : (
        <table className={cn.table} aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{strings.Rater}</th>
              <th scope="col" className={cn.numeric}>
                {strings.Score}
              </th>
              <th scope="col">{strings.Comment}</th>
            </tr>
          </thead>
          <tbody>
            {row.scores.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.raterName || `#${s.raterId}`}</th>
                <td className={cn.numeric}>{s.score === undefined ? '–' : s.score}</td>
                <td>{s.comment || strings.NoComment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={cn.meta} data-testid="stats">
        {strings.Spread}: {row.spread === undefined ? '–' : row.spread} · {strings.Median}: {formatScore(row.median)} · {strings.Average}: {formatScore(row.average)}
      </p>
      <p data-testid="consensus-value">
        <strong>{c && c.score !== undefined ? format(strings.ConsensusRecorded, c.score) : strings.ConsensusMissing}</strong>
        {c && c.comment ? ` — ${c.comment}` : ''}
      </p>
      {c && c.actions.length > 0 && (
        <>
          <span className={cn.meta}>{strings.ImprovementActions}:</span>
          <ul className={cn.actions}>
            {c.actions.map((a) => (
              <li key={a.id}>
                <a href={actionUrl(props.repository.siteUrl, a.id)} target="_blank" rel="noopener noreferrer">
                  {a.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {editable && (
        <div className={cn.form}>
          <ChoiceGroup
            label={format(strings.ConsensusScore, unitName(row.unit))}
            selectedKey={value === undefined ? null : String(value)}
            options={scaleLevels(round).map((l) => ({ key: String(l), text: levelText(round, l) }))}
            onChange={(_e, o) => o && setValue(Number(o.key))}
            styles={{ flexContainer: { display: 'flex', flexWrap: 'wrap', gap: '0 16px' } }}
          />
          <TextField
            label={strings.ConsensusComment}
            ariaLabel={`${strings.ConsensusComment}: ${unitName(row.unit)}`}
            multiline={true}
            autoAdjustHeight={true}
            value={comment}
            onChange={(_e, v) => setComment(v || '')}
          />
          <div className={cn.toolbar}>
            <PrimaryButton text={write.busy ? strings.Saving : strings.SaveConsensus} ariaLabel={`${strings.SaveConsensus}: ${unitName(row.unit)}`} disabled={write.busy || value === undefined} onClick={save} />
            {c && <ActionForm {...props} consensus={c} />}
          </div>
        </div>
      )}
      <LiveMessage message={write.message} />
    </li>
  );
}

export interface IConsensusViewProps {
  repository: IMaturityRepository;
  round: IMaturityRound;
  rows: IUnitScores[];
  themes: IMaturityTheme[];
  domains: ILookupRef[];
  /** Targets and consensus of the round: the improvement proposals. */
  objectives: IMaturityObjective[];
  consensus: IConsensus[];
  canRecord: boolean;
  cn: MaturityClassNames;
  onSaved: (c: IConsensus) => void;
  onConflict: () => void;
}

/** All scores side by side per unit, the ones to discuss first; the facilitator records the consensus. */
export function ConsensusView(props: IConsensusViewProps): JSX.Element {
  const { round, rows, cn } = props;
  if (!ROUND_STAGES[round.status].othersVisible) {
    return <MessageBar>{strings.ConsensusNotYet}</MessageBar>;
  }
  const done = rows.filter((r) => r.consensus && r.consensus.score !== undefined).length;
  return (
    <div data-testid="consensus-view">
      <p>{strings.ConsensusIntro}</p>
      {round.status === 'consensus' && !props.canRecord && (
        <MessageBar>{format(strings.OnlyFacilitator, round.facilitator ? round.facilitator.title : '')}</MessageBar>
      )}
      <p className={cn.live} role="status" aria-live="polite" data-testid="consensus-count">
        {format(strings.ConsensusCount, done, rows.length)}
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((r) => (
          <ConsensusRow
            key={r.unit.key}
            repository={props.repository}
            round={round}
            row={r}
            theme={props.themes.filter((t) => t.id === r.unit.themeId)[0]}
            domains={props.domains}
            canRecord={props.canRecord}
            cn={cn}
            onSaved={props.onSaved}
            onConflict={props.onConflict}
          />
        ))}
      </ul>
      <Proposals
        repository={props.repository}
        round={round}
        data={{ themes: props.themes, objectives: props.objectives, domains: props.domains, consensus: props.consensus }}
        proposals={improvementProposals(rows, props.themes, props.objectives)}
        canCreate={props.canRecord && ROUND_STAGES[round.status].consensusOpen}
        cn={cn}
        onLinked={props.onSaved}
        onConflict={props.onConflict}
      />
    </div>
  );
}
