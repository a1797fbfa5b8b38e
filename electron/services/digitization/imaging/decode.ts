/**
 * Turns one input file (JPEG, PNG, TIFF incl. multi-page, or a scanner PDF holding one image per
 * page) into page images. Every file is treated as hostile: sizes, pixel counts and page counts are
 * bounded, and each problem becomes a Chinese per-page (or per-file) failure, never a throw.
 */
import sharp, { type Metadata } from 'sharp';
import type { IngestFailure } from '../ports';
import { pdfPages } from './pdf/pdfPages';

export const LIMITS = {
  /** 150 megapixels: above A3 at 600 dpi, far below what would exhaust memory. */
  maxPixels: 150_000_000,
  maxTiffPages: 300,
  maxFileBytes: 512 * 1024 * 1024,
};

export interface DecodedPage {
  ok: true;
  source: string;
  /** The page as an encoded image (kept as the original). */
  original: Buffer;
  /** From the file, when it says; null means unknown. */
  dpi: number | null;
}

export type Decoded = DecodedPage | IngestFailure;

type Kind = 'jpeg' | 'png' | 'tiff' | 'pdf' | null;

export function sniff(data: Uint8Array): Kind {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if ((data[0] === 0x49 && data[1] === 0x49 && data[2] === 0x2a) || (data[0] === 0x4d && data[1] === 0x4d && data[3] === 0x2a)) return 'tiff';
  if (Buffer.from(data.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return null;
}

const fail = (source: string, message: string): IngestFailure => ({ ok: false, source, message });

/** Header-only check: refuses absurd dimensions (decompression bombs) before any pixel is decoded. */
export async function checkImage(source: string, data: Buffer, page?: number): Promise<IngestFailure | { width: number; height: number; density: number | null }> {
  let meta: Metadata;
  try {
    meta = await sharp(data, { page, limitInputPixels: false }).metadata();
  } catch {
    return fail(source, '无法读取图像：文件已损坏、不完整或不是图像。请重新扫描或导出该页。');
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width <= 0 || height <= 0) return fail(source, '无法读取图像尺寸：文件已损坏或不完整。');
  if (width * height > LIMITS.maxPixels) {
    return fail(source, `图像尺寸过大（${width}×${height} 像素），超过 ${LIMITS.maxPixels / 1e6} 百万像素的上限，可能是损坏或恶意文件，已跳过。`);
  }
  return { width, height, density: declaredDensity(meta) };
}

/**
 * The resolution the file itself states, or null. libvips reports 72 dpi for a JPEG without a
 * resolution (or with JFIF's unit-less aspect ratio); only a stated unit makes the number real.
 */
export function declaredDensity(meta: Pick<Metadata, 'density' | 'resolutionUnit'>): number | null {
  return meta.resolutionUnit !== undefined && meta.density !== undefined && meta.density > 0 ? meta.density : null;
}

export async function* decodeFile(source: string, data: Buffer): AsyncGenerator<Decoded> {
  if (data.length === 0) {
    yield fail(source, '文件是空的（0 字节），可能没有保存完整。请重新扫描或复制该文件。');
    return;
  }
  if (data.length > LIMITS.maxFileBytes) {
    yield fail(source, `文件过大（${Math.round(data.length / 1048576)} MB），超过 ${LIMITS.maxFileBytes / 1048576} MB 的上限。请拆分后再导入。`);
    return;
  }
  const kind = sniff(data);
  if (kind === null) {
    yield fail(source, '不支持的文件格式。请导入 JPEG、PNG、TIFF 图像或扫描仪生成的 PDF。');
    return;
  }
  if (kind === 'pdf') {
    for await (const p of pdfPages(source, data, { maxPixels: LIMITS.maxPixels, maxPages: LIMITS.maxTiffPages })) yield p.ok ? p : { ok: false, source: p.source, message: p.message };
    return;
  }
  if (kind === 'tiff') {
    yield* tiffPages(source, data);
    return;
  }
  const checked = await checkImage(source, data);
  if ('ok' in checked) yield checked;
  else yield { ok: true, source, original: data, dpi: checked.density };
}

async function* tiffPages(source: string, data: Buffer): AsyncGenerator<Decoded> {
  let pages: number;
  let density: number | null;
  try {
    const meta = await sharp(data, { limitInputPixels: false }).metadata();
    pages = meta.pages ?? 1;
    density = declaredDensity(meta); // scanners write one resolution for the whole file
  } catch {
    yield fail(source, '无法读取 TIFF 文件：文件已损坏或不完整。');
    return;
  }
  const take = Math.min(pages, LIMITS.maxTiffPages);
  if (pages === 1) {
    const checked = await checkImage(source, data);
    yield 'ok' in checked ? checked : { ok: true, source, original: data, dpi: checked.density };
  }
  for (let i = 0; i < take && pages > 1; i++) {
    const label = `${source} 第 ${i + 1} 页`;
    try {
      // One page of a multi-page file is kept as a lossless PNG (the file itself is not split).
      // limitInputPixels refuses a bomb page before decoding it.
      const png = await sharp(data, { page: i, limitInputPixels: LIMITS.maxPixels }).png({ compressionLevel: 6 }).withMetadata().toBuffer();
      yield { ok: true, source: label, original: png, dpi: density };
    } catch (err) {
      const tooBig = /pixel limit/i.test((err as Error).message);
      yield fail(label, tooBig ? `该页图像尺寸过大，超过 ${LIMITS.maxPixels / 1e6} 百万像素的上限，可能是损坏或恶意文件，已跳过。` : '无法读取该页图像：文件已损坏或不完整。');
    }
  }
  if (pages > take) {
    yield fail(
      source,
      `该 TIFF 文件共 ${pages} 页，超过单个文件 ${LIMITS.maxTiffPages} 页的上限：已导入前 ${take} 页，第 ${take + 1}–${pages} 页未导入。请把文件拆分后导入其余页面。`,
    );
  }
}
