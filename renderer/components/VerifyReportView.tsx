/** A VerifyReport as counts checked and each problem found. */
import type { VerifyProblem, VerifyReport } from '../../shared/types';

const KIND_LABELS: Record<VerifyProblem['kind'], string> = {
  snapshot: '快照',
  journal: '日志',
  blob: '文件',
  audit: '操作日志',
  keyslots: '密钥槽',
  backup: '备份',
};

export function VerifyReportView({ report }: { report: VerifyReport }) {
  const c = report.checked;
  return (
    <div className={report.ok ? 'verify-report verify-ok' : 'verify-report verify-bad'}>
      <div className="verify-summary">
        {report.ok ? '✔ 检查通过，未发现问题。' : `✖ 发现 ${report.problems.length} 个问题，请联系管理员处理，并不要覆盖或删除数据文件夹。`}
      </div>
      <div className="verify-counts">
        已检查：快照 {c.snapshots} 个，日志记录 {c.journalRecords} 条，文件 {c.blobs} 个，操作日志 {c.auditEntries} 条。
      </div>
      {report.problems.length > 0 ? (
        <table className="table verify-problems">
          <thead>
            <tr>
              <th>类别</th>
              <th>位置</th>
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i}>
                <td>{KIND_LABELS[p.kind]}</td>
                <td className="mono">{p.file}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
