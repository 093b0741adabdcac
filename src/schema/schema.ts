/**
 * The lists of the product, declared once. Provisioning (ensureSchema), the local
 * server's forms, the site script and the data layer's field names all derive from here.
 * Changes must stay additive: new lists, new fields, never renames or removals.
 * Keep this file free of non-erasable TypeScript (no enums/namespaces): the local
 * tooling imports it directly.
 */

export const SCHEMA_VERSION: number = 1;

export type FieldType =
  | 'Text'
  | 'Note'
  | 'Number'
  | 'Choice'
  | 'Boolean'
  | 'DateTime'
  | 'User'
  | 'UserMulti'
  | 'Lookup'
  | 'LookupMulti';

export interface IFieldSchema {
  /** ASCII internal name, also the REST property name. */
  internalName: string;
  /** Dutch display name shown in list views and forms. */
  displayName: string;
  type: FieldType;
  description?: string;
  required?: boolean;
  /** Filtered or sorted on by the app: must be indexed to survive the 5,000 item threshold. */
  indexed?: boolean;
  choices?: string[];
  defaultValue?: string;
  /** Note fields: rich text allowed (sanitised before rendering). */
  richText?: boolean;
  /** Number fields. */
  min?: number;
  max?: number;
  /** Lookup fields: the target list key (see IListSchema.key) and shown field. */
  lookupList?: string;
  lookupField?: string;
  /** Text fields: maximum number of characters (SharePoint's default and maximum is 255). */
  maxLength?: number;
  /** Column formatting JSON (CustomFormatter), as a plain object. */
  format?: object;
}

export interface IListValidation {
  /** SharePoint list validation formula, using display names in brackets. */
  formula: string;
  /** Shown to the user when the formula is false. */
  message: string;
}

export interface IListSchema {
  /** Stable key used in code and for lookups between lists. */
  key: string;
  /** The list's title (getByTitle) and the last part of its URL. */
  title: string;
  /** Long Dutch name, shown as the description. */
  description: string;
  /** 100 = generic list, 101 = document library. */
  template: 100 | 101;
  /** Server-relative URL part below the site, e.g. 'Lists/Risicos' or 'Rapporten'. */
  url: string;
  /** Display name of the built-in Title field. */
  titleDisplayName?: string;
  fields: IFieldSchema[];
  validation?: IListValidation;
  /**
   * Item-level permissions (list settings, Advanced): read 1 = all items, 2 = only items the user created;
   * write 1 = all, 2 = only items the user created, 4 = none. Users with Manage Lists or Override List Behaviors
   * are not bound by them.
   */
  itemSecurity?: { read: 1 | 2; write: 1 | 2 | 4 };
}

export const YEAR_MIN: number = 2000;
export const YEAR_MAX: number = 2100;

export const ACTION_STATUSES: string[] = ['Gepland', 'Lopend', 'Gerealiseerd', 'Geschrapt'];
export const RISK_STATUSES: string[] = ['Open', 'Opgevolgd', 'Afgesloten'];
export const RISK_PRIORITIES: string[] = ['Hoog', 'Middel', 'Laag'];
/** How a risk is treated (ISO 31000 wording, in Dutch). */
export const RISK_TREATMENTS: string[] = ['verminderen', 'aanvaarden', 'overdragen', 'vermijden'];
/**
 * Bounds of the likelihood and impact columns. A site's own scale (default 1-5, setting Kansniveaus /
 * Impactniveaus in Instellingen) lies within them; a value above the site's scale is marked by the app.
 */
export const RISK_SCALE_MIN: number = 1;
export const RISK_SCALE_MAX: number = 10;
export const AUDIT_STATUSES: string[] = ['Gepland', 'Lopend', 'Afgerond'];
export const RECOMMENDATION_PRIORITIES: string[] = ['H', 'M', 'L'];
export const RECOMMENDATION_STATUSES: string[] = ['Open', 'In uitvoering', 'Uitgevoerd', 'Niet uitgevoerd'];
/** A maturity round moves forward through these, in this order; 'afgesloten' freezes it. */
export type RoundStatus = 'voorbereiding' | 'scoren' | 'consensus' | 'afgesloten';
export const MATURITY_ROUND_STATUSES: RoundStatus[] = ['voorbereiding', 'scoren', 'consensus', 'afgesloten'];
/** Bounds for any maturity scale; a round's own scale (default 1-5, the seed's) lies within them. */
export const MATURITY_SCALE_MIN: number = 0;
export const MATURITY_SCALE_MAX: number = 10;
/** What an owner reports on an action or recommendation they own. */
export const PROGRESS_STATES: string[] = ['op schema', 'vertraagd', 'uitgevoerd'];
/** The control team's review of a progress report; only an outcome written by the control team counts (model/progress). */
export const REVIEW_OUTCOMES: string[] = ['in afwachting', 'aanvaard', 'geweigerd'];
/** Kinds of reminder messages (model/reminders), one sent-log item per message. */
export const REMINDER_KINDS: string[] = ['overzicht', 'escalatie', 'maandoverzicht'];

/**
 * Status pill formatting. Text is always shown (colour is never the only signal) and
 * the theme slots keep it readable in dark and high-contrast themes.
 */
function pillFormat(colours: Record<string, string>): object {
  const cases = Object.keys(colours);
  let cls: unknown = 'sp-field-severity--blocked';
  for (let i = cases.length - 1; i >= 0; i--) {
    cls = { operator: '?', operands: [{ operator: '==', operands: ['@currentField', cases[i]] }, colours[cases[i]], cls] };
  }
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json',
    elmType: 'div',
    attributes: { class: cls },
    style: { padding: '0 6px', 'border-radius': '2px' },
    txtContent: '@currentField'
  };
}

const yearField = (internalName: string, displayName: string, description: string, indexed: boolean): IFieldSchema => ({
  internalName,
  displayName,
  type: 'Number',
  description,
  indexed,
  min: YEAR_MIN,
  max: YEAR_MAX
});

/** A likelihood or impact column: a whole number on the widest scale a site may use. */
const scoreField = (internalName: string, displayName: string, description: string): IFieldSchema => ({
  internalName,
  displayName,
  type: 'Number',
  description,
  min: RISK_SCALE_MIN,
  max: RISK_SCALE_MAX
});

export const LISTS: IListSchema[] = [
  {
    key: 'domains',
    title: 'Domeinen',
    description: 'Domeinen van organisatiebeheersing (art. 217 Decreet lokaal bestuur)',
    template: 100,
    url: 'Lists/Domeinen',
    titleDisplayName: 'Domein',
    fields: [
      { internalName: 'Volgorde', displayName: 'Volgorde', type: 'Number', required: true, indexed: true, min: 1, max: 99 },
      { internalName: 'Sleutel', displayName: 'Sleutel', type: 'Text', description: 'Korte technische sleutel, bv. organisatiecultuur' },
      { internalName: 'KorteTitel', displayName: 'Korte titel', type: 'Text', description: 'Kort label voor de startpaginawidget' },
      { internalName: 'Criteria', displayName: 'Criteria', type: 'Note', description: 'Waar kijkt dit domein naar (doorlopende tekst)' },
      { internalName: 'CriteriaLijst', displayName: 'Criteria (opsomming)', type: 'Note', description: 'Eén criterium per regel' },
      { internalName: 'DecreetBasis', displayName: 'Basis in het decreet', type: 'Text' },
      { internalName: 'Actief', displayName: 'Actief', type: 'Boolean', defaultValue: '1', indexed: true }
    ]
  },
  {
    key: 'audits',
    title: 'Audits',
    description: 'Interne en externe audits, opvolgaudits en zelfevaluaties',
    template: 100,
    url: 'Lists/Audits',
    titleDisplayName: 'Audit',
    fields: [
      { internalName: 'Sleutel', displayName: 'Sleutel', type: 'Text' },
      { internalName: 'Auditor', displayName: 'Auditor', type: 'Text', description: 'Bv. Audio, Audit Vlaanderen, externe auditor, intern' },
      { internalName: 'Soort', displayName: 'Soort', type: 'Choice', choices: ['intern', 'extern'] },
      { internalName: 'AuditType', displayName: 'Type', type: 'Choice', choices: ['audit', 'opvolgaudit', 'vervolgaudit', 'maturiteitsinschatting', 'zelfevaluatie', 'analyse', 'test', 'keuring', 'aanbeveling'] },
      yearField('Jaar', 'Jaar', 'Jaar van de audit', true),
      { internalName: 'AuditStatus', displayName: 'Status', type: 'Choice', choices: AUDIT_STATUSES, defaultValue: 'Gepland', indexed: true },
      { internalName: 'Sterktes', displayName: 'Sterktes', type: 'Number', min: 0 },
      { internalName: 'Verbeterpunten', displayName: 'Verbeterpunten', type: 'Number', min: 0 },
      { internalName: 'HoogPrioritaireAanbevelingen', displayName: 'Hoog prioritaire aanbevelingen', type: 'Number', min: 0 },
      { internalName: 'Conclusie', displayName: 'Conclusie', type: 'Text' },
      { internalName: 'Toelichting', displayName: 'Toelichting', type: 'Note', richText: true },
      { internalName: 'OpvolgingVan', displayName: 'Opvolging van', type: 'Lookup', lookupList: 'audits', lookupField: 'Title' },
      { internalName: 'Domeinen', displayName: 'Domeinen', type: 'LookupMulti', lookupList: 'domains', lookupField: 'Title' }
    ]
  },
  {
    key: 'risks',
    title: 'Risicos',
    description: "Op te volgen hoge risico's",
    template: 100,
    url: 'Lists/Risicos',
    titleDisplayName: 'Risico',
    fields: [
      { internalName: 'Domein', displayName: 'Domein', type: 'Lookup', lookupList: 'domains', lookupField: 'Title', required: true, indexed: true },
      { internalName: 'Bron', displayName: 'Bron', type: 'Text', description: 'Audit of andere bron die het risico aanbracht' },
      { internalName: 'Audit', displayName: 'Audit', type: 'Lookup', lookupList: 'audits', lookupField: 'Title' },
      {
        internalName: 'Prioriteit', displayName: 'Prioriteit', type: 'Choice', choices: RISK_PRIORITIES, defaultValue: 'Hoog', required: true, indexed: true,
        format: pillFormat({ Hoog: 'sp-field-severity--severeWarning', Middel: 'sp-field-severity--warning', Laag: 'sp-field-severity--good' })
      },
      {
        internalName: 'RisicoStatus', displayName: 'Status', type: 'Choice', choices: RISK_STATUSES, defaultValue: 'Open', required: true, indexed: true,
        format: pillFormat({ Open: 'sp-field-severity--severeWarning', Opgevolgd: 'sp-field-severity--warning', Afgesloten: 'sp-field-severity--good' })
      },
      yearField('JaarVastgesteld', 'Jaar vastgesteld', 'Leeg: vastgesteld vóór de eerste rapportering in deze lijsten', true),
      yearField('JaarAfgesloten', 'Jaar afgesloten', 'Jaar waarin het risico afgesloten werd', true),
      { internalName: 'Toelichting', displayName: 'Toelichting', type: 'Note', richText: true },
      // Added later (additive): the risk assessment (README, "Risico's beoordelen"). Empty: not scored (the 2022 risks).
      scoreField('Kans', 'Kans', 'Inherente kans, op de schaal van de site (Instellingen: Kansniveaus)'),
      scoreField('Impact', 'Impact', 'Inherente impact, op de schaal van de site (Instellingen: Impactniveaus)'),
      scoreField('RestKans', 'Restkans', 'Kans na de beheersmaatregelen'),
      scoreField('RestImpact', 'Restimpact', 'Impact na de beheersmaatregelen'),
      { internalName: 'RisicoEigenaar', displayName: 'Risico-eigenaar', type: 'User' },
      { internalName: 'Herzieningsdatum', displayName: 'Herzieningsdatum', type: 'DateTime', description: 'Wanneer het risico opnieuw beoordeeld wordt' },
      { internalName: 'Behandeling', displayName: 'Behandeling', type: 'Choice', choices: RISK_TREATMENTS },
      { internalName: 'AanvaardDoor', displayName: 'Aanvaard door', type: 'User', description: 'Bij behandeling aanvaarden: wie het risico aanvaardde' },
      { internalName: 'RedenAanvaarding', displayName: 'Reden aanvaarding', type: 'Text', maxLength: 255, description: 'Bij behandeling aanvaarden: waarom (verplicht)' }
    ],
    validation: {
      // A list validation formula cannot use person or multi-line columns: the reason is single-line text for this rule.
      formula:
        '=AND(OR(ISBLANK([Jaar afgesloten]),ISBLANK([Jaar vastgesteld]),[Jaar afgesloten]>=[Jaar vastgesteld]),' +
        'OR([Behandeling]<>"aanvaarden",NOT(ISBLANK([Reden aanvaarding]))))',
      message: 'Het jaar afgesloten kan niet vóór het jaar vastgesteld liggen, en een aanvaard risico vraagt een reden van aanvaarding.'
    }
  },
  {
    key: 'actions',
    title: 'Acties',
    description: 'Realisaties en planning',
    template: 100,
    url: 'Lists/Acties',
    titleDisplayName: 'Actie',
    fields: [
      { internalName: 'KorteTitel', displayName: 'Korte titel', type: 'Text', description: 'Titel op de domeinkaart en in de presentatie, als die afwijkt' },
      { internalName: 'Domeinen', displayName: 'Domeinen', type: 'LookupMulti', lookupList: 'domains', lookupField: 'Title', required: true },
      { internalName: 'Beschrijving', displayName: 'Beschrijving', type: 'Note', richText: true },
      { internalName: 'Onderdelen', displayName: 'Onderdelen', type: 'Note', description: 'Deelacties, één per regel' },
      {
        internalName: 'ActieStatus', displayName: 'Status', type: 'Choice', choices: ACTION_STATUSES, defaultValue: 'Gepland', required: true, indexed: true,
        format: pillFormat({ Gepland: 'sp-field-severity--low', Lopend: 'sp-field-severity--warning', Gerealiseerd: 'sp-field-severity--good', Geschrapt: 'sp-field-severity--blocked' })
      },
      yearField('JaarGepland', 'Jaar gepland', 'Jaar waarin de actie op de planning kwam. Leeg: vóór de eerste rapportering in deze lijsten', true),
      yearField('JaarGerealiseerd', 'Jaar gerealiseerd', 'Leeg zolang niet gerealiseerd (of gerealiseerd vóór de eerste rapportering)', true),
      { internalName: 'Risicos', displayName: "Risico's", type: 'LookupMulti', lookupList: 'risks', lookupField: 'Title' },
      { internalName: 'Audit', displayName: 'Audit', type: 'Lookup', lookupList: 'audits', lookupField: 'Title' },
      { internalName: 'Eigenaar', displayName: 'Eigenaar', type: 'User' },
      { internalName: 'Directie', displayName: 'Directie', type: 'Text' },
      { internalName: 'Afdeling', displayName: 'Afdeling', type: 'Text' },
      { internalName: 'Deadline', displayName: 'Deadline', type: 'DateTime' },
      { internalName: 'Opmerking', displayName: 'Opmerking', type: 'Note' }
    ],
    validation: {
      formula: '=OR(ISBLANK([Jaar gerealiseerd]),ISBLANK([Jaar gepland]),[Jaar gerealiseerd]>=[Jaar gepland])',
      message: 'Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.'
    }
  },
  {
    key: 'recommendations',
    title: 'Aanbevelingen',
    description: 'Aanbevelingen uit audits met hun actieplan en uitvoeringsgraad',
    template: 100,
    url: 'Lists/Aanbevelingen',
    titleDisplayName: 'Aanbeveling',
    fields: [
      { internalName: 'Audit', displayName: 'Audit', type: 'Lookup', lookupList: 'audits', lookupField: 'Title', required: true, indexed: true },
      {
        internalName: 'Prioriteit', displayName: 'Prioriteit', type: 'Choice', choices: RECOMMENDATION_PRIORITIES, defaultValue: 'H', required: true, indexed: true,
        format: pillFormat({ H: 'sp-field-severity--severeWarning', M: 'sp-field-severity--warning', L: 'sp-field-severity--good' })
      },
      { internalName: 'AanbevelingStatus', displayName: 'Status', type: 'Choice', choices: RECOMMENDATION_STATUSES, defaultValue: 'Open', indexed: true },
      { internalName: 'Acties', displayName: 'Acties', type: 'LookupMulti', lookupList: 'actions', lookupField: 'Title' },
      { internalName: 'Uitvoeringsgraad', displayName: 'Uitvoeringsgraad (%)', type: 'Number', min: 0, max: 100 },
      { internalName: 'Eigenaar', displayName: 'Eigenaar', type: 'User', description: 'Wie de aanbeveling opvolgt' },
      { internalName: 'Deadline', displayName: 'Deadline', type: 'DateTime' },
      { internalName: 'Toelichting', displayName: 'Toelichting', type: 'Note', richText: true }
    ]
  },
  {
    key: 'reports',
    title: 'Rapporten',
    description: 'Definitieve voortgangsrapporten organisatiebeheersing',
    template: 101,
    url: 'Rapporten',
    fields: [
      yearField('Rapportjaar', 'Rapportjaar', 'Jaar waarover het rapport gaat', true),
      { internalName: 'Formaat', displayName: 'Formaat', type: 'Choice', choices: ['Word', 'PowerPoint'] },
      { internalName: 'Definitief', displayName: 'Definitief', type: 'Boolean', defaultValue: '0' },
      // Added later (additive): the three files of a year's final report share it; an interrupted run is recognised by it.
      { internalName: 'Finalisatie', displayName: 'Finalisatie', type: 'Text', description: 'Kenmerk van de definitief-making die dit bestand schreef' }
    ]
  },
  {
    // Decisions of the control team that every surface follows (src/model/settings): one item per setting.
    key: 'settings',
    title: 'Instellingen',
    description: 'Instellingen organisatiebeheersing (rapportjaar, organisatie), beheerd door het controleteam',
    template: 100,
    url: 'Lists/Instellingen',
    titleDisplayName: 'Instelling',
    fields: [{ internalName: 'Waarde', displayName: 'Waarde', type: 'Text', maxLength: 255 }]
  },
  {
    key: 'maturityThemes',
    title: 'MaturiteitThemas',
    description: "Thema's van de leidraad organisatiebeheersing (Audit Vlaanderen), hoofdstukken 0-10",
    template: 100,
    url: 'Lists/MaturiteitThemas',
    titleDisplayName: 'Thema',
    fields: [
      { internalName: 'Nummer', displayName: 'Nummer', type: 'Number', required: true, indexed: true, min: 0, max: 99, description: 'Hoofdstuk van de leidraad' },
      { internalName: 'Sleutel', displayName: 'Sleutel', type: 'Text' },
      { internalName: 'Domein', displayName: 'Domein', type: 'Lookup', lookupList: 'domains', lookupField: 'Title', description: 'Domein van verbeteracties uit dit thema' },
      { internalName: 'Doelniveau', displayName: 'Doelniveau', type: 'Number', min: MATURITY_SCALE_MIN, max: MATURITY_SCALE_MAX, description: 'Het niveau dat de organisatie voor dit thema nastreeft (leeg: geen doel)' }
    ]
  },
  {
    key: 'maturityObjectives',
    title: 'MaturiteitDoelstellingen',
    description: 'Doelstellingen per thema, ingevoerd door de organisatie (import uit CSV of Excel)',
    template: 100,
    url: 'Lists/MaturiteitDoelstellingen',
    titleDisplayName: 'Doelstelling',
    fields: [
      { internalName: 'Thema', displayName: 'Thema', type: 'Lookup', lookupList: 'maturityThemes', lookupField: 'Title', required: true, indexed: true },
      { internalName: 'Code', displayName: 'Code', type: 'Text', required: true, indexed: true, description: 'Bv. 1.1' },
      { internalName: 'Tekst', displayName: 'Tekst', type: 'Note', description: 'De volledige tekst van de doelstelling' },
      { internalName: 'Volgorde', displayName: 'Volgorde', type: 'Number', min: 0 },
      { internalName: 'Doelniveau', displayName: 'Doelniveau', type: 'Number', min: MATURITY_SCALE_MIN, max: MATURITY_SCALE_MAX, description: 'Het niveau dat de organisatie voor deze doelstelling nastreeft (leeg: dat van het thema)' }
    ]
  },
  {
    key: 'maturityRounds',
    title: 'MaturiteitRondes',
    description: 'Rondes van de maturiteitsinschatting',
    template: 100,
    url: 'Lists/MaturiteitRondes',
    titleDisplayName: 'Ronde',
    fields: [
      yearField('Jaar', 'Jaar', 'Jaar van de inschatting', true),
      { internalName: 'Themas', displayName: "Thema's", type: 'LookupMulti', lookupList: 'maturityThemes', lookupField: 'Title' },
      {
        internalName: 'RondeStatus', displayName: 'Status', type: 'Choice', choices: MATURITY_ROUND_STATUSES, defaultValue: 'voorbereiding', required: true, indexed: true,
        format: pillFormat({ voorbereiding: 'sp-field-severity--low', scoren: 'sp-field-severity--warning', consensus: 'sp-field-severity--warning', afgesloten: 'sp-field-severity--good' })
      },
      { internalName: 'SchaalMin', displayName: 'Schaal van', type: 'Number', defaultValue: '1', min: MATURITY_SCALE_MIN, max: MATURITY_SCALE_MAX },
      { internalName: 'SchaalMax', displayName: 'Schaal tot', type: 'Number', defaultValue: '5', min: MATURITY_SCALE_MIN, max: MATURITY_SCALE_MAX },
      { internalName: 'Niveaus', displayName: 'Niveaus', type: 'Note', description: 'Omschrijving van de niveaus van de schaal, één per regel, van laag naar hoog' },
      { internalName: 'Beoordelaars', displayName: 'Beoordelaars', type: 'UserMulti', description: 'Wie scoort in deze ronde' },
      { internalName: 'Facilitator', displayName: 'Facilitator', type: 'User', description: 'Legt de consensus vast' },
      { internalName: 'Toelichting', displayName: 'Toelichting', type: 'Note' }
    ],
    validation: {
      formula: '=OR(ISBLANK([Schaal van]),ISBLANK([Schaal tot]),[Schaal tot]>[Schaal van])',
      message: 'De schaal moet van een lager naar een hoger getal lopen.'
    }
  },
  {
    key: 'maturityScores',
    title: 'MaturiteitScores',
    description: 'Individuele scores van de beoordelaars (één per beoordelaar en doelstelling)',
    template: 100,
    url: 'Lists/MaturiteitScores',
    // Each rater reads and changes only their own scores; the facilitator sees all (README, Permission model).
    itemSecurity: { read: 2, write: 2 },
    fields: [
      { internalName: 'Ronde', displayName: 'Ronde', type: 'Lookup', lookupList: 'maturityRounds', lookupField: 'Title', required: true, indexed: true },
      { internalName: 'Thema', displayName: 'Thema', type: 'Lookup', lookupList: 'maturityThemes', lookupField: 'Title', required: true, indexed: true },
      { internalName: 'Doelstelling', displayName: 'Doelstelling', type: 'Lookup', lookupList: 'maturityObjectives', lookupField: 'Title', indexed: true, description: 'Leeg: score voor het thema als geheel' },
      { internalName: 'Beoordelaar', displayName: 'Beoordelaar', type: 'User', required: true, indexed: true },
      { internalName: 'Score', displayName: 'Score', type: 'Number', required: true, min: MATURITY_SCALE_MIN, max: MATURITY_SCALE_MAX },
      { internalName: 'Opmerking', displayName: 'Opmerking', type: 'Note' }
    ]
  },
  {
    key: 'maturityConsensus',
    title: 'MaturiteitConsensus',
    description: 'Consensusscores per ronde en doelstelling, met verbeteracties',
    template: 100,
    url: 'Lists/MaturiteitConsensus',
    fields: [
      { internalName: 'Ronde', displayName: 'Ronde', type: 'Lookup', lookupList: 'maturityRounds', lookupField: 'Title', required: true, indexed: true },
      { internalName: 'Thema', displayName: 'Thema', type: 'Lookup', lookupList: 'maturityThemes', lookupField: 'Title', required: true, indexed: true },
      { internalName: 'Doelstelling', displayName: 'Doelstelling', type: 'Lookup', lookupList: 'maturityObjectives', lookupField: 'Title', indexed: true, description: 'Leeg: consensus voor het thema als geheel' },
      { internalName: 'Score', displayName: 'Score', type: 'Number', required: true, min: MATURITY_SCALE_MIN, max: MATURITY_SCALE_MAX },
      { internalName: 'Opmerking', displayName: 'Opmerking', type: 'Note' },
      { internalName: 'Acties', displayName: 'Verbeteracties', type: 'LookupMulti', lookupList: 'actions', lookupField: 'Title' }
    ]
  },
  // Added later (additive): owners report progress, the control team reviews (README, "Voortgang en herinneringen").
  {
    key: 'progressReports',
    title: 'Voortgangsmeldingen',
    description: 'Voortgang gemeld door de eigenaars van acties en aanbevelingen; het controleteam beoordeelt ze',
    template: 100,
    url: 'Lists/Voortgangsmeldingen',
    titleDisplayName: 'Melding',
    // Everyone reads the reports; each owner edits only their own (reviewers override it, src/data/progressAccess.ts).
    itemSecurity: { read: 1, write: 2 },
    fields: [
      { internalName: 'Actie', displayName: 'Actie', type: 'Lookup', lookupList: 'actions', lookupField: 'Title', indexed: true },
      { internalName: 'Aanbeveling', displayName: 'Aanbeveling', type: 'Lookup', lookupList: 'recommendations', lookupField: 'Title', indexed: true },
      { internalName: 'Voortgang', displayName: 'Voortgang', type: 'Choice', choices: PROGRESS_STATES, required: true },
      { internalName: 'Commentaar', displayName: 'Commentaar', type: 'Note' },
      { internalName: 'VoorgesteldeDeadline', displayName: 'Voorgestelde deadline', type: 'DateTime' },
      { internalName: 'Bewijs', displayName: 'Bewijs (link)', type: 'Text', description: 'https-link of link binnen SharePoint' },
      {
        internalName: 'Beoordeling', displayName: 'Beoordeling', type: 'Choice', choices: REVIEW_OUTCOMES, defaultValue: 'in afwachting', indexed: true,
        description: 'Alleen het controleteam beoordeelt; een beoordeling door iemand anders telt niet'
      },
      { internalName: 'Reden', displayName: 'Reden van weigering', type: 'Note' }
    ]
  },
  {
    key: 'reminderLog',
    title: 'Herinneringen',
    description: 'Verzonden herinneringen (npm run reminders): niemand krijgt dezelfde herinnering twee keer',
    template: 100,
    url: 'Lists/Herinneringen',
    titleDisplayName: 'Sleutel',
    fields: [
      { internalName: 'Periode', displayName: 'Periode', type: 'Text', required: true, indexed: true, description: 'Week (2026-W49) of maand (2026-12)' },
      { internalName: 'Soort', displayName: 'Soort', type: 'Choice', choices: REMINDER_KINDS },
      { internalName: 'Ontvanger', displayName: 'Ontvanger', type: 'Text' },
      { internalName: 'Verzendstatus', displayName: 'Verzendstatus', type: 'Choice', choices: ['bezig', 'verzonden', 'overgeslagen'], indexed: true },
      { internalName: 'Onderwerp', displayName: 'Onderwerp', type: 'Text' }
    ]
  }
];

export function getList(key: string): IListSchema {
  const list = LISTS.filter((l) => l.key === key)[0];
  if (!list) {
    throw new Error(`Unknown list key '${key}'`);
  }
  return list;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The CAML field definition SharePoint's createFieldAsXml accepts.
 * lookupListId is the GUID of the target list (required for lookups).
 */
export function fieldSchemaXml(field: IFieldSchema, lookupListId?: string): string {
  const attrs: string[] = [
    `Type="${field.type}"`,
    `Name="${field.internalName}"`,
    `StaticName="${field.internalName}"`,
    `DisplayName="${escapeXml(field.displayName)}"`
  ];
  if (field.description) attrs.push(`Description="${escapeXml(field.description)}"`);
  if (field.required) attrs.push('Required="TRUE"');
  if (field.indexed) attrs.push('Indexed="TRUE"');
  if (field.type === 'Number') {
    attrs.push('Decimals="0"');
    if (field.min !== undefined) attrs.push(`Min="${field.min}"`);
    if (field.max !== undefined) attrs.push(`Max="${field.max}"`);
  }
  if (field.type === 'Text' && field.maxLength !== undefined) attrs.push(`MaxLength="${field.maxLength}"`);
  if (field.type === 'Note') {
    attrs.push(`RichText="${field.richText ? 'TRUE' : 'FALSE'}"`, 'NumLines="6"');
    if (field.richText) attrs.push('RichTextMode="FullHtml"');
  }
  if (field.type === 'Lookup' || field.type === 'LookupMulti') {
    if (!lookupListId) throw new Error(`Lookup field ${field.internalName} needs the id of list '${field.lookupList}'`);
    attrs.push(`List="{${lookupListId.replace(/[{}]/g, '')}}"`, `ShowField="${field.lookupField || 'Title'}"`);
    if (field.type === 'LookupMulti') attrs.push('Mult="TRUE"');
  }
  if (field.type === 'User' || field.type === 'UserMulti') attrs.push('UserSelectionMode="PeopleOnly"');
  if (field.type === 'UserMulti') attrs.push('Mult="TRUE"');
  if (field.type === 'DateTime') attrs.push('Format="DateOnly"');
  if (field.format) attrs.push(`CustomFormatter="${escapeXml(JSON.stringify(field.format))}"`);
  let inner = '';
  if (field.choices) {
    inner += `<CHOICES>${field.choices.map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('')}</CHOICES>`;
  }
  if (field.defaultValue !== undefined) inner += `<Default>${escapeXml(field.defaultValue)}</Default>`;
  return `<Field ${attrs.join(' ')}>${inner}</Field>`;
}

/** Fields every SharePoint list item has (read-only or set by SharePoint), by internal name. */
export const BUILTIN_ITEM_FIELDS: string[] = ['Id', 'ID', 'Title', 'Created', 'Modified', 'Author', 'Editor', 'AuthorId', 'EditorId', 'OData__UIVersionString'];
/** Fields every document library item also has. */
export const BUILTIN_FILE_FIELDS: string[] = ['FileLeafRef', 'FileRef', 'File_x0020_Type', 'FSObjType'];
