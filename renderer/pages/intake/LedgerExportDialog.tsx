/** 导出台账: the filtered ledger as .xlsx, written (unencrypted) where the user chose. */
import { useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { Modal } from '../../components/Modal';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';
import { localDateString } from '../../lib/format';
import { batchQuery, type BatchFilters } from '../../state/intakeStore';

export function LedgerExportDialog({ filters, onClose }: { filters: BatchFilters; onClose: () => void }) {
  const defaultName = `接收台账-${localDateString(new Date())}.xlsx`;
  const [to, setTo] = useState('');
  const [done, setDone] = useState<{ file: string; rows: number } | null>(null);
  const action = useAction();
  const submit = () => {
    if (!to.trim()) return action.setError(`请选择或输入保存位置（完整路径，例如 D:\\台账\\${defaultName}）。`);
    void action.run(async () => setDone(await call('ledger.export', { to: to.trim(), filters: batchQuery(filters) })));
  };
  return (
    <Modal title="导出接收台账（Excel）" onClose={onClose} width={600}>
      <KeyboardForm className="form" onSubmit={submit} onCancel={onClose}>
        <p className="muted">按当前筛选条件导出全部符合的批次（不只是本页）。</p>
        <Field label="保存到" htmlFor="ledger-to" required hint="导出的文件不加密，请保存到单位指定的安全位置。">
          <PathInput id="ledger-to" value={to} onChange={setTo} pick="save-file" pickTitle="保存台账" defaultName={defaultName} placeholder={defaultName} testId="ledger-export-path" />
        </Field>
        <FormError message={action.error} />
        {done ? (
          <div className="ik-ok" data-testid="ledger-exported">
            已导出 {done.rows} 行：<span className="mono">{done.file}</span>
          </div>
        ) : null}
        <div className="form-actions">
          {done ? null : (
            <BusyButton type="submit" primary busy={action.busy} data-testid="ledger-export-save">
              导出
            </BusyButton>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {done ? '完成' : '取消'}
          </button>
        </div>
      </KeyboardForm>
    </Modal>
  );
}
