/**
 * Horizontal stacked bars: one bar per category (e.g. a community's run), split into series
 * (used / reserved / free). Bars share one scale so lengths compare across categories.
 */
import { ChartFrame, Legend } from './ChartFrame';
import { clip } from './FillGauge';
import { formatCount, linear, niceMax, segmentWidths } from './scale';

export interface StackedSeries {
  label: string;
  /** CSS class giving the colour (chart-fill-ok, chart-reserved, chart-free, chart-s1…chart-s4). */
  className: string;
}

export interface StackedCategory {
  key: string;
  label: string;
  /** One value per series, same order. */
  values: number[];
}

interface StackedBarProps {
  title: string;
  series: StackedSeries[];
  categories: StackedCategory[];
  unit: string;
  testId?: string;
}

const WIDTH = 640;
const LABEL_W = 150;
const VALUE_W = 70;
const ROW_H = 26;
const BAR_H = 16;

export function stackTotal(c: StackedCategory): number {
  return c.values.reduce((a, v) => a + (Number.isFinite(v) && v > 0 ? v : 0), 0);
}

export function StackedBar({ title, series, categories, unit, testId }: StackedBarProps) {
  const barW = WIDTH - LABEL_W - VALUE_W;
  const top = niceMax(Math.max(0, ...categories.map(stackTotal)));
  const x = linear(top, barW);
  const height = Math.max(1, categories.length) * ROW_H + 4;
  const summary = categories.length === 0 ? '暂无数据。' : `共 ${categories.length} 项，按${series.map((s) => s.label).join('、')}分段，单位：${unit}。`;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      testId={testId}
      legend={<Legend items={series.map((s) => ({ label: s.label, className: s.className }))} />}
      table={{
        columns: ['名称', ...series.map((s) => `${s.label}（${unit}）`), `合计（${unit}）`],
        rows: categories.map((c) => [c.label, ...series.map((_, i) => c.values[i] ?? 0), stackTotal(c)]),
      }}
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId} preserveAspectRatio="xMinYMin meet">
          {categories.map((c, i) => {
            const y = i * ROW_H + 4;
            const total = stackTotal(c);
            const widths = segmentWidths(c.values, x(total));
            let left = LABEL_W;
            return (
              <g key={c.key}>
                <title>{`${c.label}：${series.map((s, j) => `${s.label} ${formatCount(c.values[j] ?? 0)}`).join('，')} ${unit}`}</title>
                <text x={LABEL_W - 8} y={y + BAR_H - 3} textAnchor="end" className="chart-label">
                  {clip(c.label, 11)}
                </text>
                {widths.map((w, j) => {
                  const rect = w > 0 ? <rect key={j} x={left} y={y} width={w} height={BAR_H} className={series[j]?.className ?? 'chart-s1'} /> : null;
                  left += w;
                  return rect;
                })}
                <text x={left + 6} y={y + BAR_H - 3} className="chart-value">
                  {formatCount(total)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}
