/**
 * Index math for reordering the strip. Positions are 1-based, as in PageInfo.position, and
 * page.move's `toPosition` is where the page ends up once the others have closed the gap.
 */
export type DropSide = 'before' | 'after';

/** Which half of a thumbnail the pointer is over. */
export function dropSide(offsetInTarget: number, targetSize: number): DropSide {
  return offsetInTarget < targetSize / 2 ? 'before' : 'after';
}

/**
 * Dragging the page at `from` onto the page at `over` (before or after it): the new position, or
 * null when the page would stay where it is.
 */
export function dropPosition(from: number, over: number, side: DropSide): number | null {
  const slot = side === 'before' ? over : over + 1; // insert before the page now at `slot`
  const to = slot > from ? slot - 1 : slot;
  return to === from ? null : to;
}

/** Ctrl+↑/↓ moves the page one place; null at the ends of the strip. */
export function stepPosition(from: number, by: -1 | 1, count: number): number | null {
  const to = from + by;
  return to < 1 || to > count ? null : to;
}

/** Local preview of a move, so the strip answers at once while the service confirms. */
export function movedOrder<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [moved] = out.splice(from - 1, 1);
  if (moved === undefined) return out;
  out.splice(to - 1, 0, moved);
  return out;
}

/** After the selected page is deleted, select the one that took its place (or the new last one). */
export function selectionAfterDelete<T extends { id: number }>(pages: readonly T[], deletedId: number): number | null {
  const i = pages.findIndex((p) => p.id === deletedId);
  if (i < 0) return pages[0]?.id ?? null;
  return pages[i + 1]?.id ?? pages[i - 1]?.id ?? null;
}

/** Moving the selection by `by` pages, clamped to the strip. */
export function selectionStep<T extends { id: number }>(pages: readonly T[], currentId: number | null, by: number): number | null {
  if (pages.length === 0) return null;
  const i = currentId === null ? -1 : pages.findIndex((p) => p.id === currentId);
  if (i < 0) return (by < 0 ? pages[pages.length - 1] : pages[0])?.id ?? null;
  const j = Math.max(0, Math.min(pages.length - 1, i + by));
  return pages[j]?.id ?? null;
}
