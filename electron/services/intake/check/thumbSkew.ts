/**
 * Skew by projection profile: row profiles of ink per vertical strip, combined with each strip
 * shifted by x·tan(angle); the angle that gives the sharpest combined profile wins. Coarse then fine.
 * On a thumbnail one row is 8 rows of the scan, so a skew of 0.2° moves a line less than a row
 * across the page: each strip's profile is resampled at quarter rows through a Gaussian and
 * shifted whole. (Plain binning or linear blending blurs every angle but 0° and snaps small skews to 0.)
 *
 * Cost: a page's profiles are mostly empty (≈17% of strip rows hold ink), so each strip is kept as
 * runs of non-zero samples and only those are summed. Skipping a zero changes no sum (x + 0 = x) and
 * every non-zero term is still added in the same order, so the scores are bit-identical to summing
 * every sample.
 */

export const STRIPS = 12;
/** Sub-row resolution: strip profiles are resampled at quarter rows. */
const SUB = 4;
/** Gaussian used to resample the profiles (rows): the same smoothing at every shift, so no angle is favoured. */
const SIGMA = 0.6;
const REACH = 2;
const KERNEL = Float64Array.from({ length: 2 * REACH * SUB + 1 }, (_, k) => Math.exp(-(((k - REACH * SUB) / SUB) ** 2) / (2 * SIGMA * SIGMA)));

/** Vertical strip of each column of the inner page (the skew estimate's profiles); `bx` is the side border. */
export function stripOfColumn(w: number, bx: number): Int32Array {
  const sw = (w - 2 * bx) / STRIPS;
  const strip = new Int32Array(w);
  for (let x = bx; x < w - bx; x++) strip[x] = Math.min(STRIPS - 1, Math.floor((x - bx) / sw));
  return strip;
}

/**
 * Runs [start, end) per strip covering every sample a profile row can reach through the kernel:
 * row y reaches samples y·step − reach … y·step + reach. Runs are merged when at most `gap` samples
 * apart (those zeros are summed too: cheaper than starting another run).
 * Returns the runs (pairs) and each strip's first pair, STRIPS + 1 offsets.
 */
function reachRuns(profiles: Int32Array, h: number, step: number, reach: number, len: number, gap: number): { runs: Int32Array; first: Int32Array } {
  const runs: number[] = [];
  const first = new Int32Array(STRIPS + 1);
  for (let s = 0; s < STRIPS; s++) {
    first[s] = runs.length / 2;
    let a = -1;
    let b = -1;
    for (let y = 0; y < h; y++) {
      if (profiles[s * h + y] === 0) continue;
      const lo = Math.max(0, y * step - reach);
      const hi = Math.min(len, y * step + reach + 1);
      if (a >= 0 && lo <= b + gap) b = hi;
      else {
        if (a >= 0) runs.push(a, b);
        a = lo;
        b = hi;
      }
    }
    if (a >= 0) runs.push(a, b);
  }
  first[STRIPS] = runs.length / 2;
  return { runs: Int32Array.from(runs), first };
}

/** Summing buffer, all zeros between calls (each score clears what it touched). Grown as needed. */
let combinedScratch = new Float64Array(0);
/** Resampled profiles and their whole-row samples, reused from page to page (cleared, not allocated: no garbage per page). */
let upsampledScratch = new Float64Array(0);
let rowsScratch = new Float64Array(0);

/**
 * Sharpness of the strips' profiles combined with strip s moved by shifts[s] samples: the sum of
 * squares of the combined profile. Sums in the original order: each sample strip by strip, then the
 * squares from the first to the last sample any strip reaches.
 */
function sharpness(src: Float64Array, len: number, runs: Int32Array, first: Int32Array, shifts: Int32Array, combined: Float64Array): number {
  let lo = len;
  let hi = 0;
  for (let s = 0; s < STRIPS; s++) {
    const shift = shifts[s] as number;
    const base = s * len + shift;
    const from = Math.max(0, -shift);
    const to = Math.min(len, len - shift);
    const r1 = first[s + 1] as number;
    for (let r = first[s] as number; r < r1; r++) {
      const j0 = Math.max(from, (runs[2 * r] as number) - shift);
      const j1 = Math.min(to, (runs[2 * r + 1] as number) - shift);
      if (j0 >= j1) continue;
      if (j0 < lo) lo = j0;
      if (j1 > hi) hi = j1;
      for (let j = j0; j < j1; j++) combined[j]! += src[base + j] as number;
    }
  }
  let sum = 0;
  for (let j = lo; j < hi; j++) {
    sum += (combined[j] as number) ** 2;
    combined[j] = 0;
  }
  return sum;
}

/**
 * Skew in degrees from the strip profiles (STRIPS × h ink darkness sums; `total` their sum) of a
 * w × h thumbnail whose inner page starts `bx` from each side; null when there are no text lines.
 */
export function skewFromProfiles(profiles: Int32Array, total: number, w: number, h: number, bx: number): number | null {
  if (total === 0) return null;
  const sw = (w - 2 * bx) / STRIPS;
  const n = h * SUB;
  const reach = REACH * SUB;
  const kernel = KERNEL;
  const fine = reachRuns(profiles, h, SUB, reach, n, 4 * SUB);
  if (upsampledScratch.length < STRIPS * n) upsampledScratch = new Float64Array(STRIPS * n);
  const upsampled = upsampledScratch;
  upsampled.fill(0, 0, STRIPS * n);
  for (let s = 0; s < STRIPS; s++) {
    for (let y = 0; y < h; y++) {
      const v = profiles[s * h + y] as number;
      if (v === 0) continue;
      const at = s * n + y * SUB - reach;
      const k0 = Math.max(0, reach - y * SUB);
      const k1 = Math.min(kernel.length, n + reach - y * SUB);
      for (let k = k0; k < k1; k++) upsampled[at + k]! += v * (kernel[k] as number);
    }
  }
  // The coarse search samples whole rows only: those samples, packed (a row is non-zero only
  // within REACH rows of a profile row with ink).
  const coarse = reachRuns(profiles, h, 1, REACH, h, 4);
  if (rowsScratch.length < STRIPS * h) rowsScratch = new Float64Array(STRIPS * h);
  const rows = rowsScratch;
  for (let s = 0; s < STRIPS; s++) {
    for (let r = coarse.first[s] as number; r < (coarse.first[s + 1] as number); r++) {
      for (let y = coarse.runs[2 * r] as number; y < (coarse.runs[2 * r + 1] as number); y++) rows[s * h + y] = upsampled[s * n + y * SUB] as number;
    }
  }
  const centres = Float64Array.from({ length: STRIPS }, (_, s) => bx + (s + 0.5) * sw - w / 2);
  if (combinedScratch.length < n) combinedScratch = new Float64Array(n);
  const combined = combinedScratch;
  const shifts = new Int32Array(STRIPS);
  /** Sharpness of the combined profile at `deg`: `step` SUB samples whole rows, 1 every quarter row. */
  const score = (deg: number, step: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    for (let s = 0; s < STRIPS; s++) shifts[s] = (Math.round(((centres[s] as number) * t * SUB) / step) * step) / step;
    return step === SUB ? sharpness(rows, h, coarse.runs, coarse.first, shifts, combined) : sharpness(upsampled, n, fine.runs, fine.first, shifts, combined);
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
  const around = best;
  const scores: number[] = [];
  for (let i = -5; i <= 5; i++) scores.push(score(around + i * 0.1, 1));
  const k = scores.indexOf(Math.max(...scores));
  let angle = around + (k - 5) * 0.1;
  // The peak between the fine samples: vertex of the parabola through the best and its neighbours.
  const l = scores[k - 1];
  const r = scores[k + 1];
  const c = scores[k] as number;
  if (l !== undefined && r !== undefined && l + r - 2 * c < 0) angle += (0.1 * (l - r)) / (2 * (l + r - 2 * c));
  return Math.round(angle * 100) / 100;
}
