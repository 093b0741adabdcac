import { SPFI } from '@pnp/sp';
import { IActionWriter, IOrgRepository, IPermissionsReader, IReportDataReader, IReportStore, ISettingsStore, IYearViewReader } from './IOrgRepository';
import { IMaturityRepository } from './IMaturityRepository';
import { PnPMaturityRepository } from './PnPMaturityRepository';
import { createProgressService, IProgressService } from './progressService';
import { createOwnerAssignment, IOwnerAssignment } from './ownerAssignment';
import { OrgContext } from './org/context';
import { PnPActionWriter } from './org/actionWriter';
import { PnPPermissionsReader } from './org/permissionsReader';
import { PnPReportDataReader } from './org/reportDataReader';
import { PnPReportStore } from './org/reportStore';
import { PnPSettingsStore } from './org/settingsStore';
import { PnPYearViewReader } from './org/yearViewReader';

/** Everything a host reads and writes on one data site, by role. */
export interface IDataAccess {
  readonly siteUrl: string;
  yearView: IYearViewReader;
  reportData: IReportDataReader;
  actions: IActionWriter;
  reports: IReportStore;
  settings: ISettingsStore;
  permissions: IPermissionsReader;
  /** Every role above in one object (the cards and Auditopvolging hand it to their components). */
  repository: IOrgRepository;
  /** The maturity lists (Maturiteitsinschatting); also the council report's maturity section. */
  maturity: IMaturityRepository;
  /** Progress reports of owners and their review ("Voortgang melden"). */
  progress: IProgressService;
  /** Owners and deadlines for many items at once (control team). */
  owners: IOwnerAssignment;
}

/** The roles as one object: each method bound to the role that owns it. */
function combine(siteUrl: string, r: Omit<IDataAccess, 'siteUrl' | 'repository' | 'maturity' | 'progress' | 'owners'>): IOrgRepository {
  const { yearView: v, reportData: d, actions: a, reports: s, settings: t, permissions: p } = r;
  return {
    siteUrl,
    loadYearView: (q) => v.loadYearView(q),
    getCachedView: () => v.getCachedView(),
    loadActionTitles: (ids) => v.loadActionTitles(ids),
    loadActionDetails: (id) => v.loadActionDetails(id),
    loadRiskDetails: (id) => v.loadRiskDetails(id),
    getCurrentUser: () => v.getCurrentUser(),
    getCached: () => d.getCached(),
    loadReportData: () => d.loadReportData(),
    realiseAction: (action, year) => a.realiseAction(action, year),
    markRecommendationsCarriedOut: (recs) => a.markRecommendationsCarriedOut(recs),
    getStoredReports: () => s.getStoredReports(),
    finaliseReport: (year, files, replace) => s.finaliseReport(year, files, replace),
    repairFinalisations: (onlyIfSeen) => s.repairFinalisations(onlyIfSeen),
    getReportSnapshot: (year) => s.getReportSnapshot(year),
    getSettings: () => t.getSettings(),
    setReportYear: (year) => t.setReportYear(year),
    setOrganisation: (name) => t.setOrganisation(name),
    getSiteTitle: () => t.getSiteTitle(),
    getPermissions: () => p.getPermissions()
  };
}

/**
 * The one composition root of the data layer: every host (web parts, the card, the workbench,
 * scripts, reminders) passes its spfi (bound to its own auth), the data site and who is signed in
 * (`userKey` keys the browser cache per site and user); the repositories are built only here.
 */
export function createDataAccess(sp: SPFI, siteUrl: string, userKey: string): IDataAccess {
  const ctx = new OrgContext(sp, siteUrl, userKey);
  const roles = {
    yearView: new PnPYearViewReader(ctx),
    reportData: new PnPReportDataReader(ctx),
    actions: new PnPActionWriter(ctx),
    reports: new PnPReportStore(ctx),
    settings: new PnPSettingsStore(ctx),
    permissions: new PnPPermissionsReader(ctx)
  };
  return {
    siteUrl: ctx.siteUrl,
    ...roles,
    repository: combine(ctx.siteUrl, roles),
    maturity: new PnPMaturityRepository(sp, ctx.siteUrl),
    progress: createProgressService(sp),
    owners: createOwnerAssignment(sp)
  };
}
