/** One entry's before/after as a table of fields, changed ones marked. */
import type { AuditEntry } from '../../../shared/types';
import { diffFields, sortDiffRows, type DiffKind } from '../../lib/auditDiff';
import { actionLabel } from '../../lib/auditLabels';

const KIND_LABELS: Record<DiffKind, string> = { added: '新增', removed: '删除', changed: '修改', same: '' };

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const rows = sortDiffRows(diffFields(entry.before, entry.after, entry.entity));
  if (rows.length === 0) return <div className="muted">「{actionLabel(entry.action)}」没有记录字段内容。</div>;
  return (
    <table className="table diff-table">
      <thead>
        <tr>
          <th style={{ width: '10em' }}>字段</th>
          <th>修改前</th>
          <th>修改后</th>
          <th style={{ width: '4em' }} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} className={`diff-${r.kind}`}>
            <td>{r.label}</td>
            <td className="diff-before">{r.before}</td>
            <td className="diff-after">{r.after}</td>
            <td className="diff-kind">{KIND_LABELS[r.kind]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
