/**
 * One batch, worked through in steps: 名册 → 清点 → 数字副本核验 → 核验结果与决定 → 案卷目录 → 文书.
 * The header keeps the batch's status and counts in view; 批次列表 goes back to the list.
 */
import { useEffect, useState } from 'react';
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import type { AcceptResult } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { useIntakeBatch } from '../../state/intakeBatch';
import { useIntakeList } from '../../state/intakeStore';
import { BatchForm } from './BatchForm';
import { CheckStep } from './CheckStep';
import { DecisionPanel } from './DecisionPanel';
import { DeskStep } from './DeskStep';
import { DocumentsPanel } from './DocumentsPanel';
import { FilesStep } from './FilesStep';
import { FindingsStep } from './FindingsStep';
import { RosterStep } from './RosterStep';
import { StatusChip } from './StatusChip';
import { firstStep, STEP_LABELS, stepsFor, type Step } from './steps';

export function BatchWorkspace({ batchId, session, active }: { batchId: number; session: SessionInfo; active: boolean }) {
  const store = useIntakeBatch();
  const [step, setStep] = useState<Step | null>(null);
  const [editing, setEditing] = useState(false);
  const [accepted, setAccepted] = useState<AcceptResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = can(session.role, 'intake.write');
  const canOverride = can(session.role, 'intake.accept');

  useEffect(() => {
    void useIntakeBatch.getState().openBatch(batchId);
    setStep(null);
    setAccepted(null);
    setNotice(null);
    return () => useIntakeBatch.getState().close();
  }, [batchId]);

  const detail = store.detail?.batch.id === batchId ? store.detail : null;
  // Land on the first thing still to do once, then stay: work in a step must not move the desk elsewhere.
  useEffect(() => {
    if (detail && step === null) setStep(firstStep(detail));
  }, [detail, step]);
  if (!detail) {
    return (
      <div className="ik-workspace">
        <button type="button" className="btn" onClick={() => useIntakeList.getState().open(null)} data-testid="batch-back">
          ← 返回批次列表
        </button>
        {store.error ? <FormError message={store.error} /> : <p className="muted">正在读取批次…</p>}
      </div>
    );
  }
  const { batch, counts } = detail;
  const open = batch.status === 'registered' || batch.status === 'checking';
  const editable = open && canWrite;
  const steps = stepsFor(batch.status);
  const current = step && steps.includes(step) ? step : firstStep(detail);

  const decided = (text: string) => {
    setNotice(text);
    void store.refreshAll();
    store.bump();
    void useIntakeList.getState().load();
  };

  return (
    <div className="ik-workspace" data-testid="batch-workspace" data-batch-id={batch.id}>
      <div className="ik-ws-head">
        <button type="button" className="btn" onClick={() => useIntakeList.getState().open(null)} data-testid="batch-back" title="返回批次列表">
          ← 批次列表
        </button>
        <h1>
          <span className="mono" data-testid="batch-no">
            {batch.batchNo}
          </span>{' '}
          {batch.enterprise}
        </h1>
        <StatusChip status={batch.status} />
        <span className="muted">
          送交：{batch.deliveredBy}，{batch.deliveredOn}
          {batch.contact ? `；联系人：${batch.contact} ${batch.contactPhone}` : ''}
        </span>
        {editable ? (
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)} data-testid="batch-edit">
            修改登记
          </button>
        ) : null}
      </div>
      <div className="ik-ws-counts" data-testid="batch-counts">
        名册 {counts.persons} 人、{counts.volumes} 卷、{counts.pages} 页；已清点 {counts.deskCounted} 人；未处理问题 {counts.findingsOpen} 个
        {batch.firstNo ? `；档号 ${batch.firstNo} 至 ${batch.lastNo ?? ''}` : ''}
      </div>
      <nav className="ik-steps" role="tablist" aria-label="批次步骤">
        {steps.map((s, i) => (
          <button key={s} type="button" role="tab" aria-selected={s === current} className={s === current ? 'ik-step-tab ik-step-tab-on' : 'ik-step-tab'} onClick={() => setStep(s)} data-testid={`step-tab-${s}`}>
            {i + 1}. {STEP_LABELS[s]}
            {s === 'findings' && counts.findingsOpen > 0 ? <span className="ik-badge">{counts.findingsOpen}</span> : null}
          </button>
        ))}
      </nav>
      <FormError message={store.error} />
      {notice ? (
        <div className="ik-ok" role="status" data-testid="batch-notice">
          {notice}
        </div>
      ) : null}
      {current === 'roster' ? (
        <RosterStep
          key={batch.id}
          batch={batch}
          editable={editable}
          personCount={store.personsTotal}
          onNext={() => setStep('desk')}
          onImported={() => {
            void store.refreshAll();
            void useIntakeList.getState().load();
          }}
        />
      ) : null}
      {current === 'desk' ? <DeskStep batchId={batch.id} persons={store.persons} editable={editable} /> : null}
      {current === 'check' ? <CheckStep detail={detail} editable={editable} active={active} onNext={() => setStep('findings')} /> : null}
      {current === 'findings' ? (
        <>
          <DecisionPanel
            detail={detail}
            canWrite={canWrite}
            canOverride={canOverride}
            onAccepted={(r) => {
              setAccepted(r);
              const problems = r.documentProblems.length > 0 ? ` 文书未能全部生成：${r.documentProblems.join('；')}（可稍后在「文书」中重新生成）。` : '';
              decided(`已接收：${r.files.length} 份档案，档号 ${r.batch.firstNo ?? ''} 至 ${r.batch.lastNo ?? ''}。${problems}`);
              setStep('files');
            }}
            onReturned={(r) => {
              const problems = r.documentProblems.length > 0 ? ` 退回通知未能生成：${r.documentProblems.join('；')}。` : '';
              decided(`已退回。${problems}`);
              setStep('documents');
            }}
          />
          <FindingsStep findings={store.findings} editable={editable} />
        </>
      ) : null}
      {current === 'files' ? <FilesStep detail={detail} importJobId={accepted?.importJobId ?? null} canWrite={canWrite} active={active} /> : null}
      {current === 'documents' ? (
        <DocumentsPanel
          refEntity="intake_batch"
          refId={batch.id}
          version={store.version}
          onRegenerate={canWrite && !open ? async () => (await call('intake.documents.regenerate', { batchId: batch.id })).problems : undefined}
        />
      ) : null}
      {editing ? (
        <Modal title="修改登记" onClose={() => setEditing(false)} width={720}>
          <BatchForm
            batch={batch}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void store.refreshDetail();
              void useIntakeList.getState().load();
            }}
          />
        </Modal>
      ) : null}
    </div>
  );
}
