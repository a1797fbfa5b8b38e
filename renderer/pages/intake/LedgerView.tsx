/** 台账: every batch with its counts, filterable; totals over the filter; export to .xlsx where the user chooses. */
import { useCallback, useEffect, useState } from 'react';
import { BATCH_STATUSES, BATCH_STATUS_LABELS, type LedgerPage } from '../../../shared/intakeTypes';
import { call, errorMessage } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { FormError } from '../../components/FormError';
import { Pager } from '../../components/Pager';
import { batchQuery, type BatchFilters } from '../../state/intakeStore';
import { LedgerExportDialog } from './LedgerExportDialog';
import { StatusChip } from './StatusChip';

const PAGE = 50;

export function LedgerView({ onOpenBatch }: { onOpenBatch: (id: number) => void }) {
  const [filters, setFilters] = useState<BatchFilters>({ status: '', query: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<LedgerPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    try {
      setPage(await call('ledger.list', { ...batchQuery(filters), offset, limit: PAGE }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [filters, offset]);

  useEffect(() => {
    const t = window.setTimeout(() => void load(), 250); // typing in the search box
    return () => window.clearTimeout(t);
  }, [load]);

  const patch = (p: Partial<BatchFilters>) => {
    setFilters((f) => ({ ...f, ...p }));
    setOffset(0);
  };

  return (
    <div className="ik-ledger" data-testid="ledger">
      <div className="toolbar">
        <select value={filters.status} onChange={(e) => patch({ status: e.target.value as BatchFilters['status'] })} aria-label="状态" data-testid="ledger-status">
          <option value="">全部状态</option>
          {BATCH_STATUSES.map((s) => (
            <option key={s} value={s}>
              {BATCH_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <input type="search" className="search-input" placeholder="批次号或移交单位" value={filters.query} onChange={(e) => patch({ query: e.target.value })} aria-label="搜索台账" data-testid="ledger-search" />
        <label className="filter-date">
          送交日期
          <DateInput value={filters.from} onChange={(v) => patch({ from: v })} aria-label="起始日期" data-testid="ledger-from" />
          至
          <DateInput value={filters.to} onChange={(v) => patch({ to: v })} aria-label="截止日期" data-testid="ledger-to" />
        </label>
        <button type="button" className="btn" onClick={() => setExporting(true)} data-testid="ledger-export">
          导出 Excel…
        </button>
      </div>
      <FormError message={error} />
      {page ? (
        <div className="ik-totals" data-testid="ledger-totals">
          共 {page.totals.batches} 批、{page.totals.persons} 人、{page.totals.volumes} 卷、{page.totals.pages} 页
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table table-clickable" data-testid="ledger-table">
          <thead>
            <tr>
              <th>批次号</th>
              <th>移交单位</th>
              <th>送交人</th>
              <th>送交日期</th>
              <th>状态</th>
              <th>人数</th>
              <th>卷数</th>
              <th>页数</th>
              <th>问题（未处理/共）</th>
              <th>档号范围</th>
              <th>接收 / 退回日期</th>
              <th>回执退回</th>
            </tr>
          </thead>
          <tbody>
            {(page?.rows ?? []).map((r) => (
              <tr key={r.batchId} tabIndex={0} data-testid="ledger-row" onClick={() => onOpenBatch(r.batchId)} onKeyDown={(e) => (e.key === 'Enter' ? onOpenBatch(r.batchId) : undefined)}>
                <td className="mono">{r.batchNo}</td>
                <td>{r.enterprise}</td>
                <td>{r.deliveredBy}</td>
                <td>{r.deliveredOn}</td>
                <td>
                  <StatusChip status={r.status} />
                </td>
                <td>{r.persons}</td>
                <td>{r.volumes}</td>
                <td>{r.pages}</td>
                <td className={r.findingsOpen > 0 ? 'ik-text-bad' : undefined}>
                  {r.findingsOpen} / {r.findingsTotal}
                </td>
                <td className="mono">{r.firstNo ? `${r.firstNo} 至 ${r.lastNo ?? ''}` : '—'}</td>
                <td>{r.acceptedOn ?? r.returnedOn ?? '—'}</td>
                <td>{r.receiptReturnedOn ?? (r.status === 'accepted' ? '未退回' : '—')}</td>
              </tr>
            ))}
            {page && page.rows.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={12}>没有符合条件的批次。</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {page ? <Pager offset={offset} limit={PAGE} total={page.total} shown={page.rows.length} onChange={setOffset} /> : null}
      {exporting ? <LedgerExportDialog filters={filters} onClose={() => setExporting(false)} /> : null}
    </div>
  );
}
