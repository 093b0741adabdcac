import { IConsensus, IMaturityObjective, IMaturityRound, IMaturityScore, IMaturityTheme, RoundStatus, ROUND_STATUSES, DEFAULT_SCALE } from '../model/maturity';
import { ILookupRef, IPerson } from '../model/types';
import { shortTitle, splitLines } from '../model/text';
import { ListItem } from './mapping';

/** List item <-> model mapping of the maturity lists (field names from src/schema/schema.ts). */

export const THEME_SELECT: string[] = ['Id', 'Title', 'Nummer', 'Sleutel', 'DomeinId', 'Doelniveau'];
export const OBJECTIVE_SELECT: string[] = ['Id', 'Title', 'ThemaId', 'Code', 'Tekst', 'Volgorde', 'Doelniveau'];
export const ROUND_SELECT: string[] = [
  'Id', 'Title', 'Jaar', 'ThemasId', 'RondeStatus', 'SchaalMin', 'SchaalMax', 'Niveaus',
  'Beoordelaars/Id', 'Beoordelaars/Title', 'Beoordelaars/EMail', 'Facilitator/Id', 'Facilitator/Title', 'Toelichting'
];
export const ROUND_EXPAND: string[] = ['Beoordelaars', 'Facilitator'];
/** Who scored what, without the values: enough for "who has finished" while scoring. */
export const SCORE_META_SELECT: string[] = ['Id', 'RondeId', 'ThemaId', 'DoelstellingId', 'BeoordelaarId', 'Beoordelaar/Id', 'Beoordelaar/Title', 'AuthorId', 'EditorId'];
export const SCORE_SELECT: string[] = SCORE_META_SELECT.concat(['Score', 'Opmerking']);
export const SCORE_EXPAND: string[] = ['Beoordelaar'];
export const CONSENSUS_SELECT: string[] = ['Id', 'RondeId', 'ThemaId', 'DoelstellingId', 'Score', 'Opmerking', 'Acties/Id', 'Acties/Title', 'AuthorId', 'EditorId'];
export const CONSENSUS_EXPAND: string[] = ['Acties'];

function num(v: unknown): number | undefined {
  return typeof v === 'number' && !isNaN(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function arr(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown[] }).results)) return (v as { results: unknown[] }).results;
  return [];
}

function ids(v: unknown): number[] {
  return arr(v).filter((x): x is number => typeof x === 'number');
}

function person(v: unknown): IPerson | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { Id?: number; Title?: string; EMail?: string };
  return typeof o.Id === 'number' ? { id: o.Id, title: o.Title || '', email: str(o.EMail) } : undefined;
}

function refs(v: unknown): ILookupRef[] {
  return arr(v)
    .map((x) => {
      const o = (x || {}) as { Id?: number; Title?: string };
      return typeof o.Id === 'number' ? { id: o.Id, title: o.Title || '' } : undefined;
    })
    .filter((x): x is ILookupRef => x !== undefined);
}

function etagOf(item: ListItem): string | undefined {
  const e = item['odata.etag'] || (item.__metadata && item.__metadata.etag);
  return typeof e === 'string' ? e : undefined;
}

export function toTheme(item: ListItem): IMaturityTheme {
  return { id: item.Id, title: item.Title || '', number: num(item.Nummer) ?? 0, key: str(item.Sleutel), domainId: num(item.DomeinId), targetLevel: num(item.Doelniveau) };
}

export function toObjective(item: ListItem): IMaturityObjective {
  return { id: item.Id, themeId: num(item.ThemaId), code: str(item.Code) || '', text: str(item.Tekst) || item.Title || '', order: num(item.Volgorde), targetLevel: num(item.Doelniveau) };
}

export function toRound(item: ListItem): IMaturityRound {
  const status = (ROUND_STATUSES as string[]).indexOf(item.RondeStatus) >= 0 ? (item.RondeStatus as RoundStatus) : 'voorbereiding';
  const scaleMin = num(item.SchaalMin) ?? DEFAULT_SCALE.min;
  const scaleMaxRaw = num(item.SchaalMax) ?? DEFAULT_SCALE.max;
  return {
    id: item.Id,
    title: item.Title || '',
    year: num(item.Jaar),
    themeIds: ids(item.ThemasId),
    status,
    scaleMin,
    scaleMax: scaleMaxRaw > scaleMin ? scaleMaxRaw : scaleMin + (DEFAULT_SCALE.max - DEFAULT_SCALE.min),
    levelLabels: splitLines(item.Niveaus || ''),
    raters: arr(item.Beoordelaars).map(person).filter((p): p is IPerson => p !== undefined),
    facilitator: person(item.Facilitator),
    notes: str(item.Toelichting),
    etag: etagOf(item)
  };
}

export function toScore(item: ListItem): IMaturityScore {
  const rater = person(item.Beoordelaar);
  return {
    id: item.Id,
    roundId: num(item.RondeId) ?? 0,
    themeId: num(item.ThemaId),
    objectiveId: num(item.DoelstellingId),
    raterId: num(item.BeoordelaarId) ?? (rater ? rater.id : 0),
    raterName: rater ? rater.title : undefined,
    score: num(item.Score),
    comment: str(item.Opmerking),
    etag: etagOf(item),
    authorId: num(item.AuthorId),
    editorId: num(item.EditorId)
  };
}

export function toConsensus(item: ListItem): IConsensus {
  return {
    id: item.Id,
    roundId: num(item.RondeId) ?? 0,
    themeId: num(item.ThemaId),
    objectiveId: num(item.DoelstellingId),
    score: num(item.Score),
    comment: str(item.Opmerking),
    actions: refs(item.Acties),
    etag: etagOf(item),
    authorId: num(item.AuthorId),
    editorId: num(item.EditorId)
  };
}

export { shortTitle };
