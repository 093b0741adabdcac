/** Options and small shared helpers of the council report (Word note and slide deck). */

export type ReportFormat = 'docx' | 'pptx';

export interface IReportOptions {
  /** Name of the organisation on the title page, e.g. "Stad Mechelen". */
  organisation: string;
  /**
   * The "Algemeen" text (editable setting). Paragraphs are separated by a blank line;
   * lines starting with •, – or "N." become list items. `{organisatie}` is replaced by
   * the organisation name. Default: DEFAULT_INTRO.
   */
  intro?: string;
  /** Date printed on the title page. Default: now. */
  generatedOn?: Date;
}

/**
 * Default "Algemeen" text: the decree basis (Decreet lokaal bestuur art. 217-220),
 * worded as in the city's own 2022 note. Callers may override it with `intro`.
 */
export const DEFAULT_INTRO: string = [
  'De decretale bepalingen betreffende organisatiebeheersing dienen als uitgangspunt van deze rapportering. ' +
    'De algemeen directeur staat in voor het organisatiebeheersingssysteem, overeenkomstig artikel 217 tot en met 220 ' +
    'in hoofdstuk 5 van het decreet lokaal bestuur.',
  'In artikel 217 wordt uitgelegd wat er verstaan wordt onder organisatiebeheersing: "Organisatiebeheersing is het ' +
    'geheel van maatregelen en procedures die ontworpen zijn om een redelijke zekerheid te verschaffen dat men:\n' +
    '1. de vastgelegde doelstellingen bereikt en de risico\'s om deze te bereiken kent en beheerst;\n' +
    '2. wetgeving en procedures naleeft;\n' +
    '3. over betrouwbare financiële en beheersrapportering beschikt;\n' +
    '4. op een effectieve en efficiënte wijze werkt en de beschikbare middelen economisch inzet;\n' +
    '5. de activa beschermt en fraude voorkomt."',
  'Over het organisatiebeheersingssysteem wordt jaarlijks gerapporteerd aan de gemeenteraad (artikel 219 en 220). ' +
    'In dit voortgangsrapport zijn de hoge risico\'s, realisaties en geplande acties van zowel de interne als de externe ' +
    'audits opgenomen. Daarnaast kijken we naar lopende en afgeronde projecten binnen {organisatie} die gelinkt zijn ' +
    'aan een van de domeinen.'
].join('\n\n');

const MONTHS_NL: string[] = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december'
];

/** "23 november 2026". */
export function formatDutchDate(date: Date): string {
  return `${date.getDate()} ${MONTHS_NL[date.getMonth()]} ${date.getFullYear()}`;
}

/** "Voortgangsrapport organisatiebeheersing 2022". */
export function reportTitle(year: number): string {
  return `Voortgangsrapport organisatiebeheersing ${year}`;
}

/** File name of a generated report, e.g. "Voortgangsrapport organisatiebeheersing 2022.docx". */
export function reportFileName(year: number, format: ReportFormat): string {
  return `${reportTitle(year)}.${format}`;
}

/** The intro text with `{organisatie}` filled in. */
export function introText(options: IReportOptions): string {
  const intro = options.intro !== undefined && options.intro.trim() ? options.intro : DEFAULT_INTRO;
  return intro.split('{organisatie}').join(options.organisation);
}
