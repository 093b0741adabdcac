/**
 * Hook points for deployment steps that other parts of the product provide.
 *
 * The permission model: `ensurePermissions(sp, options, log)` of src/data/permissions.ts (the
 * control team group with Contribute; with `everyoneReads`, "Everyone except external users" in
 * the Visitors group). The deploy step calls it here and reports how many changes it made.
 */
import { SPFI } from '@pnp/sp';
import { ensurePermissions, IEnsurePermissionsOptions } from '../../src/data/permissions';

export interface IPermissionResult {
  changes: number;
}

export async function ensurePermissionModel(sp: SPFI, site: string, log: (line: string) => void, options: IEnsurePermissionsOptions = {}): Promise<IPermissionResult> {
  const changes = await ensurePermissions(sp, options, log);
  log(`permission model checked on ${site}`);
  return { changes: changes.length };
}
