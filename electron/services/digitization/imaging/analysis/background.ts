/**
 * The scanner's background (the lid or feeder backing seen around a smaller sheet): dark regions
 * joined to the image's edge along a long stretch. A letter or ruled line that runs off the edge
 * meets it only briefly and stays content; edge shadows joined to the background go with it.
 */
import { giveBack, takeZeroed } from '../bufferPool';
import { grown } from '../growable';

/** A dark region touching the edge along at least this share of the shorter side is background. */
const CONTACT_SHARE = 0.05;
/** "Dark" relative to the paper level: well below any paper, however yellowed. */
const DARK_SHARE = 0.55;

/** The value below which `share` of a histogram's `n` counts lie. */
export function histPercentile(hist: Uint32Array, n: number, share: number): number {
  if (n === 0) return 255;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= n * share) return v;
  }
  return 255;
}

/** The brightness below which `share` of the pixels lie (a percentile of `lum`). */
export function percentile(lum: Uint8Array, share: number, skip?: Uint8Array): number {
  const hist = new Uint32Array(256);
  let n = 0;
  if (skip) {
    for (let i = 0; i < lum.length; i++) {
      if (skip[i]) continue;
      hist[lum[i]!]!++;
      n++;
    }
  } else {
    for (let i = 0; i < lum.length; i++) hist[lum[i]!]!++;
    n = lum.length;
  }
  return histPercentile(hist, n, share);
}

/**
 * 1 for background pixels, 0 for the sheet. `hist`: the histogram of all of `lum`, when the caller
 * has it already.
 */
export function markBackground(lum: Uint8Array, w: number, h: number, hist?: Uint32Array): Uint8Array {
  const n = w * h;
  const mask = takeZeroed(n);
  const dark = (hist ? histPercentile(hist, lum.length, 0.9) : percentile(lum, 0.9)) * DARK_SHARE;
  const minContact = Math.max(3, Math.round(CONTACT_SHARE * Math.min(w, h)));
  const perRow = 1 / w; // i → row by a multiplication: exact here (see components.ts)
  // Most pages have no dark pixel on the edge at all: the flood's buffers are made on first need.
  let seen: Uint8Array | null = null;
  let queue = new Int32Array(0);
  const flood = (start: number): void => {
    seen ??= takeZeroed(n);
    if (seen[start]) return;
    // Breadth-first: the queue keeps every member, to mark them if the region proves background.
    let tail = 0;
    if (queue.length === 0) queue = grown(queue, 0);
    queue[tail++] = start;
    seen[start] = 1;
    let contact = 0;
    for (let head = 0; head < tail; head++) {
      const i = queue[head]!;
      const y = ((i + 0.5) * perRow) | 0;
      const x = i - y * w;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) contact++;
      const y0 = y > 0 ? y - 1 : 0;
      const y1 = y < h - 1 ? y + 1 : y;
      const x0 = x > 0 ? x - 1 : 0;
      const x1 = x < w - 1 ? x + 1 : x;
      for (let yy = y0; yy <= y1; yy++) {
        for (let j = yy * w + x0, end = yy * w + x1; j <= end; j++) {
          if (seen[j] === 0 && lum[j]! < dark) {
            seen[j] = 1;
            if (tail === queue.length) queue = grown(queue, tail);
            queue[tail++] = j;
          }
        }
      }
    }
    if (contact >= minContact) for (let k = 0; k < tail; k++) mask[queue[k]!] = 1;
  };
  for (let x = 0; x < w; x++) {
    if (lum[x]! < dark) flood(x);
    const b = (h - 1) * w + x;
    if (lum[b]! < dark) flood(b);
  }
  for (let y = 1; y < h - 1; y++) {
    if (lum[y * w]! < dark) flood(y * w);
    if (lum[y * w + w - 1]! < dark) flood(y * w + w - 1);
  }
  if (seen) giveBack(seen);
  return mask;
}
