/**
 * Scanner PDFs hold one image per page. For each page the largest image XObject is taken:
 * DCTDecode streams are JPEG bytes as they are; FlateDecode streams are inflated into raw pixels
 * (8-bit grey/RGB, or 1-bit grey) and kept as PNG. Anything else is reported for that page.
 */
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import type { Decoded } from './decode';
import { LIMITS } from './decode';

const fail = (source: string, message: string) => ({ ok: false as const, source, message });

function num(dict: PDFDict, key: string): number {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : 0;
}

function filterOf(dict: PDFDict): string {
  const f = dict.lookup(PDFName.of('Filter'));
  if (f instanceof PDFName) return f.decodeText();
  if (f instanceof PDFArray && f.size() === 1) {
    const only = f.lookup(0);
    return only instanceof PDFName ? only.decodeText() : '?';
  }
  return f === undefined ? 'none' : 'chain';
}

function colourChannels(dict: PDFDict): 1 | 3 | null {
  const cs = dict.lookup(PDFName.of('ColorSpace'));
  if (cs instanceof PDFName) return cs.decodeText() === 'DeviceGray' ? 1 : cs.decodeText() === 'DeviceRGB' ? 3 : null;
  // [/ICCBased stream]: the stream's /N says how many channels.
  if (cs instanceof PDFArray && cs.lookup(0) instanceof PDFName && (cs.lookup(0) as PDFName).decodeText() === 'ICCBased') {
    const icc = cs.lookup(1);
    const n = icc instanceof PDFRawStream ? num(icc.dict, 'N') : 0;
    return n === 1 ? 1 : n === 3 ? 3 : null;
  }
  return null;
}

function imagesOf(page: PDFPage): PDFRawStream[] {
  const resources = page.node.Resources();
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return [];
  const out: PDFRawStream[] = [];
  for (const [, ref] of xobjects.entries()) {
    const obj = page.doc.context.lookup(ref);
    if (obj instanceof PDFRawStream && obj.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image')) out.push(obj);
  }
  return out.sort((a, b) => num(b.dict, 'Width') * num(b.dict, 'Height') - num(a.dict, 'Width') * num(a.dict, 'Height'));
}

async function imageBytes(label: string, img: PDFRawStream): Promise<Decoded> {
  const width = num(img.dict, 'Width');
  const height = num(img.dict, 'Height');
  if (width <= 0 || height <= 0 || width * height > LIMITS.maxPixels) {
    return fail(label, `页面图像尺寸异常（${width}×${height} 像素），已跳过。`);
  }
  const filter = filterOf(img.dict);
  if (filter === 'DCTDecode') return { ok: true, source: label, original: Buffer.from(img.contents), dpi: null };
  if (filter !== 'FlateDecode') return fail(label, `该页图像的压缩方式（${filter}）不受支持，请让扫描仪输出 JPEG 或 TIFF。`);
  const channels = colourChannels(img.dict);
  const bits = num(img.dict, 'BitsPerComponent');
  if (channels === null || (bits !== 8 && !(bits === 1 && channels === 1))) {
    return fail(label, '该页图像的颜色格式不受支持，请让扫描仪输出 JPEG 或 TIFF。');
  }
  const rowBytes = bits === 8 ? width * channels : Math.ceil(width / 8);
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(img.contents, { maxOutputLength: rowBytes * height + 1 });
  } catch {
    return fail(label, '该页图像数据已损坏，无法解压。');
  }
  if (raw.length < rowBytes * height) return fail(label, '该页图像数据不完整。');
  let pixels = raw;
  if (bits === 1) {
    // 1-bit: 1 = white in DeviceGray unless /Decode says otherwise; expanded to 8-bit grey.
    pixels = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) pixels[y * width + x] = (raw[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7)) ? 255 : 0;
    }
  }
  const png = await sharp(pixels, { raw: { width, height, channels } }).png({ compressionLevel: 6 }).toBuffer();
  return { ok: true, source: label, original: png, dpi: null };
}

export async function* pdfPageImages(source: string, data: Buffer): AsyncGenerator<Decoded> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { ignoreEncryption: false, updateMetadata: false });
  } catch {
    yield fail(source, '无法读取 PDF：文件已损坏、不完整或已加密。');
    return;
  }
  const pages = doc.getPages();
  const found = pages.map(imagesOf);
  if (found.every((imgs) => imgs.length === 0)) {
    yield fail(source, 'PDF 中没有扫描图像（可能是由文字直接生成的 PDF），无法作为档案页面导入。');
    return;
  }
  const take = Math.min(pages.length, LIMITS.maxTiffPages);
  for (let i = 0; i < take; i++) {
    const label = pages.length > 1 ? `${source} 第 ${i + 1} 页` : source;
    const img = found[i]?.[0];
    if (!img) {
      yield fail(label, '该页没有扫描图像，未导入。');
      continue;
    }
    const decoded = await imageBytes(label, img);
    const page = pages[i];
    if (decoded.ok && page) {
      // The page's physical width gives the scan resolution.
      const inches = page.getWidth() / 72;
      const dpi = inches > 0 ? Math.round(num(img.dict, 'Width') / inches) : null;
      yield { ...decoded, dpi };
    } else {
      yield decoded;
    }
  }
  if (pages.length > take) {
    yield fail(source, `该 PDF 共 ${pages.length} 页，超过单个文件 ${LIMITS.maxTiffPages} 页的上限：第 ${take + 1}–${pages.length} 页未导入。请拆分文件后导入其余页面。`);
  }
}
