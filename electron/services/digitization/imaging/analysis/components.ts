/** Connected marks (8-neighbour) of a binary mask, with the measurements the detectors judge them by. */
import { giveBack, takeZeroed } from '../bufferPool';
import { grown } from '../growable';

export interface Mark {
  /** Pixels in the mark. */
  area: number;
  left: number;
  top: number;
  /** Inclusive. */
  right: number;
  bottom: number;
  /** Touches the image's edge or the scanner background (edge shadows, background scraps). */
  atEdge: boolean;
}

/**
 * Every mark of `mask` (non-zero pixels). `edge` marks pixels whose neighbourhood makes a mark
 * "at the edge" besides the image border itself (the scanner background).
 */
export function findMarks(mask: Uint8Array, w: number, h: number, edge?: Uint8Array): Mark[] {
  const marks: Mark[] = [];
  forEachMark(mask, w, h, edge, (m) => {
    marks.push(m);
    return true;
  });
  return marks;
}

/** The marks of findMarks, in the same order, handed to `visit` one by one until it returns false. */
export function forEachMark(mask: Uint8Array, w: number, h: number, edge: Uint8Array | undefined, visit: (m: Mark) => boolean): void {
  forEachRegion({ values: mask, from: 1, below: 256 }, w, h, edge, visit);
}

/**
 * A mask given by a condition rather than stored: the pixels whose value is in [from, below) and
 * that `skip` (if any) does not mark.
 */
export interface Region {
  values: Uint8Array;
  from: number;
  below: number;
  skip?: Uint8Array;
}

/** forEachMark over the pixels of `region`, without making its mask first. */
export function forEachRegion(region: Region, w: number, h: number, edge: Uint8Array | undefined, visit: (m: Mark) => boolean): void {
  const { values, from, below, skip } = region;
  const inside = (j: number) => values[j]! >= from && values[j]! < below && (skip === undefined || skip[j] === 0);
  const n = w * h;
  // The row of pixel i by a multiplication, not a division: (i + 0.5) / w lies at least 0.5 / w
  // inside its row's interval, far more than the product's rounding error, so the floor is exact.
  const perRow = 1 / w;
  let seen: Uint8Array | null = null;
  let stack = new Int32Array(0);
  for (let start = 0; start < n; start++) {
    if (!inside(start)) continue;
    // Made on first need: a blank side has few marks.
    seen ??= takeZeroed(n);
    if (seen[start]) continue;
    let area = 0;
    let left = w;
    let top = h;
    let right = -1;
    let bottom = -1;
    let atEdge = false;
    let sp = 0;
    if (stack.length === 0) stack = grown(stack, 0);
    stack[sp++] = start;
    seen[start] = 1;
    while (sp > 0) {
      const i = stack[--sp]!;
      const y = ((i + 0.5) * perRow) | 0;
      const x = i - y * w;
      area++;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) atEdge = true;
      const y0 = y > 0 ? y - 1 : 0;
      const y1 = y < h - 1 ? y + 1 : y;
      const x0 = x > 0 ? x - 1 : 0;
      const x1 = x < w - 1 ? x + 1 : x;
      for (let yy = y0; yy <= y1; yy++) {
        for (let j = yy * w + x0, end = yy * w + x1; j <= end; j++) {
          if (edge !== undefined && edge[j] === 1) atEdge = true;
          if (seen[j] === 0 && inside(j)) {
            seen[j] = 1;
            if (sp === stack.length) stack = grown(stack, sp);
            stack[sp++] = j;
          }
        }
      }
    }
    if (!visit({ area, left, top, right, bottom, atEdge })) break;
  }
  if (seen) giveBack(seen);
}

export function markWidth(m: Mark): number {
  return m.right - m.left + 1;
}

export function markHeight(m: Mark): number {
  return m.bottom - m.top + 1;
}
