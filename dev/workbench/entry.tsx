/**
 * The local workbench host: does what the web part classes do in SharePoint/Teams
 * (build the repository, pick the theme, mount the component), with the browser
 * PnPjs behaviours against the local server instead of SPFx's.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { createTheme, ITheme } from '@fluentui/react/lib/Styling';
import { createBrowserAccess, createBrowserMaturityRepository, createBrowserSummarySource, resolveBrowserDataSite } from '../../tools/data/browser';
import { IDataAccess } from '../../src/data/createDataAccess';
import { Maturity } from '../../src/webparts/maturity/components/Maturity';
import { DomainCards } from '../../src/webparts/domainCards/components/DomainCards';
import { Summary } from '../../src/webparts/summary/components/Summary';
import { AuditFollowUp, AuditView } from '../../src/webparts/auditFollowUp/components/AuditFollowUp';
import { normaliseTeamsTheme, teamsTheme, TeamsThemeName } from '../../src/webparts/shared/teamsThemes';
import { ReportActions } from '../../src/webparts/domainCards/report/ReportActions';
import { readAuditFromLocation, readDomainFromLocation } from '../../src/model/links';
import { IWorkbenchConfig } from './pages';

declare global {
  interface Window {
    __WORKBENCH__: IWorkbenchConfig;
    __setTeamsTheme?: (name: string) => void;
  }
}

const SP_THEME = createTheme({
  palette: { themePrimary: '#0078d4', themeLighterAlt: '#eff6fc', themeLighter: '#deecf9', themeLight: '#c7e0f4', themeTertiary: '#71afe5', themeSecondary: '#2b88d8', themeDarkAlt: '#106ebe', themeDark: '#005a9e', themeDarker: '#004578' }
});

/** SharePoint section backgrounds (theme variants): neutral, soft, strong (inverted). */
function sectionTheme(section: string | undefined): ITheme {
  const p = SP_THEME.palette;
  if (section === 'neutral') return createTheme({ palette: p, semanticColors: { bodyBackground: p.neutralLighter, bodyStandoutBackground: p.neutralLight } });
  if (section === 'soft') return createTheme({ palette: p, semanticColors: { bodyBackground: p.themeLighterAlt, bodyStandoutBackground: p.themeLighter } });
  if (section === 'strong') {
    return createTheme({
      isInverted: true,
      // As Fluent's strong variant (the one SharePoint sections use): every neutral inverted, the standout a darker blue.
      palette: { ...p, white: p.themePrimary, neutralLighterAlt: p.themeDarkAlt, neutralLighter: p.themeDarkAlt, neutralLight: p.themeDark, neutralQuaternaryAlt: p.themeDark, neutralTertiary: '#ffffff', neutralPrimary: '#ffffff', neutralSecondary: '#ffffff', neutralDark: '#ffffff', black: '#ffffff', themePrimary: '#ffffff', themeDarkAlt: '#ffffff', themeDark: '#ffffff' },
      semanticColors: { bodyBackground: p.themePrimary, bodyStandoutBackground: p.themeDarkAlt, bodyText: '#ffffff', bodySubtext: '#ffffff', bodyDivider: p.themeLighter, link: '#ffffff', linkHovered: '#ffffff' }
    });
  }
  return SP_THEME;
}

function paint(el: HTMLElement | null, theme: ITheme): void {
  if (!el) return;
  el.style.background = theme.semanticColors.bodyBackground;
  el.style.color = theme.semanticColors.bodyText;
}

async function main(): Promise<void> {
  const cfg = window.__WORKBENCH__;
  const root = document.getElementById('root');
  if (!root) return;
  let access: IDataAccess;
  if (cfg.page === 'teams-personal') {
    // Like the web part class in the personal app: no setting, so the tenant property names the data site.
    const site = await resolveBrowserDataSite(cfg.siteUrl);
    root.setAttribute('data-data-site', site.url);
    root.setAttribute('data-data-site-source', site.source);
    // The page's digest was issued for the page's own web, not for the data site it points at.
    access = createBrowserAccess(site.url, cfg.user);
  } else {
    // The page carries a form digest, as SharePoint pages do: no contextinfo request before the first $batch.
    access = createBrowserAccess(cfg.siteUrl, cfg.user, cfg.digest);
  }
  const { repository, progress, owners } = access;

  const renderCards = (theme: ITheme, isTeams: boolean): void => {
    ReactDOM.render(
      <DomainCards
        repository={repository}
        reportYear={cfg.year}
        domainKey={cfg.domain}
        showDescriptions={true}
        theme={theme}
        isTeams={isTeams}
        initialDomainKey={readDomainFromLocation(window.location.href)}
        auditsUrl={cfg.auditsUrl || '/workbench/audits'}
        progress={progress}
        owners={owners}
        renderReportActions={(ctx) => <ReportActions repository={repository} maturity={access.maturity} theme={theme} {...ctx} />}
      />,
      root
    );
  };

  const renderAudits = (theme: ITheme, isTeams: boolean): void => {
    const view = cfg.view === 'mine' || cfg.view === 'domains' ? (cfg.view as AuditView) : 'audits';
    ReactDOM.render(
      <AuditFollowUp
        repository={repository}
        progress={progress}
        owners={owners}
        theme={theme}
        isTeams={isTeams}
        initialView={view}
        initialAuditId={readAuditFromLocation(window.location.href)}
        cardsUrl={cfg.cardsUrl || (isTeams ? '/teams/domain-cards' : '/workbench/domain-cards')}
      />,
      root
    );
  };

  let maturity: ReturnType<typeof createBrowserMaturityRepository> | undefined;
  const renderMaturity = (theme: ITheme, isTeams: boolean): void => {
    if (!maturity) maturity = createBrowserMaturityRepository(cfg.siteUrl, cfg.user, cfg.digest);
    ReactDOM.render(<Maturity repository={maturity} theme={theme} isTeams={isTeams} initialRoundId={cfg.round} />, root);
  };

  if (cfg.page === 'teams' || cfg.page === 'teams-audits' || cfg.page === 'teams-personal' || cfg.page === 'teams-maturity') {
    const frame = document.getElementById('teams-frame');
    const render = (name: TeamsThemeName): void => {
      const theme = teamsTheme(name);
      paint(frame, theme);
      document.body.style.background = theme.semanticColors.bodyBackground;
      if (frame) frame.setAttribute('data-theme', name);
      if (cfg.page === 'teams') renderCards(theme, true);
      else if (cfg.page === 'teams-maturity') renderMaturity(theme, true);
      else renderAudits(theme, true);
    };
    // Teams calls registerOnThemeChangeHandler; the workbench buttons do the same live.
    window.__setTeamsTheme = (name: string) => render(normaliseTeamsTheme(name));
    document.querySelectorAll('[data-teams-theme]').forEach((b) =>
      b.addEventListener('click', () => render(normaliseTeamsTheme(b.getAttribute('data-teams-theme') || undefined)))
    );
    render(normaliseTeamsTheme(cfg.theme));
    return;
  }

  const theme = sectionTheme(cfg.section);
  paint(document.getElementById('sp-section'), theme);
  if (cfg.page === 'summary') {
    const cardsUrl = cfg.cardsUrl || '/workbench/domain-cards';
    const summarySource = createBrowserSummarySource(cfg.siteUrl, cfg.user, cfg.digest);
    ReactDOM.render(<Summary repository={summarySource} reportYear={cfg.year} cardsUrl={cardsUrl} theme={theme} />, root);
    const full = document.getElementById('root-full');
    paint(document.getElementById('sp-section-full'), theme);
    if (full) ReactDOM.render(<Summary repository={summarySource} reportYear={cfg.year} cardsUrl={cardsUrl} theme={theme} />, full);
    return;
  }
  if (cfg.page === 'audits') {
    renderAudits(theme, false);
    return;
  }
  if (cfg.page === 'maturity') {
    renderMaturity(theme, false);
    return;
  }
  renderCards(theme, false);
}

void main();
