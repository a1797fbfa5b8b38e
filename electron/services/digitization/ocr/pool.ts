/**
 * The OCR pool behind the services' OcrEngine port: one slot (Chinese + English tesseract.js
 * workers, see slot.ts) per core by default, offline language data (tessdata.ts). Orientation
 * checks hold up an import (the page strip waits for them) while page recognition is background
 * work, so orientation requests are served first. A slot's workers are ended after
 * RECYCLE_AFTER recognitions and started afresh on the next one, because WASM memory only grows.
 */
import os from 'node:os';
import type { OcrEngine, OcrOutcome, Rotation } from '../ports';
import { detectOrientation, type OrientationHint } from './orientation';
import { recognizePage } from './recognize';
import { WorkerSlot } from './slot';
import { resolveLangPath } from './tessdata';

/**
 * Reads per slot (its Chinese worker's recognitions: about three per page — the orientation
 * line, the page, a margin mark) before its workers are replaced. Measured with `npm run bench --
 * ocr --rss-pages N [--recycle R]` on 2 slots: never recycled, RSS levelled off near 1 GB in an
 * earlier build; recycled every 200 reads (8 times in 500 pages, with MALLOC_ARENA_MAX=2 as the app
 * sets it) the latest run stays flat: highest 660 MB in the first 100 pages, 669 MB in the last 100,
 * peak 690 MB. A restart costs 0.65–0.85 s CPU per worker, well under 1% of throughput.
 */
export const RECYCLE_AFTER = 200;

export interface OcrPoolOptions {
  /** Slots (one core each); default os.availableParallelism(). */
  size?: number;
  langPath?: string;
  recycleAfter?: number;
}

export interface OcrPool extends OcrEngine {
  readonly size: number;
  /** Workers ended for recycling so far (for the benchmark and tests). */
  readonly recycled: number;
}

export function createOcrPool(opts: OcrPoolOptions = {}): OcrPool {
  const size = Math.max(1, opts.size ?? os.availableParallelism());
  const langPath = opts.langPath ?? resolveLangPath();
  const recycleAfter = Math.max(1, opts.recycleAfter ?? RECYCLE_AFTER);
  const slots: WorkerSlot[] = [];
  const idle: WorkerSlot[] = [];
  const waiting: { urgent: boolean; resolve: (s: WorkerSlot) => void; reject: (e: Error) => void }[] = [];
  let closed = false;
  let recycled = 0;

  function acquire(urgent: boolean): Promise<WorkerSlot> {
    if (closed) return Promise.reject(new Error('文字识别已关闭。'));
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (slots.length < size) {
      const slot = new WorkerSlot(langPath);
      slots.push(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve, reject) => {
      const at = urgent ? waiting.findIndex((w) => !w.urgent) : -1;
      waiting.splice(at < 0 ? waiting.length : at, 0, { urgent, resolve, reject });
    });
  }

  function release(slot: WorkerSlot): void {
    const next = waiting.shift();
    if (next) next.resolve(slot);
    else idle.push(slot);
  }

  async function use<T>(fn: (slot: WorkerSlot) => Promise<T>, urgent = false): Promise<T> {
    const slot = await acquire(urgent);
    try {
      return await fn(slot);
    } finally {
      if (slot.uses >= recycleAfter && !closed) {
        await slot.recycle();
        recycled++;
      }
      release(slot);
    }
  }

  return {
    size,
    get recycled() {
      return recycled;
    },
    recognize: (jpeg: Buffer): Promise<OcrOutcome> => recognizePage(jpeg, (fn) => use(fn)),
    detectOrientation: (grey: Buffer, hint?: OrientationHint): Promise<{ rotation: Rotation; confidence: number }> =>
      detectOrientation(grey, (png, psm, latin) => use((slot) => (latin ? slot.readLatinLine(png) : slot.read(png, psm, { text: true })), true), hint),
    async close(): Promise<void> {
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new Error('文字识别已关闭。'));
      idle.length = 0;
      await Promise.all(slots.splice(0).map((s) => s.recycle()));
    },
  };
}
