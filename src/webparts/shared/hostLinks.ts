/**
 * Opening links the way the host wants it. Inside Teams a web part may not navigate or
 * open windows itself (Teams on mobile ignores window.open); it asks Teams through
 * teams-js `app.openLink`, which opens SharePoint list forms in the browser or in Teams'
 * in-app browser. Outside Teams it is a new browser tab.
 */
import { safeUrl } from '../../model/links';

/** The part of teams-js v2 used here (SPFx provides it as context.sdks.microsoftTeams.teamsJs). */
export interface ITeamsJsLinks {
  app: { openLink(deepLink: string): Promise<void> };
  pages?: {
    shareDeepLink?(params: { subPageId: string; subPageLabel: string; subPageWebUrl?: string }): void;
  };
}

export interface IHostLinks {
  /** Opens a list form (new/edit/display) or list view. */
  openForm(url: string): void;
  /**
   * Shares a link to one domain card in this Teams tab through Teams' own share dialog
   * (teams-js builds the deep link); undefined outside Teams.
   */
  shareDomain?: (domainKey: string, label: string) => void;
}

export function browserOpen(url: string): void {
  // The one link rule (src/model/links.ts): a javascript:/data: value never reaches a window.
  const safe = safeUrl(url);
  if (safe) window.open(safe, '_blank', 'noopener');
}

export function createHostLinks(teamsJs: ITeamsJsLinks | undefined, fallback: (url: string) => void = browserOpen): IHostLinks {
  if (!teamsJs) return { openForm: fallback };
  const share = teamsJs.pages && teamsJs.pages.shareDeepLink;
  return {
    openForm: (url: string) => {
      const safe = safeUrl(url);
      if (!safe) return;
      // A host that refuses (older Teams clients) still gets the form, in the browser.
      teamsJs.app.openLink(safe).catch(() => fallback(safe));
    },
    shareDomain: share ? (domainKey: string, label: string) => share.call(teamsJs.pages, { subPageId: domainKey, subPageLabel: label }) : undefined
  };
}
