/**
 * What the digitization services need from the imaging code (./imaging) and the OCR pool (./ocr),
 * narrowed to the calls made here. adapters.ts implements these on
 * the real modules; keeping the seam here means the workspace code does not depend on their
 * internal shapes.
 */

export type Rotation = 0 | 90 | 180 | 270;

/** Where pages come from for one job. */
export type SourceSpec =
  | { kind: 'files'; files: string[] }
  | { kind: 'upload'; name: string; data: Buffer }
  | { kind: 'watch'; dir: string }
  | { kind: 'scan'; device?: string | undefined; duplex: boolean; resolution: number; colour: boolean };

export interface ProcessedImage {
  jpeg: Buffer;
  width: number;
  height: number;
  dpi: number;
  sha256: string;
  rotation: Rotation;
  skewDegrees: number;
  blank: boolean;
  colour: boolean;
  /** The transforms applied, in the imaging code's own form; stored as JSON for overrides. */
  steps: unknown[];
}

export interface IngestedPage {
  ok: true;
  /** A human label: file name, plus "第 n 页" inside multi-page files. */
  source: string;
  /** The unprocessed page as an encoded image (kept until the volume is accepted). */
  original: Buffer;
  processed: ProcessedImage;
}

export interface IngestFailure {
  ok: false;
  source: string;
  /** Chinese, says what is wrong with this page or file. */
  message: string;
}

export interface OcrWordBox {
  text: string;
  bbox: [number, number, number, number];
  confidence: number;
}

export interface OcrOutcome {
  text: string;
  words: OcrWordBox[];
  confidence: number;
  /** A text-only PDF page (invisible text layer) for the searchable PDF, when the engine made one. */
  textPdf: Uint8Array | null;
  pageNumber: number | null;
}

export interface OcrEngine {
  recognize(jpeg: Buffer): Promise<OcrOutcome>;
  /**
   * The rotation that makes the page upright; used by processing. `hint.skewDegrees`: the skew
   * processing measured, so the detector does not measure it again.
   */
  detectOrientation(grey: Buffer, hint?: { skewDegrees?: number }): Promise<{ rotation: Rotation; confidence: number }>;
  close(): Promise<void>;
}

export interface Imaging {
  /**
   * Reads and processes every page of a source, yielding results in input order as each finishes.
   * `onTotal` is told the number of pages once it is known. Bad pages are yielded as failures.
   */
  ingest(spec: SourceSpec, opts: { signal: AbortSignal; ocr: OcrEngine | null; onTotal(total: number | null): void }): AsyncIterable<IngestedPage | IngestFailure>;
  /** Re-runs processing on an original with the clerk's rotation overriding the detected one. */
  reprocess(original: Buffer, steps: unknown[], rotation: Rotation): Promise<ProcessedImage>;
  scannerStatus(): Promise<{ available: boolean; devices: { name: string; label: string }[]; message: string }>;
}

export interface SearchablePdfPage {
  jpeg: Buffer;
  widthPx: number;
  heightPx: number;
  dpi: number;
  textPdf: Uint8Array | null;
}

export type BuildSearchablePdf = (pages: SearchablePdfPage[]) => Promise<Uint8Array>;
