/**
 * Decoded checks on a small greyscale thumbnail (≈300 px across the page): blank detection, a skew
 * estimate (projection profile over vertical strips), an ink bitmap for near-duplicate detection,
 * and where a printed page number sits in the margins. Pure functions on pixel arrays, no I/O.
 */

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

/** Ink bitmap aligned to the top-left of the content, one bit per pixel, rows of `words` 32-bit words. */
export interface InkPrint {
  width: number;
  height: number;
  words: number;
  bits: Uint32Array;
  /** The same bitmap grown by one pixel in every direction (tolerates a pixel of misalignment). */
  grown: Uint32Array;
  ink: number;
  /** Ink pixels per row (lets a comparison stop once it cannot reach a threshold). */
  rowInk: Uint32Array;
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

const STRIPS = 12;
/** Sub-row resolution: strip profiles are resampled at quarter rows. */
const SUB = 4;
/** Gaussian used to resample the profiles (rows): the same smoothing at every shift, so no angle is favoured. */
const SIGMA = 0.6;
const REACH = 2;
const KERNEL = Float64Array.from({ length: 2 * REACH * SUB + 1 }, (_, k) => Math.exp(-(((k - REACH * SUB) / SUB) ** 2) / (2 * SIGMA * SIGMA)));

/** Vertical strip of each column of the inner page (the skew estimate's profiles). */
function stripOfColumn(w: number): Int32Array {
  const bx = Math.ceil(w * BORDER);
  const sw = (w - 2 * bx) / STRIPS;
  const strip = new Int32Array(w);
  for (let x = bx; x < w - bx; x++) strip[x] = Math.min(STRIPS - 1, Math.floor((x - bx) / sw));
  return strip;
}

interface InnerInk {
  /** Ink pixels with an ink neighbour (isolated specks — dust, a punch hole's shadow edge — are not content). */
  ink: number;
  inner: number;
  /** Ink darkness per strip and row (STRIPS × h), for the skew estimate. */
  profiles: Float64Array;
  total: number;
}

/** One pass over the inner page: connected ink count and the skew estimate's strip profiles. */
function innerInk(t: Thumb, paper: number): InnerInk {
  const { data: g, width: w, height: h } = t;
  const bx = Math.ceil(w * BORDER);
  const by = Math.ceil(h * BORDER);
  const strip = stripOfColumn(w);
  const profiles = new Float64Array(STRIPS * h);
  const limit = inkBelow(paper, INK);
  let ink = 0;
  let total = 0;
  for (let y = by; y < h - by; y++) {
    const row = y * w;
    for (let x = bx; x < w - bx; x++) {
      const v = g[row + x] as number;
      if (v >= limit) continue;
      if ((g[row + x - 1] as number) < limit || (g[row + x + 1] as number) < limit || (g[row - w + x] as number) < limit || (g[row + w + x] as number) < limit) ink++;
      profiles[(strip[x] as number) * h + y]! += paper - v;
      total += paper - v;
    }
  }
  return { ink, inner: Math.max(1, (w - 2 * bx) * (h - 2 * by)), profiles, total };
}

/**
 * Skew by projection profile: row profiles of ink per vertical strip, combined with each strip
 * shifted by x·tan(angle); the angle that gives the sharpest combined profile wins. Coarse then fine.
 * On a thumbnail one row is 8 rows of the scan, so a skew of 0.2° moves a line less than a row
 * across the page: each strip's profile is resampled at quarter rows through a Gaussian and
 * shifted whole. (Plain binning or linear blending blurs every angle but 0° and snaps small skews to 0.)
 */
export function estimateSkew(t: Thumb, paper = paperLevel(t)): number | null {
  const { profiles, total } = innerInk(t, paper);
  return skewFromProfiles(profiles, total, t.width, t.height);
}

function skewFromProfiles(profiles: Float64Array, total: number, w: number, h: number): number | null {
  if (total === 0) return null;
  const bx = Math.ceil(w * BORDER);
  const sw = (w - 2 * bx) / STRIPS;
  const n = h * SUB;
  const reach = REACH * SUB;
  const upsampled = new Float64Array(STRIPS * n);
  for (let s = 0; s < STRIPS; s++) {
    for (let y = 0; y < h; y++) {
      const v = profiles[s * h + y] as number;
      if (v === 0) continue;
      const at = s * n + y * SUB - reach;
      const k0 = Math.max(0, reach - y * SUB);
      const k1 = Math.min(KERNEL.length, n + reach - y * SUB);
      for (let k = k0; k < k1; k++) upsampled[at + k]! += v * (KERNEL[k] as number);
    }
  }
  // The coarse search samples whole rows only: those samples, packed.
  const rows = new Float64Array(STRIPS * h);
  for (let s = 0; s < STRIPS; s++) for (let y = 0; y < h; y++) rows[s * h + y] = upsampled[s * n + y * SUB] as number;
  // Each strip's rows with ink (margins are empty): zeros add nothing, so only these are summed.
  const span = (src: Float64Array, len: number): Int32Array => {
    const out = new Int32Array(2 * STRIPS);
    for (let s = 0; s < STRIPS; s++) {
      let lo = 0;
      let hi = len;
      while (lo < hi && src[s * len + lo] === 0) lo++;
      while (hi > lo && src[s * len + hi - 1] === 0) hi--;
      out[2 * s] = lo;
      out[2 * s + 1] = hi;
    }
    return out;
  };
  const rowSpan = span(rows, h);
  const subSpan = span(upsampled, n);
  const centres = Float64Array.from({ length: STRIPS }, (_, s) => bx + (s + 0.5) * sw - w / 2);
  const combined = new Float64Array(n);
  /** Sharpness of the combined profile at `deg`: `step` SUB samples whole rows, 1 every quarter row. */
  const score = (deg: number, step: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    const coarse = step === SUB;
    const src = coarse ? rows : upsampled;
    const spans = coarse ? rowSpan : subSpan;
    const len = coarse ? h : n;
    combined.fill(0, 0, len);
    let first = len;
    let last = 0;
    for (let s = 0; s < STRIPS; s++) {
      const shift = (Math.round(((centres[s] as number) * t * SUB) / step) * step) / step;
      const base = s * len + shift;
      const from = Math.max(0, -shift, (spans[2 * s] as number) - shift);
      const to = Math.min(len, len - shift, (spans[2 * s + 1] as number) - shift);
      for (let j = from; j < to; j++) combined[j]! += src[base + j] as number;
      if (from < to) {
        first = Math.min(first, from);
        last = Math.max(last, to);
      }
    }
    let sum = 0;
    for (let j = first; j < last; j++) sum += (combined[j] as number) ** 2;
    return sum;
  };
  let best = 0;
  let bestScore = -1;
  let worstScore = Infinity;
  for (let a = -8; a <= 8; a += 0.5) {
    const sc = score(a, SUB);
    if (sc > bestScore) [best, bestScore] = [a, sc];
    if (sc < worstScore) worstScore = sc;
  }
  // Text lines make the profile far sharper at the right angle than at a wrong one; a photo or a
  // few scattered marks do not, and then there is nothing to measure.
  if (!(bestScore > worstScore * 1.15)) return null;
  const coarse = best;
  const fine: number[] = [];
  for (let i = -5; i <= 5; i++) fine.push(score(coarse + i * 0.1, 1));
  const k = fine.indexOf(Math.max(...fine));
  let angle = coarse + (k - 5) * 0.1;
  // The peak between the fine samples: vertex of the parabola through the best and its neighbours.
  const l = fine[k - 1];
  const r = fine[k + 1];
  const c = fine[k] as number;
  if (l !== undefined && r !== undefined && l + r - 2 * c < 0) angle += (0.1 * (l - r)) / (2 * (l + r - 2 * c));
  return Math.round(angle * 100) / 100;
}

/**
 * Ink bitmap of the page turned upright by −skew (so a rescan turned differently still lines up),
 * aligned to the top-left of the content: the first row and column with at least two ink pixels.
 */
export function inkPrint(thumb: Thumb, paper: number, skewDegrees = 0): InkPrint {
  const { data: g, width: w, height: h } = thumb;
  const limit = inkBelow(paper, INK);
  const t = (skewDegrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = w / 2;
  const cy = h / 2;
  const bx = Math.ceil(w * BORDER);
  const by = Math.ceil(h * BORDER);
  // Per-column halves of the rotation, summed in the same order as cx + dx·cos + dy·sin.
  const colX = new Float64Array(w);
  const colY = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    colX[x] = cx + (x - cx) * cos;
    colY[x] = cy - (x - cx) * sin;
  }
  const map = new Uint8Array(w * h);
  const mapRowInk = new Uint32Array(h);
  const mapColInk = new Uint32Array(w);
  const set = new Int32Array(Math.max(0, (w - 2 * bx) * (h - 2 * by)));
  let count = 0;
  for (let y = by; y < h - by; y++) {
    const row = y * w;
    const dy = y - cy;
    const ys = dy * sin;
    const yc = dy * cos;
    for (let x = bx; x < w - bx; x++) {
      if ((g[row + x] as number) >= limit) continue;
      const nx = Math.round((colX[x] as number) + ys);
      const ny = Math.round((colY[x] as number) + yc);
      if (nx < 0 || nx >= w || ny < 0 || ny >= h) continue;
      const i = ny * w + nx;
      if (map[i]) continue;
      map[i] = 1;
      mapRowInk[ny]!++;
      mapColInk[nx]!++;
      set[count++] = i;
    }
  }
  let oy = 0;
  while (oy < h && (mapRowInk[oy] as number) < 2) oy++;
  if (oy === h) oy = 0;
  let ox = 0;
  while (ox < w && (mapColInk[ox] as number) < 2) ox++;
  if (ox === w) ox = 0;
  const pw = w - ox;
  const ph = h - oy;
  const words = Math.ceil(pw / 32);
  const bits = new Uint32Array(words * ph);
  const rowInk = new Uint32Array(ph);
  let ink = 0;
  for (let k = 0; k < count; k++) {
    const i = set[k] as number;
    const y = ((i / w) | 0) - oy;
    const x = (i % w) - ox;
    if (y < 0 || x < 0) continue;
    bits[y * words + (x >>> 5)]! |= 1 << (x & 31);
    rowInk[y]!++;
    ink++;
  }
  const horiz = new Uint32Array(bits.length);
  for (let y = 0; y < ph; y++) {
    for (let k = 0; k < words; k++) {
      const i = y * words + k;
      const v = bits[i] as number;
      const prev = k > 0 ? (bits[i - 1] as number) : 0;
      const next = k + 1 < words ? (bits[i + 1] as number) : 0;
      horiz[i] = v | (v << 1) | (v >>> 1) | (prev >>> 31) | ((next & 1) << 31);
    }
  }
  const grown = new Uint32Array(bits.length);
  for (let y = 0; y < ph; y++) {
    for (let k = 0; k < words; k++) {
      const i = y * words + k;
      grown[i] = (horiz[i] as number) | (y > 0 ? (horiz[i - words] as number) : 0) | (y + 1 < ph ? (horiz[i + words] as number) : 0);
    }
  }
  return { width: pw, height: ph, words, bits, grown, ink, rowInk };
}

/** Set bits of every 16-bit value: a popcount by two lookups. */
const POP16 = new Uint8Array(65536);
for (let v = 1; v < 65536; v++) POP16[v] = (POP16[v >>> 1] as number) + (v & 1);

/**
 * Share of a's ink that lies on (grown) ink of b. Below `atLeast` the count may stop early, as soon
 * as a's ink still to come could not lift it to `atLeast`: the share so far is returned then.
 */
function containment(a: InkPrint, b: InkPrint, atLeast: number): number {
  if (a.ink === 0) return 0;
  const rows = Math.min(a.height, b.height);
  const words = Math.min(a.words, b.words);
  let hit = 0;
  let left = a.ink;
  for (let y = 0; y < rows; y++) {
    const ra = y * a.words;
    const rb = y * b.words;
    for (let k = 0; k < words; k++) {
      // Most words are paper: no lookups for them.
      const x = (a.bits[ra + k] as number) & (b.grown[rb + k] as number);
      if (x !== 0) hit += (POP16[x & 0xffff] as number) + (POP16[x >>> 16] as number);
    }
    left -= a.rowInk[y] as number;
    if ((hit + left) / a.ink < atLeast) return hit / a.ink;
  }
  return hit / a.ink;
}

/**
 * Similarity of two pages' ink (0..1): the smaller of the two containments, so a page is only a
 * near-duplicate of another when each page's ink lies on the other's. With `atLeast`, the exact
 * value is only measured from `atLeast` up: below it some value below `atLeast` is returned, found
 * with a fraction of the work (most pairs in a person's folder are not duplicates).
 */
export function printSimilarity(a: InkPrint, b: InkPrint, atLeast = 0): number {
  if (a.ink === 0 || b.ink === 0) return 0;
  const ratio = a.ink / b.ink;
  if (ratio < 0.7 || ratio > 1 / 0.7) return 0;
  const ab = containment(a, b, atLeast);
  if (ab < atLeast) return ab;
  return Math.min(ab, containment(b, a, atLeast));
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
  const { ink, inner, profiles, total } = innerInk(t, paper);
  const inkShare = ink / inner;
  // A blank side has next to no connected ink; a page number alone already exceeds this.
  const blank = ink < Math.max(8, inner * 0.00015);
  if (blank) return { blank, inkShare, skewDegrees: null, print: null, numberBoxes: [] };
  const skewDegrees = skewFromProfiles(profiles, total, t.width, t.height);
  return {
    blank,
    inkShare,
    skewDegrees,
    print: inkPrint(t, paper, skewDegrees ?? 0),
    numberBoxes: numberBoxes(t, paper),
  };
}
