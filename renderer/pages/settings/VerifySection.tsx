/** 完整性检查: every snapshot, journal record, file and the audit chain. */
import { useState } from 'react';
import { call } from '../../api/client';
import type { VerifyReport } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { VerifyReportView } from '../../components/VerifyReportView';
import { useAction } from '../../hooks/useAction';

export function VerifySection() {
  const [report, setReport] = useState<VerifyReport | null>(null);
  const action = useAction();
  return (
    <div className="card">
      <h2>完整性检查</h2>
      <p className="muted">逐一检查数据快照、日志记录、文件和操作日志链，发现被篡改、损坏或缺失的内容。数据多时需要一些时间。</p>
      <div className="form-actions">
        <BusyButton type="button" primary busy={action.busy} busyText="正在检查…" onClick={() => void action.run(async () => setReport(await call('workspace.verify', {})))} data-testid="verify-run">
          开始检查
        </BusyButton>
      </div>
      <FormError message={action.error} />
      {report ? <VerifyReportView report={report} /> : null}
    </div>
  );
}
