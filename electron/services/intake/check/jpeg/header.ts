/**
 * A JPEG's size and resolution from its markers, exactly as sharp's metadata() reports them, without
 * sharp: asking sharp costs about 0.9 ms of CPU per page, this about 0.02 ms. Resolution follows
 * libvips: 72 dpi by default; the JFIF density when its unit is inches or centimetres and neither
 * value is 1; EXIF IFD0's XResolution and ResolutionUnit over both; reported rounded, and only
 * above 1 pixel/mm. Anything this does not read with certainty — EXIF in other units or with tags
 * missing, two JFIF or EXIF segments, no frame, a marker out of place — gives null, and the caller
 * asks sharp (tests/intake/jpegHeader.test.ts compares the two on each such variant).
 */

import { readFrame, readHuffmanTables, readQuantTables, readScan, startsWith, u16, walkSegments, type Frame } from './segments';

export interface JpegHeader {
  width: number;
  height: number;
  /** Pixels per inch as sharp reports it, undefined where sharp reports none. */
  density: number | undefined;
}

/** libvips's resolution when the file gives none: 72 dpi, in pixels per millimetre. */
const DEFAULT_RES = 72 / 25.4;

/** Frame markers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

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

export function readJpegHeader(b: Uint8Array): JpegHeader | null {
  let jfif: number | null | undefined = null; // null: no JFIF segment yet
  let exif: number | null | undefined = null;
  let frame: Frame | null = null;
  return walkSegments<JpegHeader>(b, (seg) => {
    const { marker, start: s, end } = seg;
    if (marker === 0xe0 && end - s >= 5 && startsWith(b, s, 'JFIF\0')) {
      if (jfif !== null) return null;
      jfif = jfifResolution(b, s, end - s + 2);
      if (jfif === null) return null;
    } else if (marker === 0xe1 && end - s >= 6 && startsWith(b, s, 'Exif\0\0')) {
      if (exif !== null) return null;
      exif = exifResolution(b, s, end);
      if (exif === null) return null;
    } else if (marker === 0xdb || marker === 0xc4 || marker === 0xdd) {
      // Checked as libjpeg checks them while reading a header (a failure there is sharp's to report).
      const ok = marker === 0xdb ? readQuantTables(b, seg) : marker === 0xc4 ? readHuffmanTables(b, seg) : end - s === 2;
      if (!ok) return null;
    } else if (isFrame(marker)) {
      // 8-bit only, and beyond 65500 pixels libjpeg refuses: sharp's business.
      frame = frame ? null : readFrame(b, seg);
      if (!frame || frame.precision !== 8 || frame.width > 65500 || frame.height > 65500) return null;
    } else if (marker === 0xda) {
      if (!frame || !readScan(b, seg, frame)) return null;
      // EXIF over JFIF over the default, whatever their order in the file.
      const res = exif ?? jfif ?? DEFAULT_RES;
      return { width: frame.width, height: frame.height, density: res > 1 ? Math.round(res * 25.4) : undefined };
    }
    return undefined;
  });
}
