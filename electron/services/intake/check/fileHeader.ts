/**
 * Phase (a) — hashing and headers: hashes a page image's bytes (read once, never through a link),
 * identifies its real format from the bytes and reads its header (size, dpi, pages in a TIFF).
 * Nothing is decoded here; pixel bombs are refused from the header alone. Imports no more than it
 * needs: it also runs in the check's worker threads.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import { sniffFormat } from './imageFormat';
import { readJpegHeader } from './jpeg/header';
import type { ImageLimits, PageRecord } from './pageRecords';
import type { SafeReadResult } from './safeRead';

/** What phase (a) learns about one file: plain data, so it can come back from a worker thread. */
export type FileHeader = Pick<PageRecord, 'status' | 'problem' | 'format' | 'bytes' | 'sha256' | 'width' | 'height' | 'dpi' | 'tiffPages'>;

function blankHeader(): FileHeader {
  return { status: 'ok', problem: '', format: 'unknown', bytes: 0, sha256: '', width: 0, height: 0, dpi: null, tiffPages: 1 };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** Hashes a file's bytes, identifies its format and reads its header (nothing is decoded). */
export async function fileHeader(read: SafeReadResult, limits: ImageLimits): Promise<FileHeader> {
  const h = blankHeader();
  if (!read.ok) {
    if (read.reason === 'too-large') return { ...h, status: 'too-large', bytes: read.size ?? 0, problem: `文件有 ${mb(read.size ?? 0)}，超过单页上限 ${mb(limits.maxImageBytes)}` };
    return { ...h, status: 'unreadable', problem: read.reason === 'symlink' ? '文件是链接，不会读取' : '文件无法读取' };
  }
  const bytes = read.bytes;
  h.bytes = bytes.length;
  h.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  h.format = sniffFormat(bytes);
  if (bytes.length === 0) return { ...h, status: 'unreadable', problem: '文件是空的（0 字节）' };
  if (h.format !== 'jpeg' && h.format !== 'tiff') {
    return { ...h, status: h.format === 'unknown' ? 'unreadable' : 'unsupported', problem: h.format === 'unknown' ? '文件内容不是可识别的图像' : '' };
  }
  // A plain JPEG's markers are read here; sharp reads the rest (same answers, tested both ways).
  let meta: { width?: number; height?: number; density?: number; pages?: number } | null = h.format === 'jpeg' ? readJpegHeader(bytes) : null;
  try {
    meta ??= await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ...h, status: 'unreadable', problem: '图像文件头损坏' };
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  h.width = width;
  h.height = height;
  // 72 is what encoders write when nobody set a resolution: treat it as unknown, not as a measurement.
  h.dpi = meta.density && meta.density !== 72 ? Math.round(meta.density) : null;
  if (width <= 0 || height <= 0) return { ...h, status: 'unreadable', problem: '图像尺寸无效' };
  if (width * height > limits.maxPixels) {
    return { ...h, status: 'too-large', problem: `图像声明的尺寸为 ${width}×${height} 像素，超过上限 ${Math.round(limits.maxPixels / 1e6)} 百万像素（可能是“图像炸弹”）` };
  }
  const pages = h.format === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1;
  h.tiffPages = pages;
  if (pages > limits.maxTiffPages) {
    return { ...h, status: 'too-large', problem: `一个 TIFF 文件中有 ${pages} 页，超过上限 ${limits.maxTiffPages} 页` };
  }
  return h;
}
