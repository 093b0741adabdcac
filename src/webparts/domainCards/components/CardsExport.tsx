import * as React from 'react';
import * as strings from 'DomainCardsWebPartStrings';
import { ExportButton, IExportFile } from '../../../components/ExportButton';
import { format } from '../../../components/format';
import { IOrgRepository } from '../../../data/IOrgRepository';
import { IAction, IDomain, IDomainReport, IReportData } from '../../../model/types';
import { markTexts, treatmentLabel } from './riskText';
import { idsWithoutTitle } from '../../../model/yearView';
import { statusLabel } from './DetailPanel';

export interface ICardsExportProps {
  repository: IOrgRepository;
  /** The cards on screen, with the filters applied. */
  shown: IDomainReport[];
  domains: IDomain[];
  year: number;
  today: Date;
  /** Every action and the risk settings: the risks' scores and marks. */
  data?: IReportData;
}

/**
 * "Exporteren naar Excel" on the cards: the risks and actions on screen (year and filters
 * applied). The writer loads as its own chunk on the first click; titles of older actions
 * that were only counted are read first.
 */
export function CardsExport(props: ICardsExportProps): JSX.Element {
  const build = async (): Promise<IExportFile> => {
    const lib = await import(/* webpackChunkName: 'xlsx-export' */ '../../../export/index');
    const actions = ([] as IAction[]).concat(...props.shown.map((d) => d.realisationsNew.concat(d.realisationsOlder, d.planningNew, d.planningOlder)));
    const missing = idsWithoutTitle(actions);
    const titles: Record<number, IAction> = {};
    if (missing.length) for (const a of await props.repository.loadActionTitles(missing)) titles[a.id] = a;
    const sheets = lib.cardsSheets(
      props.shown,
      props.domains,
      {
        risksSheet: strings.ExportRisksSheet,
        actionsSheet: strings.ExportActionsSheet,
        domain: strings.ExportDomain,
        domains: strings.ExportDomains,
        risk: strings.ExportRisk,
        action: strings.ExportAction,
        priority: strings.ExportPriority,
        status: strings.ExportStatus,
        source: strings.ExportSource,
        audit: strings.ExportAudit,
        yearIdentified: strings.ExportYearIdentified,
        yearClosed: strings.ExportYearClosed,
        part: strings.ExportPart,
        realisations: strings.ExportRealisations,
        planning: strings.ExportPlanning,
        plannedYear: strings.ExportPlannedYear,
        realisedYear: strings.ExportRealisedYear,
        owner: strings.ExportOwner,
        deadline: strings.ExportDeadline,
        statusText: statusLabel,
        assessment: {
          likelihood: strings.ExportLikelihood,
          impact: strings.ExportImpact,
          score: strings.ExportScore,
          residualLikelihood: strings.ExportResidualLikelihood,
          residualImpact: strings.ExportResidualImpact,
          residualScore: strings.ExportResidualScore,
          treatment: strings.ExportTreatment,
          owner: strings.ExportRiskOwner,
          reviewDate: strings.ExportReviewDate,
          marks: strings.ExportMarks,
          treatmentText: treatmentLabel,
          marksText: markTexts
        }
      },
      titles,
      props.data
    );
    return { name: lib.exportFileName(format(strings.ExportFileName, props.year), props.today), bytes: lib.buildXlsx(sheets), type: lib.XLSX_MIME };
  };
  return <ExportButton text={strings.ExportExcel} busyText={strings.ExportBusy} errorText={strings.ExportFailed} dismissLabel={strings.Dismiss} build={build} />;
}
