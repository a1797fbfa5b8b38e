/**
 * Phase (a) — hashing and headers: reads each page image once (never through a link), hashes it,
 * identifies its real format from the bytes and reads its header (size, dpi, pages in a TIFF).
 * Nothing is decoded here; pixel bombs are refused from the header alone.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import { LIMITS as IMPORT_LIMITS } from '../../digitization/imaging/decode';
import { sniffFormat, type ImageFormat } from './imageFormat';
import type { ImageFile, PersonFolder } from './packageScan';
import { readUntrusted } from './safeRead';

export interface ImageLimits {
  /** Largest image file read, bytes. */
  maxImageBytes: number;
  /** Largest decoded size accepted, pixels (width × height). */
  maxPixels: number;
  /** Most pages read from one multi-page TIFF. */
  maxTiffPages: number;
}

/** The same pixel and TIFF-page limits as the digitization import, so a page accepted at intake imports. */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxImageBytes: 200 * 1024 * 1024,
  maxPixels: IMPORT_LIMITS.maxPixels,
  maxTiffPages: IMPORT_LIMITS.maxTiffPages,
};

export type PageStatus = 'ok' | 'unreadable' | 'unsupported' | 'too-large';

export interface PageRecord {
  folder: PersonFolder;
  file: ImageFile;
  /** 1-based position in the person's pages (multi-page TIFF pages each take one). */
  position: number;
  /** Page index inside a multi-page TIFF (0 for single-page files). */
  tiffPage: number;
  tiffPages: number;
  status: PageStatus;
  /** Why the page cannot be checked further (Chinese), for the finding. */
  problem: string;
  format: ImageFormat;
  bytes: number;
  sha256: string;
  width: number;
  height: number;
  /** Density from the file; null when missing (or the 72-dpi default that means "not set"). */
  dpi: number | null;
  // Phase (b)
  blank: boolean | null;
  skewDegrees: number | null;
  // Phase (c)
  printedNumber: number | null;
  numberTried: boolean;
}

function blankRecord(folder: PersonFolder, file: ImageFile): PageRecord {
  return {
    folder,
    file,
    position: 0,
    tiffPage: 0,
    tiffPages: 1,
    status: 'ok',
    problem: '',
    format: 'unknown',
    bytes: 0,
    sha256: '',
    width: 0,
    height: 0,
    dpi: null,
    blank: null,
    skewDegrees: null,
    printedNumber: null,
    numberTried: false,
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** Reads one file into one record per page (a multi-page TIFF gives several). */
export async function readPageHeaders(folder: PersonFolder, file: ImageFile, limits: ImageLimits): Promise<PageRecord[]> {
  const rec = blankRecord(folder, file);
  const read = await readUntrusted(file.abs, limits.maxImageBytes);
  if (!read.ok) {
    if (read.reason === 'too-large') return [{ ...rec, status: 'too-large', bytes: read.size ?? 0, problem: `文件有 ${mb(read.size ?? 0)}，超过单页上限 ${mb(limits.maxImageBytes)}` }];
    return [{ ...rec, status: 'unreadable', problem: read.reason === 'symlink' ? '文件是链接，不会读取' : '文件无法读取' }];
  }
  const bytes = read.bytes;
  rec.bytes = bytes.length;
  rec.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  rec.format = sniffFormat(bytes);
  if (bytes.length === 0) return [{ ...rec, status: 'unreadable', problem: '文件是空的（0 字节）' }];
  if (rec.format !== 'jpeg' && rec.format !== 'tiff') {
    return [{ ...rec, status: rec.format === 'unknown' ? 'unreadable' : 'unsupported', problem: rec.format === 'unknown' ? '文件内容不是可识别的图像' : '' }];
  }
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return [{ ...rec, status: 'unreadable', problem: '图像文件头损坏' }];
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  rec.width = width;
  rec.height = height;
  // 72 is what encoders write when nobody set a resolution: treat it as unknown, not as a measurement.
  rec.dpi = meta.density && meta.density !== 72 ? Math.round(meta.density) : null;
  if (width <= 0 || height <= 0) return [{ ...rec, status: 'unreadable', problem: '图像尺寸无效' }];
  if (width * height > limits.maxPixels) {
    return [{ ...rec, status: 'too-large', problem: `图像声明的尺寸为 ${width}×${height} 像素，超过上限 ${Math.round(limits.maxPixels / 1e6)} 百万像素（可能是“图像炸弹”）` }];
  }
  const pages = rec.format === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1;
  rec.tiffPages = pages;
  if (pages > limits.maxTiffPages) {
    return [{ ...rec, status: 'too-large', problem: `一个 TIFF 文件中有 ${pages} 页，超过上限 ${limits.maxTiffPages} 页` }];
  }
  return Array.from({ length: pages }, (_, i) => ({ ...rec, tiffPage: i }));
}
