import * as React from 'react';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { IMaturityRepository, MaturityError, MaturityErrorCode } from '../../../data/IMaturityRepository';
import { isChanged, isDirty, IScoreDraft, saveScores } from '../../../app/maturity/scores';
import { IMaturityRound, IMaturityScore, IRaterProgress, IScoringUnit, ROUND_STAGES, scaleLevels, scoreKey } from '../../../model/maturity';
import { useWrite } from './useWrite';
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
  round: IMaturityRound;
  draft: IScoreDraft;
  editable: boolean;
  cn: MaturityClassNames;
  onChange: (draft: IScoreDraft) => void;
  /** The unit's outcome of the last "Bewaren", if it failed. */
  failure?: string;
}

/** One unit: the stored score, and (while scoring) the level and comment being entered. */
function UnitScoreForm(props: IUnitFormProps): JSX.Element {
  const { round, draft, cn } = props;
  const { unit, stored } = draft;
  return (
    <li className={cn.unit} data-unit={unit.key} data-dirty={isDirty(draft)}>
      <h4 className={cn.unitTitle}>
        <span className={cn.unitCode}>{unit.code}</span> {unit.text}
      </h4>
      {unit.objectiveId === undefined && <p className={cn.muted}>{strings.ThemeAsWhole}</p>}
      <p className={cn.meta} data-testid="my-score">
        {stored && stored.score !== undefined ? format(strings.YourScore, stored.score) : strings.NotScored}
      </p>
      {props.editable && (
        <div className={cn.form}>
          <ChoiceGroup
            label={format(strings.ScoreLabel, unitName(unit))}
            selectedKey={draft.score === undefined ? null : String(draft.score)}
            options={scaleLevels(round).map((l) => ({ key: String(l), text: levelText(round, l) }))}
            onChange={(_e, o) => o && props.onChange({ ...draft, score: Number(o.key) })}
            styles={{ flexContainer: { display: 'flex', flexWrap: 'wrap', gap: '0 16px' } }}
          />
          <TextField
            label={strings.CommentLabel}
            ariaLabel={format(strings.CommentFor, unitName(unit))}
            multiline={true}
            autoAdjustHeight={true}
            value={draft.comment}
            onChange={(_e, v) => props.onChange({ ...draft, comment: v || '' })}
          />
        </div>
      )}
      {props.failure && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
          {props.failure}
        </MessageBar>
      )}
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
  /** Whether there is unsaved input (the page warns before it is left). */
  onDirtyChange?: (dirty: boolean) => void;
}

/** Reload after these: the latest version (or the round's new stage) is shown. */
const RELOAD_ON: MaturityErrorCode[] = ['conflict', 'objectiveDeleted', 'notScoring', 'frozen'];

function groupByTheme(units: IScoringUnit[]): { id: number; title: string; number: number; units: IScoringUnit[] }[] {
  const themes: { id: number; title: string; number: number; units: IScoringUnit[] }[] = [];
  for (const u of units) {
    let t = themes.filter((x) => x.id === u.themeId)[0];
    if (!t) {
      t = { id: u.themeId, title: u.themeTitle, number: u.themeNumber, units: [] };
      themes.push(t);
    }
    t.units.push(u);
  }
  return themes;
}

/** Warns before the page is closed or reloaded while there is unsaved input. */
function useBeforeUnload(active: boolean): void {
  React.useEffect(() => {
    if (!active) return undefined;
    const warn = (e: BeforeUnloadEvent): string => {
      e.preventDefault();
      e.returnValue = strings.LeaveText;
      return strings.LeaveText;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

/** Each rater scores the round's units and saves them all at once; only their own scores are shown while scoring. */
export function ScoringView(props: IScoringViewProps): JSX.Element {
  const { round, units, cn } = props;
  const open = ROUND_STAGES[round.status].scoringOpen;
  const mine: Record<string, IMaturityScore> = {};
  for (const s of props.scores) if (s.roundId === round.id && s.raterId === props.meId) mine[scoreKey(s)] = s;
  // Input per unit; a unit without input follows what is stored.
  const [edits, setEdits] = React.useState<Record<string, IScoreDraft>>({});
  const [failures, setFailures] = React.useState<Record<string, string>>({});
  const write = useWrite(round);
  const drafts: IScoreDraft[] = units.map((u) => {
    const stored = mine[u.key];
    const e = edits[u.key];
    return e ? { ...e, unit: u, stored } : { unit: u, stored, score: stored ? stored.score : undefined, comment: (stored && stored.comment) || '' };
  });
  const dirty = open && props.isRater && drafts.some(isDirty);
  const changed = drafts.filter(isChanged);
  useBeforeUnload(dirty);
  const { onDirtyChange } = props;
  React.useEffect(() => {
    if (onDirtyChange) onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  const save = (): void => {
    write
      .run(
        () => saveScores(props.repository, round, drafts),
        (result) => {
          const failed: Record<string, string> = {};
          for (const f of result.failed) failed[f.unit.key] = errorText(f.error, round);
          setFailures(failed);
          const savedKeys: Record<string, true> = {};
          for (const s of result.saved) savedKeys[scoreKey(s)] = true;
          setEdits((prev) => {
            const next: Record<string, IScoreDraft> = {};
            for (const k of Object.keys(prev)) if (!savedKeys[k]) next[k] = prev[k];
            return next;
          });
          result.saved.forEach(props.onSaved);
          if (result.failed.some((f) => f.error instanceof MaturityError && RELOAD_ON.indexOf(f.error.code) >= 0)) props.onConflict();
          if (result.failed.length) return undefined;
          const one = result.saved.length === 1 ? changed[0] : undefined;
          return one ? format(strings.SavedScore, one.score as number, unitName(one.unit)) : format(strings.SavedScores, result.saved.length);
        }
      )
      .catch(() => undefined);
  };
  const myCount = units.filter((u) => mine[u.key]).length;
  const failedCount = Object.keys(failures).length;
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
        groupByTheme(units).map((t) => {
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
                    round={round}
                    draft={drafts.filter((d) => d.unit.key === u.key)[0]}
                    editable={open}
                    cn={cn}
                    failure={failures[u.key]}
                    onChange={(d) => setEdits((prev) => ({ ...prev, [u.key]: d }))}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      {props.isRater && open && (
        <div className={cn.saveBar} data-testid="save-bar">
          {/* Focusable while disabled: after saving, a natively disabled button would drop keyboard focus to the page top. */}
          <PrimaryButton text={write.busy ? strings.Saving : strings.Save} disabled={write.busy || changed.length === 0} allowDisabledFocus={true} onClick={save} />
          <span className={cn.meta}>{dirty ? format(strings.UnsavedCount, changed.length) : strings.AllSaved}</span>
          {failedCount > 0 && <span className={cn.meta}>{format(strings.SaveFailedCount, failedCount)}</span>}
          <LiveMessage message={write.message} />
        </div>
      )}
    </div>
  );
}
