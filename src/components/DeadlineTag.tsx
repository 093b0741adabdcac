/**
 * A deadline mark: "te laat: deadline 1 maart 2023" / "binnen 30 dagen: …". The state is
 * in the text (colour is never the only signal); texts come in as props (loc per web part).
 */
import * as React from 'react';
import { HighContrastSelector, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { DeadlineState } from '../model/audits';

export interface IDeadlineTagProps {
  state: DeadlineState;
  /** The full text, e.g. "te laat: deadline 1 maart 2023". */
  text: string;
}

export function DeadlineTag(props: IDeadlineTagProps): JSX.Element {
  const theme = useTheme();
  const cn = React.useMemo(() => {
    const s = theme.semanticColors;
    const p = theme.palette;
    const base = {
      display: 'inline-block',
      fontSize: theme.fonts.small.fontSize,
      fontWeight: 600,
      lineHeight: '16px',
      padding: '0 6px',
      borderRadius: 2,
      border: `1px solid ${s.bodyDivider}`,
      color: s.bodyText,
      background: 'transparent',
      selectors: { [HighContrastSelector]: { border: '1px solid CanvasText', color: 'CanvasText', background: 'Canvas' } }
    };
    return mergeStyleSets({
      overdue: { ...base, border: `1px solid ${s.errorText}`, color: theme.isInverted ? s.bodyText : s.errorText, background: theme.isInverted ? 'transparent' : s.errorBackground },
      dueSoon: { ...base, border: `1px solid ${p.neutralSecondary}`, background: theme.isInverted ? 'transparent' : s.warningBackground },
      other: { ...base, fontWeight: 400 }
    });
  }, [theme]);
  if (props.state === 'none') return <React.Fragment />;
  const cls = props.state === 'overdue' ? cn.overdue : props.state === 'dueSoon' ? cn.dueSoon : cn.other;
  return (
    <span className={cls} data-deadline={props.state}>
      {props.text}
    </span>
  );
}
