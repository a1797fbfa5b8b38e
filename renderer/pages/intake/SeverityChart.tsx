/** Counts per severity as a small horizontal bar chart (open part solid, resolved part pale). */
import { barWidths, type SeverityCount } from './findingGroups';

export function SeverityChart({ counts }: { counts: SeverityCount[] }) {
  const widths = barWidths(counts);
  return (
    <div className="ik-chart" data-testid="severity-chart" role="img" aria-label={counts.map((c) => `${c.label} 未处理 ${c.open}，已处理 ${c.resolved}`).join('；')}>
      {counts.map((c, i) => {
        const total = c.open + c.resolved;
        const w = widths[i] ?? 0;
        const openShare = total === 0 ? 0 : (c.open * 100) / total;
        return (
          <div key={c.severity} className="ik-chart-row" data-testid={`severity-${c.severity}`} data-open={c.open} data-resolved={c.resolved}>
            <span className="ik-chart-label">{c.label}</span>
            <span className="ik-chart-track">
              <span className={`ik-chart-bar ik-chart-${c.severity}`} style={{ width: `${w}%` }}>
                <span className="ik-chart-open" style={{ width: `${openShare}%` }} />
              </span>
            </span>
            <span className="ik-chart-value">
              未处理 {c.open} / 共 {total}
            </span>
          </div>
        );
      })}
    </div>
  );
}
