/**
 * Scanner PDFs → page images: the encodings scanners and common tools really write (JPEG as-is,
 * Flate with PNG/TIFF predictors as img2pdf writes, pdf-lib's own PNG embedding, 1-bit and indexed
 * colour, CMYK, CCITT G4 from black-and-white scanners), images wrapped in form XObjects, /Rotate,
 * and hostile or unusable input reported per page in Chinese while the other pages come through.
 */
import zlib from 'node:zlib';
import { degrees, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, StandardFonts, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfPages, type PdfPageResult } from '../../electron/services/digitization/imaging/pdf/pdfPages';

const LIMITS = { maxPixels: 20_000 * 20_000, maxPages: 300 };
const FONT = "font-family='DejaVu Sans, Liberation Sans, sans-serif'";

/** A small page image with a black block, a red block and a line of text. */
async function scanRgb(width = 240, height = 160): Promise<{ data: Buffer; width: number; height: number }> {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${height}'><rect width='100%' height='100%' fill='#fbfbf8'/>
    <rect x='10' y='10' width='60' height='40' fill='#111'/><rect x='100' y='10' width='60' height='40' fill='#c00'/>
    <text x='10' y='120' ${FONT} font-size='28'>Page 7</text></svg>`;
  const { data } = await sharp(Buffer.from(svg)).flatten({ background: '#fff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width, height };
}

async function collect(pdf: Uint8Array, limits = LIMITS): Promise<PdfPageResult[]> {
  const out: PdfPageResult[] = [];
  for await (const p of pdfPages('scan.pdf', pdf, limits)) out.push(p);
  return out;
}

async function pixels(img: Buffer, channels: 1 | 3): Promise<Buffer> {
  const s = sharp(img).autoOrient();
  return (channels === 1 ? s.extractChannel(0) : s.removeAlpha().toColourspace('srgb')).raw().toBuffer();
}

/** A page (300 dpi for its image) showing one image XObject built from a raw dictionary and bytes. */
function addImagePage(doc: PDFDocument, dict: Record<string, unknown>, body: Uint8Array, px: [number, number]): PDFPage {
  const ref = doc.context.register(PDFRawStream.of(doc.context.obj(dict as never) as unknown as PDFDict, body));
  const page = doc.addPage([px[0] * 0.24, px[1] * 0.24]);
  page.node.setXObject(PDFName.of('Im0'), ref);
  return page;
}

function pngRows(data: Buffer, rowBytes: number, rows: number): Buffer {
  const out: Buffer[] = [];
  for (let y = 0; y < rows; y++) out.push(Buffer.from([y % 2 ? 4 : 1]), pngFilter(data, rowBytes, y, y % 2 ? 4 : 1));
  return Buffer.concat(out);
}

/** PNG-filters one row (Sub or Paeth, 3 bytes per pixel) the way an encoder would. */
function pngFilter(data: Buffer, rowBytes: number, y: number, type: 1 | 4): Buffer {
  const row = Buffer.alloc(rowBytes);
  for (let x = 0; x < rowBytes; x++) {
    const cur = data[y * rowBytes + x] ?? 0;
    const left = x >= 3 ? (data[y * rowBytes + x - 3] ?? 0) : 0;
    const up = y > 0 ? (data[(y - 1) * rowBytes + x] ?? 0) : 0;
    const corner = y > 0 && x >= 3 ? (data[(y - 1) * rowBytes + x - 3] ?? 0) : 0;
    let pred = left;
    if (type === 4) {
      const p = left + up - corner;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
      pred = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
    }
    row[x] = (cur - pred) & 0xff;
  }
  return row;
}

/** The single strip of a one-strip TIFF (sharp writes one strip for images up to 256 rows). */
function stripOf(tiff: Buffer): Buffer {
  const ifd = tiff.readUInt32LE(4);
  let off = 0;
  let len = 0;
  for (let k = 0; k < tiff.readUInt16LE(ifd); k++) {
    const e = ifd + 2 + k * 12;
    const v = tiff.readUInt16LE(e + 2) === 3 ? tiff.readUInt16LE(e + 8) : tiff.readUInt32LE(e + 8);
    if (tiff.readUInt16LE(e) === 273) off = v;
    if (tiff.readUInt16LE(e) === 279) len = v;
  }
  return tiff.subarray(off, off + len);
}

describe('scanner PDF pages', () => {
  it('gives back JPEG pages byte for byte, in order, with the resolution from the page size', async () => {
    const scan = await scanRgb();
    const jpegs = await Promise.all([90, 70].map((q) => sharp(scan.data, { raw: { width: scan.width, height: scan.height, channels: 3 } }).jpeg({ quality: q }).toBuffer()));
    const doc = await PDFDocument.create();
    for (const j of jpegs) {
      const img = await doc.embedJpg(j);
      const page = doc.addPage([img.width * 0.24, img.height * 0.24]);
      page.drawImage(img, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
    }
    const pages = await collect(await doc.save());
    expect(pages.map((p) => p.source)).toEqual(['scan.pdf 第 1 页', 'scan.pdf 第 2 页']);
    pages.forEach((p, i) => {
      expect(p.ok).toBe(true);
      if (p.ok) {
        expect(p.original.equals(jpegs[i]!)).toBe(true);
        expect(p.dpi).toBe(300);
      }
    });
  });

  it('decodes Flate images with PNG and TIFF predictors, and what pdf-lib embeds for a PNG, pixel for pixel', async () => {
    const scan = await scanRgb();
    const { width: w, height: h } = scan;
    const grey = await sharp(scan.data, { raw: { width: w, height: h, channels: 3 } }).extractChannel(1).raw().toBuffer();
    const tiffPredicted = Buffer.from(grey);
    for (let y = 0; y < h; y++) for (let x = w - 1; x > 0; x--) tiffPredicted[y * w + x] = ((grey[y * w + x] ?? 0) - (grey[y * w + x - 1] ?? 0)) & 0xff;
    const doc = await PDFDocument.create();
    // img2pdf style: PNG rows (Sub and Paeth filters) inside Flate, Predictor 15.
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'FlateDecode', DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: w } }, zlib.deflateSync(pngRows(scan.data, w * 3, h)), [w, h]);
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode', DecodeParms: { Predictor: 2, Colors: 1, Columns: w } }, zlib.deflateSync(tiffPredicted), [w, h]);
    const embedded = await doc.embedPng(await sharp(scan.data, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer());
    doc.addPage([w * 0.24, h * 0.24]).drawImage(embedded, { x: 0, y: 0, width: w * 0.24, height: h * 0.24 });
    const pages = await collect(await doc.save());
    expect(pages.every((p) => p.ok)).toBe(true);
    const [rgb, gray, lib] = pages;
    if (!rgb?.ok || !gray?.ok || !lib?.ok) throw new Error('unreachable');
    expect((await pixels(rgb.original, 3)).equals(scan.data)).toBe(true);
    expect((await pixels(gray.original, 1)).equals(grey)).toBe(true);
    expect((await pixels(lib.original, 3)).equals(scan.data)).toBe(true);
  });

  it('decodes 1-bit images with /Decode inversion, 4-bit indexed colour and CMYK', async () => {
    const w = 16;
    const h = 4;
    const doc = await PDFDocument.create();
    // 1-bit, /Decode [1 0]: a 1 bit is black. Left half 1s.
    const bits = Buffer.alloc(2 * h, 0);
    for (let y = 0; y < h; y++) bits[y * 2] = 0xff;
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Decode: [1, 0], Filter: 'FlateDecode' }, zlib.deflateSync(bits), [w, h]);
    // 4-bit indexed: palette 0 white, 1 red; columns alternate.
    const idx = Buffer.alloc((w / 2) * h, 0x10);
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: ['Indexed', 'DeviceRGB', 1, PDFHexString.of('ffffffc80000')], BitsPerComponent: 4, Filter: 'FlateDecode' }, zlib.deflateSync(idx), [w, h]);
    // CMYK: pure K at 50 %.
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceCMYK', BitsPerComponent: 8, Filter: 'FlateDecode' }, zlib.deflateSync(Buffer.alloc(w * h * 4).fill(Buffer.from([0, 0, 0, 128]))), [w, h]);
    const [mono, indexed, cmyk] = await collect(await doc.save());
    if (!mono?.ok || !indexed?.ok || !cmyk?.ok) throw new Error(JSON.stringify([mono, indexed, cmyk]));
    const m = await pixels(mono.original, 1);
    expect([m[0], m[7], m[8], m[15]]).toEqual([0, 0, 255, 255]);
    const ix = await pixels(indexed.original, 3);
    expect([...ix.subarray(0, 6)]).toEqual([200, 0, 0, 255, 255, 255]);
    const c = await pixels(cmyk.original, 3);
    expect([...c.subarray(0, 3)]).toEqual([127, 127, 127]);
  });

  it('reads CCITT Group 4 pages from black-and-white scanners (BlackIs1 and /Decode honoured)', async () => {
    const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='400' height='120'><rect width='100%' height='100%' fill='white'/><rect x='10' y='10' width='100' height='50' fill='black'/><text x='150' y='90' ${FONT} font-size='50'>G4 fax</text></svg>`;
    const bw = sharp(Buffer.from(svg)).flatten({ background: '#fff' }).removeAlpha().toColourspace('b-w').threshold(128);
    const truth = await bw.clone().extractChannel(0).raw().toBuffer();
    // libvips writes the strip min-is-black, i.e. its ink is coded as the fax's "white" runs:
    // in PDF terms that is BlackIs1 true, or BlackIs1 false with /Decode [1 0].
    const g4 = stripOf(await bw.clone().tiff({ compression: 'ccittfax4', bitdepth: 1 }).toBuffer());
    const doc = await PDFDocument.create();
    const base = { Type: 'XObject', Subtype: 'Image', Width: 400, Height: 120, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'CCITTFaxDecode' };
    addImagePage(doc, { ...base, DecodeParms: { K: -1, Columns: 400, Rows: 120, BlackIs1: true } }, g4, [400, 120]);
    addImagePage(doc, { ...base, Decode: [1, 0], DecodeParms: { K: -1, Columns: 400, Rows: 120 } }, g4, [400, 120]);
    addImagePage(doc, { ...base, DecodeParms: { K: -1, Columns: 400, Rows: 120 } }, g4, [400, 120]);
    const pages = await collect(await doc.save());
    const agreement = async (p: PdfPageResult | undefined) => {
      if (!p?.ok) throw new Error(JSON.stringify(p));
      const px = await pixels(p.original, 1);
      let same = 0;
      for (let i = 0; i < truth.length; i++) if ((px[i] ?? 0) > 127 === (truth[i] ?? 0) > 127) same++;
      return same / truth.length;
    };
    expect(await agreement(pages[0])).toBe(1);
    expect(await agreement(pages[1])).toBe(1);
    expect(await agreement(pages[2])).toBe(0); // the same data without the flag is the negative
  });

  it('finds an image inside a form XObject and keeps /Rotate as EXIF orientation without re-encoding', async () => {
    const scan = await scanRgb();
    const jpeg = await sharp(scan.data, { raw: { width: scan.width, height: scan.height, channels: 3 } }).jpeg().toBuffer();
    const doc = await PDFDocument.create();
    const imageRef = doc.context.register(PDFRawStream.of(doc.context.obj({ Type: 'XObject', Subtype: 'Image', Width: scan.width, Height: scan.height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode' }) as PDFDict, jpeg));
    const formResources = doc.context.obj({ XObject: { Im0: imageRef } });
    const formRef = doc.context.register(PDFRawStream.of(doc.context.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1, 1], Resources: formResources }) as PDFDict, Buffer.from('q /Im0 Do Q')));
    const page = doc.addPage([scan.width * 0.24, scan.height * 0.24]);
    page.node.setXObject(PDFName.of('Fm0'), formRef);
    page.setRotation(degrees(90));
    const [p] = await collect(await doc.save());
    if (!p?.ok) throw new Error(JSON.stringify(p));
    // Same JPEG data after the inserted EXIF segment; shown turned 90° clockwise.
    expect(p.original.subarray(p.original.length - (jpeg.length - 2)).equals(jpeg.subarray(2))).toBe(true);
    const meta = await sharp(p.original).metadata();
    expect(meta.orientation).toBe(6);
    const upright = await sharp(p.original).autoOrient().toBuffer({ resolveWithObject: true });
    expect([upright.info.width, upright.info.height]).toEqual([scan.height, scan.width]);
  });

  it('reports a PDF without images, unusable pages and hostile images per page, and goes on', async () => {
    const text = await PDFDocument.create();
    text.addPage().drawText('Typed, not scanned', { font: await text.embedFont(StandardFonts.Helvetica), x: 50, y: 700 });
    const none = await collect(await text.save());
    expect(none).toEqual([expect.objectContaining({ ok: false, code: 'PDF_NO_IMAGES', message: expect.stringContaining('没有扫描图像') })]);

    const scan = await scanRgb();
    const jpeg = await sharp(scan.data, { raw: { width: scan.width, height: scan.height, channels: 3 } }).jpeg().toBuffer();
    const doc = await PDFDocument.create();
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: 100, Height: 100, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'JBIG2Decode' }, Buffer.alloc(10), [100, 100]);
    // Claims 100 000 × 100 000 pixels: refused from the dictionary alone.
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: 100_000, Height: 100_000, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode' }, zlib.deflateSync(Buffer.alloc(1000)), [2480, 3508]);
    // Declares 10 × 10 but inflates to 10 MB: stopped at the declared size.
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: 10, Height: 10, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode' }, zlib.deflateSync(Buffer.alloc(10 << 20)), [10, 10]);
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: 50, Height: 50, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'FlateDecode' }, Buffer.from('not zlib at all'), [50, 50]);
    addImagePage(doc, { Type: 'XObject', Subtype: 'Image', Width: scan.width, Height: scan.height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode' }, jpeg, [scan.width, scan.height]);
    doc.addPage();
    const started = Date.now();
    const pages = await collect(await doc.save());
    expect(Date.now() - started).toBeLessThan(2000);
    expect(pages.map((p) => (p.ok ? 'ok' : p.code))).toEqual(['PDF_IMAGE_UNSUPPORTED', 'TOO_LARGE', 'PDF_IMAGE_CORRUPT', 'PDF_IMAGE_CORRUPT', 'ok', 'PDF_NO_IMAGES']);
    const messages = pages.flatMap((p) => (p.ok ? [] : [p.message]));
    expect(messages[0]).toContain('JBIG2');
    expect(messages[1]).toContain('100000×100000');
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);

    const broken = await collect(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'));
    expect(broken).toEqual([expect.objectContaining({ ok: false, code: 'CORRUPT' })]);
  });

  it('takes at most maxPages pages and says which were left out', async () => {
    const tiny = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    const doc = await PDFDocument.create();
    for (let i = 0; i < 5; i++) {
      const img = await doc.embedJpg(tiny);
      doc.addPage([20 * 0.24, 20 * 0.24]).drawImage(img, { x: 0, y: 0 });
    }
    const pages = await collect(await doc.save(), { ...LIMITS, maxPages: 3 });
    expect(pages.filter((p) => p.ok)).toHaveLength(3);
    expect(pages[3]).toMatchObject({ ok: false, code: 'TOO_MANY_PAGES', message: expect.stringContaining('第 4–5 页未导入') });
  });
});
