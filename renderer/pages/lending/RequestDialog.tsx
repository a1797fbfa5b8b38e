/** One request opened from a list: its details, the 查（借）阅审批表 to print or save, its other documents, and 撤销. */
import { useState } from 'react';
import type { LendingRequestDetail } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/useAction';
import { useLending } from '../../state/lendingStore';
import { DocumentDialog } from '../../components/documents/DocumentDialog';
import { RequestDetailView } from './RequestDetailView';
import { useLoad } from './useLoad';

export function RequestDialog({ requestId, canCancel, onClose }: { requestId: number; canCancel: boolean; onClose: () => void }) {
  const loaded = useLoad(() => call('lending.request.get', { id: requestId }), [requestId]);
  const [docId, setDocId] = useState<number | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const r: LendingRequestDetail | null = loaded.data;

  const printForm = () =>
    void action.run(async () => {
      const doc = await call('lending.form', { requestId });
      setDocId(doc.id);
      loaded.reload();
    });

  const cancel = () => {
    if (reason.trim() === '') return action.setError('请填写撤销原因。');
    void action.run(async () => {
      await call('lending.request.cancel', { id: requestId, reason: reason.trim() });
      useLending.getState().changed();
      setCancelling(false);
    });
  };

  const cancellable = r !== null && canCancel && (r.status === 'pending' || r.status === 'approved');
  return (
    <>
      <Modal title={r ? `查借阅申请 ${r.requestNo}` : '查借阅申请'} onClose={onClose} width={960}>
        <FormError message={loaded.error} />
        {r ? (
          <>
            <RequestDetailView r={r} />
            {r.documents.length > 0 ? (
              <div className="ld-docs">
                <h4>已生成的文书</h4>
                <ul>
                  {r.documents.map((d) => (
                    <li key={d.id}>
                      <button type="button" className="btn btn-link" onClick={() => setDocId(d.id)}>
                        {d.title}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {cancelling ? (
              <div className="inline-form">
                <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="撤销原因" maxLength={200} data-testid="ld-cancel-reason" autoFocus />
                <BusyButton type="button" busy={action.busy} onClick={cancel} data-testid="ld-cancel-confirm">
                  确认撤销
                </BusyButton>
              </div>
            ) : null}
            <FormError message={action.error} />
            <div className="form-actions">
              <BusyButton type="button" primary busy={action.busy} onClick={printForm} data-testid="ld-print-form">
                查（借）阅审批表
              </BusyButton>
              {cancellable && !cancelling ? (
                <button type="button" className="btn" onClick={() => setCancelling(true)} data-testid="ld-cancel">
                  撤销申请
                </button>
              ) : null}
              <button type="button" className="btn" onClick={onClose} data-testid="ld-request-close">
                关闭
              </button>
            </div>
          </>
        ) : null}
      </Modal>
      {docId !== null ? <DocumentDialog documentId={docId} onClose={() => setDocId(null)} /> : null}
    </>
  );
}
