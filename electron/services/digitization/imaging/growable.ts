/**
 * Stacks and queues for flood fills start small and double when full: most regions are a few
 * hundred pixels, and an array for the worst case (one int per pixel of the page, ~9 MB) would be
 * allocated, zeroed and collected for every page.
 */

export const FIRST_SIZE = 1 << 14;

/** `a` with twice the room, its first `used` entries kept. */
export function grown(a: Int32Array, used: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(FIRST_SIZE, a.length * 2));
  b.set(a.subarray(0, used));
  return b;
}
