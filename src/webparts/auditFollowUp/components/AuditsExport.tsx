import * as React from 'react';
import * as strings from 'AuditFollowUpWebPartStrings';
import { ExportButton, IExportFile } from '../../../components/ExportButton';
import { IAudit, IReportData } from '../../../model/types';
import { kindLabel, statusLabel } from './labels';

export interface IAuditsExportProps {
  /** The audits on screen, with the filters applied. */
  audits: IAudit[];
  data: IReportData;
  today: Date;
}

/**
 * "Exporteren naar Excel" on the audits page: the audits on screen with their execution rate,
 * and their recommendations with their state. The writer loads as its own chunk on the first click.
 */
export function AuditsExport(props: IAuditsExportProps): JSX.Element {
  const build = async (): Promise<IExportFile> => {
    const lib = await import(/* webpackChunkName: 'xlsx-export' */ '../../../export/index');
    const sheets = lib.auditsSheets(
      props.audits,
      props.data,
      {
        auditsSheet: strings.ExportAuditsSheet,
        recommendationsSheet: strings.ExportRecommendationsSheet,
        audit: strings.ExportAudit,
        year: strings.ExportYear,
        auditor: strings.ExportAuditor,
        kind: strings.ExportKind,
        type: strings.ExportType,
        status: strings.ExportStatus,
        strengths: strings.ExportStrengths,
        improvements: strings.ExportImprovements,
        highRecommendations: strings.ExportHighRecommendations,
        carriedOut: strings.ExportCarriedOut,
        total: strings.ExportTotal,
        rate: strings.ExportRate,
        recommendation: strings.ExportRecommendation,
        priority: strings.ExportPriority,
        owner: strings.ExportOwner,
        deadline: strings.ExportDeadline,
        deadlineState: strings.ExportDeadlineState,
        actions: strings.ExportActions,
        statusText: statusLabel,
        kindText: kindLabel,
        deadlineStateText: (s) => (s === 'overdue' ? strings.ExportOverdue : s === 'dueSoon' ? strings.ExportDueSoon : ''),
        notStated: strings.NotStated
      },
      props.today
    );
    return { name: lib.exportFileName(strings.ExportFileName, props.today), bytes: lib.buildXlsx(sheets), type: lib.XLSX_MIME };
  };
  return <ExportButton text={strings.ExportExcel} busyText={strings.ExportBusy} errorText={strings.ExportFailed} dismissLabel={strings.ExportDismiss} build={build} />;
}
