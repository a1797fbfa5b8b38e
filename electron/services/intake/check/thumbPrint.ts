/**
 * The ink print of a page for near-duplicate detection: its ink bitmap turned upright, one bit per
 * pixel, and how much of one print's ink lies on another's.
 */

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

/**
 * Ink bitmap of a w × h page turned upright by −skew (so a rescan turned differently still lines
 * up), aligned to the top-left of the content: the first row and column with at least two ink
 * pixels. `ink` holds the page's ink pixels (y·w + x, in reading order, inside the border
 * bx/by); only their positions matter, not how they were found.
 */
export function printOfInk(ink: Int32Array, count: number, w: number, h: number, bx: number, by: number, skewDegrees: number): InkPrint {
  const t = (skewDegrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = w / 2;
  const cy = h / 2;
  // Farthest the turn moves an inner pixel off its own place (|dx|·(1−cos) + |dy|·|sin| and the
  // like; rounding errors are ~1e-13): below half a pixel every pixel rounds back onto itself, so
  // the turned map is the ink as it is: up to ≈0.04° on an A4 thumbnail, where nearly all real pages are.
  const ax = Math.max(cx - bx, w - bx - 1 - cx);
  const ay = Math.max(cy - by, h - by - 1 - cy);
  const still = ax * (1 - cos) + ay * Math.abs(sin) < 0.25 && ax * Math.abs(sin) + ay * (1 - cos) < 0.25;
  const set = still ? ink : turned(ink, count, w, h, cos, sin);
  const n = still ? count : set.length;
  const mapRowInk = new Uint32Array(h);
  const mapColInk = new Uint32Array(w);
  for (let k = 0; k < n; k++) {
    const i = set[k] as number;
    const y = (i / w) | 0;
    mapRowInk[y]!++;
    mapColInk[i - y * w]!++;
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
  let inkCount = 0;
  for (let k = 0; k < n; k++) {
    const i = set[k] as number;
    const y = ((i / w) | 0) - oy;
    const x = (i % w) - ox;
    if (y < 0 || x < 0) continue;
    bits[y * words + (x >>> 5)]! |= 1 << (x & 31);
    rowInk[y]!++;
    inkCount++;
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
  return { width: pw, height: ph, words, bits, grown, ink: inkCount, rowInk };
}

/** Where each ink pixel lands when the page is turned about its centre (each place once, first come). */
function turned(ink: Int32Array, count: number, w: number, h: number, cos: number, sin: number): Int32Array {
  const cx = w / 2;
  const cy = h / 2;
  // Per-column halves of the rotation, summed in the same order as cx + dx·cos + dy·sin.
  const colX = new Float64Array(w);
  const colY = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    colX[x] = cx + (x - cx) * cos;
    colY[x] = cy - (x - cx) * sin;
  }
  const map = new Uint8Array(w * h);
  const out = new Int32Array(count);
  let n = 0;
  for (let k = 0; k < count; k++) {
    const src = ink[k] as number;
    const y = (src / w) | 0;
    const x = src - y * w;
    const dy = y - cy;
    const nx = Math.round((colX[x] as number) + dy * sin);
    const ny = Math.round((colY[x] as number) + dy * cos);
    if (nx < 0 || nx >= w || ny < 0 || ny >= h) continue;
    const i = ny * w + nx;
    if (map[i]) continue;
    map[i] = 1;
    out[n++] = i;
  }
  return out.subarray(0, n);
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
