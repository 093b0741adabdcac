import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Link } from '@fluentui/react/lib/Link';
import { Stack } from '@fluentui/react/lib/Stack';
import { ITheme } from '@fluentui/react/lib/Styling';
import * as strings from 'DomainCardsWebPartStrings';
import { IOrgRepository, IStoredReport } from '../../../data/IOrgRepository';
import { buildReport } from '../../../model/report';
import { maturityReportSection } from '../../../model/maturity';
import { format } from '../../../components/format';

export interface IReportActionsProps {
  repository: IOrgRepository;
  reportYear: number;
  canEdit: boolean;
  theme?: ITheme;
  organisation?: string;
  intro?: string;
}

type Kind = 'docx' | 'pptx';

/** The report code (docx, pptxgenjs) is loaded only when someone asks for a report. */
async function generate(repository: IOrgRepository, year: number, kind: Kind, organisation: string, intro?: string): Promise<{ name: string; bytes: Uint8Array }> {
  const lib = await import(/* webpackChunkName: 'report' */ '../../../report/index');
  const data = repository.getCached() || (await repository.loadReportData());
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

function download(name: string, bytes: Uint8Array, kind: Kind): void {
  const type =
    kind === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** "Rapport maken" (Word, PowerPoint), "Definitief maken" for editors, and links to the year's final reports. */
export function ReportActions(props: IReportActionsProps): JSX.Element {
  const { repository, reportYear, canEdit } = props;
  const organisation = props.organisation || 'Stad Mechelen';
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [confirm, setConfirm] = React.useState(false);
  const [stored, setStored] = React.useState<IStoredReport[]>([]);

  const refreshStored = React.useCallback((): void => {
    repository
      .getStoredReports()
      .then((r) => setStored(r))
      .catch(() => setStored([]));
  }, [repository]);
  React.useEffect(refreshStored, [refreshStored]);

  const run = (task: () => Promise<void>): void => {
    setBusy(true);
    setError(undefined);
    task()
      .catch((e: Error) => setError(`${strings.ReportFailed} ${e.message || ''}`.trim()))
      .then(() => setBusy(false))
      .catch(() => undefined);
  };

  const make = (kind: Kind): void =>
    run(async () => {
      const file = await generate(repository, reportYear, kind, organisation, props.intro);
      download(file.name, file.bytes, kind);
    });

  const finalise = (): void => {
    setConfirm(false);
    run(async () => {
      for (const kind of ['docx', 'pptx'] as Kind[]) {
        const file = await generate(repository, reportYear, kind, organisation, props.intro);
        await repository.storeReport(file.name, reportYear, kind === 'docx' ? 'Word' : 'PowerPoint', file.bytes.slice().buffer);
      }
      refreshStored();
    });
  };

  const finals = stored.filter((r) => r.year === reportYear);
  return (
    <Stack tokens={{ childrenGap: 8 }} aria-label={strings.MakeReport}>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
        <DefaultButton
          text={busy ? strings.ReportBusy : strings.MakeReport}
          iconProps={{ iconName: 'Download' }}
          disabled={busy}
          menuProps={{
            items: [
              { key: 'docx', text: strings.WordNote, onClick: () => make('docx') },
              { key: 'pptx', text: strings.PowerPointDeck, onClick: () => make('pptx') }
            ]
          }}
        />
        {canEdit && <DefaultButton text={strings.Finalise} disabled={busy} onClick={() => setConfirm(true)} />}
        {finals.map((r) => (
          <Link key={r.url} href={r.url} target="_blank" rel="noopener noreferrer">
            {format(strings.FinalReport, String(r.year))} ({r.format})
          </Link>
        ))}
      </Stack>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(undefined)}>
          {error}
        </MessageBar>
      )}
      <Dialog
        hidden={!confirm}
        onDismiss={() => setConfirm(false)}
        dialogContentProps={{ type: DialogType.normal, title: strings.Finalise, subText: format(strings.FinaliseConfirm, String(reportYear)) }}
      >
        <DialogFooter>
          <PrimaryButton text={strings.Finalise} onClick={finalise} />
          <DefaultButton text={strings.Cancel} onClick={() => setConfirm(false)} />
        </DialogFooter>
      </Dialog>
    </Stack>
  );
}
