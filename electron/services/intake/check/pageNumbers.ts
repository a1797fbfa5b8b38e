/**
 * Phase (c) — printed page numbers: the mark found in the margin by the thumbnail analysis is cut
 * out of the full-resolution image, scaled to the text height tesseract reads best, and read as one
 * line of digits. Only that small crop is recognised, so it is fast enough to run on every page.
 */
import sharp from 'sharp';
import { parsePageNumber } from '../../digitization/ocr/pageNumber';
import type { DigitEngine, DigitOcr } from './digitOcr';
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
 * Crop variants: text height for tesseract (px) and padding around the mark (× its height). A
 * number is accepted only when both OCR engines read it (at the same or different sizes); a mark
 * they never agree on counts as unread — a warning to check by hand — never as a wrong number.
 */
const VARIANTS = [
  { target: 30, pad: 0.6 },
  { target: 40, pad: 1.0 },
  { target: 50, pad: 1.5 },
] as const;

interface Region {
  data: Buffer;
  width: number;
  height: number;
  /** The mark's box inside the region, full-resolution pixels. */
  mark: { left: number; top: number; width: number; height: number };
}

export function createPageNumberReader(ocr: DigitOcr, maxPixels: number): PageNumberReader {
  const maxPad = Math.max(...VARIANTS.map((v) => v.pad));
  /** Decodes the mark and its widest padding once, at full resolution (greyscale). */
  const region = async (input: PageNumberInput, box: Box): Promise<Region | null> => {
    const { image, page, width: W, height: H, thumbScale } = input;
    const mark = { left: Math.floor(box.left * thumbScale), top: Math.floor(box.top * thumbScale), width: Math.ceil(box.width * thumbScale), height: Math.ceil(box.height * thumbScale) };
    const pad = Math.round(Math.max(12, mark.height * maxPad));
    const left = Math.max(0, mark.left - pad);
    const top = Math.max(0, mark.top - pad);
    const width = Math.min(W - left, mark.width + 2 * pad);
    const height = Math.min(H - top, mark.height + 2 * pad);
    if (width <= 0 || height <= 0) return null;
    const { data, info } = await sharp(image, { page, limitInputPixels: maxPixels, failOn: 'none' })
      .extract({ left, top, width, height })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, mark: { ...mark, left: mark.left - left, top: mark.top - top } };
  };
  const crop = async (r: Region, v: (typeof VARIANTS)[number]): Promise<Buffer | null> => {
    const pad = Math.round(Math.max(12, r.mark.height * v.pad));
    const left = Math.max(0, r.mark.left - pad);
    const top = Math.max(0, r.mark.top - pad);
    const width = Math.min(r.width - left, r.mark.width + 2 * pad);
    const height = Math.min(r.height - top, r.mark.height + 2 * pad);
    if (width <= 0 || height <= 0) return null;
    const factor = Math.min(3, Math.max(0.25, v.target / Math.max(1, r.mark.height)));
    return sharp(r.data, { raw: { width: r.width, height: r.height, channels: 1 } })
      .extract({ left, top, width, height })
      .resize({ width: Math.max(8, Math.round(width * factor)) })
      // Pure black on white: tesseract's LSTM misreads short grey digits on off-white paper.
      .normalise()
      .threshold(128)
      .extend({ top: 10, bottom: 10, left: 10, right: 10, background: '#ffffff' })
      // Without a density tesseract warns on every page and guesses one.
      .withDensity(300)
      .png({ compressionLevel: 1 })
      .toBuffer();
  };
  const readOnce = async (png: Buffer, engine: DigitEngine): Promise<number | null> =>
    // tesseract.js reports confidence 0 whenever a character whitelist is set, so agreement is the
    // acceptance test. Same parser as the digitization OCR ("- 12 -", "12", "12/30").
    parsePageNumber((await ocr.readLine(png, engine)).text.trim());
  return {
    async read(input) {
      for (const box of input.candidates) {
        const votes: { n: number; engine: DigitEngine }[] = [];
        try {
          const r = await region(input, box);
          if (!r) continue;
          for (const v of VARIANTS) {
            const png = await crop(r, v);
            if (!png) break;
            const [lstm, legacy] = await Promise.all([readOnce(png, 'lstm'), readOnce(png, 'legacy')]);
            if (lstm !== null) votes.push({ n: lstm, engine: 'lstm' });
            if (legacy !== null) votes.push({ n: legacy, engine: 'legacy' });
            const agreed = votes.find((a) => votes.some((b) => b.n === a.n && b.engine !== a.engine));
            if (agreed) return agreed.n;
          }
        } catch {
          return null;
        }
      }
      return null;
    },
    close: () => ocr.close(),
  };
}
