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

export interface PaperMap {
  at(pixel: number): PaperColour;
}

export function localPaper(pixels: Uint8Array, lum: Uint8Array, background: Uint8Array, w: number, h: number, channels: 1 | 3): PaperMap {
  const global = brightMean(pixels, lum, background, channels, null, percentile(lum, 0.9, background));
  const bw = Math.ceil(w / BLOCK);
  const bh = Math.ceil(h / BLOCK);
  const blocks: (PaperColour | null)[] = new Array<PaperColour | null>(bw * bh).fill(null);
  const idx: number[] = [];
  const blockLum = new Uint8Array(BLOCK * BLOCK);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      idx.length = 0;
      for (let y = by * BLOCK; y < Math.min(h, (by + 1) * BLOCK); y++) {
        for (let x = bx * BLOCK; x < Math.min(w, (bx + 1) * BLOCK); x++) {
          const i = y * w + x;
          if (!background[i]) idx.push(i);
        }
      }
      // Mostly background: no paper to read here.
      if (idx.length < (BLOCK * BLOCK) / 4) continue;
      for (let k = 0; k < idx.length; k++) blockLum[k] = lum[idx[k]!] ?? 255;
      const p90 = percentile(blockLum.subarray(0, idx.length), 0.9);
      const c = brightMean(pixels, lum, background, channels, idx, p90);
      if (c.l >= global.l * MIN_PAPER_SHARE) blocks[by * bw + bx] = c;
    }
  }
  const filled = blocks.map((c, k) => c ?? nearest(blocks, bw, bh, k % bw, Math.floor(k / bw)) ?? global);
  return { at: (i) => filled[Math.floor(Math.floor(i / w) / BLOCK) * bw + Math.floor((i % w) / BLOCK)] ?? global };
}

/** Mean colour of the sheet's pixels at or above `floor` brightness among `idx` (null: the whole page). */
function brightMean(pixels: Uint8Array, lum: Uint8Array, background: Uint8Array, channels: 1 | 3, idx: number[] | null, floor: number): PaperColour {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  const count = idx ? idx.length : lum.length;
  for (let k = 0; k < count; k++) {
    const i = idx ? idx[k]! : k;
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
