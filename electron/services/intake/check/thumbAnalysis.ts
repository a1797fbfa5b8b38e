/**
 * Decoded checks on a small greyscale thumbnail (≈300 px across the page): blank detection, a skew
 * estimate (projection profile over vertical strips), an ink bitmap for near-duplicate detection,
 * and where a printed page number sits in the margins. Pure functions on pixel arrays, no I/O.
 * The skew estimate is in thumbSkew.ts, the ink print in thumbPrint.ts.
 */
import { printOfInk, type InkPrint } from './thumbPrint';
import { skewFromProfiles, stripOfColumn, STRIPS } from './thumbSkew';

export { printSimilarity, type InkPrint } from './thumbPrint';

export interface Thumb {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ThumbAnalysis {
  blank: boolean;
  /** Ink pixels (not isolated specks) as a share of the inner page area. */
  inkShare: number;
  /** Estimated skew in degrees (positive: lines fall to the right); null when there are no text lines to measure. */
  skewDegrees: number | null;
  print: InkPrint | null;
  /** Likely page-number positions, in thumbnail pixels, best first. */
  numberBoxes: Box[];
}

/** Darkness below the paper level that counts as ink on the thumbnail. */
const INK = 48;
const BORDER = 0.04;

/** Paper level: the 90th percentile of grey values (most of a page is paper). */
function paperLevel(t: Thumb): number {
  // Four interleaved histograms: paper pixels all hit one bin, and one counter would make every
  // increment wait for the previous one (≈2.5× slower).
  const hist = new Uint32Array(1024);
  const d = t.data;
  const n4 = d.length - (d.length % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    hist[d[i] as number]!++;
    hist[256 + (d[i + 1] as number)]!++;
    hist[512 + (d[i + 2] as number)]!++;
    hist[768 + (d[i + 3] as number)]!++;
  }
  for (; i < d.length; i++) hist[d[i] as number]!++;
  let need = Math.floor(d.length * 0.1);
  for (let v = 255; v >= 0; v--) {
    need -= (hist[v] as number) + (hist[256 + v] as number) + (hist[512 + v] as number) + (hist[768 + v] as number);
    if (need <= 0) return v;
  }
  return 255;
}

/**
 * Darkness of a pixel is how far it lies below the paper level; a pixel is ink when its darkness
 * exceeds a threshold, i.e. when its grey value is below `paper − threshold`. The checks compare
 * grey values with that limit directly rather than building a darkness map first.
 */
function inkBelow(paper: number, threshold: number): number {
  return paper - threshold;
}

interface InnerInk {
  /** Ink pixels with an ink neighbour (isolated specks — dust, a punch hole's shadow edge — are not content). */
  ink: number;
  inner: number;
  /** Ink darkness per strip and row (STRIPS × h), for the skew estimate. */
  profiles: Int32Array;
  total: number;
  /** Every ink pixel of the inner page (y·w + x, reading order), the first `count` entries: the ink print's input. Shared; valid until the next call. */
  pixels: Int32Array;
  count: number;
}

/** Ink pixel list, reused from page to page: it is read by the ink print straight after, before the next page. */
let pixelsScratch = new Int32Array(0);

/** One pass over the inner page: connected ink count, the skew estimate's strip profiles and the ink pixels. */
function innerInk(t: Thumb, paper: number): InnerInk {
  const { data: g, width: w, height: h } = t;
  const bx = Math.ceil(w * BORDER);
  const by = Math.ceil(h * BORDER);
  const strip = stripOfColumn(w, bx);
  // Darkness sums are integers: exact in any order, so Int32 (≤ w·255 per strip row) holds them as exactly as Float64.
  const profiles = new Int32Array(STRIPS * h);
  if (pixelsScratch.length < (w - 2 * bx) * (h - 2 * by)) pixelsScratch = new Int32Array((w - 2 * bx) * (h - 2 * by));
  const pixels = pixelsScratch;
  const limit = inkBelow(paper, INK);
  let ink = 0;
  let total = 0;
  let count = 0;
  // Most of a page is paper: four pixels at a time are passed over when none is below the limit.
  // Complemented, a pixel is ink when its byte exceeds 255 − limit; with limit ≥ 128 that is ≤ 127
  // and one add finds any such byte (a false alarm only sends the four pixels through one by one).
  const quads = limit >= 128 && g.byteOffset % 4 === 0 ? new Uint32Array(g.buffer, g.byteOffset, g.length >>> 2) : null;
  const lift = 0x01010101 * (limit - 128);
  for (let y = by; y < h - by; y++) {
    const row = y * w;
    const end = w - bx;
    let x = bx;
    while (x < end) {
      if (quads !== null && ((row + x) & 3) === 0 && x + 4 <= end) {
        const inv = ~(quads[(row + x) >>> 2] as number);
        if ((((inv + lift) | inv) & 0x80808080) === 0) {
          x += 4;
          continue;
        }
      }
      const v = g[row + x] as number;
      if (v < limit) {
        if ((g[row + x - 1] as number) < limit || (g[row + x + 1] as number) < limit || (g[row - w + x] as number) < limit || (g[row + w + x] as number) < limit) ink++;
        profiles[(strip[x] as number) * h + y]! += paper - v;
        total += paper - v;
        pixels[count++] = row + x;
      }
      x++;
    }
  }
  return { ink, inner: Math.max(1, (w - 2 * bx) * (h - 2 * by)), profiles, total, pixels, count };
}

/** Estimated skew in degrees (see thumbSkew.ts); null when there are no text lines to measure. */
export function estimateSkew(t: Thumb, paper = paperLevel(t)): number | null {
  const { profiles, total } = innerInk(t, paper);
  return skewFromProfiles(profiles, total, t.width, t.height, Math.ceil(t.width * BORDER));
}

/**
 * Ink bitmap of the page turned upright by −skew (so a rescan turned differently still lines up),
 * aligned to the top-left of the content: the first row and column with at least two ink pixels.
 */
export function inkPrint(thumb: Thumb, paper: number, skewDegrees = 0): InkPrint {
  const { pixels, count } = innerInk(thumb, paper);
  return printOfInk(pixels, count, thumb.width, thumb.height, Math.ceil(thumb.width * BORDER), Math.ceil(thumb.height * BORDER), skewDegrees);
}

interface Cluster {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  ink: number;
}

/** Margin marks are looked for with a lower threshold: a thin "1" is faint on a thumbnail. */
const MARK_INK = 20;

/** Connected ink components within rows [y0, y1), merged when side by side with a small gap. */
function clustersIn(g: Uint8Array, limit: number, w: number, y0: number, y1: number, x0: number, x1: number): Cluster[] {
  const seen = new Uint8Array(w * (y1 - y0));
  const comps: Cluster[] = [];
  const stack: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const li = (y - y0) * w + x;
      if (seen[li] || (g[y * w + x] as number) >= limit) continue;
      const c: Cluster = { x0: x, y0: y, x1: x, y1: y, ink: 0 };
      seen[li] = 1;
      stack.push(x, y);
      while (stack.length > 0) {
        const cy = stack.pop() as number;
        const cx = stack.pop() as number;
        c.ink++;
        if (cx < c.x0) c.x0 = cx;
        if (cx > c.x1) c.x1 = cx;
        if (cy < c.y0) c.y0 = cy;
        if (cy > c.y1) c.y1 = cy;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            const ny = cy + dy;
            if (nx < x0 || nx >= x1 || ny < y0 || ny >= y1) continue;
            const ni = (ny - y0) * w + nx;
            if (seen[ni] || (g[ny * w + nx] as number) >= limit) continue;
            seen[ni] = 1;
            stack.push(nx, ny);
          }
        }
      }
      comps.push(c);
    }
  }
  comps.sort((a, b) => a.x0 - b.x0);
  const gap = Math.max(2, Math.round(w * 0.014));
  const merged: Cluster[] = [];
  for (const c of comps) {
    const m = merged.find((o) => c.x0 - o.x1 <= gap && o.x0 - c.x1 <= gap && c.y0 <= o.y1 + 1 && o.y0 <= c.y1 + 1);
    if (m) {
      m.x0 = Math.min(m.x0, c.x0);
      m.x1 = Math.max(m.x1, c.x1);
      m.y0 = Math.min(m.y0, c.y0);
      m.y1 = Math.max(m.y1, c.y1);
      m.ink += c.ink;
    } else merged.push({ ...c });
  }
  return merged;
}

/**
 * Where a printed page number probably is: a small isolated mark in the top or bottom margin
 * (archive practice: top-right on the front, top-left on the back, or bottom centre / corner).
 */
export function numberBoxes(t: Thumb, paper: number): Box[] {
  const { data: g, width: w, height: h } = t;
  const limit = inkBelow(paper, MARK_INK);
  const edge = Math.ceil(Math.min(w, h) * 0.012);
  const band = Math.round(h * 0.1);
  const zones: { y0: number; y1: number; top: boolean }[] = [
    { y0: edge, y1: band, top: true },
    { y0: h - band, y1: h - edge, top: false },
  ];
  const found: { box: Box; rank: number }[] = [];
  for (const z of zones) {
    const clusters = clustersIn(g, limit, w, z.y0, z.y1, edge, w - edge);
    for (const c of clusters) {
      const cw = c.x1 - c.x0 + 1;
      const ch = c.y1 - c.y0 + 1;
      if (cw > w * 0.15 || ch > h * 0.03 || ch < 2 || c.ink < 2) continue;
      // Ink on the same line across the page means a header/footer line, not a lone page number.
      const sameLine = clusters.filter((o) => o !== c && o.y0 <= c.y1 + 1 && c.y0 <= o.y1 + 1).reduce((s, o) => s + (o.x1 - o.x0 + 1), 0);
      if (sameLine > w * 0.3) continue;
      const cx = (c.x0 + c.x1) / 2 / w;
      const rank = z.top ? (cx > 0.6 ? 0 : cx < 0.4 ? 1 : 4) : cx > 0.35 && cx < 0.65 ? 2 : cx >= 0.65 ? 3 : 5;
      found.push({ box: { left: c.x0, top: c.y0, width: cw, height: ch }, rank });
    }
  }
  return found.sort((a, b) => a.rank - b.rank).slice(0, 2).map((f) => f.box);
}

export function analyseThumb(t: Thumb): ThumbAnalysis {
  const paper = paperLevel(t);
  const { ink, inner, profiles, total, pixels, count } = innerInk(t, paper);
  const inkShare = ink / inner;
  // A blank side has next to no connected ink; a page number alone already exceeds this.
  const blank = ink < Math.max(8, inner * 0.00015);
  if (blank) return { blank, inkShare, skewDegrees: null, print: null, numberBoxes: [] };
  const bx = Math.ceil(t.width * BORDER);
  const skewDegrees = skewFromProfiles(profiles, total, t.width, t.height, bx);
  return {
    blank,
    inkShare,
    skewDegrees,
    print: printOfInk(pixels, count, t.width, t.height, bx, Math.ceil(t.height * BORDER), skewDegrees ?? 0),
    numberBoxes: numberBoxes(t, paper),
  };
}
