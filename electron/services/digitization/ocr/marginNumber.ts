/**
 * The printed page number read from the margin bands by themselves. The page pass often drops a
 * lone short mark ("7", "- 3 -") as noise, and reads small digits poorly at the page's OCR scale;
 * here each small mark in the top and bottom bands is cut out of the full-resolution page, scaled
 * to a few character heights, made pure black on white and read as one line. A few small crops,
 * typically two readings: fast enough to run on every page.
 */
import sharp from 'sharp';
import { bands, profile, type Grey } from './layout';
import { MARGIN_BAND, parsePageNumber } from './pageNumber';
import { PSM, type WorkerSlot } from './slot';
import { joinWords } from './text';

/** Character height (px) for the Chinese reading of a mark. */
const TEXT_PX = 36;
/** Character heights (px) for the digits-only readings; two readings must agree. */
const DIGIT_PX = [36, 48, 28];
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

/**
 * The mark narrowed to its digits: the columns with ink in the top or bottom quarter of the mark.
 * Dashes around a number ("— 23 —", "-7-") sit in the middle band and drop out, while the top bar
 * of a 7 or the foot of a 2 stay. The digits-only readings are far more reliable without the
 * dashes (a long dash is outside the digit set and derails the whole line).
 */
export function digitPart(full: Grey, m: Mark, threshold: number): Mark {
  const quarter = Math.max(1, Math.round(m.height / 4));
  const outer = (y: number) => y < m.top + quarter || y >= m.top + m.height - quarter;
  let first = -1;
  let last = -1;
  for (let x = m.left; x < Math.min(full.width, m.left + m.width); x++) {
    for (let y = m.top; y < Math.min(full.height, m.top + m.height); y++) {
      if (outer(y) && (full.data[y * full.width + x] as number) < threshold) {
        if (first < 0) first = x;
        last = x;
        break;
      }
    }
  }
  return first < 0 ? m : { ...m, left: first, width: last - first + 1 };
}

/**
 * The mark cut out and scaled so its characters are `px` tall. `tight` cuts close beside the
 * mark (the digits of "- 2 -" without the dash ends, which read as another "2") and adds white
 * space instead.
 */
async function markImage(full: Grey, m: Mark, px: number, tight = false): Promise<Buffer | null> {
  const padY = Math.round(m.height * 0.8);
  const padX = tight ? Math.round(m.height * 0.1) : padY;
  const left = Math.max(0, m.left - padX);
  const top = Math.max(0, m.top - padY);
  const width = Math.min(full.width - left, m.width + 2 * padX);
  const height = Math.min(full.height - top, m.height + 2 * padY);
  if (width < 2 || height < 2) return null;
  const factor = Math.min(4, Math.max(0.25, px / Math.max(1, m.height)));
  const side = 12 + (tight ? Math.round(px * 0.7) : 0);
  return sharp(full.data, { raw: { width: full.width, height: full.height, channels: 1 } })
    .extract({ left, top, width, height })
    .resize({ width: Math.max(8, Math.round(width * factor)) })
    // Pure black on white: the LSTM misreads short grey digits on off-white paper.
    .normalise()
    .threshold(160)
    .extend({ top: 12, bottom: 12, left: side, right: side, background: '#ffffff' })
    .withMetadata({ density: 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Two readings that agree, or null. */
function agreed(votes: readonly (number | null)[]): number | null {
  return votes.find((n, i) => n !== null && votes.indexOf(n) !== i) ?? null;
}

/**
 * One mark. First as text with the Chinese model: a mark that reads as Chinese words is a text
 * line, not a number, and is left at once; "第12页" is taken as read (the hanzi anchor the digits).
 * A bare number is fragile for the LSTM: the same clean "— 23 —" reads as nothing at one size and
 * correctly at another, "7" as 了, "11" as "1" or "]|". So it is read as digits only with the
 * English model at a few sizes, and accepted when two readings agree (the Chinese reading counts
 * as one): a wrong page number is worse than none, it invents a gap in the sequence.
 */
async function readMark(slot: WorkerSlot, full: Grey, m: Mark, threshold: number): Promise<number | null> {
  const first = await markImage(full, m, TEXT_PX);
  if (!first) return null;
  const text = joinWords((await slot.read(first, PSM.SINGLE_LINE, { text: true })).text.split(/\s+/));
  // 一 and 二 are how the Chinese model reads dashes; 第 and 页 belong to the number.
  if ((text.replace(/[第页一二]/g, '').match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 2) return null;
  const chinese = parsePageNumber(text);
  if (chinese !== null && /第.*页/.test(text)) return chinese;
  const votes: (number | null)[] = [chinese];
  const digits = digitPart(full, m, threshold);
  for (const px of DIGIT_PX) {
    const png = await markImage(full, digits, px, true);
    if (!png) return null;
    votes.push(parsePageNumber((await slot.readDigits(png)).text.trim()));
    const n = agreed(votes);
    if (n !== null) return n;
  }
  return null;
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
      const n = await readMark(slot, full, scaled, threshold);
      if (n !== null) return n;
    }
  }
  return null;
}
