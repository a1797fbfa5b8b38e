/** 查借阅: requests, approval, check-out and return, digital viewing, the register, transfers out, settings — one tab each. */
import { useState } from 'react';
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { ApprovalTab } from './ApprovalTab';
import { DeskTab } from './DeskTab';
import { lendingTabs, TAB_LABELS, type LendingTab } from './lendingTabs';
import { RegisterTab } from './RegisterTab';
import { RequestListTab } from './RequestListTab';
import { RequestTab } from './RequestTab';
import { SettingsTab } from './SettingsTab';
import { TransferTab } from './TransferTab';
import { ViewTab } from './ViewTab';
import './lending.css';

export function LendingPage({ session, active }: { session: SessionInfo; active: boolean }) {
  const tabs = lendingTabs(session.role);
  const [tab, setTab] = useState<LendingTab>(tabs[0] ?? 'list');
  const current = tabs.includes(tab) ? tab : (tabs[0] ?? 'list');
  return (
    <section className="page" data-testid="area-lending" data-active={active}>
      <div className="page-header">
        <h1>查借阅</h1>
      </div>
      <div className="ld-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={t === current} className={t === current ? 'ld-tab ld-tab-active' : 'ld-tab'} onClick={() => setTab(t)} data-testid={`ld-tab-${t}`}>
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div className="ld-tab-body" role="tabpanel">
        {current === 'request' ? <RequestTab /> : null}
        {current === 'list' ? <RequestListTab canCancel={can(session.role, 'lending.request')} /> : null}
        {current === 'approve' ? <ApprovalTab userId={session.userId} /> : null}
        {current === 'desk' ? <DeskTab /> : null}
        {current === 'view' ? <ViewTab active={active} /> : null}
        {current === 'register' ? <RegisterTab /> : null}
        {current === 'transfer' ? <TransferTab canCreate={can(session.role, 'lending.approve')} /> : null}
        {current === 'settings' ? <SettingsTab /> : null}
      </div>
    </section>
  );
}
