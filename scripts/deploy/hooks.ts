/**
 * Hook points for deployment steps that other parts of the product provide.
 *
 * The permission model (who may edit which list) is its own piece of work. When it lands,
 * it exports `ensurePermissions(sp, log)` from src/data/permissions.ts and the deploy
 * step picks it up here; until then the step reports that there is nothing to apply.
 */
import { SPFI } from '@pnp/sp';

export interface IPermissionResult {
  changes: number;
}

type EnsurePermissions = (sp: SPFI, log: (line: string) => void) => Promise<{ changes: unknown[] | number }>;

/** Module that will hold the permission model; resolved at run time so its absence is not a compile error. */
export const PERMISSIONS_MODULE: string = '../../src/data/permissions';

export async function ensurePermissionModel(sp: SPFI, site: string, log: (line: string) => void, moduleId: string = PERMISSIONS_MODULE): Promise<IPermissionResult | undefined> {
  let mod: { ensurePermissions?: EnsurePermissions };
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    mod = require(moduleId) as { ensurePermissions?: EnsurePermissions };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((e as Error).message).indexOf('permissions') >= 0) return undefined;
    throw e;
  }
  if (typeof mod.ensurePermissions !== 'function') return undefined;
  const result = await mod.ensurePermissions(sp, log);
  const changes = Array.isArray(result.changes) ? result.changes.length : Number(result.changes) || 0;
  log(`permission model checked on ${site}`);
  return { changes };
}
