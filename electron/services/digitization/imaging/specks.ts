/**
 * Which ink marks define the content's bounds. Dust and specks are not content: a mark too small
 * to be a stroke counts only when it lies near real content (a full stop, a dotted leader line,
 * the dot of an i), so a speck alone in the margin does not stop the crop.
 */

export interface CellBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Mark extends CellBox {
  cells: number[];
}

/** Connected ink marks (8-neighbours) of a cell mask. */
function marks(ink: Uint8Array, width: number, height: number): Mark[] {
  const seen = new Uint8Array(ink.length);
  const stack = new Int32Array(ink.length);
  const out: Mark[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue;
    const m: Mark = { left: width, top: height, right: -1, bottom: -1, cells: [] };
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top] ?? 0;
      const x = i % width;
      const y = (i - x) / width;
      m.cells.push(i);
      if (x < m.left) m.left = x;
      if (x > m.right) m.right = x;
      if (y < m.top) m.top = y;
      if (y > m.bottom) m.bottom = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (ink[j] && !seen[j]) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    out.push(m);
  }
  return out;
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
  const all = marks(ink, width, height);
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
  const mask = new Uint8Array(ink.length);
  for (const m of kept) for (const i of m.cells) mask[i] = 1;
  return { kept: mask, box };
}
