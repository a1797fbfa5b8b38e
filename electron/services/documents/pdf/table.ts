/**
 * A bordered table flowing across pages: the header row repeats on every page, each row is as tall
 * as its most-wrapped cell, and a row taller than a whole page is split between pages (never cut).
 */
import { PT_PER_MM, type Rgb } from './canvas';
import { alignX, baselineIn, lineMm, type Align, type Flow } from './flow';
import { wrapText } from './text';

export interface TableColumn {
  title: string;
  /** Relative width. */
  width: number;
  align?: Align;
}

export interface TableOptions {
  size?: number;
  headerSize?: number;
  /** Cell padding, mm. */
  pad?: number;
  headerFill?: Rgb;
}

const HEADER_FILL: Rgb = [0.9, 0.9, 0.9];

export function drawTable(flow: Flow, columns: TableColumn[], rows: string[][], o: TableOptions = {}): void {
  const size = o.size ?? 9.5;
  const headerSize = o.headerSize ?? size;
  const pad = o.pad ?? 1.5;
  const total = columns.reduce((s, c) => s + Math.max(0, c.width), 0) || columns.length;
  const widths = columns.map((c) => (Math.max(0, c.width) || (total === columns.length ? 1 : 0)) / total * flow.width);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const wrapCells = (cells: string[], sz: number) => widths.map((w, i) => wrapText(cells[i] ?? '', Math.max(1, (w - 2 * pad) * PT_PER_MM), sz));

  const headerLines = wrapCells(columns.map((c) => c.title), headerSize);
  const headerH = Math.max(...headerLines.map((l) => l.length)) * lineMm(headerSize, 1.3) + 2 * pad;

  const drawRow = (lines: string[][], from: number, count: number, rowH: number, sz: number, header: boolean) => {
    const lh = lineMm(sz, header ? 1.3 : 1.45);
    lines.forEach((cellLines, i) => {
      const x = xs[i] ?? flow.left;
      const w = widths[i] ?? 0;
      flow.page.rect(x, flow.y, w, rowH, header ? { fill: o.headerFill ?? HEADER_FILL, stroke: [0, 0, 0], width: 0.5 } : { stroke: [0, 0, 0], width: 0.5 });
      const shown = cellLines.slice(from, from + count);
      const top = flow.y + (rowH - shown.length * lh) / 2;
      const align: Align = header ? 'center' : (columns[i]?.align ?? 'left');
      shown.forEach((l, k) => flow.page.text(l, alignX(l, x + pad, w - 2 * pad, sz, align), baselineIn(top + k * lh, lh, sz), sz));
    });
    flow.y += rowH;
  };
  const drawHeader = () => drawRow(headerLines, 0, Infinity, headerH, headerSize, true);

  const lh = lineMm(size);
  // A header alone at the foot of a page is useless: keep it with at least one line of the first row.
  flow.ensure(headerH + lh + 2 * pad);
  drawHeader();
  const previous = flow.onNewPage;
  flow.onNewPage = () => {
    previous?.();
    drawHeader();
  };
  try {
    for (const row of rows) {
      const lines = wrapCells(row, size);
      const n = Math.max(1, ...lines.map((l) => l.length));
      const rowH = n * lh + 2 * pad;
      const fullPage = flow.bottom - flow.top - headerH;
      if (rowH <= fullPage) {
        flow.ensure(rowH);
        drawRow(lines, 0, n, rowH, size, false);
        continue;
      }
      // Taller than a page: as many lines as fit here, the rest on the following pages.
      for (let from = 0; from < n; ) {
        let fit = Math.floor((flow.bottom - flow.y - 2 * pad) / lh);
        if (fit < 1) {
          flow.newPage();
          fit = Math.floor((flow.bottom - flow.y - 2 * pad) / lh);
        }
        const count = Math.min(fit, n - from);
        drawRow(lines, from, count, count * lh + 2 * pad, size, false);
        from += count;
      }
    }
  } finally {
    flow.onNewPage = previous;
  }
}
