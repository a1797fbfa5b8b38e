/** 退回: the delivery fails; the reason goes into the 退回通知 printed for the enterprise. */
import { useState } from 'react';
import type { IntakeBatch, ReturnResult } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useAction } from '../../hooks/useAction';

export function ReturnDialog({ batch, openFindings, onDone, onClose }: { batch: IntakeBatch; openFindings: number; onDone: (r: ReturnResult) => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = () => {
    if (!reason.trim()) return action.setError('请填写退回原因和需要移交单位整改的内容。');
    void action.run(async () => onDone(await call('intake.batch.return', { batchId: batch.id, reason: reason.trim() })));
  };
  return (
    <FormDialog title={`退回 ${batch.enterprise} 的移交（${batch.batchNo}）`} width={640} onSubmit={submit} onClose={onClose} action={action} submitLabel="确认退回" submitClassName="btn-danger" submitTestId="return-confirm">
      <p>退回后本批次办结，不能再接收；将生成《退回通知》，列出 {openFindings} 个未处理的问题，交移交单位重新整理后另行移交。</p>
      <Field label="退回原因" htmlFor="return-reason" required wide hint="Shift+Enter 换行，Ctrl+Enter 确认退回">
        <textarea id="return-reason" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} data-testid="return-reason" />
      </Field>
    </FormDialog>
  );
}
