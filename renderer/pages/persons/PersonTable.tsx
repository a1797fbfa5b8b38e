import type { Person } from '../../../shared/types';
import { sexLabel } from '../../lib/format';

export function PersonTable({ rows, loading, onOpen }: { rows: Person[]; loading: boolean; onOpen: (p: Person) => void }) {
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid="person-table" aria-busy={loading}>
        <thead>
          <tr>
            <th>姓名</th>
            <th>性别</th>
            <th>出生日期</th>
            <th>身份证号</th>
            <th>乡镇（街道）</th>
            <th>社区</th>
            <th>联系电话</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr
              key={p.id}
              tabIndex={0}
              onClick={() => onOpen(p)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(p);
              }}
            >
              <td>{p.name}</td>
              <td>{sexLabel(p.sex)}</td>
              <td>{p.birthDate}</td>
              <td className="mono">{p.idNumber}</td>
              <td>{p.townName}</td>
              <td>{p.communityName}</td>
              <td>{p.phone}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr className="table-empty">
              <td colSpan={7}>{loading ? '正在查询…' : '没有符合条件的人员。'}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
