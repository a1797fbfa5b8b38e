/**
 * The markers of a JPEG file up to its first scan: frame size and sampling, quantisers, Huffman
 * tables, restart interval and colour hints. Reads only what the DC image needs and says null for
 * anything it would not read exactly (see dcImage.ts). Every length is checked against the file.
 */

export interface FrameComponent {
  id: number;
  h: number;
  v: number;
  /** Quantisation table number. */
  tq: number;
}

export interface HuffmanSpec {
  /** Number of codes of each length 1..16, and the symbols in code order, as in the DHT segment. */
  counts: Uint8Array;
  symbols: Uint8Array;
}

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

const u16 = (b: Uint8Array, p: number) => ((b[p] as number) << 8) | (b[p + 1] as number);

/** Starts "Adobe": its transform byte 0 means the channels are RGB or CMYK, not YCbCr. */
const isAdobe = (b: Uint8Array, s: number) => b[s] === 0x41 && b[s + 1] === 0x64 && b[s + 2] === 0x6f && b[s + 3] === 0x62 && b[s + 4] === 0x65;
const isJfif = (b: Uint8Array, s: number) => b[s] === 0x4a && b[s + 1] === 0x46 && b[s + 2] === 0x49 && b[s + 3] === 0x46 && b[s + 4] === 0;

/** Sequential (baseline or extended) Huffman frames; everything else is left to the ordinary decoder. */
const SEQUENTIAL_HUFFMAN = new Set([0xc0, 0xc1]);
const OTHER_FRAMES = new Set([0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function readLayout(bytes: Uint8Array, maxPixels: number): JpegLayout | null {
  const n = bytes.length;
  if (n < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const dcQuant = [0, 0, 0, 0];
  const tables: (HuffmanSpec | undefined)[] = []; // DC 0..3, AC 4..7
  let frame: Pick<JpegLayout, 'width' | 'height' | 'comps'> | null = null;
  let restartInterval = 0;
  let adobeTransform = -1;
  let jfif = false;
  for (let p = 2; ; ) {
    // A marker may be preceded by any number of 0xFF fill bytes.
    if (bytes[p] !== 0xff) return null;
    while (p + 1 < n && bytes[p + 1] === 0xff) p++;
    if (p + 4 > n) return null;
    const marker = bytes[p + 1] as number;
    // Stand-alone markers (restart, TEM, a second SOI, EOI) have no place before the scan.
    if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01 || OTHER_FRAMES.has(marker)) return null;
    const len = u16(bytes, p + 2);
    const s = p + 4;
    const end = p + 2 + len;
    if (len < 2 || end > n) return null;
    if (marker === 0xdb) {
      for (let q = s; q < end; ) {
        const precision = (bytes[q] as number) >> 4;
        const tq = (bytes[q] as number) & 15;
        if (tq > 3 || precision > 1 || q + 1 + (precision ? 128 : 64) > end) return null;
        // The first entry in zigzag order quantises the DC coefficient.
        dcQuant[tq] = precision ? u16(bytes, q + 1) : (bytes[q + 1] as number);
        q += 1 + (precision ? 128 : 64);
      }
    } else if (marker === 0xc4) {
      for (let q = s; q < end; ) {
        const tc = (bytes[q] as number) >> 4;
        const th = (bytes[q] as number) & 15;
        if (tc > 1 || th > 3 || q + 17 > end) return null;
        const counts = bytes.subarray(q + 1, q + 17);
        let total = 0;
        for (const c of counts) total += c;
        if (total > 256 || q + 17 + total > end) return null;
        tables[tc * 4 + th] = { counts, symbols: bytes.subarray(q + 17, q + 17 + total) };
        q += 17 + total;
      }
    } else if (marker === 0xdd) {
      if (len < 4) return null;
      restartInterval = u16(bytes, s);
    } else if (marker === 0xe0) {
      if (len >= 16 && isJfif(bytes, s)) jfif = true;
    } else if (marker === 0xee) {
      if (len >= 14 && isAdobe(bytes, s)) adobeTransform = bytes[s + 11] as number;
    } else if (SEQUENTIAL_HUFFMAN.has(marker)) {
      if (frame || len < 8 || bytes[s] !== 8) return null;
      const height = u16(bytes, s + 1);
      const width = u16(bytes, s + 3);
      const nc = bytes[s + 5] as number;
      if (width === 0 || height === 0 || width * height > maxPixels || (nc !== 1 && nc !== 3) || len < 8 + 3 * nc) return null;
      const comps: FrameComponent[] = [];
      for (let i = 0; i < nc; i++) {
        const o = s + 6 + 3 * i;
        const h = (bytes[o + 1] as number) >> 4;
        const v = (bytes[o + 1] as number) & 15;
        const tq = bytes[o + 2] as number;
        if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) return null;
        comps.push({ id: bytes[o] as number, h, v, tq });
      }
      frame = { width, height, comps };
    } else if (marker === 0xda) {
      if (!frame) return null;
      // Three channels are YCbCr unless the file says otherwise (libjpeg's rule, in brief).
      const ids = frame.comps.map((c) => c.id).join(',');
      if (frame.comps.length === 3 && (adobeTransform === 0 || (!jfif && adobeTransform < 0 && ids === '82,71,66'))) return null;
      const ns = bytes[s] as number;
      // One scan must carry every channel: in a file sent as several scans, damage in a later one
      // is for the ordinary decoder to judge.
      if (ns !== frame.comps.length || len !== 6 + 2 * ns) return null;
      // The whole block (0..63) at full precision: a sequential scan.
      if (bytes[s + 1 + 2 * ns] !== 0 || bytes[s + 2 + 2 * ns] !== 63 || bytes[s + 3 + 2 * ns] !== 0) return null;
      const scan: ScanComponent[] = [];
      for (let i = 0; i < ns; i++) {
        const comp = frame.comps.find((c) => c.id === bytes[s + 1 + 2 * i]);
        const sel = bytes[s + 2 + 2 * i] as number;
        const dc = (sel >> 4) < 4 ? tables[sel >> 4] : undefined;
        const ac = (sel & 15) < 4 ? tables[4 + (sel & 15)] : undefined;
        if (!comp || !dc || !ac || scan.some((c) => c.comp === comp)) return null;
        scan.push({ comp, dc, ac });
      }
      const hMax = Math.max(...frame.comps.map((c) => c.h));
      const vMax = Math.max(...frame.comps.map((c) => c.v));
      return { ...frame, hMax, vMax, dcQuant, restartInterval, scan, dataStart: end };
    }
    p = end;
  }
}
