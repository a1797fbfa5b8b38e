/**
 * 首页: what needs attention today — overdue loans (with the reminder letter), approvals waiting for
 * me, my requests still in progress, receipts (回执) not yet back — each shown only to roles that may act on it.
 */
import { useState } from 'react';
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { call } from '../../api/client';
import { ApprovalDialog } from '../lending/ApprovalDialog';
import { OverdueTable } from '../lending/OverdueTable';
import { RequestDialog } from '../lending/RequestDialog';
import { RequestTable } from '../lending/RequestTable';
import { useLoad } from '../lending/useLoad';
import { HomeCard } from './HomeCard';
import { inProgress } from './homeLists';
import { ReceiptsPanel } from './ReceiptsPanel';
import '../lending/lending.css';
import './home.css';

export function HomePage({ session, active }: { session: SessionInfo; active: boolean }) {
  const mayRequest = can(session.role, 'lending.request');
  const mayApprove = can(session.role, 'lending.approve');
  const overdue = useLoad(() => call('lending.overdue', {}), [], mayRequest);
  const queue = useLoad(() => call('lending.request.list', { queue: true, limit: 100 }), [], mayApprove);
  const mine = useLoad(() => call('lending.request.list', { mine: true, limit: 200 }), [], mayRequest);
  const [approving, setApproving] = useState<number | null>(null);
  const [opened, setOpened] = useState<number | null>(null);
  const myOpen = inProgress(mine.data?.rows ?? []);

  return (
    <section className="page" data-testid="area-home" data-active={active}>
      <div className="page-header">
        <h1>首页</h1>
        <span className="muted">{session.displayName}，您好。</span>
      </div>
      <div className="home-grid">
        {mayRequest ? (
          <HomeCard title="逾期未还" count={`${overdue.data?.length ?? 0} 份`} error={overdue.error} testId="home-overdue">
            <OverdueTable rows={overdue.data ?? []} testId="home-overdue-table" />
          </HomeCard>
        ) : null}
        {mayApprove ? (
          <HomeCard title="待我审批" count={`${queue.data?.total ?? 0} 份`} error={queue.error} testId="home-approvals">
            <RequestTable rows={queue.data?.rows ?? []} onOpen={(r) => setApproving(r.id)} compact testId="home-approval-queue" empty="没有待您审批的申请。" />
          </HomeCard>
        ) : null}
        {mayRequest ? (
          <HomeCard title="我的申请（办理中）" count={`${myOpen.length} 份`} error={mine.error} testId="home-mine">
            <RequestTable rows={myOpen} onOpen={(r) => setOpened(r.id)} compact testId="home-my-requests" empty="您登记的申请都已办结。" />
          </HomeCard>
        ) : null}
        <ReceiptsPanel />
      </div>
      {approving !== null ? <ApprovalDialog requestId={approving} userId={session.userId} onClose={() => setApproving(null)} /> : null}
      {opened !== null ? <RequestDialog requestId={opened} canCancel onClose={() => setOpened(null)} /> : null}
    </section>
  );
}
