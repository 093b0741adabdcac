import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { IMaturityObjective, IMaturityTheme } from '../model/maturity';
import { DEMO_ROUND_2023, IObjectivePlan, IObjectiveRow, LEIDRAAD_THEMES, planObjectiveImport } from '../model/maturityImport';
import { ListItem } from './mapping';
import { shortTitle, toObjective, toTheme } from './maturityMapping';
import { listOf } from './lists';
import { ITEM_QUERIES } from './queries';
import { addAll, readAll } from './importData';
import { syncRaterAccess } from './maturityAccess';

export interface IMaturityImportOptions {
  /**
   * The 2023 round of the seed ("Planning 2023 – Maturiteitsinschatting", five themes). With
   * raters (login names) it starts in "scoren"; without, in "voorbereiding" (a round needs raters).
   */
  demoRound?: { raters: string[]; facilitator?: string };
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

/**
 * Seeds the 11 chapters of the leidraad as themes (by number) and, when asked, the 2023 round
 * of the seed with its five themes and no scores. Idempotent: what is there (a theme with that
 * number, a round of that year) is left as it is. Objectives are never seeded: their wording
 * is the city's to import (importObjectives).
 */
export async function importMaturity(sp: SPFI, options: IMaturityImportOptions = {}, log: (line: string) => void = () => undefined): Promise<IMaturityImportResult> {
  const existing = await readThemes(sp);
  const have: Record<number, true> = {};
  for (const t of existing) have[t.number] = true;
  const missing = LEIDRAAD_THEMES.filter((t) => !have[t.number]);
  await addAll(
    sp,
    'maturityThemes',
    missing.map((t) => ({ Title: t.title, Nummer: t.number, Sleutel: t.key }))
  );
  const result: IMaturityImportResult = { themes: { created: missing.length, existing: LEIDRAAD_THEMES.length - missing.length }, round: 'skipped' };
  if (options.demoRound) {
    const rounds = await readAll(listOf(sp, 'maturityRounds'), ITEM_QUERIES.importMaturityRounds.select);
    if (rounds.some((r) => r.Jaar === DEMO_ROUND_2023.year)) {
      result.round = 'existing';
    } else {
      const themes = await readThemes(sp);
      const themeIds = DEMO_ROUND_2023.themeNumbers.map((n) => themes.filter((t) => t.number === n)[0]).filter((t) => !!t).map((t) => t.id);
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
      await listOf(sp, 'maturityRounds').items.add({
        Title: DEMO_ROUND_2023.title,
        Jaar: DEMO_ROUND_2023.year,
        ThemasId: themeIds,
        RondeStatus: raterIds.length ? 'scoren' : 'voorbereiding',
        SchaalMin: 1,
        SchaalMax: 5,
        BeoordelaarsId: raterIds,
        FacilitatorId: facilitatorId
      });
      // A round created in "scoren": its raters may write scores now (on a site set up by ensurePermissions).
      if (raterIds.length) await syncRaterAccess(sp);
      result.round = 'created';
    }
  }
  log(`Maturiteit: thema's +${result.themes.created} (al aanwezig: ${result.themes.existing}), ronde 2023: ${result.round}`);
  return result;
}

export interface IObjectiveImportResult extends IObjectivePlan {
  created: number;
}

/**
 * Imports objectives (theme, code, text) from rows of the city's file. All rows are checked
 * first; with any error nothing is written. Rows equal to what is there are skipped.
 */
export async function importObjectives(sp: SPFI, rows: IObjectiveRow[]): Promise<IObjectiveImportResult> {
  const [themes, existing] = await Promise.all([
    readThemes(sp),
    readAll(listOf(sp, 'maturityObjectives'), ITEM_QUERIES.maturityObjectives.select).then((items) => items.map(toObjective))
  ]);
  const plan = planObjectiveImport(rows, themes, existing as IMaturityObjective[]);
  if (plan.errors.length) return { ...plan, created: 0 };
  await addAll(
    sp,
    'maturityObjectives',
    plan.add.map((o) => ({ Title: shortTitle(o.text), ThemaId: o.themeId, Code: o.code, Tekst: o.text, Volgorde: o.order }))
  );
  return { ...plan, created: plan.add.length };
}
