/**
 * Phase (b) for one file — decoded checks at reduced scale: each page's thumbnail is analysed
 * (blank, skew, ink print for near-duplicates, where the page number is). Plain data in and out:
 * it runs in the check's worker threads (checkWorker.ts), or in-process when there are none.
 */
import type { SafeReadResult } from './safeRead';
import { analyseThumb, type Box, type InkPrint } from './thumbAnalysis';
import { decodeThumb, type DecodeLimits } from './thumbnail';

export interface PageToDecode {
  /** Page index inside a multi-page TIFF (0 otherwise). */
  tiffPage: number;
  /** Full-resolution width from the header. */
  width: number;
}

export type DecodedPage =
  | { ok: true; blank: boolean; skewDegrees: number | null; numberBoxes: Box[]; thumbWidth: number; print: InkPrint | null }
  /** The image data is damaged or incomplete. */
  | { ok: false };

export interface DecodedFile {
  /** False: the file could not be read again (gone, replaced by a link, …). */
  read: boolean;
  pages: DecodedPage[];
}

export async function decodedChecks(read: SafeReadResult, pages: readonly PageToDecode[], limits: DecodeLimits): Promise<DecodedFile> {
  if (!read.ok) return { read: false, pages: [] };
  const out: DecodedPage[] = [];
  for (const p of pages) {
    try {
      const thumb = await decodeThumb(read.bytes, p.tiffPage, p.width, limits);
      const a = analyseThumb(thumb);
      out.push({ ok: true, blank: a.blank, skewDegrees: a.skewDegrees, numberBoxes: a.numberBoxes, thumbWidth: thumb.width, print: a.print });
    } catch {
      out.push({ ok: false });
    }
  }
  return { read: true, pages: out };
}

/** The buffers a decoded file's result can hand over to another thread instead of copying. */
export function transferablesOf(file: DecodedFile): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of file.pages) {
    if (!p.ok || !p.print) continue;
    for (const a of [p.print.bits, p.print.grown, p.print.rowInk]) if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  }
  return out;
}
