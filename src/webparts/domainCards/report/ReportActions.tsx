import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Link } from '@fluentui/react/lib/Link';
import { Stack } from '@fluentui/react/lib/Stack';
import { ITheme } from '@fluentui/react/lib/Styling';
import * as strings from 'DomainCardsWebPartStrings';
import { IRepairResult, IReportDataReader, IReportStore, ISettingsStore, IStoredReport, ReportExistsError } from '../../../data/IOrgRepository';
import { sharePointMessage } from '../../../data/errors';
import { IReportData } from '../../../model/types';
import { Text } from '@fluentui/react/lib/Text';
import { buildReport } from '../../../model/report';
import { format } from '../../../components/format';
import { safeUrl } from '../../../model/links';
import { saveFile } from '../../../components/download';
import { IMaturityResultsSource } from '../../../app/councilReport';
import { makeReport } from '../../../app/makeReport';
import { finaliseReport } from '../../../app/finaliseReport';
import { prepareFinalisation } from '../../../app/prepareFinalisation';
import { reportOrganisation } from '../../../app/reportOrganisation';
import { canStartNextYear, startReportYear } from '../../../app/startReportYear';

export interface IReportActionsProps {
  /** The Rapporten library, the lists' data and the settings (one object in the web part). */
  repository: IReportStore & IReportDataReader & ISettingsStore;
  /** The maturity rounds' consensus: the report's maturity section. */
  maturity: IMaturityResultsSource;
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

const MIME: Record<Kind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
};

const CELL: React.CSSProperties = { textAlign: 'left', padding: '2px 8px', borderBottom: '1px solid #c8c6c4' };

interface IPreview {
  data: IReportData;
  existing: IStoredReport[];
  /** Someone else finalised while this user was looking. */
  raced: boolean;
}

/** The quiet note after a repair of an interrupted finalisation; undefined when it did nothing. */
function repairNote(r: IRepairResult): string | undefined {
  const text = r.completedYears
    .map((y) => format(strings.FinaliseRepairedCompleted, String(y)))
    .concat(r.removed > 0 ? [format(strings.FinaliseRepairedRemoved, String(r.removed))] : []);
  return text.length > 0 ? text.join(' ') : undefined;
}

/** The final reports of the library, kept fresh; on load, whoever may finalise repairs an interrupted run. */
function useStoredReports(repository: IReportStore, canFinalise: boolean | undefined, onRepaired: (note: string) => void): [IStoredReport[], () => void] {
  const [stored, setStored] = React.useState<IStoredReport[]>([]);
  const refresh = React.useCallback((): void => {
    repository
      .getStoredReports()
      .then((r) => setStored(r))
      .catch(() => setStored([]));
  }, [repository]);
  const repairedRef = React.useRef(onRepaired);
  repairedRef.current = onRepaired;
  React.useEffect(() => {
    let live = true;
    repository
      .getStoredReports()
      .then(async (r) => {
        if (live) setStored(r);
        if (!canFinalise) return;
        // No request when the library as read shows nothing to repair. Quiet on failure: "Definitief maken" repairs first anyway.
        const note = await repository.repairFinalisations(true).then(repairNote, () => undefined);
        if (note && live) {
          repairedRef.current(note);
          setStored(await repository.getStoredReports());
        }
      })
      .catch(() => {
        if (live) setStored([]);
      });
    return () => {
      live = false;
    };
  }, [repository, canFinalise]);
  return [stored, refresh];
}

/**
 * "Rapport maken" (Word, PowerPoint), "Definitief maken" for those who may add to the Rapporten
 * library, and links to the year's final reports. Finalising always reads fresh data first and
 * shows what will be frozen before the user confirms; a failed read stops it. The work itself is
 * in src/app (makeReport, prepareFinalisation, finaliseReport, startReportYear).
 */
export function ReportActions(props: IReportActionsProps): JSX.Element {
  const { repository, reportYear } = props;
  const [busy, setBusy] = React.useState<string | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  const [preview, setPreview] = React.useState<IPreview | undefined>(undefined);
  const [repaired, setRepaired] = React.useState<string | undefined>(undefined);
  const [stored, refreshStored] = useStoredReports(repository, props.canFinalise, setRepaired);

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
        const file = await makeReport(repository, repository, props.maturity, { year: reportYear, format: kind, organisation: props.organisation, intro: props.intro });
        saveFile(file.name, file.bytes, MIME[kind]);
      },
      strings.ReportFailed
    );

  const startFinalise = (): void =>
    run(
      strings.FinaliseReading,
      async () => {
        const p = await prepareFinalisation(repository, repository, reportYear);
        const note = repairNote(p.repaired);
        if (note) setRepaired(note);
        setPreview({ data: p.data, existing: p.existing, raced: false });
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
        const organisation = await reportOrganisation(repository, props.organisation);
        try {
          await finaliseReport(repository, props.maturity, { year: reportYear, data: p.data, organisation, intro: props.intro, replace: p.existing.length > 0 });
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
        const next = await startReportYear(repository, reportYear);
        if (props.onStartNextYear) props.onStartNextYear(next);
        setDone(format(strings.StartNextYearDone, String(next)));
      },
      strings.StartNextYearFailed
    );

  const finals = stored.filter((r) => r.year === reportYear && r.format !== 'Gegevens');
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
        {props.canFinalise && props.onStartNextYear && canStartNextYear(reportYear, stored) && (
          <DefaultButton text={format(strings.StartNextYear, String(reportYear + 1))} disabled={!!busy} onClick={startNextYear} />
        )}
        {finals.map((r) => (
          <Link key={r.url} href={safeUrl(r.url)} target="_blank" rel="noopener noreferrer">
            {format(strings.FinalReport, String(r.year))} ({r.format})
          </Link>
        ))}
      </Stack>
      <Messages error={error} repaired={repaired} done={done} onError={setError} onRepaired={setRepaired} onDone={setDone} />
      <FinaliseDialog preview={preview} reportYear={reportYear} onConfirm={confirmFinalise} onCancel={() => setPreview(undefined)} />
    </Stack>
  );
}

/** The outcome of the last task: failed (error), an interrupted finalisation repaired (info), done (success). */
function Messages(props: {
  error: string | undefined;
  repaired: string | undefined;
  done: string | undefined;
  onError: (v: undefined) => void;
  onRepaired: (v: undefined) => void;
  onDone: (v: undefined) => void;
}): JSX.Element {
  return (
    <>
      {props.error && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => props.onError(undefined)}>
          {props.error}
        </MessageBar>
      )}
      {props.repaired && (
        <MessageBar messageBarType={MessageBarType.info} onDismiss={() => props.onRepaired(undefined)}>
          {props.repaired}
        </MessageBar>
      )}
      {props.done && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={() => props.onDone(undefined)}>
          {props.done}
        </MessageBar>
      )}
    </>
  );
}

/** What "Definitief maken" will freeze, per domain, before the user confirms. */
function FinaliseDialog(props: { preview: IPreview | undefined; reportYear: number; onConfirm: () => void; onCancel: () => void }): JSX.Element {
  const { preview, reportYear } = props;
  const report = React.useMemo(() => (preview ? buildReport(preview.data, reportYear) : undefined), [preview, reportYear]);
  const lastStored = preview && preview.existing.length ? preview.existing.map((r) => r.modified || '').sort().pop() || '' : '';
  return (
    <Dialog
        hidden={!preview}
        onDismiss={props.onCancel}
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
          <PrimaryButton text={preview && preview.existing.length > 0 ? strings.FinaliseReplace : strings.Finalise} onClick={props.onConfirm} />
          <DefaultButton className="orgb-finalise-cancel" text={strings.Cancel} onClick={props.onCancel} />
        </DialogFooter>
    </Dialog>
  );
}

