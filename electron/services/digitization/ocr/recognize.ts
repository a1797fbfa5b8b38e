/**
 * Recognition of one processed page (upright and deskewed by the imaging code):
 * - a blank page (no ink) returns no text without running OCR;
 * - the OCR scale comes from the measured height of the text lines, so tesseract sees lines about
 *   TARGET_LINE_PX tall whatever the font size or scan resolution. Recognition time falls with the
 *   scale while CER rises slowly, then steeply: CPU per page and CER on 16 benchmark pages (lines
 *   46 px at full size; native tesseract on the same pages: 6.6% CER): 17 px 1.87 s 0.38%; 13 px
 *   1.68 s 0.63%; 12 px 1.6 s 0.82%; 10 px 1.41 s 4.6%. Measured again on 12 pages after the rest
 *   of the pipeline was made cheaper: 12 px 1.58 s 0.83%, 11 px 1.36 s 1.51%. 11 px is what brings
 *   import + OCR to 1.2x native tesseract's pages per minute (issue 3's target) at a CER still a
 *   quarter of native's; raise it for accuracy over speed. Greyscale PGM (pgm.ts), nothing to decode;
 * - one Chinese pass over the page (words and lines as TSV), then English re-reads of the lines that
 *   hold Latin words (latin.ts); the invisible text layer for the searchable PDF is written from the
 *   word boxes (textLayer.ts);
 * - word boxes mapped back to the page's own pixels; text without spaces between hanzi;
 * - the printed page number from the marks in the margin bands, read one by one at their own
 *   scale (marginNumber.ts).
 */
import sharp from 'sharp';
import type { RecognizeOptions } from 'tesseract.js';
import type { OcrOutcome, OcrWordBox } from '../ports';
import { isLatinWord, mergeLatin, wordsOf } from './latin';
import { boxThumbnail, inkShare, inkThreshold, textLineHeight, type Grey } from './layout';
import { readMarginNumber } from './marginNumber';
import { toPgm } from './pgm';
import { PSM, type WorkerSlot } from './slot';
import { joinWords } from './text';
import { textLayerPdf, type TextLine } from './textLayer';
import { linesFromTsv, type LineReading } from './tsv';

/** Text-line height (px) the page is scaled to for OCR. */
export const TARGET_LINE_PX = 11;
const MIN_SCALE = 0.2;
/** Without measurable lines: half size, which suits 300-dpi body text. */
const DEFAULT_SCALE = 0.5;
/** Thumbnail for the line-height measure: 3×3 box averages of a 300-dpi page (827 px; at 4×4 the
 * coarser line heights raised CER from 0.83% to 0.93% on 12 benchmark pages). */
const ANALYSIS_WIDTH = 830;
/** Tesseract rejects a declared resolution under 70 dpi (and guesses one, with a warning). */
const MIN_DENSITY = 70;
/** Line height (px) for the English re-read: Latin x-height then comes to about 20 px. */
const LATIN_LINE_PX = 44;
/** Below this share of ink the page is blank (dust and specks stay under it). */
export const BLANK_INK_SHARE = 0.002;

export type UseSlot = <T>(fn: (slot: WorkerSlot) => Promise<T>) => Promise<T>;

export const EMPTY_OUTCOME: OcrOutcome = { text: '', words: [], confidence: 0, textPdf: null, pageNumber: null };

/** The scale that brings the measured text lines to TARGET_LINE_PX, or the default. */
export function ocrScale(g: Grey & { scale: number }, threshold: number): number {
  const h = textLineHeight(g, threshold);
  if (h === null) return DEFAULT_SCALE;
  return Math.min(1, Math.max(MIN_SCALE, TARGET_LINE_PX / (h / g.scale)));
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
    const g = boxThumbnail(full, ANALYSIS_WIDTH);
    const threshold = inkThreshold(g);
    if (inkShare(g, threshold) < BLANK_INK_SHARE) return EMPTY_OUTCOME;
    const scale = ocrScale(g, threshold);
    const size = { width: Math.max(1, Math.round(full.width * scale)), height: Math.max(1, Math.round(full.height * scale)) };
    const small = await raw().resize(size.width, size.height).toColourspace('b-w').raw().toBuffer();
    const options = { user_defined_dpi: String(Math.max(MIN_DENSITY, Math.round(dpi * scale))) } as Partial<RecognizeOptions>;
    const page = await slot.read(toPgm({ data: small, ...size }), PSM.AUTO, { tsv: true }, options);
    const lines = linesFromTsv(page.tsv ?? '');
    await rereadLatin(slot, full, scale, lines);
    const back = (v: number) => Math.round(v / scale);
    const words: OcrWordBox[] = [];
    const layer: TextLine[] = [];
    const textLines: string[] = [];
    let paragraph = lines[0]?.paragraph ?? 0;
    for (const line of lines) {
      const text = joinWords(line.words.map((w) => w.text));
      if (line.paragraph !== paragraph && textLines.length > 0) textLines.push('');
      paragraph = line.paragraph;
      textLines.push(text);
      const lineWords: OcrWordBox[] = line.words.map((w) => ({ text: w.text, confidence: Math.round(w.confidence), bbox: [back(w.bbox.x0), back(w.bbox.y0), back(w.bbox.x1), back(w.bbox.y1)] }));
      words.push(...lineWords);
      layer.push({ box: [back(line.bbox.x0), back(line.bbox.y0), back(line.bbox.x1), back(line.bbox.y1)], words: lineWords });
    }
    // Not from the page pass: at its scale small digits misread ("-22-" came back as "2").
    const pageNumber = await readMarginNumber(slot, full, g, threshold);
    return {
      text: textLines.join('\n').trim(),
      words,
      confidence: Math.round(page.confidence),
      textPdf: textLayerPdf(layer, full.width, full.height, dpi),
      pageNumber,
    };
  });
}
