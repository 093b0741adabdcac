import { formShellHtml, listByTitle, listPageUrl, parseListPageUrl } from '../../dev/forms/urls';

const SITE = '/sites/organisatiebeheersing';

describe('parseListPageUrl', () => {
  it('maps the four pages of a list, with ID and Source', () => {
    expect(parseListPageUrl(`${SITE}/Lists/Risicos/AllItems.aspx`, '')).toEqual({ siteUrl: SITE, listTitle: 'Risicos', page: 'AllItems' });
    expect(parseListPageUrl(`${SITE}/Lists/Risicos/NewForm.aspx`, '')).toEqual({ siteUrl: SITE, listTitle: 'Risicos', page: 'NewForm' });
    expect(parseListPageUrl(`${SITE}/Lists/Acties/EditForm.aspx`, '?ID=12&Source=http%3A%2F%2Flocalhost%3A4321%2Fworkbench%2Fclosed')).toEqual({
      siteUrl: SITE,
      listTitle: 'Acties',
      page: 'EditForm',
      id: 12,
      source: 'http://localhost:4321/workbench/closed'
    });
    expect(parseListPageUrl(`${SITE}/Lists/Domeinen/DispForm.aspx`, '?ID=3')).toMatchObject({ listTitle: 'Domeinen', page: 'DispForm', id: 3 });
  });

  it('is case-insensitive for the list segment, page and parameter names', () => {
    expect(parseListPageUrl(`${SITE}/lists/risicos/editform.aspx`, '?id=5&source=%2Fx')).toEqual({
      siteUrl: SITE,
      listTitle: 'Risicos',
      page: 'EditForm',
      id: 5,
      source: '/x'
    });
    expect(parseListPageUrl(`${SITE}/LISTS/AANBEVELINGEN/ALLITEMS.ASPX`, '')).toMatchObject({ listTitle: 'Aanbevelingen', page: 'AllItems' });
  });

  it('maps the document library views under Forms/', () => {
    expect(parseListPageUrl(`${SITE}/Rapporten/Forms/AllItems.aspx`, '')).toEqual({ siteUrl: SITE, listTitle: 'Rapporten', page: 'AllItems' });
    expect(parseListPageUrl(`${SITE}/rapporten/forms/EditForm.aspx`, '?ID=1')).toMatchObject({ listTitle: 'Rapporten', page: 'EditForm', id: 1 });
  });

  it('reads the locale parameter', () => {
    expect(parseListPageUrl(`${SITE}/Lists/Risicos/AllItems.aspx`, '?locale=en-US')).toMatchObject({ locale: 'en-us' });
    expect(parseListPageUrl(`${SITE}/Lists/Risicos/AllItems.aspx`, '?locale=fr-fr')).not.toHaveProperty('locale');
  });

  it('rejects unknown lists, pages, library paths for lists and forms without a valid ID', () => {
    expect(parseListPageUrl(`${SITE}/Lists/Onbekend/AllItems.aspx`, '')).toBeUndefined();
    expect(parseListPageUrl(`${SITE}/Lists/Risicos/Other.aspx`, '')).toBeUndefined();
    expect(parseListPageUrl(`${SITE}/Risicos/Forms/AllItems.aspx`, '')).toBeUndefined();
    expect(parseListPageUrl(`${SITE}/Lists/Rapporten/AllItems.aspx`, '')).toBeUndefined();
    expect(parseListPageUrl(`${SITE}/Lists/Risicos/EditForm.aspx`, '')).toBeUndefined();
    expect(parseListPageUrl(`${SITE}/Lists/Risicos/DispForm.aspx`, '?ID=abc')).toBeUndefined();
    expect(parseListPageUrl(`${SITE}/Lists/Risicos`, '')).toBeUndefined();
    expect(parseListPageUrl('/', '')).toBeUndefined();
  });

  it('round-trips the URLs listPageUrl builds', () => {
    const risks = listByTitle('risicos');
    const reports = listByTitle('Rapporten');
    if (!risks || !reports) throw new Error('schema lists missing');
    const edit = new URL(listPageUrl(`http://localhost:4321${SITE}`, risks, 'EditForm', { id: 7, source: 'http://localhost:4321/workbench/closed?x=1&y=2' }));
    expect(edit.pathname).toBe(`${SITE}/Lists/Risicos/EditForm.aspx`);
    expect(parseListPageUrl(edit.pathname, edit.search)).toEqual({
      siteUrl: SITE,
      listTitle: 'Risicos',
      page: 'EditForm',
      id: 7,
      source: 'http://localhost:4321/workbench/closed?x=1&y=2'
    });
    expect(listPageUrl(SITE, reports, 'AllItems')).toBe(`${SITE}/Rapporten/Forms/AllItems.aspx`);
  });
});

describe('formShellHtml', () => {
  it('titles the page with the list and page name, and loads the script into #root', () => {
    const html = formShellHtml({ siteUrl: SITE, listTitle: 'Risicos', page: 'EditForm', id: 1 }, '/workbench/forms.js');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<title>Risicos - Item bewerken</title>');
    expect(html).toContain('<div id="root">');
    expect(html).toContain('Laden…');
    expect(html).toContain('<script src="/workbench/forms.js"></script>');
  });

  it('uses English with the en-us locale', () => {
    const html = formShellHtml({ siteUrl: SITE, listTitle: 'Acties', page: 'AllItems', locale: 'en-us' }, '/f.js');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Acties - All items</title>');
    expect(html).toContain('Loading…');
  });

  it('escapes the title and the script URL', () => {
    const html = formShellHtml({ siteUrl: SITE, listTitle: '<script>alert("x")</script>', page: 'NewForm' }, '/f.js?a=1&b="2"');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<script src="/f.js?a=1&amp;b=&quot;2&quot;"></script>');
  });
});
