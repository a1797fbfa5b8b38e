/**
 * Skew by projection profile: the dark pixels of a small greyscale page are projected onto the
 * vertical axis at trial angles; text lines give the sharpest profile (largest sum of squared bin
 * counts) when the angle matches the skew. Coarse ±5° in 0.25° steps, then 0.05° around the best.
 * Returns the angle (degrees, clockwise positive) the page is turned by; rotate by −angle to fix.
 */

const MAX_POINTS = 60_000;

function darkPoints(g: { data: Uint8Array; width: number; height: number }): Float64Array {
  const { data, width, height } = g;
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i]! < 128) count++;
  const step = Math.max(1, Math.ceil(count / MAX_POINTS));
  // Every step-th dark pixel in reading order: at most ceil(count / step) of them.
  const pts = new Float64Array(2 * Math.ceil(count / step));
  let k = 0;
  let p = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (data[i]! < 128 && k++ % step === 0) {
        pts[p++] = x;
        pts[p++] = y;
      }
    }
  }
  return pts.subarray(0, p);
}

/** Profile sharpness at an angle: the sum of squared bin counts, and how many bins the points span. */
function profile(pts: Float64Array, degrees: number, height: number): { score: number; span: number } {
  const t = (degrees * Math.PI) / 180;
  const sin = Math.sin(t);
  const cos = Math.cos(t);
  const offset = height; // keeps bins non-negative for any |angle| ≤ 45°
  const size = height * 3;
  // Four interleaved sets of bins: neighbouring points (along a text line) fall in the same bin,
  // and one counter would make each count wait for the last. Added up below, the same counts.
  const bins = new Uint32Array(size * 4);
  for (let i = 0, lane = 0; i < pts.length; i += 2) {
    const x = pts[i]!;
    const y = pts[i + 1]!;
    // The y a point would have after rotating the page by −degrees (about the origin).
    const b = Math.round(y * cos - x * sin + offset);
    if (b >= 0 && b < size) bins[lane + b]!++;
    lane += size;
    if (lane === 4 * size) lane = 0;
  }
  let s = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < size; i++) {
    const v = bins[i]! + bins[size + i]! + bins[2 * size + i]! + bins[3 * size + i]!;
    if (v > 0) {
      if (first < 0) first = i;
      last = i;
    }
    s += v * v;
  }
  return { score: s, span: last - first + 1 };
}

function score(pts: Float64Array, degrees: number, height: number): number {
  return profile(pts, degrees, height).score;
}

export interface SkewMeasure {
  degrees: number;
  /**
   * How strongly the ink gathers into lines at that angle: the profile's sum of squares relative
   * to the same ink spread evenly over the rows it spans (1 = no lines; text lines give about 2–4).
   */
  lineness: number;
}

export function measureSkew(g: { data: Uint8Array; width: number; height: number }): SkewMeasure {
  const pts = darkPoints(g);
  if (pts.length < 200) return { degrees: 0, lineness: 1 };
  let best = 0;
  let bestScore = -1;
  for (let a = -5; a <= 5.0001; a += 0.25) {
    const s = score(pts, a, g.height);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  const coarse = best;
  for (let a = coarse - 0.25; a <= coarse + 0.2501; a += 0.05) {
    const s = score(pts, a, g.height);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  const n = pts.length / 2;
  const { span } = profile(pts, best, g.height);
  return { degrees: Math.round(best * 100) / 100, lineness: (bestScore * span) / (n * n) };
}

export function estimateSkew(g: { data: Uint8Array; width: number; height: number }): number {
  return measureSkew(g).degrees;
}

/** A greyscale image turned 90° clockwise: output (u, v) holds input (v, h − 1 − u). */
export function quarterTurn(g: { data: Uint8Array; width: number; height: number }): { data: Uint8Array; width: number; height: number } {
  const { width: w, height: h } = g;
  const src = g.data;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0, i = y * w, o = h - 1 - y; x < w; x++, i++, o += h) data[o] = src[i]!;
  return { data, width: h, height: w };
}
