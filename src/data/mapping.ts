import {
  IAction, IAudit, IDomain, ILookupRef, IPerson, IRecommendation, IRisk, ActionStatus, AuditStatus, RecommendationPriority, RecommendationStatus, RiskPriority, RiskStatus, RiskTreatment
} from '../model/types';
import { splitLines } from '../model/text';
import { formatOf, IReportLibraryFile } from '../model/finalisation';

/** List item <-> model mapping. Field names come from src/schema/schema.ts. */

/* eslint-disable @typescript-eslint/no-explicit-any */
export type ListItem = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export const DOMAIN_SELECT: string[] = ['Id', 'Title', 'Volgorde', 'Sleutel', 'KorteTitel', 'Criteria', 'CriteriaLijst', 'DecreetBasis', 'Actief'];
export const RISK_SELECT: string[] = [
  'Id', 'Title', 'DomeinId', 'Bron', 'Audit/Id', 'Audit/Title', 'Prioriteit', 'RisicoStatus', 'JaarVastgesteld', 'JaarAfgesloten', 'Toelichting',
  'Modified', 'Editor/Title',
  // The assessment (src/model/risks): short fields, so the cards and the heat map have them without the details.
  'Kans', 'Impact', 'RestKans', 'RestImpact', 'RisicoEigenaar/Id', 'RisicoEigenaar/Title', 'RisicoEigenaar/EMail', 'Herzieningsdatum', 'Behandeling',
  'AanvaardDoor/Id', 'AanvaardDoor/Title', 'RedenAanvaarding'
];
export const RISK_EXPAND: string[] = ['Audit', 'Editor', 'RisicoEigenaar', 'AanvaardDoor'];
export const ACTION_SELECT: string[] = [
  'Id', 'Title', 'KorteTitel', 'DomeinenId', 'Beschrijving', 'Onderdelen', 'ActieStatus', 'JaarGepland', 'JaarGerealiseerd',
  'Risicos/Id', 'Risicos/Title', 'Audit/Id', 'Audit/Title', 'Eigenaar/Id', 'Eigenaar/Title', 'Eigenaar/EMail',
  'Directie', 'Afdeling', 'Deadline', 'Opmerking', 'Modified', 'Editor/Title'
];
export const ACTION_EXPAND: string[] = ['Risicos', 'Audit', 'Eigenaar', 'Editor'];
/** What it takes to count an action per domain and year (and mark it late): no text at all. */
// EigenaarId (the owner's id, no name): the Viva card puts the signed-in user's own items first.
export const ACTION_COUNT_SELECT: string[] = ['Id', 'DomeinenId', 'ActieStatus', 'JaarGepland', 'JaarGerealiseerd', 'Deadline', 'EigenaarId'];
/** The cards also count which risks each action treats (a risk's panel lists its actions, the heat map marks untreated ones). */
export const ACTION_COUNT_LINKS_SELECT: string[] = ACTION_COUNT_SELECT.concat(['RisicosId']);
/** What a card line and the filters show: short fields only (descriptions load with the details). */
export const ACTION_CARD_SELECT: string[] = ACTION_COUNT_LINKS_SELECT.concat(['Title', 'KorteTitel', 'Onderdelen', 'Directie', 'Afdeling', 'Eigenaar/Id', 'Eigenaar/Title', 'Modified', 'Editor/Title']);
export const ACTION_CARD_EXPAND: string[] = ['Eigenaar', 'Editor'];
/** A risk on a card: everything but its notes. */
export const RISK_CARD_SELECT: string[] = RISK_SELECT.filter((f) => f !== 'Toelichting');
/** What the widget counts risks by. */
export const RISK_COUNT_SELECT: string[] = ['Id', 'DomeinId', 'Prioriteit', 'RisicoStatus', 'JaarVastgesteld', 'JaarAfgesloten'];
/** Audits as the cards use them: names (details, links) and domains (deadline counts). */
export const AUDIT_SHORT_SELECT: string[] = ['Id', 'Title', 'DomeinenId'];
/** Recommendations as the cards use them: deadline counts, "answered by" and marking them carried out. */
export const RECOMMENDATION_SHORT_SELECT: string[] = ['Id', 'Title', 'AuditId', 'Prioriteit', 'AanbevelingStatus', 'ActiesId', 'Deadline', 'EigenaarId'];
/** Domains as the widget shows them. */
export const DOMAIN_SHORT_SELECT: string[] = ['Id', 'Title', 'Volgorde', 'Sleutel', 'KorteTitel', 'Actief'];
export const AUDIT_SELECT: string[] = [
  'Id', 'Title', 'Sleutel', 'Auditor', 'Soort', 'AuditType', 'Jaar', 'AuditStatus', 'Sterktes', 'Verbeterpunten',
  'HoogPrioritaireAanbevelingen', 'Conclusie', 'Toelichting', 'OpvolgingVan/Id', 'OpvolgingVan/Title', 'DomeinenId'
];
export const AUDIT_EXPAND: string[] = ['OpvolgingVan'];
export const RECOMMENDATION_SELECT: string[] = [
  'Id', 'Title', 'AuditId', 'Prioriteit', 'AanbevelingStatus', 'Acties/Id', 'Acties/Title', 'Uitvoeringsgraad',
  'Eigenaar/Id', 'Eigenaar/Title', 'Eigenaar/EMail', 'Deadline', 'Toelichting'
];
export const RECOMMENDATION_EXPAND: string[] = ['Acties', 'Eigenaar'];

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && !isNaN(v) ? v : undefined;
}

function ids(v: unknown): number[] {
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'number');
  // verbose OData shape
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown[] }).results)) {
    return ids((v as { results: unknown[] }).results);
  }
  return [];
}

function ref(v: unknown): ILookupRef | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { Id?: number; ID?: number; Title?: string };
  const id = typeof o.Id === 'number' ? o.Id : o.ID;
  // A lookup to a deleted item comes back without an id: treat it as missing.
  return typeof id === 'number' ? { id, title: o.Title || '' } : undefined;
}

function refs(v: unknown): ILookupRef[] {
  const arr = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { results?: unknown[] }).results) ? (v as { results: unknown[] }).results : [];
  return arr.map(ref).filter((x): x is ILookupRef => x !== undefined);
}

/** The expanded person, else (count reads) the bare `<Field>Id` without a name. */
function ownerOf(item: ListItem): IPerson | undefined {
  return person(item.Eigenaar) || (typeof item.EigenaarId === 'number' ? { id: item.EigenaarId, title: '' } : undefined);
}

function person(v: unknown): IPerson | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { Id?: number; Title?: string; EMail?: string };
  return typeof o.Id === 'number' ? { id: o.Id, title: o.Title || '', email: str(o.EMail) } : undefined;
}

/** Title of the person who changed the item last (Editor, expanded). */
function editorOf(item: ListItem): string | undefined {
  const e = item.Editor;
  return e && typeof e === 'object' ? str((e as { Title?: unknown }).Title) : undefined;
}

function etagOf(item: ListItem): string | undefined {
  const e = item['odata.etag'] || (item.__metadata && item.__metadata.etag);
  return typeof e === 'string' ? e : undefined;
}

function oneOf<T extends string>(v: unknown, allowed: T[], fallback: T): T {
  return typeof v === 'string' && (allowed as string[]).indexOf(v) >= 0 ? (v as T) : fallback;
}

export function toDomain(item: ListItem): IDomain {
  return {
    id: item.Id,
    title: item.Title || '',
    order: num(item.Volgorde) ?? 99,
    key: str(item.Sleutel),
    shortTitle: str(item.KorteTitel),
    criteriaText: str(item.Criteria),
    criteria: splitLines(item.CriteriaLijst),
    decreeBasis: str(item.DecreetBasis),
    active: item.Actief !== false
  };
}

export function toRisk(item: ListItem): IRisk {
  return {
    id: item.Id,
    title: item.Title || '',
    domainId: num(item.DomeinId),
    source: str(item.Bron),
    audit: ref(item.Audit),
    priority: oneOf<RiskPriority>(item.Prioriteit, ['Hoog', 'Middel', 'Laag'], 'Hoog'),
    status: oneOf<RiskStatus>(item.RisicoStatus, ['Open', 'Opgevolgd', 'Afgesloten'], 'Open'),
    yearIdentified: num(item.JaarVastgesteld),
    yearClosed: num(item.JaarAfgesloten),
    notes: str(item.Toelichting),
    likelihood: num(item.Kans),
    impact: num(item.Impact),
    residualLikelihood: num(item.RestKans),
    residualImpact: num(item.RestImpact),
    owner: person(item.RisicoEigenaar),
    reviewDate: str(item.Herzieningsdatum),
    treatment: oneOf<RiskTreatment | ''>(item.Behandeling, ['verminderen', 'aanvaarden', 'overdragen', 'vermijden'], '') || undefined,
    acceptedBy: person(item.AanvaardDoor),
    acceptanceReason: str(item.RedenAanvaarding),
    etag: etagOf(item),
    modified: str(item.Modified),
    modifiedBy: editorOf(item)
  };
}

export function toAction(item: ListItem): IAction {
  return {
    id: item.Id,
    title: item.Title || '',
    shortTitle: str(item.KorteTitel),
    description: str(item.Beschrijving),
    subItems: splitLines(item.Onderdelen),
    status: oneOf<ActionStatus>(item.ActieStatus, ['Gepland', 'Lopend', 'Gerealiseerd', 'Geschrapt'], 'Gepland'),
    plannedYear: num(item.JaarGepland),
    realisedYear: num(item.JaarGerealiseerd),
    domainIds: ids(item.DomeinenId),
    // Count rows carry only the ids (RisicosId): the titles are the risks' own.
    risks: item.Risicos !== undefined ? refs(item.Risicos) : ids(item.RisicosId).map((id) => ({ id, title: '' })),
    audit: ref(item.Audit),
    owner: ownerOf(item),
    directie: str(item.Directie),
    afdeling: str(item.Afdeling),
    deadline: str(item.Deadline),
    note: str(item.Opmerking),
    etag: etagOf(item),
    modified: str(item.Modified),
    modifiedBy: editorOf(item)
  };
}

/** An action read with fewer fields: 'count' (ACTION_COUNT_SELECT) or 'card' (ACTION_CARD_SELECT). */
export function toPartialAction(item: ListItem, detail: 'count' | 'card'): IAction {
  const a = toAction(item);
  a.detail = detail;
  // Not read, so not known: leave them out rather than claiming "none".
  delete a.description;
  delete a.note;
  delete a.etag;
  // Card rows carry Modified and Editor (the "changed after the final report" mark); count rows do not.
  if (detail === 'count') {
    delete a.modified;
    delete a.modifiedBy;
  }
  return a;
}

export function toAudit(item: ListItem): IAudit {
  const kind = item.Soort === 'intern' || item.Soort === 'extern' ? (item.Soort as 'intern' | 'extern') : undefined;
  return {
    id: item.Id,
    title: item.Title || '',
    key: str(item.Sleutel),
    auditor: str(item.Auditor),
    kind,
    type: str(item.AuditType),
    year: num(item.Jaar),
    status: oneOf<AuditStatus>(item.AuditStatus, ['Gepland', 'Lopend', 'Afgerond'], 'Gepland'),
    strengths: num(item.Sterktes),
    improvements: num(item.Verbeterpunten),
    highRecommendations: num(item.HoogPrioritaireAanbevelingen),
    conclusion: str(item.Conclusie),
    notes: str(item.Toelichting),
    followUpOf: ref(item.OpvolgingVan),
    domainIds: ids(item.DomeinenId)
  };
}

export function toRecommendation(item: ListItem): IRecommendation {
  return {
    id: item.Id,
    title: item.Title || '',
    auditId: num(item.AuditId),
    priority: oneOf<RecommendationPriority>(item.Prioriteit, ['H', 'M', 'L'], 'H'),
    status: oneOf<RecommendationStatus>(item.AanbevelingStatus, ['Open', 'In uitvoering', 'Uitgevoerd', 'Niet uitgevoerd'], 'Open'),
    actions: item.Acties !== undefined ? refs(item.Acties) : ids(item.ActiesId).map((id) => ({ id, title: '' })),
    executionPercent: num(item.Uitvoeringsgraad),
    owner: ownerOf(item),
    deadline: str(item.Deadline),
    notes: str(item.Toelichting),
    etag: etagOf(item)
  };
}

/* Model -> list item property bags (writes). Empty values are sent as null so a
   cleared field is really cleared in SharePoint. */

/* eslint-disable @rushstack/no-new-null */
function orNull<T>(v: T | undefined): T | null {
  return v === undefined ? null : v;
}

export function domainToItem(d: IDomain): ListItem {
  return {
    Title: d.title,
    Volgorde: d.order,
    Sleutel: orNull(d.key),
    KorteTitel: orNull(d.shortTitle),
    Criteria: orNull(d.criteriaText),
    CriteriaLijst: d.criteria.length ? d.criteria.join('\n') : null,
    DecreetBasis: orNull(d.decreeBasis),
    Actief: d.active
  };
}

export function auditToItem(a: IAudit, domainIdMap: (id: number) => number | undefined): ListItem {
  return {
    Title: a.title,
    Sleutel: orNull(a.key),
    Auditor: orNull(a.auditor),
    Soort: orNull(a.kind),
    AuditType: orNull(a.type),
    Jaar: orNull(a.year),
    AuditStatus: a.status,
    Sterktes: orNull(a.strengths),
    Verbeterpunten: orNull(a.improvements),
    HoogPrioritaireAanbevelingen: orNull(a.highRecommendations),
    Conclusie: orNull(a.conclusion),
    Toelichting: orNull(a.notes),
    DomeinenId: a.domainIds.map(domainIdMap).filter((x): x is number => x !== undefined)
  };
}

export function riskToItem(r: IRisk, domainId: number | undefined, auditId: number | undefined): ListItem {
  return {
    Title: r.title,
    DomeinId: orNull(domainId),
    Bron: orNull(r.source),
    AuditId: orNull(auditId),
    Prioriteit: r.priority,
    RisicoStatus: r.status,
    JaarVastgesteld: orNull(r.yearIdentified),
    JaarAfgesloten: orNull(r.yearClosed),
    Toelichting: orNull(r.notes)
  };
}

export function actionToItem(a: IAction, domainIds: number[], riskIds: number[], auditId: number | undefined): ListItem {
  return {
    Title: a.title,
    KorteTitel: orNull(a.shortTitle),
    DomeinenId: domainIds,
    Beschrijving: orNull(a.description),
    Onderdelen: a.subItems.length ? a.subItems.join('\n') : null,
    ActieStatus: a.status,
    JaarGepland: orNull(a.plannedYear),
    JaarGerealiseerd: orNull(a.realisedYear),
    RisicosId: riskIds,
    AuditId: orNull(auditId),
    Directie: orNull(a.directie),
    Afdeling: orNull(a.afdeling),
    Opmerking: orNull(a.note)
  };
}
/* eslint-enable @rushstack/no-new-null */

/** A document of the Rapporten library (ITEM_QUERIES.reports) as src/model/finalisation reads it. */
export function toLibraryFile(i: ListItem): IReportLibraryFile {
  const name = (i.FileLeafRef as string) || '';
  return {
    id: i.Id as number,
    name,
    path: (i.FileRef as string) || '',
    year: typeof i.Rapportjaar === 'number' ? i.Rapportjaar : undefined,
    format: formatOf(name, i.Formaat),
    final: i.Definitief === true,
    setId: (i.Finalisatie as string) || undefined,
    modified: i.Modified as string | undefined
  };
}
