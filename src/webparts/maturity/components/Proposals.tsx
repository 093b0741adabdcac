import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { LiveMessage } from '../../../components/LiveMessage';
import { createBundledActions, defaultDomain } from '../../../app/maturity/improvementAction';
import { IMaturityRepository } from '../../../data/IMaturityRepository';
import { ACTION_PRIORITIES, ActionPriority, IActionBundle, IConsensus, IMaturityData, IMaturityRound, IProposal } from '../../../model/maturity';
import { IPerson } from '../../../model/references';
import { MaturityClassNames } from './styles';
import { errorText, unitName } from './texts';
import { useWrite } from './useWrite';

type S = Record<string, string>;

function proposalText(p: IProposal): string {
  const parts: string[] = [];
  if (p.reasons.indexOf('belowTarget') >= 0) parts.push(format(strings.BelowTarget, p.consensus && p.consensus.score !== undefined ? p.consensus.score : '–', p.target ?? '–'));
  if (p.reasons.indexOf('spread') >= 0) parts.push(format(strings.LargeSpread, p.spread ?? '–'));
  return `${unitName(p.unit)} — ${parts.join('; ')}`;
}

export interface IProposalsProps {
  repository: IMaturityRepository;
  round: IMaturityRound;
  data: Pick<IMaturityData, 'themes' | 'objectives' | 'domains' | 'consensus'>;
  proposals: IProposal[];
  canCreate: boolean;
  cn: MaturityClassNames;
  onLinked: (c: IConsensus) => void;
  onConflict: () => void;
}

/** The facilitator bundles proposed objectives into improvement actions, each prioritised with owner and deadline. */
export function Proposals(props: IProposalsProps): JSX.Element {
  const { round, cn, proposals } = props;
  const [chosen, setChosen] = React.useState<string[]>([]);
  const [draft, setDraft] = React.useState<Omit<IActionBundle, 'unitKeys'>>({ title: '', priority: 'middel' });
  const [bundles, setBundles] = React.useState<IActionBundle[]>([]);
  const write = useWrite(round, props.onConflict);
  const people: IPerson[] = round.raters.concat(round.facilitator && !round.raters.some((r) => r.id === round.facilitator?.id) ? [round.facilitator] : []);
  const firstTheme = props.data.themes.filter((t) => proposals.some((p) => chosen.indexOf(p.unit.key) >= 0 && p.unit.themeId === t.id))[0];
  const domainId = draft.domainId ?? defaultDomain(firstTheme, props.data.domains);
  const add = (): void => {
    setBundles(bundles.concat([{ ...draft, title: draft.title.trim(), domainId, unitKeys: chosen }]));
    setChosen([]);
    setDraft({ title: '', priority: 'middel' });
  };
  const create = (): void => {
    write
      .run(
        () => createBundledActions(props.repository, round, props.data, bundles),
        (outcomes) => {
          for (const o of outcomes) (o.linked || []).forEach(props.onLinked);
          const failed = outcomes.filter((o) => o.error);
          setBundles(failed.map((o) => o.bundle));
          if (failed.length) return { ok: false, text: failed.map((o) => `${o.bundle.title}: ${errorText(o.error, round)}`).join(' ') };
          return format(strings.BundlesCreated, outcomes.length);
        }
      )
      .catch(() => undefined);
  };
  return (
    <section aria-labelledby="maturity-proposals" data-testid="proposals">
      <h3 id="maturity-proposals" className={cn.groupTitle}>
        {strings.ProposalsTitle}
      </h3>
      {proposals.length === 0 ? (
        <p className={cn.muted}>{strings.NoProposals}</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {proposals.map((p) => (
            <li key={p.unit.key} data-proposal={p.unit.key}>
              {props.canCreate ? (
                <Checkbox
                  label={proposalText(p)}
                  checked={chosen.indexOf(p.unit.key) >= 0}
                  disabled={!p.consensus}
                  onChange={(_e, on) => setChosen(on ? chosen.concat([p.unit.key]) : chosen.filter((k) => k !== p.unit.key))}
                />
              ) : (
                proposalText(p)
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canCreate && chosen.length > 0 && (
        <div className={cn.form} data-testid="bundle-form">
          <TextField label={strings.ActionTitle} required={true} value={draft.title} onChange={(_e, v) => setDraft({ ...draft, title: v || '' })} />
          <Dropdown
            label={strings.ActionDomain}
            selectedKey={domainId}
            options={props.data.domains.map((d) => ({ key: d.id, text: d.title }))}
            onChange={(_e, o) => o && setDraft({ ...draft, domainId: Number(o.key) })}
          />
          <Dropdown
            label={strings.Priority}
            selectedKey={draft.priority}
            options={ACTION_PRIORITIES.map((p) => ({ key: p, text: (strings as unknown as S)[`Priority_${p}`] || p }))}
            onChange={(_e, o) => o && setDraft({ ...draft, priority: o.key as ActionPriority })}
          />
          <Dropdown
            label={strings.Owner}
            selectedKey={draft.ownerId ?? null}
            options={people.map((p) => ({ key: p.id, text: p.title }))}
            onChange={(_e, o) => o && setDraft({ ...draft, ownerId: Number(o.key) })}
          />
          <TextField label={strings.Deadline} type="date" value={draft.deadline || ''} onChange={(_e, v) => setDraft({ ...draft, deadline: v || undefined })} />
          <div className={cn.toolbar}>
            <DefaultButton text={format(strings.AddBundle, chosen.length)} disabled={!draft.title.trim() || domainId === undefined} onClick={add} />
          </div>
        </div>
      )}
      {bundles.length > 0 && (
        <>
          <ol className={cn.actions} data-testid="bundles">
            {bundles.map((b, i) => (
              <li key={i}>
                {format(strings.BundleItem, b.title, (strings as unknown as S)[`Priority_${b.priority}`] || b.priority, b.unitKeys.length)}{' '}
                <DefaultButton text={strings.Remove} ariaLabel={`${strings.Remove}: ${b.title}`} onClick={() => setBundles(bundles.filter((x) => x !== b))} />
              </li>
            ))}
          </ol>
          <PrimaryButton text={format(strings.CreateBundles, bundles.length)} disabled={write.busy} onClick={create} />
        </>
      )}
      <LiveMessage message={write.message} />
    </section>
  );
}
