/**
 * Reused byte buffers for page processing's big working images (the grey page and its rotated
 * copy, ~9 MB each; the analysis and crop masks, ~2 MB each). A fresh buffer costs page faults to
 * zero it and, once dropped, garbage-collector work that external memory triggers; every page
 * needs the same sizes again (measured: 20–30 ms CPU a page less than fresh buffers, ≈7%).
 * A buffer taken is the taker's until it gives it back (after any libvips work reading it has
 * finished); one never given back is simply collected. The pool holds at most HOLD_BYTES between
 * pages (a flat amount: it does not grow with the batch).
 */

const HOLD_BYTES = 48 * 1024 * 1024;
const free: ArrayBuffer[] = [];
/** Only buffers made here come back in: a Buffer may share memory Node hands out elsewhere. */
const ours = new WeakSet<ArrayBuffer>();

/** A buffer of `size` bytes, contents undefined (the caller overwrites or clears it). */
export function takeBytes(size: number): Uint8Array {
  let best = -1;
  for (let k = 0; k < free.length; k++) {
    const b = free[k]!;
    if (b.byteLength >= size && (best < 0 || b.byteLength < free[best]!.byteLength)) best = k;
  }
  if (best < 0) {
    const made = new Uint8Array(size);
    ours.add(made.buffer);
    return made;
  }
  const [buffer] = free.splice(best, 1);
  return new Uint8Array(buffer!, 0, size);
}

/** A zero-filled buffer of `size` bytes. */
export function takeZeroed(size: number): Uint8Array {
  return takeBytes(size).fill(0);
}

/** Hands buffers from takeBytes back for reuse. */
export function giveBack(...buffers: Uint8Array[]): void {
  for (const b of buffers) {
    if (!(b.buffer instanceof ArrayBuffer) || !ours.has(b.buffer) || free.includes(b.buffer)) continue;
    free.push(b.buffer);
  }
  // Over the limit: keep the largest (the full-page sizes), drop the rest to the collector.
  free.sort((x, y) => y.byteLength - x.byteLength);
  let held = 0;
  let keep = 0;
  while (keep < free.length && held + free[keep]!.byteLength <= HOLD_BYTES) held += free[keep++]!.byteLength;
  free.length = keep;
}
