/**
 * Greyscale pixels handed to tesseract as binary PGM (P5): a header and the raw bytes. Leptonica
 * reads it without decompressing anything, and writing it costs nothing, where a PNG costs an
 * encode here and a decode in the worker (measured 160 ms for one 1240×1754 page at sharp's default
 * compression). PGM carries no resolution, so the readers pass it to tesseract as `user_defined_dpi`.
 */
import type { Grey } from './layout';

export function toPgm(g: Grey): Buffer {
  const header = Buffer.from(`P5\n${g.width} ${g.height}\n255\n`, 'ascii');
  return Buffer.concat([header, g.data.subarray(0, g.width * g.height)]);
}

/** The pixels of a binary 8-bit PGM (a view into `buf`), or null when `buf` is something else. */
export function fromPgm(buf: Buffer): Grey | null {
  if (buf.length < 8 || buf[0] !== 0x50 || buf[1] !== 0x35) return null;
  // Three whitespace-separated numbers after the magic (no comments: we only read our own).
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'));
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const start = m[0].length;
  if (Number(m[3]) !== 255 || width < 1 || height < 1 || buf.length < start + width * height) return null;
  return { data: buf.subarray(start, start + width * height), width, height };
}
