/**
 * Cheap measurements on a small greyscale copy of a page, made before any OCR: is there ink at
 * all, where the text lines are, how tall the text is (which sets the OCR scale), and which way
 * the lines run. Pure functions over raw pixels, so they cost milliseconds.
 */
import sharp from 'sharp';

export interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Band {
  top: number;
  bottom: number;
}

/** Decodes an image to one-channel greyscale, at most `maxWidth` wide (JPEG shrinks on load). */
export async function decodeGrey(image: Buffer, maxWidth?: number): Promise<Grey & { scale: number; fullWidth: number; fullHeight: number }> {
  const meta = await sharp(image).metadata();
  const fullWidth = meta.width ?? 0;
  const fullHeight = meta.height ?? 0;
  let img = sharp(image).greyscale();
  if (maxWidth !== undefined && fullWidth > maxWidth) img = img.resize({ width: maxWidth });
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, scale: info.width / Math.max(1, fullWidth), fullWidth, fullHeight };
}

/**
 * The grey level between paper and ink (Otsu's threshold), kept between 60 and 200 so a page of
 * plain paper (one hump in the histogram) does not turn its grain into ink.
 */
export function inkThreshold(g: Grey): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < g.data.length; i++) hist[g.data[i] as number]! += 1;
  const total = g.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let sumB = 0;
  let wB = 0;
  let best = 128;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return Math.min(200, Math.max(60, best));
}

/** Share of ink pixels inside the page, edges (5%) excluded: shadows and punch holes are not text. */
export function inkShare(g: Grey, threshold = 128): number {
  const mx = Math.round(g.width * 0.05);
  const my = Math.round(g.height * 0.05);
  let ink = 0;
  let n = 0;
  for (let y = my; y < g.height - my; y++) {
    const row = y * g.width;
    for (let x = mx; x < g.width - mx; x++) {
      n++;
      if ((g.data[row + x] as number) < threshold) ink++;
    }
  }
  return n === 0 ? 0 : ink / n;
}

/** Ink pixels per row (or per column with `columns`), between `from` and `to` on the other axis. */
export function profile(g: Grey, threshold: number, columns = false, from = 0, to = columns ? g.height : g.width): Uint32Array {
  const out = new Uint32Array(columns ? g.width : g.height);
  if (columns) {
    for (let y = from; y < to; y++) {
      const row = y * g.width;
      for (let x = 0; x < g.width; x++) if ((g.data[row + x] as number) < threshold) out[x]!++;
    }
  } else {
    for (let y = 0; y < g.height; y++) {
      const row = y * g.width;
      let n = 0;
      for (let x = from; x < to; x++) if ((g.data[row + x] as number) < threshold) n++;
      out[y] = n;
    }
  }
  return out;
}

/**
 * Runs of inked rows: the text lines of an upright, straight page. A row counts when it holds at
 * least `minInk` ink pixels (dust and scanner grain do not); runs closer than `join` rows merge.
 */
export function bands(p: Uint32Array, minInk: number, join = 1): Band[] {
  const out: Band[] = [];
  let start = -1;
  let gap = 0;
  for (let i = 0; i <= p.length; i++) {
    const on = i < p.length && (p[i] as number) >= minInk;
    if (on) {
      if (start < 0) start = i;
      gap = 0;
    } else if (start >= 0) {
      gap++;
      if (gap > join || i === p.length) {
        out.push({ top: start, bottom: i - gap + 1 });
        start = -1;
        gap = 0;
      }
    }
  }
  return out;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * How clearly the ink gathers into lines along one axis: the profile's sum of squares relative to
 * the same ink spread evenly over the span it covers (1 = no structure; lines of text give 2–4).
 */
export function lineness(p: Uint32Array): number {
  let n = 0;
  let sq = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    if (v > 0) {
      if (first < 0) first = i;
      last = i;
    }
    n += v;
    sq += v * v;
  }
  return n === 0 ? 1 : (sq * (last - first + 1)) / (n * n);
}

/**
 * The typical height of a text line in pixels of `g` (median of the inked-row runs over the
 * middle third of the width, so a line left slightly skewed does not smear into its neighbours),
 * or null when the page has too few lines to tell.
 */
export function textLineHeight(g: Grey, threshold: number): number | null {
  const from = Math.floor(g.width / 3);
  const to = Math.ceil((2 * g.width) / 3);
  const minInk = Math.max(2, Math.round((to - from) * 0.01));
  const runs = bands(profile(g, threshold, false, from, to), minInk).map((b) => b.bottom - b.top).filter((h) => h >= 3);
  return runs.length >= 2 ? median(runs) : null;
}

/**
 * A copy at most `maxWidth` wide: averages of n×n blocks (n the smallest whole factor that gets
 * there: 2 for a 150-dpi page, 4 for a 300-dpi one). Lines and marks only need to be found on it,
 * and a box average costs a few milliseconds where a resampling filter costs several times that.
 */
export function boxThumbnail(page: Grey, maxWidth: number): Grey & { scale: number } {
  const n = Math.ceil(page.width / maxWidth);
  if (n <= 1) return { ...page, scale: 1 };
  const w = Math.floor(page.width / n);
  const h = Math.floor(page.height / n);
  const sums = new Uint32Array(w);
  const data = new Uint8Array(w * h);
  const d = page.data;
  const area = n * n;
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < n; dy++) {
      let o = (y * n + dy) * page.width;
      for (let x = 0; x < w; x++) {
        let s = 0;
        for (let dx = 0; dx < n; dx++) s += d[o++]!;
        sums[x]! += s;
      }
    }
    const row = y * w;
    for (let x = 0; x < w; x++) data[row + x] = (sums[x]! + (area >> 1)) / area;
  }
  return { data, width: w, height: h, scale: 1 / n };
}
