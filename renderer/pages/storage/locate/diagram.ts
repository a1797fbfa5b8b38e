/**
 * Geometry for the small unit diagram on the 查找 tab: a plan of the unit's rows (列) with the
 * file's row marked, and a front view of that row (sections × shelves) with its shelf marked.
 */
export interface DiagramCell {
  section: number;
  level: number;
  x: number;
  y: number;
  w: number;
  h: number;
  target: boolean;
}

/** Shelves are numbered top-down (1 = top), as the clerk counts when facing the unit. */
export function frontCells(sections: number, levels: number, target: { section: number; level: number } | null, width: number, height: number): DiagramCell[] {
  const w = width / Math.max(1, sections);
  const h = height / Math.max(1, levels);
  const cells: DiagramCell[] = [];
  for (let level = 1; level <= levels; level++) {
    for (let section = 1; section <= sections; section++) {
      cells.push({ section, level, x: (section - 1) * w, y: (level - 1) * h, w, h, target: target !== null && target.section === section && target.level === level });
    }
  }
  return cells;
}

/** Which rows to draw in the plan: all when few, else a window around the target with gaps marked. */
export function planRows(rows: number, target: number, maxShown = 24): (number | 'gap')[] {
  if (rows <= maxShown) return Array.from({ length: rows }, (_, i) => i + 1);
  // Room for the first and last row and two gap marks; the window slides rather than shrinks at an end.
  const size = maxShown - 4;
  const lo = Math.min(Math.max(2, target - Math.floor(size / 2)), rows - size);
  const hi = lo + size - 1;
  const out: (number | 'gap')[] = [1];
  if (lo > 2) out.push('gap');
  for (let r = lo; r <= hi; r++) out.push(r);
  if (hi < rows - 1) out.push('gap');
  out.push(rows);
  return out;
}
