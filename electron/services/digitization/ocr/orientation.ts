/**
 * Which way up a page is. Two cheap steps instead of OCR of the whole page four times:
 * 1. the direction of the text lines from projection profiles (lines across → 0°/180°, lines
 *    down → 90°/270°), no OCR at all;
 * 2. OCR of one text line from the middle of the page (the middle half of its length), as it
 *    stands and turned half round: upright Chinese reads with high confidence, upside-down text
 *    with low. An upright page (the common case) costs one line; only a doubtful one costs two.
 * Measured on the 36 text pages of `npm run bench -- ocr --pages 40` (8 upside down, skewed up to
 * ±3°, noise, yellowed paper): first reading 79–93 upright, 15–33 upside down; 0 wrong; about
 * 0.2 s CPU per page with one line (0.34 s with three lines, same separation).
 * The line is cut from the page straightened first: at 3° a line drifts out of any narrow strip.
 * A page without enough ink is reported as upright with confidence 0 (blank pages stay as scanned).
 * Without a usable reading either way the page is taken as upright (lines across) or as lying on
 * its side the usual way (lines down), never turned on a guess.
 * Input: the page's ~150 dpi greyscale as PGM (processing sends that: no PNG to decode), or any
 * image sharp reads.
 */
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import { estimateSkew, quarterTurn } from '../imaging/skew';
import type { Rotation } from '../ports';
import { bands, boxThumbnail, inkShare, inkThreshold, lineness, median, profile, type Grey } from './layout';
import { fromPgm } from './pgm';
import { PSM, type Psm } from './slot';

/** Reads a strip with the Chinese model, or with the English one when `latin`. */
export type ReadStrip = (png: Buffer, psm: Psm, latin?: boolean) => Promise<Page>;

export interface OrientationHint {
  skewDegrees?: number;
}

export interface OrientationResult {
  rotation: Rotation;
  /** The line's recognition confidence at the chosen rotation (0–100); 0 when there was no text. */
  confidence: number;
}

/** Confidence at which the first reading is taken as the right way up without trying the turn. */
export const UPRIGHT_CONFIDENCE = 70;
/** Below this share of ink there is nothing to orient (matches the imaging code's blank test). */
const MIN_INK = 0.002;
const ANALYSIS_WIDTH = 800;
/** Line height the strip is scaled to for OCR (px). */
const STRIP_LINE_PX = 26;
const MIN_CHARS = 4;
/** Skew (degrees) below which the line is cut without straightening the page first. */
const MIN_SKEW = 0.5;

/** Bounds of the inked area along one profile (ignoring the outer 3%, where scanner edges are). */
function inkedSpan(p: Uint32Array, minInk: number): [number, number] | null {
  const edge = Math.floor(p.length * 0.03);
  let first = -1;
  let last = -1;
  for (let i = edge; i < p.length - edge; i++) {
    if ((p[i] as number) >= minInk) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : [first, last + 1];
}

/** A page seen straightened and perhaps turned a quarter: where each of its pixels comes from. */
interface View {
  width: number;
  height: number;
  /** Source coordinates in the page as given for a point of this view, written to `at` (no allocation per pixel). */
  source(x: number, y: number, at: Float64Array): void;
}

/**
 * The page straightened by `skew` degrees about its centre (same size; what falls outside is
 * paper), then turned a quarter clockwise when `quarter`. Sampling through this mapping replaces
 * rotating the whole page: only the pixels of the one line that is read are ever computed.
 */
function viewOf(page: Grey, skew: number, quarter: boolean): View {
  const rad = (skew * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (page.width - 1) / 2;
  const cy = (page.height - 1) / 2;
  const straight = (x: number, y: number, at: Float64Array): void => {
    at[0] = cx + (x - cx) * cos - (y - cy) * sin;
    at[1] = cy + (x - cx) * sin + (y - cy) * cos;
  };
  if (!quarter) return { width: page.width, height: page.height, source: straight };
  // quarterTurn: output (u, v) holds input (v, h − 1 − u).
  return { width: page.height, height: page.width, source: (u, v, at) => straight(v, page.height - 1 - u, at) };
}

/** The view sampled onto a grid (bilinear; paper white outside the page). */
function sample(page: Grey, view: View, left: number, top: number, width: number, height: number, step = 1): Grey {
  const w = Math.max(1, Math.round(width / step));
  const h = Math.max(1, Math.round(height / step));
  const out = new Uint8Array(w * h);
  const d = page.data;
  const pw = page.width;
  const maxX = pw - 1;
  const maxY = page.height - 1;
  const at = new Float64Array(2);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      view.source(left + i * step, top + j * step, at);
      const sx = at[0]!;
      const sy = at[1]!;
      if (sx < 0 || sy < 0 || sx > maxX || sy > maxY) {
        out[j * w + i] = 255;
        continue;
      }
      const x0 = Math.min(maxX - 1, sx | 0);
      const y0 = Math.min(maxY - 1, sy | 0);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = y0 * pw + x0;
      const top0 = d[o]! + (d[o + 1]! - d[o]!) * fx;
      const bottom0 = d[o + pw]! + (d[o + pw + 1]! - d[o + pw]!) * fx;
      out[j * w + i] = (top0 + (bottom0 - top0) * fy + 0.5) | 0;
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * One text line from the middle of the text, cut from `page` seen through `view` (`g` is the
 * view's thumbnail) and scaled to STRIP_LINE_PX. Of the lines in the middle of the text the one
 * with the most ink is taken (a full line, not the short end of a paragraph), and only the middle
 * half of its length, so a line left slightly skewed stays inside the cut.
 */
async function cutLine(g: Grey, page: Grey, view: View, threshold: number, wholeLength = false): Promise<Buffer | null> {
  const span = inkedSpan(profile(g, threshold, true), 1);
  if (!span) return null;
  const [x0, x1] = span;
  const mid0 = Math.round(x0 + (x1 - x0) * 0.25);
  const mid1 = Math.round(x0 + (x1 - x0) * 0.75);
  const rows = profile(g, threshold, false, mid0, mid1);
  const minInk = Math.max(2, Math.round((mid1 - mid0) * 0.02));
  const lines = bands(rows, minInk).filter((b) => b.bottom - b.top >= 3);
  if (lines.length === 0) return null;
  const lineH = median(lines.map((b) => b.bottom - b.top));
  const first = lines[0]!.top;
  const last = lines[lines.length - 1]!.bottom;
  const whole = lines.filter((b) => b.bottom - b.top <= lineH * 1.6);
  const inMiddle = whole.filter((b) => Math.abs((b.top + b.bottom) / 2 - (first + last) / 2) <= (last - first) * 0.3);
  const ink = (b: { top: number; bottom: number }) => rows.subarray(b.top, b.bottom).reduce((a, v) => a + v, 0);
  const inkiest = (bs: { top: number; bottom: number }[]) => bs.reduce<{ top: number; bottom: number } | null>((best, b) => (best === null || ink(b) > ink(best) ? b : best), null);
  // A page of a few lines (a title and a sentence) has none in the middle: then any whole line;
  // without one (lines merged): the middle of the inked rows.
  const chosen = inkiest(inMiddle) ?? inkiest(whole) ?? {
    top: Math.round((first + last - lineH) / 2),
    bottom: Math.round((first + last + lineH) / 2),
  };
  const k = view.width / g.width;
  const pad = lineH * 0.5;
  const left = Math.max(0, Math.floor(((wholeLength ? x0 : mid0) - pad) * k));
  const right = Math.min(view.width, Math.ceil(((wholeLength ? x1 : mid1) + pad) * k));
  const top = Math.max(0, Math.floor((chosen.top - pad) * k));
  const bottom = Math.min(view.height, Math.ceil((chosen.bottom + pad) * k));
  if (right - left < 8 || bottom - top < 8) return null;
  const factor = Math.min(2, Math.max(0.3, STRIP_LINE_PX / Math.max(1, (chosen.bottom - chosen.top) * k)));
  const strip = sample(page, view, left, top, right - left, bottom - top);
  return sharp(strip.data, { raw: { width: strip.width, height: strip.height, channels: 1 } })
    .resize({ width: Math.max(8, Math.round(strip.width * factor)) })
    .withMetadata({ density: 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Any other image format (the port takes an encoded image; processing sends PGM). */
async function decodeGrey(image: Buffer): Promise<Grey> {
  const { data, info } = await sharp(image).greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function strength(p: Page): { confidence: number; chars: number } {
  const chars = p.text.replace(/\s/g, '').length;
  return { confidence: chars < MIN_CHARS ? 0 : p.confidence, chars };
}

/** A reading that is Latin text (letters and digits, no hanzi to speak of). */
function isChinese(text: string): boolean {
  const t = text.replace(/\s/g, '');
  return (t.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= Math.max(2, t.length / 2);
}

/**
 * `hint.skewDegrees`: the skew the imaging code already measured (the same for every quarter turn),
 * which saves measuring it again here.
 */
export async function detectOrientation(grey: Buffer, read: ReadStrip, hint: OrientationHint = {}): Promise<OrientationResult> {
  const page: Grey = fromPgm(grey) ?? (await decodeGrey(grey));
  let g: Grey = boxThumbnail(page, ANALYSIS_WIDTH);
  const threshold = inkThreshold(g);
  if (inkShare(g, threshold) < MIN_INK) return { rotation: 0, confidence: 0 };
  const across = lineness(profile(g, threshold)) >= lineness(profile(g, threshold, true));
  // Skew is measured on lines running across; a page on its side is measured turned. A quarter
  // turn and the small straightening rotation commute, so the angle measured turned is the page's
  // own (it was once negated here, which doubled the skew of a page on its side: measured on bench
  // pages turned 90°/270° with 1.4–2.9° of skew, every one then fell back to "no reading").
  const skew = hint.skewDegrees ?? (across ? estimateSkew(g) : estimateSkew(quarterTurn(g)));
  const straight = Math.abs(skew) >= MIN_SKEW ? skew : 0;
  // The thumbnail straightened (nearest pixel is enough to find lines); the page never is.
  if (straight !== 0) g = sample(g, viewOf(g, straight, false), 0, 0, g.width, g.height);
  const bases: Rotation[] = across ? [0, 90] : [90, 0];
  // Without a clear reading the direction of the lines decides, the right way up assumed.
  let fallback: OrientationResult | null = null;
  for (const base of bases) {
    const view = viewOf(page, straight, base === 90);
    const tg = base === 90 ? quarterTurn(g) : g;
    const line = await cutLine(tg, page, view, threshold);
    if (!line) continue;
    const firstPage = await read(line, PSM.SINGLE_LINE);
    const first = strength(firstPage);
    if (first.confidence >= UPRIGHT_CONFIDENCE && isChinese(firstPage.text)) return { rotation: base, confidence: first.confidence };
    const flipped = await sharp(line).rotate(180).png({ compressionLevel: 1 }).toBuffer();
    const secondPage = await read(flipped, PSM.SINGLE_LINE);
    const second = strength(secondPage);
    let [upScore, downScore] = [first.confidence, second.confidence];
    // Latin lines read about as well either way up in the Chinese model (upside-down "PAGE ONE"
    // 72, "Monthly wage" 63 against 68 the right way up), and half a line of capitals reads as
    // well either way up in any model ("E ONE" / "ƎNO Ǝ"). So a line that is not Chinese either
    // way is read again whole, with the English model, which knows which way up b, d, p and q
    // are, and the two models' confidences added decide. Chinese pages never get here (one of
    // their two readings is hanzi).
    if (!isChinese(firstPage.text) && !isChinese(secondPage.text)) {
      const whole = await cutLine(tg, page, view, threshold, true);
      if (whole) {
        upScore += strength(await read(whole, PSM.SINGLE_LINE, true)).confidence;
        downScore += strength(await read(await sharp(whole).rotate(180).png({ compressionLevel: 1 }).toBuffer(), PSM.SINGLE_LINE, true)).confidence;
      }
    }
    const best: OrientationResult =
      downScore > upScore ? { rotation: ((base + 180) % 360) as Rotation, confidence: second.confidence } : { rotation: base, confidence: first.confidence };
    if (Math.max(first.chars, second.chars) >= MIN_CHARS && best.confidence >= UPRIGHT_CONFIDENCE / 2) return best;
    fallback ??= { rotation: base, confidence: first.confidence };
  }
  return fallback ?? { rotation: 0, confidence: 0 };
}
