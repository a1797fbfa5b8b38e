/**
 * Colourfulness over each pixel's 3×3 neighbourhood. Averaging first is what cancels a scanner's
 * fringes: the red seam on one side of a thin black stroke and the blue seam on the other fall in
 * the same window and sum to grey, while a red or blue stroke stays red or blue.
 *
 * Only rows that can reach CHROMA_MIN are computed: a window's mean colour is never more colourful
 * than its most colourful pixel, so a row whose windows hold no pixel with a channel spread near
 * CHROMA_MIN stays 0 (below every threshold the detectors use). Most pages have no such pixel at
 * all, and the pass costs nothing there.
 */

import { takeZeroed } from '../bufferPool';

/** `ROUNDED[c][d]` = Math.round(d / c): the window's mean difference without a division per pixel. */
const ROUNDED: Uint8Array[] = [];
for (let c = 1; c <= 9; c++) {
  const t = new Uint8Array(255 * c + 1);
  for (let d = 0; d < t.length; d++) t[d] = Math.round(d / c);
  ROUNDED[c] = t;
}

/** Horizontal 3-wide sums of one interleaved RGB row (the window is cut short at the row's ends). */
function acrossRow(rgb: Uint8Array, w: number, out: Uint16Array): void {
  const len = 3 * w;
  if (w === 1) {
    for (let o = 0; o < 3; o++) out[o] = rgb[o]!;
    return;
  }
  for (let o = 0; o < 3; o++) {
    out[o] = rgb[o]! + rgb[o + 3]!;
    out[len - 3 + o] = rgb[len - 3 + o]! + rgb[len - 6 + o]!;
  }
  for (let o = 3; o < len - 3; o++) out[o] = rgb[o - 3]! + rgb[o]! + rgb[o + 3]!;
}

/**
 * Per pixel: max − min channel of the 3×3 window's mean colour (windows cut short at the edges),
 * rounded; computed on the rows next to a row flagged in `colourfulRows` (a pixel there may be
 * colourful), 0 elsewhere. `balancedRow(y, out)` writes row y's white-balanced RGB.
 */
export function boxChroma(w: number, h: number, colourfulRows: Uint8Array, balancedRow: (y: number, out: Uint8Array) => void): Uint8Array {
  const out = takeZeroed(w * h);
  const rgb = new Uint8Array(3 * w);
  const zero = new Uint16Array(3 * w);
  // Row sums for rows y − 1, y, y + 1 live in slots (y mod 3), made on first need.
  const slots = [new Uint16Array(3 * w), new Uint16Array(3 * w), new Uint16Array(3 * w)];
  const slotRow = [-1, -1, -1];
  const across = (y: number): Uint16Array => {
    if (y < 0 || y >= h) return zero;
    const k = y % 3;
    const slot = slots[k]!;
    if (slotRow[k] !== y) {
      balancedRow(y, rgb);
      acrossRow(rgb, w, slot);
      slotRow[k] = y;
    }
    return slot;
  };
  for (let y = 0; y < h; y++) {
    if (colourfulRows[y] === 0 && (y === 0 || colourfulRows[y - 1] === 0) && (y === h - 1 || colourfulRows[y + 1] === 0)) continue;
    const above = across(y - 1);
    const here = across(y);
    const below = across(y + 1);
    const rows = 1 + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
    const edge = ROUNDED[rows * (w > 1 ? 2 : 1)]!;
    const mid = ROUNDED[rows * 3]!;
    const row = y * w;
    for (let x = 0, o = 0; x < w; x++, o += 3) {
      const r = above[o]! + here[o]! + below[o]!;
      const g = above[o + 1]! + here[o + 1]! + below[o + 1]!;
      const b = above[o + 2]! + here[o + 2]! + below[o + 2]!;
      const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
      const lo = r < g ? (r < b ? r : b) : g < b ? g : b;
      out[row + x] = (x === 0 || x === w - 1 ? edge : mid)[hi - lo]!;
    }
  }
  return out;
}
