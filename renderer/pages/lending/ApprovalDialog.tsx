/**
 * 审批: the supervisor reads the request and approves or rejects it with an opinion. When the rules
 * forbid it (own request, already decided, second level by the same person) the buttons are
 * disabled and the reason is shown; the services refuse the same cases anyway.
 */
import { useState } from 'react';
import type { LendingRequestDetail } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/useAction';
import { isSaveKey } from '../../lib/keys';
import { useLending } from '../../state/lendingStore';
import { approvalBlocker, nextLevelLabel } from './approvalRules';
import { RequestDetailView } from './RequestDetailView';
import { useLoad } from './useLoad';

export function ApprovalDialog({ requestId, userId, onClose }: { requestId: number; userId: number; onClose: () => void }) {
  const loaded = useLoad(() => call('lending.request.get', { id: requestId }), [requestId]);
  const [opinion, setOpinion] = useState('');
  const [done, setDone] = useState<LendingRequestDetail | null>(null);
  const action = useAction();
  const r = done ?? loaded.data;
  const blocker = r ? approvalBlocker(r, userId) : null;

  const decide = (approve: boolean) => {
    if (!approve && opinion.trim() === '') return action.setError('驳回时请填写驳回意见，说明原因。');
    void action.run(async () => {
      const next = approve ? await call('lending.approve', { id: requestId, opinion: opinion.trim() }) : await call('lending.reject', { id: requestId, opinion: opinion.trim() });
      setDone(next);
      useLending.getState().changed();
    });
  };

  return (
    <Modal title={r ? `${nextLevelLabel(r)}：${r.requestNo}` : '审批'} onClose={onClose} width={960}>
      <FormError message={loaded.error} />
      {r ? (
        <div
          data-testid="ld-approval-dialog"
          onKeyDown={(e) => {
            // Ctrl+Enter approves, as it saves a form elsewhere; rejecting always needs the mouse or Tab.
            if (isSaveKey(e) && !done && blocker === null) {
              e.preventDefault();
              decide(true);
            }
          }}
        >
          <RequestDetailView r={r} />
          {done ? (
            <div className="notice" data-testid="ld-approval-done">
              {done.status === 'rejected' ? '已驳回。' : done.status === 'pending' ? '已同意，等待第二级审批。' : '已批准，档案员可以办理。'}
            </div>
          ) : (
            <>
              <Field label="审批意见" htmlFor="ld-opinion" hint="同意时可不填；驳回时必须写明原因。" wide>
                <textarea id="ld-opinion" value={opinion} onChange={(e) => setOpinion(e.target.value)} rows={2} maxLength={200} disabled={blocker !== null} data-testid="ld-opinion" />
              </Field>
              {blocker ? (
                <div className="field-error" role="note" data-testid="ld-approval-blocker">
                  {blocker}
                </div>
              ) : null}
              <FormError message={action.error} />
            </>
          )}
          <div className="form-actions">
            {done ? null : (
              <>
                <BusyButton type="button" primary busy={action.busy} disabled={blocker !== null} title={blocker ?? undefined} onClick={() => decide(true)} data-testid="ld-approve">
                  同意（Ctrl+Enter）
                </BusyButton>
                <BusyButton type="button" busy={action.busy} disabled={blocker !== null} title={blocker ?? undefined} onClick={() => decide(false)} data-testid="ld-reject">
                  驳回
                </BusyButton>
              </>
            )}
            <button type="button" className="btn" onClick={onClose} data-testid="ld-approval-close">
              关闭
            </button>
          </div>
        </div>
      ) : loaded.loading ? (
        <p className="muted">正在读取…</p>
      ) : null}
    </Modal>
  );
}
