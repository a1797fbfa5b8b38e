/** Compliance with the standards (面积 / 管理人员 / 分室) as pass-fail cards with the numbers behind them. */
import type { ComplianceCheck } from '../../../../shared/storageTypes';

export function ComplianceCards({ checks }: { checks: ComplianceCheck[] }) {
  if (checks.length === 0) return <p className="muted">暂无可核对的标准。</p>;
  return (
    <div className="st-cards" data-testid="compliance-cards">
      {checks.map((c) => (
        <div key={c.key} className={c.pass ? 'st-card st-card-pass' : 'st-card st-card-fail'} data-testid={`compliance-${c.key}`} data-pass={c.pass}>
          <div className="st-card-head">
            <span className="st-card-title">{c.title}</span>
            <span className="st-card-verdict">{c.pass ? '✓ 符合' : '✗ 不符合'}</span>
          </div>
          <div className="st-card-detail">{c.detail}</div>
        </div>
      ))}
    </div>
  );
}
