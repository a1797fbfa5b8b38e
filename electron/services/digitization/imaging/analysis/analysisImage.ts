/**
 * The page as the blank and colour detectors see it: a ~150 dpi copy (area-averaged, so a
 * scanner's colour fringes along black strokes and single-pixel grain mostly cancel out), with
 * the scanner's dark background marked and every pixel white-balanced against the paper around it.
 * Balancing against the local paper is what lets yellowed or stained paper read as "white" while a
 * red seal or blue ink on it still reads as colour, and faint pencil still reads as ink.
 */
import sharp from 'sharp';
import { takeBytes, takeZeroed } from '../bufferPool';
import { boxChroma } from './chroma';
import { CHROMA_MIN } from './colour';
import { markBackground } from './background';
import { localPaper, type PaperMap } from './paper';

/** Analysis resolution: fine enough for a 0.3 mm pen stroke to leave a mark, small enough to be quick. */
export const ANALYSIS_DPI = 150;

/** A decoded page: 8-bit pixels, 1 (grey) or 3 (RGB) channels, row-major. */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
}

export interface AnalysisImage {
  width: number;
  height: number;
  /** Millimetres per analysis pixel. */
  mmPerPx: number;
  /** 1 where the pixel is the scanner's background (dark, joined to the image edge), not paper. */
  background: Uint8Array;
  /** Lightness relative to the local paper: 255 = paper, lower = ink. */
  lightness: Uint8Array;
  /**
   * Colourfulness after white balance against the local paper (max − min channel over a 3×3
   * window, 0–255), exact wherever it can reach CHROMA_MIN (colour.ts); 0 on rows where it cannot
   * (chroma.ts), since every use asks only whether a pixel reaches CHROMA_MIN.
   */
  chroma: Uint8Array;
  /** Whether the source had colour channels at all. */
  rgb: boolean;
}

/** Rec. 601 luma in integer arithmetic. */
export function luma(r: number, g: number, b: number): number {
  return (r * 77 + g * 150 + b * 29) >> 8;
}

/**
 * Builds the analysis image from a decoded page at `dpi`. Pages below the analysis resolution are
 * used as they are (never enlarged: that would invent detail). `lum`: the page's luma (`luma` of
 * every pixel) when the caller has it already; used only if the page needs no resizing.
 */
export async function analysisImage(page: RawImage, dpi: number, lum?: Uint8Array): Promise<AnalysisImage> {
  const scale = Math.min(1, ANALYSIS_DPI / dpi);
  const width = Math.max(1, Math.round(page.width * scale));
  const height = Math.max(1, Math.round(page.height * scale));
  const channels = page.channels;
  let pixels: Uint8Array = page.data;
  if (width !== page.width || height !== page.height) {
    pixels = await sharp(page.data, { raw: { width: page.width, height: page.height, channels } })
      .resize(width, height, { kernel: 'linear', fit: 'fill' })
      .raw()
      .toBuffer();
  }
  const n = width * height;
  // Luma and its histogram (the background's dark level is a percentile of it).
  const hist = new Uint32Array(256);
  let plane: Uint8Array;
  if (channels === 1) plane = pixels.subarray(0, n);
  else if (lum && pixels === page.data && lum.length === n) plane = lum;
  else plane = lumaOf(pixels, n);
  histogram(plane, hist);
  const background = markBackground(plane, width, height, hist);
  const paper = localPaper(pixels, plane, background, width, height, channels);
  // From the buffer pool: analysePage gives them back once it has its verdicts.
  const lightness = takeBytes(n);
  let chroma: Uint8Array;
  if (channels === 3) {
    const wb = whiteBalance(pixels, background, paper, width);
    const colourfulRows = new Uint8Array(height);
    for (let y = 0; y < height; y++) colourfulRows[y] = wb.lightRow(y, lightness);
    chroma = boxChroma(width, height, colourfulRows, wb.balancedRow);
  } else {
    lighten(plane, background, paper, width, height, lightness);
    chroma = takeZeroed(n);
  }
  return { width, height, mmPerPx: 25.4 / (dpi * (width / page.width)), background, lightness, chroma, rgb: channels === 3 };
}

/** Counts of each value, in four interleaved histograms: runs of one value (paper) then do not wait on one counter. */
function histogram(values: Uint8Array, hist: Uint32Array): void {
  const four = new Uint32Array(1024);
  const n = values.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    four[values[i]!]!++;
    four[256 + values[i + 1]!]!++;
    four[512 + values[i + 2]!]!++;
    four[768 + values[i + 3]!]!++;
  }
  for (; i < n; i++) four[values[i]!]!++;
  for (let v = 0; v < 256; v++) hist[v] = four[v]! + four[256 + v]! + four[512 + v]! + four[768 + v]!;
}

function lumaOf(rgb: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = (rgb[j]! * 77 + rgb[j + 1]! * 150 + rgb[j + 2]! * 29) >> 8;
  return out;
}

/**
 * White balance of RGB: each channel scaled so the local paper becomes 255 in all three (capped
 * there). A row at a time, block by block so each block's paper is looked up once, not per pixel.
 * `lightRow` writes a row's lightness (the luma of the unrounded balanced values) and says whether
 * any pixel in it may be colourful (channels more than CHROMA_MIN − 1 apart before rounding: a
 * superset of the pixels whose rounded channels are CHROMA_MIN apart); `balancedRow` writes a
 * row's balanced RGB, rounded down, for the chroma of the rows that need it.
 */
function whiteBalance(px: Uint8Array, bg: Uint8Array, paper: PaperMap, w: number) {
  const { block, columns, colours } = paper;
  const pr = new Float64Array(colours.length);
  const pg = new Float64Array(colours.length);
  const pb = new Float64Array(colours.length);
  for (let k = 0; k < colours.length; k++) {
    const c = colours[k]!;
    pr[k] = Math.max(1, c.r);
    pg[k] = Math.max(1, c.g);
    pb[k] = Math.max(1, c.b);
  }
  const spread = CHROMA_MIN - 1;
  const lightRow = (y: number, lightness: Uint8Array): number => {
    const rowBlock = ((y / block) | 0) * columns;
    const row = y * w;
    let colourful = 0;
    for (let x0 = 0, k = rowBlock; x0 < w; x0 += block, k++) {
      const cr = pr[k]!;
      const cg = pg[k]!;
      const cb = pb[k]!;
      const end = row + Math.min(w, x0 + block);
      for (let i = row + x0, j = 3 * i; i < end; i++, j += 3) {
        if (bg[i] === 1) {
          lightness[i] = 255;
          continue;
        }
        // Same division as ever (not a precomputed reciprocal): the results must not move by an ulp.
        let r = (px[j]! * 255) / cr;
        let g = (px[j + 1]! * 255) / cg;
        let b = (px[j + 2]! * 255) / cb;
        if (r > 255) r = 255;
        if (g > 255) g = 255;
        if (b > 255) b = 255;
        lightness[i] = (r * 77 + g * 150 + b * 29) >> 8;
        const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
        const lo = r < g ? (r < b ? r : b) : g < b ? g : b;
        if (hi - lo > spread) colourful = 1;
      }
    }
    return colourful;
  };
  const balancedRow = (y: number, out: Uint8Array): void => {
    const rowBlock = ((y / block) | 0) * columns;
    const row = y * w;
    for (let x0 = 0, k = rowBlock; x0 < w; x0 += block, k++) {
      const cr = pr[k]!;
      const cg = pg[k]!;
      const cb = pb[k]!;
      for (let x = x0, end = Math.min(w, x0 + block); x < end; x++) {
        const i = row + x;
        const o = 3 * x;
        if (bg[i] === 1) {
          out[o] = 255;
          out[o + 1] = 255;
          out[o + 2] = 255;
          continue;
        }
        // Stored into bytes: rounded down, as the whole-page balanced copy was.
        out[o] = Math.min(255, (px[3 * i]! * 255) / cr);
        out[o + 1] = Math.min(255, (px[3 * i + 1]! * 255) / cg);
        out[o + 2] = Math.min(255, (px[3 * i + 2]! * 255) / cb);
      }
    }
  };
  return { lightRow, balancedRow };
}

/** Lightness of a grey page: luma scaled so the local paper becomes 255. */
function lighten(lum: Uint8Array, bg: Uint8Array, paper: PaperMap, w: number, h: number, lightness: Uint8Array): void {
  const { block, columns, colours } = paper;
  const pl = new Float64Array(colours.length);
  for (let k = 0; k < colours.length; k++) pl[k] = Math.max(1, colours[k]!.l);
  for (let y = 0; y < h; y++) {
    const rowBlock = ((y / block) | 0) * columns;
    const row = y * w;
    for (let x0 = 0, k = rowBlock; x0 < w; x0 += block, k++) {
      const cl = pl[k]!;
      const end = row + Math.min(w, x0 + block);
      for (let i = row + x0; i < end; i++) lightness[i] = bg[i] === 1 ? 255 : Math.min(255, Math.round((lum[i]! * 255) / cl));
    }
  }
}
