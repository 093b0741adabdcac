import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import { PermissionKind } from '@pnp/sp/security';
import type { RoleTypeKind } from '@pnp/sp/security/types';
import { IEnsureChange } from './ensureSchema';
import { httpStatusOf } from './errors';
import { listOf } from './lists';
import { ensureListLevels, ensurePermissionLevel } from './maturityAccess';
import { getList } from '../schema/schema';

/**
 * Who may do what with progress reports (README, "Voortgang en herinneringen"), enforced by SharePoint:
 * - Voortgangsmeldingen has its own permissions: the site's Visitors (the owners of actions are readers of the
 *   site) and Members get Contribute on this list only, and WriteSecurity 2 (schema.ts) keeps each of them to the
 *   reports they created; the actions and recommendations stay read-only for them.
 * - The control team holds "Voortgang – beoordelaar" there: Contribute plus Override List Behaviors, so it edits
 *   anyone's report (the review) without being able to manage the list.
 */
export const REVIEWER_LEVEL: string = 'Voortgang – beoordelaar';
const REVIEWER_LEVEL_DESCRIPTION: string = 'Beoordeelt voortgangsmeldingen: wijzigt items van anderen in een lijst met itemrechten (Override List Behaviors).';

/** Contribute's rights, plus Override List Behaviors (PermissionKind.CancelCheckout). */
const REVIEWER_KINDS: PermissionKind[] = [
  PermissionKind.ViewListItems,
  PermissionKind.AddListItems,
  PermissionKind.EditListItems,
  PermissionKind.DeleteListItems,
  PermissionKind.OpenItems,
  PermissionKind.ViewVersions,
  PermissionKind.DeleteVersions,
  PermissionKind.CancelCheckout,
  PermissionKind.ViewFormPages,
  PermissionKind.Open,
  PermissionKind.ViewPages,
  PermissionKind.BrowseUserInfo,
  PermissionKind.UseClientIntegration,
  PermissionKind.UseRemoteAPIs,
  PermissionKind.CreateAlerts,
  PermissionKind.EditMyUserInfo
];

const CONTRIBUTE_KIND: RoleTypeKind = 3;

/** Idempotent; skipped while the list does not exist yet (ensureSchema creates it). Needs a site owner. */
export async function ensureProgressPermissions(sp: SPFI, controlTeamId: number, note: (c: IEnsureChange) => void): Promise<void> {
  try {
    await listOf(sp, 'progressReports').select('Id')();
  } catch (e) {
    if (httpStatusOf(e) === 404) return;
    throw e;
  }
  const reviewer = await ensurePermissionLevel(sp, { name: REVIEWER_LEVEL, description: REVIEWER_LEVEL_DESCRIPTION, order: 1001, kinds: REVIEWER_KINDS }, note);
  const contribute = ((await sp.web.roleDefinitions.getByType(CONTRIBUTE_KIND).select('Id')()) as { Id: number }).Id;
  const visitors = ((await sp.web.associatedVisitorGroup.select('Id')()) as { Id: number }).Id;
  const members = ((await sp.web.associatedMemberGroup.select('Id')()) as { Id: number }).Id;
  await ensureListLevels(
    sp,
    'progressReports',
    getList('progressReports').title,
    [
      { principal: controlTeamId, roleDefIds: [reviewer], name: `controleteam: ${REVIEWER_LEVEL}` },
      { principal: visitors, roleDefIds: [contribute], name: 'Visitors: Contribute' },
      { principal: members, roleDefIds: [contribute], name: 'Members: Contribute' }
    ],
    note
  );
}
