/**
 * Which ink marks define the content's bounds. Dust and specks are not content: a mark too small
 * to be a stroke counts only when it lies near real content (a full stop, a dotted leader line,
 * the dot of an i), so a speck alone in the margin does not stop the crop.
 */
import { takeZeroed } from './bufferPool';
import { FIRST_SIZE, grown } from './growable';

export interface CellBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Mark extends CellBox {
  /** Its cells are `cells[from..to)` of the list marks() returns. */
  from: number;
  to: number;
}

/**
 * Connected ink marks (8-neighbours) of a cell mask, with every mark's cells listed together, and
 * the mask of all their cells (`seen`).
 */
function marks(ink: Uint8Array, width: number, height: number): { marks: Mark[]; cells: Int32Array; seen: Uint8Array } {
  const seen = takeZeroed(ink.length);
  // Breadth-first with `cells` as the queue: a mark's cells end up contiguous in it.
  let cells = new Int32Array(FIRST_SIZE);
  let count = 0;
  const perRow = 1 / width; // i → row by a multiplication: exact here (see analysis/components.ts)
  const out: Mark[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (ink[start] === 0 || seen[start] === 1) continue;
    let left = width;
    let top = height;
    let right = -1;
    let bottom = -1;
    const from = count;
    if (count === cells.length) cells = grown(cells, count);
    cells[count++] = start;
    seen[start] = 1;
    for (let head = from; head < count; head++) {
      const i = cells[head]!;
      const y = ((i + 0.5) * perRow) | 0;
      const x = i - y * width;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      const y0 = y > 0 ? y - 1 : 0;
      const y1 = y < height - 1 ? y + 1 : y;
      const x0 = x > 0 ? x - 1 : 0;
      const x1 = x < width - 1 ? x + 1 : x;
      for (let yy = y0; yy <= y1; yy++) {
        for (let j = yy * width + x0, end = yy * width + x1; j <= end; j++) {
          if (ink[j] !== 0 && seen[j] === 0) {
            seen[j] = 1;
            if (count === cells.length) cells = grown(cells, count);
            cells[count++] = j;
          }
        }
      }
    }
    out.push({ left, top, right, bottom, from, to: count });
  }
  return { marks: out, cells, seen };
}

function near(m: CellBox, b: CellBox, gap: number): boolean {
  return m.right >= b.left - gap && m.left <= b.right + gap && m.bottom >= b.top - gap && m.top <= b.bottom + gap;
}

/**
 * The content's marks: every mark at least `minSide` cells across, plus small marks within `gap`
 * cells of those (repeatedly, so a dotted line is followed to its end). Null when there is no mark
 * large enough (a blank side with dust).
 */
export function contentMarks(ink: Uint8Array, width: number, height: number, minSide: number, gap: number): { kept: Uint8Array; box: CellBox } | null {
  const { marks: all, cells, seen } = marks(ink, width, height);
  const big = all.filter((m) => Math.max(m.right - m.left, m.bottom - m.top) + 1 >= minSide);
  if (big.length === 0) return null;
  const box: CellBox = { left: width, top: height, right: -1, bottom: -1 };
  const take = (m: Mark) => {
    box.left = Math.min(box.left, m.left);
    box.top = Math.min(box.top, m.top);
    box.right = Math.max(box.right, m.right);
    box.bottom = Math.max(box.bottom, m.bottom);
  };
  big.forEach(take);
  const kept = new Set<Mark>(big);
  let small = all.filter((m) => !kept.has(m));
  for (let grew = true; grew; ) {
    grew = false;
    const rest: Mark[] = [];
    for (const m of small) {
      if (near(m, box, gap)) {
        kept.add(m);
        take(m);
        grew = true;
      } else {
        rest.push(m);
      }
    }
    small = rest;
  }
  // Every mark's cells are set in `seen`: clearing the few left out leaves the kept ones.
  for (const m of small) for (let k = m.from; k < m.to; k++) seen[cells[k]!] = 0;
  return { kept: seen, box };
}
