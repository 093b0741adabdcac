import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { IMaturityObjective, IMaturityTheme } from '../../src/model/maturity';
import {
  DEMO_ROUND_2023, IObjectivePlan, IObjectiveRow, LEIDRAAD_THEMES, objectiveAdds, plannedThemeId, plannedThemeRef, planObjectiveImport, themeDomain
} from '../model/maturityImport';
import { IImportTargets, IPlannedAdd, IPlannedRef } from '../schema/importValidation';
import { ListItem } from '../../src/data/mapping';
import { toObjective, toTheme } from '../../src/data/maturityMapping';
import { listOf } from '../../src/data/lists';
import { ITEM_QUERIES } from '../../src/data/queries';
import { readAll } from './importData';
import { runImport } from './importRun';
import { syncRaterAccess } from '../../src/data/maturityAccess';

export interface IMaturityImportOptions {
  /**
   * The 2023 round of the seed ("Planning 2023 – Maturiteitsinschatting", five themes). With
   * raters (login names) it starts in "scoren"; without, in "voorbereiding" (a round needs raters).
   */
  demoRound?: { raters: string[]; facilitator?: string };
  /** Domains the same run adds (the report's): the themes' Domein may point at them. */
  plannedDomains?: IPlannedAdd[];
}

/**
 * The local site's raters of the 2023 demo round (ann, pieter, sofie: the control team of the
 * local user directory) with pieter, the organisatiebeheerser, as facilitator. A tenant's round is
 * created without raters (in "voorbereiding"): an admin adds them in the round's form.
 */
export const LOCAL_DEMO_ROUND: { raters: string[]; facilitator: string } = {
  raters: ['i:0#.f|membership|ann.janssens@stad.example', 'i:0#.f|membership|pieter.desmet@stad.example', 'i:0#.f|membership|sofie.maes@stad.example'],
  facilitator: 'i:0#.f|membership|pieter.desmet@stad.example'
};

export interface IMaturityImportResult {
  themes: { created: number; existing: number };
  round: 'created' | 'existing' | 'skipped';
}

/** Reads the themes of the leidraad on the site. */
export async function readThemes(sp: SPFI): Promise<IMaturityTheme[]> {
  return (await readAll(listOf(sp, 'maturityThemes'), ITEM_QUERIES.maturityThemes.select)).map(toTheme);
}

/** What seeding the leidraad's themes (and the demo round) will add; nothing is written yet. */
export interface IMaturityImportPlan {
  adds: IPlannedAdd[];
  targets: IImportTargets;
  result: IMaturityImportResult;
  /** The themes already on the site. */
  themes: IMaturityTheme[];
}

/**
 * Plans the 11 chapters of the leidraad as themes (by number) and, when asked, the 2023 round
 * of the seed with its five themes and no scores. What is there (a theme with that number, a
 * round of that year) is left as it is. Raters are resolved (ensureUser) while planning.
 */
export async function planMaturityImport(sp: SPFI, options: IMaturityImportOptions = {}): Promise<IMaturityImportPlan> {
  const existing = await readThemes(sp);
  const have: Record<number, IMaturityTheme> = {};
  for (const t of existing) have[t.number] = t;
  const missing = LEIDRAAD_THEMES.filter((t) => !have[t.number]);
  // Each chapter's improvement actions default to its domain: one on the site, or one the same run adds.
  const onSite = missing.length ? await readAll(listOf(sp, 'domains'), ITEM_QUERIES.importDomains.select) : [];
  const domains: { value: number | IPlannedRef; title: string }[] = onSite
    .map((d) => ({ value: d.Id as number | IPlannedRef, title: (d.Title as string) || '' }))
    .concat((options.plannedDomains || []).map((a) => ({ value: { ref: a.ref }, title: String(a.body.Title || '') })));
  const adds: IPlannedAdd[] = missing.map((t) => ({
    ref: plannedThemeRef(t.number),
    list: 'maturityThemes',
    body: { Title: t.title, Nummer: t.number, Sleutel: t.key, DomeinId: themeDomain(t.number, domains) ?? null },
    source: { nl: `thema ${t.number} van de leidraad`, en: `theme ${t.number} of the leidraad` }
  }));
  const result: IMaturityImportResult = { themes: { created: missing.length, existing: LEIDRAAD_THEMES.length - missing.length }, round: 'skipped' };
  if (options.demoRound) {
    const rounds = await readAll(listOf(sp, 'maturityRounds'), ITEM_QUERIES.importMaturityRounds.select);
    if (rounds.some((r) => r.Jaar === DEMO_ROUND_2023.year)) {
      result.round = 'existing';
    } else {
      const themeIds = DEMO_ROUND_2023.themeNumbers.map((n) => (have[n] ? have[n].id : { ref: plannedThemeRef(n) }));
      const raterIds: number[] = [];
      for (const login of options.demoRound.raters) {
        const u = await sp.web.ensureUser(login);
        raterIds.push(((u as ListItem).Id ?? (u as ListItem).data?.Id) as number);
      }
      let facilitatorId: number | null = null;
      if (options.demoRound.facilitator) {
        const f = await sp.web.ensureUser(options.demoRound.facilitator);
        facilitatorId = ((f as ListItem).Id ?? (f as ListItem).data?.Id) as number;
      }
      adds.push({
        ref: `maturityRounds:${DEMO_ROUND_2023.year}`,
        list: 'maturityRounds',
        body: {
          Title: DEMO_ROUND_2023.title,
          Jaar: DEMO_ROUND_2023.year,
          ThemasId: themeIds,
          RondeStatus: raterIds.length ? 'scoren' : 'voorbereiding',
          SchaalMin: 1,
          SchaalMax: 5,
          BeoordelaarsId: raterIds,
          FacilitatorId: facilitatorId
        },
        source: { nl: `ronde ${DEMO_ROUND_2023.year}`, en: `round ${DEMO_ROUND_2023.year}` }
      });
      result.round = 'created';
    }
  }
  const targets: IImportTargets = { existing: { maturityThemes: existing.map((t) => t.id) } };
  // The domains a theme's Domein points at (checked by the import's validation).
  if (onSite.length) targets.existing.domains = onSite.map((d) => d.Id as number);
  return { adds, targets, result, themes: existing };
}

export function maturityImportLine(result: IMaturityImportResult): string {
  return `Maturiteit: thema's +${result.themes.created} (al aanwezig: ${result.themes.existing}), ronde 2023: ${result.round}`;
}

/**
 * A round created in "scoren": its raters may write scores now (on a site set up by
 * ensurePermissions). Call after the plan's items are written.
 */
export async function afterMaturityImport(sp: SPFI, plan: IMaturityImportPlan): Promise<void> {
  const round = plan.adds.filter((a) => a.list === 'maturityRounds')[0];
  if (round && round.body.RondeStatus === 'scoren') await syncRaterAccess(sp);
}

/**
 * Seeds the 11 chapters of the leidraad as themes and, when asked, the 2023 round (see
 * planMaturityImport). Idempotent. Objectives are never seeded: their wording is the city's
 * to import (importObjectives).
 */
export async function importMaturity(sp: SPFI, options: IMaturityImportOptions = {}, log: (line: string) => void = () => undefined): Promise<IMaturityImportResult> {
  const plan = await planMaturityImport(sp, options);
  await runImport(sp, plan.adds, plan.targets);
  await afterMaturityImport(sp, plan);
  log(maturityImportLine(plan.result));
  return plan.result;
}

export interface IObjectiveImportResult extends IObjectivePlan {
  created: number;
  /** Themes of the leidraad the run added (they were not on the site yet). */
  themesCreated: number;
}

/**
 * Imports objectives (theme, code, text) from rows of the city's file. All rows are checked
 * first (planObjectiveImport, with the schema); with any error nothing is written, not even the
 * leidraad's themes. Rows equal to what is there are skipped. Missing themes are added in the
 * same run, before the objectives; a failed write undoes the run (ImportWriteError).
 */
export async function importObjectives(sp: SPFI, rows: IObjectiveRow[]): Promise<IObjectiveImportResult> {
  const [themesPlan, existing] = await Promise.all([
    planMaturityImport(sp),
    readAll(listOf(sp, 'maturityObjectives'), ITEM_QUERIES.maturityObjectives.select).then((items) => items.map(toObjective))
  ]);
  const themes: IMaturityTheme[] = themesPlan.themes.concat(
    themesPlan.adds.map((a) => ({ id: plannedThemeId(a.body.Nummer as number), number: a.body.Nummer as number, title: a.body.Title as string }))
  );
  const plan = planObjectiveImport(rows, themes, existing as IMaturityObjective[]);
  if (plan.errors.length) return { ...plan, created: 0, themesCreated: 0 };
  await runImport(sp, themesPlan.adds.concat(objectiveAdds(plan.add, plan.lines)), themesPlan.targets);
  return { ...plan, created: plan.add.length, themesCreated: themesPlan.adds.length };
}
