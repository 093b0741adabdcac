/**
 * What the card and its quick view say, as plain data and Adaptive Card JSON. Pure, so the
 * SPFx views, the local workbench (rendered with the `adaptivecards` package) and the tests
 * all use the same content.
 */
import { ICardFigures } from '../../model/cardFigures';
import { format } from '../../components/format';
import { shorten } from '../../model/text';

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
  | 'OverdueLabel'
  | 'OpenDomain'
>;

export interface ICardState {
  status: 'loading' | 'error' | 'ready';
  figures?: ICardFigures;
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
  return {
    title: t,
    header: format(strings.HeadlineHighRisks, f.openHighRisks),
    body: format(strings.HeadlineBody, f.year, f.realisedThisYear, f.overdue),
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

/** A button does not wrap: a long domain title is cut there (the heading above it shows all of it). */
const BUTTON_TITLE_MAX: number = 40;

/**
 * The seven (or however many) domains with their three counts, each with a button that
 * opens the domain card (in Teams or on the cards page, see `linkFor`).
 */
export function quickViewCard(figures: ICardFigures, strings: CardStrings, linkFor: (domainKey: string) => string): IAdaptiveCard {
  const body: unknown[] = [
    { type: 'TextBlock', text: format(strings.QuickViewTitle, figures.year), size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: format(strings.QuickViewIntro, figures.year), wrap: true, isSubtle: true, spacing: 'Small' }
  ];
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
            { title: format(strings.RealisedLabel, figures.year), value: String(d.realisedThisYear) },
            { title: strings.OverdueLabel, value: String(d.overdue) }
          ]
        },
        { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: format(strings.OpenDomain, shorten(d.shortTitle, BUTTON_TITLE_MAX)), url: linkFor(d.key) }] }
      ]
    });
  }
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body };
}
