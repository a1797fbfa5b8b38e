/**
 * Columns per month (e.g. files received), with an optional dashed forecast line continuing into
 * the coming months, and an optional horizontal reference line (e.g. the monthly average).
 */
import { ChartFrame, Legend } from './ChartFrame';
import { axisScale, formatCount, linear } from './scale';

export interface MonthValue {
  /** 'YYYY-MM' */
  month: string;
  value: number;
}

interface MonthlyColumnsProps {
  title: string;
  actual: MonthValue[];
  /** Months after the last actual one, drawn as a dashed line with dots. */
  forecast?: MonthValue[];
  reference?: { label: string; value: number };
  unit: string;
  testId?: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 48;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 34;

/** "2026-03" → "3月", and "2026年1月" at a January or the first column so the year stays readable. */
export function monthLabel(month: string, first: boolean): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const mm = Number(m[2]);
  return first || mm === 1 ? `${m[1]}年${mm}月` : `${mm}月`;
}

/** Label every k-th month so labels never overlap (about 12 fit across). */
export function labelStep(count: number, fit = 12): number {
  return Math.max(1, Math.ceil(count / fit));
}

export function MonthlyColumns({ title, actual, forecast = [], reference, unit, testId }: MonthlyColumnsProps) {
  const all = [...actual, ...forecast];
  const n = Math.max(1, all.length);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  // Monthly counts are whole files / volumes: whole-number ticks.
  const axis = axisScale(Math.max(0, ...all.map((m) => m.value), reference?.value ?? 0), 4, true);
  const top = axis.top;
  const y = linear(top, plotH);
  const slot = plotW / n;
  const colW = Math.max(2, slot * 0.7);
  const cx = (i: number) => LEFT + slot * i + slot / 2;
  const step = labelStep(all.length);
  // The forecast line starts at the last actual column so the two read as one series.
  const linePoints = forecast.length > 0 ? [...(actual.length > 0 ? [{ i: actual.length - 1, v: actual[actual.length - 1]?.value ?? 0 }] : []), ...forecast.map((f, k) => ({ i: actual.length + k, v: f.value }))] : [];
  const total = actual.reduce((a, m) => a + m.value, 0);
  const summary = actual.length === 0 ? '暂无数据。' : `${actual.length} 个月共 ${formatCount(total)} ${unit}${forecast.length > 0 ? `，另有 ${forecast.length} 个月的预测` : ''}。`;
  const legendItems: { label: string; className: string; dashed?: boolean }[] = [{ label: '实际', className: 'chart-s1' }];
  if (forecast.length > 0) legendItems.push({ label: '预测', className: 'chart-forecast', dashed: true });
  if (reference) legendItems.push({ label: reference.label, className: 'chart-reference' });
  return (
    <ChartFrame
      title={title}
      summary={summary}
      testId={testId}
      legend={<Legend items={legendItems} />}
      table={{
        columns: ['月份', `数量（${unit}）`, '类型'],
        rows: [...actual.map((m) => [m.month, m.value, '实际']), ...forecast.map((m) => [m.month, Math.round(m.value), '预测'])],
      }}
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId} preserveAspectRatio="xMinYMin meet">
          {axis.ticks.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH - y(t)} y2={TOP + plotH - y(t)} className="chart-grid" />
              <text x={LEFT - 6} y={TOP + plotH - y(t) + 4} textAnchor="end" className="chart-axis">
                {formatCount(t)}
              </text>
            </g>
          ))}
          {actual.map((m, i) => (
            <rect key={m.month} x={cx(i) - colW / 2} y={TOP + plotH - y(m.value)} width={colW} height={y(m.value)} className="chart-s1">
              <title>{`${m.month}：${formatCount(m.value)} ${unit}`}</title>
            </rect>
          ))}
          {linePoints.length > 1 ? <polyline points={linePoints.map((p) => `${cx(p.i)},${TOP + plotH - y(p.v)}`).join(' ')} className="chart-forecast-line" /> : null}
          {forecast.map((m, k) => (
            <circle key={m.month} cx={cx(actual.length + k)} cy={TOP + plotH - y(m.value)} r={3} className="chart-forecast">
              <title>{`${m.month}（预测）：${formatCount(Math.round(m.value))} ${unit}`}</title>
            </circle>
          ))}
          {reference ? (
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH - y(reference.value)} y2={TOP + plotH - y(reference.value)} className="chart-reference-line">
              <title>{`${reference.label}：${formatCount(reference.value)} ${unit}`}</title>
            </line>
          ) : null}
          {all.map((m, i) =>
            i % step === 0 ? (
              <text key={m.month} x={cx(i)} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="chart-axis">
                {monthLabel(m.month, i === 0)}
              </text>
            ) : null,
          )}
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH} y2={TOP + plotH} className="chart-baseline" />
        </svg>
      )}
    </ChartFrame>
  );
}
