/**
 * The paper's own colour around every point of the page, so that ink and colour are judged against
 * the sheet they are on (aged paper yellows unevenly, towards the edges and folds). Estimated per
 * block of about 4 mm from the block's brightest pixels; blocks that are not paper (inside a photo,
 * a large black title, the scanner background) borrow the nearest paper block instead.
 */
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

/**
 * Two passes over the page, each a block row at a time: the first builds every block's brightness
 * histogram (and, summed, the page's), the second adds up the colour of each block's bright pixels
 * and of the page's. Same numbers as block-by-block loops, at a fraction of the loop overhead.
 */
export function localPaper(pixels: Uint8Array, lum: Uint8Array, background: Uint8Array, w: number, h: number, channels: 1 | 3): PaperMap {
  const bw = Math.ceil(w / BLOCK);
  const bh = Math.ceil(h / BLOCK);
  const pageHist = new Float64Array(256);
  let pageCount = 0;
  const floors = new Int32Array(bw * bh).fill(256);
  // Two histograms a block, for even and odd columns: a run of equal pixels (paper) then
  // alternates between two counters instead of waiting on one.
  const hist = new Int32Array(bw * 512);
  for (let by = 0; by < bh; by++) {
    const y0 = by * BLOCK;
    const y1 = Math.min(h, y0 + BLOCK);
    hist.fill(0);
    for (let y = y0; y < y1; y++) {
      for (let x0 = 0, o = 0; x0 < w; x0 += BLOCK, o += 512) {
        for (let i = y * w + x0, end = y * w + Math.min(w, x0 + BLOCK), odd = o + 256; i < end; i += 2) {
          if (background[i] === 0) hist[o + lum[i]!]!++;
          if (i + 1 < end && background[i + 1] === 0) hist[odd + lum[i + 1]!]!++;
        }
      }
    }
    for (let bx = 0; bx < bw; bx++) {
      const k = by * bw + bx;
      const o = bx * 512;
      let count = 0;
      for (let v = 0; v < 256; v++) {
        const c = hist[o + v]! + hist[o + 256 + v]!;
        hist[o + v] = c;
        count += c;
        pageHist[v]! += c;
      }
      pageCount += count;
      // Mostly background: no paper to read here (floor 256: no pixel is summed).
      if (count < (BLOCK * BLOCK) / 4) continue;
      // The block's 90th percentile of brightness; the mean colour of pixels at least that bright follows.
      let floor = 255;
      for (let v = 0, seen = 0; v < 256; v++) {
        seen += hist[o + v]!;
        if (seen >= count * 0.9) {
          floor = v;
          break;
        }
      }
      floors[k] = floor;
    }
  }
  // The page's paper: the sheet's pixels at or above its own 90th percentile.
  let pageFloor = 255;
  if (pageCount > 0) {
    for (let v = 0, seen = 0; v < 256; v++) {
      seen += pageHist[v]!;
      if (seen >= pageCount * 0.9) {
        pageFloor = v;
        break;
      }
    }
  }
  // Colour sums (integers, so the order of adding changes nothing), a block's row segment at a time.
  const sums = new Float64Array(bw * bh * 4);
  let gr = 0;
  let gg = 0;
  let gb = 0;
  let gn = 0;
  for (let by = 0; by < bh; by++) {
    const y0 = by * BLOCK;
    const y1 = Math.min(h, y0 + BLOCK);
    for (let y = y0; y < y1; y++) {
      for (let x0 = 0, k = by * bw; x0 < w; x0 += BLOCK, k++) {
        const floor = floors[k]!;
        let br = 0;
        let bg = 0;
        let bb = 0;
        let bn = 0;
        let pr = 0;
        let pg = 0;
        let pb = 0;
        let pn = 0;
        // Branch-free: only a tenth of a block's pixels reach its floor, scattered, so a branch
        // on it would often be mispredicted. inBlock / inPage: 1 when l reaches that floor and
        // the pixel is not background, else 0.
        const end = y * w + Math.min(w, x0 + BLOCK);
        if (channels === 3) {
          for (let i = y * w + x0; i < end; i++) {
            const l = lum[i]!;
            const keep = 1 - background[i]!;
            const inBlock = ((floor - 1 - l) >>> 31) & keep;
            const inPage = ((pageFloor - 1 - l) >>> 31) & keep;
            const r = pixels[3 * i]!;
            const g = pixels[3 * i + 1]!;
            const b = pixels[3 * i + 2]!;
            br += r * inBlock;
            bg += g * inBlock;
            bb += b * inBlock;
            bn += inBlock;
            pr += r * inPage;
            pg += g * inPage;
            pb += b * inPage;
            pn += inPage;
          }
        } else {
          for (let i = y * w + x0; i < end; i++) {
            const l = lum[i]!;
            const keep = 1 - background[i]!;
            const inBlock = ((floor - 1 - l) >>> 31) & keep;
            const inPage = ((pageFloor - 1 - l) >>> 31) & keep;
            const v = pixels[i]!;
            br += v * inBlock;
            bn += inBlock;
            pr += v * inPage;
            pn += inPage;
          }
          bg = br;
          bb = br;
          pg = pr;
          pb = pr;
        }
        sums[4 * k]! += br;
        sums[4 * k + 1]! += bg;
        sums[4 * k + 2]! += bb;
        sums[4 * k + 3]! += bn;
        gr += pr;
        gg += pg;
        gb += pb;
        gn += pn;
      }
    }
  }
  const global = gn === 0 ? { r: 255, g: 255, b: 255, l: 255 } : paperColour(gr / gn, gg / gn, gb / gn);
  const blocks: (PaperColour | null)[] = new Array<PaperColour | null>(bw * bh).fill(null);
  for (let k = 0; k < bw * bh; k++) {
    const n = sums[4 * k + 3]!;
    if (n === 0) continue;
    const c = paperColour(sums[4 * k]! / n, sums[4 * k + 1]! / n, sums[4 * k + 2]! / n);
    if (c.l >= global.l * MIN_PAPER_SHARE) blocks[k] = c;
  }
  const colours = blocks.map((c, k) => c ?? nearest(blocks, bw, bh, k % bw, Math.floor(k / bw)) ?? global);
  return { block: BLOCK, columns: bw, colours };
}

function paperColour(r: number, g: number, b: number): PaperColour {
  return { r, g, b, l: (r * 77 + g * 150 + b * 29) / 256 };
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
