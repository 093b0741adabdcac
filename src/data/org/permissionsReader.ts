import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { IPermissions, IPermissionsReader } from '../IOrgRepository';
import { BatchedRead, batchedReads } from '../batchRetry';
import { OrgContext } from './context';

/** The current user's rights, queued on a batch (the year view reads them in its one round trip). */
export function queuePermissions(ctx: OrgContext, queue: BatchedRead): Promise<IPermissions> {
  const web = queue((b) => b.web.getCurrentUserEffectivePermissions());
  const list = queue((b) => ctx.list('actions', b).getCurrentUserEffectivePermissions());
  // Finalising is decided by the library itself: it may have its own permissions.
  const reports = queue((b) => ctx.list('reports', b).getCurrentUserEffectivePermissions());
  // The list ids for the version history links, in the same round trip (unknown on failure).
  const idOf = (p: Promise<{ Id?: string }>): Promise<string | undefined> => p.then((l) => l.Id, () => undefined);
  const actionsId = idOf(queue((b) => ctx.list('actions', b).select('Id')() as Promise<{ Id?: string }>));
  const risksId = idOf(queue((b) => ctx.list('risks', b).select('Id')() as Promise<{ Id?: string }>));
  return Promise.all([web, list, reports, actionsId, risksId]).then(([webPerms, listPerms, reportPerms, actions, risks]) => ({
    canEdit: ctx.sp.web.hasPermissions(listPerms, PermissionKind.EditListItems),
    canManageLists: ctx.sp.web.hasPermissions(webPerms, PermissionKind.ManageLists),
    canFinalise: ctx.sp.web.hasPermissions(reportPerms, PermissionKind.AddListItems),
    listIds: { actions, risks }
  }));
}

export class PnPPermissionsReader implements IPermissionsReader {
  private readonly _ctx: OrgContext;

  public constructor(ctx: OrgContext) {
    this._ctx = ctx;
  }

  public async getPermissions(): Promise<IPermissions> {
    const fromView = this._ctx.fromView.permissions;
    if (fromView) {
      this._ctx.fromView.permissions = undefined;
      return fromView;
    }
    const [queue, execute] = batchedReads(this._ctx.sp);
    const perms = queuePermissions(this._ctx, queue);
    await execute();
    return perms;
  }
}
