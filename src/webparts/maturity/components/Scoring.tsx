import * as React from 'react';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar } from '@fluentui/react/lib/MessageBar';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { IMaturityRepository, MaturityError } from '../../../data/IMaturityRepository';
import { IMaturityRound, IMaturityScore, IRaterProgress, IScoringUnit, scaleLevels, scoreKey } from '../../../model/maturity';
import { MaturityClassNames } from './styles';
import { errorText, levelText, unitName } from './texts';
import { LiveMessage } from '../../../components/LiveMessage';

export function ProgressList(props: { progress: IRaterProgress[]; cn: MaturityClassNames; ownOnly?: boolean }): JSX.Element {
  const id = 'maturity-progress-title';
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={props.cn.groupTitle}>
        {strings.ProgressTitle}
      </h3>
      {props.ownOnly && <p className={props.cn.muted} data-testid="progress-own-only">{strings.ProgressOwnOnly}</p>}
      {props.ownOnly && props.progress.length === 0 ? null : props.progress.length === 0 ? (
        <p className={props.cn.muted}>{strings.NoRaters}</p>
      ) : (
        <ul className={props.cn.progress} data-testid="rater-progress">
          {props.progress.map((p) => (
            <li key={p.rater.id} data-rater-id={p.rater.id} data-finished={p.finished}>
              {format(strings.ProgressItem, p.rater.title, p.scored, p.total)} — <strong>{p.finished ? strings.Finished : strings.NotFinished}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface IUnitFormProps {
  repository: IMaturityRepository;
  round: IMaturityRound;
  unit: IScoringUnit;
  mine?: IMaturityScore;
  editable: boolean;
  cn: MaturityClassNames;
  onSaved: (score: IMaturityScore) => void;
  /** A conflict: the parent reloads to show the latest version. */
  onConflict: () => void;
}

function UnitScoreForm(props: IUnitFormProps): JSX.Element {
  const { round, unit, mine, cn } = props;
  const [value, setValue] = React.useState<number | undefined>(mine ? mine.score : undefined);
  const [comment, setComment] = React.useState<string>((mine && mine.comment) || '');
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | undefined>(undefined);
  React.useEffect(() => {
    setValue(mine ? mine.score : undefined);
    setComment((mine && mine.comment) || '');
  }, [mine && mine.etag, mine && mine.id]);
  const titleId = `unit-${unit.key.replace(':', '-')}-title`;
  const dirty = value !== (mine ? mine.score : undefined) || comment !== ((mine && mine.comment) || '');
  const save = (): void => {
    if (value === undefined) return;
    setBusy(true);
    setMessage(undefined);
    props.repository
      .saveScore({ round, unit, score: value, comment: comment.trim() || undefined, existing: mine })
      .then((saved) => {
        setMessage({ ok: true, text: format(strings.SavedScore, value, unitName(unit)) });
        props.onSaved(saved);
      })
      .catch((e) => {
        setMessage({ ok: false, text: errorText(e, round) });
        if (e instanceof MaturityError && (e.code === 'conflict' || e.code === 'objectiveDeleted' || e.code === 'notScoring' || e.code === 'frozen')) props.onConflict();
      })
      .then(
        () => setBusy(false),
        () => setBusy(false)
      );
  };
  return (
    <li className={cn.unit} data-unit={unit.key}>
      <h4 id={titleId} className={cn.unitTitle}>
        <span className={cn.unitCode}>{unit.code}</span>{' '}
        {unit.text}
      </h4>
      {unit.objectiveId === undefined && <p className={cn.muted}>{strings.ThemeAsWhole}</p>}
      <p className={cn.meta} data-testid="my-score">
        {mine && mine.score !== undefined ? format(strings.YourScore, mine.score) : strings.NotScored}
      </p>
      {props.editable && (
        <div className={cn.form}>
          <ChoiceGroup
            label={format(strings.ScoreLabel, unitName(unit))}
            selectedKey={value === undefined ? null : String(value)}
            options={scaleLevels(round).map((l) => ({ key: String(l), text: levelText(round, l) }))}
            onChange={(_e, o) => o && setValue(Number(o.key))}
            styles={{ flexContainer: { display: 'flex', flexWrap: 'wrap', gap: '0 16px' } }}
          />
          <TextField
            label={strings.CommentLabel}
            ariaLabel={format(strings.CommentFor, unitName(unit))}
            multiline={true}
            autoAdjustHeight={true}
            value={comment}
            onChange={(_e, v) => setComment(v || '')}
          />
          <div>
            <PrimaryButton
              text={busy ? strings.Saving : strings.Save}
              ariaLabel={`${strings.Save}: ${unitName(unit)}`}
              disabled={busy || value === undefined || !dirty}
              onClick={save}
            />
          </div>
        </div>
      )}
      <LiveMessage message={message} />
    </li>
  );
}

export interface IScoringViewProps {
  repository: IMaturityRepository;
  round: IMaturityRound;
  units: IScoringUnit[];
  scores: IMaturityScore[];
  meId: number;
  isRater: boolean;
  progress: IRaterProgress[];
  /** SharePoint shows this user only their own scores: the progress is theirs alone, and the view says so. */
  ownProgressOnly?: boolean;
  cn: MaturityClassNames;
  onSaved: (score: IMaturityScore) => void;
  onConflict: () => void;
}

/** Each rater scores the round's units; only their own scores are shown while scoring. */
export function ScoringView(props: IScoringViewProps): JSX.Element {
  const { round, units, cn } = props;
  const open = round.status === 'scoren';
  const mine: Record<string, IMaturityScore> = {};
  for (const s of props.scores) if (s.roundId === round.id && s.raterId === props.meId) mine[scoreKey(s)] = s;
  const themes: { id: number; title: string; number: number; units: IScoringUnit[] }[] = [];
  for (const u of units) {
    let t = themes.filter((x) => x.id === u.themeId)[0];
    if (!t) {
      t = { id: u.themeId, title: u.themeTitle, number: u.themeNumber, units: [] };
      themes.push(t);
    }
    t.units.push(u);
  }
  const myCount = units.filter((u) => mine[u.key]).length;
  return (
    <div data-testid="scoring-view">
      <ProgressList progress={props.progress} cn={cn} ownOnly={props.ownProgressOnly} />
      {!props.isRater ? (
        <MessageBar>{strings.ScoringNotRater}</MessageBar>
      ) : !open ? (
        <MessageBar>{strings.ScoringNotOpen}</MessageBar>
      ) : (
        <p>{format(strings.ScoringIntro, round.scaleMin, round.scaleMax)}</p>
      )}
      {props.isRater && (
        <p className={cn.live} role="status" aria-live="polite" data-testid="my-progress">
          {format(strings.MyProgress, myCount, units.length)}
        </p>
      )}
      {props.isRater &&
        themes.map((t) => {
          const id = `scoring-theme-${t.id}`;
          return (
            <section key={t.id} className={cn.group} aria-labelledby={id}>
              <h3 id={id} className={cn.groupTitle}>
                {format(strings.ThemeHeading, t.number, t.title)}
              </h3>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {t.units.map((u) => (
                  <UnitScoreForm
                    key={u.key}
                    repository={props.repository}
                    round={round}
                    unit={u}
                    mine={mine[u.key]}
                    editable={open}
                    cn={cn}
                    onSaved={props.onSaved}
                    onConflict={props.onConflict}
                  />
                ))}
              </ul>
            </section>
          );
        })}
    </div>
  );
}
