import '@pnp/sp/webs';
import '@pnp/sp/batching';
import { ISettingsStore } from '../IOrgRepository';
import { clearCache } from '../cache';
import { queueSettingsRead, writeSetting } from '../settings';
import { ISiteSettings, SETTING_ORGANISATION, SETTING_REPORT_YEAR } from '../../model/settings';
import { OrgContext } from './context';

/** List Instellingen and the site's title. */
export class PnPSettingsStore implements ISettingsStore {
  private readonly _ctx: OrgContext;

  public constructor(ctx: OrgContext) {
    this._ctx = ctx;
  }

  public async getSettings(): Promise<ISiteSettings> {
    const [batched, execute] = this._ctx.sp.batched();
    const settings = queueSettingsRead(batched);
    await execute();
    return settings;
  }

  public async setReportYear(year: number): Promise<void> {
    await writeSetting(this._ctx.sp, SETTING_REPORT_YEAR, String(year));
    // Every surface reads the year with its data: what this browser kept is of the old year.
    clearCache(this._ctx.viewKey);
    clearCache(this._ctx.cacheKey);
  }

  public async setOrganisation(name: string): Promise<void> {
    await writeSetting(this._ctx.sp, SETTING_ORGANISATION, name);
  }

  public async getSiteTitle(): Promise<string> {
    const web = (await this._ctx.sp.web.select('Title')()) as { Title?: string };
    return web.Title || '';
  }
}
