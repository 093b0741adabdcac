/**
 * The council report: the Word note and the slide deck for a report year.
 * Load this module with a dynamic import (`await import('../report')`) so docx and
 * pptxgenjs stay out of the web parts' main bundle; nothing else in src imports it.
 */
export { DEFAULT_INTRO, formatDutchDate, introText, IReportOptions, ReportFormat, reportFileName, reportTitle } from './options';
export { buildWordReport, createWordDocument } from './docx';
export { buildSlideDeck, createSlideDeck, NEW_MARKER } from './pptx';
