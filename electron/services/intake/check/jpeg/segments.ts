/**
 * Walking a JPEG's marker segments up to its first scan, and the segments both readers here need
 * (quantisation and Huffman tables, frame, scan header), parsed with the checks libjpeg makes while
 * reading a header. Any malformed structure gives null: the file is then left to sharp.
 */

export interface Segment {
  marker: number;
  /** First byte after the length field, and the first byte after the segment. */
  start: number;
  end: number;
}

export interface FrameComponent {
  id: number;
  h: number;
  v: number;
  /** Quantisation table number. */
  tq: number;
}

export interface Frame {
  precision: number;
  width: number;
  height: number;
  comps: FrameComponent[];
}

export interface HuffmanSpec {
  /** Number of codes of each length 1..16, and the symbols in code order, as in the DHT segment. */
  counts: Uint8Array;
  symbols: Uint8Array;
}

export const u16 = (b: Uint8Array, p: number) => ((b[p] as number) << 8) | (b[p + 1] as number);

export function startsWith(b: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Calls `visit` on each segment from the start of the file through the first SOS. `visit` returns
 * undefined to go on, or a result (null included) that ends the walk. Null when the file is not
 * such a sequence of segments (no SOI, a length past the end, a stand-alone marker before the scan).
 */
export function walkSegments<T>(b: Uint8Array, visit: (seg: Segment) => T | null | undefined): T | null {
  const n = b.length;
  if (n < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  for (let p = 2; ; ) {
    if (b[p] !== 0xff) return null;
    // A marker may be preceded by any number of 0xFF fill bytes.
    while (p + 1 < n && b[p + 1] === 0xff) p++;
    if (p + 4 > n) return null;
    const marker = b[p + 1] as number;
    // Restart, SOI, EOI and TEM stand alone, and have no place before the scan.
    if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) return null;
    const len = u16(b, p + 2);
    const end = p + 2 + len;
    if (len < 2 || end > n) return null;
    const result = visit({ marker, start: p + 4, end });
    if (result !== undefined) return result;
    if (marker === 0xda) return null;
    p = end;
  }
}

/** DQT: calls `table` with each table's number and DC quantiser (its first entry). False when malformed. */
export function readQuantTables(b: Uint8Array, seg: Segment, table: (tq: number, dcQuant: number) => void = () => {}): boolean {
  for (let q = seg.start; q < seg.end; ) {
    const precision = (b[q] as number) >> 4;
    const tq = (b[q] as number) & 15;
    const next = q + 1 + (precision ? 128 : 64);
    if (tq > 3 || precision > 1 || next > seg.end) return false;
    table(tq, precision ? u16(b, q + 1) : (b[q + 1] as number));
    q = next;
  }
  return true;
}

/** DHT: calls `table` with each table's slot (DC 0..3, AC 4..7) and codes. False when malformed. */
export function readHuffmanTables(b: Uint8Array, seg: Segment, table: (slot: number, spec: HuffmanSpec) => void = () => {}): boolean {
  for (let q = seg.start; q < seg.end; ) {
    const tc = (b[q] as number) >> 4;
    const th = (b[q] as number) & 15;
    if (tc > 1 || th > 3 || q + 17 > seg.end) return false;
    const counts = b.subarray(q + 1, q + 17);
    let total = 0;
    for (const c of counts) total += c;
    if (total > 256 || q + 17 + total > seg.end) return false;
    table(tc * 4 + th, { counts, symbols: b.subarray(q + 17, q + 17 + total) });
    q += 17 + total;
  }
  return true;
}

/** SOFn: size and channels; null when malformed (no size, bad sampling factors or table numbers). */
export function readFrame(b: Uint8Array, seg: Segment): Frame | null {
  const s = seg.start;
  if (seg.end - s < 6) return null;
  const nc = b[s + 5] as number;
  const width = u16(b, s + 3);
  const height = u16(b, s + 1);
  // Height 0 is defined later in the data (DNL): not read here.
  if (nc < 1 || nc > 4 || seg.end - s !== 6 + 3 * nc || width === 0 || height === 0) return null;
  const comps: FrameComponent[] = [];
  for (let i = 0; i < nc; i++) {
    const o = s + 6 + 3 * i;
    const h = (b[o + 1] as number) >> 4;
    const v = (b[o + 1] as number) & 15;
    const tq = b[o + 2] as number;
    if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) return null;
    comps.push({ id: b[o] as number, h, v, tq });
  }
  return { precision: b[s] as number, width, height, comps };
}

/** SOS header: each channel of the scan with its DC and AC table numbers; null when malformed. */
export function readScan(b: Uint8Array, seg: Segment, frame: Frame): { comp: FrameComponent; dc: number; ac: number }[] | null {
  const s = seg.start;
  const ns = b[s] as number;
  if (seg.end - s < 1 || ns < 1 || ns > 4 || seg.end - s !== 4 + 2 * ns) return null;
  const out: { comp: FrameComponent; dc: number; ac: number }[] = [];
  for (let i = 0; i < ns; i++) {
    const comp = frame.comps.find((c) => c.id === b[s + 1 + 2 * i]);
    const sel = b[s + 2 + 2 * i] as number;
    if (!comp || out.some((c) => c.comp === comp)) return null;
    out.push({ comp, dc: sel >> 4, ac: sel & 15 });
  }
  return out;
}
