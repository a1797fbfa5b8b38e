/**
 * A baseline JPEG at one eighth of its size, read straight from the compressed data. An 8×8 block's
 * mean is its DC coefficient, so the AC coefficients only have to be stepped over — one or more
 * whole codes per table lookup, with no value decoded, no dequantisation and no inverse transform
 * (≈4.2 ms of CPU for an A4 300-dpi page, where sharp's reduced decode takes ≈10.5). The result is
 * exactly libjpeg's 1/8-scale greyscale output (`djpeg -scale 1/8 -grayscale`): the luma channel.
 *
 * Only what this reads exactly is read: sequential Huffman, 8-bit, grey or YCbCr, all channels in
 * one scan, luma sampled at least as finely as chroma. Anything else — progressive, arithmetic,
 * 12-bit, RGB/CMYK, and any damage, truncation or missing end marker — gives null, and the caller
 * decodes the file the ordinary way (which then also decides whether a damaged file can be read).
 */
import { entropyData } from './entropyData';
import { buildLookup, decodeOne, END_OF_BLOCK, LOOK, withEndOfBlock, type HuffmanLookup } from './huffman';
import { readLayout, type HuffmanSpec, type JpegLayout } from './markers';

export interface DcImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Blocks in one MCU, in coding order: their tables, and where a luma block lands in the output. */
interface McuPlan {
  dc: HuffmanLookup[];
  ac: HuffmanLookup[];
  /** Channel of each block (its DC prediction), and its column/row inside the MCU when it is luma (-1 otherwise). */
  channel: Int32Array;
  lumaX: Int32Array;
  lumaY: Int32Array;
  mcusX: number;
  mcusY: number;
  /** Luma blocks across and down one MCU. */
  lumaW: number;
  lumaH: number;
}

function plan(layout: JpegLayout): McuPlan | null {
  const built = new Map<HuffmanSpec, HuffmanLookup | null>();
  const lookup = (spec: HuffmanSpec, ac: boolean) => {
    if (!built.has(spec)) built.set(spec, buildLookup(spec, ac));
    return built.get(spec) ?? null;
  };
  const luma = layout.comps[0]!;
  // Luma sampled below a chroma channel is upsampled by libjpeg, not read block for pixel.
  if (layout.scan.length > 1 && (luma.h !== layout.hMax || luma.v !== layout.vMax)) return null;
  // Each block's DC table also knows its AC table's end-of-block code (see withEndOfBlock).
  const combined = new Map<HuffmanLookup, Map<HuffmanSpec, HuffmanLookup>>();
  const pairs = (d: HuffmanLookup, acSpec: HuffmanSpec) => {
    const m = combined.get(d) ?? new Map<HuffmanSpec, HuffmanLookup>();
    combined.set(d, m);
    if (!m.has(acSpec)) m.set(acSpec, withEndOfBlock(d, acSpec));
    return m.get(acSpec)!;
  };
  const dc: HuffmanLookup[] = [];
  const ac: HuffmanLookup[] = [];
  const channel: number[] = [];
  const lumaX: number[] = [];
  const lumaY: number[] = [];
  // A single channel is coded block by block whatever its sampling factors say.
  const single = layout.scan.length === 1;
  for (const [ch, s] of layout.scan.entries()) {
    const dcT = lookup(s.dc, false);
    const acT = lookup(s.ac, true);
    if (!dcT || !acT) return null;
    const h = single ? 1 : s.comp.h;
    const v = single ? 1 : s.comp.v;
    for (let by = 0; by < v; by++) {
      for (let bx = 0; bx < h; bx++) {
        dc.push(pairs(dcT, s.ac));
        ac.push(acT);
        channel.push(ch);
        lumaX.push(s.comp === luma ? bx : -1);
        lumaY.push(by);
      }
    }
  }
  if (dc.length > 10) return null;
  const mcuW = single ? 8 : 8 * layout.hMax;
  const mcuH = single ? 8 : 8 * layout.vMax;
  return {
    dc,
    ac,
    channel: Int32Array.from(channel),
    lumaX: Int32Array.from(lumaX),
    lumaY: Int32Array.from(lumaY),
    mcusX: Math.ceil(layout.width / mcuW),
    mcusY: Math.ceil(layout.height / mcuH),
    lumaW: single ? 1 : luma.h,
    lumaH: single ? 1 : luma.v,
  };
}

/** Returns the 1/8-scale grey image, or null when this file must be decoded the ordinary way. */
export function decodeJpegDc(file: Uint8Array, maxPixels: number): DcImage | null {
  const layout = readLayout(file, maxPixels);
  if (!layout) return null;
  const q = layout.dcQuant[layout.comps[0]!.tq] as number;
  const mcu = q ? plan(layout) : null;
  if (!mcu) return null;
  const { bytes: d, length, restartEnds, restartNumbers, endMarker } = entropyData(file, layout.dataStart);
  // Data that stops without its end-of-image marker was cut short: libjpeg warns, and the
  // ordinary decode treats it as truncated.
  if (endMarker !== 0xd9) return null;
  const width = Math.ceil(layout.width / 8);
  const height = Math.ceil(layout.height / 8);
  const out = new Uint8Array(width * height);
  const { dc: dcTables, ac: acTables, channel, lumaX, lumaY, mcusX, mcusY, lumaW, lumaH } = mcu;
  const blocks = channel.length;
  const preds = new Int32Array(layout.scan.length);
  const interval = layout.restartInterval;
  // Imported constants copied into locals: under tsx/vitest an import is a getter call, which in
  // the inner loop cost more than the lookup (8.9 vs 5.1 ms per page).
  const LOOK_BITS = LOOK;
  const lookMask = (1 << LOOK) - 1;
  const shift = 32 - LOOK;
  const endOfBlock = END_OF_BLOCK;
  // Bits come through a 32-bit buffer whose low `count` bits are unread, filled 16 bits at a time:
  // at least LOOK bits before an AC lookup, 16 before a DC code. Skipped magnitude bits may take
  // `count` below zero; the next fill then drops them. Bits used so far: pos × 8 − count.
  let pos = 0;
  let buf = 0;
  let count = 0;
  let toRestart = interval;
  let restarts = 0;

  for (let my = 0; my < mcusY; my++) {
    for (let mx = 0; mx < mcusX; mx++) {
      if (interval) {
        if (toRestart === 0) {
          // The interval's data must end within the byte being read (the rest is padding) at a
          // restart marker with the expected number.
          const end = restartEnds[restarts];
          if (end === undefined || (pos * 8 - count + 7) >> 3 !== end || restartNumbers[restarts] !== (restarts & 7)) return null;
          pos = end;
          count = 0;
          restarts++;
          preds.fill(0);
          toRestart = interval;
        }
        toRestart--;
      }
      // One MCU reads at most 10 × 64 codes of ≤ 27 bits: within the zero padding past the end.
      if (pos * 8 - count > length * 8) return null;
      for (let b = 0; b < blocks; b++) {
        while (count < 16) {
          buf = (buf << 16) | ((d[pos] as number) << 8) | (d[pos + 1] as number);
          pos += 2;
          count += 16;
        }
        const dcT = dcTables[b]!;
        let e = dcT.fast[(buf << (32 - count)) >>> shift] as number;
        if (e <= 0) e = decodeOne(dcT, buf << (32 - count));
        if (e < 0) return null;
        count -= (e >> 8) & 0xff;
        const size = e & 0xff;
        const lx = lumaX[b] as number;
        // Chroma: its DC value is never used, only stepped over.
        if (lx < 0) count -= size;
        else {
          let diff = 0;
          if (size) {
            // The magnitude is read, so it must be in the buffer (a 16-bit code may have used it up).
            while (count < size) {
              buf = (buf << 16) | ((d[pos] as number) << 8) | (d[pos + 1] as number);
              pos += 2;
              count += 16;
            }
            diff = (buf >>> (count - size)) & ((1 << size) - 1);
            if (diff < 1 << (size - 1)) diff -= (1 << size) - 1;
            count -= size;
          }
          const ch = channel[b] as number;
          const dcv = (preds[ch] as number) + diff;
          preds[ch] = dcv;
          const x = mx * lumaW + lx;
          const y = my * lumaH + (lumaY[b] as number);
          if (x < width && y < height) {
            // libjpeg's 1×1 inverse transform: DC × quantiser / 8 in 16-bit coefficients, rounded,
            // then its range-limit table (centred; out-of-range values wrap as libjpeg's do).
            const r = ((((dcv << 16) >> 16) * ((q << 16) >> 16) + 4) >> 3) & 1023;
            out[y * width + x] = r < 128 ? r + 128 : r < 512 ? 255 : r < 896 ? 0 : r - 896;
          }
        }
        // A flat block: the end-of-block code follows at once (it was in the lookahead).
        if (e >> 16) {
          count -= e >> 16;
          continue;
        }
        const acT = acTables[b]!;
        const fast = acT.fast;
        for (let k = 1; k < 64; ) {
          while (count < LOOK_BITS) {
            buf = (buf << 16) | ((d[pos] as number) << 8) | (d[pos + 1] as number);
            pos += 2;
            count += 16;
          }
          e = fast[(buf >>> (count - LOOK_BITS)) & lookMask] as number;
          if (e > 0 && k + (e & 0xff) < 64) {
            count -= (e >> 8) & 0xff;
            if (e & endOfBlock) break;
            k += e & 0xff;
            continue;
          }
          // A long code, or a run that may pass the block's last coefficient: one code at a time.
          // Its magnitude is only skipped, so it may reach past the buffer (count goes below zero
          // and the next fill drops those bits).
          if (e === 0) return null;
          while (count < 16) {
            buf = (buf << 16) | ((d[pos] as number) << 8) | (d[pos + 1] as number);
            pos += 2;
            count += 16;
          }
          e = decodeOne(acT, buf << (32 - count));
          if (e < 0) return null;
          const sym = e & 0xff;
          count -= (e >> 8) + (sym & 15);
          if ((sym & 15) === 0 && sym !== 0xf0) break;
          k += (sym >> 4) + 1;
        }
      }
    }
  }
  // Every bit read must be data, and every restart marker accounted for.
  if ((pos * 8 - count + 7) >> 3 !== length || restarts !== restartEnds.length) return null;
  return { data: out, width, height };
}
