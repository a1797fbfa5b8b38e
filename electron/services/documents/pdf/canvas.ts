/**
 * A document is laid out first as a list of drawing operations per page (millimetres, origin at the
 * top-left, text y = baseline), and only turned into a PDF at the end. That order lets us know every
 * character before embedding the font (so the subset holds exactly those glyphs) and the page count
 * before printing 第 n 页 共 m 页.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, degrees, fill, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { MISSING_MARK, advanceEm, inMainFont, mainFace, rareFace, type Face } from './fonts';

export const PT_PER_MM = 72 / 25.4;
export const A4_MM = { w: 210, h: 297 };
const A4_PT: [number, number] = [595.28, 841.89];

export type Rgb = [number, number, number];
export const BLACK: Rgb = [0, 0, 0];

interface TextOp { k: 'text'; s: string; x: number; y: number; size: number; color: Rgb; opacity: number; rotate: number }
interface LineOp { k: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; dash: number[] | null; color: Rgb }
interface RectOp { k: 'rect'; x: number; y: number; w: number; h: number; fill: Rgb | null; stroke: Rgb | null; width: number }
/** Many filled rectangles in one path (barcode bars, QR modules): one fill operator, sharp edges. */
interface BarsOp { k: 'bars'; rects: [number, number, number, number][]; color: Rgb }
interface JpegOp { k: 'jpeg'; bytes: Uint8Array; x: number; y: number; w: number; h: number }
type Op = TextOp | LineOp | RectOp | BarsOp | JpegOp;

export interface TextStyle { color?: Rgb; opacity?: number; rotate?: number }

export class Page {
  readonly ops: Op[] = [];
  constructor(readonly w: number, readonly h: number) {}
  text(s: string, x: number, y: number, size: number, style: TextStyle = {}): void {
    // Tabs and other control characters from pasted data print as spaces, not as missing glyphs.
    const clean = Array.from(s, (ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('');
    if (clean.trim()) this.ops.push({ k: 'text', s: clean, x, y, size, color: style.color ?? BLACK, opacity: style.opacity ?? 1, rotate: style.rotate ?? 0 });
  }
  line(x1: number, y1: number, x2: number, y2: number, width = 0.6, dash: number[] | null = null, color: Rgb = BLACK): void {
    this.ops.push({ k: 'line', x1, y1, x2, y2, width, dash, color });
  }
  rect(x: number, y: number, w: number, h: number, o: { fill?: Rgb; stroke?: Rgb; width?: number } = { stroke: BLACK }): void {
    this.ops.push({ k: 'rect', x, y, w, h, fill: o.fill ?? null, stroke: o.stroke ?? null, width: o.width ?? 0.6 });
  }
  bars(rects: [number, number, number, number][], color: Rgb = BLACK): void {
    if (rects.length) this.ops.push({ k: 'bars', rects, color });
  }
  jpeg(bytes: Uint8Array, x: number, y: number, w: number, h: number): void {
    this.ops.push({ k: 'jpeg', bytes, x, y, w, h });
  }
}

export class DocBuilder {
  readonly pages: Page[] = [];
  constructor(readonly title: string) {}
  addPage(landscape = false): Page {
    const p = landscape ? new Page(A4_MM.h, A4_MM.w) : new Page(A4_MM.w, A4_MM.h);
    this.pages.push(p);
    return p;
  }
  toPdf(): Promise<Uint8Array> {
    return renderPdf(this);
  }
}

type Slot = 'main' | 'rare';
interface Run { slot: Slot; s: string; dx: number }

/** Splits text into runs per font; characters no font has become 〓 (in the main font). */
function runs(s: string, rare: Face | null): Run[] {
  const out: Run[] = [];
  let dx = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    let slot: Slot = 'main';
    let c = ch;
    if (!inMainFont(cp)) {
      if (rare?.font.hasGlyphForCodePoint(cp)) slot = 'rare';
      else c = MISSING_MARK;
    }
    const last = out[out.length - 1];
    if (last && last.slot === slot) last.s += c;
    else out.push({ slot, s: c, dx });
    dx += advanceEm(cp);
  }
  return out;
}

function needsRare(doc: DocBuilder): boolean {
  for (const p of doc.pages) for (const op of p.ops) if (op.k === 'text') for (const ch of op.s) if (!inMainFont(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/** Subset name tag (six capitals from the glyph set's hash) so viewers and pdffonts see a subset. */
function subsetTag(bytes: Uint8Array): string {
  const h = createHash('sha256').update(bytes).digest();
  return Array.from(h.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

async function embed(pdf: PDFDocument, face: Face, chars: Set<number>): Promise<PDFFont> {
  const bytes = face.subsetter.subset(chars);
  return pdf.embedFont(bytes, { subset: false, customName: `${subsetTag(bytes)}+${face.name}` });
}

/** Thousandths of a point are far below any printer's resolution and keep the streams short. */
const r3 = (v: number): number => Math.round(v * 1000) / 1000;
const colorOf = (c: Rgb) => rgb(c[0], c[1], c[2]);

async function renderPdf(doc: DocBuilder): Promise<Uint8Array> {
  const rare = needsRare(doc) ? await rareFace() : null;
  const allRuns = new Map<TextOp, Run[]>();
  const used: Record<Slot, Set<number>> = { main: new Set([0x20]), rare: new Set() };
  for (const p of doc.pages) {
    for (const op of p.ops) {
      if (op.k !== 'text') continue;
      const r = runs(op.s, rare);
      allRuns.set(op, r);
      for (const run of r) for (const ch of run.s) used[run.slot].add(ch.codePointAt(0) ?? 0);
    }
  }
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setLanguage('zh-CN');
  pdf.setCreator('档案工作站 ArchiveDesk');
  pdf.setProducer('档案工作站 ArchiveDesk');
  const fonts: Record<Slot, PDFFont | null> = {
    main: await embed(pdf, mainFace(), used.main),
    rare: rare && used.rare.size > 0 ? await embed(pdf, rare, used.rare) : null,
  };
  const jpegs = new Map<Uint8Array, Awaited<ReturnType<PDFDocument['embedJpg']>>>();
  for (const p of doc.pages) {
    const page = pdf.addPage(p.w > p.h ? [A4_PT[1], A4_PT[0]] : A4_PT);
    const X = (mm: number) => mm * PT_PER_MM;
    const Y = (mm: number) => page.getHeight() - mm * PT_PER_MM;
    for (const op of p.ops) {
      if (op.k === 'text') drawText(page, op, allRuns.get(op) ?? [], fonts, X, Y);
      else if (op.k === 'line') {
        page.drawLine({ start: { x: X(op.x1), y: Y(op.y1) }, end: { x: X(op.x2), y: Y(op.y2) }, thickness: op.width, color: colorOf(op.color), ...(op.dash ? { dashArray: op.dash } : {}) });
      } else if (op.k === 'rect') {
        page.drawRectangle({
          x: X(op.x), y: Y(op.y + op.h), width: X(op.w), height: X(op.h),
          ...(op.fill ? { color: colorOf(op.fill) } : {}),
          ...(op.stroke ? { borderColor: colorOf(op.stroke), borderWidth: op.width } : { borderWidth: 0 }),
        });
      } else if (op.k === 'bars') {
        page.pushOperators(pushGraphicsState(), setFillingRgbColor(op.color[0], op.color[1], op.color[2]),
          ...op.rects.map(([x, y, w, h]) => rectangle(r3(X(x)), r3(Y(y + h)), r3(X(w)), r3(X(h)))), fill(), popGraphicsState());
      } else {
        let img = jpegs.get(op.bytes);
        if (!img) jpegs.set(op.bytes, (img = await pdf.embedJpg(op.bytes)));
        page.drawImage(img, { x: X(op.x), y: Y(op.y + op.h), width: X(op.w), height: X(op.h) });
      }
    }
  }
  return pdf.save({ useObjectStreams: true });
}

function drawText(page: PDFPage, op: TextOp, rs: Run[], fonts: Record<Slot, PDFFont | null>, X: (mm: number) => number, Y: (mm: number) => number): void {
  const rad = (op.rotate * Math.PI) / 180;
  for (const run of rs) {
    const font = fonts[run.slot] ?? fonts.main;
    if (!font) continue;
    const d = run.dx * op.size;
    page.drawText(run.s, {
      x: X(op.x) + d * Math.cos(rad),
      y: Y(op.y) + d * Math.sin(rad),
      size: op.size,
      font,
      color: colorOf(op.color),
      ...(op.opacity < 1 ? { opacity: op.opacity } : {}),
      ...(op.rotate ? { rotate: degrees(op.rotate) } : {}),
    });
  }
}
