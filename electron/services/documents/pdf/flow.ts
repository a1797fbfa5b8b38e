/**
 * A running layout: a cursor moving down A4 pages with margins, breaking to a new page when the
 * next block does not fit. Blocks: centred headings, wrapped paragraphs, label/value field grids,
 * signature lines with date blanks. `finish` adds 第 n 页 共 m 页 and the watermark to every page.
 */
import { DocBuilder, PT_PER_MM, type Page } from './canvas';
import { textWidth, wrapText } from './text';

export const MM_PER_PT = 1 / PT_PER_MM;
/** Line pitch for `size` pt text, in mm. */
export const lineMm = (size: number, leading = 1.45): number => size * leading * MM_PER_PT;
/** Baseline of a line whose box starts at `top` (mm): CJK glyphs sit visually centred in the box. */
export const baselineIn = (top: number, boxH: number, size: number): number => top + boxH / 2 + 0.34 * size * MM_PER_PT;

export type Align = 'left' | 'center' | 'right';

/** x (mm) at which to start `s` so it sits left/centred/right in [x, x+w]. */
export function alignX(s: string, x: number, w: number, size: number, align: Align): number {
  if (align === 'left') return x;
  const tw = textWidth(s, size) * MM_PER_PT;
  return align === 'center' ? x + (w - tw) / 2 : x + w - tw;
}

export interface FlowOptions {
  title: string;
  landscape?: boolean;
  watermark?: string;
  /** Margins in mm. */
  margin?: { top: number; bottom: number; left: number; right: number };
  pageNumbers?: boolean;
}

export class Flow {
  readonly doc: DocBuilder;
  page!: Page;
  y = 0;
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  /** Called after each automatic page break (e.g. to repeat a table header). */
  onNewPage: (() => void) | null = null;

  constructor(readonly opts: FlowOptions) {
    this.doc = new DocBuilder(opts.title);
    const m = opts.margin ?? { top: 20, bottom: 20, left: 20, right: 20 };
    this.top = m.top;
    this.left = m.left;
    const first = this.doc.addPage(opts.landscape);
    this.right = first.w - m.right;
    this.bottom = first.h - m.bottom;
    this.page = first;
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.page = this.doc.addPage(this.opts.landscape);
    this.y = this.top;
    this.onNewPage?.();
  }

  /** Breaks the page unless `h` mm still fit. Returns true when it broke. */
  ensure(h: number): boolean {
    if (this.y + h <= this.bottom + 0.01) return false;
    this.newPage();
    return true;
  }

  space(mm: number): void {
    this.y += mm;
  }

  heading(s: string, size = 18): void {
    const lines = wrapText(s, this.width * PT_PER_MM, size);
    this.ensure(lines.length * lineMm(size, 1.3));
    for (const l of lines) {
      const h = lineMm(size, 1.3);
      this.page.text(l, alignX(l, this.left, this.width, size, 'center'), baselineIn(this.y, h, size), size);
      this.y += h;
    }
  }

  /** Wrapped text; lines may continue on the next page. `indent` mm applies to the first line (段首缩进). */
  paragraph(s: string, o: { size?: number; align?: Align; indent?: number; leading?: number; x?: number; w?: number; keep?: string[] } = {}): void {
    const size = o.size ?? 11;
    const x = o.x ?? this.left;
    const w = o.w ?? this.right - x;
    const indent = o.indent ?? 0;
    const h = lineMm(size, o.leading);
    const lines = wrapFirstIndented(s, w, indent, size, o.keep ?? []);
    lines.forEach((l, i) => {
      this.ensure(h);
      const lx = i === 0 ? x + indent : x;
      const lw = i === 0 ? w - indent : w;
      this.page.text(l, alignX(l, lx, lw, size, o.align ?? 'left'), baselineIn(this.y, h, size), size);
      this.y += h;
    });
  }

  /** Label：value pairs, `perLine` to a line, each value wrapping within its own column. */
  fields(fields: { label: string; value: string }[], o: { size?: number; perLine?: number } = {}): void {
    const size = o.size ?? 10.5;
    const per = Math.max(1, o.perLine ?? 2);
    const colW = this.width / per;
    const h = lineMm(size);
    for (let i = 0; i < fields.length; i += per) {
      const cells = fields.slice(i, i + per).map((f) => {
        const label = `${f.label}：`;
        const lw = Math.min(textWidth(label, size) * MM_PER_PT, colW * 0.6);
        return { label, lw, lines: wrapText(f.value, (colW - lw - 3) * PT_PER_MM, size) };
      });
      const rowH = Math.max(...cells.map((c) => c.lines.length)) * h;
      this.ensure(rowH);
      cells.forEach((c, j) => {
        const x = this.left + j * colW;
        this.page.text(c.label, x, baselineIn(this.y, h, size), size);
        c.lines.forEach((l, k) => this.page.text(l, x + c.lw, baselineIn(this.y + k * h, h, size), size));
      });
      this.y += rowH + 1;
    }
  }

  /** Signature lines at the foot: 「经办人（签名）：________  日期：____年__月__日」, two per line. */
  signatures(labels: string[], size = 11): void {
    const h = lineMm(size) + 7;
    const colW = this.width / 2;
    for (let i = 0; i < labels.length; i += 2) {
      this.ensure(h);
      labels.slice(i, i + 2).forEach((label, j) => {
        const x = this.left + j * colW;
        const base = baselineIn(this.y + 5, lineMm(size), size);
        signatureBlank(this.page, label, x, base, colW - 4, size);
      });
      this.y += h;
    }
  }

  /** Page numbers and watermark on every page, then the PDF bytes. */
  finish(): Promise<Uint8Array> {
    const pages = this.doc.pages;
    pages.forEach((p, i) => {
      if (this.opts.pageNumbers !== false) {
        const s = `第 ${i + 1} 页 共 ${pages.length} 页`;
        p.text(s, alignX(s, 0, p.w, 9, 'center'), p.h - 10, 9);
      }
      if (this.opts.watermark) watermark(p, this.opts.watermark);
    });
    return this.doc.toPdf();
  }
}

function wrapFirstIndented(s: string, w: number, indent: number, size: number, keep: string[]): string[] {
  if (indent <= 0) return wrapText(s, w * PT_PER_MM, size, keep);
  const [first = ''] = wrapText(s, (w - indent) * PT_PER_MM, size, keep);
  const rest = s.slice(first.length).replace(/^\s+/, '');
  return rest ? [first, ...wrapText(rest, w * PT_PER_MM, size, keep)] : [first];
}

/** 「label：＿＿＿＿  ____年__月__日」 with a line to sign on. */
export function signatureBlank(page: Page, label: string, x: number, baseline: number, w: number, size: number, date = true): void {
  const lab = `${label}：`;
  page.text(lab, x, baseline, size);
  const lx = x + textWidth(lab, size) * MM_PER_PT;
  const dateStr = '    年    月    日';
  const dw = date ? textWidth(dateStr, size) * MM_PER_PT : 0;
  const lineEnd = Math.max(lx + 15, x + w - dw - 2);
  page.line(lx + 1, baseline + 1, lineEnd, baseline + 1, 0.5);
  if (date) page.text(dateStr, x + w - dw, baseline, size);
}

/** Faint diagonal text tiled over the page: a copy's reader, date and request number. */
export function watermark(p: Page, text: string): void {
  const size = 15;
  const tw = textWidth(text, size) * MM_PER_PT;
  const stepX = tw + 30;
  const stepY = 55;
  for (let y = 30, row = 0; y < p.h + 40; y += stepY, row++) {
    for (let x = -20 + (row % 2) * (stepX / 2); x < p.w; x += stepX) {
      p.text(text, x, y, size, { color: [0.55, 0.55, 0.55], opacity: 0.22, rotate: 30 });
    }
  }
}
