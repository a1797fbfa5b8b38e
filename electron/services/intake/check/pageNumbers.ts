/**
 * Phase (c) — printed page numbers: the mark found in the margin by the thumbnail analysis is cut
 * out of the full-resolution image, scaled to the text height tesseract reads best, and read as one
 * line of digits. Only that small crop is recognised, so it is fast enough to run on every page.
 */
import sharp from 'sharp';
import { parsePageNumber } from '../../digitization/ocr/pageNumber';
import type { DigitOcr } from './digitOcr';
import type { Box } from './thumbAnalysis';

/** Reads the printed page number of one page image, or null. */
export interface PageNumberInput {
  image: Buffer;
  /** Page index inside a multi-page TIFF (0 otherwise). */
  page: number;
  width: number;
  height: number;
  /** Where the number probably is, in thumbnail pixels. */
  candidates: readonly Box[];
  /** Full-resolution pixels per thumbnail pixel. */
  thumbScale: number;
}

export interface PageNumberReader {
  read(input: PageNumberInput): Promise<number | null>;
  close(): Promise<void>;
}


/**
 * Crop variants tried in turn: text height for tesseract (px) and padding around the mark (× its
 * height). Measured on generated pages: the first reads every number; the second rescues the odd
 * digit the first misses ("16" read as nothing) at the cost of one more small recognition.
 */
const VARIANTS = [
  { target: 30, pad: 0.6 },
  { target: 45, pad: 1.5 },
] as const;

export function createPageNumberReader(ocr: DigitOcr, maxPixels: number): PageNumberReader {
  const crop = async (input: PageNumberInput, box: Box, v: (typeof VARIANTS)[number]): Promise<Buffer | null> => {
    const { image, page, width: W, height: H, thumbScale } = input;
    const h = box.height * thumbScale;
    const pad = Math.round(Math.max(12, h * v.pad));
    const left = Math.max(0, Math.floor(box.left * thumbScale) - pad);
    const top = Math.max(0, Math.floor(box.top * thumbScale) - pad);
    const width = Math.min(W - left, Math.ceil(box.width * thumbScale) + 2 * pad);
    const height = Math.min(H - top, Math.ceil(h) + 2 * pad);
    if (width <= 0 || height <= 0) return null;
    const factor = Math.min(3, Math.max(0.25, v.target / Math.max(1, h)));
    return sharp(image, { page, limitInputPixels: maxPixels, failOn: 'none' })
      .extract({ left, top, width, height })
      .greyscale()
      .resize({ width: Math.max(8, Math.round(width * factor)) })
      // Pure black on white: tesseract's LSTM misreads short grey digits on off-white paper.
      .normalise()
      .threshold(128)
      .extend({ top: 10, bottom: 10, left: 10, right: 10, background: '#ffffff' })
      .png({ compressionLevel: 1 })
      .toBuffer();
  };
  return {
    async read(input) {
      for (const box of input.candidates) {
        for (const v of VARIANTS) {
          let png: Buffer | null;
          try {
            png = await crop(input, box, v);
          } catch {
            return null;
          }
          if (!png) break;
          // tesseract.js reports confidence 0 whenever a character whitelist is set, so the strict
          // parse (one number, optionally between dashes) is the acceptance test. Same parser as the
          // digitization OCR, so both read "- 12 -" and "12" alike.
          const n = parsePageNumber((await ocr.readLine(png)).text.trim());
          if (n !== null) return n;
        }
      }
      return null;
    },
    close: () => ocr.close(),
  };
}
