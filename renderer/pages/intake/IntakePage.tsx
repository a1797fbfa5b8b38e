/**
 * 档案接收: 接收批次 (list → one batch's workspace), 台账, 回执 and 档案编号设置, as tabs. The open
 * batch and the list filters survive switching areas; another user signing in starts afresh.
 */
import { useEffect } from 'react';
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { useIntakeList, type IntakeTab } from '../../state/intakeStore';
import { BatchList } from './BatchList';
import { BatchWorkspace } from './BatchWorkspace';
import { LedgerView } from './LedgerView';
import { NumberingSettingsForm } from './NumberingSettingsForm';
import { ReceiptsList } from './ReceiptsList';
import './intake.css';

const TABS: { key: IntakeTab; label: string }[] = [
  { key: 'batches', label: '接收批次' },
  { key: 'ledger', label: '台账' },
  { key: 'receipts', label: '回执' },
  { key: 'settings', label: '档案编号设置' },
];

let lastUserId: number | null = null;

export function IntakePage({ session, active }: { session: SessionInfo; active: boolean }) {
  const tab = useIntakeList((s) => s.tab);
  const setTab = useIntakeList((s) => s.setTab);
  const openId = useIntakeList((s) => s.openId);
  const canWrite = can(session.role, 'intake.write');

  useEffect(() => {
    if (lastUserId !== session.userId) useIntakeList.getState().reset();
    lastUserId = session.userId;
  }, [session.userId]);

  const openBatch = (id: number) => {
    useIntakeList.getState().open(id);
    setTab('batches');
  };

  return (
    <section className="page ik-page" data-testid="area-intake" data-active={active}>
      <div className="page-header">
        <h1>档案接收</h1>
        <nav className="ik-tabs" role="tablist" aria-label="档案接收">
          {TABS.map((t) => (
            <button key={t.key} type="button" role="tab" aria-selected={tab === t.key} className={tab === t.key ? 'ik-tab ik-tab-on' : 'ik-tab'} onClick={() => setTab(t.key)} data-testid={`intake-tab-${t.key}`}>
              {t.label}
            </button>
          ))}
        </nav>
      </div>
      {tab === 'batches' ? openId === null ? <BatchList canWrite={canWrite} active={active} /> : <BatchWorkspace batchId={openId} session={session} active={active} /> : null}
      {tab === 'ledger' ? <LedgerView onOpenBatch={openBatch} /> : null}
      {tab === 'receipts' ? <ReceiptsList canWrite={canWrite} /> : null}
      {tab === 'settings' ? <NumberingSettingsForm canEdit={can(session.role, 'intake.accept')} /> : null}
    </section>
  );
}
