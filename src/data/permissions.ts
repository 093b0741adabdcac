import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/security';
import type { RoleTypeKind } from '@pnp/sp/security/types';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { IEnsureChange, ProvisioningError } from './ensureSchema';
import { httpStatusOf, sharePointMessage } from './errors';
import { ensureMaturityPermissions } from './maturityAccess';
import { ensureProgressPermissions } from './progressAccess';
import { ensureSettingsPermissions } from './settingsAccess';

/** The SharePoint group of the control team: edits the lists and finalises the report. */
export const CONTROL_TEAM_GROUP: string = 'Organisatiebeheersing – beheerders';
const CONTROL_TEAM_DESCRIPTION: string = 'Controleteam organisatiebeheersing: beheert de lijsten en maakt het jaarrapport definitief.';

/** SP.RoleType.Contributor: the "Contribute" permission level (id 1073741827 on SharePoint Online, FIDELITY.md R-01). */
const CONTRIBUTE_KIND: RoleTypeKind = 3;
const CONTRIBUTE_NAME: string = 'Contribute';

/** Claim of the tenant's "Everyone except external users" (FIDELITY.md U-01). */
export function everyoneClaim(tenantId: string): string {
  return `c:0-.f|rolemanager|spo-grid-all-users/${tenantId.trim().toLowerCase()}`;
}

export const EVERYONE_WARNING: string =
  'LET OP: iedereen in de organisatie ("Everyone except external users") kan nu alle lijsten en rapporten van deze site lezen. ' +
  '/ WARNING: everyone in the organisation ("Everyone except external users") can now read every list and report of this site.';

export interface IEnsurePermissionsOptions {
  /** Add "Everyone except external users" to the site's Visitors group (read for the whole organisation). */
  everyoneReads?: boolean;
  /** The tenant (Entra ID) id, needed for everyoneReads: SPFx pageContext.aadInfo.tenantId, or the token's `tid`. */
  tenantId?: string;
}

interface IAssignmentInfo {
  PrincipalId: number;
  RoleDefinitionBindings?: Array<{ Id: number }>;
}

/**
 * The product's permission model, idempotent: the group "Organisatiebeheersing – beheerders" exists
 * and has Contribute on the site; the site's Owners, Members and Visitors stay as they are on the site;
 * the maturity lists get their own permissions (ensureMaturityPermissions), Instellingen too (ensureSettingsPermissions). With
 * `everyoneReads`, "Everyone except external users" is a member of the Visitors group (with a warning).
 * A second run changes nothing. Needs a site owner (Manage Permissions): for anyone else the first
 * change fails with SharePoint's 403 and nothing is changed.
 */
export async function ensurePermissions(sp: SPFI, options: IEnsurePermissionsOptions = {}, log: (l: string) => void = () => undefined): Promise<IEnsureChange[]> {
  const changes: IEnsureChange[] = [];
  try {
    // Found by listing the groups: a missing group is not an error to provoke.
    const groups: Array<{ Id: number; Title: string }> = await sp.web.siteGroups.select('Id', 'Title')();
    const existing = groups.filter((g) => g.Title.toLowerCase() === CONTROL_TEAM_GROUP.toLowerCase())[0];
    const group = existing || (await sp.web.siteGroups.add({ Title: CONTROL_TEAM_GROUP, Description: CONTROL_TEAM_DESCRIPTION }));
    if (!existing) {
      changes.push({ list: 'web', kind: 'group', name: CONTROL_TEAM_GROUP });
      log(`Groep aangemaakt / group created: ${CONTROL_TEAM_GROUP}`);
    }

    // The permission level by its kind (its name is localised on a Dutch site), by name as a fallback.
    const contribute: { Id: number; Name: string } = await sp.web.roleDefinitions
      .getByType(CONTRIBUTE_KIND)
      .select('Id', 'Name')()
      .catch(() => sp.web.roleDefinitions.getByName(CONTRIBUTE_NAME).select('Id', 'Name')());
    const assignments: IAssignmentInfo[] = await sp.web.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id')();
    const mine = assignments.filter((a) => a.PrincipalId === group.Id)[0];
    const bound = !!mine && (mine.RoleDefinitionBindings || []).some((b) => b.Id === contribute.Id);
    if (!bound) {
      await sp.web.roleAssignments.add(group.Id, contribute.Id);
      changes.push({ list: 'web', kind: 'roleAssignment', name: `${CONTROL_TEAM_GROUP}: ${contribute.Name}` });
      log(`Machtigingsniveau toegekend / permission level granted: ${contribute.Name} → ${CONTROL_TEAM_GROUP}`);
    }

    // The maturity rules, enforced by SharePoint (src/data/maturityAccess.ts).
    await ensureMaturityPermissions(sp, group.Id, (c) => {
      changes.push(c);
      log(`Maturiteit / maturity: ${c.list}: ${c.kind} ${c.name}`);
    });

    // Owners report progress on their own items only (src/data/progressAccess.ts).
    await ensureProgressPermissions(sp, group.Id, (c) => {
      changes.push(c);
      log(`Voortgang / progress: ${c.list}: ${c.kind} ${c.name}`);
    });

    // Only the control team (and the site owners) change the settings (src/data/settingsAccess.ts).
    await ensureSettingsPermissions(sp, group.Id, (c) => {
      changes.push(c);
      log(`Instellingen / settings: ${c.list}: ${c.kind} ${c.name}`);
    });

    if (options.everyoneReads) {
      if (!options.tenantId) {
        throw new ProvisioningError('Voor "iedereen leest" is het tenant-id nodig. / "Everyone reads" needs the tenant id (--tenant-id).');
      }
      const claim = everyoneClaim(options.tenantId);
      const visitors = sp.web.associatedVisitorGroup;
      const members: Array<{ LoginName: string }> = await visitors.users.select('LoginName')();
      if (!members.some((m) => m.LoginName.toLowerCase() === claim)) {
        await sp.web.ensureUser(claim);
        await visitors.users.add(claim);
        changes.push({ list: 'web', kind: 'groupMember', name: `Everyone except external users → Visitors` });
        log('"Everyone except external users" toegevoegd aan de bezoekers / added to the Visitors group');
      }
      log(EVERYONE_WARNING);
    }
  } catch (e) {
    if (e instanceof ProvisioningError) throw e;
    const status = httpStatusOf(e);
    if (status === 401 || status === 403) {
      throw new ProvisioningError(
        `Geen rechten om de machtigingen in te stellen (alleen site-eigenaars); er werd niets gewijzigd${changes.length ? ' na ' + changes.length + ' wijziging(en)' : ''}. ` +
          `/ Not allowed to set up permissions (site owners only): ${sharePointMessage(e)}`,
        status
      );
    }
    throw e;
  }
  return changes;
}
