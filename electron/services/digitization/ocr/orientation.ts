/**
 * Which way up a page is. Two cheap steps instead of OCR of the whole page four times:
 * 1. the direction of the text lines from projection profiles (lines across → 0°/180°, lines
 *    down → 90°/270°), no OCR at all;
 * 2. OCR of a strip of a few lines from the middle of the text, as it stands and turned half
 *    round: upright Chinese reads with high confidence, upside-down text with low. An upright
 *    page (the common case) costs one strip; only a doubtful one costs the second.
 * A page without enough ink is reported as upright with confidence 0 (blank pages stay as scanned).
 * The strip is cut from the page straightened first: on a page skewed by 3° the lines would
 * otherwise run out of any strip a few lines high.
 */
import sharp, { type Sharp } from 'sharp';
import type { Page } from 'tesseract.js';
import { estimateSkew } from '../imaging/skew';
import type { Rotation } from '../ports';
import { bands, decodeGrey, inkShare, inkThreshold, lineness, median, profile, type Grey } from './layout';
import { PSM, type Psm } from './slot';

export type ReadStrip = (png: Buffer, psm: Psm) => Promise<Page>;

export interface OrientationResult {
  rotation: Rotation;
  /** The strip's recognition confidence at the chosen rotation (0–100); 0 when there was no text. */
  confidence: number;
}

/** Confidence at which the first reading is taken as the right way up without trying the turn. */
export const UPRIGHT_CONFIDENCE = 80;
/** Below this share of ink there is nothing to orient (matches the imaging code's blank test). */
const MIN_INK = 0.002;
const ANALYSIS_WIDTH = 800;
/** Text lines in the strip: enough for a stable confidence, few enough to be cheap. */
const STRIP_LINES = 3;
/** Line height the strip is scaled to for OCR (px). */
const STRIP_LINE_PX = 26;
const MIN_CHARS = 4;
/** Skew (degrees) below which the strip is cut without straightening the page first. */
const MIN_SKEW = 0.5;

/** Turns a greyscale thumbnail a quarter clockwise (pure JS; the thumbnail is small). */
function quarterTurn(g: Grey): Grey {
  const { width: w, height: h } = g;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[x * h + (h - 1 - y)] = g.data[y * w + x] as number;
  return { data, width: h, height: w };
}

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

/**
 * A strip of a few text lines from the middle of the text, cut from `source` (the page in the
 * candidate's base orientation) and scaled so its lines are STRIP_LINE_PX tall. Only the middle
 * half of the line length is taken: on a page skewed by 3° the lines then still run inside the strip.
 */
async function cutStrip(g: Grey, source: Sharp, sourceWidth: number, threshold: number): Promise<Buffer | null> {
  const cols = profile(g, threshold, true);
  const span = inkedSpan(cols, 1);
  if (!span) return null;
  const [x0, x1] = span;
  const mid0 = Math.round(x0 + (x1 - x0) * 0.25);
  const mid1 = Math.round(x0 + (x1 - x0) * 0.75);
  const rows = profile(g, threshold, false, mid0, mid1);
  const minInk = Math.max(2, Math.round((mid1 - mid0) * 0.02));
  const lines = bands(rows, minInk).filter((b) => b.bottom - b.top >= 3);
  if (lines.length === 0) return null;
  const lineH = median(lines.map((b) => b.bottom - b.top));
  const single = lines.filter((b) => b.bottom - b.top <= lineH * 1.6);
  let top: number;
  let bottom: number;
  if (single.length >= STRIP_LINES) {
    // The run of STRIP_LINES lines nearest the middle of the text.
    const centre = (lines[0]!.top + lines[lines.length - 1]!.bottom) / 2;
    let best = 0;
    for (let i = 0; i + STRIP_LINES <= single.length; i++) {
      const c = (single[i]!.top + single[i + STRIP_LINES - 1]!.bottom) / 2;
      const bc = (single[best]!.top + single[best + STRIP_LINES - 1]!.bottom) / 2;
      if (Math.abs(c - centre) < Math.abs(bc - centre)) best = i;
    }
    top = single[best]!.top;
    bottom = single[best + STRIP_LINES - 1]!.bottom;
  } else {
    // Few lines (or lines merged by skew): the middle of the inked rows, about a tenth of the page.
    const first = lines[0]!.top;
    const last = lines[lines.length - 1]!.bottom;
    const h = Math.min(last - first, Math.max(lineH, Math.round(g.height * 0.1)));
    top = Math.round((first + last - h) / 2);
    bottom = top + h;
  }
  const pad = Math.round(lineH * 0.5);
  const k = sourceWidth / g.width;
  const left = Math.max(0, Math.floor((mid0 - pad) * k));
  const right = Math.min(sourceWidth, Math.ceil((mid1 + pad) * k));
  const sTop = Math.max(0, Math.floor((top - pad) * k));
  const sBottom = Math.min(Math.round(g.height * k), Math.ceil((bottom + pad) * k));
  if (right - left < 8 || sBottom - sTop < 8) return null;
  const factor = Math.min(2, Math.max(0.3, STRIP_LINE_PX / Math.max(1, Math.min(lineH, (bottom - top)) * k)));
  return source
    .clone()
    .extract({ left, top: sTop, width: right - left, height: sBottom - sTop })
    .resize({ width: Math.max(8, Math.round((right - left) * factor)) })
    .withMetadata({ density: 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

function strength(p: Page): { confidence: number; chars: number } {
  const chars = p.text.replace(/\s/g, '').length;
  return { confidence: chars < MIN_CHARS ? 0 : p.confidence, chars };
}

export async function detectOrientation(grey: Buffer, read: ReadStrip): Promise<OrientationResult> {
  let g = await decodeGrey(grey, ANALYSIS_WIDTH);
  const threshold = inkThreshold(g);
  if (inkShare(g, threshold) < MIN_INK) return { rotation: 0, confidence: 0 };
  const across = lineness(profile(g, threshold)) >= lineness(profile(g, threshold, true));
  // Skew is measured on lines running across; a page on its side is measured turned.
  const skew = across ? estimateSkew(g) : -estimateSkew(quarterTurn(g));
  let page = sharp(grey).greyscale();
  if (Math.abs(skew) >= MIN_SKEW) {
    const { data, info } = await page.rotate(-skew, { background: '#ffffff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    page = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
    g = await decodeGrey(await page.clone().png({ compressionLevel: 1 }).toBuffer(), ANALYSIS_WIDTH);
  }
  const { width: pageWidth = 0, height: pageHeight = 0 } = await page.metadata();
  const bases: Rotation[] = across ? [0, 90] : [90, 0];
  let fallback: OrientationResult = { rotation: 0, confidence: 0 };
  for (const base of bases) {
    const strip = base === 90 ? await cutStrip(quarterTurn(g), page.clone().rotate(90), pageHeight, threshold) : await cutStrip(g, page.clone(), pageWidth, threshold);
    if (!strip) continue;
    const first = strength(await read(strip, PSM.SINGLE_BLOCK));
    if (first.confidence >= UPRIGHT_CONFIDENCE) return { rotation: base, confidence: first.confidence };
    const flipped = await sharp(strip).rotate(180).png({ compressionLevel: 1 }).toBuffer();
    const second = strength(await read(flipped, PSM.SINGLE_BLOCK));
    const best: OrientationResult =
      second.confidence > first.confidence ? { rotation: ((base + 180) % 360) as Rotation, confidence: second.confidence } : { rotation: base, confidence: first.confidence };
    if (Math.max(first.chars, second.chars) >= MIN_CHARS && best.confidence >= UPRIGHT_CONFIDENCE / 2) return best;
    if (best.confidence > fallback.confidence) fallback = best;
  }
  return fallback;
}
