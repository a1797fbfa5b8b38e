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
  const hist = new Uint32Array(256);
  const d = t.data;
  for (let i = 0; i < d.length; i++) hist[d[i] as number]!++;
  let need = Math.floor(d.length * 0.1);
  for (let v = 255; v >= 0; v--) {
    need -= hist[v] as number;
    if (need <= 0) return v;
  }
  return 255;
}

/** Darkness map: how far below the paper level each pixel is (0 for paper). */
function darkness(t: Thumb, paper: number): Uint8Array {
  const out = new Uint8Array(t.data.length);
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    const v = paper - (d[i] as number);
    out[i] = v > 0 ? v : 0;
  }
  return out;
}

function countInk(dark: Uint8Array, w: number, h: number): { ink: number; inner: number } {
  const bx = Math.ceil(w * BORDER);
  const by = Math.ceil(h * BORDER);
  let ink = 0;
  for (let y = by; y < h - by; y++) {
    const row = y * w;
    for (let x = bx; x < w - bx; x++) {
      if ((dark[row + x] as number) <= INK) continue;
      // Isolated specks (dust, a hole punch's shadow edge) are not content.
      const n =
        +((dark[row + x - 1] as number) > INK) +
        +((dark[row + x + 1] as number) > INK) +
        +((dark[row - w + x] as number) > INK) +
        +((dark[row + w + x] as number) > INK);
      if (n > 0) ink++;
    }
  }
  return { ink, inner: Math.max(1, (w - 2 * bx) * (h - 2 * by)) };
}

const STRIPS = 12;
/** Sub-row resolution: strip profiles are resampled at quarter rows. */
const SUB = 4;
/** Gaussian used to resample the profiles (rows): the same smoothing at every shift, so no angle is favoured. */
const SIGMA = 0.6;
const REACH = 2;

/**
 * Skew by projection profile: row profiles of ink per vertical strip, combined with each strip
 * shifted by x·tan(angle); the angle that gives the sharpest combined profile wins. Coarse then fine.
 * On a thumbnail one row is 8 rows of the scan, so a skew of 0.2° moves a line less than a row
 * across the page: each strip's profile is resampled at quarter rows through a Gaussian and
 * shifted whole. (Plain binning or linear blending blurs every angle but 0° and snaps small skews to 0.)
 */
export function estimateSkew(dark: Uint8Array, w: number, h: number): number | null {
  const bx = Math.ceil(w * BORDER);
  const by = Math.ceil(h * BORDER);
  const innerW = w - 2 * bx;
  const sw = innerW / STRIPS;
  const profiles = new Float64Array(STRIPS * h);
  let total = 0;
  for (let y = by; y < h - by; y++) {
    const row = y * w;
    for (let x = bx; x < w - bx; x++) {
      const v = dark[row + x] as number;
      if (v <= INK) continue;
      const s = Math.min(STRIPS - 1, Math.floor((x - bx) / sw));
      profiles[s * h + y]! += v;
      total += v;
    }
  }
  if (total === 0) return null;
  const n = h * SUB;
  const kernel = Array.from({ length: 2 * REACH * SUB + 1 }, (_, k) => Math.exp(-(((k - REACH * SUB) / SUB) ** 2) / (2 * SIGMA * SIGMA)));
  const upsampled = new Float64Array(STRIPS * n);
  for (let s = 0; s < STRIPS; s++) {
    for (let y = 0; y < h; y++) {
      const v = profiles[s * h + y] as number;
      if (v === 0) continue;
      const centre = y * SUB;
      for (let k = 0; k < kernel.length; k++) {
        const j = centre + k - REACH * SUB;
        if (j >= 0 && j < n) upsampled[s * n + j]! += v * (kernel[k] as number);
      }
    }
  }
  const centres = Array.from({ length: STRIPS }, (_, s) => bx + (s + 0.5) * sw - w / 2);
  const combined = new Float64Array(n);
  /** Sharpness of the combined profile at `deg`, sampled every `step` sub-rows (coarse search: whole rows). */
  const score = (deg: number, step: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    combined.fill(0);
    for (let s = 0; s < STRIPS; s++) {
      const shift = Math.round(((centres[s] as number) * t * SUB) / step) * step;
      const base = s * n;
      const from = Math.max(0, shift);
      const to = Math.min(n, n + shift);
      for (let j = from; j < to; j += step) combined[j - shift]! += upsampled[base + j] as number;
    }
    let sum = 0;
    for (let j = 0; j < n; j += step) sum += (combined[j] as number) ** 2;
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

/** Ink map of the page turned upright by −skew (so a rescan turned differently still lines up). */
function uprightInk(dark: Uint8Array, w: number, h: number, skewDegrees: number): Uint8Array {
  const ink = new Uint8Array(w * h);
  const t = (skewDegrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = w / 2;
  const cy = h / 2;
  const bx = Math.ceil(w * BORDER);
  const by = Math.ceil(h * BORDER);
  for (let y = by; y < h - by; y++) {
    const row = y * w;
    for (let x = bx; x < w - bx; x++) {
      if ((dark[row + x] as number) <= INK) continue;
      const dx = x - cx;
      const dy = y - cy;
      const nx = Math.round(cx + dx * cos + dy * sin);
      const ny = Math.round(cy - dx * sin + dy * cos);
      if (nx >= 0 && nx < w && ny >= 0 && ny < h) ink[ny * w + nx] = 1;
    }
  }
  return ink;
}

/** Top-left of the content: the first row and column with at least two ink pixels. */
function contentOrigin(ink: Uint8Array, w: number, h: number): { ox: number; oy: number } {
  let oy = -1;
  const cols = new Uint32Array(w);
  for (let y = 0; y < h; y++) {
    let n = 0;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (ink[row + x]) {
        n++;
        cols[x]!++;
      }
    }
    if (oy < 0 && n >= 2) oy = y;
  }
  let ox = 0;
  while (ox < w && (cols[ox] as number) < 2) ox++;
  return { ox: ox < w ? ox : 0, oy: Math.max(oy, 0) };
}

export function inkPrint(dark: Uint8Array, w: number, h: number, skewDegrees = 0): InkPrint {
  const map = uprightInk(dark, w, h, skewDegrees);
  const { ox, oy } = contentOrigin(map, w, h);
  const pw = w - ox;
  const ph = h - oy;
  const words = Math.ceil(pw / 32);
  const bits = new Uint32Array(words * ph);
  let ink = 0;
  for (let y = 0; y < ph; y++) {
    const src = (y + oy) * w + ox;
    const dst = y * words;
    for (let x = 0; x < pw; x++) {
      if (map[src + x]) {
        bits[dst + (x >>> 5)]! |= 1 << (x & 31);
        ink++;
      }
    }
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
  return { width: pw, height: ph, words, bits, grown, ink };
}

function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Share of a's ink that lies on (grown) ink of b. */
function containment(a: InkPrint, b: InkPrint): number {
  if (a.ink === 0) return 0;
  const rows = Math.min(a.height, b.height);
  const words = Math.min(a.words, b.words);
  let hit = 0;
  for (let y = 0; y < rows; y++) {
    const ra = y * a.words;
    const rb = y * b.words;
    for (let k = 0; k < words; k++) hit += popcount((a.bits[ra + k] as number) & (b.grown[rb + k] as number));
  }
  return hit / a.ink;
}

/**
 * Similarity of two pages' ink (0..1): the smaller of the two containments, so a page is only a
 * near-duplicate of another when each page's ink lies on the other's.
 */
export function printSimilarity(a: InkPrint, b: InkPrint): number {
  if (a.ink === 0 || b.ink === 0) return 0;
  const ratio = a.ink / b.ink;
  if (ratio < 0.7 || ratio > 1 / 0.7) return 0;
  return Math.min(containment(a, b), containment(b, a));
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
function clustersIn(dark: Uint8Array, w: number, y0: number, y1: number, x0: number, x1: number): Cluster[] {
  const INK = MARK_INK;
  const seen = new Uint8Array(w * (y1 - y0));
  const comps: Cluster[] = [];
  const stack: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const li = (y - y0) * w + x;
      if (seen[li] || (dark[y * w + x] as number) <= INK) continue;
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
            if (seen[ni] || (dark[ny * w + nx] as number) <= INK) continue;
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
export function numberBoxes(dark: Uint8Array, w: number, h: number): Box[] {
  const edge = Math.ceil(Math.min(w, h) * 0.012);
  const band = Math.round(h * 0.1);
  const zones: { y0: number; y1: number; top: boolean }[] = [
    { y0: edge, y1: band, top: true },
    { y0: h - band, y1: h - edge, top: false },
  ];
  const found: { box: Box; rank: number }[] = [];
  for (const z of zones) {
    const clusters = clustersIn(dark, w, z.y0, z.y1, edge, w - edge);
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
  const dark = darkness(t, paper);
  const { ink, inner } = countInk(dark, t.width, t.height);
  const inkShare = ink / inner;
  // A blank side has next to no connected ink; a page number alone already exceeds this.
  const blank = ink < Math.max(8, inner * 0.00015);
  if (blank) return { blank, inkShare, skewDegrees: null, print: null, numberBoxes: [] };
  const skewDegrees = estimateSkew(dark, t.width, t.height);
  return {
    blank,
    inkShare,
    skewDegrees,
    print: inkPrint(dark, t.width, t.height, skewDegrees ?? 0),
    numberBoxes: numberBoxes(dark, t.width, t.height),
  };
}
