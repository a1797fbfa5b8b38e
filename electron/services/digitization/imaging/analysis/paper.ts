/**
 * The paper's own colour around every point of the page, so that ink and colour are judged against
 * the sheet they are on (aged paper yellows unevenly, towards the edges and folds). Estimated per
 * block of about 4 mm from the block's brightest pixels; blocks that are not paper (inside a photo,
 * a large black title, the scanner background) borrow the nearest paper block instead.
 */
import { percentile } from './background';

const BLOCK = 24;
/** A block whose bright pixels are this much darker than the page's paper is not paper. */
const MIN_PAPER_SHARE = 0.8;
/** How far (in blocks) a non-paper block looks for paper before taking the page's average. */
const SEARCH = 4;

export interface PaperColour {
  r: number;
  g: number;
  b: number;
  /** Its luma. */
  l: number;
}

/** The paper colour per block of BLOCK × BLOCK pixels, row-major, `columns` blocks a row. */
export interface PaperMap {
  block: number;
  columns: number;
  colours: PaperColour[];
}

export function localPaper(pixels: Uint8Array, lum: Uint8Array, background: Uint8Array, w: number, h: number, channels: 1 | 3): PaperMap {
  const global = brightMean(pixels, lum, background, channels, percentile(lum, 0.9, background));
  const bw = Math.ceil(w / BLOCK);
  const bh = Math.ceil(h / BLOCK);
  const blocks: (PaperColour | null)[] = new Array<PaperColour | null>(bw * bh).fill(null);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++) {
    const y0 = by * BLOCK;
    const y1 = Math.min(h, y0 + BLOCK);
    for (let bx = 0; bx < bw; bx++) {
      const x0 = bx * BLOCK;
      const x1 = Math.min(w, x0 + BLOCK);
      hist.fill(0);
      let count = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
          if (background[i]) continue;
          hist[lum[i]!]!++;
          count++;
        }
      }
      // Mostly background: no paper to read here.
      if (count < (BLOCK * BLOCK) / 4) continue;
      // The block's 90th percentile of brightness, then the mean colour of pixels at least that bright.
      let floor = 255;
      for (let v = 0, seen = 0; v < 256; v++) {
        seen += hist[v]!;
        if (seen >= count * 0.9) {
          floor = v;
          break;
        }
      }
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
          if (background[i] || lum[i]! < floor) continue;
          if (channels === 3) {
            r += pixels[3 * i]!;
            g += pixels[3 * i + 1]!;
            b += pixels[3 * i + 2]!;
          } else {
            r += pixels[i]!;
          }
          n++;
        }
      }
      if (n === 0) continue;
      const c = channels === 3 ? { r: r / n, g: g / n, b: b / n } : { r: r / n, g: r / n, b: r / n };
      const l = (c.r * 77 + c.g * 150 + c.b * 29) / 256;
      if (l >= global.l * MIN_PAPER_SHARE) blocks[by * bw + bx] = { ...c, l };
    }
  }
  const colours = blocks.map((c, k) => c ?? nearest(blocks, bw, bh, k % bw, Math.floor(k / bw)) ?? global);
  return { block: BLOCK, columns: bw, colours };
}

/** Mean colour of the sheet's pixels at or above `floor` brightness. */
function brightMean(pixels: Uint8Array, lum: Uint8Array, background: Uint8Array, channels: 1 | 3, floor: number): PaperColour {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let i = 0; i < lum.length; i++) {
    if (background[i] || (lum[i] ?? 0) < floor) continue;
    if (channels === 3) {
      r += pixels[3 * i] ?? 255;
      g += pixels[3 * i + 1] ?? 255;
      b += pixels[3 * i + 2] ?? 255;
    } else {
      const v = pixels[i] ?? 255;
      r += v;
      g += v;
      b += v;
    }
    n++;
  }
  if (n === 0) return { r: 255, g: 255, b: 255, l: 255 };
  const c = { r: r / n, g: g / n, b: b / n };
  return { ...c, l: (c.r * 77 + c.g * 150 + c.b * 29) / 256 };
}

function nearest(blocks: (PaperColour | null)[], bw: number, bh: number, bx: number, by: number): PaperColour | null {
  for (let d = 1; d <= SEARCH; d++) {
    let best: PaperColour | null = null;
    for (let y = Math.max(0, by - d); y <= Math.min(bh - 1, by + d); y++) {
      for (let x = Math.max(0, bx - d); x <= Math.min(bw - 1, bx + d); x++) {
        const c = blocks[y * bw + x];
        if (c && (!best || c.l > best.l)) best = c;
      }
    }
    if (best) return best;
  }
  return null;
}
