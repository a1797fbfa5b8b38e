/**
 * The printed page number read from the margin bands by themselves. The page pass often drops a
 * lone short mark ("7", "- 3 -") as noise, and reads small digits poorly at the page's OCR scale;
 * here each small mark in the top and bottom bands is cut out of the full-resolution page, scaled
 * so its characters are MARK_PX tall, made pure black on white and read as one line. A few small
 * crops: fast enough to run on every page that needs it.
 */
import sharp from 'sharp';
import { bands, profile, type Grey } from './layout';
import { MARGIN_BAND, parsePageNumber } from './pageNumber';
import { PSM, type WorkerSlot } from './slot';
import { joinWords } from './text';

/** Character height (px) the mark is scaled to; tesseract reads short digit runs best around here. */
const MARK_PX = 36;
/** Sizes for the digits-only readings, which must agree. */
const DIGIT_PX = [MARK_PX, 48];
/** A page number is a short mark: wider than this share of the page it is a text line. */
const MAX_MARK_WIDTH = 0.3;
/** Marks tried per band, nearest the page edge first. */
const MARKS_PER_BAND = 2;

interface Mark {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Small ink clusters in rows [from, to) of the thumbnail, in thumbnail pixels. */
export function marksInBand(g: Grey, threshold: number, from: number, to: number): Mark[] {
  const rows = profile(g, threshold).subarray(from, to);
  const out: Mark[] = [];
  for (const r of bands(rows, 1, 1)) {
    const top = from + r.top;
    const bottom = from + r.bottom;
    const h = bottom - top;
    if (h < 2) continue;
    const cols = profile(g, threshold, true, top, bottom);
    // Characters of one number stand closer than two line heights ("— 12 —" stays one mark).
    for (const c of bands(cols, 1, Math.max(2, h * 2))) {
      const width = c.bottom - c.top;
      if (width >= 2 && width <= g.width * MAX_MARK_WIDTH) out.push({ left: c.top, top, width, height: h });
    }
  }
  return out;
}

async function markImage(full: Grey, m: Mark, px: number): Promise<Buffer | null> {
  const pad = Math.round(m.height * 0.8);
  const left = Math.max(0, m.left - pad);
  const top = Math.max(0, m.top - pad);
  const width = Math.min(full.width - left, m.width + 2 * pad);
  const height = Math.min(full.height - top, m.height + 2 * pad);
  if (width < 2 || height < 2) return null;
  const factor = Math.min(4, Math.max(0.25, px / Math.max(1, m.height)));
  return sharp(full.data, { raw: { width: full.width, height: full.height, channels: 1 } })
    .extract({ left, top, width, height })
    .resize({ width: Math.max(8, Math.round(width * factor)) })
    // Pure black on white: the LSTM misreads short grey digits on off-white paper.
    .normalise()
    .threshold(160)
    .extend({ top: 12, bottom: 12, left: 12, right: 12, background: '#ffffff' })
    .withMetadata({ density: 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/**
 * One mark: first as text with the Chinese model (it knows 第…页); when that is no page number,
 * as digits only with the English model at two sizes, accepted only when both agree (a lone
 * digit is fragile: "7" reads as 了, "11" as "]|", and a speck must not become a number).
 */
async function readMark(slot: WorkerSlot, full: Grey, m: Mark): Promise<number | null> {
  const png = await markImage(full, m, MARK_PX);
  if (!png) return null;
  const page = await slot.read(png, PSM.SINGLE_LINE, { text: true });
  const n = parsePageNumber(joinWords(page.text.split(/\s+/)));
  if (n !== null) return n;
  const votes: (number | null)[] = [];
  for (const px of DIGIT_PX) {
    const img = px === MARK_PX ? png : await markImage(full, m, px);
    if (!img) return null;
    votes.push(parsePageNumber((await slot.readDigits(img)).text.trim()));
    if (votes[0] === null) return null;
  }
  return votes.every((v) => v === votes[0]) ? (votes[0] ?? null) : null;
}

/** `g` is a thumbnail of `full`; marks found on it are read from `full`. */
export async function readMarginNumber(slot: WorkerSlot, full: Grey, g: Grey, threshold: number): Promise<number | null> {
  const band = Math.round(g.height * MARGIN_BAND);
  const k = full.width / g.width;
  const bottom = marksInBand(g, threshold, g.height - band, g.height).reverse();
  const top = marksInBand(g, threshold, 0, band);
  for (const marks of [bottom, top]) {
    for (const m of marks.slice(0, MARKS_PER_BAND)) {
      const scaled = { left: Math.floor(m.left * k), top: Math.floor(m.top * k), width: Math.ceil(m.width * k), height: Math.ceil(m.height * k) };
      const n = await readMark(slot, full, scaled);
      if (n !== null) return n;
    }
  }
  return null;
}
