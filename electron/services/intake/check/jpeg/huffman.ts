/**
 * Huffman lookup tables for stepping through JPEG data. The DC table decodes one symbol per lookup
 * (its value is needed). The AC table steps over as many whole coefficients as its lookahead holds:
 * their values are never needed, only how many bits and how many coefficients they take.
 */
import type { HuffmanSpec } from './markers';

/** Lookahead of the fast tables, in bits; longer codes (rare) are decoded one bit length at a time. */
export const LOOK = 12;
/** Fast-table entry for a code longer than LOOK bits. 0 means no code starts with these bits. */
export const LONG = -1;
/** AC entry flag: the run of coefficients ends the block (end-of-block code). */
export const END_OF_BLOCK = 1 << 16;

export interface HuffmanLookup {
  /**
   * Indexed by the next LOOK bits. DC: code length << 8 | magnitude bits, plus the length of an
   * end-of-block code that follows at once << 16 (withEndOfBlock). AC: bits stepped over
   * << 8 | coefficients advanced (0..255), plus END_OF_BLOCK when the run ends with it.
   */
  fast: Int32Array;
  /** Canonical decoding for long codes: largest code of each length, and where its symbols start. */
  maxCode: Int32Array;
  valOffset: Int32Array;
  symbols: Uint8Array;
}

/** libjpeg's checks: a table that would make it fail is refused, and the file is decoded normally. */
export function buildLookup(spec: HuffmanSpec, ac: boolean): HuffmanLookup | null {
  const maxCode = new Int32Array(17).fill(-1);
  const valOffset = new Int32Array(17);
  // Single-symbol entries first: code length << 8 | symbol.
  const single = new Int32Array(1 << LOOK);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const count = spec.counts[len - 1] as number;
    valOffset[len] = k - code;
    for (let i = 0; i < count; i++) {
      const sym = spec.symbols[k++] as number;
      // Magnitudes beyond these do not occur in 8-bit data.
      if ((ac ? sym & 15 : sym) > (ac ? 10 : 11)) return null;
      if (len <= LOOK) single.fill((len << 8) | sym, code << (LOOK - len), (code + 1) << (LOOK - len));
      else single[code >> (len - LOOK)] = LONG;
      code++;
    }
    if (count) maxCode[len] = code - 1;
    if (code >= 1 << len) return null;
    code <<= 1;
  }
  return { fast: ac ? runTable(single) : single, maxCode, valOffset, symbols: spec.symbols };
}

/** For each LOOK-bit pattern: the whole AC codes (with their magnitude bits) it starts with. */
function runTable(single: Int32Array): Int32Array {
  const fast = new Int32Array(1 << LOOK);
  const mask = (1 << LOOK) - 1;
  for (let idx = 0; idx < 1 << LOOK; idx++) {
    let used = 0;
    let adv = 0;
    let entry = single[idx] === LONG ? LONG : 0;
    while (used < LOOK) {
      const e = single[(idx << used) & mask] as number;
      const len = e >> 8;
      // The next code must lie wholly inside the lookahead; its magnitude bits need not.
      if (e <= 0 || len > LOOK - used) break;
      const sym = e & 0xff;
      used += len + (sym & 15);
      if ((sym & 15) === 0 && sym !== 0xf0) {
        entry = (used << 8) | adv | END_OF_BLOCK;
        break;
      }
      adv += (sym >> 4) + 1;
      entry = (used << 8) | adv;
      if (adv >= 64) break;
    }
    fast[idx] = entry;
  }
  return fast;
}

/** Decodes one symbol from a 32-bit window (next bits at the top): code length << 8 | symbol, or -1. */
export function decodeOne(t: HuffmanLookup, window: number): number {
  for (let len = 1; len <= 16; len++) {
    const code = window >>> (32 - len);
    if (code <= (t.maxCode[len] as number)) return (len << 8) | (t.symbols[code + (t.valOffset[len] as number)] as number);
  }
  return -1;
}

/** The end-of-block code of an AC table: its bits and length, or null when there is none. */
function endOfBlockCode(spec: HuffmanSpec): { code: number; len: number } | null {
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < (spec.counts[len - 1] as number); i++) {
      if (spec.symbols[k++] === 0) return { code, len };
      code++;
    }
    code <<= 1;
  }
  return null;
}

/**
 * A DC table whose entries also say when the block's first AC code is end-of-block (bits 16..20:
 * its length), so that a flat block — most of a page's paper — takes one lookup in all.
 */
export function withEndOfBlock(dc: HuffmanLookup, ac: HuffmanSpec): HuffmanLookup {
  const eob = endOfBlockCode(ac);
  if (!eob) return dc;
  const fast = dc.fast.slice();
  for (let idx = 0; idx < fast.length; idx++) {
    const e = fast[idx] as number;
    if (e <= 0) continue;
    const rest = LOOK - (e >> 8) - (e & 0xff) - eob.len;
    if (rest >= 0 && ((idx >> rest) & ((1 << eob.len) - 1)) === eob.code) fast[idx] = e | (eob.len << 16);
  }
  return { ...dc, fast };
}
