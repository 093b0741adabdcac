/**
 * Decisions of the control team stored on the data site (list Instellingen, one item per
 * setting), so every surface follows the same decision instead of inferring it.
 */

/** The reporting year all surfaces open on; set by "Start rapportjaar" (or the seed). */
export const SETTING_REPORT_YEAR: string = 'Rapportjaar';
/** The organisation named on the council report's title page and footer. */
export const SETTING_ORGANISATION: string = 'Organisatie';

export interface ISiteSettings {
  reportYear?: number;
  organisation?: string;
}

/** The settings from the list's rows (Title = setting, Waarde = value); unknown or blank values are left out. */
export function settingsFromRows(rows: Array<{ Title?: unknown; Waarde?: unknown }>): ISiteSettings {
  const out: ISiteSettings = {};
  for (const r of rows) {
    const key = typeof r.Title === 'string' ? r.Title.trim().toLowerCase() : '';
    const value = typeof r.Waarde === 'string' ? r.Waarde.trim() : typeof r.Waarde === 'number' ? String(r.Waarde) : '';
    if (!value) continue;
    if (key === SETTING_REPORT_YEAR.toLowerCase() && /^\d{4}$/.test(value)) out.reportYear = Number(value);
    if (key === SETTING_ORGANISATION.toLowerCase()) out.organisation = value;
  }
  return out;
}
