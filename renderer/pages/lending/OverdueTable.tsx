/** 逾期未还: days overdue, who has it and how to reach them, and the 催还通知 letter to print. */
import { useState } from 'react';
import type { OverdueLoan } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { DocumentDialog } from '../../components/documents/DocumentDialog';

export function OverdueTable({ rows, testId = 'ld-overdue' }: { rows: OverdueLoan[]; testId?: string }) {
  const [docId, setDocId] = useState<number | null>(null);
  const action = useAction();
  const remind = (requestId: number) =>
    void action.run(async () => {
      const doc = await call('lending.reminder', { requestId });
      setDocId(doc.id);
    });
  return (
    <>
      <FormError message={action.error} />
      <div className="table-wrap">
        <table className="table" data-testid={testId}>
          <thead>
            <tr>
              <th>档号</th>
              <th>姓名</th>
              <th>应还日期</th>
              <th>逾期</th>
              <th>借阅人</th>
              <th>单位</th>
              <th>联系电话</th>
              <th>申请编号</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={9} className="table-empty">
                  没有逾期未还的档案。
                </td>
              </tr>
            ) : (
              rows.map((o) => (
                <tr key={`${o.requestId}-${o.archiveNo}`} data-testid={`${testId}-${o.archiveNo}`}>
                  <td className="mono">{o.archiveNo}</td>
                  <td>{o.name}</td>
                  <td>{o.due}</td>
                  <td className="ld-warn">{o.daysOverdue} 天</td>
                  <td>{o.borrower}</td>
                  <td>{o.unit}</td>
                  <td className="mono">{o.contact}</td>
                  <td className="mono">{o.requestNo}</td>
                  <td>
                    <button type="button" className="btn btn-small" disabled={action.busy} onClick={() => remind(o.requestId)} data-testid={`${testId}-remind-${o.archiveNo}`}>
                      打印催还通知
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {docId !== null ? <DocumentDialog documentId={docId} onClose={() => setDocId(null)} /> : null}
    </>
  );
}
