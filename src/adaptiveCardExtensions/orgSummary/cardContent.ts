/**
 * What the card and its quick view say, as plain data and Adaptive Card JSON. Pure, so the
 * SPFx views, the local workbench (rendered with the `adaptivecards` package) and the tests
 * all use the same content.
 */
import { IFigures, IMyFigures } from '../../model/figures';
import { format, formatDate } from '../../components/format';
import { MyItem } from '../../model/audits';
import { cardTitle } from '../../model/text';

export type CardStrings = Pick<
  IOrgSummaryAdaptiveCardExtensionStrings,
  | 'Title'
  | 'Loading'
  | 'LoadError'
  | 'NoDomains'
  | 'HeadlineHighRisks'
  | 'HeadlineBody'
  | 'QuickViewButton'
  | 'QuickViewTitle'
  | 'QuickViewIntro'
  | 'OpenHighRisksLabel'
  | 'RealisedLabel'
  | 'EarlierPlanningLabel'
  | 'OverdueLabel'
  | 'QuickViewTotals'
  | 'OpenDomain'
  | 'OpenDomainCard'
  | 'MineHeadline'
  | 'HeadlineBodyWithRisks'
  | 'MineTitle'
  | 'MineIntro'
  | 'MineNone'
  | 'MineOverdue'
  | 'MineDueSoon'
  | 'MineAction'
  | 'MineRecommendation'
  | 'MineMore'
  | 'MineOpen'
  | 'OpenRecommendationsLabel'
  | 'QuickViewOpenRecommendations'
  | 'DateLocale'
>;

export interface ICardState {
  status: 'loading' | 'error' | 'ready';
  figures?: IFigures;
  /** The signed-in user's own overdue and soon-due items (absent: not known who is signed in). */
  mine?: IMyFigures;
}

export interface ICardViewContent {
  title: string;
  header: string;
  body: string;
  /** Undefined while there is nothing to show per domain. */
  quickViewButton?: string;
}

/** Never a blank card: loading, error and "no domains yet" each say what is going on. */
export function cardViewContent(state: ICardState, strings: CardStrings, title?: string): ICardViewContent {
  const t = (title && title.trim()) || strings.Title;
  const f = state.figures;
  if (!f) return { title: t, header: state.status === 'error' ? strings.LoadError : strings.Loading, body: '' };
  if (f.domains.length === 0) return { title: t, header: strings.NoDomains, body: '' };
  const mine = state.mine;
  if (mine && mine.items.length > 0) {
    // The user's own items first (the reminder rule); the year's headline follows.
    const year = format(strings.HeadlineBody, f.year, f.totals.realised, f.totals.earlierPlanning, f.totals.overdue);
    return {
      title: t,
      header: format(strings.MineHeadline, mine.overdue, mine.dueSoon),
      body: format(strings.HeadlineBodyWithRisks, f.totals.openHighRisks, year),
      quickViewButton: strings.QuickViewButton
    };
  }
  return {
    title: t,
    header: format(strings.HeadlineHighRisks, f.totals.openHighRisks),
    body: format(strings.HeadlineBody, f.year, f.totals.realised, f.totals.earlierPlanning, f.totals.overdue),
    quickViewButton: strings.QuickViewButton
  };
}

/** Adaptive Card (schema 1.5, the version Viva Connections renders) for the quick view. */
export interface IAdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: unknown[];
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';


/**
 * The totals (each action once) with the per-domain mentions, then the seven (or however
 * many) domains with their counts (an action in two domains counts in both), each with a button that
 * opens the domain card (in Teams or on the cards page, see `linkFor`).
 */
/** How many of the user's own items the quick view names; the rest are counted ("Mijn acties" has them all). */
const MINE_SHOWN: number = 5;

function mineLine(i: MyItem, strings: CardStrings): string {
  const what = i.kind === 'action' ? `${strings.MineAction}: ${cardTitle(i.action) || `#${i.action.id}`}` : `${strings.MineRecommendation}: ${i.recommendation.title}`;
  const date = formatDate(i.kind === 'action' ? i.action.deadline : i.recommendation.deadline, strings.DateLocale);
  return format(i.state === 'overdue' ? strings.MineOverdue : strings.MineDueSoon, what, date);
}

/** The user's own overdue and soon-due items, above the domains. */
function mineSection(mine: IMyFigures, strings: CardStrings, mineUrl: string | undefined): unknown {
  const items: unknown[] = [
    { type: 'TextBlock', text: strings.MineTitle, weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: mine.items.length ? strings.MineIntro : strings.MineNone, wrap: true, isSubtle: true, spacing: 'Small' }
  ];
  for (const i of mine.items.slice(0, MINE_SHOWN)) {
    // The words say what is late ("te laat"); bold instead of a colour the host may not contrast well.
    items.push({ type: 'TextBlock', text: mineLine(i, strings), wrap: true, spacing: 'Small', weight: i.state === 'overdue' ? 'Bolder' : 'Default' });
  }
  if (mine.items.length > MINE_SHOWN) items.push({ type: 'TextBlock', text: format(strings.MineMore, mine.items.length - MINE_SHOWN), wrap: true, spacing: 'Small' });
  if (mine.items.length && mineUrl) items.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: strings.MineOpen, url: mineUrl }] });
  return { type: 'Container', id: 'mine', spacing: 'Medium', items };
}

export function quickViewCard(figures: IFigures, strings: CardStrings, linkFor: (domainKey: string) => string, mine?: IMyFigures, mineUrl?: string): IAdaptiveCard {
  const body: unknown[] = [
    { type: 'TextBlock', text: format(strings.QuickViewTitle, figures.year), size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: format(strings.QuickViewIntro, figures.year), wrap: true, isSubtle: true, spacing: 'Small' },
    {
      type: 'TextBlock',
      id: 'totals',
      text: format(strings.QuickViewTotals, figures.year, figures.totals.realised, figures.domainsWith.realised, figures.mentions.realised, figures.totals.earlierPlanning, figures.mentions.earlierPlanning),
      wrap: true,
      spacing: 'Small'
    },
    {
      type: 'TextBlock',
      id: 'open-recommendations',
      text: format(strings.QuickViewOpenRecommendations, figures.totals.openRecommendations),
      wrap: true,
      spacing: 'Small'
    }
  ];
  // The user's own items first, as on the card.
  if (mine) body.splice(0, 0, mineSection(mine, strings, mineUrl));
  if (figures.domains.length === 0) body.push({ type: 'TextBlock', text: strings.NoDomains, wrap: true });
  for (const d of figures.domains) {
    body.push({
      type: 'Container',
      id: `domain-${d.key}`,
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: d.title, weight: 'Bolder', wrap: true, style: 'heading' },
        {
          type: 'FactSet',
          facts: [
            { title: strings.OpenHighRisksLabel, value: String(d.openHighRisks) },
            { title: format(strings.RealisedLabel, figures.year), value: String(d.realised) },
            { title: strings.EarlierPlanningLabel, value: String(d.earlierPlanning) },
            { title: strings.OverdueLabel, value: String(d.overdue) },
            { title: strings.OpenRecommendationsLabel, value: String(d.openRecommendations) }
          ]
        },
        // A button does not wrap, and a phone leaves it about 280 px: a short label that always fits, under the
        // domain's heading; the tooltip names the domain.
        { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: strings.OpenDomainCard, tooltip: format(strings.OpenDomain, d.title), url: linkFor(d.key) }] }
      ]
    });
  }
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body };
}
