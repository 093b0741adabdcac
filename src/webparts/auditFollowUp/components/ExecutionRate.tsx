import * as React from 'react';
import * as strings from 'AuditFollowUpWebPartStrings';
import { format } from '../../../components/format';
import { IExecutionRate, percent } from '../../../model/audits';
import { AuditClassNames } from './styles';

function Bar(props: { rate: number; cn: AuditClassNames }): JSX.Element {
  return (
    <div className={props.cn.track} aria-hidden="true">
      <div className={props.cn.fill} style={{ width: `${percent(props.rate)}%` }} />
    </div>
  );
}

/** The execution rate as text (overall and H), a bar beside it for the eye. */
export function ExecutionRate(props: { rate: IExecutionRate; cn: AuditClassNames }): JSX.Element {
  const { rate: r, cn } = props;
  if (r.rate === undefined) {
    return (
      <p className={`${cn.line} ${cn.muted}`} data-testid="execution-rate">
        {strings.ExecutionNone}
      </p>
    );
  }
  return (
    <div data-testid="execution-rate">
      <div className={cn.rate}>
        <Bar rate={r.rate} cn={cn} />
        <span>{format(strings.ExecutionAll, r.carriedOut, r.total, percent(r.rate))}</span>
      </div>
      <div className={cn.rate}>
        {r.highRate === undefined ? (
          <span className={cn.muted}>{strings.ExecutionNoHigh}</span>
        ) : (
          <>
            <Bar rate={r.highRate} cn={cn} />
            <span>{format(strings.ExecutionHigh, r.highCarriedOut, r.highTotal, percent(r.highRate))}</span>
          </>
        )}
      </div>
    </div>
  );
}
