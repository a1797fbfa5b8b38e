/**
 * The layout the DC reader needs from a JPEG's markers: frame size and sampling, DC quantisers,
 * Huffman tables, restart interval and colour hints. Null for anything it would not read exactly
 * (see dcImage.ts): any frame but sequential Huffman 8-bit, other than 1 or 3 channels, RGB/CMYK,
 * a scan that does not carry every channel or is not a whole sequential scan.
 */
import { readFrame, readHuffmanTables, readQuantTables, readScan, startsWith, u16, walkSegments, type Frame, type FrameComponent, type HuffmanSpec } from './segments';

export type { FrameComponent, HuffmanSpec } from './segments';

export interface ScanComponent {
  comp: FrameComponent;
  dc: HuffmanSpec;
  ac: HuffmanSpec;
}

export interface JpegLayout {
  width: number;
  height: number;
  hMax: number;
  vMax: number;
  comps: FrameComponent[];
  /** DC quantiser (first entry) of each table. */
  dcQuant: number[];
  restartInterval: number;
  scan: ScanComponent[];
  /** Offset of the entropy-coded data. */
  dataStart: number;
}

/** Sequential (baseline or extended) Huffman frames; everything else is left to the ordinary decoder. */
const SEQUENTIAL_HUFFMAN = new Set([0xc0, 0xc1]);
const OTHER_FRAMES = new Set([0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function readLayout(bytes: Uint8Array, maxPixels: number): JpegLayout | null {
  const dcQuant = [0, 0, 0, 0];
  const tables: (HuffmanSpec | undefined)[] = []; // DC 0..3, AC 4..7
  let frame: Frame | null = null;
  let restartInterval = 0;
  let adobeTransform = -1;
  let jfif = false;
  return walkSegments<JpegLayout>(bytes, (seg) => {
    const { marker, start: s, end } = seg;
    if (OTHER_FRAMES.has(marker)) return null;
    if (marker === 0xdb) {
      if (!readQuantTables(bytes, seg, (tq, dc) => (dcQuant[tq] = dc))) return null;
    } else if (marker === 0xc4) {
      if (!readHuffmanTables(bytes, seg, (slot, spec) => (tables[slot] = spec))) return null;
    } else if (marker === 0xdd) {
      if (end - s < 2) return null;
      restartInterval = u16(bytes, s);
    } else if (marker === 0xe0) {
      // libjpeg takes a JFIF segment as a colour hint only with its 14 data bytes.
      if (end - s >= 14 && startsWith(bytes, s, 'JFIF\0')) jfif = true;
    } else if (marker === 0xee) {
      // Adobe: its transform byte 0 means the channels are RGB or CMYK, not YCbCr.
      if (end - s >= 12 && startsWith(bytes, s, 'Adobe')) adobeTransform = bytes[s + 11] as number;
    } else if (SEQUENTIAL_HUFFMAN.has(marker)) {
      const f = frame ? null : readFrame(bytes, seg);
      if (!f || f.precision !== 8 || f.width * f.height > maxPixels || (f.comps.length !== 1 && f.comps.length !== 3)) return null;
      frame = f;
    } else if (marker === 0xda) {
      if (!frame) return null;
      // Three channels are YCbCr unless the file says otherwise (libjpeg's rule, in brief).
      const ids = frame.comps.map((c) => c.id).join(',');
      if (frame.comps.length === 3 && (adobeTransform === 0 || (!jfif && adobeTransform < 0 && ids === '82,71,66'))) return null;
      const channels = readScan(bytes, seg, frame);
      // One scan must carry every channel: in a file sent as several scans, damage in a later one
      // is for the ordinary decoder to judge.
      if (!channels || channels.length !== frame.comps.length) return null;
      // The whole block (0..63) at full precision: a sequential scan.
      const ns = channels.length;
      if (bytes[s + 1 + 2 * ns] !== 0 || bytes[s + 2 + 2 * ns] !== 63 || bytes[s + 3 + 2 * ns] !== 0) return null;
      const scan: ScanComponent[] = [];
      for (const c of channels) {
        const dc = c.dc < 4 ? tables[c.dc] : undefined;
        const ac = c.ac < 4 ? tables[4 + c.ac] : undefined;
        if (!dc || !ac) return null;
        scan.push({ comp: c.comp, dc, ac });
      }
      const hMax = Math.max(...frame.comps.map((c) => c.h));
      const vMax = Math.max(...frame.comps.map((c) => c.v));
      return { width: frame.width, height: frame.height, comps: frame.comps, hMax, vMax, dcQuant, restartInterval, scan, dataStart: end };
    }
    return undefined;
  });
}
