/** 审批 queue: requests waiting for this supervisor's decision (not their own, not already decided by them). */
import { useState } from 'react';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { ApprovalDialog } from './ApprovalDialog';
import { RequestTable } from './RequestTable';
import { useLoad } from './useLoad';

export function ApprovalTab({ userId }: { userId: number }) {
  const queue = useLoad(() => call('lending.request.list', { queue: true, limit: 200 }), []);
  const pending = useLoad(() => call('lending.request.list', { status: 'pending', limit: 200 }), []);
  const [open, setOpen] = useState<number | null>(null);
  const queued = new Set((queue.data?.rows ?? []).map((r) => r.id));
  // Pending requests this user may not decide (their own, or their first level already given) are shown apart, with the reason in the dialog.
  const others = (pending.data?.rows ?? []).filter((r) => !queued.has(r.id));
  return (
    <div className="ld-approvals-tab">
      <h3 className="ld-section">待我审批（{queue.data?.total ?? 0}）</h3>
      <FormError message={queue.error ?? pending.error} />
      <RequestTable rows={queue.data?.rows ?? []} onOpen={(r) => setOpen(r.id)} testId="ld-approval-queue" empty="没有待您审批的申请。" />
      {others.length > 0 ? (
        <>
          <h3 className="ld-section">其他待审批（由其他主管审批）</h3>
          <RequestTable rows={others} onOpen={(r) => setOpen(r.id)} testId="ld-approval-others" empty="" />
        </>
      ) : null}
      {open !== null ? <ApprovalDialog requestId={open} userId={userId} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
