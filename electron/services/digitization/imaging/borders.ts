/**
 * Finding what is not the page: the scanner's dark background and edges around the paper, and the
 * wedges a deskew rotation adds at the corners. The dark background is told from ink by shape: a
 * dark region joined to the image's border (or to a wedge) along a long stretch is background, while
 * a letter or line touching the edge meets it only briefly and stays content.
 */
import { giveBack, takeBytes, takeZeroed } from './bufferPool';
import { grown } from './growable';

export interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Mask values. */
export const PAPER = 0;
export const BACKGROUND = 1;
export const OUTSIDE = 2;

/** A dark region touching the edge along at least this share of the shorter side is background. */
const CONTACT_SHARE = 0.05;

/** Downscales by `f` keeping each block's darkest pixel, so thin strokes survive at analysis size. */
export function minPool(g: Grey, f: number): Grey {
  if (f <= 1) return g;
  if (f === 2) return minPool2(g);
  const { width: w, height: h, data } = g;
  const width = Math.ceil(w / f);
  const height = Math.ceil(h / f);
  const out = takeBytes(width * height).fill(255);
  for (let y = 0; y < h; y++) {
    const row = ((y / f) | 0) * width;
    const src = y * w;
    for (let cx = 0, x = 0; cx < width; cx++) {
      const end = Math.min(w, x + f);
      let m = out[row + cx]!;
      for (; x < end; x++) {
        const v = data[src + x]!;
        if (v < m) m = v;
      }
      out[row + cx] = m;
    }
  }
  return { data: out, width, height };
}

/** minPool for f = 2 (300 dpi pages), two rows at a time. */
function minPool2(g: Grey): Grey {
  const width = Math.ceil(g.width / 2);
  const height = Math.ceil(g.height / 2);
  const out = takeBytes(width * height);
  for (let cy = 0; cy < height; cy++) minPoolRow2(g.data, g.width, g.height, cy, out);
  return { data: out, width, height };
}

/**
 * Row `cy` of minPool(g, 2) (`out` is ceil(w / 2) wide), from image rows 2cy and 2cy + 1; also
 * called by the rotation as soon as it has written those two rows, while they are still in cache.
 */
export function minPoolRow2(data: Uint8Array, w: number, h: number, cy: number, out: Uint8Array): void {
  const width = (w + 1) >> 1;
  const pairs = w >> 1;
  const a = 2 * cy * w;
  // A last odd row pairs with itself.
  const b = 2 * cy + 1 < h ? a + w : a;
  const o = cy * width;
  for (let cx = 0, x = 0; cx < pairs; cx++, x += 2) {
    // Branch-free minimum: scanned paper is noise, and a guessed branch there is wrong half the time.
    const d1 = data[a + x]! - data[a + x + 1]!;
    const m1 = data[a + x + 1]! + (d1 & (d1 >> 31));
    const d2 = data[b + x]! - data[b + x + 1]!;
    const m2 = data[b + x + 1]! + (d2 & (d2 >> 31));
    const d3 = m1 - m2;
    out[o + cx] = m2 + (d3 & (d3 >> 31));
  }
  if (w & 1) {
    const x = w - 1;
    const v = data[b + x]!;
    const m = data[a + x]!;
    out[o + pairs] = v < m ? v : m;
  }
}

/**
 * The part of a canvas that came from the image before it was rotated by `degrees` (sharp's
 * rotate: clockwise, canvas grown to fit, centres kept); the rest is a fill wedge. `scale` maps
 * the analysis grid to canvas pixels. `slack` (canvas px) widens the wedges so edge rounding never
 * leaves a sliver of fill counted as page.
 */
export function outsideRotated(g: { width: number; height: number }, scale: number, canvas: { width: number; height: number }, before: { width: number; height: number }, degrees: number, slack: number): Uint8Array {
  const out = takeZeroed(g.width * g.height);
  const t = (degrees * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const hw = before.width / 2 - slack;
  const hh = before.height / 2 - slack;
  for (let y = 0; y < g.height; y++) {
    // The analysis cell's centre on the canvas, relative to the canvas centre, rotated back.
    const oy = (y + 0.5) * scale - canvas.height / 2;
    for (let x = 0; x < g.width; x++) {
      const ox = (x + 0.5) * scale - canvas.width / 2;
      const dx = c * ox + s * oy;
      const dy = -s * ox + c * oy;
      if (Math.abs(dx) > hw || Math.abs(dy) > hh) out[y * g.width + x] = 1;
    }
  }
  return out;
}

/**
 * Marks each pixel PAPER, BACKGROUND (dark, joined to the edge along a long stretch) or OUTSIDE
 * (a rotation wedge, from `outside`). Pixels darker than `dark` can be background.
 */
export function classify(g: Grey, dark: number, outside: Uint8Array | null): Uint8Array {
  const { width: w, height: h, data } = g;
  const n = w * h;
  const mask = takeZeroed(n);
  if (outside) for (let i = 0; i < n; i++) if (outside[i] === 1) mask[i] = OUTSIDE;
  // On the image's border, or (with wedges) beside one: where a dark region meets the edge.
  const atEdge = (i: number, x: number, y: number): boolean => {
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1) return true;
    if (!outside) return false;
    return outside[i - 1] === 1 || outside[i + 1] === 1 || outside[i - w] === 1 || outside[i + w] === 1;
  };
  const minContact = Math.max(3, Math.round(CONTACT_SHARE * Math.min(w, h)));
  const perRow = 1 / w; // i → row by a multiplication: exact here (see analysis/components.ts)
  let seen: Uint8Array | null = null;
  let queue = new Int32Array(0);
  for (let y = 0, start = 0; y < h; y++) {
    for (let x = 0; x < w; x++, start++) {
      // Dark paper cells only (wedge cells are never background).
      if (mask[start] !== PAPER || data[start]! >= dark || !atEdge(start, x, y)) continue;
      seen ??= takeZeroed(n);
      if (seen[start]) continue;
      // Flood the dark region joined to this edge pixel (8-neighbours), counting its edge contact;
      // breadth-first, so the queue holds every member afterwards.
      let contact = 0;
      let tail = 0;
      if (queue.length === 0) queue = grown(queue, 0);
      queue[tail++] = start;
      seen[start] = 1;
      for (let head = 0; head < tail; head++) {
        const i = queue[head]!;
        const iy = ((i + 0.5) * perRow) | 0;
        const ix = i - iy * w;
        if (atEdge(i, ix, iy)) contact++;
        const y0 = iy > 0 ? iy - 1 : 0;
        const y1 = iy < h - 1 ? iy + 1 : iy;
        const x0 = ix > 0 ? ix - 1 : 0;
        const x1 = ix < w - 1 ? ix + 1 : ix;
        for (let yy = y0; yy <= y1; yy++) {
          for (let j = yy * w + x0, end = yy * w + x1; j <= end; j++) {
            if (seen[j] === 0 && mask[j] === PAPER && data[j]! < dark) {
              seen[j] = 1;
              if (tail === queue.length) queue = grown(queue, tail);
              queue[tail++] = j;
            }
          }
        }
      }
      if (contact >= minContact) for (let k = 0; k < tail; k++) mask[queue[k]!] = BACKGROUND;
    }
  }
  if (seen) giveBack(seen);
  return mask;
}

/** A copy with the scanner background painted white, for skew and blank-page analysis. */
export function withoutBackground(g: Grey, dark = 128): Grey {
  const mask = classify(g, dark, null);
  const data = Uint8Array.from(g.data);
  for (let i = 0; i < data.length; i++) if (mask[i] !== PAPER) data[i] = 255;
  giveBack(mask);
  return { data, width: g.width, height: g.height };
}

/** The brightness of the paper: a high percentile of the page's pixels (text is a small share). */
export function paperLevel(g: Grey, mask: Uint8Array | null): number {
  const hist = new Uint32Array(256);
  const data = g.data;
  let n = 0;
  if (mask) {
    for (let i = 0; i < data.length; i++) {
      if (mask[i] !== PAPER) continue;
      hist[data[i]!]!++;
      n++;
    }
  } else {
    for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
    n = data.length;
  }
  if (n === 0) return 255;
  let seen = 0;
  for (let v = 255; v >= 0; v--) {
    seen += hist[v]!;
    if (seen >= n * 0.1) return v;
  }
  return 255;
}

/** Ink is clearly darker than the paper it is on (yellowed paper lowers the bar). */
export function inkThreshold(paper: number): number {
  return Math.max(40, Math.min(140, Math.round(paper * 0.62)));
}
