/** 决定: what stands in the way, then 退回 or 接收 (a clerk sees why 接收 is disabled). */
import { useState } from 'react';
import type { AcceptResult, IntakeBatchDetail, ReturnResult } from '../../../shared/intakeTypes';
import { AcceptDialog } from './AcceptDialog';
import { acceptDisabledReason } from './decision';
import { ReturnDialog } from './ReturnDialog';

interface Props {
  detail: IntakeBatchDetail;
  canWrite: boolean;
  canOverride: boolean;
  onAccepted: (r: AcceptResult) => void;
  onReturned: (r: ReturnResult) => void;
}

export function DecisionPanel({ detail, canWrite, canOverride, onAccepted, onReturned }: Props) {
  const [dialog, setDialog] = useState<'accept' | 'return' | null>(null);
  const { batch, counts } = detail;
  if (batch.status === 'accepted' || batch.status === 'returned') {
    return (
      <div className="ik-decision ik-decided" data-testid="decision-done">
        {batch.status === 'accepted'
          ? `已于 ${batch.acceptedOn ?? ''} 接收（${batch.acceptedBy ?? ''}），档号 ${batch.firstNo ?? ''} 至 ${batch.lastNo ?? ''}。${batch.overrideNote ? `有未处理问题仍然接收，理由：${batch.overrideNote}` : ''}`
          : `已于 ${batch.returnedOn ?? ''} 退回。原因：${batch.returnReason}`}
      </div>
    );
  }
  const reason = acceptDisabledReason(detail, canWrite, canOverride);
  const override = counts.findingsOpen > 0;
  return (
    <div className="ik-decision" data-testid="decision">
      <div className="ik-decision-state">
        未处理问题 <b data-testid="open-count">{counts.findingsOpen}</b> 个（错误 {counts.errorsOpen}，警告 {counts.warningsOpen}）；已处理 {counts.findingsResolved} 个；已清点 {counts.deskCounted} / {counts.persons} 人。
      </div>
      {detail.acceptBlockers.length > 0 ? (
        <ul className="ik-problems" data-testid="accept-blockers">
          {detail.acceptBlockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" className={override ? 'btn btn-warn' : 'btn btn-primary'} disabled={reason !== null} onClick={() => setDialog('accept')} title={reason ?? undefined} data-testid="batch-accept">
          {override ? '有未处理问题，仍然接收…' : '接收…'}
        </button>
        <button type="button" className="btn" disabled={!canWrite} onClick={() => setDialog('return')} data-testid="batch-return">
          退回…
        </button>
        {reason ? (
          <span className="ik-why" data-testid="accept-disabled-reason">
            {reason}
          </span>
        ) : null}
      </div>
      {dialog === 'accept' ? (
        <AcceptDialog
          detail={detail}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            onAccepted(r);
          }}
        />
      ) : null}
      {dialog === 'return' ? (
        <ReturnDialog
          batch={batch}
          openFindings={counts.findingsOpen}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            onReturned(r);
          }}
        />
      ) : null}
    </div>
  );
}
