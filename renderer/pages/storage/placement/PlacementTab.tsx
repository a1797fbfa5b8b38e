/**
 * 排架: make a placement plan (files waiting → shelves in archive-number order, each community one
 * run), review runs and the move list, print the move list, then commit. Nothing is written until
 * 确认上架, and the core refuses a plan made from a state that has since changed.
 */
import { useState } from 'react';
import type { PlacementPlan, PlanRun } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { BusyButton } from '../../../components/BusyButton';
import { FormError } from '../../../components/FormError';
import { useAction } from '../../../hooks/useAction';
import { useStorage } from '../../../state/storageStore';
import { toast } from '../../../state/toastStore';
import { DocumentDialog } from '../../../components/documents/DocumentDialog';

export const RUN_CHANGE_LABEL: Record<PlanRun['change'], string> = { new: '新排', extended: '顺延', relocated: '整段迁移', unchanged: '不变' };

const MOVES_SHOWN = 300;

export function PlacementTab({ canWrite }: { canWrite: boolean }) {
  const [plan, setPlan] = useState<PlacementPlan | null>(null);
  const [committed, setCommitted] = useState(false);
  const [docId, setDocId] = useState<number | null>(null);
  const action = useAction();

  const makePlan = () =>
    void action.run(async () => {
      setCommitted(false);
      setPlan(await call('storage.placementPlan', {}));
    });
  const printMoves = () => {
    if (plan) void action.run(async () => setDocId((await call('storage.moveListPdf', { planId: plan.planId })).id));
  };
  const commit = () => {
    if (!plan) return;
    if (plan.moves.length > 0 && !window.confirm(`此方案需要移动 ${plan.moves.length} 份已上架的档案。请确认已打印移架清单并将按清单移动，再确认上架。`)) return;
    void action.run(async () => {
      const done = await call('storage.placementCommit', { planId: plan.planId });
      setPlan(done);
      setCommitted(true);
      toast(`已上架 ${done.summary.toPlace} 份，移动 ${done.summary.moves} 份`);
      await useStorage.getState().load();
    });
  };

  const nothingToDo = plan !== null && plan.summary.toPlace === 0 && plan.summary.moves === 0;
  return (
    <div className="st-placement">
      <div className="toolbar">
        <BusyButton type="button" primary={!plan} busy={action.busy} onClick={makePlan} data-testid="placement-plan">
          {plan ? '重新生成方案' : '生成上架方案'}
        </BusyButton>
        {plan && !committed && !nothingToDo && plan.moves.length > 0 && canWrite ? (
          <button type="button" className="btn" onClick={printMoves} disabled={action.busy} data-testid="placement-print">
            打印移架清单
          </button>
        ) : null}
        {plan && !committed && !nothingToDo && canWrite ? (
          <button type="button" className="btn btn-primary" onClick={commit} disabled={action.busy} data-testid="placement-commit">
            确认上架
          </button>
        ) : null}
      </div>
      <p className="muted">按档号顺序上架，每个社区占一段连续的位置并按设置预留增长空间；位置不够时给出最少的移架方案，绝不打乱顺序。</p>
      <FormError message={action.error} />
      {plan ? (
        <div data-testid="placement-result" data-committed={committed}>
          <div className={committed ? 'notice st-ok' : 'notice'} data-testid="placement-summary">
            {nothingToDo
              ? '没有待上架的档案，各社区排架顺序完好，无需调整。'
              : `${committed ? '已按方案上架：' : '方案（尚未写入）：'}待上架 ${plan.summary.toPlace} 份，需移动 ${plan.summary.moves} 份，涉及 ${plan.summary.communities} 个社区。`}
          </div>
          {plan.notes.length > 0 ? (
            <ul className="st-notes">
              {plan.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          <h3>各社区排架段</h3>
          <table className="table" data-testid="placement-runs">
            <thead>
              <tr>
                <th>社区</th>
                <th>起</th>
                <th>止</th>
                <th className="num">层数</th>
                <th className="num">档案</th>
                <th>变化</th>
              </tr>
            </thead>
            <tbody>
              {plan.runs.length === 0 ? (
                <tr>
                  <td colSpan={6} className="table-empty">
                    暂无档案可排。
                  </td>
                </tr>
              ) : (
                plan.runs.map((r) => (
                  <tr key={r.communityId} className={r.change === 'relocated' ? 'st-warn-row' : undefined}>
                    <td>{r.communityName}</td>
                    <td className="mono">{r.firstPlace}</td>
                    <td className="mono">{r.lastPlace}</td>
                    <td className="num">{r.shelves}</td>
                    <td className="num">{r.files}</td>
                    <td>{RUN_CHANGE_LABEL[r.change]}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {plan.moves.length > 0 ? (
            <>
              <h3>移架清单（{plan.moves.length} 份）</h3>
              <table className="table" data-testid="placement-moves">
                <thead>
                  <tr>
                    <th className="num">序</th>
                    <th>档号</th>
                    <th>社区</th>
                    <th>从</th>
                    <th>移到</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.moves.slice(0, MOVES_SHOWN).map((m, i) => (
                    <tr key={m.fileId}>
                      <td className="num">{i + 1}</td>
                      <td className="mono">{m.archiveNo}</td>
                      <td>{m.communityName}</td>
                      <td className="mono">{m.fromPlace}</td>
                      <td className="mono">{m.toPlace}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.moves.length > MOVES_SHOWN ? <p className="muted">另有 {plan.moves.length - MOVES_SHOWN} 条未在此列出，请打印移架清单查看全部。</p> : null}
            </>
          ) : null}
        </div>
      ) : null}
      {docId !== null ? <DocumentDialog documentId={docId} onClose={() => setDocId(null)} /> : null}
    </div>
  );
}
