import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { IList } from '@pnp/sp/lists';
import { IImportTargets, IPlannedAdd, IPlannedRef } from '../schema/importValidation';
import { normaliseTitle } from '../model/seed';
import { IAction, IReportData, IRisk } from '../../src/model/types';
import { actionToItem, auditToItem, domainToItem, ListItem, riskToItem } from '../../src/data/mapping';
import { pageOnById, PAGE_SIZE } from '../../src/data/paging';
import { listOf } from '../../src/data/lists';
import { ITEM_QUERIES } from '../../src/data/queries';
import { runImport } from './importRun';

type LookupValue = number | IPlannedRef;

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
  const first: ListItem[] = await list.items.select(...select).top(PAGE_SIZE)();
  return pageOnById(first, (lastId) => list.items.select(...select).top(PAGE_SIZE).skip(lastId)());
}

function short(title: string): string {
  const t = (title || '').replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 49)}…` : t;
}

const JSON_FIELD = { nl: 'veld', en: 'field' };

/** What an import of report data will add (every item valid or not), with what it found. */
export interface IReportImportPlan {
  adds: IPlannedAdd[];
  targets: IImportTargets;
  result: IImportResult;
}

/**
 * Plans loading list-shaped data (e.g. convertSeed of the 2022 report) into the lists: reads
 * what is there and lists the items to add, in an order where every lookup points at an
 * existing item or one added before it (audits followed up come before their follow-up).
 * Items that are already there (by key) are left out, so a second import adds nothing and
 * never overwrites edits made since.
 */
export async function planReportImport(sp: SPFI, data: IReportData): Promise<IReportImportPlan> {
  const lists = {
    domains: listOf(sp, 'domains'),
    audits: listOf(sp, 'audits'),
    risks: listOf(sp, 'risks'),
    actions: listOf(sp, 'actions')
  };
  const [existingDomains, existingAudits, existingRisks, existingActions] = await Promise.all([
    readAll(lists.domains, ITEM_QUERIES.importDomains.select),
    readAll(lists.audits, ITEM_QUERIES.importAudits.select),
    readAll(lists.risks, ITEM_QUERIES.importRisks.select),
    readAll(lists.actions, ITEM_QUERIES.importActions.select)
  ]);
  const adds: IPlannedAdd[] = [];

  // Domains, by Sleutel (else title).
  const domainIdMap: Record<number, LookupValue> = {};
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
  for (const d of newDomains) {
    const ref = `domains:${d.id}`;
    domainIdMap[d.id] = { ref };
    adds.push({
      ref,
      list: 'domains',
      body: domainToItem(d),
      source: {
        nl: `domein ${d.id} '${short(d.title)}'`,
        en: `domain ${d.id} '${short(d.title)}'`,
        columns: { Title: 'title', Volgorde: 'order', Sleutel: 'key', Criteria: 'criteriaText', CriteriaLijst: 'criteria', DecreetBasis: 'decreeBasis' },
        columnWord: JSON_FIELD
      }
    });
  }
  const mapDomains = (ids: number[]): LookupValue[] => ids.map((id) => domainIdMap[id]).filter((x) => x !== undefined);

  // Audits, by Sleutel (else title); an audit that follows up another comes after it.
  const auditIdMap: Record<number, LookupValue> = {};
  const auditByKey: Record<string, number> = {};
  for (const a of existingAudits) auditByKey[a.Sleutel ? `k:${a.Sleutel}` : `t:${normaliseTitle(a.Title)}`] = a.Id;
  const newAudits = data.audits.filter((a) => {
    const id = auditByKey[a.key ? `k:${a.key}` : `t:${normaliseTitle(a.title)}`];
    if (id) auditIdMap[a.id] = id;
    return !id;
  });
  const pendingAudits = newAudits.slice();
  while (pendingAudits.length) {
    // Each pass adds the audits whose followed-up audit is there; a cycle is broken in file order.
    let ready = pendingAudits.filter((a) => !a.followUpOf || auditIdMap[a.followUpOf.id] !== undefined || !pendingAudits.some((p) => p.id === a.followUpOf?.id));
    if (!ready.length) ready = [pendingAudits[0]];
    for (const a of ready) {
      const ref = `audits:${a.id}`;
      const followUp = a.followUpOf ? auditIdMap[a.followUpOf.id] : undefined;
      adds.push({
        ref,
        list: 'audits',
        body: { ...auditToItem(a, () => undefined), DomeinenId: mapDomains(a.domainIds), OpvolgingVanId: followUp === undefined ? null : followUp },
        source: {
          nl: `audit ${a.key ? `'${a.key}' ` : ''}('${short(a.title)}')`,
          en: `audit ${a.key ? `'${a.key}' ` : ''}('${short(a.title)}')`,
          columns: {
            Title: 'title', Sleutel: 'id', Auditor: 'auditor', Soort: 'kind', AuditType: 'type', Jaar: 'year', AuditStatus: 'status',
            Sterktes: 'findings.strengths', Verbeterpunten: 'findings.improvements', HoogPrioritaireAanbevelingen: 'findings.highRecommendations',
            Conclusie: 'conclusion', Toelichting: 'notes', Domeinen: 'domains', OpvolgingVan: 'followUpOf'
          },
          columnWord: JSON_FIELD
        }
      });
      auditIdMap[a.id] = { ref };
      pendingAudits.splice(pendingAudits.indexOf(a), 1);
    }
  }

  // Risks, by domain + title.
  const riskIdMap: Record<number, LookupValue> = {};
  const riskByKey: Record<string, number> = {};
  for (const r of existingRisks) riskByKey[riskKey(r.Title, r.DomeinId)] = r.Id;
  const newRisks: IRisk[] = data.risks.filter((r) => {
    const mapped = r.domainId === undefined ? undefined : domainIdMap[r.domainId];
    const id = riskByKey[riskKey(r.title, typeof mapped === 'number' ? mapped : undefined)];
    if (id && (mapped === undefined || typeof mapped === 'number')) riskIdMap[r.id] = id;
    return riskIdMap[r.id] === undefined;
  });
  for (const r of newRisks) {
    const ref = `risks:${r.id}`;
    riskIdMap[r.id] = { ref };
    const domain = r.domainId === undefined ? undefined : domainIdMap[r.domainId];
    const audit = r.audit ? auditIdMap[r.audit.id] : undefined;
    adds.push({
      ref,
      list: 'risks',
      body: { ...riskToItem(r, undefined, undefined), DomeinId: domain === undefined ? null : domain, AuditId: audit === undefined ? null : audit },
      source: {
        nl: `hoog risico '${short(r.title)}'${r.domainId !== undefined ? ` (domein ${r.domainId})` : ''}`,
        en: `high risk '${short(r.title)}'${r.domainId !== undefined ? ` (domain ${r.domainId})` : ''}`,
        columns: { Title: 'title', Bron: 'source', Domein: 'domain', Audit: 'source' },
        columnWord: JSON_FIELD
      }
    });
  }

  // Actions, by list + year + title.
  const actionKeys: Record<string, true> = {};
  for (const a of existingActions) {
    actionKeys[actionKey({ title: a.Title, status: a.ActieStatus, realisedYear: a.JaarGerealiseerd ?? undefined, plannedYear: a.JaarGepland ?? undefined })] = true;
  }
  const newActions: IAction[] = data.actions.filter((a) => !actionKeys[actionKey(a)]);
  for (const a of newActions) {
    const audit = a.audit ? auditIdMap[a.audit.id] : undefined;
    const kind = a.status === 'Gerealiseerd' ? { nl: 'realisatie', en: 'realisation' } : { nl: 'planning', en: 'planned action' };
    adds.push({
      ref: `actions:${a.id}`,
      list: 'actions',
      body: {
        ...actionToItem(a, [], [], undefined),
        DomeinenId: mapDomains(a.domainIds),
        RisicosId: a.risks.map((r) => riskIdMap[r.id]).filter((x) => x !== undefined),
        AuditId: audit === undefined ? null : audit
      },
      source: {
        nl: `${kind.nl} '${short(a.title)}'`,
        en: `${kind.en} '${short(a.title)}'`,
        columns: { Title: 'title', KorteTitel: 'cardTitle', Beschrijving: 'description', Onderdelen: 'children', JaarGepland: 'addedYear', JaarGerealiseerd: 'year', Domeinen: 'domain' },
        columnWord: JSON_FIELD
      }
    });
  }

  return {
    adds,
    targets: {
      existing: {
        domains: existingDomains.map((d) => d.Id as number),
        audits: existingAudits.map((a) => a.Id as number),
        risks: existingRisks.map((r) => r.Id as number),
        actions: existingActions.map((a) => a.Id as number)
      }
    },
    result: {
      domains: { created: newDomains.length, existing: data.domains.length - newDomains.length },
      audits: { created: newAudits.length, existing: data.audits.length - newAudits.length },
      risks: { created: newRisks.length, existing: data.risks.length - newRisks.length },
      actions: { created: newActions.length, existing: data.actions.length - newActions.length }
    }
  };
}

export function reportImportLine(result: IImportResult): string {
  return (
    `Domeinen +${result.domains.created}, Audits +${result.audits.created}, Risicos +${result.risks.created}, Acties +${result.actions.created}` +
    ` (al aanwezig: ${result.domains.existing + result.audits.existing + result.risks.existing + result.actions.existing})`
  );
}

/**
 * Loads list-shaped data (e.g. convertSeed of the 2022 report) into the lists. Every item is
 * checked against the schema first (ImportValidationError: nothing written); a failed write
 * undoes the run (ImportWriteError says whether the lists are as before or a second run
 * completes them). Idempotent: items that are already there (by key) are left untouched.
 */
export async function importReportData(sp: SPFI, data: IReportData, log: (line: string) => void = () => undefined): Promise<IImportResult> {
  const plan = await planReportImport(sp, data);
  await runImport(sp, plan.adds, plan.targets);
  log(reportImportLine(plan.result));
  return plan.result;
}
