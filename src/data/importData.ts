import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { IList } from '@pnp/sp/lists';
import { normaliseTitle } from '../model/seed';
import { IAction, IReportData, IRisk } from '../model/types';
import { actionToItem, auditToItem, domainToItem, ListItem, riskToItem } from './mapping';
import { PAGE_SIZE } from './PnPOrgRepository';
import { listOf } from './lists';
import { ITEM_QUERIES } from './queries';

export interface IImportCounts {
  created: number;
  existing: number;
}

export interface IImportResult {
  domains: IImportCounts;
  audits: IImportCounts;
  risks: IImportCounts;
  actions: IImportCounts;
}

/**
 * Writes per $batch: well below SharePoint's 100 operations (FIDELITY B-11); small batches
 * keep a failed part cheap to retry.
 */
const BATCH_SIZE = 20;
/**
 * Item bodies (JSON, UTF-8) per $batch: SharePoint reads at most 1 MB of a batch (FIDELITY B-12);
 * half of it leaves room for each part's request line and headers.
 */
export const BATCH_BODY_BYTES: number = 512 * 1024;

/** Bodies in groups of at most `count` and (unless one body alone is larger) `bytes` of JSON. */
export function batchGroups<T>(bodies: T[], count: number = BATCH_SIZE, bytes: number = BATCH_BODY_BYTES): T[][] {
  const groups: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const b of bodies) {
    const n = new TextEncoder().encode(JSON.stringify(b)).length;
    if (cur.length && (cur.length >= count || size + n > bytes)) {
      groups.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(b);
    size += n;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

/** Identity of an action across imports: same list (realised/planned), same year, same title. */
export function actionKey(a: { title: string; status: string; realisedYear?: number; plannedYear?: number }): string {
  const realised = a.status === 'Gerealiseerd';
  const year = realised ? a.realisedYear : a.plannedYear;
  return `${realised ? 'r' : 'p'}|${year === undefined ? '-' : year}|${normaliseTitle(a.title)}`;
}

function riskKey(title: string, domainId: number | undefined): string {
  return `${domainId === undefined ? '-' : domainId}|${normaliseTitle(title)}`;
}

/** Every item of a list, paged by ID (always allowed, also past the list view threshold). */
export async function readAll(list: IList, select: string[]): Promise<ListItem[]> {
  let all: ListItem[] = [];
  let page: ListItem[] = await list.items.select(...select).top(PAGE_SIZE)();
  all = all.concat(page);
  while (page.length === PAGE_SIZE) {
    page = await list.items.select(...select).top(PAGE_SIZE).skip(page[page.length - 1].Id)();
    all = all.concat(page);
  }
  return all;
}

/** Adds items in $batches of 20 (fewer when their texts are long); returns the new ids in input order. */
export async function addAll(sp: SPFI, listKey: string, bodies: ListItem[]): Promise<number[]> {
  const ids: number[] = [];
  for (const group of batchGroups(bodies)) {
    const [batched, execute] = sp.batched();
    const list = listOf(batched, listKey);
    const pending = group.map((b) => list.items.add(b));
    await execute();
    const results: ListItem[] = await Promise.all(pending);
    for (const r of results) ids.push((r.Id ?? r.ID ?? (r.data && r.data.Id)) as number);
  }
  return ids;
}

/**
 * Loads list-shaped data (e.g. convertSeed of the 2022 report) into the lists.
 * Idempotent: items that are already there (by key) are left untouched, so a
 * second import changes nothing and never overwrites edits made since.
 */
export async function importReportData(sp: SPFI, data: IReportData, log: (line: string) => void = () => undefined): Promise<IImportResult> {
  const lists = {
    domains: listOf(sp, 'domains'),
    audits: listOf(sp, 'audits'),
    risks: listOf(sp, 'risks'),
    actions: listOf(sp, 'actions')
  };

  // Domains, by Sleutel (else title).
  const domainIdMap: Record<number, number> = {};
  const existingDomains = await readAll(lists.domains, ITEM_QUERIES.importDomains.select);
  const domainKey = (d: { key?: string; title: string }): string => (d.key ? `k:${d.key}` : `t:${normaliseTitle(d.title)}`);
  const domainByKey: Record<string, number> = {};
  for (const d of existingDomains) {
    domainByKey[d.Sleutel ? `k:${d.Sleutel}` : `t:${normaliseTitle(d.Title)}`] = d.Id;
    domainByKey[`t:${normaliseTitle(d.Title)}`] = domainByKey[`t:${normaliseTitle(d.Title)}`] || d.Id;
  }
  const newDomains = data.domains.filter((d) => {
    const id = domainByKey[domainKey(d)] || domainByKey[`t:${normaliseTitle(d.title)}`];
    if (id) domainIdMap[d.id] = id;
    return !id;
  });
  const newDomainIds = await addAll(sp, 'domains', newDomains.map(domainToItem));
  newDomains.forEach((d, i) => (domainIdMap[d.id] = newDomainIds[i]));
  const mapDomain = (id: number): number | undefined => domainIdMap[id];

  // Audits, by Sleutel (else title); the follow-up lookup is set after all exist.
  const auditIdMap: Record<number, number> = {};
  const existingAudits = await readAll(lists.audits, ITEM_QUERIES.importAudits.select);
  const auditByKey: Record<string, number> = {};
  for (const a of existingAudits) auditByKey[a.Sleutel ? `k:${a.Sleutel}` : `t:${normaliseTitle(a.Title)}`] = a.Id;
  const newAudits = data.audits.filter((a) => {
    const id = auditByKey[a.key ? `k:${a.key}` : `t:${normaliseTitle(a.title)}`];
    if (id) auditIdMap[a.id] = id;
    return !id;
  });
  const newAuditIds = await addAll(sp, 'audits', newAudits.map((a) => auditToItem(a, mapDomain)));
  newAudits.forEach((a, i) => (auditIdMap[a.id] = newAuditIds[i]));
  for (const a of newAudits) {
    if (a.followUpOf && auditIdMap[a.followUpOf.id]) {
      await lists.audits.items.getById(auditIdMap[a.id]).update({ OpvolgingVanId: auditIdMap[a.followUpOf.id] });
    }
  }

  // Risks, by domain + title.
  const riskIdMap: Record<number, number> = {};
  const existingRisks = await readAll(lists.risks, ITEM_QUERIES.importRisks.select);
  const riskByKey: Record<string, number> = {};
  for (const r of existingRisks) riskByKey[riskKey(r.Title, r.DomeinId)] = r.Id;
  const newRisks: IRisk[] = data.risks.filter((r) => {
    const id = riskByKey[riskKey(r.title, r.domainId === undefined ? undefined : mapDomain(r.domainId))];
    if (id) riskIdMap[r.id] = id;
    return !id;
  });
  const newRiskIds = await addAll(
    sp,
    'risks',
    newRisks.map((r) => riskToItem(r, r.domainId === undefined ? undefined : mapDomain(r.domainId), r.audit ? auditIdMap[r.audit.id] : undefined))
  );
  newRisks.forEach((r, i) => (riskIdMap[r.id] = newRiskIds[i]));

  // Actions, by list + year + title.
  const existingActions = await readAll(lists.actions, ITEM_QUERIES.importActions.select);
  const actionKeys: Record<string, true> = {};
  for (const a of existingActions) {
    actionKeys[actionKey({ title: a.Title, status: a.ActieStatus, realisedYear: a.JaarGerealiseerd ?? undefined, plannedYear: a.JaarGepland ?? undefined })] = true;
  }
  const newActions: IAction[] = data.actions.filter((a) => !actionKeys[actionKey(a)]);
  await addAll(
    sp,
    'actions',
    newActions.map((a) =>
      actionToItem(
        a,
        a.domainIds.map(mapDomain).filter((x): x is number => x !== undefined),
        a.risks.map((r) => riskIdMap[r.id]).filter((x) => x !== undefined),
        a.audit ? auditIdMap[a.audit.id] : undefined
      )
    )
  );

  const result: IImportResult = {
    domains: { created: newDomains.length, existing: data.domains.length - newDomains.length },
    audits: { created: newAudits.length, existing: data.audits.length - newAudits.length },
    risks: { created: newRisks.length, existing: data.risks.length - newRisks.length },
    actions: { created: newActions.length, existing: data.actions.length - newActions.length }
  };
  log(
    `Domeinen +${result.domains.created}, Audits +${result.audits.created}, Risicos +${result.risks.created}, Acties +${result.actions.created}` +
      ` (al aanwezig: ${result.domains.existing + result.audits.existing + result.risks.existing + result.actions.existing})`
  );
  return result;
}
