import type { Person } from '../../../shared/types';

interface PersonResultsProps {
  rows: Person[];
  total: number;
  loading: boolean;
  selectedId: number | null;
  onPick: (p: Person) => void;
}

export function PersonResults({ rows, total, loading, selectedId, onPick }: PersonResultsProps) {
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid="dz-person-table" aria-busy={loading}>
        <thead>
          <tr>
            <th>姓名</th>
            <th>身份证号</th>
            <th>社区</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr
              key={p.id}
              tabIndex={0}
              className={p.id === selectedId ? 'row-selected' : undefined}
              aria-selected={p.id === selectedId}
              onClick={() => onPick(p)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onPick(p);
              }}
            >
              <td>{p.name}</td>
              <td className="mono">{p.idNumber}</td>
              <td>{p.communityName}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr className="table-empty">
              <td colSpan={3}>{loading ? '正在查询…' : '没有符合条件的人员。'}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {total > rows.length ? <div className="dz-more muted">另有 {total - rows.length} 人未列出，请输入更完整的姓名或身份证号。</div> : null}
    </div>
  );
}
