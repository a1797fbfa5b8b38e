/**
 * Recognition of one processed page (upright and deskewed by the imaging code):
 * - a blank page (no ink) returns no text without running OCR;
 * - the OCR scale comes from the measured height of the text lines, so tesseract sees lines about
 *   TARGET_LINE_PX tall whatever the font size or scan resolution; greyscale, PNG without
 *   compression effort. Measured on 7 generated 12-pt pages (lines 46 px at full size), CPU per
 *   page and CER by line height at OCR: 23 px 1.92 s 0.43%; 18.6 px 1.74 s 0.49%; 16.3 px 1.55 s
 *   0.43%; 14 px 1.48 s 0.80%; at full size CER was 1.8–2.2% and time about double;
 * - one Chinese pass over the page (words, lines, a text-only PDF page), then English re-reads of
 *   the lines that hold Latin words (latin.ts);
 * - word boxes mapped back to the page's own pixels; text without spaces between hanzi;
 * - the printed page number from the marks in the margin bands, read one by one at their own
 *   scale (marginNumber.ts).
 */
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import type { OcrOutcome, OcrWordBox } from '../ports';
import { isLatinWord, mergeLatin, wordsOf, type WordReading } from './latin';
import { inkShare, inkThreshold, textLineHeight, type Grey } from './layout';
import { readMarginNumber } from './marginNumber';
import { PSM, type WorkerSlot } from './slot';
import { joinWords } from './text';

/** Text-line height (px) the page is scaled to for OCR. */
export const TARGET_LINE_PX = 17;
const MIN_SCALE = 0.2;
/** Without measurable lines: half size, which suits 300-dpi body text. */
const DEFAULT_SCALE = 0.5;
const ANALYSIS_WIDTH = 800;
/** Tesseract rejects a declared resolution under 70 dpi (and guesses one, with a warning). */
const MIN_DENSITY = 70;
/** Line height (px) for the English re-read: Latin x-height then comes to about 20 px. */
const LATIN_LINE_PX = 44;
/** Below this share of ink the page is blank (dust and specks stay under it). */
export const BLANK_INK_SHARE = 0.002;

export type UseSlot = <T>(fn: (slot: WorkerSlot) => Promise<T>) => Promise<T>;

interface LineReading {
  words: WordReading[];
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** Index of the paragraph, to put blank lines between paragraphs. */
  paragraph: number;
}

export const EMPTY_OUTCOME: OcrOutcome = { text: '', words: [], confidence: 0, textPdf: null, pageNumber: null };

/** The scale that brings the measured text lines to TARGET_LINE_PX, or the default. */
export function ocrScale(g: Grey & { scale: number }, threshold: number): number {
  const h = textLineHeight(g, threshold);
  if (h === null) return DEFAULT_SCALE;
  return Math.min(1, Math.max(MIN_SCALE, TARGET_LINE_PX / (h / g.scale)));
}

function linesOf(page: Page): LineReading[] {
  const out: LineReading[] = [];
  let paragraph = 0;
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words = line.words.filter((w) => w.text.trim()).map((w) => ({ text: w.text.trim(), confidence: w.confidence, bbox: { ...w.bbox } }));
        if (words.length > 0) out.push({ words, bbox: { ...line.bbox }, paragraph });
      }
      paragraph++;
    }
  }
  return out;
}

/**
 * Re-reads the lines with Latin words in English and merges the better readings in. The line is
 * cut from the full-size page and scaled to LATIN_LINE_PX: at the page's OCR scale Latin
 * lowercase is only a few pixels high, where the English model reads with little confidence.
 */
async function rereadLatin(slot: WorkerSlot, full: Grey, scale: number, lines: LineReading[]): Promise<void> {
  for (const line of lines) {
    if (!line.words.some((w) => isLatinWord(w.text))) continue;
    const box = { x0: line.bbox.x0 / scale, y0: line.bbox.y0 / scale, x1: line.bbox.x1 / scale, y1: line.bbox.y1 / scale };
    const lineH = Math.max(1, box.y1 - box.y0);
    const left = Math.max(0, Math.floor(box.x0 - lineH * 0.3));
    const top = Math.max(0, Math.floor(box.y0 - lineH * 0.3));
    const width = Math.max(1, Math.min(full.width, Math.ceil(box.x1 + lineH * 0.3)) - left);
    const height = Math.max(1, Math.min(full.height, Math.ceil(box.y1 + lineH * 0.3)) - top);
    const k = Math.min(2, LATIN_LINE_PX / lineH);
    const png = await sharp(full.data, { raw: { width: full.width, height: full.height, channels: 1 } })
      .extract({ left, top, width, height })
      .resize({ width: Math.max(8, Math.round(width * k)) })
      .withMetadata({ density: 300 })
      .png({ compressionLevel: 1 })
      .toBuffer();
    // English word boxes back into the page pass's coordinates.
    const toPage = (v: number, origin: number) => (origin + v / k) * scale;
    const english = wordsOf(await slot.readLatinLine(png)).map((w) => ({
      ...w,
      bbox: { x0: toPage(w.bbox.x0, left), y0: toPage(w.bbox.y0, top), x1: toPage(w.bbox.x1, left), y1: toPage(w.bbox.y1, top) },
    }));
    line.words = mergeLatin(line.words, english);
  }
}

export function recognizePage(jpeg: Buffer, use: UseSlot): Promise<OcrOutcome> {
  // Everything runs while holding a slot: a queue of pages waiting for OCR then holds only their
  // JPEGs, never their decoded pixels.
  return use(async (slot) => {
    const meta = await sharp(jpeg).metadata();
    const dpi = meta.density ?? 300;
    // Decoded once at full size: the thumbnail, the OCR image and the margin crops all come from it.
    const decoded = await sharp(jpeg).greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const full: Grey = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
    const raw = () => sharp(full.data, { raw: { width: full.width, height: full.height, channels: 1 } });
    const t = await raw().resize({ width: Math.min(ANALYSIS_WIDTH, full.width) }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const g = { data: t.data, width: t.info.width, height: t.info.height, scale: t.info.width / full.width };
    const threshold = inkThreshold(g);
    if (inkShare(g, threshold) < BLANK_INK_SHARE) return EMPTY_OUTCOME;
    const scale = ocrScale(g, threshold);
    const size = { width: Math.max(1, Math.round(full.width * scale)), height: Math.max(1, Math.round(full.height * scale)) };
    const small = await raw().resize(size.width, size.height).toColourspace('b-w').raw().toBuffer();
    const png = await sharp(small, { raw: { ...size, channels: 1 } })
      .withMetadata({ density: Math.max(MIN_DENSITY, Math.round(dpi * scale)) })
      .png({ compressionLevel: 1 })
      .toBuffer();

    const page = await slot.read(png, PSM.AUTO, { text: true, blocks: true, pdf: true }, { pdfTextOnly: true });
    const lines = linesOf(page);
    await rereadLatin(slot, full, scale, lines);
    const back = (v: number) => Math.round(v / scale);
    const words: OcrWordBox[] = [];
    const textLines: string[] = [];
    let paragraph = lines[0]?.paragraph ?? 0;
    for (const line of lines) {
      const text = joinWords(line.words.map((w) => w.text));
      if (line.paragraph !== paragraph && textLines.length > 0) textLines.push('');
      paragraph = line.paragraph;
      textLines.push(text);
      for (const w of line.words) words.push({ text: w.text, confidence: Math.round(w.confidence), bbox: [back(w.bbox.x0), back(w.bbox.y0), back(w.bbox.x1), back(w.bbox.y1)] });
    }
    // Not from the page pass: at its scale small digits misread ("-22-" came back as "2").
    const pageNumber = await readMarginNumber(slot, full, g, threshold);
    return {
      text: textLines.join('\n').trim(),
      words,
      confidence: Math.round(page.confidence),
      textPdf: page.pdf ? Uint8Array.from(page.pdf) : null,
      pageNumber,
    };
  });
}
