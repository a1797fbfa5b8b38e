/**
 * Skew by projection profile: the dark pixels of a small greyscale page are projected onto the
 * vertical axis at trial angles; text lines give the sharpest profile (largest sum of squared bin
 * counts) when the angle matches the skew. Coarse ±5° in 0.25° steps, then 0.05° around the best.
 * Returns the angle (degrees, clockwise positive) the page is turned by; rotate by −angle to fix.
 */

const MAX_POINTS = 60_000;

function darkPoints(g: { data: Uint8Array; width: number; height: number }): Float64Array {
  let count = 0;
  for (let i = 0; i < g.data.length; i++) if ((g.data[i] ?? 255) < 128) count++;
  const step = Math.max(1, Math.ceil(count / MAX_POINTS));
  const pts: number[] = [];
  let k = 0;
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      if ((g.data[y * g.width + x] ?? 255) < 128 && k++ % step === 0) pts.push(x, y);
    }
  }
  return Float64Array.from(pts);
}

/** Profile sharpness at an angle: the sum of squared bin counts, and how many bins the points span. */
function profile(pts: Float64Array, degrees: number, height: number): { score: number; span: number } {
  const t = (degrees * Math.PI) / 180;
  const sin = Math.sin(t);
  const cos = Math.cos(t);
  const offset = height; // keeps bins non-negative for any |angle| ≤ 45°
  const bins = new Float64Array(height * 3);
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i] ?? 0;
    const y = pts[i + 1] ?? 0;
    // The y a point would have after rotating the page by −degrees (about the origin).
    const b = Math.round(y * cos - x * sin + offset);
    if (b >= 0 && b < bins.length) bins[b] = (bins[b] ?? 0) + 1;
  }
  let s = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < bins.length; i++) {
    const v = bins[i] ?? 0;
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
