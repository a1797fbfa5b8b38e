/**
 * Decoding a page for processing, once, in as few channels as the page needs. The judgements
 * (blank, colour, skew, orientation) are made on a ~150 dpi copy; the full-size pixels then go on
 * in greyscale unless the page has colour, so deskew, crop and the JPEG work on a third of the
 * bytes, and orientation gets raw pixels instead of a PNG to decode.
 */
import sharp from 'sharp';
import { ANALYSIS_DPI, type RawImage } from './analysis/analysisImage';
import type { Grey } from './borders';
import { takeBytes } from './bufferPool';
import { LIMITS } from './decode';

export const WHITE = { r: 255, g: 255, b: 255 };

export interface Decoded {
  pixels: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

/** The original as libvips reads it: limits on, EXIF orientation applied, transparency on white. */
function source(original: Buffer) {
  return sharp(original, { limitInputPixels: LIMITS.maxPixels, failOn: 'truncated' })
    .rotate() // EXIF orientation first: that is how the device meant the image
    .flatten({ background: WHITE });
}

/** The whole page in RGB, decoded once; everything else is made from these pixels. */
export async function decodeRgb(original: Buffer): Promise<Decoded> {
  const { data, info } = await source(original).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  // libvips may hand back an alpha channel for some PNGs despite flatten; keep three.
  const pixels = info.channels === 3 ? data : await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  return { pixels, width: info.width, height: info.height, channels: 3 };
}

/**
 * The page at the analysis resolution (what analysePage wants), and the dpi to tell it: pages at
 * or below 150 dpi are used at their own size.
 */
export async function analysisCopy(page: Decoded, dpi: number): Promise<{ image: RawImage; dpi: number }> {
  const scale = Math.min(1, ANALYSIS_DPI / dpi);
  if (scale >= 1) return { image: { data: page.pixels, width: page.width, height: page.height, channels: page.channels }, dpi };
  const width = Math.max(1, Math.round(page.width * scale));
  const height = Math.max(1, Math.round(page.height * scale));
  const data = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: page.channels } })
    .resize(width, height, { kernel: 'linear', fit: 'fill' })
    .raw()
    .toBuffer();
  // The copy's own resolution, so analysePage uses it as it is.
  return { image: { data, width, height, channels: page.channels }, dpi: ANALYSIS_DPI };
}

/** The page as it is processed: one channel (luma, in JavaScript: libvips's sRGB→B_W costs more than the decode), or the RGB itself when its colour is kept. */
export function withChannels(page: Decoded, colour: boolean): Decoded {
  if (colour || page.channels === 1) return page;
  const g = greyOf({ data: page.pixels, width: page.width, height: page.height, channels: page.channels }, takeBytes(page.width * page.height));
  return { pixels: Buffer.from(g.data.buffer, g.data.byteOffset, g.data.byteLength), width: page.width, height: page.height, channels: 1 };
}

/** Greyscale of an RGB copy (Rec. 601, as the analysis uses: analysisImage.ts `luma`, written out here for speed). */
export function greyOf(image: RawImage, into?: Uint8Array): Grey {
  if (image.channels === 1) return { data: image.data, width: image.width, height: image.height };
  const n = image.width * image.height;
  const data = into ?? new Uint8Array(n);
  const d = image.data;
  let i = 0;
  if (LITTLE_ENDIAN && d.byteOffset % 4 === 0 && data.byteOffset % 4 === 0) {
    // Four pixels from three 32-bit words and into one: a quarter of the memory operations.
    const quads = n >> 2;
    const src = new Uint32Array(d.buffer, d.byteOffset, quads * 3);
    const dst = new Uint32Array(data.buffer, data.byteOffset, quads);
    for (let q = 0, j = 0; q < quads; q++, j += 3) {
      const a = src[j]!; // r0 g0 b0 r1
      const b = src[j + 1]!; // g1 b1 r2 g2
      const c = src[j + 2]!; // b2 r3 g3 b3
      const l0 = ((a & 255) * 77 + ((a >>> 8) & 255) * 150 + ((a >>> 16) & 255) * 29) >> 8;
      const l1 = ((a >>> 24) * 77 + (b & 255) * 150 + ((b >>> 8) & 255) * 29) >> 8;
      const l2 = (((b >>> 16) & 255) * 77 + (b >>> 24) * 150 + (c & 255) * 29) >> 8;
      const l3 = (((c >>> 8) & 255) * 77 + ((c >>> 16) & 255) * 150 + (c >>> 24) * 29) >> 8;
      dst[q] = l0 | (l1 << 8) | (l2 << 16) | (l3 << 24);
    }
    i = quads * 4;
  }
  for (let j = 3 * i; i < n; i++, j += 3) data[i] = (d[j]! * 77 + d[j + 1]! * 150 + d[j + 2]! * 29) >> 8;
  return { data, width: image.width, height: image.height };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A greyscale copy at most `width` wide. */
export async function shrinkGrey(g: Grey, width: number): Promise<Grey> {
  if (g.width <= width) return g;
  const { data, info } = await sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } })
    .resize({ width })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
