/**
 * One image XObject of a scanner PDF turned into an encoded image sharp can read:
 * - DCTDecode: the stream is a JPEG, kept byte for byte (after an outer FlateDecode, if any);
 * - FlateDecode (with or without a PNG/TIFF predictor): raw samples → PNG, for DeviceGray/RGB/CMYK,
 *   Cal*, ICCBased and Indexed colour, 1/2/4/8/16 bits per component, honouring /Decode inversion;
 * - CCITTFaxDecode (black-and-white scanners): wrapped in a TIFF (faxTiff.ts), then PNG;
 * - anything else (JBIG2, JPEG 2000, LZW, …): a per-page Chinese error saying what to do.
 * Sizes are checked against the declared geometry before anything is inflated or decoded.
 */
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFBool, PDFString, PDFHexString } from 'pdf-lib';
import sharp from 'sharp';
import { faxToTiff } from './faxTiff';
import { bytesPerRow, unpredict } from './predictor';

export type PdfImageResult =
  | { ok: true; image: Buffer; format: 'jpeg' | 'png'; width: number; height: number }
  | { ok: false; code: 'PDF_IMAGE_UNSUPPORTED' | 'PDF_IMAGE_CORRUPT' | 'TOO_LARGE'; message: string };

interface ColourSpace {
  /** Components per sample in the stream. */
  n: 1 | 3 | 4;
  /** For Indexed: the palette, expanded to the base space's components (`paletteN` each). */
  palette?: Uint8Array;
  paletteN?: 1 | 3 | 4;
}

const unsupported = (what: string): PdfImageResult => ({
  ok: false,
  code: 'PDF_IMAGE_UNSUPPORTED',
  message: `该页图像的${what}不受支持。请在扫描软件中改为输出 JPEG（彩色/灰度）或 TIFF，再重新导入。`,
});
const corrupt = (what: string): PdfImageResult => ({ ok: false, code: 'PDF_IMAGE_CORRUPT', message: `该页图像数据已损坏（${what}），无法读取。请重新扫描该页。` });

function num(dict: PDFDict, key: string, fallback = 0): number {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : fallback;
}

function bool(dict: PDFDict, key: string): boolean {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFBool ? v.asBoolean() : false;
}

function name(v: unknown): string | null {
  return v instanceof PDFName ? v.decodeText() : null;
}

/** The filter chain and the decode parameters of its last filter. */
function filters(dict: PDFDict): { names: string[]; parms: PDFDict | null } {
  const f = dict.lookup(PDFName.of('Filter'));
  const p = dict.lookup(PDFName.of('DecodeParms'));
  const names = f instanceof PDFArray ? f.asArray().map((x) => name(dict.context.lookup(x)) ?? '?') : f === undefined ? [] : [name(f) ?? '?'];
  const parmsList = p instanceof PDFArray ? p.asArray().map((x) => dict.context.lookup(x)) : [p];
  const last = parmsList[parmsList.length - 1];
  return { names, parms: last instanceof PDFDict ? last : null };
}

function colourSpace(dict: PDFDict, cs: unknown, depth = 0): ColourSpace | null {
  const resolved = cs instanceof PDFName || cs instanceof PDFArray ? cs : dict.context.lookup(cs as never);
  const simple = name(resolved);
  if (simple === 'DeviceGray' || simple === 'CalGray' || simple === 'G') return { n: 1 };
  if (simple === 'DeviceRGB' || simple === 'CalRGB' || simple === 'RGB') return { n: 3 };
  if (simple === 'DeviceCMYK' || simple === 'CMYK') return { n: 4 };
  if (!(resolved instanceof PDFArray) || depth > 1) return null;
  const family = name(resolved.lookup(0));
  if (family === 'CalGray') return { n: 1 };
  if (family === 'CalRGB' || family === 'Lab') return family === 'Lab' ? null : { n: 3 };
  if (family === 'ICCBased') {
    const icc = resolved.lookup(1);
    const n = icc instanceof PDFRawStream ? num(icc.dict, 'N') : 0;
    return n === 1 || n === 3 || n === 4 ? { n } : null;
  }
  if (family === 'Indexed' || family === 'I') {
    const base = colourSpace(dict, resolved.get(1), depth + 1);
    const hival = resolved.lookup(2);
    const lookup = resolved.lookup(3);
    if (!base || base.palette || !(hival instanceof PDFNumber)) return null;
    let table: Uint8Array | null = null;
    if (lookup instanceof PDFRawStream) table = inflateIfNeeded(lookup);
    else if (lookup instanceof PDFHexString || lookup instanceof PDFString) table = lookup.asBytes();
    const entries = hival.asNumber() + 1;
    if (!table || table.length < entries * base.n) return null;
    return { n: 1, palette: table.subarray(0, entries * base.n), paletteN: base.n };
  }
  return null;
}

function inflateIfNeeded(s: PDFRawStream): Uint8Array | null {
  const { names } = filters(s.dict);
  if (names.length === 0) return s.contents;
  if (names.length === 1 && names[0] === 'FlateDecode') {
    try {
      return zlib.inflateSync(s.contents, { maxOutputLength: 1 << 20 });
    } catch {
      return null;
    }
  }
  return null;
}

/** Per component: whether /Decode flips it ([1 0] instead of [0 1]). */
function inverted(dict: PDFDict, n: number): boolean[] {
  const d = dict.lookup(PDFName.of('Decode'));
  const out = new Array<boolean>(n).fill(false);
  if (!(d instanceof PDFArray)) return out;
  for (let c = 0; c < n; c++) {
    const lo = d.lookup(2 * c);
    const hi = d.lookup(2 * c + 1);
    if (lo instanceof PDFNumber && hi instanceof PDFNumber) out[c] = lo.asNumber() > hi.asNumber();
  }
  return out;
}

/** Samples of any bit depth → 8-bit RGB or grey pixels. */
function toPixels(samples: Uint8Array, width: number, height: number, bpc: number, cs: ColourSpace, flip: boolean[]): { data: Buffer; channels: 1 | 3 } {
  const rowBytes = bytesPerRow({ colors: cs.n, bitsPerComponent: bpc, columns: width });
  const max = (1 << Math.min(bpc, 8)) - 1;
  const read = (row: number, k: number): number => {
    // k: the component index along the row.
    if (bpc === 8) return samples[row + k] ?? 0;
    if (bpc === 16) return samples[row + 2 * k] ?? 0; // high byte is plenty for a page image
    const bit = k * bpc;
    const byte = samples[row + (bit >> 3)] ?? 0;
    return (byte >> (8 - bpc - (bit & 7))) & max;
  };
  const outN = cs.palette ? (cs.paletteN === 1 ? 1 : 3) : cs.n === 1 ? 1 : 3;
  const out = Buffer.alloc(width * height * outN);
  const comp = new Array<number>(4).fill(0);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * outN;
      if (cs.palette) {
        let index = read(row, x);
        if (flip[0]) index = max - index;
        const pn = cs.paletteN ?? 1;
        const p = cs.palette;
        const e = Math.min(index, p.length / pn - 1) * pn;
        if (pn === 1) out[o] = p[e] ?? 0;
        else if (pn === 3) out.set([p[e] ?? 0, p[e + 1] ?? 0, p[e + 2] ?? 0], o);
        else writeCmyk(out, o, p[e] ?? 0, p[e + 1] ?? 0, p[e + 2] ?? 0, p[e + 3] ?? 0);
        continue;
      }
      for (let c = 0; c < cs.n; c++) {
        let v = read(row, x * cs.n + c);
        if (flip[c]) v = max - v;
        comp[c] = bpc === 8 || bpc === 16 ? v : Math.round((v * 255) / max);
      }
      if (cs.n === 1) out[o] = comp[0] ?? 0;
      else if (cs.n === 3) out.set([comp[0] ?? 0, comp[1] ?? 0, comp[2] ?? 0], o);
      else writeCmyk(out, o, comp[0] ?? 0, comp[1] ?? 0, comp[2] ?? 0, comp[3] ?? 0);
    }
  }
  return { data: out, channels: outN };
}

/** Naive CMYK → RGB: scanners almost never write CMYK, so exact colour management is not worth it. */
function writeCmyk(out: Buffer, o: number, c: number, m: number, y: number, k: number): void {
  const w = 255 - k;
  out[o] = Math.round(((255 - c) * w) / 255);
  out[o + 1] = Math.round(((255 - m) * w) / 255);
  out[o + 2] = Math.round(((255 - y) * w) / 255);
}

/**
 * Decodes one image XObject. `maxPixels` refuses decompression bombs before any work; the inflated
 * size is capped at what the declared geometry needs.
 */
export async function decodePdfImage(img: PDFRawStream, maxPixels: number): Promise<PdfImageResult> {
  const dict = img.dict;
  const width = num(dict, 'Width');
  const height = num(dict, 'Height');
  if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) return corrupt(`尺寸 ${width}×${height} 无效`);
  if (width * height > maxPixels) {
    return { ok: false, code: 'TOO_LARGE', message: `该页图像尺寸过大（${width}×${height} 像素），超过 ${Math.round(maxPixels / 1e6)} 百万像素的上限，可能是损坏或恶意文件，已跳过。` };
  }
  const { names, parms } = filters(dict);
  let data: Uint8Array = img.contents;
  let chain = names;
  // An outer Flate around a JPEG or fax stream: inflate it first (bounded by the raw size at most).
  if (chain.length === 2 && chain[0] === 'FlateDecode' && (chain[1] === 'DCTDecode' || chain[1] === 'CCITTFaxDecode')) {
    try {
      data = zlib.inflateSync(data, { maxOutputLength: width * height * 4 + 65536 });
    } catch {
      return corrupt('外层压缩无法解开');
    }
    chain = chain.slice(1);
  }
  if (chain.length > 1) return unsupported(`压缩方式组合（${names.join(' + ')}）`);
  const filter = chain[0] ?? 'none';
  if (filter === 'DCTDecode' || filter === 'DCT') {
    if (!(data[0] === 0xff && data[1] === 0xd8)) return corrupt('不是有效的 JPEG 数据');
    return { ok: true, image: Buffer.from(data), format: 'jpeg', width, height };
  }
  if (filter === 'CCITTFaxDecode' || filter === 'CCF') return fax(data, parms, dict, width, height);
  if (filter !== 'FlateDecode' && filter !== 'Fl' && filter !== 'none') {
    const label: Record<string, string> = { JBIG2Decode: 'JBIG2 压缩', JPXDecode: 'JPEG 2000 压缩', LZWDecode: 'LZW 压缩', RunLengthDecode: '行程压缩' };
    return unsupported(label[filter] ?? `压缩方式（${filter}）`);
  }
  if (bool(dict, 'ImageMask')) return unsupported('蒙版图像格式');
  const bpc = num(dict, 'BitsPerComponent', 8);
  if (![1, 2, 4, 8, 16].includes(bpc)) return unsupported(`位深（${bpc} 位）`);
  const cs = colourSpace(dict, dict.get(PDFName.of('ColorSpace')));
  if (!cs) return unsupported('颜色空间');
  const rowBytes = bytesPerRow({ colors: cs.n, bitsPerComponent: bpc, columns: width });
  const predictor = parms ? num(parms, 'Predictor', 1) : 1;
  const expected = (rowBytes + (predictor >= 10 ? 1 : 0)) * height;
  let samples: Uint8Array = data;
  if (filter !== 'none') {
    try {
      // One byte of slack: some writers add a trailing newline inside the compressed data.
      samples = zlib.inflateSync(data, { maxOutputLength: expected + 1 });
    } catch (err) {
      const tooLong = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return corrupt(tooLong ? '解压后的数据多于图像尺寸所需' : '压缩数据无法解开');
    }
  }
  const rows = unpredict(samples, { predictor, colors: parms ? num(parms, 'Colors', cs.n) : cs.n, bitsPerComponent: parms ? num(parms, 'BitsPerComponent', bpc) : bpc, columns: parms ? num(parms, 'Columns', width) : width }, height);
  if (!rows || rows.length < rowBytes * height) return corrupt('数据不完整');
  const px = toPixels(rows, width, height, bpc, cs, inverted(dict, cs.palette ? 1 : cs.n));
  const png = await sharp(px.data, { raw: { width, height, channels: px.channels } }).png({ compressionLevel: 6 }).toBuffer();
  return { ok: true, image: png, format: 'png', width, height };
}

async function fax(data: Uint8Array, parms: PDFDict | null, dict: PDFDict, width: number, height: number): Promise<PdfImageResult> {
  const k = parms ? num(parms, 'K', 0) : 0;
  const columns = parms ? num(parms, 'Columns', 1728) : 1728;
  const rows = parms ? num(parms, 'Rows', height) : height;
  if (columns !== width || (rows > 0 && rows !== height)) return corrupt(`传真编码尺寸 ${columns}×${rows} 与图像 ${width}×${height} 不符`);
  const blackIs1 = parms ? bool(parms, 'BlackIs1') : false;
  const flip = inverted(dict, 1)[0] === true;
  const tiff = faxToTiff(data, { k, columns: width, rows: height, blackIsBlack: blackIs1 === flip, encodedByteAlign: parms ? bool(parms, 'EncodedByteAlign') : false });
  try {
    const png = await sharp(tiff, { failOn: 'error' }).toColourspace('b-w').png({ compressionLevel: 6 }).toBuffer();
    return { ok: true, image: png, format: 'png', width, height };
  } catch {
    return corrupt('传真编码（CCITT）数据无法解码');
  }
}
