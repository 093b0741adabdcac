import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { getList } from '../../src/schema/schema';
import { IImportIssue, IImportTargets, IPlannedAdd, refsOf, resolveRefs, validateImportItems } from '../schema/importValidation';
import { sharePointMessage } from '../../src/data/errors';
import { ListItem } from '../../src/data/mapping';
import { listOf } from '../../src/data/lists';
import { PAGE_SIZE } from '../../src/data/paging';
import { ITEM_QUERIES } from '../../src/data/queries';

/**
 * Writes per $batch. SharePoint REST documents no fixed limit (20 is Microsoft Graph's;
 * the PnP Core SDK splits at 100); small batches keep a failed part cheap to undo.
 */
export const IMPORT_BATCH_SIZE = 20;
/**
 * Item bodies (JSON, UTF-8) per $batch: SharePoint reads at most 1 MB of a batch (FIDELITY B-12);
 * half of it leaves room for each part's request line and headers.
 */
export const IMPORT_BATCH_BODY_BYTES: number = 512 * 1024;

function bodyBytes(body: Record<string, unknown>): number {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}

/** Bad input: nothing was written. `issues` name the row and column of each problem. */
export class ImportValidationError extends Error {
  public readonly issues: IImportIssue[];
  public constructor(issues: IImportIssue[]) {
    super(
      `${issues.length} fout(en) in de invoer; er werd niets geïmporteerd. / ${issues.length} error(s) in the input; nothing was imported.\n` +
        issues.map((i) => `  ${i.message}`).join('\n')
    );
    this.name = 'ImportValidationError';
    this.issues = issues;
  }
}

/**
 * A write failed midway. `outcome` says what the lists look like now:
 * - 'rolledBack': every item this run added was deleted again; the lists are as before.
 * - 'incomplete': undoing failed too; `remaining` items of this run are still there. The
 *   imports skip what exists, so running the same import again completes it.
 */
export class ImportWriteError extends Error {
  public readonly outcome: 'rolledBack' | 'incomplete';
  public readonly written: number;
  public readonly remaining: number;
  /** The error of the failed write. */
  public readonly writeCause: unknown;
  public constructor(outcome: 'rolledBack' | 'incomplete', written: number, remaining: number, total: number, cause: unknown, undoCause?: unknown) {
    const why = sharePointMessage(cause);
    super(
      outcome === 'rolledBack'
        ? `De import is mislukt na ${written} van ${total} items (${why}). Wat deze import toevoegde, is weer verwijderd: de lijsten zijn zoals voorheen. Probeer later opnieuw. / ` +
            `The import failed after ${written} of ${total} items (${why}). What this import added was deleted again: the lists are as before. Try again later.`
        : `De import is mislukt na ${written} van ${total} items (${why}) en het terugdraaien lukte niet (${sharePointMessage(undoCause)}): ${remaining} toegevoegde item(s) staan nog in de lijsten. ` +
            `Voer dezelfde import opnieuw uit: wat er al staat wordt overgeslagen en de rest aangevuld. / ` +
            `The import failed after ${written} of ${total} items (${why}) and undoing it failed too: ${remaining} added item(s) are still in the lists. ` +
            `Run the same import again: what is there is skipped and the rest is added.`
    );
    this.name = 'ImportWriteError';
    this.outcome = outcome;
    this.written = written;
    this.remaining = remaining;
    this.writeCause = cause;
  }
}

interface ICreated {
  list: string;
  id: number;
}

/** The highest item id of a list now: items above it were added later (ids only grow). */
async function highestId(sp: SPFI, list: string): Promise<number> {
  const top: ListItem[] = await listOf(sp, list).items.select(...ITEM_QUERIES.importIds.select).orderBy('Id', false).top(1)();
  return top.length ? (top[0].Id as number) : 0;
}

/**
 * Validates the items (see validateImportItems) and, only when all are valid, adds them in
 * order, in $batches of items of one list whose lookups are already written. Returns the new
 * id of every ref. A failed write undoes the run: the items it added are deleted in reverse
 * order; items of a batch whose answer was lost (network, server gone) are found by their
 * title among the ids above the list's highest id before the run.
 */
export async function runImport(sp: SPFI, adds: IPlannedAdd[], targets: IImportTargets): Promise<Record<string, number>> {
  const issues = validateImportItems(adds, targets);
  if (issues.length) throw new ImportValidationError(issues);
  const ids: Record<string, number> = {};
  const created: ICreated[] = [];
  const before: Record<string, number> = {};
  // Titles of batches that may have been written without an answer, per list.
  const unknown: Record<string, string[]> = {};
  let i = 0;
  try {
    while (i < adds.length) {
      const key = adds[i].list;
      if (before[key] === undefined) before[key] = await highestId(sp, key);
      const batch: IPlannedAdd[] = [adds[i]];
      let bytes = bodyBytes(adds[i].body);
      let j = i + 1;
      while (
        j < adds.length &&
        batch.length < IMPORT_BATCH_SIZE &&
        adds[j].list === key &&
        bytes + bodyBytes(adds[j].body) <= IMPORT_BATCH_BODY_BYTES &&
        refsOf(adds[j].body).every((r) => ids[r] !== undefined)
      ) {
        bytes += bodyBytes(adds[j].body);
        batch.push(adds[j++]);
      }
      const [batched, execute] = sp.batched();
      const list = listOf(batched, key);
      const pending = batch.map((a) => list.items.add(resolveRefs(a.body, ids)));
      try {
        await execute();
      } catch (e) {
        // No answer for the batch (its parts never settle): it may or may not have been written.
        unknown[key] = (unknown[key] || []).concat(batch.map((a) => String(a.body.Title ?? '')));
        throw e;
      }
      const settled = await Promise.all(pending.map((p) => p.then((value: ListItem) => ({ value, reason: undefined }), (reason: unknown) => ({ value: undefined, reason: reason || 'error' }))));
      let failure: unknown;
      settled.forEach((s, k) => {
        if (s.value !== undefined) {
          const r = s.value;
          const id = (r.Id ?? r.ID ?? (r.data && r.data.Id)) as number;
          ids[batch[k].ref] = id;
          created.push({ list: key, id });
        } else if (failure === undefined) failure = s.reason;
      });
      if (failure !== undefined) throw failure;
      i = j;
    }
  } catch (cause) {
    const written = created.length;
    let undoCause: unknown;
    let remaining = created.slice();
    try {
      for (const key of Object.keys(unknown)) {
        const titles: Record<string, true> = {};
        for (const t of unknown[key]) titles[t] = true;
        const known: Record<number, true> = {};
        for (const c of created) if (c.list === key) known[c.id] = true;
        const later: ListItem[] = await listOf(sp, key).items.select(...ITEM_QUERIES.importIdsAndTitles.select).filter(`Id gt ${before[key]}`).orderBy('Id', true).top(PAGE_SIZE)();
        for (const it of later) if (!known[it.Id] && titles[it.Title]) remaining.push({ list: key, id: it.Id });
      }
      while (remaining.length) {
        const last = remaining[remaining.length - 1];
        await listOf(sp, last.list).items.getById(last.id).delete();
        remaining = remaining.slice(0, -1);
      }
    } catch (e) {
      undoCause = e;
    }
    throw new ImportWriteError(undoCause === undefined ? 'rolledBack' : 'incomplete', written, remaining.length, adds.length, cause, undoCause);
  }
  return ids;
}

/** Items per list, for the counts a CLI prints. */
export function countByList(adds: IPlannedAdd[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of adds) out[a.list] = (out[a.list] || 0) + 1;
  return out;
}

/** The list's title, for messages. */
export function listTitle(key: string): string {
  return getList(key).title;
}
