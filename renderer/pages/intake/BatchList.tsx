/** 接收批次: status chips and filters, the list, and 登记新批次 (Alt+N or Insert). */
import { useEffect, useRef, useState } from 'react';
import { BATCH_STATUSES, BATCH_STATUS_LABELS } from '../../../shared/intakeTypes';
import { DateInput } from '../../components/DateInput';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { Pager } from '../../components/Pager';
import { useKeyDown } from '../../hooks/useKeyDown';
import { isNewKey } from '../../lib/keys';
import { BATCH_PAGE_SIZE, useIntakeList } from '../../state/intakeStore';
import { BatchForm } from './BatchForm';
import { StatusChip } from './StatusChip';

const SEARCH_DELAY_MS = 300;

export function BatchList({ canWrite, active }: { canWrite: boolean; active: boolean }) {
  const list = useIntakeList();
  const [registering, setRegistering] = useState(false);
  const [query, setQuery] = useState(list.filters.query);
  const debounce = useRef<number | undefined>(undefined);

  useEffect(() => {
    void useIntakeList.getState().load();
  }, []);

  useKeyDown((e) => {
    if (canWrite && !registering && isNewKey(e)) {
      e.preventDefault();
      setRegistering(true);
    }
  }, active);

  const onQuery = (q: string) => {
    setQuery(q);
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => useIntakeList.getState().setFilters({ query: q }), SEARCH_DELAY_MS);
  };

  return (
    <div className="ik-list">
      <div className="page-header">
        <div className="ik-chips" role="group" aria-label="按状态筛选">
          <button type="button" className={list.filters.status === '' ? 'ik-filter ik-filter-on' : 'ik-filter'} onClick={() => list.setFilters({ status: '' })} data-testid="batch-filter-all">
            全部
          </button>
          {BATCH_STATUSES.map((s) => (
            <button key={s} type="button" className={list.filters.status === s ? `ik-filter ik-filter-on ik-filter-${s}` : `ik-filter ik-filter-${s}`} onClick={() => list.setFilters({ status: s })} data-testid={`batch-filter-${s}`}>
              {BATCH_STATUS_LABELS[s]}
            </button>
          ))}
        </div>
        <div className="toolbar">
          <input type="search" className="search-input" placeholder="批次号或移交单位" value={query} onChange={(e) => onQuery(e.target.value)} aria-label="搜索接收批次" data-testid="batch-search" />
          <label className="filter-date">
            送交日期
            <DateInput value={list.filters.from} onChange={(v) => list.setFilters({ from: v })} aria-label="起始日期" data-testid="batch-from" />
            至
            <DateInput value={list.filters.to} onChange={(v) => list.setFilters({ to: v })} aria-label="截止日期" data-testid="batch-to" />
          </label>
          {canWrite ? (
            <button type="button" className="btn btn-primary" onClick={() => setRegistering(true)} title="登记新批次 (Alt+N 或 Insert)" data-testid="batch-add">
              登记新批次
            </button>
          ) : null}
        </div>
      </div>
      <FormError message={list.error} />
      <div className="table-wrap">
        <table className="table table-clickable" data-testid="batch-table" aria-busy={list.loading}>
          <thead>
            <tr>
              <th>批次号</th>
              <th>状态</th>
              <th>移交单位</th>
              <th>送交人</th>
              <th>送交日期</th>
              <th>档号范围</th>
              <th>登记人</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((b) => (
              <tr
                key={b.id}
                tabIndex={0}
                data-testid="batch-row"
                onClick={() => list.open(b.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') list.open(b.id);
                }}
              >
                <td className="mono">{b.batchNo}</td>
                <td>
                  <StatusChip status={b.status} />
                </td>
                <td>{b.enterprise}</td>
                <td>{b.deliveredBy}</td>
                <td>{b.deliveredOn}</td>
                <td className="mono">{b.firstNo ? `${b.firstNo} 至 ${b.lastNo ?? ''}` : '—'}</td>
                <td>{b.createdBy}</td>
              </tr>
            ))}
            {list.rows.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={7}>{list.loading ? '正在查询…' : canWrite ? '没有符合条件的批次。移交单位送来档案时，请点「登记新批次」。' : '没有符合条件的批次。'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pager offset={list.offset} limit={BATCH_PAGE_SIZE} total={list.total} shown={list.rows.length} onChange={list.setOffset} />
      {registering ? (
        <Modal title="登记接收批次" onClose={() => setRegistering(false)} width={720}>
          <BatchForm
            batch={null}
            onCancel={() => setRegistering(false)}
            onSaved={(b) => {
              setRegistering(false);
              void useIntakeList.getState().load();
              list.open(b.id);
            }}
          />
        </Modal>
      ) : null}
    </div>
  );
}
