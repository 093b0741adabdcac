import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { IMaturityRepository, MaturityError } from '../../../data/IMaturityRepository';
import { formatScore, IConsensus, IMaturityRound, IMaturityTheme, IUnitScores, scaleLevels } from '../../../model/maturity';
import { ILookupRef } from '../../../model/types';
import { MaturityClassNames } from './styles';
import { errorText, levelText, unitName } from './texts';
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
  const [domainId, setDomainId] = React.useState<number | undefined>(
    props.theme && props.theme.domainId !== undefined ? props.theme.domainId : domains.length ? domains[0].id : undefined
  );
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | undefined>(undefined);
  const status = <LiveMessage message={message} />;
  if (!open) {
    return (
      <div>
        <DefaultButton text={strings.NewAction} ariaLabel={`${strings.NewAction}: ${unitName(row.unit)}`} onClick={() => setOpen(true)} />
        {status}
      </div>
    );
  }
  const create = (): void => {
    if (!title.trim() || domainId === undefined) return;
    setBusy(true);
    props.repository
      .createImprovementAction(round, row.unit, props.consensus, title.trim(), domainId)
      .then((c) => {
        setMessage({ ok: true, text: format(strings.ActionCreated, title.trim()) });
        setTitle('');
        setOpen(false);
        props.onSaved(c);
      })
      .catch((e) => {
        setMessage({ ok: false, text: errorText(e, round) });
        if (e instanceof MaturityError && e.code === 'conflict') props.onConflict();
      })
      .then(
        () => setBusy(false),
        () => setBusy(false)
      );
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
        <PrimaryButton text={strings.CreateAction} disabled={busy || !title.trim() || domainId === undefined} onClick={create} />
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
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | undefined>(undefined);
  React.useEffect(() => {
    setValue(c ? c.score : undefined);
    setComment((c && c.comment) || '');
  }, [c && c.etag, c && c.id]);
  const titleId = `consensus-${row.unit.key.replace(':', '-')}-title`;
  const editable = props.canRecord && round.status === 'consensus';
  const save = (): void => {
    if (value === undefined) return;
    setBusy(true);
    setMessage(undefined);
    props.repository
      .saveConsensus({ round, unit: row.unit, score: value, comment: comment.trim() || undefined, existing: c })
      .then((saved) => {
        setMessage({ ok: true, text: format(strings.ConsensusRecorded, value) });
        props.onSaved(saved);
      })
      .catch((e) => {
        setMessage({ ok: false, text: errorText(e, round) });
        if (e instanceof MaturityError && e.code === 'conflict') props.onConflict();
      })
      .then(
        () => setBusy(false),
        () => setBusy(false)
      );
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
              <li key={a.id}>{a.title}</li>
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
            <PrimaryButton text={busy ? strings.Saving : strings.SaveConsensus} ariaLabel={`${strings.SaveConsensus}: ${unitName(row.unit)}`} disabled={busy || value === undefined} onClick={save} />
            {c && <ActionForm {...props} consensus={c} />}
          </div>
        </div>
      )}
      <LiveMessage message={message} />
    </li>
  );
}

export interface IConsensusViewProps {
  repository: IMaturityRepository;
  round: IMaturityRound;
  rows: IUnitScores[];
  themes: IMaturityTheme[];
  domains: ILookupRef[];
  canRecord: boolean;
  cn: MaturityClassNames;
  onSaved: (c: IConsensus) => void;
  onConflict: () => void;
}

/** All scores side by side per unit, the ones to discuss first; the facilitator records the consensus. */
export function ConsensusView(props: IConsensusViewProps): JSX.Element {
  const { round, rows, cn } = props;
  if (round.status === 'voorbereiding' || round.status === 'scoren') {
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
    </div>
  );
}
