/**
 * Page records: one per page image (per page of a multi-page TIFF), filled by the three phases —
 * (a) hashing and headers (fileHeader.ts), (b) decoded checks, (c) printed page numbers.
 */
import { LIMITS as IMPORT_LIMITS } from '../../digitization/imaging/decode';
import { fileHeader, type FileHeader } from './fileHeader';
import type { ImageFormat } from './imageFormat';
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

/** One record per page of the file (a multi-page TIFF gives several; a file that fails, one). */
export function pageRecordsOf(folder: PersonFolder, file: ImageFile, h: FileHeader): PageRecord[] {
  const rec: PageRecord = { folder, file, position: 0, tiffPage: 0, ...h, blank: null, skewDegrees: null, printedNumber: null, numberTried: false };
  if (h.status !== 'ok') return [rec];
  return Array.from({ length: h.tiffPages }, (_, i) => ({ ...rec, tiffPage: i }));
}

/** Reads one file into one record per page (a multi-page TIFF gives several). */
export async function readPageHeaders(folder: PersonFolder, file: ImageFile, limits: ImageLimits): Promise<PageRecord[]> {
  return pageRecordsOf(folder, file, await fileHeader(await readUntrusted(file.abs, limits.maxImageBytes), limits));
}
