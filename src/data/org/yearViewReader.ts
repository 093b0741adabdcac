import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { IAction, IPerson, IReportData, IRisk } from '../../model/types';
import { defaultReportYear } from '../../model/report';
import { expectedYear, isShownOnCard, withActions } from '../../model/yearView';
import { IStoredReport, IYearView, IYearViewReader, IYearViewRequest } from '../IOrgRepository';
import { batchedReads } from '../batchRetry';
import { clearCache, readCache, writeCache } from '../cache';
import { httpStatusOf } from '../errors';
import { ListItem, toRisk } from '../mapping';
import { shareLoad } from '../pageLoads';
import { ITEM_QUERIES } from '../queries';
import { queueSettingsRead } from '../settings';
import { cardActions, finishCountReads, queueCardRows, queueCountReads, readByIds, readCardRowsFor } from '../yearLoad';
import { OrgContext, orUndefinedOn404 } from './context';
import { readAction } from './actionWriter';
import { queuePermissions } from './permissionsReader';
import { queueReports } from './reportLibrary';

const READER = { canEdit: false, canManageLists: false, canFinalise: false };

function toPerson(u: ListItem): IPerson {
  return { id: u.Id as number, title: (u.Title as string) || '', email: (u.Email as string) || undefined };
}

/** The cards' reads: the year view in one $batch, then what a toggle or a detail panel asks for. */
export class PnPYearViewReader implements IYearViewReader {
  public readonly siteUrl: string;
  private readonly _ctx: OrgContext;
  private _currentUser: Promise<IPerson> | undefined;

  public constructor(ctx: OrgContext) {
    this._ctx = ctx;
    this.siteUrl = ctx.siteUrl;
  }

  public getCachedView(): IYearView | undefined {
    const data = readCache(this._ctx.viewKey) as (IReportData & { viewYear?: number }) | undefined;
    if (!data || typeof data.viewYear !== 'number') return undefined;
    const { viewYear, ...rest } = data;
    return { year: viewYear, data: rest, permissions: READER, reports: [] };
  }

  public loadYearView(request: IYearViewRequest): Promise<IYearView> {
    const ctx = this._ctx;
    const load = shareLoad(ctx.siteUrl, `cards:${request.year || ''}`, () =>
      this._loadYearView(request).catch((e: unknown) => {
        // Signed out or no (longer) access: what this browser kept for the user must not be shown again.
        const status = httpStatusOf(e);
        if (status === 401 || status === 403) clearCache(ctx.viewKey);
        throw e;
      })
    );
    // ReportActions and others ask for these right after: answer them from this load.
    const fromView = { permissions: load.then((v) => v.permissions), reports: load.then((v) => v.reports) };
    ctx.fromView = fromView;
    const forget = (): void => {
      if (ctx.fromView === fromView) ctx.fromView = {};
    };
    fromView.permissions.catch(forget);
    fromView.reports.catch(() => undefined);
    return load;
  }

  private async _loadYearView(request: IYearViewRequest): Promise<IYearView> {
    const ctx = this._ctx;
    const today = request.today || new Date();
    const cached = this.getCachedView();
    const first = expectedYear(request.year, cached ? cached.year : undefined, today);
    const [queue, execute] = batchedReads(ctx.sp);
    const counts = queueCountReads(queue, true);
    const cardRows = queueCardRows(queue, first);
    const perms = queuePermissions(ctx, queue);
    const reports = queueReports(ctx, queue);
    const settings = queue((b) => queueSettingsRead(b));
    const user = queue((b) => b.web.currentUser.select('Id', 'Title', 'Email')() as Promise<ListItem>);
    // Awaited below, unless the counts fail first: then their failure is the one reported.
    for (const p of [perms, ...cardRows]) p.catch(() => undefined);
    await execute();
    const storedReports = await reports.catch(() => [] as IStoredReport[]);
    const decidedYear = (await settings).reportYear;
    let data: IReportData = { ...(await finishCountReads(ctx.sp, counts, true)), finalYears: storedReports.map((r) => r.year), decidedYear };
    data.riskSettings = (await settings).risk;
    // After the latest final report, once that year has ended (src/model defaultReportYear).
    const year = defaultReportYear(data, request.year, today, data.finalYears);
    data = withActions(data, cardActions(await this._cardRows(data, year, year === first ? cardRows : undefined)));
    const view: IYearView = {
      year,
      data,
      permissions: await perms.catch(() => READER),
      reports: storedReports,
      currentUser: await user.then(toPerson).catch(() => undefined)
    };
    writeCache(ctx.viewKey, { ...data, viewYear: year } as IReportData);
    ctx.lastView = view;
    return view;
  }

  /** The card rows of `year`: from the first batch when it read that year, else in a second request. */
  private async _cardRows(data: IReportData, year: number, queued: Promise<ListItem[] | undefined>[] | undefined): Promise<ListItem[]> {
    const ctx = this._ctx;
    let rows: Array<ListItem[] | undefined>;
    if (queued) {
      rows = await Promise.all(queued);
    } else {
      // The data points at another year than expected: its card rows in a second request.
      const [q2, execute2] = batchedReads(ctx.sp);
      const again = queueCardRows(q2, year);
      await execute2();
      rows = await Promise.all(again);
    }
    const shown = ([] as ListItem[]).concat(...rows.map((r) => r || []));
    if (!rows.some((r) => r === undefined)) return shown;
    // A year with more rows than one filter may select (list view threshold): the count
    // read told which rows the card shows, so their card fields are read by id (100 ids a
    // query, 100 queries a $batch), never the card fields of the whole list.
    const have: Record<number, true> = {};
    for (const r of shown) have[r.Id as number] = true;
    const missing = data.actions.filter((a) => isShownOnCard(a, year) && !have[a.id]).map((a) => a.id);
    return shown.concat(await readByIds(ctx.sp, ITEM_QUERIES.cardActions, missing));
  }

  public async loadActionTitles(ids: number[]): Promise<IAction[]> {
    // The count rows say which year each one belongs to: read by year where that is cheaper.
    const last = this._ctx.lastView || this.getCachedView();
    const known: Record<number, IAction> = {};
    if (last) for (const a of last.data.actions) known[a.id] = a;
    const withYears = ids.map((id) => known[id] || ({ id, domainIds: [], subItems: [], risks: [], status: 'Gepland', title: '' } as IAction));
    return cardActions(await readCardRowsFor(this._ctx.sp, withYears));
  }

  public loadActionDetails(id: number): Promise<IAction | undefined> {
    return readAction(this._ctx, id);
  }

  public loadRiskDetails(id: number): Promise<IRisk | undefined> {
    const q = ITEM_QUERIES.risks;
    return orUndefinedOn404(async () => toRisk(await this._ctx.list('risks').items.getById(id).select(...q.select).expand(...q.expand)()));
  }

  public getCurrentUser(): Promise<IPerson> {
    if (!this._currentUser) {
      this._currentUser = this._ctx.sp.web.currentUser
        .select('Id', 'Title', 'Email')()
        .then(toPerson);
      // A failed read is not remembered: the next call asks again.
      this._currentUser.catch(() => (this._currentUser = undefined));
    }
    return this._currentUser;
  }
}
