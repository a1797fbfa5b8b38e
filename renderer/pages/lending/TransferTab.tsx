/** 转出: past transfers with whether the 回执 is back, and (for supervisors) a new transfer. */
import { useState } from 'react';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { Pager } from '../../components/Pager';
import { DocumentDialog } from '../../components/documents/DocumentDialog';
import { TransferForm } from './TransferForm';
import { useLoad } from './useLoad';

const LIMIT = 50;

export function TransferTab({ canCreate }: { canCreate: boolean }) {
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => call('transfer.list', { offset, limit: LIMIT }), [offset]);
  const [docId, setDocId] = useState<number | null>(null);
  return (
    <div className="ld-transfers">
      {canCreate ? <TransferForm onCreated={(t) => (t.documentId !== null ? setDocId(t.documentId) : undefined)} /> : null}
      <h3 className="ld-section">转出记录</h3>
      <FormError message={list.error} />
      <div className="table-wrap">
        <table className="table" data-testid="ld-transfer-list">
          <thead>
            <tr>
              <th>编号</th>
              <th>接收单位</th>
              <th>转出日期</th>
              <th>人数 / 卷数</th>
              <th>档号范围</th>
              <th>经办人</th>
              <th>回执</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list.data?.rows ?? []).length === 0 ? (
              <tr>
                <td colSpan={8} className="table-empty">
                  尚无转出记录。
                </td>
              </tr>
            ) : (
              (list.data?.rows ?? []).map((t) => (
                <tr key={t.id} data-testid={`ld-transfer-${t.transferNo}`}>
                  <td className="mono">{t.transferNo}</td>
                  <td>{t.receiverUnit}</td>
                  <td>{t.sentOn}</td>
                  <td>
                    {t.persons} 人 / {t.volumes} 卷
                  </td>
                  <td className="mono">{t.firstNo === t.lastNo ? t.firstNo : `${t.firstNo} 至 ${t.lastNo}`}</td>
                  <td>{t.handledBy}</td>
                  <td>{t.receiptReturnedOn ? `已于 ${t.receiptReturnedOn} 退回` : <span className="ld-warn">未退回</span>}</td>
                  <td>
                    {t.documentId !== null ? (
                      <button type="button" className="btn btn-small" onClick={() => setDocId(t.documentId)}>
                        转递通知单
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager offset={offset} limit={LIMIT} total={list.data?.total ?? 0} shown={list.data?.rows.length ?? 0} onChange={setOffset} />
      {docId !== null ? <DocumentDialog documentId={docId} onClose={() => setDocId(null)} /> : null}
    </div>
  );
}
