import { createHostLinks, ITeamsJsLinks } from '../../../src/webparts/shared/hostLinks';

const FORM = 'https://contoso.sharepoint.com/sites/ob/Lists/Acties/EditForm.aspx?ID=3';

function fakeTeams(openLink: (url: string) => Promise<void> = () => Promise.resolve()): { teams: ITeamsJsLinks; opened: string[]; shared: unknown[] } {
  const opened: string[] = [];
  const shared: unknown[] = [];
  const teams: ITeamsJsLinks = {
    app: { openLink: (url: string) => (opened.push(url), openLink(url)) },
    pages: { shareDeepLink: (p) => shared.push(p) }
  };
  return { teams, opened, shared };
}

describe('opening list forms the host way', () => {
  it('in Teams asks teams-js app.openLink and does not open a window itself', async () => {
    const fallback = jest.fn();
    const t = fakeTeams();
    createHostLinks(t.teams, fallback).openForm(FORM);
    await Promise.resolve();
    expect(t.opened).toEqual([FORM]);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('falls back to the browser when Teams refuses the link', async () => {
    const fallback = jest.fn();
    createHostLinks(fakeTeams(() => Promise.reject(new Error('not supported'))).teams, fallback).openForm(FORM);
    await new Promise((r) => setTimeout(r, 0));
    expect(fallback).toHaveBeenCalledWith(FORM);
  });

  it('outside Teams opens a new browser tab, and offers no Teams sharing', () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    const links = createHostLinks(undefined);
    links.openForm(FORM);
    expect(open).toHaveBeenCalledWith(FORM, '_blank', 'noopener');
    expect(links.shareDomain).toBeUndefined();
    open.mockRestore();
  });

  it("shares a domain through Teams' share dialog with the domain as sub page id", () => {
    const t = fakeTeams();
    createHostLinks(t.teams).shareDomain?.('fraude', 'Voorkomen van fraude en fouten');
    expect(t.shared).toEqual([{ subPageId: 'fraude', subPageLabel: 'Voorkomen van fraude en fouten' }]);
  });
});
