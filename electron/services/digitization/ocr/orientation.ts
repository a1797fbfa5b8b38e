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
 */
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import { estimateSkew } from '../imaging/skew';
import type { Rotation } from '../ports';
import { bands, inkShare, inkThreshold, lineness, median, profile, type Grey } from './layout';
import { PSM, type Psm } from './slot';

export type ReadStrip = (png: Buffer, psm: Psm) => Promise<Page>;

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
 * One text line from the middle of the text, cut from `page` (raw greyscale, in the candidate's
 * base orientation; `g` is its thumbnail) and scaled to STRIP_LINE_PX. Of the lines in the middle
 * of the text the one with the most ink is taken (a full line, not the short end of a paragraph),
 * and only the middle half of its length, so a line left slightly skewed stays inside the cut.
 */
async function cutLine(g: Grey, page: Grey, threshold: number): Promise<Buffer | null> {
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
  const inMiddle = lines.filter((b) => b.bottom - b.top <= lineH * 1.6 && Math.abs((b.top + b.bottom) / 2 - (first + last) / 2) <= (last - first) * 0.3);
  const ink = (b: { top: number; bottom: number }) => rows.subarray(b.top, b.bottom).reduce((a, v) => a + v, 0);
  // Without a clean line (one line only, or lines merged): the middle of the inked rows.
  const chosen = inMiddle.reduce<{ top: number; bottom: number } | null>((best, b) => (best === null || ink(b) > ink(best) ? b : best), null) ?? {
    top: Math.round((first + last - lineH) / 2),
    bottom: Math.round((first + last + lineH) / 2),
  };
  const k = page.width / g.width;
  const pad = lineH * 0.5;
  const left = Math.max(0, Math.floor((mid0 - pad) * k));
  const right = Math.min(page.width, Math.ceil((mid1 + pad) * k));
  const top = Math.max(0, Math.floor((chosen.top - pad) * k));
  const bottom = Math.min(page.height, Math.ceil((chosen.bottom + pad) * k));
  if (right - left < 8 || bottom - top < 8) return null;
  const factor = Math.min(2, Math.max(0.3, STRIP_LINE_PX / Math.max(1, (chosen.bottom - chosen.top) * k)));
  return sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .extract({ left, top, width: right - left, height: bottom - top })
    .resize({ width: Math.max(8, Math.round((right - left) * factor)) })
    .withMetadata({ density: 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

async function thumbnail(page: Grey): Promise<Grey> {
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize({ width: Math.min(ANALYSIS_WIDTH, page.width) })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function strength(p: Page): { confidence: number; chars: number } {
  const chars = p.text.replace(/\s/g, '').length;
  return { confidence: chars < MIN_CHARS ? 0 : p.confidence, chars };
}

export async function detectOrientation(grey: Buffer, read: ReadStrip): Promise<OrientationResult> {
  const decoded = await sharp(grey).greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  let page: Grey = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
  let g = await thumbnail(page);
  const threshold = inkThreshold(g);
  if (inkShare(g, threshold) < MIN_INK) return { rotation: 0, confidence: 0 };
  const across = lineness(profile(g, threshold)) >= lineness(profile(g, threshold, true));
  // Skew is measured on lines running across; a page on its side is measured turned.
  const skew = across ? estimateSkew(g) : -estimateSkew(quarterTurn(g));
  if (Math.abs(skew) >= MIN_SKEW) {
    const r = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
      .rotate(-skew, { background: '#ffffff' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    page = { data: r.data, width: r.info.width, height: r.info.height };
    g = await thumbnail(page);
  }
  const bases: Rotation[] = across ? [0, 90] : [90, 0];
  let fallback: OrientationResult = { rotation: 0, confidence: 0 };
  for (const base of bases) {
    const line = base === 90 ? await cutLine(quarterTurn(g), quarterTurn(page), threshold) : await cutLine(g, page, threshold);
    if (!line) continue;
    const first = strength(await read(line, PSM.SINGLE_LINE));
    if (first.confidence >= UPRIGHT_CONFIDENCE) return { rotation: base, confidence: first.confidence };
    const flipped = await sharp(line).rotate(180).png({ compressionLevel: 1 }).toBuffer();
    const second = strength(await read(flipped, PSM.SINGLE_LINE));
    const best: OrientationResult =
      second.confidence > first.confidence ? { rotation: ((base + 180) % 360) as Rotation, confidence: second.confidence } : { rotation: base, confidence: first.confidence };
    if (Math.max(first.chars, second.chars) >= MIN_CHARS && best.confidence >= UPRIGHT_CONFIDENCE / 2) return best;
    if (best.confidence > fallback.confidence) fallback = best;
  }
  return fallback;
}
