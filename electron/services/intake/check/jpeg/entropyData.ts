/**
 * The entropy-coded data of a scan with its byte stuffing removed (0xFF 0x00 → 0xFF), split at the
 * restart markers, so that bits can be read at any position without checking for markers.
 */

export interface EntropyData {
  /** The data, followed by PAD zero bytes so that reads a little past the end stay in bounds. */
  bytes: Uint8Array;
  /** Length of the data without the padding. */
  length: number;
  /** Where each restart interval's data ends (bytes into `bytes`), and the marker number (0..7) that followed. */
  restartEnds: number[];
  restartNumbers: number[];
  /** The marker that ended the data (0xd9 for EOI), or -1 when the file ran out first. */
  endMarker: number;
}

/** Enough zeros past the end for one MCU's worth of reads before a bounds check. */
export const PAD = 4096;

/** Reused between files on this thread (a page's data is about half a megabyte), up to this size. */
const KEEP = 16 << 20;
let scratch = new Uint8Array(0);

/** Copies the scan data from `start` up to the first marker that is not a restart (usually EOI). */
export function entropyData(src: Uint8Array, start: number): EntropyData {
  const need = src.length - start + PAD;
  if (scratch.length < need && need <= KEEP) scratch = new Uint8Array(Math.min(KEEP, Math.max(need, Math.floor(scratch.length * 1.5))));
  const out = need <= scratch.length ? scratch : new Uint8Array(need);
  const restartEnds: number[] = [];
  const restartNumbers: number[] = [];
  let o = 0;
  let p = start;
  let endMarker = -1;
  for (;;) {
    // Copy up to the next 0xFF in one move: they are rare in entropy-coded data.
    let ff = src.indexOf(0xff, p);
    if (ff < 0) ff = src.length;
    out.set(src.subarray(p, ff), o);
    o += ff - p;
    if (ff + 1 >= src.length) break;
    const next = src[ff + 1] as number;
    if (next === 0) {
      out[o++] = 0xff;
      p = ff + 2;
    } else if (next === 0xff) {
      p = ff + 1; // fill byte before a marker
    } else if (next >= 0xd0 && next <= 0xd7) {
      restartEnds.push(o);
      restartNumbers.push(next - 0xd0);
      p = ff + 2;
    } else {
      endMarker = next;
      break;
    }
  }
  out.fill(0, o, o + PAD);
  return { bytes: out, length: o, restartEnds, restartNumbers, endMarker };
}
