/**
 * 回执: receipts sent out and not yet back. Those more than a calendar month out are highlighted
 * with the days outstanding (the sender must chase them); 标记已退回 records the date it came back.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReceiptInfo, ReceiptList } from '../../../shared/intakeTypes';
import { call, errorMessage } from '../../api/client';
import { FormError } from '../../components/FormError';
import { Pager } from '../../components/Pager';
import { ReturnReceiptDialog } from './ReturnReceiptDialog';

const PAGE = 20;
const KIND_LABELS: Record<ReceiptInfo['kind'], string> = { intake: '接收', transfer_out: '转出' };

interface Props {
  canWrite: boolean;
  /** Compact: the home page shows only what is still open, without the filter. */
  compact?: boolean;
  testId?: string;
}

export function ReceiptsList({ canWrite, compact, testId = 'receipts' }: Props) {
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<ReceiptList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [marking, setMarking] = useState<ReceiptInfo | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('receipt.list', { open: onlyOpen ? true : undefined, overdueOnly, offset, limit: PAGE }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [onlyOpen, overdueOnly, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="ik-receipts" data-testid={testId}>
      {compact ? null : (
        <div className="toolbar">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={onlyOpen}
              onChange={(e) => {
                setOnlyOpen(e.target.checked);
                setOffset(0);
              }}
              data-testid="receipts-open-only"
            />
            只看未退回
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={overdueOnly}
              onChange={(e) => {
                setOverdueOnly(e.target.checked);
                setOffset(0);
              }}
              data-testid="receipts-overdue-only"
            />
            只看超过一个月的
          </label>
        </div>
      )}
      {list && list.overdue > 0 ? (
        <div className="ik-warn" data-testid="receipts-overdue-count">
          有 {list.overdue} 份回执发出超过一个月仍未退回，请联系对方单位催还。
        </div>
      ) : null}
      <FormError message={error} />
      <div className="table-wrap">
        <table className="table" data-testid="receipt-table">
          <thead>
            <tr>
              {compact ? null : <th>类别</th>}
              <th>批次 / 编号</th>
              <th>对方单位</th>
              {compact ? null : <th>档号范围</th>}
              <th>人数</th>
              {compact ? null : <th>卷数</th>}
              <th>发出日期</th>
              <th>已过天数</th>
              {compact ? null : <th>退回日期</th>}
              {canWrite ? <th>操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {(list?.rows ?? []).map((r) => (
              <tr key={r.id} className={r.overdue ? 'ik-row-overdue' : undefined} data-testid="receipt-row" data-overdue={r.overdue}>
                {compact ? null : <td>{KIND_LABELS[r.kind]}</td>}
                <td className="mono" title={r.numberRange}>
                  {r.reference}
                </td>
                <td>{r.counterparty}</td>
                {compact ? null : <td className="mono">{r.numberRange}</td>}
                <td>{r.persons}</td>
                {compact ? null : <td>{r.volumes}</td>}
                <td>{r.sentOn}</td>
                <td data-testid="receipt-days">
                  {r.daysOutstanding} 天{r.overdue ? <span className="ik-overdue-tag">超过一个月</span> : null}
                </td>
                {compact ? null : <td>{r.returnedOn ?? '未退回'}</td>}
                {canWrite ? (
                  <td>
                    {r.returnedOn === null ? (
                      <button type="button" className="btn btn-small" onClick={() => setMarking(r)} data-testid="receipt-mark">
                        标记已退回…
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
            {list && list.rows.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={(compact ? 5 : 9) + (canWrite ? 1 : 0)}>{onlyOpen ? '没有未退回的回执。' : '没有回执。'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {list && list.total > PAGE ? <Pager offset={offset} limit={PAGE} total={list.total} shown={list.rows.length} onChange={setOffset} /> : null}
      {marking ? (
        <ReturnReceiptDialog
          receipt={marking}
          onClose={() => setMarking(null)}
          onDone={() => {
            setMarking(null);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
