/** A list of requests (summaries); a row opens it. */
import { REQUEST_STATUS_LABELS, type LendingRequestSummary } from '../../../shared/lendingTypes';
import { localTime } from './lendingDates';

interface RequestTableProps {
  rows: LendingRequestSummary[];
  onOpen: (r: LendingRequestSummary) => void;
  testId: string;
  empty: string;
  /** Fewer columns, for the home page's cards. */
  compact?: boolean;
}

export function RequestTable({ rows, onOpen, testId, empty, compact = false }: RequestTableProps) {
  const wide = !compact;
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid={testId}>
        <thead>
          <tr>
            <th>申请编号</th>
            <th>类型</th>
            {wide ? <th>目的</th> : null}
            {wide ? <th>申请单位</th> : null}
            <th>查阅人</th>
            <th>档案</th>
            <th>期限</th>
            <th>状态</th>
            {wide ? <th>登记</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={wide ? 9 : 6} className="table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr
                key={r.id}
                tabIndex={0}
                onClick={() => onOpen(r)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(r);
                }}
                data-testid={`ld-row-${r.requestNo}`}
                data-status={r.status}
              >
                <td className="mono">{r.requestNo}</td>
                <td>{r.type}</td>
                {wide ? <td>{r.purpose}</td> : null}
                {wide ? <td>{r.unit}</td> : null}
                <td>{r.readers}</td>
                <td>{r.files}</td>
                <td>
                  {r.periodFrom} 至 {r.periodTo}
                </td>
                <td>
                  {REQUEST_STATUS_LABELS[r.status]}
                  {r.status === 'pending' && r.awaitingLevel === 2 ? '（第二级）' : ''}
                  {r.overdue ? <span className="ld-warn">（逾期）</span> : null}
                </td>
                {wide ? (
                  <td>
                    {r.enteredBy} {localTime(r.enteredAt)}
                  </td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
