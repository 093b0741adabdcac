/**
 * A hostile value in a page setting, a list item or a rich text field never becomes a
 * javascript:/data:/vbscript: link or opens a window: the components go through the one
 * link rule (src/model/links.ts safeUrl).
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Summary } from '../../src/webparts/summary/components/Summary';
import { AuditFollowUp } from '../../src/webparts/auditFollowUp/components/AuditFollowUp';
import { DomainCards } from '../../src/webparts/domainCards/components/DomainCards';
import { sanitizeHtml } from '../../src/components/sanitizeHtml';
import { browserOpen, createHostLinks } from '../../src/webparts/shared/hostLinks';
import { FakeRepository } from '../helpers/fakeRepository';
import { loadSeedData } from '../helpers/seedData';

const TODAY = new Date(2023, 4, 15);
const HOSTILE: string[] = ['javascript:alert(1)', '  JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '\njavascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];

/** Every href on the page (panels render outside the container), with the controls a browser drops removed. */
function unsafeHrefs(): string[] {
  return (Array.prototype.slice.call(document.querySelectorAll('[href]')) as Element[])
    .map((el) => (el.getAttribute('href') || '').replace(/[\u0000-\u0020]/g, ''))
    .filter((h) => /^(javascript|data|vbscript):/i.test(h) || /^\/\//.test(h));
}

describe('a hostile page setting produces no dangerous link', () => {
  it.each(HOSTILE)('homepage widget, cards page %j: no such href; the domains lead to the Teams app instead', async (bad) => {
    const { container } = render(<Summary repository={new FakeRepository(loadSeedData())} cardsUrl={bad} today={TODAY} />);
    await waitFor(() => expect(container.querySelectorAll('li[data-domain-id]')).toHaveLength(7));
    expect(container.querySelectorAll('a[href]').length).toBeGreaterThan(7);
    expect(unsafeHrefs()).toEqual([]);
    for (const a of Array.prototype.slice.call(container.querySelectorAll('a[href]')) as Element[]) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    }
  });

  it.each(HOSTILE)('audits page, cards page %j: the risks from an audit are plain text', async (bad) => {
    const data = loadSeedData();
    const risk = data.risks.filter((r) => r.audit)[0];
    render(<AuditFollowUp repository={new FakeRepository(data)} isTeams={false} today={TODAY} openForm={jest.fn()} initialAuditId={risk.audit!.id} cardsUrl={bad} />);
    const panel = await screen.findByRole('dialog');
    const risks = within(panel).getByTestId('audit-risks');
    expect(risks).toHaveTextContent(risk.title);
    expect(within(risks).queryAllByRole('link')).toHaveLength(0);
    expect(unsafeHrefs()).toEqual([]);
  });

  it('domain cards, audits page javascript:: the audit of a risk is named, not linked', async () => {
    const data = loadSeedData();
    const risk = data.risks.filter((r) => r.audit)[0];
    const { container } = render(
      <DomainCards repository={new FakeRepository(data)} showDescriptions={true} isTeams={false} today={TODAY} openForm={jest.fn()} auditsUrl="javascript:alert(1)" />
    );
    await waitFor(() => expect(container.querySelector(`li[data-risk-id="${risk.id}"] > button`)).not.toBeNull());
    fireEvent.click(container.querySelector(`li[data-risk-id="${risk.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    expect(panel).toHaveTextContent(risk.audit!.title);
    expect(within(panel).queryByTestId('risk-audit-link')).toBeNull();
    expect(unsafeHrefs()).toEqual([]);
  });
});

describe('opening a link refuses what the link rule refuses', () => {
  it('in the browser no window opens for javascript:', () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    for (const bad of HOSTILE) browserOpen(bad);
    expect(open).not.toHaveBeenCalled();
    browserOpen('https://mechelen.sharepoint.com/sites/ob/Lists/Acties/EditForm.aspx?ID=1');
    expect(open).toHaveBeenCalledTimes(1);
    open.mockRestore();
  });

  it('in Teams openLink is not asked for javascript:', () => {
    const openLink = jest.fn(() => Promise.resolve());
    const fallback = jest.fn();
    const links = createHostLinks({ app: { openLink } }, fallback);
    for (const bad of HOSTILE) links.openForm(bad);
    expect(openLink).not.toHaveBeenCalled();
    expect(fallback).not.toHaveBeenCalled();
  });
});

describe('links in rich text follow the link rule', () => {
  it('keeps https, site paths, mail, phone and anchors; drops plain http elsewhere, //host and /\\host', () => {
    const div = document.createElement('div');
    div.innerHTML = sanitizeHtml(
      '<a href="https://www.mechelen.be">1</a><a href="/sites/ob/x">2</a><a href="mailto:ic@mechelen.be">3</a><a href="tel:+3215">4</a><a href="#boven">5</a>' +
        '<a href="http://evil.example/">6</a><a href="//evil.example/">7</a><a href="/\\evil.example/">8</a><a href=" JaVa&#x0A;ScRiPt:alert(1)">9</a>'
    );
    const hrefs = (Array.prototype.slice.call(div.querySelectorAll('a')) as Element[]).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://www.mechelen.be', '/sites/ob/x', 'mailto:ic@mechelen.be', 'tel:+3215', '#boven', null, null, null, null]);
    expect(div).toHaveTextContent('123456789');
  });
});

describe('images in rich text load only from the tenant', () => {
  function images(html: string): string[] {
    const div = document.createElement('div');
    div.innerHTML = html;
    return (Array.prototype.slice.call(div.querySelectorAll('img')) as Element[]).map((i) => i.getAttribute('src') || '');
  }

  it('keeps images on SharePoint Online, this page\'s host, the data site and site paths', () => {
    const out = sanitizeHtml(
      '<p><img src="https://mechelen.sharepoint.com/sites/ob/SiteAssets/a.png" alt="a">' +
        `<img src="${window.location.origin}/b.png" alt="b"><img src="/sites/ob/SiteAssets/c.png" alt="c">` +
        '<img src="https://intranet.mechelen.be/d.png" alt="d"></p>',
      'https://intranet.mechelen.be/sites/ob'
    );
    expect(images(out)).toEqual([
      'https://mechelen.sharepoint.com/sites/ob/SiteAssets/a.png',
      `${window.location.origin}/b.png`,
      '/sites/ob/SiteAssets/c.png',
      'https://intranet.mechelen.be/d.png'
    ]);
  });

  it('replaces an image from elsewhere by its alt text and drops one without alt, data: and javascript: images included', () => {
    const out = sanitizeHtml(
      '<p>Zie <img src="https://tracker.example/pixel.gif?who=me" alt="het organigram"> hier.' +
        '<img src="https://evil.sharepoint.com.example/x.png"><img src="data:image/png;base64,iVBORw0KGgo=" alt="grafiek">' +
        '<img src="//evil.example/x.png"><img src="java\tscript:alert(1)"></p>'
    );
    expect(images(out)).toEqual([]);
    expect(out).toContain('Zie het organigram hier.');
    expect(out).toContain('grafiek');
    expect(out).not.toMatch(/tracker|evil|data:|javascript/i);
  });
});
