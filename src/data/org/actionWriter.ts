import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { IAction, IRecommendation } from '../../model/types';
import { getList } from '../../schema/schema';
import { ConflictError, IActionWriter, IMarkResult } from '../IOrgRepository';
import { httpStatusOf, isListValidationFailure, ListValidationError, sharePointMessage } from '../errors';
import { toAction, toRecommendation } from '../mapping';
import { ITEM_QUERIES } from '../queries';
import { OrgContext, orUndefinedOn404 } from './context';

/** The cards' writes, each on the item's ETag (If-Match): a newer version is never overwritten. */
export class PnPActionWriter implements IActionWriter {
  private readonly _ctx: OrgContext;

  public constructor(ctx: OrgContext) {
    this._ctx = ctx;
  }

  public async realiseAction(action: IAction, year: number): Promise<IAction> {
    try {
      const result: { etag?: string } = await this._ctx
        .list('actions')
        .items.getById(action.id)
        .update({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: year }, action.etag || '*');
      return { ...action, status: 'Gerealiseerd', realisedYear: year, etag: result && result.etag ? result.etag : action.etag };
    } catch (e) {
      if (httpStatusOf(e) === 412) {
        throw new ConflictError('Version conflict', await readAction(this._ctx, action.id));
      }
      if (isListValidationFailure(e)) {
        const rule = getList('actions').validation;
        throw new ListValidationError(rule ? rule.message : sharePointMessage(e));
      }
      throw e;
    }
  }

  public async markRecommendationsCarriedOut(recommendations: IRecommendation[]): Promise<IMarkResult> {
    const result: IMarkResult = { updated: [], conflicts: [], failed: [] };
    // One by one, each on its own ETag: a conflict on one leaves the others unaffected.
    for (const r of recommendations) {
      try {
        const res: { etag?: string } = await this._ctx
          .list('recommendations')
          .items.getById(r.id)
          .update({ AanbevelingStatus: 'Uitgevoerd' }, r.etag || '*');
        result.updated.push({ ...r, status: 'Uitgevoerd', etag: res && res.etag ? res.etag : r.etag });
      } catch (e) {
        if (httpStatusOf(e) === 412) {
          const latest = await readRecommendation(this._ctx, r.id).catch(() => undefined);
          result.conflicts.push(latest || r);
        } else {
          result.failed.push(r);
        }
      }
    }
    return result;
  }
}

/** Every field of one action; undefined when it is gone. */
export function readAction(ctx: OrgContext, id: number): Promise<IAction | undefined> {
  const q = ITEM_QUERIES.actions;
  return orUndefinedOn404(async () => toAction(await ctx.list('actions').items.getById(id).select(...q.select).expand(...q.expand)()));
}

function readRecommendation(ctx: OrgContext, id: number): Promise<IRecommendation | undefined> {
  const q = ITEM_QUERIES.recommendations;
  return orUndefinedOn404(async () => toRecommendation(await ctx.list('recommendations').items.getById(id).select(...q.select).expand(...q.expand)()));
}
