/**
 * The explicit states every view needs (never a blank card: loading, empty, error). Texts come in as
 * props: shared components carry no UI strings of their own (loc files live per web part).
 */
import * as React from 'react';
import { Shimmer, ShimmerElementType } from '@fluentui/react/lib/Shimmer';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { DefaultButton, MessageBarButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { mergeStyleSets, HighContrastSelector } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';

/** Visually hidden but read by screen readers. */
export const hiddenStyles = mergeStyleSets({
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    margin: -1,
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0,0,0,0)',
    border: 0
  }
});

export interface ILoadingViewProps {
  /** Announced to screen readers while the shimmer shows (e.g. "Gegevens laden…"). */
  label: string;
  /** How many placeholder blocks (cards) to draw. */
  blocks?: number;
  /** Lines per block. */
  lines?: number;
}

/** Shimmer placeholders shaped like the content that is coming. */
export function LoadingView(props: ILoadingViewProps): JSX.Element {
  const blocks = props.blocks || 1;
  const lines = props.lines || 4;
  const items: JSX.Element[] = [];
  for (let b = 0; b < blocks; b++) {
    const rows: JSX.Element[] = [];
    for (let l = 0; l < lines; l++) {
      rows.push(
        <Shimmer
          key={l}
          width={l === 0 ? '50%' : `${90 - ((l * 13) % 35)}%`}
          shimmerElements={[{ type: ShimmerElementType.line, height: l === 0 ? 20 : 12 }]}
          styles={{ root: { marginBottom: 10 } }}
        />
      );
    }
    items.push(
      <div key={b} style={{ padding: 12, marginBottom: 12 }}>
        {rows}
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="loading-view">
      <span className={hiddenStyles.hidden}>{props.label}</span>
      <div aria-hidden="true">{items}</div>
    </div>
  );
}

export interface IErrorViewProps {
  /** What went wrong, in the user's words. */
  message: string;
  /** Label of the retry button ("Opnieuw proberen"). No button without onRetry. */
  retryLabel: string;
  onRetry?: () => void;
  /** Summary of the folded technical detail ("Technische details"). */
  detailsLabel: string;
  error?: Error;
  /** Warning instead of error: data is still shown (a refresh failed). */
  warning?: boolean;
}

function technicalDetail(error: Error | undefined): string {
  if (!error) return '';
  const status = (error as Error & { status?: number }).status;
  return [error.name && error.name !== 'Error' ? error.name : '', status ? `HTTP ${status}` : '', error.message].filter((s) => !!s).join(' — ');
}

/** MessageBar with a retry button; the technical detail is folded away for the helpdesk. */
export function ErrorView(props: IErrorViewProps): JSX.Element {
  const detail = technicalDetail(props.error);
  return (
    <MessageBar
      messageBarType={props.warning ? MessageBarType.warning : MessageBarType.error}
      isMultiline={true}
      actions={
        props.onRetry ? (
          <div>
            <MessageBarButton onClick={props.onRetry}>{props.retryLabel}</MessageBarButton>
          </div>
        ) : undefined
      }
    >
      <div>{props.message}</div>
      {detail && (
        <details>
          <summary>{props.detailsLabel}</summary>
          <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{detail}</code>
        </details>
      )}
    </MessageBar>
  );
}

export interface IEmptyViewProps {
  title: string;
  /** What to do next (e.g. add a domain, check the lists, ask the coordinator). */
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  /** A second, less prominent action. */
  secondaryLabel?: string;
  onSecondary?: () => void;
}

/** An empty state that tells the reader what to do next. */
export function EmptyView(props: IEmptyViewProps): JSX.Element {
  const theme = useTheme();
  const styles = React.useMemo(
    () =>
      mergeStyleSets({
        root: {
          padding: 16,
          border: `1px dashed ${theme.semanticColors.bodyDivider}`,
          borderRadius: 4,
          color: theme.semanticColors.bodyText,
          selectors: { [HighContrastSelector]: { border: '1px dashed CanvasText' } }
        },
        title: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '0 0 8px' },
        message: { margin: '0 0 12px' }
      }),
    [theme]
  );
  return (
    <div className={styles.root} role="region" aria-label={props.title}>
      <p className={styles.title}>{props.title}</p>
      <p className={styles.message}>{props.message}</p>
      {props.onAction && props.actionLabel && <PrimaryButton text={props.actionLabel} onClick={props.onAction} />}
      {props.onSecondary && props.secondaryLabel && <DefaultButton text={props.secondaryLabel} onClick={props.onSecondary} style={{ marginLeft: 8 }} />}
    </div>
  );
}
