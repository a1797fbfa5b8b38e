/**
 * A pool of tesseract.js workers (offline language data, one worker per core by default) that
 * implements the services' OcrEngine port: recognition with word boxes, printed page number and a
 * text-only PDF page; and orientation by comparing recognition confidence at the four rotations.
 * Workers are recreated every RECYCLE_AFTER pages because WASM memory only grows.
 */
import os from 'node:os';
import sharp, { type Sharp } from 'sharp';
import { createWorker, type Worker } from 'tesseract.js';
import { normaliseLine } from '../suggest';
import type { OcrEngine, OcrOutcome, OcrWordBox, Rotation } from '../ports';
import { readPageNumber, type OcrLine } from './pageNumber';
import { OCR_LANGS, resolveLangPath } from './tessdata';

const RECYCLE_AFTER = 200;
/** Confidence at 0° above which the page is taken as upright without trying the other rotations. */
const UPRIGHT_CONFIDENCE = 70;

interface Slot {
  worker: Worker;
  uses: number;
}

interface BlockTree {
  paragraphs?: { lines?: { text: string; bbox: { x0: number; y0: number; x1: number; y1: number }; words?: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[] }[] }[];
}

export interface OcrPool extends OcrEngine {
  readonly size: number;
}

export function createOcrPool(opts: { size?: number; langPath?: string } = {}): OcrPool {
  const size = Math.max(1, opts.size ?? os.availableParallelism());
  const langPath = opts.langPath ?? resolveLangPath();
  const slots: Slot[] = [];
  const idle: Slot[] = [];
  // Orientation checks hold up the import (the strip waits for them); full-page recognition is
  // background work. So urgent requests are served first.
  const waiting: { urgent: boolean; resolve: (s: Slot) => void }[] = [];
  let creating = 0;
  let closed = false;

  const newWorker = () =>
    createWorker([...OCR_LANGS].join('+'), 1, {
      langPath,
      cacheMethod: 'none',
      gzip: true,
      logger: () => undefined,
      errorHandler: () => undefined,
    });

  async function acquire(urgent: boolean): Promise<Slot> {
    if (closed) throw new Error('OCR 已关闭。');
    const free = idle.pop();
    if (free) return free;
    if (slots.length + creating < size) {
      creating++;
      try {
        const slot = { worker: await newWorker(), uses: 0 };
        slots.push(slot);
        return slot;
      } finally {
        creating--;
      }
    }
    return new Promise((resolve) => {
      const at = urgent ? waiting.findIndex((w) => !w.urgent) : -1;
      waiting.splice(at < 0 ? waiting.length : at, 0, { urgent, resolve });
    });
  }

  function release(slot: Slot): void {
    const next = waiting.shift();
    if (next) next.resolve(slot);
    else idle.push(slot);
  }

  async function use<T>(fn: (w: Worker) => Promise<T>, urgent = false): Promise<T> {
    const slot = await acquire(urgent);
    try {
      return await fn(slot.worker);
    } finally {
      slot.uses++;
      if (slot.uses >= RECYCLE_AFTER && !closed) {
        await slot.worker.terminate().catch(() => undefined);
        slot.worker = await newWorker();
        slot.uses = 0;
      }
      release(slot);
    }
  }

  async function recognize(jpeg: Buffer): Promise<OcrOutcome> {
    const meta = await sharp(jpeg).metadata();
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    const dpi = meta.density ?? 300;
    // 300-dpi text is recognised faster and as well at half size (engineering notes).
    const scale = width > 1800 ? 0.5 : 1;
    const input = await sharp(jpeg)
      .greyscale()
      .resize({ width: Math.round(width * scale) })
      .withMetadata({ density: Math.round(dpi * scale) })
      .png()
      .toBuffer();
    const r = await use((w) => w.recognize(input, { pdfTextOnly: true }, { text: true, blocks: true, pdf: true }));
    const back = (v: number) => Math.round(v / scale);
    const words: OcrWordBox[] = [];
    const lines: OcrLine[] = [];
    for (const block of (r.data.blocks ?? []) as BlockTree[]) {
      for (const para of block.paragraphs ?? []) {
        for (const line of para.lines ?? []) {
          lines.push({ text: normaliseLine(line.text), bbox: { y0: back(line.bbox.y0), y1: back(line.bbox.y1) } });
          for (const w of line.words ?? []) {
            words.push({ text: w.text, confidence: w.confidence, bbox: [back(w.bbox.x0), back(w.bbox.y0), back(w.bbox.x1), back(w.bbox.y1)] });
          }
        }
      }
    }
    const text = r.data.text.split('\n').map(normaliseLine).join('\n').trim();
    return {
      text,
      words,
      confidence: Math.round(r.data.confidence),
      textPdf: r.data.pdf ? Uint8Array.from(r.data.pdf) : null,
      pageNumber: readPageNumber(lines, height),
    };
  }

  async function detectOrientation(grey: Buffer): Promise<{ rotation: Rotation; confidence: number }> {
    const prepare = (img: Sharp) =>
      img.resize({ width: 800, height: 800, fit: 'inside', withoutEnlargement: true }).greyscale().withMetadata({ density: 150 }).png().toBuffer();
    const meta = await sharp(grey).metadata();
    const w = meta.width ?? 0;
    const h = meta.height ?? 0;
    const trials = async (image: Buffer) => {
      const trial = async (rotation: Rotation) => {
        const img = rotation === 0 ? image : await sharp(image).rotate(rotation).png().toBuffer();
        const r = await use((wk) => wk.recognize(img, {}, { text: true }), true);
        const chars = r.data.text.replace(/\s/g, '').length;
        return { rotation, confidence: chars < 4 ? 0 : r.data.confidence, chars };
      };
      let best = await trial(0);
      if (best.confidence >= UPRIGHT_CONFIDENCE) return best;
      for (const rotation of [180, 90, 270] as const) {
        const t = await trial(rotation);
        if (t.confidence > best.confidence) best = t;
        if (best.confidence >= UPRIGHT_CONFIDENCE) break;
      }
      return best;
    };
    // The middle band of the page usually tells which way is up, at a fraction of the cost; a page
    // whose text sits elsewhere (a short note at the top) is tried whole.
    if (h > 400) {
      const band = await prepare(sharp(grey).extract({ left: 0, top: Math.round(h * 0.3), width: w, height: Math.round(h * 0.4) }));
      const r = await trials(band);
      if (r.chars >= 4) return { rotation: r.rotation, confidence: r.confidence };
    }
    const r = await trials(await prepare(sharp(grey)));
    return { rotation: r.rotation, confidence: r.confidence };
  }


  async function close(): Promise<void> {
    closed = true;
    await Promise.all(slots.splice(0).map((s) => s.worker.terminate().catch(() => undefined)));
    idle.length = 0;
  }

  return { size, recognize, detectOrientation, close };
}
