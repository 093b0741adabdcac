/**
 * Decisions of the control team stored on the data site (list Instellingen, one item per
 * setting), so every surface follows the same decision instead of inferring it.
 */
import { IRiskSettings } from './types';

/** The reporting year all surfaces open on; set by "Start rapportjaar" (or the seed). */
export const SETTING_REPORT_YEAR: string = 'Rapportjaar';
/** The organisation named on the council report's title page and footer. */
export const SETTING_ORGANISATION: string = 'Organisatie';

/** Risk settings (README, "Risico's beoordelen"): labels low to high, separated by ';'. */
export const SETTING_LIKELIHOOD_LEVELS: string = 'Kansniveaus';
export const SETTING_IMPACT_LEVELS: string = 'Impactniveaus';
/** The highest acceptable score; "Risicobereidheid: <domein>" sets one domain's own. */
export const SETTING_RISK_APPETITE: string = 'Risicobereidheid';

export interface ISiteSettings {
  reportYear?: number;
  organisation?: string;
  risk?: IRiskSettings;
}

function labels(value: string): string[] | undefined {
  const parts = value.split(';').map((p) => p.trim()).filter((p) => p.length > 0);
  return parts.length >= 2 && parts.length <= 10 ? parts : undefined;
}

/** The risk part of one setting row, into `risk`. */
function readRiskSetting(risk: IRiskSettings, key: string, value: string): void {
  const appetite = SETTING_RISK_APPETITE.toLowerCase();
  if (key === SETTING_LIKELIHOOD_LEVELS.toLowerCase()) risk.likelihoodLabels = labels(value);
  else if (key === SETTING_IMPACT_LEVELS.toLowerCase()) risk.impactLabels = labels(value);
  else if (key === appetite || key.indexOf(appetite + ':') === 0) {
    const n = Number(value.replace(',', '.'));
    if (!isFinite(n) || n < 0) return;
    const domain = key.slice(appetite.length + 1).trim();
    if (!domain) risk.appetite = n;
    else risk.appetiteByDomain = { ...(risk.appetiteByDomain || {}), [domain]: n };
  }
}

/** The settings from the list's rows (Title = setting, Waarde = value); unknown or blank values are left out. */
export function settingsFromRows(rows: Array<{ Title?: unknown; Waarde?: unknown }>): ISiteSettings {
  const out: ISiteSettings = {};
  const risk: IRiskSettings = {};
  for (const r of rows) {
    const key = typeof r.Title === 'string' ? r.Title.trim().toLowerCase() : '';
    const value = typeof r.Waarde === 'string' ? r.Waarde.trim() : typeof r.Waarde === 'number' ? String(r.Waarde) : '';
    if (!value) continue;
    if (key === SETTING_REPORT_YEAR.toLowerCase() && /^\d{4}$/.test(value)) out.reportYear = Number(value);
    if (key === SETTING_ORGANISATION.toLowerCase()) out.organisation = value;
    readRiskSetting(risk, key, value);
  }
  if (Object.keys(risk).some((k) => risk[k as keyof IRiskSettings] !== undefined)) out.risk = risk;
  return out;
}
