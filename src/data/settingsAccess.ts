import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import type { RoleTypeKind } from '@pnp/sp/security/types';
import { IEnsureChange } from './ensureSchema';
import { httpStatusOf } from './errors';
import { listOf } from './lists';
import { ensureListLevels } from './maturityAccess';
import { getList } from '../schema/schema';

const READ_KIND: RoleTypeKind = 2;
const CONTRIBUTE_KIND: RoleTypeKind = 3;

/**
 * Instellingen (report year, organisation) are decisions of the control team: the list gets its own permissions
 * (a copy of the site's, so the site owners keep Full Control) where the control team holds Contribute and the
 * site's Members and Visitors only read. Without it every list editor (Members: Edit) could change the year every
 * surface opens on. Idempotent; skipped while the list does not exist yet. Needs a site owner.
 */
export async function ensureSettingsPermissions(sp: SPFI, controlTeamId: number, note: (c: IEnsureChange) => void): Promise<void> {
  try {
    await listOf(sp, 'settings').select('Id')();
  } catch (e) {
    if (httpStatusOf(e) === 404) return;
    throw e;
  }
  const roleId = async (kind: RoleTypeKind): Promise<number> => ((await sp.web.roleDefinitions.getByType(kind).select('Id')()) as { Id: number }).Id;
  const [read, contribute] = await Promise.all([roleId(READ_KIND), roleId(CONTRIBUTE_KIND)]);
  const visitors = ((await sp.web.associatedVisitorGroup.select('Id')()) as { Id: number }).Id;
  const members = ((await sp.web.associatedMemberGroup.select('Id')()) as { Id: number }).Id;
  await ensureListLevels(
    sp,
    'settings',
    getList('settings').title,
    [
      { principal: controlTeamId, roleDefIds: [contribute], name: 'controleteam: Contribute' },
      { principal: members, roleDefIds: [read], name: 'Members: Read' },
      { principal: visitors, roleDefIds: [read], name: 'Visitors: Read' }
    ],
    note
  );
}
