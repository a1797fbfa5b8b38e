/**
 * 盘点: pick a unit and rows, then walk the shelves scanning each file's barcode. The current shelf
 * is chosen here (PageDown / PageUp in the scan box steps along the walking order); each scan is
 * checked at once; 结束盘点 gives missing / misplaced / unexpected and a printable report.
 */
import { useEffect, useState } from 'react';
import type { Stocktake, StocktakeReport } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { BusyButton } from '../../../components/BusyButton';
import { FormError } from '../../../components/FormError';
import { Modal } from '../../../components/Modal';
import { useAction } from '../../../hooks/useAction';
import { countOutcomes, OUTCOME_LABEL, outcomeTone, progressText, stepShelf } from '../../../state/storageScanLog';
import { useStocktake } from '../../../state/storageStocktake';
import { useStorage } from '../../../state/storageStore';
import { formatDateTime } from '../../../lib/format';
import { DocumentDialog } from '../../../components/documents/DocumentDialog';
import { UnitDiagram } from '../locate/UnitDiagram';
import { ScanBox } from './ScanBox';
import { StocktakeReportView } from './StocktakeReportView';
import { StocktakeStart } from './StocktakeStart';
import './stocktake.css';

export function StocktakeTab({ canWrite, active }: { canWrite: boolean; active: boolean }) {
  const units = useStorage((s) => s.units);
  const take = useStocktake();
  const [list, setList] = useState<Stocktake[]>([]);
  const [starting, setStarting] = useState(false);
  const [report, setReport] = useState<StocktakeReport | null>(null);
  const [docId, setDocId] = useState<number | null>(null);
  const action = useAction();
  const run = action.run;

  const reloadList = () => void run(async () => setList(await call('storage.stocktakeList', {})));
  useEffect(() => {
    void run(async () => setList(await call('storage.stocktakeList', {})));
  }, [run]);

  const finish = () => {
    const st = take.stocktake;
    if (!st) return;
    if (take.pending > 0) return action.setError(`还有 ${take.pending} 个扫描正在处理，请稍候再结束。`);
    if (take.scanned < take.expected && !window.confirm(`还有 ${take.expected - take.scanned} 份未扫到，结束后记为缺失。确定结束盘点？`)) return;
    void run(async () => {
      setReport(await call('storage.stocktakeFinish', { id: st.id }));
      take.close();
      reloadList();
    });
  };
  const showReport = (st: Stocktake) => void run(async () => setReport(await call('storage.stocktakeReport', { id: st.id })));
  const resume = (st: Stocktake) => {
    setReport(null);
    void take.open(st);
  };

  const st = take.stocktake;
  if (st) {
    const shelf = take.shelves.find((s) => s.id === take.shelfId) ?? null;
    const unit = units.find((u) => u.id === st.scope.unitId) ?? null;
    const counts = countOutcomes(take.log);
    return (
      <div className="st-stocktake" data-testid="stocktake-active">
        <div className="st-take-head">
          <strong>{st.title || '盘点'}</strong> <span className="muted">{st.scopeLabel}</span>
          <span className="st-take-progress" data-testid="stocktake-progress">
            {progressText(take.scanned, take.expected)}
          </span>
          <progress max={Math.max(1, take.expected)} value={Math.min(take.scanned, take.expected)} />
        </div>
        <div className="st-take-shelf">
          <label>
            当前架位{' '}
            <select value={take.shelfId ?? ''} onChange={(e) => take.setShelf(Number(e.target.value))} data-testid="stocktake-shelf">
              {take.shelves.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.place}（{s.fileCount} 份）
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-small" onClick={() => take.setShelf(stepShelf(take.shelves, take.shelfId, -1)?.id ?? 0)} title="上一层 (PageUp)">
            上一层
          </button>
          <button type="button" className="btn btn-small" onClick={() => take.setShelf(stepShelf(take.shelves, take.shelfId, 1)?.id ?? 0)} title="下一层 (PageDown)" data-testid="stocktake-next-shelf">
            下一层
          </button>
          {shelf ? <span className="muted">本层应有 {shelf.fileCount} 份</span> : null}
        </div>
        <div className="st-take-main">
          <div className="st-take-scan">
            <ScanBox
              active={active && !report}
              last={take.last}
              pending={take.pending}
              onScan={take.scan}
              onStep={(by) => {
                const next = stepShelf(take.shelves, take.shelfId, by);
                if (next) take.setShelf(next.id);
              }}
            />
          </div>
          {unit && shelf ? <UnitDiagram unit={unit} place={shelf} /> : null}
        </div>
        <FormError message={take.error ?? action.error} />
        <div className="st-take-counts" data-testid="stocktake-counts">
          {(Object.keys(counts) as (keyof typeof counts)[]).map((k) => (
            <span key={k} className={`st-count st-count-${outcomeTone(k)}`} data-testid={`stocktake-count-${k}`}>
              {OUTCOME_LABEL[k]} {counts[k]}
            </span>
          ))}
        </div>
        <table className="table" data-testid="stocktake-log">
          <thead>
            <tr>
              <th>时间</th>
              <th>架位</th>
              <th>条码</th>
              <th>结果</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {take.log.slice(0, 100).map((e) => (
              <tr key={e.seq} className={`st-log-${outcomeTone(e.result.outcome)}`}>
                <td>{formatDateTime(e.at).slice(-8)}</td>
                <td className="mono">{e.shelfPlace}</td>
                <td className="mono">{e.result.code}</td>
                <td>{OUTCOME_LABEL[e.result.outcome]}</td>
                <td>
                  {e.result.message}
                  {e.result.belongsAt ? `（应在 ${e.result.belongsAt}）` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <BusyButton type="button" primary busy={action.busy} onClick={finish} data-testid="stocktake-finish">
            结束盘点
          </BusyButton>
          <button type="button" className="btn" onClick={() => take.close()} title="暂时离开，已扫的记录保留，可稍后继续">
            暂停
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="st-stocktake">
      <div className="toolbar">
        {canWrite ? (
          <button type="button" className="btn btn-primary" onClick={() => setStarting(true)} disabled={units.length === 0} data-testid="stocktake-new">
            开始新的盘点
          </button>
        ) : null}
        {units.length === 0 ? <span className="muted">还没有密集架，无法盘点。</span> : null}
      </div>
      <FormError message={action.error} />
      {report ? <StocktakeReportView report={report} onPrint={report.stocktake.reportDocumentId !== null ? () => setDocId(report.stocktake.reportDocumentId) : null} /> : null}
      <h3>盘点记录</h3>
      <table className="table" data-testid="stocktake-list">
        <thead>
          <tr>
            <th>说明</th>
            <th>范围</th>
            <th>开始</th>
            <th>人员</th>
            <th className="num">已扫 / 应有</th>
            <th>状态</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.length === 0 ? (
            <tr>
              <td colSpan={7} className="table-empty">
                还没有盘点记录。
              </td>
            </tr>
          ) : (
            list.map((s) => (
              <tr key={s.id}>
                <td>{s.title || '盘点'}</td>
                <td>{s.scopeLabel}</td>
                <td>{formatDateTime(s.startedAt)}</td>
                <td>{s.startedBy}</td>
                <td className="num">
                  {s.scanned} / {s.expected}
                </td>
                <td>{s.status === 'open' ? '进行中' : `已结束 ${formatDateTime(s.finishedAt)}`}</td>
                <td className="row-actions">
                  {s.status === 'open' && canWrite ? (
                    <button type="button" className="btn btn-small" onClick={() => resume(s)} data-testid={`stocktake-resume-${s.id}`}>
                      继续
                    </button>
                  ) : null}
                  <button type="button" className="btn btn-small" onClick={() => showReport(s)}>
                    {s.status === 'open' ? '当前结果' : '报告'}
                  </button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {starting ? (
        <Modal title="开始盘点" onClose={() => setStarting(false)} width={640}>
          <StocktakeStart
            units={units}
            onClose={() => setStarting(false)}
            onStarted={(s) => {
              setStarting(false);
              setReport(null);
              void take.open(s);
            }}
          />
        </Modal>
      ) : null}
      {docId !== null ? <DocumentDialog documentId={docId} onClose={() => setDocId(null)} /> : null}
    </div>
  );
}
