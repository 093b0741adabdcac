/**
 * The local workbench for the Viva Connections card: does what SharePoint's dashboard does
 * with the ACE (card view, then the quick view) using the `adaptivecards` renderer, in a
 * light and a dark host theme, with the same content functions and data code as the ACE.
 */
import * as AC from 'adaptivecards';
import * as strings from 'OrgSummaryAdaptiveCardExtensionStrings';
import { createBrowserSummarySource } from '../../tools/data/browser';
import { loadCardFigures } from '../../src/data/cardData';
import { cardViewContent, ICardState, ICardViewContent, quickViewCard } from '../../src/adaptiveCardExtensions/orgSummary/cardContent';
import { domainTarget, teamsMineLink } from '../../src/model/links';
import { IWorkbenchConfig } from './pages';

declare global {
  interface Window {
    __WORKBENCH__: IWorkbenchConfig;
  }
}

type Theme = 'light' | 'dark';

/** Viva Connections-like host colours; text colours keep WCAG AA contrast on their background. */
const PALETTE: Record<Theme, { background: string; text: string; subtle: string; accent: string }> = {
  light: { background: '#ffffff', text: '#242424', subtle: '#616161', accent: '#0f6cbd' },
  dark: { background: '#292929', text: '#ffffff', subtle: '#d6d6d6', accent: '#479ef5' }
};

function hostConfig(theme: Theme): AC.HostConfig {
  const p = PALETTE[theme];
  const colours = { default: { default: p.text, subtle: p.subtle }, accent: { default: p.accent, subtle: p.accent }, dark: { default: p.text, subtle: p.subtle }, light: { default: p.text, subtle: p.subtle } };
  return new AC.HostConfig({
    fontFamily: "'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: p.background, foregroundColors: colours },
      emphasis: { backgroundColor: p.background, foregroundColors: colours }
    },
    textBlock: { headingLevel: 2 },
    actions: { actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 8, maxActions: 5, showCard: { actionMode: 'inline' } }
  });
}

/** The ACE's card view (PrimaryTextCardView: card bar, header, body, one button) as an Adaptive Card. */
function cardViewJson(c: ICardViewContent): object {
  const body: unknown[] = [
    { type: 'TextBlock', text: c.title, weight: 'Bolder', size: 'Small', wrap: true },
    { type: 'TextBlock', text: c.header, size: 'Large', weight: 'Bolder', wrap: true, spacing: 'Medium' }
  ];
  if (c.body) body.push({ type: 'TextBlock', text: c.body, wrap: true, isSubtle: true });
  if (c.quickViewButton) body.push({ type: 'ActionSet', actions: [{ type: 'Action.Submit', id: 'open-quick-view', title: c.quickViewButton }] });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}

function render(json: object, theme: Theme, host: HTMLElement, onAction: (a: AC.Action) => void): void {
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig(theme);
  card.onExecuteAction = onAction;
  card.parse(json);
  const el = card.render();
  host.innerHTML = '';
  if (el) host.appendChild(el);
}

function main(): void {
  const cfg = window.__WORKBENCH__;
  // The ACE's own read: the widget's counts path, with the signed-in user's own items.
  const source = createBrowserSummarySource(cfg.siteUrl, cfg.user, cfg.digest, { mine: true });
  // Locally the domain cards live on the workbench page; in the tenant the ACE's own setting or the Teams app.
  const cardsUrl = cfg.cardsUrl || '/workbench/domain-cards';
  const paint = (state: ICardState): void => {
    for (const theme of ['light', 'dark'] as Theme[]) {
      const cardHost = document.getElementById(`card-${theme}`);
      const quickHost = document.getElementById(`quickview-${theme}`);
      if (!cardHost || !quickHost) continue;
      render(cardViewJson(cardViewContent(state, strings)), theme, cardHost, () => {
        // The card's button opens the quick view, as on the dashboard.
        quickHost.hidden = false;
        quickHost.focus();
      });
      if (state.figures) {
        render(quickViewCard(state.figures, strings, (key) => domainTarget(cardsUrl, key), state.mine, teamsMineLink()), theme, quickHost, (a) => {
          if (a instanceof AC.OpenUrlAction && a.url) window.location.href = a.url;
        });
      }
      cardHost.setAttribute('data-status', state.status);
    }
  };
  paint({ status: 'loading' });
  loadCardFigures(source, cfg.year, new Date())
    .then((loaded) => paint({ status: 'ready', figures: loaded.figures, mine: loaded.mine }))
    .catch(() => paint({ status: 'error' }));
}

main();
