/**
 * Property pane validation of the URL settings (the data site, the pages a link leads to),
 * with the one link rule of src/model/links.ts (safeUrl): the pane refuses what the
 * components would refuse at run time anyway, so an editor sees why a link is missing.
 */
import { safeUrl } from '../../model/links';

/** "Gegevenssite": empty (the organisation's data site) or an absolute https address. */
export function siteUrlError(value: string | undefined, message: string): string {
  return !value || !String(value).trim() || safeUrl(String(value), { relative: false }) ? '' : message;
}

/** A page a link leads to: empty, an https address (or a Teams link) or a path on this site. */
export function pageUrlError(value: string | undefined, message: string): string {
  return !value || !String(value).trim() || safeUrl(String(value)) ? '' : message;
}

/** The property pane stores the text field's value as a string: the year or empty/0. */
export function reportYearError(value: string | number | undefined, message: string): string {
  return !value || value === '0' || /^(19|20|21)\d\d$/.test(String(value).trim()) ? '' : message;
}
