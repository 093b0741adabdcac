/** Labels of list values in the user's language, and the deadline text. */
import * as strings from 'AuditFollowUpWebPartStrings';
import { format, formatDate } from '../../../components/format';
import { DeadlineState, statedOr } from '../../../model/audits';
import { IAudit } from '../../../model/types';

const STATUS: Record<string, string> = {
  Gepland: strings.StatusGepland,
  Lopend: strings.StatusLopend,
  Afgerond: strings.StatusAfgerond,
  Gerealiseerd: strings.StatusGerealiseerd,
  Geschrapt: strings.StatusGeschrapt,
  Open: strings.RecStatusOpen,
  'In uitvoering': strings.RecStatusInUitvoering,
  Uitgevoerd: strings.RecStatusUitgevoerd,
  'Niet uitgevoerd': strings.RecStatusNietUitgevoerd
};
const PRIORITY: Record<string, string> = { H: strings.PriorityH, M: strings.PriorityM, L: strings.PriorityL };
const KIND: Record<string, string> = { intern: strings.KindIntern, extern: strings.KindExtern };

export function statusLabel(s: string): string {
  return STATUS[s] || s;
}

export function priorityLabel(p: string): string {
  return PRIORITY[p] || p;
}

/** Soort, or "niet vermeld". */
export function kindLabel(kind: string | undefined): string {
  return kind ? KIND[kind] || kind : strings.NotStated;
}

export function notStated(v: string | number | undefined): string {
  return statedOr(v, strings.NotStated);
}

export function dateText(iso: string | undefined): string {
  return formatDate(iso, strings.DateLocale);
}

/** "te laat: deadline 1 maart 2023" etc.; '' when there is no deadline. */
export function deadlineText(state: DeadlineState, iso: string | undefined): string {
  if (!iso) return '';
  const d = dateText(iso);
  if (state === 'overdue') return format(strings.Overdue, d);
  if (state === 'dueSoon') return format(strings.DueSoon, d);
  return format(strings.DeadlineOn, d);
}

/** "10 sterktes · 19 verbeterpunten · 17 …", each missing figure "niet vermeld". */
export function findingsText(a: IAudit): string {
  // No figures at all (most audits): one "niet vermeld", not three.
  if (a.strengths === undefined && a.improvements === undefined && a.highRecommendations === undefined) return strings.NotStated;
  return format(strings.FindingsText, notStated(a.strengths), notStated(a.improvements), notStated(a.highRecommendations));
}
