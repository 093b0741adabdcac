import {
  ACTION_CARD_EXPAND, ACTION_CARD_SELECT, ACTION_COUNT_LINKS_SELECT, ACTION_COUNT_SELECT, ACTION_EXPAND, ACTION_SELECT, AUDIT_EXPAND, AUDIT_SELECT, AUDIT_SHORT_SELECT, DOMAIN_SELECT,
  DOMAIN_SHORT_SELECT, RECOMMENDATION_EXPAND, RECOMMENDATION_SELECT, RECOMMENDATION_SHORT_SELECT, RISK_CARD_SELECT, RISK_COUNT_SELECT, RISK_EXPAND, RISK_SELECT
} from './mapping';
import {
  CONSENSUS_EXPAND, CONSENSUS_SELECT, OBJECTIVE_SELECT, ROUND_EXPAND, ROUND_SELECT, SCORE_EXPAND, SCORE_META_SELECT, SCORE_SELECT, THEME_SELECT
} from './maturityMapping';

/** One list item read: which schema list, which fields, which lookups expanded. */
export interface IItemQuery {
  /** Schema list key (src/schema). */
  list: string;
  select: string[];
  expand: string[];
}

/**
 * Every list item $select of the data layer, in one place, so a test can check each
 * field against the schema: SharePoint Online answers 400 to a $select of a field
 * that does not exist, and to a lookup projection whose lookup is not expanded.
 */
export const ITEM_QUERIES = {
  domains: { list: 'domains', select: DOMAIN_SELECT, expand: [] },
  risks: { list: 'risks', select: RISK_SELECT, expand: RISK_EXPAND },
  actions: { list: 'actions', select: ACTION_SELECT, expand: ACTION_EXPAND },
  audits: { list: 'audits', select: AUDIT_SELECT, expand: AUDIT_EXPAND },
  recommendations: { list: 'recommendations', select: RECOMMENDATION_SELECT, expand: RECOMMENDATION_EXPAND },
  reports: { list: 'reports', select: ['Id', 'FileLeafRef', 'FileRef', 'Rapportjaar', 'Formaat', 'Definitief', 'Finalisatie', 'Modified'], expand: [] },
  importDomains: { list: 'domains', select: ['Id', 'Title', 'Sleutel'], expand: [] },
  importAudits: { list: 'audits', select: ['Id', 'Title', 'Sleutel'], expand: [] },
  importRisks: { list: 'risks', select: ['Id', 'Title', 'DomeinId'], expand: [] },
  importRecommendations: { list: 'recommendations', select: ['Id', 'Title', 'AuditId'], expand: [] },
  importActions: { list: 'actions', select: ['Id', 'Title', 'ActieStatus', 'JaarGepland', 'JaarGerealiseerd'], expand: [] },
  maturityThemes: { list: 'maturityThemes', select: THEME_SELECT, expand: [] },
  maturityObjectives: { list: 'maturityObjectives', select: OBJECTIVE_SELECT, expand: [] },
  maturityRounds: { list: 'maturityRounds', select: ROUND_SELECT, expand: ROUND_EXPAND },
  maturityRoundStatus: { list: 'maturityRounds', select: ['Id', 'RondeStatus'], expand: [] },
  // Who may write scores now: the raters of the rounds in "scoren" (src/data/maturityAccess.ts).
  maturityRoundRaters: { list: 'maturityRounds', select: ['Id', 'RondeStatus', 'BeoordelaarsId'], expand: [] },
  maturityScoresMeta: { list: 'maturityScores', select: SCORE_META_SELECT, expand: SCORE_EXPAND },
  maturityScores: { list: 'maturityScores', select: SCORE_SELECT, expand: SCORE_EXPAND },
  maturityConsensus: { list: 'maturityConsensus', select: CONSENSUS_SELECT, expand: CONSENSUS_EXPAND },
  maturityDomains: { list: 'domains', select: ['Id', 'Title', 'Volgorde', 'Actief'], expand: [] },
  importMaturityRounds: { list: 'maturityRounds', select: ['Id', 'Title', 'Jaar'], expand: [] },
  // The year view of the cards and the widget (src/data/yearLoad.ts): short fields only.
  cardRisks: { list: 'risks', select: RISK_CARD_SELECT, expand: RISK_EXPAND },
  cardActions: { list: 'actions', select: ACTION_CARD_SELECT, expand: ACTION_CARD_EXPAND },
  countActions: { list: 'actions', select: ACTION_COUNT_SELECT, expand: [] },
  // The cards' count rows: also the risks each action treats (src/model/risks).
  cardCountActions: { list: 'actions', select: ACTION_COUNT_LINKS_SELECT, expand: [] },
  lastActionId: { list: 'actions', select: ['Id'], expand: [] },
  // The import's undo (src/data/importRun.ts): the highest id before the run, titles of what it added. Every list has both.
  importIds: { list: 'actions', select: ['Id'], expand: [] },
  importIdsAndTitles: { list: 'actions', select: ['Id', 'Title'], expand: [] },
  shortAudits: { list: 'audits', select: AUDIT_SHORT_SELECT, expand: [] },
  shortRecommendations: { list: 'recommendations', select: RECOMMENDATION_SHORT_SELECT, expand: [] },
  summaryDomains: { list: 'domains', select: DOMAIN_SHORT_SELECT, expand: [] },
  countRisks: { list: 'risks', select: RISK_COUNT_SELECT, expand: [] },
  // The Viva card's own items (src/data/summarySource.ts): the names of the user's due and overdue actions.
  mineActions: { list: 'actions', select: ['Id', 'Title', 'KorteTitel'], expand: [] },
  // Progress reports of owners (src/data/progress.ts) and the reminders' sent-log (tools/data/reminders.ts).
  progressReports: {
    list: 'progressReports',
    select: ['Id', 'Title', 'ActieId', 'AanbevelingId', 'Voortgang', 'Commentaar', 'VoorgesteldeDeadline', 'Bewijs', 'Beoordeling', 'Reden', 'AuthorId', 'EditorId', 'Author/Title', 'Editor/Title', 'Created', 'Modified'],
    expand: ['Author', 'Editor']
  },
  reminderLog: { list: 'reminderLog', select: ['Id', 'Title', 'Periode', 'Soort', 'Ontvanger', 'Verzendstatus'], expand: [] },
  // Owners and deadlines for many items (src/data/ownerAssignment.ts): what is checked just before each write.
  assignActions: { list: 'actions', select: ['Id', 'Title', 'JaarGepland', 'Modified'], expand: [] },
  assignRecommendations: { list: 'recommendations', select: ['Id', 'Title', 'Modified'], expand: [] }
} satisfies Record<string, IItemQuery>;
