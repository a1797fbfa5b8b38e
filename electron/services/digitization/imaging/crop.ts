/**
 * Border cropping (GB/T 33870: crop leaving a 2–3 mm margin, never cutting paper content).
 * On a min-pooled copy of the deskewed page (≈0.17 mm per cell) the scanner background and the
 * rotation wedges are set apart (borders.ts); the paper's bounds and the content's bounds follow.
 * The kept box is the content plus a 2.5 mm margin, held inside the paper where the paper allows,
 * and never smaller than the content itself. Content edges are then measured at full resolution,
 * so the margin is exact rather than a cell's width out.
 */
import { classify, inkThreshold, minPool, outsideRotated, PAPER, paperLevel, type Grey } from './borders';
import { giveBack, takeZeroed } from './bufferPool';
import { contentMarks, type CellBox } from './specks';

/** A local copy: an imported binding read in a loop can cost a getter call per read (tsx, CommonJS). */
const PAPER_CELL = PAPER;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Margin left around the content, in millimetres (the rule allows 2–3 mm). Near the top of the
 * range on purpose: Tesseract misreads text that sits close to the image's corner (measured: a
 * bottom-corner page number read on 9 of 12 pages at 2.5 mm, 39 of 40 at 2.9 mm).
 */
export const MARGIN_MM = 2.9;
/**
 * Analysis cells per inch: 150 → a cell is about 0.17 mm, so content as close as 0.3 mm to the
 * paper's edge is still told apart from the dark background beside it.
 */
const CELLS_PER_INCH = 150;
const MAX_ANALYSIS_SIDE = 3000;
/**
 * A row or column is inside the paper when its paper cells reach this share of the fullest one's:
 * the partly dark lines along a slightly tilted or anti-aliased paper edge stay outside.
 */
const PAPER_LINE_SHARE = 0.98;

/** A mark smaller than this across is a speck unless it is near content (a full stop is ≈0.4 mm). */
const MIN_MARK_MM = 0.6;
/** How near content a small mark must be to count as content itself. */
const NEAR_MM = 5;

export interface RotationFill {
  /** The image size before the deskew rotation. */
  before: { width: number; height: number };
  degrees: number;
}

export function marginPx(dpi: number): number {
  return Math.round((MARGIN_MM / 25.4) * dpi);
}

function mmCells(mm: number, dpi: number, f: number): number {
  return (mm / 25.4) * (dpi / f);
}

interface Span {
  from: number;
  to: number;
}

/** First and last index whose count reaches `min`, or null. */
function span(counts: Uint32Array, min: number): Span | null {
  let from = -1;
  let to = -1;
  for (let i = 0; i < counts.length; i++) {
    if ((counts[i] ?? 0) >= min) {
      if (from < 0) from = i;
      to = i;
    }
  }
  return from < 0 ? null : { from, to };
}

/**
 * The region to keep of a deskewed page (`g`: its full-resolution greyscale), or null when the
 * page should be kept whole (nothing recognisable as paper).
 */
export function findCropBox(g: Grey, dpi: number, fill: RotationFill | null, pooled2: Uint8Array | null = null): Box | null {
  // The working masks come from the buffer pool and go back to it when the box is found.
  const temps: Uint8Array[] = [];
  try {
    return cropBox(g, dpi, fill, pooled2, temps);
  } finally {
    giveBack(...temps);
  }
}

function cropBox(g: Grey, dpi: number, fill: RotationFill | null, pooled2: Uint8Array | null, temps: Uint8Array[]): Box | null {
  const f = Math.max(1, Math.round(dpi / CELLS_PER_INCH), Math.ceil(Math.max(g.width, g.height) / MAX_ANALYSIS_SIDE));
  // `pooled2`: minPool(g, 2), when the caller made it already (the rotation does, in passing).
  const cells2 = { width: Math.ceil(g.width / 2), height: Math.ceil(g.height / 2) };
  const a = f === 2 && pooled2 && pooled2.length === cells2.width * cells2.height ? { data: pooled2, ...cells2 } : minPool(g, f);
  if (a.data !== g.data && a.data !== pooled2) temps.push(a.data);
  const outside = fill && Math.abs(fill.degrees) > 0 ? outsideRotated(a, f, g, fill.before, fill.degrees, 1.5) : null;
  if (outside) temps.push(outside);
  // The paper level is read before the background is known; background is dark, so it barely moves it.
  const ink = inkThreshold(paperLevel(a, outside));
  const mask = classify(a, ink, outside);
  temps.push(mask);

  const rowPaper = new Uint32Array(a.height);
  const colPaper = new Uint32Array(a.width);
  const content = takeZeroed(a.width * a.height);
  temps.push(content);
  const cells = a.data;
  let paperCells = 0;
  for (let y = 0, i = 0; y < a.height; y++) {
    let inRow = 0;
    for (let x = 0; x < a.width; x++, i++) {
      if (mask[i] !== PAPER_CELL) continue;
      inRow++;
      colPaper[x]!++;
      if (cells[i]! < ink) content[i] = 1;
    }
    rowPaper[y] = inRow;
    paperCells += inRow;
  }
  // Nothing like a sheet of paper (an all-dark frame, say): keep everything rather than guess.
  if (paperCells < a.width * a.height * 0.1) return null;
  const rows = span(rowPaper, Math.max(2, Math.round(Math.max(...rowPaper) * PAPER_LINE_SHARE)));
  const cols = span(colPaper, Math.max(2, Math.round(Math.max(...colPaper) * PAPER_LINE_SHARE)));
  if (!rows || !cols) return null;
  const paper = { left: cols.from * f, top: rows.from * f, right: Math.min(g.width, (cols.to + 1) * f), bottom: Math.min(g.height, (rows.to + 1) * f) };

  // Specks and dust alone in the margin do not count; a side with nothing else is cropped to the paper.
  const marks = contentMarks(content, a.width, a.height, Math.max(2, Math.ceil(mmCells(MIN_MARK_MM, dpi, f))), Math.ceil(mmCells(NEAR_MM, dpi, f)));
  if (!marks) return box(paper.left, paper.top, paper.right, paper.bottom);
  temps.push(marks.kept);
  const exact = contentEdges(g, a, f, marks.kept, ink, marks.box);
  const m = marginPx(dpi);
  // The margin stays on the paper where it can; the content itself is never cut.
  const left = Math.max(0, Math.min(exact.left, Math.max(exact.left - m, paper.left)));
  const top = Math.max(0, Math.min(exact.top, Math.max(exact.top - m, paper.top)));
  const right = Math.min(g.width, Math.max(exact.right, Math.min(exact.right + m, paper.right)));
  const bottom = Math.min(g.height, Math.max(exact.bottom, Math.min(exact.bottom + m, paper.bottom)));
  return box(left, top, right, bottom);
}

function box(left: number, top: number, right: number, bottom: number): Box {
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/**
 * The content's bounds in full-resolution pixels (right/bottom exclusive): inside the outermost
 * cells of the content's marks, the first pixel darker than the ink threshold in a kept cell.
 */
function contentEdges(g: Grey, a: Grey, f: number, content: Uint8Array, ink: number, cells: CellBox) {
  const y0 = cells.top * f;
  const y1 = Math.min(g.height, (cells.bottom + 1) * f);
  const x0 = cells.left * f;
  const x1 = Math.min(g.width, (cells.right + 1) * f);
  const isInk = (x: number, y: number) => content[((y / f) | 0) * a.width + ((x / f) | 0)] === 1 && g.data[y * g.width + x]! < ink;
  const colHas = (x: number) => {
    for (let y = y0; y < y1; y++) if (isInk(x, y)) return true;
    return false;
  };
  const rowHas = (y: number) => {
    for (let x = x0; x < x1; x++) if (isInk(x, y)) return true;
    return false;
  };
  let left = x0;
  while (left < Math.min(x1 - 1, x0 + f - 1) && !colHas(left)) left++;
  let right = x1 - 1;
  while (right > Math.max(left, cells.right * f) && !colHas(right)) right--;
  let top = y0;
  while (top < Math.min(y1 - 1, y0 + f - 1) && !rowHas(top)) top++;
  let bottom = y1 - 1;
  while (bottom > Math.max(top, cells.bottom * f) && !rowHas(bottom)) bottom--;
  return { left, top, right: right + 1, bottom: bottom + 1 };
}
