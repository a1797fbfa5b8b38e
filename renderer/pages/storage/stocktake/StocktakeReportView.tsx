/** 盘点结果: missing, misplaced (with where each belongs), unexpected, on loan; and the printable report. */
import type { StocktakeReport } from '../../../../shared/storageTypes';

export function StocktakeReportView({ report, onPrint }: { report: StocktakeReport; onPrint: (() => void) | null }) {
  const st = report.stocktake;
  return (
    <div className="st-report" data-testid="stocktake-report">
      <div className="notice">
        {st.title || '盘点'}（{st.scopeLabel}）：应有 {st.expected} 份，在位 <strong data-testid="report-found">{report.found}</strong> 份，缺失{' '}
        <strong data-testid="report-missing">{report.missing.length}</strong> 份，错架 <strong data-testid="report-misplaced">{report.misplaced.length}</strong> 份，清单外{' '}
        <strong data-testid="report-unexpected">{report.unexpected.length}</strong> 份，借出 {report.onLoan.length} 份。
        {onPrint ? (
          <button type="button" className="btn btn-small" onClick={onPrint} data-testid="stocktake-print">
            打开盘点报告（PDF）
          </button>
        ) : null}
      </div>
      <Section title="缺失（应在架但未扫到）" empty="无缺失。" head={['档号', '姓名', '应在位置']} rows={report.missing.map((m) => [m.archiveNo, m.name, m.place])} />
      <Section title="错架（扫到的位置不对）" empty="无错架。" head={['档号', '姓名', '扫到位置', '应放位置']} rows={report.misplaced.map((m) => [m.archiveNo, m.name, m.scannedAt, m.belongsAt])} />
      <Section title="清单外（不应在此范围）" empty="无清单外档案。" head={['条码', '档号', '姓名', '扫到位置', '说明']} rows={report.unexpected.map((u) => [u.code, u.archiveNo ?? '—', u.name ?? '—', u.scannedAt, u.note])} />
      <Section title="借出中（按记录不在架）" empty="无借出档案。" head={['档号', '姓名', '位置']} rows={report.onLoan.map((m) => [m.archiveNo, m.name, m.place])} />
    </div>
  );
}

function Section({ title, empty, head, rows }: { title: string; empty: string; head: string[]; rows: string[][] }) {
  return (
    <>
      <h3>
        {title}（{rows.length}）
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j} className={j === 0 || head[j]?.includes('位置') ? 'mono' : undefined}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
