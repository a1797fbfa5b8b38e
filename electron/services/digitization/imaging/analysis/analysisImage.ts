/**
 * The page as the blank and colour detectors see it: a ~150 dpi copy (area-averaged, so a
 * scanner's colour fringes along black strokes and single-pixel grain mostly cancel out), with
 * the scanner's dark background marked and every pixel white-balanced against the paper around it.
 * Balancing against the local paper is what lets yellowed or stained paper read as "white" while a
 * red seal or blue ink on it still reads as colour, and faint pencil still reads as ink.
 */
import sharp from 'sharp';
import { markBackground } from './background';
import { localPaper } from './paper';

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
  /** Colourfulness after white balance against the local paper (max − min channel over a 3×3 window, 0–255). */
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
 * used as they are (never enlarged: that would invent detail).
 */
export async function analysisImage(page: RawImage, dpi: number): Promise<AnalysisImage> {
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
  const lum = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lum[i] = channels === 3 ? luma(pixels[3 * i] ?? 255, pixels[3 * i + 1] ?? 255, pixels[3 * i + 2] ?? 255) : (pixels[i] ?? 255);
  }
  const background = markBackground(lum, width, height);
  const paper = localPaper(pixels, lum, background, width, height, channels);
  const lightness = new Uint8Array(n);
  const balanced = channels === 3 ? new Uint8Array(n * 3) : null;
  const white = { r: 255, g: 255, b: 255, l: 255 };
  for (let y = 0; y < height; y++) {
    const blockRow = Math.floor(y / paper.block) * paper.columns;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (background[i]) {
        lightness[i] = 255;
        balanced?.fill(255, 3 * i, 3 * i + 3);
        continue;
      }
      const p = paper.colours[blockRow + Math.floor(x / paper.block)] ?? white;
      if (!balanced) {
        lightness[i] = Math.min(255, Math.round(((lum[i] ?? 255) * 255) / Math.max(1, p.l)));
        continue;
      }
      // White balance: each channel scaled so the local paper becomes 255 in all three.
      const r = Math.min(255, ((pixels[3 * i] ?? 255) * 255) / Math.max(1, p.r));
      const g = Math.min(255, ((pixels[3 * i + 1] ?? 255) * 255) / Math.max(1, p.g));
      const b = Math.min(255, ((pixels[3 * i + 2] ?? 255) * 255) / Math.max(1, p.b));
      lightness[i] = luma(r, g, b);
      balanced[3 * i] = r;
      balanced[3 * i + 1] = g;
      balanced[3 * i + 2] = b;
    }
  }
  const chroma = balanced ? boxChroma(balanced, width, height) : new Uint8Array(n);
  return { width, height, mmPerPx: 25.4 / (dpi * (width / page.width)), background, lightness, chroma, rgb: channels === 3 };
}

/**
 * Colourfulness over each pixel's 3×3 neighbourhood. Averaging first is what cancels a scanner's
 * fringes: the red seam on one side of a thin black stroke and the blue seam on the other fall in
 * the same window and sum to grey, while a red or blue stroke stays red or blue.
 */
function boxChroma(rgb: Uint8Array, w: number, h: number): Uint8Array {
  // Separable box sums: across each row (3 wide), then down each column (3 high). Plain loops:
  // this runs on two million pixels per page.
  const across = new Uint16Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const start = 3 * y * w;
    const end = start + 3 * w;
    for (let o = start; o < end; o++) {
      let v = rgb[o]!;
      if (o - 3 >= start) v += rgb[o - 3]!;
      if (o + 3 < end) v += rgb[o + 3]!;
      across[o] = v;
    }
  }
  const out = new Uint8Array(w * h);
  const row = 3 * w;
  for (let y = 0; y < h; y++) {
    const up = y > 0 ? row : 0;
    const down = y < h - 1 ? row : 0;
    const rows = 1 + (up ? 1 : 0) + (down ? 1 : 0);
    for (let x = 0; x < w; x++) {
      const o = 3 * (y * w + x);
      const r = across[o]! + (up ? across[o - up]! : 0) + (down ? across[o + down]! : 0);
      const g = across[o + 1]! + (up ? across[o + 1 - up]! : 0) + (down ? across[o + 1 + down]! : 0);
      const b = across[o + 2]! + (up ? across[o + 2 - up]! : 0) + (down ? across[o + 2 + down]! : 0);
      const count = rows * (1 + (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0));
      const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
      const lo = r < g ? (r < b ? r : b) : g < b ? g : b;
      out[y * w + x] = Math.round((hi - lo) / count);
    }
  }
  return out;
}
