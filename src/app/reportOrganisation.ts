import { ISettingsStore } from '../data/IOrgRepository';

/**
 * The organisation named on the report: the data site's setting Organisatie (list Instellingen, set by
 * npm run deploy and the property pane); else a value only in this page's properties (set before the
 * setting existed); else the data site's title.
 */
export async function reportOrganisation(settings: ISettingsStore, fromPage: string | undefined): Promise<string> {
  const stored = await settings.getSettings().catch(() => ({ organisation: undefined }));
  return stored.organisation || fromPage || (await settings.getSiteTitle());
}
