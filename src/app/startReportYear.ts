import { ISettingsStore, IStoredReport } from '../data/IOrgRepository';

/** "Start rapportjaar <Y+1>" is offered only once the year shown has a final report. */
export function canStartNextYear(year: number, stored: IStoredReport[]): boolean {
  return stored.some((r) => r.year === year && r.format !== 'Gegevens');
}

/**
 * The control team moves every surface on to the next reporting year (setting Rapportjaar in list
 * Instellingen); what this browser kept of the old year is dropped by the settings store.
 * Answers the year now decided.
 */
export async function startReportYear(settings: ISettingsStore, currentYear: number): Promise<number> {
  const next = currentYear + 1;
  await settings.setReportYear(next);
  return next;
}
