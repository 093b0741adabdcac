/**
 * Reads for one report year, shaped by what the screen shows (one $batch per
 * screen, short fields, indexed filters, ID paging). Kept free of the heavier PnPjs
 * modules (security, files) so the homepage widget can use it on its own.
 *
 * Rules these queries keep (dev/server/FIDELITY.md, "Performance-relevant query rules"):
 * - a $filter's first clause is on an indexed column and selects one year, or is a list of
 *   at most IDS_PER_QUERY ids; when a year still holds more rows than the list view
 *   threshold allows (HTTP 500 SPQueryThrottledException), its rows are read by id instead;
 * - unfiltered reads page by ID ($skiptoken) with $top <= 5000;
 * - at most PARTS_PER_BATCH requests in one $batch (FIDELITY B-11), far below its 1 MB (B-12);
 * - a part SharePoint answers with a timeout is asked again (src/data/batchRetry.ts, B-13).
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { IItems } from '@pnp/sp/items';
import { InjectHeaders } from '@pnp/queryable';
import { IAction, IReportData } from '../model/types';
import { chunk } from '../model/yearView';
import { BatchedRead, batchedReads } from './batchRetry';
import { httpStatusOf } from './errors';
import { listOf } from './lists';
import { ListItem, toAudit, toDomain, toPartialAction, toRecommendation, toRisk } from './mapping';
import { IItemQuery, ITEM_QUERIES } from './queries';
import { pageOnById, PAGE_SIZE } from './paging';

export { PAGE_SIZE } from './paging';
/** Ids in one `Id eq a or Id eq b ...` filter: keeps the URL short and the match far below the threshold. */
export const IDS_PER_QUERY: number = 100;
/** Requests in one $batch: SharePoint's limit for REST batches (FIDELITY B-11). */
export const PARTS_PER_BATCH: number = 100;

/** JSON without per-row metadata (odata.type, odata.id, odata.editLink, odata.etag): rows read to be shown or counted, never written back. */
const LEAN = InjectHeaders({ Accept: 'application/json;odata=nometadata' });

export interface IReadOptions {
  filter?: string;
  /** Skip the per-row metadata (default). false keeps the ETags, for rows that may be written. */
  lean?: boolean;
}

/** One page (up to 5,000 rows, in id order) of a registered query. */
export function readItems(sp: SPFI, q: IItemQuery, opts: IReadOptions = {}): IItems {
  let items = listOf(sp, q.list).items.select(...q.select).top(PAGE_SIZE);
  if (q.expand.length) items = items.expand(...q.expand);
  if (opts.filter) items = items.filter(opts.filter);
  return opts.lean === false ? items : items.using(LEAN);
}

/** The list's highest item id (ordering by ID is allowed at any list size): lets the pages after the first go in one $batch. */
export function readLastId(sp: SPFI, key: string): Promise<number | undefined> {
  const q = { ...ITEM_QUERIES.lastActionId, list: key };
  return listOf(sp, q.list)
    .items.select(...q.select)
    .orderBy('Id', false)
    .top(1)
    .using(LEAN)()
    .then((rows: ListItem[]) => (rows.length ? (rows[0].Id as number) : undefined));
}

/** SharePoint refused a query because it would scan more rows than the list view threshold (FIDELITY L-01, L-02). */
export function isThrottledQuery(e: unknown): boolean {
  return httpStatusOf(e) === 500 && /SPQueryThrottledException|list view threshold/i.test(e instanceof Error ? e.message : String(e));
}

/** Runs `make` for every input, PARTS_PER_BATCH to a $batch. */
export async function inBatches<T, R>(sp: SPFI, inputs: T[], make: (batched: SPFI, input: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const group of chunk(inputs, PARTS_PER_BATCH)) {
    // PnPjs splits a batch at 20 requests unless told otherwise.
    const [queue, execute] = batchedReads(sp, { maxRequests: PARTS_PER_BATCH });
    const pending = group.map((x) => queue((b) => make(b, x)));
    await execute();
    for (const p of pending) out.push(await p);
  }
  return out;
}

function idOf(row: ListItem): number {
  return row.Id as number;
}

function uniqueById(rows: ListItem[]): ListItem[] {
  const seen: Record<number, true> = {};
  const out: ListItem[] = [];
  for (const r of rows) {
    if (seen[idOf(r)]) continue;
    seen[idOf(r)] = true;
    out.push(r);
  }
  return out.sort((a, b) => idOf(a) - idOf(b));
}

/**
 * The rest of an unfiltered read whose first page came back full. With the list's last id
 * known, every further page ($skiptoken p_ID = first page's last id, +5,000, ...) goes in
 * one $batch; otherwise page after page.
 */
export async function readRest(sp: SPFI, q: IItemQuery, first: ListItem[], lastId: number | undefined, lean: boolean = true): Promise<ListItem[]> {
  if (first.length < PAGE_SIZE) return first;
  const from = idOf(first[first.length - 1]);
  if (lastId !== undefined) {
    if (lastId <= from) return first;
    const starts: number[] = [];
    for (let p = from; p < lastId; p += PAGE_SIZE) starts.push(p);
    const pages = await inBatches(sp, starts, (b, p) => readItems(b, q, { lean }).skip(p)() as Promise<ListItem[]>);
    return uniqueById(first.concat(...pages));
  }
  return pageOnById(first, (afterId) => readItems(sp, q, { lean }).skip(afterId)());
}

/** Rows of a registered query by id: IDS_PER_QUERY ids a query, PARTS_PER_BATCH queries a $batch. */
export async function readByIds(sp: SPFI, q: IItemQuery, ids: number[]): Promise<ListItem[]> {
  const unique = ids.filter((id, i) => ids.indexOf(id) === i).sort((a, b) => a - b);
  if (unique.length === 0) return [];
  const pages = await inBatches(sp, chunk(unique, IDS_PER_QUERY), (b, group) =>
    readItems(b, q, { filter: group.map((id) => `Id eq ${id}`).join(' or ') })() as Promise<ListItem[]>
  );
  return uniqueById(([] as ListItem[]).concat(...pages));
}

/**
 * Card rows of the given actions (read before only to be counted). Few ids: by id. More:
 * by their year on an indexed column (one filter per year, all in one $batch), since a
 * long list of ids costs the server a scan per id; a year SharePoint refuses (more rows
 * than the threshold allows) falls back to ids.
 */
export async function readCardRowsFor(sp: SPFI, actions: IAction[]): Promise<ListItem[]> {
  if (actions.length <= 2 * IDS_PER_QUERY) return readByIds(sp, ITEM_QUERIES.cardActions, actions.map((a) => a.id));
  const groups: Record<string, IAction[]> = {};
  const byId: IAction[] = [];
  for (const a of actions) {
    const filter =
      a.realisedYear !== undefined ? `JaarGerealiseerd eq ${a.realisedYear}` : a.plannedYear !== undefined ? `JaarGepland eq ${a.plannedYear}` : undefined;
    if (filter) (groups[filter] = groups[filter] || []).push(a);
    else byId.push(a);
  }
  const filters = Object.keys(groups);
  // Years and the ids without a year in one $batch.
  const idFilters = chunk(byId.map((a) => a.id), IDS_PER_QUERY).map((g) => g.map((id) => `Id eq ${id}`).join(' or '));
  const pages = await inBatches(sp, filters.concat(idFilters), (b, filter) =>
    (readItems(b, ITEM_QUERIES.cardActions, { filter })() as Promise<ListItem[] | undefined>).catch((e: unknown) => {
      if (isThrottledQuery(e)) return undefined;
      throw e;
    })
  );
  const wanted: Record<number, true> = {};
  for (const a of actions) wanted[a.id] = true;
  let rows: ListItem[] = [];
  const refused: IAction[] = [];
  pages.forEach((page, i) => {
    if (page) rows = rows.concat(page.filter((r) => wanted[idOf(r)]));
    else if (i < filters.length) refused.push(...groups[filters[i]]);
  });
  // A year SharePoint refused (more rows than the threshold allows): its items by id.
  const more = refused.length ? await readByIds(sp, ITEM_QUERIES.cardActions, refused.map((a) => a.id)) : [];
  return uniqueById(rows.concat(more));
}

/** Filters (indexed, one year each) for the rows a card shows with their title in `year`. */
export function cardFilters(year: number): string[] {
  return [`JaarGerealiseerd eq ${year}`, `JaarGepland eq ${year + 1}`];
}

/**
 * The card rows of `year` as promises, added to a batch: realised in the year, planned for
 * the next. A promise answers undefined when SharePoint refused the filter (threshold).
 */
export function queueCardRows(queue: BatchedRead, year: number): Promise<ListItem[] | undefined>[] {
  return cardFilters(year).map((filter) =>
    queue((b) => readItems(b, ITEM_QUERIES.cardActions, { filter })() as Promise<ListItem[]>).catch((e: unknown) => {
      if (isThrottledQuery(e)) return undefined;
      throw e;
    })
  );
}

/** What the widget and the card counts are built from, as queued in one batch. */
export interface ICountReads {
  domains: Promise<ListItem[]>;
  risks: Promise<ListItem[]>;
  actions: Promise<ListItem[]>;
  lastActionId: Promise<number | undefined>;
  audits: Promise<ListItem[]>;
  recommendations: Promise<ListItem[]>;
}

/** Queues the count reads; `rich` reads domains and risks with every field a card shows, recommendations with ETags. */
export function queueCountReads(queue: BatchedRead, rich: boolean): ICountReads {
  const rows = (q: IItemQuery, opts?: IReadOptions): Promise<ListItem[]> => queue((b) => readItems(b, q, opts)() as Promise<ListItem[]>);
  return {
    domains: rows(rich ? ITEM_QUERIES.domains : ITEM_QUERIES.summaryDomains),
    risks: rows(rich ? ITEM_QUERIES.cardRisks : ITEM_QUERIES.countRisks),
    actions: rows(rich ? ITEM_QUERIES.cardCountActions : ITEM_QUERIES.countActions),
    // Only an optimisation (all further pages in one $batch): without it, page after page.
    lastActionId: queue((b) => readLastId(b, 'actions')).catch(() => undefined),
    audits: rows(ITEM_QUERIES.shortAudits),
    recommendations: rows(ITEM_QUERIES.shortRecommendations, { lean: !rich })
  };
}

/** Awaits the count reads (after the batch ran), pages on where a first page was full, maps to the model. */
export async function finishCountReads(sp: SPFI, reads: ICountReads, rich: boolean): Promise<IReportData> {
  const [domains, risks, actions, lastId, audits, recommendations] = await Promise.all([
    reads.domains,
    reads.risks,
    reads.actions,
    reads.lastActionId,
    reads.audits,
    reads.recommendations
  ]);
  const [allDomains, allRisks, allActions, allAudits, allRecs] = await Promise.all([
    readRest(sp, rich ? ITEM_QUERIES.domains : ITEM_QUERIES.summaryDomains, domains, undefined),
    readRest(sp, rich ? ITEM_QUERIES.cardRisks : ITEM_QUERIES.countRisks, risks, undefined),
    readRest(sp, rich ? ITEM_QUERIES.cardCountActions : ITEM_QUERIES.countActions, actions, lastId),
    readRest(sp, ITEM_QUERIES.shortAudits, audits, undefined),
    readRest(sp, ITEM_QUERIES.shortRecommendations, recommendations, undefined, !rich)
  ]);
  return {
    domains: allDomains.map(toDomain),
    risks: allRisks.map((r) => ({ ...toRisk(r), detail: 'card' as const })),
    actions: allActions.map((a) => toPartialAction(a, 'count')),
    audits: allAudits.map(toAudit),
    recommendations: allRecs.map(toRecommendation)
  };
}

/** Card rows as model actions. */
export function cardActions(rows: ListItem[]): IAction[] {
  return rows.map((r) => toPartialAction(r, 'card'));
}
