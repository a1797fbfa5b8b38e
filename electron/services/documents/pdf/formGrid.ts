/**
 * The bordered grid of a paper form (审批表): rows of cells, each cell a share of the width; label
 * cells are centred and shaded, value cells left-aligned; a row is as tall as its fullest cell (or
 * `minH`). A cell may carry a footer line (签名/日期) set at its bottom right.
 */
import { PT_PER_MM, type Rgb } from './canvas';
import { alignX, baselineIn, lineMm, type Align, type Flow } from './flow';
import { wrapText } from './text';

export interface FormCell {
  text: string;
  /** Relative width within the row. */
  span: number;
  label?: boolean;
  align?: Align;
  /** Printed at the bottom right of the cell, e.g. 「签名：王五    2026年11月22日」. */
  foot?: string;
}

const LABEL_FILL: Rgb = [0.94, 0.94, 0.94];

export function formRow(flow: Flow, cells: FormCell[], o: { size?: number; minH?: number } = {}): void {
  const size = o.size ?? 10.5;
  const pad = 1.8;
  const lh = lineMm(size, 1.4);
  const total = cells.reduce((s, c) => s + c.span, 0) || 1;
  const widths = cells.map((c) => (c.span / total) * flow.width);
  const wrapped = cells.map((c, i) => wrapText(c.text, Math.max(1, ((widths[i] ?? 0) - 2 * pad) * PT_PER_MM), size));
  const heights = wrapped.map((l, i) => l.length * lh + 2 * pad + (cells[i]?.foot ? lh + 1 : 0));
  const h = Math.max(o.minH ?? 9, ...heights);
  flow.ensure(h);
  let x = flow.left;
  cells.forEach((c, i) => {
    const w = widths[i] ?? 0;
    const lines = wrapped[i] ?? [];
    flow.page.rect(x, flow.y, w, h, c.label ? { fill: LABEL_FILL, stroke: [0, 0, 0], width: 0.6 } : { stroke: [0, 0, 0], width: 0.6 });
    const align = c.align ?? (c.label ? 'center' : 'left');
    // Labels and short values sit in the middle of the cell; long text with a footer starts at the top.
    const top = c.foot ? flow.y + pad : flow.y + (h - lines.length * lh) / 2;
    lines.forEach((l, k) => flow.page.text(l, alignX(l, x + pad, w - 2 * pad, size, align), baselineIn(top + k * lh, lh, size), size));
    if (c.foot) flow.page.text(c.foot, alignX(c.foot, x + pad, w - 2 * pad, size, 'right'), baselineIn(flow.y + h - pad - lh, lh, size), size);
    x += w;
  });
  flow.y += h;
}
