/**
 * Horizontal fill gauges, one bar per room / unit / row: each bar is its own capacity, filled to
 * what is used, with the reserved growth space hatched after it and the percentage at the end.
 */
import { ChartFrame, Legend } from './ChartFrame';
import { fillLevel, fillPercent, formatCount, formatPercent, linear } from './scale';

export interface GaugeItem {
  key: string;
  label: string;
  used: number;
  capacity: number;
  /** Space held back for growth (counts as not free). */
  reserved?: number;
}

interface FillGaugeProps {
  title: string;
  items: GaugeItem[];
  /** 卷 or mm: what the numbers count. */
  unit: string;
  testId?: string;
  warnAt?: number;
  fullAt?: number;
}

const WIDTH = 640;
const LABEL_W = 150;
const VALUE_W = 70;
const ROW_H = 26;
const BAR_H = 16;

export function FillGauge({ title, items, unit, testId, warnAt = 85, fullAt = 95 }: FillGaugeProps) {
  const barW = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(1, items.length) * ROW_H + 4;
  const fullest = items.reduce<{ label: string; pct: number } | null>((best, it) => {
    const p = fillPercent(it.used, it.capacity);
    return p !== null && (best === null || p > best.pct) ? { label: it.label, pct: p } : best;
  }, null);
  const summary =
    items.length === 0 ? '暂无数据。' : `共 ${items.length} 项${fullest ? `，最满的是「${fullest.label}」，已用 ${formatPercent(fullest.pct)}` : ''}。`;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      testId={testId}
      legend={<Legend items={[{ label: '已用', className: 'chart-fill-ok' }, { label: '预留', className: 'chart-reserved' }, { label: '空闲', className: 'chart-free' }]} />}
      table={{
        columns: ['名称', `容量（${unit}）`, `已用（${unit}）`, `预留（${unit}）`, `空闲（${unit}）`, '已用比例'],
        rows: items.map((it) => {
          const reserved = it.reserved ?? 0;
          return [it.label, it.capacity, it.used, reserved, Math.max(0, it.capacity - it.used - reserved), formatPercent(fillPercent(it.used, it.capacity))];
        }),
      }}
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId} preserveAspectRatio="xMinYMin meet">
          {items.map((it, i) => {
            const y = i * ROW_H + 4;
            const x = linear(it.capacity, barW);
            const usedW = x(it.used);
            const reservedW = Math.min(barW - usedW, x(it.reserved ?? 0));
            const pct = fillPercent(it.used, it.capacity);
            const level = fillLevel(pct, warnAt, fullAt);
            return (
              <g key={it.key} data-level={level}>
                <title>{`${it.label}：已用 ${formatCount(it.used)} / ${formatCount(it.capacity)} ${unit}（${formatPercent(pct)}）`}</title>
                <text x={LABEL_W - 8} y={y + BAR_H - 3} textAnchor="end" className="chart-label">
                  {clip(it.label, 11)}
                </text>
                <rect x={LABEL_W} y={y} width={barW} height={BAR_H} className="chart-free" rx={2} />
                <rect x={LABEL_W} y={y} width={usedW} height={BAR_H} className={`chart-fill-${level}`} rx={2} />
                {reservedW > 0 ? <rect x={LABEL_W + usedW} y={y} width={reservedW} height={BAR_H} className="chart-reserved" /> : null}
                <text x={LABEL_W + barW + 6} y={y + BAR_H - 3} className="chart-value">
                  {formatPercent(pct)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

/** Long room names are cut with an ellipsis in the SVG; the full name is in the tooltip and table. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
