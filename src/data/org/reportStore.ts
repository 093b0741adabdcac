import '@pnp/sp/webs';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { IReportData } from '../../model/types';
import { isTempName, needsRepair, newSetId, planRepair, tempName } from '../../model/finalisation';
import { IRepairResult, IReportFile, IReportStore, IStoredReport, ReportExistsError } from '../IOrgRepository';
import { OrgContext } from './context';
import { deleteIfThere, fileAt, folderOf, columns, isFileExists, putFinal, readLibrary, reportsFolder, retireAndClean, storedAs, toReports } from './reportLibrary';

/** The Rapporten library: the stored final reports, "Definitief maken" as one set, and its repair. */
export class PnPReportStore implements IReportStore {
  private readonly _ctx: OrgContext;

  public constructor(ctx: OrgContext) {
    this._ctx = ctx;
  }

  public getStoredReports(): Promise<IStoredReport[]> {
    const fromView = this._ctx.fromView.reports;
    if (fromView) {
      // Once: a later call (after "Definitief maken") reads the library again.
      this._ctx.fromView.reports = undefined;
      return fromView;
    }
    return readLibrary(this._ctx).then((files) => toReports(this._ctx, files));
  }

  public async getReportSnapshot(year: number): Promise<IReportData | undefined> {
    const snap = (await this.getStoredReports()).filter((r) => r.year === year && r.format === 'Gegevens')[0];
    if (!snap) return undefined;
    const text = await fileAt(this._ctx, new URL(snap.url).pathname.split('/').map(decodeURIComponent).join('/')).getText();
    const parsed = JSON.parse(text) as { data?: IReportData };
    return parsed && parsed.data && Array.isArray(parsed.data.domains) ? parsed.data : undefined;
  }

  /**
   * Repairs what interrupted finalisations left in Rapporten (src/model/finalisation): staged files of a
   * set that never committed are removed; a committed set is finished (its staged content overwrites the
   * final names, the earlier content stays in the version history). `onlyIfSeen`: decide on the library
   * as last read and make no request when it showed nothing to repair (the cards on load).
   */
  public async repairFinalisations(onlyIfSeen: boolean = false): Promise<IRepairResult> {
    const ctx = this._ctx;
    const none: IRepairResult = { removed: 0, completedYears: [] };
    if (onlyIfSeen && ctx.library && !needsRepair(ctx.library)) return none;
    const plan = planRepair(await readLibrary(ctx));
    if (plan.rollForward.length === 0 && plan.remove.length === 0) return none;
    for (const set of plan.rollForward) {
      for (const s of set.swap) {
        const content = await fileAt(ctx, s.staged.path).getBuffer();
        await putFinal(ctx, s.finalName, content, true, { year: set.year, format: s.staged.format, setId: set.setId });
      }
      await retireAndClean(ctx, set.retire, set.cleanup);
    }
    for (const f of plan.remove) await deleteIfThere(ctx, f.path);
    ctx.fromView.reports = undefined;
    ctx.library = undefined;
    return { removed: plan.remove.length, completedYears: plan.rollForward.map((r) => r.year) };
  }

  public async finaliseReport(year: number, files: IReportFile[], replace: boolean): Promise<IStoredReport[]> {
    const ctx = this._ctx;
    await this.repairFinalisations();
    const existing = toReports(ctx, await readLibrary(ctx)).filter((r) => r.year === year);
    if (existing.length > 0 && !replace) throw new ReportExistsError(existing);
    const setId = newSetId();
    const staged: string[] = [];
    let committed = false;
    let swapped = 0;
    try {
      // 1. Stage: every file under a temporary name with its year and set id, not yet final.
      for (const f of files) {
        const tmp = tempName(setId, f.name);
        await folderOf(ctx).files.addUsingPath(tmp, f.content, { Overwrite: false });
        staged.push(`${reportsFolder(ctx)}/${tmp}`);
        await (await fileAt(ctx, staged[staged.length - 1]).getItem()).update({ ...columns(year, f.format, setId), Definitief: false });
      }
      // Someone else may have finalised the year meanwhile: never overwrite theirs without asking.
      const library = await readLibrary(ctx);
      if (!replace) {
        const now = toReports(ctx, library).filter((r) => r.year === year);
        if (now.length > 0) throw new ReportExistsError(now);
      }
      // 2. Commit: this one write makes the new set the year's final report (the cards serve it from the staged copies).
      await (await fileAt(ctx, staged[staged.length - 1]).getItem()).update({ Definitief: true });
      committed = true;
      // 3. Swap: overwrite the final names; the earlier report stays in each file's version history.
      for (const f of files) {
        await putFinal(ctx, f.name, f.content, replace, { year, format: f.format, setId });
        swapped++;
      }
      // 4. Retire what the set does not replace, then remove the staged copies, the commit marker last.
      const names = files.map((f) => f.name.toLowerCase());
      const retire = library.filter((f) => f.year === year && f.final && !isTempName(f.name) && names.indexOf(f.name.toLowerCase()) < 0);
      await retireAndClean(ctx, retire, []);
      for (const url of staged) await deleteIfThere(ctx, url);
      ctx.fromView.reports = undefined;
      ctx.library = undefined;
    } catch (e) {
      if (committed && !(swapped === 0 && isFileExists(e))) return this._finishAfterCommit(e, year, files, setId);
      // Before the commit (or nothing swapped when someone else finished first): remove what this call added, the marker first.
      for (const url of staged.slice().reverse()) await deleteIfThere(ctx, url);
      ctx.library = undefined;
      if (e instanceof ReportExistsError) throw e;
      if (isFileExists(e)) throw new ReportExistsError((await this.getStoredReports().catch(() => [])).filter((r) => r.year === year));
      throw e;
    }
    return storedAs(ctx, year, files);
  }

  /**
   * Past the commit the new set is the report: finish it now if SharePoint answers, else the next run does.
   * (Also when someone's cards finished it meanwhile: then this run's own clean-up found its files gone.)
   */
  private async _finishAfterCommit(e: unknown, year: number, files: IReportFile[], setId: string): Promise<IStoredReport[]> {
    const ctx = this._ctx;
    const now = await this.repairFinalisations()
      .then(() => readLibrary(ctx))
      .then((lib) => (needsRepair(lib) ? [] : toReports(ctx, lib).filter((r) => r.year === year)))
      .catch(() => [] as IStoredReport[]);
    if (now.length === files.length && now.every((r) => r.setId === setId)) return storedAs(ctx, year, files);
    throw e;
  }
}
