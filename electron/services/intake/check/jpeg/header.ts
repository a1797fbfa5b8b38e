/**
 * A JPEG's size and resolution from its markers, exactly as sharp's metadata() reports them, without
 * sharp: asking sharp costs about 0.9 ms of CPU per page, this about 0.02 ms. Resolution follows
 * libvips: 72 dpi by default; the JFIF density when its unit is inches or centimetres and neither
 * value is 1; EXIF IFD0's XResolution and ResolutionUnit over both; reported rounded, and only
 * above 1 pixel/mm. Anything this does not read with certainty — EXIF in other units or with tags
 * missing, two JFIF or EXIF segments, no frame, a marker out of place — gives null, and the caller
 * asks sharp (tests/intake/jpegHeader.test.ts compares the two on each such variant).
 */

export interface JpegHeader {
  width: number;
  height: number;
  /** Pixels per inch as sharp reports it, undefined where sharp reports none. */
  density: number | undefined;
}

/** libvips's resolution when the file gives none: 72 dpi, in pixels per millimetre. */
const DEFAULT_RES = 72 / 25.4;

const u16 = (b: Uint8Array, p: number) => ((b[p] as number) << 8) | (b[p + 1] as number);

/** Frame markers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

const startsWith = (b: Uint8Array, at: number, text: string) => {
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** The JFIF density in pixels per millimetre; undefined when libvips ignores it; null when unsure. */
function jfifResolution(b: Uint8Array, s: number, len: number): number | null | undefined {
  if (len < 16) return null;
  const unit = b[s + 7] as number;
  const x = u16(b, s + 8);
  if (unit === 0 || x === 1 || u16(b, s + 10) === 1) return undefined;
  if (unit === 1) return x / 25.4;
  if (unit === 2) return x / 10;
  return null;
}

/** EXIF IFD0 resolution in pixels per millimetre; undefined when the tags are absent; null when unsure. */
function exifResolution(b: Uint8Array, s: number, end: number): number | null | undefined {
  const t = s + 6; // TIFF header after "Exif\0\0"
  if (t + 8 > end) return null;
  const little = b[t] === 0x49 && b[t + 1] === 0x49;
  if (!little && !(b[t] === 0x4d && b[t + 1] === 0x4d)) return null;
  const r16 = (o: number) => (little ? (b[t + o] as number) | ((b[t + o + 1] as number) << 8) : u16(b, t + o));
  const r32 = (o: number) => (little ? (r16(o) | (r16(o + 2) << 16)) >>> 0 : ((r16(o) << 16) | r16(o + 2)) >>> 0);
  const size = end - t;
  if (r16(2) !== 42) return null;
  const ifd = r32(4);
  if (ifd < 8 || ifd + 2 > size) return null;
  const count = r16(ifd);
  if (ifd + 2 + count * 12 > size) return null;
  let xres: number | undefined;
  let unit: number | undefined;
  let yres = false;
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = r16(e);
    const type = r16(e + 2);
    const n = r32(e + 4);
    if (tag === 0x011a || tag === 0x011b) {
      // RATIONAL, one value, stored at an offset.
      const at = r32(e + 8);
      if (type !== 5 || n !== 1 || at + 8 > size) return null;
      const num = r32(at);
      const den = r32(at + 4);
      if (num === 0 || den === 0) return null;
      if (tag === 0x011a) xres = num / den;
      else yres = true;
    } else if (tag === 0x0128) {
      if (type !== 3 || n !== 1) return null;
      unit = r16(e + 8);
    }
  }
  if (xres === undefined && !yres && unit === undefined) return undefined;
  // Only the plain cases are certain: all three tags, in inches or centimetres.
  if (xres === undefined || !yres || (unit !== 2 && unit !== 3)) return null;
  return unit === 2 ? xres / 25.4 : xres / 10;
}

/** The checks libjpeg makes on these segments while reading a header (a failure there is sharp's to report). */
function tablesWellFormed(b: Uint8Array, marker: number, s: number, end: number): boolean {
  if (marker === 0xdd) return end - s === 2;
  for (let q = s; q < end; ) {
    const hi = (b[q] as number) >> 4;
    const lo = (b[q] as number) & 15;
    if (marker === 0xdb) {
      if (lo > 3 || hi > 1) return false;
      q += 1 + (hi ? 128 : 64);
    } else {
      if (hi > 1 || lo > 3 || q + 17 > end) return false;
      let total = 0;
      for (let i = 1; i <= 16; i++) total += b[q + i] as number;
      if (total > 256) return false;
      q += 17 + total;
    }
    if (q > end) return false;
  }
  return true;
}

function scanWellFormed(b: Uint8Array, s: number, len: number, ids: number[]): boolean {
  const ns = b[s] as number;
  if (ns < 1 || ns > 4 || len !== 6 + 2 * ns) return false;
  const seen = new Set<number>();
  for (let i = 0; i < ns; i++) {
    const id = b[s + 1 + 2 * i] as number;
    if (!ids.includes(id) || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

export function readJpegHeader(b: Uint8Array): JpegHeader | null {
  const n = b.length;
  if (n < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let jfif: number | null | undefined = null; // null: no JFIF segment yet
  let exif: number | null | undefined = null;
  let frame: { width: number; height: number; ids: number[] } | null = null;
  for (let p = 2; ; ) {
    if (p + 4 > n || b[p] !== 0xff) return null;
    const marker = b[p + 1] as number;
    // Fill bytes, stand-alone markers, or an image that ends before its scan: not a plain file.
    if (marker === 0xff || (marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) return null;
    const len = u16(b, p + 2);
    const s = p + 4;
    const end = p + 2 + len;
    if (len < 2 || end > n) return null;
    if (marker === 0xe0 && len >= 7 && startsWith(b, s, 'JFIF\0')) {
      if (jfif !== null) return null;
      jfif = jfifResolution(b, s, len);
      if (jfif === null) return null;
    } else if (marker === 0xe1 && len >= 8 && startsWith(b, s, 'Exif\0\0')) {
      if (exif !== null) return null;
      exif = exifResolution(b, s, end);
      if (exif === null) return null;
    } else if (marker === 0xdb || marker === 0xc4 || marker === 0xdd) {
      if (!tablesWellFormed(b, marker, s, end)) return null;
    } else if (isFrame(marker)) {
      if (frame || len < 8) return null;
      const height = u16(b, s + 1);
      const width = u16(b, s + 3);
      const nc = b[s + 5] as number;
      // 8-bit only; height 0 is defined later in the data (DNL); beyond 65500 libjpeg refuses: sharp's business.
      if (b[s] !== 8 || width === 0 || height === 0 || width > 65500 || height > 65500 || nc < 1 || nc > 4 || len !== 8 + 3 * nc) return null;
      const ids: number[] = [];
      for (let i = 0; i < nc; i++) {
        const hv = b[s + 7 + 3 * i] as number;
        if (hv >> 4 < 1 || hv >> 4 > 4 || (hv & 15) < 1 || (hv & 15) > 4 || (b[s + 8 + 3 * i] as number) > 3) return null;
        ids.push(b[s + 6 + 3 * i] as number);
      }
      frame = { width, height, ids };
    } else if (marker === 0xda) {
      if (!frame || !scanWellFormed(b, s, len, frame.ids)) return null;
      // EXIF over JFIF over the default, whatever their order in the file.
      const res = exif ?? jfif ?? DEFAULT_RES;
      return { width: frame.width, height: frame.height, density: res > 1 ? Math.round(res * 25.4) : undefined };
    }
    p = end;
  }
}
