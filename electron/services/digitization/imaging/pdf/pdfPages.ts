/**
 * The pages of a scanner PDF (one scanned image per page) as encoded images, one result per page
 * in page order. For each page the largest image is taken, also when the scanner software wrapped
 * it in a form XObject. The page's /Rotate is kept (as EXIF orientation on a JPEG, so its bytes are
 * not re-encoded; applied losslessly to a PNG), and the resolution comes from the page's size.
 * Every problem is a Chinese message for that page (or for the file), never a throw.
 */
import { EncryptedPDFError, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { decodePdfImage } from './pdfImage';

export interface PdfLimits {
  maxPixels: number;
  maxPages: number;
}

export type PdfPageResult =
  | { ok: true; source: string; original: Buffer; dpi: number | null }
  | { ok: false; source: string; code: string; message: string };

const MAX_FORM_DEPTH = 3;

function area(s: PDFRawStream): number {
  const w = s.dict.lookup(PDFName.of('Width'));
  const h = s.dict.lookup(PDFName.of('Height'));
  return w instanceof PDFNumber && h instanceof PDFNumber ? w.asNumber() * h.asNumber() : 0;
}

/** Every image XObject reachable from `resources`, looking inside form XObjects. */
function imagesIn(doc: PDFDocument, resources: PDFDict | undefined, depth: number, seen: Set<PDFRawStream>): PDFRawStream[] {
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return [];
  const out: PDFRawStream[] = [];
  for (const [, ref] of xobjects.entries()) {
    const obj = doc.context.lookup(ref);
    if (!(obj instanceof PDFRawStream) || seen.has(obj)) continue;
    seen.add(obj);
    const subtype = obj.dict.lookup(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) out.push(obj);
    else if (subtype === PDFName.of('Form') && depth < MAX_FORM_DEPTH) out.push(...imagesIn(doc, obj.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1, seen));
  }
  return out;
}

export function largestImage(page: PDFPage): PDFRawStream | null {
  const images = imagesIn(page.doc, page.node.Resources(), 0, new Set());
  return images.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** A JPEG with an EXIF orientation segment put in front (1 upright, 6 = 90° cw, 3 = 180°, 8 = 270° cw). */
export function withExifOrientation(jpeg: Buffer, degrees: 0 | 90 | 180 | 270): Buffer {
  if (degrees === 0) return jpeg;
  const orientation = { 90: 6, 180: 3, 270: 8 }[degrees];
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), marker, body, jpeg.subarray(2)]);
}

function pageRotation(page: PDFPage): 0 | 90 | 180 | 270 {
  const a = (((page.getRotation().angle % 360) + 360) % 360) as number;
  return a === 90 || a === 180 || a === 270 ? a : 0;
}

/** Scan resolution from the image's pixels across the page's width (points: 1/72 inch). */
function dpiOf(page: PDFPage, imageWidth: number): number | null {
  const inches = page.getWidth() / 72;
  if (!(inches > 0)) return null;
  const dpi = Math.round(imageWidth / inches);
  return dpi >= 50 && dpi <= 2400 ? dpi : null;
}

export async function* pdfPages(source: string, data: Uint8Array, limits: PdfLimits): AsyncGenerator<PdfPageResult> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { updateMetadata: false });
  } catch (err) {
    yield err instanceof EncryptedPDFError
      ? { ok: false, source, code: 'PDF_ENCRYPTED', message: 'PDF 已加密（设有密码或权限限制），无法读取其中的扫描图像。请导出未加密的 PDF 后再导入。' }
      : { ok: false, source, code: 'CORRUPT', message: '无法读取 PDF：文件已损坏或不完整。请重新导出或复制该文件。' };
    return;
  }
  const pages = doc.getPages();
  const images = pages.map(largestImage);
  if (images.every((i) => i === null)) {
    yield { ok: false, source, code: 'PDF_NO_IMAGES', message: 'PDF 中没有扫描图像（可能是由文字直接生成的 PDF），无法作为档案页面导入。请导入扫描仪生成的 PDF 或图像文件。' };
    return;
  }
  const take = Math.min(pages.length, limits.maxPages);
  for (let i = 0; i < take; i++) {
    const label = pages.length > 1 ? `${source} 第 ${i + 1} 页` : source;
    const img = images[i];
    const page = pages[i];
    if (!img || !page) {
      yield { ok: false, source: label, code: 'PDF_NO_IMAGES', message: '该页没有扫描图像，未导入。如该页确有内容，请单独重新扫描。' };
      continue;
    }
    const r = await decodePdfImage(img, limits.maxPixels);
    if (!r.ok) {
      yield { ok: false, source: label, code: r.code, message: r.message };
      continue;
    }
    const rotation = pageRotation(page);
    const original = r.format === 'jpeg' ? withExifOrientation(r.image, rotation) : rotation === 0 ? r.image : await sharp(r.image).rotate(rotation).png({ compressionLevel: 6 }).toBuffer();
    yield { ok: true, source: label, original, dpi: dpiOf(page, r.width) };
  }
  if (pages.length > take) {
    yield {
      ok: false,
      source,
      code: 'TOO_MANY_PAGES',
      message: `该 PDF 共 ${pages.length} 页，超过单个文件 ${limits.maxPages} 页的上限：已导入前 ${take} 页，第 ${take + 1}–${pages.length} 页未导入。请拆分文件后导入其余页面。`,
    };
  }
}
