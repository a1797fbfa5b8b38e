/**
 * 接收: take custody. With open findings only a supervisor (intake.accept) may go on, and must say
 * why (「有未处理问题，仍然接收」); the note is kept on the batch and in the audit log.
 */
import { useState } from 'react';
import type { AcceptResult, IntakeBatchDetail } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useAction } from '../../hooks/useAction';

export function AcceptDialog({ detail, onDone, onClose }: { detail: IntakeBatchDetail; onDone: (r: AcceptResult) => void; onClose: () => void }) {
  const { batch, counts } = detail;
  const override = counts.findingsOpen > 0;
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = () => {
    if (override && !note.trim()) return action.setError('有未处理的问题时接收，须写明理由（例如：经主管核对，缺页已有书面说明）。');
    void action.run(async () => onDone(await call('intake.batch.accept', { batchId: batch.id, overrideNote: override ? note.trim() : '' })));
  };
  return (
    <FormDialog title={override ? '有未处理问题，仍然接收' : `接收 ${batch.enterprise} 的移交`} width={640} onSubmit={submit} onClose={onClose} action={action} submitLabel={override ? '仍然接收' : '确认接收'} busyText="正在接收…" submitTestId="accept-confirm">
      <p>
        接收 {counts.persons} 人、{counts.volumes} 卷、{counts.pages} 页。接收后按社区分配档号（按名册顺序，不重复、不跳号），档案进入馆藏，并生成转递回执确认表、质量检验报告和案卷目录。此操作不能撤销。
      </p>
      {override ? (
        <>
          <div className="ik-warn" role="alert">
            还有 {counts.findingsOpen} 个未处理的问题（错误 {counts.errorsOpen}，警告 {counts.warningsOpen}）。
          </div>
          <Field label="仍然接收的理由" htmlFor="accept-note" required wide>
            <textarea id="accept-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-testid="accept-note" />
          </Field>
        </>
      ) : null}
    </FormDialog>
  );
}
