import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Link } from '@fluentui/react/lib/Link';
import { Stack } from '@fluentui/react/lib/Stack';
import { ITheme } from '@fluentui/react/lib/Styling';
import * as strings from 'DomainCardsWebPartStrings';
import { IOrgRepository, IReportFile, IStoredReport, ReportExistsError } from '../../../data/IOrgRepository';
import { sharePointMessage } from '../../../data/errors';
import { IReportData } from '../../../model/types';
import { Text } from '@fluentui/react/lib/Text';
import { buildReport } from '../../../model/report';
import { maturityReportSection } from '../../../model/maturity';
import { format } from '../../../components/format';
import { safeUrl } from '../../../model/links';
import { saveFile } from '../../../components/download';

export interface IReportActionsProps {
  repository: IOrgRepository;
  reportYear: number;
  canEdit: boolean;
  /** May add documents to the Rapporten library (checked on the library): shows "Definitief maken". */
  canFinalise?: boolean;
  theme?: ITheme;
  /** Organisation name on the report; empty: the data site's title. */
  organisation?: string;
  intro?: string;
  /**
   * Given when the year shown is the decided reporting year and the user may finalise: once
   * its report is final, "Start rapportjaar <Y+1>" moves every surface on (list Instellingen).
   */
  onStartNextYear?: (year: number) => void;
}

type Kind = 'docx' | 'pptx';

/** The report code (docx, pptxgenjs) is loaded only when someone asks for a report. */
async function generate(repository: IOrgRepository, data: IReportData, year: number, kind: Kind, organisation: string, intro?: string): Promise<{ name: string; bytes: Uint8Array }> {
  const lib = await import(/* webpackChunkName: 'report' */ '../../../report/index');
  const report = buildReport(data, year);
  // The maturity section: the lists may not exist yet on an older site (then the section is left out).
  if (repository.loadMaturityResults) {
    const maturity = await repository.loadMaturityResults().catch(() => undefined);
    if (maturity) report.maturity = maturityReportSection(maturity, year);
  }
  const options = { organisation, intro };
  const bytes = kind === 'docx' ? await lib.buildWordReport(report, options) : await lib.buildSlideDeck(report, options);
  return { name: lib.reportFileName(year, kind), bytes };
}

const MIME: Record<Kind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
};

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

const CELL: React.CSSProperties = { textAlign: 'left', padding: '2px 8px', borderBottom: '1px solid #c8c6c4' };

interface IPreview {
  data: IReportData;
  existing: IStoredReport[];
  /** Someone else finalised while this user was looking. */
  raced: boolean;
}

/**
 * "Rapport maken" (Word, PowerPoint), "Definitief maken" for those who may add to the Rapporten
 * library, and links to the year's final reports. Finalising always reads fresh data first and
 * shows what will be frozen before the user confirms; a failed read stops it.
 */
export function ReportActions(props: IReportActionsProps): JSX.Element {
  const { repository, reportYear } = props;
  const [busy, setBusy] = React.useState<string | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  const [preview, setPreview] = React.useState<IPreview | undefined>(undefined);
  const [stored, setStored] = React.useState<IStoredReport[]>([]);
  const [repaired, setRepaired] = React.useState<string | undefined>(undefined);

  const refreshStored = React.useCallback((): void => {
    repository
      .getStoredReports()
      .then((r) => setStored(r))
      .catch(() => setStored([]));
  }, [repository]);

  /** Removes or finishes what an interrupted finalisation left; says so quietly when it did anything. */
  const repair = React.useCallback(
    async (onlyIfSeen: boolean): Promise<boolean> => {
      if (!repository.repairFinalisations) return false;
      const r = await repository.repairFinalisations(onlyIfSeen);
      const text = r.completedYears
        .map((y) => format(strings.FinaliseRepairedCompleted, String(y)))
        .concat(r.removed > 0 ? [format(strings.FinaliseRepairedRemoved, String(r.removed))] : []);
      if (text.length > 0) setRepaired(text.join(' '));
      return text.length > 0;
    },
    [repository]
  );

  React.useEffect(() => {
    let live = true;
    repository
      .getStoredReports()
      .then(async (r) => {
        if (live) setStored(r);
        if (!props.canFinalise) return;
        // The cards on load, for whoever may finalise: clean up after an interrupted run (no request when the
        // library as read shows none). Quiet on failure: "Definitief maken" repairs first anyway.
        const did = await repair(true).catch(() => false);
        if (did && live) setStored(await repository.getStoredReports());
      })
      .catch(() => {
        if (live) setStored([]);
      });
    return () => {
      live = false;
    };
  }, [repository, props.canFinalise, repair]);

  // One setting of the data site (list Instellingen, set by npm run deploy and the property pane);
  // a value only in this page's properties (set before the setting existed) next; else the site's title.
  const organisationName = async (): Promise<string> => {
    const settings = repository.getSettings ? await repository.getSettings().catch(() => ({ organisation: undefined })) : {};
    return settings.organisation || props.organisation || (await repository.getSiteTitle());
  };

  const run = (label: string, task: () => Promise<void>, failure: string): void => {
    setBusy(label);
    setError(undefined);
    setDone(undefined);
    task()
      .catch((e: Error) => setError(`${failure} ${sharePointMessage(e) || ''}`.trim()))
      .then(() => setBusy(undefined))
      .catch(() => undefined);
  };

  const make = (kind: Kind): void =>
    run(
      strings.ReportBusy,
      async () => {
        const data = repository.getCached() || (await repository.loadReportData());
        const file = await generate(repository, data, reportYear, kind, await organisationName(), props.intro);
        saveFile(file.name, file.bytes, MIME[kind]);
      },
      strings.ReportFailed
    );

  const startFinalise = (): void =>
    run(
      strings.FinaliseReading,
      async () => {
        // First what an interrupted finalisation left, so the preview says truly whether this replaces a report.
        await repair(false);
        // Never what this browser cached: the report must be what the lists say now.
        const [data, all] = await Promise.all([repository.loadReportData(), repository.getStoredReports()]);
        setPreview({ data, existing: all.filter((r) => r.year === reportYear), raced: false });
      },
      strings.FinaliseReadFailed
    );

  const confirmFinalise = (): void => {
    const p = preview;
    if (!p) return;
    setPreview(undefined);
    run(
      strings.ReportBusy,
      async () => {
        const organisation = await organisationName();
        const word = await generate(repository, p.data, reportYear, 'docx', organisation, props.intro);
        const deck = await generate(repository, p.data, reportYear, 'pptx', organisation, props.intro);
        const snapshot = JSON.stringify({ year: reportYear, organisation, finalisedAt: new Date().toISOString(), data: p.data });
        const files: IReportFile[] = [
          { name: word.name, format: 'Word', content: buffer(word.bytes) },
          { name: deck.name, format: 'PowerPoint', content: buffer(deck.bytes) },
          { name: word.name.replace(/\.docx$/i, '') + ' - gegevens.json', format: 'Gegevens', content: buffer(new TextEncoder().encode(snapshot)) }
        ];
        try {
          await repository.finaliseReport(reportYear, files, p.existing.length > 0);
        } catch (e) {
          if (e instanceof ReportExistsError) {
            // Never overwrite someone else's final report silently: ask again, showing theirs.
            setPreview({ data: p.data, existing: e.existing, raced: true });
            return;
          }
          throw e;
        }
        setDone(format(strings.FinaliseDone, String(reportYear)));
        refreshStored();
      },
      strings.FinaliseFailed
    );
  };

  const startNextYear = (): void =>
    run(
      format(strings.StartNextYear, String(reportYear + 1)),
      async () => {
        if (!repository.setReportYear) return;
        await repository.setReportYear(reportYear + 1);
        if (props.onStartNextYear) props.onStartNextYear(reportYear + 1);
        setDone(format(strings.StartNextYearDone, String(reportYear + 1)));
      },
      strings.StartNextYearFailed
    );

  const finals = stored.filter((r) => r.year === reportYear && r.format !== 'Gegevens');
  const report = preview ? buildReport(preview.data, reportYear) : undefined;
  const lastStored = preview && preview.existing.length ? preview.existing.map((r) => r.modified || '').sort().pop() || '' : '';
  return (
    <Stack tokens={{ childrenGap: 8 }} aria-label={strings.MakeReport}>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
        <DefaultButton
          text={busy || strings.MakeReport}
          iconProps={{ iconName: 'Download' }}
          disabled={!!busy}
          menuProps={{
            items: [
              { key: 'docx', text: strings.WordNote, onClick: () => make('docx') },
              { key: 'pptx', text: strings.PowerPointDeck, onClick: () => make('pptx') }
            ]
          }}
        />
        {props.canFinalise && <DefaultButton text={strings.Finalise} disabled={!!busy} onClick={startFinalise} />}
        {props.canFinalise && props.onStartNextYear && repository.setReportYear && finals.length > 0 && (
          <DefaultButton text={format(strings.StartNextYear, String(reportYear + 1))} disabled={!!busy} onClick={startNextYear} />
        )}
        {finals.map((r) => (
          <Link key={r.url} href={safeUrl(r.url)} target="_blank" rel="noopener noreferrer">
            {format(strings.FinalReport, String(r.year))} ({r.format})
          </Link>
        ))}
      </Stack>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(undefined)}>
          {error}
        </MessageBar>
      )}
      {repaired && (
        <MessageBar messageBarType={MessageBarType.info} onDismiss={() => setRepaired(undefined)}>
          {repaired}
        </MessageBar>
      )}
      {done && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setDone(undefined)}>
          {done}
        </MessageBar>
      )}
      <Dialog
        hidden={!preview}
        onDismiss={() => setPreview(undefined)}
        minWidth={480}
        dialogContentProps={{ type: DialogType.normal, title: strings.Finalise, subText: format(strings.FinaliseConfirm, String(reportYear)), closeButtonAriaLabel: strings.Close }}
        // An official document: focus starts on Annuleren, so Enter twice never finalises by accident.
        modalProps={{ firstFocusableSelector: 'orgb-finalise-cancel' }}
      >
        {preview && report && (
          <Stack tokens={{ childrenGap: 8 }}>
            <Text variant="mediumPlus">{format(strings.FinalisePreviewYear, String(reportYear))}</Text>
            {/* On a phone the table scrolls sideways instead of clipping its last column. */}
            <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
            <table aria-label={format(strings.FinalisePreviewYear, String(reportYear))} style={{ borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  <th style={CELL}>{strings.FinalisePreviewDomain}</th>
                  <th style={CELL}>{strings.FinalisePreviewRisks}</th>
                  <th style={CELL}>{strings.FinalisePreviewRealised}</th>
                  <th style={CELL}>{strings.FinalisePreviewPlanned}</th>
                </tr>
              </thead>
              <tbody>
                {report.domains.map((d) => (
                  <tr key={d.domain.id}>
                    <td style={CELL}>{d.domain.title}</td>
                    <td style={CELL}>{d.risks.length}</td>
                    <td style={CELL}>
                      {d.realisationsNew.length} / {d.realisationsNew.length + d.realisationsOlder.length}
                    </td>
                    <td style={CELL}>
                      {d.planningNew.length} / {d.planningNew.length + d.planningOlder.length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
            {preview.raced && <MessageBar messageBarType={MessageBarType.severeWarning}>{format(strings.FinaliseSomeoneElse, String(reportYear))}</MessageBar>}
            {preview.existing.length > 0 && (
              <MessageBar messageBarType={MessageBarType.warning}>{format(strings.FinaliseReplaceWarning, String(reportYear), lastStored)}</MessageBar>
            )}
          </Stack>
        )}
        <DialogFooter>
          <PrimaryButton text={preview && preview.existing.length > 0 ? strings.FinaliseReplace : strings.Finalise} onClick={confirmFinalise} />
          <DefaultButton className="orgb-finalise-cancel" text={strings.Cancel} onClick={() => setPreview(undefined)} />
        </DialogFooter>
      </Dialog>
    </Stack>
  );
}

