/** Connected marks (8-neighbour) of a binary mask, with the measurements the detectors judge them by. */

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
  const n = w * h;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const marks: Mark[] = [];
  for (let start = 0; start < n; start++) {
    if (!mask[start] || seen[start]) continue;
    const m: Mark = { area: 0, left: w, top: h, right: -1, bottom: -1, atEdge: false };
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % w;
      const y = (i - x) / w;
      m.area++;
      if (x < m.left) m.left = x;
      if (x > m.right) m.right = x;
      if (y < m.top) m.top = y;
      if (y > m.bottom) m.bottom = y;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) m.atEdge = true;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (edge?.[j]) m.atEdge = true;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    marks.push(m);
  }
  return marks;
}

export function markWidth(m: Mark): number {
  return m.right - m.left + 1;
}

export function markHeight(m: Mark): number {
  return m.bottom - m.top + 1;
}
