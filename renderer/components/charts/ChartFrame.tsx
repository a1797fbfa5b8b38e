/**
 * The accessible frame every chart uses: a visible title (also the SVG's accessible name), a one-line
 * summary for screen readers, and the same numbers as a plain table under 「数据表」, which is also
 * what a printout or a colour-blind reader can rely on.
 */
import { useId, type ReactNode } from 'react';
import './charts.css';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

interface ChartFrameProps {
  title: string;
  /** One sentence of what the chart shows (read by screen readers, shown as a tooltip). */
  summary: string;
  table: ChartTable;
  testId?: string;
  /** Open the data table at first (e.g. when printing). */
  tableOpen?: boolean;
  legend?: ReactNode;
  /** Renders the SVG; receives the ids it must reference for its accessible name. */
  children: (ids: { titleId: string; descId: string }) => ReactNode;
}

export function ChartFrame({ title, summary, table, testId, tableOpen, legend, children }: ChartFrameProps) {
  const base = useId();
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <p id={descId} className="chart-summary">
        {summary}
      </p>
      {legend}
      {children({ titleId, descId })}
      <details className="chart-data" open={tableOpen}>
        <summary>数据表</summary>
        <table className="table chart-table" data-testid={testId ? `${testId}-table` : undefined}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={Math.max(1, table.columns.length)} className="table-empty">
                  暂无数据
                </td>
              </tr>
            ) : (
              table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) => (
                    <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A small colour key shown above a chart. */
export function Legend({ items }: { items: { label: string; className: string; dashed?: boolean }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((it) => (
        <li key={it.label}>
          <span className={`chart-swatch ${it.className}${it.dashed ? ' chart-swatch-dashed' : ''}`} aria-hidden="true" />
          {it.label}
        </li>
      ))}
    </ul>
  );
}
